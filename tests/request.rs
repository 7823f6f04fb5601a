//! Building the CreateUser request: method, percent-encoded path, compact JSON body of the present
//! members in the model's order, values exactly as given; and building fails exactly when the
//! input is invalid.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use connect_create_user::{build_request, json, validate, HttpRequest, Options};
use serde_json::{json, Value as J};

fn build(mode: &str, input: impl IntoInput) -> HttpRequest {
    let v = input.into_input();
    build_request(&v, &options(mode))
        .map_err(|e| pairs(&e.0.errors))
        .expect("a valid input is built")
}

/// The reference encoding: every UTF-8 byte outside `A–Z a–z 0–9 - . _ ~` as upper-case `%XX`.
fn reference_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[test]
fn method_and_content_type() {
    for mode in MODES {
        let r = build(mode, Input::base(mode));
        assert_eq!(r.method, "PUT");
        assert_eq!(r.content_type, "application/json");
        assert_eq!(r.path, "/users/inst-1");
    }
}

#[test]
fn path_percent_encoding() {
    let table = [
        ("a b/c", "/users/a%20b%2Fc"),
        ("inst-1", "/users/inst-1"),
        (
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~",
            "/users/ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~",
        ),
        ("é", "/users/%C3%A9"),
        ("😀", "/users/%F0%9F%98%80"),
        ("日本", "/users/%E6%97%A5%E6%9C%AC"),
        ("%", "/users/%25"),
        ("%2F", "/users/%252F"),
        ("+", "/users/%2B"),
        ("a:b", "/users/a%3Ab"),
        (
            "?#[]@!$&'()*,;=",
            "/users/%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2C%3B%3D",
        ),
        ("..", "/users/.."),
        ("\"<>\\^`{|}", "/users/%22%3C%3E%5C%5E%60%7B%7C%7D"),
        ("\n\t\u{7f}", "/users/%0A%09%7F"),
        ("\u{FFFD}", "/users/%EF%BF%BD"),
        (" ", "/users/%20"),
    ];
    for (id, path) in table {
        let r = build(ED, Input::base(ED).set("InstanceId", json!(id)));
        assert_eq!(r.path, path, "{id:?}");
        assert_eq!(r.path, format!("/users/{}", reference_encode(id)));
    }
    // Every ASCII character on its own, and a few beyond.
    let escapes = regex::Regex::new(r"^(?:[A-Za-z0-9._~-]|%[0-9A-F]{2})*$").unwrap();
    for c in (1u32..0x80).chain([0xA0, 0xFF, 0x100, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF]) {
        let c = char::from_u32(c).unwrap();
        let id = format!("x{c}y");
        let r = build(ED, Input::base(ED).set("InstanceId", json!(id)));
        assert_eq!(
            r.path,
            format!("/users/{}", reference_encode(&id)),
            "U+{:04X}",
            c as u32
        );
        // Every escape is `%` and two upper-case hex digits.
        assert!(escapes.is_match(&r.path[7..]), "{}", r.path);
        let unreserved = c.is_ascii_alphanumeric() || "-._~".contains(c);
        assert_eq!(r.path == format!("/users/{id}"), unreserved, "{:?}", c);
    }
}

#[test]
fn path_from_json_text_lone_surrogate_is_replacement_character() {
    let text = r#"{"Username":"jdoe","SecurityProfileIds":["sp-1"],"RoutingProfileId":"rp-1","InstanceId":"a\ud800b"}"#;
    let input = json::parse(text).unwrap();
    let r = build_request(&input, &Options::default()).unwrap();
    assert_eq!(r.path, "/users/a%EF%BF%BDb");
}

/// A valid CONNECT_MANAGED input with every member the lists allow, given in reverse model order
/// (nested members too), with values that must not be touched.
fn full_input_text() -> &'static str {
    r#"{
        "Tags": {"zeta": "1", "alpha": "", "Mid Key": "  spaced  ", "é": "😀"},
        "VoiceEnhancementConfigs": [{"VoiceEnhancementMode": "NOISE_SUPPRESSION", "Channel": "VOICE"}],
        "PersistentConnectionConfigs": [{"PersistentConnection": false, "Channel": "VOICE"}],
        "PhoneNumberConfigs": [{"PhoneNumber": "+12065550100", "PhoneType": "DESK_PHONE", "Channel": "VOICE"}],
        "AfterContactWorkConfigs": [
            {"AgentFirstCallbackAfterContactWorkConfig": {"AfterContactWorkTimeLimit": 0},
             "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 2000000}, "Channel": "VOICE"},
            {"AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 5}, "Channel": "CHAT"}
        ],
        "AutoAcceptConfigs": [
            {"AgentFirstCallbackAutoAccept": false, "AutoAccept": true, "Channel": "VOICE"},
            {"AutoAccept": false, "Channel": "EMAIL"}
        ],
        "InstanceId": "a b/c",
        "HierarchyGroupId": " ",
        "RoutingProfileId": "rp \"1\" \\ \t\n\u0001 \u2028 é",
        "SecurityProfileIds": ["sp-2", "sp-1", "sp-2"],
        "DirectoryUserId": "d-1",
        "IdentityInfo": {"Mobile": "+447700900123", "SecondaryEmail": "j@x.io",
                         "Email": "Jane.Doe@Example.com", "LastName": "  Doe ", "FirstName": "Zoë 😀"},
        "Password": "Secr3t\"Pass\\",
        "Username": "jdoe"
    }"#
}

#[test]
fn body_members_in_model_order_values_as_given() {
    let input = json::parse(full_input_text()).unwrap();
    let report = validate(&input, &options(CM));
    assert!(report.is_valid(), "{:?}", report.errors);
    let r = build(CM, input);
    assert_eq!(r.path, "/users/a%20b%2Fc");
    let expected = json!({
        "Username": "jdoe",
        "Password": "Secr3t\"Pass\\",
        "IdentityInfo": {"FirstName": "Zoë 😀", "LastName": "  Doe ", "Email": "Jane.Doe@Example.com",
                         "SecondaryEmail": "j@x.io", "Mobile": "+447700900123"},
        "DirectoryUserId": "d-1",
        "SecurityProfileIds": ["sp-2", "sp-1", "sp-2"],
        "RoutingProfileId": "rp \"1\" \\ \t\n\u{1} \u{2028} é",
        "HierarchyGroupId": " ",
        "AutoAcceptConfigs": [
            {"Channel": "VOICE", "AutoAccept": true, "AgentFirstCallbackAutoAccept": false},
            {"Channel": "EMAIL", "AutoAccept": false}
        ],
        "AfterContactWorkConfigs": [
            {"Channel": "VOICE", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 2000000},
             "AgentFirstCallbackAfterContactWorkConfig": {"AfterContactWorkTimeLimit": 0}},
            {"Channel": "CHAT", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 5}}
        ],
        "PhoneNumberConfigs": [{"Channel": "VOICE", "PhoneType": "DESK_PHONE", "PhoneNumber": "+12065550100"}],
        "PersistentConnectionConfigs": [{"Channel": "VOICE", "PersistentConnection": false}],
        "VoiceEnhancementConfigs": [{"Channel": "VOICE", "VoiceEnhancementMode": "NOISE_SUPPRESSION"}],
        "Tags": {"zeta": "1", "alpha": "", "Mid Key": "  spaced  ", "é": "😀"}
    });
    let body: J = serde_json::from_str(&r.body).unwrap();
    assert_eq!(body, expected);
    // Order (serde_json keeps it, with preserve_order) and compactness: the exact text.
    assert_eq!(r.body, serde_json::to_string(&expected).unwrap());
    assert_eq!(r.body, serde_json::to_string(&body).unwrap());
    assert!(!r.body.contains("InstanceId"));
}

#[test]
fn body_leaves_out_absent_members_and_instance_id() {
    let input = Input::base(CM)
        .set("HierarchyGroupId", json!(""))
        .set("DirectoryUserId", json!(null))
        .set("Tags", json!({}))
        .set("AutoAcceptConfigs", json!([]))
        .set("IdentityInfo.Mobile", json!(""))
        .set("IdentityInfo.SecondaryEmail", json!(null))
        .set(
            "PhoneConfig",
            json!({"PhoneType": "SOFT_PHONE", "DeskPhoneNumber": "", "AutoAccept": null,
                                   "AfterContactWorkTimeLimit": 0, "Unknown": null}),
        )
        .set("Unknown", json!(null))
        .set("VoiceEnhancementConfigs", json!(null));
    let r = build(CM, input);
    let expected = json!({
        "Username": "jdoe",
        "Password": "Secr3tPass",
        "IdentityInfo": {"FirstName": "Jane", "LastName": "Doe", "Email": "jane@example.com"},
        "PhoneConfig": {"PhoneType": "SOFT_PHONE", "AfterContactWorkTimeLimit": 0},
        "SecurityProfileIds": ["sp-1"],
        "RoutingProfileId": "rp-1"
    });
    assert_eq!(r.body, serde_json::to_string(&expected).unwrap());

    // Absent nested objects are left out too.
    let input = Input::base(SAML).set(
        "AfterContactWorkConfigs",
        json!([{"Channel": "CHAT", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 9},
                "AgentFirstCallbackAfterContactWorkConfig": {}}]),
    );
    let body: J = serde_json::from_str(&build(SAML, input).body).unwrap();
    assert_eq!(
        body["AfterContactWorkConfigs"],
        json!([{"Channel": "CHAT", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 9}}])
    );
    // An absent IdentityInfo is left out whole.
    let body: J = serde_json::from_str(
        &build(
            ED,
            Input::base(ED).set("IdentityInfo", json!({"FirstName": ""})),
        )
        .body,
    )
    .unwrap();
    assert!(body.get("IdentityInfo").is_none());
    assert_eq!(
        body,
        json!({"Username": "jdoe", "SecurityProfileIds": ["sp-1"], "RoutingProfileId": "rp-1"})
    );
}

#[test]
fn body_numbers_as_json_stringify_writes_them() {
    for (text, written) in [
        ("0", "0"),
        ("-0", "0"),
        ("-0.0", "0"),
        ("2e6", "2000000"),
        ("1.5e3", "1500"),
        ("30.0", "30"),
        ("2000000", "2000000"),
    ] {
        let t = format!(
            r#"{{"Username":"jdoe","SecurityProfileIds":["sp-1"],"RoutingProfileId":"rp-1","InstanceId":"i",
                "PhoneConfig":{{"AfterContactWorkTimeLimit":{text}}}}}"#
        );
        let r = build(ED, json::parse(&t).unwrap());
        assert!(
            r.body.contains(&format!(
                r#""PhoneConfig":{{"AfterContactWorkTimeLimit":{written}}}"#
            )),
            "{text}: {}",
            r.body
        );
    }
}

#[test]
fn body_tags_in_input_order_and_repeated_keys() {
    let input = Input::base(NONE).set("Tags", json!({"b": "2", "a": "1", "c": "", "A": "x"}));
    let r = build(NONE, input);
    assert!(
        r.body
            .ends_with(r#""Tags":{"b":"2","a":"1","c":"","A":"x"}}"#),
        "{}",
        r.body
    );

    // Repeated keys in JSON text: the first place, the last value (as JSON.parse).
    let t = r#"{"Username":"first","Tags":{"k":"1","j":"2","k":"3"},"SecurityProfileIds":["sp-1"],
               "RoutingProfileId":"rp-1","InstanceId":"i","Username":"jdoe"}"#;
    let r = build(NONE, json::parse(t).unwrap());
    assert_eq!(
        r.body,
        r#"{"Username":"jdoe","SecurityProfileIds":["sp-1"],"RoutingProfileId":"rp-1","Tags":{"k":"3","j":"2"}}"#
    );
}

#[test]
fn body_of_each_base_input() {
    for mode in MODES {
        let base = base_json(mode);
        let r = build(mode, base.clone());
        let mut expected = base.clone();
        expected.as_object_mut().unwrap().remove("InstanceId");
        assert_eq!(
            serde_json::from_str::<J>(&r.body).unwrap(),
            expected,
            "{mode}"
        );
        assert_eq!(r.body, serde_json::to_string(&expected).unwrap(), "{mode}");
    }
}

#[test]
fn build_fails_exactly_when_invalid() {
    let inputs: Vec<(&str, Input)> = vec![
        (CM, Input::base(CM)),
        (CM, Input::base(CM).del("Password")),
        (SAML, Input::base(SAML).set("Password", json!("Secr3tPass"))),
        (NONE, Input::base(NONE).set("Password", json!("Secr3tPass"))),
        (BOGUS, Input::base(BOGUS)),
        (ED, Input::base(ED).set("Tags", json!({"aws:x": "v"}))),
        (CM, Input::base(CM).set("DirectoryUserId", json!("d"))),
        (
            CM,
            Input::base(CM).set("SecurityProfileIds", json!(["a", "a"])),
        ),
        (CM, Input::base(CM).set("Foo", json!(null))),
        (CM, Input::base(CM).set("Foo", json!(1))),
        (
            SAML,
            Input::base(SAML).set("Username", json!("alias@UserId@OrgId")),
        ),
        (
            CM,
            Input::base(CM).set("Username", json!("alias@UserId@OrgId")),
        ),
        (ED, Input(connect_create_user::Value::List(vec![]))),
    ];
    for (mode, input) in inputs {
        let report = validate(input.value(), &options(mode));
        match build_request(input.value(), &options(mode)) {
            Ok(_) => assert!(
                report.is_valid(),
                "{mode}: built though invalid: {:?}",
                report.errors
            ),
            Err(e) => {
                assert!(!report.is_valid(), "{mode}: not built though valid");
                assert_eq!(e.0, report, "the error carries the report");
                let text = e.to_string();
                assert!(text.contains(&report.errors.len().to_string()), "{text}");
                assert!(
                    text.contains(&format!("`{}`", report.errors[0].path)),
                    "{text}"
                );
            }
        }
    }
}
