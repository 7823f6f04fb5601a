// Soak: hundreds of thousands of calls in one process. Every answer stays identical to the first
// answer for the same input, the memory stays flat (process RSS, ArrayBuffers, the JS heap, and the
// wasm instance's own linear memory), and a long streak of inputs whose getters and Proxies throw
// leaves the wasm instance alive (docs: an exception unwinding through wasm frames kills an
// instance after ~1,000-1,800 such calls; the JS gatherer must catch them before wasm).
//
// Counts are fixed (calibrated to stay well under a minute on a 2-core machine); each phase prints
// its calls/s. The memory assertions use a forced GC: `node --expose-gc`, or, without it, the V8
// flag set at run time; when neither works, only RSS is compared (with a looser reading).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import v8 from "node:v8";
import vm from "node:vm";

// Catch the wasm instance as the package creates it, to read its linear memory size (the glue
// does not export it). Only this process is affected, and only during the import.
const instances = [];
const RealInstance = WebAssembly.Instance;
WebAssembly.Instance = new Proxy(RealInstance, {
  construct(target, args, newTarget) {
    const instance = Reflect.construct(target, args, newTarget);
    instances.push(instance);
    return instance;
  },
});
let api;
try {
  api = await import("../../pkg/index.mjs");
} finally {
  WebAssembly.Instance = RealInstance;
}
const cjs = createRequire(import.meta.url)("../../pkg/index.cjs");
const wasmMemory = instances.map((i) => i.exports.memory).find((m) => m instanceof WebAssembly.Memory) ?? null;

let gc = globalThis.gc;
let gcSource = gc ? "--expose-gc" : "none";
if (!gc) {
  try {
    v8.setFlagsFromString("--expose-gc");
    gc = vm.runInNewContext("gc");
    gcSource = "v8.setFlagsFromString";
  } catch {
    gc = undefined;
  }
}

const MB = 1024 * 1024;
const MODE = Object.freeze({ identityManagementType: "CONNECT_MANAGED" });
const COUNTS = { validate: 300_000, build: 20_000, streak: 5_000, batchCalls: 5, batchUsers: 2_000, bigCalls: 200, heavyEvery: 500 };
/** Inputs that cost milliseconds a call (10,000 items read, a stack overflow): interleaved once every `heavyEvery` calls. */
const HEAVY = new Set(["hostile: sparse list, length 2**32-1", "hostile: 20,000-entry list", "getter overflowing the stack"]);

// ---------------------------------------------------------------------------------------------
// The inputs: valid, invalid and hostile, each built once and reused for every call.

function baseInput() {
  return {
    InstanceId: "inst-0001",
    Username: "jdoe",
    Password: "Passw0rdX",
    IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "jane@example.com", Mobile: "+14155550100" },
    PhoneConfig: undefined,
    SecurityProfileIds: ["sp-1", "sp-2"],
    RoutingProfileId: "rp-1",
    HierarchyGroupId: "hg-1",
    AutoAcceptConfigs: [
      { Channel: "VOICE", AutoAccept: true, AgentFirstCallbackAutoAccept: false },
      { Channel: "CHAT", AutoAccept: false },
    ],
    AfterContactWorkConfigs: [{ Channel: "VOICE", AfterContactWorkConfig: { AfterContactWorkTimeLimit: 30 } }],
    PhoneNumberConfigs: [{ Channel: "VOICE", PhoneType: "SOFT_PHONE" }],
    PersistentConnectionConfigs: [{ Channel: "VOICE", PersistentConnection: true }],
    VoiceEnhancementConfigs: [{ Channel: "VOICE", VoiceEnhancementMode: "NOISE_SUPPRESSION" }],
    Tags: { team: "blue", "cost-center": "42", "émoji ok": "yes" },
  };
}
const boom = () => {
  throw new Error("boom");
};
const withGetter = (obj, key, get) => Object.defineProperty(obj, key, { get, enumerable: true, configurable: true });
function revoked(target) {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

/** Inputs whose reading throws (getters, Proxy traps, revoked Proxies) at several levels. */
function throwingInputs() {
  const list = [];
  list.push(["getter at Username", withGetter(baseInput(), "Username", boom), MODE]);
  list.push(["getter at IdentityInfo.FirstName", (() => { const b = baseInput(); withGetter(b.IdentityInfo, "FirstName", boom); return b; })(), MODE]); // prettier-ignore
  list.push(["getter at SecurityProfileIds[1]", (() => { const b = baseInput(); withGetter(b.SecurityProfileIds, 1, boom); return b; })(), MODE]); // prettier-ignore
  list.push(["getter at AutoAcceptConfigs[0].Channel", (() => { const b = baseInput(); withGetter(b.AutoAcceptConfigs[0], "Channel", boom); return b; })(), MODE]); // prettier-ignore
  list.push(["getter at a tag value", (() => { const b = baseInput(); withGetter(b.Tags, "team", boom); return b; })(), MODE]); // prettier-ignore
  list.push(["getter at an unknown member", withGetter(baseInput(), "Extra", boom), MODE]);
  list.push(["getter overflowing the stack", withGetter(baseInput(), "RoutingProfileId", function f() { return f.call(this) + 1; }), MODE]); // prettier-ignore
  list.push(["root Proxy: get throws", new Proxy(baseInput(), { get: boom }), MODE]);
  list.push(["root Proxy: ownKeys throws", new Proxy(baseInput(), { ownKeys: boom }), MODE]);
  list.push(["root Proxy: getOwnPropertyDescriptor throws", new Proxy(baseInput(), { getOwnPropertyDescriptor: boom }), MODE]);
  list.push(["root Proxy: getPrototypeOf throws", new Proxy(baseInput(), { getPrototypeOf: boom }), MODE]);
  list.push(["Tags Proxy: ownKeys throws", Object.assign(baseInput(), { Tags: new Proxy({ a: "b" }, { ownKeys: boom }) }), MODE]);
  list.push(["IdentityInfo Proxy: get throws", Object.assign(baseInput(), { IdentityInfo: new Proxy({ FirstName: "J" }, { get: boom }) }), MODE]);
  list.push(["revoked root", revoked(baseInput()), MODE]);
  list.push(["revoked list", Object.assign(baseInput(), { AutoAcceptConfigs: revoked([]) }), MODE]);
  list.push(["options getter", baseInput(), withGetter({}, "identityManagementType", boom)]);
  list.push(["options Proxy", baseInput(), new Proxy({}, { get: boom })]);
  list.push(["options revoked", baseInput(), revoked({})]);
  return list;
}

function allInputs() {
  const list = [];
  // Valid, in each mode.
  list.push(["valid CONNECT_MANAGED", baseInput(), MODE]);
  list.push(["valid SAML", (() => { const b = baseInput(); delete b.Password; delete b.IdentityInfo.Email; b.IdentityInfo.SecondaryEmail = "j@example.org"; return b; })(), { identityManagementType: "SAML" }]); // prettier-ignore
  list.push(["valid EXISTING_DIRECTORY", (() => { const b = baseInput(); delete b.Password; b.DirectoryUserId = "d-1"; return b; })(), { identityManagementType: "EXISTING_DIRECTORY" }]); // prettier-ignore
  list.push(["valid, mode not given", baseInput(), undefined]);
  list.push(["valid, minimal", { InstanceId: "i", Username: "u", SecurityProfileIds: ["s"], RoutingProfileId: "r" }, {}]);
  // Invalid.
  list.push(["invalid: many errors", {
    InstanceId: "x".repeat(101), Username: "bad name!", Password: "short", Firstname: "typo",
    IdentityInfo: { FirstName: "e\u0301", LastName: "L".repeat(400), Email: "nope", Mobile: "555" },
    PhoneConfig: { PhoneType: "DESK_PHONE", AutoAccept: true, AfterContactWorkTimeLimit: 1.5 },
    SecurityProfileIds: ["a", "a", "", 3], RoutingProfileId: "",
    AutoAcceptConfigs: [{ Channel: "CHAT", AutoAccept: true, AgentFirstCallbackAutoAccept: true }, { Channel: "CHAT", AutoAccept: false }, null, 5],
    Tags: { "aws:x": "v", "": "v", ok: "v".repeat(300) },
  }, MODE]); // prettier-ignore
  list.push(["invalid: flood (capped)", { Tags: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`aws:${i}`, i])) }, { identityManagementType: "SAML" }]); // prettier-ignore
  list.push(["invalid: SAML with password and email", baseInput(), { identityManagementType: "SAML" }]);
  list.push(["invalid: mode misspelled", baseInput(), { identityManagementType: "connect_managed" }]);
  // Hostile values (not throwing).
  list.push(["hostile: Symbol Username", Object.assign(baseInput(), { Username: Symbol("u") }), MODE]);
  list.push(["hostile: BigInt time limit", Object.assign(baseInput(), { AfterContactWorkConfigs: [{ Channel: "VOICE", AfterContactWorkConfig: { AfterContactWorkTimeLimit: 30n } }] }), MODE]); // prettier-ignore
  list.push(["hostile: NaN / -0 / 1e21", Object.assign(baseInput(), { AfterContactWorkConfigs: [{ Channel: "VOICE", AfterContactWorkConfig: { AfterContactWorkTimeLimit: NaN }, AgentFirstCallbackAfterContactWorkConfig: { AfterContactWorkTimeLimit: 1e21 } }], PhoneConfig: undefined }), MODE]); // prettier-ignore
  list.push(["hostile: Map / Set / Date / RegExp", Object.assign(baseInput(), { Tags: new Map(), SecurityProfileIds: new Set(["a"]), IdentityInfo: new Date(0), HierarchyGroupId: /x/ }), MODE]); // prettier-ignore
  list.push(["hostile: boxed / typed array / function", Object.assign(baseInput(), { Username: new String("jdoe"), RoutingProfileId: new Uint8Array(4), HierarchyGroupId: () => 1 }), MODE]); // prettier-ignore
  list.push(["hostile: null-prototype and class instance", Object.assign(Object.create(null), baseInput(), { IdentityInfo: new (class Id { constructor() { Object.assign(this, { FirstName: "J", LastName: "D", Email: "j@example.com" }); } })() }), MODE]); // prettier-ignore
  list.push(["hostile: frozen", (() => { const b = baseInput(); for (const o of [b, b.IdentityInfo, b.Tags, b.SecurityProfileIds]) Object.freeze(o); return Object.freeze(b); })(), MODE]); // prettier-ignore
  list.push(["hostile: cycles", (() => { const b = baseInput(); b.Self = b; b.IdentityInfo.Back = b; const l = ["sp"]; l.push(l); b.SecurityProfileIds = l; return b; })(), MODE]); // prettier-ignore
  list.push(["hostile: 5,000-deep member", (() => { let v = {}; for (let i = 0; i < 5000; i++) v = { v }; return Object.assign(baseInput(), { Deep: v, IdentityInfo: v }); })(), MODE]); // prettier-ignore
  list.push(["hostile: sparse list, length 2**32-1", (() => { const a = []; a.length = 2 ** 32 - 1; return Object.assign(baseInput(), { SecurityProfileIds: a }); })(), MODE]); // prettier-ignore
  list.push(["hostile: 20,000-entry list", Object.assign(baseInput(), { AutoAcceptConfigs: Array.from({ length: 20_000 }, () => ({ Channel: "VOICE", AutoAccept: true })) }), MODE]); // prettier-ignore
  list.push(["hostile: lone surrogates", Object.assign(baseInput(), { InstanceId: "a\uD800b", Tags: { "\uDC00": "\uD800" } }), MODE]); // prettier-ignore
  list.push(["hostile: root is a Symbol", Symbol("root"), MODE]);
  list.push(["hostile: root is undefined", undefined, undefined]);
  list.push(["hostile: options is a BigInt", baseInput(), 7n]);
  list.push([
    "hostile: re-entrant getter",
    withGetter(baseInput(), "Username", () => (api.validateCreateUser({ Username: Symbol() }), "jdoe")),
    MODE,
  ]);
  return list.concat(throwingInputs());
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/** The answer of a call as a string: the report, the request, or the thrown error. */
function answerOf(fn, input, options) {
  try {
    return JSON.stringify(fn(input, options));
  } catch (e) {
    if (!(e instanceof api.ValidationError)) return `THREW ${e?.name}: ${e?.message}`;
    return `ValidationError ${e.message} ${JSON.stringify({ errors: e.errors, warnings: e.warnings })}`;
  }
}

function sample() {
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, external: m.external, wasm: wasmMemory ? wasmMemory.buffer.byteLength : NaN };
}
const fmt = (s) =>
  Object.entries(s)
    .filter(([k]) => k !== "at")
    .map(([k, v]) => `${k} ${(v / MB).toFixed(1)} MB`)
    .join(", ");

const VALID_INPUT = baseInput();
const FIRST_VALID = answerOf(api.validateCreateUser, VALID_INPUT, MODE);
const FIRST_BUILD = answerOf(api.buildCreateUserRequest, VALID_INPUT, MODE);

test("setup: the valid input is valid, the wasm memory was found", (t) => {
  assert.equal(JSON.parse(FIRST_VALID).valid, true, FIRST_VALID);
  assert.ok(FIRST_BUILD.startsWith('{"method":"PUT"'), FIRST_BUILD);
  t.diagnostic(`wasm memory: ${wasmMemory ? `${(wasmMemory.buffer.byteLength / MB).toFixed(1)} MB` : "not found"}; forced GC: ${gcSource}`);
  assert.ok(wasmMemory, "the wasm instance's memory was not caught at import");
});

// ---------------------------------------------------------------------------------------------

test(`${COUNTS.streak.toLocaleString("en")} calls in a row whose getters and Proxies throw, then a valid call`, (t) => {
  const throwing = throwingInputs();
  const first = throwing.map(([, input, options]) => answerOf(api.validateCreateUser, input, options));
  for (const [i, a] of first.entries()) assert.ok(!a.startsWith("THREW"), `${throwing[i][0]}: ${a}`);
  const before = sample();
  const t0 = performance.now();
  for (let i = 0; i < COUNTS.streak; i++) {
    const k = i % throwing.length;
    const [name, input, options] = throwing[k];
    const a = answerOf(api.validateCreateUser, input, options);
    if (a !== first[k]) assert.fail(`call ${i} (${name}) answered differently:\n${a}\nfirst:\n${first[k]}`);
  }
  const ms = performance.now() - t0;
  // The same streak through buildCreateUserRequest (whose ValidationError is thrown in JS).
  for (let i = 0; i < COUNTS.streak; i++) {
    const k = i % throwing.length;
    const [name, input, options] = throwing[k];
    const a = answerOf(api.buildCreateUserRequest, input, options);
    if (!a.startsWith("ValidationError ") && !a.startsWith('{"method"')) assert.fail(`build call ${i} (${name}): ${a}`);
  }
  assert.equal(answerOf(api.validateCreateUser, VALID_INPUT, MODE), FIRST_VALID);
  assert.equal(answerOf(api.buildCreateUserRequest, VALID_INPUT, MODE), FIRST_BUILD);
  assert.equal(answerOf(cjs.validateCreateUser, VALID_INPUT, MODE), FIRST_VALID);
  const after = sample();
  t.diagnostic(`${COUNTS.streak} throwing calls in ${ms.toFixed(0)} ms (${Math.round((COUNTS.streak / ms) * 1000).toLocaleString("en")} calls/s); wasm memory ${fmt({ before: before.wasm, after: after.wasm })}`);
  assert.ok(after.wasm - before.wasm < 20 * MB, "wasm memory grew during the streak");
});

// ---------------------------------------------------------------------------------------------

test(`soak: ${COUNTS.validate.toLocaleString("en")} validateCreateUser, ${COUNTS.build.toLocaleString("en")} buildCreateUserRequest, batches; identical answers, flat memory`, (t) => {
  const everything = allInputs();
  const inputs = everything.filter(([name]) => !HEAVY.has(name));
  const heavy = everything.filter(([name]) => HEAVY.has(name));
  assert.equal(heavy.length, HEAVY.size);
  const first = inputs.map(([, input, options]) => answerOf(api.validateCreateUser, input, options));
  const firstBuild = inputs.map(([, input, options]) => answerOf(api.buildCreateUserRequest, input, options));
  const firstHeavy = heavy.map(([, input, options]) => answerOf(api.validateCreateUser, input, options));
  for (const [i, a] of [...first, ...firstBuild].entries()) assert.ok(!a.startsWith("THREW"), `${inputs[i % inputs.length][0]}: ${a}`);
  for (const [i, a] of firstHeavy.entries()) assert.ok(!a.startsWith("THREW"), `${heavy[i][0]}: ${a}`);
  let heavyCalls = 0;

  const samples = [];
  const marks = new Set(Array.from({ length: 11 }, (_, i) => Math.floor((COUNTS.validate * i) / 10)));
  const t0 = performance.now();
  let validateMs = 0;
  for (let i = 0; i < COUNTS.validate; i++) {
    if (marks.has(i)) {
      const pause = performance.now();
      samples.push({ at: i, ...sample() });
      validateMs -= performance.now() - pause;
    }
    const k = i % inputs.length;
    const a = answerOf(api.validateCreateUser, inputs[k][1], inputs[k][2]);
    if (a !== first[k]) assert.fail(`call ${i} (${inputs[k][0]}) answered differently:\n${a.slice(0, 2000)}\nfirst:\n${first[k].slice(0, 2000)}`);
    if (i % COUNTS.heavyEvery === 0) {
      const h = heavyCalls++ % heavy.length;
      const b = answerOf(api.validateCreateUser, heavy[h][1], heavy[h][2]);
      if (b !== firstHeavy[h]) assert.fail(`call ${i} (${heavy[h][0]}) answered differently`);
    }
    // Now and then through the CommonJS entry: the same instance, the same answer.
    if (i % 97 === 0 && answerOf(cjs.validateCreateUser, inputs[k][1], inputs[k][2]) !== first[k]) assert.fail(`CommonJS call ${i} (${inputs[k][0]}) differs`);
  }
  validateMs += performance.now() - t0;
  samples.push({ at: COUNTS.validate, ...sample() });

  const b0 = performance.now();
  for (let i = 0; i < COUNTS.build; i++) {
    const k = i % inputs.length;
    const a = answerOf(api.buildCreateUserRequest, inputs[k][1], inputs[k][2]);
    if (a !== firstBuild[k]) assert.fail(`build call ${i} (${inputs[k][0]}) answered differently:\n${a.slice(0, 2000)}\nfirst:\n${firstBuild[k].slice(0, 2000)}`);
  }
  const buildMs = performance.now() - b0;

  // Batches: JSON text of many users; the same answer every time, one report per user.
  const users = Array.from({ length: COUNTS.batchUsers }, (_, i) => (i % 3 === 0 ? { ...baseInput(), Username: `user ${i}` } : { ...baseInput(), Username: `user${i}` }));
  const text = JSON.stringify(users);
  const q0 = performance.now();
  const firstBatch = JSON.stringify(api.validateCreateUserBatch(text, MODE));
  for (let i = 1; i < COUNTS.batchCalls; i++) assert.equal(JSON.stringify(api.validateCreateUserBatch(text, MODE)), firstBatch, `batch call ${i} differs`);
  const batchMs = performance.now() - q0;
  const reports = JSON.parse(firstBatch);
  assert.equal(reports.length, COUNTS.batchUsers);
  assert.equal(reports.filter((r) => !r.valid).length, Math.ceil(COUNTS.batchUsers / 3));
  samples.push({ at: "after build and batch", ...sample() });

  // Still exactly the same answers at the very end.
  for (const [k, [name, input, options]] of inputs.entries()) {
    assert.equal(answerOf(api.validateCreateUser, input, options), first[k], `${name}: the last answer differs from the first`);
  }
  assert.equal(answerOf(api.validateCreateUser, VALID_INPUT, MODE), FIRST_VALID);
  assert.equal(answerOf(api.buildCreateUserRequest, VALID_INPUT, MODE), FIRST_BUILD);

  const perS = (n, ms) => Math.round((n / ms) * 1000).toLocaleString("en");
  const mark10 = samples[1];
  const end = samples[10]; // the end of the validateCreateUser loop
  const last = samples[11]; // after the builds and the batches
  const lines = [
    `${inputs.length} inputs cycled (${inputs.filter(([n]) => n.startsWith("valid")).length} valid, the rest invalid or hostile), plus ${heavy.length} heavy hostile ones every ${COUNTS.heavyEvery} calls`,
    `validateCreateUser: ${(COUNTS.validate + heavyCalls).toLocaleString("en")} calls in ${(validateMs / 1000).toFixed(1)} s = ${perS(COUNTS.validate + heavyCalls, validateMs)} calls/s (answer compare included)`,
    `buildCreateUserRequest: ${COUNTS.build.toLocaleString("en")} calls in ${(buildMs / 1000).toFixed(1)} s = ${perS(COUNTS.build, buildMs)} calls/s`,
    `validateCreateUserBatch: ${COUNTS.batchCalls} calls x ${COUNTS.batchUsers} users in ${(batchMs / 1000).toFixed(1)} s = ${perS(COUNTS.batchCalls * COUNTS.batchUsers, batchMs)} users/s`,
    `memory at the start:    ${fmt(samples[0])}`,
    `memory at the 10% mark: ${fmt(mark10)}`,
    `memory at the end:      ${fmt(end)}`,
    `after build and batch:  ${fmt(last)}`,
    `RSS every 10%: ${samples.slice(0, 11).map((x) => (x.rss / MB).toFixed(1)).join(" ")} MB`,
    `wasm memory every 10%: ${samples.slice(0, 11).map((x) => (x.wasm / MB).toFixed(1)).join(" ")} MB`,
    `forced GC: ${gcSource}`,
  ];
  console.log(lines.join("\n"));
  for (const l of lines) t.diagnostic(l);

  const growth = (key) => end[key] - mark10[key];
  if (wasmMemory) assert.ok(growth("wasm") < 20 * MB, `wasm memory grew by ${(growth("wasm") / MB).toFixed(1)} MB`);
  assert.ok(growth("rss") < 20 * MB, `RSS grew by ${(growth("rss") / MB).toFixed(1)} MB from the 10% mark to the end`);
  if (gc) {
    assert.ok(growth("arrayBuffers") < 20 * MB, `ArrayBuffers grew by ${(growth("arrayBuffers") / MB).toFixed(1)} MB`);
    assert.ok(growth("heapUsed") < 20 * MB, `the JS heap grew by ${(growth("heapUsed") / MB).toFixed(1)} MB`);
  }
  // The builds and the batches (2,000 users of JSON text) on top stay within the same bound.
  if (wasmMemory) assert.ok(last.wasm - mark10.wasm < 20 * MB, `wasm memory grew by ${((last.wasm - mark10.wasm) / MB).toFixed(1)} MB by the end`);
  assert.ok(last.rss - mark10.rss < 20 * MB, `RSS grew by ${((last.rss - mark10.rss) / MB).toFixed(1)} MB by the end`);
});

// ---------------------------------------------------------------------------------------------

test(`${COUNTS.bigCalls} calls alternating a 3 MB input and small ones: the big buffers are let go`, (t) => {
  const big = Object.assign(baseInput(), { RoutingProfileId: "r".repeat(3 * MB), Tags: { note: "é".repeat(256) } });
  const firstBig = answerOf(api.validateCreateUser, big, MODE);
  const before = sample();
  for (let i = 0; i < COUNTS.bigCalls; i++) {
    if (i % 2 === 0) assert.equal(answerOf(api.validateCreateUser, big, MODE), firstBig);
    else assert.equal(answerOf(api.validateCreateUser, VALID_INPUT, MODE), FIRST_VALID);
  }
  const after = sample();
  t.diagnostic(`before: ${fmt(before)}; after: ${fmt(after)}`);
  if (wasmMemory) assert.ok(after.wasm - before.wasm < 20 * MB, "wasm memory grew");
  assert.ok(after.rss - before.rss < 20 * MB, `RSS grew by ${((after.rss - before.rss) / MB).toFixed(1)} MB`);
  if (gc) assert.ok(after.arrayBuffers - before.arrayBuffers < 20 * MB, "ArrayBuffers grew");
});
