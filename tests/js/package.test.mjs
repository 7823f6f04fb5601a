// The package as users get it: `npm pack` of pkg/, installed into a scratch project, then used
// with require() and import (no init call), and its TypeScript declarations compiled.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, rmSync, copyFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let scratch;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), "ccu-pack-"));
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", scratch, join(ROOT, "pkg")], { encoding: "utf8" }).trim().split("\n").pop();
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true }));
  execFileSync("npm", ["install", "--silent", "--no-audit", "--no-fund", "--offline", join(scratch, tarball)], { cwd: scratch });
});
after(() => rmSync(scratch, { recursive: true, force: true }));

const user = `{ InstanceId: "i-1", Username: "jdoe", Password: "Secr3tPass", IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "jane@example.com" }, SecurityProfileIds: ["sp-1"], RoutingProfileId: "rp-1" }`;
const mode = `{ identityManagementType: "CONNECT_MANAGED" }`;

function node(args) {
  return execFileSync(process.execPath, args, { cwd: scratch, encoding: "utf8" }).trim();
}

test("the tarball holds only the package files", () => {
  const files = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", join(ROOT, "pkg")], { encoding: "utf8" }))[0].files.map((f) => f.path).sort();
  const cli = readdirSync(join(ROOT, "js/cli")).filter((f) => f.endsWith(".cjs")).map((f) => `cli/${f}`);
  const locales = readdirSync(join(ROOT, "locales")).filter((f) => /^[a-z]{2}(-[A-Z]{2})?\.json$/.test(f) && f !== "en.json").map((f) => `locales/${f}`);
  assert.equal(locales.length, 10, "the ten languages besides English");
  assert.deepEqual(files, [...cli, ...locales, "README.md", "connect_create_user.js", "connect_create_user_bg.wasm", "connect_create_user_node.cjs", "index.cjs", "index.d.cts", "index.d.ts", "index.mjs", "package.json", "web.d.ts", "web.js"].sort());
  const meta = JSON.parse(readFileSync(join(ROOT, "pkg/package.json"), "utf8"));
  for (const key of ["name", "version", "description", "license", "exports", "types", "files", "sideEffects"]) assert.ok(key in meta, key);
  assert.equal(meta.name, "connect-create-user");
});

test("require() works with no init call", () => {
  const out = node(["-e", `const m = require("connect-create-user"); const r = m.validateCreateUser(${user}, ${mode}); console.log(r.valid, m.buildCreateUserRequest(${user}, ${mode}).path)`]);
  assert.equal(out, "true /users/i-1");
});

test("import works with no init call", () => {
  const out = node(["--input-type=module", "-e", `import { validateCreateUser, buildCreateUserRequest } from "connect-create-user"; console.log(validateCreateUser(${user}, ${mode}).valid, buildCreateUserRequest(${user}, ${mode}).path)`]);
  assert.equal(out, "true /users/i-1");
});

test("a typed program compiles against the declarations (CommonJS and ESM resolution)", () => {
  copyFileSync(join(ROOT, "tests/types/usage.ts"), join(scratch, "usage.ts"));
  copyFileSync(join(ROOT, "tests/types/usage.ts"), join(scratch, "usage.mts"));
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  for (const [module, file] of [["nodenext", "usage.mts"], ["nodenext", "usage.ts"], ["preserve", "usage.ts"]]) {
    const args = [tsc, "--noEmit", "--strict", "--skipLibCheck", "false", "--target", "es2022", "--module", module, "--types", "node", "--typeRoots", join(ROOT, "node_modules/@types"), file];
    if (module === "preserve") args.push("--moduleResolution", "bundler");
    try {
      execFileSync(process.execPath, args, { cwd: scratch, encoding: "utf8" });
    } catch (e) {
      assert.fail(`tsc --module ${module} ${file}:\n${e.stdout}${e.stderr}`);
    }
  }
});
