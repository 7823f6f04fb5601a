//! Wrong JSON types everywhere, integers (whole, finite, in range), and the root.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use connect_create_user::{json, Value};
use serde_json::json;

const PREFER: &str = "PREFER_CHANNEL_CONFIG";

#[test]
fn wrong_types_everywhere() {
    // (member path as the builder writes it, wrong value, reported path)
    let table: Vec<(&str, serde_json::Value, &str)> = vec![
        ("Username", json!(123), "Username"),
        ("Username", json!(true), "Username"),
        ("Username", json!(["jdoe"]), "Username"),
        ("Username", json!({"a": "jdoe"}), "Username"),
        ("Password", json!(12345678), "Password"),
        ("IdentityInfo", json!("Jane Doe"), "IdentityInfo"),
        ("IdentityInfo", json!(["Jane"]), "IdentityInfo"),
        ("IdentityInfo.FirstName", json!(5), "IdentityInfo.FirstName"),
        (
            "IdentityInfo.LastName",
            json!(["Doe"]),
            "IdentityInfo.LastName",
        ),
        ("IdentityInfo.Email", json!(false), "IdentityInfo.Email"),
        (
            "IdentityInfo.SecondaryEmail",
            json!(1),
            "IdentityInfo.SecondaryEmail",
        ),
        (
            "IdentityInfo.Mobile",
            json!(12065550100u64),
            "IdentityInfo.Mobile",
        ),
        ("DirectoryUserId", json!(7), "DirectoryUserId"),
        ("SecurityProfileIds", json!("sp-1"), "SecurityProfileIds"),
        (
            "SecurityProfileIds",
            json!({"0": "sp-1"}),
            "SecurityProfileIds",
        ),
        ("SecurityProfileIds", json!([1]), "SecurityProfileIds[0]"),
        (
            "SecurityProfileIds",
            json!(["sp-1", ["sp-2"]]),
            "SecurityProfileIds[1]",
        ),
        (
            "SecurityProfileIds",
            json!(["sp-1", {}]),
            "SecurityProfileIds[1]",
        ),
        ("SecurityProfileIds", json!([true]), "SecurityProfileIds[0]"),
        ("RoutingProfileId", json!(5), "RoutingProfileId"),
        ("HierarchyGroupId", json!(["hg"]), "HierarchyGroupId"),
        ("InstanceId", json!(1), "InstanceId"),
        (
            "AutoAcceptConfigs",
            json!({"Channel": "VOICE", "AutoAccept": true}),
            "AutoAcceptConfigs",
        ),
        (
            "AfterContactWorkConfigs",
            json!("VOICE"),
            "AfterContactWorkConfigs",
        ),
        ("PhoneNumberConfigs", json!(true), "PhoneNumberConfigs"),
        (
            "PersistentConnectionConfigs",
            json!(1),
            "PersistentConnectionConfigs",
        ),
        (
            "VoiceEnhancementConfigs",
            json!({"a": 1}),
            "VoiceEnhancementConfigs",
        ),
        (
            "AutoAcceptConfigs",
            json!([{"Channel": "VOICE", "AutoAccept": "true"}]),
            "AutoAcceptConfigs[0].AutoAccept",
        ),
        (
            "AutoAcceptConfigs",
            json!([{"Channel": 1, "AutoAccept": true}]),
            "AutoAcceptConfigs[0].Channel",
        ),
        (
            "AfterContactWorkConfigs",
            json!([{"Channel": "VOICE", "AfterContactWorkConfig": 30}]),
            "AfterContactWorkConfigs[0].AfterContactWorkConfig",
        ),
        (
            "AfterContactWorkConfigs",
            json!([{"Channel": "VOICE", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": "30"}}]),
            "AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit",
        ),
        (
            "PhoneNumberConfigs",
            json!([{"Channel": "VOICE", "PhoneType": 1}]),
            "PhoneNumberConfigs[0].PhoneType",
        ),
        (
            "PhoneNumberConfigs",
            json!([{"Channel": "VOICE", "PhoneType": "DESK_PHONE", "PhoneNumber": 12065550100u64}]),
            "PhoneNumberConfigs[0].PhoneNumber",
        ),
        (
            "VoiceEnhancementConfigs",
            json!([{"Channel": "VOICE", "VoiceEnhancementMode": true}]),
            "VoiceEnhancementConfigs[0].VoiceEnhancementMode",
        ),
        ("Tags", json!(["team", "x"]), "Tags"),
        ("Tags", json!("team=x"), "Tags"),
        ("Tags", json!({"team": 1}), r#"Tags["team"]"#),
        ("Tags", json!({"team": true}), r#"Tags["team"]"#),
        ("Tags", json!({"team": ["x"]}), r#"Tags["team"]"#),
        ("Tags", json!({"team": {}}), r#"Tags["team"]"#),
    ];
    let mut cases = Vec::new();
    for (member, v, at) in &table {
        cases.push(
            Case::new(
                format!("{member} = {v}"),
                NONE,
                Input::base(NONE).set(member, v.clone()),
            )
            .err(*at, "TYPE"),
        );
    }
    // PhoneConfig and its members (with the PREFER warning whenever PhoneConfig is present).
    for (member, v) in [
        ("PhoneConfig", json!([])),
        ("PhoneConfig", json!(["SOFT_PHONE"])),
        ("PhoneConfig", json!("SOFT_PHONE")),
        ("PhoneConfig.AutoAccept", json!("true")),
        ("PhoneConfig.AutoAccept", json!(1)),
        ("PhoneConfig.AutoAccept", json!(0)),
        ("PhoneConfig.PersistentConnection", json!("false")),
        ("PhoneConfig.PhoneType", json!(1)),
        ("PhoneConfig.DeskPhoneNumber", json!(12065550100u64)),
        ("PhoneConfig.AfterContactWorkTimeLimit", json!("30")),
        ("PhoneConfig.AfterContactWorkTimeLimit", json!(true)),
        ("PhoneConfig.AfterContactWorkTimeLimit", json!([30])),
    ] {
        cases.push(
            Case::new(
                format!("{member} = {v}"),
                CM,
                Input::base(CM).set(member, v.clone()),
            )
            .err(member, "TYPE")
            .warn("PhoneConfig", PREFER),
        );
    }
    check(cases);
}

#[test]
fn enum_values_are_case_sensitive() {
    let mut cases = Vec::new();
    for bad in [
        "soft_phone",
        "Soft_Phone",
        "SOFTPHONE",
        " SOFT_PHONE",
        "SOFT_PHONE ",
    ] {
        cases.push(
            Case::new(
                format!("PhoneType {bad:?}"),
                CM,
                Input::base(CM).set("PhoneConfig.PhoneType", json!(bad)),
            )
            .err("PhoneConfig.PhoneType", "ENUM")
            .says("PhoneConfig.PhoneType", "ENUM", "SOFT_PHONE, DESK_PHONE")
            .warn("PhoneConfig", PREFER),
        );
    }
    for good in ["VOICE_ISOLATION", "NOISE_SUPPRESSION", "NONE"] {
        cases.push(Case::new(
            format!("VoiceEnhancementMode {good}"),
            CM,
            Input::base(CM).set(
                "VoiceEnhancementConfigs",
                json!([{"Channel": "VOICE", "VoiceEnhancementMode": good}]),
            ),
        ));
    }
    for bad in ["none", "None", "VOICE-ISOLATION", "OFF"] {
        cases.push(
            Case::new(
                format!("VoiceEnhancementMode {bad}"),
                CM,
                Input::base(CM).set(
                    "VoiceEnhancementConfigs",
                    json!([{"Channel": "VOICE", "VoiceEnhancementMode": bad}]),
                ),
            )
            .err("VoiceEnhancementConfigs[0].VoiceEnhancementMode", "ENUM"),
        );
    }
    check(cases);
}

/// The integer members, as builder paths, with whatever else makes them reachable.
fn integer_places() -> Vec<(&'static str, &'static str, Input)> {
    let acw_list = Input::base(CM).set(
        "AfterContactWorkConfigs",
        json!([{"Channel": "VOICE", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 1},
                "AgentFirstCallbackAfterContactWorkConfig": {"AfterContactWorkTimeLimit": 1}}]),
    );
    vec![
        (
            "PhoneConfig.AfterContactWorkTimeLimit",
            "PhoneConfig.AfterContactWorkTimeLimit",
            Input::base(CM),
        ),
        (
            "AfterContactWorkConfigs.0.AfterContactWorkConfig.AfterContactWorkTimeLimit",
            "AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit",
            acw_list.clone(),
        ),
        (
            "AfterContactWorkConfigs.0.AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit",
            "AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit",
            acw_list,
        ),
    ]
}

#[test]
fn integers_must_be_finite_whole_numbers() {
    let mut cases = Vec::new();
    for (place, at, base) in integer_places() {
        let prefer = |c: Case| {
            if place.starts_with("PhoneConfig") {
                c.warn("PhoneConfig", PREFER)
            } else {
                c
            }
        };
        for bad in [
            Value::Number(1.5),
            Value::Number(-0.5),
            Value::Number(2_000_000.5),
            Value::Number(f64::NAN),
            Value::Number(f64::INFINITY),
            Value::Number(f64::NEG_INFINITY),
            Value::Other("a BigInt"),
            Value::Other("a Symbol"),
            Value::String("30".to_string().into()),
            Value::Bool(true),
        ] {
            cases.push(prefer(
                Case::new(
                    format!("{at} = {bad:?}"),
                    CM,
                    base.clone().set_value(place, bad),
                )
                .err(at, "TYPE")
                .says(at, "TYPE", "whole number"),
            ));
        }
        for out in [1e21, -1.0, 2_000_001.0, 1e300, -1e21] {
            cases.push(prefer(
                Case::new(
                    format!("{at} = {out}"),
                    CM,
                    base.clone().set_value(place, Value::Number(out)),
                )
                .err(at, "OUT_OF_RANGE"),
            ));
        }
        for ok in [0.0, -0.0, 1.0, 2e6, 1.5e3] {
            cases.push(prefer(Case::new(
                format!("{at} = {ok}"),
                CM,
                base.clone().set_value(place, Value::Number(ok)),
            )));
        }
    }
    check(cases);
}

#[test]
fn integers_from_json_text() {
    // The same through the JSON reader: 1e21 is a number, out of range; -0 is 0; 1.0 is whole.
    let text = |n: &str| {
        format!(
            r#"{{"Username":"jdoe","SecurityProfileIds":["sp-1"],"RoutingProfileId":"rp-1",
               "InstanceId":"i","PhoneConfig":{{"AfterContactWorkTimeLimit":{n}}}}}"#
        )
    };
    let mut cases = Vec::new();
    for (n, code) in [
        ("1e21", Some("OUT_OF_RANGE")),
        ("1E21", Some("OUT_OF_RANGE")),
        ("-1", Some("OUT_OF_RANGE")),
        ("2000001", Some("OUT_OF_RANGE")),
        ("1.5", Some("TYPE")),
        ("-0", None),
        ("-0.0", None),
        ("0", None),
        ("1.0", None),
        ("2e6", None),
        ("2000000", None),
    ] {
        let input = json::parse(&text(n)).unwrap();
        let mut case = Case::new(n, ED, input).warn("PhoneConfig", PREFER);
        if let Some(code) = code {
            case = case.err("PhoneConfig.AfterContactWorkTimeLimit", code);
        }
        cases.push(case);
    }
    check(cases);
}

#[test]
fn other_values_are_type_errors() {
    let mut cases = Vec::new();
    for what in ["a BigInt", "a Symbol", "a function", "a Date", "a Map"] {
        for (member, at) in [
            ("Username", "Username"),
            ("IdentityInfo", "IdentityInfo"),
            ("IdentityInfo.FirstName", "IdentityInfo.FirstName"),
            ("SecurityProfileIds", "SecurityProfileIds"),
            ("SecurityProfileIds.0", "SecurityProfileIds[0]"),
            ("Tags", "Tags"),
            ("AutoAcceptConfigs", "AutoAcceptConfigs"),
        ] {
            cases.push(
                Case::new(
                    format!("{member} = {what}"),
                    SAML,
                    Input::base(SAML).set_value(member, Value::Other(what)),
                )
                .err(at, "TYPE")
                .says(at, "TYPE", what),
            );
        }
        cases.push(
            Case::new(
                format!("list item {what}"),
                SAML,
                Input::base(SAML)
                    .set_value("AutoAcceptConfigs", Value::List(vec![Value::Other(what)])),
            )
            .err("AutoAcceptConfigs[0]", "TYPE"),
        );
        cases.push(
            Case::new(
                format!("tag value {what}"),
                SAML,
                Input::base(SAML).set_value(
                    "Tags",
                    Value::Object(vec![("k".to_string().into(), Value::Other(what))]),
                ),
            )
            .err(r#"Tags["k"]"#, "TYPE"),
        );
    }
    check(cases);
}

#[test]
fn root_not_an_object_is_one_type_error() {
    let mut cases = Vec::new();
    for root in [
        Value::Null,
        Value::Bool(true),
        Value::Number(0.0),
        Value::Number(f64::NAN),
        Value::String(String::new().into()),
        Value::String("{\"Username\":\"x\"}".to_string().into()),
        Value::List(Vec::new()),
        Value::List(vec![to_value(&base_json(CM))]),
        Value::Other("a Map"),
        Value::Other("a function"),
    ] {
        for mode in MODES {
            cases.push(Case::new(format!("{root:?}"), mode, root.clone()).err("", "TYPE"));
        }
    }
    // The empty object is an object: every required member is missing.
    cases.push(
        Case::new("{}", ED, json!({}))
            .err("Username", "REQUIRED")
            .err("SecurityProfileIds", "REQUIRED")
            .err("RoutingProfileId", "REQUIRED")
            .err("InstanceId", "REQUIRED"),
    );
    check(cases);
}
