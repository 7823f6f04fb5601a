//! `Tags`: the number of entries, and each key and value.

use super::forms::is_tag_key_char;
use super::{count_text, length_upto, Cx};
use crate::fields::{
    Field, FORM_SCAN_LIMIT, MAX_TAGS, READ_LIMIT, TAG_KEY_LEN, TAG_KEY_RESERVED_PREFIX,
    TAG_VALUE_MAX,
};
use crate::messages::{type_key, Message};
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
        let (label, n) = (field.name, entries.len());
        cx.sink.error(path, Code::TooMany, || {
            Message::new("too_many.tags")
                .label("label", label)
                .count("max", MAX_TAGS)
                .message("given", count_text(n))
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
        cx.sink
            .error(path, Code::TooShort, || Message::new("tag.key_empty"));
        return;
    }
    if len > max {
        cx.sink.error(path, Code::TooLong, || {
            Message::new("tag.key_too_long").count("max", max)
        });
    }
    let reserved = key.starts_with(TAG_KEY_RESERVED_PREFIX);
    // A key too long and malformed gets both errors (RULES.md); like every form check, only the
    // first FORM_SCAN_LIMIT characters are read.
    let bad_char = !key.chars().take(FORM_SCAN_LIMIT).all(is_tag_key_char);
    if reserved || bad_char {
        cx.sink.error(path, Code::Pattern, || {
            Message::new(match (reserved, bad_char) {
                (true, true) => "tag.key_reserved_and_chars",
                (true, false) => "tag.key_reserved",
                _ => "tag.key_chars",
            })
        });
    }
}

fn check_value(cx: &mut Cx<'_>, value: &Val<'_>, path: &Path<'_>) {
    match value {
        Val::String(s) => {
            if length_upto(s, TAG_VALUE_MAX) > TAG_VALUE_MAX {
                cx.sink.error(path, Code::TooLong, || {
                    Message::new("tag.value_too_long").count("max", TAG_VALUE_MAX)
                });
            }
        }
        other => {
            let got = type_key(other);
            cx.sink.error(path, Code::Type, || {
                Message::new("tag.value_type").text("got", got)
            });
        }
    }
}
