// Hostile inputs: values no JSON file can hold, at every level of a CreateUser input.
//
// For every case: `validateCreateUser` returns a well-formed report (never throws) with the path and
// code RULES.md asks for, in bounded time; the same input read through a recording Proxy gives the
// same report and never sees a write (set / defineProperty / deleteProperty / preventExtensions /
// setPrototypeOf); a structural snapshot of the input is the same before and after; the CommonJS
// entry answers the same; `buildCreateUserRequest` either builds (valid input) or throws a
// `ValidationError` with the same errors, never anything else; and a known valid input still
// validates and builds exactly as it did before the hostile call.
//
// Two tables: HOSTILE values × POSITIONS (every value at every level, expectations derived from
// the value's class and the position's kind), and SPECIAL cases ({name, make, at, expect}) for
// the huge, the numeric fine points and the odd corners.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { types } from "node:util";
import vm from "node:vm";
import * as api from "../../pkg/index.mjs";

const cjs = createRequire(import.meta.url)("../../pkg/index.cjs");

/** Each validateCreateUser call on a hostile input must finish within this. */
const LIMIT_MS = 2000;
const MODE = Object.freeze({ identityManagementType: "CONNECT_MANAGED" });
const MB10 = 10 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// The valid input every placement starts from (CONNECT_MANAGED), fresh on every call.

function baseInput() {
  return {
    InstanceId: "inst-0001",
    Username: "jdoe",
    Password: "Passw0rdX",
    IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "jane@example.com" },
    SecurityProfileIds: ["sp-1", "sp-2"],
    RoutingProfileId: "rp-1",
    AutoAcceptConfigs: [
      { Channel: "VOICE", AutoAccept: true },
      { Channel: "CHAT", AutoAccept: false },
    ],
    AfterContactWorkConfigs: [{ Channel: "VOICE", AfterContactWorkConfig: { AfterContactWorkTimeLimit: 30 } }],
    Tags: { team: "blue" },
  };
}

const BASELINE_REPORT = api.validateCreateUser(baseInput(), MODE);
const BASELINE_REQUEST = api.buildCreateUserRequest(baseInput(), MODE);
const BASELINE_UNKNOWN_MODE = api.validateCreateUser(baseInput());

test("the base input is valid and builds", () => {
  assert.deepEqual(BASELINE_REPORT, { valid: true, errors: [], warnings: [] });
  assert.equal(BASELINE_REQUEST.method, "PUT");
  assert.equal(BASELINE_REQUEST.path, "/users/inst-0001");
  assert.equal(BASELINE_UNKNOWN_MODE.valid, true);
  assert.deepEqual(
    BASELINE_UNKNOWN_MODE.warnings.map((w) => w.code),
    ["MODE_UNKNOWN"],
  );
});

// ---------------------------------------------------------------------------------------------
// Expectations: each returns a checker (report) => null | "what is wrong".

const show = (r) => JSON.stringify(r, (k, v) => (typeof v === "string" && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v));
const codes = (list) => list.map((v) => `${v.code}@${v.path.length > 80 ? v.path.slice(0, 80) + "…" : v.path}`).join(", ");

/** Valid; `modeUnknown` true: exactly one MODE_UNKNOWN warning; false: no warning; "either": either. */
function VALID(modeUnknown = false) {
  return (r) => {
    if (!r.valid || r.errors.length) return `expected valid, got errors [${codes(r.errors)}]`;
    const mu = r.warnings.filter((w) => w.code === "MODE_UNKNOWN").length;
    if (modeUnknown === true && mu !== 1) return `expected a MODE_UNKNOWN warning, got [${codes(r.warnings)}]`;
    if (modeUnknown === false && r.warnings.length) return `expected no warnings, got [${codes(r.warnings)}]`;
    return null;
  };
}
/** An error `code` at exactly `path`; every error at or under `under` (default: `path`). */
function AT(code, path, under = path) {
  return (r) => {
    if (r.valid) return `expected ${code} at "${path}", got a valid report`;
    if (!r.errors.some((e) => e.code === code && e.path === path)) return `expected ${code} at "${path}", got [${codes(r.errors)}]`;
    const stray = r.errors.filter((e) => !e.path.startsWith(under));
    if (stray.length) return `errors outside "${under}": [${codes(stray)}]`;
    return null;
  };
}
/** Some error `code` at or under `prefix`; every error at or under `prefix`. */
function UNDER(code, prefix) {
  return (r) => {
    if (r.valid) return `expected ${code} under "${prefix}", got a valid report`;
    if (!r.errors.some((e) => e.code === code && e.path.startsWith(prefix))) return `expected ${code} under "${prefix}", got [${codes(r.errors)}]`;
    const stray = r.errors.filter((e) => !e.path.startsWith(prefix));
    if (stray.length) return `errors outside "${prefix}": [${codes(stray)}]`;
    return null;
  };
}
/** Exactly these errors (code@path), in this order. */
function EXACTLY(...list) {
  return (r) => {
    const got = r.errors.map((e) => `${e.code}@${e.path}`);
    return JSON.stringify(got) === JSON.stringify(list) ? null : `expected errors [${list.join(", ")}], got [${codes(r.errors)}]`;
  };
}
function ALL(...checks) {
  return (r) => {
    for (const c of checks) {
      const m = c(r);
      if (m) return m;
    }
    return null;
  };
}
/** At most 100 errors, a TRUNCATED warning at "" whose count is at least `atLeast`. */
function CAPPED(atLeast) {
  return (r) => {
    if (r.errors.length !== 100) return `expected 100 listed errors, got ${r.errors.length}`;
    const t = r.warnings.filter((w) => w.code === "TRUNCATED");
    if (t.length !== 1 || t[0].path !== "") return `expected one TRUNCATED warning at "", got [${codes(r.warnings)}]`;
    const m = /([\d,]+) more errors?/.exec(t[0].message);
    if (!m) return `TRUNCATED message does not say how many errors were left out: ${t[0].message}`;
    const n = Number(m[1].replaceAll(",", ""));
    if (n < atLeast) return `TRUNCATED says ${n} errors were left out, expected at least ${atLeast}`;
    return null;
  };
}
function NOT_TRUNCATED(r) {
  return r.warnings.some((w) => w.code === "TRUNCATED") ? `unexpected TRUNCATED warning: [${codes(r.warnings)}]` : null;
}

// ---------------------------------------------------------------------------------------------
// Positions: where a hostile value goes, and what its absence means there.

const P_TIME = "AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit";
const POSITIONS = [
  { at: "", kind: "root", steps: [] },
  { at: "Username", kind: "leaf", steps: ["Username"], absent: AT("REQUIRED", "Username") },
  { at: "IdentityInfo", kind: "object", steps: ["IdentityInfo"], absent: AT("REQUIRED", "IdentityInfo.FirstName", "IdentityInfo") },
  { at: "IdentityInfo.FirstName", kind: "leaf", steps: ["IdentityInfo", "FirstName"], absent: AT("REQUIRED", "IdentityInfo.FirstName") },
  { at: "SecurityProfileIds", kind: "list", steps: ["SecurityProfileIds"], absent: AT("REQUIRED", "SecurityProfileIds") },
  { at: "SecurityProfileIds[1]", kind: "leaf", steps: ["SecurityProfileIds", 1], absent: AT("REQUIRED", "SecurityProfileIds[1]") },
  { at: "AutoAcceptConfigs[1]", kind: "object", steps: ["AutoAcceptConfigs", 1], absent: AT("REQUIRED", "AutoAcceptConfigs[1]") },
  { at: "AutoAcceptConfigs[1].Channel", kind: "leaf", steps: ["AutoAcceptConfigs", 1, "Channel"], absent: AT("REQUIRED", "AutoAcceptConfigs[1].Channel") },
  {
    at: P_TIME,
    kind: "integer",
    steps: ["AfterContactWorkConfigs", 0, "AfterContactWorkConfig", "AfterContactWorkTimeLimit"],
    // The only member absent: the AfterContactWorkConfig object is itself absent (RULES.md).
    absent: AT("REQUIRED", "AfterContactWorkConfigs[0].AfterContactWorkConfig"),
  },
  { at: "Tags", kind: "map", steps: ["Tags"], absent: VALID() },
  { at: 'Tags["team"]', kind: "leaf", steps: ["Tags", "team"], absent: AT("TYPE", 'Tags["team"]') },
  { at: "Extra", kind: "unknown", steps: ["Extra"], absent: VALID() },
  { at: "(options)", kind: "options" },
  { at: "(options).identityManagementType", kind: "mode" },
];

// ---------------------------------------------------------------------------------------------
// Hostile values. `make(orig, root)` gets the valid value the position held (and the input's root);
// `cls` says how it must read; `getter: true` puts a getter on the parent instead of a value.

class Thing {
  constructor(fields) {
    Object.assign(this, fields);
  }
  method() {
    return 1;
  }
}
const isObj = (v) => v !== null && typeof v === "object";
const copyOrA = (orig) => (isObj(orig) ? orig : { a: 1 });
function deepFreeze(v) {
  const todo = [v];
  while (todo.length) {
    const o = todo.pop();
    if (!isObj(o) || Object.isFrozen(o)) continue;
    Object.freeze(o);
    for (const k of Object.keys(o)) todo.push(o[k]);
  }
  return v;
}
/** Freezes everything reachable through own data properties; getters are not called, Proxies and
 * what cannot be frozen (typed arrays with elements) are left alone. */
function deepFreezeSafe(root) {
  const seen = new Set();
  const todo = [root];
  while (todo.length) {
    const o = todo.pop();
    if ((!isObj(o) && typeof o !== "function") || seen.has(o) || types.isProxy(o)) continue;
    seen.add(o);
    try {
      Object.freeze(o);
    } catch {
      // a typed array with elements
    }
    for (const k of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, k);
      if ("value" in d) todo.push(d.value);
    }
  }
  return root;
}
function deepObject(depth) {
  let v = { leaf: "x" };
  for (let i = 0; i < depth; i++) v = { Nested: v };
  return v;
}
function deepList(depth) {
  let v = ["x"];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
const boom = () => {
  throw new Error("boom");
};
const throwing = (trap) => ({ [trap]: boom });
function revoked(target) {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}
const ALL_TRAPS = ["get", "set", "has", "deleteProperty", "ownKeys", "getOwnPropertyDescriptor", "defineProperty", "getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions", "apply", "construct"];
const otherRealm = (v) => vm.runInNewContext(`(${JSON.stringify(v)})`);
const overflow = () => {
  const f = (n) => f(n + 1) + 1;
  return f(0);
};

const HOSTILE = [
  { name: "undefined", make: () => undefined, cls: "absent" },
  { name: "null", make: () => null, cls: "absent" },
  { name: "NaN", make: () => NaN, cls: "wrong" },
  { name: "Infinity", make: () => Infinity, cls: "wrong" },
  { name: "-Infinity", make: () => -Infinity, cls: "wrong" },
  { name: "1.5", make: () => 1.5, cls: "wrong" },
  { name: "-0", make: () => -0, cls: "negzero" },
  { name: "1e21", make: () => 1e21, cls: "huge" },
  { name: "BigInt 30n", make: () => 30n, cls: "wrong" },
  { name: "Symbol", make: () => Symbol("jdoe"), cls: "wrong" },
  { name: "function", make: () => function Username() {}, cls: "wrong" },
  { name: "arrow function", make: () => () => "jdoe", cls: "wrong" },
  { name: "class (constructor)", make: () => Thing, cls: "wrong" },
  { name: "Date", make: () => new Date(0), cls: "wrong" },
  { name: "invalid Date", make: () => new Date(NaN), cls: "wrong" },
  { name: "Map", make: () => new Map([["FirstName", "Jane"], ["team", "blue"]]), cls: "wrong" },
  { name: "Set", make: () => new Set(["sp-1"]), cls: "wrong" },
  { name: "WeakMap", make: () => new WeakMap(), cls: "wrong" },
  { name: "RegExp", make: () => /jdoe/g, cls: "wrong" },
  { name: "boxed String", make: () => new String("x"), cls: "wrong" },
  { name: "boxed Number", make: () => new Number(30), cls: "wrong" },
  { name: "boxed Boolean", make: () => new Boolean(false), cls: "wrong" },
  { name: "boxed Symbol", make: () => Object(Symbol("x")), cls: "wrong" },
  { name: "boxed BigInt", make: () => Object(30n), cls: "wrong" },
  { name: "Uint8Array", make: () => new Uint8Array([106, 100]), cls: "wrong" },
  { name: "Float64Array", make: () => new Float64Array(4), cls: "wrong" },
  { name: "ArrayBuffer", make: () => new ArrayBuffer(8), cls: "wrong" },
  { name: "DataView", make: () => new DataView(new ArrayBuffer(8)), cls: "wrong" },
  { name: "null-prototype object", make: (o) => Object.assign(Object.create(null), copyOrA(o)), cls: "objectLike" },
  { name: "class instance", make: (o) => new Thing(copyOrA(o)), cls: "objectLike" },
  { name: "frozen object", make: (o) => deepFreeze(structuredClone(copyOrA(o))), cls: "objectLike", keepsArrays: true },
  { name: "object from another realm (vm)", make: (o) => otherRealm(copyOrA(o)), cls: "objectLike", keepsArrays: true },
  { name: "getter that throws an Error", getter: () => boom, cls: "throws", trap: "getter" },
  { name: "getter that throws undefined", getter: () => () => { throw undefined; }, cls: "throws", trap: "getter" }, // prettier-ignore
  { name: "getter that throws a Symbol", getter: () => () => { throw Symbol("x"); }, cls: "throws", trap: "getter" }, // prettier-ignore
  { name: "getter that throws a revoked Proxy", getter: () => () => { throw revoked({}); }, cls: "throws", trap: "getter" }, // prettier-ignore
  { name: "getter that overflows the stack", getter: () => overflow, cls: "throws", trap: "getter" },
  { name: "Proxy whose get throws", make: (o) => new Proxy(copyOrA(o), throwing("get")), cls: "throws", trap: "get" },
  { name: "Proxy whose ownKeys throws", make: (o) => new Proxy(copyOrA(o), throwing("ownKeys")), cls: "throws", trap: "ownKeys" },
  { name: "Proxy whose getOwnPropertyDescriptor throws", make: (o) => new Proxy(copyOrA(o), throwing("getOwnPropertyDescriptor")), cls: "throws", trap: "gopd" },
  { name: "Proxy whose getPrototypeOf throws", make: (o) => new Proxy(copyOrA(o), throwing("getPrototypeOf")), cls: "throws", trap: "proto" },
  { name: "Proxy whose every trap throws", make: (o) => new Proxy(copyOrA(o), Object.fromEntries(ALL_TRAPS.map((t) => [t, boom]))), cls: "throws", trap: "all" },
  { name: "revoked Proxy", make: (o) => revoked(copyOrA(o)), cls: "throws", trap: "revoked" },
  { name: "cycle: member pointing back at the root", make: (o, root) => root, cls: "objectish", notAtRoot: true },
  { name: "cycle: list containing itself", make: (o) => { const a = Array.isArray(o) ? o.slice() : []; a.push(a); return a; }, cls: "lists" }, // prettier-ignore
  { name: "100,000-deep object", make: () => deepObject(100_000), cls: "objectish" },
  { name: "100,000-deep list", make: () => deepList(100_000), cls: "lists" },
  {
    name: "re-entrant getter (calls validateCreateUser and buildCreateUserRequest, then returns the value)",
    getter: (orig) =>
      function () {
        api.validateCreateUser({ Username: "x".repeat(5000), Extra: [1, 2, 3], Tags: { "aws:k": 5 } }, { identityManagementType: "SAML" });
        api.buildCreateUserRequest(baseInput(), MODE);
        try {
          api.buildCreateUserRequest({ bad: 1 });
        } catch {
          // expected: a ValidationError
        }
        return orig;
      },
    cls: "reentrant",
  },
];

/** What a hostile value must read as at a position. */
function expectFor(pos, h) {
  const P = pos.at;
  if (h.cls === "reentrant") return VALID();
  if (pos.kind === "unknown") return h.cls === "absent" ? VALID() : EXACTLY(`UNKNOWN_FIELD@${P}`);
  if (pos.kind === "options") {
    if (h.cls === "throws") return VALID("either");
    if (h.cls === "objectLike") return VALID();
    return VALID(true);
  }
  if (pos.kind === "mode") return VALID(true);
  const container = pos.kind === "object" || pos.kind === "map" || pos.kind === "root";
  switch (h.cls) {
    case "absent":
      return pos.kind === "root" ? AT("TYPE", "") : pos.absent;
    case "wrong":
      return AT("TYPE", P);
    case "negzero":
      return pos.kind === "integer" ? VALID() : AT("TYPE", P);
    case "huge":
      return AT(pos.kind === "integer" ? "OUT_OF_RANGE" : "TYPE", P);
    case "objectLike":
      if (container) return VALID();
      if (pos.kind === "list") return h.keepsArrays ? VALID() : AT("TYPE", P);
      return AT("TYPE", P);
    case "throws":
      // A list is read through get only; an object through getPrototypeOf, ownKeys,
      // getOwnPropertyDescriptor and get (a throwing get makes each member a TYPE error).
      if (pos.kind === "list") return ["ownKeys", "gopd", "proto"].includes(h.trap) ? VALID() : AT("TYPE", P);
      if (container && h.trap === "get") return UNDER("TYPE", P);
      return AT("TYPE", P);
    case "objectish":
      if (pos.kind === "object" || pos.kind === "root") return UNDER("UNKNOWN_FIELD", P);
      if (pos.kind === "map") return UNDER("TYPE", P);
      return AT("TYPE", P);
    case "lists":
      return pos.kind === "list" ? UNDER("TYPE", P) : AT("TYPE", P);
    default:
      throw new Error(`no expectation for ${h.cls}`);
  }
}

function applicable(pos, h) {
  if (h.getter && (pos.kind === "root" || pos.kind === "options")) return false; // no parent to hold a getter
  if (h.notAtRoot && pos.kind === "root") return false;
  return true;
}

/** The input and options with the hostile value placed at `pos`. */
function placed(pos, h) {
  const input = baseInput();
  let options = { ...MODE };
  if (pos.kind === "options") return { input, options: h.make(options, input) };
  let parent;
  let key;
  let orig;
  if (pos.kind === "mode") {
    parent = options;
    key = "identityManagementType";
  } else if (pos.kind === "root") {
    return { input: h.make(input, input), options };
  } else {
    parent = input;
    for (const s of pos.steps.slice(0, -1)) parent = parent[s];
    key = pos.steps[pos.steps.length - 1];
  }
  orig = parent[key];
  if (h.getter) {
    Object.defineProperty(parent, key, { get: h.getter(orig), enumerable: true, configurable: true });
  } else {
    parent[key] = h.make(orig, input);
  }
  return { input, options };
}

// ---------------------------------------------------------------------------------------------
// Mutation detectors.

const NAMED_PROTOS = new Map(
  [Object, Array, Function, Map, Set, WeakMap, Date, RegExp, String, Number, Boolean, Symbol, BigInt, ArrayBuffer, DataView, Uint8Array, Float64Array, Error, Promise].map((c) => [c.prototype, c.name]),
);
NAMED_PROTOS.set(Object.getPrototypeOf(Uint8Array.prototype), "TypedArray");

/**
 * A structural snapshot of everything reachable from `root` through own properties (descriptors,
 * not getter calls), prototypes, extensibility and the internal state of Date/Map/Set/boxed values,
 * as an array of strings. Proxies are opaque (their traps may throw); functions and Symbols are
 * compared by identity. Bounded: at most `perObject` properties of one object and `maxObjects`
 * objects.
 */
function snapshot(root, { perObject = 20_000, maxObjects = 300_000 } = {}) {
  const ids = new Map();
  const queue = [];
  const id = (v) => {
    let n = ids.get(v);
    if (n === undefined) {
      n = ids.size;
      ids.set(v, n);
      if (isObj(v) && ids.size <= maxObjects) queue.push(v);
    }
    return n;
  };
  const ref = (v) => {
    switch (typeof v) {
      case "string":
        return `s${v.length}:${v}`;
      case "number":
        return Object.is(v, -0) ? "n-0" : `n${v}`;
      case "bigint":
        return `i${v}`;
      case "boolean":
      case "undefined":
        return String(v);
      case "symbol":
        return `y#${id(v)}`;
      case "function":
        return `f#${id(v)}`;
      default:
        if (v === null) return "null";
        return NAMED_PROTOS.has(v) ? `<${NAMED_PROTOS.get(v)}>` : `#${id(v)}`;
    }
  };
  const out = [ref(root)];
  for (let qi = 0; qi < queue.length; qi++) {
    const o = queue[qi];
    if (types.isProxy(o)) {
      out.push("proxy");
      continue;
    }
    const keys = Reflect.ownKeys(o);
    const entry = [ref(Object.getPrototypeOf(o)), Object.isExtensible(o), keys.length];
    for (let i = 0; i < keys.length && i < perObject; i++) {
      const d = Object.getOwnPropertyDescriptor(o, keys[i]);
      entry.push(ref(keys[i]), d.enumerable, d.configurable, "value" in d ? `=${ref(d.value)}/${d.writable}` : `get ${ref(d.get)} set ${ref(d.set)}`);
    }
    if (types.isDate(o)) entry.push(o.getTime());
    else if (types.isMap(o)) for (const [k, v] of o) entry.push(ref(k), ref(v));
    else if (types.isSet(o)) for (const v of o) entry.push(ref(v));
    else if (types.isBoxedPrimitive(o)) entry.push(ref(o.valueOf()));
    else if (types.isRegExp(o)) entry.push(o.source, o.flags);
    out.push(entry.join("\u0000"));
  }
  return out;
}
const sameSnapshot = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The same value seen through Proxies that log every write. Plain objects, null-prototype
 * objects, class instances and arrays are wrapped (lazily, children on read); hostile Proxies and
 * other objects are passed as they are.
 */
function guard(root, log) {
  const cache = new WeakMap();
  const wrap = (v) => {
    if (!isObj(v) || types.isProxy(v)) return v;
    if (!Array.isArray(v) && Object.prototype.toString.call(v) !== "[object Object]") return v;
    let p = cache.get(v);
    if (p === undefined) {
      p = new Proxy(v, handler);
      cache.set(v, p);
    }
    return p;
  };
  const note = (what, k) => log.push(`${what} ${typeof k === "symbol" ? k.toString() : JSON.stringify(k)?.slice(0, 40)}`);
  const handler = {
    get(t, k, r) {
      const v = Reflect.get(t, k, r);
      const d = Reflect.getOwnPropertyDescriptor(t, k);
      // A non-configurable, non-writable property must read as itself (a Proxy invariant).
      if (d && !d.configurable && "value" in d && !d.writable) return v;
      return wrap(v);
    },
    set(t, k, v, r) {
      note("set", k);
      return Reflect.set(t, k, v, r);
    },
    defineProperty(t, k, d) {
      note("defineProperty", k);
      return Reflect.defineProperty(t, k, d);
    },
    deleteProperty(t, k) {
      note("deleteProperty", k);
      return Reflect.deleteProperty(t, k);
    },
    preventExtensions(t) {
      note("preventExtensions", "");
      return Reflect.preventExtensions(t);
    },
    setPrototypeOf(t, p) {
      note("setPrototypeOf", "");
      return Reflect.setPrototypeOf(t, p);
    },
  };
  return wrap(root);
}

// ---------------------------------------------------------------------------------------------
// One case, every check.

const timings = [];
const describeError = (e) => {
  try {
    return `${e?.constructor?.name ?? typeof e}: ${e?.message ?? String(e)}`;
  } catch {
    return "(an undescribable exception)";
  }
};

function wellFormed(r) {
  if (!isObj(r) || Object.keys(r).sort().join() !== "errors,valid,warnings") return `not a report: ${show(r)}`;
  if (r.valid !== (r.errors.length === 0)) return "valid is not (errors.length === 0)";
  for (const v of [...r.errors, ...r.warnings]) {
    if (Object.keys(v).sort().join() !== "code,message,path") return `not a violation: ${show(v)}`;
    if (typeof v.path !== "string" || typeof v.code !== "string" || typeof v.message !== "string" || !v.message) return `bad violation ${show(v)}`;
  }
  if (r.errors.length > 100) return `${r.errors.length} errors listed (cap is 100)`;
  if (r.warnings.filter((w) => w.code !== "TRUNCATED").length > 100) return `${r.warnings.length} warnings listed (cap is 100)`;
  return null;
}

/**
 * Runs every check on one case; returns the list of failures (empty when all is well).
 * `heavy`: a huge input; the recording-Proxy and CommonJS re-runs are skipped (the snapshot, the
 * build and the canary still run) to keep the file fast.
 */
function runCase(name, make, check, { heavy = false } = {}) {
  const fails = [];
  const fail = (m) => fails.push(`${name}: ${m}`);
  const start = performance.now();
  const { input, options } = make();
  // A huge input is frozen instead of snapshotted (a snapshot of a million keys costs seconds):
  // the gatherer runs in strict mode, so a write would throw and show up in the report.
  const before = heavy ? (deepFreeze(input), null) : snapshot([input, options]);

  let report;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    report = api.validateCreateUser(input, options);
  } catch (e) {
    fail(`validateCreateUser threw ${describeError(e)}`);
  }
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1000;
  // Wall time, or the process's CPU time when other processes share the cores (whichever is
  // lower: CPU time also counts V8's helper threads, wall time counts waiting for a core).
  const ms = Math.min(wall, cpu);
  timings.push({ name, ms, wall, cpu });
  if (ms > LIMIT_MS) fail(`took ${wall.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU (limit ${LIMIT_MS})`);
  if (report !== undefined) {
    const bad = wellFormed(report) ?? check(report);
    if (bad) fail(`${bad}\n    report: ${show(report).slice(0, 1500)}`);
  }

  if (!heavy && report !== undefined) {
    const log = [];
    try {
      const again = api.validateCreateUser(guard(input, log), guard(options, log));
      assert.deepStrictEqual(again, report);
    } catch (e) {
      fail(`through a recording Proxy: ${describeError(e).slice(0, 1500)}`);
    }
    if (log.length) fail(`the input was written to: ${log.slice(0, 10).join("; ")}`);
    try {
      assert.deepStrictEqual(cjs.validateCreateUser(input, options), report);
    } catch (e) {
      fail(`CommonJS entry: ${describeError(e).slice(0, 1500)}`);
    }
  }

  try {
    const req = api.buildCreateUserRequest(input, options);
    if (report && !report.valid) fail("buildCreateUserRequest built a request for an invalid input");
    if (Object.keys(req).join() !== "method,path,headers,body" || req.method !== "PUT" || typeof req.body !== "string") fail(`odd request ${show(req)}`);
    else JSON.parse(req.body);
  } catch (e) {
    if (!(e instanceof api.ValidationError) || !(e instanceof Error) || e.name !== "ValidationError") {
      fail(`buildCreateUserRequest threw ${describeError(e)} (only ValidationError is allowed)`);
    } else if (report) {
      if (report.valid) fail("buildCreateUserRequest threw for a valid input");
      else if (!isDeepEqual(e.errors, report.errors)) fail("ValidationError.errors differ from the report's errors");
    }
  }

  if (before === null) {
    if (!Object.isFrozen(input)) fail("the frozen input is no longer frozen");
  } else if (!sameSnapshot(snapshot([input, options]), before)) fail("the input changed (structural snapshot differs)");

  // A second copy of the case, frozen all the way down: the same report (a write attempt would
  // throw in the gatherer's strict mode and change it). After the snapshot, in case the two copies
  // share a value.
  if (!heavy && report !== undefined) {
    try {
      const frozen = make();
      deepFreezeSafe([frozen.input, frozen.options]);
      assert.deepStrictEqual(api.validateCreateUser(frozen.input, frozen.options), report);
    } catch (e) {
      fail(`frozen copy: ${describeError(e).slice(0, 1500)}`);
    }
  }

  // The module keeps working.
  if (!isDeepEqual(api.validateCreateUser(baseInput(), MODE), BASELINE_REPORT)) fail("afterwards, the valid input no longer validates the same");
  if (!isDeepEqual(api.buildCreateUserRequest(baseInput(), MODE), BASELINE_REQUEST)) fail("afterwards, the valid input no longer builds the same");
  timings[timings.length - 1].total = performance.now() - start;
  return fails;
}

function isDeepEqual(a, b) {
  try {
    assert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Table 1: every hostile value at every position.

for (const pos of POSITIONS) {
  test(`hostile values at ${pos.at === "" ? "(root)" : pos.at}`, () => {
    const fails = [];
    let n = 0;
    for (const h of HOSTILE) {
      if (!applicable(pos, h)) continue;
      n++;
      fails.push(...runCase(`${h.name} at ${pos.at || "(root)"}`, () => placed(pos, h), expectFor(pos, h)));
    }
    assert.ok(n > 30, `only ${n} values placed`);
    assert.deepEqual(fails, []);
  });
}

// ---------------------------------------------------------------------------------------------
// Table 2: special cases. `make` returns the value put at `at` (or {input, options} when `whole`).

const STEPS = new Map(POSITIONS.filter((p) => p.steps).map((p) => [p.at, p.steps]));
function at(path, value, options = MODE) {
  const input = baseInput();
  const steps = STEPS.get(path) ?? [path];
  let parent = input;
  for (const s of steps.slice(0, -1)) parent = parent[s];
  parent[steps[steps.length - 1]] = value;
  return { input, options: { ...options } };
}
const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));
function bigTags(n, key) {
  const t = {};
  for (let i = 0; i < n; i++) t[key(i)] = "v";
  return t;
}
function sparse() {
  const a = [];
  a.length = 2 ** 32 - 1;
  return a;
}
const SPECIAL = [
  // 10 MB strings.
  { name: "10 MB Username", make: () => at("Username", "u".repeat(MB10)), at: "Username", expect: { code: "TOO_LONG", path: "Username" } },
  { name: "10 MB RoutingProfileId", make: () => at("RoutingProfileId", "r".repeat(MB10)), at: "RoutingProfileId", expect: { valid: true } },
  { name: "10 MB non-ASCII RoutingProfileId", make: () => at("RoutingProfileId", "é".repeat(MB10 / 2)), at: "RoutingProfileId", expect: { valid: true } },
  { name: "10 MB FirstName", make: () => at("IdentityInfo.FirstName", "f".repeat(MB10)), at: "IdentityInfo.FirstName", expect: { code: "TOO_LONG", path: "IdentityInfo.FirstName" } },
  { name: "10 MB tag value", make: () => at('Tags["team"]', "t".repeat(MB10)), at: 'Tags["team"]', expect: { code: "TOO_LONG", path: 'Tags["team"]' } },
  { name: "10 MB tag key", make: () => at("Tags", { ["k".repeat(MB10)]: "v" }), at: "Tags", expect: { code: "TOO_LONG", under: 'Tags["kkk' } },
  { name: "10 MB unknown member name", make: () => at("x".repeat(MB10), 1), at: "x…", expect: { code: "UNKNOWN_FIELD", under: "xxx" } },
  { name: "10 MB identityManagementType", make: () => ({ input: baseInput(), options: { identityManagementType: "S".repeat(MB10) } }), at: "(options)", expect: { valid: true, modeUnknown: true } },
  // Huge lists.
  { name: "SecurityProfileIds: 100,000 distinct", make: () => at("SecurityProfileIds", range(100_000, (i) => `sp-${i}`)), at: "SecurityProfileIds", expect: { exactly: ["TOO_MANY@SecurityProfileIds"] }, heavy: true },
  { name: "SecurityProfileIds: 1,000,000 distinct", make: () => at("SecurityProfileIds", range(1_000_000, (i) => `sp-${i}`)), at: "SecurityProfileIds", expect: { exactly: ["TOO_MANY@SecurityProfileIds"] }, heavy: true },
  {
    name: "SecurityProfileIds: 1,000,000 times the same id (warnings capped)",
    make: () => at("SecurityProfileIds", new Array(1_000_000).fill("sp-1")),
    at: "SecurityProfileIds",
    expect: {
      exactly: ["TOO_MANY@SecurityProfileIds"],
      check: (r) => (r.warnings.length === 101 && r.warnings.filter((w) => w.code === "DUPLICATE").length === 100 && r.warnings[100].code === "TRUNCATED" && /more warnings/.test(r.warnings[100].message) ? null : `expected 100 DUPLICATE + TRUNCATED, got ${r.warnings.length} warnings [${codes(r.warnings.slice(-3))}]`),
    },
    heavy: true,
  },
  { name: "SecurityProfileIds: sparse, length 2**32-1", make: () => at("SecurityProfileIds", sparse()), at: "SecurityProfileIds", expect: { code: "TOO_MANY", path: "SecurityProfileIds", capped: 9_000 } },
  { name: "AutoAcceptConfigs: 100,000 items", make: () => at("AutoAcceptConfigs", range(100_000, () => ({ Channel: "VOICE", AutoAccept: true }))), at: "AutoAcceptConfigs", expect: { code: "TOO_MANY", path: "AutoAcceptConfigs", capped: 9_000 }, heavy: true },
  { name: "AutoAcceptConfigs: 1,000,000 items", make: () => at("AutoAcceptConfigs", range(1_000_000, () => ({ Channel: "VOICE", AutoAccept: true }))), at: "AutoAcceptConfigs", expect: { code: "TOO_MANY", path: "AutoAcceptConfigs", capped: 9_000 }, heavy: true },
  { name: "AutoAcceptConfigs: sparse, length 2**32-1", make: () => at("AutoAcceptConfigs", sparse()), at: "AutoAcceptConfigs", expect: { code: "TOO_MANY", path: "AutoAcceptConfigs", capped: 9_000 } },
  // Huge maps.
  { name: "Tags: 100,000 valid keys", make: () => at("Tags", bigTags(100_000, (i) => `k${i}`)), at: "Tags", expect: { exactly: ["TOO_MANY@Tags"], notTruncated: true }, heavy: true },
  { name: "Tags: 1,000,000 valid keys", make: () => at("Tags", bigTags(1_000_000, (i) => `k${i}`)), at: "Tags", expect: { exactly: ["TOO_MANY@Tags"], notTruncated: true }, heavy: true },
  { name: "Tags: 100,000 reserved (aws:) keys", make: () => at("Tags", bigTags(100_000, (i) => `aws:${i}`)), at: "Tags", expect: { code: "TOO_MANY", path: "Tags", capped: 9_000 }, heavy: true },
  { name: "Tags: 1,000,000 reserved (aws:) keys", make: () => at("Tags", bigTags(1_000_000, (i) => `aws:${i}`)), at: "Tags", expect: { code: "TOO_MANY", path: "Tags", capped: 9_000 }, heavy: true },
  // Many members on the root: the declared ones must still be read wherever they are.
  {
    name: "root: 20,000 integer-like null members enumerated before the declared ones",
    make: () => {
      const input = baseInput();
      for (let i = 0; i < 20_000; i++) input[i] = null;
      return { input, options: { ...MODE } };
    },
    at: "",
    expect: { valid: true },
  },
  {
    name: "root: 20,000 unknown members before the declared ones",
    make: () => {
      const input = {};
      for (let i = 0; i < 20_000; i++) input[`junk${i}`] = 1;
      return { input: Object.assign(input, baseInput()), options: { ...MODE } };
    },
    at: "",
    expect: { check: (r) => (r.errors.every((e) => e.code === "UNKNOWN_FIELD") ? CAPPED(9_000)(r) : `expected only UNKNOWN_FIELD, got [${codes(r.errors.slice(0, 5))}]`) },
  },
  // Integers (RULES.md, fine points).
  ...[
    [1.5, "TYPE"],
    [NaN, "TYPE"],
    [Infinity, "TYPE"],
    [-Infinity, "TYPE"],
    [30n, "TYPE"],
    [Number.MIN_VALUE, "TYPE"],
    [() => new Number(30), "TYPE"],
    ["30", "TYPE"],
    [true, "TYPE"],
    [1e21, "OUT_OF_RANGE"],
    [-1e21, "OUT_OF_RANGE"],
    [Number.MAX_VALUE, "OUT_OF_RANGE"],
    [Number.MAX_SAFE_INTEGER + 2, "OUT_OF_RANGE"],
    [2_000_001, "OUT_OF_RANGE"],
    [-1, "OUT_OF_RANGE"],
    [-0, null],
    [0, null],
    [2_000_000, null],
  ].map(([v, code]) => ({
    name: `AfterContactWorkTimeLimit ${Object.is(v, -0) ? "-0" : typeof v === "bigint" ? `${v}n` : typeof v === "function" ? "new Number(30)" : typeof v === "number" && !Number.isFinite(v) ? String(v) : JSON.stringify(v)}`,
    make: () => at(P_TIME, typeof v === "function" ? v() : v),
    at: P_TIME,
    expect: code ? { code, path: P_TIME, exactly: [`${code}@${P_TIME}`] } : { valid: true },
  })),
  {
    name: "-0 builds as 0",
    make: () => at(P_TIME, -0),
    at: P_TIME,
    expect: {
      valid: true,
      check: (r, { input, options }) => {
        const body = api.buildCreateUserRequest(input, options).body;
        return body.includes('"AfterContactWorkTimeLimit":0}') && !body.includes("-0") ? null : `body ${body}`;
      },
    },
  },
  // Types that a JSON file could not hold.
  { name: "Symbol Username is TYPE, not REQUIRED", make: () => at("Username", Symbol("jdoe")), at: "Username", expect: { exactly: ["TYPE@Username"] } },
  { name: "function Username is TYPE", make: () => at("Username", () => "jdoe"), at: "Username", expect: { exactly: ["TYPE@Username"] } },
  { name: "Map as Tags", make: () => at("Tags", new Map([["team", "blue"]])), at: "Tags", expect: { exactly: ["TYPE@Tags"] } },
  { name: "Map as IdentityInfo", make: () => at("IdentityInfo", new Map(Object.entries(baseInput().IdentityInfo))), at: "IdentityInfo", expect: { exactly: ["TYPE@IdentityInfo"] } },
  { name: "array as IdentityInfo", make: () => at("IdentityInfo", ["Jane"]), at: "IdentityInfo", expect: { exactly: ["TYPE@IdentityInfo"] } },
  { name: "Set as SecurityProfileIds", make: () => at("SecurityProfileIds", new Set(["sp-1"])), at: "SecurityProfileIds", expect: { exactly: ["TYPE@SecurityProfileIds"] } },
  { name: "class instance as IdentityInfo is read", make: () => at("IdentityInfo", new Thing(baseInput().IdentityInfo)), at: "IdentityInfo", expect: { valid: true } },
  { name: "class instance as the root is read", make: () => ({ input: new Thing(baseInput()), options: { ...MODE } }), at: "", expect: { valid: true } },
  { name: "null-prototype root is read", make: () => ({ input: Object.assign(Object.create(null), baseInput()), options: { ...MODE } }), at: "", expect: { valid: true } },
  {
    name: "getter on a class prototype is not an own member (not read)",
    make: () => {
      class Id {
        get FirstName() {
          return "Jane";
        }
      }
      return at("IdentityInfo", Object.assign(new Id(), { LastName: "Doe", Email: "jane@example.com" }));
    },
    at: "IdentityInfo.FirstName",
    expect: { exactly: ["REQUIRED@IdentityInfo.FirstName"] },
  },
  {
    name: "non-enumerable own Username is not read",
    make: () => {
      const { input, options } = at("Username", undefined);
      delete input.Username;
      Object.defineProperty(input, "Username", { value: "jdoe", enumerable: false });
      return { input, options };
    },
    at: "Username",
    expect: { exactly: ["REQUIRED@Username"] },
  },
  { name: "Symbol-keyed members are not read", make: () => { const r = at("Tags", { team: "blue", [Symbol("k")]: 5 }); r.input[Symbol("Extra")] = 1; return r; }, at: "Tags", expect: { valid: true } }, // prettier-ignore
  { name: "plain object claiming Symbol.toStringTag Date is read", make: () => at("IdentityInfo", { ...baseInput().IdentityInfo, [Symbol.toStringTag]: "Date" }), at: "IdentityInfo", expect: { valid: true } },
  { name: "Array subclass as SecurityProfileIds", make: () => at("SecurityProfileIds", class extends Array {}.from(["sp-1"])), at: "SecurityProfileIds", expect: { valid: true } },
  { name: "Error object as IdentityInfo", make: () => at("IdentityInfo", new Error("x")), at: "IdentityInfo", expect: { check: (r) => (r.errors.every((e) => e.path.startsWith("IdentityInfo")) ? null : codes(r.errors)) } },
  { name: "Promise as IdentityInfo", make: () => at("IdentityInfo", Promise.resolve(1)), at: "IdentityInfo", expect: { check: (r) => (r.errors.every((e) => e.path.startsWith("IdentityInfo")) ? null : codes(r.errors)) } },
  // Other realms.
  { name: "root from another realm", make: () => ({ input: otherRealm(baseInput()), options: { ...MODE } }), at: "", expect: { valid: true } },
  { name: "Date from another realm as a tag value", make: () => at('Tags["team"]', vm.runInNewContext("new Date(0)")), at: 'Tags["team"]', expect: { exactly: ['TYPE@Tags["team"]'] } },
  { name: "Map from another realm as Tags", make: () => at("Tags", vm.runInNewContext("new Map()")), at: "Tags", expect: { exactly: ["TYPE@Tags"] } },
  // Tag keys (the only thing a key can be is a string; Symbols are not read).
  { name: 'tag key ""', make: () => at("Tags", { "": "v" }), at: 'Tags[""]', expect: { exactly: ['TOO_SHORT@Tags[""]'] } },
  { name: "tag key lone surrogate", make: () => at("Tags", { "\uD800": "v" }), at: 'Tags["\uFFFD"]', expect: { exactly: ['PATTERN@Tags["\uFFFD"]'] } },
  { name: "tag key NUL", make: () => at("Tags", { "\u0000": "v" }), at: 'Tags["\\u0000"]', expect: { exactly: ['PATTERN@Tags["\\u0000"]'] } },
  { name: "tag key with a quote and a backslash", make: () => at("Tags", { 'a"b\\c': "v" }), at: 'Tags["a\\"b\\\\c"]', expect: { exactly: ['PATTERN@Tags["a\\"b\\\\c"]'] } },
  { name: "tag key __proto__ (own)", make: () => at("Tags", JSON.parse('{"__proto__":"x"}')), at: 'Tags["__proto__"]', expect: { valid: true } },
  { name: "tag key aws:x", make: () => at("Tags", { "aws:x": "v" }), at: 'Tags["aws:x"]', expect: { exactly: ['PATTERN@Tags["aws:x"]'] } },
  { name: "tag key with a combining mark", make: () => at("Tags", { "e\u0301": "v" }), at: 'Tags["e\u0301"]', expect: { exactly: ['PATTERN@Tags["e\u0301"]'] } },
  { name: "tag key 129 characters", make: () => at("Tags", { ["k".repeat(129)]: "v" }), at: "Tags", expect: { exactly: [`TOO_LONG@Tags["${"k".repeat(129)}"]`] } },
  { name: "tag key integer-like", make: () => at("Tags", { 0: "v", 10: "w" }), at: 'Tags["0"]', expect: { valid: true } },
  { name: "Tags Proxy whose ownKeys lists a key twice", make: () => at("Tags", new Proxy({ team: "blue" }, { ownKeys: () => ["team", "team"] })), at: "Tags", expect: { exactly: ["TYPE@Tags"] } },
  { name: "Tags Proxy whose ownKeys adds a Symbol", make: () => at("Tags", new Proxy({ team: "blue" }, { ownKeys: () => ["team", Symbol("s")] })), at: "Tags", expect: { valid: true } },
  { name: "Tags Proxy listing a key the target lacks", make: () => at("Tags", new Proxy({ team: "blue" }, { ownKeys: () => ["team", "ghost"], getOwnPropertyDescriptor: (t, k) => ({ value: "v", enumerable: true, configurable: true }) })), at: 'Tags["ghost"]', expect: { exactly: ['TYPE@Tags["ghost"]'] } }, // prettier-ignore
  // Lying Proxies.
  { name: "list Proxy whose length is 1e12", make: () => at("SecurityProfileIds", new Proxy(["sp-1"], { get: (t, k, r) => (k === "length" ? 1e12 : Reflect.get(t, k, r)) })), at: "SecurityProfileIds", expect: { code: "TOO_MANY", path: "SecurityProfileIds", capped: 9_000 } },
  { name: "list Proxy whose length is a Symbol", make: () => at("SecurityProfileIds", new Proxy(["sp-1"], { get: (t, k, r) => (k === "length" ? Symbol("n") : Reflect.get(t, k, r)) })), at: "SecurityProfileIds", expect: { check: (r) => (r.errors.every((e) => e.path.startsWith("SecurityProfileIds")) && !r.valid ? null : codes(r.errors)) } },
  // Getters on list items and map values: the error is at the item, not the whole list.
  {
    name: "throwing getter on SecurityProfileIds[1]",
    make: () => {
      const r = at("Username", "jdoe");
      Object.defineProperty(r.input.SecurityProfileIds, 1, { get: boom, enumerable: true });
      return r;
    },
    at: "SecurityProfileIds[1]",
    expect: { exactly: ["TYPE@SecurityProfileIds[1]"] },
  },
  {
    name: "throwing getter on AutoAcceptConfigs[0]",
    make: () => {
      const r = at("Username", "jdoe");
      Object.defineProperty(r.input.AutoAcceptConfigs, 0, { get: boom, enumerable: true });
      return r;
    },
    at: "AutoAcceptConfigs[0]",
    expect: { exactly: ["TYPE@AutoAcceptConfigs[0]"] },
  },
  {
    name: "throwing getter on a tag value",
    make: () => {
      const r = at("Username", "jdoe");
      Object.defineProperty(r.input.Tags, "team", { get: boom, enumerable: true });
      return r;
    },
    at: 'Tags["team"]',
    expect: { exactly: ['TYPE@Tags["team"]'] },
  },
  {
    name: "throwing getter on identityManagementType",
    make: () => ({ input: baseInput(), options: Object.defineProperty({}, "identityManagementType", { get: boom, enumerable: true }) }),
    at: "(options)",
    expect: { valid: true, modeUnknown: true },
  },
  {
    name: "getter that throws a ValidationError from a nested build",
    make: () => {
      const r = at("Username", "jdoe");
      Object.defineProperty(r.input, "Username", { get: () => api.buildCreateUserRequest({}), enumerable: true });
      return r;
    },
    at: "Username",
    expect: { exactly: ["TYPE@Username"] },
  },
  {
    name: "re-entrant getter: a nested validateCreateUser of a huge input",
    make: () => {
      const r = at("Username", "jdoe");
      Object.defineProperty(r.input.IdentityInfo, "FirstName", {
        get: () => (api.validateCreateUser({ Username: "x".repeat(3_000_000) }), "Jane"),
        enumerable: true,
      });
      return r;
    },
    at: "IdentityInfo.FirstName",
    expect: { valid: true },
  },
  // Path and request odds.
  {
    name: "lone surrogate in InstanceId",
    make: () => at("InstanceId", "a\uD800 b/c"),
    at: "InstanceId",
    expect: { valid: true, check: (r, { input, options }) => (api.buildCreateUserRequest(input, options).path === "/users/a%EF%BF%BD%20b%2Fc" ? null : "wrong path") },
  },
];

function specialCheck(c) {
  const e = c.expect;
  const parts = [];
  if (e.valid) parts.push(VALID(e.modeUnknown ?? false));
  if (e.code && e.under) parts.push(UNDER(e.code, e.under));
  else if (e.code) parts.push((r) => (r.errors.some((x) => x.code === e.code && x.path === e.path) ? null : `expected ${e.code} at ${e.path}, got [${codes(r.errors.slice(0, 5))}]`));
  if (e.exactly) parts.push(EXACTLY(...e.exactly));
  if (e.capped) parts.push(CAPPED(e.capped));
  if (e.notTruncated) parts.push(NOT_TRUNCATED);
  return parts;
}

for (const c of SPECIAL) {
  test(`special: ${c.name}`, () => {
    let made;
    const make = () => {
      const m = c.make();
      made ??= m; // `check` looks at the first copy
      return m;
    };
    const checks = specialCheck(c);
    const fails = runCase(c.name, make, (r) => ALL(...checks)(r) ?? (c.expect.check ? c.expect.check(r, made) : null), { heavy: c.heavy });
    assert.deepEqual(fails, []);
  });
}

// ---------------------------------------------------------------------------------------------
// The detectors themselves detect (so that a silent pass above means something).

test("self-check: the recording Proxy and the snapshot see writes", () => {
  const log = [];
  const g = guard(baseInput(), log);
  g.IdentityInfo.FirstName = "x";
  delete g.Tags.team;
  Object.defineProperty(g.SecurityProfileIds, 5, { value: "y" });
  Object.preventExtensions(g.AutoAcceptConfigs[0]);
  // (A `set` through the Proxy also reaches its defineProperty trap.)
  assert.deepEqual([...new Set(log.map((l) => l.split(" ")[0]))].sort(), ["defineProperty", "deleteProperty", "preventExtensions", "set"], log.join("; "));

  const mutations = [
    (i) => (i.IdentityInfo.FirstName = "x"),
    (i) => i.SecurityProfileIds.push("sp-3"),
    (i) => (i.AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit = -0),
    (i) => Object.freeze(i.Tags),
    (i) => Object.setPrototypeOf(i.IdentityInfo, null),
    (i) => i.Extra.date.setTime(5),
    (i) => i.Extra.map.set("k", "v"),
    (i) => (i.Extra.re.lastIndex = 3),
    (i) => Object.defineProperty(i, "Username", { get: () => "jdoe", enumerable: true }),
  ];
  for (const m of mutations) {
    const input = Object.assign(baseInput(), { Extra: { date: new Date(0), map: new Map(), re: /x/g } });
    const before = snapshot(input);
    m(input);
    assert.ok(!sameSnapshot(snapshot(input), before), `snapshot missed: ${m}`);
  }
});

// ---------------------------------------------------------------------------------------------
// Frozen inputs all the way down, and a root Proxy that records every trap.

test("a deep-frozen valid input validates and builds like the plain one", () => {
  const input = deepFreeze(baseInput());
  assert.deepStrictEqual(api.validateCreateUser(input, MODE), BASELINE_REPORT);
  assert.deepStrictEqual(api.buildCreateUserRequest(input, MODE), BASELINE_REQUEST);
});

test("reading a valid input uses no trap but get, ownKeys, getOwnPropertyDescriptor and getPrototypeOf", () => {
  const used = new Set();
  const wrap = (v) => {
    if (!isObj(v)) return v;
    const handler = {};
    for (const trap of ALL_TRAPS) {
      handler[trap] = (...args) => {
        used.add(trap);
        const r = Reflect[trap](...args);
        return trap === "get" ? wrap(r) : r;
      };
    }
    return new Proxy(v, handler);
  };
  assert.deepStrictEqual(api.validateCreateUser(wrap(baseInput()), wrap({ ...MODE })), BASELINE_REPORT);
  assert.deepStrictEqual(api.buildCreateUserRequest(wrap(baseInput()), wrap({ ...MODE })), BASELINE_REQUEST);
  for (const trap of used) assert.ok(["get", "ownKeys", "getOwnPropertyDescriptor", "getPrototypeOf"].includes(trap), `trap ${trap} was used`);
});

// ---------------------------------------------------------------------------------------------

test("after everything: the module still answers a valid input exactly as at the start", () => {
  assert.deepStrictEqual(api.validateCreateUser(baseInput(), MODE), BASELINE_REPORT);
  assert.deepStrictEqual(api.buildCreateUserRequest(baseInput(), MODE), BASELINE_REQUEST);
  assert.deepStrictEqual(cjs.validateCreateUser(baseInput()), BASELINE_UNKNOWN_MODE);
  assert.deepStrictEqual(api.validateCreateUserBatch(JSON.stringify([baseInput()]), MODE), [BASELINE_REPORT]);
});

test("timings", (t) => {
  const sorted = [...timings].sort((a, b) => b.ms - a.ms);
  const lines = sorted.slice(0, 8).map((x) => `${x.ms.toFixed(1).padStart(8)} ms (wall ${x.wall.toFixed(1)}, CPU ${x.cpu.toFixed(1)})  ${x.name}`);
  const msg = `${timings.length} hostile validateCreateUser calls; slowest:\n${lines.join("\n")}`;
  console.log(msg);
  if (process.env.HOSTILE_PROFILE) console.log([...timings].sort((a, b) => b.total - a.total).slice(0, 40).map((x) => `${x.total.toFixed(0).padStart(7)} ms total  ${x.name}`).join("\n"));
  t.diagnostic(msg.replaceAll("\n", " | "));
  assert.ok(timings.length > 400);
  assert.ok(sorted[0].ms < LIMIT_MS);
});
