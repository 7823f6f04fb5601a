//! The loose tree of what the caller gave, before any rule has looked at it.
//!
//! Both ways in produce it: the packed form the JavaScript gatherer writes ([`crate::wire`]) and
//! JSON text ([`crate::json`]). Its depth is bounded by whoever builds it, so walking and dropping
//! it never recurses deeper than a few levels. Strings borrow from the text they were read from
//! where they can (`Val<'a>`); [`Value`] is the owned form.

use std::borrow::Cow;

/// An input value that owns its strings.
pub type Value = Val<'static>;

/// One input value, as loosely typed as JavaScript gave it; strings may borrow from the input.
#[derive(Debug, Clone, PartialEq)]
pub enum Val<'a> {
    /// `undefined` or `null`: absent.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (JavaScript numbers are doubles; `NaN` and infinities included).
    Number(f64),
    /// A string.
    String(Cow<'a, str>),
    /// An array.
    List(Vec<Val<'a>>),
    /// A plain object: its own enumerable string keys in input order.
    Object(Vec<(Cow<'a, str>, Val<'a>)>),
    /// Anything else (a BigInt, a Symbol, a function, a `Date`, a `Map`, a value whose getter
    /// threw, a member that was not read), named for messages from a fixed list of names.
    Other(&'static str),
}

impl<'a> Val<'a> {
    /// The member `name` of an object, if this is one and has it.
    pub fn get(&self, name: &str) -> Option<&Val<'a>> {
        match self {
            // The last of repeated keys wins, as in `JSON.parse`.
            Val::Object(m) => m.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The same value owning its strings. Recursion is bounded by [`MAX_DEPTH`].
    pub fn into_owned(self) -> Value {
        match self {
            Val::Null => Val::Null,
            Val::Bool(b) => Val::Bool(b),
            Val::Number(n) => Val::Number(n),
            Val::String(s) => Val::String(Cow::Owned(s.into_owned())),
            Val::List(items) => Val::List(items.into_iter().map(Val::into_owned).collect()),
            Val::Object(m) => Val::Object(
                m.into_iter()
                    .map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned()))
                    .collect(),
            ),
            Val::Other(what) => Val::Other(what),
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Val::String(s) => Some(s),
            _ => None,
        }
    }

    /// A short name of this value's type, for messages ("a number", "a list").
    pub fn type_name(&self) -> &'static str {
        match self {
            Val::Null => "nothing (null or undefined)",
            Val::Bool(_) => "a boolean",
            Val::Number(_) => "a number",
            Val::String(_) => "a string",
            Val::List(_) => "a list",
            Val::Object(_) => "an object",
            Val::Other(what) => what,
        }
    }
}

/// How deep any builder of a [`Value`] may nest containers. The model is four levels deep
/// (`AfterContactWorkConfigs[i].AfterContactWorkConfig.AfterContactWorkTimeLimit`); anything deeper
/// becomes [`Value::Other`], so no walk over a `Value` (drop included) recurses further than this.
pub const MAX_DEPTH: usize = 8;

/// Every name a [`Val::Other`] can carry: the kinds of value the JavaScript gatherer does not read
/// (by their packed tag), then those the JSON reader and the packed decoder make themselves.
pub const OTHER_KINDS: &[(u8, &str)] = &[
    (b'p', "a value"),
    (b'O', "an object"),
    (b'A', "a list"),
    (b'B', "a BigInt"),
    (b'Y', "a Symbol"),
    (b'F', "a function"),
    (b'D', "a Date"),
    (b'M', "a Map"),
    (b'T', "a Set"),
    (b'R', "a regular expression"),
    (b'W', "a boxed primitive (new String/Number/Boolean)"),
    (b'V', "a typed array or buffer"),
    (b'Z', "an object of another kind"),
    (
        b'E',
        "a value that could not be read (its getter or Proxy threw)",
    ),
    (0, DEEP_LIST),
    (0, DEEP_OBJECT),
    (0, UNREADABLE),
];

/// A list nested deeper than [`MAX_DEPTH`].
pub const DEEP_LIST: &str = "a deeply nested list";
/// An object nested deeper than [`MAX_DEPTH`].
pub const DEEP_OBJECT: &str = "a deeply nested object";
/// Packed bytes that do not read (only a bug in the gatherer could write them).
pub const UNREADABLE: &str = "an unreadable value";
