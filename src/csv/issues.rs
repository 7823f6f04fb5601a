//! The file's own errors and warnings, capped like a report's.

use crate::fields::MAX_REPORTED;
use crate::report::thousands;
use crate::{Code, Report, Violation};

/// File-level violations: at most [`MAX_REPORTED`] errors and as many warnings are kept, the rest
/// counted (a header of a million unknown columns costs a hundred violations).
#[derive(Debug, Default, Clone)]
pub(crate) struct Issues {
    pub errors: Vec<Violation>,
    pub warnings: Vec<Violation>,
    left_out: usize,
}

impl Issues {
    /// Adds an error, built only when there is room for it.
    pub(crate) fn error(&mut self, v: impl FnOnce() -> Violation) {
        if self.errors.len() < MAX_REPORTED {
            self.errors.push(v());
        } else {
            self.left_out += 1;
        }
    }

    /// Adds a warning, built only when there is room for it.
    pub(crate) fn warning(&mut self, v: impl FnOnce() -> Violation) {
        if self.warnings.len() < MAX_REPORTED {
            self.warnings.push(v());
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
            let n = self.left_out;
            report.warnings.push(Violation::new(
                "",
                Code::Truncated,
                format!(
                    "{} more file {} not listed.",
                    thousands(n as i64),
                    if n == 1 {
                        "problem was"
                    } else {
                        "problems were"
                    }
                ),
            ));
        }
        report
    }
}
