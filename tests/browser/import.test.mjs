// Browser tests of the import page (www/import.html) with real files picked through its file inputs
// and the package's real check: fixtures/users-with-problems.csv (the template's header; a bad email,
// profile names not in the instance, a login taken in the instance, a login twice, a phone number
// in scientific notation) and AWS CLI outputs. Each test ends by asserting that the page logged no
// console error, threw nothing, saw no CSP violation and requested nothing outside its origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { csvTemplate } from "../../pkg/index.mjs";
import { startAll, assertPageClean } from "./helpers.mjs";
import {
  USERS_CSV,
  INSTANCE_ID,
  openImport,
  pickCsv,
  pickInstance,
  typeInstanceId,
  chooseMode,
  afterCheck,
  checks,
  cell,
  cellDescription,
  save,
  parseCsv,
  instanceIds,
} from "./import-helpers.mjs";

let env;
before(async () => {
  env = await startAll();
});
after(async () => {
  await env?.close();
});

/** The problems of the users file under CONNECT_MANAGED with the instance data, in report order: [row, column, code, message]. */
const EXPECTED = [
  [3, "email address", "PATTERN", /Email must be an email address/],
  [4, "security_profile_name_1|security_profile_name_2", "NOT_FOUND", /Did you mean Agent\?/],
  [4, "routing profile name", "NOT_FOUND", /No routing profile of this instance has this name or ID\./],
  [5, "user login", "TAKEN", /already exists in this instance/],
  [6, "user login", "TAKEN", /Row 2 has the same user name/],
  [7, "phone number", "PATTERN", /spreadsheet turned this phone number into a number/],
];

/** The page with the users file, the instance data, CONNECT_MANAGED and the instance id. */
async function loaded() {
  const opened = await openImport(env);
  await pickCsv(opened.page, USERS_CSV);
  await pickInstance(opened.page);
  await chooseMode(opened.page, "CONNECT_MANAGED");
  await typeInstanceId(opened.page);
  return opened;
}

const text = (page, selector) => page.locator(selector).textContent();
const codes = (page) => page.locator("#file-problems li").evaluateAll((lis) => lis.map((li) => li.dataset.code));

test("the import page has the named controls, the 11 locales by their own names, and links to and from the form", async () => {
  const { page, log, context } = await openImport(env);
  for (const selector of [
    "input[type=file][name=csv]",
    "input[type=file][name=instance][multiple]",
    "input[name=instanceId]",
    "select[name=identityManagementType]",
    "select[name=locale]",
    "#file-problems",
    "#summary",
    "input[type=checkbox]#only-problems",
    "#download-requests",
    "#download-problems",
    "#download-template",
    "table thead",
    "table tbody",
  ]) {
    assert.equal(await page.locator(selector).count(), 1, selector);
  }
  const locales = await page.locator("select[name=locale] option").evaluateAll((os) => os.map((o) => [o.value, o.textContent, o.lang]));
  assert.deepEqual(locales.map(([v]) => v), ["en", "de", "es", "fr", "it", "ja", "ko", "pt-BR", "zh-CN", "zh-TW", "id"]);
  assert.deepEqual(locales.find(([v]) => v === "ja"), ["ja", "日本語", "ja"]);
  assert.deepEqual(
    await page.locator("select[name=identityManagementType] option").evaluateAll((os) => os.map((o) => o.value)),
    ["", "CONNECT_MANAGED", "SAML", "EXISTING_DIRECTORY"],
  );
  assert.equal(await page.locator("tbody tr").count(), 0, "the table starts empty");
  const unlabeled = await page.evaluate(() =>
    [...document.querySelectorAll("input, select")].filter((c) => c.labels.length === 0).map((c) => c.name || c.id),
  );
  assert.deepEqual(unlabeled, []);
  await page.click('a[href="./"]');
  await page.waitForSelector("body.ready");
  assert.match(page.url(), /\/www\/$/);
  await page.click('a[href="import.html"]');
  await page.waitForSelector("body.ready");
  assert.match(page.url(), /\/www\/import\.html$/);
  await assertPageClean(page, log);
  await context.close();
});

test("the users file alone: every row checked, the file's UNRESOLVED columns, REQUIRED InstanceId and MODE_UNKNOWN shown", async () => {
  const { page, log, context } = await openImport(env);
  assert.equal(await text(page, "#summary"), "No file checked yet.");
  await pickCsv(page, USERS_CSV);
  assert.equal(await page.locator("tbody tr[data-row]").count(), 7);
  assert.deepEqual(await codes(page), ["UNRESOLVED", "UNRESOLVED", "REQUIRED", "MODE_UNKNOWN"]);
  const problems = await text(page, "#file-problems");
  assert.match(problems, /Error: routing profile name: The instance data has no list of routing profiles/);
  assert.match(problems, /Error: security_profile_name_1\|security_profile_name_2: The instance data has no list/);
  assert.match(problems, /Error: The instance ID is not given/);
  assert.match(problems, /Warning: The identity management type was not given/);
  assert.equal(await page.locator("#download-requests").isDisabled(), true, "no row has a request");
  assert.match(await text(page, "#check-status"), /^Checked users-with-problems\.csv in \d+ ms, shown in \d+ ms\.$/);
  await assertPageClean(page, log);
  await context.close();
});

test("with the instance data: each bad cell marked and described, row problems in their rows, passwords masked, the summary", async () => {
  const { page, log, context } = await loaded();
  assert.match(await text(page, "#load-status"), /^Instance data: 4 files read \(2 users, 2 routing profiles, 2 security profiles\)\. Its identity management type, used unless one is chosen: SAML 2\.0 \(SAML\)\.$/);
  assert.deepEqual(await codes(page), [], "no file problem");
  const columns = await page.locator("thead th[data-column]").evaluateAll((ths) => ths.map((t) => t.dataset.column));
  assert.deepEqual(columns, csvTemplate("CONNECT_MANAGED").split("\r\n")[0].split(","), "the columns as written in the file");
  for (const [row, column, code, message] of EXPECTED) {
    const td = cell(page, row, column);
    assert.equal(await td.getAttribute("aria-invalid"), "true", `row ${row} ${column}`);
    assert.match(await cellDescription(td), message, `row ${row} ${column}`);
    assert.equal(await td.locator(`li[data-code="${code}"]`).count(), 1, `row ${row} ${column} ${code}`);
  }
  const invalidCells = await page.locator('td[aria-invalid="true"]').count();
  assert.equal(invalidCells, EXPECTED.length, "no other cell is marked");
  assert.equal(await cell(page, 2, "email address").textContent(), "jane.doe@example.com", "cells as written");
  assert.equal(await cell(page, 4, "routing profile name").locator(".cell-value").textContent(), "Premium Routing");
  assert.equal(await cell(page, 7, "phone number").locator(".cell-value").textContent(), "1.20655E+10");
  assert.equal(await cell(page, 2, "password").textContent(), "••••••••");
  assert.ok(!(await page.evaluate(() => document.body.textContent)).includes("Sekr3t"), "no password on the page");
  assert.equal(await page.locator("tr.row-invalid").count(), 5);
  assert.equal(await text(page, "#summary"), "7 users, 5 of them invalid. 6 errors and 0 warnings.");
  assert.equal(await page.locator("#download-requests").isDisabled(), false);
  // Only the invalid rows.
  await page.check("#only-problems");
  assert.deepEqual(await page.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.dataset.row)), ["3", "4", "5", "6", "7"]);
  assert.equal(await text(page, "#page-status"), "Rows 1–5 of 5 shown · page 1 of 1");
  await page.uncheck("#only-problems");
  assert.equal(await page.locator("tbody tr").count(), 7);
  await assertPageClean(page, log);
  await context.close();
});

test("a row's own problem (cells past the header) is shown in the row; the mode, instance id and locale each check again", async () => {
  const { page, log, context } = await openImport(env);
  const csv = (await readFile(USERS_CSV, "utf8")).replace("team=sales", "team=sales,extra");
  await pickCsv(page, { name: "extra.csv", buffer: Buffer.from(csv) });
  await pickInstance(page);
  // No mode chosen: the instance's SAML applies, which forbids passwords and emails.
  assert.equal(await cell(page, 2, "password").getAttribute("aria-invalid"), "true");
  assert.match(await cellDescription(cell(page, 2, "password")), /Password must not be given when the instance uses SAML/);
  assert.match(await page.locator('tr[data-row="8"] td.row-problems').textContent(), /^Error: /);
  assert.equal(await page.locator('tr[data-row="8"] td.row-problems li[data-code="TOO_MANY"]').count(), 1);
  await chooseMode(page, "CONNECT_MANAGED");
  assert.equal(await cell(page, 2, "password").getAttribute("aria-invalid"), null);
  assert.equal(await text(page, "#summary"), "7 users, 6 of them invalid. 8 errors and 0 warnings (the file itself: 1 error, 0 warnings).");
  assert.deepEqual(await codes(page), ["REQUIRED"]);
  await typeInstanceId(page);
  assert.deepEqual(await codes(page), [], "the REQUIRED InstanceId error is gone");
  assert.equal(await page.locator("#download-requests").isDisabled(), false, "requests appear");
  const n = await checks(page);
  await afterCheck(page, () => page.selectOption("select[name=locale]", "de"));
  assert.equal(await checks(page), n + 1, "the locale checks again");
  await assertPageClean(page, log);
  await context.close();
});

test("downloads: the valid rows' requests (ids, not names), every problem as CSV without a password, the mode's template", async () => {
  const { page, log, context } = await loaded();
  const requests = await save(page, "#download-requests");
  assert.equal(requests.name, "users-with-problems-requests.jsonl");
  const lines = requests.text.trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.equal(lines.length, 2, "rows 2 and 8");
  const ids = await instanceIds();
  for (const line of lines) {
    assert.deepEqual(Object.keys(line), ["method", "path", "headers", "body"]);
    assert.equal(line.method, "PUT");
    assert.equal(line.path, `/users/${INSTANCE_ID}`);
    assert.deepEqual(line.headers, { "Content-Type": "application/json" });
    const body = JSON.parse(line.body);
    assert.ok(ids.has(body.RoutingProfileId), "a routing profile id");
    assert.ok(body.SecurityProfileIds.every((id) => ids.has(id)), "security profile ids");
    assert.equal(body.InstanceId, undefined);
  }
  assert.deepEqual(JSON.parse(lines[0].body), {
    Username: "jnew",
    Password: "Sekr3t-Pw-2",
    IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "jane.doe@example.com" },
    PhoneConfig: { PhoneType: "SOFT_PHONE", AutoAccept: true, AfterContactWorkTimeLimit: 30 },
    SecurityProfileIds: ["7f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f"],
    RoutingProfileId: "0e7f3a52-1b9c-4d6e-8f20-7a5b3c1d9e84",
    Tags: { team: "support" },
  });

  const problems = await save(page, "#download-problems");
  assert.equal(problems.name, "users-with-problems-problems.csv");
  assert.ok(problems.text.startsWith("\uFEFF"), "a byte-order mark for Excel");
  const [header, ...records] = parseCsv(problems.text.slice(1));
  assert.deepEqual(header, ["row", "column", "path", "code", "message"]);
  assert.deepEqual(
    records.map(([row, column, , code]) => [Number(row), column, code]),
    EXPECTED.map(([row, column, code]) => [row, column, code]),
  );
  assert.deepEqual(records[0].slice(0, 4), ["3", "email address", "IdentityInfo.Email", "PATTERN"]);
  for (const [i, record] of records.entries()) assert.match(record[4], EXPECTED[i][3]);
  assert.ok(!problems.text.includes("Sekr3t"), "no password in the problems file");

  const template = await save(page, "#download-template");
  assert.equal(template.name, "connect-users-template.csv");
  assert.equal(template.text, csvTemplate("CONNECT_MANAGED"));
  await chooseMode(page, "");
  assert.equal((await save(page, "#download-template")).text, csvTemplate("SAML"), "not chosen: the instance's mode");
  await assertPageClean(page, log);
  await context.close();
});

test("a bad instance file is named and the rest is used; only the page's own files are requested", async () => {
  const { page, log, context } = await openImport(env);
  await pickCsv(page, USERS_CSV);
  await pickInstance(page, [
    { name: "routing.json", mimeType: "application/json", buffer: Buffer.from('{"RoutingProfileSummaryList":[{"Id":"rp-1","Name":"Basic Routing Profile"}]}') },
    { name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{not json") },
  ]);
  assert.match(await text(page, "#load-status"), /^Instance data: 1 file read \(1 routing profile\)\. broken\.json is not valid JSON\.$/);
  assert.deepEqual(await codes(page), ["UNRESOLVED", "REQUIRED", "MODE_UNKNOWN"], "routing profiles resolved, security profiles not");
  const posts = log.requests.filter((u) => !/\.(js|css|svg|wasm|html)$|\/www\/$/.test(u));
  assert.deepEqual(posts, [], "only the page's own files were requested");
  await assertPageClean(page, log);
  await context.close();
});
