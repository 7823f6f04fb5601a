//! The JavaScript face: packed text in, packed text out, one call per check. No rule lives here;
//! the JavaScript side (`js/api.js`) gathers the input into the packed form and unpacks reports.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::{build_request, normalize_nfc, validate, validate_json_array, wire, Options};

/// Validates one packed input; returns its packed report.
#[wasm_bindgen(js_name = validatePacked)]
pub fn validate_packed(packed: &[u8]) -> String {
    let (options, input) = wire::decode(packed);
    let mut out = String::new();
    wire::encode_report(&mut out, &validate(&input, &options));
    out
}

/// Builds the request of one packed input; returns the packed request, or the packed report of
/// an invalid input.
#[wasm_bindgen(js_name = buildPacked)]
pub fn build_packed(packed: &[u8]) -> String {
    let (options, input) = wire::decode(packed);
    match build_request(&input, &options) {
        Ok(request) => wire::encode_request(&request),
        Err(invalid) => {
            let mut out = String::new();
            wire::encode_report(&mut out, &invalid.0);
            out
        }
    }
}

/// Validates a JSON array of inputs; returns their packed reports, each ended by U+001D, or `!`
/// and the reason when the text is not a JSON array.
#[wasm_bindgen(js_name = validateBatch)]
pub fn validate_batch(json_text: &str, mode: Option<String>) -> String {
    let options = Options::from_mode_name(mode.as_deref());
    let mut out = String::new();
    let result = validate_json_array(json_text, &options, |report| {
        wire::encode_report(&mut out, &report);
        out.push(wire::GROUP);
    });
    match result {
        Ok(()) => out,
        Err(e) => format!("!{e}"),
    }
}

/// The NFC form of `text`.
#[wasm_bindgen(js_name = normalizeNfc)]
pub fn normalize(text: &str) -> String {
    normalize_nfc(text)
}

/// The field table as JSON (see `describe::describe_model`).
#[wasm_bindgen(js_name = describeModel)]
pub fn describe() -> String {
    crate::describe::describe_model()
}
