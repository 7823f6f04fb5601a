//! Reading the AWS outputs that make up an instance context. Bounded by the input: one pass over
//! the parts this module knows, every other member ignored unread.

use super::{Ignored, IgnoredWhy, Instance, Users};
use crate::fields::{HIERARCHY_LEVELS, INSTANCE_MODE, INSTANCE_VALUE_MAX, REF_LISTS, USER_LISTS};
use crate::options::Mode;
use crate::value::Val;

/// Reads an object of AWS outputs, or a list of them.
pub(super) fn read(value: &Val<'_>) -> Instance {
    let mut instance = Instance::default();
    match value {
        Val::Object(_) => read_output(&mut instance, value),
        Val::List(outputs) => {
            for output in outputs {
                match output {
                    Val::Object(_) => read_output(&mut instance, output),
                    Val::Null => {}
                    _ => ignore(&mut instance, "", IgnoredWhy::NotAnObject),
                }
            }
        }
        _ => ignore(&mut instance, "", IgnoredWhy::NotAnObject),
    }
    instance
}

/// Reads one output (or an already merged object of outputs).
fn read_output(instance: &mut Instance, output: &Val<'_>) {
    let (outer, inner, whole) = INSTANCE_MODE;
    match output.get(outer) {
        None | Some(Val::Null) => {}
        Some(described @ Val::Object(_)) => match described.get(inner) {
            None | Some(Val::Null) => {}
            Some(Val::String(name)) => match Mode::parse(name) {
                Some(mode) => instance.mode = Some(mode),
                None => ignore(instance, whole, IgnoredWhy::UnknownMode),
            },
            Some(_) => ignore(instance, whole, IgnoredWhy::UnknownMode),
        },
        Some(_) => ignore(instance, outer, IgnoredWhy::WrongType),
    }
    for member in USER_LISTS {
        let Some(items) = list_part(instance, output, member) else {
            continue;
        };
        let users = instance.users.get_or_insert_with(Users::default);
        let mut skipped = 0;
        for item in items {
            match item
                .get("Username")
                .and_then(Val::as_str)
                .filter(|n| usable(n))
            {
                Some(name) => {
                    users.folded.insert(name.to_ascii_lowercase().into());
                    users.exact.insert(name.into());
                }
                None => skipped += 1,
            }
        }
        count_skipped(instance, member, skipped);
    }
    for list in &REF_LISTS {
        let Some(items) = list_part(instance, output, list.member) else {
            continue;
        };
        let mut skipped = 0;
        let mut index = instance
            .lists
            .get_mut(list.kind as usize)
            .and_then(Option::take)
            .unwrap_or_default();
        for item in items {
            let text = |name: &str| item.get(name).and_then(Val::as_str).filter(|s| usable(s));
            match text("Id") {
                Some(id) => index.push(id, text("Arn"), text("Name"), hierarchy_path(item)),
                None => skipped += 1,
            }
        }
        if let Some(slot) = instance.lists.get_mut(list.kind as usize) {
            *slot = Some(index);
        }
        count_skipped(instance, list.member, skipped);
    }
}

/// The items of a list part, or `None` when the part is absent or (noted) of the wrong type.
fn list_part<'v, 'a>(
    instance: &mut Instance,
    output: &'v Val<'a>,
    member: &'static str,
) -> Option<&'v [Val<'a>]> {
    match output.get(member) {
        None | Some(Val::Null) => None,
        Some(Val::List(items)) => Some(items),
        Some(_) => {
            ignore(instance, member, IgnoredWhy::WrongType);
            None
        }
    }
}

/// A text the context can use as an id, ARN, name or user name: non-empty, of a sane length, and
/// without control characters (which no real one has, and which could break a report's framing).
fn usable(s: &str) -> bool {
    !s.is_empty() && s.len() <= INSTANCE_VALUE_MAX && !s.chars().any(char::is_control)
}

/// The level names of a hierarchy group's `HierarchyPath`, from the top (empty when absent).
fn hierarchy_path(item: &Val<'_>) -> Vec<Box<str>> {
    let Some(path @ Val::Object(_)) = item.get("HierarchyPath") else {
        return Vec::new();
    };
    HIERARCHY_LEVELS
        .iter()
        .map_while(|level| path.get(level))
        .map_while(|level| level.get("Name").and_then(Val::as_str))
        .map(Into::into)
        .collect()
}

fn ignore(instance: &mut Instance, part: &'static str, why: IgnoredWhy) {
    let entry = Ignored { part, why };
    if !instance.ignored.contains(&entry) {
        instance.ignored.push(entry);
    }
}

fn count_skipped(instance: &mut Instance, part: &'static str, skipped: usize) {
    if skipped == 0 {
        return;
    }
    let earlier = instance.ignored.iter_mut().find_map(|ig| match ig {
        Ignored {
            part: p,
            why: IgnoredWhy::ItemsSkipped(n),
        } if *p == part => Some(n),
        _ => None,
    });
    match earlier {
        Some(n) => *n += skipped,
        None => instance.ignored.push(Ignored {
            part,
            why: IgnoredWhy::ItemsSkipped(skipped),
        }),
    }
}
