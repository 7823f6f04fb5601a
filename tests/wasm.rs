//! wasm-bindgen tests: the exported face, run as wasm in Node and (WASM_BINDGEN_USE_BROWSER=1) in
//! headless Chromium. The rules are tested natively; here: that the same core answers the same
//! inside wasm, through the packed format, without a trap on any bytes.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use connect_create_user::wasm::{
    build_packed, describe, normalize, validate_batch, validate_packed,
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
    assert_eq!(validate_packed(&packed(Some("CONNECT_MANAGED"), VALID)), "");
}

#[wasm_bindgen_test]
fn problems_come_back_as_records() {
    let out = validate_packed(&packed(Some("SAML"), VALID));
    let records: Vec<&str> = out.split('\u{1e}').filter(|r| !r.is_empty()).collect();
    assert_eq!(records.len(), 2, "{out}");
    assert!(records[0].starts_with("EPassword\u{1f}FORBIDDEN\u{1f}"));
    assert!(records[1].starts_with("EIdentityInfo.Email\u{1f}FORBIDDEN\u{1f}"));
}

#[wasm_bindgen_test]
fn build_gives_the_request_or_the_report() {
    let out = build_packed(&packed(Some("CONNECT_MANAGED"), VALID));
    let (path, body) = out.strip_prefix('R').unwrap().split_once('\u{1f}').unwrap();
    assert_eq!(path, "/users/a%20b%2Fc");
    assert!(body.starts_with(r#"{"Username":"jdoe","Password":"Secr3tPass""#));
    assert!(build_packed(&packed(Some("SAML"), VALID)).starts_with("EPassword"));
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
            validate_packed(bytes).starts_with("E\u{1f}TYPE"),
            "{bytes:?}"
        );
        assert!(build_packed(bytes).starts_with("E\u{1f}TYPE"));
    }
}

#[wasm_bindgen_test]
fn batch_gives_one_report_per_user() {
    let out = validate_batch(
        &format!("[{VALID},{{}},{VALID}]"),
        Some("CONNECT_MANAGED".into()),
    );
    let reports: Vec<&str> = out.split('\u{1d}').collect();
    assert_eq!(reports.len(), 4, "three reports, each ended: {out}");
    assert_eq!((reports[0], reports[2], reports[3]), ("", "", ""));
    assert!(reports[1].contains("Username\u{1f}REQUIRED"));
    assert!(validate_batch("[1,", None).starts_with('!'));
}

#[wasm_bindgen_test]
fn large_inputs_fit_in_wasm_memory() {
    let long = "x".repeat(10 * 1024 * 1024);
    let text = VALID.replace(r#""rp-1""#, &format!("\"{long}\""));
    assert_eq!(validate_packed(&packed(Some("CONNECT_MANAGED"), &text)), "");
    let text = VALID.replace(r#""jdoe""#, &format!("\"{long}\""));
    assert!(validate_packed(&packed(Some("CONNECT_MANAGED"), &text))
        .starts_with("EUsername\u{1f}TOO_LONG"));
}

#[wasm_bindgen_test]
fn nfc_and_model_description() {
    assert_eq!(normalize("Jose\u{301}"), "José");
    assert!(describe().starts_with(r#"{"name":"CreateUserRequest""#));
}
