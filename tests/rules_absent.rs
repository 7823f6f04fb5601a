//! What counts as absent: missing, `null`, and an empty value of the member's own type; never
//! `false` or `0`; an empty value of another type is a `TYPE` error; a tag value `""` is real.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use connect_create_user::{build_request, Value};
use serde_json::json;

#[test]
fn absent_required_members() {
    let mut cases = Vec::new();
    for mode in MODES {
        for (member, absent_values) in [
            ("Username", vec![json!(""), json!(null)]),
            ("SecurityProfileIds", vec![json!([]), json!(null)]),
            ("RoutingProfileId", vec![json!(""), json!(null)]),
            ("InstanceId", vec![json!(""), json!(null)]),
        ] {
            cases.push(
                Case::new(
                    format!("{member} missing"),
                    mode,
                    Input::base(mode).del(member),
                )
                .err(member, "REQUIRED"),
            );
            for v in absent_values {
                cases.push(
                    Case::new(
                        format!("{member} {v}"),
                        mode,
                        Input::base(mode).set(member, v),
                    )
                    .err(member, "REQUIRED"),
                );
            }
        }
        // Everything missing: one REQUIRED per required member, in the model's order.
        let mut empty = Case::new("empty object", mode, json!({})).err("Username", "REQUIRED");
        if mode == CM {
            empty = empty.err("Password", "REQUIRED");
        }
        if mode == CM || mode == SAML {
            empty = empty
                .err("IdentityInfo.FirstName", "REQUIRED")
                .err("IdentityInfo.LastName", "REQUIRED");
        }
        if mode == CM {
            empty = empty.err("IdentityInfo.Email", "REQUIRED");
        }
        cases.push(
            empty
                .err("SecurityProfileIds", "REQUIRED")
                .err("RoutingProfileId", "REQUIRED")
                .err("InstanceId", "REQUIRED"),
        );
    }
    check(cases);
}

#[test]
fn empty_value_of_own_type_is_absent_for_optional_members() {
    let mut cases = Vec::new();
    for (member, v) in [
        ("HierarchyGroupId", json!("")),
        ("HierarchyGroupId", json!(null)),
        ("DirectoryUserId", json!("")),
        ("PhoneConfig", json!({})),
        ("PhoneConfig", json!(null)),
        (
            "PhoneConfig",
            json!({"PhoneType": "", "DeskPhoneNumber": null}),
        ),
        ("AutoAcceptConfigs", json!([])),
        ("AfterContactWorkConfigs", json!([])),
        ("PhoneNumberConfigs", json!(null)),
        ("PersistentConnectionConfigs", json!([])),
        ("VoiceEnhancementConfigs", json!([])),
        ("Tags", json!({})),
        ("Tags", json!(null)),
        ("IdentityInfo.SecondaryEmail", json!("")),
        ("IdentityInfo.Mobile", json!("")),
        ("IdentityInfo.Mobile", json!(null)),
    ] {
        for mode in [CM, ED] {
            cases.push(Case::new(
                format!("{member} = {v}"),
                mode,
                Input::base(mode).set(member, v.clone()),
            ));
        }
    }
    check(cases);
}

#[test]
fn empty_value_of_another_type_is_type() {
    let mut cases = Vec::new();
    for (member, v) in [
        ("Username", json!([])),
        ("Username", json!({})),
        ("Password", json!([])),
        ("IdentityInfo", json!([])),
        ("IdentityInfo", json!("")),
        ("IdentityInfo.FirstName", json!([])),
        ("IdentityInfo.Email", json!({})),
        ("PhoneConfig", json!([])),
        ("PhoneConfig", json!("")),
        ("PhoneConfig.AutoAccept", json!("")),
        ("PhoneConfig.AutoAccept", json!([])),
        ("PhoneConfig.AfterContactWorkTimeLimit", json!("")),
        ("PhoneConfig.PhoneType", json!([])),
        ("SecurityProfileIds", json!("")),
        ("SecurityProfileIds", json!({})),
        ("RoutingProfileId", json!([])),
        ("HierarchyGroupId", json!({})),
        ("InstanceId", json!([])),
        ("AutoAcceptConfigs", json!({})),
        ("AutoAcceptConfigs", json!("")),
        ("VoiceEnhancementConfigs", json!({})),
        ("Tags", json!([])),
        ("Tags", json!("")),
    ] {
        let mut case = Case::new(
            format!("{member} = {v}"),
            CM,
            Input::base(CM).set(member, v.clone()),
        )
        .err(member, "TYPE");
        if member.starts_with("PhoneConfig") {
            case = case.warn("PhoneConfig", "PREFER_CHANNEL_CONFIG");
        }
        cases.push(case);
    }
    check(cases);
}

#[test]
fn false_and_zero_are_values() {
    let phone = |pc: serde_json::Value| Input::base(CM).set("PhoneConfig", pc);
    check(vec![
        Case::new("AutoAccept false", CM, phone(json!({"AutoAccept": false})))
            .warn("PhoneConfig", "PREFER_CHANNEL_CONFIG"),
        Case::new("PersistentConnection false", CM, phone(json!({"PersistentConnection": false})))
            .warn("PhoneConfig", "PREFER_CHANNEL_CONFIG"),
        Case::new("ACW 0", CM, phone(json!({"AfterContactWorkTimeLimit": 0})))
            .warn("PhoneConfig", "PREFER_CHANNEL_CONFIG"),
        // A required boolean given as false is present.
        Case::new(
            "AutoAccept false in an item",
            CM,
            Input::base(CM).set("AutoAcceptConfigs", json!([{"Channel": "VOICE", "AutoAccept": false}])),
        ),
        Case::new(
            "PersistentConnection false in an item",
            CM,
            Input::base(CM).set(
                "PersistentConnectionConfigs",
                json!([{"Channel": "VOICE", "PersistentConnection": false}]),
            ),
        ),
        // A required nested object holding only 0 is present.
        Case::new(
            "AfterContactWorkConfig with 0",
            CM,
            Input::base(CM).set(
                "AfterContactWorkConfigs",
                json!([{"Channel": "VOICE", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 0}}]),
            ),
        ),
    ]);
    // ...and they are sent.
    let input = Input::base(CM)
        .set("PhoneConfig", json!({"AutoAccept": false, "AfterContactWorkTimeLimit": 0, "PersistentConnection": false}))
        .into_input();
    let req = build_request(&input, &options(CM)).unwrap();
    let body: serde_json::Value = serde_json::from_str(&req.body).unwrap();
    assert_eq!(
        body["PhoneConfig"],
        json!({"AutoAccept": false, "AfterContactWorkTimeLimit": 0, "PersistentConnection": false})
    );
}

#[test]
fn tag_value_empty_string_is_a_real_value() {
    check(vec![
        Case::new(
            "one empty value",
            NONE,
            Input::base(NONE).set("Tags", json!({"team": ""})),
        ),
        Case::new(
            "empty values among others",
            CM,
            Input::base(CM).set("Tags", json!({"a": "", "b": "x", "c": ""})),
        ),
        // Decision: a null tag value cannot be sent; it is a TYPE error, not a dropped tag.
        Case::new(
            "null value",
            CM,
            Input::base(CM).set("Tags", json!({"team": null})),
        )
        .err(r#"Tags["team"]"#, "TYPE"),
    ]);
    let input = Input::base(CM)
        .set("Tags", json!({"a": "", "b": "x"}))
        .into_input();
    let req = build_request(&input, &options(CM)).unwrap();
    let body: serde_json::Value = serde_json::from_str(&req.body).unwrap();
    assert_eq!(body["Tags"], json!({"a": "", "b": "x"}));
}

#[test]
fn an_object_all_of_whose_members_are_absent_is_absent() {
    check(vec![
        Case::new(
            "IdentityInfo of absent members, CM",
            CM,
            Input::base(CM).set(
                "IdentityInfo",
                json!({"FirstName": "", "LastName": null, "Email": "", "SecondaryEmail": "", "Mobile": null}),
            ),
        )
        .err("IdentityInfo.FirstName", "REQUIRED")
        .err("IdentityInfo.LastName", "REQUIRED")
        .err("IdentityInfo.Email", "REQUIRED"),
        Case::new(
            "PhoneConfig of absent members: no PREFER_CHANNEL_CONFIG",
            SAML,
            Input::base(SAML).set(
                "PhoneConfig",
                json!({"PhoneType": "", "AutoAccept": null, "DeskPhoneNumber": "", "Extra": null}),
            ),
        ),
        Case::new(
            "nested: AgentFirstCallbackAfterContactWorkConfig of null",
            CM,
            Input::base(CM).set(
                "AfterContactWorkConfigs",
                json!([{
                    "Channel": "CHAT",
                    "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 1},
                    "AgentFirstCallbackAfterContactWorkConfig": {"AfterContactWorkTimeLimit": null}
                }]),
            ),
        ),
        Case::new(
            "list item of absent members",
            CM,
            Input::base(CM).set(
                "AfterContactWorkConfigs",
                json!([{"Channel": "", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": null}}]),
            ),
        )
        .err("AfterContactWorkConfigs[0]", "REQUIRED"),
    ]);
}

#[test]
fn absent_values_from_the_value_tree() {
    // Built directly, without JSON: the same rules.
    let v = Input::base(CM)
        .set_value("HierarchyGroupId", Value::String(String::new().into()))
        .set_value("Tags", Value::Object(Vec::new()))
        .set_value("AutoAcceptConfigs", Value::List(Vec::new()))
        .set_value("DirectoryUserId", Value::Null);
    check(vec![Case::new("empty values", CM, v)]);
}
