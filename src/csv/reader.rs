//! Records out of CSV text, one at a time, into a reused [`Row`].
//!
//! The grammar (RFC 4180 quoting, `""`, delimiters and line breaks inside quotes, a `"` inside an
//! unquoted cell kept as text, `\r\n` / `\n` / `\r` line ends) is `csv-core`'s. Two things it does
//! not do are done here:
//! - csv-core skips empty lines; here an empty line is a record of its own (flagged blank), so
//!   row numbers match the spreadsheet. Line ends at the start of a record are read here, before
//!   csv-core sees them, so csv-core never skips one.
//! - csv-core accepts a quote left open at the end of the input; here the last record is checked
//!   by feeding csv-core (a fresh one) that record and then a line break: when the line break does
//!   not end the record, the quote was open.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// One record: its row number and its cells (text, with quoting undone, not trimmed). Reused from
/// record to record: one text buffer and one list of cell ends, no allocation per cell.
#[derive(Debug, Default, Clone)]
pub struct Row {
    number: usize,
    text: String,
    ends: Vec<usize>,
    blank: bool,
    extra_from: Option<usize>,
    /// csv-core's output buffer (its length is its usable size).
    out: Vec<u8>,
}

impl Row {
    /// An empty row buffer, to pass to `next_row` again and again.
    pub fn new() -> Self {
        Row::default()
    }

    /// The spreadsheet's row number: records are counted (a cell with a line break is still one
    /// row), blank ones too; the header is row 1.
    pub fn number(&self) -> usize {
        self.number
    }

    /// Whether every cell is empty after trimming spaces and tabs (a completely empty line too):
    /// the caller skips such a record (spreadsheets leave them at the end).
    pub fn is_blank(&self) -> bool {
        self.blank
    }

    /// How many cells the record has (as written: may be more or fewer than the header's).
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the record has no cell at all (never true for a record read from a file: an empty
    /// line is one empty cell).
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The cell at file column `index` (0-based), quoting undone, not trimmed; `""` past the
    /// record's last cell (missing trailing cells are empty).
    pub fn cell(&self, index: usize) -> &str {
        let start = match index.checked_sub(1) {
            None => 0,
            Some(before) => self.ends.get(before).copied().unwrap_or(usize::MAX),
        };
        self.ends
            .get(index)
            .and_then(|&end| self.text.get(start..end))
            .unwrap_or("")
    }

    /// Every cell of the record, in file order, not trimmed.
    pub fn cells(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.cell(i))
    }

    /// The first file column (0-based) past the header's that holds a non-empty cell, when any:
    /// the row's error `TOO_MANY` (see [`Row::too_many_cells`]). Set by `Sheet::next_row`.
    pub fn extra_from(&self) -> Option<usize> {
        self.extra_from
    }

    /// The row's error for cells with content beyond the header's columns: `TOO_MANY` at path
    /// `""` (no `column`: those cells have no header).
    pub fn too_many_cells(&self) -> Option<crate::Violation> {
        self.too_many_cells_in(crate::Catalog::english())
    }

    /// [`Row::too_many_cells`], its message in the language of `catalog`.
    pub fn too_many_cells_in(&self, catalog: &crate::Catalog) -> Option<crate::Violation> {
        self.extra_from.map(|index| {
            crate::Violation::new(
                "",
                crate::Code::TooMany,
                crate::Message::new("csv.too_many_cells")
                    .verbatim("letter", column_letters(index))
                    .render(catalog),
            )
        })
    }

    pub(crate) fn set_extra_from(&mut self, index: Option<usize>) {
        self.extra_from = index;
    }

    fn clear(&mut self, number: usize) {
        self.number = number;
        self.text.clear();
        self.ends.clear();
        self.blank = true;
        self.extra_from = None;
    }
}

/// A spreadsheet's name for a 0-based column index: `A`, …, `Z`, `AA`, ….
pub fn column_letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index.saturating_add(1);
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A cell without its leading and trailing spaces and tabs (every column but `password`, and
/// each name between `|`).
pub fn trim_cell(cell: &str) -> &str {
    cell.trim_matches([' ', '\t'])
}

/// What reading one record gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Next {
    /// A record is in the row buffer.
    Record,
    /// The last record opens a quote it never closes; it starts in this row. The row buffer holds
    /// nothing useful.
    OpenQuote(usize),
    /// No record is left.
    End,
}

/// Reads the records of one text, keeping its place between calls.
#[derive(Debug)]
pub(crate) struct RecordReader {
    core: Reader,
    delimiter: u8,
    /// Byte offset of the next record.
    pos: usize,
    /// Records read so far (the last one's row number).
    rows: usize,
    /// The last record ended with `\r`: a `\n` right after it is the rest of its line end.
    after_cr: bool,
    /// The input was cut at a size limit: a last record without a line end is incomplete and is
    /// not returned.
    cut: bool,
    done: bool,
}

/// The least csv-core output room a record starts with, and the least it grows by.
const MIN_OUT: usize = 1024;
const MIN_ENDS: usize = 32;

fn core_reader(delimiter: u8) -> Reader {
    let mut core = ReaderBuilder::new().delimiter(delimiter).build();
    // csv-core drops a byte-order mark at the start of its first input. Ours is dropped when
    // decoding (once), so a second one, or one starting a later record, is text: a first call
    // with no output room reads nothing and changes no state, but counts as csv-core's first.
    let _ = core.read_record(b"x", &mut [], &mut []);
    core
}

impl RecordReader {
    /// A reader of records split by `delimiter`; `cut` says the input ends at a size limit.
    pub(crate) fn new(delimiter: u8, cut: bool) -> Self {
        RecordReader {
            core: core_reader(delimiter),
            delimiter,
            pos: 0,
            rows: 0,
            after_cr: false,
            cut,
            done: false,
        }
    }

    /// Reads the next record of `input` (the same input at every call) into `row`.
    pub(crate) fn next(&mut self, input: &[u8], row: &mut Row) -> Next {
        if self.done {
            return Next::End;
        }
        if std::mem::take(&mut self.after_cr) && input.get(self.pos) == Some(&b'\n') {
            self.pos += 1;
        }
        let Some(&first) = input.get(self.pos) else {
            self.done = true;
            return Next::End;
        };
        self.rows += 1;
        row.clear(self.rows);
        if first == b'\r' || first == b'\n' {
            // An empty line: one empty cell.
            self.pos += 1;
            self.after_cr = first == b'\r';
            row.ends.push(0);
            return Next::Record;
        }
        let start = self.pos;
        let (mut nout, mut nend) = (0usize, 0usize);
        row.ends.clear();
        let at_end = loop {
            if row.out.len() <= nout {
                row.out
                    .resize(row.out.len().saturating_mul(2).max(MIN_OUT), 0);
            }
            if row.ends.len() <= nend {
                row.ends
                    .resize(row.ends.len().saturating_mul(2).max(MIN_ENDS), 0);
            }
            let rest = input.get(self.pos..).unwrap_or_default();
            let (out, ends) = match (row.out.get_mut(nout..), row.ends.get_mut(nend..)) {
                (Some(out), Some(ends)) => (out, ends),
                _ => break true,
            };
            let (result, nin, n_out, n_end) = self.core.read_record(rest, out, ends);
            self.pos += nin;
            nout += n_out;
            nend += n_end;
            match result {
                ReadRecordResult::Record => break rest.is_empty(),
                ReadRecordResult::End => break true,
                ReadRecordResult::InputEmpty
                | ReadRecordResult::OutputFull
                | ReadRecordResult::OutputEndsFull => {}
            }
        };
        row.ends.truncate(nend);
        let raw = input.get(start..self.pos).unwrap_or_default();
        if at_end {
            self.done = true;
            if self.cut {
                return Next::End;
            }
            if quote_left_open(raw, self.delimiter) {
                return Next::OpenQuote(self.rows);
            }
        } else {
            self.after_cr = raw.last() == Some(&b'\r');
        }
        let text = row.out.get(..nout).unwrap_or_default();
        // csv-core only removes ASCII quotes and splits at an ASCII delimiter, so the output of
        // UTF-8 input is UTF-8: the error arm (which keeps the valid start) is never taken.
        let valid = match std::str::from_utf8(text) {
            Ok(text) => text,
            Err(e) => text
                .get(..e.valid_up_to())
                .and_then(|t| std::str::from_utf8(t).ok())
                .unwrap_or_default(),
        };
        row.text.push_str(valid);
        let blank = row.cells().all(|c| trim_cell(c).is_empty());
        row.blank = blank;
        Next::Record
    }
}

/// Whether `raw`, a last record that ends without a line end, leaves a quote open: a line break
/// fed to a fresh csv-core after it does not end the record.
fn quote_left_open(raw: &[u8], delimiter: u8) -> bool {
    if !raw.contains(&b'"') {
        return false;
    }
    let mut core = core_reader(delimiter);
    let mut out = [0u8; 1024];
    let mut ends = [0usize; 64];
    let mut rest = raw;
    while !rest.is_empty() {
        let (result, nin, _, _) = core.read_record(rest, &mut out, &mut ends);
        rest = rest.get(nin..).unwrap_or_default();
        if matches!(result, ReadRecordResult::Record | ReadRecordResult::End) {
            return false;
        }
    }
    let (result, _, _, _) = core.read_record(b"\n", &mut out, &mut ends);
    result == ReadRecordResult::InputEmpty
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        for (i, want) in [
            (0, "A"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ] {
            assert_eq!(column_letters(i), want);
        }
    }

    #[test]
    fn quote_left_open_follows_csv_core() {
        for (raw, open) in [
            (&b"a,b"[..], false),
            (b"a,\"b", true),
            (b"a,\"b\"", false),
            (b"a,\"b\"\"", true),
            (b"a,\"b\"\"\"", false),
            (b"a,b\"c", false),
            (b"\"a\nb", true),
            (b"\"a\"x\"", false),
        ] {
            assert_eq!(quote_left_open(raw, b','), open, "{raw:?}");
        }
    }
}
