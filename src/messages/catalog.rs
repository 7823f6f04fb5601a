//! Catalogs: one language's templates, read from its flat JSON file (`locales/<tag>.json`).
//! English is built in and complete; any other catalog falls back to it key by key.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::value::Val;

/// The English catalog's text, built into the module.
pub const ENGLISH_JSON: &str = include_str!("../../locales/en.json");

/// One language's templates, phrases, labels and formatting entries (`@number.group`, …).
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: HashMap<Box<str>, Box<str>>,
    /// Render unfilled placeholders and unused arguments visibly (tests).
    strict: bool,
}

impl Catalog {
    /// The English catalog (parsed once, at first use).
    pub fn english() -> &'static Catalog {
        static ENGLISH: OnceLock<Catalog> = OnceLock::new();
        ENGLISH.get_or_init(|| Catalog {
            entries: read_entries(ENGLISH_JSON, |_, _| true),
            strict: false,
        })
    }

    /// A catalog from a language's JSON text (`{ "key": "template", … }`). Never fails: a key
    /// English does not have, a value that is not a string, or a template whose placeholders
    /// differ from the English one's is left out, and so is everything of a text that is not a
    /// JSON object; whatever is left out renders in English.
    pub fn from_json(text: &str) -> Catalog {
        let english = Catalog::english();
        Catalog {
            entries: read_entries(text, |key, template| {
                english
                    .own(key)
                    .is_some_and(|en| same_placeholders(en, template))
            }),
            strict: false,
        }
    }

    /// This catalog rendering an unfilled placeholder as `{name}` (as always) and also every
    /// argument its template does not use as `{!name}`, so a test can find both by looking for
    /// `{`.
    pub fn strict(&self) -> Catalog {
        Catalog {
            strict: true,
            ..self.clone()
        }
    }

    /// Whether this catalog renders unused arguments (see [`Catalog::strict`]).
    pub fn is_strict(&self) -> bool {
        self.strict
    }

    /// The template of `key`: this catalog's, else English's.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.own(key).or_else(|| Catalog::english().own(key))
    }

    /// The template of `key` in this catalog itself, without falling back.
    pub fn own(&self, key: &str) -> Option<&str> {
        self.entries.get(key).map(|t| &**t)
    }

    /// Every key of this catalog itself, in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(|k| &**k)
    }

    /// The label of the member `member` (`label.<member>`), or the member name itself.
    pub fn label<'s>(&'s self, member: &'s str) -> &'s str {
        let key = format!("label.{member}");
        self.get(&key).unwrap_or(member)
    }
}

/// The entries of a JSON object text that `keep` accepts; nothing for any other text.
fn read_entries(text: &str, keep: impl Fn(&str, &str) -> bool) -> HashMap<Box<str>, Box<str>> {
    let Ok(Val::Object(members)) = crate::json::parse(text) else {
        return HashMap::new();
    };
    let mut entries = HashMap::with_capacity(members.len());
    for (key, value) in &members {
        if let Val::String(template) = value {
            if well_formed(template) && keep(key, template) {
                entries.insert(key.as_ref().into(), template.as_ref().into());
            }
        }
    }
    entries
}

/// The placeholder names of a template, in order, repeats included.
pub fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    Parts::new(template).filter_map(|p| match p {
        Part::Placeholder(name) => Some(name),
        Part::Text(_) => None,
    })
}

/// Whether two templates have the same set of placeholder names (a catalog's template must have
/// English's).
pub fn same_placeholders(a: &str, b: &str) -> bool {
    placeholders(a).all(|n| placeholders(b).any(|m| m == n))
        && placeholders(b).all(|n| placeholders(a).any(|m| m == n))
}

/// Whether every brace of a template belongs to a placeholder `{name}`.
pub fn well_formed(template: &str) -> bool {
    Parts::new(template).all(|p| match p {
        Part::Text(t) => !t.contains(['{', '}']),
        Part::Placeholder(_) => true,
    })
}

/// A piece of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part<'t> {
    /// Text as it is.
    Text(&'t str),
    /// `{name}`: the name.
    Placeholder(&'t str),
}

/// The pieces of a template: text, and placeholders `{name}` (`name` of ASCII letters, digits and
/// `_`). A brace that does not open a placeholder is text.
pub(crate) struct Parts<'t> {
    rest: &'t str,
}

impl<'t> Parts<'t> {
    pub(crate) fn new(template: &'t str) -> Self {
        Parts { rest: template }
    }

    /// The text up to byte `stop` (a character boundary), as one piece.
    fn take(&mut self, stop: usize) -> Part<'t> {
        let (text, rest) = self.rest.split_at_checked(stop).unwrap_or((self.rest, ""));
        self.rest = rest;
        Part::Text(text)
    }
}

impl<'t> Iterator for Parts<'t> {
    type Item = Part<'t>;

    fn next(&mut self) -> Option<Part<'t>> {
        if self.rest.is_empty() {
            return None;
        }
        if let Some(after) = self.rest.strip_prefix('{') {
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            if end > 0 && after.get(end..end + 1) == Some("}") {
                let name = after.get(..end).unwrap_or_default();
                self.rest = after.get(end + 1..).unwrap_or_default();
                return Some(Part::Placeholder(name));
            }
            // A lone brace: text up to the next one.
            let stop = after.find('{').map_or(self.rest.len(), |i| i + 1);
            return Some(self.take(stop));
        }
        let stop = self.rest.find('{').unwrap_or(self.rest.len());
        Some(self.take(stop))
    }
}
