#!/usr/bin/env node
// EXAMPLE — NEEDS AWS CREDENTIALS AND CREATES REAL USERS in your Amazon Connect instance.
//
// Creates the users that `connect-create-user build --out DIR` checked and wrote, with the AWS SDK
// for JavaScript v3 (`npm install @aws-sdk/client-connect`):
//
//   npx connect-create-user build users.csv --mode SAML --instance-id "$ID" --instance ... --out checked/
//   node create-users.mjs checked/ --region eu-west-2
//
// DIR holds `<Username>.json` CreateUser inputs (or `requests.jsonl` from `build --requests`).
// - Paced under the CreateUser rate limit: Amazon Connect allows 2 requests per second with a burst
//   of 5 per account and Region by default (the Connect API reference; raise it with a quota
//   request, then --rate/--burst).
// - ThrottlingException is retried with exponential backoff and jitter (--max-retries).
// - DuplicateResourceException counts as "already exists", not as a failure.
// - Every user created (or found to exist) is appended to a progress file (DIR/created.txt by
//   default), so a rerun after an interruption skips them.
// Exit status: 0 every user created or already there, 1 some failed, 2 a usage error.
import { ConnectClient, CreateUserCommand } from "@aws-sdk/client-connect";
import { appendFileSync, existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";

const USAGE = "usage: node create-users.mjs DIR [--region R] [--rate 2] [--burst 5] [--max-retries 8] [--backoff-ms 500] [--progress FILE] [--endpoint URL]";

/** The CreateUser inputs of DIR: its requests.jsonl, else its *.json files in name order. */
export function readInputs(dir) {
  const requests = join(dir, "requests.jsonl");
  if (existsSync(requests)) {
    return readFileSync(requests, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => {
        const r = JSON.parse(l);
        return { InstanceId: decodeURIComponent(r.path.slice("/users/".length)), ...JSON.parse(r.body) };
      });
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
}

/** A token bucket: `take()` resolves when a request may be sent (`rate` a second, `burst` at once). */
export function createPacer(rate, burst, now = () => Date.now(), sleep = (ms) => new Promise((r) => setTimeout(r, ms))) {
  let tokens = burst;
  let last = now();
  return async function take() {
    for (;;) {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * rate);
      last = t;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - tokens) / rate) * 1000));
    }
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function createOne(client, input, take, { maxRetries, backoffMs }) {
  for (let attempt = 0; ; attempt++) {
    await take();
    try {
      await client.send(new CreateUserCommand(input));
      return "created";
    } catch (e) {
      if (e.name === "DuplicateResourceException") return "exists";
      const throttled = e.name === "ThrottlingException" || e.$metadata?.httpStatusCode === 429;
      if (!throttled || attempt >= maxRetries) return `failed: ${e.name || "error"}${throttled ? " (still throttled after retries)" : ""}`;
      // Full jitter: a random wait up to base × 2^attempt, at most 20 s.
      await sleep(Math.random() * Math.min(20000, backoffMs * 2 ** attempt));
    }
  }
}

async function main(argv) {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        region: { type: "string" },
        rate: { type: "string", default: "2" },
        burst: { type: "string", default: "5" },
        "max-retries": { type: "string", default: "8" },
        "backoff-ms": { type: "string", default: "500" },
        progress: { type: "string" },
        endpoint: { type: "string" },
      },
    });
  } catch {
    args = null;
  }
  const num = (name) => Number(args.values[name]);
  if (!args || args.positionals.length !== 1 || ["rate", "burst", "max-retries", "backoff-ms"].some((n) => !(num(n) >= 0)) || !(num("rate") > 0) || !(num("burst") >= 1)) {
    console.error(USAGE);
    return 2;
  }
  const dir = args.positionals[0];
  const progressFile = args.values.progress || join(dir, "created.txt");
  const done = new Set(existsSync(progressFile) ? readFileSync(progressFile, "utf8").split("\n").filter(Boolean) : []);
  const inputs = readInputs(dir);
  // maxAttempts 1: this script retries throttling itself, paced, instead of the SDK's own retries.
  const client = new ConnectClient({ region: args.values.region, endpoint: args.values.endpoint, maxAttempts: 1 });
  const take = createPacer(num("rate"), num("burst"));
  const counts = { created: 0, exists: 0, skipped: 0, failed: 0 };
  for (const input of inputs) {
    if (done.has(input.Username)) {
      counts.skipped++;
      continue;
    }
    const outcome = await createOne(client, input, take, { maxRetries: num("max-retries"), backoffMs: num("backoff-ms") });
    if (outcome === "created" || outcome === "exists") {
      appendFileSync(progressFile, `${input.Username}\n`);
      counts[outcome]++;
    } else {
      counts.failed++;
    }
    console.log(`${outcome === "exists" ? "already exists" : outcome}: ${input.Username}`);
  }
  console.log(`${counts.created} created, ${counts.exists} already existed, ${counts.skipped} skipped (in ${progressFile}), ${counts.failed} failed.`);
  return counts.failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (e) => {
      // No message: a JSON parser's could quote a file that holds passwords.
      console.error(`create-users: stopped (${e.code || e.name}).`);
      process.exitCode = 2;
    },
  );
}
