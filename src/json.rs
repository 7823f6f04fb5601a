//! JSON text, both ways, without recursion: writing strings exactly as `JSON.stringify` does, and
//! reading text (the batch API's input) into a depth-bounded [`Value`].

use std::borrow::Cow;
use std::collections::HashMap;

use thiserror::Error;

use crate::value::{Val, Value, DEEP_LIST, DEEP_OBJECT, MAX_DEPTH};

/// Appends `s` as a JSON string literal, escaped exactly as `JSON.stringify` escapes it.
pub fn write_string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape: Option<&str> = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            b'\n' => Some("\\n"),
            b'\r' => Some("\\r"),
            b'\t' => Some("\\t"),
            0x08 => Some("\\b"),
            0x0c => Some("\\f"),
            0..=0x1f => None,
            _ => continue,
        };
        out.push_str(s.get(start..i).unwrap_or_default());
        match escape {
            Some(e) => out.push_str(e),
            None => {
                out.push_str("\\u00");
                out.push(hex_digit(b >> 4, false));
                out.push(hex_digit(b & 0xf, false));
            }
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

/// Appends a value as `JSON.stringify` writes it, members in their order. For values built with
/// whole numbers and no `Other` (a CSV row's input): other numbers are written as integers and
/// `Other` as `null`. Recursion is bounded by [`MAX_DEPTH`], as every `Val` is.
pub fn write_value(out: &mut String, v: &Val<'_>) {
    match v {
        Val::Null | Val::Other(_) => out.push_str("null"),
        Val::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Val::Number(n) => write_integer(out, *n),
        Val::String(s) => write_string(out, s),
        Val::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Val::Object(members) => {
            out.push('{');
            for (i, (k, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, k);
                out.push(':');
                write_value(out, item);
            }
            out.push('}');
        }
    }
}

/// The hex digit of `n` (0–15), lower- or upper-case.
pub fn hex_digit(n: u8, upper: bool) -> char {
    let n = n & 0xf;
    match (n, upper) {
        (0..=9, _) => char::from(b'0' + n),
        (_, true) => char::from(b'A' + n - 10),
        (_, false) => char::from(b'a' + n - 10),
    }
}

/// Appends a number as `JSON.stringify` writes an integer-valued double (`-0` as `0`).
pub fn write_integer(out: &mut String, n: f64) {
    if n == 0.0 {
        out.push('0');
    } else {
        // Callers only write whole numbers within the model's bounds, which `i64` holds exactly;
        // written digit by digit (no allocation).
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut m = (n as i64).unsigned_abs();
        while m > 0 || at == digits.len() {
            at -= 1;
            if let Some(d) = digits.get_mut(at) {
                *d = b'0' + (m % 10) as u8;
            }
            m /= 10;
        }
        if n < 0.0 {
            out.push('-');
        }
        for d in digits.iter().skip(at) {
            out.push(char::from(*d));
        }
    }
}

/// Why a JSON text could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{what} at position {offset} of the JSON text")]
pub struct JsonError {
    /// Byte offset where reading stopped.
    pub offset: usize,
    /// What was wrong.
    pub what: &'static str,
}

/// Reads a JSON text that is one value.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut p = Parser::new(text);
    let value = p.value(0)?;
    p.skip_ws();
    if p.pos != p.bytes.len() {
        return Err(p.err("unexpected text after the value"));
    }
    Ok(value.into_owned())
}

/// Reads a JSON text that is an array, handing each item to `each` as soon as it is read, so
/// that only one item is held at a time.
pub fn for_each_item<'a>(text: &'a str, mut each: impl FnMut(Val<'a>)) -> Result<(), JsonError> {
    let mut p = Parser::new(text);
    p.skip_ws();
    if !p.eat(b'[') {
        return Err(p.err("expected an array"));
    }
    p.skip_ws();
    if !p.eat(b']') {
        loop {
            // Items are at depth 1: a user object and its members nest under it.
            each(p.value(1)?);
            p.skip_ws();
            if p.eat(b']') {
                break;
            }
            if !p.eat(b',') {
                return Err(p.err("expected ',' or ']'"));
            }
        }
    }
    p.skip_ws();
    if p.pos != p.bytes.len() {
        return Err(p.err("unexpected text after the array"));
    }
    Ok(())
}

/// A piece of a JSON text of AWS outputs (an object, or an array of objects), as
/// [`for_each_output_piece`] hands them out.
#[derive(Debug, Clone, PartialEq)]
pub enum OutputPiece<'a> {
    /// A member of an output, read whole.
    Member(Cow<'a, str>, Val<'a>),
    /// The start of a list named in `streamed` (index into it): the list exists, even if empty.
    ListStart(usize),
    /// One item of such a list.
    Item(usize, Val<'a>),
    /// A value where an output (an object) was expected.
    NotObject,
}

/// Reads a JSON text of AWS outputs, handing out each output's members, except that the items of
/// the lists named in `streamed` are handed out one at a time: a context of 100,000 users is
/// never held as one tree. The text is read to its end even after a piece was handed out: a
/// syntax error anywhere is an error.
pub fn for_each_output_piece<'a>(
    text: &'a str,
    streamed: &[&str],
    mut each: impl FnMut(OutputPiece<'a>),
) -> Result<(), JsonError> {
    let mut p = Parser::new(text);
    p.skip_ws();
    match p.peek() {
        Some(b'{') => p.output(0, streamed, &mut each)?,
        Some(b'[') => {
            p.pos += 1;
            p.skip_ws();
            if !p.eat(b']') {
                loop {
                    p.skip_ws();
                    if p.peek() == Some(b'{') {
                        p.output(1, streamed, &mut each)?;
                    } else {
                        p.value(1)?;
                        each(OutputPiece::NotObject);
                    }
                    p.skip_ws();
                    if p.eat(b']') {
                        break;
                    }
                    if !p.eat(b',') {
                        return Err(p.err("expected ',' or ']'"));
                    }
                }
            }
        }
        _ => {
            p.value(0)?;
            each(OutputPiece::NotObject);
        }
    }
    p.skip_ws();
    if p.pos != p.bytes.len() {
        return Err(p.err("unexpected text after the value"));
    }
    Ok(())
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// The items of every open list, innermost last; each list takes its own off the top when
    /// it closes, in one allocation of the exact size. Kept from value to value (a batch reads
    /// thousands), so that no container grows by reallocation.
    items: Vec<Val<'a>>,
    /// The members of every open object, likewise.
    members: Vec<(Cow<'a, str>, Val<'a>)>,
}

/// An open container while reading: where its items or members start in the parser's stacks.
enum Frame<'a> {
    List(usize),
    Object(ObjectFrame<'a>),
}

struct ObjectFrame<'a> {
    /// Where its members start in `Parser::members`.
    start: usize,
    /// Built once the object is large, so that repeated keys stay linear to find.
    index: Option<HashMap<Cow<'a, str>, usize>>,
    /// The name of the member being read.
    key: Cow<'a, str>,
}

/// Objects with more members than this get a key index, so repeated keys stay linear to find.
const INDEX_FROM: usize = 16;

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            bytes: text.as_bytes(),
            text,
            pos: 0,
            items: Vec::new(),
            members: Vec::new(),
        }
    }

    /// One output object at `depth`: its members, the `streamed` lists item by item.
    fn output(
        &mut self,
        depth: usize,
        streamed: &[&str],
        each: &mut impl FnMut(OutputPiece<'a>),
    ) -> Result<(), JsonError> {
        self.pos += 1; // the opening brace
        self.skip_ws();
        if self.eat(b'}') {
            return Ok(());
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.err("expected a member name"));
            }
            let key = self.string()?;
            self.skip_ws();
            if !self.eat(b':') {
                return Err(self.err("expected ':'"));
            }
            self.skip_ws();
            let list = streamed.iter().position(|s| *s == key);
            match list {
                Some(list) if self.peek() == Some(b'[') => {
                    self.pos += 1;
                    each(OutputPiece::ListStart(list));
                    self.skip_ws();
                    if !self.eat(b']') {
                        loop {
                            let item = self.value(depth + 2)?;
                            each(OutputPiece::Item(list, item));
                            self.skip_ws();
                            if self.eat(b']') {
                                break;
                            }
                            if !self.eat(b',') {
                                return Err(self.err("expected ',' or ']'"));
                            }
                        }
                    }
                }
                _ => {
                    let value = self.value(depth + 1)?;
                    each(OutputPiece::Member(key, value));
                }
            }
            self.skip_ws();
            if self.eat(b'}') {
                return Ok(());
            }
            if !self.eat(b',') {
                return Err(self.err("expected ',' or '}'"));
            }
        }
    }

    fn err(&self, what: &'static str) -> JsonError {
        JsonError {
            offset: self.pos,
            what,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// One value, whose container nests at `base_depth`; iterative, with an explicit stack.
    fn value(&mut self, base_depth: usize) -> Result<Val<'a>, JsonError> {
        let mut stack: Vec<Frame<'a>> = Vec::new();
        // Containers below the depth cut: only whether each is a list, to match the brackets.
        let mut skipped: Vec<bool> = Vec::new();
        loop {
            // Read the start of a value (or the end of an empty container).
            self.skip_ws();
            let done = match self.peek() {
                Some(open @ (b'[' | b'{')) => {
                    let list = open == b'[';
                    self.pos += 1;
                    if skipped.is_empty() && base_depth + stack.len() < MAX_DEPTH {
                        stack.push(if list {
                            Frame::List(self.items.len())
                        } else {
                            Frame::Object(ObjectFrame {
                                start: self.members.len(),
                                index: None,
                                key: Cow::Borrowed(""),
                            })
                        });
                    } else {
                        skipped.push(list);
                    }
                    self.skip_ws();
                    if self.eat(if list { b']' } else { b'}' }) {
                        self.close(&mut stack, &mut skipped)
                    } else {
                        if !list {
                            self.object_key(&mut stack, !skipped.is_empty())?;
                        }
                        continue;
                    }
                }
                Some(b'"') => {
                    let s = self.string()?;
                    Some(Val::String(s))
                }
                Some(b't') => Some(self.literal("true", Val::Bool(true))?),
                Some(b'f') => Some(self.literal("false", Val::Bool(false))?),
                Some(b'n') => Some(self.literal("null", Val::Null)?),
                Some(b'-' | b'0'..=b'9') => Some(Val::Number(self.number()?)),
                _ => return Err(self.err("expected a value")),
            };
            // A value is complete: put it in its container, closing containers as they end.
            let mut value = done;
            loop {
                let list = match skipped.last() {
                    Some(list) => *list,
                    None => {
                        let Some(top) = stack.last_mut() else {
                            return Ok(value.unwrap_or(Val::Null));
                        };
                        if let Some(v) = value.take() {
                            self.add_to(top, v);
                        }
                        matches!(top, Frame::List(_))
                    }
                };
                self.skip_ws();
                if self.eat(b',') {
                    if !list {
                        self.object_key(&mut stack, !skipped.is_empty())?;
                    }
                    break;
                }
                let close = if list { b']' } else { b'}' };
                if !self.eat(close) {
                    return Err(self.err(if list {
                        "expected ',' or ']'"
                    } else {
                        "expected ',' or '}'"
                    }));
                }
                value = self.close(&mut stack, &mut skipped);
            }
        }
    }

    /// Ends the innermost open container; its value, when it is kept or is the outermost skipped one.
    fn close(&mut self, stack: &mut Vec<Frame<'a>>, skipped: &mut Vec<bool>) -> Option<Val<'a>> {
        if let Some(list) = skipped.pop() {
            return skipped.is_empty().then_some(Val::Other(if list {
                DEEP_LIST
            } else {
                DEEP_OBJECT
            }));
        }
        stack.pop().map(|frame| match frame {
            Frame::List(start) => {
                Val::List(self.items.drain(start.min(self.items.len())..).collect())
            }
            Frame::Object(o) => Val::Object(
                self.members
                    .drain(o.start.min(self.members.len())..)
                    .collect(),
            ),
        })
    }

    /// Reads `"key":` into the object frame on top of the stack (or drops it, when `skipping`).
    fn object_key(&mut self, stack: &mut [Frame<'a>], skipping: bool) -> Result<(), JsonError> {
        self.skip_ws();
        if self.peek() != Some(b'"') {
            return Err(self.err("expected a member name"));
        }
        let name = self.string()?;
        self.skip_ws();
        if !self.eat(b':') {
            return Err(self.err("expected ':'"));
        }
        if let (false, Some(Frame::Object(o))) = (skipping, stack.last_mut()) {
            o.key = name;
        }
        Ok(())
    }

    fn literal(&mut self, word: &'static str, value: Val<'a>) -> Result<Val<'a>, JsonError> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.err("expected a value"))
        }
    }

    fn number(&mut self) -> Result<f64, JsonError> {
        let start = self.pos;
        self.eat(b'-');
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.err("expected a digit")),
        }
        if self.eat(b'.') {
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.err("expected a digit"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.err("expected a digit"));
            }
            self.digits();
        }
        self.text
            .get(start..self.pos)
            .and_then(|t| t.parse().ok())
            .ok_or(self.err("bad number"))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    /// A string literal; borrowed from the text when it has no escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, JsonError> {
        self.pos += 1; // the opening quote
        let mut out = String::new();
        let mut start = self.pos;
        let first = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.err("unterminated string")),
                Some(b'"') => {
                    let text: &'a str = self.text;
                    let rest = text.get(start..self.pos).unwrap_or_default();
                    self.pos += 1;
                    if start == first {
                        return Ok(Cow::Borrowed(rest));
                    }
                    out.push_str(rest);
                    return Ok(Cow::Owned(out));
                }
                Some(0..=0x1f) => return Err(self.err("control character in a string")),
                Some(b'\\') => {
                    out.push_str(self.text.get(start..self.pos).unwrap_or_default());
                    self.pos += 1;
                    self.escape(&mut out)?;
                    start = self.pos;
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let hi = self.hex4()?;
                let c = if (0xD800..0xDC00).contains(&hi)
                    && self.bytes.get(self.pos..self.pos + 2) == Some(b"\\u")
                {
                    let save = self.pos;
                    self.pos += 2;
                    let lo = self.hex4()?;
                    if (0xDC00..0xE000).contains(&lo) {
                        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                    } else {
                        self.pos = save; // not a pair: the next escape stands alone
                        None
                    }
                } else {
                    char::from_u32(hi)
                };
                // A lone surrogate becomes U+FFFD, as it does on its way into UTF-8 anywhere.
                out.push(c.unwrap_or('\u{FFFD}'));
                return Ok(());
            }
            _ => return Err(self.err("bad escape")),
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .ok_or(self.err("bad \\u escape"))?;
        let n = u32::from_str_radix(digits, 16).map_err(|_| self.err("bad \\u escape"))?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.err("bad \\u escape"));
        }
        self.pos += 4;
        Ok(n)
    }
}

impl<'a> Parser<'a> {
    /// Adds a complete value to the open container `frame` (the innermost: everything read
    /// inside it has been taken off the stacks already).
    fn add_to(&mut self, frame: &mut Frame<'a>, value: Val<'a>) {
        match frame {
            Frame::List(_) => self.items.push(value),
            Frame::Object(o) => {
                let key = std::mem::take(&mut o.key);
                insert_member(&mut self.members, o.start, &mut o.index, key, value);
            }
        }
    }
}

/// Adds a member to the object whose members are `entries[start..]`; a repeated key keeps its
/// first place and takes the later value, as `JSON.parse`.
fn insert_member<'a>(
    entries: &mut Vec<(Cow<'a, str>, Val<'a>)>,
    start: usize,
    index: &mut Option<HashMap<Cow<'a, str>, usize>>,
    key: Cow<'a, str>,
    value: Val<'a>,
) {
    let found = match index {
        Some(ix) => ix.get(&key).copied(),
        None => entries
            .get(start..)
            .and_then(|own| own.iter().position(|(k, _)| *k == key))
            .map(|i| start + i),
    };
    if let Some(slot) = found.and_then(|i| entries.get_mut(i)) {
        slot.1 = value;
        return;
    }
    if let Some(ix) = index {
        ix.insert(key.clone(), entries.len());
    } else if entries.len().saturating_sub(start) >= INDEX_FROM {
        let mut ix: HashMap<Cow<'a, str>, usize> = entries
            .iter()
            .enumerate()
            .skip(start)
            .map(|(i, (k, _))| (k.clone(), i))
            .collect();
        ix.insert(key.clone(), entries.len());
        *index = Some(ix);
    }
    entries.push((key, value));
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn reads_nested_values_and_repeated_keys() {
        let v =
            parse(r#"{"a":[1,true,null,"x\u00e9\ud83d\ude00"],"b":{"c":-0.5e1},"a":2}"#).unwrap();
        assert_eq!(
            v,
            Val::Object(vec![
                ("a".into(), Val::Number(2.0)),
                (
                    "b".into(),
                    Val::Object(vec![("c".into(), Val::Number(-5.0))])
                ),
            ])
        );
    }

    #[test]
    fn deep_nesting_is_cut_without_recursion() {
        let text = "[".repeat(200_000) + &"]".repeat(200_000);
        let v = parse(&text).unwrap();
        let mut depth = 0;
        let mut at = &v;
        while let Val::List(items) = at {
            depth += 1;
            at = &items[0];
        }
        assert_eq!(depth, MAX_DEPTH);
        assert_eq!(at, &Val::Other("a deeply nested list"));
    }

    #[test]
    fn rejects_bad_text() {
        for bad in [
            "",
            "[",
            "{\"a\"}",
            "[1,]",
            "01",
            "\"\\x\"",
            "[1] 2",
            "{\"a\":1,}",
            "tru",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn writes_strings_like_json_stringify() {
        let mut out = String::new();
        write_string(&mut out, "a\"\\\n\u{1}\u{7f}é\u{2028}");
        assert_eq!(out, "\"a\\\"\\\\\\n\\u0001\u{7f}é\u{2028}\"");
    }
}
