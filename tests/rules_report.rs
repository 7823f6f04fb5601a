//! The report itself: unknown members, duplicate ids, paths, stable order, and the cap.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use connect_create_user::{json, validate, Code, Options, Value};
use serde_json::json;

#[test]
fn unknown_field() {
    check(vec![
        Case::new("root", CM, Input::base(CM).set("Foo", json!(1))).err("Foo", "UNKNOWN_FIELD"),
        Case::new(
            "root case typo, besides the real member",
            CM,
            Input::base(CM).set("username", json!("jdoe")),
        )
        .err("username", "UNKNOWN_FIELD")
        .says("username", "UNKNOWN_FIELD", "Username"),
        Case::new(
            "root case typo instead of the real member",
            CM,
            Input::base(CM)
                .del("Username")
                .set("UserName", json!("jdoe")),
        )
        .err("Username", "REQUIRED")
        .err("UserName", "UNKNOWN_FIELD")
        .says("UserName", "UNKNOWN_FIELD", "Username"),
        Case::new(
            "Firstname inside IdentityInfo",
            ED,
            Input::base(ED).set(
                "IdentityInfo",
                json!({"Firstname": "Jane", "LastName": "Doe"}),
            ),
        )
        .err("IdentityInfo.Firstname", "UNKNOWN_FIELD")
        .says("IdentityInfo.Firstname", "UNKNOWN_FIELD", "FirstName"),
        Case::new(
            "Firstname in CM: the real one is then missing",
            CM,
            Input::base(CM)
                .del("IdentityInfo.FirstName")
                .set("IdentityInfo.Firstname", json!("Jane")),
        )
        .err("IdentityInfo.FirstName", "REQUIRED")
        .err("IdentityInfo.Firstname", "UNKNOWN_FIELD"),
        Case::new(
            "in PhoneConfig",
            CM,
            Input::base(CM).set(
                "PhoneConfig",
                json!({"AutoAccept": true, "Autoaccept": true}),
            ),
        )
        .err("PhoneConfig.Autoaccept", "UNKNOWN_FIELD")
        .warn("PhoneConfig", "PREFER_CHANNEL_CONFIG"),
        Case::new(
            "nested in list items",
            CM,
            Input::base(CM).set(
                "AutoAcceptConfigs",
                json!([
                    {"Channel": "VOICE", "AutoAccept": true},
                    {"Channel": "CHAT", "AutoAccept": true, "channel": "CHAT", "Extra": [1]}
                ]),
            ),
        )
        .err("AutoAcceptConfigs[1].channel", "UNKNOWN_FIELD")
        .err("AutoAcceptConfigs[1].Extra", "UNKNOWN_FIELD"),
        Case::new(
            "two levels down",
            CM,
            Input::base(CM).set(
                "AfterContactWorkConfigs",
                json!([{"Channel": "VOICE",
                        "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 1, "Seconds": 5}}]),
            ),
        )
        .err(
            "AfterContactWorkConfigs[0].AfterContactWorkConfig.Seconds",
            "UNKNOWN_FIELD",
        ),
        // Decision: an unknown name that is not a plain identifier is quoted like a map key, so
        // that no path is ambiguous (`IdentityInfo["a.b"]` is not `IdentityInfo.a.b`).
        Case::new(
            "odd unknown names",
            CM,
            Input::base(CM)
                .set("a b", json!(1))
                .set("IdentityInfo.x.y", json!(1))
                .set("_ok$1", json!(1)),
        )
        .err("IdentityInfo.x", "UNKNOWN_FIELD")
        .err(r#"["a b"]"#, "UNKNOWN_FIELD")
        .err("_ok$1", "UNKNOWN_FIELD"),
        Case::new(
            "dotted and empty unknown names",
            CM,
            Input::base(CM).set_value(
                "IdentityInfo",
                Value::Object(vec![
                    (
                        "FirstName".to_string().into(),
                        Value::String("Jane".to_string().into()),
                    ),
                    (
                        "LastName".to_string().into(),
                        Value::String("Doe".to_string().into()),
                    ),
                    (
                        "Email".to_string().into(),
                        Value::String("jane@example.com".to_string().into()),
                    ),
                    ("a.b".to_string().into(), Value::Bool(true)),
                    (String::new().into(), Value::Bool(true)),
                ]),
            ),
        )
        .err(r#"IdentityInfo["a.b"]"#, "UNKNOWN_FIELD")
        .err(r#"IdentityInfo[""]"#, "UNKNOWN_FIELD"),
        // Unknown with an absent value (null): not reported, anywhere.
        Case::new(
            "null unknowns",
            CM,
            Input::base(CM)
                .set("Foo", json!(null))
                .set("IdentityInfo.Firstname", json!(null))
                .set(
                    "AutoAcceptConfigs",
                    json!([{"Channel": "VOICE", "AutoAccept": true, "Extra": null}]),
                ),
        ),
        // "" is not null: an unknown member has no type, so only null makes it absent.
        Case::new(
            "empty-string unknown",
            CM,
            Input::base(CM).set("Foo", json!("")),
        )
        .err("Foo", "UNKNOWN_FIELD"),
        Case::new(
            "false unknown",
            CM,
            Input::base(CM).set("Foo", json!(false)),
        )
        .err("Foo", "UNKNOWN_FIELD"),
        Case::new(
            "Other unknown",
            CM,
            Input::base(CM).set_value("Foo", Value::Other("a function")),
        )
        .err("Foo", "UNKNOWN_FIELD"),
    ]);
}

#[test]
fn unknown_field_on_an_otherwise_absent_object_makes_it_present() {
    check(vec![Case::new(
        "PhoneConfig with only an unknown member",
        SAML,
        Input::base(SAML).set("PhoneConfig", json!({"Phonetype": "SOFT_PHONE"})),
    )
    .err("PhoneConfig.Phonetype", "UNKNOWN_FIELD")
    .warn("PhoneConfig", "PREFER_CHANNEL_CONFIG")]);
}

#[test]
fn duplicate_security_profile_id_warning() {
    check(vec![
        Case::new(
            "repeated once",
            CM,
            Input::base(CM).set("SecurityProfileIds", json!(["a", "b", "a"])),
        )
        .warn("SecurityProfileIds[2]", "DUPLICATE"),
        Case::new(
            "three times",
            CM,
            Input::base(CM).set("SecurityProfileIds", json!(["a", "a", "b", "a"])),
        )
        .warn("SecurityProfileIds[1]", "DUPLICATE")
        .warn("SecurityProfileIds[3]", "DUPLICATE"),
        Case::new(
            "case differs: not a duplicate",
            CM,
            Input::base(CM).set("SecurityProfileIds", json!(["sp-A", "sp-a"])),
        ),
        Case::new(
            "duplicates and empties",
            CM,
            Input::base(CM).set("SecurityProfileIds", json!(["a", "", "a", null, ""])),
        )
        .err("SecurityProfileIds[1]", "REQUIRED")
        .err("SecurityProfileIds[3]", "REQUIRED")
        .err("SecurityProfileIds[4]", "REQUIRED")
        .warn("SecurityProfileIds[2]", "DUPLICATE"),
    ]);
    // A warning, not an error: the request is built.
    let input = Input::base(CM).set("SecurityProfileIds", json!(["a", "a"]));
    assert!(connect_create_user::build_request(input.value(), &options(CM)).is_ok());
}

#[test]
fn path_quoting() {
    check(vec![
        Case::new(
            "aws:x",
            CM,
            Input::base(CM).set("Tags", json!({"aws:x": "v"})),
        )
        .err(r#"Tags["aws:x"]"#, "PATTERN"),
        Case::new(
            "quote in key",
            CM,
            Input::base(CM).set("Tags", json!({"a\"b": 1})),
        )
        .err(r#"Tags["a\"b"]"#, "PATTERN")
        .err(r#"Tags["a\"b"]"#, "TYPE"),
        Case::new(
            "backslash",
            CM,
            Input::base(CM).set("Tags", json!({"a\\b": "v"})),
        )
        .err(r#"Tags["a\\b"]"#, "PATTERN"),
        Case::new(
            "newline",
            CM,
            Input::base(CM).set("Tags", json!({"a\nb": "v"})),
        )
        .err(r#"Tags["a\nb"]"#, "PATTERN"),
        Case::new(
            "control",
            CM,
            Input::base(CM).set("Tags", json!({"a\u{1}": "v"})),
        )
        .err(r#"Tags["a\u0001"]"#, "PATTERN"),
        Case::new(
            "non-ASCII kept",
            CM,
            Input::base(CM).set("Tags", json!({"é": 1})),
        )
        .err("Tags[\"é\"]", "TYPE"),
        Case::new(
            "dots and brackets",
            CM,
            Input::base(CM).set("Tags", json!({"a.b[0]": 1})),
        )
        .err(r#"Tags["a.b[0]"]"#, "PATTERN")
        .err(r#"Tags["a.b[0]"]"#, "TYPE"),
        Case::new(
            "empty key",
            CM,
            Input::base(CM).set("Tags", json!({"": "v"})),
        )
        .err(r#"Tags[""]"#, "TOO_SHORT"),
    ]);
}

#[test]
fn stable_order_model_then_unknown_in_input_order() {
    // Members given in reverse model order, with unknown members among them.
    let text = r#"{
        "Zeta": 1,
        "Tags": {"aws:b": "x", "ok": 5, "aws:a": "y"},
        "VoiceEnhancementConfigs": [{"Channel": "CHAT", "VoiceEnhancementMode": "NONE"}],
        "PersistentConnectionConfigs": [{"Channel": "VOICE"}],
        "PhoneNumberConfigs": [{"Channel": "VOICE", "PhoneType": "DESK_PHONE"}],
        "Alpha": 2,
        "AfterContactWorkConfigs": [{"Channel": "VOICE", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": -1}}],
        "AutoAcceptConfigs": [null, {"Channel": "X", "AutoAccept": true}, 3],
        "InstanceId": "",
        "HierarchyGroupId": 7,
        "RoutingProfileId": [],
        "SecurityProfileIds": ["a", 1, "a"],
        "DirectoryUserId": "d",
        "PhoneConfig": {"PersistentConnection": "x", "PhoneType": "bad"},
        "IdentityInfo": {"Mobile": "5", "Email": "e", "LastName": "L", "FirstName": "Jose\u0301"},
        "Password": "abc",
        "Username": "a b",
        "Beta": {"x": 1}
    }"#;
    let input = json::parse(text).unwrap();
    let r = validate(&input, &Options::from_mode_name(Some(CM)));
    let want_errors = [
        ("Username", "PATTERN"),
        ("Password", "TOO_SHORT"),
        ("Password", "PATTERN"),
        ("IdentityInfo.FirstName", "NOT_NFC"),
        ("IdentityInfo.Email", "PATTERN"),
        ("IdentityInfo.Mobile", "PATTERN"),
        ("PhoneConfig.PhoneType", "ENUM"),
        ("PhoneConfig.PhoneType", "CONFLICT"),
        ("PhoneConfig.PersistentConnection", "TYPE"),
        ("PhoneConfig.PersistentConnection", "CONFLICT"),
        ("SecurityProfileIds[1]", "TYPE"),
        ("RoutingProfileId", "TYPE"),
        ("HierarchyGroupId", "TYPE"),
        ("InstanceId", "REQUIRED"),
        ("AutoAcceptConfigs[0]", "REQUIRED"),
        ("AutoAcceptConfigs[1].Channel", "ENUM"),
        ("AutoAcceptConfigs[2]", "TYPE"),
        (
            "AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit",
            "OUT_OF_RANGE",
        ),
        ("PhoneNumberConfigs[0].PhoneNumber", "REQUIRED"),
        (
            "PersistentConnectionConfigs[0].PersistentConnection",
            "REQUIRED",
        ),
        ("VoiceEnhancementConfigs[0].Channel", "CHANNEL_NOT_ALLOWED"),
        (r#"Tags["aws:b"]"#, "PATTERN"),
        (r#"Tags["ok"]"#, "TYPE"),
        (r#"Tags["aws:a"]"#, "PATTERN"),
        ("Zeta", "UNKNOWN_FIELD"),
        ("Alpha", "UNKNOWN_FIELD"),
        ("Beta", "UNKNOWN_FIELD"),
    ];
    let want_warnings = [
        ("PhoneConfig", "PREFER_CHANNEL_CONFIG"),
        ("DirectoryUserId", "NOT_APPLICABLE"),
        ("SecurityProfileIds[2]", "DUPLICATE"),
    ];
    let owned = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(p, c)| (p.to_string(), c.to_string()))
            .collect()
    };
    assert_eq!(pairs(&r.errors), owned(&want_errors));
    assert_eq!(pairs(&r.warnings), owned(&want_warnings));
    // The same input, again: the same report.
    assert_eq!(r, validate(&input, &Options::from_mode_name(Some(CM))));
}

fn flood(n_items: usize) -> Input {
    // One TOO_MANY at the list, then one REQUIRED per null item.
    Input::base(CM).set(
        "SecurityProfileIds",
        json!(vec![serde_json::Value::Null; n_items]),
    )
}

#[test]
fn cap_at_100_errors_with_truncated_warning() {
    // 99 items: 1 + 99 = 100 errors, nothing left out.
    let r = report(CM, flood(99));
    assert_eq!(r.errors.len(), 100);
    assert!(r.warnings.iter().all(|w| w.code != Code::Truncated));

    // 100 items: 101 errors, one left out.
    let r = report(CM, flood(100));
    assert_eq!(r.errors.len(), 100);
    assert_eq!(r.errors[0].code, Code::TooMany);
    assert_eq!(r.errors[99].path, "SecurityProfileIds[98]");
    assert_eq!(
        pairs(&r.warnings),
        vec![(String::new(), "TRUNCATED".to_string())]
    );
    assert!(
        r.warnings[0].message.contains("1 more error"),
        "{}",
        r.warnings[0].message
    );

    // 250 items: 251 errors, 151 left out; the ones listed are the first, in order.
    let r = report(CM, flood(250));
    assert_eq!(r.errors.len(), 100);
    for (i, e) in r.errors.iter().enumerate().skip(1) {
        assert_eq!(e.path, format!("SecurityProfileIds[{}]", i - 1));
        assert_eq!(e.code, Code::Required);
    }
    let last = r.warnings.last().unwrap();
    assert_eq!((last.path.as_str(), last.code), ("", Code::Truncated));
    assert!(last.message.contains("151"), "{}", last.message);
    assert_eq!(r.warnings.len(), 1);

    // Without a mode: MODE_UNKNOWN first, TRUNCATED last.
    let r = report(NONE, flood(250).del("Password").del("IdentityInfo"));
    assert_eq!(r.errors.len(), 100);
    assert_eq!(r.warnings.len(), 2);
    assert_eq!(r.warnings[0].code, Code::ModeUnknown);
    assert_eq!(r.warnings[1].code, Code::Truncated);
    assert!(r.warnings[1].message.contains("151"));
}

#[test]
fn cap_at_100_warnings() {
    // 150 copies of one id: TOO_MANY, and 149 DUPLICATE warnings of which 100 are listed.
    let ids = json!(vec!["sp"; 150]);
    let r = report(CM, Input::base(CM).set("SecurityProfileIds", ids));
    assert_eq!(
        pairs(&r.errors),
        vec![("SecurityProfileIds".to_string(), "TOO_MANY".to_string())]
    );
    assert_eq!(r.warnings.len(), 101);
    assert!(r.warnings[..100].iter().all(|w| w.code == Code::Duplicate));
    assert_eq!(r.warnings[0].path, "SecurityProfileIds[1]");
    assert_eq!(r.warnings[99].path, "SecurityProfileIds[100]");
    let last = &r.warnings[100];
    assert_eq!((last.path.as_str(), last.code), ("", Code::Truncated));
    assert!(last.message.contains("49 more warning"), "{}", last.message);

    // Both capped: the message counts both.
    let mut ids: Vec<serde_json::Value> = vec![json!("sp"); 150];
    ids.extend(vec![json!(null); 150]);
    let r = report(CM, Input::base(CM).set("SecurityProfileIds", json!(ids)));
    assert_eq!(r.errors.len(), 100);
    assert_eq!(r.warnings.len(), 101);
    let last = &r.warnings[100];
    assert_eq!(last.code, Code::Truncated);
    // 1 TOO_MANY + 150 REQUIRED = 151 errors (51 left out); 149 duplicates (49 left out).
    assert!(last.message.contains("51 more error"), "{}", last.message);
    assert!(last.message.contains("49 more warning"), "{}", last.message);
}

#[test]
fn cap_counts_errors_from_many_members() {
    // 60 bad tags and 60 bad security profile ids: 2 TOO_MANY + 120 item errors.
    let mut tags = serde_json::Map::new();
    for i in 0..60 {
        tags.insert(format!("aws:{i}"), json!("v"));
    }
    let r = report(
        CM,
        Input::base(CM)
            .set("SecurityProfileIds", json!(vec![1; 60]))
            .set("Tags", serde_json::Value::Object(tags)),
    );
    assert_eq!(r.errors.len(), 100);
    assert_eq!(r.errors[0].path, "SecurityProfileIds");
    assert_eq!(r.errors[1].path, "SecurityProfileIds[0]");
    assert_eq!(r.errors[61].path, "Tags");
    assert_eq!(r.errors[62].path, r#"Tags["aws:0"]"#);
    let last = r.warnings.last().unwrap();
    assert_eq!(last.code, Code::Truncated);
    assert!(last.message.contains("22"), "{}", last.message);
}
