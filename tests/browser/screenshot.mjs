#!/usr/bin/env node
// Saves www/screenshot.png: the page at 1280x900 with a filled form showing two errors.
// Usage: node tests/browser/screenshot.mjs [output.png] [--narrow]   (--narrow: a 390x844 phone)
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startAll, openPage, fillByName, byName, VALID_USER } from "./helpers.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const narrow = args.includes("--narrow");
const out = resolve(args.find((a) => !a.startsWith("--")) ?? resolve(here, "../../www/screenshot.png"));

const env = await startAll();
try {
  const viewport = narrow ? { width: 390, height: 844 } : { width: 1280, height: 900 };
  const { page, log } = await openPage(env, { viewport });
  await fillByName(page, {
    ...VALID_USER,
    "IdentityInfo.FirstName": "Jose\u0301", // decomposed: NOT_NFC, with its fix button
    "IdentityInfo.Email": "jane.doe@example", // no top-level domain: PATTERN
    HierarchyGroupId: "hierarchy-group-7",
  });
  await byName(page, "PhoneConfig.PhoneType").selectOption("SOFT_PHONE");
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: out, fullPage: false });
  const problems = [...log.consoleErrors, ...log.pageErrors, ...log.foreignRequests];
  if (problems.length) throw new Error(`the page reported problems: ${problems.join("; ")}`);
  console.log(`screenshot.mjs: wrote ${out}`);
} finally {
  await env.close();
}
