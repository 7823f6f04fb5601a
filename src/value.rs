//! The loose tree of what the caller gave, before any rule has looked at it.
//!
//! Both ways in produce it: the packed form the JavaScript gatherer writes ([`crate::wire`]) and
//! JSON text ([`crate::json`]). Its depth is bounded by whoever builds it, so walking and dropping
//! it never recurses deeper than a few levels.

/// One input value, as loosely typed as JavaScript gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `undefined` or `null`: absent.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (JavaScript numbers are doubles; `NaN` and infinities included).
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    List(Vec<Value>),
    /// A plain object: its own enumerable string keys in input order.
    Object(Vec<(String, Value)>),
    /// Anything else (a BigInt, a Symbol, a function, a `Date`, a `Map`, a value whose getter
    /// threw, a member that was not read), named for messages from a fixed list of names.
    Other(&'static str),
}

impl Value {
    /// The member `name` of an object, if this is one and has it.
    pub fn get(&self, name: &str) -> Option<&Value> {
        match self {
            // The last of repeated keys wins, as in `JSON.parse`.
            Value::Object(m) => m.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A short name of this value's type, for messages ("a number", "a list").
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::List(_) => "a list",
            Value::Object(_) => "an object",
            Value::Other(what) => what,
        }
    }
}

/// How deep any builder of a [`Value`] may nest containers. The model is four levels deep
/// (`AfterContactWorkConfigs[i].AfterContactWorkConfig.AfterContactWorkTimeLimit`); anything deeper
/// becomes [`Value::Other`], so no walk over a `Value` (drop included) recurses further than this.
pub const MAX_DEPTH: usize = 8;
