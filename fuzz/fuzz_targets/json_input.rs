//! Any bytes as JSON text: `json::parse` and `validate_json_array` never panic, agree with each
//! other and with serde_json, and every parsed value passes every check of `fuzz_checks`.
#![no_main]

use connect_create_user::value::MAX_DEPTH;
use connect_create_user::{json, validate_json_array, Batch, BatchUnit, Mode, Options, Value};
use fuzz_checks::{check_round_trips, check_value, same_value};
use libfuzzer_sys::fuzz_target;

/// serde_json's value as `json::parse` should read it: containers nested `MAX_DEPTH` deep or
/// more become `Other`.
fn from_serde(v: &serde_json::Value, depth: usize) -> Value {
    use serde_json::Value as J;
    match v {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => Value::Number(n.as_f64().expect("finite")),
        J::String(s) => Value::String(s.clone().into()),
        J::Array(_) if depth >= MAX_DEPTH => Value::Other("a deeply nested list"),
        J::Object(_) if depth >= MAX_DEPTH => Value::Other("a deeply nested object"),
        J::Array(items) => Value::List(items.iter().map(|i| from_serde(i, depth + 1)).collect()),
        J::Object(members) => Value::Object(
            members
                .iter()
                .map(|(k, v)| (k.clone().into(), from_serde(v, depth + 1)))
                .collect(),
        ),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = json::parse(text);

    // serde_json (exact float parsing, members in input order) as the reference reader.
    match (serde_json::from_str::<serde_json::Value>(text), &parsed) {
        (Ok(reference), Ok(value)) => {
            let expected = from_serde(&reference, 0);
            assert!(
                same_value(value, &expected),
                "json::parse read {value:?}, serde_json {expected:?}"
            );
        }
        (Ok(reference), Err(e)) => {
            panic!("json::parse refused valid JSON ({e}); serde_json read {reference:?}")
        }
        (Err(e), Ok(value)) => {
            // Only where serde_json is stricter than JSON.parse: lone surrogates, numbers that
            // overflow a double, nesting deeper than its recursion limit.
            let why = e.to_string();
            assert!(
                why.contains("surrogate")
                    || why.contains("hex escape")
                    || why.contains("unicode code point")
                    || why.contains("out of range")
                    || why.contains("recursion limit"),
                "json::parse read {value:?} where serde_json says {why}"
            );
        }
        (Err(_), Err(_)) => {}
    }

    // The batch reader agrees with reading the whole text.
    let options = Options::with_mode(Mode::ConnectManaged);
    let mut reports = Vec::new();
    let batch = validate_json_array(text, &options, |r| reports.push(r));
    match &parsed {
        Ok(Value::List(items)) => {
            assert!(
                batch.is_ok(),
                "validate_json_array refused an array: {batch:?}"
            );
            let mut batch = Batch::new(BatchUnit::User);
            let expected: Vec<_> = items
                .iter()
                .enumerate()
                .map(|(n, i)| batch.validate(i, &options, n + 1))
                .collect();
            assert_eq!(reports, expected, "validate_json_array reports");
        }
        _ => assert!(
            batch.is_err(),
            "validate_json_array read a text that is not an array"
        ),
    }

    let Ok(value) = parsed else { return };
    check_value(&value);
    check_round_trips(&value);
    if let Value::List(items) = &value {
        for item in items.iter().take(4) {
            check_value(item);
        }
    }
});
