//! The packed bytes the JavaScript gatherer writes (one buffer per call, instead of hundreds of
//! boundary crossings), and the packed text of reports and requests that goes back.
//!
//! Input grammar. `LEN` is a 32-bit little-endian byte count; text is UTF-8 (JavaScript's
//! `TextEncoder` turns a lone surrogate into U+FFFD on the way):
//!
//! ```text
//! packed := mode value
//! mode   := 0x00 (not given) | 0x01 (given, not a string) | 0x02 LEN text
//! value  := 'u'                       undefined or null
//!         | 't' | 'f'                 booleans
//!         | 'n' f64 (8 bytes, LE)     a number, NaN and infinities included
//!         | 's' LEN text              a string
//!         | 'o' (LEN key value)* '}'  an object, read because the model expects one here
//!         | 'a' value* ']'            a list, read because the model expects one here
//!         | 'p'                       a member that was not read (unknown to the model)
//!         | 'O' | 'A'                 an object / a list where the model expects a scalar
//!         | 'B' | 'Y' | 'F' | 'D' | 'M' | 'T' | 'R' | 'W' | 'V' | 'Z' | 'E'
//!                                     a BigInt, Symbol, function, Date, Map, Set, RegExp, boxed
//!                                     primitive, typed array or buffer, other object, or a value
//!                                     whose reading threw
//! ```
//!
//! Output: records `kind path US code US message RS`, kind `E` (error) or `W` (warning), with
//! US = U+001F and RS = U+001E; a built request is `R path US body`. Neither separator can
//! occur in a path (control characters in keys are JSON-escaped) or a message (fixed texts).

use std::borrow::Cow;

use crate::options::Options;
use crate::report::Report;
use crate::request::HttpRequest;
use crate::value::{Val, MAX_DEPTH};

/// Separates the fields of a record.
pub const UNIT: char = '\u{1f}';
/// Ends a record.
pub const RECORD: char = '\u{1e}';
/// Ends each report of a batch.
pub const GROUP: char = '\u{1d}';

/// Reads packed bytes. Malformed ones (which only a bug in the gatherer could write) read as a
/// value that is not an object, so they are reported, never a panic. Strings borrow from `packed`.
pub fn decode(packed: &[u8]) -> (Options, Val<'_>) {
    let mut r = Reader { b: packed, pos: 0 };
    let options = match r.byte() {
        Some(0x02) => match r.text() {
            Some(name) => Options::from_mode_name(Some(name)),
            None => return (Options::default(), UNREADABLE),
        },
        Some(0x01) => Options::from_mode_name(Some("")),
        _ => Options::default(),
    };
    let value = r.value().filter(|_| r.pos == packed.len());
    (options, value.unwrap_or(UNREADABLE))
}

const UNREADABLE: Val<'static> = Val::Other("an unreadable value");

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

/// A container being read.
enum Open<'a> {
    List(Vec<Val<'a>>),
    Object(Vec<(Cow<'a, str>, Val<'a>)>, Option<&'a str>),
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.b.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let bytes = self.b.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(bytes)
    }

    /// `LEN text`.
    fn text(&mut self) -> Option<&'a str> {
        let len = u32::from_le_bytes(self.take(4)?.try_into().ok()?);
        std::str::from_utf8(self.take(usize::try_from(len).ok()?)?).ok()
    }

    fn number(&mut self) -> Option<f64> {
        Some(f64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    /// One value; iterative, and no deeper than [`MAX_DEPTH`].
    fn value(&mut self) -> Option<Val<'a>> {
        let mut stack: Vec<Open<'a>> = Vec::new();
        loop {
            // Inside an object, a member starts with its key, or the object ends.
            if let Some(Open::Object(_, key @ None)) = stack.last_mut() {
                if self.b.get(self.pos) == Some(&b'}') {
                    self.pos += 1;
                    let done = close(stack.pop()?);
                    if let Some(v) = finish(&mut stack, done) {
                        return Some(v);
                    }
                } else {
                    *key = Some(self.text()?);
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
                    stack.push(Open::Object(Vec::new(), None));
                    continue;
                }
                b'a' => {
                    stack.push(Open::List(Vec::new()));
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

/// The fixed names of the values the gatherer does not read.
fn other_name(tag: u8) -> Option<&'static str> {
    Some(match tag {
        b'p' => "a value",
        b'O' => "an object",
        b'A' => "a list",
        b'B' => "a BigInt",
        b'Y' => "a Symbol",
        b'F' => "a function",
        b'D' => "a Date",
        b'M' => "a Map",
        b'T' => "a Set",
        b'R' => "a regular expression",
        b'W' => "a boxed primitive (new String/Number/Boolean)",
        b'V' => "a typed array or buffer",
        b'Z' => "an object of another kind",
        b'E' => "a value that could not be read (its getter or Proxy threw)",
        _ => return None,
    })
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
            out.push(RECORD);
        }
    }
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
        None => out.push(0),
        Some(m) => {
            out.push(2);
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
            Piece::Key(k) => push_text(&mut out, k),
            Piece::Value(v) => match v {
                Val::Null => out.push(b'u'),
                Val::Bool(b) => out.push(if *b { b't' } else { b'f' }),
                Val::Number(n) => {
                    out.push(b'n');
                    out.extend_from_slice(&n.to_le_bytes());
                }
                Val::String(s) => {
                    out.push(b's');
                    push_text(&mut out, s);
                }
                Val::List(items) => {
                    out.push(b'a');
                    todo.push(Piece::Byte(b']'));
                    todo.extend(items.iter().rev().map(Piece::Value));
                }
                Val::Object(members) => {
                    out.push(b'o');
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

fn push_text(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&u32::try_from(s.len()).unwrap_or(u32::MAX).to_le_bytes());
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
