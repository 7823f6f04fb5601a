//! The instance context (INSTANCE.md): what the AWS CLI or SDK returned about the Amazon Connect
//! instance a user is created in, read once into hash maps so that each check is a lookup.
//!
//! The context is the merge of `DescribeInstance`, `ListUsers` / `SearchUsers`,
//! `ListRoutingProfiles`, `ListSecurityProfiles` and `ListUserHierarchyGroups` outputs in their
//! own shapes, or a list of such outputs (`jq -s . a.json b.json`), whose lists are concatenated.
//! Reading never fails: a part of the wrong type is unknown, an item without what it needs is
//! skipped, and [`Instance::ignored`] says which parts (never a value) for one `INSTANCE_IGNORED`.

mod index;
mod read;

pub use index::{Item, Resolved};

use rustc_hash::FxHashSet as HashSet;

use crate::fields::{RefKind, INSTANCE_VALUE_MAX};
use crate::messages::{Arg, ListStyle, Message};
use crate::options::Mode;
use index::RefIndex;

/// A prepared instance context.
#[derive(Debug, Default)]
pub struct Instance {
    mode: Option<Mode>,
    users: Option<Users>,
    lists: [Option<RefIndex>; 3],
    ignored: Vec<Ignored>,
}

/// The user names of the instance.
#[derive(Debug, Default)]
struct Users {
    exact: HashSet<Box<str>>,
    /// The names lower-cased (A–Z only), for names that differ only in letter case.
    folded: HashSet<Box<str>>,
}

/// A part of the context that was skipped, for the `INSTANCE_IGNORED` warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    /// The part, by its member name in the AWS output (`UserSummaryList`), or `""` for the whole.
    pub part: &'static str,
    /// What was wrong.
    pub why: IgnoredWhy,
}

/// Why a part of the context was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IgnoredWhy {
    /// The context as a whole is not an object (or a list of objects), or could not be read.
    NotAnObject,
    /// The part has the wrong type (a list expected, or an object).
    WrongType,
    /// This many items lacked what they need (an `Id`, a `Username`), or had it of the wrong type.
    ItemsSkipped(usize),
    /// The identity management type is not one of the three names.
    UnknownMode,
}

/// How a user name stands against the instance's users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserMatch {
    /// The users are not known.
    Unknown,
    /// No user has it, in any letter case.
    Free,
    /// A user has exactly this name.
    Taken,
    /// A user has this name in another letter case.
    Similar,
}

impl Instance {
    /// Reads a context from JSON text (an object of AWS outputs, or a list of them); text that
    /// is not JSON is one ignored whole. The lists are read item by item, so the memory it takes
    /// is the prepared maps', not the text's tree.
    pub fn from_json(text: &str) -> Instance {
        read::read_json(text)
    }

    /// A context that could not be read at all (for callers whose value failed to serialize).
    pub fn unreadable() -> Instance {
        Instance {
            ignored: vec![Ignored {
                part: "",
                why: IgnoredWhy::NotAnObject,
            }],
            ..Instance::default()
        }
    }

    /// The instance's identity management type, when the context has it.
    pub fn mode(&self) -> Option<Mode> {
        self.mode
    }

    /// The parts that were skipped.
    pub fn ignored(&self) -> &[Ignored] {
        &self.ignored
    }

    /// Whether the context has the list of `kind` (an empty list counts: "the instance has none").
    pub fn knows(&self, kind: RefKind) -> bool {
        self.list(kind).is_some()
    }

    /// Whether the context has the users.
    pub fn knows_users(&self) -> bool {
        self.users.is_some()
    }

    /// How `name` stands against the instance's users.
    pub fn user(&self, name: &str) -> UserMatch {
        let Some(users) = &self.users else {
            return UserMatch::Unknown;
        };
        if name.len() > INSTANCE_VALUE_MAX {
            return UserMatch::Free;
        }
        if users.exact.contains(name) {
            return UserMatch::Taken;
        }
        // Most names are lower case already: look them up as they are, without a copy.
        let similar = if name.bytes().any(|b| b.is_ascii_uppercase()) {
            users.folded.contains(name.to_ascii_lowercase().as_str())
        } else {
            users.folded.contains(name)
        };
        if similar {
            UserMatch::Similar
        } else {
            UserMatch::Free
        }
    }

    /// What `value`, given where an id of a `kind` item belongs, is in the instance.
    pub fn resolve(&self, kind: RefKind, value: &str) -> Resolved<'_> {
        match self.list(kind) {
            None => Resolved::Unknown,
            Some(list) => list.resolve(value),
        }
    }

    /// What a hierarchy path `Level one/Level two/…` names: the groups whose own name is the last
    /// part and whose `HierarchyPath` (when the context has it) has the earlier parts above it.
    pub fn resolve_path(&self, kind: RefKind, parts: &[&str]) -> Resolved<'_> {
        match self.list(kind) {
            None => Resolved::Unknown,
            Some(list) => list.resolve_path(parts),
        }
    }

    fn list(&self, kind: RefKind) -> Option<&RefIndex> {
        self.lists.get(kind as usize).and_then(Option::as_ref)
    }

    /// A rough count of the bytes the prepared context holds (for the benchmark).
    pub fn heap_size(&self) -> usize {
        let users = self.users.as_ref().map_or(0, |u| {
            let set = |s: &HashSet<Box<str>>| {
                s.capacity() * (std::mem::size_of::<Box<str>>() + 1)
                    + s.iter().map(|n| n.len()).sum::<usize>()
            };
            set(&u.exact) + set(&u.folded)
        });
        users
            + self
                .lists
                .iter()
                .flatten()
                .map(RefIndex::heap_size)
                .sum::<usize>()
    }
}

/// The `INSTANCE_IGNORED` message: which parts were skipped and why, never a value.
pub fn describe_ignored(ignored: &[Ignored]) -> Message {
    let parts = ignored
        .iter()
        .map(|ig| {
            let part = if ig.part.is_empty() {
                Arg::Phrase("ignored.whole")
            } else {
                Arg::Verbatim(ig.part.into())
            };
            let m = match ig.why {
                IgnoredWhy::NotAnObject => Message::new("ignored.not_an_object"),
                IgnoredWhy::WrongType => Message::new("ignored.wrong_type"),
                IgnoredWhy::ItemsSkipped(n) => Message::counted(
                    "ignored.items_skipped",
                    i64::try_from(n).unwrap_or(i64::MAX),
                ),
                IgnoredWhy::UnknownMode => {
                    Message::new("ignored.unknown_mode").arg("modes", crate::messages::mode_names())
                }
            };
            Arg::Message(Box::new(m.arg("part", part)))
        })
        .collect();
    Message::new("ignored.summary").list("parts", ListStyle::Semicolon, parts)
}
