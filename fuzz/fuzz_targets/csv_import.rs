//! Any bytes as a template file, through the whole import (rows mapped, names resolved against a
//! CLI-shaped context, every rule): no panic, the same answer twice, rows rising from 2, a request
//! exactly when a row is valid and the instance id was given and nothing was unresolved, the
//! file valid exactly when it has no error and no invalid row, and no sensitive cell's text
//! (6 characters or more) in any message. The first byte picks the options.
#![no_main]

use std::sync::OnceLock;

use connect_create_user::csv::trim_cell;
use connect_create_user::import::{check_csv, CsvJson, ImportOptions};
use connect_create_user::{Instance, Mode, Options};
use fuzz_checks::in_vocabulary;
use libfuzzer_sys::fuzz_target;

const CONTEXT: &str = r#"[{"Instance":{"IdentityManagementType":"CONNECT_MANAGED"}},
 {"UserSummaryList":[{"Id":"u-1","Username":"taken"}]},
 {"RoutingProfileSummaryList":[{"Id":"rp-1","Arn":"arn:rp-1","Name":"Basic"},{"Id":"rp-2","Name":"Sales"},{"Id":"rp-3","Name":"Sales"}]},
 {"SecurityProfileSummaryList":[{"Id":"sp-1","Name":"Agent"},{"Id":"sp-2","Name":"Admin"}]},
 {"UserHierarchyGroupSummaryList":[{"Id":"hg-1","Name":"Team","HierarchyPath":{"LevelOne":{"Name":"North"},"LevelTwo":{"Name":"Team"}}},{"Id":"hg-2","Name":"Team"}]}]"#;

/// The headers whose cells are sensitive (RULES.md): their text never reaches a message.
const SENSITIVE: [&str; 7] = [
    "password",
    "first name",
    "last name",
    "email address",
    "secondary email address",
    "mobile",
    "phone number",
];

fn instance() -> &'static Instance {
    static INSTANCE: OnceLock<Instance> = OnceLock::new();
    INSTANCE.get_or_init(|| Instance::from_json(CONTEXT))
}

fn run(file: &[u8], options: &Options<'_>, import: &ImportOptions<'_>) -> String {
    let mut json = CsvJson::default();
    let mut last = 1;
    // Each row's cells and messages, checked once the header is known.
    let mut seen: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    let report = check_csv(file, options, import, |row| {
        assert!(row.row > last, "row numbers do not rise");
        last = row.row;
        if row.sendable {
            assert!(row.report.is_valid(), "a request for an invalid row");
            assert!(
                import.instance_id.is_some(),
                "a request without an instance id"
            );
        }
        let messages = row.report.errors.iter().chain(&row.report.warnings);
        seen.push((
            row.cells.iter().map(|c| trim_cell(c).to_owned()).collect(),
            messages.map(|v| v.message.clone()).collect(),
        ));
        json.row(row);
    });
    let text = json.finish(&report);
    assert_eq!(
        report.is_valid(),
        report.errors.is_empty() && report.invalid_rows == 0
    );
    let blocked = report
        .errors
        .iter()
        .any(|v| matches!(v.code.as_str(), "UNRESOLVED") || v.path == "InstanceId");
    if blocked {
        assert!(
            !text.contains("\"request\":"),
            "a request though the file is blocked"
        );
    }
    let sensitive: Vec<usize> = report
        .columns
        .iter()
        .enumerate()
        .filter(|(_, h)| SENSITIVE.iter().any(|s| h.eq_ignore_ascii_case(s)))
        .map(|(i, _)| i)
        .collect();
    for (cells, messages) in &seen {
        for cell in sensitive.iter().filter_map(|&i| cells.get(i)) {
            if cell.chars().count() < 6 || in_vocabulary(cell) {
                continue;
            }
            assert!(
                !messages.iter().any(|m| m.contains(cell.as_str())),
                "a sensitive cell in a message: {cell:?} in {messages:?}"
            );
        }
    }
    text
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, file)) = data.split_first() else {
        return;
    };
    let mode = match selector & 3 {
        0 => None,
        1 => Some(Mode::ConnectManaged),
        2 => Some(Mode::Saml),
        _ => Some(Mode::ExistingDirectory),
    };
    let base = mode.map_or_else(Options::default, Options::with_mode);
    let options = if selector & 4 == 0 {
        base.with_instance(instance())
    } else {
        base
    };
    let import = ImportOptions {
        instance_id: (selector & 8 == 0).then_some("inst-1"),
        ..ImportOptions::default()
    };
    let first = run(file, &options, &import);
    assert_eq!(first, run(file, &options, &import), "not deterministic");
    assert!(
        serde_json::from_str::<serde_json::Value>(&first).is_ok(),
        "the report is not JSON"
    );
});
