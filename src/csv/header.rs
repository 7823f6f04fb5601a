//! The header record: which template column each file column is, and the file errors of the
//! header (`UNKNOWN_FIELD`, `DUPLICATE`, `REQUIRED`).

use super::columns::{self, Column, ColumnKey, COLUMNS};
use super::issues::Issues;
use super::reader::{column_letters, trim_cell, Row};
use crate::messages::Message;
use crate::Code;

/// The file's header, matched against the template.
#[derive(Debug, Default, Clone)]
pub(crate) struct Header {
    /// The header cells as written (trimmed of spaces and tabs), one per file column.
    pub names: Vec<String>,
    /// The template column each file column is read as; `None` for an unknown or empty header and
    /// for the later of two columns that are the same template column.
    pub of_index: Vec<Option<&'static Column>>,
    /// The file column read for each template column, in [`COLUMNS`] order.
    pub index_of: [Option<usize>; COLUMNS.len()],
    /// File columns with an empty header whose values have not yet been reported.
    pub unnamed: Vec<usize>,
}

impl Header {
    /// Reads the header record (`None`: the file has none), reporting its problems.
    pub(crate) fn read(row: Option<&Row>, issues: &mut Issues<'_>) -> Header {
        let mut header = Header::default();
        for (index, cell) in row.into_iter().flat_map(Row::cells).enumerate() {
            let name = trim_cell(cell);
            header.names.push(name.to_owned());
            let normalized = columns::normalize_header(name);
            let found = if normalized.is_empty() {
                if !name.is_empty() {
                    issues.error(Code::UnknownField, Some(name), || {
                        unknown(&normalized, index)
                    });
                }
                None
            } else if let Some(column) = columns::find_normalized(&normalized) {
                let slot = header.index_of.get_mut(column.key as usize);
                match slot {
                    Some(slot @ None) => {
                        *slot = Some(index);
                        Some(column)
                    }
                    _ => {
                        issues.error(Code::Duplicate, Some(name), || duplicate(column));
                        None
                    }
                }
            } else {
                issues.error(Code::UnknownField, Some(name), || {
                    unknown(&normalized, index)
                });
                None
            };
            if name.is_empty() {
                header.unnamed.push(index);
            }
            header.of_index.push(found);
        }
        for column in COLUMNS.iter().filter(|c| c.required) {
            if header.index(column.key).is_none() {
                issues.error(Code::Required, Some(column.header), || {
                    Message::new("csv.required_column").verbatim("column", column.header)
                });
            }
        }
        header
    }

    /// The file column read for a template column.
    pub(crate) fn index(&self, key: ColumnKey) -> Option<usize> {
        self.index_of.get(key as usize).copied().flatten()
    }
}

/// `UNKNOWN_FIELD` for a header that names no template column (the header goes to `column`
/// only; the message names the column by its letter).
fn unknown(normalized: &str, index: usize) -> Message {
    let letter = column_letters(index);
    match columns::suggest(normalized) {
        Some(close) => Message::new("csv.unknown_column.did_you_mean")
            .verbatim("letter", letter)
            .verbatim("header", close.header),
        None => Message::new("csv.unknown_column.plain").verbatim("letter", letter),
    }
}

/// `DUPLICATE` for the later of two file columns that are the same template column.
fn duplicate(column: &Column) -> Message {
    Message::new("csv.duplicate_column").verbatim("column", column.header)
}

/// `UNKNOWN_FIELD` for a column with no header whose cells hold values (first in `row`).
pub(crate) fn unnamed_with_values(index: usize, row: usize) -> Message {
    Message::new("csv.unnamed_column")
        .verbatim("letter", column_letters(index))
        .count("row", row)
}
