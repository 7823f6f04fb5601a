//! The packed text the JavaScript gatherer writes (one string per call, instead of hundreds of
//! boundary crossings), and the packed text of reports and requests that goes back.
//!
//! Input grammar (lengths are in UTF-16 code units, as JavaScript counts them; a lone surrogate
//! arrives as U+FFFD, which is one unit too):
//!
//! ```text
//! packed := mode value
//! mode   := '-' (not given) | '?' (given, not a string) | 's' LEN ':' text
//! value  := 'u'                       undefined or null
//!         | 't' | 'f'                 booleans
//!         | 'n' NUMBER ';'            String(number): "12", "1.5", "NaN", "-Infinity", "1e+21"
//!         | 's' LEN ':' text          a string
//!         | 'o' (key value)* '}'      an object, read because the model expects one here
//!         | 'a' value* ']'            a list, read because the model expects one here
//!         | 'p'                       a member that was not read (unknown to the model)
//!         | 'O' | 'A'                 an object / a list where the model expects a scalar
//!         | 'B' | 'Y' | 'F' | 'D' | 'M' | 'T' | 'R' | 'W' | 'V' | 'Z' | 'E'
//!                                     a BigInt, Symbol, function, Date, Map, Set, RegExp, boxed
//!                                     primitive, typed array or buffer, other object, or a value
//!                                     whose reading threw
//! key    := 's' LEN ':' text
//! ```
//!
//! Output: records `kind path US code US message RS`, kind `E` (error) or `W` (warning), with
//! US = U+001F and RS = U+001E; a built request is `R path US body`. Neither separator can
//! occur in a path (control characters in keys are JSON-escaped) or a message (fixed texts).

use crate::options::Options;
use crate::report::Report;
use crate::request::HttpRequest;
use crate::value::{Value, MAX_DEPTH};

/// Separates the fields of a record.
pub const UNIT: char = '\u{1f}';
/// Ends a record.
pub const RECORD: char = '\u{1e}';
/// Separates the reports of a batch.
pub const GROUP: char = '\u{1d}';

/// Reads a packed input. A malformed one (which only a bug in the gatherer could write) reads as
/// a value that is not an object, so it is reported, never a panic.
pub fn decode(packed: &str) -> (Options, Value) {
    let mut r = Reader { s: packed, pos: 0 };
    let mode = match r.next_byte() {
        Some(b's') => match r.text() {
            Some(name) => Options::from_mode_name(Some(name)),
            None => return (Options::default(), Value::Other("an unreadable value")),
        },
        Some(b'?') => Options::from_mode_name(Some("")),
        _ => Options::default(),
    };
    let value = r.value().filter(|_| r.pos == packed.len());
    (mode, value.unwrap_or(Value::Other("an unreadable value")))
}

struct Reader<'a> {
    s: &'a str,
    pos: usize,
}

/// A container being read.
enum Open {
    List(Vec<Value>),
    Object(Vec<(String, Value)>, Option<String>),
}

impl<'a> Reader<'a> {
    fn next_byte(&mut self) -> Option<u8> {
        let b = *self.s.as_bytes().get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    /// `LEN ':' text` after its tag.
    fn text(&mut self) -> Option<&'a str> {
        let rest = self.s.get(self.pos..)?;
        let colon = rest.find(':')?;
        let units: usize = rest.get(..colon)?.parse().ok()?;
        let body = rest.get(colon + 1..)?;
        // ASCII fast path: one byte per unit.
        let ascii_end = body
            .as_bytes()
            .iter()
            .take(units)
            .take_while(|b| b.is_ascii())
            .count();
        let end = if ascii_end == units {
            units
        } else {
            let mut seen = 0;
            let mut end = None;
            for (i, c) in body.char_indices() {
                if seen == units {
                    end = Some(i);
                    break;
                }
                seen += c.len_utf16();
            }
            match end {
                Some(e) => e,
                None if seen == units => body.len(),
                None => return None,
            }
        };
        let text = body.get(..end)?;
        self.pos += colon + 1 + end;
        Some(text)
    }

    fn number(&mut self) -> Option<f64> {
        let rest = self.s.get(self.pos..)?;
        let end = rest.find(';')?;
        let n = match rest.get(..end)? {
            "NaN" => f64::NAN,
            "Infinity" => f64::INFINITY,
            "-Infinity" => f64::NEG_INFINITY,
            other => other.parse().ok()?,
        };
        self.pos += end + 1;
        Some(n)
    }

    /// One value; iterative, and no deeper than [`MAX_DEPTH`].
    fn value(&mut self) -> Option<Value> {
        let mut stack: Vec<Open> = Vec::new();
        loop {
            // Inside an object, a member starts with its key, or the object ends.
            if let Some(Open::Object(_, key)) = stack.last_mut() {
                if key.is_none() {
                    match self.next_byte()? {
                        b's' => {
                            *key = Some(self.text()?.to_string());
                            continue;
                        }
                        b'}' => {
                            let done = close(stack.pop()?);
                            if let Some(v) = self.finish(&mut stack, done) {
                                return Some(v);
                            }
                            continue;
                        }
                        _ => return None,
                    }
                }
            }
            let v = match self.next_byte()? {
                b'u' => Value::Null,
                b't' => Value::Bool(true),
                b'f' => Value::Bool(false),
                b'n' => Value::Number(self.number()?),
                b's' => Value::String(self.text()?.to_string()),
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
                tag => Value::Other(other_name(tag)?),
            };
            if let Some(v) = self.finish(&mut stack, v) {
                return Some(v);
            }
        }
    }

    /// Adds a complete value to its container; the value itself when it is the outermost.
    fn finish(&mut self, stack: &mut [Open], v: Value) -> Option<Value> {
        match stack.last_mut() {
            None => Some(v),
            Some(Open::List(items)) => {
                items.push(v);
                None
            }
            Some(Open::Object(members, key)) => {
                if let Some(k) = key.take() {
                    members.push((k, v));
                }
                None
            }
        }
    }
}

fn close(open: Open) -> Value {
    match open {
        Open::List(items) => Value::List(items),
        Open::Object(members, _) => Value::Object(members),
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
