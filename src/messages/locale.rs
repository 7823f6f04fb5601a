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
    let tag = tag.trim();
    let is = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    // Exact, `_` read as `-` (`pt_BR`).
    let same = |l: &str| {
        l.len() == tag.len()
            && l.bytes()
                .zip(tag.bytes())
                .all(|(a, b)| a.eq_ignore_ascii_case(&b) || (a == b'-' && b == b'_'))
    };
    if let Some(exact) = LOCALES.iter().find(|l| same(l)) {
        return exact;
    }
    let mut subtags = tag.split(['-', '_']);
    let language = subtags.next().unwrap_or_default();
    if is(language, "zh") {
        // The script decides when given (`zh-Hans-HK` is simplified), else the region.
        let (mut hant, mut hans, mut region) = (false, false, false);
        for s in subtags {
            hant |= is(s, "hant");
            hans |= is(s, "hans");
            region |= ["tw", "hk", "mo"].iter().any(|r| is(s, r));
        }
        return if hant || (region && !hans) {
            "zh-TW"
        } else {
            "zh-CN"
        };
    }
    if is(language, "pt") {
        return "pt-BR";
    }
    // `in`: the former code of Indonesian, still sent by some systems (Java's `in_ID`).
    if is(language, "in") {
        return "id";
    }
    LOCALES
        .iter()
        .find(|l| !l.contains('-') && is(l, language))
        .copied()
        .unwrap_or("en")
}
