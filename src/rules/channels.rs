//! The channel lists: which channels a list takes, the VOICE-only members, and duplicates.

use super::{Cx, ListScope};
use crate::fields::{Field, CHANNELS, VOICE};
use crate::messages::Message;
use crate::path::Path;
use crate::report::Code;
use crate::value::Val;

/// The `Channel` of a list item: VOICE only where the list takes only VOICE, and once per list.
/// An absent or invalid channel is left to the member's own checks.
pub(crate) fn channel(
    cx: &mut Cx<'_>,
    value: Option<&Val<'_>>,
    list: Option<&mut ListScope>,
    path: &Path<'_>,
) {
    let Some(channel) = value.and_then(Val::as_str) else {
        return;
    };
    let Some(bit) = CHANNELS.iter().position(|c| *c == channel) else {
        return;
    };
    let Some(list) = list else { return };
    let label = list.label;
    if list.voice_only && channel != VOICE {
        cx.sink.error(path, Code::ChannelNotAllowed, || {
            Message::new("channel.voice_only").label("label", label)
        });
    }
    let mask = 1u8 << bit;
    if list.seen & mask != 0 {
        cx.sink.error(path, Code::DuplicateChannel, || {
            Message::new("channel.duplicate").label("label", label)
        });
    }
    list.seen |= mask;
}

/// A member that only VOICE takes, present in an item whose channel is another valid channel.
pub(crate) fn voice_only(
    cx: &mut Cx<'_>,
    field: &Field,
    value: Option<&Val<'_>>,
    item: &Val<'_>,
    path: &Path<'_>,
) {
    let channel = item.get("Channel").and_then(Val::as_str);
    let other_channel = channel.is_some_and(|c| c != VOICE && CHANNELS.contains(&c));
    if value.is_some() && other_channel {
        let label = field.name;
        cx.sink.error(path, Code::ChannelNotAllowed, || {
            Message::new("channel.voice_only_member").label("label", label)
        });
    }
}
