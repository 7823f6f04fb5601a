//! The JavaScript face: packed text in, packed text out, one call per check. No rule lives here;
//! the JavaScript side (`js/api.js`) gathers the input into the packed form and unpacks reports.
//! Instance contexts are prepared once and kept here under a handle (0: none), so that a context
//! of 100,000 users crosses the boundary once, not once per call.

use std::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;

use crate::csv::CsvOptions;
use crate::import::{check_csv, CsvJson, ImportOptions};
use crate::{build_request, normalize_nfc, validate, validate_json_array, wire, Instance, Options};

thread_local! {
    /// Prepared instance contexts; handle `h` is slot `h - 1`.
    static INSTANCES: RefCell<Vec<Option<Instance>>> = const { RefCell::new(Vec::new()) };
}

/// Prepares an instance context from its JSON text (text that is not JSON is an ignored whole,
/// `""` a context that could not be serialized); returns its handle (never 0).
#[wasm_bindgen(js_name = prepareInstance)]
pub fn prepare_instance(json_text: &str) -> u32 {
    // The prepared maps take a fraction of the text: reserve it at once, so that wasm memory grows
    // in one step (growing page by page made V8 collect garbage hundreds of times per context).
    // (`black_box`: an allocation nothing reads is otherwise optimized away.)
    drop(std::hint::black_box(Vec::<u8>::with_capacity(
        json_text.len() / 2,
    )));
    let instance = if json_text.is_empty() {
        Instance::unreadable()
    } else {
        Instance::from_json(json_text)
    };
    INSTANCES.with(|cell| {
        let mut slots = cell.borrow_mut();
        let free = slots.iter().position(Option::is_none);
        let slot = match free {
            Some(i) => i,
            None => {
                slots.push(None);
                slots.len() - 1
            }
        };
        if let Some(s) = slots.get_mut(slot) {
            *s = Some(instance);
        }
        u32::try_from(slot + 1).unwrap_or(0)
    })
}

/// Frees a prepared instance context (an unknown handle is ignored).
#[wasm_bindgen(js_name = dropInstance)]
pub fn drop_instance(handle: u32) {
    INSTANCES.with(|cell| {
        if let Some(slot) = cell.borrow_mut().get_mut((handle as usize).wrapping_sub(1)) {
            *slot = None;
        }
    });
}

/// Runs `f` with the options of a packed mode and the instance context of `handle`.
fn with_instance<R>(
    options: Options<'static>,
    handle: u32,
    f: impl FnOnce(&Options<'_>) -> R,
) -> R {
    INSTANCES.with(|cell| {
        let slots = cell.borrow();
        let instance = slots
            .get((handle as usize).wrapping_sub(1))
            .and_then(Option::as_ref);
        match instance {
            Some(instance) => f(&options.with_instance(instance)),
            None => f(&options),
        }
    })
}

/// Validates one packed input; returns its packed report.
#[wasm_bindgen(js_name = validatePacked)]
pub fn validate_packed(packed: &[u8], instance: u32) -> String {
    let (options, input) = wire::decode(packed);
    let mut out = String::new();
    let report = with_instance(options, instance, |o| validate(&input, o));
    wire::encode_report(&mut out, &report);
    out
}

/// Builds the request of one packed input; returns the packed request, or the packed report of
/// an invalid input.
#[wasm_bindgen(js_name = buildPacked)]
pub fn build_packed(packed: &[u8], instance: u32) -> String {
    let (options, input) = wire::decode(packed);
    match with_instance(options, instance, |o| build_request(&input, o)) {
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
pub fn validate_batch(json_text: &str, mode: Option<String>, instance: u32) -> String {
    let options = Options::from_mode_name(mode.as_deref());
    let mut out = String::new();
    let result = with_instance(options, instance, |o| {
        validate_json_array(json_text, o, |report| {
            wire::encode_report(&mut out, &report);
            out.push(wire::GROUP);
        })
    });
    match result {
        Ok(()) => out,
        Err(e) => format!("!{e}"),
    }
}

/// Checks a bulk CSV template file (its bytes; a JavaScript string as UTF-8); returns the
/// CsvReport's JSON text (CSV.md "What comes back"). `delimiter`: `,`, `;` or a tab, else detected.
#[wasm_bindgen(js_name = validateCsv)]
pub fn validate_csv(
    bytes: &[u8],
    mode: Option<String>,
    instance: u32,
    instance_id: Option<String>,
    delimiter: Option<String>,
) -> String {
    let import = ImportOptions {
        instance_id: instance_id.as_deref(),
        csv: CsvOptions {
            delimiter: delimiter
                .as_deref()
                .and_then(|d| <[u8; 1]>::try_from(d.as_bytes()).ok())
                .map(|[d]| d),
            ..CsvOptions::default()
        },
    };
    let options = Options::from_mode_name(mode.as_deref());
    with_instance(options, instance, |o| {
        // The report's text is a few times the file (each row's input and report).
        let mut json = CsvJson::with_capacity(bytes.len().saturating_mul(5));
        let file = check_csv(bytes, o, &import, |row| json.row(row));
        json.finish(&file)
    })
}

/// The bulk CSV template: its header and one example row for the mode (Amazon Connect
/// identity management when none or an unknown one is given).
#[wasm_bindgen(js_name = csvTemplate)]
pub fn csv_template(mode: Option<String>) -> String {
    crate::csv::template(mode.as_deref().and_then(crate::Mode::parse))
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
