// Browser tests of the form page with instance data (PAGES.md "The form", INSTANCE.md): AWS CLI
// outputs loaded through `input[type=file][name=instance]`, the mode following the data, picking
// profiles by name, TAKEN and SIMILAR as the admin types, fix buttons, junk files, clearing.
// Every test ends by asserting no console error, CSP violation or foreign request.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { validateCreateUser } from "../../pkg/index.mjs";
import { startAll, openPage, assertPageClean, fillByName, byName, describedText } from "./helpers.mjs";

const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const file = (name) => FIXTURES + name;
/** The three outputs of the brief: ListUsers (one page, with NextToken), routing + security profiles merged, DescribeInstance. */
const INSTANCE_FILES = [file("list-users.json"), file("profiles.json"), file("describe-instance.json")];

const BASIC_RP = "0e7f3a52-1b9c-4d6e-8f20-7a5b3c1d9e84";
const AGENT_SP = "7f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f";
const NORTH_AMERICA = "e1d2c3b4-a596-4877-b6c5-d4e3f2a1b0c9";

/** A valid SAML user, routing and security profile aside. */
const SAML_USER = {
  InstanceId: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
  Username: "new.agent",
  "IdentityInfo.FirstName": "Jane",
  "IdentityInfo.LastName": "Doe",
};

let env;
before(async () => {
  env = await startAll();
});
after(async () => {
  await env?.close();
});

const INSTANCE_INPUT = 'input[type="file"][name="instance"]';

async function loadInstance(page, files) {
  const before = await page.locator("#instance-status").textContent();
  await page.setInputFiles(INSTANCE_INPUT, files);
  await page.waitForFunction((text) => document.getElementById("instance-status").textContent !== text, before);
}

async function openWithInstance(files = INSTANCE_FILES) {
  const opened = await openPage(env);
  await loadInstance(opened.page, files);
  return opened;
}

const picker = (page, name) => page.locator(`select[data-picker-for="${name}"]`);
const invalid = async (page, name) => (await byName(page, name).getAttribute("aria-invalid")) === "true";
const codes = async (page, name) =>
  byName(page, name).evaluate((c) =>
    [...document.getElementById(c.getAttribute("aria-describedby")).querySelectorAll("[data-code]")].map((p) => p.dataset.code),
  );
const body = async (page) => JSON.parse(await page.locator("#request .req-body").textContent());

test("the file input takes several AWS CLI outputs; the mode follows DescribeInstance", async () => {
  const { page, log, context } = await openPage(env);
  assert.equal(await page.locator(INSTANCE_INPUT).getAttribute("multiple"), "");
  assert.equal(await page.locator('select[name="identityManagementType"]').inputValue(), "CONNECT_MANAGED");
  assert.equal(await page.locator("#clear-instance").isDisabled(), true);
  await loadInstance(page, INSTANCE_FILES);
  const status = await page.locator("#instance-status").textContent();
  for (const name of ["list-users.json", "profiles.json", "describe-instance.json"]) assert.ok(status.includes(name), `${name} is named`);
  assert.match(status, /2 users, 2 routing profiles, 2 security profiles/);
  assert.equal(await page.locator('select[name="identityManagementType"]').inputValue(), "SAML");
  assert.match(await page.locator("#mode-source").textContent(), /instance data/);
  assert.equal(await page.locator("#instance-problems").isHidden(), true);
  // SAML's rules apply: the password is not allowed, first and last name are required.
  assert.equal(await byName(page, "Password").isDisabled(), true);
  // The admin can still change the mode.
  await page.locator('select[name="identityManagementType"]').selectOption("CONNECT_MANAGED");
  assert.equal(await byName(page, "Password").isDisabled(), false);
  assert.match(await page.locator("#mode-source").textContent(), /says SAML/);
  await assertPageClean(page, log);
  await context.close();
});

test("picking a routing and a security profile by name puts their ids in the named controls and the request", async () => {
  const { page, log, context } = await openWithInstance();
  await fillByName(page, SAML_USER);
  // The named control stays a text box, found alone by its label; the picker is named apart.
  assert.equal(await page.getByRole("textbox", { name: "Routing profile ID" }).getAttribute("name"), "RoutingProfileId");
  assert.equal(await page.getByLabel("Security profile 1").getAttribute("name"), "SecurityProfileIds[0]");
  assert.equal(await page.getByLabel("Routing profile: or pick by name").getAttribute("data-picker-for"), "RoutingProfileId");
  await picker(page, "RoutingProfileId").selectOption({ label: "Basic Routing Profile" });
  assert.equal(await byName(page, "RoutingProfileId").inputValue(), BASIC_RP);
  await picker(page, "SecurityProfileIds[0]").selectOption({ label: "Agent" });
  assert.equal(await byName(page, "SecurityProfileIds[0]").inputValue(), AGENT_SP);
  const sent = await body(page);
  assert.equal(sent.RoutingProfileId, BASIC_RP);
  assert.deepEqual(sent.SecurityProfileIds, [AGENT_SP]);
  assert.match(await page.locator("#status-text").textContent(), /^Valid/);
  // A second security profile row gets its own picker.
  await page.locator('button[data-action="add"][data-list="SecurityProfileIds"]').click();
  await picker(page, "SecurityProfileIds[1]").selectOption({ label: "CallCenterManager" });
  assert.equal((await body(page)).SecurityProfileIds.length, 2);
  // Setting the named control directly (an id) is just as good; its picker shows the name.
  await byName(page, "RoutingProfileId").fill("c5d6e7f8-0a1b-4c2d-9e3f-4a5b6c7d8e9f");
  assert.equal(await picker(page, "RoutingProfileId").inputValue(), "c5d6e7f8-0a1b-4c2d-9e3f-4a5b6c7d8e9f");
  assert.equal((await body(page)).RoutingProfileId, "c5d6e7f8-0a1b-4c2d-9e3f-4a5b6c7d8e9f");
  // Free typing stays possible: an unknown id is NOT_FOUND, and the picker shows no name.
  await byName(page, "RoutingProfileId").fill("no-such-profile");
  assert.equal(await picker(page, "RoutingProfileId").inputValue(), "");
  assert.deepEqual(await codes(page, "RoutingProfileId"), ["NOT_FOUND"]);
  await assertPageClean(page, log);
  await context.close();
});

test("a hierarchy group is picked by name too", async () => {
  const { page, log, context } = await openWithInstance([...INSTANCE_FILES, file("list-user-hierarchy-groups.json")]);
  await picker(page, "HierarchyGroupId").selectOption({ label: "North America" });
  assert.equal(await byName(page, "HierarchyGroupId").inputValue(), NORTH_AMERICA);
  await assertPageClean(page, log);
  await context.close();
});

test("a taken user name is an error as the admin types, one differing in case a warning", async () => {
  const { page, log, context } = await openWithInstance();
  await byName(page, "Username").pressSequentially("jdoe");
  assert.equal(await invalid(page, "Username"), true);
  assert.deepEqual(await codes(page, "Username"), ["TAKEN"]);
  assert.match(await describedText(page, "Username"), /already exists/);
  await byName(page, "Username").fill("");
  await byName(page, "Username").pressSequentially("JDoe");
  assert.equal(await invalid(page, "Username"), false);
  assert.deepEqual(await codes(page, "Username"), ["SIMILAR"]);
  await byName(page, "Username").pressSequentially("2");
  assert.deepEqual(await codes(page, "Username"), []);
  await assertPageClean(page, log);
  await context.close();
});

test("a profile name typed where the id belongs is NOT_FOUND with a fix button that puts the id in", async () => {
  const { page, log, context } = await openWithInstance();
  await fillByName(page, { ...SAML_USER, RoutingProfileId: BASIC_RP });
  await byName(page, "SecurityProfileIds[0]").pressSequentially("Agent");
  assert.equal(await invalid(page, "SecurityProfileIds[0]"), true);
  assert.deepEqual(await codes(page, "SecurityProfileIds[0]"), ["NOT_FOUND"]);
  const fix = page.locator('[data-path="SecurityProfileIds[0]"] button[data-fix]');
  assert.equal(await fix.textContent(), "Use Agent");
  assert.equal(await fix.getAttribute("data-fix"), AGENT_SP);
  // The click moves the focus (a change event, a re-check) before it lands: the button must survive it.
  await fix.click();
  assert.equal(await byName(page, "SecurityProfileIds[0]").inputValue(), AGENT_SP);
  assert.equal(await invalid(page, "SecurityProfileIds[0]"), false);
  assert.equal(await page.locator("button[data-fix]").count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.name), "SecurityProfileIds[0]");
  assert.deepEqual((await body(page)).SecurityProfileIds, [AGENT_SP]);
  // An ARN is a warning with a fix to the id; a near miss gets "Did you mean".
  const arn = `arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/routing-profile/${BASIC_RP}`;
  await byName(page, "RoutingProfileId").fill(arn);
  assert.deepEqual(await codes(page, "RoutingProfileId"), ["PREFER_ID"]);
  await page.locator('[data-path="RoutingProfileId"] button[data-fix]').click();
  assert.equal(await byName(page, "RoutingProfileId").inputValue(), BASIC_RP);
  await byName(page, "RoutingProfileId").fill("Sales Inbund");
  assert.match(await describedText(page, "RoutingProfileId"), /Did you mean Sales Inbound\?/);
  await page.locator('[data-path="RoutingProfileId"] button[data-fix]').click();
  assert.equal(await byName(page, "RoutingProfileId").inputValue(), "c5d6e7f8-0a1b-4c2d-9e3f-4a5b6c7d8e9f");
  await assertPageClean(page, log);
  await context.close();
});

test("a junk instance file is named as a problem; the others load and the form works", async () => {
  const { page, log, context } = await openPage(env);
  const junk = { name: "junk.json", mimeType: "application/json", buffer: Buffer.from("<html>not json</html>") };
  const list = { name: "array.json", mimeType: "application/json", buffer: Buffer.from("[1, 2]") };
  const wrongPart = { name: "odd.json", mimeType: "application/json", buffer: Buffer.from('{"UserSummaryList": "none"}') };
  const profiles = { name: "profiles.json", mimeType: "application/json", buffer: readFileSync(file("profiles.json")) };
  await loadInstance(page, [junk, list, wrongPart, profiles]);
  const problems = await page.locator("#instance-problems").textContent();
  assert.match(problems, /junk\.json is not valid JSON/);
  assert.match(problems, /array\.json does not hold a JSON object/);
  assert.match(problems, /UserSummaryList/); // the package's INSTANCE_IGNORED, naming the part
  assert.match(await page.locator("#instance-status").textContent(), /odd\.json, .*profiles\.json/);
  await fillByName(page, { ...SAML_USER, Password: "Secr3tPassw0rd", "IdentityInfo.Email": "jane.doe@example.com" });
  await picker(page, "RoutingProfileId").selectOption({ label: "Sales Inbound" });
  await picker(page, "SecurityProfileIds[0]").selectOption({ label: "Agent" });
  assert.match(await page.locator("#status-text").textContent(), /^Valid, with 1 warning/);
  assert.equal((await body(page)).RoutingProfileId, "c5d6e7f8-0a1b-4c2d-9e3f-4a5b6c7d8e9f");
  // Only junk: nothing loaded, the form works exactly as without instance data.
  await loadInstance(page, [junk]);
  assert.match(await page.locator("#instance-status").textContent(), /No instance data/);
  assert.equal(await page.locator(".picker-row").count(), 0);
  await byName(page, "RoutingProfileId").fill("routing-profile-1");
  assert.equal((await body(page)).RoutingProfileId, "routing-profile-1");
  await assertPageClean(page, log);
  await context.close();
});

test("clearing the instance data: pickers and instance checks go, the mode stays, the form works", async () => {
  const { page, log, context } = await openWithInstance();
  await fillByName(page, { ...SAML_USER, Username: "jdoe", RoutingProfileId: "Basic Routing Profile", "SecurityProfileIds[0]": AGENT_SP });
  assert.deepEqual(await codes(page, "Username"), ["TAKEN"]);
  await page.locator("#clear-instance").click();
  assert.equal(await page.locator("#instance-status").textContent(), "");
  assert.equal(await page.locator(".picker-row").count(), 0);
  assert.equal(await page.locator('select[name="identityManagementType"]').inputValue(), "SAML");
  assert.equal(await page.locator("#mode-source").isHidden(), true);
  assert.deepEqual(await codes(page, "Username"), []);
  assert.equal((await body(page)).RoutingProfileId, "Basic Routing Profile");
  assert.equal(await page.locator("#clear-instance").isDisabled(), true);
  // Loading again brings them back.
  await loadInstance(page, INSTANCE_FILES);
  assert.deepEqual(await codes(page, "Username"), ["TAKEN"]);
  assert.deepEqual(await codes(page, "RoutingProfileId"), ["NOT_FOUND"]);
  await assertPageClean(page, log);
  await context.close();
});

test("the locale select follows the browser; in German, TAKEN, NOT_FOUND and the fix label are the package's German", async () => {
  const { page, log, context } = await openWithInstance();
  const locale = page.locator('select[name="locale"]');
  assert.equal(await locale.inputValue(), "en");
  await locale.selectOption("de");
  await page.waitForFunction(() => document.querySelector('[name="Username"]').labels[0].querySelector("span[lang]").lang === "de");
  await byName(page, "Username").pressSequentially("jdoe");
  assert.deepEqual(await codes(page, "Username"), ["TAKEN"]);
  // The package's words in German: TAKEN, NOT_FOUND for a name pasted as an id, and its fix's label.
  const instance = INSTANCE_FILES.map((f) => JSON.parse(readFileSync(f, "utf8")));
  const input = { Username: "jdoe", RoutingProfileId: "Basic Routing Profile" };
  const report = validateCreateUser(input, { instance, locale: "de" });
  const at = (path) => report.errors.find((v) => v.path === path);
  await byName(page, "RoutingProfileId").fill(input.RoutingProfileId);
  assert.ok((await describedText(page, "Username")).includes(at("Username").message));
  assert.ok((await describedText(page, "RoutingProfileId")).includes(at("RoutingProfileId").message));
  const fix = page.locator('[data-path="RoutingProfileId"] button[data-fix]');
  assert.equal(await fix.textContent(), at("RoutingProfileId").fix.label);
  assert.equal(await fix.getAttribute("lang"), "de");
  await fix.click();
  assert.equal(await byName(page, "RoutingProfileId").inputValue(), BASIC_RP);
  await assertPageClean(page, log);
  await context.close();
});

test("a large instance (100,000 users, 2,000 profiles) loads once and typing stays fast", async () => {
  const users = Array.from({ length: 100000 }, (_, i) => ({
    Id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    Arn: `arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/agent/${i}`,
    Username: `user${i}`,
    LastModifiedTime: "2024-03-01T10:15:42.118000-08:00",
    LastModifiedRegion: "us-west-2",
  }));
  const profiles = (kind, n) =>
    Array.from({ length: n }, (_, i) => ({ Id: `${kind}-${i}`, Arn: `arn:aws:connect:::${kind}/${i}`, Name: `${kind} profile ${i}` }));
  const big = { UserSummaryList: users, NextToken: "x" };
  const refs = { RoutingProfileSummaryList: profiles("rp", 1000), SecurityProfileSummaryList: profiles("sp", 1000) };
  const files = [
    { name: "users.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(big)) },
    { name: "refs.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(refs)) },
  ];
  const { page, log, context } = await openPage(env);
  // Typing cost without instance data, then with it: the handler validates synchronously.
  const typing = () =>
    page.evaluate(() => {
      const control = document.querySelector('[name="Username"]');
      const times = [];
      for (let i = 0; i < 40; i++) {
        const t = performance.now();
        control.value = `user${i}x`.slice(0, i % 2 ? 5 : 6);
        control.dispatchEvent(new Event("input", { bubbles: true }));
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return times[20];
    });
  const before = await typing();
  const start = Date.now();
  await loadInstance(page, files);
  const loadMs = Date.now() - start;
  assert.match(await page.locator("#instance-status").textContent(), /100,000 users, 1,000 routing profiles, 1,000 security profiles/);
  const after = await typing();
  await byName(page, "Username").fill("user99999");
  assert.deepEqual(await codes(page, "Username"), ["TAKEN"]);
  console.log(`# large instance: ${(files[0].buffer.length / 1e6).toFixed(1)} MB loaded in ${loadMs} ms (with the transfer into the browser); one keystroke (median) ${before.toFixed(2)} ms without instance data, ${after.toFixed(2)} ms with`);
  assert.ok(after < Math.max(20, before * 4), `a keystroke with the instance data costs ${after} ms`);
  await assertPageClean(page, log);
  await context.close();
});
