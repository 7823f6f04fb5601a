//! Rendering: a message's template with its placeholders filled, numbers grouped and lists joined
//! the catalog's way. Never fails: an unknown key renders as the key, a placeholder without an
//! argument as `{name}`.

use super::catalog::{Part, Parts};
use super::{Arg, Catalog, ListStyle, Message};

/// Messages nest no deeper than this (they are built by code, never from input); deeper ones
/// render as `…`.
const MAX_NESTING: usize = 4;

/// Writes `m` in the language of `cat`.
pub(super) fn message(out: &mut String, cat: &Catalog, m: &Message, depth: usize) {
    let counted;
    let key = match m.count {
        Some(n) => {
            counted = format!("{}.{}", m.key, if n == 1 { "one" } else { "other" });
            counted.as_str()
        }
        None => m.key,
    };
    let mut used = 0u64;
    match cat.get(key) {
        Some(template) => {
            for part in Parts::new(template) {
                match part {
                    Part::Text(text) => out.push_str(text),
                    Part::Placeholder(name) => match m.args.iter().position(|(n, _)| *n == name) {
                        Some(i) => {
                            used |= 1u64.checked_shl(i as u32).unwrap_or(0);
                            if let Some((_, arg)) = m.args.get(i) {
                                self::arg(out, cat, arg, depth);
                            }
                        }
                        None => {
                            out.push('{');
                            out.push_str(name);
                            out.push('}');
                        }
                    },
                }
            }
        }
        None => out.push_str(key),
    }
    if cat.is_strict() {
        for (i, (name, _)) in m.args.iter().enumerate() {
            if used & 1u64.checked_shl(i as u32).unwrap_or(0) == 0 {
                out.push_str(" {!");
                out.push_str(name);
                out.push('}');
            }
        }
    }
}

fn arg(out: &mut String, cat: &Catalog, arg: &Arg, depth: usize) {
    match arg {
        Arg::Label(member) => out.push_str(cat.label(member)),
        Arg::Phrase(key) => out.push_str(cat.get(key).unwrap_or(key)),
        Arg::Number(n) => number(out, cat, *n),
        Arg::Verbatim(text) => out.push_str(text),
        Arg::List(style, items) => {
            let (between, last) = separators(cat, *style);
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(if i + 1 == items.len() { last } else { between });
                }
                self::arg(out, cat, item, depth);
            }
        }
        Arg::Message(inner) if depth < MAX_NESTING => message(out, cat, inner, depth + 1),
        Arg::Message(_) => out.push('…'),
    }
}

/// The separator between items of a list, and before its last item.
fn separators(cat: &Catalog, style: ListStyle) -> (&str, &str) {
    let get = |key: &'static str, default: &'static str| cat.get(key).unwrap_or(default);
    match style {
        ListStyle::And => (get("@list.separator", ", "), get("@list.and", " and ")),
        ListStyle::Or => (get("@list.separator", ", "), get("@list.or", " or ")),
        ListStyle::Comma => {
            let s = get("@list.separator", ", ");
            (s, s)
        }
        ListStyle::Semicolon => {
            let s = get("@list.semicolon", "; ");
            (s, s)
        }
    }
}

/// `n` with the catalog's digit grouping: `@number.group` between groups of three digits, from
/// numbers of `@number.min_digits` digits on (English `,` from 4 digits: `1,000`; Spanish `.` from
/// 5 digits: `1000`, `10.000`).
pub(super) fn number(out: &mut String, cat: &Catalog, n: i64) {
    let group = cat.get("@number.group").unwrap_or(",");
    let min_digits = cat
        .get("@number.min_digits")
        .and_then(|d| d.parse::<usize>().ok())
        .unwrap_or(4);
    let digits = n.unsigned_abs().to_string();
    if n < 0 {
        out.push('-');
    }
    let grouped = digits.len() >= min_digits;
    for (i, c) in digits.chars().enumerate() {
        if grouped && i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(c);
    }
}
