#!/usr/bin/env node
// Saves the pages' screenshots (run by `make screenshot`):
// - www/screenshot.png: the form with instance data loaded (AWS CLI outputs from fixtures/): the
//   mode taken from DescribeInstance, a routing profile picked by name, a taken user name and a
//   profile name where the id belongs (with its fix button), and a decomposed first name;
// - www/screenshot-import.png: the import page with fixtures/users-with-problems.csv and the
//   instance data loaded (a bad email, profile names not in the instance, a taken and a repeated
//   login, a phone number in scientific notation).
// Usage: node tests/browser/screenshot.mjs [form.png [import.png]] [--narrow]   (--narrow: a 390x844 phone)
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startAll, openPage, fillByName, byName } from "./helpers.mjs";
import { USERS_CSV, INSTANCE_ID, openImport, pickCsv, pickInstance, chooseMode, typeInstanceId } from "./import-helpers.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const narrow = args.includes("--narrow");
const [formOut, importOut] = args.filter((a) => !a.startsWith("--"));
const www = resolve(here, "../../www");
const fixtures = ["list-users.json", "profiles.json", "describe-instance.json"].map((f) => resolve(here, "fixtures", f));

function assertClean(log) {
  const problems = [...log.consoleErrors, ...log.pageErrors, ...log.foreignRequests];
  if (problems.length) throw new Error(`the page reported problems: ${problems.join("; ")}`);
}

async function formShot(env, out) {
  const viewport = narrow ? { width: 390, height: 844 } : { width: 1280, height: 1400 };
  const { page, log, context } = await openPage(env, { viewport });
  await page.setInputFiles('input[type="file"][name="instance"]', fixtures);
  await page.waitForFunction(() => document.getElementById("instance-status").textContent !== "");
  await fillByName(page, {
    InstanceId: INSTANCE_ID,
    Username: "jdoe", // taken in list-users.json: TAKEN
    "IdentityInfo.FirstName": "Jose\u0301", // decomposed: NOT_NFC, with its fix button
    "IdentityInfo.LastName": "Doe",
    "SecurityProfileIds[0]": "agent", // a name, not an id: NOT_FOUND, with "Use Agent"
  });
  await page.locator('select[data-picker-for="RoutingProfileId"]').selectOption({ label: "Basic Routing Profile" });
  await byName(page, "HierarchyGroupId").focus();
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: out, fullPage: false });
  assertClean(log);
  await context.close();
}

async function importShot(env, out) {
  const viewport = narrow ? { width: 390, height: 844 } : { width: 1680, height: 1290 };
  const { page, log, context } = await openImport(env, { viewport });
  await pickCsv(page, USERS_CSV);
  await pickInstance(page);
  await chooseMode(page, "CONNECT_MANAGED");
  await typeInstanceId(page);
  await page.evaluate(() => {
    document.activeElement && document.activeElement.blur();
    window.scrollTo(0, 0);
    // The template has 16 columns: scroll the table sideways past the names, so that the problems
    // from the email address to the phone number show (the row numbers stay in view).
    const wrap = document.querySelector(".table-wrap");
    const email = wrap.querySelector('th[data-column="email address"]');
    const left = (el) => el.getBoundingClientRect().left;
    wrap.scrollLeft = left(email) - left(wrap) - wrap.querySelector("th").getBoundingClientRect().width;
  });
  await page.screenshot({ path: out, fullPage: false });
  assertClean(log);
  await context.close();
}

const env = await startAll();
try {
  const form = resolve(formOut ?? resolve(www, "screenshot.png"));
  await formShot(env, form);
  console.log(`screenshot.mjs: wrote ${form}`);
  const imp = resolve(importOut ?? resolve(www, "screenshot-import.png"));
  await importShot(env, imp);
  console.log(`screenshot.mjs: wrote ${imp}`);
} finally {
  await env.close();
}
