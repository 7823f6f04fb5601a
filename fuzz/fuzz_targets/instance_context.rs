//! Any text as an instance context, checked against inputs that refer to it: reading the context
//! never panics, the checks against it are deterministic and capped, every fix is an id the context
//! holds, at most one INSTANCE_IGNORED, and no message holds an input value (instance names that a
//! "Did you mean" quotes are taken out first: they are instance data, not input).
//!
//! The data is `context text` NUL `input text`; without a NUL the input is a valid user whose
//! references are the context's own strings (its names, ids and ARNs), so near misses, names and
//! ARNs are hit often.
#![no_main]

use connect_create_user::value::Val;
use connect_create_user::{json, validate, Batch, BatchUnit, Instance, Mode, Options, Value};
use fuzz_checks::check_report;
use libfuzzer_sys::fuzz_target;

/// Every string of a value, depth-first.
fn strings<'v>(v: &'v Val<'_>, out: &mut Vec<&'v str>) {
    match v {
        Val::String(s) => out.push(s),
        Val::List(items) => items.iter().for_each(|i| strings(i, out)),
        Val::Object(members) => members.iter().for_each(|(k, v)| {
            out.push(k);
            strings(v, out)
        }),
        _ => {}
    }
}

fn input_from(context: &Value) -> Value {
    let mut refs = Vec::new();
    strings(context, &mut refs);
    let pick = |i: usize| Value::String(refs.get(i).copied().unwrap_or("x").to_string().into());
    let text = r#"{"InstanceId":"i","Username":"jdoe","Password":"Secr3tPass",
        "IdentityInfo":{"FirstName":"Jane","LastName":"Doe","Email":"jane@example.com"},
        "SecurityProfileIds":["sp"],"RoutingProfileId":"rp"}"#;
    let Ok(Value::Object(mut members)) = json::parse(text) else {
        unreachable!()
    };
    for (k, v) in members.iter_mut() {
        match k.as_ref() {
            "Username" => *v = pick(0),
            "RoutingProfileId" => *v = pick(1),
            "SecurityProfileIds" => *v = Value::List(vec![pick(2), pick(3), pick(4)]),
            _ => {}
        }
    }
    members.push(("HierarchyGroupId".into(), pick(5)));
    Value::Object(members)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (context_text, input_text) = match text.split_once('\0') {
        Some((c, i)) => (c, Some(i)),
        None => (text, None),
    };
    let instance = Instance::from_json(context_text);
    assert!(
        instance.ignored().len() <= 16,
        "ignored parts are listed once each"
    );
    let context = json::parse(context_text).unwrap_or(Value::Null);
    let input = match input_text.map(json::parse) {
        Some(Ok(v)) => v,
        Some(Err(_)) => return,
        None => input_from(&context),
    };
    let mut context_strings = Vec::new();
    strings(&context, &mut context_strings);

    for mode in [None, Some(Mode::ConnectManaged), Some(Mode::Saml)] {
        let base = mode.map_or_else(Options::default, Options::with_mode);
        let options = base.with_instance(&instance);
        let report = validate(&input, &options);
        assert_eq!(report, validate(&input, &options), "deterministic");
        let all: Vec<_> = report.errors.iter().chain(&report.warnings).collect();
        assert!(
            all.iter()
                .filter(|v| v.code.as_str() == "INSTANCE_IGNORED")
                .count()
                <= 1,
            "one INSTANCE_IGNORED at most"
        );
        for v in &all {
            // A list given twice in one object is read twice (the tree keeps the last), so the
            // raw text is the reference; an id with characters JSON escapes is not looked for.
            if let Some(fix) = &v.fix {
                let plain = !fix
                    .value
                    .contains(|c: char| c == '"' || c == '\\' || c.is_control());
                assert!(
                    !plain || context_text.contains(fix.value.as_str()),
                    "a fix that is not an id of the context: {fix:?}"
                );
            }
        }
        // Instance names quoted by "Did you mean" are instance data: take them out of the
        // messages before looking for input values.
        let mut scrubbed = report.clone();
        for v in scrubbed
            .errors
            .iter_mut()
            .chain(scrubbed.warnings.iter_mut())
        {
            for name in context_strings.iter().filter(|s| !s.is_empty()) {
                if v.message.contains(name) {
                    v.message = v.message.replace(name, "\u{1}");
                }
            }
        }
        check_report(&input, &options, &scrubbed);

        // The same input twice in a batch: the second is TAKEN, unless its name is not a string.
        let mut batch = Batch::new(BatchUnit::User);
        let first = batch.validate(&input, &options, 1);
        assert_eq!(first, report, "a batch's first user is checked as alone");
        let second = batch.validate(&input, &options, 2);
        if matches!(input.get("Username"), Some(Val::String(s)) if !s.is_empty()) {
            assert!(
                second.errors.iter().any(|v| v.code.as_str() == "TAKEN")
                    || second.errors.len() >= 100,
                "a repeated user name is TAKEN"
            );
        }
    }
});
