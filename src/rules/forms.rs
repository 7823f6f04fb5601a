//! The string forms, checked by hand (no regular expressions: the model's patterns use
//! look-around, which small regex engines lack, and a byte loop is faster and smaller).

use super::Cx;
use crate::fields::{Field, Form, E164_DIGITS, EMAIL_TLD_LEN, PASSWORD_LEN};
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
    let label = field.label;
    match form {
        Form::Free => {}
        Form::Username => username(cx, s, path),
        Form::Password => password(cx, s, len, path),
        Form::Email => {
            if !is_email(s) {
                cx.sink.error(path, Code::Pattern, || {
                    format!("{label} must be an email address such as name@example.com.")
                });
            }
        }
        Form::E164 => {
            if !is_e164(s) {
                cx.sink.error(path, Code::Pattern, || {
                    format!(
                        "{label} must be in E.164 form: a + then the country code and number, \
                         15 digits at most, such as +12065550100."
                    )
                });
            }
        }
        Form::Name => {
            if !is_nfc(s) {
                cx.sink.error(path, Code::NotNfc, || {
                    format!(
                        "{label} must be in Unicode Normalization Form C (composed characters, \
                         as most keyboards type them); normalize it to NFC."
                    )
                });
            }
        }
    }
}

fn username(cx: &mut Cx<'_>, s: &str, path: &Path<'_>) {
    if !s.bytes().all(is_username_byte) {
        cx.sink.error(path, Code::Pattern, || {
            "User name can contain only the letters A–Z and a–z, the digits 0–9, and _ - . @".into()
        });
    }
    if s.contains('@') && !is_username_email(s) {
        // Real SAML set-ups use names such as alias@UserId@OrgId: there it is a warning.
        let saml = cx.mode == Some(Mode::Saml);
        cx.sink.push(saml, path, Code::Pattern, || {
            if saml {
                "User name has @ outside an email form such as name@example.com; Amazon Connect \
                 accepts @ only in that form unless your SAML set-up needs it."
                    .into()
            } else {
                "User name can contain @ only as an email address such as name@example.com.".into()
            }
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
            format!("Password must have at least {min} characters.")
        });
    }
    if let Some(unmet) = password_unmet(s) {
        cx.sink
            .error(path, Code::Pattern, || format!("Password must {unmet}."));
    }
}

/// The requirements of the password pattern, other than its length, that `s` does not meet,
/// as one sentence ending ("contain an upper-case letter (A–Z) and a digit (0–9)").
pub fn password_unmet(s: &str) -> Option<String> {
    let mut missing = Vec::new();
    if !s.bytes().any(|b| b.is_ascii_lowercase()) {
        missing.push("a lower-case letter (a–z)");
    }
    if !s.bytes().any(|b| b.is_ascii_uppercase()) {
        missing.push("an upper-case letter (A–Z)");
    }
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        missing.push("a digit (0–9)");
    }
    // `[a-zA-Z\d\S]`: anything but whitespace (Unicode White_Space).
    let whitespace = s.chars().any(char::is_whitespace);
    let contain = (!missing.is_empty()).then(|| format!("contain {}", join_and(&missing)));
    let no_space = whitespace.then(|| "not contain spaces or other whitespace".to_string());
    match (contain, no_space) {
        (None, None) => None,
        (Some(a), None) | (None, Some(a)) => Some(a),
        (Some(a), Some(b)) => Some(format!("{a}, and {b}")),
    }
}

fn join_and(parts: &[&str]) -> String {
    match parts {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
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
