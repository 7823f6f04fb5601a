//! The file's own errors and warnings, capped like a report's, messages in the import's language.

use crate::fields::MAX_REPORTED;
use crate::messages::{Catalog, Message};
use crate::{Code, Report, Violation};

/// File-level violations (all at path `""`): at most [`MAX_REPORTED`] errors and as many warnings
/// are kept, the rest counted (a header of a million unknown columns costs a hundred violations).
#[derive(Debug, Clone)]
pub(crate) struct Issues<'c> {
    pub errors: Vec<Violation>,
    pub warnings: Vec<Violation>,
    left_out: usize,
    catalog: &'c Catalog,
}

impl<'c> Issues<'c> {
    /// No issues yet; messages will be written with `catalog`.
    pub(crate) fn new(catalog: &'c Catalog) -> Self {
        Issues {
            errors: Vec::new(),
            warnings: Vec::new(),
            left_out: 0,
            catalog,
        }
    }

    /// Adds an error (with the CSV column it is about), built only when there is room for it.
    pub(crate) fn error(&mut self, code: Code, column: Option<&str>, m: impl FnOnce() -> Message) {
        self.add(false, code, column, m);
    }

    /// Adds a warning, built only when there is room for it.
    pub(crate) fn warning(
        &mut self,
        code: Code,
        column: Option<&str>,
        m: impl FnOnce() -> Message,
    ) {
        self.add(true, code, column, m);
    }

    fn add(
        &mut self,
        warning: bool,
        code: Code,
        column: Option<&str>,
        m: impl FnOnce() -> Message,
    ) {
        let catalog = self.catalog;
        let list = if warning {
            &mut self.warnings
        } else {
            &mut self.errors
        };
        if list.len() < MAX_REPORTED {
            let mut v = Violation::new("", code, m().render(catalog));
            v.column = column.map(str::to_owned);
            list.push(v);
        } else {
            self.left_out += 1;
        }
    }

    /// The violations as a report, with a `TRUNCATED` warning when some were left out.
    pub(crate) fn report(&self) -> Report {
        let mut report = Report {
            errors: self.errors.clone(),
            warnings: self.warnings.clone(),
        };
        if self.left_out > 0 {
            let n = i64::try_from(self.left_out).unwrap_or(i64::MAX);
            let message = Message::counted("csv.truncated", n).render(self.catalog);
            report
                .warnings
                .push(Violation::new("", Code::Truncated, message));
        }
        report
    }
}
