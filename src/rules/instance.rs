//! The checks against the instance (INSTANCE.md): taken and similar user names, ids that name
//! nothing, names and ARNs given where an id belongs; and user names repeated within a batch.

use rustc_hash::FxHashMap as HashMap;

use super::Cx;
use crate::fields::RefKind;
use crate::instance::{Item, Resolved, UserMatch};
use crate::messages::{Catalog, Message};
use crate::path::Path;
use crate::report::{Code, Fix};
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

    /// The `TAKEN` and `SIMILAR` templates of this batch's unit.
    fn keys(&self) -> (&'static str, &'static str) {
        match self.unit {
            BatchUnit::User => ("batch.taken.user", "batch.similar.user"),
            BatchUnit::Row => ("batch.taken.row", "batch.similar.row"),
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
        UserMatch::Taken => cx
            .sink
            .error(path, Code::Taken, || Message::new("instance.user_taken")),
        UserMatch::Similar => cx.sink.warning(path, Code::Similar, || {
            Message::new("instance.user_similar")
        }),
        UserMatch::Unknown | UserMatch::Free => {}
    }
    let Some((batch, position)) = cx.batch.as_mut() else {
        return;
    };
    let earlier = batch.record(name, *position);
    let (taken, similar) = batch.keys();
    match earlier {
        // Already reported as taken in the instance: once is enough.
        Some(Ok(_)) if in_instance == UserMatch::Taken => {}
        Some(Ok(n)) => {
            cx.sink.error(path, Code::Taken, || {
                Message::new(taken).count("position", n)
            });
        }
        Some(Err(n)) => {
            cx.sink.warning(path, Code::Similar, || {
                Message::new(similar).count("position", n)
            });
        }
        None => {}
    }
}

/// The templates of the messages about one kind of instance item.
struct RefKeys {
    arn: &'static str,
    name: &'static str,
    name_case: &'static str,
    names: &'static str,
    not_found: &'static str,
    not_found_near: &'static str,
}

fn ref_keys(kind: RefKind) -> RefKeys {
    match kind {
        RefKind::RoutingProfile => RefKeys {
            arn: "reference.arn.routing_profile",
            name: "reference.name.routing_profile",
            name_case: "reference.name_case.routing_profile",
            names: "reference.names.routing_profile",
            not_found: "reference.not_found.routing_profile",
            not_found_near: "reference.not_found_near.routing_profile",
        },
        RefKind::SecurityProfile => RefKeys {
            arn: "reference.arn.security_profile",
            name: "reference.name.security_profile",
            name_case: "reference.name_case.security_profile",
            names: "reference.names.security_profile",
            not_found: "reference.not_found.security_profile",
            not_found_near: "reference.not_found_near.security_profile",
        },
        RefKind::HierarchyGroup => RefKeys {
            arn: "reference.arn.hierarchy_group",
            name: "reference.name.hierarchy_group",
            name_case: "reference.name_case.hierarchy_group",
            names: "reference.names.hierarchy_group",
            not_found: "reference.not_found.hierarchy_group",
            not_found_near: "reference.not_found_near.hierarchy_group",
        },
    }
}

/// A value given where the id of a `kind` item belongs (INSTANCE.md's four steps).
pub(crate) fn reference(cx: &mut Cx<'_>, kind: RefKind, value: &str, path: &Path<'_>) {
    let Some(instance) = cx.instance else {
        return;
    };
    let keys = ref_keys(kind);
    match instance.resolve(kind, value) {
        Resolved::Unknown | Resolved::Id(_) => {}
        Resolved::Arn(item) => cx.sink.record_with_fix(
            true,
            path,
            Code::PreferId,
            || Message::new(keys.arn),
            |cat| Some(use_item(item, cat)),
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
                    (Some(_), true) => Message::new(keys.name),
                    (Some(_), false) => Message::new(keys.name_case),
                    (None, _) => Message::new(keys.names).count("count", count),
                },
                |cat| one.map(|item| use_item(item, cat)),
            );
        }
        Resolved::NotFound { near } => {
            let name = near.and_then(Item::display_name);
            cx.sink.record_with_fix(
                false,
                path,
                Code::NotFound,
                || match name {
                    // Instance data, not input: the name of the item the value is near.
                    Some(name) => Message::new(keys.not_found_near).verbatim("name", name),
                    None => Message::new(keys.not_found),
                },
                |cat| near.map(|item| use_item(item, cat)),
            );
        }
    }
}

/// The fix that puts an item's id in place: "Use Basic Routing Profile".
pub(crate) fn use_item(item: &Item, catalog: &Catalog) -> Fix {
    let label = match item.display_name() {
        Some(name) => Message::new("fix.use_name").verbatim("name", name),
        None => Message::new("fix.use_id"),
    };
    Fix {
        value: item.id.to_string(),
        label: Some(label.render(catalog)),
    }
}
