// The contract suite (contract.mjs) run in headless Chromium against the browser entry, pkg/web.js,
// loaded the way a page loads it: `await init()` fetching the wasm next to it.
import { test, before, after } from "node:test";
import { cases } from "./contract.mjs";
import { serveRepo, launchChromium } from "./browser.mjs";

let server;
let browser;
before(async () => {
  server = await serveRepo();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("contract: browser entry in Chromium (await init())", async (t) => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.url}/blank.html`);
  const results = await page.evaluate(async () => {
    const api = await import("/pkg/web.js");
    await api.default();
    const { cases } = await import("/tests/js/contract.mjs");
    const out = [];
    for (const [name, run] of cases) {
      try {
        run(api);
        out.push([name, null]);
      } catch (e) {
        out.push([name, String(e && e.message)]);
      }
    }
    return out;
  });
  if (results.length !== cases.length) throw new Error(`ran ${results.length} of ${cases.length} cases`);
  for (const [name, error] of results) {
    await t.test(name, () => {
      if (error) throw new Error(error);
    });
  }
  if (errors.length) throw new Error(errors.join("\n"));
  await page.close();
});
