//! Messages as data: a catalog key and typed arguments, rendered in the caller's language only
//! when a violation is kept (docs/i18n.md).
//!
//! A [`Message`] names a template of a [`Catalog`] (`"type.expected"`: `"{label} must be
//! {expected}, not {got}."`) and fills its named placeholders with [`Arg`]s: a field label, a
//! phrase of the catalog, a number, a verbatim text (member names, enum values, instance data,
//! never input), a list, or a nested message. No argument kind carries input text.
//!
//! ```
//! use connect_create_user::messages::{Catalog, Message};
//! let m = Message::new("type.expected")
//!     .label("label", "FirstName")
//!     .text("expected", "type.string")
//!     .text("got", "type.list");
//! assert_eq!(m.render(Catalog::english()), "First name must be a string, not a list.");
//! ```

mod catalog;
mod locale;
mod render;

use std::borrow::Cow;

pub use catalog::Catalog;
pub use locale::{match_locale, LOCALES};

use crate::options::Mode;
use crate::value::{Val, OTHER_KINDS};

/// One message: a catalog key (or, for a counted message, the stem of two keys) and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    key: &'static str,
    /// For a counted message: the count that picks `<key>.one` or `<key>.other`.
    count: Option<i64>,
    args: Vec<(&'static str, Arg)>,
}

/// What fills one placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// The label of a member, by its member name (`FirstName`): the catalog's `label.FirstName`.
    Label(&'static str),
    /// Another entry of the catalog (`type.list`: "a list").
    Phrase(&'static str),
    /// A number, written with the locale's grouping (`10,000`, `10.000`).
    Number(i64),
    /// A text never translated: a member name, an enum value, a code, instance data.
    Verbatim(Cow<'static, str>),
    /// Items joined the locale's way.
    List(ListStyle, Vec<Arg>),
    /// A message inside this one.
    Message(Box<Message>),
}

/// How a list's items are joined (the catalog's `@list.*` entries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListStyle {
    /// "A, B and C".
    And,
    /// "A, B or C".
    Or,
    /// "A, B, C".
    Comma,
    /// "A; B; C".
    Semicolon,
}

impl Message {
    /// A message of the template `key`.
    pub fn new(key: &'static str) -> Self {
        Message {
            key,
            count: None,
            args: Vec::new(),
        }
    }

    /// A counted message: the template `<stem>.one` when `n` is 1, else `<stem>.other`, with `n`
    /// as the number `{count}`.
    pub fn counted(stem: &'static str, n: i64) -> Self {
        Message {
            key: stem,
            count: Some(n),
            args: vec![("count", Arg::Number(n))],
        }
    }

    /// A counted message whose `{count}` shows `shown` instead of the plain number ("at least
    /// 5"); `n` still picks the form.
    pub fn counted_as(stem: &'static str, n: i64, shown: Arg) -> Self {
        Message {
            key: stem,
            count: Some(n),
            args: vec![("count", shown)],
        }
    }

    /// Adds an argument.
    #[inline(never)]
    pub fn arg(mut self, name: &'static str, arg: Arg) -> Self {
        self.args.push((name, arg));
        self
    }

    /// Adds the label of the member `member` as `{name}`.
    pub fn label(self, name: &'static str, member: &'static str) -> Self {
        self.arg(name, Arg::Label(member))
    }

    /// Adds the catalog phrase `key` as `{name}`.
    pub fn text(self, name: &'static str, key: &'static str) -> Self {
        self.arg(name, Arg::Phrase(key))
    }

    /// Adds a number as `{name}`.
    pub fn number(self, name: &'static str, n: i64) -> Self {
        self.arg(name, Arg::Number(n))
    }

    /// Adds a count (a `usize`) as `{name}`.
    pub fn count(self, name: &'static str, n: usize) -> Self {
        self.number(name, i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// Adds a text that is never translated as `{name}` (never input text).
    pub fn verbatim(self, name: &'static str, text: impl Into<Cow<'static, str>>) -> Self {
        self.arg(name, Arg::Verbatim(text.into()))
    }

    /// Adds a list as `{name}`.
    pub fn list(self, name: &'static str, style: ListStyle, items: Vec<Arg>) -> Self {
        self.arg(name, Arg::List(style, items))
    }

    /// Adds a message as `{name}`.
    pub fn message(self, name: &'static str, inner: Message) -> Self {
        self.arg(name, Arg::Message(Box::new(inner)))
    }

    /// The template key (for a counted message, its stem).
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The arguments, in the order they were added.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// The message in the language of `catalog`.
    pub fn render(&self, catalog: &Catalog) -> String {
        let mut out = String::with_capacity(96);
        render::message(&mut out, catalog, self, 0);
        out
    }
}

/// The list `items` of verbatim texts (member names, enum values).
pub fn verbatim_list(items: &[&'static str]) -> Vec<Arg> {
    items
        .iter()
        .map(|s| Arg::Verbatim(Cow::Borrowed(*s)))
        .collect()
}

/// The three identity management types, as a list for messages ("A, B or C").
pub fn mode_names() -> Arg {
    Arg::List(
        ListStyle::Or,
        Mode::ALL
            .iter()
            .map(|m| Arg::Verbatim(Cow::Borrowed(m.as_str())))
            .collect(),
    )
}

/// The catalog phrase naming the type of `v` ("a list", "a BigInt").
pub fn type_key(v: &Val<'_>) -> &'static str {
    match v {
        Val::Null => "type.null",
        Val::Bool(_) => "type.boolean",
        Val::Number(_) => "type.number",
        Val::String(_) => "type.string",
        Val::List(_) => "type.list",
        Val::Object(_) => "type.object",
        Val::Other(what) => OTHER_KINDS
            .iter()
            .position(|(_, name)| name == what)
            .and_then(|i| OTHER_TYPE_KEYS.get(i))
            .copied()
            .unwrap_or("type.value"),
    }
}

/// The phrase of each [`OTHER_KINDS`] name, in its order.
pub const OTHER_TYPE_KEYS: &[&str] = &[
    "type.value",
    "type.object",
    "type.list",
    "type.bigint",
    "type.symbol",
    "type.function",
    "type.date",
    "type.map",
    "type.set",
    "type.regexp",
    "type.boxed",
    "type.typed_array",
    "type.other_object",
    "type.unreadable_value",
    "type.deep_list",
    "type.deep_object",
    "type.unreadable",
];
