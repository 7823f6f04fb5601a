//! Lengths, sizes and ranges: both sides of every bound, counted in code points.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use serde_json::json;

/// A 4-byte character (U+1F600) that is NFC and has no form of its own: one code point, two
/// UTF-16 units, four UTF-8 bytes.
const EMOJI: &str = "😀";
/// A 4-byte letter (U+20000, category Lo): valid in a tag key.
const WIDE_LETTER: &str = "𠀀";

#[test]
fn username_max_length_by_mode() {
    let mut cases = Vec::new();
    for (mode, limit) in [(CM, 20), (ED, 20), (SAML, 64), (NONE, 100), (BOGUS, 100)] {
        cases.push(Case::new(
            format!("{limit} chars"),
            mode,
            Input::base(mode).set("Username", json!(rep("a", limit))),
        ));
        cases.push(
            Case::new(
                format!("{} chars", limit + 1),
                mode,
                Input::base(mode).set("Username", json!(rep("a", limit + 1))),
            )
            .err("Username", "TOO_LONG")
            .says("Username", "TOO_LONG", limit.to_string()),
        );
    }
    check(cases);
}

#[test]
fn username_over_model_and_mode_limit_gives_one_too_long_naming_the_tighter_bound() {
    let mut cases = Vec::new();
    for (mode, limit) in [(CM, "20"), (ED, "20"), (SAML, "64")] {
        for len in [101, 150, 5000] {
            cases.push(
                Case::new(
                    format!("{len} chars"),
                    mode,
                    Input::base(mode).set("Username", json!(rep("b", len))),
                )
                .err("Username", "TOO_LONG")
                .says("Username", "TOO_LONG", limit)
                .not_says("Username", "TOO_LONG", "100"),
            );
        }
    }
    check(cases);
}

#[test]
fn username_length_counts_code_points() {
    // 20 emoji are 20 characters: not TOO_LONG in CONNECT_MANAGED, only a PATTERN (charset).
    check(vec![
        Case::new(
            "20 emoji",
            CM,
            Input::base(CM).set("Username", json!(rep(EMOJI, 20))),
        )
        .err("Username", "PATTERN"),
        Case::new(
            "21 emoji",
            CM,
            Input::base(CM).set("Username", json!(rep(EMOJI, 21))),
        )
        .err("Username", "TOO_LONG")
        .err("Username", "PATTERN"),
        Case::new(
            "64 emoji",
            SAML,
            Input::base(SAML).set("Username", json!(rep(EMOJI, 64))),
        )
        .err("Username", "PATTERN"),
        Case::new(
            "65 emoji",
            SAML,
            Input::base(SAML).set("Username", json!(rep(EMOJI, 65))),
        )
        .err("Username", "TOO_LONG")
        .err("Username", "PATTERN"),
    ]);
}

#[test]
fn last_name_max_length_by_mode() {
    let mut cases = Vec::new();
    for (mode, limit) in [(CM, 256), (SAML, 300), (ED, 300), (NONE, 300), (BOGUS, 300)] {
        for ch in ["a", EMOJI] {
            cases.push(Case::new(
                format!("{limit} x {ch}"),
                mode,
                Input::base(mode).set("IdentityInfo.LastName", json!(rep(ch, limit))),
            ));
            cases.push(
                Case::new(
                    format!("{} x {ch}", limit + 1),
                    mode,
                    Input::base(mode).set("IdentityInfo.LastName", json!(rep(ch, limit + 1))),
                )
                .err("IdentityInfo.LastName", "TOO_LONG")
                .says("IdentityInfo.LastName", "TOO_LONG", limit.to_string()),
            );
        }
    }
    check(cases);
}

#[test]
fn first_name_max_length() {
    let mut cases = Vec::new();
    for mode in MODES {
        for ch in ["a", EMOJI, "é"] {
            cases.push(Case::new(
                format!("255 x {ch}"),
                mode,
                Input::base(mode).set("IdentityInfo.FirstName", json!(rep(ch, 255))),
            ));
            cases.push(
                Case::new(
                    format!("256 x {ch}"),
                    mode,
                    Input::base(mode).set("IdentityInfo.FirstName", json!(rep(ch, 256))),
                )
                .err("IdentityInfo.FirstName", "TOO_LONG")
                .says("IdentityInfo.FirstName", "TOO_LONG", "255"),
            );
        }
    }
    // A 20-emoji first name is 20 characters, not 40: nowhere near a bound, and valid.
    cases.push(Case::new(
        "20 emoji",
        CM,
        Input::base(CM).set("IdentityInfo.FirstName", json!(rep(EMOJI, 20))),
    ));
    check(cases);
}

/// A well-formed email address of exactly `len` characters.
fn email_of(len: usize) -> String {
    let domain = "@example.com";
    format!("{}{domain}", rep("a", len - domain.len()))
}

#[test]
fn email_max_length() {
    let mut cases = Vec::new();
    for (mode, member) in [
        (CM, "IdentityInfo.Email"),
        (ED, "IdentityInfo.Email"),
        (NONE, "IdentityInfo.Email"),
        (CM, "IdentityInfo.SecondaryEmail"),
        (SAML, "IdentityInfo.SecondaryEmail"),
        (NONE, "IdentityInfo.SecondaryEmail"),
    ] {
        assert_eq!(email_of(265).chars().count(), 265);
        cases.push(Case::new(
            format!("{member} 265"),
            mode,
            Input::base(mode).set(member, json!(email_of(265))),
        ));
        cases.push(
            Case::new(
                format!("{member} 266"),
                mode,
                Input::base(mode).set(member, json!(email_of(266))),
            )
            .err(member, "TOO_LONG")
            .says(member, "TOO_LONG", "265"),
        );
    }
    check(cases);
}

#[test]
fn instance_id_length() {
    let mut cases = Vec::new();
    for mode in MODES {
        for ch in ["i", EMOJI] {
            cases.push(Case::new(
                format!("100 x {ch}"),
                mode,
                Input::base(mode).set("InstanceId", json!(rep(ch, 100))),
            ));
            cases.push(
                Case::new(
                    format!("101 x {ch}"),
                    mode,
                    Input::base(mode).set("InstanceId", json!(rep(ch, 101))),
                )
                .err("InstanceId", "TOO_LONG")
                .says("InstanceId", "TOO_LONG", "100"),
            );
        }
        cases.push(Case::new(
            "1 char",
            mode,
            Input::base(mode).set("InstanceId", json!("i")),
        ));
        cases.push(
            Case::new(
                "empty",
                mode,
                Input::base(mode).set("InstanceId", json!("")),
            )
            .err("InstanceId", "REQUIRED"),
        );
    }
    check(cases);
}

#[test]
fn tag_key_length() {
    let mut cases = Vec::new();
    for ch in ["k", WIDE_LETTER] {
        let ok = rep(ch, 128);
        let long = rep(ch, 129);
        cases.push(Case::new(
            format!("128 x {ch}"),
            CM,
            Input::base(CM).set("Tags", json!({ ok.clone(): "v" })),
        ));
        cases.push(
            Case::new(
                format!("129 x {ch}"),
                CM,
                Input::base(CM).set("Tags", json!({ long.clone(): "v" })),
            )
            .err(tag_path(&long), "TOO_LONG")
            .says(tag_path(&long), "TOO_LONG", "128")
            .says(tag_path(&long), "TOO_LONG", "key"),
        );
    }
    cases.push(Case::new(
        "1 char",
        CM,
        Input::base(CM).set("Tags", json!({"k": "v"})),
    ));
    cases.push(
        Case::new(
            "empty key",
            CM,
            Input::base(CM).set("Tags", json!({"": "v"})),
        )
        .err(r#"Tags[""]"#, "TOO_SHORT"),
    );
    check(cases);
}

#[test]
fn tag_value_length() {
    let mut cases = Vec::new();
    for ch in ["v", EMOJI] {
        cases.push(Case::new(
            format!("256 x {ch}"),
            NONE,
            Input::base(NONE).set("Tags", json!({"team": rep(ch, 256)})),
        ));
        cases.push(
            Case::new(
                format!("257 x {ch}"),
                NONE,
                Input::base(NONE).set("Tags", json!({"team": rep(ch, 257)})),
            )
            .err(r#"Tags["team"]"#, "TOO_LONG")
            .says(r#"Tags["team"]"#, "TOO_LONG", "256")
            .says(r#"Tags["team"]"#, "TOO_LONG", "value"),
        );
    }
    cases.push(Case::new(
        "empty value is a real value",
        NONE,
        Input::base(NONE).set("Tags", json!({"team": ""})),
    ));
    check(cases);
}

fn tags(n: usize) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    for i in 0..n {
        m.insert(format!("key{i}"), json!(format!("v{i}")));
    }
    serde_json::Value::Object(m)
}

#[test]
fn tags_count() {
    check(vec![
        Case::new("1 tag", SAML, Input::base(SAML).set("Tags", tags(1))),
        Case::new("50 tags", SAML, Input::base(SAML).set("Tags", tags(50))),
        Case::new("51 tags", SAML, Input::base(SAML).set("Tags", tags(51)))
            .err("Tags", "TOO_MANY")
            .says("Tags", "TOO_MANY", "50"),
        Case::new("200 tags", SAML, Input::base(SAML).set("Tags", tags(200)))
            .err("Tags", "TOO_MANY")
            .says("Tags", "TOO_MANY", "200"),
    ]);
}

fn ids(n: usize) -> serde_json::Value {
    json!((0..n).map(|i| format!("sp-{i}")).collect::<Vec<_>>())
}

#[test]
fn security_profile_ids_count() {
    let mut cases = Vec::new();
    for mode in MODES {
        cases.push(Case::new(
            "1",
            mode,
            Input::base(mode).set("SecurityProfileIds", ids(1)),
        ));
        cases.push(Case::new(
            "10",
            mode,
            Input::base(mode).set("SecurityProfileIds", ids(10)),
        ));
        cases.push(
            Case::new(
                "11",
                mode,
                Input::base(mode).set("SecurityProfileIds", ids(11)),
            )
            .err("SecurityProfileIds", "TOO_MANY")
            .says("SecurityProfileIds", "TOO_MANY", "10"),
        );
        cases.push(
            Case::new(
                "0",
                mode,
                Input::base(mode).set("SecurityProfileIds", ids(0)),
            )
            .err("SecurityProfileIds", "REQUIRED"),
        );
    }
    check(cases);
}

#[test]
fn after_contact_work_time_limit_range() {
    let places = [
        "PhoneConfig.AfterContactWorkTimeLimit",
        "AfterContactWorkConfigs.0.AfterContactWorkConfig.AfterContactWorkTimeLimit",
        "AfterContactWorkConfigs.0.AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit",
    ];
    let mut cases = Vec::new();
    for place in places {
        let input = |n: serde_json::Value| {
            let mut i = Input::base(CM);
            if place.starts_with("AfterContactWorkConfigs") {
                i = i.set(
                    "AfterContactWorkConfigs",
                    json!([{"Channel": "VOICE", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 30}}]),
                );
            }
            i.set(place, n)
        };
        let report_path = place.replace(".0.", "[0].");
        let warn = |c: Case| {
            if place.starts_with("PhoneConfig") {
                c.warn("PhoneConfig", "PREFER_CHANNEL_CONFIG")
            } else {
                c
            }
        };
        for ok in [
            json!(0),
            json!(1),
            json!(1999999),
            json!(2000000),
            json!(2e6),
        ] {
            cases.push(warn(Case::new(format!("{place} = {ok}"), CM, input(ok))));
        }
        for bad in [
            json!(2000001),
            json!(-1),
            json!(-2000000),
            json!(1e21),
            json!(9007199254740993u64),
        ] {
            cases.push(warn(
                Case::new(format!("{place} = {bad}"), CM, input(bad))
                    .err(report_path.clone(), "OUT_OF_RANGE")
                    .says(report_path.clone(), "OUT_OF_RANGE", "2,000,000"),
            ));
        }
    }
    check(cases);
}

#[test]
fn password_length() {
    let mut cases = Vec::new();
    for mode in [CM, NONE] {
        for filler in ["x", EMOJI] {
            let pw = |n: usize| json!(format!("Aa1{}", rep(filler, n - 3)));
            cases.push(
                Case::new(
                    format!("7 ({filler})"),
                    mode,
                    Input::base(mode).set("Password", pw(7)),
                )
                .err("Password", "TOO_SHORT")
                .says("Password", "TOO_SHORT", "8"),
            );
            cases.push(Case::new(
                format!("8 ({filler})"),
                mode,
                Input::base(mode).set("Password", pw(8)),
            ));
            cases.push(Case::new(
                format!("64 ({filler})"),
                mode,
                Input::base(mode).set("Password", pw(64)),
            ));
            cases.push(
                Case::new(
                    format!("65 ({filler})"),
                    mode,
                    Input::base(mode).set("Password", pw(65)),
                )
                .err("Password", "TOO_LONG")
                .says("Password", "TOO_LONG", "64"),
            );
        }
    }
    check(cases);
}

#[test]
fn too_long_and_malformed_gets_too_long_then_pattern() {
    let decomposed = "e\u{301}";
    check(vec![
        Case::new(
            "username 101, with a space",
            NONE,
            Input::base(NONE).set("Username", json!(format!("{} x", rep("a", 99)))),
        )
        .err("Username", "TOO_LONG")
        .err("Username", "PATTERN"),
        Case::new(
            "email 266, no @",
            CM,
            Input::base(CM).set("IdentityInfo.Email", json!(rep("a", 266))),
        )
        .err("IdentityInfo.Email", "TOO_LONG")
        .err("IdentityInfo.Email", "PATTERN"),
        Case::new(
            "secondary email 300, bad top level",
            SAML,
            Input::base(SAML).set(
                "IdentityInfo.SecondaryEmail",
                json!(format!("{}@example.c", rep("a", 290))),
            ),
        )
        .err("IdentityInfo.SecondaryEmail", "TOO_LONG")
        .err("IdentityInfo.SecondaryEmail", "PATTERN"),
        Case::new(
            "first name 256, decomposed",
            SAML,
            Input::base(SAML).set("IdentityInfo.FirstName", json!(rep(decomposed, 128))),
        )
        .err("IdentityInfo.FirstName", "TOO_LONG")
        .err("IdentityInfo.FirstName", "NOT_NFC"),
        Case::new(
            "last name 257 in CM, decomposed",
            CM,
            Input::base(CM).set(
                "IdentityInfo.LastName",
                json!(format!("{}{decomposed}", rep("a", 255))),
            ),
        )
        .err("IdentityInfo.LastName", "TOO_LONG")
        .err("IdentityInfo.LastName", "NOT_NFC"),
        Case::new(
            "password 65, all lower-case",
            CM,
            Input::base(CM).set("Password", json!(rep("a", 65))),
        )
        .err("Password", "TOO_LONG")
        .err("Password", "PATTERN"),
        Case::new(
            "tag key 129 with aws: prefix",
            CM,
            Input::base(CM).set("Tags", json!({ format!("aws:{}", rep("a", 125)): "v" })),
        )
        .err(tag_path(&format!("aws:{}", rep("a", 125))), "TOO_LONG")
        .err(tag_path(&format!("aws:{}", rep("a", 125))), "PATTERN"),
        Case::new(
            "tag key 130 with a bad last character",
            CM,
            Input::base(CM).set("Tags", json!({ format!("{}!", rep("a", 129)): "v" })),
        )
        .err(tag_path(&format!("{}!", rep("a", 129))), "TOO_LONG")
        .err(tag_path(&format!("{}!", rep("a", 129))), "PATTERN"),
    ]);
}
