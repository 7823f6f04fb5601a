// Sanity checks of the two comparison schemas (bench/zod-schema.mjs, bench/ajv-schema.mjs):
//   node bench/check-schemas.mjs        (exit status 1 on a failure)
//
// 1. MINIMAL and FULL are valid, INVALID is invalid with its six expected errors, in both.
// 2. 2,000 generated users: each is valid exactly when generated without an error, in both.
// 3. One case per rule of shared/spec/RULES.md: the expected (path, code) is reported. A case the
//    schema language cannot express is listed as a known gap for that contender (printed, not a
//    failure); a known gap that starts to pass is reported so that the list stays true.
// When ../pkg/index.mjs loads, "ours" runs on the same cases for information (never a failure here).

import { MINIMAL, FULL, INVALID, INVALID_EXPECTED, MODE, generateUsersWithTruth } from "./inputs.mjs";
import { zodValidate } from "./zod-schema.mjs";
import { ajvValidate } from "./ajv-schema.mjs";

let failures = 0;
const fail = (msg) => { failures++; console.log(`FAIL ${msg}`); };

const contenders = {
  zod: (input, mode) => zodValidate(input, mode),
  ajv: (input, mode) => ajvValidate(input, mode),
};

let ours = null;
try {
  const pkg = await import("../pkg/index.mjs");
  ours = (input, mode) => pkg.validateCreateUser(input, mode ? { identityManagementType: mode } : {});
} catch (e) {
  console.log(`(ours not loaded: ${e.message.split("\n")[0]})`);
}

const has = (report, path, code) => report.errors.some((e) => e.path === path && e.code === code);
const show = (report) => report.errors.map((e) => `${e.code}@${e.path}`).join(", ");

// 1. The three bench inputs.
for (const [name, fn] of Object.entries(contenders)) {
  for (const [label, input] of [["MINIMAL", MINIMAL], ["FULL", FULL]]) {
    const r = fn(input, MODE);
    if (!r.valid || r.errors.length) fail(`${name}: ${label} must be valid; got ${show(r)}`);
  }
  const r = fn(INVALID, MODE);
  if (r.valid || r.errors.length < 5) fail(`${name}: INVALID must be invalid with several errors; got ${r.errors.length}`);
  for (const [path, code] of INVALID_EXPECTED) {
    if (!has(r, path, code)) fail(`${name}: INVALID lacks ${code}@${path}; got ${show(r)}`);
  }
  console.log(`${name}: MINIMAL valid, FULL valid, INVALID ${r.errors.length} errors (${show(r)})`);
}
if (ours) {
  for (const [label, input] of [["MINIMAL", MINIMAL], ["FULL", FULL], ["INVALID", INVALID]]) {
    const r = ours(input, MODE);
    console.log(`ours: ${label} valid=${r.valid} errors=${r.errors.length} warnings=${r.warnings.length}${r.errors.length ? ` (${show(r)})` : ""}`);
  }
}

// 2. Generated users.
{
  const { users, invalid } = generateUsersWithTruth(2000);
  for (const [name, fn] of Object.entries(contenders)) {
    let wrong = 0;
    users.forEach((u, i) => {
      const r = fn(u, MODE);
      if (r.valid === invalid.has(i)) {
        wrong++;
        if (wrong <= 3) fail(`${name}: generated user ${i} valid=${r.valid}, expected ${!invalid.has(i)}: ${show(r)}`);
      }
    });
    console.log(`${name}: generated users: ${users.length - wrong}/${users.length} as expected (${invalid.size} built invalid)`);
    if (wrong) fail(`${name}: ${wrong} generated users misjudged`);
  }
  if (ours) {
    let wrong = 0;
    users.forEach((u, i) => { if (ours(u, MODE).valid === invalid.has(i)) wrong++; });
    console.log(`ours: generated users: ${users.length - wrong}/${users.length} as expected`);
  }
}

// 3. One case per rule. expect: [path, code], or "valid". gaps: contenders known to differ, and how.
const clone = (o) => structuredClone(o);
const with_ = (patch) => Object.assign(clone(MINIMAL), patch);
const withIdentity = (patch) => { const u = clone(MINIMAL); Object.assign(u.IdentityInfo, patch); return u; };
const ACW = (limit) => [{ Channel: "VOICE", AfterContactWorkConfig: { AfterContactWorkTimeLimit: limit } }];

const CASES = [
  ["Username bad char", with_({ Username: "j doe" }), ["Username", "PATTERN"]],
  ["Username over the mode's 20", with_({ Username: "x".repeat(21) }), ["Username", "TOO_LONG"]],
  ["Username @ without a dotted domain", with_({ Username: "testuser@example" }), ["Username", "PATTERN"]],
  ["Username in email form", with_({ Username: "testuser@example.com" }), "valid"],
  ["Username empty", with_({ Username: "" }), ["Username", "REQUIRED"]],
  ["Password too short", with_({ Password: "Passw0r" }), ["Password", "TOO_SHORT"]],
  ["Password too long", with_({ Password: "Pa1" + "x".repeat(62) }), ["Password", "TOO_LONG"]],
  ["Password without digit", with_({ Password: "Password!" }), ["Password", "PATTERN"]],
  ["Password with whitespace", with_({ Password: "Pass word1" }), ["Password", "PATTERN"]],
  ["Password with NEL (Unicode White_Space)", with_({ Password: "Pass\u0085word1" }), ["Password", "PATTERN"]],
  ["Password absent (CONNECT_MANAGED)", (() => { const u = clone(MINIMAL); delete u.Password; return u; })(), ["Password", "REQUIRED"]],
  ["FirstName decomposed", withIdentity({ FirstName: "Jose\u0301" }), ["IdentityInfo.FirstName", "NOT_NFC"]],
  ["FirstName 255 emoji (code points)", withIdentity({ FirstName: "👍".repeat(255) }), "valid"],
  ["FirstName 256 emoji", withIdentity({ FirstName: "👍".repeat(256) }), ["IdentityInfo.FirstName", "TOO_LONG"]],
  ["LastName 257 (CONNECT_MANAGED max 256)", withIdentity({ LastName: "x".repeat(257) }), ["IdentityInfo.LastName", "TOO_LONG"]],
  ["Email without dot", withIdentity({ Email: "a@b" }), ["IdentityInfo.Email", "PATTERN"]],
  ["Email empty (CONNECT_MANAGED)", withIdentity({ Email: "" }), ["IdentityInfo.Email", "REQUIRED"]],
  ["SecondaryEmail bad", withIdentity({ SecondaryEmail: "x@y" }), ["IdentityInfo.SecondaryEmail", "PATTERN"]],
  ["Mobile not E.164", withIdentity({ Mobile: "0123456" }), ["IdentityInfo.Mobile", "PATTERN"]],
  ["IdentityInfo unknown member", withIdentity({ Firstname: "x" }), ["IdentityInfo.Firstname", "UNKNOWN_FIELD"]],
  ["IdentityInfo absent", (() => { const u = clone(MINIMAL); delete u.IdentityInfo; return u; })(), ["IdentityInfo.FirstName", "REQUIRED"], { zod: "REQUIRED@IdentityInfo", ajv: "REQUIRED@IdentityInfo" }],
  ["InstanceId empty", with_({ InstanceId: "" }), ["InstanceId", "REQUIRED"]],
  ["InstanceId 101", with_({ InstanceId: "i".repeat(101) }), ["InstanceId", "TOO_LONG"]],
  ["RoutingProfileId null", with_({ RoutingProfileId: null }), ["RoutingProfileId", "REQUIRED"], { ajv: "TYPE" }],
  ["HierarchyGroupId number", with_({ HierarchyGroupId: 5 }), ["HierarchyGroupId", "TYPE"]],
  ["SecurityProfileIds empty", with_({ SecurityProfileIds: [] }), ["SecurityProfileIds", "REQUIRED"]],
  ["SecurityProfileIds 11", with_({ SecurityProfileIds: Array.from({ length: 11 }, (_, i) => `sp${i}`) }), ["SecurityProfileIds", "TOO_MANY"]],
  ["SecurityProfileIds empty item", with_({ SecurityProfileIds: ["a", ""] }), ["SecurityProfileIds[1]", "REQUIRED"]],
  ["SecurityProfileIds repeated (a warning only)", with_({ SecurityProfileIds: ["a", "a"] }), "valid"],
  ["unknown root member", with_({ Foo: 1 }), ["Foo", "UNKNOWN_FIELD"]],
  ["unknown root member, null (not reported)", with_({ Foo: null }), "valid", { zod: "UNKNOWN_FIELD", ajv: "UNKNOWN_FIELD" }],
  ["optional member null (absent)", with_({ HierarchyGroupId: null, Tags: null, PhoneConfig: null }), "valid"],
  ["AgentFirstCallbackAutoAccept on CHAT", with_({ AutoAcceptConfigs: [{ Channel: "CHAT", AutoAccept: true, AgentFirstCallbackAutoAccept: false }] }), ["AutoAcceptConfigs[0].AgentFirstCallbackAutoAccept", "CHANNEL_NOT_ALLOWED"]],
  ["AgentFirstCallbackAfterContactWorkConfig on TASK", with_({ AfterContactWorkConfigs: [{ Channel: "TASK", AfterContactWorkConfig: { AfterContactWorkTimeLimit: 1 }, AgentFirstCallbackAfterContactWorkConfig: { AfterContactWorkTimeLimit: 1 } }] }), ["AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig", "CHANNEL_NOT_ALLOWED"]],
  ["duplicate channel", with_({ AutoAcceptConfigs: [{ Channel: "VOICE", AutoAccept: true }, { Channel: "VOICE", AutoAccept: false }] }), ["AutoAcceptConfigs[1].Channel", "DUPLICATE_CHANNEL"], { ajv: "DUPLICATE_CHANNEL@AutoAcceptConfigs (the list, not the item)" }],
  ["Channel wrong case", with_({ AutoAcceptConfigs: [{ Channel: "voice", AutoAccept: true }] }), ["AutoAcceptConfigs[0].Channel", "ENUM"]],
  ["Channel empty (absent)", with_({ AutoAcceptConfigs: [{ Channel: "", AutoAccept: true }] }), ["AutoAcceptConfigs[0].Channel", "REQUIRED"], { zod: "ENUM", ajv: "ENUM" }],
  ["list item null", with_({ AutoAcceptConfigs: [null] }), ["AutoAcceptConfigs[0]", "REQUIRED"], { ajv: "TYPE" }],
  ["AutoAccept missing", with_({ AutoAcceptConfigs: [{ Channel: "CHAT" }] }), ["AutoAcceptConfigs[0].AutoAccept", "REQUIRED"]],
  ["ACW time limit 2,000,001", with_({ AfterContactWorkConfigs: ACW(2000001) }), ["AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit", "OUT_OF_RANGE"]],
  ["ACW time limit 1.5", with_({ AfterContactWorkConfigs: ACW(1.5) }), ["AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit", "TYPE"]],
  ["ACW time limit 1e21", with_({ AfterContactWorkConfigs: ACW(1e21) }), ["AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit", "OUT_OF_RANGE"]],
  ["PhoneNumberConfigs on CHAT", with_({ PhoneNumberConfigs: [{ Channel: "CHAT", PhoneType: "SOFT_PHONE" }] }), ["PhoneNumberConfigs[0].Channel", "CHANNEL_NOT_ALLOWED"]],
  ["PhoneNumberConfigs DESK_PHONE without number", with_({ PhoneNumberConfigs: [{ Channel: "VOICE", PhoneType: "DESK_PHONE" }] }), ["PhoneNumberConfigs[0].PhoneNumber", "REQUIRED"]],
  ["PersistentConnectionConfigs on EMAIL", with_({ PersistentConnectionConfigs: [{ Channel: "EMAIL", PersistentConnection: true }] }), ["PersistentConnectionConfigs[0].Channel", "CHANNEL_NOT_ALLOWED"]],
  ["VoiceEnhancementMode bad", with_({ VoiceEnhancementConfigs: [{ Channel: "VOICE", VoiceEnhancementMode: "LOUD" }] }), ["VoiceEnhancementConfigs[0].VoiceEnhancementMode", "ENUM"]],
  ["PhoneConfig alone", with_({ PhoneConfig: { PhoneType: "SOFT_PHONE", AutoAccept: false, AfterContactWorkTimeLimit: 0 } }), "valid"],
  ["PhoneConfig as a list", with_({ PhoneConfig: [] }), ["PhoneConfig", "TYPE"]],
  ["PhoneConfig DESK_PHONE without number", with_({ PhoneConfig: { PhoneType: "DESK_PHONE" } }), ["PhoneConfig.DeskPhoneNumber", "REQUIRED"]],
  ["PhoneConfig.AutoAccept false + AutoAcceptConfigs", with_({ PhoneConfig: { AutoAccept: false }, AutoAcceptConfigs: [{ Channel: "VOICE", AutoAccept: true }] }), ["PhoneConfig.AutoAccept", "CONFLICT"]],
  ["PhoneConfig ACW 0 + AfterContactWorkConfigs", with_({ PhoneConfig: { AfterContactWorkTimeLimit: 0 }, AfterContactWorkConfigs: ACW(5) }), ["PhoneConfig.AfterContactWorkTimeLimit", "CONFLICT"]],
  ["PhoneConfig.DeskPhoneNumber + PhoneNumberConfigs", with_({ PhoneConfig: { PhoneType: "DESK_PHONE", DeskPhoneNumber: "+14155550100" }, PhoneNumberConfigs: [{ Channel: "VOICE", PhoneType: "SOFT_PHONE" }] }), ["PhoneConfig.DeskPhoneNumber", "CONFLICT"]],
  ["PhoneConfig.PersistentConnection + list", with_({ PhoneConfig: { PersistentConnection: false }, PersistentConnectionConfigs: [{ Channel: "VOICE", PersistentConnection: true }] }), ["PhoneConfig.PersistentConnection", "CONFLICT"]],
  ["PhoneConfig + empty list (no conflict)", with_({ PhoneConfig: { AutoAccept: true }, AutoAcceptConfigs: [] }), "valid"],
  ["tag key aws:", with_({ Tags: { "aws:team": "x" } }), ['Tags["aws:team"]', "PATTERN"]],
  ["tag key empty", with_({ Tags: { "": "x" } }), ['Tags[""]', "TOO_SHORT"]],
  ["tag key 129", with_({ Tags: { ["k".repeat(129)]: "x" } }), [`Tags["${"k".repeat(129)}"]`, "TOO_LONG"]],
  ["tag key decomposed é", with_({ Tags: { "e\u0301quipe": "x" } }), [`Tags[${JSON.stringify("e\u0301quipe")}]`, "PATTERN"]],
  ["tag key composed é, value empty", with_({ Tags: { "équipe": "" } }), "valid"],
  ["tag value 257", with_({ Tags: { k: "v".repeat(257) } }), ['Tags["k"]', "TOO_LONG"]],
  ["tag value number", with_({ Tags: { k: 1 } }), ['Tags["k"]', "TYPE"]],
  ["51 tags", with_({ Tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) }), ["Tags", "TOO_MANY"]],
  ["root not an object", [1, 2], ["", "TYPE"]],
  ["root a Date", new Date(0), ["", "TYPE"], { zod: "a Date passes as an object", ajv: "a Date passes type: object" }],
  ["list item whose members are all null (absent)", with_({ AutoAcceptConfigs: [{ Channel: null, AutoAccept: null }] }), ["AutoAcceptConfigs[0]", "REQUIRED"], { zod: "not absent: per-member errors", ajv: "not absent: per-member errors" }],
  ["required AfterContactWorkConfig {} (absent)", with_({ AfterContactWorkConfigs: [{ Channel: "CHAT", AfterContactWorkConfig: {} }] }), ["AfterContactWorkConfigs[0].AfterContactWorkConfig", "REQUIRED"], { zod: "an empty object passes", ajv: "an empty object passes" }],
  ["a getter that throws", Object.defineProperty(clone(MINIMAL), "HierarchyGroupId", { enumerable: true, get() { throw new Error("boom"); } }), ["HierarchyGroupId", "TYPE"], { zod: "throws", ajv: "throws" }],
  ["SAML: Password forbidden", { ...clone(MINIMAL), IdentityInfo: { FirstName: "A", LastName: "B" } }, ["Password", "FORBIDDEN"], null, "SAML"],
  ["SAML: Email forbidden", (() => { const u = clone(MINIMAL); delete u.Password; return u; })(), ["IdentityInfo.Email", "FORBIDDEN"], null, "SAML"],
  ["SAML: alias@UserId@OrgId (a warning only)", { ...clone(MINIMAL), Password: undefined, Username: "alias@UserId@OrgId", IdentityInfo: { FirstName: "A", LastName: "B" } }, "valid", null, "SAML"],
  ["SAML: DirectoryUserId forbidden", { ...clone(MINIMAL), Password: undefined, IdentityInfo: { FirstName: "A", LastName: "B" }, DirectoryUserId: "d" }, ["DirectoryUserId", "FORBIDDEN"], null, "SAML"],
  ["EXISTING_DIRECTORY: Password forbidden", clone(MINIMAL), ["Password", "FORBIDDEN"], null, "EXISTING_DIRECTORY"],
  ["mode not given: Password \"\" is absent", with_({ Password: "" }), "valid", null, "NONE"],
  ["mode not given: Password too short", with_({ Password: "Ab1" }), ["Password", "TOO_SHORT"], null, "NONE"],
  ["mode not given: Username of 64", with_({ Username: "u".repeat(64) }), "valid", null, "NONE"],
  ["mode not given: Username of 101", with_({ Username: "u".repeat(101) }), ["Username", "TOO_LONG"], null, "NONE"],
];

const gapsSeen = { zod: [], ajv: [] };
const oursDiffer = [];
for (const [label, input, expect, gaps, mode = MODE] of CASES) {
  const judge = (r) => (expect === "valid" ? r.valid : has(r, expect[0], expect[1]));
  for (const [name, fn] of Object.entries(contenders)) {
    let r;
    try {
      r = fn(input, mode);
    } catch (e) {
      r = { valid: false, errors: [{ path: "", code: `THREW ${e.message}`, message: "" }] };
    }
    const ok = judge(r);
    const gap = gaps?.[name];
    if (ok && gap) fail(`${name}: "${label}" is listed as a gap (${gap}) but passes; update the list`);
    else if (!ok && !gap) fail(`${name}: "${label}": expected ${expect === "valid" ? "valid" : expect.join("@")}; got ${show(r) || "valid"}`);
    else if (!ok) gapsSeen[name].push(`${label} (${gap}): got ${show(r) || "valid"}`);
  }
  if (ours) {
    try {
      if (!judge(ours(input, mode))) oursDiffer.push(label);
    } catch (e) {
      oursDiffer.push(`${label} (threw ${e.message})`);
    }
  }
}
console.log(`rule cases: ${CASES.length}`);
for (const [name, list] of Object.entries(gapsSeen)) {
  console.log(`${name}: known gaps (${list.length}):`);
  for (const g of list) console.log(`  - ${g}`);
}
if (ours) console.log(`ours: ${CASES.length - oursDiffer.length}/${CASES.length} rule cases as expected${oursDiffer.length ? `; differs on: ${oursDiffer.join("; ")}` : ""}`);

if (failures) {
  console.log(`\n${failures} failure(s)`);
  process.exit(1);
}
console.log("\nall schema checks passed");
