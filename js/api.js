// The JavaScript half of the package: it gathers an input into one packed string (reading only
// the members the model declares, catching whatever a getter or Proxy throws), makes one call into
// wasm, and unpacks the answer. No rule lives here: the rules, and the field table this file
// follows (`describeModel`'s JSON, written into the package at build time), are all in the Rust
// core. `scripts/build-pkg.mjs` writes one packing function per shape of the model into it (at
// `@generated-packers`) and wraps it into the CommonJS, Node ESM and browser entries.

/** Thrown by `buildCreateUserRequest` for an invalid input. */
class ValidationError extends Error {
  constructor(report) {
    const n = report.errors.length;
    const first = report.errors
      .slice(0, 3)
      .map((e) => `${e.path === "" ? "(input)" : e.path}: ${e.code}`)
      .join("; ");
    super(`The CreateUser input has ${n} error${n === 1 ? "" : "s"} (${first}${n > 3 ? "; …" : ""}).`);
    this.name = "ValidationError";
    this.errors = report.errors;
    this.warnings = report.warnings;
  }
}

// Separators of the packed answers (see src/wire.rs).
const UNIT = "\x1f";
const RECORD = "\x1e";
const GROUP = "\x1d";
// Lists and maps are read no further than this (the core's READ_LIMIT + 1, so it sees "too many").
const READ_ITEMS = 10001;
// A packed input larger than this many bytes is not sent to wasm at all.
const MAX_PACKED = 256 * 1024 * 1024;

// `modelText`: the JSON of `describeModel`, which the package build writes in so that start-up
// makes no call into wasm; asked of wasm when not given. `localeText(tag)`: the JSON text of the
// catalog of a canonical locale tag ("de", "pt-BR"), or null when it is not at hand (then
// English; see `loadLocale`).
function createApi(glue, modelText = glue.describeModel(0), localeText = () => null) {

  const toTag = Object.prototype.toString;
  const getProto = Object.getPrototypeOf;
  const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const OBJECT_PROTO = Object.prototype;
  const OTHER_OBJECTS = {
    "[object Date]": "D",
    "[object Map]": "M",
    "[object Set]": "T",
    "[object WeakMap]": "M",
    "[object WeakSet]": "T",
    "[object RegExp]": "R",
    "[object String]": "W",
    "[object Number]": "W",
    "[object Boolean]": "W",
    "[object BigInt]": "W",
    "[object Symbol]": "W",
    "[object ArrayBuffer]": "V",
    "[object SharedArrayBuffer]": "V",
  };

  // "o" for an object read through its own enumerable string keys (plain, null-prototype, class
  // instance), else the packed tag of what it is.
  function objectKind(v) {
    const proto = getProto(v);
    if (proto === OBJECT_PROTO || proto === null) return "o";
    const tag = toTag.call(v);
    if (tag === "[object Object]") return "o";
    return OTHER_OBJECTS[tag] || (ArrayBuffer.isView(v) ? "V" : "Z");
  }

  // The packed input is written into one growable byte buffer (format: src/wire.rs).
  const T = (c) => c.charCodeAt(0);
  const [U, TRUE, FALSE, NUM, SEMI, STR, OBJ, KEY, KEY_ID, END_OBJ, LIST, END_LIST, PRESENT, ERR] = [..."utfn;sokK}a]pE"].map(T);
  const TAGS = { B: T("B"), Y: T("Y"), F: T("F"), O: T("O"), A: T("A") };
  for (const k of Object.values(OTHER_OBJECTS).concat(["V", "Z"])) TAGS[k] = T(k);
  const encoder = new TextEncoder();
  const START_SIZE = 1 << 16;
  let buf = new Uint8Array(START_SIZE);
  let pos = 0;
  const TOO_LARGE_SIGNAL = {};

  function ensure(n) {
    if (pos + n > buf.length) {
      let size = buf.length * 2;
      while (size < pos + n) size *= 2;
      if (size > MAX_PACKED) throw TOO_LARGE_SIGNAL;
      const bigger = new Uint8Array(size);
      bigger.set(buf.subarray(0, pos));
      buf = bigger;
    }
  }
  function put(b) {
    ensure(1);
    buf[pos++] = b;
  }
  // A count in four 7-bit groups, least significant first: every byte outside string contents
  // stays ASCII, so the core checks the whole buffer as UTF-8 at once.
  function putCount(at, n) {
    buf[at] = n & 127;
    buf[at + 1] = (n >>> 7) & 127;
    buf[at + 2] = (n >>> 14) & 127;
    buf[at + 3] = (n >>> 21) & 127;
  }
  // The byte length, then the UTF-8 bytes; a lone surrogate becomes U+FFFD (via TextEncoder).
  function putText(s) {
    const n = s.length;
    ensure(4 + 3 * n);
    const b = buf; // a local: the loop below cannot grow the buffer
    const start = pos + 4;
    let p = start;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        b[p++] = c;
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 63);
      } else if (c < 0xd800 || c > 0xdfff) {
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 63);
        b[p++] = 0x80 | (c & 63);
      } else {
        // A surrogate: pairs and lone ones are the encoder's job.
        p += encoder.encodeInto(s.slice(i), b.subarray(p)).written;
        break;
      }
    }
    putCount(pos, p - start);
    pos = p;
  }
  // A member the model names, by its index in the core's list (written in at build time).
  function putKeyId(id) {
    ensure(2);
    buf[pos++] = KEY_ID;
    buf[pos++] = id;
  }
  // ASCII text with no count (numbers as String(n) writes them).
  function putAscii(s) {
    const n = s.length;
    ensure(n);
    for (let i = 0; i < n; i++) buf[pos++] = s.charCodeAt(i);
  }

  function putScalar(v) {
    switch (typeof v) {
      case "string":
        put(STR);
        putText(v);
        return;
      case "boolean":
        put(v ? TRUE : FALSE);
        return;
      case "number":
        put(NUM);
        putAscii(String(v));
        return put(SEMI);
      case "undefined":
        put(U);
        return;
      case "bigint":
        put(TAGS.B);
        return;
      case "symbol":
        put(TAGS.Y);
        return;
      case "function":
        put(TAGS.F);
        return;
      default: {
        if (v === null) return put(U);
        // Only telling what kind of object it is can throw here (a Proxy's traps, a revoked one).
        let tag = ERR;
        try {
          const kind = Array.isArray(v) ? "A" : objectKind(v);
          tag = kind === "o" ? TAGS.O : TAGS[kind];
        } catch {
          // stays ERR
        }
        put(tag);
      }
    }
  }

  // Packs `x` where the model expects an object, with `packShape` (one of the generated
  // functions below) for its members. Recursion follows the model (four levels at most), never
  // the input; whatever throws while reading becomes ERR for that value.
  function packWith(x, packShape) {
    const mark = pos;
    try {
      if (typeof x !== "object" || x === null) return putScalar(x);
      if (Array.isArray(x)) return put(TAGS.A);
      const kind = objectKind(x);
      if (kind !== "o") return put(TAGS[kind]);
      packShape(x);
    } catch (e) {
      if (e === TOO_LARGE_SIGNAL) throw e;
      pos = mark;
      put(ERR);
    }
  }

  // A list where the model expects one: items are objects packed with `packShape`, or scalars
  // when it is null. A throwing getter on an item makes that item unreadable, not the list.
  function packListWith(x, packShape) {
    const mark = pos;
    try {
      if (!Array.isArray(x)) return putScalar(x);
      const n = Math.min(x.length, READ_ITEMS);
      put(LIST);
      ensure(4);
      putCount(pos, n);
      pos += 4;
      for (let i = 0; i < n; i++) {
        let item;
        try {
          item = x[i];
        } catch {
          put(ERR);
          continue;
        }
        if (packShape === null) putScalar(item);
        else packWith(item, packShape);
      }
      put(END_LIST);
    } catch (e) {
      if (e === TOO_LARGE_SIGNAL) throw e;
      pos = mark;
      put(ERR);
    }
  }

  // The Tags map. Entries past READ_ITEMS are never visited: for-in stops where Object.keys
  // would first have listed a million keys.
  function packMap(x) {
    packWith(x, packMapEntries);
  }
  function packMapEntries(v) {
      put(OBJ);
      ensure(4);
      const countAt = pos;
      pos += 4;
      let n = 0;
      for (const k in v) {
        if (!hasOwn(v, k)) continue;
        if (n === READ_ITEMS) break;
        n++;
        put(KEY);
        putText(k);
        let value;
        try {
          value = v[k];
        } catch {
          put(ERR);
          continue;
        }
        putScalar(value);
      }
      putCount(countAt, n);
      put(END_OBJ);
  }

  function putObjectStart(n) {
    put(OBJ);
    ensure(4);
    putCount(pos, Math.min(n, 2 * READ_ITEMS));
    pos += 4;
  }

  // @generated-packers

  // An unknown member is reported unless it is null or undefined; its value is never read further.
  function presence(obj, k) {
    let v;
    try {
      v = obj[k];
    } catch {
      return put(PRESENT);
    }
    put(v === undefined || v === null ? U : PRESENT);
  }

  // The identity management type: "0" not given, else "2" and its text ("" when it was given but
  // is not a string, or could not be read: the core treats it as unrecognized either way).
  function putMode(options) {
    const m = modeName(options);
    if (m === undefined) return put(T("0"));
    put(T("2"));
    putText(m);
  }

  function modeName(options) {
    try {
      const m = options === undefined || options === null ? undefined : options.identityManagementType;
      return m === undefined || m === null ? undefined : typeof m === "string" ? m : "";
    } catch {
      return "";
    }
  }

  // The packed bytes of one call, or null when they would be too large to send.
  let packing = false;
  function packInput(input, options) {
    if (packing) {
      // A getter of the input being packed called the API again: pack into a buffer of its own
      // and leave the outer call's buffer and position as they were.
      const outer = [buf, pos];
      buf = new Uint8Array(START_SIZE);
      try {
        return packInto(input, options);
      } finally {
        [buf, pos] = outer;
      }
    }
    if (buf.length > 16 * START_SIZE) buf = new Uint8Array(START_SIZE); // let a huge input's go
    packing = true;
    try {
      return packInto(input, options);
    } finally {
      packing = false;
    }
  }

  function packInto(input, options) {
    pos = 0;
    try {
      putMode(options);
      packRoot(input);
      return buf.subarray(0, pos);
    } catch {
      // Only TOO_LARGE_SIGNAL, or an engine limit on a huge string, gets here.
      return null;
    }
  }

  const tooLarge = (locale) => ({
    valid: false,
    errors: [{ path: "", code: "TOO_LONG", message: glue.tooLargeMessage(locale, MAX_PACKED / 1024 / 1024) }],
    warnings: [],
  });

  // Records: kind path US code US message (US tag text)* RS, tags F (fix value), L (fix label),
  // C (CSV column).
  function unpackReport(text, start, end) {
    const errors = [];
    const warnings = [];
    while (start < end) {
      const stop = text.indexOf(RECORD, start);
      const u1 = text.indexOf(UNIT, start);
      const u2 = text.indexOf(UNIT, u1 + 1);
      const u3 = text.indexOf(UNIT, u2 + 1);
      const v = { path: text.slice(start + 1, u1), code: text.slice(u1 + 1, u2), message: text.slice(u2 + 1, u3 === -1 || u3 > stop ? stop : u3) };
      if (u3 !== -1 && u3 < stop) unpackExtras(v, text.slice(u3 + 1, stop).split(UNIT));
      (text.charCodeAt(start) === 69 /* E */ ? errors : warnings).push(v);
      start = stop + 1;
    }
    return { valid: errors.length === 0, errors, warnings };
  }

  function unpackExtras(v, fields) {
    for (const f of fields) {
      const tag = f[0];
      const value = f.slice(1);
      if (tag === "F") v.fix = { value };
      else if (tag === "L" && v.fix) v.fix.label = value;
      else if (tag === "C") v.column = value;
    }
  }

  // Instance contexts (INSTANCE.md) are prepared in wasm once per object and kept under a handle
  // (0: none), freed when the object is collected. The same object given again is not sent again,
  // so a context must not be changed after its first use: pass a new object instead.
  const preparedInstances = new WeakMap();
  const freeInstances = typeof FinalizationRegistry === "function" ? new FinalizationRegistry((h) => glue.dropInstance(h)) : null;
  let lastText = null; // [JSON text, handle] of the last context given as text

  function instanceOf(options) {
    try {
      return options === undefined || options === null ? undefined : options.instance;
    } catch {
      return UNREADABLE_INSTANCE;
    }
  }
  const UNREADABLE_INSTANCE = Symbol("unreadable");

  // The handle of the context in `options`, preparing it the first time it is seen.
  function instanceHandle(options) {
    const instance = instanceOf(options);
    if (instance === undefined || instance === null) return 0;
    if (typeof instance === "object") {
      const known = preparedInstances.get(instance);
      if (known !== undefined) return known;
      const handle = glue.prepareInstance(contextText(instance));
      preparedInstances.set(instance, handle);
      if (freeInstances) freeInstances.register(instance, handle);
      return handle;
    }
    if (typeof instance === "string") {
      // The JSON text of a context: prepared again only when the text changes.
      if (lastText !== null && lastText[0] === instance) return lastText[1];
      if (lastText !== null) glue.dropInstance(lastText[1]);
      lastText = [instance, glue.prepareInstance(instance === "" ? "null" : instance)];
      return lastText[1];
    }
    if (unreadableHandle === 0) unreadableHandle = glue.prepareInstance("");
    return unreadableHandle;
  }
  let unreadableHandle = 0;

  // The JSON of a context object, or "" (unreadable) when it cannot be serialized (a cycle, a
  // BigInt, a throwing getter or Proxy, an engine limit): never an exception.
  function contextText(instance) {
    try {
      const text = JSON.stringify(instance);
      return typeof text === "string" ? text : "";
    } catch {
      return "";
    }
  }

  // Message catalogs (MESSAGES.md): loaded into wasm once per locale and kept under a handle (0:
  // English, built in). `options.locale` is matched by the core (`de-AT` → `de`); a locale whose
  // catalog is not at hand yet renders English.
  const catalogs = new Map(); // canonical tag → handle
  const matched = new Map(); // tag as given → canonical tag (the first 64 tags seen)

  function canonicalLocale(tag) {
    let canonical = matched.get(tag);
    if (canonical === undefined) {
      canonical = glue.matchLocale(tag);
      if (matched.size < 64) matched.set(tag, canonical);
    }
    return canonical;
  }

  // The catalog handle of a locale tag (anything but a non-empty string is English).
  function localeHandle(tag) {
    if (typeof tag !== "string" || tag === "") return 0;
    const canonical = canonicalLocale(tag);
    if (canonical === "en") return 0;
    const known = catalogs.get(canonical);
    if (known !== undefined) return known;
    let text = null;
    try {
      text = localeText(canonical);
    } catch {
      // not at hand: English
    }
    return typeof text === "string" ? registerLocale(canonical, text) : 0;
  }

  function localeOf(options) {
    try {
      return options === undefined || options === null ? undefined : options.locale;
    } catch {
      return undefined;
    }
  }

  // Loads the catalog JSON `text` for the locale `tag` (replacing one loaded before); the
  // canonical tag it was kept under.
  function registerLocale(tag, text) {
    const canonical = canonicalLocale(String(tag));
    if (canonical === "en") return 0;
    const old = catalogs.get(canonical);
    if (old) glue.dropCatalog(old);
    const handle = glue.loadCatalog(String(text));
    catalogs.set(canonical, handle);
    return handle;
  }

  // The packed input is copied straight into wasm memory and the report read from there
  // (no allocation, copy and free per call as passing bytes through the glue makes; no text
  // decoding for a clean report). Views are remade when wasm memory has grown (which detaches
  // them); no JavaScript runs between writing the input, the call, and reading the report.
  const memory = typeof glue.wasmMemory === "function" ? glue.wasmMemory() : null;
  let bytes = new Uint8Array(0);
  function wasmBytes() {
    if (bytes.buffer !== memory.buffer) bytes = new Uint8Array(memory.buffer);
    return bytes;
  }
  const decoder = new TextDecoder();

  function validateWith(input, options, handle, locale) {
    const packed = packInput(input, options);
    if (packed === null) return tooLarge(locale);
    if (memory !== null) {
      const at = glue.inputBuffer(packed.length);
      wasmBytes().set(packed, at);
      const n = glue.validateInput(handle, locale);
      if (n === 0) return { valid: true, errors: [], warnings: [] };
      if (n <= MAX_PACKED) {
        const from = glue.outputBuffer();
        const text = decoder.decode(wasmBytes().subarray(from, from + n));
        return unpackReport(text, 0, text.length);
      }
    }
    const text = glue.validatePacked(packed, handle, locale);
    return unpackReport(text, 0, text.length);
  }

  function buildWith(input, options, handle, locale) {
    const packed = packInput(input, options);
    if (packed === null) throw new ValidationError(tooLarge(locale));
    const text = glue.buildPacked(packed, handle, locale);
    if (text.charCodeAt(0) !== 82 /* R */) throw new ValidationError(unpackReport(text, 0, text.length));
    const u = text.indexOf(UNIT);
    return {
      method: "PUT",
      path: text.slice(1, u),
      headers: { "Content-Type": "application/json" },
      body: text.slice(u + 1),
    };
  }

  function batchWith(jsonText, options, handle, locale) {
    if (typeof jsonText !== "string") throw new TypeError("validateCreateUserBatch takes the JSON text of an array of users.");
    const text = glue.validateBatch(jsonText, modeName(options), handle, locale);
    if (text.charCodeAt(0) === 33 /* ! */) throw new SyntaxError(`Not a JSON array of users: ${text.slice(1)}.`);
    const reports = [];
    let start = 0;
    while (start < text.length) {
      const end = text.indexOf(GROUP, start);
      reports.push(unpackReport(text, start, end));
      start = end + 1;
    }
    return reports;
  }

  function validateCreateUser(input, options) {
    return validateWith(input, options, instanceHandle(options), localeHandle(localeOf(options)));
  }

  function buildCreateUserRequest(input, options) {
    return buildWith(input, options, instanceHandle(options), localeHandle(localeOf(options)));
  }

  function validateCreateUserBatch(jsonText, options) {
    return batchWith(jsonText, options, instanceHandle(options), localeHandle(localeOf(options)));
  }

  // Options read once: the mode as it was given, and the context prepared once and kept alive
  // with the validator.
  function createValidator(options) {
    const fixed = { identityManagementType: modeName(options) };
    const instance = instanceOf(options);
    // A context given as text gets a handle of its own (the shared one for text changes with the
    // next text given to a plain function), freed with the validator.
    const own = typeof instance === "string";
    const handle = own ? glue.prepareInstance(instance === "" ? "null" : instance) : instanceHandle(options);
    // The locale is read once; its catalog is looked up at each call (a browser may load it later).
    const locale = localeOf(options);
    const self = {
      validate: (input) => validateWith(input, fixed, handle, localeHandle(locale)),
      build: (input) => buildWith(input, fixed, handle, localeHandle(locale)),
      validateBatch: (jsonText) => batchWith(jsonText, fixed, handle, localeHandle(locale)),
      validateCsv: (file, csv) => csvWith(file, fixed, csv, handle, localeHandle(locale)),
    };
    Object.defineProperty(self, "instance", { value: instance, enumerable: false });
    if (own && freeInstances) freeInstances.register(self, handle);
    return self;
  }

  const utf8 = new TextEncoder();
  // The file's bytes: a string as UTF-8, bytes as they are.
  function fileBytes(file) {
    if (typeof file === "string") return utf8.encode(file);
    if (file instanceof Uint8Array) return file;
    if (file instanceof ArrayBuffer) return new Uint8Array(file);
    if (ArrayBuffer.isView(file)) return new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
    throw new TypeError("validateCreateUserCsv takes the file's text (a string) or its bytes (a Uint8Array).");
  }

  function stringOption(o, name) {
    try {
      const v = o === undefined || o === null ? undefined : o[name];
      return typeof v === "string" ? v : undefined;
    } catch {
      return undefined;
    }
  }

  function csvWith(file, options, csv, handle, locale) {
    const bytes = fileBytes(file);
    const text = glue.validateCsv(bytes, modeName(options), handle, stringOption(csv, "instanceId"), stringOption(csv, "delimiter"), locale);
    const report = JSON.parse(text);
    // A sendable row comes as `request: 1`, the file's one request path apart (src/import/output.rs):
    // the body is the input without InstanceId, which the core wrote in the model's order exactly
    // as JSON.stringify writes it.
    const path = report.requestPath;
    delete report.requestPath;
    for (const row of report.rows) {
      if (row.request !== 1) continue;
      const { InstanceId, ...body } = row.input;
      row.request = { method: "PUT", path, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
    }
    return report;
  }

  function validateCreateUserCsv(file, options) {
    return csvWith(file, options, options, instanceHandle(options), localeHandle(localeOf(options)));
  }

  function csvTemplate(mode) {
    return glue.csvTemplate(typeof mode === "string" ? mode : undefined);
  }

  function normalizeNfc(text) {
    if (typeof text !== "string") throw new TypeError("normalizeNfc takes a string.");
    return glue.normalizeNfc(text);
  }

  // The canonical tag whose catalog a locale tag renders with now ("en" when none is loaded).
  function localeInUse(tag) {
    return localeHandle(tag) === 0 ? "en" : canonicalLocale(tag);
  }

  // The field table, labels in `locale` (English: the text written in at build time).
  function describeModel(locale) {
    const handle = localeHandle(locale);
    return JSON.parse(handle === 0 ? modelText : glue.describeModel(handle));
  }

  return { validateCreateUser, buildCreateUserRequest, validateCreateUserBatch, validateCreateUserCsv, csvTemplate, createValidator, normalizeNfc, describeModel, registerLocale, canonicalLocale, localeInUse };
}