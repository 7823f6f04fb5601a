// Browser tests of the admin page (www/), run with `node --test tests/browser/`.
// Each test opens the page in a fresh context and ends by asserting that the page logged no console
// error, threw nothing, saw no CSP violation and requested nothing outside the server's origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import {
  startAll,
  openPage,
  cspViolations,
  VALID_USER,
  fillByName,
  byName,
  describedText,
  addRow,
} from "./helpers.mjs";

let env;
before(async () => {
  env = await startAll();
});
after(async () => {
  await env?.close();
});

async function assertClean(page, log) {
  assert.deepEqual(log.consoleErrors, [], "console errors");
  assert.deepEqual(log.pageErrors, [], "page errors");
  assert.deepEqual(await cspViolations(page), [], "CSP violations");
  assert.deepEqual(log.foreignRequests, [], "requests outside the server's origin");
  for (const url of log.requests) {
    assert.ok(url.startsWith(env.origin + "/") || url.startsWith(`blob:${env.origin}/`), `unexpected request ${url}`);
  }
}

async function invalid(page, name) {
  return (await byName(page, name).getAttribute("aria-invalid")) === "true";
}

async function requestText(page) {
  return page.locator("#request").innerText();
}

/** The message element a control's aria-describedby points at contains `text`. */
async function assertMessage(page, name, pattern) {
  assert.equal(await invalid(page, name), true, `${name} is marked aria-invalid`);
  const text = await describedText(page, name);
  assert.match(text, pattern, `${name}'s description`);
}

async function openValid(options) {
  const opened = await openPage(env, options);
  await fillByName(opened.page, VALID_USER);
  return opened;
}

test("a valid Connect-managed user gives the request, password masked", async () => {
  const { page, log, context } = await openValid();
  const text = await requestText(page);
  assert.match(text, /^PUT \/users\/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111$/m);
  assert.match(text, /Content-Type: application\/json/);
  assert.match(text, /"Username": "jdoe"/);
  assert.match(text, /"Password": "••••••••"/);
  assert.ok(!text.includes(VALID_USER.Password), "the password is not shown");
  assert.match(text, /"SecurityProfileIds": \[\s*"security-profile-1"\s*\]/);
  // Pretty-printed: one member per line.
  assert.match(await page.locator("#request .req-body").textContent(), /\n {2}"RoutingProfileId": "routing-profile-1"\n/);
  assert.match(await page.locator("#status-text").textContent(), /^Valid/);
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
  // The instance id is percent-encoded in the path.
  await fillByName(page, { InstanceId: "a b/c" });
  assert.match(await requestText(page), /^PUT \/users\/a%20b%2Fc$/m);
  await assertClean(page, log);
  await context.close();
});

test("copy and download give the real body", async () => {
  const { page, log, context } = await openValid({ permissions: ["clipboard-read", "clipboard-write"] });
  await page.click("#copy-body");
  await page.waitForFunction(() => document.getElementById("action-status").textContent !== "");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const body = JSON.parse(copied);
  assert.equal(body.Password, VALID_USER.Password);
  assert.equal(body.Username, "jdoe");
  assert.equal(body.InstanceId, undefined, "InstanceId is in the path, not in the body");

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-body")]);
  assert.equal(download.suggestedFilename(), "create-user-jdoe.json");
  const saved = await readFile(await download.path(), "utf8");
  assert.equal(saved, copied);
  await assertClean(page, log);
  await context.close();
});

test("copy falls back when the clipboard API is refused", async () => {
  const { page, log, context } = await openValid();
  await page.evaluate(() => {
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: () => Promise.reject(new Error("denied")) },
      configurable: true,
    });
  });
  await page.click("#copy-body");
  await page.waitForFunction(() => document.getElementById("action-status").textContent !== "");
  const status = await page.locator("#action-status").textContent();
  assert.match(status, /copied|select/i);
  await assertClean(page, log);
  await context.close();
});

test("untouched fields are quiet until the first check; then focus goes to the first invalid field", async () => {
  const { page, log, context } = await openPage(env);
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0, "nothing is marked before any input");
  await fillByName(page, { Username: "bad name!" });
  assert.equal(await invalid(page, "Username"), true);
  assert.equal(await invalid(page, "InstanceId"), false, "an untouched required field is not shouted at");
  assert.match(await page.locator("#problems").textContent(), /more errors? in fields not filled in yet/);

  await page.click("#check");
  for (const name of ["InstanceId", "Password", "IdentityInfo.FirstName", "IdentityInfo.LastName", "IdentityInfo.Email", "RoutingProfileId", "SecurityProfileIds[0]"]) {
    assert.equal(await invalid(page, name), true, `${name} is invalid after the check`);
  }
  assert.equal(await page.evaluate(() => document.activeElement.name), "InstanceId", "focus on the first invalid field");
  await page.waitForFunction(() => /\d+ errors? to fix/.test(document.getElementById("live").textContent));
  const live = page.locator("#live");
  assert.equal(await live.getAttribute("role"), "status");
  assert.match(await live.textContent(), /^8 errors to fix\.$/);
  // "Clear user fields" starts over (quiet again), keeping the instance ID.
  await fillByName(page, { InstanceId: "inst-9" });
  await page.click("#clear");
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
  assert.equal(await byName(page, "InstanceId").inputValue(), "inst-9");
  assert.equal(await byName(page, "Username").inputValue(), "");
  assert.equal(await byName(page, "SecurityProfileIds[0]").count(), 1);
  await assertClean(page, log);
  await context.close();
});

test("broken fields are marked, each with its message", async () => {
  const { page, log, context } = await openValid();

  await fillByName(page, { Username: "bad name!" });
  await assertMessage(page, "Username", /can contain only the letters/);
  assert.match(await requestText(page), /No request yet/);
  await fillByName(page, { Username: "jdoe" });
  assert.equal(await invalid(page, "Username"), false);

  await fillByName(page, { "IdentityInfo.Email": "jane.doe@example" });
  await assertMessage(page, "IdentityInfo.Email", /email address/);
  await fillByName(page, { "IdentityInfo.Email": "jane.doe@example.com" });
  assert.equal(await invalid(page, "IdentityInfo.Email"), false);

  await fillByName(page, { Password: "short" });
  await assertMessage(page, "Password", /at least 8|8 characters/);
  assert.ok(!(await describedText(page, "Password")).includes("short"), "the message does not echo the password");
  await fillByName(page, { Password: VALID_USER.Password });

  // An integer field: digits become a number, other text reaches validation as typed (TYPE).
  await fillByName(page, { "PhoneConfig.AfterContactWorkTimeLimit": "abc" });
  await assertMessage(page, "PhoneConfig.AfterContactWorkTimeLimit", /whole number|integer|number/i);
  await fillByName(page, { "PhoneConfig.AfterContactWorkTimeLimit": "3000000" });
  await assertMessage(page, "PhoneConfig.AfterContactWorkTimeLimit", /2,?000,?000/);
  await fillByName(page, { "PhoneConfig.AfterContactWorkTimeLimit": "120" });
  assert.equal(await invalid(page, "PhoneConfig.AfterContactWorkTimeLimit"), false);
  assert.match(await requestText(page), /"AfterContactWorkTimeLimit": 120\b/);
  // A warning is shown but does not block.
  assert.match(await describedText(page, "PhoneConfig.AfterContactWorkTimeLimit"), /^$/);
  assert.match(await page.locator('[data-path="PhoneConfig"] > .msg .warn').textContent(), /recommended/);
  assert.match(await requestText(page), /^PUT /);
  await fillByName(page, { "PhoneConfig.AfterContactWorkTimeLimit": "" });

  // A conflict: PhoneConfig.AutoAccept together with an AutoAcceptConfigs item.
  await byName(page, "PhoneConfig.AutoAccept").selectOption("true");
  assert.match(await requestText(page), /"AutoAccept": true/);
  await addRow(page, "AutoAcceptConfigs");
  assert.equal(await page.evaluate(() => document.activeElement.name), "AutoAcceptConfigs[0].Channel", "focus moves to the new row");
  await byName(page, "AutoAcceptConfigs[0].Channel").selectOption("VOICE");
  await byName(page, "AutoAcceptConfigs[0].AutoAccept").selectOption("false");
  await assertMessage(page, "PhoneConfig.AutoAccept", /AutoAcceptConfigs/);
  await byName(page, "PhoneConfig.AutoAccept").selectOption("");
  assert.equal(await invalid(page, "PhoneConfig.AutoAccept"), false);
  assert.match(await requestText(page), /"AutoAcceptConfigs": \[\s*\{\s*"Channel": "VOICE",\s*"AutoAccept": false\s*\}\s*\]/);

  // The same channel twice in one list.
  await addRow(page, "AutoAcceptConfigs");
  await byName(page, "AutoAcceptConfigs[1].Channel").selectOption("VOICE");
  await byName(page, "AutoAcceptConfigs[1].AutoAccept").selectOption("true");
  await assertMessage(page, "AutoAcceptConfigs[1].Channel", /already/);
  await page.click('button[data-action="remove"][data-list="AutoAcceptConfigs"][data-index="1"]');
  assert.equal(await byName(page, "AutoAcceptConfigs[1].Channel").count(), 0);

  // A channel list that takes only VOICE, given CHAT.
  await addRow(page, "PhoneNumberConfigs");
  assert.equal(await byName(page, "PhoneNumberConfigs[0].Channel").inputValue(), "VOICE", "a VOICE-only list starts at VOICE");
  await byName(page, "PhoneNumberConfigs[0].Channel").selectOption("CHAT");
  await byName(page, "PhoneNumberConfigs[0].PhoneType").selectOption("SOFT_PHONE");
  await assertMessage(page, "PhoneNumberConfigs[0].Channel", /Only the VOICE channel/);
  await byName(page, "PhoneNumberConfigs[0].Channel").selectOption("VOICE");
  assert.equal(await invalid(page, "PhoneNumberConfigs[0].Channel"), false);

  // Nested members are named by their API path.
  await addRow(page, "AfterContactWorkConfigs");
  await byName(page, "AfterContactWorkConfigs[0].Channel").selectOption("CHAT");
  await fillByName(page, { "AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit": "-5" });
  await assertMessage(page, "AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit", /0/);
  await fillByName(page, { "AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit": "10" });
  await fillByName(page, { "AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit": "30" });
  // CHANNEL_NOT_ALLOWED is at the nested object's path: its fieldset shows it.
  const agentFirst = page.locator('fieldset[data-path="AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig"]');
  assert.match(await page.locator(`#${await agentFirst.getAttribute("aria-describedby")}`).textContent(), /only to the VOICE channel/);
  assert.match((await agentFirst.getAttribute("class")) ?? "", /has-error/);
  await page.click('button[data-action="remove"][data-list="AfterContactWorkConfigs"][data-index="0"]');

  // Tags: errors at Tags["k"] land on the row's key or value input.
  await addRow(page, "Tags");
  await fillByName(page, { "Tags[0].key": "aws:team", "Tags[0].value": "blue" });
  await assertMessage(page, "Tags[0].key", /aws:/);
  assert.equal(await invalid(page, "Tags[0].value"), false);
  await fillByName(page, { "Tags[0].key": "team", "Tags[0].value": "x".repeat(300) });
  await assertMessage(page, "Tags[0].value", /256/);
  assert.equal(await invalid(page, "Tags[0].key"), false);
  await fillByName(page, { "Tags[0].value": "blue" });
  assert.match(await requestText(page), /"Tags": \{\s*"team": "blue"\s*\}/);

  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
  await assertClean(page, log);
  await context.close();
});

test("errors without a field of their own are shown at the nearest group", async () => {
  const { page, log, context } = await openValid();
  await addRow(page, "AutoAcceptConfigs"); // an empty item: REQUIRED at AutoAcceptConfigs[0]
  await page.click('button[data-action="remove"][data-list="SecurityProfileIds"][data-index="0"]'); // REQUIRED at SecurityProfileIds
  await page.click("#check");
  const item = page.locator('fieldset[data-path="AutoAcceptConfigs[0]"]');
  const itemMsgId = await item.getAttribute("aria-describedby");
  assert.match(await page.locator(`#${itemMsgId}`).textContent(), /needs Channel and AutoAccept/);
  assert.match((await item.getAttribute("class")) ?? "", /has-error/);
  const list = page.locator('fieldset[data-path="SecurityProfileIds"]');
  assert.match(await page.locator(`#${await list.getAttribute("aria-describedby")}`).textContent(), /required/);
  // Nothing invalid by itself: focus goes to the first group message with an error.
  const focused = await page.evaluate(() => document.activeElement.id);
  assert.equal(focused, itemMsgId.startsWith("m-SecurityProfileIds") ? itemMsgId : await list.getAttribute("aria-describedby"));
  // The problem list links to them.
  assert.equal(await page.locator("#problems .problem-err").count(), 2);
  await assertClean(page, log);
  await context.close();
});

test("a decomposed name is NOT_NFC and the fix button composes it", async () => {
  const { page, log, context } = await openValid();
  await fillByName(page, { "IdentityInfo.FirstName": "Jose\u0301" });
  await assertMessage(page, "IdentityInfo.FirstName", /Normalization Form C/);
  const fix = page.locator('[data-path="IdentityInfo.FirstName"] button[data-action="nfc"]');
  assert.equal(await fix.isVisible(), true);
  await fix.click();
  assert.equal(await byName(page, "IdentityInfo.FirstName").inputValue(), "Jos\u00e9");
  assert.equal(await invalid(page, "IdentityInfo.FirstName"), false);
  assert.equal(await fix.isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.name), "IdentityInfo.FirstName");
  assert.match(await requestText(page), /"FirstName": "José"/);
  await assertClean(page, log);
  await context.close();
});

test("SAML refuses Password and Email (disabled, with the reason), and they are not sent", async () => {
  const { page, log, context } = await openValid();
  await fillByName(page, { DirectoryUserId: "dir-1" });
  const mode = byName(page, "identityManagementType");
  assert.deepEqual(
    await mode.locator("option").evaluateAll((os) => os.map((o) => o.value)),
    ["CONNECT_MANAGED", "SAML", "EXISTING_DIRECTORY"],
  );
  await mode.selectOption("SAML");
  for (const name of ["Password", "IdentityInfo.Email", "DirectoryUserId"]) {
    assert.equal(await byName(page, name).isDisabled(), true, `${name} is disabled in SAML`);
    assert.match(await describedText(page, name), /must not be given when the instance uses SAML/);
  }
  assert.match(await describedText(page, "IdentityInfo.Email"), /SecondaryEmail/);
  assert.match(await describedText(page, "Password"), /kept but not sent/);
  const text = await requestText(page);
  assert.match(text, /^PUT /);
  assert.ok(!/"Password"|"Email"|"DirectoryUserId"/.test(text), "forbidden members are left out");
  // Required markers follow the mode.
  assert.equal(await byName(page, "IdentityInfo.FirstName").getAttribute("aria-required"), "true");
  assert.equal(await page.locator('[data-path="IdentityInfo.Email"] .req').isVisible(), false);

  await mode.selectOption("EXISTING_DIRECTORY");
  assert.equal(await byName(page, "Password").isDisabled(), true);
  assert.equal(await byName(page, "IdentityInfo.Email").isDisabled(), false);
  assert.equal(await byName(page, "IdentityInfo.FirstName").getAttribute("aria-required"), null);
  assert.match(await describedText(page, "Password"), /existing directory/);

  await mode.selectOption("CONNECT_MANAGED");
  assert.equal(await byName(page, "Password").isDisabled(), false);
  assert.equal(await byName(page, "Password").inputValue(), VALID_USER.Password, "the value was kept");
  assert.equal(await byName(page, "Password").getAttribute("aria-required"), "true");
  assert.match(await describedText(page, "DirectoryUserId"), /no effect/);
  await assertClean(page, log);
  await context.close();
});

test("length hints follow the identity management type (User name 20 / 64, Last name 256 / 300)", async () => {
  const { page, log, context } = await openPage(env);
  const hint = (name) => page.locator(`label[for="${name}"]`).or(page.locator(`[data-path="${name}"] label`)).first().innerText();
  const mode = byName(page, "identityManagementType");
  await mode.selectOption("CONNECT_MANAGED");
  assert.match(await hint("Username"), /Up to 20 characters/);
  assert.match(await hint("IdentityInfo.LastName"), /Up to 256 characters/);
  await mode.selectOption("SAML");
  assert.match(await hint("Username"), /Up to 64 characters/);
  assert.match(await hint("IdentityInfo.LastName"), /Up to 300 characters/);
  await assertClean(page, log);
  await context.close();
});

test("markup typed by the user stays text", async () => {
  const { page, log, context } = await openValid();
  const markup = "<img src=x onerror=alert(1)>";
  await fillByName(page, { HierarchyGroupId: markup });
  await addRow(page, "Tags");
  await fillByName(page, { "Tags[0].key": "note", "Tags[0].value": markup });
  await fillByName(page, { "IdentityInfo.LastName": `${markup}"</pre><script>alert(2)</script>` });
  const text = await requestText(page);
  assert.ok(text.includes(`"HierarchyGroupId": "${markup}"`), "shown as typed in the preview");
  assert.ok(text.includes(`"note": "${markup}"`));
  assert.ok(text.includes(`</pre><script>alert(2)</script>`));
  // Bad input shown in messages stays text too (unknown member from a file, say), and no element appeared.
  await fillByName(page, { Username: markup });
  assert.equal(await invalid(page, "Username"), true);
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.equal(await page.locator("img").count(), 1, "only the logo");
  assert.equal(await page.locator("script").count(), 1, "only the page's module");
  await page.click("#check");
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  await assertClean(page, log);
  await context.close();
});

test("list rows are renumbered when one is removed", async () => {
  const { page, log, context } = await openValid();
  await addRow(page, "SecurityProfileIds");
  await addRow(page, "SecurityProfileIds");
  await fillByName(page, { "SecurityProfileIds[1]": "sp-2", "SecurityProfileIds[2]": "" });
  await page.click("#check");
  assert.equal(await invalid(page, "SecurityProfileIds[2]"), true, "an empty item is reported");
  await page.click('button[data-action="remove"][data-list="SecurityProfileIds"][data-index="1"]');
  assert.equal(await byName(page, "SecurityProfileIds[0]").inputValue(), "security-profile-1");
  assert.equal(await byName(page, "SecurityProfileIds[1]").inputValue(), "");
  assert.equal(await invalid(page, "SecurityProfileIds[1]"), true, "the error follows the row to its new index");
  assert.equal(await byName(page, "SecurityProfileIds[2]").count(), 0);
  await fillByName(page, { "SecurityProfileIds[1]": "sp-3" });
  assert.match(await requestText(page), /"SecurityProfileIds": \[\s*"security-profile-1",\s*"sp-3"\s*\]/);
  // The add button stops at the model's maximum.
  for (let i = 2; i < 10; i++) await addRow(page, "SecurityProfileIds");
  assert.equal(await page.locator('button[data-action="add"][data-list="SecurityProfileIds"]').isDisabled(), true);
  await assertClean(page, log);
  await context.close();
});

test("loading a JSON file fills the form", async () => {
  const { page, log, context } = await openPage(env);
  const input = {
    InstanceId: "inst-1",
    Username: "sam.agent",
    Password: "Secr3tPassw0rd",
    IdentityInfo: { FirstName: "Sam", LastName: "Agent", Email: "sam@example.com", Mobile: "+12065550100" },
    PhoneConfig: { PersistentConnection: false },
    SecurityProfileIds: ["sp-1", "sp-2"],
    RoutingProfileId: "rp-1",
    AutoAcceptConfigs: [{ Channel: "CHAT", AutoAccept: true }],
    AfterContactWorkConfigs: [
      { Channel: "VOICE", AfterContactWorkConfig: { AfterContactWorkTimeLimit: 0 }, AgentFirstCallbackAfterContactWorkConfig: { AfterContactWorkTimeLimit: 15 } },
    ],
    PhoneNumberConfigs: [{ Channel: "VOICE", PhoneType: "DESK_PHONE", PhoneNumber: "+12065550199" }],
    Tags: { team: "blue", "cost center": "42" },
  };
  await page.setInputFiles("#load-file", { name: "user.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(input)) });
  await page.waitForFunction(() => /Loaded/.test(document.getElementById("load-status").textContent));
  assert.match(await page.locator("#load-status").textContent(), /Loaded user\.json: no errors/);
  assert.equal(await byName(page, "Username").inputValue(), "sam.agent");
  assert.equal(await byName(page, "IdentityInfo.Mobile").inputValue(), "+12065550100");
  assert.equal(await byName(page, "PhoneConfig.PersistentConnection").inputValue(), "false");
  assert.equal(await byName(page, "AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit").inputValue(), "0");
  assert.equal(await byName(page, "SecurityProfileIds[1]").inputValue(), "sp-2");
  assert.equal(await byName(page, "AutoAcceptConfigs[0].Channel").inputValue(), "CHAT");
  assert.equal(await byName(page, "AutoAcceptConfigs[0].AutoAccept").inputValue(), "true");
  assert.equal(await byName(page, "AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit").inputValue(), "15");
  assert.equal(await byName(page, "PhoneNumberConfigs[0].PhoneType").inputValue(), "DESK_PHONE");
  assert.equal(await byName(page, "Tags[1].key").inputValue(), "cost center");
  assert.equal(await byName(page, "Tags[1].value").inputValue(), "42");
  // The request built from the form is the file's input.
  const text = await requestText(page);
  assert.match(text, /^PUT \/users\/inst-1$/m);
  const body = await page.locator("#request .req-body").textContent();
  const { InstanceId, ...expected } = input;
  assert.deepEqual(JSON.parse(body), { ...expected, Password: "••••••••" });

  // A file with wrong types and an unknown member: kept as-is, so that validation reports them.
  const bad = { Username: "x", SecurityProfileIds: ["sp"], RoutingProfileId: "rp", IdentityInfo: { Firstname: "typo", LastName: 7 }, PhoneConfig: { AutoAccept: "yes" } };
  await page.setInputFiles("#load-file", { name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  await page.waitForFunction(() => /bad\.json/.test(document.getElementById("load-status").textContent));
  assert.match(await page.locator("#load-status").textContent(), /6 errors\..*instance ID already in the form was kept/);
  assert.equal(await byName(page, "InstanceId").inputValue(), "inst-1");
  await assertMessage(page, "IdentityInfo.LastName", /./);
  await assertMessage(page, "PhoneConfig.AutoAccept", /./);
  const identityMsg = await page.locator('fieldset[data-path="IdentityInfo"] > .msg').textContent();
  assert.match(identityMsg, /./, "the unknown member is reported at its group");
  assert.match(await page.locator("#loose").textContent(), /IdentityInfo\.Firstname/);
  await page.click('#loose-list button[data-action="discard"]');
  assert.equal(await page.locator("#loose").isVisible(), false);
  assert.equal(await page.locator('fieldset[data-path="IdentityInfo"] > .msg .err').count(), 0);
  await assertClean(page, log);
  await context.close();
});

test("a bad file shows an error and changes nothing", async () => {
  const { page, log, context } = await openValid();
  for (const [name, content, pattern] of [
    ["broken.json", "{ not json", /broken\.json is not valid JSON/],
    ["list.json", "[{}]", /holds a list/],
    ["text.json", '"hello"', /holds a string/],
    ["null.json", "null", /holds null/],
  ]) {
    await page.setInputFiles("#load-file", { name, mimeType: "application/json", buffer: Buffer.from(content) });
    await page.waitForFunction((n) => document.getElementById("load-status").textContent.includes(n), name);
    assert.match(await page.locator("#load-status").textContent(), pattern);
    assert.equal(await byName(page, "Username").inputValue(), "jdoe", "the form is unchanged");
  }
  assert.match(await requestText(page), /^PUT /);
  await assertClean(page, log);
  await context.close();
});

test("every control has a label, every group a legend; narrow screens do not scroll sideways", async () => {
  const { page, log, context } = await openValid({ viewport: { width: 390, height: 844 } });
  await addRow(page, "AfterContactWorkConfigs");
  await addRow(page, "Tags");
  const unlabeled = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea")]
      .filter((c) => !c.classList.contains("offscreen") && (!c.labels || c.labels.length === 0 || c.labels[0].textContent.trim() === ""))
      .map((c) => c.name || c.id),
  );
  assert.deepEqual(unlabeled, []);
  const noLegend = await page.evaluate(() =>
    [...document.querySelectorAll("fieldset")].filter((f) => !f.querySelector(":scope > legend")).length,
  );
  assert.equal(noLegend, 0);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
  // Names are the API paths.
  const names = await page.evaluate(() => [...document.querySelectorAll("#user-form [name]")].map((c) => c.name));
  for (const name of [
    "identityManagementType",
    "InstanceId",
    "Username",
    "Password",
    "IdentityInfo.FirstName",
    "IdentityInfo.LastName",
    "IdentityInfo.Email",
    "IdentityInfo.SecondaryEmail",
    "IdentityInfo.Mobile",
    "PhoneConfig.PhoneType",
    "PhoneConfig.AutoAccept",
    "PhoneConfig.AfterContactWorkTimeLimit",
    "PhoneConfig.DeskPhoneNumber",
    "PhoneConfig.PersistentConnection",
    "DirectoryUserId",
    "SecurityProfileIds[0]",
    "RoutingProfileId",
    "HierarchyGroupId",
    "AfterContactWorkConfigs[0].Channel",
    "AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit",
    "AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit",
    "Tags[0].key",
    "Tags[0].value",
  ]) {
    assert.ok(names.includes(name), `a control named ${name}`);
  }
  // Booleans are tri-state.
  assert.deepEqual(
    await byName(page, "PhoneConfig.AutoAccept").locator("option").evaluateAll((os) => os.map((o) => o.value)),
    ["", "true", "false"],
  );
  await assertClean(page, log);
  await context.close();
});

test("the page sets its CSP by meta and the server adds none", async () => {
  const res = await fetch(`${env.origin}/www/`);
  assert.equal(res.headers.get("content-security-policy"), null);
  const html = await res.text();
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self'; img-src 'self' data:; form-action 'none'">/);
  assert.ok(!/<script(?![^>]*\bsrc=)/.test(html), "no inline script");
  assert.ok(!/\sstyle=/.test(html), "no inline style");
  assert.ok(!/<style/.test(html), "no style element");
  for (const file of ["app.js", "dom.js"]) {
    const js = await (await fetch(`${env.origin}/www/${file}`)).text();
    assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/.test(js), `${file} parses no HTML`);
  }
});
