//! `Tags`: the number of entries, and each key and value.

use super::forms::is_tag_key_char;
use super::{count_text, length_upto, Cx};
use crate::fields::{
    Field, FORM_SCAN_LIMIT, MAX_TAGS, READ_LIMIT, TAG_KEY_LEN, TAG_KEY_RESERVED_PREFIX,
    TAG_VALUE_MAX,
};
use crate::path::Path;
use crate::report::Code;
use crate::value::Val;

pub(crate) fn check(
    cx: &mut Cx<'_>,
    field: &Field,
    entries: &[(std::borrow::Cow<'_, str>, Val<'_>)],
    path: &Path<'_>,
) {
    if entries.len() > READ_LIMIT {
        cx.sink.mark_unread();
    }
    if entries.len() > MAX_TAGS {
        let (label, n) = (field.label, count_text(entries.len()));
        cx.sink.error(path, Code::TooMany, || {
            format!("{label} can have at most {MAX_TAGS} entries; {n}.")
        });
    }
    for (key, value) in entries.iter().take(READ_LIMIT) {
        let at = path.map_key(key);
        check_key(cx, key, &at);
        check_value(cx, value, &at);
    }
}

fn check_key(cx: &mut Cx<'_>, key: &str, path: &Path<'_>) {
    let (min, max) = TAG_KEY_LEN;
    let len = length_upto(key, max);
    if len < min {
        cx.sink.error(path, Code::TooShort, || {
            "A tag key must not be empty.".into()
        });
        return;
    }
    if len > max {
        cx.sink.error(path, Code::TooLong, || {
            format!("A tag key can have at most {max} characters.")
        });
    }
    let reserved = key.starts_with(TAG_KEY_RESERVED_PREFIX);
    // A key too long and malformed gets both errors (RULES.md); like every form check, only the
    // first FORM_SCAN_LIMIT characters are read.
    let bad_char = !key.chars().take(FORM_SCAN_LIMIT).all(is_tag_key_char);
    if reserved || bad_char {
        cx.sink.error(path, Code::Pattern, || {
            let mut m = String::from("This tag key ");
            if reserved {
                m.push_str("starts with aws:, which is reserved for AWS");
            }
            if reserved && bad_char {
                m.push_str(", and it ");
            }
            if bad_char {
                m.push_str(
                    "can contain only letters, numbers, spaces and _ . : / = + - @ \
                     (accents must be composed, not combining marks)",
                );
            }
            m.push('.');
            m
        });
    }
}

fn check_value(cx: &mut Cx<'_>, value: &Val<'_>, path: &Path<'_>) {
    match value {
        Val::String(s) => {
            if length_upto(s, TAG_VALUE_MAX) > TAG_VALUE_MAX {
                cx.sink.error(path, Code::TooLong, || {
                    format!("The value of this tag can have at most {TAG_VALUE_MAX} characters.")
                });
            }
        }
        other => {
            let got = other.type_name();
            cx.sink.error(path, Code::Type, || {
                format!("The value of this tag must be a string (\"\" for none), not {got}.")
            });
        }
    }
}
