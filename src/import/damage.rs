//! What spreadsheets do to cells (CSV.md "What spreadsheets do to cells"): phone numbers turned
//! into numbers, and AutoCorrect's ellipsis and typographic quotes.

/// Whether a phone cell looks like a number a spreadsheet made of a phone number: scientific
/// notation (`1.20655E+10`) or digits that lost their leading `+` (`12065550100`).
pub(crate) fn number_from_phone(cell: &str) -> bool {
    let scientific = cell
        .split_once(['E', 'e'])
        .is_some_and(|(mantissa, exponent)| {
            let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
            !mantissa.is_empty()
                && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && mantissa.bytes().filter(|b| *b == b'.').count() <= 1
                && !exponent.is_empty()
                && exponent.bytes().all(|b| b.is_ascii_digit())
        });
    let digits_only = cell.len() >= 7 && cell.bytes().all(|b| b.is_ascii_digit());
    scientific || digits_only
}

/// The message for such a cell (it replaces the rule book's E.164 `PATTERN` message).
pub(crate) const NUMBER_FROM_PHONE: &str = "import.number_from_phone";

/// The characters Excel's AutoCorrect puts in place of what was typed: `…` for three dots and
/// typographic quotes for straight ones.
const AUTOCORRECT: [char; 5] = ['\u{2026}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}'];

/// Whether a cell holds a character AutoCorrect puts in place of what was typed.
pub(crate) fn autocorrected(cell: &str) -> bool {
    cell.contains(AUTOCORRECT)
}

/// The `AUTOCORRECTED` warning's message.
pub(crate) const AUTOCORRECTED: &str = "import.autocorrected";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_damage_is_recognized() {
        for cell in ["1.20655E+10", "1.2E+10", "12065550100", "4.4E10"] {
            assert!(number_from_phone(cell), "{cell}");
        }
        for cell in [
            "+12065550100",
            "206-555-0100",
            "123",
            "E+10",
            "1.2.3E+4",
            "call me",
        ] {
            assert!(!number_from_phone(cell), "{cell}");
        }
        assert!(autocorrected("Pass…w0rd"));
        assert!(autocorrected("“quoted”"));
        assert!(!autocorrected("Pass...w0rd\"'"));
    }
}
