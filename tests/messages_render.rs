//! MESSAGES.md: every message the rules can give renders completely: no placeholder left unfilled
//! and no argument the template does not use, over inputs that reach every code of RULES.md and
//! INSTANCE.md (a strict English catalog shows both as `{`); and a locale changes the messages
//! only, never a code, path or fix value.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::collections::BTreeSet;

use common::{base_json, options, to_value, CM, ED, NONE, SAML};
use connect_create_user::messages::Message;
use connect_create_user::{validate, Batch, BatchUnit, Catalog, Instance, Options, Report};
use serde_json::{json, Value as J};

/// The base input of `mode` with the members of `changes` set.
fn with(mode: &str, changes: J) -> J {
    let mut base = base_json(mode);
    let members = base.as_object_mut().unwrap();
    members.extend(changes.as_object().unwrap().clone());
    base
}

fn context() -> J {
    json!({
        "Instance": {"IdentityManagementType": "CONNECT_MANAGED"},
        "UserSummaryList": [{"Id": "u-1", "Username": "jdoe"}, {"Id": "u-2", "Username": "Alice"}, {"Username": 3}, {}],
        "Users": 7,
        "RoutingProfileSummaryList": [
            {"Id": "rp-1", "Arn": "arn:rp-1", "Name": "Basic Routing Profile"},
            {"Id": "rp-2", "Arn": "arn:rp-2", "Name": "Sales"},
            {"Id": "rp-3", "Arn": "arn:rp-3", "Name": "Sales"}
        ],
        "SecurityProfileSummaryList": [{"Id": "sp-1", "Arn": "arn:sp-1", "Name": "Agent"}, {"Name": "NoId"}],
        "UserHierarchyGroupSummaryList": [{"Id": "hg-1", "Arn": "arn:hg-1", "Name": "North"}]
    })
}

/// Inputs (mode, input, with the instance context) that between them reach every message.
fn corpus() -> Vec<(&'static str, J, bool)> {
    let many = |n: usize, v: J| J::Array(vec![v; n]);
    let tags = |n: usize, v: J| J::Object((0..n).map(|i| (format!("k{i}"), v.clone())).collect());
    let mut out = vec![
        (NONE, json!([]), false),
        (NONE, json!("x"), false),
        (NONE, json!({}), false),
        ("bogus", json!({}), false),
        (CM, json!({}), false),
        (SAML, json!({}), false),
        (
            CM,
            with(
                CM,
                json!({"username": "x", "Foo": 1, "IdentityInfo": {"firstname": "x", "Bar": 2}}),
            ),
            false,
        ),
        (
            CM,
            with(
                CM,
                json!({"Username": 1, "Password": true, "IdentityInfo": 1, "PhoneConfig": [], "SecurityProfileIds": "x",
            "RoutingProfileId": {}, "HierarchyGroupId": [], "AutoAcceptConfigs": {}, "Tags": [], "InstanceId": 1.5}),
            ),
            false,
        ),
        (
            CM,
            with(
                CM,
                json!({"PhoneConfig": {"PhoneType": "X", "AutoAccept": "yes", "AfterContactWorkTimeLimit": 1.5}}),
            ),
            false,
        ),
        (
            CM,
            with(
                CM,
                json!({"PhoneConfig": {"PhoneType": "DESK_PHONE", "AfterContactWorkTimeLimit": 3_000_000}}),
            ),
            false,
        ),
        (
            CM,
            with(
                CM,
                json!({"PhoneConfig": {"PhoneType": "SOFT_PHONE", "DeskPhoneNumber": "12"}}),
            ),
            false,
        ),
        (
            CM,
            with(
                CM,
                json!({"InstanceId": "i".repeat(101), "Username": "u".repeat(21), "Password": "Ab1"}),
            ),
            false,
        ),
        (CM, with(CM, json!({"Password": "abcdefgh"})), false),
        (CM, with(CM, json!({"Password": "Abcdefg1 "})), false),
        (CM, with(CM, json!({"Password": "abc defgh"})), false),
        (CM, with(CM, json!({"Username": "a b"})), false),
        (NONE, with(NONE, json!({"Username": "a@b"})), false),
        (
            SAML,
            with(
                SAML,
                json!({"Username": "a@b@c", "Password": "x", "IdentityInfo": {"FirstName": "e\u{301}", "LastName": "x", "Email": "bad"}}),
            ),
            false,
        ),
        (
            CM,
            with(
                CM,
                json!({"IdentityInfo": {"FirstName": "Jane", "LastName": "Doe", "Email": "bad", "SecondaryEmail": "x", "Mobile": "123"}, "DirectoryUserId": "d"}),
            ),
            false,
        ),
        (SAML, with(SAML, json!({"DirectoryUserId": "d"})), false),
        (ED, with(ED, json!({"Username": "u".repeat(21)})), false),
        (
            CM,
            with(
                CM,
                json!({"SecurityProfileIds": ["a", "a", "", 1, null, "b", "c", "d", "e", "f", "g", "h", "i"]}),
            ),
            false,
        ),
        (
            CM,
            with(CM, json!({"SecurityProfileIds": many(10_001, json!("a"))})),
            false,
        ),
        (
            CM,
            with(
                CM,
                json!({"AutoAcceptConfigs": many(10_001, json!({"Channel": "VOICE", "AutoAccept": true}))}),
            ),
            false,
        ),
        (
            CM,
            with(
                CM,
                json!({"AutoAcceptConfigs": [{}, 1, {"Channel": "VOICE", "AutoAccept": true}, {"Channel": "VOICE", "AutoAccept": true},
            {"Channel": "CHAT", "AutoAccept": true, "AgentFirstCallbackAutoAccept": true}]}),
            ),
            false,
        ),
        (
            CM,
            with(
                CM,
                json!({"PhoneConfig": {"PhoneType": "SOFT_PHONE", "AutoAccept": true}, "AutoAcceptConfigs": [{"Channel": "VOICE", "AutoAccept": true}],
            "PhoneNumberConfigs": [{"Channel": "CHAT", "PhoneType": "SOFT_PHONE", "PhoneNumber": "+12065550100"}]}),
            ),
            false,
        ),
        (
            CM,
            with(
                CM,
                json!({"Tags": {"": "x", "aws:x": "x", "a\u{0}": "x", "aws:\u{0}": "x", "k": 1, "v": "x".repeat(257), &"k".repeat(129): "x"}}),
            ),
            false,
        ),
        (CM, with(CM, json!({"Tags": tags(51, json!("x"))})), false),
        (CM, with(CM, json!({"Tags": tags(101, json!(1))})), false),
        (CM, with(CM, json!({"Tags": tags(150, json!(1))})), false),
        (
            CM,
            with(
                CM,
                json!({"Tags": tags(150, json!(1)), "SecurityProfileIds": many(300, json!("a"))}),
            ),
            false,
        ),
        (
            CM,
            with(
                CM,
                json!({"Tags": tags(150, json!(1)), "SecurityProfileIds": many(20_000, json!("a"))}),
            ),
            false,
        ),
        (
            CM,
            with(CM, json!({"SecurityProfileIds": many(20_000, json!("a"))})),
            false,
        ),
        (
            CM,
            with(CM, json!({"SecurityProfileIds": many(102, json!("a"))})),
            false,
        ),
        (CM, with(CM, json!({"Username": "jdoe"})), true),
        (CM, with(CM, json!({"Username": "JDOE"})), true),
        (
            CM,
            with(
                CM,
                json!({"RoutingProfileId": "arn:rp-1", "SecurityProfileIds": ["Agent", "agent", "sp-9"], "HierarchyGroupId": "Nort"}),
            ),
            true,
        ),
        (
            CM,
            with(
                CM,
                json!({"RoutingProfileId": "Sales", "HierarchyGroupId": "nowhere-at-all"}),
            ),
            true,
        ),
        (
            CM,
            with(CM, json!({"RoutingProfileId": "basic routing profile"})),
            true,
        ),
    ];
    out.push((NONE, with(CM, json!({})), true));
    out
}

/// Every message and fix label of a report.
fn texts(r: &Report) -> Vec<String> {
    r.errors
        .iter()
        .chain(&r.warnings)
        .flat_map(|v| {
            std::iter::once(v.message.clone()).chain(v.fix.as_ref().and_then(|f| f.label.clone()))
        })
        .collect()
}

fn run(catalog: &Catalog, contexts: &[Instance]) -> (Vec<Report>, BTreeSet<&'static str>) {
    let mut reports = Vec::new();
    for (mode, input, with_context) in corpus() {
        let base = options(mode).with_locale(catalog);
        let opts: Options<'_> = if with_context {
            base.with_instance(&contexts[0])
        } else {
            base
        };
        reports.push(validate(&to_value(&input), &opts));
    }
    // Malformed contexts: INSTANCE_IGNORED of every kind.
    for context in &contexts[1..] {
        let opts = options(CM).with_locale(catalog).with_instance(context);
        reports.push(validate(&to_value(&base_json(CM)), &opts));
    }
    // Batches counted in users and in rows.
    for unit in [BatchUnit::User, BatchUnit::Row] {
        let mut batch = Batch::new(unit);
        let opts = options(CM).with_locale(catalog);
        for (i, name) in ["a", "b", "a", "B"].iter().enumerate() {
            let input = with(CM, json!({"Username": name}));
            reports.push(batch.validate(&to_value(&input), &opts, i + 1));
        }
    }
    let codes = reports
        .iter()
        .flat_map(|r| r.errors.iter().chain(&r.warnings).map(|v| v.code.as_str()))
        .collect();
    (reports, codes)
}

fn contexts() -> Vec<Instance> {
    vec![
        Instance::from_json(&context().to_string()),
        Instance::from_json("not json"),
        Instance::from_json(
            r#"{"Instance": {"IdentityManagementType": "NOPE"}, "UserSummaryList": {}, "RoutingProfileSummaryList": [{}, {"Name": "x"}, {"Id": "y"}]}"#,
        ),
        Instance::unreadable(),
    ]
}

#[test]
fn every_message_renders_completely_in_english() {
    let strict = Catalog::english().strict();
    let contexts = contexts();
    let (reports, codes) = run(&strict, &contexts);
    for text in reports.iter().flat_map(texts) {
        assert!(
            !text.contains('{') && !text.contains('}'),
            "unfilled or unused: {text}"
        );
        assert!(!text.is_empty());
    }
    let want = [
        "TYPE",
        "REQUIRED",
        "UNKNOWN_FIELD",
        "TOO_SHORT",
        "TOO_LONG",
        "TOO_MANY",
        "OUT_OF_RANGE",
        "ENUM",
        "PATTERN",
        "NOT_NFC",
        "CONFLICT",
        "CHANNEL_NOT_ALLOWED",
        "DUPLICATE_CHANNEL",
        "FORBIDDEN",
        "MODE_UNKNOWN",
        "TRUNCATED",
        "PREFER_CHANNEL_CONFIG",
        "DUPLICATE",
        "NOT_APPLICABLE",
        "TAKEN",
        "SIMILAR",
        "NOT_FOUND",
        "PREFER_ID",
        "INSTANCE_IGNORED",
    ];
    let missing: Vec<&&str> = want.iter().filter(|c| !codes.contains(**c)).collect();
    assert!(missing.is_empty(), "the corpus does not reach {missing:?}");
    // The strict catalog changes nothing when a message is complete.
    let (plain, _) = run(Catalog::english(), &contexts);
    assert_eq!(plain, reports);
    // The texts the rule tests pin, unchanged.
    let all: Vec<String> = plain.iter().flat_map(texts).collect();
    for expected in [
        "2 more errors were not listed.",
        "1 more warning was not listed.",
        "52 more errors and 199 more warnings were not listed.",
        "at least 52 more errors and 9,899 more warnings were not listed.",
        "at least 9,899 more warnings were not listed.",
        "Security profiles can list at most 10 IDs; more than 10,000 were given (only the first 10,000 were checked).",
        "Auto-accept settings has more than 10,000 items; only the first 10,000 were checked.",
        "Tags can have at most 50 entries; 51 were given.",
        "After contact work time limit must be between 0 and 2,000,000.",
        "Each item of Auto-accept settings needs Channel and AutoAccept.",
        "Phone type must be one of SOFT_PHONE, DESK_PHONE (case-sensitive).",
        "Password must contain an upper-case letter (A–Z) and a digit (0–9).",
        "Password must contain an upper-case letter (A–Z) and a digit (0–9), and not contain spaces or other whitespace.",
        "Email must not be given when the instance uses SAML identity management. Use SecondaryEmail for a SAML user's email address.",
        "No hierarchy group of this instance has this ID. Did you mean North?",
        "Use Basic Routing Profile",
        "This is the name of 2 routing profiles, not an ID; give the ID of the one meant.",
        "Row 2 has a user name that differs from this one only in letter case; make sure these are different people.",
        "User 1 has the same user name; each user needs a different one.",
        "The identity management type is not CONNECT_MANAGED, SAML or EXISTING_DIRECTORY, so the rules that depend on it were not checked.",
    ] {
        assert!(all.iter().any(|t| t == expected), "no message {expected:?}");
    }
    assert!(
        all.iter().any(|t| t
            .starts_with("Part of the instance data could not be used and was skipped: ")
            && t.contains("; ")),
        "INSTANCE_IGNORED lists its parts"
    );
}

#[test]
fn a_locale_changes_messages_only() {
    // A made-up catalog that translates every key into a marked copy of English.
    let en = Catalog::english();
    let mut obj = serde_json::Map::new();
    for k in en.keys() {
        let t = en.own(k).unwrap();
        let v = if k.starts_with('@') {
            t.to_string()
        } else {
            format!("«{t}»")
        };
        obj.insert(k.to_string(), J::String(v));
    }
    obj.insert("@number.group".into(), J::String(".".into()));
    let marked = Catalog::from_json(&J::Object(obj).to_string());
    let contexts = contexts();
    let (english, _) = run(en, &contexts);
    let (other, _) = run(&marked, &contexts);
    assert_eq!(english.len(), other.len());
    for (e, o) in english.iter().zip(&other) {
        let key = |r: &Report| {
            r.errors
                .iter()
                .chain(&r.warnings)
                .map(|v| {
                    (
                        v.path.clone(),
                        v.code,
                        v.fix.as_ref().map(|f| f.value.clone()),
                        v.column.clone(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(key(e), key(o));
        for (te, to) in texts(e).iter().zip(texts(o)) {
            assert!(to.starts_with('«') && to.ends_with('»'), "{to}");
            assert_ne!(*te, to);
        }
    }
    let all: Vec<String> = other.iter().flat_map(texts).collect();
    assert!(
        all.iter().any(|t| t.contains("2.000.000")),
        "numbers in the catalog's grouping"
    );
    assert_eq!(
        Message::new("input.too_large")
            .number("max", 256)
            .render(&marked),
        "«The input is too large to check (over 256 MB in all).»"
    );
}

#[test]
fn every_locale_reports_the_same_violations_in_its_own_words() {
    let contexts = contexts();
    let (english, _) = run(Catalog::english(), &contexts);
    let english_texts: Vec<String> = english.iter().flat_map(texts).collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut checked = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let tag = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.extension().is_none_or(|e| e != "json") || tag == "en" || tag.contains('.') {
            continue;
        }
        let catalog = Catalog::from_json(&std::fs::read_to_string(&path).unwrap()).strict();
        let (reports, _) = run(&catalog, &contexts);
        let shape = |rs: &[Report]| {
            rs.iter()
                .map(|r| {
                    r.errors
                        .iter()
                        .chain(&r.warnings)
                        .map(|v| {
                            (
                                v.path.clone(),
                                v.code,
                                v.fix.as_ref().map(|f| f.value.clone()),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            shape(&reports),
            shape(&english),
            "{tag}: same codes, paths and fixes"
        );
        let localized: Vec<String> = reports.iter().flat_map(texts).collect();
        let mut same = 0;
        for (t, e) in localized.iter().zip(&english_texts) {
            assert!(!t.trim().is_empty(), "{tag}: an empty message");
            assert!(
                !t.contains('{') && !t.contains('}'),
                "{tag}: unfilled or unused: {t}"
            );
            same += usize::from(t == e);
            // The corpus's input values (user names, names, emails, tag keys) never show.
            for leak in [
                "jdoe",
                "jane@example.com",
                "e\u{301}",
                "Secr3tPass",
                "aws:team",
            ] {
                assert!(!t.contains(leak), "{tag}: {leak:?} in {t}");
            }
        }
        // Only texts made of names alone (a fix label "Use Basic Routing Profile" may keep
        // English words of the instance's names) may equal English.
        assert!(
            same * 20 < localized.len(),
            "{tag}: {same} of {} messages left in English",
            localized.len()
        );
        checked.push(tag);
    }
    checked.sort();
    assert_eq!(
        checked,
        ["de", "es", "fr", "id", "it", "ja", "ko", "pt-BR", "zh-CN", "zh-TW"],
        "every locale of MESSAGES.md has a catalog"
    );
}
