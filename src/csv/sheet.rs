//! [`Sheet`]: a CSV file opened (decoded, header read) and read one record at a time.

use std::borrow::Cow;

use super::columns::{Column, ColumnKey};
use super::decode::{cut, decode};
use super::header::{unnamed_with_values, Header};
use super::issues::Issues;
use super::reader::{trim_cell, Next, RecordReader, Row};
use super::{CsvOptions, Limits};
use crate::messages::{Catalog, Message};
use crate::{Code, Report, Violation};

/// A CSV file being read: its text, delimiter and header, the file's problems found so far, and
/// its place. Rows are pulled one at a time with [`Sheet::next_row`] into a reused [`Row`]; the
/// file is never held as a list of rows.
#[derive(Debug)]
pub struct Sheet<'a> {
    text: Cow<'a, str>,
    delimiter: u8,
    header: Header,
    reader: RecordReader,
    issues: Issues<'a>,
    limits: Limits,
    user_rows: usize,
    done: bool,
}

impl<'a> Sheet<'a> {
    /// Opens a file: applies the byte limit (`TOO_LONG`), decodes it (`ENCODING` warning when it
    /// is read as Windows-1252), picks the delimiter, and reads the header record (row 1) with its
    /// problems (`UNKNOWN_FIELD`, `DUPLICATE`, `REQUIRED`). Pass a JavaScript string as its UTF-8
    /// bytes. Never fails: an empty file has no columns (so the required ones are `REQUIRED`).
    pub fn open(bytes: &'a [u8], options: &CsvOptions) -> Sheet<'a> {
        Sheet::open_in(bytes, options, Catalog::english())
    }

    /// [`Sheet::open`], the file's messages in the language of `catalog`.
    pub fn open_in(bytes: &'a [u8], options: &CsvOptions, catalog: &'a Catalog) -> Sheet<'a> {
        let mut issues = Issues::new(catalog);
        let limits = options.limits;
        let kept = cut(bytes, limits.max_bytes);
        if kept.is_some() {
            issues.error(Code::TooLong, None, || {
                Message::new("csv.file_too_large").message("size", size(limits.max_bytes))
            });
        }
        let decoded = decode(kept.unwrap_or(bytes));
        if decoded.windows_1252 {
            issues.warning(Code::Encoding, None, || Message::new("csv.encoding"));
        }
        let delimiter = options
            .delimiter
            .filter(|d| !matches!(d, b'"' | b'\r' | b'\n'))
            .unwrap_or_else(|| detect_delimiter(&decoded.text));
        let mut sheet = Sheet {
            text: decoded.text,
            delimiter,
            header: Header::default(),
            reader: RecordReader::new(delimiter, kept.is_some()),
            issues,
            limits,
            user_rows: 0,
            done: false,
        };
        let mut row = Row::new();
        let header_row = match sheet.reader.next(sheet.text.as_bytes(), &mut row) {
            Next::Record => Some(&row),
            Next::OpenQuote(number) => {
                sheet.open_quote(number);
                None
            }
            Next::End => None,
        };
        sheet.header = Header::read(header_row, &mut sheet.issues);
        sheet
    }

    /// Reads the next record after the header into `row` (`false`: none is left). Nothing is
    /// skipped: a blank record comes back with [`Row::is_blank`] set, for the caller to skip, so
    /// row numbers stay the spreadsheet's. A non-blank row with content beyond the header's
    /// columns has [`Row::extra_from`] set ([`Row::too_many_cells`] is its error). At the end
    /// of the file, or at the row limit, more file problems may have been added (`PATTERN` for a
    /// quote left open, `TOO_MANY`, `UNKNOWN_FIELD` for values under an empty header).
    pub fn next_row(&mut self, row: &mut Row) -> bool {
        if self.done {
            return false;
        }
        match self.reader.next(self.text.as_bytes(), row) {
            Next::Record => {}
            Next::OpenQuote(number) => {
                self.open_quote(number);
                self.done = true;
                return false;
            }
            Next::End => {
                self.done = true;
                return false;
            }
        }
        if row.is_blank() {
            return true;
        }
        if self.user_rows >= self.limits.max_rows {
            let max = self.limits.max_rows;
            self.issues.error(Code::TooMany, None, || {
                Message::new("csv.too_many_rows").count("max", max)
            });
            self.done = true;
            return false;
        }
        self.user_rows += 1;
        let width = self.header.names.len();
        let extra = (width..row.len()).find(|&i| !trim_cell(row.cell(i)).is_empty());
        row.set_extra_from(extra);
        // Values under an empty header: `unnamed` is in file order, so only the indexes within
        // this record are looked at (a million empty header cells cost nothing per short row),
        // and each column is reported (and dropped from the list) once.
        let len = row.len();
        let has_value = |i: usize| i < len && !trim_cell(row.cell(i)).is_empty();
        let unnamed = &mut self.header.unnamed;
        if unnamed
            .iter()
            .take_while(|&&i| i < len)
            .any(|&i| has_value(i))
        {
            let (number, issues) = (row.number(), &mut self.issues);
            unnamed.retain(|&i| {
                let value = has_value(i);
                if value {
                    issues.error(Code::UnknownField, Some(""), || {
                        unnamed_with_values(i, number)
                    });
                }
                !value
            });
        }
        true
    }

    /// The header cells as written (trimmed of spaces and tabs), one per file column.
    pub fn columns(&self) -> &[String] {
        &self.header.names
    }

    /// The template column file column `index` is read as: `None` for an unknown or empty header,
    /// for the later of two columns naming the same template column, and past the header.
    pub fn column_of(&self, index: usize) -> Option<&'static Column> {
        self.header.of_index.get(index).copied().flatten()
    }

    /// The file column (0-based) read for a template column, when the file has it.
    pub fn index_of(&self, key: ColumnKey) -> Option<usize> {
        self.header.index(key)
    }

    /// The header of a template column as written in the file: what a violation's `column` says.
    pub fn header_of(&self, key: ColumnKey) -> Option<&str> {
        let index = self.index_of(key)?;
        self.header.names.get(index).map(String::as_str)
    }

    /// The cell of template column `key` in `row`: trimmed of spaces and tabs unless it is the
    /// `password` column; `None` when the file has no such column, `Some("")` for an empty or
    /// missing cell.
    pub fn cell<'r>(&self, row: &'r Row, key: ColumnKey) -> Option<&'r str> {
        let cell = row.cell(self.index_of(key)?);
        Some(if Column::of(key).trimmed() {
            trim_cell(cell)
        } else {
            cell
        })
    }

    /// The delimiter in use (`,`, `;`, tab, or the one the options forced).
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// The file's own errors so far, in the order found (the first [`crate::fields::MAX_REPORTED`]).
    pub fn errors(&self) -> &[Violation] {
        &self.issues.errors
    }

    /// The file's own warnings so far (the first [`crate::fields::MAX_REPORTED`]).
    pub fn warnings(&self) -> &[Violation] {
        &self.issues.warnings
    }

    /// The file's own problems as a report, with a `TRUNCATED` warning when some were left out.
    /// Complete once [`Sheet::next_row`] has returned `false`.
    pub fn report(&self) -> Report {
        self.issues.report()
    }

    fn open_quote(&mut self, number: usize) {
        self.issues.error(Code::Pattern, None, || {
            Message::new("csv.open_quote").count("row", number)
        });
    }
}

/// `,` unless the first line has no comma but a `;` (then `;`) or else a tab (then tab).
fn detect_delimiter(text: &str) -> u8 {
    let first_line = text.split(['\r', '\n']).next().unwrap_or("");
    if first_line.contains(',') {
        b','
    } else if first_line.contains(';') {
        b';'
    } else if first_line.contains('\t') {
        b'\t'
    } else {
        b','
    }
}

/// A byte count for a message: `64 MB` for whole mebibytes, else bytes.
fn size(bytes: usize) -> Message {
    const MB: usize = 1024 * 1024;
    if bytes >= MB && bytes % MB == 0 {
        Message::new("csv.size.mb").count("count", bytes / MB)
    } else {
        Message::new("csv.size.bytes").count("count", bytes)
    }
}
