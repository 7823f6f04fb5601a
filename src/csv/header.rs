//! The header record: which template column each file column is, and the file errors of the
//! header (`UNKNOWN_FIELD`, `DUPLICATE`, `REQUIRED`).

use super::columns::{self, Column, ColumnKey, COLUMNS};
use super::issues::Issues;
use super::reader::{column_letters, trim_cell, Row};
use crate::{Code, Violation};

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
    pub(crate) fn read(row: Option<&Row>, issues: &mut Issues) -> Header {
        let mut header = Header::default();
        for (index, cell) in row.into_iter().flat_map(Row::cells).enumerate() {
            let name = trim_cell(cell);
            header.names.push(name.to_owned());
            let normalized = columns::normalize_header(name);
            let found = if normalized.is_empty() {
                if !name.is_empty() {
                    issues.error(|| unknown(name, &normalized, index));
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
                        issues.error(|| duplicate(name, column));
                        None
                    }
                }
            } else {
                issues.error(|| unknown(name, &normalized, index));
                None
            };
            if name.is_empty() {
                header.unnamed.push(index);
            }
            header.of_index.push(found);
        }
        for column in COLUMNS.iter().filter(|c| c.required) {
            if header.index(column.key).is_none() {
                issues.error(|| {
                    let mut v = Violation::new(
                        "",
                        Code::Required,
                        format!(
                        "The file has no {} column, which every user needs; add it to the header \
                         (row 1), as in the template.",
                        column.header
                    ),
                    );
                    v.column = Some(column.header.to_owned());
                    v
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

/// `UNKNOWN_FIELD` for a header that names no template column (`name` goes to `column` only).
fn unknown(name: &str, normalized: &str, index: usize) -> Violation {
    let letter = column_letters(index);
    let message = match columns::suggest(normalized) {
        Some(close) => format!(
            "Column {letter} is not a column of the template; its cells are ignored. Did you mean \
             {}?",
            close.header
        ),
        None => format!(
            "Column {letter} is not a column of the template; its cells are ignored. Use the \
             template's header, or delete the column."
        ),
    };
    with_column(Violation::new("", Code::UnknownField, message), name)
}

/// `DUPLICATE` for the later of two file columns that are the same template column.
fn duplicate(name: &str, column: &Column) -> Violation {
    let message = format!(
        "The {} column appears twice in the header; only the first one is read. Delete the \
         other.",
        column.header
    );
    with_column(Violation::new("", Code::Duplicate, message), name)
}

/// `UNKNOWN_FIELD` for a column with no header whose cells hold values (first in `row`).
pub(crate) fn unnamed_with_values(index: usize, row: usize) -> Violation {
    let message = format!(
        "Column {} has no header but holds values (the first in row {row}); they are ignored. Give \
         it a template header, or delete the column.",
        column_letters(index)
    );
    with_column(Violation::new("", Code::UnknownField, message), "")
}

fn with_column(mut v: Violation, name: &str) -> Violation {
    v.column = Some(name.to_owned());
    v
}
