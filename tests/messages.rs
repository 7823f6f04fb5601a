//! MESSAGES.md: the catalogs and the message mechanism. The English catalog is complete and every
//! key is used; every other catalog in `locales/` (translators add them) has exactly English's
//! keys and placeholders, keeps the verbatim tokens, and uses its glossary's terms; a broken
//! catalog falls back to English key by key; numbers and lists follow the locale; locale tags
//! match as MESSAGES.md says.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use connect_create_user::fields::SHAPES;
use connect_create_user::messages::{
    match_locale, Arg, Catalog, ListStyle, Message, LOCALES, OTHER_TYPE_KEYS,
};
use connect_create_user::value::OTHER_KINDS;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A flat catalog file as key → template, in file order; panics on anything else.
fn read_catalog(path: &Path) -> BTreeMap<String, String> {
    let text = fs::read_to_string(path).unwrap();
    let value: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()));
    let object = value.as_object().expect("a JSON object");
    let mut out = BTreeMap::new();
    for (k, v) in object {
        let t = v
            .as_str()
            .unwrap_or_else(|| panic!("{}: {k} is not a string", path.display()));
        out.insert(k.clone(), t.to_string());
    }
    // serde_json keeps the last of repeated keys: count the keys in the text too (one a line).
    let written = text
        .lines()
        .filter(|l| l.trim_start().starts_with('"') && l.contains("\": "))
        .count();
    assert_eq!(written, out.len(), "{}: a key is repeated", path.display());
    out
}

fn english() -> BTreeMap<String, String> {
    read_catalog(&root().join("locales/en.json"))
}

/// The placeholder names of a template.
fn placeholders(t: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        rest = &rest[i + 1..];
        if let Some(j) = rest.find('}') {
            out.insert(rest[..j].to_string());
            rest = &rest[j + 1..];
        }
    }
    out
}

/// Words a translation must keep as they are: member names (`PhoneConfig`), enum values and codes
/// (`DESK_PHONE`, `VOICE`), and the like.
fn verbatim_tokens(t: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for word in t.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':')) {
        let word = word.trim_end_matches(':');
        let upper = word.chars().filter(char::is_ascii_uppercase).count();
        let snake = word.len() > 2 && word.chars().all(|c| c.is_ascii_uppercase() || c == '_');
        let camel = upper >= 2
            && word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && word.chars().any(|c| c.is_ascii_lowercase());
        if snake || camel || word == "aws:" {
            out.insert(word.to_string());
        }
    }
    out
}

/// Every string literal of the crate's sources (`src/**/*.rs`).
fn source_literals() -> BTreeSet<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join("src"), &mut files);
    let mut literals = BTreeSet::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                }
                b'\'' => {
                    // A char literal ('"', '\'') or a lifetime ('a).
                    if b.get(i + 1) == Some(&b'\\') {
                        i += 2;
                        while i < b.len() && b[i] != b'\'' {
                            i += 1;
                        }
                    } else if b.get(i + 2) == Some(&b'\'') {
                        i += 2;
                    }
                    i += 1;
                }
                b'"' => {
                    let start = i + 1;
                    i += 1;
                    while i < b.len() && b[i] != b'"' {
                        if b[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                    literals.insert(text[start..i.min(b.len())].to_string());
                    i += 1;
                }
                _ => i += 1,
            }
        }
    }
    literals
}

/// Whether a literal looks like a catalog key (`type.expected`, `@list.and`).
fn looks_like_key(s: &str) -> bool {
    let body = s.strip_prefix('@').unwrap_or(s);
    let mut parts = body.split('.');
    let first = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && first.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && std::iter::once(first).chain(rest.iter().copied()).all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
}

/// Member names of the model (`label.<Member>` keys).
fn members() -> BTreeSet<&'static str> {
    SHAPES
        .iter()
        .flat_map(|s| s.fields.iter().map(|f| f.name))
        .collect()
}

#[test]
fn english_catalog_is_flat_and_well_formed() {
    let en = english();
    assert!(en.len() > 100);
    for (k, t) in &en {
        assert!(!t.is_empty(), "{k} is empty");
        // Every brace is part of a placeholder of plain name characters.
        let stripped: String = {
            let mut s = t.clone();
            for p in placeholders(t) {
                assert!(
                    !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                    "{k}: placeholder {p:?}"
                );
                s = s.replace(&format!("{{{p}}}"), "");
            }
            s
        };
        assert!(!stripped.contains(['{', '}']), "{k}: stray brace in {t:?}");
        if k.starts_with('@')
            || k.starts_with("label.")
            || k.starts_with("type.") && !k.contains("_item") && k != "type.expected"
        {
            assert!(
                placeholders(t).is_empty(),
                "{k}: a phrase has no placeholders"
            );
        }
    }
    // The built-in catalog is this file.
    let built = Catalog::english();
    for (k, t) in &en {
        assert_eq!(built.own(k), Some(t.as_str()), "{k}");
    }
    assert_eq!(built.keys().count(), en.len());
}

#[test]
fn every_key_used_in_code_is_in_english_and_every_english_key_is_used() {
    let en = english();
    let literals = source_literals();
    let mut used: BTreeSet<String> = BTreeSet::new();
    for lit in literals.iter().filter(|l| looks_like_key(l)) {
        if en.contains_key(lit) {
            used.insert(lit.clone());
        } else if en.contains_key(&format!("{lit}.one")) && en.contains_key(&format!("{lit}.other"))
        {
            // The stem of a counted message.
            used.insert(format!("{lit}.one"));
            used.insert(format!("{lit}.other"));
        } else if en.keys().any(|k| k.starts_with(&format!("{lit}."))) {
            // A family's prefix (`label`), not a key.
        } else {
            panic!("the sources use {lit:?}, which locales/en.json does not have");
        }
    }
    // The command line's sentences (`cli.*`) are rendered by js/cli, which names each key.
    let cli = fs::read_dir(root().join("js/cli"))
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .collect::<String>();
    for key in en.keys().filter(|k| k.starts_with("cli.")) {
        assert!(
            cli.contains(&format!("\"{key}\"")),
            "js/cli does not use {key}"
        );
        used.insert(key.clone());
    }
    for m in members() {
        let key = format!("label.{m}");
        assert!(en.contains_key(&key), "no label for {m}");
        used.insert(key);
    }
    let unused: Vec<&String> = en.keys().filter(|k| !used.contains(*k)).collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
}

#[test]
fn every_value_kind_has_a_type_phrase() {
    assert_eq!(OTHER_TYPE_KEYS.len(), OTHER_KINDS.len());
    for ((_, name), key) in OTHER_KINDS.iter().zip(OTHER_TYPE_KEYS) {
        // The English phrase is the kind's name (tests build values by that name).
        assert_eq!(Catalog::english().own(key), Some(*name), "{key}");
    }
}

#[test]
fn notes_explain_english_keys() {
    let en = english();
    let notes = read_catalog(&root().join("locales/en.notes.json"));
    for k in notes.keys().filter(|k| *k != "_") {
        assert!(
            en.contains_key(k),
            "a note for {k}, which en.json does not have"
        );
    }
    for (k, t) in &en {
        if !placeholders(t).is_empty() || k.starts_with('@') {
            let note = notes.get(k).unwrap_or_else(|| panic!("no note for {k}"));
            for p in placeholders(t) {
                assert!(
                    note.contains(&format!("{{{p}}}")),
                    "the note of {k} does not explain {{{p}}}"
                );
            }
        }
    }
}

/// What is wrong with catalog `other` against English.
fn translation_problems(
    en: &BTreeMap<String, String>,
    other: &BTreeMap<String, String>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (k, t) in en {
        match other.get(k) {
            None => problems.push(format!("{k}: missing")),
            Some(o) => {
                if placeholders(o) != placeholders(t) {
                    problems.push(format!(
                        "{k}: placeholders {:?}, English has {:?}",
                        placeholders(o),
                        placeholders(t)
                    ));
                }
                if !k.starts_with('@') {
                    for token in verbatim_tokens(t) {
                        if !o.contains(&token) {
                            problems.push(format!("{k}: {token} must stay as it is"));
                        }
                    }
                }
            }
        }
    }
    for k in other.keys() {
        if !en.contains_key(k) {
            problems.push(format!("{k}: not an English key"));
        }
    }
    problems
}

/// Whether English text `text` holds the glossary term `term` as words (case-insensitive; a plural
/// `s` allowed).
fn has_term(text: &str, term: &str) -> bool {
    let (text, term) = (text.to_lowercase(), term.to_lowercase());
    let mut from = 0;
    while let Some(i) = text[from..].find(&term) {
        let start = from + i;
        let end = start + term.len();
        let before = text[..start]
            .chars()
            .next_back()
            .map_or(true, |c| !c.is_alphabetic());
        let after = text[end..].strip_prefix('s').unwrap_or(&text[end..]);
        let after_ok = after.chars().next().map_or(true, |c| !c.is_alphabetic());
        if before && after_ok {
            return true;
        }
        from = end;
    }
    false
}

/// Glossary problems of a translated catalog.
fn glossary_problems(
    en: &BTreeMap<String, String>,
    other: &BTreeMap<String, String>,
    glossary: &BTreeMap<String, String>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (k, t) in en {
        let Some(o) = other.get(k) else { continue };
        for (term, translated) in glossary {
            if has_term(t, term) && !o.to_lowercase().contains(&translated.to_lowercase()) {
                problems.push(format!("{k}: uses {term:?} but not {translated:?}"));
            }
        }
    }
    problems
}

const GLOSSARY_TERMS: [&str; 16] = [
    "user name",
    "password",
    "security profile",
    "routing profile",
    "hierarchy group",
    "identity management type",
    "instance",
    "tag",
    "channel",
    "phone number",
    "email address",
    "first name",
    "last name",
    "after contact work",
    "auto-accept",
    "ID",
];

#[test]
fn every_catalog_in_locales_matches_english_and_its_glossary() {
    let en = english();
    let english_glossary = read_catalog(&root().join("locales/glossary/en.json"));
    let terms: BTreeSet<&str> = english_glossary.keys().map(String::as_str).collect();
    assert_eq!(terms, GLOSSARY_TERMS.into_iter().collect());
    for (term, same) in &english_glossary {
        assert_eq!(term, same, "the English glossary is the identity");
    }
    let mut checked = 0;
    for entry in fs::read_dir(root().join("locales")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let Some(tag) = name.strip_suffix(".json") else {
            continue;
        };
        if tag == "en" || tag.contains('.') || path.is_dir() {
            continue;
        }
        assert!(
            LOCALES.contains(&tag),
            "{name}: not an offered locale {LOCALES:?}"
        );
        let other = read_catalog(&path);
        let problems = translation_problems(&en, &other);
        assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
        let glossary = read_catalog(&root().join(format!("locales/glossary/{tag}.json")));
        let keys: BTreeSet<&str> = glossary.keys().map(String::as_str).collect();
        assert_eq!(keys, terms, "glossary/{name} has every English term");
        let problems = glossary_problems(&en, &other, &glossary);
        assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
        // And the module takes it whole: nothing falls back.
        let catalog = Catalog::from_json(&fs::read_to_string(&path).unwrap());
        assert_eq!(
            catalog.keys().count(),
            en.len(),
            "{name}: keys the module left out"
        );
        checked += 1;
    }
    eprintln!("{checked} translated catalogs checked");
}

#[test]
fn the_catalog_checks_catch_what_they_are_for() {
    let en = english();
    let mut bad = en.clone();
    bad.remove("required.member");
    bad.insert("nope".into(), "x".into());
    bad.insert(
        "too_long.max".into(),
        "{label} hat höchstens {maximum} Zeichen.".into(),
    );
    bad.insert(
        "conflict.phone_config".into(),
        "{label} in Telefoneinstellungen mit {list} …".into(),
    );
    let problems = translation_problems(&en, &bad);
    assert!(problems
        .iter()
        .any(|p| p.starts_with("required.member: missing")));
    assert!(problems
        .iter()
        .any(|p| p.starts_with("nope: not an English key")));
    assert!(problems
        .iter()
        .any(|p| p.starts_with("too_long.max: placeholders")));
    assert!(problems.iter().any(|p| p.contains("PhoneConfig must stay")));
    let glossary: BTreeMap<String, String> =
        [("user name".to_string(), "Benutzername".to_string())].into();
    let mut de = en.clone();
    de.insert(
        "instance.user_taken".into(),
        "Ein Benutzer mit diesem Anmeldenamen existiert bereits.".into(),
    );
    de.insert(
        "batch.taken.user".into(),
        "Benutzer {position} hat denselben Benutzernamen.".into(),
    );
    let problems = glossary_problems(&en, &de, &glossary);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("instance.user_taken")),
        "{problems:?}"
    );
    assert!(
        !problems.iter().any(|p| p.starts_with("batch.taken.user")),
        "{problems:?}"
    );
    assert!(has_term("Security profiles", "security profile"));
    assert!(has_term("Routing profile ID", "ID"));
    assert!(!has_term("identity management", "ID"));
}

#[test]
fn match_locale_exact_language_script_region_else_english() {
    let table: &[(&str, &str)] = &[
        ("en", "en"),
        ("EN", "en"),
        ("en-US", "en"),
        ("en-GB", "en"),
        ("de", "de"),
        ("de-AT", "de"),
        ("DE-ch", "de"),
        ("de_DE", "de"),
        ("es", "es"),
        ("es-MX", "es"),
        ("es-419", "es"),
        ("fr", "fr"),
        ("fr-CA", "fr"),
        ("it", "it"),
        ("it-CH", "it"),
        ("ja", "ja"),
        ("ja-JP", "ja"),
        ("ko", "ko"),
        ("ko-KR", "ko"),
        ("pt", "pt-BR"),
        ("pt-BR", "pt-BR"),
        ("pt-br", "pt-BR"),
        ("pt_BR", "pt-BR"),
        ("pt-PT", "pt-BR"),
        ("zh", "zh-CN"),
        ("zh-CN", "zh-CN"),
        ("zh-cn", "zh-CN"),
        ("zh-Hans", "zh-CN"),
        ("zh-SG", "zh-CN"),
        ("zh-Hans-CN", "zh-CN"),
        ("zh-Hans-HK", "zh-CN"),
        ("zh-TW", "zh-TW"),
        ("zh-tw", "zh-TW"),
        ("zh-Hant", "zh-TW"),
        ("zh-HK", "zh-TW"),
        ("zh-MO", "zh-TW"),
        ("zh-Hant-TW", "zh-TW"),
        ("zh_Hant", "zh-TW"),
        ("id", "id"),
        ("id-ID", "id"),
        ("in", "id"),
        ("in_ID", "id"),
        ("nl", "en"),
        ("xx", "en"),
        ("", "en"),
        ("-", "en"),
        (" de ", "de"),
        ("deutsch", "en"),
        ("zz-de", "en"),
        ("\u{0}", "en"),
        ("ｄｅ", "en"),
    ];
    for (tag, want) in table {
        assert_eq!(match_locale(tag), *want, "{tag:?}");
    }
    assert_eq!(match_locale(&"de-".repeat(100_000)), "en");
    for l in LOCALES {
        assert_eq!(match_locale(l), l);
    }
}

fn catalog(pairs: &[(&str, &str)]) -> Catalog {
    let obj: serde_json::Map<String, serde_json::Value> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
        .collect();
    Catalog::from_json(&serde_json::Value::Object(obj).to_string())
}

#[test]
fn numbers_are_grouped_the_locales_way() {
    let de = catalog(&[("@number.group", ".")]);
    let fr = catalog(&[("@number.group", "\u{202f}")]);
    let es = catalog(&[("@number.group", "."), ("@number.min_digits", "5")]);
    let m = |n: i64| {
        Message::new("out_of_range.between")
            .label("label", "AfterContactWorkTimeLimit")
            .number("min", 0)
            .number("max", n)
    };
    let table: &[(&Catalog, i64, &str)] = &[
        (Catalog::english(), 2_000_000, "2,000,000"),
        (Catalog::english(), 10_000, "10,000"),
        (Catalog::english(), 1_000, "1,000"),
        (Catalog::english(), 999, "999"),
        (Catalog::english(), -1_234, "-1,234"),
        (&de, 10_000, "10.000"),
        (&de, 2_000_000, "2.000.000"),
        (&fr, 10_000, "10\u{202f}000"),
        (&es, 1_000, "1000"),
        (&es, 10_000, "10.000"),
        (Catalog::english(), i64::MIN, "-9,223,372,036,854,775,808"),
    ];
    for (cat, n, want) in table {
        let text = m(*n).render(cat);
        assert!(text.ends_with(&format!(" and {want}.")), "{n}: {text}");
    }
}

#[test]
fn lists_are_joined_the_locales_way() {
    let items = || {
        vec![
            Arg::Phrase("password.lower"),
            Arg::Phrase("password.upper"),
            Arg::Phrase("password.digit"),
        ]
    };
    let en = Message::new("pattern.password.missing").list("missing", ListStyle::And, items());
    assert_eq!(
        en.render(Catalog::english()),
        "Password must contain a lower-case letter (a–z), an upper-case letter (A–Z) and a digit (0–9)."
    );
    let ja = catalog(&[("@list.separator", "、"), ("@list.and", "、")]);
    assert!(en
        .render(&ja)
        .contains("(a–z)、an upper-case letter (A–Z)、a digit"));
    let two = Message::new("pattern.password.missing").list(
        "missing",
        ListStyle::And,
        items()[..2].to_vec(),
    );
    assert!(two
        .render(Catalog::english())
        .contains("(a–z) and an upper"));
    let or = Message::new("mode_unknown.unrecognized")
        .arg("modes", connect_create_user::messages::mode_names());
    assert!(or
        .render(Catalog::english())
        .contains("not CONNECT_MANAGED, SAML or EXISTING_DIRECTORY, so"));
}

#[test]
fn a_broken_catalog_falls_back_to_english_key_by_key() {
    let en = Catalog::english();
    let required = || Message::new("required.member").label("label", "Username");
    let cases: &[(&str, &str)] = &[
        ("not JSON", "{"),
        ("not an object", "[\"required\"]"),
        ("empty", "{}"),
        ("a number", r#"{"required.member": 3}"#),
        ("null", r#"{"required.member": null}"#),
        (
            "other placeholder",
            r#"{"required.member": "{name} ist erforderlich."}"#,
        ),
        (
            "extra placeholder",
            r#"{"required.member": "{label} ist {x} erforderlich."}"#,
        ),
        ("no placeholder", r#"{"required.member": "Erforderlich."}"#),
        (
            "stray brace",
            r#"{"required.member": "{label} ist {erforderlich."}"#,
        ),
        (
            "unknown key only",
            r#"{"requiredd": "{label} ist erforderlich."}"#,
        ),
        (
            "deep",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]",
        ),
        (
            "huge",
            &format!("{{{}\"k\": 1}}", "\"k\": \"v\", ".repeat(100_000)),
        ),
    ];
    for (name, text) in cases {
        let cat = Catalog::from_json(text);
        assert_eq!(required().render(&cat), "User name is required.", "{name}");
        assert!(
            cat.own("requiredd").is_none(),
            "{name}: unknown keys are dropped"
        );
    }
    // A good key is used, a bad one next to it falls back.
    let cat = Catalog::from_json(
        r#"{"required.member": "{label} ist erforderlich.", "too_long.max": "{label} {oops}", "label.Username": "Benutzername", "label.Password": 7}"#,
    );
    assert_eq!(required().render(&cat), "Benutzername ist erforderlich.");
    let long = Message::new("too_long.max")
        .label("label", "Password")
        .count("max", 64);
    assert_eq!(long.render(&cat), long.render(en));
    assert_eq!(long.render(en), "Password can have at most 64 characters.");
}

#[test]
fn a_missing_argument_or_unknown_key_renders_visibly_never_panics() {
    let en = Catalog::english();
    assert_eq!(
        Message::new("required.member").render(en),
        "{label} is required."
    );
    assert_eq!(Message::new("no.such.key").render(en), "no.such.key");
    assert_eq!(
        Message::new("required.member")
            .label("label", "NoSuchMember")
            .render(en),
        "NoSuchMember is required."
    );
    assert_eq!(
        Message::new("type.expected")
            .label("label", "Tags")
            .text("expected", "no.such")
            .text("got", "type.list")
            .render(en),
        "Tags must be no.such, not a list."
    );
    // Unused arguments show only in a strict catalog.
    let extra = Message::new("required.member")
        .label("label", "Username")
        .number("n", 3);
    assert_eq!(extra.render(en), "User name is required.");
    assert_eq!(extra.render(&en.strict()), "User name is required. {!n}");
    // Counted messages pick their form; nesting is bounded.
    assert_eq!(Message::counted("count.given", 1).render(en), "1 was given");
    assert_eq!(
        Message::counted("count.given", 12_000).render(en),
        "12,000 were given"
    );
    let mut deep = Message::new("truncated.at_least").number("count", 1);
    for _ in 0..10_000 {
        deep = Message::new("truncated.at_least").message("count", deep);
    }
    assert_eq!(
        deep.render(en),
        "at least at least at least at least at least …"
    );
}

#[test]
fn describe_model_labels_follow_the_catalog() {
    use connect_create_user::describe::describe_model;
    let en = describe_model(Catalog::english());
    assert!(en.contains(r#""name":"Username","label":"User name""#));
    let de = describe_model(&catalog(&[("label.Username", "Benutzername")]));
    assert!(de.contains(r#""name":"Username","label":"Benutzername""#));
    assert!(de.contains(r#""name":"Password","label":"Password""#));
    assert_eq!(
        en.len() - "User name".len(),
        de.len() - "Benutzername".len()
    );
}
