//! Names to ids (CSV.md "Names to ids"): a routing profile, security profile or hierarchy group
//! cell names an item of the instance, exactly or ignoring case when that is unambiguous; an id
//! is kept, an ARN becomes its id (`PREFER_ID`), a hierarchy cell may be a path.

use crate::fields::RefKind;
use crate::instance::{Instance, Item, Resolved};
use crate::messages::{Catalog, Message};
use crate::report::{Code, Violation};
use crate::rules::use_item;

/// What a cell becomes: the id of the item it names (`None`: the cell stays as written, being an
/// id or unresolvable), and the problem that goes with it (`true` for a warning), whose path the
/// caller sets. Owned, so that rows repeating a name reuse it.
#[derive(Debug, Clone)]
pub(crate) struct Resolution {
    /// The id to put in place of the cell.
    pub id: Option<String>,
    /// A problem to report at the cell's path.
    pub problem: Option<(bool, Violation)>,
}

/// Resolves `cell` against the instance's list of `kind` items; `None` when the context lacks
/// that list.
pub(crate) fn resolve(
    instance: &Instance,
    kind: RefKind,
    cell: &str,
    cat: &Catalog,
) -> Option<Resolution> {
    let path = "";
    let mut found = instance.resolve(kind, cell);
    if kind == RefKind::HierarchyGroup
        && matches!(found, Resolved::NotFound { .. })
        && cell.contains('/')
    {
        let parts: Vec<&str> = super::cells::parts(cell, '/').collect();
        found = instance.resolve_path(kind, &parts);
    }
    let keys = keys(kind);
    let id = |item: &Item| Some(item.id.to_string());
    Some(match found {
        Resolved::Unknown => return None,
        Resolved::Id(_) => Resolution {
            id: None,
            problem: None,
        },
        Resolved::Arn(item) => Resolution {
            id: id(item),
            problem: Some((
                true,
                Violation::new(path, Code::PreferId, Message::new(keys.arn).render(cat)),
            )),
        },
        Resolved::Name { items, .. } => match items.as_slice() {
            [one] => Resolution {
                id: id(one),
                problem: None,
            },
            _ => Resolution {
                id: None,
                problem: Some((
                    false,
                    Violation::new(
                        path,
                        Code::Ambiguous,
                        Message::new(keys.ambiguous)
                            .count("count", items.len())
                            .render(cat),
                    ),
                )),
            },
        },
        Resolved::NotFound { near } => {
            let message = match near.and_then(Item::display_name) {
                // Instance data, not input: the name of the item the cell is near.
                Some(name) => Message::new(keys.not_found_near).verbatim("name", name),
                None => Message::new(keys.not_found),
            };
            let mut v = Violation::new(path, Code::NotFound, message.render(cat));
            v.fix = near.map(|item| use_item(item, cat));
            Resolution {
                id: None,
                problem: Some((false, v)),
            }
        }
    })
}

/// The templates of the messages about one kind of item a cell names.
struct Keys {
    arn: &'static str,
    ambiguous: &'static str,
    not_found: &'static str,
    not_found_near: &'static str,
}

fn keys(kind: RefKind) -> Keys {
    match kind {
        RefKind::RoutingProfile => Keys {
            arn: "import.arn.routing_profile",
            ambiguous: "import.ambiguous.routing_profile",
            not_found: "import.not_found.routing_profile",
            not_found_near: "import.not_found_near.routing_profile",
        },
        RefKind::SecurityProfile => Keys {
            arn: "import.arn.security_profile",
            ambiguous: "import.ambiguous.security_profile",
            not_found: "import.not_found.security_profile",
            not_found_near: "import.not_found_near.security_profile",
        },
        RefKind::HierarchyGroup => Keys {
            arn: "import.arn.hierarchy_group",
            ambiguous: "import.ambiguous.hierarchy_group",
            not_found: "import.not_found.hierarchy_group",
            not_found_near: "import.not_found_near.hierarchy_group",
        },
    }
}
