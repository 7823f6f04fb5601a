// Tests of scripts/serve.mjs, run as a child process the way `node scripts/serve.mjs [port]` runs it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { request } from "node:http";
import { fileURLToPath } from "node:url";

const SERVE = fileURLToPath(new URL("../../scripts/serve.mjs", import.meta.url));
let child;
let origin;

before(async () => {
  child = spawn(process.execPath, [SERVE, "0"], { stdio: ["ignore", "pipe", "pipe"] });
  origin = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
});

after(() => {
  child?.kill();
});

/** A raw request: the path is sent exactly as given (no client-side normalisation of `..`). */
function raw(path, method = "GET") {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("listens on 127.0.0.1 and redirects / to /www/", async () => {
  assert.match(origin, /^http:\/\/127\.0\.0\.1:\d+$/);
  const res = await raw("/");
  assert.equal(res.status, 302);
  assert.equal(res.headers.location, "/www/");
  const page = await raw("/www/");
  assert.equal(page.status, 200);
  assert.match(page.headers["content-type"], /^text\/html/);
  assert.match(page.body, /<title>/);
  const noSlash = await raw("/www");
  assert.equal(noSlash.status, 301);
  assert.equal(noSlash.headers.location, "/www/");
  const importPage = await raw("/import.html");
  assert.equal(importPage.status, 302, "the import page at /import.html (PAGES.md)");
  assert.equal(importPage.headers.location, "/www/import.html");
  assert.equal((await raw("/www/import.html")).status, 200);
});

test("serves the right MIME types", async () => {
  for (const [path, type] of [
    ["/www/index.html", /^text\/html/],
    ["/www/app.js", /^text\/javascript/],
    ["/pkg/web.js", /^text\/javascript/],
    ["/pkg/index.mjs", /^text\/javascript/],
    ["/www/style.css", /^text\/css/],
    ["/pkg/package.json", /^application\/json/],
    ["/pkg/connect_create_user_bg.wasm", /^application\/wasm$/],
    ["/www/screenshot.png", /^image\/png$/],
    ["/www/icon.svg", /^image\/svg\+xml$/],
  ]) {
    const res = await raw(path, "HEAD");
    assert.equal(res.status, 200, path);
    assert.match(res.headers["content-type"], type, path);
    assert.equal(res.body, "", "HEAD has no body");
  }
});

test("adds no Content-Security-Policy of its own", async () => {
  const res = await raw("/www/");
  assert.equal(res.headers["content-security-policy"], undefined);
  assert.equal(res.headers["content-security-policy-report-only"], undefined);
});

test("refuses traversal, dot-files and directory listings", async () => {
  for (const path of [
    "/../Makefile",
    "/www/../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/www/..%2f..%2f..%2fetc%2fpasswd",
    "/www/%2E%2E/Makefile",
    "/..\\..\\etc\\passwd",
    "/www/%5c..%5c..%5cetc/passwd",
  ]) {
    const res = await raw(path);
    assert.ok(res.status === 400 || res.status === 403, `${path} → ${res.status}`);
    assert.ok(!res.body.includes("root:"), path);
  }
  assert.equal((await raw("/.git/config")).status, 403);
  assert.equal((await raw("/%00")).status, 400);
  assert.equal((await raw("/%E0%A4%A")).status, 400);
  for (const dir of ["/pkg/", "/scripts/", "/tests/"]) {
    const res = await raw(dir);
    assert.equal(res.status, 404, `no listing of ${dir}`);
  }
  assert.equal((await raw("/no/such/file.js")).status, 404);
});

test("only GET and HEAD", async () => {
  const res = await raw("/www/", "POST");
  assert.equal(res.status, 405);
  assert.equal(res.headers.allow, "GET, HEAD");
});

test("a bad port argument is a usage error", () => {
  const r = spawnSync(process.execPath, [SERVE, "not-a-port"], { encoding: "utf8", timeout: 10000 });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /usage: node scripts\/serve\.mjs \[port\]/);
});
