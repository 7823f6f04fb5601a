//! The channel-specific lists: VOICE-only members and lists, duplicate channels, list items.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use serde_json::json;

const OTHER_CHANNELS: [&str; 3] = ["CHAT", "TASK", "EMAIL"];

#[test]
fn voice_only_members() {
    let mut cases = Vec::new();
    for mode in [CM, NONE] {
        for flag in [json!(true), json!(false)] {
            cases.push(Case::new(
                format!("AgentFirstCallbackAutoAccept {flag} with VOICE"),
                mode,
                Input::base(mode).set(
                    "AutoAcceptConfigs",
                    json!([{"Channel": "VOICE", "AutoAccept": true, "AgentFirstCallbackAutoAccept": flag}]),
                ),
            ));
            for ch in OTHER_CHANNELS {
                cases.push(
                    Case::new(
                        format!("AgentFirstCallbackAutoAccept {flag} with {ch}"),
                        mode,
                        Input::base(mode).set(
                            "AutoAcceptConfigs",
                            json!([
                                {"Channel": "VOICE", "AutoAccept": true},
                                {"Channel": ch, "AutoAccept": true, "AgentFirstCallbackAutoAccept": flag}
                            ]),
                        ),
                    )
                    .err(
                        "AutoAcceptConfigs[1].AgentFirstCallbackAutoAccept",
                        "CHANNEL_NOT_ALLOWED",
                    )
                    .says(
                        "AutoAcceptConfigs[1].AgentFirstCallbackAutoAccept",
                        "CHANNEL_NOT_ALLOWED",
                        "VOICE",
                    ),
                );
            }
        }
        for ch in OTHER_CHANNELS {
            cases.push(Case::new(
                format!("AgentFirstCallbackAutoAccept null with {ch}"),
                mode,
                Input::base(mode).set(
                    "AutoAcceptConfigs",
                    json!([{"Channel": ch, "AutoAccept": true, "AgentFirstCallbackAutoAccept": null}]),
                ),
            ));
            for limit in [json!(0), json!(100)] {
                cases.push(
                    Case::new(
                        format!("AgentFirstCallbackAfterContactWorkConfig {limit} with {ch}"),
                        mode,
                        Input::base(mode).set(
                            "AfterContactWorkConfigs",
                            json!([{
                                "Channel": ch,
                                "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 10},
                                "AgentFirstCallbackAfterContactWorkConfig": {"AfterContactWorkTimeLimit": limit}
                            }]),
                        ),
                    )
                    .err(
                        "AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig",
                        "CHANNEL_NOT_ALLOWED",
                    ),
                );
            }
            // An empty object is absent: nothing to object to.
            cases.push(Case::new(
                format!("AgentFirstCallbackAfterContactWorkConfig {{}} with {ch}"),
                mode,
                Input::base(mode).set(
                    "AfterContactWorkConfigs",
                    json!([{
                        "Channel": ch,
                        "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 10},
                        "AgentFirstCallbackAfterContactWorkConfig": {}
                    }]),
                ),
            ));
        }
        cases.push(Case::new(
            "AgentFirstCallbackAfterContactWorkConfig with VOICE",
            mode,
            Input::base(mode).set(
                "AfterContactWorkConfigs",
                json!([{
                    "Channel": "VOICE",
                    "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 10},
                    "AgentFirstCallbackAfterContactWorkConfig": {"AfterContactWorkTimeLimit": 20}
                }]),
            ),
        ));
    }
    check(cases);
}

#[test]
fn voice_only_lists() {
    let lists = [
        ("PhoneNumberConfigs", json!({"PhoneType": "SOFT_PHONE"})),
        (
            "PersistentConnectionConfigs",
            json!({"PersistentConnection": true}),
        ),
        (
            "VoiceEnhancementConfigs",
            json!({"VoiceEnhancementMode": "NOISE_SUPPRESSION"}),
        ),
    ];
    let mut cases = Vec::new();
    for (list, item) in lists {
        let with_channel = |ch: &str| {
            let mut it = item.clone();
            it["Channel"] = json!(ch);
            it
        };
        cases.push(Case::new(
            format!("{list} VOICE"),
            CM,
            Input::base(CM).set(list, json!([with_channel("VOICE")])),
        ));
        for ch in OTHER_CHANNELS {
            let at = format!("{list}[0].Channel");
            cases.push(
                Case::new(
                    format!("{list} {ch}"),
                    CM,
                    Input::base(CM).set(list, json!([with_channel(ch)])),
                )
                .err(at.clone(), "CHANNEL_NOT_ALLOWED")
                .says(at.clone(), "CHANNEL_NOT_ALLOWED", "VOICE"),
            );
        }
        // The same channel twice, not VOICE: both not allowed, the second also a duplicate.
        cases.push(
            Case::new(
                format!("{list} CHAT twice"),
                SAML,
                Input::base(SAML).set(list, json!([with_channel("CHAT"), with_channel("CHAT")])),
            )
            .err(format!("{list}[0].Channel"), "CHANNEL_NOT_ALLOWED")
            .err(format!("{list}[1].Channel"), "CHANNEL_NOT_ALLOWED")
            .err(format!("{list}[1].Channel"), "DUPLICATE_CHANNEL"),
        );
    }
    // The lists that take every channel.
    for ch in ["VOICE", "CHAT", "TASK", "EMAIL"] {
        cases.push(Case::new(
            format!("AutoAcceptConfigs {ch}"),
            CM,
            Input::base(CM).set(
                "AutoAcceptConfigs",
                json!([{"Channel": ch, "AutoAccept": false}]),
            ),
        ));
        cases.push(Case::new(
            format!("AfterContactWorkConfigs {ch}"),
            CM,
            Input::base(CM).set(
                "AfterContactWorkConfigs",
                json!([{"Channel": ch, "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 0}}]),
            ),
        ));
    }
    check(cases);
}

#[test]
fn duplicate_channel() {
    let aa = |ch: &str| json!({"Channel": ch, "AutoAccept": true});
    let acw = |ch: &str| json!({"Channel": ch, "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 1}});
    check(vec![
        Case::new(
            "later item gets it",
            CM,
            Input::base(CM).set(
                "AutoAcceptConfigs",
                json!([aa("VOICE"), aa("CHAT"), aa("VOICE")]),
            ),
        )
        .err("AutoAcceptConfigs[2].Channel", "DUPLICATE_CHANNEL"),
        Case::new(
            "three times",
            CM,
            Input::base(CM).set(
                "AutoAcceptConfigs",
                json!([aa("TASK"), aa("TASK"), aa("TASK")]),
            ),
        )
        .err("AutoAcceptConfigs[1].Channel", "DUPLICATE_CHANNEL")
        .err("AutoAcceptConfigs[2].Channel", "DUPLICATE_CHANNEL"),
        Case::new(
            "all four once",
            CM,
            Input::base(CM).set(
                "AutoAcceptConfigs",
                json!([aa("EMAIL"), aa("TASK"), aa("CHAT"), aa("VOICE")]),
            ),
        ),
        Case::new(
            "after contact work",
            CM,
            Input::base(CM).set(
                "AfterContactWorkConfigs",
                json!([acw("EMAIL"), acw("EMAIL")]),
            ),
        )
        .err("AfterContactWorkConfigs[1].Channel", "DUPLICATE_CHANNEL"),
        Case::new(
            "voice-only list, VOICE twice",
            CM,
            Input::base(CM).set(
                "PhoneNumberConfigs",
                json!([
                    {"Channel": "VOICE", "PhoneType": "SOFT_PHONE"},
                    {"Channel": "VOICE", "PhoneType": "DESK_PHONE", "PhoneNumber": "+12065550100"}
                ]),
            ),
        )
        .err("PhoneNumberConfigs[1].Channel", "DUPLICATE_CHANNEL"),
        Case::new(
            "persistent connection VOICE twice",
            CM,
            Input::base(CM).set(
                "PersistentConnectionConfigs",
                json!([
                    {"Channel": "VOICE", "PersistentConnection": true},
                    {"Channel": "VOICE", "PersistentConnection": false}
                ]),
            ),
        )
        .err(
            "PersistentConnectionConfigs[1].Channel",
            "DUPLICATE_CHANNEL",
        ),
        Case::new(
            "voice enhancement VOICE twice",
            CM,
            Input::base(CM).set(
                "VoiceEnhancementConfigs",
                json!([
                    {"Channel": "VOICE", "VoiceEnhancementMode": "NONE"},
                    {"Channel": "VOICE", "VoiceEnhancementMode": "VOICE_ISOLATION"}
                ]),
            ),
        )
        .err("VoiceEnhancementConfigs[1].Channel", "DUPLICATE_CHANNEL"),
        // Each list is its own scope.
        Case::new(
            "same channel in two lists",
            CM,
            Input::base(CM)
                .set("AutoAcceptConfigs", json!([aa("VOICE")]))
                .set("AfterContactWorkConfigs", json!([acw("VOICE")])),
        ),
        // Only valid channel values are compared.
        Case::new(
            "invalid value twice",
            CM,
            Input::base(CM).set("AutoAcceptConfigs", json!([aa("voice"), aa("voice")])),
        )
        .err("AutoAcceptConfigs[0].Channel", "ENUM")
        .err("AutoAcceptConfigs[1].Channel", "ENUM"),
        Case::new(
            "valid then a case variant",
            CM,
            Input::base(CM).set("AutoAcceptConfigs", json!([aa("VOICE"), aa("Voice")])),
        )
        .err("AutoAcceptConfigs[1].Channel", "ENUM"),
        Case::new(
            "absent channel between duplicates",
            CM,
            Input::base(CM).set(
                "AutoAcceptConfigs",
                json!([aa("CHAT"), {"AutoAccept": true}, aa("CHAT")]),
            ),
        )
        .err("AutoAcceptConfigs[1].Channel", "REQUIRED")
        .err("AutoAcceptConfigs[2].Channel", "DUPLICATE_CHANNEL"),
        // An item that is absent or not an object does not use its channel.
        Case::new(
            "absent item between",
            CM,
            Input::base(CM).set("AutoAcceptConfigs", json!([aa("CHAT"), null, aa("TASK")])),
        )
        .err("AutoAcceptConfigs[1]", "REQUIRED"),
    ]);
}

#[test]
fn channel_rules_skipped_when_channel_absent_or_invalid() {
    let mut cases = Vec::new();
    for (channel, code) in [
        (None, "REQUIRED"),
        (Some(json!(null)), "REQUIRED"),
        (Some(json!("")), "REQUIRED"),
        (Some(json!("chat")), "ENUM"),
        (Some(json!("SMS")), "ENUM"),
        (Some(json!(5)), "TYPE"),
        (Some(json!(["CHAT"])), "TYPE"),
    ] {
        let item = |mut v: serde_json::Value| {
            if let Some(c) = &channel {
                v["Channel"] = c.clone();
            }
            v
        };
        let name = format!("{channel:?}");
        cases.push(
            Case::new(
                format!("AgentFirstCallbackAutoAccept, channel {name}"),
                CM,
                Input::base(CM).set(
                    "AutoAcceptConfigs",
                    json!([item(
                        json!({"AutoAccept": true, "AgentFirstCallbackAutoAccept": true})
                    )]),
                ),
            )
            .err("AutoAcceptConfigs[0].Channel", code),
        );
        cases.push(
            Case::new(
                format!("AgentFirstCallbackAfterContactWorkConfig, channel {name}"),
                CM,
                Input::base(CM).set(
                    "AfterContactWorkConfigs",
                    json!([item(json!({
                        "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 1},
                        "AgentFirstCallbackAfterContactWorkConfig": {"AfterContactWorkTimeLimit": 1}
                    }))]),
                ),
            )
            .err("AfterContactWorkConfigs[0].Channel", code),
        );
        for (list, rest) in [
            ("PhoneNumberConfigs", json!({"PhoneType": "SOFT_PHONE"})),
            (
                "PersistentConnectionConfigs",
                json!({"PersistentConnection": true}),
            ),
            (
                "VoiceEnhancementConfigs",
                json!({"VoiceEnhancementMode": "NONE"}),
            ),
        ] {
            cases.push(
                Case::new(
                    format!("{list}, channel {name}, twice"),
                    CM,
                    Input::base(CM).set(list, json!([item(rest.clone()), item(rest.clone())])),
                )
                .err(format!("{list}[0].Channel"), code)
                .err(format!("{list}[1].Channel"), code),
            );
        }
    }
    check(cases);
}

#[test]
fn list_item_rules() {
    let mut cases = Vec::new();
    let lists = [
        ("AutoAcceptConfigs", "Channel and AutoAccept"),
        (
            "AfterContactWorkConfigs",
            "Channel and AfterContactWorkConfig",
        ),
        ("PhoneNumberConfigs", "Channel and PhoneType"),
        (
            "PersistentConnectionConfigs",
            "Channel and PersistentConnection",
        ),
        (
            "VoiceEnhancementConfigs",
            "Channel and VoiceEnhancementMode",
        ),
    ];
    for (list, needs) in lists {
        let at = format!("{list}[0]");
        // An absent or empty item: one REQUIRED at the item.
        for absent in [
            json!(null),
            json!({}),
            json!({"Channel": "", "Unknown": null}),
            json!({"Channel": null}),
        ] {
            cases.push(
                Case::new(
                    format!("{list} [{absent}]"),
                    CM,
                    Input::base(CM).set(list, json!([absent])),
                )
                .err(at.clone(), "REQUIRED")
                .says(at.clone(), "REQUIRED", needs),
            );
        }
        // A non-object item: one TYPE at the item.
        for not_object in [
            json!("VOICE"),
            json!([]),
            json!(0),
            json!(false),
            json!(""),
            json!([{}]),
        ] {
            cases.push(
                Case::new(
                    format!("{list} [{not_object}]"),
                    CM,
                    Input::base(CM).set(list, json!([not_object])),
                )
                .err(at.clone(), "TYPE"),
            );
        }
        // A present item missing a required member: REQUIRED at that member.
        let second = needs.split(" and ").nth(1).unwrap();
        cases.push(
            Case::new(
                format!("{list} [{{Channel}}]"),
                CM,
                Input::base(CM).set(list, json!([{"Channel": "VOICE"}])),
            )
            .err(format!("{at}.{second}"), "REQUIRED"),
        );
    }
    // Items are reported by index, each on its own.
    cases.push(
        Case::new(
            "valid, null, string, missing member",
            CM,
            Input::base(CM).set(
                "AutoAcceptConfigs",
                json!([
                    {"Channel": "VOICE", "AutoAccept": true},
                    null,
                    "CHAT",
                    {"Channel": "TASK"}
                ]),
            ),
        )
        .err("AutoAcceptConfigs[1]", "REQUIRED")
        .err("AutoAcceptConfigs[2]", "TYPE")
        .err("AutoAcceptConfigs[3].AutoAccept", "REQUIRED"),
    );
    cases.push(
        Case::new(
            "nested required object absent",
            CM,
            Input::base(CM).set(
                "AfterContactWorkConfigs",
                json!([
                    {"Channel": "VOICE", "AfterContactWorkConfig": {}},
                    {"Channel": "CHAT", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": null}},
                    {"Channel": "TASK", "AfterContactWorkConfig": []}
                ]),
            ),
        )
        .err("AfterContactWorkConfigs[0].AfterContactWorkConfig", "REQUIRED")
        .err("AfterContactWorkConfigs[1].AfterContactWorkConfig", "REQUIRED")
        .err("AfterContactWorkConfigs[2].AfterContactWorkConfig", "TYPE"),
    );
    cases.push(
        Case::new(
            "an item with only an unknown member is present",
            CM,
            Input::base(CM).set("AutoAcceptConfigs", json!([{"Foo": 1}])),
        )
        .err("AutoAcceptConfigs[0].Channel", "REQUIRED")
        .err("AutoAcceptConfigs[0].AutoAccept", "REQUIRED")
        .err("AutoAcceptConfigs[0].Foo", "UNKNOWN_FIELD"),
    );
    cases.push(
        Case::new(
            "wrong member types in items",
            CM,
            Input::base(CM)
                .set(
                    "AutoAcceptConfigs",
                    json!([{"Channel": "VOICE", "AutoAccept": "true", "AgentFirstCallbackAutoAccept": 1}]),
                )
                .set(
                    "PersistentConnectionConfigs",
                    json!([{"Channel": "VOICE", "PersistentConnection": "false"}]),
                )
                .set(
                    "VoiceEnhancementConfigs",
                    json!([{"Channel": "VOICE", "VoiceEnhancementMode": "noise_suppression"}]),
                ),
        )
        .err("AutoAcceptConfigs[0].AutoAccept", "TYPE")
        .err("AutoAcceptConfigs[0].AgentFirstCallbackAutoAccept", "TYPE")
        .err("PersistentConnectionConfigs[0].PersistentConnection", "TYPE")
        .err("VoiceEnhancementConfigs[0].VoiceEnhancementMode", "ENUM"),
    );
    check(cases);
}

#[test]
fn phone_number_configs_phone_number() {
    let item = |t: &str, n: Option<&str>| match n {
        Some(n) => json!({"Channel": "VOICE", "PhoneType": t, "PhoneNumber": n}),
        None => json!({"Channel": "VOICE", "PhoneType": t}),
    };
    check(vec![
        Case::new(
            "DESK_PHONE with number",
            CM,
            Input::base(CM).set(
                "PhoneNumberConfigs",
                json!([item("DESK_PHONE", Some("+12065550100"))]),
            ),
        ),
        Case::new(
            "DESK_PHONE without number",
            CM,
            Input::base(CM).set("PhoneNumberConfigs", json!([item("DESK_PHONE", None)])),
        )
        .err("PhoneNumberConfigs[0].PhoneNumber", "REQUIRED"),
        Case::new(
            "DESK_PHONE with empty number",
            CM,
            Input::base(CM).set("PhoneNumberConfigs", json!([item("DESK_PHONE", Some(""))])),
        )
        .err("PhoneNumberConfigs[0].PhoneNumber", "REQUIRED"),
        Case::new(
            "DESK_PHONE with a malformed number",
            CM,
            Input::base(CM).set(
                "PhoneNumberConfigs",
                json!([item("DESK_PHONE", Some("+0123"))]),
            ),
        )
        .err("PhoneNumberConfigs[0].PhoneNumber", "PATTERN"),
        Case::new(
            "SOFT_PHONE without number",
            CM,
            Input::base(CM).set("PhoneNumberConfigs", json!([item("SOFT_PHONE", None)])),
        ),
        // Decision: as for PhoneConfig.DeskPhoneNumber, a number with SOFT_PHONE has no effect.
        Case::new(
            "SOFT_PHONE with number",
            CM,
            Input::base(CM).set(
                "PhoneNumberConfigs",
                json!([item("SOFT_PHONE", Some("+12065550100"))]),
            ),
        )
        .warn("PhoneNumberConfigs[0].PhoneNumber", "NOT_APPLICABLE"),
        Case::new(
            "phone type missing",
            CM,
            Input::base(CM).set(
                "PhoneNumberConfigs",
                json!([{"Channel": "VOICE", "PhoneNumber": "+12065550100"}]),
            ),
        )
        .err("PhoneNumberConfigs[0].PhoneType", "REQUIRED"),
        Case::new(
            "phone type invalid",
            CM,
            Input::base(CM).set("PhoneNumberConfigs", json!([item("DESKPHONE", None)])),
        )
        .err("PhoneNumberConfigs[0].PhoneType", "ENUM"),
    ]);
}
