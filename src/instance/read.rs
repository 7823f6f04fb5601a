//! Reading the AWS outputs that make up an instance context, from their JSON text: the lists are
//! read one item at a time (a context of 100,000 users is never one tree), every member this
//! module does not know is ignored.

use super::index::RefIndex;
use super::{Ignored, IgnoredWhy, Instance, Users};
use crate::fields::{HIERARCHY_LEVELS, INSTANCE_MODE, INSTANCE_VALUE_MAX, REF_LISTS, USER_LISTS};
use crate::json::{for_each_output_piece, OutputPiece};
use crate::options::Mode;
use crate::value::Val;

/// The lists read item by item: the user lists, then the item lists in [`REF_LISTS`] order.
const STREAMED: [&str; 5] = [
    USER_LISTS[0],
    USER_LISTS[1],
    REF_LISTS[0].member,
    REF_LISTS[1].member,
    REF_LISTS[2].member,
];

/// Reads a context from JSON text; text that is not JSON is one ignored whole.
pub(super) fn read_json(text: &str) -> Instance {
    let mut reader = Reader::default();
    match for_each_output_piece(text, &STREAMED, |piece| reader.take(piece)) {
        Ok(()) => reader.finish(),
        Err(_) => Instance::unreadable(),
    }
}

/// A context being read, and how many items of each list were skipped.
#[derive(Default)]
struct Reader {
    instance: Instance,
    skipped: [usize; STREAMED.len()],
}

impl Reader {
    fn take(&mut self, piece: OutputPiece<'_>) {
        match piece {
            OutputPiece::Member(key, value) => self.member(&key, &value),
            OutputPiece::ListStart(list) => match list.checked_sub(USER_LISTS.len()) {
                None => {
                    self.instance.users.get_or_insert_with(Users::default);
                }
                Some(kind) => {
                    if let Some(slot) = self.instance.lists.get_mut(kind) {
                        slot.get_or_insert_with(RefIndex::default);
                    }
                }
            },
            OutputPiece::Item(list, item) => {
                let read = match list.checked_sub(USER_LISTS.len()) {
                    None => self.user(&item),
                    Some(kind) => self.item(kind, &item),
                };
                if !read {
                    if let Some(n) = self.skipped.get_mut(list) {
                        *n += 1;
                    }
                }
            }
            OutputPiece::NotObject => self.ignore("", IgnoredWhy::NotAnObject),
        }
    }

    /// A member read whole: the instance's description, or a list part that is not a list.
    fn member(&mut self, key: &str, value: &Val<'_>) {
        let (outer, inner, whole) = INSTANCE_MODE;
        if matches!(value, Val::Null) {
            return;
        }
        if key == outer {
            match value {
                Val::Object(_) => match value.get(inner) {
                    None | Some(Val::Null) => {}
                    Some(Val::String(name)) => match Mode::parse(name) {
                        Some(mode) => self.instance.mode = Some(mode),
                        None => self.ignore(whole, IgnoredWhy::UnknownMode),
                    },
                    Some(_) => self.ignore(whole, IgnoredWhy::UnknownMode),
                },
                _ => self.ignore(outer, IgnoredWhy::WrongType),
            }
        } else if let Some(part) = STREAMED.iter().find(|s| **s == key) {
            self.ignore(part, IgnoredWhy::WrongType);
        }
    }

    /// A user of `ListUsers` / `SearchUsers`; false when it has no usable `Username`.
    fn user(&mut self, item: &Val<'_>) -> bool {
        let Some(name) = item
            .get("Username")
            .and_then(Val::as_str)
            .filter(|n| usable(n))
        else {
            return false;
        };
        let users = self.instance.users.get_or_insert_with(Users::default);
        users.folded.insert(name.to_ascii_lowercase().into());
        users.exact.insert(name.into());
        true
    }

    /// An item of a profile or group list (`kind`: its index in [`REF_LISTS`]); false when it has
    /// no usable `Id`.
    fn item(&mut self, kind: usize, item: &Val<'_>) -> bool {
        let text = |name: &str| item.get(name).and_then(Val::as_str).filter(|s| usable(s));
        let Some(id) = text("Id") else {
            return false;
        };
        if let Some(index) = self
            .instance
            .lists
            .get_mut(kind)
            .map(|slot| slot.get_or_insert_with(RefIndex::default))
        {
            index.push(id, text("Arn"), text("Name"), hierarchy_path(item));
        }
        true
    }

    fn ignore(&mut self, part: &'static str, why: IgnoredWhy) {
        let entry = Ignored { part, why };
        if !self.instance.ignored.contains(&entry) {
            self.instance.ignored.push(entry);
        }
    }

    fn finish(mut self) -> Instance {
        for (part, n) in STREAMED.iter().zip(self.skipped) {
            if n > 0 {
                self.ignore(part, IgnoredWhy::ItemsSkipped(n));
            }
        }
        self.instance
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
