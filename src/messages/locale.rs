//! Which of the offered languages a caller's BCP 47 tag means (MESSAGES.md).

/// The offered locales, by their canonical tags; `en` is built in.
pub const LOCALES: [&str; 11] = [
    "en", "de", "es", "fr", "it", "ja", "ko", "pt-BR", "zh-CN", "zh-TW", "id",
];

/// Tags longer than this are not read (no real tag is; English).
const MAX_TAG: usize = 256;

/// The canonical tag of the offered locale that `tag` means: the exact tag, else its language
/// (`de-AT` → `de`, `pt` → `pt-BR`, `zh`/`zh-Hans`/`zh-SG` → `zh-CN`, `zh-Hant`/`zh-HK`/`zh-MO`
/// → `zh-TW`), else `en`. Case-insensitive; `_` is read as `-`. Never fails.
pub fn match_locale(tag: &str) -> &'static str {
    if tag.len() > MAX_TAG {
        return "en";
    }
    let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
    if let Some(exact) = LOCALES.iter().find(|l| l.eq_ignore_ascii_case(&tag)) {
        return exact;
    }
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or_default();
    match language {
        "zh" => {
            // The script decides when given (`zh-Hans-HK` is simplified), else the region.
            let rest: Vec<&str> = subtags.collect();
            let traditional = if rest.contains(&"hant") {
                true
            } else if rest.contains(&"hans") {
                false
            } else {
                rest.iter().any(|s| matches!(*s, "tw" | "hk" | "mo"))
            };
            if traditional {
                "zh-TW"
            } else {
                "zh-CN"
            }
        }
        "pt" => "pt-BR",
        // The former code of Indonesian, still sent by some systems (Java's `in_ID`).
        "in" => "id",
        _ => LOCALES
            .iter()
            .find(|l| !l.contains('-') && **l == language)
            .copied()
            .unwrap_or("en"),
    }
}
