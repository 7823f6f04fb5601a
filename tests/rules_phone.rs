//! `PhoneConfig`: its conflicts with the channel-specific lists, the desk phone number, and the
//! advice to prefer the lists.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use serde_json::{json, Value as J};

const PREFER: &str = "PREFER_CHANNEL_CONFIG";

/// The four conflict pairs: (PhoneConfig member, a present value of it, the list, a valid list).
fn pairs_table() -> Vec<(&'static str, J, &'static str, J)> {
    vec![
        (
            "AutoAccept",
            json!(true),
            "AutoAcceptConfigs",
            json!([{"Channel": "VOICE", "AutoAccept": true}]),
        ),
        (
            "AfterContactWorkTimeLimit",
            json!(30),
            "AfterContactWorkConfigs",
            json!([{"Channel": "CHAT", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 30}}]),
        ),
        (
            "PhoneType",
            json!("SOFT_PHONE"),
            "PhoneNumberConfigs",
            json!([{"Channel": "VOICE", "PhoneType": "SOFT_PHONE"}]),
        ),
        (
            "DeskPhoneNumber",
            json!("+12065550100"),
            "PhoneNumberConfigs",
            json!([{"Channel": "VOICE", "PhoneType": "DESK_PHONE", "PhoneNumber": "+12065550100"}]),
        ),
        (
            "PersistentConnection",
            json!(true),
            "PersistentConnectionConfigs",
            json!([{"Channel": "VOICE", "PersistentConnection": true}]),
        ),
    ]
}

#[test]
fn phone_config_conflicts() {
    let mut cases = Vec::new();
    for mode in [CM, SAML, ED, NONE] {
        for (member, value, list, items) in pairs_table() {
            let at = format!("PhoneConfig.{member}");
            let with = |v: J, l: J| {
                Input::base(mode)
                    .set(&format!("PhoneConfig.{member}"), v)
                    .set(list, l)
            };
            cases.push(
                Case::new(
                    format!("{member} + {list}"),
                    mode,
                    with(value.clone(), items.clone()),
                )
                .err(at.clone(), "CONFLICT")
                .says(at.clone(), "CONFLICT", list)
                .warn("PhoneConfig", PREFER),
            );
            // The list alone, or PhoneConfig alone: no conflict.
            cases.push(Case::new(
                format!("{list} alone"),
                mode,
                Input::base(mode).set(list, items.clone()),
            ));
            cases.push(
                Case::new(
                    format!("{member} alone"),
                    mode,
                    Input::base(mode).set(&at, value.clone()),
                )
                .warn("PhoneConfig", PREFER),
            );
            // An empty list is absent: no conflict.
            cases.push(
                Case::new(
                    format!("{member} + empty {list}"),
                    mode,
                    with(value.clone(), json!([])),
                )
                .warn("PhoneConfig", PREFER),
            );
            cases.push(
                Case::new(
                    format!("{member} + null {list}"),
                    mode,
                    with(value.clone(), json!(null)),
                )
                .warn("PhoneConfig", PREFER),
            );
            // An absent PhoneConfig member (null) does not conflict; PhoneConfig is then absent.
            cases.push(Case::new(
                format!("null {member} + {list}"),
                mode,
                with(json!(null), items.clone()),
            ));
        }
    }
    check(cases);
}

#[test]
fn phone_config_conflict_false_and_zero_count_as_present() {
    check(vec![
        Case::new(
            "AutoAccept false",
            CM,
            Input::base(CM)
                .set("PhoneConfig.AutoAccept", json!(false))
                .set("AutoAcceptConfigs", json!([{"Channel": "CHAT", "AutoAccept": false}])),
        )
        .err("PhoneConfig.AutoAccept", "CONFLICT")
        .warn("PhoneConfig", PREFER),
        Case::new(
            "AfterContactWorkTimeLimit 0",
            CM,
            Input::base(CM)
                .set("PhoneConfig.AfterContactWorkTimeLimit", json!(0))
                .set(
                    "AfterContactWorkConfigs",
                    json!([{"Channel": "VOICE", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 0}}]),
                ),
        )
        .err("PhoneConfig.AfterContactWorkTimeLimit", "CONFLICT")
        .warn("PhoneConfig", PREFER),
        Case::new(
            "PersistentConnection false",
            CM,
            Input::base(CM)
                .set("PhoneConfig.PersistentConnection", json!(false))
                .set(
                    "PersistentConnectionConfigs",
                    json!([{"Channel": "VOICE", "PersistentConnection": false}]),
                ),
        )
        .err("PhoneConfig.PersistentConnection", "CONFLICT")
        .warn("PhoneConfig", PREFER),
        // "" is absent for a string member: no conflict.
        Case::new(
            "PhoneType empty",
            CM,
            Input::base(CM)
                .set("PhoneConfig", json!({"PhoneType": "", "AutoAccept": true}))
                .set(
                    "PhoneNumberConfigs",
                    json!([{"Channel": "VOICE", "PhoneType": "SOFT_PHONE"}]),
                ),
        )
        .warn("PhoneConfig", PREFER),
    ]);
}

#[test]
fn phone_config_conflicts_all_at_once_in_member_order() {
    let mut input = Input::base(CM).set(
        "PhoneConfig",
        json!({
            "PersistentConnection": false,
            "DeskPhoneNumber": "+12065550100",
            "AfterContactWorkTimeLimit": 0,
            "AutoAccept": false,
            "PhoneType": "DESK_PHONE"
        }),
    );
    for (_, _, list, items) in pairs_table() {
        input = input.set(list, items);
    }
    check(vec![Case::new("all five", CM, input)
        .err("PhoneConfig.PhoneType", "CONFLICT")
        .err("PhoneConfig.AutoAccept", "CONFLICT")
        .err("PhoneConfig.AfterContactWorkTimeLimit", "CONFLICT")
        .err("PhoneConfig.DeskPhoneNumber", "CONFLICT")
        .err("PhoneConfig.PersistentConnection", "CONFLICT")
        .says("PhoneConfig.PhoneType", "CONFLICT", "PhoneNumberConfigs")
        .says("PhoneConfig.AutoAccept", "CONFLICT", "AutoAcceptConfigs")
        .says(
            "PhoneConfig.AfterContactWorkTimeLimit",
            "CONFLICT",
            "AfterContactWorkConfigs",
        )
        .says(
            "PhoneConfig.DeskPhoneNumber",
            "CONFLICT",
            "PhoneNumberConfigs",
        )
        .says(
            "PhoneConfig.PersistentConnection",
            "CONFLICT",
            "PersistentConnectionConfigs",
        )
        .warn("PhoneConfig", PREFER)]);
}

#[test]
fn phone_config_conflict_needs_a_non_empty_list() {
    check(vec![
        // A list with only an absent item is still a non-empty array: present.
        Case::new(
            "list of one null",
            CM,
            Input::base(CM)
                .set("PhoneConfig.AutoAccept", json!(true))
                .set("AutoAcceptConfigs", json!([null])),
        )
        .err("PhoneConfig.AutoAccept", "CONFLICT")
        .err("AutoAcceptConfigs[0]", "REQUIRED")
        .warn("PhoneConfig", PREFER),
        // Not an array at all: a TYPE error, and not a conflict.
        Case::new(
            "list given as an object",
            CM,
            Input::base(CM)
                .set("PhoneConfig.AutoAccept", json!(true))
                .set(
                    "AutoAcceptConfigs",
                    json!({"Channel": "VOICE", "AutoAccept": true}),
                ),
        )
        .err("AutoAcceptConfigs", "TYPE")
        .warn("PhoneConfig", PREFER),
        // A conflict needs the matching list; another list does not count.
        Case::new(
            "AutoAccept with the persistent connection list",
            CM,
            Input::base(CM)
                .set("PhoneConfig.AutoAccept", json!(true))
                .set(
                    "PersistentConnectionConfigs",
                    json!([{"Channel": "VOICE", "PersistentConnection": true}]),
                ),
        )
        .warn("PhoneConfig", PREFER),
    ]);
}

#[test]
fn desk_phone_number_required_with_desk_phone() {
    let mut cases = Vec::new();
    for mode in [CM, SAML, ED, NONE] {
        cases.push(
            Case::new(
                "DESK_PHONE without number",
                mode,
                Input::base(mode).set("PhoneConfig", json!({"PhoneType": "DESK_PHONE"})),
            )
            .err("PhoneConfig.DeskPhoneNumber", "REQUIRED")
            .says("PhoneConfig.DeskPhoneNumber", "REQUIRED", "DESK_PHONE")
            .warn("PhoneConfig", PREFER),
        );
        cases.push(
            Case::new(
                "DESK_PHONE with empty number",
                mode,
                Input::base(mode).set(
                    "PhoneConfig",
                    json!({"PhoneType": "DESK_PHONE", "DeskPhoneNumber": ""}),
                ),
            )
            .err("PhoneConfig.DeskPhoneNumber", "REQUIRED")
            .warn("PhoneConfig", PREFER),
        );
        cases.push(
            Case::new(
                "DESK_PHONE with number",
                mode,
                Input::base(mode).set(
                    "PhoneConfig",
                    json!({"PhoneType": "DESK_PHONE", "DeskPhoneNumber": "+12065550100"}),
                ),
            )
            .warn("PhoneConfig", PREFER),
        );
        cases.push(
            Case::new(
                "DESK_PHONE with a malformed number",
                mode,
                Input::base(mode).set(
                    "PhoneConfig",
                    json!({"PhoneType": "DESK_PHONE", "DeskPhoneNumber": "2065550100"}),
                ),
            )
            .err("PhoneConfig.DeskPhoneNumber", "PATTERN")
            .warn("PhoneConfig", PREFER),
        );
        cases.push(
            Case::new(
                "SOFT_PHONE without number",
                mode,
                Input::base(mode).set("PhoneConfig", json!({"PhoneType": "SOFT_PHONE"})),
            )
            .warn("PhoneConfig", PREFER),
        );
        cases.push(
            Case::new(
                "number without phone type",
                mode,
                Input::base(mode).set("PhoneConfig", json!({"DeskPhoneNumber": "+12065550100"})),
            )
            .warn("PhoneConfig", PREFER),
        );
        // An invalid phone type: its ENUM, and no desk phone rule.
        cases.push(
            Case::new(
                "desk_phone (wrong case)",
                mode,
                Input::base(mode).set("PhoneConfig", json!({"PhoneType": "desk_phone"})),
            )
            .err("PhoneConfig.PhoneType", "ENUM")
            .warn("PhoneConfig", PREFER),
        );
    }
    check(cases);
}

#[test]
fn desk_phone_number_not_applicable_with_soft_phone() {
    check(vec![
        Case::new(
            "SOFT_PHONE with number",
            CM,
            Input::base(CM).set(
                "PhoneConfig",
                json!({"PhoneType": "SOFT_PHONE", "DeskPhoneNumber": "+12065550100"}),
            ),
        )
        .warn("PhoneConfig", PREFER)
        .warn("PhoneConfig.DeskPhoneNumber", "NOT_APPLICABLE")
        .says(
            "PhoneConfig.DeskPhoneNumber",
            "NOT_APPLICABLE",
            "SOFT_PHONE",
        ),
        Case::new(
            "SOFT_PHONE with a malformed number: both",
            NONE,
            Input::base(NONE).set(
                "PhoneConfig",
                json!({"PhoneType": "SOFT_PHONE", "DeskPhoneNumber": "555-0100"}),
            ),
        )
        .err("PhoneConfig.DeskPhoneNumber", "PATTERN")
        .warn("PhoneConfig", PREFER)
        .warn("PhoneConfig.DeskPhoneNumber", "NOT_APPLICABLE"),
    ]);
}

#[test]
fn prefer_channel_config_whenever_phone_config_is_present() {
    let mut cases = Vec::new();
    for mode in MODES {
        for pc in [
            json!({"PhoneType": "SOFT_PHONE"}),
            json!({"AutoAccept": false}),
            json!({"AfterContactWorkTimeLimit": 0}),
            json!({"PersistentConnection": true}),
            json!({"PhoneType": "SOFT_PHONE", "AutoAccept": true, "AfterContactWorkTimeLimit": 5,
                   "PersistentConnection": false}),
        ] {
            cases.push(
                Case::new(
                    format!("{pc}"),
                    mode,
                    Input::base(mode).set("PhoneConfig", pc),
                )
                .warn("PhoneConfig", PREFER),
            );
        }
        // Absent PhoneConfig: no warning.
        for absent in [
            json!(null),
            json!({}),
            json!({"PhoneType": "", "AutoAccept": null}),
        ] {
            cases.push(Case::new(
                format!("absent {absent}"),
                mode,
                Input::base(mode).set("PhoneConfig", absent),
            ));
        }
    }
    // Present but of the wrong type: a TYPE error, and still present.
    cases.push(
        Case::new("a list", CM, Input::base(CM).set("PhoneConfig", json!([])))
            .err("PhoneConfig", "TYPE")
            .warn("PhoneConfig", PREFER),
    );
    check(cases);
}
