//! CSV.md "Rows": every check of a template row, table-driven, named after the rule. Files are
//! bytes; the instance context is shaped as the AWS CLI writes it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use connect_create_user::import::{check_csv, FileReport, ImportOptions};
use connect_create_user::{request::write_input, Instance, Mode, Options};
use serde_json::{json, Value as J};

const HEADER: &str = "first name,last name,email address,password,user login,routing profile name,\
security_profile_name_1|security_profile_name_2,phone type (soft/desk),phone number,\
soft phone auto accept (yes/no),ACW timeout (seconds),tags,agent hierarchy,user_hierarchy_1|user_hierarchy_2";

fn context() -> J {
    json!([
        {"Instance": {"IdentityManagementType": "CONNECT_MANAGED"}},
        {"UserSummaryList": [{"Id": "u-1", "Username": "taken.user"}], "NextToken": "t"},
        {"RoutingProfileSummaryList": [
            {"Id": "rp-1", "Arn": "arn:aws:connect:us-east-1:111122223333:instance/i/routing-profile/rp-1", "Name": "Basic Routing Profile"},
            {"Id": "rp-2", "Arn": "arn:rp-2", "Name": "Sales"},
            {"Id": "rp-3", "Arn": "arn:rp-3", "Name": "Sales"},
            {"Id": "rp-4", "Arn": "arn:rp-4", "Name": "Équipe"}
        ]},
        {"SecurityProfileSummaryList": [
            {"Id": "sp-1", "Arn": "arn:sp-1", "Name": "Agent"},
            {"Id": "sp-2", "Arn": "arn:sp-2", "Name": "Admin"},
            {"Id": "sp-3", "Arn": "arn:sp-3", "Name": "CallCenterManager"}
        ]},
        {"UserHierarchyGroupSummaryList": [
            {"Id": "hg-n", "Name": "Team A", "HierarchyPath": {"LevelOne": {"Name": "North"}, "LevelTwo": {"Name": "Team A"}}},
            {"Id": "hg-s", "Name": "Team A", "HierarchyPath": {"LevelOne": {"Name": "South"}, "LevelTwo": {"Name": "Team A"}}},
            {"Id": "hg-x", "Name": "Solo"}
        ]}
    ])
}

/// A valid row of the header above, with the cells of `changes` (by header) replaced.
fn row(changes: &[(&str, &str)]) -> String {
    let mut cells: Vec<(&str, String)> = vec![
        ("first name", "Jane".into()),
        ("last name", "Doe".into()),
        ("email address", "jane@example.com".into()),
        ("password", "Passw0rdX".into()),
        ("user login", "jdoe".into()),
        ("routing profile name", "Basic Routing Profile".into()),
        (
            "security_profile_name_1|security_profile_name_2",
            "Agent".into(),
        ),
        ("phone type (soft/desk)", "soft".into()),
        ("phone number", "".into()),
        ("soft phone auto accept (yes/no)", "no".into()),
        ("ACW timeout (seconds)", "0".into()),
        ("tags", "".into()),
        ("agent hierarchy", "".into()),
        ("user_hierarchy_1|user_hierarchy_2", "".into()),
    ];
    for (header, value) in changes {
        let cell = cells.iter_mut().find(|(h, _)| h == header).expect(header);
        cell.1 = (*value).to_string();
    }
    cells
        .iter()
        .map(|(_, v)| {
            if v.contains([',', '"', '\n']) {
                format!("\"{}\"", v.replace('"', "\"\""))
            } else {
                v.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[derive(Debug)]
struct Checked {
    file: FileReport,
    rows: Vec<RowOut>,
}

#[derive(Debug)]
struct RowOut {
    row: usize,
    errors: Vec<(String, String, Option<String>)>,
    warnings: Vec<(String, String, Option<String>)>,
    messages: Vec<String>,
    fixes: Vec<(String, String)>,
    input: J,
    request: bool,
}

fn run(file: &[u8], ctx: Option<&J>, mode: Option<Mode>, instance_id: Option<&str>) -> Checked {
    let instance = ctx.map(|c| Instance::from_json(&c.to_string()));
    let base = mode.map_or_else(Options::default, Options::with_mode);
    let options = match &instance {
        Some(i) => base.with_instance(i),
        None => base,
    };
    let import = ImportOptions {
        instance_id,
        ..ImportOptions::default()
    };
    let mut rows = Vec::new();
    let file = check_csv(file, &options, &import, |r| {
        let triple = |v: &connect_create_user::Violation| {
            (
                v.path.clone(),
                v.code.as_str().to_string(),
                v.column.clone(),
            )
        };
        let mut input = String::new();
        write_input(&mut input, &r.input);
        rows.push(RowOut {
            row: r.row,
            errors: r.report.errors.iter().map(triple).collect(),
            warnings: r.report.warnings.iter().map(triple).collect(),
            messages: r
                .report
                .errors
                .iter()
                .chain(&r.report.warnings)
                .map(|v| v.message.clone())
                .collect(),
            fixes: r
                .report
                .errors
                .iter()
                .chain(&r.report.warnings)
                .filter_map(|v| v.fix.as_ref().map(|f| (v.path.clone(), f.value.clone())))
                .collect(),
            input: serde_json::from_str(&input).unwrap(),
            request: r.sendable,
        });
    });
    Checked { file, rows }
}

fn file_of(rows: &[String]) -> Vec<u8> {
    let mut text = String::from(HEADER);
    for r in rows {
        text.push_str("\r\n");
        text.push_str(r);
    }
    text.push_str("\r\n");
    text.into_bytes()
}

fn one(changes: &[(&str, &str)]) -> RowOut {
    let c = run(
        &file_of(&[row(changes)]),
        Some(&context()),
        None,
        Some("inst-1"),
    );
    c.rows.into_iter().next().unwrap()
}

/// A table row: name, cell changes, then what is expected.
type Changes = Vec<(&'static str, &'static str)>;
type Codes = Vec<(&'static str, &'static str)>;

fn codes(list: &[(String, String, Option<String>)]) -> Vec<(&str, &str)> {
    list.iter()
        .map(|(p, c, _)| (p.as_str(), c.as_str()))
        .collect()
}

#[test]
fn a_valid_row_becomes_its_input_and_request() {
    let r = one(&[
        ("tags", "team=support|site=north"),
        ("ACW timeout (seconds)", "30.0"),
        ("soft phone auto accept (yes/no)", "YES"),
    ]);
    assert!(r.errors.is_empty() && r.warnings.is_empty(), "{r:?}");
    assert!(r.request);
    assert_eq!(
        r.input,
        json!({"Username": "jdoe", "Password": "Passw0rdX",
               "IdentityInfo": {"FirstName": "Jane", "LastName": "Doe", "Email": "jane@example.com"},
               "PhoneConfig": {"PhoneType": "SOFT_PHONE", "AutoAccept": true, "AfterContactWorkTimeLimit": 30},
               "SecurityProfileIds": ["sp-1"], "RoutingProfileId": "rp-1", "InstanceId": "inst-1",
               "Tags": {"team": "support", "site": "north"}})
    );
    assert_eq!(r.row, 2);
}

#[test]
fn names_to_ids() {
    let sp = "security_profile_name_1|security_profile_name_2";
    let rp = "routing profile name";
    let ah = "agent hierarchy";
    let cases: Vec<(&str, Changes, J, Codes, Codes)> = vec![
        (
            "exact names",
            vec![(sp, "Agent|Admin"), (rp, "Sales")],
            json!(["sp-1", "sp-2"]),
            vec![("RoutingProfileId", "AMBIGUOUS")],
            vec![],
        ),
        (
            "names in any case",
            vec![(sp, "agent | ADMIN"), (rp, "basic routing profile")],
            json!(["sp-1", "sp-2"]),
            vec![],
            vec![],
        ),
        (
            "ids kept",
            vec![(sp, "sp-3"), (rp, "rp-2")],
            json!(["sp-3"]),
            vec![],
            vec![],
        ),
        (
            "ARNs become ids with PREFER_ID",
            vec![(sp, "arn:sp-2"), (rp, "arn:rp-2")],
            json!(["sp-2"]),
            vec![],
            vec![
                ("SecurityProfileIds[0]", "PREFER_ID"),
                ("RoutingProfileId", "PREFER_ID"),
            ],
        ),
        (
            "unknown name: NOT_FOUND",
            vec![(sp, "Agent|Nobody")],
            json!(["sp-1", "Nobody"]),
            vec![("SecurityProfileIds[1]", "NOT_FOUND")],
            vec![],
        ),
        (
            "a near miss: NOT_FOUND with a fix",
            vec![(sp, "CallCentreManager")],
            json!(["CallCentreManager"]),
            vec![("SecurityProfileIds[0]", "NOT_FOUND")],
            vec![],
        ),
        (
            "shared hierarchy name: AMBIGUOUS",
            vec![(ah, "Team A")],
            json!(["sp-1"]),
            vec![("HierarchyGroupId", "AMBIGUOUS")],
            vec![],
        ),
        (
            "shared hierarchy name with its path",
            vec![(ah, "South/Team A")],
            json!(["sp-1"]),
            vec![],
            vec![],
        ),
        (
            "a path in other case",
            vec![(ah, "north / team a")],
            json!(["sp-1"]),
            vec![],
            vec![],
        ),
        (
            "a hierarchy path that names nothing",
            vec![(ah, "East/Team A")],
            json!(["sp-1"]),
            vec![("HierarchyGroupId", "NOT_FOUND")],
            vec![],
        ),
        (
            "a unique hierarchy name",
            vec![(ah, "solo")],
            json!(["sp-1"]),
            vec![],
            vec![],
        ),
    ];
    let mut failures = Vec::new();
    for (name, changes, ids, errors, warnings) in cases {
        let r = one(&changes);
        if r.input["SecurityProfileIds"] != ids
            || codes(&r.errors) != errors
            || codes(&r.warnings) != warnings
        {
            failures.push(format!("{name}: {r:?}"));
        }
        for (path, _, column) in r.errors.iter().chain(&r.warnings) {
            if column.is_none() {
                failures.push(format!("{name}: no column at {path}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let r = one(&[(sp, "CallCentreManager")]);
    assert_eq!(
        r.fixes,
        [("SecurityProfileIds[0]".to_string(), "sp-3".to_string())]
    );
    assert!(r.messages[0].contains("Did you mean CallCenterManager?"));
    assert_eq!(
        one(&[(ah, "South/Team A")]).input["HierarchyGroupId"],
        "hg-s"
    );
    assert_eq!(one(&[(rp, "arn:rp-2")]).input["RoutingProfileId"], "rp-2");
}

#[test]
fn cells_of_each_kind() {
    let cases: Vec<(&str, Changes, Codes, Codes)> = vec![
        (
            "phone type desk needs a number",
            vec![("phone type (soft/desk)", "DESK")],
            vec![("PhoneConfig.DeskPhoneNumber", "REQUIRED")],
            vec![],
        ),
        (
            "phone type DESK_PHONE with a number",
            vec![
                ("phone type (soft/desk)", "desk_phone"),
                ("phone number", "+12065550100"),
            ],
            vec![],
            vec![],
        ),
        (
            "phone type unknown: ENUM",
            vec![("phone type (soft/desk)", "mobile")],
            vec![("PhoneConfig.PhoneType", "ENUM")],
            vec![],
        ),
        (
            "yes/no: anything else is TYPE",
            vec![("soft phone auto accept (yes/no)", "y")],
            vec![("PhoneConfig.AutoAccept", "TYPE")],
            vec![],
        ),
        (
            "true/false work",
            vec![("soft phone auto accept (yes/no)", "TRUE")],
            vec![],
            vec![],
        ),
        (
            "ACW 30.0 is 30",
            vec![("ACW timeout (seconds)", "30.0")],
            vec![],
            vec![],
        ),
        (
            "ACW 30.5: TYPE",
            vec![("ACW timeout (seconds)", "30.5")],
            vec![("PhoneConfig.AfterContactWorkTimeLimit", "TYPE")],
            vec![],
        ),
        (
            "ACW out of range",
            vec![("ACW timeout (seconds)", "2000001")],
            vec![("PhoneConfig.AfterContactWorkTimeLimit", "OUT_OF_RANGE")],
            vec![],
        ),
        (
            "tags: a pair without =",
            vec![("tags", "team")],
            vec![("Tags", "PATTERN")],
            vec![],
        ),
        (
            "tags: a key twice",
            vec![("tags", "a=1|a=2")],
            vec![("Tags[\"a\"]", "DUPLICATE")],
            vec![],
        ),
        (
            "tags: k= is an empty value",
            vec![("tags", "k=")],
            vec![],
            vec![],
        ),
        (
            "tags: the rule book's key rules",
            vec![("tags", "aws:x=1")],
            vec![("Tags[\"aws:x\"]", "PATTERN")],
            vec![],
        ),
        (
            "user_hierarchy: NOT_APPLICABLE",
            vec![("user_hierarchy_1|user_hierarchy_2", "North")],
            vec![],
            vec![("", "NOT_APPLICABLE")],
        ),
        (
            "the rule book applies: a weak password",
            vec![("password", "password")],
            vec![("Password", "PATTERN")],
            vec![],
        ),
        (
            "the password is never trimmed",
            vec![("password", " Passw0rdX")],
            vec![("Password", "PATTERN")],
            vec![],
        ),
        (
            "the rule book applies: an email",
            vec![("email address", "jane@example")],
            vec![("IdentityInfo.Email", "PATTERN")],
            vec![],
        ),
        (
            "a login taken in the instance",
            vec![("user login", "taken.user")],
            vec![("Username", "TAKEN")],
            vec![],
        ),
    ];
    let mut failures = Vec::new();
    for (name, changes, errors, warnings) in cases {
        let r = one(&changes);
        if codes(&r.errors) != errors || codes(&r.warnings) != warnings {
            failures.push(format!("{name}: {:?} {:?}", r.errors, r.warnings));
        }
        if r.request != errors.is_empty() {
            failures.push(format!("{name}: request {}", r.request));
        }
        let no_column = r
            .errors
            .iter()
            .chain(&r.warnings)
            .filter(|(_, _, c)| c.is_none())
            .count();
        if no_column > 0 {
            failures.push(format!("{name}: violation without column"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(
        one(&[("user_hierarchy_1|user_hierarchy_2", "x")]).warnings[0]
            .2
            .as_deref(),
        Some("user_hierarchy_1|user_hierarchy_2")
    );
}

#[test]
fn what_spreadsheets_do_to_cells() {
    for (cell, why) in [
        ("1.20655E+10", "scientific notation"),
        ("12065550100", "the + dropped"),
    ] {
        let r = one(&[("phone type (soft/desk)", "desk"), ("phone number", cell)]);
        assert_eq!(
            codes(&r.errors),
            [("PhoneConfig.DeskPhoneNumber", "PATTERN")],
            "{why}"
        );
        assert!(
            r.messages[0].contains("format the column as Text"),
            "{why}: {:?}",
            r.messages
        );
        assert!(!r.messages[0].contains(cell));
    }
    let r = one(&[
        ("phone type (soft/desk)", "desk"),
        ("phone number", "206-555"),
    ]);
    assert!(
        !r.messages[0].contains("spreadsheet"),
        "an ordinary bad number keeps the rule book's message"
    );
    for (header, path) in [("password", "Password"), ("user login", "Username")] {
        for cell in ["Passw0rd…X", "“Passw0rdX”", "Pass’w0rdX"] {
            let r = one(&[(header, cell)]);
            assert!(
                r.warnings.iter().any(|(p, c, col)| p == path
                    && c == "AUTOCORRECTED"
                    && col.as_deref() == Some(header)),
                "{header} {cell}: {r:?}"
            );
        }
    }
    assert!(one(&[("password", "Passw0rd...X")]).warnings.is_empty());
}

#[test]
fn across_rows() {
    let rows = [
        row(&[("user login", "a.user")]),
        row(&[
            ("user login", "b.user"),
            ("email address", "Jane@Example.com"),
        ]),
        String::new(),
        row(&[
            ("user login", "a.user"),
            ("email address", "other@example.com"),
        ]),
    ];
    let c = run(&file_of(&rows), Some(&context()), None, Some("inst-1"));
    let numbers: Vec<usize> = c.rows.iter().map(|r| r.row).collect();
    assert_eq!(numbers, [2, 3, 5], "blank rows are counted, not handed out");
    assert_eq!(
        codes(&c.rows[1].warnings),
        [("IdentityInfo.Email", "DUPLICATE")]
    );
    assert!(c.rows[1].messages[0].contains("Row 2"));
    assert_eq!(codes(&c.rows[2].errors), [("Username", "TAKEN")]);
    assert!(
        c.rows[2].messages[0].contains("Row 2"),
        "{:?}",
        c.rows[2].messages
    );
    assert!(!c.rows[2].messages[0].contains("a.user"));
    assert_eq!(c.file.rows, 3);
    assert_eq!(c.file.invalid_rows, 1);
    assert!(!c.file.is_valid());
}

#[test]
fn file_level_problems() {
    let file = file_of(&[
        row(&[]),
        row(&[
            ("user login", "other"),
            ("email address", "other@example.com"),
        ]),
    ]);
    // Without the instance id: one file error, no row flagged, no request.
    let c = run(&file, Some(&context()), None, None);
    let file_codes: Vec<_> = c
        .file
        .errors
        .iter()
        .map(|v| (v.path.as_str(), v.code.as_str()))
        .collect();
    assert_eq!(file_codes, [("InstanceId", "REQUIRED")]);
    assert!(c.rows.iter().all(|r| r.errors.is_empty() && !r.request));
    // Without a mode anywhere: one MODE_UNKNOWN for the file, none per row.
    let c = run(&file, None, None, Some("inst-1"));
    let warnings: Vec<_> = c.file.warnings.iter().map(|v| v.code.as_str()).collect();
    assert_eq!(warnings, ["MODE_UNKNOWN"]);
    assert!(c.rows.iter().all(|r| r.warnings.is_empty()), "{:?}", c.rows);
    // Without the lists: UNRESOLVED per names column with names, no request; rows still checked.
    let errors: Vec<_> = c
        .file
        .errors
        .iter()
        .map(|v| (v.code.as_str(), v.column.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        errors,
        [
            ("UNRESOLVED", "routing profile name"),
            (
                "UNRESOLVED",
                "security_profile_name_1|security_profile_name_2"
            )
        ]
    );
    assert!(c.rows.iter().all(|r| !r.request));
    assert_eq!(
        c.rows[0].input["RoutingProfileId"], "Basic Routing Profile",
        "kept as written"
    );
    // A junk part of the context: one INSTANCE_IGNORED for the file.
    let mut junk = context();
    junk.as_array_mut()
        .unwrap()
        .push(json!({"UserSummaryList": [{"Id": "x"}]}));
    let c = run(&file, Some(&junk), None, Some("inst-1"));
    assert_eq!(
        c.file
            .warnings
            .iter()
            .map(|v| v.code.as_str())
            .collect::<Vec<_>>(),
        ["INSTANCE_IGNORED"]
    );
    assert!(c.rows.iter().all(|r| r.warnings.is_empty() && r.request));
    assert!(c.file.is_valid());
}

#[test]
fn a_row_with_cells_past_the_header_and_a_windows_1252_file() {
    let mut text = file_of(&[format!("{},extra", row(&[]))]);
    let c = run(&text, Some(&context()), None, Some("i"));
    assert_eq!(codes(&c.rows[0].errors), [("", "TOO_MANY")]);
    // "Équipe" as Windows-1252 (0xC9) resolves like the UTF-8 name.
    text = file_of(&[row(&[("routing profile name", "\u{1}quipe")])]);
    let at = text.iter().position(|b| *b == 1).unwrap();
    text[at] = 0xC9;
    let c = run(&text, Some(&context()), None, Some("i"));
    assert_eq!(c.rows[0].input["RoutingProfileId"], "rp-4");
    assert_eq!(
        c.file
            .warnings
            .iter()
            .map(|v| v.code.as_str())
            .collect::<Vec<_>>(),
        ["ENCODING"]
    );
}

#[test]
fn no_message_holds_a_cell_value() {
    let secret = "Zq9SecretValue";
    let r = one(&[
        ("password", &format!("{secret} x")),
        ("user login", &format!("{secret}@")),
        ("email address", secret),
        ("routing profile name", secret),
        ("tags", &format!("{secret}|{secret}=1|{secret}=2")),
        ("phone number", secret),
        ("phone type (soft/desk)", secret),
    ]);
    assert!(r.errors.len() >= 6, "{r:?}");
    for m in &r.messages {
        assert!(!m.contains("Zq9S"), "{m}");
    }
}
