// Browser tests of the live language switch (select[name=locale]) on both pages: a locale's catalog is
// fetched only when it is chosen; the form's labels follow describeModel(locale) (read in the page,
// through the same module) and its messages the package's words in that language, with values, the
// aria wiring and the focus kept; the import page's cell messages and summary numbers follow too.
// Expected messages come from the package in Node (pkg/index.cjs reads the same locales/*.json).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { validateCreateUser, validateCreateUserCsv, csvTemplate } from "../../pkg/index.mjs";
import { startAll, openPage, assertPageClean, byName, fillByName, describedText, addRow } from "./helpers.mjs";
import { USERS_CSV, openImport, pickCsv, afterCheck, cell, cellDescription } from "./import-helpers.mjs";

let env;
before(async () => {
  env = await startAll();
});
after(async () => {
  await env?.close();
});

const catalog = async (tag) => JSON.parse(await readFile(new URL(`../../pkg/locales/${tag}.json`, import.meta.url), "utf8"));

/** The locale files the page has requested so far, by tag. */
const localeRequests = (log) => log.requests.map((url) => /\/locales\/([^/]+)\.json$/.exec(new URL(url).pathname)?.[1]).filter(Boolean);

/** The package's message at `path` for `input` in `locale` (CONNECT_MANAGED, as the form starts). */
function expectedMessage(input, path, locale) {
  const report = validateCreateUser(input, { identityManagementType: "CONNECT_MANAGED", locale });
  return report.errors.filter((v) => v.path === path).map((v) => v.message);
}

/** The label the page's module gives a member in `tag` (describeModel in the page: the catalog it loaded). */
function pageLabel(page, tag, path) {
  return page.evaluate(
    async ([tag, path]) => {
      const { describeModel } = await import("/pkg/web.js");
      let shape = describeModel(tag);
      let field = null;
      for (const name of path.split(".")) {
        field = shape.fields.find((f) => f.name === name);
        shape = field.shape;
      }
      return field.label;
    },
    [tag, path],
  );
}

/** The text of a control's label without its hint and required mark (the model's label). */
function labelText(page, name) {
  return byName(page, name).evaluate((c) => c.labels[0].querySelector("span[lang]").textContent);
}

/** Chooses a locale on the form and waits until the form has relabelled (the label's lang is the tag). */
async function chooseFormLocale(page, tag, probe) {
  await page.selectOption("select[name=locale]", tag);
  await page.waitForFunction(
    ([tag, probe]) => document.querySelector(`[name="${probe}"]`).labels[0].querySelector("span[lang]").lang === tag,
    [tag, probe],
    { timeout: 10000 },
  );
}

test("the form switches language live: labels from describeModel(locale), messages in it, values, aria wiring and focus kept", async () => {
  const { page, log, context } = await openPage(env);
  const EMAIL = "IdentityInfo.Email";
  const input = { IdentityInfo: { Email: "not-an-email" } };
  assert.equal(await page.locator("select[name=locale]").inputValue(), "en", "the browser's language (en-US) is English");
  await fillByName(page, { Username: "jdoe", [EMAIL]: "not-an-email", "IdentityInfo.FirstName": "Jürgen" });
  const english = await describedText(page, EMAIL);
  const [englishMessage] = expectedMessage(input, EMAIL, "en");
  assert.ok(english.includes(englishMessage), english);
  assert.equal(await labelText(page, EMAIL), await pageLabel(page, "en", EMAIL));
  assert.deepEqual(localeRequests(log), [], "no catalog is fetched before a language is chosen");

  const seen = [];
  for (const tag of ["de", "ja"]) {
    await page.focus("select[name=locale]");
    await chooseFormLocale(page, tag, EMAIL);
    seen.push(tag);
    assert.deepEqual(localeRequests(log), seen, `exactly the chosen catalogs are fetched (${tag})`);
    const label = await pageLabel(page, tag, EMAIL);
    assert.notEqual(label, await pageLabel(page, "en", EMAIL), `${tag}: the label has its own words`);
    assert.equal(await labelText(page, EMAIL), label, `${tag}: the field's label is describeModel's`);
    assert.equal(await labelText(page, "Username"), await pageLabel(page, tag, "Username"));
    assert.equal(await page.locator("#user-form legend span[lang]").first().getAttribute("lang"), tag, "legends follow");
    const [message] = expectedMessage(input, EMAIL, tag);
    assert.notEqual(message, englishMessage);
    const control = byName(page, EMAIL);
    assert.equal(await control.getAttribute("aria-invalid"), "true", `${tag}: still invalid`);
    const described = await describedText(page, EMAIL);
    assert.ok(described.includes(message), `${tag}: the message is described by the control: ${described}`);
    assert.ok(!described.includes(englishMessage), `${tag}: the English message is gone`);
    const msgId = await control.getAttribute("aria-describedby");
    assert.equal(await page.locator(`[id="${msgId}"] [data-code="PATTERN"] span[lang]`).getAttribute("lang"), tag, "the message is marked with its language");
    assert.equal(await control.inputValue(), "not-an-email", "the values typed stay");
    assert.equal(await byName(page, "Username").inputValue(), "jdoe");
    assert.equal(await byName(page, "IdentityInfo.FirstName").inputValue(), "Jürgen");
    assert.equal(await page.evaluate(() => document.activeElement.name), "locale", "the focus stays on the language");
    const status = await page.locator("#problems").textContent();
    assert.ok(status.includes(message) && status.includes(label), `${tag}: the status list follows`);
  }

  await chooseFormLocale(page, "en", EMAIL);
  assert.deepEqual(localeRequests(log), seen, "English is built in: nothing more is fetched");
  assert.equal(await describedText(page, EMAIL), english, "the English message returns");
  assert.equal(await labelText(page, EMAIL), await pageLabel(page, "en", EMAIL));
  await chooseFormLocale(page, "de", EMAIL);
  assert.deepEqual(localeRequests(log), seen, "a catalog chosen again is not fetched again");
  assert.ok((await describedText(page, EMAIL)).includes(expectedMessage(input, EMAIL, "de")[0]));
  await assertPageClean(page, log);
  await context.close();
});

test("a browser in German starts the form in German (its catalog fetched once) and the import page too", async () => {
  for (const path of ["/", "/www/import.html"]) {
    const { page, log, context } = await openPage(env, { locale: "de-AT", path });
    assert.equal(await page.locator("select[name=locale]").inputValue(), "de", path);
    assert.deepEqual(localeRequests(log), ["de"], `${path}: the browser's language is fetched at start`);
    if (path === "/") {
      assert.equal(await labelText(page, "Username"), await pageLabel(page, "de", "Username"));
      await fillByName(page, { Username: "a b" });
      const [message] = expectedMessage({ Username: "a b" }, "Username", "de");
      assert.ok((await describedText(page, "Username")).includes(message));
    }
    await assertPageClean(page, log);
    await context.close();
  }
});

test("list rows follow the language: a row added before the switch is relabelled, one added after is built in it", async () => {
  const { page, log, context } = await openPage(env);
  await addRow(page, "AutoAcceptConfigs");
  await byName(page, "AutoAcceptConfigs[0].AutoAccept").selectOption("true");
  await chooseFormLocale(page, "es", "Username");
  await addRow(page, "AutoAcceptConfigs");
  const label = await pageLabel(page, "es", "AutoAcceptConfigs.Channel");
  assert.notEqual(label, await pageLabel(page, "en", "AutoAcceptConfigs.Channel"));
  for (const i of [0, 1]) assert.equal(await labelText(page, `AutoAcceptConfigs[${i}].Channel`), label, `row ${i + 1}`);
  const legend = page.locator('fieldset[data-path="AutoAcceptConfigs"] > legend > span[lang]');
  assert.equal(await legend.textContent(), await pageLabel(page, "es", "AutoAcceptConfigs"));
  assert.equal(await byName(page, "AutoAcceptConfigs[0].AutoAccept").inputValue(), "true", "the row's value stays");
  await assertPageClean(page, log);
  await context.close();
});

test("a catalog that cannot be fetched: the form says so and stays in English, working", async () => {
  const { page, log, context } = await openPage(env);
  await page.route("**/locales/de.json", (route) => route.fulfill({ status: 404, body: "" }));
  await fillByName(page, { Username: "a b" });
  const english = await describedText(page, "Username");
  await page.selectOption("select[name=locale]", "de");
  await page.waitForFunction(() => document.getElementById("load-status").textContent !== "");
  assert.match(await page.locator("#load-status").textContent(), /could not be loaded \(locales\/de\.json\); they are shown in English/);
  assert.equal(await page.locator("select[name=locale]").inputValue(), "en", "the select goes back to English");
  assert.equal(await describedText(page, "Username"), english);
  await fillByName(page, { Username: "jdoe" });
  assert.equal(await byName(page, "Username").getAttribute("aria-invalid"), "false", "the form still checks");
  await page.unroute("**/locales/de.json");
  await chooseFormLocale(page, "de", "Username");
  assert.equal(await page.locator("#load-status").textContent(), "", "the note goes once a language loads");
  assert.equal(log.consoleErrors.length, 1, "only the failed fetch is logged");
  assert.match(log.consoleErrors[0], /404/);
  log.consoleErrors.length = 0;
  await assertPageClean(page, log);
  await context.close();
});

test("the form's mode notes follow the language (the validator's FORBIDDEN reason in it)", async () => {
  const { page, log, context } = await openPage(env);
  await page.selectOption("select[name=identityManagementType]", "SAML");
  await chooseFormLocale(page, "fr", "Password");
  const [reason] = validateCreateUser({ Password: "x" }, { identityManagementType: "SAML", locale: "fr" })
    .errors.filter((v) => v.path === "Password" && v.code === "FORBIDDEN")
    .map((v) => v.message);
  assert.ok((await describedText(page, "Password")).includes(reason), "the reason is the French one");
  assert.equal(await byName(page, "Password").isDisabled(), true);
  await assertPageClean(page, log);
  await context.close();
});

test("the import page checks the file again in the chosen language; only the chosen catalog is fetched", async () => {
  const { page, log, context } = await openImport(env);
  await pickCsv(page, USERS_CSV);
  const bytes = await readFile(USERS_CSV);
  const email = cell(page, 3, "email address");
  const message = (tag) =>
    validateCreateUserCsv(bytes, { locale: tag }).rows.find((r) => r.row === 3).report.errors.find((v) => v.column === "email address").message;
  assert.ok((await cellDescription(email)).includes(message("en")));
  assert.deepEqual(localeRequests(log), [], "nothing fetched before a choice");

  await afterCheck(page, () => page.selectOption("select[name=locale]", "de"));
  assert.deepEqual(localeRequests(log), ["de"]);
  const german = await cellDescription(email);
  const template = (await catalog("de"))["pattern.email"];
  const label = await pageLabel(page, "de", "IdentityInfo.Email");
  assert.equal(message("de"), template.replace("{label}", label), "the de catalog's template with the de label");
  assert.ok(german.includes(message("de")), german);
  assert.match(german, /muss eine E-Mail-Adresse sein/, "German words from the de catalog");
  assert.equal(await email.getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator('tr[data-row="3"] td[data-column="email address"] li span[lang]').getAttribute("lang"), "de");
  assert.match(await page.locator("#file-problems").textContent(), /Instance-ID ist nicht angegeben/, "file problems follow");

  await afterCheck(page, () => page.selectOption("select[name=locale]", "ko"));
  assert.deepEqual(localeRequests(log), ["de", "ko"]);
  assert.ok((await cellDescription(email)).includes(message("ko")));
  await afterCheck(page, () => page.selectOption("select[name=locale]", "en"));
  assert.deepEqual(localeRequests(log), ["de", "ko"]);
  assert.ok((await cellDescription(email)).includes(message("en")));
  await assertPageClean(page, log);
  await context.close();
});

test("the import summary writes its numbers the locale's way, and the page shown stays", async () => {
  const { page, log, context } = await openImport(env);
  const [header, example] = csvTemplate("CONNECT_MANAGED").trimEnd().split(/\r?\n/);
  const login = header.split(",").indexOf("user login");
  const rows = Array.from({ length: 1500 }, (_, i) => example.split(",").map((v, j) => (j === login ? `user${i}` : v)).join(","));
  await pickCsv(page, { name: "many.csv", buffer: Buffer.from([header, ...rows].join("\n")) });
  const summary = () => page.locator("#summary").textContent();
  assert.match(await summary(), /^1,500 users/);
  await page.click("#page-next");
  const firstShown = () => page.locator("tbody tr").first().getAttribute("data-row");
  const shownBefore = await firstShown();
  assert.notEqual(shownBefore, "2");
  await afterCheck(page, () => page.selectOption("select[name=locale]", "de"));
  assert.match(await summary(), /^1\.500 users/);
  assert.equal(await firstShown(), shownBefore, "the page shown stays");
  await afterCheck(page, () => page.selectOption("select[name=locale]", "fr"));
  assert.match(await summary(), new RegExp(`^${new Intl.NumberFormat("fr").format(1500)} users`));
  await afterCheck(page, () => page.selectOption("select[name=locale]", "en"));
  assert.match(await summary(), /^1,500 users/);
  await assertPageClean(page, log);
  await context.close();
});
