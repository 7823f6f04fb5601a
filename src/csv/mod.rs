//! Bulk import, file level (CSV.md "Columns" and "Reading the file"): a CSV file of the Amazon
//! Connect user template, decoded, split into records and matched against the template's columns.
//! What each record becomes (a CreateUser input) is the row mapping's business, on top of this.
//!
//! ```
//! use connect_create_user::csv::{ColumnKey, CsvOptions, Row, Sheet};
//! let file = b"user login,routing profile name,security_profile_name_1|security_profile_name_2,phone type (soft/desk)\r\n\
//!              jdoe , Basic Routing Profile,Agent|Admin,soft\r\n\r\n";
//! let mut sheet = Sheet::open(file, &CsvOptions::default());
//! let mut row = Row::new();
//! let mut logins = Vec::new();
//! while sheet.next_row(&mut row) {
//!     if row.is_blank() {
//!         continue; // still counted: row numbers match the spreadsheet
//!     }
//!     logins.push((row.number(), sheet.cell(&row, ColumnKey::UserLogin).unwrap().to_owned()));
//! }
//! assert_eq!(logins, [(2, "jdoe".to_owned())]);
//! assert!(sheet.report().is_valid());
//! ```
//!
//! - [`decode`]: bytes to text (UTF-8, else Windows-1252), byte-order mark dropped.
//! - [`reader`]: records one at a time into a reused [`Row`] (csv-core's grammar; blank lines kept
//!   as blank records; a quote left open at the end found).
//! - [`columns`]: the one table of the template's columns; [`header`](Sheet::open) matching.
//! - [`Sheet`]: the file opened, its header read, its rows pulled one by one, its file problems.
//! - [`template()`]: the template file itself.
//!
//! Trimming is the caller's per column: [`Row::cell`] is as written, [`Sheet::cell`] trims every
//! column but `password` ([`Column::trimmed`]), and [`trim_cell`] trims anything else (the names
//! between `|`).

pub mod columns;
pub mod decode;
mod header;
mod issues;
pub mod reader;
mod sheet;
mod template;

pub use columns::{CellKind, Column, ColumnKey, COLUMNS};
pub use reader::{column_letters, trim_cell, Row};
pub use sheet::Sheet;
pub use template::template;

use crate::fields::{CSV_MAX_BYTES, CSV_MAX_ROWS};

/// How a CSV file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CsvOptions {
    /// The delimiter to use instead of detecting it (`,`, else `;` or tab when the header has no
    /// comma but one of those). A `"`, CR or LF is not a delimiter and is ignored.
    pub delimiter: Option<u8>,
    /// The size limits (the defaults are CSV.md's; tests lower them).
    pub limits: Limits,
}

/// How much of a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes read at most ([`CSV_MAX_BYTES`]); past it, `TOO_LONG`.
    pub max_bytes: usize,
    /// User rows (non-blank records after the header) read at most ([`CSV_MAX_ROWS`]); past it,
    /// `TOO_MANY`.
    pub max_rows: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: CSV_MAX_BYTES,
            max_rows: CSV_MAX_ROWS,
        }
    }
}
