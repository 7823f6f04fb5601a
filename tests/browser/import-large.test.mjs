// Browser tests of the import page with generated files picked through its file input: a
// Windows-1252 file (as Excel's plain "CSV (Comma delimited)" writes it) and a 10,000-row file that
// must stay usable (check and render within a few seconds, paging, the only-problems filter).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { csvTemplate } from "../../pkg/index.mjs";
import { startAll, assertPageClean } from "./helpers.mjs";
import { INSTANCE_FILES, openImport, pickCsv, pickInstance, typeInstanceId, chooseMode, afterCheck, cell, save } from "./import-helpers.mjs";

let env;
before(async () => {
  env = await startAll();
});
after(async () => {
  await env?.close();
});

const HEADER = csvTemplate("CONNECT_MANAGED").split("\r\n")[0];

/** Row i of a generated file: every 10th email is bad, every 25th routing profile is not in the instance. */
function userRow(i) {
  const email = i % 10 === 0 ? `user${i}@example` : `user${i}@example.com`;
  const routing = i % 25 === 0 ? "Premium Routing" : "Basic Routing Profile";
  return `First${i},Last${i},${email},,,Sekr3t-Pw-${i},user${i},${routing},Agent,,,soft,,yes,30,team=t${i % 7}`;
}

const isInvalid = (i) => i % 10 === 0 || i % 25 === 0;

test("a Windows-1252 file: read with the ENCODING warning, its accented letters shown as written", async () => {
  const { page, log, context } = await openImport(env);
  const rows = [HEADER, "Ren\u00e9,M\u00fcller,rene@example.com,,,Sekr3t-Pw-1,rmuller,Basic Routing Profile,Agent,,,soft,,yes,30,"];
  const buffer = Buffer.from(rows.join("\r\n") + "\r\n", "latin1");
  assert.ok(buffer.includes(0xe9) && !buffer.toString("utf8").includes("\u00e9"), "the bytes are not UTF-8");
  await pickCsv(page, { name: "excel.csv", buffer });
  await pickInstance(page);
  await chooseMode(page, "CONNECT_MANAGED");
  const warning = page.locator('#file-problems li[data-code="ENCODING"]');
  assert.match(await warning.textContent(), /^Warning: The file is not UTF-8, so it was read as Windows-1252/);
  assert.equal(await cell(page, 2, "first name").textContent(), "René");
  assert.equal(await cell(page, 2, "last name").textContent(), "Müller");
  await typeInstanceId(page);
  const line = JSON.parse((await save(page, "#download-requests")).text);
  assert.equal(JSON.parse(line.body).IdentityInfo.FirstName, "René", "the request holds the letter, not a replacement");
  await assertPageClean(page, log);
  await context.close();
});

test("10,000 rows: checked and shown within a few seconds, 200 a page, the filter before paging, re-checks stay quick", async () => {
  const { page, log, context } = await openImport(env);
  // No file yet, so these check nothing.
  await page.setInputFiles("input[name=instance]", INSTANCE_FILES);
  await page.waitForFunction(() => document.getElementById("load-status").textContent !== "");
  await page.selectOption("select[name=identityManagementType]", "CONNECT_MANAGED");
  const lines = [HEADER];
  for (let i = 0; i < 10000; i++) lines.push(userRow(i));
  const buffer = Buffer.from(lines.join("\r\n") + "\r\n");
  const times = { fileBytes: buffer.length };
  let t0 = Date.now();
  await pickCsv(page, { name: "big.csv", buffer });
  times.pickToShown = Date.now() - t0;
  const inPage = () => page.evaluate(async () => (await import("/www/js/import-page.js")).lastCheckTimes());
  const first = await inPage();
  Object.assign(times, { check: Math.round(first.checkMs), render: Math.round(first.renderMs) });
  assert.equal(first.rows, 10000);
  let invalid = 0;
  for (let i = 0; i < 10000; i++) if (isInvalid(i)) invalid++;
  assert.equal(await page.locator("#summary").textContent(), `10,000 users, ${invalid.toLocaleString("en-US")} of them invalid. 1,401 errors and 0 warnings (the file itself: 1 error, 0 warnings).`);
  assert.equal(await page.locator("tbody tr").count(), 200);
  assert.equal(await page.locator("#page-status").textContent(), "Rows 1–200 of 10,000 shown · page 1 of 50");
  assert.equal(await page.locator("#page-prev").isDisabled(), true);
  t0 = Date.now();
  await page.click("#page-next");
  times.nextPage = Date.now() - t0;
  assert.equal(await page.locator("tbody tr").first().getAttribute("data-row"), "202");
  // The table scrolls inside its region.
  t0 = Date.now();
  await page.locator(".table-wrap").evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.locator('tr[data-row="401"]').scrollIntoViewIfNeeded();
  times.scroll = Date.now() - t0;
  t0 = Date.now();
  await page.check("#only-problems");
  times.filter = Date.now() - t0;
  assert.equal(await page.locator("#page-status").textContent(), `Rows 1–200 of ${invalid.toLocaleString("en-US")} shown · page 1 of ${Math.ceil(invalid / 200)}`);
  const shown = await page.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.row) - 2));
  assert.equal(shown.length, 200);
  assert.ok(shown.every(isInvalid), "only invalid rows");
  for (let k = 0; k < Math.ceil(invalid / 200); k++) await page.click("#page-next", { force: true });
  assert.equal(await page.locator("#page-next").isDisabled(), true);
  assert.equal(await page.locator("tbody tr").count(), invalid % 200 || 200);
  await page.uncheck("#only-problems");
  assert.equal(await page.locator("tbody tr").first().getAttribute("data-row"), "2", "filtering goes back to page 1");
  // Typing the instance id checks the whole file again.
  t0 = Date.now();
  await typeInstanceId(page);
  times.recheckAfterTyping = Date.now() - t0;
  const again = await inPage();
  Object.assign(times, { recheck: Math.round(again.checkMs), rerender: Math.round(again.renderMs) });
  t0 = Date.now();
  await afterCheck(page, () => page.selectOption("select[name=locale]", "fr"));
  times.recheckLocale = Date.now() - t0;
  assert.equal(await page.locator('#file-problems li').count(), 0);
  const requests = (await save(page, "#download-requests")).text.trimEnd().split("\n");
  assert.equal(requests.length, 10000 - invalid);
  console.log(`# 10,000 rows (ms unless said): ${JSON.stringify(times)}`);
  assert.ok(times.pickToShown < 5000 && times.check + times.render < 4000, JSON.stringify(times));
  assert.ok(times.nextPage < 1500 && times.filter < 1500 && times.recheckLocale < 5000, JSON.stringify(times));
  await assertPageClean(page, log);
  await context.close();
});
