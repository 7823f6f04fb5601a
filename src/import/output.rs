//! The CSV report as JSON text, written row by row as the rows are checked (CSV.md "What comes
//! back": `{valid, errors, warnings, columns, rows: [{row, cells, input, report, request?}]}`).
//!
//! A row's request is written as `"request":1` and the file's one request path as
//! `"requestPath"`: the JavaScript side makes each `{method, path, headers, body}` from them, the
//! body being `JSON.stringify` of the input without `InstanceId` (the input is written in the
//! model's order by the writer whose output equals `JSON.stringify`, so the body is the one
//! `request_of` writes; a test holds them equal). The text is about half as long as with every
//! body written out as an escaped string.

use super::{CsvRow, FileReport};
use crate::json::write_string;
use crate::json::write_value;
use crate::report::{Report, Violation};

/// A CSV report being written: rows first, as they come, then the file's own report.
#[derive(Debug)]
pub struct CsvJson {
    out: String,
    rows: usize,
    request_path: Option<String>,
}

impl Default for CsvJson {
    fn default() -> Self {
        CsvJson::with_capacity(0)
    }
}

impl CsvJson {
    /// A report whose text is expected to need about `bytes` bytes (reserved at once, so that
    /// wasm memory grows in one step rather than in many).
    pub fn with_capacity(bytes: usize) -> Self {
        let mut out = String::with_capacity(bytes.max(64));
        out.push_str("{\"rows\":[");
        CsvJson {
            out,
            rows: 0,
            request_path: None,
        }
    }

    /// Adds a row.
    pub fn row(&mut self, row: &CsvRow<'_>) {
        let out = &mut self.out;
        if self.rows > 0 {
            out.push(',');
        }
        self.rows += 1;
        out.push_str("{\"row\":");
        out.push_str(&row.row.to_string());
        out.push_str(",\"cells\":");
        write_strings(out, row.cells.iter().copied());
        out.push_str(",\"input\":");
        // The mapping builds the input in the model's member order, so it is written as it is.
        write_value(out, &row.input);
        out.push_str(",\"report\":");
        write_report(out, &row.report);
        if row.sendable {
            out.push_str(",\"request\":1");
            if self.request_path.is_none() {
                self.request_path = row.request().map(|r| r.path);
            }
        }
        out.push('}');
    }

    /// Ends the rows and writes the file's report: the whole JSON text.
    pub fn finish(mut self, file: &FileReport) -> String {
        let out = &mut self.out;
        out.push_str("],\"columns\":");
        write_strings(out, file.columns.iter().map(String::as_str));
        out.push_str(",\"errors\":");
        write_list(out, &file.errors);
        out.push_str(",\"warnings\":");
        write_list(out, &file.warnings);
        out.push_str(",\"valid\":");
        out.push_str(if file.is_valid() { "true" } else { "false" });
        if let Some(path) = &self.request_path {
            out.push_str(",\"requestPath\":");
            write_string(out, path);
        }
        out.push('}');
        self.out
    }
}

/// `{"valid":…,"errors":[…],"warnings":[…]}`.
pub fn write_report(out: &mut String, report: &Report) {
    out.push_str("{\"valid\":");
    out.push_str(if report.is_valid() { "true" } else { "false" });
    out.push_str(",\"errors\":");
    write_list(out, &report.errors);
    out.push_str(",\"warnings\":");
    write_list(out, &report.warnings);
    out.push('}');
}

/// `["…","…"]`.
fn write_strings<'s>(out: &mut String, strings: impl Iterator<Item = &'s str>) {
    out.push('[');
    for (i, s) in strings.enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(out, s);
    }
    out.push(']');
}

fn write_list(out: &mut String, list: &[Violation]) {
    out.push('[');
    for (i, v) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_violation(out, v);
    }
    out.push(']');
}

fn write_violation(out: &mut String, v: &Violation) {
    out.push_str("{\"path\":");
    write_string(out, &v.path);
    out.push_str(",\"code\":");
    write_string(out, v.code.as_str());
    out.push_str(",\"message\":");
    write_string(out, &v.message);
    if let Some(fix) = &v.fix {
        out.push_str(",\"fix\":{\"value\":");
        write_string(out, &fix.value);
        if let Some(label) = &fix.label {
            out.push_str(",\"label\":");
            write_string(out, label);
        }
        out.push('}');
    }
    if let Some(column) = &v.column {
        out.push_str(",\"column\":");
        write_string(out, column);
    }
    out.push('}');
}
