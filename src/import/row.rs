//! One template row → its CreateUser input → its report, with what rows share (user logins and
//! email addresses seen so far, names already resolved).

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

use super::cells::{self, ReadCell};
use super::damage;
use super::resolve::{resolve, Resolution};
use super::{CsvRow, ImportOptions};
use crate::csv::{ColumnKey, Row, Sheet, COLUMNS};
use crate::fields::{RefKind, CREATE_USER, MAX_REPORTED, MAX_SECURITY_PROFILES};
use crate::messages::Message;
use crate::options::Options;
use crate::report::{Code, Report, Violation};
use crate::rules::Batch;
use crate::value::Val;

/// Names resolved per row at most in a security profiles cell: past that the list is `TOO_MANY`
/// anyway, and a hostile cell of a million names costs no lookups.
const RESOLVED_NAMES: usize = 2 * MAX_SECURITY_PROFILES;
/// Distinct names remembered across rows (rows mostly repeat a few profile names).
const CACHED_NAMES: usize = 10_000;

/// What the rows of one file share.
pub(crate) struct State<'a> {
    pub options: &'a Options<'a>,
    pub import: &'a ImportOptions<'a>,
    pub batch: Batch,
    /// Email addresses (lower-cased) and the row that gave each first.
    pub emails: HashMap<Box<str>, usize>,
    /// Names already resolved, by list (in [`RefKind`] order).
    pub cache: [HashMap<Box<str>, Option<Resolution>>; 3],
    /// A names column could not be resolved: no row gets a request.
    pub blocked: bool,
}

/// A row's input being built, with the problems of its cells.
struct Mapped<'r> {
    members: Vec<(Cow<'r, str>, Val<'r>)>,
    errors: Vec<Violation>,
    warnings: Vec<Violation>,
    /// Paths whose reference problems the mapping reported itself.
    resolved_paths: Vec<String>,
}

impl Mapped<'_> {
    fn problem(&mut self, warning: bool, v: Violation) {
        let list = if warning {
            &mut self.warnings
        } else {
            &mut self.errors
        };
        if list.len() < MAX_REPORTED {
            list.push(v);
        }
    }
}

impl<'a> State<'a> {
    /// Maps, checks and (when valid) builds one non-blank row.
    pub fn check<'r>(&mut self, sheet: &Sheet<'_>, record: &'r Row) -> CsvRow<'r>
    where
        'a: 'r,
    {
        let number = record.number();
        let cell = |key: ColumnKey| sheet.cell(record, key).filter(|c| !c.is_empty());
        let mut m = Mapped {
            members: Vec::new(),
            errors: record
                .too_many_cells_in(self.options.locale)
                .into_iter()
                .collect(),
            warnings: Vec::new(),
            resolved_paths: Vec::new(),
        };
        let text = |c: &'r str| Val::String(Cow::Borrowed(c));
        // The mapping's problems are found in the model's member order (the row's own first), so
        // that merging them with the rule book's keeps that order without sorting.
        if cell(ColumnKey::UserHierarchy).is_some() {
            m.problem(
                true,
                Violation::new(
                    "",
                    Code::NotApplicable,
                    Message::new("import.no_member").render(self.options.locale),
                ),
            );
        }

        for (key, name) in [
            (ColumnKey::UserLogin, "Username"),
            (ColumnKey::Password, "Password"),
        ] {
            if let Some(c) = cell(key) {
                m.members.push((Cow::Borrowed(name), text(c)));
                if damage::autocorrected(c) {
                    m.problem(
                        true,
                        Violation::new(
                            name,
                            Code::Autocorrected,
                            Message::new(damage::AUTOCORRECTED).render(self.options.locale),
                        ),
                    );
                }
            }
        }
        let identity: Vec<_> = [
            (ColumnKey::FirstName, "FirstName"),
            (ColumnKey::LastName, "LastName"),
            (ColumnKey::Email, "Email"),
            (ColumnKey::SecondaryEmail, "SecondaryEmail"),
            (ColumnKey::Mobile, "Mobile"),
        ]
        .into_iter()
        .filter_map(|(key, name)| cell(key).map(|c| (Cow::Borrowed(name), text(c))))
        .collect();
        if !identity.is_empty() {
            m.members
                .push((Cow::Borrowed("IdentityInfo"), Val::Object(identity)));
        }
        if let Some(c) = cell(ColumnKey::Email) {
            self.repeated_email(&mut m, c, number);
        }
        let phone = self.phone_config(&mut m, &cell);
        if !phone.is_empty() {
            m.members
                .push((Cow::Borrowed("PhoneConfig"), Val::Object(phone)));
        }
        if let Some(c) = cell(ColumnKey::SecurityProfiles) {
            let ids: Vec<Val<'r>> = cells::names(c)
                .enumerate()
                .map(|(i, name)| {
                    let path = || format!("SecurityProfileIds[{i}]");
                    let resolved = (i < RESOLVED_NAMES)
                        .then(|| self.reference(&mut m, RefKind::SecurityProfile, name, path));
                    resolved
                        .flatten()
                        .map_or_else(|| text(name), |id| Val::String(id.into()))
                })
                .collect();
            if !ids.is_empty() {
                m.members
                    .push((Cow::Borrowed("SecurityProfileIds"), Val::List(ids)));
            }
        }
        for (key, kind, name) in [
            (
                ColumnKey::RoutingProfile,
                RefKind::RoutingProfile,
                "RoutingProfileId",
            ),
            (
                ColumnKey::AgentHierarchy,
                RefKind::HierarchyGroup,
                "HierarchyGroupId",
            ),
        ] {
            if let Some(c) = cell(key) {
                let id = self.reference(&mut m, kind, c, || name.to_string());
                let value = id.map_or_else(|| text(c), |id| Val::String(id.into()));
                m.members.push((Cow::Borrowed(name), value));
            }
        }
        if let Some(id) = self.import.instance_id {
            m.members
                .push((Cow::Borrowed("InstanceId"), Val::String(Cow::Borrowed(id))));
        }
        if let Some(c) = cell(ColumnKey::Tags) {
            let (map, problems) = cells::tags(c);
            for v in problems {
                let warning = false;
                m.problem(warning, v.render(self.options.locale));
            }
            if let Some(map) = map {
                m.members.push((Cow::Borrowed("Tags"), map));
            }
        }
        let input = Val::Object(m.members);
        let report = self.batch.validate(&input, self.options, number);
        let mut report = self.tidy(report, &m.resolved_paths, &cell);
        let truncated = report
            .warnings
            .last()
            .filter(|w| w.code == Code::Truncated)
            .is_some();
        let last = if truncated {
            report.warnings.pop()
        } else {
            None
        };
        // The cells' problems and the rule book's, both in the model's member order, merged.
        let mut errors = merge(m.errors, report.errors);
        let mut warnings = merge(m.warnings, report.warnings);
        warnings.extend(last);
        for v in errors.iter_mut().chain(warnings.iter_mut()) {
            if v.column.is_none() && !(v.code == Code::TooMany && v.path.is_empty()) {
                v.column = column_of(sheet, &v.path, v.code);
            }
        }
        let report = Report { errors, warnings };
        let sendable = report.is_valid() && self.import.instance_id.is_some() && !self.blocked;
        CsvRow {
            row: number,
            cells: (0..sheet.columns().len()).map(|i| record.cell(i)).collect(),
            input,
            report,
            sendable,
        }
    }

    /// The `PhoneConfig` members of a row's cells (in the model's order).
    fn phone_config<'r>(
        &self,
        m: &mut Mapped<'r>,
        cell: &impl Fn(ColumnKey) -> Option<&'r str>,
    ) -> Vec<(Cow<'r, str>, Val<'r>)> {
        let mut phone = Vec::new();
        let parsed: [(ColumnKey, &str, ReadCell); 3] = [
            (ColumnKey::PhoneType, "PhoneType", cells::phone_type),
            (ColumnKey::AutoAccept, "AutoAccept", |c| {
                cells::yes_no(c, "PhoneConfig.AutoAccept")
            }),
            (ColumnKey::AcwTimeout, "AfterContactWorkTimeLimit", |c| {
                cells::whole_number(c, "PhoneConfig.AfterContactWorkTimeLimit")
            }),
        ];
        for (key, name, read) in parsed {
            match cell(key).map(read) {
                Some(Ok(v)) => phone.push((Cow::Borrowed(name), v)),
                Some(Err(v)) => m.problem(false, v.render(self.options.locale)),
                None => {}
            }
        }
        if let Some(c) = cell(ColumnKey::PhoneNumber) {
            phone.push((
                Cow::Borrowed("DeskPhoneNumber"),
                Val::String(Cow::Borrowed(c)),
            ));
        }
        phone
    }

    /// Resolves a names cell at `path`; the id to use instead of the cell, if any.
    fn reference(
        &mut self,
        m: &mut Mapped<'_>,
        kind: RefKind,
        name: &str,
        path: impl FnOnce() -> String,
    ) -> Option<String> {
        let instance = self.options.instance?;
        let cache = self.cache.get_mut(kind as usize)?;
        let fresh;
        let resolution = match cache.get(name) {
            Some(r) => r.as_ref(),
            None => {
                fresh = resolve(instance, kind, name, self.options.locale);
                if cache.len() < CACHED_NAMES {
                    cache.insert(name.into(), fresh.clone());
                }
                fresh.as_ref()
            }
        }?;
        if let Some((warning, v)) = &resolution.problem {
            let path = path();
            m.problem(
                *warning,
                Violation {
                    path: path.clone(),
                    ..v.clone()
                },
            );
            m.resolved_paths.push(path);
        }
        resolution.id.clone()
    }

    /// The rule book's report of a row, as a file row shows it: what the file reports once (the
    /// mode, the instance data, the instance id) and what the template cannot change
    /// (`PREFER_CHANNEL_CONFIG`: its phone columns are `PhoneConfig`) left out; reference problems
    /// the mapping reported left out; spreadsheet damage named.
    fn tidy<'r>(
        &self,
        mut report: Report,
        resolved: &[String],
        cell: &impl Fn(ColumnKey) -> Option<&'r str>,
    ) -> Report {
        let no_instance_id = self.import.instance_id.is_none();
        let file_level = |w: &Violation| {
            matches!(
                w.code,
                Code::ModeUnknown | Code::InstanceIgnored | Code::PreferChannelConfig
            )
        };
        let mapped = |v: &Violation| {
            matches!(v.code, Code::NotFound | Code::PreferId) && resolved.contains(&v.path)
        };
        let instance_id =
            |e: &Violation| no_instance_id && e.code == Code::Required && e.path == "InstanceId";
        report.warnings.retain(|w| !file_level(w) && !mapped(w));
        report.errors.retain(|e| !instance_id(e) && !mapped(e));
        for (key, path) in [
            (ColumnKey::Mobile, "IdentityInfo.Mobile"),
            (ColumnKey::PhoneNumber, "PhoneConfig.DeskPhoneNumber"),
        ] {
            if cell(key).is_some_and(damage::number_from_phone) {
                for e in report.errors.iter_mut() {
                    if e.code == Code::Pattern && e.path == path {
                        e.message =
                            Message::new(damage::NUMBER_FROM_PHONE).render(self.options.locale);
                    }
                }
            }
        }
        report
    }

    /// A warning `DUPLICATE` at the email address of a row repeating an earlier row's.
    fn repeated_email(&mut self, m: &mut Mapped<'_>, email: &str, number: usize) {
        let key: Box<str> = email.to_ascii_lowercase().into();
        match self.emails.get(&key) {
            Some(&earlier) => {
                m.warnings.push(Violation::new(
                    "IdentityInfo.Email",
                    Code::Duplicate,
                    Message::new("import.duplicate_email")
                        .count("row", earlier)
                        .render(self.options.locale),
                ));
            }
            None => {
                self.emails.insert(key, number);
            }
        }
    }
}

/// Two lists in the model's member order as one: at equal rank, `first`'s come first.
fn merge(first: Vec<Violation>, second: Vec<Violation>) -> Vec<Violation> {
    let mut out = Vec::with_capacity(first.len() + second.len());
    let mut second = second.into_iter().peekable();
    for v in first {
        let rank = member_rank(&v.path);
        while let Some(w) = second.next_if(|w| member_rank(&w.path) < rank) {
            out.push(w);
        }
        out.push(v);
    }
    out.extend(second);
    out
}

/// Where the member a path starts with stands in the model (the row itself, `""`, first).
fn member_rank(path: &str) -> usize {
    let member = path.split(['.', '[']).next().unwrap_or("");
    CREATE_USER
        .fields
        .iter()
        .position(|f| f.name == member)
        .map_or(0, |i| i + 1)
}

/// The header (as written in the file) of the column a violation's path comes from.
fn column_of(sheet: &Sheet<'_>, path: &str, code: Code) -> Option<String> {
    if path.is_empty() && code == Code::NotApplicable {
        return sheet.header_of(ColumnKey::UserHierarchy).map(str::to_owned);
    }
    let column = COLUMNS.iter().find(|c| {
        c.member.is_some_and(|m| {
            path.strip_prefix(m)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        })
    })?;
    sheet.header_of(column.key).map(str::to_owned)
}
