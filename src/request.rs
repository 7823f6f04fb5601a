//! Building the `CreateUser` HTTP request from a valid input.

use thiserror::Error;

use crate::fields::{Field, Kind, Shape, CREATE_USER};
use crate::json;
use crate::options::Options;
use crate::report::Report;
use crate::rules::{is_absent, validate};
use crate::value::Val;

/// The HTTP method of `CreateUser`.
pub const METHOD: &str = "PUT";
/// The content type of its body.
pub const CONTENT_TYPE: &str = "application/json";
/// The path before the percent-encoded instance id.
pub const PATH_PREFIX: &str = "/users/";

/// The request `CreateUser` sends (REST-JSON, API version 2017-08-08).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// Always `PUT`.
    pub method: &'static str,
    /// `/users/{InstanceId}`, the id percent-encoded as one path segment.
    pub path: String,
    /// Always `application/json`.
    pub content_type: &'static str,
    /// Compact JSON of every present member but `InstanceId`, in the model's order.
    pub body: String,
}

/// Why no request was built.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("the CreateUser input has {} problem(s); the first is at `{}`", .0.errors.len(), .0.errors.first().map_or("", |e| e.path.as_str()))]
pub struct InvalidInput(pub Report);

/// Checks `input` and, when it is valid, builds its request.
pub fn build_request(input: &Val<'_>, options: &Options) -> Result<HttpRequest, InvalidInput> {
    let report = validate(input, options);
    if !report.is_valid() {
        return Err(InvalidInput(report));
    }
    Ok(request_of(input))
}

/// The request of an input already found valid.
pub(crate) fn request_of(input: &Val<'_>) -> HttpRequest {
    let instance_id = input
        .get("InstanceId")
        .and_then(Val::as_str)
        .unwrap_or_default();
    let mut path = String::from(PATH_PREFIX);
    encode_path_segment(&mut path, instance_id);
    let mut body = String::with_capacity(256);
    write_object(&mut body, &CREATE_USER, input, false);
    HttpRequest {
        method: METHOD,
        path,
        content_type: CONTENT_TYPE,
        body,
    }
}

/// Appends the JSON of an input's present members in the model's order, `InstanceId` included
/// (the CreateUser input a CSV row becomes, as `--cli-input-json` takes it).
pub fn write_input(out: &mut String, input: &Val<'_>) {
    write_object(out, &CREATE_USER, input, true);
}

/// Appends `segment` percent-encoded: every UTF-8 byte outside `A–Z a–z 0–9 - . _ ~` as `%XX`
/// (upper-case hex).
pub fn encode_path_segment(out: &mut String, segment: &str) {
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(json::hex_digit(b >> 4, true));
            out.push(json::hex_digit(b & 0xf, true));
        }
    }
}

/// Writes the present members of `obj` that the shape has, in the model's order. The walk follows
/// the model's shapes, so it nests as deep as the model and no deeper.
fn write_object(out: &mut String, shape: &Shape, obj: &Val<'_>, with_path: bool) {
    out.push('{');
    let mut first = true;
    for field in shape.fields.iter().filter(|f| with_path || !f.in_path) {
        let Some(v) = obj.get(field.name).filter(|v| !is_absent(v, &field.kind)) else {
            continue;
        };
        if !first {
            out.push(',');
        }
        first = false;
        json::write_string(out, field.name);
        out.push(':');
        write_member(out, field, v);
    }
    out.push('}');
}

fn write_member(out: &mut String, field: &Field, v: &Val<'_>) {
    match (field.kind, v) {
        (Kind::Object(shape), _) => write_object(out, shape, v, false),
        (Kind::ObjectList(shape), Val::List(items)) => write_list(out, items, |out, item| {
            write_object(out, shape, item, false)
        }),
        (Kind::TagMap, Val::Object(entries)) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json::write_string(out, k);
                out.push(':');
                write_scalar(out, v);
            }
            out.push('}');
        }
        (_, Val::List(items)) => write_list(out, items, write_scalar),
        _ => write_scalar(out, v),
    }
}

fn write_list(out: &mut String, items: &[Val<'_>], mut each: impl FnMut(&mut String, &Val<'_>)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        each(out, item);
    }
    out.push(']');
}

/// Strings, booleans and whole numbers; a valid input has nothing else at a scalar member.
fn write_scalar(out: &mut String, v: &Val<'_>) {
    match v {
        Val::String(s) => json::write_string(out, s),
        Val::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Val::Number(n) => json::write_integer(out, *n),
        _ => out.push_str("null"),
    }
}
