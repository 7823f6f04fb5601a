//! The bulk CSV import (CSV.md "Rows"): each row of the admin website's template becomes a
//! CreateUser input (names resolved to ids through the instance context), checked with every rule
//! of the rule book and INSTANCE.md, plus what only a file has: user logins and email addresses
//! repeated across rows, what spreadsheets do to cells, and the file's own problems.
//!
//! Rows are read and handed out one at a time ([`check_csv`]), so a 100,000-row file is never held
//! as a list of rows.

mod cells;
mod damage;
mod output;
mod resolve;
mod row;

pub use output::CsvJson;

use std::collections::HashMap;

use crate::csv::{ColumnKey, CsvOptions, Row, Sheet};
use crate::fields::RefKind;
use crate::instance::describe_ignored;
use crate::messages::Message;
use crate::options::Options;
use crate::report::{Code, Report, Violation};
use crate::request::{request_of, HttpRequest};
use crate::rules::{Batch, BatchUnit};
use crate::value::Val;

/// What an import is given besides the file and the check's options.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions<'a> {
    /// The `InstanceId` of every row's input (the file has no column for it).
    pub instance_id: Option<&'a str>,
    /// How the file is read (delimiter, limits).
    pub csv: CsvOptions,
}

/// One user row, as it is handed out.
#[derive(Debug)]
pub struct CsvRow<'r> {
    /// The spreadsheet's row number (the header is row 1).
    pub row: usize,
    /// The row's cells as written, one per file column (the header's width).
    pub cells: Vec<&'r str>,
    /// The CreateUser input the row becomes (ids resolved, `InstanceId` set).
    pub input: Val<'r>,
    /// Its problems; each one that comes from a cell has `column`.
    pub report: Report,
    /// Whether the row has a request: exactly when it is valid, the instance id was given and
    /// every names column could be resolved ([`CsvRow::request`] builds it).
    pub sendable: bool,
}

impl CsvRow<'_> {
    /// The row's request, when it has one.
    pub fn request(&self) -> Option<HttpRequest> {
        self.sendable.then(|| request_of(&self.input))
    }
}

/// The file as a whole, once every row is read.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FileReport {
    /// File-level errors: header, quoting, limits, instance id, unresolved columns.
    pub errors: Vec<Violation>,
    /// File-level warnings: encoding, mode, instance data.
    pub warnings: Vec<Violation>,
    /// The header cells as written.
    pub columns: Vec<String>,
    /// How many user rows were checked.
    pub rows: usize,
    /// How many of them have errors.
    pub invalid_rows: usize,
}

impl FileReport {
    /// No file error and every row valid.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty() && self.invalid_rows == 0
    }
}

/// The three names columns and the instance list each needs.
const NAMES_COLUMNS: [(ColumnKey, RefKind); 3] = [
    (ColumnKey::RoutingProfile, RefKind::RoutingProfile),
    (ColumnKey::SecurityProfiles, RefKind::SecurityProfile),
    (ColumnKey::AgentHierarchy, RefKind::HierarchyGroup),
];

/// Checks a template file: hands each user row to `each` in file order, then returns the file's
/// own report. `bytes` is the file (a JavaScript string as its UTF-8 bytes).
pub fn check_csv(
    bytes: &[u8],
    options: &Options<'_>,
    import: &ImportOptions<'_>,
    mut each: impl FnMut(&CsvRow<'_>),
) -> FileReport {
    let mut sheet = Sheet::open_in(bytes, &import.csv, options.locale);
    let mut own = FileReport::default();
    let unresolved = unresolved_columns(bytes, &sheet, options, import);
    for (key, kind) in &unresolved {
        let list = kind.list();
        let mut v = Violation::new(
            "",
            Code::Unresolved,
            Message::new(match kind {
                RefKind::RoutingProfile => "import.unresolved.routing_profile",
                RefKind::SecurityProfile => "import.unresolved.security_profile",
                RefKind::HierarchyGroup => "import.unresolved.hierarchy_group",
            })
            .verbatim("command", list.cli)
            .render(options.locale),
        );
        v.column = sheet.header_of(*key).map(str::to_owned);
        own.errors.push(v);
    }
    if import.instance_id.is_none() {
        own.errors.push(Violation::new(
            "InstanceId",
            Code::Required,
            Message::new("import.instance_id").render(options.locale),
        ));
    }
    if options.known_mode().is_none() {
        own.warnings.push(Violation::new(
            "",
            Code::ModeUnknown,
            Message::new("import.mode_unknown").render(options.locale),
        ));
    }
    if let Some(instance) = options.instance.filter(|i| !i.ignored().is_empty()) {
        own.warnings.push(Violation::new(
            "",
            Code::InstanceIgnored,
            describe_ignored(instance.ignored()).render(options.locale),
        ));
    }

    let mut state = row::State {
        options,
        import,
        batch: Batch::new(BatchUnit::Row),
        emails: HashMap::new(),
        cache: Default::default(),
        blocked: !unresolved.is_empty(),
    };
    let mut rows = (0, 0);
    let mut record = Row::new();
    loop {
        if !sheet.next_row(&mut record) {
            break;
        }
        if record.is_blank() {
            continue;
        }
        let checked = state.check(&sheet, &record);
        rows.0 += 1;
        rows.1 += usize::from(!checked.report.is_valid());
        each(&checked);
    }
    let sheet_report = sheet.report();
    let mut errors = sheet_report.errors;
    errors.extend(own.errors);
    let mut warnings = sheet_report.warnings;
    warnings.extend(own.warnings);
    FileReport {
        errors,
        warnings,
        columns: sheet.columns().to_vec(),
        rows: rows.0,
        invalid_rows: rows.1,
    }
}

/// The names columns the file has, with a non-empty cell, whose instance list is unknown (with
/// the kind of item each names).
fn unresolved_columns(
    bytes: &[u8],
    sheet: &Sheet<'_>,
    options: &Options<'_>,
    import: &ImportOptions<'_>,
) -> Vec<(ColumnKey, RefKind)> {
    let lacking: Vec<(ColumnKey, RefKind)> = NAMES_COLUMNS
        .iter()
        .filter(|(key, kind)| {
            sheet.index_of(*key).is_some() && !options.instance.is_some_and(|i| i.knows(*kind))
        })
        .copied()
        .collect();
    if lacking.is_empty() {
        return lacking;
    }
    // A column is unresolved only if it has a name to resolve: one pass over the file first.
    let mut scan = Sheet::open(bytes, &import.csv);
    let mut record = Row::new();
    let mut with_cells = Vec::new();
    while with_cells.len() < lacking.len() && scan.next_row(&mut record) {
        for column in &lacking {
            let has_name = scan.cell(&record, column.0).is_some_and(|c| !c.is_empty());
            if has_name && !with_cells.contains(column) {
                with_cells.push(*column);
            }
        }
    }
    lacking
        .into_iter()
        .filter(|k| with_cells.contains(k))
        .collect()
}
