//! The packed bytes the JavaScript gatherer writes (one buffer per call, instead of hundreds of
//! boundary crossings), and the packed text of reports and requests that goes back.
//!
//! Input grammar. Every byte outside string contents is ASCII, so the whole buffer is UTF-8
//! exactly when its strings are, and one check covers it. `N` is a count in four 7-bit groups,
//! least significant first (up to 2^28); text is UTF-8, written by the gatherer (a lone surrogate
//! becomes U+FFFD on the way, as `TextEncoder` does):
//!
//! ```text
//! packed := mode value
//! mode   := '0' (not given) | '2' N text (given; "" when it was not a string)
//! value  := 'u'                       undefined or null
//!         | 't' | 'f'                 booleans
//!         | 'n' digits ';'            a number as JavaScript's String(n) writes it
//!         | 's' N text                a string
//!         | 'o' N (member value)* '}'
//!                                     an object (N: at most that many members follow), read
//!                                     because the model expects one here
//!         | 'a' N value* ']'          a list (N: at most that many items), likewise
//!         | 'p'                       a member that was not read (unknown to the model)
//!         | 'O' | 'A'                 an object / a list where the model expects a scalar
//!         | 'B' | 'Y' | 'F' | 'D' | 'M' | 'T' | 'R' | 'W' | 'V' | 'Z' | 'E'
//!                                     a BigInt, Symbol, function, Date, Map, Set, RegExp, boxed
//!                                     primitive, typed array or buffer, other object, or a value
//!                                     whose reading threw
//! member := 'K' i                     a member the model names: `i`, one byte below 128, is
//!                                     its index in [`member_names`] (two bytes instead of the
//!                                     name: the gatherer's largest cost was writing names)
//!         | 'k' N key                 any other key
//! ```
//!
//! Output: records `kind path US code US message (US tag text)* RS`, kind `E` (error) or `W`
//! (warning), with US = U+001F and RS = U+001E; the optional tagged fields are `F` the fix's
//! value, `L` its label, `C` the CSV column. A built request is `R path US body`. No separator
//! can occur in a path (control characters in keys are JSON-escaped), a message (fixed texts and
//! instance names without control characters), a fix (instance data without them) or a column
//! (control characters are replaced when written).

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::fields::SHAPES;
use crate::options::Options;
use crate::report::Report;
use crate::request::HttpRequest;
use crate::value::{self, Val, MAX_DEPTH, OTHER_KINDS};

/// Separates the fields of a record.
pub const UNIT: char = '\u{1f}';
/// Ends a record.
pub const RECORD: char = '\u{1e}';
/// Ends each report of a batch.
pub const GROUP: char = '\u{1d}';

/// Reads packed bytes. Malformed ones (which only a bug in the gatherer could write) read as a
/// value that is not an object, so they are reported, never a panic. Strings borrow from `packed`.
pub fn decode(packed: &[u8]) -> (Options<'static>, Val<'_>) {
    let Ok(text) = std::str::from_utf8(packed) else {
        return (Options::default(), UNREADABLE);
    };
    let mut r = Reader { s: text, pos: 0 };
    let options = match r.byte() {
        Some(b'2') => match r.text() {
            Some(name) => Options::from_mode_name(Some(name)),
            None => return (Options::default(), UNREADABLE),
        },
        _ => Options::default(),
    };
    let value = r.value().filter(|_| r.pos == text.len());
    (options, value.unwrap_or(UNREADABLE))
}

const UNREADABLE: Val<'static> = Val::Other(value::UNREADABLE);

/// Every member name of the model, each once, shape by shape ([`SHAPES`]): what a `'K'` byte
/// indexes. The gatherer gets the same list from wasm when the package is built (`wireMemberNames`).
pub fn member_names() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = Vec::new();
        for f in SHAPES.iter().flat_map(|s| s.fields) {
            if !names.contains(&f.name) {
                names.push(f.name);
            }
        }
        names
    })
}

struct Reader<'a> {
    s: &'a str,
    pos: usize,
}

/// A container being read.
enum Open<'a> {
    List(Vec<Val<'a>>),
    Object(Vec<(Cow<'a, str>, Val<'a>)>, Option<&'a str>),
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.s.as_bytes().get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    /// A count: four 7-bit groups, least significant first.
    fn count(&mut self) -> Option<usize> {
        let b = self.s.as_bytes().get(self.pos..self.pos + 4)?;
        self.pos += 4;
        let mut n = 0usize;
        for (i, g) in b.iter().enumerate() {
            if *g >= 0x80 {
                return None;
            }
            n |= usize::from(*g) << (7 * i);
        }
        Some(n)
    }

    /// `N text`.
    fn text(&mut self) -> Option<&'a str> {
        let len = self.count()?;
        let text = self.s.get(self.pos..self.pos.checked_add(len)?)?;
        self.pos += len;
        Some(text)
    }

    /// A capacity for `n` announced items, no larger than the bytes left could hold.
    fn capacity(&mut self) -> Option<usize> {
        let n = self.count()?;
        Some(n.min(self.s.len().saturating_sub(self.pos)))
    }

    fn number(&mut self) -> Option<f64> {
        let rest = self.s.get(self.pos..)?;
        let end = rest.find(';')?;
        let n = match rest.get(..end)? {
            "NaN" => f64::NAN,
            "Infinity" => f64::INFINITY,
            "-Infinity" => f64::NEG_INFINITY,
            digits
                if digits
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b"+-.e".contains(&b)) =>
            {
                digits.parse().ok()?
            }
            _ => return None,
        };
        self.pos += end + 1;
        Some(n)
    }

    /// One value; iterative, and no deeper than [`MAX_DEPTH`].
    fn value(&mut self) -> Option<Val<'a>> {
        let mut stack: Vec<Open<'a>> = Vec::new();
        loop {
            // Inside an object, a member starts with its key, or the object ends.
            if let Some(Open::Object(_, key @ None)) = stack.last_mut() {
                match self.byte()? {
                    b'}' => {
                        let done = close(stack.pop()?);
                        if let Some(v) = finish(&mut stack, done) {
                            return Some(v);
                        }
                    }
                    b'K' => *key = Some(member_names().get(usize::from(self.byte()?))?),
                    b'k' => *key = Some(self.text()?),
                    _ => return None,
                }
                continue;
            }
            let v = match self.byte()? {
                b'u' => Val::Null,
                b't' => Val::Bool(true),
                b'f' => Val::Bool(false),
                b'n' => Val::Number(self.number()?),
                b's' => Val::String(Cow::Borrowed(self.text()?)),
                b'o' | b'a' if stack.len() >= MAX_DEPTH => return None,
                b'o' => {
                    let n = self.capacity()?;
                    stack.push(Open::Object(Vec::with_capacity(n), None));
                    continue;
                }
                b'a' => {
                    let n = self.capacity()?;
                    stack.push(Open::List(Vec::with_capacity(n)));
                    continue;
                }
                b']' if matches!(stack.last(), Some(Open::List(_))) => close(stack.pop()?),
                tag => Val::Other(other_name(tag)?),
            };
            if let Some(v) = finish(&mut stack, v) {
                return Some(v);
            }
        }
    }
}

/// Adds a complete value to its container; the value itself when it is the outermost.
fn finish<'a>(stack: &mut [Open<'a>], v: Val<'a>) -> Option<Val<'a>> {
    match stack.last_mut() {
        None => Some(v),
        Some(Open::List(items)) => {
            items.push(v);
            None
        }
        Some(Open::Object(members, key)) => {
            if let Some(k) = key.take() {
                members.push((Cow::Borrowed(k), v));
            }
            None
        }
    }
}

fn close(open: Open<'_>) -> Val<'_> {
    match open {
        Open::List(items) => Val::List(items),
        Open::Object(members, _) => Val::Object(members),
    }
}

/// The fixed name of a value the gatherer did not read, by its tag.
fn other_name(tag: u8) -> Option<&'static str> {
    OTHER_KINDS
        .iter()
        .find(|(t, _)| *t == tag && tag != 0)
        .map(|(_, name)| *name)
}

/// Appends a report's records.
pub fn encode_report(out: &mut String, report: &Report) {
    for (kind, list) in [('E', &report.errors), ('W', &report.warnings)] {
        for v in list {
            out.push(kind);
            out.push_str(&v.path);
            out.push(UNIT);
            out.push_str(v.code.as_str());
            out.push(UNIT);
            out.push_str(&v.message);
            if let Some(fix) = &v.fix {
                push_field(out, 'F', &fix.value);
                if let Some(label) = &fix.label {
                    push_field(out, 'L', label);
                }
            }
            if let Some(column) = &v.column {
                push_field(out, 'C', column);
            }
            out.push(RECORD);
        }
    }
}

/// Appends `US tag text`, with any control character of `text` (which only input data such as a
/// CSV header could hold) written as U+FFFD so that it cannot end the record.
fn push_field(out: &mut String, tag: char, text: &str) {
    out.push(UNIT);
    out.push(tag);
    out.extend(
        text.chars()
            .map(|c| if c.is_control() { '\u{fffd}' } else { c }),
    );
}

/// The packed text of a built request.
pub fn encode_request(request: &HttpRequest) -> String {
    let mut out = String::with_capacity(request.path.len() + request.body.len() + 2);
    out.push('R');
    out.push_str(&request.path);
    out.push(UNIT);
    out.push_str(&request.body);
    out
}

/// Packs a value as the gatherer would (for tests and fuzzing: the inverse of [`decode`]).
pub fn encode(mode: Option<&str>, value: &Val<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    match mode {
        None => out.push(b'0'),
        Some(m) => {
            out.push(b'2');
            push_text(&mut out, m);
        }
    }
    // Iterative: a stack of pending pieces.
    enum Piece<'v, 'a> {
        Value(&'v Val<'a>),
        Key(&'v str),
        Byte(u8),
    }
    let mut todo = vec![Piece::Value(value)];
    while let Some(piece) = todo.pop() {
        match piece {
            Piece::Byte(b) => out.push(b),
            Piece::Key(k) => match member_names().iter().position(|n| *n == k) {
                Some(i) if i < 128 => out.extend_from_slice(&[b'K', i as u8]),
                _ => {
                    out.push(b'k');
                    push_text(&mut out, k);
                }
            },
            Piece::Value(v) => match v {
                Val::Null => out.push(b'u'),
                Val::Bool(b) => out.push(if *b { b't' } else { b'f' }),
                Val::Number(n) => {
                    out.push(b'n');
                    out.extend_from_slice(number_text(*n).as_bytes());
                    out.push(b';');
                }
                Val::String(s) => {
                    out.push(b's');
                    push_text(&mut out, s);
                }
                Val::List(items) => {
                    out.push(b'a');
                    push_count(&mut out, items.len());
                    todo.push(Piece::Byte(b']'));
                    todo.extend(items.iter().rev().map(Piece::Value));
                }
                Val::Object(members) => {
                    out.push(b'o');
                    push_count(&mut out, members.len());
                    todo.push(Piece::Byte(b'}'));
                    for (k, v) in members.iter().rev() {
                        todo.push(Piece::Value(v));
                        todo.push(Piece::Key(k));
                    }
                }
                Val::Other(_) => out.push(b'Z'),
            },
        }
    }
    out
}

/// A number as JavaScript's `String(n)` would write it, closely enough to read back the same.
fn number_text(n: f64) -> String {
    if n.is_nan() {
        "NaN".into()
    } else if n.is_infinite() {
        if n > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else {
        format!("{n:e}")
    }
}

fn push_count(out: &mut Vec<u8>, n: usize) {
    for i in 0..4 {
        out.push(((n >> (7 * i)) & 0x7f) as u8);
    }
}

fn push_text(out: &mut Vec<u8>, s: &str) {
    push_count(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::json;

    #[test]
    fn decodes_what_encode_writes() {
        let v = json::parse(r#"{"a":[1.5,true,null,"é😀"],"b":{"c":"x"},"d":false}"#).unwrap();
        let packed = encode(Some("SAML"), &v);
        let (options, back) = decode(&packed);
        assert_eq!(back, v);
        assert_eq!(options, Options::from_mode_name(Some("SAML")));
    }

    #[test]
    fn keys_of_every_length_round_trip() {
        // A key length whose low 7 bits are 125 once read as '}' (found by fuzzing).
        for len in [0, 1, 124, 125, 126, 127, 128, 253, 381] {
            let key = "k".repeat(len);
            let v = json::parse(&format!(r#"{{"Tags":{{"{key}":"v"}},"{key}":1}}"#)).unwrap();
            let packed = encode(None, &v);
            assert_eq!(decode(&packed).1, v, "key of {len} bytes");
        }
    }

    #[test]
    fn member_names_are_unique_ascii_indexes() {
        let names = member_names();
        assert!(names.len() < 128 && names.contains(&"AfterContactWorkTimeLimit"));
        for (i, n) in names.iter().enumerate() {
            assert_eq!(names.iter().position(|m| m == n), Some(i), "{n} twice");
        }
        // A key sent as its index reads as the name.
        let i = names.iter().position(|n| *n == "Username").unwrap() as u8;
        let packed = [b'0', b'o', 1, 0, 0, 0, b'K', i, b'u', b'}'];
        assert_eq!(
            decode(&packed).1,
            json::parse(r#"{"Username":null}"#).unwrap()
        );
        assert_eq!(
            decode(&[b'0', b'o', 1, 0, 0, 0, b'K', 127, b'u', b'}']).1,
            UNREADABLE
        );
    }

    #[test]
    fn malformed_bytes_read_as_unreadable() {
        for bad in [
            &b""[..],
            b"\x00",
            b"\x00o",
            b"\x00s\xff\xff\xff\xff",
            b"\x00uu",
            b"\x00a}",
            b"\x00n12",
        ] {
            assert_eq!(decode(bad).1, UNREADABLE, "{bad:?}");
        }
    }
}
