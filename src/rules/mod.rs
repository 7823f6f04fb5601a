//! `validate`: one pass over the input, in the model's order, reporting every problem.
//!
//! The walk follows the field table ([`crate::fields`]), so it is as deep as the model (four
//! levels) whatever the input. Each member gets, in order: absence (`REQUIRED`), the identity
//! mode (`FORBIDDEN`, `NOT_APPLICABLE`), its own type and constraints, then its cross-field hooks.

mod channels;
pub mod forms;
mod identity;
mod instance;
mod phone;
mod tags;
mod unicode_tables;

use std::collections::HashSet;

pub(crate) use instance::use_item;
pub use instance::{Batch, BatchUnit};

use crate::fields::{
    Field, Hook, Kind, RefKind, Shape, Str, CREATE_USER, FORM_SCAN_LIMIT, MAX_FIELDS, READ_LIMIT,
};
use crate::instance::Instance;
use crate::messages::{mode_names, type_key, verbatim_list, Arg, ListStyle, Message};
use crate::options::{Mode, ModeOption, Options};
use crate::path::Path;
use crate::report::{Code, Report, Sink};
use crate::value::Val;

/// Checks one CreateUser input and reports every problem in one pass.
pub fn validate(input: &Val<'_>, options: &Options<'_>) -> Report {
    check(input, options, None)
}

impl Batch {
    /// Checks the user at `position` of the batch (counted as the batch's unit says), with the
    /// user names of the earlier ones.
    pub fn validate(&mut self, input: &Val<'_>, options: &Options<'_>, position: usize) -> Report {
        check(input, options, Some((self, position)))
    }
}

fn check(input: &Val<'_>, options: &Options<'_>, batch: Option<(&mut Batch, usize)>) -> Report {
    let mut cx = Cx {
        sink: Sink::new(options.locale),
        mode: options.known_mode(),
        root: input,
        instance: options.instance,
        batch,
    };
    mode_warning(&mut cx, options);
    if let Some(instance) = options.instance {
        instance_ignored(&mut cx, instance);
    }
    match input {
        Val::Object(_) => check_object(&mut cx, &CREATE_USER, input, &Path::Root, None),
        other => {
            let what = type_key(other);
            cx.sink.error(&Path::Root, Code::Type, || {
                Message::new("input.not_object").text("got", what)
            });
        }
    }
    cx.sink.finish()
}

/// `MODE_UNKNOWN` when no identity management type is known (given, or from the instance).
fn mode_warning(cx: &mut Cx<'_>, options: &Options<'_>) {
    if cx.mode.is_some() {
        return;
    }
    match options.mode {
        ModeOption::Known(_) => {}
        ModeOption::NotGiven => cx.sink.warning(&Path::Root, Code::ModeUnknown, || {
            Message::new("mode_unknown.not_given")
        }),
        ModeOption::Unrecognized => cx.sink.warning(&Path::Root, Code::ModeUnknown, || {
            Message::new("mode_unknown.unrecognized").arg("modes", mode_names())
        }),
    }
}

/// One `INSTANCE_IGNORED` warning naming the parts of the context that were skipped.
fn instance_ignored(cx: &mut Cx<'_>, instance: &Instance) {
    let ignored = instance.ignored();
    if ignored.is_empty() {
        return;
    }
    cx.sink.warning(&Path::Root, Code::InstanceIgnored, || {
        crate::instance::describe_ignored(ignored)
    });
}

/// The state of one pass.
pub(crate) struct Cx<'v> {
    pub sink: Sink<'v>,
    /// The identity management type, when known.
    pub mode: Option<Mode>,
    /// The whole input, for rules that look across members.
    pub root: &'v Val<'v>,
    /// The instance context, when known.
    pub instance: Option<&'v Instance>,
    /// The batch this input belongs to, and its position there.
    pub batch: Option<(&'v mut Batch, usize)>,
}

/// What the items of one channel list share while the list is walked.
pub(crate) struct ListScope {
    /// The list's member name, whose label messages show.
    pub label: &'static str,
    /// Whether the list takes only `VOICE`.
    pub voice_only: bool,
    /// Which channels earlier items used (bit `i` for `CHANNELS[i]`).
    pub seen: u8,
}

/// Whether `v` counts as absent for a member of kind `kind`: `null`, an empty value of the
/// member's own type, or an object all of whose members are absent.
pub fn is_absent(v: &Val<'_>, kind: &Kind) -> bool {
    match (v, kind) {
        (Val::Null, _) => true,
        (Val::String(s), Kind::Str(_) | Kind::Enum(_)) => s.is_empty(),
        (Val::List(l), Kind::StrList { .. } | Kind::ObjectList(_)) => l.is_empty(),
        (Val::Object(m), Kind::TagMap) => m.is_empty(),
        (Val::Object(m), Kind::Object(shape)) => {
            let mut next = 0;
            m.iter()
                .all(|(name, v)| match shape.index_from(name, next) {
                    // The model nests objects two levels deep at most, so this recursion is bounded.
                    Some(i) => {
                        next = i + 1;
                        shape.fields.get(i).is_some_and(|f| is_absent(v, &f.kind))
                    }
                    None => matches!(v, Val::Null),
                })
        }
        _ => false,
    }
}

fn check_object(
    cx: &mut Cx<'_>,
    shape: &'static Shape,
    obj: &Val<'_>,
    path: &Path<'_>,
    mut list: Option<&mut ListScope>,
) {
    // One pass over the members: each known one into its field's slot (a later repeat wins, as in
    // `JSON.parse`), the position of each unknown one kept for after the known ones.
    let mut slots: [Option<&Val<'_>>; MAX_FIELDS] = [None; MAX_FIELDS];
    let mut unknown: Vec<usize> = Vec::new();
    let members: &[_] = match obj {
        Val::Object(members) => members,
        _ => &[],
    };
    let mut next = 0;
    for (i, (name, value)) in members.iter().enumerate() {
        match shape.index_from(name, next) {
            Some(slot) => {
                if let Some(s) = slots.get_mut(slot) {
                    *s = Some(value);
                }
                next = slot + 1;
            }
            None if matches!(value, Val::Null) => {}
            None => unknown.push(i),
        }
    }
    for (field, value) in shape.fields.iter().zip(slots) {
        check_member(
            cx,
            field,
            value,
            obj,
            &path.key(field.name),
            list.as_deref_mut(),
        );
    }
    for (name, _) in unknown.into_iter().filter_map(|i| members.get(i)) {
        let suggestion = shape
            .fields
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case(name));
        let at = member_path(path, name);
        cx.sink.error(&at, Code::UnknownField, || match suggestion {
            Some(f) => Message::new("unknown_field.did_you_mean")
                .verbatim("shape", shape.name)
                .verbatim("member", f.name),
            None => Message::new("unknown_field.plain").verbatim("shape", shape.name),
        });
    }
}

/// The path of a member whose name is not the model's: `name` when it is a plain identifier,
/// else `["name"]` with JSON quoting, so that no path is ambiguous or holds a control character.
fn member_path<'p>(parent: &'p Path<'p>, name: &'p str) -> Path<'p> {
    let plain = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$');
    if plain {
        parent.key(name)
    } else {
        parent.map_key(name)
    }
}

fn check_member(
    cx: &mut Cx<'_>,
    field: &'static Field,
    value: Option<&Val<'_>>,
    parent: &Val<'_>,
    path: &Path<'_>,
    list: Option<&mut ListScope>,
) {
    let present = value.filter(|v| !is_absent(v, &field.kind));
    match present {
        None => {
            if field.required {
                let label = field.name;
                cx.sink.error(path, Code::Required, || {
                    Message::new("required.member").label("label", label)
                });
            } else if let Some(mode) = cx.mode.filter(|m| field.modes.required_in.contains(m)) {
                identity::required(cx, field, mode, path);
            } else if let Kind::Object(shape) = field.kind {
                // An absent optional object: its members may still be required (IdentityInfo).
                for inner in shape.fields {
                    check_member(cx, inner, None, &Val::Null, &path.key(inner.name), None);
                }
            }
        }
        Some(v) => {
            if identity::forbidden(cx, field, path) {
                return;
            }
            identity::not_applicable(cx, field, path);
            // An object's own hooks speak of it as a whole, so they come before its members'.
            if let Kind::Object(_) = field.kind {
                run_hooks(cx, field, present, parent, path, list);
                check_kind(cx, field, v, path);
                return;
            }
            check_kind(cx, field, v, path);
        }
    }
    run_hooks(cx, field, present, parent, path, list);
}

fn run_hooks(
    cx: &mut Cx<'_>,
    field: &'static Field,
    value: Option<&Val<'_>>,
    parent: &Val<'_>,
    path: &Path<'_>,
    mut list: Option<&mut ListScope>,
) {
    for hook in field.hooks {
        run_hook(cx, *hook, field, value, parent, path, list.as_deref_mut());
    }
}

fn run_hook(
    cx: &mut Cx<'_>,
    hook: Hook,
    field: &'static Field,
    value: Option<&Val<'_>>,
    parent: &Val<'_>,
    path: &Path<'_>,
    list: Option<&mut ListScope>,
) {
    match hook {
        Hook::ConflictsWith(list_name) => phone::conflict(cx, field, value, list_name, path),
        Hook::PhoneNumberFor(phone_type) => {
            phone::number_for_type(cx, field, value, parent.get(phone_type), path)
        }
        Hook::PreferChannelLists => phone::prefer_channel_lists(cx, value, path),
        Hook::Channel => channels::channel(cx, value, list, path),
        Hook::VoiceOnly => channels::voice_only(cx, field, value, parent, path),
        Hook::InstanceUser => instance::user_name(cx, value, path),
        // A list's items are checked one by one in `check_string_list`.
        Hook::InstanceRef(kind) => {
            if let Some(Val::String(s)) = value {
                instance::reference(cx, kind, s, path);
            }
        }
    }
}

fn type_error(
    cx: &mut Cx<'_>,
    field: &Field,
    expected: &'static str,
    v: &Val<'_>,
    path: &Path<'_>,
) {
    let (label, got) = (field.name, type_key(v));
    cx.sink.error(path, Code::Type, || {
        Message::new("type.expected")
            .label("label", label)
            .text("expected", expected)
            .text("got", got)
    });
}

fn check_kind(cx: &mut Cx<'_>, field: &'static Field, v: &Val<'_>, path: &Path<'_>) {
    let label = field.name;
    match field.kind {
        Kind::Str(rule) => match v {
            Val::String(s) => check_string(cx, field, rule, s, path),
            _ => type_error(cx, field, "type.string", v, path),
        },
        Kind::Enum(allowed) => match v {
            Val::String(s) if allowed.contains(&s.as_ref()) => {}
            Val::String(_) => cx.sink.error(path, Code::Enum, || {
                Message::new("enum.one_of").label("label", label).list(
                    "values",
                    ListStyle::Comma,
                    verbatim_list(allowed),
                )
            }),
            _ => type_error(cx, field, "type.string", v, path),
        },
        Kind::Bool => {
            if !matches!(v, Val::Bool(_)) {
                type_error(cx, field, "type.true_or_false", v, path);
            }
        }
        Kind::Int(range) => match v {
            Val::Number(n) if n.is_finite() && n.fract() == 0.0 => {
                if *n < range.min as f64 || *n > range.max as f64 {
                    cx.sink.error(path, Code::OutOfRange, || {
                        Message::new("out_of_range.between")
                            .label("label", label)
                            .number("min", range.min)
                            .number("max", range.max)
                    });
                }
            }
            _ => type_error(cx, field, "type.whole_number", v, path),
        },
        Kind::StrList { max } => match v {
            Val::List(items) => check_string_list(cx, field, items, max, path),
            _ => type_error(cx, field, "type.string_list", v, path),
        },
        Kind::Object(shape) => match v {
            Val::Object(_) => check_object(cx, shape, v, path, None),
            _ => type_error(cx, field, "type.object", v, path),
        },
        Kind::ObjectList(shape) => match v {
            Val::List(items) => check_object_list(cx, field, shape, items, path),
            _ => type_error(cx, field, "type.object_list", v, path),
        },
        Kind::TagMap => match v {
            Val::Object(entries) => tags::check(cx, field, entries, path),
            _ => type_error(cx, field, "type.tag_map", v, path),
        },
    }
}

/// The length of `s` in code points, counted no further than `limit + 1`.
pub(crate) fn length_upto(s: &str, limit: usize) -> usize {
    if s.len() <= limit {
        // Fewer bytes than the limit: the exact count is cheap.
        s.chars().count()
    } else {
        s.chars().take(limit + 1).count()
    }
}

fn check_string(cx: &mut Cx<'_>, field: &'static Field, rule: Str, s: &str, path: &Path<'_>) {
    let len = length_upto(s, FORM_SCAN_LIMIT);
    let mut too_long = false;
    if let Some((max, mode)) = identity::max_length(cx.mode, rule) {
        if len > max {
            too_long = true;
            let label = field.name;
            cx.sink.error(path, Code::TooLong, || {
                let m = Message::new(if mode.is_some() {
                    "too_long.in_mode"
                } else {
                    "too_long.max"
                });
                let m = m.label("label", label).count("max", max);
                match mode {
                    Some(mode) => m.text("mode", mode.label_key()),
                    None => m,
                }
            });
        }
    }
    // Past the scan limit the form is read only when nothing else rejected the value: a member
    // without a maximum (an E.164 number) must not pass because it is long, and its check
    // rejects a long value from its length alone.
    if len <= FORM_SCAN_LIMIT || !too_long {
        forms::check(cx, field, rule.form, s, len, path);
    }
}

fn check_string_list(
    cx: &mut Cx<'_>,
    field: &Field,
    items: &[Val<'_>],
    max: usize,
    path: &Path<'_>,
) {
    let label = field.name;
    if items.len() > READ_LIMIT {
        cx.sink.mark_unread();
    }
    if items.len() > max {
        let n = items.len();
        cx.sink.error(path, Code::TooMany, || {
            Message::new("too_many.ids")
                .label("label", label)
                .count("max", max)
                .message("given", count_text(n))
        });
    }
    // A short list (the valid ones have at most 10 items) is searched; a long one is hashed.
    let mut seen = Seen::new(items.len());
    for (i, item) in items.iter().take(READ_LIMIT).enumerate() {
        let at = path.index(i);
        match item {
            Val::String(s) if !s.is_empty() => {
                if !seen.insert(s) {
                    cx.sink
                        .warning(&at, Code::Duplicate, || Message::new("duplicate.id"));
                }
                for kind in refers_to(field) {
                    instance::reference(cx, kind, s, &at);
                }
            }
            Val::Null | Val::String(_) => cx.sink.error(&at, Code::Required, || {
                Message::new("required.id_item").label("label", label)
            }),
            other => {
                let got = type_key(other);
                cx.sink.error(&at, Code::Type, || {
                    Message::new("type.id_item")
                        .label("label", label)
                        .text("got", got)
                });
            }
        }
    }
}

fn check_object_list(
    cx: &mut Cx<'_>,
    field: &Field,
    shape: &'static Shape,
    items: &[Val<'_>],
    path: &Path<'_>,
) {
    let label = field.name;
    if items.len() > READ_LIMIT {
        cx.sink.mark_unread();
        cx.sink.error(path, Code::TooMany, || {
            Message::new("too_many.read_limit")
                .label("label", label)
                .count("limit", READ_LIMIT)
        });
    }
    let mut scope = ListScope {
        label,
        voice_only: shape.voice_only,
        seen: 0,
    };
    let kind = Kind::Object(shape);
    for (i, item) in items.iter().take(READ_LIMIT).enumerate() {
        let at = path.index(i);
        match item {
            Val::Object(_) if !is_absent(item, &kind) => {
                check_object(cx, shape, item, &at, Some(&mut scope));
            }
            Val::Object(_) | Val::Null => {
                cx.sink.error(&at, Code::Required, || {
                    let required = shape
                        .fields
                        .iter()
                        .filter(|f| f.required)
                        .map(|f| Arg::Verbatim(f.name.into()))
                        .collect();
                    Message::new("required.list_item")
                        .label("label", label)
                        .list("members", ListStyle::And, required)
                });
            }
            other => {
                let got = type_key(other);
                cx.sink.error(&at, Code::Type, || {
                    Message::new("type.list_item")
                        .label("label", label)
                        .text("got", got)
                });
            }
        }
    }
}

/// The kinds of instance item whose ids a member holds.
fn refers_to(field: &Field) -> impl Iterator<Item = RefKind> + '_ {
    field.hooks.iter().filter_map(|h| match h {
        Hook::InstanceRef(kind) => Some(*kind),
        _ => None,
    })
}

/// The strings a list has shown so far: a small vector, or a hash set for long lists.
enum Seen<'s> {
    Few(Vec<&'s str>),
    Many(HashSet<&'s str>),
}

impl<'s> Seen<'s> {
    fn new(len: usize) -> Self {
        if len <= 32 {
            Seen::Few(Vec::with_capacity(len))
        } else {
            Seen::Many(HashSet::with_capacity(len.min(READ_LIMIT)))
        }
    }

    /// Adds `s`; false when it was there already.
    fn insert(&mut self, s: &'s str) -> bool {
        match self {
            Seen::Few(v) if v.contains(&s) => false,
            Seen::Few(v) => {
                v.push(s);
                true
            }
            Seen::Many(set) => set.insert(s),
        }
    }
}

/// How many items were given, for a message: "12 were given", or past [`READ_LIMIT`] "more
/// than 10,000 were given (only the first 10,000 were checked)".
pub(crate) fn count_text(n: usize) -> Message {
    if n > READ_LIMIT {
        Message::new("count.more_than").count("limit", READ_LIMIT)
    } else {
        Message::counted("count.given", i64::try_from(n).unwrap_or(i64::MAX))
    }
}
