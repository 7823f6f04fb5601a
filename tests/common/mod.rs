//! Shared helpers of the rule tests: valid base inputs per mode, an input builder that changes
//! one thing, and a table runner that compares (path, code) lists exactly.
#![allow(dead_code)]

use connect_create_user::{validate, Options, Report, Value, Violation};
use serde_json::{json, Value as J};

/// Mode names as a caller passes them; `NONE` means "not given".
pub const CM: &str = "CONNECT_MANAGED";
pub const SAML: &str = "SAML";
pub const ED: &str = "EXISTING_DIRECTORY";
pub const NONE: &str = "";
pub const BOGUS: &str = "bogus";
/// Every way a mode can be given.
pub const MODES: [&str; 5] = [CM, SAML, ED, NONE, BOGUS];

/// The options of a mode name (`""`: not given).
pub fn options(mode: &str) -> Options<'static> {
    if mode.is_empty() {
        Options::default()
    } else {
        Options::from_mode_name(Some(mode))
    }
}

/// Whether the mode name is one of the three known modes.
pub fn known(mode: &str) -> bool {
    matches!(mode, CM | SAML | ED)
}

/// A valid input of each mode, with the fewest members that mode needs.
pub fn base_json(mode: &str) -> J {
    match mode {
        CM => json!({
            "Username": "jdoe",
            "Password": "Secr3tPass",
            "IdentityInfo": {"FirstName": "Jane", "LastName": "Doe", "Email": "jane@example.com"},
            "SecurityProfileIds": ["sp-1"],
            "RoutingProfileId": "rp-1",
            "InstanceId": "inst-1"
        }),
        SAML => json!({
            "Username": "jdoe",
            "IdentityInfo": {"FirstName": "Jane", "LastName": "Doe"},
            "SecurityProfileIds": ["sp-1"],
            "RoutingProfileId": "rp-1",
            "InstanceId": "inst-1"
        }),
        _ => json!({
            "Username": "jdoe",
            "SecurityProfileIds": ["sp-1"],
            "RoutingProfileId": "rp-1",
            "InstanceId": "inst-1"
        }),
    }
}

/// A serde_json value as the crate's input value (numbers as doubles, members in input order).
pub fn to_value(j: &J) -> Value {
    match j {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
        J::String(s) => Value::String(s.clone().into()),
        J::Array(items) => Value::List(items.iter().map(to_value).collect()),
        J::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| (k.clone().into(), to_value(v)))
                .collect(),
        ),
    }
}

/// The crate's value as serde_json, the way `JSON.stringify` would write it (whole numbers as
/// integers, `-0` as `0`); `None` for what JSON cannot hold.
pub fn to_json(v: &Value) -> Option<J> {
    Some(match v {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Number(n) if n.is_finite() && n.fract() == 0.0 && n.abs() < 9.0e15 => {
            J::from(*n as i64)
        }
        Value::Number(n) => J::from(serde_json::Number::from_f64(*n)?),
        Value::String(s) => J::String(s.to_string()),
        Value::List(items) => J::Array(items.iter().map(to_json).collect::<Option<_>>()?),
        Value::Object(m) => {
            let mut out = serde_json::Map::new();
            for (k, v) in m {
                out.insert(k.to_string(), to_json(v)?);
            }
            J::Object(out)
        }
        Value::Other(_) => return None,
    })
}

/// Anything a table row accepts as its input.
pub trait IntoInput {
    fn into_input(self) -> Value;
}
impl IntoInput for Value {
    fn into_input(self) -> Value {
        self
    }
}
impl IntoInput for J {
    fn into_input(self) -> Value {
        to_value(&self)
    }
}
impl IntoInput for Input {
    fn into_input(self) -> Value {
        self.0
    }
}

/// An input being built: a base, then one change (or a few).
#[derive(Debug, Clone)]
pub struct Input(pub Value);

impl Input {
    /// The valid base input of `mode`.
    pub fn base(mode: &str) -> Self {
        Input(to_value(&base_json(mode)))
    }

    /// Sets the member at `path` (dot-separated names; a number indexes a list), creating
    /// objects on the way.
    pub fn set(self, path: &str, v: J) -> Self {
        self.set_value(path, to_value(&v))
    }

    /// Sets the member at `path` to a crate value (for what JSON cannot hold: NaN, a BigInt).
    pub fn set_value(mut self, path: &str, v: Value) -> Self {
        let parts: Vec<&str> = path.split('.').collect();
        set_in(&mut self.0, &parts, v);
        self
    }

    /// Removes the member at `path`.
    pub fn del(mut self, path: &str) -> Self {
        let parts: Vec<&str> = path.split('.').collect();
        del_in(&mut self.0, &parts);
        self
    }

    pub fn value(&self) -> &Value {
        &self.0
    }
}

fn set_in(at: &mut Value, parts: &[&str], v: Value) {
    let Some((first, rest)) = parts.split_first() else {
        *at = v;
        return;
    };
    if let (Value::List(items), Ok(i)) = (&mut *at, first.parse::<usize>()) {
        // Past the end: a new item.
        if i >= items.len() {
            items.push(Value::Null);
        }
        let last = items.len() - 1;
        set_in(&mut items[i.min(last)], rest, v);
        return;
    }
    if !matches!(at, Value::Object(_)) {
        *at = Value::Object(Vec::new());
    }
    let Value::Object(members) = at else {
        unreachable!()
    };
    let slot = match members.iter().position(|(k, _)| &**k == *first) {
        Some(i) => i,
        None => {
            members.push(((*first).to_string().into(), Value::Null));
            members.len() - 1
        }
    };
    set_in(&mut members[slot].1, rest, v);
}

fn del_in(at: &mut Value, parts: &[&str]) {
    match (at, parts) {
        (Value::Object(members), [last]) => members.retain(|(k, _)| &**k != *last),
        (Value::Object(members), [first, rest @ ..]) => {
            if let Some((_, v)) = members.iter_mut().find(|(k, _)| &**k == *first) {
                del_in(v, rest);
            }
        }
        (Value::List(items), [first, rest @ ..]) => {
            if let Ok(i) = first.parse::<usize>() {
                if i >= items.len() {
                    return;
                }
                if rest.is_empty() {
                    items.remove(i);
                } else {
                    del_in(&mut items[i], rest);
                }
            }
        }
        _ => {}
    }
}

/// The path of a tag, as reports write it: `Tags["key"]` with JSON string quoting.
pub fn tag_path(key: &str) -> String {
    format!("Tags[{}]", serde_json::to_string(key).unwrap())
}

/// `n` copies of `s`.
pub fn rep(s: &str, n: usize) -> String {
    s.repeat(n)
}

/// (path, code) pairs of a list of violations.
pub fn pairs(vs: &[Violation]) -> Vec<(String, String)> {
    vs.iter()
        .map(|v| (v.path.clone(), v.code.as_str().to_string()))
        .collect()
}

/// One row of a rule table.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    pub mode: &'static str,
    pub input: Value,
    /// Expected errors, exactly and in order.
    pub errors: Vec<(String, &'static str)>,
    /// Expected warnings, exactly and in order; `MODE_UNKNOWN` at `""` is added in front
    /// automatically when the mode is not one of the three.
    pub warnings: Vec<(String, &'static str)>,
    /// (path, code, text): a violation there with that code whose message contains the text.
    pub says: Vec<(String, &'static str, String)>,
    /// (path, code, text): no violation there with that code has the text in its message.
    pub not_says: Vec<(String, &'static str, String)>,
}

impl Case {
    pub fn new(name: impl Into<String>, mode: &'static str, input: impl IntoInput) -> Case {
        Case {
            name: name.into(),
            mode,
            input: input.into_input(),
            errors: Vec::new(),
            warnings: Vec::new(),
            says: Vec::new(),
            not_says: Vec::new(),
        }
    }

    /// Expects an error.
    pub fn err(mut self, path: impl Into<String>, code: &'static str) -> Case {
        self.errors.push((path.into(), code));
        self
    }

    /// Expects a warning.
    pub fn warn(mut self, path: impl Into<String>, code: &'static str) -> Case {
        self.warnings.push((path.into(), code));
        self
    }

    /// Expects the message of the violation at (path, code) to contain `text`.
    pub fn says(
        mut self,
        path: impl Into<String>,
        code: &'static str,
        text: impl Into<String>,
    ) -> Case {
        self.says.push((path.into(), code, text.into()));
        self
    }

    /// Expects no message at (path, code) to contain `text`.
    pub fn not_says(
        mut self,
        path: impl Into<String>,
        code: &'static str,
        text: impl Into<String>,
    ) -> Case {
        self.not_says.push((path.into(), code, text.into()));
        self
    }

    /// What went wrong with this row, if anything.
    pub fn failure(&self) -> Option<String> {
        let report = validate(&self.input, &options(self.mode));
        let mut problems = Vec::new();
        let want_errors: Vec<(String, String)> = self
            .errors
            .iter()
            .map(|(p, c)| (p.clone(), (*c).to_string()))
            .collect();
        let mut want_warnings: Vec<(String, String)> = Vec::new();
        if !known(self.mode) {
            want_warnings.push((String::new(), "MODE_UNKNOWN".into()));
        }
        want_warnings.extend(
            self.warnings
                .iter()
                .map(|(p, c)| (p.clone(), (*c).to_string())),
        );
        let got_errors = pairs(&report.errors);
        let got_warnings = pairs(&report.warnings);
        if got_errors != want_errors {
            problems.push(format!(
                "  errors:   want {want_errors:?}\n            got  {got_errors:?}"
            ));
        }
        if got_warnings != want_warnings {
            problems.push(format!(
                "  warnings: want {want_warnings:?}\n            got  {got_warnings:?}"
            ));
        }
        let all: Vec<&Violation> = report.errors.iter().chain(&report.warnings).collect();
        for (path, code, text) in &self.says {
            let found = all
                .iter()
                .any(|v| v.path == *path && v.code.as_str() == *code && v.message.contains(text));
            if !found {
                problems.push(format!(
                    "  no {code} at {path:?} says {text:?}; messages: {:?}",
                    messages_at(&report, path)
                ));
            }
        }
        for (path, code, text) in &self.not_says {
            if all
                .iter()
                .any(|v| v.path == *path && v.code.as_str() == *code && v.message.contains(text))
            {
                problems.push(format!(
                    "  a {code} at {path:?} says {text:?}: {:?}",
                    messages_at(&report, path)
                ));
            }
        }
        if problems.is_empty() {
            None
        } else {
            Some(format!(
                "[{}] (mode {:?})\n{}",
                self.name,
                self.mode,
                problems.join("\n")
            ))
        }
    }
}

fn messages_at(report: &Report, path: &str) -> Vec<String> {
    report
        .errors
        .iter()
        .chain(&report.warnings)
        .filter(|v| v.path == path)
        .map(|v| format!("{}: {}", v.code, v.message))
        .collect()
}

/// Runs every row and fails once, listing every row that did not behave.
pub fn check(cases: Vec<Case>) {
    assert!(!cases.is_empty());
    let failures: Vec<String> = cases.iter().filter_map(Case::failure).collect();
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The report of an input in a mode.
pub fn report(mode: &str, input: impl IntoInput) -> Report {
    validate(&input.into_input(), &options(mode))
}
