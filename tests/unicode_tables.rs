//! The tag key table (`src/rules/unicode_tables.rs`) against the `regex` crate's Unicode data,
//! for every code point; and the generator that wrote it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use connect_create_user::rules::forms;
use regex::Regex;

fn lzn_ranges() -> Vec<(u32, u32)> {
    let re = Regex::new(r"^[\p{L}\p{Z}\p{N}]$").unwrap();
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    let mut buf = [0u8; 4];
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        if re.is_match(c.encode_utf8(&mut buf)) {
            match ranges.last_mut() {
                Some((_, hi)) if *hi + 1 == c as u32 => *hi = c as u32,
                _ => ranges.push((c as u32, c as u32)),
            }
        }
    }
    ranges
}

#[test]
fn tag_key_letters_separators_numbers_match_unicode_categories() {
    let re = Regex::new(r"^[\p{L}\p{Z}\p{N}_.:/=+\-@]$").unwrap();
    let mut buf = [0u8; 4];
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        assert_eq!(
            forms::is_tag_key_char(c),
            re.is_match(c.encode_utf8(&mut buf)),
            "U+{:04X}",
            c as u32
        );
    }
}

#[test]
#[ignore = "writes src/rules/unicode_tables.rs; run when the regex crate's Unicode version moves"]
fn generate() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules/unicode_tables.rs");
    let old = std::fs::read_to_string(path).unwrap();
    let head = old.split("const LZN").next().unwrap();
    let mut out = String::from(head);
    out.push_str("const LZN: &[(u32, u32)] = &[\n");
    for (lo, hi) in lzn_ranges() {
        out.push_str(&format!("    (0x{lo:04X}, 0x{hi:04X}),\n"));
    }
    out.push_str("];\n");
    std::fs::write(path, out).unwrap();
}
