//! The identity management type: what each mode requires, forbids, or makes pointless, and what
//! happens when the mode is not given or not recognised.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use connect_create_user::{validate, Code, Options};
use serde_json::json;

#[test]
fn password_required_or_forbidden_by_mode() {
    check(vec![
        // CONNECT_MANAGED: required.
        Case::new("CM, missing", CM, Input::base(CM).del("Password")).err("Password", "REQUIRED"),
        Case::new("CM, null", CM, Input::base(CM).set("Password", json!(null)))
            .err("Password", "REQUIRED"),
        Case::new("CM, empty", CM, Input::base(CM).set("Password", json!("")))
            .err("Password", "REQUIRED"),
        Case::new("CM, given", CM, Input::base(CM)),
        // SAML and EXISTING_DIRECTORY: forbidden.
        Case::new(
            "SAML, given",
            SAML,
            Input::base(SAML).set("Password", json!("Secr3tPass")),
        )
        .err("Password", "FORBIDDEN")
        .says("Password", "FORBIDDEN", "SAML"),
        Case::new(
            "ED, given",
            ED,
            Input::base(ED).set("Password", json!("Secr3tPass")),
        )
        .err("Password", "FORBIDDEN"),
        Case::new("SAML, absent", SAML, Input::base(SAML)),
        Case::new(
            "SAML, empty is absent",
            SAML,
            Input::base(SAML).set("Password", json!("")),
        ),
        Case::new(
            "ED, null is absent",
            ED,
            Input::base(ED).set("Password", json!(null)),
        ),
        // No mode: neither required nor forbidden, but its form is checked.
        Case::new("no mode, absent", NONE, Input::base(NONE)),
        Case::new("bogus mode, absent", BOGUS, Input::base(BOGUS)),
        Case::new(
            "no mode, given",
            NONE,
            Input::base(NONE).set("Password", json!("Secr3tPass")),
        ),
        Case::new(
            "bogus mode, given",
            BOGUS,
            Input::base(BOGUS).set("Password", json!("Secr3tPass")),
        ),
        Case::new(
            "no mode, malformed",
            NONE,
            Input::base(NONE).set("Password", json!("short")),
        )
        .err("Password", "TOO_SHORT")
        .err("Password", "PATTERN"),
    ]);
}

#[test]
fn forbidden_member_gets_forbidden_only_without_form_check() {
    let mut cases = Vec::new();
    for mode in [SAML, ED] {
        for bad in [
            json!("x"),
            json!("no digits or upper case and far too long............................................"),
            json!("with space 1A"),
            json!(12345678),
            json!(["Secr3tPass"]),
            json!(true),
        ] {
            cases.push(
                Case::new(
                    format!("Password {bad}"),
                    mode,
                    Input::base(mode).set("Password", bad),
                )
                .err("Password", "FORBIDDEN"),
            );
        }
    }
    for bad in [json!("not-an-email"), json!(5), json!(rep("a", 300))] {
        cases.push(
            Case::new(
                format!("Email {bad}"),
                SAML,
                Input::base(SAML).set("IdentityInfo.Email", bad),
            )
            .err("IdentityInfo.Email", "FORBIDDEN"),
        );
    }
    for bad in [json!(5), json!({"a": 1})] {
        cases.push(
            Case::new(
                format!("DirectoryUserId {bad}"),
                SAML,
                Input::base(SAML).set("DirectoryUserId", bad),
            )
            .err("DirectoryUserId", "FORBIDDEN"),
        );
    }
    check(cases);
}

#[test]
fn email_required_or_forbidden_by_mode() {
    check(vec![
        Case::new("CM, missing", CM, Input::base(CM).del("IdentityInfo.Email"))
            .err("IdentityInfo.Email", "REQUIRED"),
        Case::new(
            "CM, empty",
            CM,
            Input::base(CM).set("IdentityInfo.Email", json!("")),
        )
        .err("IdentityInfo.Email", "REQUIRED"),
        Case::new(
            "CM, secondary only",
            CM,
            Input::base(CM)
                .del("IdentityInfo.Email")
                .set("IdentityInfo.SecondaryEmail", json!("jane@example.com")),
        )
        .err("IdentityInfo.Email", "REQUIRED"),
        Case::new(
            "SAML, given",
            SAML,
            Input::base(SAML).set("IdentityInfo.Email", json!("jane@example.com")),
        )
        .err("IdentityInfo.Email", "FORBIDDEN")
        .says("IdentityInfo.Email", "FORBIDDEN", "SecondaryEmail"),
        Case::new(
            "SAML, secondary",
            SAML,
            Input::base(SAML).set("IdentityInfo.SecondaryEmail", json!("jane@example.com")),
        ),
        Case::new(
            "SAML, empty",
            SAML,
            Input::base(SAML).set("IdentityInfo.Email", json!("")),
        ),
        Case::new(
            "SAML, null",
            SAML,
            Input::base(SAML).set("IdentityInfo.Email", json!(null)),
        ),
        Case::new("ED, absent", ED, Input::base(ED)),
        Case::new(
            "ED, given",
            ED,
            Input::base(ED).set("IdentityInfo.Email", json!("jane@example.com")),
        ),
        Case::new(
            "ED, malformed is checked",
            ED,
            Input::base(ED).set("IdentityInfo.Email", json!("jane@example")),
        )
        .err("IdentityInfo.Email", "PATTERN"),
        Case::new(
            "no mode, given",
            NONE,
            Input::base(NONE).set("IdentityInfo.Email", json!("jane@example.com")),
        ),
        Case::new(
            "no mode, malformed is checked",
            NONE,
            Input::base(NONE).set("IdentityInfo.Email", json!("jane")),
        )
        .err("IdentityInfo.Email", "PATTERN"),
    ]);
}

#[test]
fn names_required_in_connect_managed_and_saml() {
    let mut cases = Vec::new();
    for mode in [CM, SAML] {
        for member in ["FirstName", "LastName"] {
            let path = format!("IdentityInfo.{member}");
            cases.push(
                Case::new(
                    format!("{member} missing"),
                    mode,
                    Input::base(mode).del(&path),
                )
                .err(path.clone(), "REQUIRED")
                .says(path.clone(), "REQUIRED", "identity management"),
            );
            for absent in [json!(""), json!(null)] {
                cases.push(
                    Case::new(
                        format!("{member} {absent}"),
                        mode,
                        Input::base(mode).set(&path, absent),
                    )
                    .err(path.clone(), "REQUIRED"),
                );
            }
        }
    }
    for mode in [ED, NONE, BOGUS] {
        cases.push(Case::new(
            "names absent, email only",
            mode,
            Input::base(mode).set("IdentityInfo", json!({"Email": "jane@example.com"})),
        ));
        cases.push(Case::new(
            "first name only",
            mode,
            Input::base(mode).set("IdentityInfo", json!({"FirstName": "Jane"})),
        ));
    }
    check(cases);
}

#[test]
fn absent_identity_info_gives_one_required_per_required_member() {
    let mut cases = Vec::new();
    for absent in [
        None,
        Some(json!(null)),
        Some(json!({})),
        Some(json!({"FirstName": "", "LastName": null, "Mobile": ""})),
        Some(json!({"Unknown": null})),
    ] {
        let input = |mode: &str| match &absent {
            None => Input::base(mode).del("IdentityInfo"),
            Some(v) => Input::base(mode).set("IdentityInfo", v.clone()),
        };
        let name = format!("{absent:?}");
        cases.push(
            Case::new(format!("CM {name}"), CM, input(CM))
                .err("IdentityInfo.FirstName", "REQUIRED")
                .err("IdentityInfo.LastName", "REQUIRED")
                .err("IdentityInfo.Email", "REQUIRED"),
        );
        cases.push(
            Case::new(format!("SAML {name}"), SAML, input(SAML))
                .err("IdentityInfo.FirstName", "REQUIRED")
                .err("IdentityInfo.LastName", "REQUIRED"),
        );
        for mode in [ED, NONE, BOGUS] {
            cases.push(Case::new(format!("{mode} {name}"), mode, input(mode)));
        }
    }
    // Present but of the wrong type: one TYPE, nothing inside it is required.
    for mode in [CM, SAML] {
        cases.push(
            Case::new(
                "a list",
                mode,
                Input::base(mode).set("IdentityInfo", json!([])),
            )
            .err("IdentityInfo", "TYPE"),
        );
    }
    // An object with an unknown member is present: its own members are checked.
    cases.push(
        Case::new(
            "typo only",
            CM,
            Input::base(CM).set("IdentityInfo", json!({"Firstname": "Jane"})),
        )
        .err("IdentityInfo.FirstName", "REQUIRED")
        .err("IdentityInfo.LastName", "REQUIRED")
        .err("IdentityInfo.Email", "REQUIRED")
        .err("IdentityInfo.Firstname", "UNKNOWN_FIELD"),
    );
    check(cases);
}

#[test]
fn directory_user_id_by_mode() {
    check(vec![
        Case::new(
            "SAML",
            SAML,
            Input::base(SAML).set("DirectoryUserId", json!("d-123")),
        )
        .err("DirectoryUserId", "FORBIDDEN"),
        Case::new(
            "CM",
            CM,
            Input::base(CM).set("DirectoryUserId", json!("d-123")),
        )
        .warn("DirectoryUserId", "NOT_APPLICABLE"),
        Case::new(
            "CM, wrong type: still a TYPE error",
            CM,
            Input::base(CM).set("DirectoryUserId", json!(123)),
        )
        .err("DirectoryUserId", "TYPE")
        .warn("DirectoryUserId", "NOT_APPLICABLE"),
        Case::new(
            "ED",
            ED,
            Input::base(ED).set("DirectoryUserId", json!("d-123")),
        ),
        Case::new(
            "no mode",
            NONE,
            Input::base(NONE).set("DirectoryUserId", json!("d-123")),
        ),
        Case::new(
            "bogus mode",
            BOGUS,
            Input::base(BOGUS).set("DirectoryUserId", json!("d-123")),
        ),
        Case::new(
            "SAML, empty is absent",
            SAML,
            Input::base(SAML).set("DirectoryUserId", json!("")),
        ),
        Case::new(
            "CM, null is absent",
            CM,
            Input::base(CM).set("DirectoryUserId", json!(null)),
        ),
    ]);
}

#[test]
fn username_at_sign_error_or_saml_warning() {
    let mut cases = Vec::new();
    for good in [
        "testuser@example.com",
        "a@b.co",
        "fi.la@mail.ex.org",
        "a_b-c@x-y.io",
    ] {
        for mode in MODES {
            cases.push(Case::new(
                good,
                mode,
                Input::base(mode).set("Username", json!(good)),
            ));
        }
    }
    for bad in [
        "testuser@example",
        "alias@UserId@OrgId",
        "@example.com",
        "user@",
        "user@.com",
        "user@example..com",
        "user@example.c",
        "user@example.c0m",
        "user@example.123",
        "a@b@c.com",
    ] {
        for mode in [CM, ED, NONE, BOGUS] {
            cases.push(
                Case::new(bad, mode, Input::base(mode).set("Username", json!(bad)))
                    .err("Username", "PATTERN")
                    .says("Username", "PATTERN", "@"),
            );
        }
        cases.push(
            Case::new(bad, SAML, Input::base(SAML).set("Username", json!(bad)))
                .warn("Username", "PATTERN")
                .says("Username", "PATTERN", "@"),
        );
    }
    // A name both outside the character set and with @ out of place: the charset error, then
    // the @ rule (an error, or in SAML a warning).
    cases.push(
        Case::new(
            "charset and @",
            CM,
            Input::base(CM).set("Username", json!("jo hn@example")),
        )
        .err("Username", "PATTERN")
        .err("Username", "PATTERN"),
    );
    cases.push(
        Case::new(
            "charset and @",
            SAML,
            Input::base(SAML).set("Username", json!("jo hn@example")),
        )
        .err("Username", "PATTERN")
        .warn("Username", "PATTERN"),
    );
    check(cases);
}

#[test]
fn mode_unknown_when_missing_or_unrecognised() {
    let input = to_value(&base_json(NONE));
    let given = validate(&input, &Options::default());
    assert!(given.errors.is_empty());
    assert_eq!(given.warnings.len(), 1);
    assert_eq!(given.warnings[0].path, "");
    assert_eq!(given.warnings[0].code, Code::ModeUnknown);
    assert!(given.warnings[0].message.contains("not given"));

    for name in ["bogus", "saml", "Saml", "connect_managed", " SAML", ""] {
        let options = Options::from_mode_name(Some(name));
        let r = validate(&input, &options);
        assert!(r.errors.is_empty(), "{name:?}");
        assert_eq!(
            pairs(&r.warnings),
            vec![(String::new(), "MODE_UNKNOWN".to_string())]
        );
        assert!(
            r.warnings[0]
                .message
                .contains("CONNECT_MANAGED, SAML or EXISTING_DIRECTORY"),
            "{name:?}: {}",
            r.warnings[0].message
        );
    }
    assert_eq!(Options::from_mode_name(None), Options::default());
    for name in [CM, SAML, ED] {
        let r = validate(&to_value(&base_json(name)), &options(name));
        assert!(r.errors.is_empty() && r.warnings.is_empty(), "{name}");
    }
}

#[test]
fn mode_rules_skipped_when_mode_unknown() {
    // Everything a mode could object to, at once: no mode-dependent error, only MODE_UNKNOWN.
    let loaded = || {
        Input::base(NONE)
            .set("Username", json!(rep("u", 100)))
            .set("Password", json!("Secr3tPass"))
            .set(
                "IdentityInfo",
                json!({"Email": "jane@example.com", "LastName": rep("d", 300)}),
            )
            .set("DirectoryUserId", json!("d-1"))
    };
    let lacking = || Input::base(NONE).del("IdentityInfo");
    let mut cases = Vec::new();
    for mode in [NONE, BOGUS] {
        cases.push(Case::new("loaded", mode, loaded()));
        cases.push(Case::new("lacking", mode, lacking()));
    }
    // The same inputs do break mode rules when the mode is known.
    cases.push(
        Case::new("loaded", SAML, loaded())
            .err("Username", "TOO_LONG")
            .err("Password", "FORBIDDEN")
            .err("IdentityInfo.FirstName", "REQUIRED")
            .err("IdentityInfo.Email", "FORBIDDEN")
            .err("DirectoryUserId", "FORBIDDEN"),
    );
    cases.push(
        Case::new("loaded", CM, loaded())
            .err("Username", "TOO_LONG")
            .err("IdentityInfo.FirstName", "REQUIRED")
            .err("IdentityInfo.LastName", "TOO_LONG")
            .warn("DirectoryUserId", "NOT_APPLICABLE"),
    );
    cases.push(
        Case::new("lacking", CM, lacking())
            .err("Password", "REQUIRED")
            .err("IdentityInfo.FirstName", "REQUIRED")
            .err("IdentityInfo.LastName", "REQUIRED")
            .err("IdentityInfo.Email", "REQUIRED"),
    );
    check(cases);
}
