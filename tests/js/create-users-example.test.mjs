// examples/create-users.mjs against a stand-in for the CreateUser API on 127.0.0.1 (random port):
// success, DuplicateResourceException (409), ThrottlingException (429); the SDK pointed at it with
// --endpoint and fake credentials. Checks the pacing, the retries, "already exists", the progress
// file and the rerun that skips. Every run is bounded (a timeout) and the server closes at the end.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPacer } from "../../examples/create-users.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SCRIPT = join(ROOT, "examples/create-users.mjs");
let server;
let endpoint;
let work;
const seen = []; // [username, path] of every request
const throttleLeft = new Map([["slow", 2], ["always.slow", Infinity]]);

before(async () => {
  work = mkdtempSync(join(tmpdir(), "ccu-create-"));
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const input = JSON.parse(body || "{}");
      seen.push([input.Username, req.method, req.url]);
      const reply = (status, type, payload) => {
        const headers = { "Content-Type": "application/json" };
        if (type) headers["x-amzn-ErrorType"] = type;
        res.writeHead(status, headers).end(JSON.stringify(payload));
      };
      const left = throttleLeft.get(input.Username) || 0;
      if (left > 0) {
        throttleLeft.set(input.Username, left - 1);
        reply(429, "ThrottlingException", { Message: "Rate exceeded" });
      } else if (input.Username === "dup") {
        reply(409, "DuplicateResourceException", { Message: "User already exists" });
      } else if (input.Username === "broken") {
        reply(400, "InvalidParameterException", { Message: "Invalid parameter" });
      } else {
        reply(200, null, { UserId: `id-${input.Username}`, UserArn: `arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/id-${input.Username}` });
      }
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  endpoint = `http://127.0.0.1:${server.address().port}`;
});
after(() => {
  server.close();
  server.closeAllConnections?.();
  rmSync(work, { recursive: true, force: true });
});

function folder(name, usernames) {
  const dir = join(work, name);
  mkdirSync(dir);
  for (const u of usernames) {
    writeFileSync(join(dir, `${u}.json`), JSON.stringify({ InstanceId: "i-1", Username: u, SecurityProfileIds: ["sp-1"], RoutingProfileId: "rp-1", PhoneConfig: { PhoneType: "SOFT_PHONE" } }));
  }
  return dir;
}

function runExample(args) {
  const env = { ...process.env, AWS_ACCESS_KEY_ID: "AKIDEXAMPLEFAKE", AWS_SECRET_ACCESS_KEY: "fake-secret", AWS_REGION: "us-east-1", AWS_EC2_METADATA_DISABLED: "true" };
  delete env.AWS_PROFILE;
  return new Promise((resolve) => {
    const started = Date.now();
    execFile(process.execPath, [SCRIPT, ...args, "--endpoint", endpoint], { env, timeout: 60000, encoding: "utf8" }, (error, stdout, stderr) => {
      resolve({ status: error ? error.code : 0, stdout, stderr, ms: Date.now() - started });
    });
  });
}

test("creates the users, retries throttling, counts duplicates as existing; a rerun skips them", async () => {
  const dir = folder("run1", ["a", "dup", "slow", "b"]);
  seen.length = 0;
  const first = await runExample([dir, "--rate", "100", "--burst", "5", "--backoff-ms", "10"]);
  assert.equal(first.status, 0, first.stdout + first.stderr);
  assert.match(first.stdout, /^created: a$/m);
  assert.match(first.stdout, /^already exists: dup$/m);
  assert.match(first.stdout, /^created: slow$/m);
  assert.match(first.stdout, /3 created, 1 already existed, 0 skipped .*, 0 failed\.\n$/);
  assert.equal(seen.filter(([u]) => u === "slow").length, 3, "two throttled attempts, then success");
  assert.ok(seen.every(([, method, url]) => method === "PUT" && url === "/users/i-1"));
  assert.deepEqual(readFileSync(join(dir, "created.txt"), "utf8").split("\n").filter(Boolean).sort(), ["a", "b", "dup", "slow"]);
  seen.length = 0;
  const again = await runExample([dir, "--rate", "100"]);
  assert.equal(again.status, 0);
  assert.equal(seen.length, 0, "nothing sent again");
  assert.match(again.stdout, /0 created, 0 already existed, 4 skipped/);
});

test("a user the API refuses, or that stays throttled, fails (status 1) and is not recorded", async () => {
  const dir = folder("run2", ["broken", "always.slow", "ok1"]);
  const r = await runExample([dir, "--rate", "100", "--max-retries", "2", "--backoff-ms", "5"]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^failed: InvalidParameterException: broken$/m);
  assert.match(r.stdout, /^failed: ThrottlingException \(still throttled after retries\): always\.slow$/m);
  assert.equal(readFileSync(join(dir, "created.txt"), "utf8"), "ok1\n");
});

test("requests are paced: at most --burst at once, then --rate a second", async () => {
  const dir = folder("run3", ["p1", "p2", "p3", "p4", "p5", "p6"]);
  const r = await runExample([dir, "--rate", "10", "--burst", "2"]);
  assert.equal(r.status, 0);
  // 2 at once, then 4 more at 10/s: at least 0.4 s.
  assert.ok(r.ms >= 400, `${r.ms} ms`);
});

test("the pacer, on a fake clock: a burst, then one token every 1/rate seconds", async () => {
  let t = 0;
  const waits = [];
  const take = createPacer(2, 5, () => t, async (ms) => {
    waits.push(ms);
    t += ms;
  });
  for (let i = 0; i < 8; i++) await take();
  assert.deepEqual(waits, [500, 500, 500]);
  assert.equal(t, 1500);
});

test("usage errors: status 2", async () => {
  assert.equal((await runExample([])).status, 2);
  assert.equal((await runExample([work, "--rate", "0"])).status, 2);
});
