//! `PhoneConfig`: its conflicts with the channel-specific lists, the desk phone number rule, and
//! the advice to prefer the lists.

use super::Cx;
use crate::fields::{Field, DESK_PHONE, SOFT_PHONE};
use crate::messages::Message;
use crate::path::Path;
use crate::report::Code;
use crate::value::Val;

/// `CONFLICT` when this present `PhoneConfig` member is set together with its non-empty list.
pub(crate) fn conflict(
    cx: &mut Cx<'_>,
    field: &Field,
    value: Option<&Val<'_>>,
    list_name: &'static str,
    path: &Path<'_>,
) {
    let list_present =
        matches!(cx.root.get(list_name), Some(Val::List(items)) if !items.is_empty());
    if value.is_some() && list_present {
        let label = field.name;
        cx.sink.error(path, Code::Conflict, || {
            Message::new("conflict.phone_config")
                .label("label", label)
                .verbatim("list", list_name)
        });
    }
}

/// A desk phone number is required with `DESK_PHONE` and has no effect with `SOFT_PHONE`.
pub(crate) fn number_for_type(
    cx: &mut Cx<'_>,
    field: &Field,
    number: Option<&Val<'_>>,
    phone_type: Option<&Val<'_>>,
    path: &Path<'_>,
) {
    let label = field.name;
    match (phone_type.and_then(Val::as_str), number) {
        (Some(DESK_PHONE), None) => cx.sink.error(path, Code::Required, || {
            Message::new("required.desk_phone").label("label", label)
        }),
        (Some(SOFT_PHONE), Some(_)) => cx.sink.warning(path, Code::NotApplicable, || {
            Message::new("not_applicable.soft_phone").label("label", label)
        }),
        _ => {}
    }
}

/// One `PREFER_CHANNEL_CONFIG` warning whenever `PhoneConfig` is present.
pub(crate) fn prefer_channel_lists(cx: &mut Cx<'_>, value: Option<&Val<'_>>, path: &Path<'_>) {
    if value.is_some() {
        cx.sink.warning(path, Code::PreferChannelConfig, || {
            Message::new("prefer_channel_config.lists")
        });
    }
}
