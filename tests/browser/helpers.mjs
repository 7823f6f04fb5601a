// Shared set-up of the browser tests and the screenshot script: the static server (in-process, on a
// free port) and Debian's chromium driven by playwright-core, with every console error, CSP violation,
// page error and request recorded so that tests can assert there were none.
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const EXECUTABLE = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Starts the server and the browser. */
export async function startAll() {
  const server = await startServer({ port: 0 });
  const browser = await chromium.launch({ executablePath: EXECUTABLE, args: CHROMIUM_ARGS, headless: true });
  return {
    server,
    browser,
    origin: server.origin,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens a page (`path`, the form by default) in a fresh context (`locale`: the browser's language)
 * and records what must not happen: console errors, page errors,
 * CSP violations and requests to anywhere but the server's origin.
 */
export async function openPage(env, { viewport = { width: 1280, height: 900 }, permissions = [], path = "/", locale } = {}) {
  const context = await env.browser.newContext({ viewport, acceptDownloads: true, locale });
  if (permissions.length) await context.grantPermissions(permissions, { origin: env.origin });
  const page = await context.newPage();
  const log = { consoleErrors: [], pageErrors: [], requests: [], foreignRequests: [], csp: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") log.consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => log.pageErrors.push(String(err)));
  page.on("request", (req) => {
    const url = req.url();
    log.requests.push(url);
    const ownOrigin = url.startsWith(env.origin + "/") || url.startsWith(`blob:${env.origin}/`) || url.startsWith("data:");
    if (!ownOrigin) log.foreignRequests.push(url);
  });
  page.on("dialog", (dialog) => {
    log.pageErrors.push(`unexpected dialog: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(env.origin + path);
  await page.waitForSelector("body.ready");
  return { page, context, log };
}

/** The CSP violations the page saw. */
export async function cspViolations(page) {
  return page.evaluate(() => window.__csp.slice());
}

/** A valid Connect-managed user. */
export const VALID_USER = {
  InstanceId: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
  Username: "jdoe",
  Password: "Secr3tPassw0rd",
  "IdentityInfo.FirstName": "Jane",
  "IdentityInfo.LastName": "Doe",
  "IdentityInfo.Email": "jane.doe@example.com",
  RoutingProfileId: "routing-profile-1",
  "SecurityProfileIds[0]": "security-profile-1",
};

/** Fills text inputs by name. */
export async function fillByName(page, values) {
  for (const [name, value] of Object.entries(values)) {
    await page.locator(`[name="${cssString(name)}"]`).fill(value);
  }
}

export function byName(page, name) {
  return page.locator(`[name="${cssString(name)}"]`);
}

function cssString(s) {
  return s.replace(/["\\]/g, "\\$&");
}

/** The text of the element(s) a control's aria-describedby names. */
export async function describedText(page, name) {
  return byName(page, name).evaluate((node) =>
    (node.getAttribute("aria-describedby") || "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

/** Clicks the add button of a list. */
export async function addRow(page, list) {
  await page.locator(`button[data-action="add"][data-list="${list}"]`).click();
}

/** Asserts that the page logged no console error, threw nothing, saw no CSP violation and requested nothing outside its origin. */
export async function assertPageClean(page, log) {
  assert.deepEqual(log.consoleErrors, [], "console errors");
  assert.deepEqual(log.pageErrors, [], "page errors");
  assert.deepEqual(await cspViolations(page), [], "CSP violations");
  assert.deepEqual(log.foreignRequests, [], "requests outside the server's origin");
}
