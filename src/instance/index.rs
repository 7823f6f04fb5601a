//! One list of instance items (routing profiles, security profiles, hierarchy groups), indexed by
//! id, ARN and name, and how a value given where an id belongs resolves against it.

use std::collections::HashMap;

use crate::fields::{INSTANCE_VALUE_MAX, NEAR_MISS_EDITS};
use crate::similar::{distance_within, fold, fold_str, signature, signatures_within};

/// One item of an instance list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Its id: what the request carries.
    pub id: Box<str>,
    /// Its name, as the instance has it.
    pub name: Option<Box<str>>,
    /// The names of its hierarchy levels from the top, itself last (hierarchy groups whose
    /// `HierarchyPath` the context has; empty otherwise).
    pub path: Vec<Box<str>>,
    /// The name lower-cased, for near misses, and its signature.
    folded: Vec<char>,
    signature: [u8; 16],
}

impl Item {
    /// The name for a message or a button: control characters shown as U+FFFD, so that instance
    /// data can never break a report's framing.
    pub fn display_name(&self) -> Option<String> {
        self.name.as_deref().map(|n| {
            n.chars()
                .map(|c| if c.is_control() { '\u{fffd}' } else { c })
                .collect()
        })
    }
}

/// What a value given where an id belongs is, in the instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved<'i> {
    /// The context lacks the list.
    Unknown,
    /// The id of this item.
    Id(&'i Item),
    /// The ARN of this item.
    Arn(&'i Item),
    /// The name of these items (at least one): exactly, or (`exact: false`) ignoring case.
    Name {
        /// Every item with that name.
        items: Vec<&'i Item>,
        /// Whether the name matched exactly (else only ignoring case).
        exact: bool,
    },
    /// Nothing; `near` is the one item whose name is within a few edits, if exactly one is.
    NotFound {
        /// The one near miss.
        near: Option<&'i Item>,
    },
}

/// A list of items with its indexes.
#[derive(Debug, Default)]
pub(crate) struct RefIndex {
    items: Vec<Item>,
    by_id: HashMap<Box<str>, usize>,
    by_arn: HashMap<Box<str>, usize>,
    by_name: HashMap<Box<str>, Vec<usize>>,
    by_folded_name: HashMap<String, Vec<usize>>,
}

impl RefIndex {
    /// Adds an item (a later item with an id already listed is the same item, and is dropped).
    pub fn push(&mut self, id: &str, arn: Option<&str>, name: Option<&str>, path: Vec<Box<str>>) {
        if self.by_id.contains_key(id) {
            return;
        }
        let at = self.items.len();
        self.by_id.insert(id.into(), at);
        if let Some(arn) = arn {
            self.by_arn.entry(arn.into()).or_insert(at);
        }
        if let Some(name) = name {
            self.by_name.entry(name.into()).or_default().push(at);
            self.by_folded_name
                .entry(fold_str(name))
                .or_default()
                .push(at);
        }
        let folded = name.map(fold).unwrap_or_default();
        self.items.push(Item {
            id: id.into(),
            name: name.map(Into::into),
            path,
            signature: signature(&folded),
            folded,
        });
    }

    /// What `value` is: an id, an ARN, a name, or nothing (INSTANCE.md's order).
    pub fn resolve(&self, value: &str) -> Resolved<'_> {
        if value.len() > INSTANCE_VALUE_MAX {
            return Resolved::NotFound { near: None };
        }
        if let Some(item) = self.by_id.get(value).and_then(|&i| self.items.get(i)) {
            return Resolved::Id(item);
        }
        if let Some(item) = self.by_arn.get(value).and_then(|&i| self.items.get(i)) {
            return Resolved::Arn(item);
        }
        if let Some(found) = self.named(value) {
            return found;
        }
        Resolved::NotFound {
            near: self.near_miss(value),
        }
    }

    /// What a hierarchy path names: items named by its last part whose known path ends with the
    /// parts; when no such item has a known path, every item of that name.
    pub fn resolve_path(&self, parts: &[&str]) -> Resolved<'_> {
        let Some((last, above)) = parts.split_last() else {
            return Resolved::NotFound { near: None };
        };
        if above.is_empty() {
            return self.resolve(last);
        }
        let resolved = self.resolve(last);
        let Resolved::Name { items, exact } = resolved else {
            return resolved;
        };
        if items.iter().all(|item| item.path.is_empty()) {
            return Resolved::Name { items, exact };
        }
        let matching: Vec<&Item> = items
            .into_iter()
            .filter(|item| path_ends_with(&item.path, parts))
            .collect();
        if matching.is_empty() {
            Resolved::NotFound { near: None }
        } else {
            Resolved::Name {
                items: matching,
                exact,
            }
        }
    }

    /// The items named `value`: exactly, else ignoring case.
    fn named(&self, value: &str) -> Option<Resolved<'_>> {
        let (found, exact) = match self.by_name.get(value) {
            Some(found) => (found, true),
            None => (self.by_folded_name.get(&fold_str(value))?, false),
        };
        let items: Vec<&Item> = found.iter().filter_map(|&i| self.items.get(i)).collect();
        (!items.is_empty()).then_some(Resolved::Name { items, exact })
    }

    /// The one item whose name is within [`NEAR_MISS_EDITS`] of `value`, if exactly one is.
    fn near_miss(&self, value: &str) -> Option<&Item> {
        let folded = fold(value);
        let sig = signature(&folded);
        let mut near = self.items.iter().filter(|item| {
            !item.folded.is_empty()
                && item.folded.len().abs_diff(folded.len()) <= NEAR_MISS_EDITS
                && signatures_within(&sig, &item.signature, NEAR_MISS_EDITS)
                && distance_within(&folded, &item.folded, NEAR_MISS_EDITS).is_some()
        });
        let first = near.next()?;
        // Several items of one name count as one candidate only if they are one item; they are
        // not, so a second match of any name means "no single suggestion".
        near.next().is_none().then_some(first)
    }

    /// A rough count of the bytes the list holds.
    pub fn heap_size(&self) -> usize {
        self.items
            .iter()
            .map(|item| {
                std::mem::size_of::<Item>()
                    + 2 * item.id.len()
                    + 3 * item.name.as_ref().map_or(0, |n| n.len())
                    + 4 * item.folded.len()
                    + item.path.iter().map(|p| p.len() + 16).sum::<usize>()
            })
            .sum::<usize>()
            + self.by_arn.keys().map(|k| k.len()).sum::<usize>()
            + 64 * self.items.len()
    }
}

/// Whether `path` ends with `parts`, comparing names ignoring case.
fn path_ends_with(path: &[Box<str>], parts: &[&str]) -> bool {
    path.len() >= parts.len()
        && path
            .iter()
            .rev()
            .zip(parts.iter().rev())
            .all(|(have, want)| fold_str(have) == fold_str(want))
}
