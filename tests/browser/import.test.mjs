// Browser tests of the import page (www/import.html). The table, filter, paging and downloads are
// driven by fake CsvReport objects handed to the page's `showReport` (no CSV check in wasm needed):
// the contract of CSV.md "What comes back". Each test ends by asserting that the page logged no
// console error, threw nothing, saw no CSP violation and requested nothing outside its origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startAll, openPage, assertPageClean } from "./helpers.mjs";

let env;
before(async () => {
  env = await startAll();
});
after(async () => {
  await env?.close();
});

const openImport = () => openPage(env, { path: "/www/import.html" });

const COLUMNS = ["user login", "Password", "first name", "email address", "routing profile name", "phone type (soft/desk)"];
const secret = (i) => `Sekr3t-${i}-pw`;

/**
 * A fake CsvReport of `n` rows (row numbers from 2): every 3rd row has an invalid email (an error
 * with its column), every 5th a row problem without a column, every 7th a bad password, every 4th
 * a warning on the first name. Rows without errors have a request.
 */
function fakeReport(n, { withCells = false } = {}) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const row = i + 2;
    const errors = [];
    const warnings = [];
    if (i % 3 === 0) errors.push({ path: "IdentityInfo.Email", code: "PATTERN", column: "email address", message: "Email address must look like name@example.com." });
    if (i % 5 === 0) errors.push({ path: "", code: "TOO_MANY", message: "This row has more cells than the header." });
    if (i % 7 === 0) errors.push({ path: "Password", code: "PATTERN", column: "Password", message: "Password must hold an upper-case letter, a lower-case letter and a digit." });
    if (i % 4 === 0) warnings.push({ path: "IdentityInfo.FirstName", code: "AUTOCORRECTED", column: "first name", message: "A character looks auto-corrected." });
    const input = {
      InstanceId: "inst-1",
      Username: `user${i}`,
      Password: secret(i),
      IdentityInfo: { FirstName: `First${i}`, Email: `user${i}@example.com` },
      RoutingProfileId: "rp-1",
      PhoneConfig: { PhoneType: "SOFT_PHONE" },
    };
    const r = { row, input, report: { valid: errors.length === 0, errors, warnings } };
    if (withCells) r.cells = [`user${i}`, secret(i), `First${i}`, `user${i}@example.com`, "Basic Routing Profile", "soft"];
    if (errors.length === 0) {
      const { InstanceId, ...body } = input;
      r.request = { method: "PUT", path: `/users/${InstanceId}`, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
    }
    rows.push(r);
  }
  return {
    valid: false,
    errors: [{ path: "", code: "UNKNOWN_FIELD", column: "frist name", message: "This column is not in the template. Did you mean first name?" }],
    warnings: [{ path: "", code: "ENCODING", message: "The file is not UTF-8; it was read as Windows-1252." }],
    columns: COLUMNS,
    rows,
  };
}

/** Hands a fake report to the page; returns how long rendering took (ms, measured in the page). */
async function show(page, n, opts) {
  return page.evaluate(async (report) => {
    const { showReport } = await import("/www/js/import-page.js");
    const t0 = performance.now();
    showReport(report);
    return performance.now() - t0;
  }, fakeReport(n, opts));
}

test("the import page has the named controls, the 11 locales by their own names, and links to and from the form", async () => {
  const { page, log, context } = await openImport();
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
  assert.deepEqual(locales.find(([v]) => v === "de"), ["de", "Deutsch", "de"]);
  assert.deepEqual(locales.find(([v]) => v === "ja"), ["ja", "日本語", "ja"]);
  assert.deepEqual(
    await page.locator("select[name=identityManagementType] option").evaluateAll((os) => os.map((o) => o.value)),
    ["", "CONNECT_MANAGED", "SAML", "EXISTING_DIRECTORY"],
  );
  assert.equal(await page.locator("tbody tr").count(), 0, "the table starts empty");
  // Every control has a label.
  const unlabeled = await page.evaluate(() =>
    [...document.querySelectorAll("input, select")].filter((c) => c.labels.length === 0).map((c) => c.name || c.id),
  );
  assert.deepEqual(unlabeled, []);
  // Back to the form, and from the form here again.
  await page.click('a[href="./"]');
  await page.waitForSelector("body.ready");
  assert.match(page.url(), /\/www\/$/);
  await page.click('a[href="import.html"]');
  await page.waitForSelector("body.ready");
  assert.match(page.url(), /\/www\/import\.html$/);
  await assertPageClean(page, log);
  await context.close();
});

test("a report's rows: one tr[data-row] each, cells with errors marked and described, row problems in the row, passwords masked", async () => {
  const { page, log, context } = await openImport();
  await show(page, 12);
  assert.equal(await page.locator("tbody tr[data-row]").count(), 12);
  assert.deepEqual(await page.locator("thead th[data-column]").evaluateAll((ths) => ths.map((t) => t.dataset.column)), COLUMNS);
  // Row 2 (i = 0): email, row problem and password errors; a first-name warning.
  const row2 = page.locator('tr[data-row="2"]');
  const email = row2.locator('td[data-column="email address"]');
  assert.equal(await email.getAttribute("aria-invalid"), "true");
  const described = await email.evaluate((td) =>
    td.getAttribute("aria-describedby").split(" ").map((id) => document.getElementById(id).textContent).join(" "),
  );
  assert.match(described, /Error: Email address must look like/);
  assert.equal(await row2.locator('td[data-column="user login"]').getAttribute("aria-invalid"), null, "a good cell is not marked");
  const first = row2.locator('td[data-column="first name"]');
  assert.equal(await first.getAttribute("aria-invalid"), null, "a warning does not make a cell invalid");
  assert.match(await first.textContent(), /Warning: A character looks auto-corrected/);
  assert.match(await row2.locator("td.row-problems").textContent(), /Error: This row has more cells than the header/);
  // The password: masked, yet marked invalid with its message.
  const password = row2.locator('td[data-column="Password"]');
  assert.equal(await password.getAttribute("aria-invalid"), "true");
  assert.match(await password.textContent(), /^••••••••Error: Password must hold/);
  const text = await page.evaluate(() => document.body.textContent);
  for (let i = 0; i < 12; i++) assert.ok(!text.includes(`Sekr3t-${i}-pw`), `password ${i} is not shown`);
  // Cells show the row's values (from the input here; from `cells` when the report has them).
  assert.equal(await page.locator('tr[data-row="3"] td[data-column="user login"]').textContent(), "user1");
  await show(page, 3, { withCells: true });
  assert.equal(await page.locator('tr[data-row="3"] td[data-column="routing profile name"]').textContent(), "Basic Routing Profile");
  // The file's problems and the summary.
  assert.match(await page.locator("#file-problems").textContent(), /Error: frist name: This column is not in the template/);
  assert.match(await page.locator("#file-problems").textContent(), /Warning: The file is not UTF-8/);
  assert.match(await page.locator("#summary").textContent(), /^3 users, 1 of them invalid\. 4 errors and 2 warnings \(the file itself: 1 error, 1 warning\)\.$/);
  await assertPageClean(page, log);
  await context.close();
});

test("10,000 rows: 200 a page, the only-problems filter before paging, and quick", async () => {
  const { page, log, context } = await openImport();
  const renderMs = await show(page, 10000);
  assert.equal(await page.locator("tbody tr").count(), 200);
  assert.match(await page.locator("#page-status").textContent(), /^Rows 1–200 of 10,000 shown · page 1 of 50$/);
  assert.equal(await page.locator("#page-prev").isDisabled(), true);
  const times = {};
  let t0 = Date.now();
  await page.click("#page-next");
  times.nextPage = Date.now() - t0;
  assert.equal(await page.locator("tbody tr").first().getAttribute("data-row"), "202");
  // Invalid rows: i % 3 == 0, i % 5 == 0 or i % 7 == 0.
  let invalid = 0;
  for (let i = 0; i < 10000; i++) if (i % 3 === 0 || i % 5 === 0 || i % 7 === 0) invalid++;
  t0 = Date.now();
  await page.check("#only-problems");
  times.filter = Date.now() - t0;
  assert.match(await page.locator("#page-status").textContent(), new RegExp(`^Rows 1–200 of ${invalid.toLocaleString("en-US")} shown · page 1 of ${Math.ceil(invalid / 200)}$`));
  const rows = await page.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.row) - 2));
  assert.equal(rows.length, 200);
  assert.ok(rows.every((i) => i % 3 === 0 || i % 5 === 0 || i % 7 === 0), "only invalid rows");
  assert.match(await page.locator("#summary").textContent(), new RegExp(`^10,000 users, ${invalid.toLocaleString("en-US")} of them invalid\\.`));
  // To the last page and back.
  for (let k = 0; k < Math.ceil(invalid / 200) + 2; k++) await page.click("#page-next", { force: true });
  assert.equal(await page.locator("#page-next").isDisabled(), true);
  assert.equal(await page.locator("tbody tr").count(), invalid % 200 || 200);
  await page.uncheck("#only-problems");
  assert.equal(await page.locator("tbody tr").first().getAttribute("data-row"), "2", "filtering goes back to page 1");
  console.log(`# 10,000 rows: show ${renderMs.toFixed(0)} ms, next page ${times.nextPage} ms, filter ${times.filter} ms`);
  assert.ok(renderMs < 1500, `showing 10,000 rows took ${renderMs} ms`);
  assert.ok(times.nextPage < 1500 && times.filter < 1500, JSON.stringify(times));
  await assertPageClean(page, log);
  await context.close();
});

test("downloads: the valid rows' requests as JSON Lines, every problem as CSV without a password, and the template", async () => {
  const { page, log, context } = await openImport();
  await show(page, 30);
  const save = async (selector) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
  };
  const requests = await save("#download-requests");
  assert.equal(requests.name, "users-requests.jsonl");
  const lines = requests.text.trimEnd().split("\n").map((l) => JSON.parse(l));
  const valid = [...Array(30).keys()].filter((i) => i % 3 && i % 5 && i % 7);
  assert.equal(lines.length, valid.length);
  assert.deepEqual(Object.keys(lines[0]), ["method", "path", "headers", "body"]);
  assert.deepEqual(lines[0], {
    method: "PUT",
    path: "/users/inst-1",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ Username: `user${valid[0]}`, Password: `Sekr3t-${valid[0]}-pw`, IdentityInfo: { FirstName: `First${valid[0]}`, Email: `user${valid[0]}@example.com` }, RoutingProfileId: "rp-1", PhoneConfig: { PhoneType: "SOFT_PHONE" } }),
  });

  const problems = await save("#download-problems");
  assert.equal(problems.name, "users-problems.csv");
  assert.ok(problems.text.startsWith("\uFEFFrow,column,path,code,message\r\n"));
  const records = problems.text.slice(1).trimEnd().split("\r\n");
  assert.equal(records[1], ",frist name,,UNKNOWN_FIELD,This column is not in the template. Did you mean first name?");
  assert.equal(records[2], ",,,ENCODING,The file is not UTF-8; it was read as Windows-1252.");
  assert.ok(records.includes("2,email address,IdentityInfo.Email,PATTERN,Email address must look like name@example.com."));
  assert.ok(records.includes("2,,,TOO_MANY,This row has more cells than the header."));
  assert.ok(records.includes("2,first name,IdentityInfo.FirstName,AUTOCORRECTED,A character looks auto-corrected."));
  let expected = 2;
  for (let i = 0; i < 30; i++) expected += (i % 3 === 0) + (i % 5 === 0) + (i % 7 === 0) + (i % 4 === 0);
  assert.equal(records.length - 1, expected, "every error and warning, the file's too");
  assert.ok(!/Sekr3t/.test(problems.text), "no password in the problems file");

  const template = await save("#download-template");
  assert.equal(template.name, "connect-users-template.csv");
  const [header, example, ...rest] = template.text.trimEnd().split("\r\n");
  assert.match(header, /^first name,last name,email address,/);
  assert.ok(header.includes("user login") && header.includes("routing profile name") && header.includes("phone type (soft/desk)"));
  assert.equal(example.split(",").length, header.split(",").length, "one example row with every column");
  assert.deepEqual(rest, []);
  await assertPageClean(page, log);
  await context.close();
});

test("picking files: a CSV is checked (or the page says it cannot be yet), a bad instance file is named, nothing is sent", async () => {
  const { page, log, context } = await openImport();
  assert.equal(await page.locator("#summary").textContent(), "No file checked yet.");
  await page.setInputFiles("input[name=csv]", {
    name: "users.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("user login,password,routing profile name,security_profile_name_1|security_profile_name_2,phone type (soft/desk)\njdoe,Sekr3t-pw-9,Basic,Agent,soft\n"),
  });
  await page.waitForFunction(() => document.getElementById("summary").textContent !== "No file checked yet.");
  assert.ok(!(await page.evaluate(() => document.body.textContent)).includes("Sekr3t-pw-9"), "the password is not shown");
  await page.setInputFiles("input[name=instance]", [
    { name: "routing.json", mimeType: "application/json", buffer: Buffer.from('{"RoutingProfileSummaryList":[{"Id":"rp-1","Name":"Basic"}]}') },
    { name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{not json") },
  ]);
  await page.waitForFunction(() => /broken\.json/.test(document.getElementById("load-status").textContent));
  assert.match(await page.locator("#load-status").textContent(), /1 file read\. broken\.json is not valid JSON\./);
  const posts = log.requests.filter((u) => !/\.(js|css|svg|wasm|html)$|\/www\/$/.test(u));
  assert.deepEqual(posts, [], "only the page's own files were requested");
  await assertPageClean(page, log);
  await context.close();
});
