//! String forms: Password, email, E.164, Username characters, NFC names, tag keys.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use connect_create_user::validate;
use serde_json::json;

fn password_case(pw: &str) -> Case {
    Case::new(
        format!("{pw:?}"),
        CM,
        Input::base(CM).set("Password", json!(pw)),
    )
}

#[test]
fn password_pattern() {
    let lower = "lower-case letter";
    let upper = "upper-case letter";
    let digit = "digit";
    let space = "whitespace";
    let mut cases = vec![
        password_case("Secr3tPass"),
        password_case("aB345678"),
        password_case("Sécr3tPäss"),
        password_case("Aa1!@#$%^&*()"),
        password_case("Aa1😀😀😀😀😀"),
        // U+200B ZERO WIDTH SPACE is not White_Space: allowed.
        password_case("Secr3t\u{200B}Pass"),
        password_case("secr3tpass")
            .err("Password", "PATTERN")
            .says("Password", "PATTERN", upper)
            .not_says("Password", "PATTERN", lower)
            .not_says("Password", "PATTERN", digit),
        password_case("SECR3TPASS")
            .err("Password", "PATTERN")
            .says("Password", "PATTERN", lower)
            .not_says("Password", "PATTERN", upper),
        password_case("SecretPass")
            .err("Password", "PATTERN")
            .says("Password", "PATTERN", digit)
            .not_says("Password", "PATTERN", lower),
        // Only ASCII digits count (0–9).
        password_case("Secret\u{0661}Pass")
            .err("Password", "PATTERN")
            .says("Password", "PATTERN", digit),
        // Only ASCII letters count (a–z, A–Z).
        password_case("ÉCR3TPASSÉ")
            .err("Password", "PATTERN")
            .says("Password", "PATTERN", lower),
        password_case("écr3tpassé")
            .err("Password", "PATTERN")
            .says("Password", "PATTERN", upper),
        // One PATTERN listing every unmet requirement.
        password_case("12345678")
            .err("Password", "PATTERN")
            .says("Password", "PATTERN", lower)
            .says("Password", "PATTERN", upper)
            .not_says("Password", "PATTERN", digit),
        password_case("        ")
            .err("Password", "PATTERN")
            .says("Password", "PATTERN", lower)
            .says("Password", "PATTERN", upper)
            .says("Password", "PATTERN", digit)
            .says("Password", "PATTERN", space),
        password_case("!!!!!!!!")
            .err("Password", "PATTERN")
            .says("Password", "PATTERN", lower)
            .says("Password", "PATTERN", upper)
            .says("Password", "PATTERN", digit)
            .not_says("Password", "PATTERN", space),
        // Too short (or long) and malformed: the length error, then one PATTERN without a
        // word about length.
        password_case("abc")
            .err("Password", "TOO_SHORT")
            .err("Password", "PATTERN")
            .says("Password", "PATTERN", upper)
            .says("Password", "PATTERN", digit)
            .not_says("Password", "PATTERN", "8"),
        password_case("Ab1").err("Password", "TOO_SHORT"),
        password_case("a b")
            .err("Password", "TOO_SHORT")
            .err("Password", "PATTERN")
            .says("Password", "PATTERN", space),
        password_case(&format!("Aa1{}", rep("x", 62))).err("Password", "TOO_LONG"),
        password_case(&format!("Aa1 {}", rep("x", 61)))
            .err("Password", "TOO_LONG")
            .err("Password", "PATTERN")
            .says("Password", "PATTERN", space)
            .not_says("Password", "PATTERN", "64"),
    ];
    // Unicode White_Space anywhere fails.
    for ws in [
        " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}",
        "\u{2007}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
    ] {
        for pw in [
            format!("Secr3t{ws}Pass"),
            format!("{ws}Secr3tPass"),
            format!("Secr3tPass{ws}"),
        ] {
            cases.push(
                password_case(&pw)
                    .err("Password", "PATTERN")
                    .says("Password", "PATTERN", space)
                    .not_says("Password", "PATTERN", lower)
                    .not_says("Password", "PATTERN", upper)
                    .not_says("Password", "PATTERN", digit),
            );
        }
    }
    check(cases);
}

#[test]
fn email_form() {
    let good = [
        "a@b.co",
        "jane@example.com",
        "first.last+tag@sub.example.org",
        "a_b%c-d@x-y.z.museum",
        "UPPER@EXAMPLE.COM",
        "a@1.co",
        "a@b-.co",
        ".a.@b.co",
        "a..b@c..d.co",
        "a@b.c.d.e.fg",
        "1@2.xn",
    ];
    let tld63 = format!("a@b.{}", rep("c", 63));
    let tld64 = format!("a@b.{}", rep("c", 64));
    let bad = [
        "",
        "plain",
        "a@b",
        "a@b.c",
        "a@b.c0",
        "a@b.co1",
        "a@b.co.",
        "@b.co",
        "a@.co",
        "a@b..",
        "a@@b.co",
        "a@b@c.co",
        "a b@c.co",
        "a@b c.co",
        "é@b.co",
        "a@bé.co",
        "a@b_c.co",
        "a!@b.co",
        "a@b.co ",
        " a@b.co",
        "a@b.co\n",
        "<a@b.co>",
        "a@b.c-m",
        "a@b.é",
        "a@[1.2.3.4]",
    ];
    let mut cases = Vec::new();
    for member in ["IdentityInfo.Email", "IdentityInfo.SecondaryEmail"] {
        for g in good.iter().copied().chain([tld63.as_str()]) {
            cases.push(Case::new(
                format!("{member} {g:?}"),
                NONE,
                Input::base(NONE).set(member, json!(g)),
            ));
        }
        for b in bad.iter().copied().chain([tld64.as_str()]) {
            let mut case = Case::new(
                format!("{member} {b:?}"),
                NONE,
                Input::base(NONE).set(member, json!(b)),
            );
            if !b.is_empty() {
                case = case.err(member, "PATTERN");
            }
            cases.push(case);
        }
    }
    check(cases);
}

#[test]
fn e164_form() {
    let good = [
        "+12",
        "+19",
        "+12065550100",
        "+441632960961",
        "+123456789012345",
    ];
    let long = format!("+1{}", rep("2", 5000));
    let bad = [
        "+1",
        "+0",
        "+01",
        "+0123456",
        "+1234567890123456",
        "12065550100",
        "+1 206 555 0100",
        "+1-206-555-0100",
        "+1(206)5550100",
        "++12",
        "+",
        "+12a",
        "+１２３",
        "+1٢٣",
        "00441632960961",
        " +12065550100",
        "+12065550100 ",
        "+12065550100\n",
        "tel:+12065550100",
        long.as_str(),
    ];
    let places = [
        ("IdentityInfo.Mobile", "IdentityInfo.Mobile", false),
        (
            "PhoneConfig.DeskPhoneNumber",
            "PhoneConfig.DeskPhoneNumber",
            true,
        ),
        (
            "PhoneNumberConfigs.0.PhoneNumber",
            "PhoneNumberConfigs[0].PhoneNumber",
            false,
        ),
    ];
    let mut cases = Vec::new();
    for (place, at, in_phone_config) in places {
        let input = |n: &str| {
            let mut i = Input::base(NONE);
            if place.starts_with("PhoneNumberConfigs") {
                i = i.set(
                    "PhoneNumberConfigs",
                    json!([{"Channel": "VOICE", "PhoneType": "DESK_PHONE"}]),
                );
            }
            i.set(place, json!(n))
        };
        let prefer = |c: Case| {
            if in_phone_config {
                c.warn("PhoneConfig", "PREFER_CHANNEL_CONFIG")
            } else {
                c
            }
        };
        for g in good {
            cases.push(prefer(Case::new(format!("{at} {g:?}"), NONE, input(g))));
        }
        for b in bad {
            cases.push(prefer(
                Case::new(format!("{at} {:?}", &b[..b.len().min(20)]), NONE, input(b))
                    .err(at, "PATTERN")
                    .says(at, "PATTERN", "E.164"),
            ));
        }
    }
    check(cases);
}

#[test]
fn username_charset() {
    let mut cases = Vec::new();
    for good in [
        "jdoe",
        "J_Doe-01.x",
        "A",
        "0",
        "_",
        "-.-",
        "ABCDEFGHIJKLMNOPQRST",
        "abcdefghijklmnopqrst",
        "0123456789_-.",
    ] {
        for mode in MODES {
            cases.push(Case::new(
                format!("{good:?}"),
                mode,
                Input::base(mode).set("Username", json!(good)),
            ));
        }
    }
    for bad in [
        "j doe",
        "jdoe ",
        " jdoe",
        "j+doe",
        "j/doe",
        "j\\doe",
        "j'doe",
        "j\"doe",
        "jdoé",
        "Ä",
        "j\tdoe",
        "j\u{A0}doe",
        "j\u{0}doe",
        "ｊｄｏｅ",
        "j😀",
        "j#doe",
        "j,doe",
        "j~doe",
        "j%doe",
        "j:doe",
        "j!",
    ] {
        for mode in MODES {
            cases.push(
                Case::new(
                    format!("{bad:?}"),
                    mode,
                    Input::base(mode).set("Username", json!(bad)),
                )
                .err("Username", "PATTERN")
                .says("Username", "PATTERN", "A–Z"),
            );
        }
    }
    check(cases);
}

#[test]
fn names_must_be_nfc() {
    let mut cases = Vec::new();
    for member in ["IdentityInfo.FirstName", "IdentityInfo.LastName"] {
        for good in [
            "José",
            "Müller",
            "Ångström",
            "김민준",
            "O'Brien-Smith",
            "Zoë 😀",
            "  spaced  ",
            "\u{1D400}",
            // A combining mark with no composed form is already NFC.
            "F\u{301}",
        ] {
            for mode in MODES {
                cases.push(Case::new(
                    format!("{member} {good:?}"),
                    mode,
                    Input::base(mode).set(member, json!(good)),
                ));
            }
        }
        for bad in [
            "Jose\u{301}",
            "Mu\u{308}ller",
            "\u{212B}ngstro\u{308}m",
            "\u{1100}\u{1161}",
            "A\u{30A}",
            "\u{2126}",
        ] {
            for mode in MODES {
                cases.push(
                    Case::new(
                        format!("{member} {bad:?}"),
                        mode,
                        Input::base(mode).set(member, json!(bad)),
                    )
                    .err(member, "NOT_NFC")
                    .says(member, "NOT_NFC", "NFC"),
                );
            }
        }
    }
    // Other members are not names: a decomposed accent there is no NOT_NFC.
    cases.push(Case::new(
        "decomposed routing profile id",
        CM,
        Input::base(CM).set("RoutingProfileId", json!("rp-e\u{301}")),
    ));
    check(cases);
}

#[test]
fn normalize_nfc_fixes_not_nfc() {
    let fixed = connect_create_user::normalize_nfc("Jose\u{301}");
    assert_eq!(fixed, "José");
    let input = Input::base(CM).set("IdentityInfo.FirstName", json!(fixed));
    assert!(validate(input.value(), &options(CM)).is_valid());
}

#[test]
fn tag_key_pattern() {
    let mut cases = Vec::new();
    for good in [
        "team",
        "AWS:x",
        "Aws:x",
        "aWs:x",
        "aws",
        "aws-x",
        "aws_x:",
        "xaws:",
        " aws:",
        "_.:/=+-@",
        "cost center",
        "é",
        "日本語",
        "Ωμέγα",
        "١٢٣",
        "Ⅻ",
        "½",
        "a\u{3000}b",
        "a\u{A0}b",
        "a\u{2028}b",
        "a\u{2029}b",
        "𠀀",
        "a:b/c=d+e-f@g.h_i",
    ] {
        cases.push(Case::new(
            format!("{good:?}"),
            CM,
            Input::base(CM).set("Tags", json!({ good: "v" })),
        ));
    }
    for bad in [
        "aws:",
        "aws:x",
        "aws:aws:",
        "e\u{301}",
        "a!b",
        "a#b",
        "a*b",
        "a,b",
        "a;b",
        "a\"b",
        "a'b",
        "a\\b",
        "a\tb",
        "a\nb",
        "😀",
        "a\u{200B}b",
        "a~b",
        "(a)",
        "a%b",
    ] {
        let at = tag_path(bad);
        cases.push(
            Case::new(
                format!("{bad:?}"),
                CM,
                Input::base(CM).set("Tags", json!({ bad: "v" })),
            )
            .err(at.clone(), "PATTERN")
            .says(at.clone(), "PATTERN", "key"),
        );
    }
    cases.push(
        Case::new(
            "aws: prefix message",
            CM,
            Input::base(CM).set("Tags", json!({"aws:team": "v"})),
        )
        .err(r#"Tags["aws:team"]"#, "PATTERN")
        .says(r#"Tags["aws:team"]"#, "PATTERN", "aws:"),
    );
    cases.push(
        Case::new(
            "aws: prefix and a bad character: one PATTERN",
            CM,
            Input::base(CM).set("Tags", json!({"aws:te!am": "v"})),
        )
        .err(r#"Tags["aws:te!am"]"#, "PATTERN"),
    );
    cases.push(
        Case::new(
            "empty key",
            CM,
            Input::base(CM).set("Tags", json!({"": "v"})),
        )
        .err(r#"Tags[""]"#, "TOO_SHORT")
        .says(r#"Tags[""]"#, "TOO_SHORT", "key"),
    );
    // Key and value problems share the path; each message says which.
    cases.push(
        Case::new(
            "bad key and bad value",
            CM,
            Input::base(CM).set("Tags", json!({"aws:x": rep("v", 257)})),
        )
        .err(r#"Tags["aws:x"]"#, "PATTERN")
        .err(r#"Tags["aws:x"]"#, "TOO_LONG")
        .says(r#"Tags["aws:x"]"#, "PATTERN", "key")
        .says(r#"Tags["aws:x"]"#, "TOO_LONG", "value"),
    );
    cases.push(
        Case::new(
            "bad key and non-string value",
            CM,
            Input::base(CM).set("Tags", json!({"a!": 5})),
        )
        .err(r#"Tags["a!"]"#, "PATTERN")
        .err(r#"Tags["a!"]"#, "TYPE")
        .says(r#"Tags["a!"]"#, "TYPE", "value"),
    );
    check(cases);
}
