//! Names to ids (CSV.md "Names to ids"): a routing profile, security profile or hierarchy group
//! cell names an item of the instance, exactly or ignoring case when that is unambiguous; an id
//! is kept, an ARN becomes its id (`PREFER_ID`), a hierarchy cell may be a path.

use crate::csv::trim_cell;
use crate::fields::RefKind;
use crate::instance::{Instance, Item, Resolved};
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
pub(crate) fn resolve(instance: &Instance, kind: RefKind, cell: &str) -> Option<Resolution> {
    let path = "";
    let mut found = instance.resolve(kind, cell);
    if kind == RefKind::HierarchyGroup
        && matches!(found, Resolved::NotFound { .. })
        && cell.contains('/')
    {
        let parts: Vec<&str> = cell
            .split('/')
            .map(trim_cell)
            .filter(|p| !p.is_empty())
            .collect();
        found = instance.resolve_path(kind, &parts);
    }
    let noun = kind.list().noun;
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
                Violation::new(
                    path,
                    Code::PreferId,
                    format!("This cell holds the ARN of a {noun}; its ID was used instead."),
                ),
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
                    Violation::new(path, Code::Ambiguous, ambiguous_message(kind, items.len())),
                )),
            },
        },
        Resolved::NotFound { near } => {
            let message = match near.and_then(Item::display_name) {
                Some(name) => {
                    format!("No {noun} of this instance has this name or ID. Did you mean {name}?")
                }
                None => format!("No {noun} of this instance has this name or ID."),
            };
            let mut v = Violation::new(path, Code::NotFound, message);
            v.fix = near.map(use_item);
            Resolution {
                id: None,
                problem: Some((false, v)),
            }
        }
    })
}

fn ambiguous_message(kind: RefKind, n: usize) -> String {
    let noun = kind.list().noun;
    let n = crate::report::thousands(n as i64);
    if kind == RefKind::HierarchyGroup {
        format!(
            "{n} {noun}s have this name; write its path instead (Level one/Level two/…), or its ID."
        )
    } else {
        format!("{n} {noun}s have this name; write the ID of the one meant instead.")
    }
}
