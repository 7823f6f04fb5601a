//! Properties over random inputs: random value trees and near-valid mutations of valid inputs.
//! Validation never panics, is deterministic and capped; building succeeds exactly when there
//! are no errors, and then sends exactly the present members.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use common::*;
use connect_create_user::fields::{Kind, Shape, CREATE_USER};
use connect_create_user::{build_request, validate, Code, Report, Value};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value as J};

// ---------------------------------------------------------------------------------------------
// Generators

/// Every member name of the model, some near misses, and some odd keys.
fn key_pool() -> Vec<String> {
    let mut names = Vec::new();
    let mut stack: Vec<&Shape> = vec![&CREATE_USER];
    while let Some(shape) = stack.pop() {
        for f in shape.fields {
            names.push(f.name.to_string());
            if let Kind::Object(s) | Kind::ObjectList(s) = f.kind {
                stack.push(s);
            }
        }
    }
    names.sort();
    names.dedup();
    for odd in [
        "Firstname",
        "username",
        "Foo",
        "",
        "a b",
        "aws:x",
        "é",
        "0",
        "__proto__",
    ] {
        names.push(odd.to_string());
    }
    names
}

fn string_pool() -> Vec<String> {
    let mut v: Vec<String> = [
        "",
        " ",
        "VOICE",
        "CHAT",
        "TASK",
        "EMAIL",
        "voice",
        "SOFT_PHONE",
        "DESK_PHONE",
        "NONE",
        "VOICE_ISOLATION",
        "NOISE_SUPPRESSION",
        "+12065550100",
        "+0",
        "jane@example.com",
        "jane@example",
        "Secr3tPass",
        "secret",
        "jdoe",
        "alias@UserId@OrgId",
        "aws:x",
        "AWS:x",
        "e\u{301}",
        "é",
        "😀",
        "a\u{3000}b",
        "sp-1",
        "rp-1",
        "inst-1",
        "a b/c",
        "\u{0}",
        "\"\\",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push("a".repeat(21));
    v.push("a".repeat(65));
    v.push("a".repeat(101));
    v.push("😀".repeat(257));
    v
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        prop::sample::select(vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            1.5,
            2e6,
            2_000_001.0,
            1e21,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN_POSITIVE,
        ]),
        (0i64..3_000_000).prop_map(|n| n as f64),
        any::<f64>(),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number().prop_map(Value::Number),
        prop::sample::select(string_pool()).prop_map(|s| Value::String(s.into())),
        "\\PC{0,12}".prop_map(|s| Value::String(s.into())),
        prop::sample::select(vec!["a BigInt", "a Symbol", "a function", "a Date"])
            .prop_map(Value::Other),
    ]
}

/// Keys as `JSON.parse` leaves them: a repeated key keeps its first place and its last value.
fn dedup(members: Vec<(String, Value)>) -> Value {
    let mut out: Vec<(String, Value)> = Vec::new();
    for (k, v) in members {
        match out.iter_mut().find(|(kk, _)| *kk == k) {
            Some(slot) => slot.1 = v,
            None => out.push((k, v)),
        }
    }
    Value::Object(out.into_iter().map(|(k, v)| (k.into(), v)).collect())
}

fn tree() -> impl Strategy<Value = Value> {
    let keys = key_pool();
    leaf().prop_recursive(4, 48, 6, move |inner| {
        let keys = keys.clone();
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::List),
            prop::collection::vec(
                (
                    prop_oneof![prop::sample::select(keys), "[a-zA-Z:]{0,6}"],
                    inner
                ),
                0..6
            )
            .prop_map(dedup),
        ]
    })
}

/// Valid inputs with many members: per mode, one with the channel lists and one with PhoneConfig.
fn rich_base(mode: &str, with_lists: bool) -> Input {
    let mut i = Input::base(mode)
        .set("HierarchyGroupId", json!("hg-1"))
        .set("Tags", json!({"team": "a", "cost center": "", "é": "😀"}))
        .set("SecurityProfileIds", json!(["sp-1", "sp-2"]))
        .set("IdentityInfo.SecondaryEmail", json!("j@x.io"))
        .set("IdentityInfo.Mobile", json!("+12065550100"));
    if mode == ED {
        i = i.set("DirectoryUserId", json!("d-1"));
    }
    if with_lists {
        i.set(
            "AutoAcceptConfigs",
            json!([{"Channel": "VOICE", "AutoAccept": true, "AgentFirstCallbackAutoAccept": false},
                   {"Channel": "CHAT", "AutoAccept": false}]),
        )
        .set(
            "AfterContactWorkConfigs",
            json!([{"Channel": "VOICE", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 0},
                    "AgentFirstCallbackAfterContactWorkConfig": {"AfterContactWorkTimeLimit": 30}}]),
        )
        .set(
            "PhoneNumberConfigs",
            json!([{"Channel": "VOICE", "PhoneType": "DESK_PHONE", "PhoneNumber": "+12065550100"}]),
        )
        .set(
            "PersistentConnectionConfigs",
            json!([{"Channel": "VOICE", "PersistentConnection": false}]),
        )
        .set(
            "VoiceEnhancementConfigs",
            json!([{"Channel": "VOICE", "VoiceEnhancementMode": "NONE"}]),
        )
    } else {
        i.set(
            "PhoneConfig",
            json!({"PhoneType": "DESK_PHONE", "AutoAccept": false, "AfterContactWorkTimeLimit": 0,
                   "DeskPhoneNumber": "+12065550100", "PersistentConnection": true}),
        )
    }
}

/// Every member path of the model, as the builder writes them (list items at index 0 and 1).
fn member_paths() -> Vec<String> {
    fn walk(shape: &Shape, prefix: &str, out: &mut Vec<String>) {
        for f in shape.fields {
            let p = format!("{prefix}{}", f.name);
            out.push(p.clone());
            match f.kind {
                Kind::Object(s) => walk(s, &format!("{p}."), out),
                Kind::ObjectList(s) => {
                    for i in 0..2 {
                        out.push(format!("{p}.{i}"));
                        walk(s, &format!("{p}.{i}."), out);
                    }
                }
                Kind::StrList { .. } => {
                    out.push(format!("{p}.0"));
                    out.push(format!("{p}.2"));
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&CREATE_USER, "", &mut out);
    out.push("Tags.team".into());
    out.push("Tags.aws:x".into());
    out.push("IdentityInfo.Firstname".into());
    out.push("Unknown".into());
    out
}

#[derive(Debug, Clone)]
enum Mutation {
    Drop(String),
    Set(String, Value),
    SetString(String, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let paths = member_paths();
    prop_oneof![
        prop::sample::select(paths.clone()).prop_map(Mutation::Drop),
        (prop::sample::select(paths.clone()), leaf()).prop_map(|(p, v)| Mutation::Set(p, v)),
        (prop::sample::select(paths.clone()), tree()).prop_map(|(p, v)| Mutation::Set(p, v)),
        (
            prop::sample::select(paths),
            prop_oneof!["[a-zA-Z0-9@.+ _-]{0,12}", "\\PC{0,8}"]
        )
            .prop_map(|(p, s)| Mutation::SetString(p, s)),
    ]
}

fn near_valid() -> impl Strategy<Value = (&'static str, Value)> {
    (
        prop::sample::select(MODES.to_vec()),
        any::<bool>(),
        prop::collection::vec(mutation(), 0..4),
    )
        .prop_map(|(mode, lists, muts)| {
            let mut input = rich_base(mode, lists);
            for m in muts {
                input = match m {
                    Mutation::Drop(p) => input.del(&p),
                    Mutation::Set(p, v) => input.set_value(&p, v),
                    Mutation::SetString(p, s) => input.set_value(&p, Value::String(s.into())),
                };
            }
            (mode, input.0)
        })
}

// ---------------------------------------------------------------------------------------------
// The properties

/// The body a valid input must produce: the present members, recursively, without InstanceId.
fn present(v: &Value, tag_value: bool) -> Option<J> {
    match v {
        Value::Null => None,
        Value::String(s) if s.is_empty() && !tag_value => None,
        Value::List(items) if items.is_empty() => None,
        Value::List(items) => Some(J::Array(
            items
                .iter()
                .map(|i| present(i, false).unwrap_or(J::Null))
                .collect(),
        )),
        Value::Object(members) => {
            let mut out = serde_json::Map::new();
            for (k, v) in members {
                if let Some(j) = present(v, false) {
                    out.insert(k.to_string(), j);
                }
            }
            (!out.is_empty()).then_some(J::Object(out))
        }
        other => to_json(other),
    }
}

fn expected_body(input: &Value) -> J {
    // A valid input is an object.
    let Value::Object(members) = input else {
        return J::Null;
    };
    let mut out = serde_json::Map::new();
    for (k, v) in members {
        if &**k == "InstanceId" {
            continue;
        }
        let j = if &**k == "Tags" {
            match v {
                Value::Object(tags) if !tags.is_empty() => Some(J::Object(
                    tags.iter()
                        .map(|(tk, tv)| (tk.to_string(), present(tv, true).unwrap()))
                        .collect(),
                )),
                _ => None,
            }
        } else {
            present(v, false)
        };
        if let Some(j) = j {
            out.insert(k.to_string(), j);
        }
    }
    J::Object(out)
}

fn reference_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn model_order() -> Vec<&'static str> {
    CREATE_USER.fields.iter().map(|f| f.name).collect()
}

/// Checks every property of one input; returns whether it was valid.
fn check_input(mode: &str, input: &Value) -> Result<bool, TestCaseError> {
    let opts = options(mode);
    let report = validate(input, &opts);
    // Deterministic, also on a copy.
    prop_assert_eq!(&report, &validate(&input.clone(), &opts));
    check_report_shape(mode, &report)?;

    match build_request(input, &opts) {
        Err(e) => {
            prop_assert!(!report.is_valid(), "valid but not built");
            prop_assert_eq!(&e.0, &report);
            Ok(false)
        }
        Ok(req) => {
            prop_assert!(
                report.is_valid(),
                "built though invalid: {:?}",
                report.errors
            );
            prop_assert_eq!(req.method, "PUT");
            prop_assert_eq!(req.content_type, "application/json");
            let id = input.get("InstanceId").and_then(Value::as_str).unwrap();
            prop_assert_eq!(&req.path, &format!("/users/{}", reference_encode(id)));
            let body: J = serde_json::from_str(&req.body)
                .map_err(|e| TestCaseError::fail(format!("body is not JSON: {e}: {}", req.body)))?;
            prop_assert_eq!(&body, &expected_body(input));
            // Compact, and the top-level members in the model's order.
            prop_assert_eq!(&req.body, &serde_json::to_string(&body).unwrap());
            let order = model_order();
            let positions: Vec<usize> = body
                .as_object()
                .unwrap()
                .keys()
                .map(|k| order.iter().position(|n| n == k).unwrap())
                .collect();
            prop_assert!(positions.windows(2).all(|w| w[0] < w[1]), "{}", req.body);
            Ok(true)
        }
    }
}

fn check_report_shape(mode: &str, report: &Report) -> Result<(), TestCaseError> {
    prop_assert!(report.errors.len() <= 100);
    prop_assert!(report.warnings.len() <= 101);
    let truncated: Vec<usize> = report
        .warnings
        .iter()
        .enumerate()
        .filter(|(_, w)| w.code == Code::Truncated)
        .map(|(i, _)| i)
        .collect();
    match truncated.as_slice() {
        [] => prop_assert!(report.warnings.len() <= 100),
        [i] => {
            prop_assert_eq!(*i, report.warnings.len() - 1, "TRUNCATED comes last");
            prop_assert_eq!(report.warnings[*i].path.as_str(), "");
            prop_assert!(report.errors.len() == 100 || report.warnings.len() == 101);
            prop_assert!(report.warnings[*i]
                .message
                .chars()
                .any(|c| c.is_ascii_digit()));
        }
        _ => prop_assert!(false, "more than one TRUNCATED"),
    }
    let mode_unknown = report.warnings.first().map(|w| w.code) == Some(Code::ModeUnknown);
    prop_assert_eq!(mode_unknown, !known(mode));
    prop_assert!(
        report
            .warnings
            .iter()
            .skip(1)
            .all(|w| w.code != Code::ModeUnknown),
        "one MODE_UNKNOWN at most"
    );
    for v in report.errors.iter().chain(&report.warnings) {
        prop_assert!(!v.message.is_empty());
        if v.path.is_empty() {
            prop_assert!(
                matches!(v.code, Code::Type | Code::ModeUnknown | Code::Truncated),
                "{:?} at the root",
                v.code
            );
        }
    }
    // Errors use error codes, warnings warning codes (PATTERN may be a SAML warning).
    for e in &report.errors {
        prop_assert!(!matches!(
            e.code,
            Code::ModeUnknown
                | Code::Truncated
                | Code::PreferChannelConfig
                | Code::Duplicate
                | Code::NotApplicable
        ));
    }
    for w in &report.warnings {
        prop_assert!(matches!(
            w.code,
            Code::ModeUnknown
                | Code::Truncated
                | Code::PreferChannelConfig
                | Code::Duplicate
                | Code::NotApplicable
                | Code::Pattern
        ));
    }
    Ok(())
}

#[test]
fn rich_bases_are_valid() {
    for mode in MODES {
        for lists in [true, false] {
            let input = rich_base(mode, lists).0;
            let r = validate(&input, &options(mode));
            assert!(r.is_valid(), "{mode} {lists}: {:?}", pairs(&r.errors));
            assert!(check_input(mode, &input).unwrap());
        }
    }
}

#[test]
fn random_trees() {
    let mut runner = TestRunner::new(Config {
        cases: 1500,
        ..Config::default()
    });
    runner
        .run(
            &(prop::sample::select(MODES.to_vec()), tree()),
            |(mode, input)| check_input(mode, &input).map(|_| ()),
        )
        .unwrap();
}

#[test]
fn random_objects_of_model_members() {
    // Root objects only, so that the walk goes into the model.
    let keys = key_pool();
    let strategy = (
        prop::sample::select(MODES.to_vec()),
        prop::collection::vec((prop::sample::select(keys), tree()), 0..12).prop_map(dedup),
    );
    let mut runner = TestRunner::new(Config {
        cases: 700,
        ..Config::default()
    });
    runner
        .run(&strategy, |(mode, input)| {
            check_input(mode, &input).map(|_| ())
        })
        .unwrap();
}

#[test]
fn near_valid_mutations() {
    let valid = AtomicUsize::new(0);
    let total = AtomicUsize::new(0);
    let mut runner = TestRunner::new(Config {
        cases: 2000,
        ..Config::default()
    });
    runner
        .run(&near_valid(), |(mode, input)| {
            total.fetch_add(1, Ordering::Relaxed);
            if check_input(mode, &input)? {
                valid.fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        })
        .unwrap();
    // The body property must actually have been exercised.
    let (valid, total) = (valid.into_inner(), total.into_inner());
    assert!(
        valid * 10 >= total,
        "only {valid} of {total} mutated inputs were valid"
    );
    eprintln!("{valid} of {total} mutated inputs were valid");
}

#[test]
fn floods_stay_capped() {
    let strategy = (
        prop::sample::select(MODES.to_vec()),
        prop::collection::vec(leaf(), 0..300),
        prop::collection::vec(("[a-z:]{0,5}", leaf()), 0..200).prop_map(dedup),
    );
    let mut runner = TestRunner::new(Config {
        cases: 64,
        ..Config::default()
    });
    runner
        .run(&strategy, |(mode, items, tags)| {
            let input = Input::base(mode)
                .set_value("SecurityProfileIds", Value::List(items.clone()))
                .set_value("AutoAcceptConfigs", Value::List(items))
                .set_value("Tags", tags)
                .0;
            check_input(mode, &input).map(|_| ())
        })
        .unwrap();
}
