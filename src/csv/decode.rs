//! Bytes to text: UTF-8 when the bytes are UTF-8 (borrowed), else Windows-1252; a leading
//! byte-order mark is dropped.

use std::borrow::Cow;

/// The UTF-8 encoding of U+FEFF, the byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of a file, and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The file's text, without a leading byte-order mark. Borrowed from the input when it was
    /// UTF-8.
    pub text: Cow<'a, str>,
    /// The bytes were not UTF-8 and were read as Windows-1252 (the caller warns `ENCODING`).
    pub windows_1252: bool,
}

/// Decodes a file: drops a leading UTF-8 byte-order mark, then reads the rest as UTF-8 when it is
/// valid UTF-8 (borrowing it), else as Windows-1252 with the WHATWG mapping (the five bytes that
/// Windows-1252 leaves undefined, 0x81 0x8D 0x8F 0x90 0x9D, become the C1 controls of the same
/// value). A `&str` from JavaScript is passed as its bytes: it is always UTF-8.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: Cow::Borrowed(text),
            windows_1252: false,
        },
        Err(_) => Decoded {
            text: Cow::Owned(bytes.iter().map(|&b| windows_1252(b)).collect()),
            windows_1252: true,
        },
    }
}

/// The characters of bytes 0x80–0x9F in Windows-1252 (WHATWG), undefined bytes as C1 controls.
const HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

/// One Windows-1252 byte as its character: ASCII and 0xA0–0xFF are Latin-1, 0x80–0x9F the table.
fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => HIGH
            .get(usize::from(byte - 0x80))
            .copied()
            .unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from(byte),
    }
}

/// The first `max` bytes of `bytes`, cut where a reader loses least: just after the last line
/// break within them, or when there is none, at the start of a UTF-8 character. `None` when
/// `bytes` is not longer than `max`.
pub fn cut(bytes: &[u8], max: usize) -> Option<&[u8]> {
    if bytes.len() <= max {
        return None;
    }
    let window = bytes.get(..max)?;
    let end = match window.iter().rposition(|&b| b == b'\n' || b == b'\r') {
        Some(i) => i + 1,
        // No line break: back up over UTF-8 continuation bytes (at most 3).
        None => {
            let mut end = max;
            while end > max.saturating_sub(3) && bytes.get(end).is_some_and(|&b| b & 0xC0 == 0x80) {
                end -= 1;
            }
            end
        }
    };
    bytes.get(..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn high_table_matches_whatwg_spot_checks() {
        for (byte, want) in [
            (0x80, '€'),
            (0x85, '…'),
            (0x8A, 'Š'),
            (0x91, '‘'),
            (0x9F, 'Ÿ'),
            (0x81, '\u{81}'),
            (0x9D, '\u{9D}'),
            (0xE9, 'é'),
            (0x41, 'A'),
        ] {
            assert_eq!(windows_1252(byte), want, "{byte:#x}");
        }
    }

    #[test]
    fn cut_keeps_whole_lines_and_whole_characters() {
        assert_eq!(cut(b"ab\ncd", 10), None);
        assert_eq!(cut(b"ab\ncd\nef", 7), Some(&b"ab\ncd\n"[..]));
        assert_eq!(cut("aé".as_bytes(), 2), Some(&b"a"[..]));
        assert_eq!(cut(b"abcdef", 3), Some(&b"abc"[..]));
    }
}
