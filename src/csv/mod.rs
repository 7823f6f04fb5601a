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
//!
//! # Decisions
//!
//! - **Grammar: csv-core**, not hand-written. It is small (no_std, no allocation) and fast, and
//!   costs 2.7 KB of the gzipped wasm on its own. It skips empty lines, which would shift row
//!   numbers: line ends at the start of a record are read here before csv-core sees them, each
//!   an empty record. It accepts a quote left open at the end: the last record is fed to a fresh
//!   csv-core followed by a line break, and the quote was open when that does not end the
//!   record. Its own byte-order-mark stripping is turned off (one BOM is dropped when decoding).
//! - **Blank records** (every cell empty after trimming spaces and tabs, an empty line too) are
//!   returned flagged, never dropped, so row numbers stay the spreadsheet's. They do not count
//!   toward the row limit, so trailing empty rows never make a file `TOO_MANY`.
//! - **The header is row 1**, the first record, even when blank. An empty file has no columns.
//! - **Header cells** are trimmed of spaces and tabs in [`Sheet::columns`] and in `column`.
//! - **Empty header cells** (Excel's trailing `,,,`) are ignored while their cells are empty; the
//!   first row with a value under one gives one file error `UNKNOWN_FIELD` for that column
//!   (`column` `""`, the message naming its letter and the row). A header of only punctuation is
//!   `UNKNOWN_FIELD` at once.
//! - **Messages** name columns by the template's header or by spreadsheet letter (`Column F`),
//!   never by the header as written (that goes to `column` only).
//! - **A quote left open** makes its record (which runs to the end of the file) not a row: the
//!   `PATTERN` file error names it.
//! - **Past 64 MB** the bytes are cut after the last line break within the limit (else at a
//!   character boundary); a record cut there is not read (and is not an open quote).
//! - **Delimiter detection** reads the first line up to its first line break; `;` wins over tab
//!   when a header has both and no comma. A forced `"`, CR or LF is ignored.
//! - **Template, no mode**: the Amazon Connect identity management row (the website's default).
//! - **File problems are capped** at 100 errors and 100 warnings, then one `TRUNCATED` warning.
//!
//! # Measured
//!
//! Reading a 10,000-row template file (1,179,191 bytes; every cell fetched through
//! [`Sheet::cell`]): natively 233–733 MB/s across runs on the shared 2-core VM (1.6–5.1 ms per
//! read); in Node through wasm 171 MB/s median, 211 best (5.6–6.9 ms). Gzipped wasm after
//! wasm-opt -O3, with an export that opens a sheet, reads every row and builds the template:
//! +10.5 KB over the same commit without it (110.9 → 121.4 KB), of which csv-core 2.7 KB. Without
//! such an export (as committed) the module adds nothing to the wasm.

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
