// validateCreateUserCsv and validator.validateCsv on real-shaped files (CSV.md): strings and bytes,
// a byte-order mark, CRLF, `;` from a European Excel, Windows-1252 bytes; the CsvReport's shape;
// each request equal to what buildCreateUserRequest builds for the row's input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const api = createRequire(import.meta.url)("../../pkg/index.cjs");
const { validateCreateUserCsv, createValidator, csvTemplate, buildCreateUserRequest } = api;

const instance = [
  { Instance: { IdentityManagementType: "CONNECT_MANAGED" } },
  { UserSummaryList: [{ Id: "u-1", Username: "taken.user" }], NextToken: "t" },
  { RoutingProfileSummaryList: [{ Id: "rp-1", Arn: "arn:rp-1", Name: "Basic Routing Profile" }] },
  { SecurityProfileSummaryList: [{ Id: "sp-1", Name: "Agent" }, { Id: "sp-2", Name: "Admin" }] },
  { UserHierarchyGroupSummaryList: [{ Id: "hg-1", Name: "Équipe" }] },
];
const HEADER = "first name,last name,email address,password,user login,routing profile name,security_profile_name_1|security_profile_name_2,phone type (soft/desk),phone number,soft phone auto accept (yes/no),ACW timeout (seconds),tags,agent hierarchy";
const ROWS = [
  "Jane,Doe,jane@example.com,Passw0rdX,jdoe,Basic Routing Profile,Agent|Admin,soft,,yes,30.0,team=a,Équipe",
  '"Nikki, Jr.",Wolf,nikki@example.com,Passw0rdY,nwolf,basic routing profile,agent,desk,+12065550100,no,0,"site=north|team=b",',
  ",,,,,,,,,,,,",
  "Ann,Lee,ann@example.com,short,taken.user,Nope,Agnt,soft,,maybe,30.5,x,",
];
const fileText = [HEADER, ...ROWS].join("\r\n") + "\r\n";
const pairs = (vs) => vs.map((v) => [v.path, v.code, v.column]);

test("a file as text: rows, inputs, reports with columns, requests for the valid rows", () => {
  const r = validateCreateUserCsv(fileText, { instance, instanceId: "inst-1" });
  assert.deepEqual(Object.keys(r).sort(), ["columns", "errors", "rows", "valid", "warnings"]);
  assert.equal(r.valid, false);
  assert.deepEqual(r.columns, HEADER.split(","));
  assert.deepEqual(r.rows.map((x) => x.row), [2, 3, 5], "spreadsheet rows; the blank one counted, not listed");
  assert.equal(r.rows[0].input.HierarchyGroupId, "hg-1");
  assert.deepEqual(r.rows[0].input.SecurityProfileIds, ["sp-1", "sp-2"]);
  assert.equal(r.rows[1].cells[0], "Nikki, Jr.");
  assert.deepEqual(pairs(r.rows[2].report.errors), [
    ["Username", "TAKEN", "user login"],
    ["Password", "TOO_SHORT", "password"],
    ["Password", "PATTERN", "password"],
    ["PhoneConfig.AutoAccept", "TYPE", "soft phone auto accept (yes/no)"],
    ["PhoneConfig.AfterContactWorkTimeLimit", "TYPE", "ACW timeout (seconds)"],
    ["SecurityProfileIds[0]", "NOT_FOUND", "security_profile_name_1|security_profile_name_2"],
    ["RoutingProfileId", "NOT_FOUND", "routing profile name"],
    ["Tags", "PATTERN", "tags"],
  ]);
  assert.deepEqual(r.rows[2].report.errors[5].fix, { value: "sp-1", label: "Use Agent" });
  assert.equal(r.rows[2].request, undefined);
  for (const row of r.rows.slice(0, 2)) {
    assert.equal(row.report.valid, true, JSON.stringify(row.report));
    assert.deepEqual(row.request, buildCreateUserRequest(row.input, { instance }), "the request is the one built for the input");
  }
});

test("bytes, a byte-order mark, `;` and Windows-1252 read like the text", () => {
  const expected = validateCreateUserCsv(fileText, { instance, instanceId: "i" });
  const utf8 = new TextEncoder().encode("\uFEFF" + fileText);
  assert.deepEqual(validateCreateUserCsv(utf8, { instance, instanceId: "i" }), expected, "UTF-8 bytes with a BOM");
  const semicolons = fileText.replace(/,/g, ";").replace('"Nikki; Jr."', '"Nikki, Jr."');
  const withSemicolons = validateCreateUserCsv(semicolons, { instance, instanceId: "i" });
  assert.deepEqual(withSemicolons.rows.map((x) => x.input), expected.rows.map((x) => x.input), "; found from the header");
  const latin1 = Uint8Array.from([...fileText].map((c) => (c === "É" ? 0xc9 : c.charCodeAt(0))));
  const cp1252 = validateCreateUserCsv(latin1, { instance, instanceId: "i" });
  assert.deepEqual(cp1252.warnings.map((w) => w.code), ["ENCODING"]);
  assert.equal(cp1252.rows[0].input.HierarchyGroupId, "hg-1", "É read as Windows-1252");
  assert.equal(validateCreateUserCsv(fileText.replace(/,/g, "\t").replace('"Nikki\t Jr."', "Nikki Jr."), { delimiter: "\t", instance, instanceId: "i" }).rows.length, 3);
});

test("without instanceId: one file error, no row flagged, no request; without lists: UNRESOLVED", () => {
  const r = validateCreateUserCsv(fileText, { instance });
  assert.deepEqual(pairs(r.errors), [["InstanceId", "REQUIRED", undefined]]);
  assert.ok(r.rows.every((x) => x.request === undefined && x.report.errors.every((e) => e.path !== "InstanceId")));
  const bare = validateCreateUserCsv(fileText, { identityManagementType: "CONNECT_MANAGED", instanceId: "i" });
  assert.deepEqual(bare.errors.map((e) => [e.code, e.column]), [
    ["UNRESOLVED", "routing profile name"],
    ["UNRESOLVED", "security_profile_name_1|security_profile_name_2"],
    ["UNRESOLVED", "agent hierarchy"],
  ]);
  assert.ok(bare.rows.every((x) => x.request === undefined));
  const noMode = validateCreateUserCsv(fileText, { instanceId: "i" });
  assert.deepEqual(noMode.warnings.map((w) => w.code), ["MODE_UNKNOWN"], "one MODE_UNKNOWN for the file");
});

test("createValidator(...).validateCsv and the template of each mode", () => {
  const v = createValidator({ instance });
  const r = v.validateCsv(fileText, { instanceId: "inst-1" });
  assert.deepEqual(r, validateCreateUserCsv(fileText, { instance, instanceId: "inst-1" }));
  for (const mode of ["CONNECT_MANAGED", "SAML", "EXISTING_DIRECTORY"]) {
    const template = csvTemplate(mode);
    const lines = template.trim().split("\r\n");
    assert.equal(lines.length, 2, mode);
    const checked = validateCreateUserCsv(template, { identityManagementType: mode, instance: instance.slice(1), instanceId: "i" });
    assert.deepEqual(checked.errors, [], mode);
    assert.equal(checked.rows[0].report.valid, true, `${mode}: ${JSON.stringify(checked.rows[0].report)}`);
  }
});

test("bad arguments and hostile files: a TypeError for a non-file, reports for any text", () => {
  assert.throws(() => validateCreateUserCsv(42), TypeError);
  assert.throws(() => validateCreateUserCsv({}), TypeError);
  for (const junk of ["", "\u0000\u0001", '"'.repeat(100000), ",".repeat(1000000), "x".repeat(5_000_000), "a\nb\r\nc\rd"]) {
    const r = validateCreateUserCsv(junk, { instanceId: "i" });
    assert.equal(typeof r.valid, "boolean");
    assert.ok(Array.isArray(r.rows));
  }
  const random = new Uint8Array(200000);
  for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24;
  assert.equal(validateCreateUserCsv(random).valid, false);
});
