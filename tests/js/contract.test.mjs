// Runs the contract suite against the Node CommonJS entry, the Node ESM entry, and the browser
// entry (web.js) initialised in Node from the wasm bytes.
import { test } from "node:test";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { cases } from "./contract.mjs";

const require = createRequire(import.meta.url);
const pkg = new URL("../../pkg/", import.meta.url);

const builds = {
  "CommonJS (require)": async () => require("../../pkg/index.cjs"),
  "Node ESM (import)": async () => import("../../pkg/index.mjs"),
  "package name (exports map)": async () => import(new URL("index.mjs", pkg)),
  "browser entry (web.js, initSync)": async () => {
    const web = await import(new URL("web.js", pkg));
    web.initSync({ module: readFileSync(new URL("connect_create_user_bg.wasm", pkg)) });
    return web;
  },
};

for (const [build, load] of Object.entries(builds)) {
  test(`contract: ${build}`, async (t) => {
    const api = await load();
    for (const [name, run] of cases) await t.test(name, () => run(api));
  });
}

test("require and import share one instance and one ValidationError class", async () => {
  const cjs = require("../../pkg/index.cjs");
  const esm = await import("../../pkg/index.mjs");
  if (cjs.ValidationError !== esm.ValidationError) throw new Error("two ValidationError classes");
});
