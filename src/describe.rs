//! The field table as JSON, for JavaScript: the gatherer reads it to know which members to read
//! (so the table stays the one source of truth), and the admin form reads it for labels, enums,
//! bounds and which members are sensitive.

use crate::fields::{Field, Kind, Shape, CREATE_USER};
use crate::json::write_string;
use crate::messages::Catalog;

/// The model as JSON, labels in the language of `catalog`: `{"name":…,"fields":[{"name","label",
/// "kind","required","sensitive","inPath","max","values","min","modes","shape"},…]}`, nested
/// shapes inline.
pub fn describe_model(catalog: &Catalog) -> String {
    let mut out = String::with_capacity(8192);
    write_shape(&mut out, &CREATE_USER, catalog);
    out
}

fn write_shape(out: &mut String, shape: &Shape, catalog: &Catalog) {
    out.push_str("{\"name\":");
    write_string(out, shape.name);
    out.push_str(",\"voiceOnly\":");
    out.push_str(bool_text(shape.voice_only));
    out.push_str(",\"fields\":[");
    for (i, f) in shape.fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_field(out, f, catalog);
    }
    out.push_str("]}");
}

fn bool_text(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

fn write_field(out: &mut String, f: &Field, catalog: &Catalog) {
    out.push_str("{\"name\":");
    write_string(out, f.name);
    out.push_str(",\"label\":");
    write_string(out, catalog.label(f.name));
    let kind = match f.kind {
        Kind::Str(_) => "string",
        Kind::Enum(_) => "enum",
        Kind::Bool => "boolean",
        Kind::Int(_) => "integer",
        Kind::StrList { .. } => "stringList",
        Kind::Object(_) => "object",
        Kind::ObjectList(_) => "objectList",
        Kind::TagMap => "tagMap",
    };
    out.push_str(",\"kind\":\"");
    out.push_str(kind);
    out.push_str("\",\"required\":");
    out.push_str(bool_text(f.required));
    out.push_str(",\"sensitive\":");
    out.push_str(bool_text(f.sensitive));
    out.push_str(",\"inPath\":");
    out.push_str(bool_text(f.in_path));
    out.push_str(",\"modes\":{");
    let rules = [
        ("requiredIn", f.modes.required_in),
        ("forbiddenIn", f.modes.forbidden_in),
        ("notApplicableIn", f.modes.not_applicable_in),
    ];
    for (i, (name, modes)) in rules.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(out, name);
        out.push_str(":[");
        for (j, m) in modes.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            write_string(out, m.as_str());
        }
        out.push(']');
    }
    out.push('}');
    match f.kind {
        Kind::Str(s) => {
            if let Some(max) = s.max {
                out.push_str(&format!(",\"max\":{max}"));
            }
            if !s.max_in.is_empty() {
                out.push_str(",\"maxIn\":{");
                for (i, (mode, max)) in s.max_in.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(out, mode.as_str());
                    out.push_str(&format!(":{max}"));
                }
                out.push('}');
            }
        }
        Kind::Enum(values) => {
            out.push_str(",\"values\":[");
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, v);
            }
            out.push(']');
        }
        Kind::Int(r) => out.push_str(&format!(",\"min\":{},\"max\":{}", r.min, r.max)),
        Kind::StrList { max } => out.push_str(&format!(",\"max\":{max}")),
        Kind::Object(shape) | Kind::ObjectList(shape) => {
            out.push_str(",\"shape\":");
            write_shape(out, shape, catalog);
        }
        Kind::Bool | Kind::TagMap => {}
    }
    out.push('}');
}
