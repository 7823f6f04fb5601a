//! wasm-bindgen tests: the exported face, run as wasm in Node and (WASM_BINDGEN_USE_BROWSER=1) in
//! headless Chromium. The rules are tested natively; here: that the same core answers the same
//! inside wasm, through the packed format, without a trap on any bytes.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use connect_create_user::wasm::{
    build_packed, csv_template, describe, drop_catalog, drop_instance, load_catalog, locale_of,
    normalize, prepare_instance, validate_batch, validate_csv, validate_packed,
};
use connect_create_user::{json, wire};
use wasm_bindgen_test::wasm_bindgen_test;

const VALID: &str = r#"{"InstanceId":"a b/c","Username":"jdoe","Password":"Secr3tPass",
  "IdentityInfo":{"FirstName":"José","LastName":"Doe","Email":"jose@example.com"},
  "SecurityProfileIds":["sp-1"],"RoutingProfileId":"rp-1","Tags":{"équipe":""}}"#;

fn packed(mode: Option<&str>, text: &str) -> Vec<u8> {
    wire::encode(mode, &json::parse(text).unwrap())
}

#[wasm_bindgen_test]
fn a_valid_input_has_an_empty_report() {
    assert_eq!(
        validate_packed(&packed(Some("CONNECT_MANAGED"), VALID), 0, 0),
        ""
    );
}

#[wasm_bindgen_test]
fn problems_come_back_as_records() {
    let out = validate_packed(&packed(Some("SAML"), VALID), 0, 0);
    let records: Vec<&str> = out.split('\u{1e}').filter(|r| !r.is_empty()).collect();
    assert_eq!(records.len(), 2, "{out}");
    assert!(records[0].starts_with("EPassword\u{1f}FORBIDDEN\u{1f}"));
    assert!(records[1].starts_with("EIdentityInfo.Email\u{1f}FORBIDDEN\u{1f}"));
}

#[wasm_bindgen_test]
fn build_gives_the_request_or_the_report() {
    let out = build_packed(&packed(Some("CONNECT_MANAGED"), VALID), 0, 0);
    let (path, body) = out.strip_prefix('R').unwrap().split_once('\u{1f}').unwrap();
    assert_eq!(path, "/users/a%20b%2Fc");
    assert!(body.starts_with(r#"{"Username":"jdoe","Password":"Secr3tPass""#));
    assert!(build_packed(&packed(Some("SAML"), VALID), 0, 0).starts_with("EPassword"));
}

#[wasm_bindgen_test]
fn malformed_bytes_are_a_report_not_a_trap() {
    for bytes in [
        &b""[..],
        b"\x00",
        b"\xff\xff",
        b"\x02\xff\xff\xff\xff",
        b"\x00o\x01\x00\x00\x00",
        b"\x00a]]",
    ] {
        assert!(
            validate_packed(bytes, 0, 0).starts_with("E\u{1f}TYPE"),
            "{bytes:?}"
        );
        assert!(build_packed(bytes, 0, 0).starts_with("E\u{1f}TYPE"));
    }
}

#[wasm_bindgen_test]
fn batch_gives_one_report_per_user() {
    let out = validate_batch(
        &format!("[{VALID},{{}},{VALID}]"),
        Some("CONNECT_MANAGED".into()),
        0,
        0,
    );
    let reports: Vec<&str> = out.split('\u{1d}').collect();
    assert_eq!(reports.len(), 4, "three reports, each ended: {out}");
    assert_eq!((reports[0], reports[3]), ("", ""));
    assert!(reports[1].contains("Username\u{1f}REQUIRED"));
    assert!(
        reports[2].starts_with("EUsername\u{1f}TAKEN"),
        "a repeated user name"
    );
    assert!(validate_batch("[1,", None, 0, 0).starts_with('!'));
}

#[wasm_bindgen_test]
fn large_inputs_fit_in_wasm_memory() {
    let long = "x".repeat(10 * 1024 * 1024);
    let text = VALID.replace(r#""rp-1""#, &format!("\"{long}\""));
    assert_eq!(
        validate_packed(&packed(Some("CONNECT_MANAGED"), &text), 0, 0),
        ""
    );
    let text = VALID.replace(r#""jdoe""#, &format!("\"{long}\""));
    assert!(
        validate_packed(&packed(Some("CONNECT_MANAGED"), &text), 0, 0)
            .starts_with("EUsername\u{1f}TOO_LONG")
    );
}

#[wasm_bindgen_test]
fn nfc_and_model_description() {
    assert_eq!(normalize("Jose\u{301}"), "José");
    assert!(describe(0).starts_with(r#"{"name":"CreateUserRequest""#));
}

#[wasm_bindgen_test]
fn an_instance_context_is_prepared_once_and_used_by_handle() {
    let handle = prepare_instance(
        r#"{"UserSummaryList":[{"Id":"u","Username":"jdoe"}],"NextToken":"t",
            "RoutingProfileSummaryList":[{"Id":"rp-1","Name":"Basic"}]}"#,
    );
    assert_ne!(handle, 0);
    let out = validate_packed(&packed(Some("CONNECT_MANAGED"), VALID), handle, 0);
    assert!(out.starts_with("EUsername\u{1f}TAKEN"), "{out}");
    let junk = prepare_instance("{not json");
    let out = validate_packed(&packed(Some("CONNECT_MANAGED"), VALID), junk, 0);
    assert!(out.starts_with("W\u{1f}INSTANCE_IGNORED"), "{out}");
    drop_instance(handle);
    drop_instance(handle);
    drop_instance(0);
    assert_eq!(
        validate_packed(&packed(Some("CONNECT_MANAGED"), VALID), handle, 0),
        ""
    );
}

#[wasm_bindgen_test]
fn a_csv_file_is_one_call_and_json_back() {
    let template = csv_template(Some("CONNECT_MANAGED".into()));
    let out = validate_csv(
        template.as_bytes(),
        Some("CONNECT_MANAGED".into()),
        0,
        Some("i".into()),
        None,
        0,
    );
    assert!(out.starts_with(r#"{"rows":[{"row":2,"#), "{out}");
    assert!(out.contains("UNRESOLVED"), "{out}");
    let junk = validate_csv(b"\xff\xfe\"", None, 0, None, Some(";".into()), 0);
    assert!(junk.ends_with('}'), "{junk}");
}

#[wasm_bindgen_test]
fn a_catalog_is_loaded_once_and_used_by_handle() {
    assert_eq!(locale_of("de-AT"), "de");
    let handle = load_catalog(r#"{"required.member":"{label} fehlt."}"#);
    let out = validate_packed(&packed(Some("CONNECT_MANAGED"), "{}"), 0, handle);
    assert!(out.contains("fehlt"), "{out}");
    drop_catalog(handle);
    assert!(!load_catalog("not json").to_string().is_empty());
}
