//! The NFC check and fix (`src/nfc.rs`) against unicode-normalization's own string functions,
//! which the module does not link: every code point alone, every starter with every combining
//! mark class, Hangul, and random sequences of the characters where NFC is subtle.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use connect_create_user::nfc::{is_nfc, to_nfc};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn oracle(s: &str) -> String {
    s.nfc().collect()
}

fn agrees(s: &str) {
    let expected = oracle(s);
    assert_eq!(
        to_nfc(s),
        expected,
        "to_nfc({:?})",
        s.escape_unicode().to_string()
    );
    assert_eq!(
        is_nfc(s),
        expected == s,
        "is_nfc({:?})",
        s.escape_unicode().to_string()
    );
}

#[test]
fn every_code_point_alone_and_after_a_base() {
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        agrees(&c.to_string());
        agrees(&format!("a{c}"));
    }
}

#[test]
fn every_char_followed_by_common_marks() {
    let marks = [
        '\u{300}', '\u{301}', '\u{308}', '\u{327}', '\u{323}', '\u{345}', '\u{3099}', '\u{1161}',
        '\u{11A8}', '\u{5B4}', '\u{93C}',
    ];
    for c in (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter(|c| !c.is_ascii())
        .step_by(3)
    {
        for m in marks {
            agrees(&format!("{c}{m}"));
        }
    }
}

fn subtle_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        'a',
        'e',
        'o',
        'A',
        'é',
        'ȩ',
        'ḝ',
        'Å',
        'Ω',
        'ω',
        'ᾳ',
        '\u{300}',
        '\u{301}',
        '\u{302}',
        '\u{308}',
        '\u{327}',
        '\u{328}',
        '\u{323}',
        '\u{31B}',
        '\u{345}',
        '\u{342}',
        '\u{313}',
        '\u{1100}',
        '\u{1161}',
        '\u{11A8}',
        '가',
        '각',
        '\u{3099}',
        'か',
        'が',
        '\u{915}',
        '\u{93C}',
        '\u{958}',
        '\u{F900}',
        '\u{2126}',
        '\u{212B}',
        '\u{1E0A}',
        '\u{0344}',
        '\u{0F73}',
        '\u{0F71}',
        '\u{0F72}',
        '\u{1D15E}',
        '\u{1D165}',
        'ﬀ',
        '①',
        ' ',
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]
    #[test]
    fn random_sequences_of_subtle_characters(chars in prop::collection::vec(subtle_char(), 0..8)) {
        let s: String = chars.into_iter().collect();
        agrees(&s);
    }
}
