//! The hand-written matchers of `rules::forms` against the `regex` crate, on many generated
//! strings: the documented patterns, read as RULES.md reads them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::sync::LazyLock;

use common::*;
use connect_create_user::rules::forms;
use connect_create_user::{validate, Code};
use proptest::prelude::*;
use regex::Regex;

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,63}$").unwrap());
static E164: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\+[1-9][0-9]{1,14}$").unwrap());
static USERNAME_CHARS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z0-9_.@-]*$").unwrap());
/// `local@domain.tld`: one `@`, a domain of non-empty dot-separated labels with at least one
/// dot, and a top-level part of two or more letters.
static USERNAME_EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[^@]+@(?:[^@.]+\.)+[A-Za-z]{2,}$").unwrap());
// The Password pattern `^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[a-zA-Z\d\S]{8,64}$` without look-ahead
// (the regex crate has none): its parts, with `\d` as 0–9 and whitespace as Unicode White_Space.
static PW_LOWER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[a-z]").unwrap());
static PW_UPPER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[A-Z]").unwrap());
static PW_DIGIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]").unwrap());
static PW_SPACE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s").unwrap());
static PW_WHOLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[a-zA-Z0-9\S]{8,64}$").unwrap());

/// Characters that matter to the forms, and some that do not.
const POOL: &[char] = &[
    'a', 'z', 'A', 'Z', 'm', 'Q', '0', '1', '9', '5', '.', '@', '+', '-', '_', '%', ' ', '\t',
    '\n', '!', '#', '/', ':', '~', 'é', 'É', '١', '０', 'ｚ', '😀', '\u{A0}', '\u{3000}',
    '\u{2028}', '\u{85}', '\u{200B}', '\u{FEFF}', '\u{301}', '"', '\\',
];

fn pool_string(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL), 0..max).prop_map(|v| v.into_iter().collect())
}

fn email_like() -> impl Strategy<Value = String> {
    prop_oneof![
        pool_string(24),
        "[a-zA-Z0-9._%+@-]{0,20}",
        (
            "[a-zA-Z0-9._%+é -]{0,6}",
            prop::sample::select(vec!["@", "", "@@", "@a@"]),
            "[a-zA-Z0-9._é-]{0,8}",
            prop::sample::select(vec![".", "", ".."]),
            prop_oneof!["[a-zA-Z]{0,4}", "[a-zA-Z0-9-]{1,4}", "[a-z]{60,66}"],
            prop::sample::select(vec!["", " ", "\n", "."]),
        )
            .prop_map(|(l, at, d, dot, tld, end)| format!("{l}{at}{d}{dot}{tld}{end}")),
    ]
}

fn phone_like() -> impl Strategy<Value = String> {
    prop_oneof![
        pool_string(20),
        "[+0-9a ]{0,18}",
        r"\+[0-9]{0,17}",
        r"\+[1-9][0-9]{0,16}",
        r"\+?[0-9٠-٩０-９]{1,16}\n?",
    ]
}

fn username_like() -> impl Strategy<Value = String> {
    prop_oneof![
        pool_string(24),
        "[a-zA-Z0-9._@-]{0,24}",
        (
            "[a-zA-Z0-9._-]{0,8}",
            prop::sample::select(vec!["@", "@@", ""]),
            "[a-zA-Z0-9.-]{0,8}",
            prop::sample::select(vec![".", "..", ""]),
            "[a-zA-Z0-9]{0,4}",
        )
            .prop_map(|(l, at, d, dot, tld)| format!("{l}{at}{d}{dot}{tld}")),
    ]
}

fn password_like() -> impl Strategy<Value = String> {
    prop_oneof![
        pool_string(72),
        "[a-zA-Z0-9]{0,70}",
        "[a-z0-9 ]{6,10}",
        (pool_string(4), "[a-zA-Z0-9!]{5,66}", pool_string(3))
            .prop_map(|(a, b, c)| format!("{a}{b}{c}")),
    ]
}

#[test]
fn username_byte_matches_the_character_class_for_every_byte() {
    let re = regex::bytes::Regex::new(r"(?-u)^[A-Za-z0-9_.@-]$").unwrap();
    for b in 0..=255u8 {
        assert_eq!(
            forms::is_username_byte(b),
            re.is_match(&[b]),
            "byte {b:#04x}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn is_email_matches_the_regex(s in email_like()) {
        prop_assert_eq!(forms::is_email(&s), EMAIL.is_match(&s), "{:?}", s);
        // And through validate, where the length bound comes on top.
        let r = report(NONE, Input::base(NONE).set("IdentityInfo.SecondaryEmail", serde_json::json!(s)));
        let pattern = r.errors.iter().any(|e| e.code == Code::Pattern);
        prop_assert_eq!(pattern, !s.is_empty() && !EMAIL.is_match(&s), "{:?}", s);
    }

    #[test]
    fn is_e164_matches_the_regex(s in phone_like()) {
        prop_assert_eq!(forms::is_e164(&s), E164.is_match(&s), "{:?}", s);
        let r = report(NONE, Input::base(NONE).set("IdentityInfo.Mobile", serde_json::json!(s)));
        let pattern = r.errors.iter().any(|e| e.code == Code::Pattern);
        prop_assert_eq!(pattern, !s.is_empty() && !E164.is_match(&s), "{:?}", s);
    }

    #[test]
    fn username_rules_match_the_regexes(s in username_like()) {
        prop_assert_eq!(s.bytes().all(forms::is_username_byte), USERNAME_CHARS.is_match(&s));
        if s.contains('@') {
            prop_assert_eq!(forms::is_username_email(&s), USERNAME_EMAIL.is_match(&s), "{:?}", s);
        }
        // Through validate, without a mode (limit 100, @ rule an error):
        let r = report(NONE, Input::base(NONE).set("Username", serde_json::json!(s)));
        let patterns = r.errors.iter().filter(|e| e.code == Code::Pattern).count();
        let expected = usize::from(!s.is_empty() && !USERNAME_CHARS.is_match(&s))
            + usize::from(s.contains('@') && !USERNAME_EMAIL.is_match(&s));
        prop_assert_eq!(patterns, expected, "{:?}", s);
        // In SAML the @ rule is a warning instead.
        let r = report(SAML, Input::base(SAML).set("Username", serde_json::json!(s)));
        let warned = r.warnings.iter().filter(|w| w.code == Code::Pattern).count();
        prop_assert_eq!(warned, usize::from(s.contains('@') && !USERNAME_EMAIL.is_match(&s)));
    }

    #[test]
    fn password_unmet_matches_the_regexes(s in password_like()) {
        let lower = PW_LOWER.is_match(&s);
        let upper = PW_UPPER.is_match(&s);
        let digit = PW_DIGIT.is_match(&s);
        let space = PW_SPACE.is_match(&s);
        let unmet = forms::password_unmet(&s);
        prop_assert_eq!(unmet.is_none(), lower && upper && digit && !space, "{:?}", s);
        let text = unmet.unwrap_or_default();
        prop_assert_eq!(text.contains("lower-case"), !lower);
        prop_assert_eq!(text.contains("upper-case"), !upper);
        prop_assert_eq!(text.contains("digit"), !digit);
        prop_assert_eq!(text.contains("whitespace"), space);

        // The whole pattern, through validate: valid exactly when the regex parts all hold.
        let whole = lower && upper && digit && PW_WHOLE.is_match(&s);
        let r = validate(
            Input::base(NONE).set("Password", serde_json::json!(s)).value(),
            &options(NONE),
        );
        if !s.is_empty() {
            prop_assert_eq!(r.is_valid(), whole, "{:?}: {:?}", s, pairs(&r.errors));
            let len = s.chars().count();
            let codes: Vec<Code> = r.errors.iter().map(|e| e.code).collect();
            prop_assert_eq!(codes.contains(&Code::TooShort), len < 8);
            prop_assert_eq!(codes.contains(&Code::TooLong), len > 64);
            prop_assert_eq!(
                codes.iter().filter(|c| **c == Code::Pattern).count(),
                usize::from(!(lower && upper && digit && !space))
            );
        }
    }

    #[test]
    fn tag_key_chars_match_the_regex(s in pool_string(12)) {
        static KEY: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$").unwrap());
        prop_assert_eq!(s.chars().all(forms::is_tag_key_char), KEY.is_match(&s));
        let key = format!("k{s}");
        let r = report(CM, Input::base(CM).set("Tags", serde_json::json!({ key.clone(): "v" })));
        let pattern = r.errors.iter().any(|e| e.code == Code::Pattern);
        prop_assert_eq!(pattern, !KEY.is_match(&key), "{:?}", key);
    }
}
