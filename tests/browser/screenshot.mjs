#!/usr/bin/env node
// Saves www/screenshot.png: the form with instance data loaded (AWS CLI outputs from fixtures/):
// the mode taken from DescribeInstance, a routing profile picked by name, a taken user name and a
// profile name where the id belongs (with its fix button), and a decomposed first name.
// Usage: node tests/browser/screenshot.mjs [output.png] [--narrow]   (--narrow: a 390x844 phone)
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startAll, openPage, fillByName, byName } from "./helpers.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const narrow = args.includes("--narrow");
const out = resolve(args.find((a) => !a.startsWith("--")) ?? resolve(here, "../../www/screenshot.png"));
const fixtures = ["list-users.json", "profiles.json", "describe-instance.json"].map((f) => resolve(here, "fixtures", f));

const env = await startAll();
try {
  const viewport = narrow ? { width: 390, height: 844 } : { width: 1280, height: 1400 };
  const { page, log } = await openPage(env, { viewport });
  await page.setInputFiles('input[type="file"][name="instance"]', fixtures);
  await page.waitForFunction(() => document.getElementById("instance-status").textContent !== "");
  await fillByName(page, {
    InstanceId: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
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
  const problems = [...log.consoleErrors, ...log.pageErrors, ...log.foreignRequests];
  if (problems.length) throw new Error(`the page reported problems: ${problems.join("; ")}`);
  console.log(`screenshot.mjs: wrote ${out}`);
} finally {
  await env.close();
}
