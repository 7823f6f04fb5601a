//! The checks against the instance (INSTANCE.md): taken and similar user names, ids that name
//! nothing, names and ARNs given where an id belongs; and user names repeated within a batch.

use rustc_hash::FxHashMap as HashMap;

use super::Cx;
use crate::fields::RefKind;
use crate::instance::{Item, Resolved, UserMatch};
use crate::path::Path;
use crate::report::{thousands, Code, Fix};
use crate::value::Val;

/// Users checked together (the items of a JSON array, the rows of a CSV file): a user name equal
/// to an earlier user's is `TAKEN` at the later one, one that differs only in letter case a
/// `SIMILAR` warning. Positions are the caller's ("user 3", "row 7").
#[derive(Debug)]
pub struct Batch {
    unit: BatchUnit,
    exact: HashMap<Box<str>, usize>,
    folded: HashMap<Box<str>, usize>,
}

/// How a batch's messages count its users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchUnit {
    /// "user 3": the items of a JSON array, counted from 1.
    User,
    /// "row 7": the rows of a spreadsheet, the header being row 1.
    Row,
}

impl Batch {
    /// An empty batch counting in `unit`.
    pub fn new(unit: BatchUnit) -> Self {
        Batch {
            unit,
            exact: HashMap::default(),
            folded: HashMap::default(),
        }
    }

    /// Records the user name of the user at `position`; the earlier position of the same name
    /// (`Ok`) or of the same name in another letter case (`Err`), if any.
    fn record(&mut self, name: &str, position: usize) -> Option<Result<usize, usize>> {
        // One hash a map: most names are new, and then both maps take them.
        let exact = *self.exact.entry(name.into()).or_insert(position);
        if exact != position {
            return Some(Ok(exact));
        }
        let folded = *self
            .folded
            .entry(name.to_ascii_lowercase().into())
            .or_insert(position);
        (folded != position).then_some(Err(folded))
    }

    fn unit(&self) -> &'static str {
        match self.unit {
            BatchUnit::User => "User",
            BatchUnit::Row => "Row",
        }
    }
}

/// The user name against the instance's users, then against the earlier users of the batch.
pub(crate) fn user_name(cx: &mut Cx<'_>, value: Option<&Val<'_>>, path: &Path<'_>) {
    let Some(name) = value.and_then(Val::as_str) else {
        return;
    };
    let in_instance = cx.instance.map_or(UserMatch::Unknown, |i| i.user(name));
    match in_instance {
        UserMatch::Taken => cx.sink.error(path, Code::Taken, || {
            "A user with this user name already exists in this instance.".into()
        }),
        UserMatch::Similar => cx.sink.warning(path, Code::Similar, || {
            "A user whose user name differs from this one only in letter case already exists \
             in this instance; make sure this is a different person."
                .into()
        }),
        UserMatch::Unknown | UserMatch::Free => {}
    }
    let Some((batch, position)) = cx.batch.as_mut() else {
        return;
    };
    let earlier = batch.record(name, *position);
    let unit = batch.unit();
    match earlier {
        // Already reported as taken in the instance: once is enough.
        Some(Ok(_)) if in_instance == UserMatch::Taken => {}
        Some(Ok(n)) => {
            let n = thousands(n as i64);
            cx.sink.error(path, Code::Taken, || {
                format!("{unit} {n} has the same user name; each user needs a different one.")
            });
        }
        Some(Err(n)) => {
            let n = thousands(n as i64);
            cx.sink.warning(path, Code::Similar, || {
                format!(
                    "{unit} {n} has a user name that differs from this one only in letter case; \
                     make sure these are different people."
                )
            });
        }
        None => {}
    }
}

/// A value given where the id of a `kind` item belongs (INSTANCE.md's four steps).
pub(crate) fn reference(cx: &mut Cx<'_>, kind: RefKind, value: &str, path: &Path<'_>) {
    let Some(instance) = cx.instance else {
        return;
    };
    let noun = kind.list().noun;
    match instance.resolve(kind, value) {
        Resolved::Unknown | Resolved::Id(_) => {}
        Resolved::Arn(item) => cx.sink.record_with_fix(
            true,
            path,
            Code::PreferId,
            || format!("This is the ARN of a {noun}; the API asks for its ID."),
            || Some(use_item(item)),
        ),
        Resolved::Name { items, exact } => {
            let one = match items.as_slice() {
                [one] => Some(*one),
                _ => None,
            };
            let count = items.len();
            cx.sink.record_with_fix(
                false,
                path,
                Code::NotFound,
                || match (one, exact) {
                    (Some(_), true) => format!("This is the name of a {noun}, not its ID."),
                    (Some(_), false) => {
                        format!("This is the name of a {noun} (in other letter case), not its ID.")
                    }
                    (None, _) => format!(
                        "This is the name of {} {noun}s, not an ID; give the ID of the one meant.",
                        thousands(count as i64)
                    ),
                },
                || one.map(use_item),
            );
        }
        Resolved::NotFound { near } => {
            let name = near.and_then(Item::display_name);
            cx.sink.record_with_fix(
                false,
                path,
                Code::NotFound,
                || match &name {
                    Some(name) => {
                        format!("No {noun} of this instance has this ID. Did you mean {name}?")
                    }
                    None => format!("No {noun} of this instance has this ID."),
                },
                || near.map(use_item),
            );
        }
    }
}

/// The fix that puts an item's id in place: "Use Basic Routing Profile".
pub(crate) fn use_item(item: &Item) -> Fix {
    Fix {
        value: item.id.to_string(),
        label: Some(match item.display_name() {
            Some(name) => format!("Use {name}"),
            None => "Use its ID".into(),
        }),
    }
}
