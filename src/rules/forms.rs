//! The string forms, checked by hand (no regular expressions: the model's patterns use
//! look-around, which small regex engines lack, and a byte loop is faster and smaller).

use super::Cx;
use crate::fields::{Field, Form, E164_DIGITS, EMAIL_TLD_LEN, PASSWORD_LEN};
use crate::messages::{Arg, Catalog, ListStyle, Message};
use crate::nfc::is_nfc;
use crate::options::Mode;
use crate::path::Path;
use crate::report::Code;

/// Checks `s` (of `len` code points) against `form`.
pub(crate) fn check(
    cx: &mut Cx<'_>,
    field: &Field,
    form: Form,
    s: &str,
    len: usize,
    path: &Path<'_>,
) {
    let label = field.name;
    match form {
        Form::Free => {}
        Form::Username => username(cx, s, path),
        Form::Password => password(cx, s, len, path),
        Form::Email => {
            if !is_email(s) {
                cx.sink.error(path, Code::Pattern, || {
                    Message::new("pattern.email").label("label", label)
                });
            }
        }
        Form::E164 => {
            if !is_e164(s) {
                cx.sink.error(path, Code::Pattern, || {
                    Message::new("pattern.e164").label("label", label)
                });
            }
        }
        Form::Name => {
            if !is_nfc(s) {
                cx.sink.error(path, Code::NotNfc, || {
                    Message::new("not_nfc.name").label("label", label)
                });
            }
        }
    }
}

fn username(cx: &mut Cx<'_>, s: &str, path: &Path<'_>) {
    if !s.bytes().all(is_username_byte) {
        cx.sink.error(path, Code::Pattern, || {
            Message::new("pattern.username.chars")
        });
    }
    if s.contains('@') && !is_username_email(s) {
        // Real SAML set-ups use names such as alias@UserId@OrgId: there it is a warning.
        let saml = cx.mode == Some(Mode::Saml);
        cx.sink.push(saml, path, Code::Pattern, || {
            Message::new(if saml {
                "pattern.username.at_saml"
            } else {
                "pattern.username.at"
            })
        });
    }
}

/// `A–Z a–z 0–9 _ - . @`.
pub fn is_username_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'@')
}

/// The email form a user name with `@` must have: `local@domain.tld`, one `@`, a non-empty local
/// part, a domain of non-empty dot-separated labels with at least one dot, and a top-level part of
/// two or more letters.
pub fn is_username_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    if local.is_empty() || domain.contains('@') {
        return false;
    }
    let Some((_, tld)) = domain.rsplit_once('.') else {
        return false;
    };
    domain.split('.').all(|label| !label.is_empty())
        && tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
}

fn password(cx: &mut Cx<'_>, s: &str, len: usize, path: &Path<'_>) {
    // The maximum is the generic TOO_LONG of the field table; the minimum is checked here.
    let (min, _) = PASSWORD_LEN;
    if len < min {
        cx.sink.error(path, Code::TooShort, || {
            Message::new("too_short.password").count("min", min)
        });
    }
    if let Some(unmet) = password_unmet_message(s) {
        cx.sink.error(path, Code::Pattern, || unmet);
    }
}

/// The requirements of the password pattern, other than its length, that `s` does not meet, as
/// the English `PATTERN` message ("Password must contain an upper-case letter (A–Z) and a digit
/// (0–9).").
pub fn password_unmet(s: &str) -> Option<String> {
    password_unmet_message(s).map(|m| m.render(Catalog::english()))
}

/// The `PATTERN` message of a password, naming the requirements other than its length that `s`
/// does not meet; `None` when it meets them all.
pub fn password_unmet_message(s: &str) -> Option<Message> {
    let mut missing = Vec::new();
    if !s.bytes().any(|b| b.is_ascii_lowercase()) {
        missing.push(Arg::Phrase("password.lower"));
    }
    if !s.bytes().any(|b| b.is_ascii_uppercase()) {
        missing.push(Arg::Phrase("password.upper"));
    }
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        missing.push(Arg::Phrase("password.digit"));
    }
    // `[a-zA-Z\d\S]`: anything but whitespace (Unicode White_Space).
    let whitespace = s.chars().any(char::is_whitespace);
    let key = match (missing.is_empty(), whitespace) {
        (true, false) => return None,
        (true, true) => return Some(Message::new("pattern.password.whitespace")),
        (false, false) => "pattern.password.missing",
        (false, true) => "pattern.password.both",
    };
    Some(Message::new(key).list("missing", ListStyle::And, missing))
}

/// The documented email pattern `[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,63}`, anchored at
/// both ends. The top level is everything after the last dot, since it has no dot of its own.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let Some((host, tld)) = domain.rsplit_once('.') else {
        return false;
    };
    let (tld_min, tld_max) = EMAIL_TLD_LEN;
    !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-'))
        && !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
        && (tld_min..=tld_max).contains(&tld.len())
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
}

/// E.164: `^\+[1-9][0-9]{1,14}$`.
pub fn is_e164(s: &str) -> bool {
    let Some(digits) = s.strip_prefix('+') else {
        return false;
    };
    let (min, max) = E164_DIGITS;
    (min..=max).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

/// `[\p{L}\p{Z}\p{N}_.:/=+\-@]`: a letter, separator or number, or one of `_ . : / = + - @`.
pub fn is_tag_key_char(c: char) -> bool {
    if c.is_ascii() {
        // In ASCII, L is A–Z a–z, N is 0–9, and Z is the space alone.
        return c.is_ascii_alphanumeric()
            || matches!(c, ' ' | '_' | '.' | ':' | '/' | '=' | '+' | '-' | '@');
    }
    super::unicode_tables::is_letter_separator_number(c)
}
