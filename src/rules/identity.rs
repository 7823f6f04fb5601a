//! The identity-mode rules: what the instance's identity management type requires, forbids, or
//! makes pointless, read from each member's [`crate::fields::ModeRules`].

use super::Cx;
use crate::fields::{Field, Str};
use crate::messages::Message;
use crate::options::Mode;
use crate::path::Path;
use crate::report::Code;

/// Reports an absent member the mode requires.
pub(crate) fn required(cx: &mut Cx<'_>, field: &Field, mode: Mode, path: &Path<'_>) {
    let label = field.name;
    cx.sink.error(path, Code::Required, || {
        Message::new("required.in_mode")
            .label("label", label)
            .text("mode", mode.label_key())
    });
}

/// Reports a present member the mode forbids; true when it did (the member is then not checked
/// further: its form does not matter, it must go).
pub(crate) fn forbidden(cx: &mut Cx<'_>, field: &Field, path: &Path<'_>) -> bool {
    let Some(mode) = cx.mode.filter(|m| field.modes.forbidden_in.contains(m)) else {
        return false;
    };
    let (label, hint) = (field.name, field.modes.forbidden_hint);
    cx.sink.error(path, Code::Forbidden, || {
        let m = Message::new(if hint.is_empty() {
            "forbidden.in_mode"
        } else {
            "forbidden.with_hint"
        })
        .label("label", label)
        .text("mode", mode.label_key());
        if hint.is_empty() {
            m
        } else {
            m.text("hint", hint)
        }
    });
    true
}

/// Warns of a present member that has no effect in the mode.
pub(crate) fn not_applicable(cx: &mut Cx<'_>, field: &Field, path: &Path<'_>) {
    if let Some(mode) = cx
        .mode
        .filter(|m| field.modes.not_applicable_in.contains(m))
    {
        let label = field.name;
        cx.sink.warning(path, Code::NotApplicable, || {
            Message::new("not_applicable.in_mode")
                .label("label", label)
                .text("mode", mode.label_key())
        });
    }
}

/// The tightest maximum length that applies, and the mode that set it (`None`: the model's).
pub(crate) fn max_length(mode: Option<Mode>, rule: Str) -> Option<(usize, Option<Mode>)> {
    let by_mode = mode.and_then(|m| {
        rule.max_in
            .iter()
            .find(|(mm, _)| *mm == m)
            .map(|(_, n)| (*n, m))
    });
    match (rule.max, by_mode) {
        (Some(model), Some((n, m))) if n < model => Some((n, Some(m))),
        (None, Some((n, m))) => Some((n, Some(m))),
        (Some(model), _) => Some((model, None)),
        (None, None) => None,
    }
}
