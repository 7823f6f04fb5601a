//! The JavaScript face: packed text in, packed text out, one call per check. No rule lives here;
//! the JavaScript side (`js/api.js`) gathers the input into the packed form and unpacks reports.
//! Instance contexts are prepared once and kept here under a handle (0: none), so that a context
//! of 100,000 users crosses the boundary once, not once per call.

use std::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;

use crate::csv::CsvOptions;
use crate::import::{check_csv, CsvJson, ImportOptions};
use crate::messages::{match_locale, Catalog, Message};
use crate::{build_request, normalize_nfc, validate, validate_json_array, wire, Instance, Options};

thread_local! {
    /// Prepared instance contexts; handle `h` is slot `h - 1`.
    static INSTANCES: RefCell<Vec<Option<Instance>>> = const { RefCell::new(Vec::new()) };
    /// Loaded message catalogs; handle `h` is slot `h - 1` (0: English, built in).
    static CATALOGS: RefCell<Vec<Option<Catalog>>> = const { RefCell::new(Vec::new()) };
    /// The packed input of [`validate_input`], written by JavaScript straight into wasm memory;
    /// kept with its capacity from call to call.
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// The packed report of the last [`validate_input`], read by JavaScript from wasm memory.
    static OUTPUT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Puts `value` into the first free slot of `slots`; its handle (the slot + 1, never 0).
fn keep<T>(slots: &RefCell<Vec<Option<T>>>, value: T) -> u32 {
    let mut slots = slots.borrow_mut();
    let free = slots.iter().position(Option::is_none);
    let slot = match free {
        Some(i) => i,
        None => {
            slots.push(None);
            slots.len() - 1
        }
    };
    if let Some(s) = slots.get_mut(slot) {
        *s = Some(value);
    }
    u32::try_from(slot + 1).unwrap_or(0)
}

/// Empties the slot of `handle` (an unknown handle is ignored).
fn free<T>(slots: &RefCell<Vec<Option<T>>>, handle: u32) {
    if let Some(slot) = slots
        .borrow_mut()
        .get_mut((handle as usize).wrapping_sub(1))
    {
        *slot = None;
    }
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
    INSTANCES.with(|cell| keep(cell, instance))
}

/// Frees a prepared instance context (an unknown handle is ignored).
#[wasm_bindgen(js_name = dropInstance)]
pub fn drop_instance(handle: u32) {
    INSTANCES.with(|cell| free(cell, handle));
}

/// Loads a message catalog from a language's JSON text (`locales/<tag>.json`; whatever is missing
/// or malformed renders in English); returns its handle (never 0).
#[wasm_bindgen(js_name = loadCatalog)]
pub fn load_catalog(json_text: &str) -> u32 {
    let catalog = Catalog::from_json(json_text);
    CATALOGS.with(|cell| keep(cell, catalog))
}

/// Frees a loaded catalog (an unknown handle is ignored).
#[wasm_bindgen(js_name = dropCatalog)]
pub fn drop_catalog(handle: u32) {
    CATALOGS.with(|cell| free(cell, handle));
}

/// The canonical tag of the offered locale a BCP 47 tag means (`de-AT` → `de`; `en` for
/// anything unknown).
#[wasm_bindgen(js_name = matchLocale)]
pub fn locale_of(tag: &str) -> String {
    match_locale(tag).to_string()
}

/// Runs `f` with `options` given the instance context of `instance` and the catalog of `locale`
/// (unknown handles: none, English). `f` is `dyn` so the lookups exist once, not per caller.
fn with_options(
    options: Options<'static>,
    instance: u32,
    locale: u32,
    f: &mut dyn FnMut(&Options<'_>),
) {
    INSTANCES.with(|instances| {
        CATALOGS.with(|catalogs| {
            let (instances, catalogs) = (instances.borrow(), catalogs.borrow());
            let slot = |h: u32| (h as usize).wrapping_sub(1);
            let catalog = catalogs.get(slot(locale)).and_then(Option::as_ref);
            let options = options.with_locale(catalog.unwrap_or(Catalog::english()));
            match instances.get(slot(instance)).and_then(Option::as_ref) {
                Some(instance) => f(&options.with_instance(instance)),
                None => f(&options),
            }
        })
    })
}

/// [`with_options`] for an `f` with a result.
fn with<R>(
    options: Options<'static>,
    instance: u32,
    locale: u32,
    f: impl FnOnce(&Options<'_>) -> R,
) -> Option<R> {
    let mut f = Some(f);
    let mut result = None;
    with_options(options, instance, locale, &mut |o| {
        if let Some(f) = f.take() {
            result = Some(f(o));
        }
    });
    result
}

/// Validates one packed input; returns its packed report.
#[wasm_bindgen(js_name = validatePacked)]
pub fn validate_packed(packed: &[u8], instance: u32, locale: u32) -> String {
    let (options, input) = wire::decode(packed);
    let mut out = String::new();
    let report = with(options, instance, locale, |o| validate(&input, o)).unwrap_or_default();
    wire::encode_report(&mut out, &report);
    out
}

/// The wasm memory, for JavaScript to write inputs into and read reports from (see
/// [`input_buffer`]).
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> wasm_bindgen::JsValue {
    wasm_bindgen::memory()
}

/// Makes the input buffer `len` bytes long; returns its address in wasm memory (valid until the
/// next call into wasm), where JavaScript writes a packed input for [`validate_input`]. Saves
/// the allocation, copy and free of passing `&[u8]`.
#[wasm_bindgen(js_name = inputBuffer)]
pub fn input_buffer(len: usize) -> *const u8 {
    INPUT.with(|input| match input.try_borrow_mut() {
        Ok(mut input) => {
            input.clear();
            if input.capacity() > KEEP_CAPACITY {
                // Let a huge input's memory go.
                input.shrink_to(len);
            }
            input.resize(len, 0);
            input.as_ptr()
        }
        Err(_) => std::ptr::null(),
    })
}

/// Capacity the input and output buffers keep from call to call.
const KEEP_CAPACITY: usize = 1 << 20;

/// Validates the packed input in the input buffer; returns the byte length of its packed report
/// (0: valid and no warning; nothing to decode), kept at [`output_buffer`] until the next call,
/// or `usize::MAX` when the buffers are in use (never: no JavaScript runs in between; the
/// caller then uses [`validate_packed`]).
#[wasm_bindgen(js_name = validateInput)]
pub fn validate_input(instance: u32, locale: u32) -> usize {
    INPUT.with(|input| {
        OUTPUT.with(|output| {
            let (Ok(input), Ok(mut out)) = (input.try_borrow(), output.try_borrow_mut()) else {
                return usize::MAX;
            };
            let (options, value) = wire::decode(&input);
            out.clear();
            if out.capacity() > KEEP_CAPACITY {
                out.shrink_to(0);
            }
            let report = with(options, instance, locale, |o| validate(&value, o));
            wire::encode_report(&mut out, &report.unwrap_or_default());
            out.len()
        })
    })
}

/// The address of the last [`validate_input`]'s report in wasm memory.
#[wasm_bindgen(js_name = outputBuffer)]
pub fn output_buffer() -> *const u8 {
    OUTPUT.with(|output| output.try_borrow().map_or(std::ptr::null(), |o| o.as_ptr()))
}

/// Builds the request of one packed input; returns the packed request, or the packed report of
/// an invalid input.
#[wasm_bindgen(js_name = buildPacked)]
pub fn build_packed(packed: &[u8], instance: u32, locale: u32) -> String {
    let (options, input) = wire::decode(packed);
    match with(options, instance, locale, |o| build_request(&input, o)) {
        Some(Ok(request)) => wire::encode_request(&request),
        None => String::new(),
        Some(Err(invalid)) => {
            let mut out = String::new();
            wire::encode_report(&mut out, &invalid.0);
            out
        }
    }
}

/// Validates a JSON array of inputs; returns their packed reports, each ended by U+001D, or `!`
/// and the reason when the text is not a JSON array.
#[wasm_bindgen(js_name = validateBatch)]
pub fn validate_batch(json_text: &str, mode: Option<String>, instance: u32, locale: u32) -> String {
    let options = Options::from_mode_name(mode.as_deref());
    let mut out = String::new();
    let result = with(options, instance, locale, |o| {
        validate_json_array(json_text, o, |report| {
            wire::encode_report(&mut out, &report);
            out.push(wire::GROUP);
        })
    });
    match result {
        Some(Err(e)) => format!("!{e}"),
        _ => out,
    }
}

/// Checks a bulk CSV template file (CSV.md); returns the report as JSON, messages in the catalog
/// of `locale`.
#[wasm_bindgen(js_name = validateCsv)]
pub fn validate_csv(
    bytes: &[u8],
    mode: Option<String>,
    instance: u32,
    instance_id: Option<String>,
    delimiter: Option<String>,
    locale: u32,
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
    with(options, instance, locale, |o| {
        // The report's text is a few times the file (each row's input and report).
        let mut json = CsvJson::with_capacity(bytes.len().saturating_mul(5));
        let file = check_csv(bytes, o, &import, |row| json.row(row));
        json.finish(&file)
    })
    .unwrap_or_default()
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

/// The field table as JSON (see `describe::describe_model`), labels in the catalog of `locale`.
#[wasm_bindgen(js_name = describeModel)]
pub fn describe(locale: u32) -> String {
    with(Options::default(), 0, locale, |o| {
        crate::describe::describe_model(o.locale)
    })
    .unwrap_or_default()
}

/// The member names a packed input may give by index (`'K' i`, see `wire`), one per line: asked
/// once when the package is built, so that the gatherer writes two bytes per known member.
#[wasm_bindgen(js_name = wireMemberNames)]
pub fn wire_member_names() -> String {
    wire::member_names().join("\n")
}

/// The message of an input too large to be sent (over `max_mb` MB), in the catalog of `locale`.
#[wasm_bindgen(js_name = tooLargeMessage)]
pub fn too_large_message(locale: u32, max_mb: u32) -> String {
    with(Options::default(), 0, locale, |o| {
        Message::new("input.too_large")
            .number("max", i64::from(max_mb))
            .render(o.locale)
    })
    .unwrap_or_default()
}
