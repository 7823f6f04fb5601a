// Section 5 of run.mjs: an instance context of 100,000 users (INSTANCE.md "Cost"). See bench/README.md.
//   (a) preparing it: createValidator({ identityManagementType, instance }) on a fresh object each
//       time (structuredClone before timing), and JSON.stringify of an equal fresh object alone;
//   (b) its memory, in a fresh process (memory-child.mjs): wasm memory growth, memoryUsage deltas;
//   (c) validate() with it vs a validator without one, interleaved rounds, on FULL and MINIMAL (ids
//       that exist) and on FULL with five near-miss names (the worst case, reported separately).

import path from "node:path";
import { spawnSync } from "node:child_process";
import { FULL, MINIMAL, generateInstance, nearMissInput } from "./instance-data.mjs";
import { fmtInt, fmtMiB, fmtMs, fmtX, interleaved, median, now, table } from "./lib.mjs";

/** Runs memory-child.mjs with `args`; its JSON line, or { error }. */
export function memoryChild(env, args, timeoutMs) {
  const p = spawnSync(process.execPath, ["--expose-gc", path.join(env.HERE, "memory-child.mjs"), ...args],
    { encoding: "utf8", cwd: env.ROOT, timeout: timeoutMs, maxBuffer: 1 << 20 });
  try {
    if (p.status !== 0) throw new Error((p.stderr || p.stdout || `exit ${p.status ?? p.signal}`).trim().split("\n").slice(-3).join(" "));
    return JSON.parse(p.stdout);
  } catch (e) {
    return { error: e.message };
  }
}

export async function instanceSection(env) {
  const { ours, CFG, MODE, problems } = env;
  const users = CFG.instanceUsers;
  console.log(`\n## Instance context: ${users.toLocaleString("en-US")} users, 1,000 routing + 1,000 security profiles, 200 hierarchy groups\n`);
  if (!ours) {
    console.log("ours not available: skipped.");
    return null;
  }
  const data = generateInstance({ users });
  const { context } = data;
  const contextJsonBytes = JSON.stringify(context).length;
  const result = { users, contextJsonBytes, prepare: null, memory: null, throughput: {} };

  // (a) Preparing: each repetition on a fresh deep copy (the package caches per object).
  const options = (instance) => ({ identityManagementType: MODE, instance });
  const prepareMs = [];
  const stringifyMs = [];
  let withContext = null;
  let reps = CFG.prepareReps;
  for (let r = 0; r < reps; r++) {
    const a = structuredClone(context);
    const t0 = now();
    const v = ours.createValidator(options(a));
    prepareMs.push(now() - t0);
    if (r === 0) {
      withContext = v;
      if (prepareMs[0] > 5000) reps = 1; // one slow preparation is measurement enough
    }
    const b = structuredClone(context);
    const t1 = now();
    const text = JSON.stringify(b);
    stringifyMs.push(now() - t1);
    if (text.length !== contextJsonBytes) problems.push("instance: JSON.stringify of a copy differs in length");
  }
  const prep = median(prepareMs);
  const str = median(stringifyMs);
  result.prepare = { ms: prep, runs: prepareMs, stringifyMs: str, stringifyRuns: stringifyMs, stringifyShare: str / prep };

  // (b) Memory, in a fresh process.
  const mem = memoryChild(env, ["instance", env.PKG, String(users)], 300000);
  result.memory = mem;
  if (mem.error) problems.push(`instance: memory child failed: ${mem.error}`);
  else if (!mem.valid) problems.push("instance: FULL invalid against the generated context (memory child)");

  console.log(table(["preparing the context", "ms", "share"], [
    [`createValidator({ …, instance }) on a fresh object (median of ${prepareMs.length})`, fmtMs(prep), "100%"],
    ["… of which JSON.stringify of the context (timed alone, same object size)", fmtMs(str), `${((100 * str) / prep).toFixed(0)}%`],
    ["… of which the rest: text into wasm, parse, hash maps", fmtMs(prep - str), `${((100 * (prep - str)) / prep).toFixed(0)}%`],
    ...(mem.error ? [] : [[
      "in a fresh process (memory child): createValidator, V8 GCs during it",
      fmtMs(mem.prepareMs), `${mem.gcDuringPrepare.count} GCs, ${fmtMs(mem.gcDuringPrepare.ms)} ms`,
    ]]),
  ]));
  console.log(`\nContext JSON text: ${fmtMiB(contextJsonBytes)}.`);
  if (!mem.error) {
    const d = mem.delta;
    const rel = (x) => `${(x / contextJsonBytes).toFixed(2)}×`;
    console.log(`\n${table(["memory of the prepared context (fresh process, after GC)", "bytes", "÷ JSON text"], [
      ["wasm linear memory growth", fmtMiB(d.wasm), rel(d.wasm)],
      ["wasm linear memory, total after", fmtMiB(mem.after.wasm), rel(mem.after.wasm)],
      ["process.memoryUsage().heapUsed delta", fmtMiB(d.heapUsed), rel(d.heapUsed)],
      ["process.memoryUsage().rss delta", fmtMiB(d.rss), rel(d.rss)],
    ])}`);
  }

  // (c) Throughput with and without the context.
  const without = ours.createValidator({ identityManagementType: MODE });
  const plainOptions = options(withContext.instance); // the same object: prepared once, looked up after
  const contenders = [
    { name: "with", fn: (input) => withContext.validate(input) },
    { name: "without", fn: (input) => without.validate(input) },
    { name: "plain", fn: (input) => ours.validateCreateUser(input, plainOptions) },
  ];
  const nearMiss = nearMissInput(data);
  const inputs = [["FULL (ids exist)", FULL, 0], ["MINIMAL (ids exist)", MINIMAL, 0], ["FULL, 5 near-miss names (worst case)", nearMiss, 5]];
  const rows = [];
  for (const [label, input, expectErrors] of inputs) {
    const got = withContext.validate(input);
    if (got.errors.length !== expectErrors || got.errors.some((e) => e.code !== "NOT_FOUND")) {
      problems.push(`instance: ${label} gave ${got.errors.map((e) => e.code).join(",") || "no error"} with the context`);
    }
    const m = interleaved(contenders, input, CFG);
    const entry = { ...m, ratioWithOverWithout: m.with.opsPerSec / m.without.opsPerSec, errorsWith: got.errors.length };
    result.throughput[label] = entry;
    rows.push([label, fmtInt(m.with.opsPerSec), fmtInt(m.without.opsPerSec), fmtX(entry.ratioWithOverWithout), fmtInt(m.plain.opsPerSec)]);
  }
  console.log(`\n${table(["validate(input), ops/s", "with context", "without", "with ÷ without", "validateCreateUser(input, same options.instance)"], rows)}`);
  console.log("\nGoal: with ÷ without ≥ 0.90 (a check with a context within 10% of one without). The near-miss row is the");
  console.log("worst case (not an id, not an Arn, not a name: a scan of the list's names within two edits, five times).");
  return result;
}
