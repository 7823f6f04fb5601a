//! Paths of violations, built from key and index parts on the stack and written out only when a
//! violation is actually reported.

use std::fmt::Write as _;

use crate::json;

/// Where a value sits in the input: `IdentityInfo.FirstName`, `AutoAcceptConfigs[1].Channel`,
/// `Tags["aws:team"]`; the root is the empty path.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The input itself.
    Root,
    /// A member of an object.
    Key(&'a Path<'a>, &'a str),
    /// An item of a list.
    Index(&'a Path<'a>, usize),
    /// An entry of a map, written with JSON string quoting.
    MapKey(&'a Path<'a>, &'a str),
}

impl<'a> Path<'a> {
    /// This path with a member name added.
    pub fn key(&'a self, name: &'a str) -> Path<'a> {
        Path::Key(self, name)
    }

    /// This path with a list index added.
    pub fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }

    /// This path with a map key added.
    pub fn map_key(&'a self, key: &'a str) -> Path<'a> {
        Path::MapKey(self, key)
    }

    /// The path as text.
    pub fn render(&self) -> String {
        // Collect the parts leaf-first without recursion, then write them root-first.
        let mut parts: Vec<&Path<'_>> = Vec::new();
        let mut at = self;
        loop {
            match at {
                Path::Root => break,
                Path::Key(parent, _) | Path::Index(parent, _) | Path::MapKey(parent, _) => {
                    parts.push(at);
                    at = parent;
                }
            }
        }
        let mut out = String::new();
        for part in parts.iter().rev() {
            match part {
                Path::Root => {}
                Path::Key(_, name) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(name);
                }
                Path::Index(_, i) => {
                    let _ = write!(out, "[{i}]");
                }
                Path::MapKey(_, key) => {
                    out.push('[');
                    json::write_string(&mut out, key);
                    out.push(']');
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Path;

    #[test]
    fn renders_keys_indexes_and_map_keys() {
        let root = Path::Root;
        assert_eq!(root.render(), "");
        let a = root.key("AutoAcceptConfigs");
        let b = a.index(1);
        assert_eq!(b.key("Channel").render(), "AutoAcceptConfigs[1].Channel");
        let t = root.key("Tags");
        assert_eq!(t.map_key("aws:x").render(), r#"Tags["aws:x"]"#);
        assert_eq!(t.map_key("a\"\n").render(), r#"Tags["a\"\n"]"#);
    }
}
