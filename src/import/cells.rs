//! What a template cell becomes in the CreateUser input (CSV.md "Columns"): `soft`/`desk`,
//! `yes`/`no`, `30.0`, `key=value|…` tags. A cell that cannot become its member's value is a
//! violation of its own here, and the member is left out (so the rule book does not report it
//! again in other words).

use std::borrow::Cow;
use std::collections::HashSet;

use crate::csv::trim_cell;
use crate::fields::{DESK_PHONE, MAX_REPORTED, SOFT_PHONE};
use crate::messages::{Catalog, Message};
use crate::path::Path;
use crate::report::{Code, Violation};
use crate::value::Val;

/// A cell read as its member's value, or the violation that says why it cannot be.
pub(crate) type Cell<'a> = Result<Val<'a>, Box<Problem>>;

/// A violation of a cell, its message not yet rendered in the import's language.
#[derive(Debug, Clone)]
pub(crate) struct Problem {
    pub path: String,
    pub code: Code,
    pub message: Message,
}

impl Problem {
    pub(crate) fn new(path: impl Into<String>, code: Code, key: &'static str) -> Self {
        Problem {
            path: path.into(),
            code,
            message: Message::new(key),
        }
    }

    /// The violation, its message in the language of `catalog`.
    pub(crate) fn render(&self, catalog: &Catalog) -> Violation {
        Violation::new(self.path.clone(), self.code, self.message.render(catalog))
    }
}

/// A function reading one kind of cell.
pub(crate) type ReadCell = fn(&str) -> Cell<'static>;

/// `soft` / `desk` / `SOFT_PHONE` / `DESK_PHONE`, in any case.
pub(crate) fn phone_type(cell: &str) -> Cell<'static> {
    let known = [("soft", SOFT_PHONE), ("desk", DESK_PHONE)];
    known
        .iter()
        .find(|(short, long)| cell.eq_ignore_ascii_case(short) || cell.eq_ignore_ascii_case(long))
        .map(|(_, long)| Val::String(Cow::Borrowed(long)))
        .ok_or_else(|| {
            Box::new(Problem::new(
                "PhoneConfig.PhoneType",
                Code::Enum,
                "import.phone_type",
            ))
        })
}

/// `yes` / `no` / `true` / `false`, in any case.
pub(crate) fn yes_no(cell: &str, path: &'static str) -> Cell<'static> {
    let known = [
        ("yes", true),
        ("true", true),
        ("no", false),
        ("false", false),
    ];
    known
        .iter()
        .find(|(word, _)| cell.eq_ignore_ascii_case(word))
        .map(|(_, b)| Val::Bool(*b))
        .ok_or_else(|| Box::new(Problem::new(path, Code::Type, "import.yes_no")))
}

/// A whole number of seconds: digits, optionally followed by `.` and zeros (`30.0` is 30, as a
/// spreadsheet may write it); a sign is kept so that a negative number is `OUT_OF_RANGE`.
pub(crate) fn whole_number(cell: &str, path: &'static str) -> Cell<'static> {
    let (sign, unsigned) = match cell.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, cell.strip_prefix('+').unwrap_or(cell)),
    };
    let (digits, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let whole = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b == b'0');
    match digits.parse::<f64>() {
        Ok(n) if whole => Ok(Val::Number(sign * n)),
        _ => Err(Box::new(Problem::new(
            path,
            Code::Type,
            "import.whole_number",
        ))),
    }
}

/// `key=value` pairs separated by `|`, split at the first `=`, key and value trimmed; empty pairs
/// are skipped. A pair without `=` is `PATTERN` at `Tags`; a key given twice `DUPLICATE` at
/// `Tags["key"]` (the first value is kept; at most [`MAX_REPORTED`] of those). Returns the map (absent when it has no entry) and the
/// cell's violations.
pub(crate) fn tags(cell: &str) -> (Option<Val<'_>>, Vec<Problem>) {
    let mut entries: Vec<(Cow<'_, str>, Val<'_>)> = Vec::new();
    let mut keys = HashSet::new();
    let mut problems = Vec::new();
    let mut without_equals = false;
    for pair in parts(cell, '|') {
        let Some((key, value)) = pair.split_once('=') else {
            without_equals = true;
            continue;
        };
        let key = trim_cell(key);
        if !keys.insert(key) {
            if problems.len() >= MAX_REPORTED {
                continue;
            }
            let root = Path::Root;
            let tags = root.key("Tags");
            problems.push(Problem::new(
                tags.map_key(key).render(),
                Code::Duplicate,
                "import.tag_twice",
            ));
            continue;
        }
        entries.push((
            Cow::Borrowed(key),
            Val::String(Cow::Borrowed(trim_cell(value))),
        ));
    }
    if without_equals {
        problems.insert(0, Problem::new("Tags", Code::Pattern, "import.tag_form"));
    }
    let map = (!entries.is_empty()).then_some(Val::Object(entries));
    (map, problems)
}

/// The names between `|` of a names cell, trimmed, empty ones skipped.
pub(crate) fn names(cell: &str) -> impl Iterator<Item = &str> {
    parts(cell, '|')
}

/// The parts of a cell between `separator`s, trimmed, empty ones skipped.
pub(crate) fn parts(cell: &str, separator: char) -> impl Iterator<Item = &str> {
    cell.split(separator)
        .map(trim_cell)
        .filter(|n| !n.is_empty())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn cells_read_as_their_members() {
        assert_eq!(
            phone_type("Soft").unwrap(),
            Val::String("SOFT_PHONE".into())
        );
        assert_eq!(
            phone_type("DESK_phone").unwrap(),
            Val::String("DESK_PHONE".into())
        );
        assert!(phone_type("mobile").is_err());
        assert_eq!(yes_no("YES", "p").unwrap(), Val::Bool(true));
        assert_eq!(yes_no("False", "p").unwrap(), Val::Bool(false));
        assert!(yes_no("y", "p").is_err());
        for (cell, n) in [
            ("30", 30.0),
            ("30.0", 30.0),
            ("30.00", 30.0),
            ("-5", -5.0),
            ("0", 0.0),
        ] {
            assert_eq!(whole_number(cell, "p").unwrap(), Val::Number(n), "{cell}");
        }
        for cell in ["30.5", "abc", "", ".0", "1e3", "3 0"] {
            assert!(whole_number(cell, "p").is_err(), "{cell}");
        }
        let (map, problems) = tags(" a = 1 | b= | c=x=y | |a=2|nokey");
        assert_eq!(
            map,
            Some(Val::Object(vec![
                ("a".into(), Val::String("1".into())),
                ("b".into(), Val::String("".into())),
                ("c".into(), Val::String("x=y".into())),
            ]))
        );
        let codes: Vec<_> = problems.iter().map(|v| (v.path.as_str(), v.code)).collect();
        assert_eq!(
            codes,
            [("Tags", Code::Pattern), ("Tags[\"a\"]", Code::Duplicate)]
        );
        assert_eq!(
            names(" Agent | |Admin|").collect::<Vec<_>>(),
            ["Agent", "Admin"]
        );
    }
}
