//! Violations, their codes, and the report that collects them in one pass.

use std::fmt;

use crate::fields::MAX_REPORTED;
use crate::messages::{Arg, Catalog, Message};
use crate::path::Path;

/// What kind of problem a violation is. The codes are the public contract (RULES.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// Wrong JSON type.
    Type,
    /// A required member is absent.
    Required,
    /// A member the model does not have.
    UnknownField,
    /// String shorter than its minimum.
    TooShort,
    /// String longer than its maximum.
    TooLong,
    /// List or map with too few entries.
    TooFew,
    /// List or map with too many entries.
    TooMany,
    /// Integer outside its bounds.
    OutOfRange,
    /// Not one of the allowed values.
    Enum,
    /// String without the required form.
    Pattern,
    /// Name not in Unicode Normalization Form C.
    NotNfc,
    /// A `PhoneConfig` member set together with its channel-specific list.
    Conflict,
    /// A setting for a channel that does not support it.
    ChannelNotAllowed,
    /// The same channel twice in one list.
    DuplicateChannel,
    /// A member the identity management type does not allow.
    Forbidden,
    /// Warning: the identity management type was not given.
    ModeUnknown,
    /// Warning: more problems exist than are listed.
    Truncated,
    /// Warning: `PhoneConfig` used where channel-specific lists are recommended.
    PreferChannelConfig,
    /// Warning: a value listed twice.
    Duplicate,
    /// Warning: a member that has no effect here.
    NotApplicable,
    /// A user name already used in the instance, or by an earlier user of the same batch or file.
    Taken,
    /// Warning: a user name that differs from an existing one only in letter case.
    Similar,
    /// An id that names nothing of its kind in the instance.
    NotFound,
    /// Warning: an ARN where the API asks for the id.
    PreferId,
    /// Warning: part of the instance context could not be read and was skipped.
    InstanceIgnored,
    /// A name that matches several items of the instance.
    Ambiguous,
    /// A column of names that cannot become ids: the instance context lacks the list.
    Unresolved,
    /// Warning: a file that is not UTF-8, read as Windows-1252.
    Encoding,
    /// Warning: a cell a spreadsheet's AutoCorrect seems to have changed.
    Autocorrected,
}

impl Code {
    /// The code as the API names it (`TOO_LONG`).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Type => "TYPE",
            Code::Required => "REQUIRED",
            Code::UnknownField => "UNKNOWN_FIELD",
            Code::TooShort => "TOO_SHORT",
            Code::TooLong => "TOO_LONG",
            Code::TooFew => "TOO_FEW",
            Code::TooMany => "TOO_MANY",
            Code::OutOfRange => "OUT_OF_RANGE",
            Code::Enum => "ENUM",
            Code::Pattern => "PATTERN",
            Code::NotNfc => "NOT_NFC",
            Code::Conflict => "CONFLICT",
            Code::ChannelNotAllowed => "CHANNEL_NOT_ALLOWED",
            Code::DuplicateChannel => "DUPLICATE_CHANNEL",
            Code::Forbidden => "FORBIDDEN",
            Code::ModeUnknown => "MODE_UNKNOWN",
            Code::Truncated => "TRUNCATED",
            Code::PreferChannelConfig => "PREFER_CHANNEL_CONFIG",
            Code::Duplicate => "DUPLICATE",
            Code::NotApplicable => "NOT_APPLICABLE",
            Code::Taken => "TAKEN",
            Code::Similar => "SIMILAR",
            Code::NotFound => "NOT_FOUND",
            Code::PreferId => "PREFER_ID",
            Code::InstanceIgnored => "INSTANCE_IGNORED",
            Code::Ambiguous => "AMBIGUOUS",
            Code::Unresolved => "UNRESOLVED",
            Code::Encoding => "ENCODING",
            Code::Autocorrected => "AUTOCORRECTED",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem, at one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Where: `IdentityInfo.FirstName`, `Tags["k"]`, `""` for the root.
    pub path: String,
    /// What kind of problem.
    pub code: Code,
    /// Plain English for an admin. Never contains a value from the input.
    pub message: String,
    /// A replacement for the value at `path`, from the instance context (never from the input).
    pub fix: Option<Fix>,
    /// The CSV column (its header as written in the file) the violation comes from.
    pub column: Option<String>,
}

impl Violation {
    /// A violation with no fix and no column.
    pub fn new(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Violation {
            path: path.into(),
            code,
            message: message.into(),
            fix: None,
            column: None,
        }
    }
}

/// A value a form can put in place of the one at a violation's path with one click.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// The replacement value (an id from the instance context).
    pub value: String,
    /// What the button says ("Use Basic Routing Profile").
    pub label: Option<String>,
}

/// Every problem of one input, found in one pass.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Problems that block the request, in a stable order.
    pub errors: Vec<Violation>,
    /// Problems that do not block it.
    pub warnings: Vec<Violation>,
}

impl Report {
    /// True exactly when there are no errors.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Collects violations during a pass, keeping at most [`MAX_REPORTED`] of each kind and building
/// the path and message (in the catalog's language) only of those it keeps.
#[derive(Debug)]
pub struct Sink<'c> {
    report: Report,
    catalog: &'c Catalog,
    left_out_errors: usize,
    left_out_warnings: usize,
    /// A list or map was longer than the items read of it, so the counts are lower bounds.
    unread: bool,
}

impl Default for Sink<'static> {
    /// A sink writing English.
    fn default() -> Self {
        Sink::new(Catalog::english())
    }
}

impl<'c> Sink<'c> {
    /// A sink whose messages are written in the language of `catalog`.
    pub fn new(catalog: &'c Catalog) -> Self {
        Sink {
            report: Report::default(),
            catalog,
            left_out_errors: 0,
            left_out_warnings: 0,
            unread: false,
        }
    }

    /// The catalog messages are written with.
    pub fn catalog(&self) -> &'c Catalog {
        self.catalog
    }

    /// Records an error.
    pub fn error(&mut self, path: &Path<'_>, code: Code, message: impl FnOnce() -> Message) {
        self.record_with_fix(false, path, code, message, |_| None);
    }

    /// Records a warning.
    pub fn warning(&mut self, path: &Path<'_>, code: Code, message: impl FnOnce() -> Message) {
        self.record_with_fix(true, path, code, message, |_| None);
    }

    /// Records an error, or a warning when `as_warning`, with the fix `fix` gives (built, with
    /// the catalog for its label, only when the violation is kept).
    pub fn record_with_fix(
        &mut self,
        as_warning: bool,
        path: &Path<'_>,
        code: Code,
        message: impl FnOnce() -> Message,
        fix: impl FnOnce(&Catalog) -> Option<Fix>,
    ) {
        let list = if as_warning {
            &self.report.warnings
        } else {
            &self.report.errors
        };
        if list.len() < MAX_REPORTED {
            let (message, fix) = (message(), fix(self.catalog));
            self.keep(as_warning, path, code, message, fix);
        } else if as_warning {
            self.left_out_warnings += 1;
        } else {
            self.left_out_errors += 1;
        }
    }

    /// Adds a violation (one code for every call site: the closures above are all that differ).
    #[inline(never)]
    fn keep(
        &mut self,
        as_warning: bool,
        path: &Path<'_>,
        code: Code,
        message: Message,
        fix: Option<Fix>,
    ) {
        let violation = Violation {
            fix,
            ..Violation::new(path.render(), code, message.render(self.catalog))
        };
        if as_warning {
            self.report.warnings.push(violation);
        } else {
            self.report.errors.push(violation);
        }
    }

    /// Records an error, or a warning when `as_warning`.
    pub fn push(
        &mut self,
        as_warning: bool,
        path: &Path<'_>,
        code: Code,
        message: impl FnOnce() -> Message,
    ) {
        self.record_with_fix(as_warning, path, code, message, |_| None);
    }

    /// Notes that part of a list or map was not read, so the left-out counts are lower bounds.
    pub fn mark_unread(&mut self) {
        self.unread = true;
    }

    /// The report, with a `TRUNCATED` warning at the root when anything was left out.
    pub fn finish(mut self) -> Report {
        let (e, w) = (self.left_out_errors, self.left_out_warnings);
        if e + w > 0 {
            let message = truncated(e, w, self.unread).render(self.catalog);
            self.report
                .warnings
                .push(Violation::new("", Code::Truncated, message));
        }
        self.report
    }
}

/// The `TRUNCATED` message: how many errors and warnings were left out ("at least" when part of
/// a list was not read).
fn truncated(errors: usize, warnings: usize, unread: bool) -> Message {
    let n = |c: usize| i64::try_from(c).unwrap_or(i64::MAX);
    let count = |c: usize, first: bool| {
        if unread && first {
            Arg::Message(Box::new(
                Message::new("truncated.at_least").number("count", n(c)),
            ))
        } else {
            Arg::Number(n(c))
        }
    };
    match (errors, warnings) {
        (e, 0) => Message::counted_as("truncated.errors", n(e), count(e, true)),
        (0, w) => Message::counted_as("truncated.warnings", n(w), count(w, true)),
        (e, w) => Message::new("truncated.both")
            .message(
                "errors",
                Message::counted_as("truncated.more_errors", n(e), count(e, true)),
            )
            .message(
                "warnings",
                Message::counted_as("truncated.more_warnings", n(w), count(w, false)),
            ),
    }
}
