//! Sensitive values (Password, FirstName, LastName, Email, SecondaryEmail, Mobile,
//! DeskPhoneNumber, PhoneNumberConfigs[i].PhoneNumber) never appear in a message, a path, or the
//! text of the build error, whatever rule they break.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use connect_create_user::{build_request, validate, Report, Value};
use proptest::prelude::*;
use serde_json::json;

/// Distinctive markers, one per sensitive member, each built into values that break its rules.
const MARKERS: [&str; 8] = [
    "Pzq7wordMarker",
    "Fzqfirstmarker",
    "Lzqlastmarker",
    "ezqemailmarker",
    "szqsecondmarker",
    "9731864205",
    "8642097531",
    "7531864209",
];

/// Inputs whose sensitive members carry the markers and break, between them, every rule a
/// sensitive member has (form, length, NFC, type, mode, conflicts, phone type rules).
fn marked_inputs() -> Vec<(&'static str, Value)> {
    let [pw, first, last, email, second, mobile, desk, phone] = MARKERS;
    let mut out = Vec::new();
    // Malformed values.
    let malformed = json!({
        "Username": "j doe",
        "Password": format!("{} {}", pw.to_lowercase(), pw),
        "IdentityInfo": {
            "FirstName": format!("{first}e\u{301}"),
            "LastName": format!("{last}{}", "x".repeat(300)),
            "Email": format!("{email}@@example"),
            "SecondaryEmail": format!("{second} at example.com"),
            "Mobile": format!("+0{mobile}")
        },
        "PhoneConfig": {"PhoneType": "DESK_PHONE", "DeskPhoneNumber": format!("{desk}"), "AutoAccept": true},
        "AutoAcceptConfigs": [{"Channel": "VOICE", "AutoAccept": true}],
        "PhoneNumberConfigs": [
            {"Channel": "CHAT", "PhoneType": "DESK_PHONE", "PhoneNumber": format!("+{phone}x")},
            {"Channel": "VOICE", "PhoneType": "SOFT_PHONE", "PhoneNumber": format!("+1{phone}")}
        ],
        "SecurityProfileIds": ["sp-1"],
        "RoutingProfileId": "rp-1",
        "InstanceId": "inst-1"
    });
    for mode in MODES {
        out.push((mode, to_value(&malformed)));
    }
    // Too long, and too short.
    let long = json!({
        "Username": "jdoe",
        "Password": format!("{pw}1{}", "y".repeat(80)),
        "IdentityInfo": {
            "FirstName": format!("{first}{}", "f".repeat(300)),
            "LastName": format!("{last}{}", "l".repeat(300)),
            "Email": format!("{email}{}@example.com", "e".repeat(300)),
            "SecondaryEmail": format!("{second}{}@example.com", "s".repeat(300)),
            "Mobile": format!("+1{mobile}{mobile}")
        },
        "PhoneConfig": {"PhoneType": "SOFT_PHONE", "DeskPhoneNumber": format!("+1{desk}")},
        "SecurityProfileIds": ["sp-1"], "RoutingProfileId": "rp-1", "InstanceId": "inst-1"
    });
    let short = json!({
        "Username": "jdoe", "Password": "Zq1", "IdentityInfo": {"FirstName": first, "LastName": last,
        "Email": format!("{email}@example.com")},
        "SecurityProfileIds": ["sp-1"], "RoutingProfileId": "rp-1", "InstanceId": "inst-1"
    });
    for mode in MODES {
        out.push((mode, to_value(&long)));
        out.push((mode, to_value(&short)));
    }
    // Valid forms that a mode forbids (SAML: Password, Email; ED: Password).
    let forbidden = json!({
        "Username": "jdoe",
        "Password": format!("{pw}1"),
        "IdentityInfo": {"FirstName": first, "LastName": last, "Email": format!("{email}@example.com"),
                         "SecondaryEmail": format!("{second}@example.com"), "Mobile": format!("+1{mobile}")},
        "DirectoryUserId": "d-1",
        "SecurityProfileIds": ["sp-1"], "RoutingProfileId": "rp-1", "InstanceId": "inst-1"
    });
    out.push((SAML, to_value(&forbidden)));
    out.push((ED, to_value(&forbidden)));
    // Wrong types holding the markers; markers under unknown (case-typo) names.
    let typed = json!({
        "Username": "jdoe",
        "Password": [pw],
        "password": pw,
        "IdentityInfo": {"FirstName": {"x": first}, "LastName": [last], "Email": [email],
                         "SecondaryEmail": {"v": second}, "Mobile": [mobile], "firstname": first,
                         "EMAIL": email},
        "PhoneConfig": {"DeskPhoneNumber": [desk], "deskPhoneNumber": desk},
        "PhoneNumberConfigs": [{"Channel": "VOICE", "PhoneType": "DESK_PHONE", "PhoneNumber": [phone],
                                "phoneNumber": phone}],
        "SecurityProfileIds": ["sp-1"], "RoutingProfileId": "rp-1", "InstanceId": "inst-1"
    });
    for mode in MODES {
        out.push((mode, to_value(&typed)));
    }
    out
}

fn assert_no_marker(report: &Report, markers: &[&str], what: &str) {
    for v in report.errors.iter().chain(&report.warnings) {
        for m in markers {
            assert!(
                !v.message.contains(m),
                "{what}: message at {} ({}) shows {m:?}: {}",
                v.path,
                v.code,
                v.message
            );
            assert!(
                !v.path.contains(m),
                "{what}: path {} ({}) shows {m:?}",
                v.path,
                v.code
            );
        }
    }
}

#[test]
fn sensitive_values_never_in_messages() {
    for (i, (mode, input)) in marked_inputs().into_iter().enumerate() {
        let what = format!("input {i} in mode {mode:?}");
        let report = validate(&input, &options(mode));
        assert!(!report.is_valid(), "{what} must be invalid");
        assert_no_marker(&report, &MARKERS, &what);
        let err = build_request(&input, &options(mode)).unwrap_err();
        let display = err.to_string();
        let debug = format!("{err:?}");
        for m in MARKERS {
            assert!(
                !display.contains(m),
                "{what}: Display shows {m:?}: {display}"
            );
            assert!(!debug.contains(m), "{what}: Debug shows {m:?}");
        }
    }
}

#[test]
fn sensitive_members_were_all_exercised() {
    // Each sensitive member got at least one error or warning somewhere above: the markers were
    // looked at, not skipped.
    let mut seen = std::collections::HashSet::new();
    for (mode, input) in marked_inputs() {
        let r = validate(&input, &options(mode));
        for v in r.errors.iter().chain(&r.warnings) {
            seen.insert(v.path.clone());
        }
    }
    for path in [
        "Password",
        "IdentityInfo.FirstName",
        "IdentityInfo.LastName",
        "IdentityInfo.Email",
        "IdentityInfo.SecondaryEmail",
        "IdentityInfo.Mobile",
        "PhoneConfig.DeskPhoneNumber",
        "PhoneNumberConfigs[0].PhoneNumber",
        "PhoneNumberConfigs[1].PhoneNumber",
    ] {
        assert!(seen.contains(path), "no violation at {path}");
    }
}

const SENSITIVE: [&str; 8] = [
    "Password",
    "IdentityInfo.FirstName",
    "IdentityInfo.LastName",
    "IdentityInfo.Email",
    "IdentityInfo.SecondaryEmail",
    "IdentityInfo.Mobile",
    "PhoneConfig.DeskPhoneNumber",
    "PhoneNumberConfigs.0.PhoneNumber",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any string in any sensitive member, in any mode: the string never shows in a message.
    #[test]
    fn random_sensitive_values_never_in_messages(
        member in prop::sample::select(SENSITIVE.to_vec()),
        mode in prop::sample::select(MODES.to_vec()),
        core in "[A-Za-z0-9@.+ ]{0,6}Zq[A-Za-z0-9]{6,10}[@. +é\u{301}]{0,4}",
    ) {
        let input = Input::base(mode)
            .set("PhoneNumberConfigs", json!([{"Channel": "VOICE", "PhoneType": "DESK_PHONE"}]))
            .set(member, json!(core));
        let report = validate(input.value(), &options(mode));
        // The distinctive middle of the value is what must never show.
        let marker = core.split("Zq").nth(1).unwrap().chars().take(6).collect::<String>();
        let marker = format!("Zq{marker}");
        assert_no_marker(&report, &[marker.as_str()], member);
        if let Err(e) = build_request(input.value(), &options(mode)) {
            prop_assert!(!e.to_string().contains(&marker));
        }
    }
}
