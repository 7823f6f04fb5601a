// The benchmark suite: `node bench/run.mjs` (the Makefile's `make bench`), `--quick` for a CI smoke run.
//
// Sections (see bench/README.md):
//   1. throughput: validateCreateUser vs zod vs ajv on MINIMAL, FULL, INVALID, in one process,
//      interleaved rounds (order rotated each round), median ops/s of the rounds.
//   2. batch: 10,000 generated users as one JSON text: validateCreateUserBatch vs JSON.parse + a loop
//      of zod / ajv; median ms per batch.
//   3. cold start: fresh `node` processes timing import/require of the package + first validation.
//   4. size: gzip -9 bytes of the package's browser files (web entry and what it statically loads).
//   5. instance: preparing a 100,000-user context, its memory, checks with it vs without.
//   6. csv: the 10,000-row bulk template file: ours vs papaparse + Map + ajv; memory on 100,000 rows.
// Prints a Markdown table per section and writes bench/results.json (bench/results-quick.json with
// --quick). Options: --out FILE, --only throughput,batch,cold,size,instance,csv, --pkg DIR (default pkg/).

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { spawnSync } from "node:child_process";
import { createRequire, builtinModules } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

import { INPUTS, MODE, generateUsersWithTruth } from "./inputs.mjs";
import { zodValidate } from "./zod-schema.mjs";
import { ajvValidate } from "./ajv-schema.mjs";
import { consume, fmtInt, fmtMs, fmtX, interleaved, median, now, rotate, sinkValue, table } from "./lib.mjs";
import { instanceSection } from "./section-instance.mjs";
import { csvSection } from "./section-csv.mjs";
import { localeSection } from "./section-locale.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const argv = process.argv.slice(2);
const pkgIndex = argv.indexOf("--pkg"); // another build of the package to measure
const PKG = pkgIndex >= 0 ? path.resolve(argv[pkgIndex + 1]) : path.join(ROOT, "pkg");
const QUICK = argv.includes("--quick");
const outIndex = argv.indexOf("--out");
const onlyIndex = argv.indexOf("--only");
const ONLY = onlyIndex >= 0 ? new Set(argv[onlyIndex + 1].split(",")) : null;  // throughput,batch,cold,size,instance,csv
const section = (name) => !ONLY || ONLY.has(name);
const OUT = outIndex >= 0 ? path.resolve(argv[outIndex + 1]) : path.join(HERE, QUICK ? "results-quick.json" : "results.json");

const CFG = QUICK
  ? { rounds: 2, roundMs: 100, warmMs: 50, batchUsers: 10000, batchRounds: 2, coldRuns: 3, instanceUsers: 20000, prepareReps: 1, csvRows: 10000, csvRounds: 2, csvMemoryRows: 20000 }
  : { rounds: 7, roundMs: 300, warmMs: 300, batchUsers: 10000, batchRounds: 7, coldRuns: 10, instanceUsers: 100000, prepareReps: 5, csvRows: 10000, csvRounds: 5, csvMemoryRows: 100000 };

const OPTIONS = Object.freeze({ identityManagementType: MODE });
// ---------------------------------------------------------------------------------------------
// The package ("ours"), optional: the harness runs the zod/ajv side without it.

let ours = null;
let oursSkip = null;
try {
  ours = await import(pathToFileURL(path.join(PKG, "index.mjs")).href);
  for (const name of ["validateCreateUser", "validateCreateUserBatch"]) {
    if (typeof ours[name] !== "function") throw new Error(`pkg/index.mjs does not export ${name}`);
  }
} catch (e) {
  oursSkip = e.message.split("\n")[0];
  ours = null;
}

const single = [];
if (ours) single.push({ name: "ours", fn: (input) => ours.validateCreateUser(input, OPTIONS) });
single.push({ name: "zod", fn: (input) => zodValidate(input, MODE) });
single.push({ name: "ajv", fn: (input) => ajvValidate(input, MODE) });

const results = {
  machine: {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage1m: +os.loadavg()[0].toFixed(2),
    date: new Date().toISOString(),
  },
  settings: { quick: QUICK, mode: MODE, ...CFG },
  oursSkipped: oursSkip,
  throughput: {},
  batch: null,
  coldStart: null,
  size: null,
  instance: null,
  csv: null,
};

console.log(`# connect-create-user benchmarks${QUICK ? " (--quick)" : ""}\n`);
console.log(`${results.machine.cpu} ×${results.machine.cores}, ${results.machine.os}, Node ${process.version}, load ${results.machine.loadAverage1m}, ${results.machine.date}`);
console.log(`identityManagementType ${MODE}; ${CFG.rounds} interleaved rounds of ${CFG.roundMs} ms per contender, medians.`);
if (oursSkip) console.log(`\n**ours skipped**: ${oursSkip} (build pkg/ first)`);

// ---------------------------------------------------------------------------------------------
// 1. Throughput on one input.

const problems = []; // wrong answers: the run still completes, but exits 1

if (section("throughput")) console.log("\n## Throughput: one input per call (ops/s, higher is better)\n");
const rows = [];
for (const [label, input] of section("throughput") ? Object.entries(INPUTS) : []) {
  const errorCounts = {};
  for (const c of single) {
    const r = c.fn(input);
    errorCounts[c.name] = r.errors.length;
    if (r.valid !== (label !== "INVALID")) problems.push(`${c.name}: ${label} reported valid=${r.valid}`);
  }
  const measured = interleaved(single, input, CFG);
  const entry = {};
  for (const c of single) entry[c.name] = { ...measured[c.name], errors: errorCounts[c.name] };
  if (ours) {
    entry.ratioOursOverZod = entry.ours.opsPerSec / entry.zod.opsPerSec;
    entry.ratioOursOverAjv = entry.ours.opsPerSec / entry.ajv.opsPerSec;
  }
  results.throughput[label] = entry;
  rows.push([
    label,
    ...single.map((c) => `${fmtInt(entry[c.name].opsPerSec)} (${entry[c.name].errors} err)`),
    ...(ours ? [fmtX(entry.ratioOursOverZod), fmtX(entry.ratioOursOverAjv)] : []),
  ]);
}
if (section("throughput")) {
  console.log(table(["input", ...single.map((c) => c.name), ...(ours ? ["ours/zod", "ours/ajv"] : [])], rows));
  console.log("\nRatios: ours ops/s ÷ the other's (above 1 = ours faster). \"err\": errors each one reports.");
}

// ---------------------------------------------------------------------------------------------
// 2. Batch: 10,000 users in one JSON text.

if (section("batch")) {
  console.log(`\n## Batch: ${CFG.batchUsers.toLocaleString("en-US")} users in one JSON text (ms per batch, lower is better)\n`);
  const { users, invalid } = generateUsersWithTruth(CFG.batchUsers);
  const text = JSON.stringify(users);
  const countInvalid = (reports) => reports.reduce((n, r) => n + (r.valid ? 0 : 1), 0);
  const batch = [];
  if (ours) {
    batch.push({ name: "ours", label: "ours: validateCreateUserBatch(text)", fn: () => ours.validateCreateUserBatch(text, OPTIONS) });
  }
  batch.push({ name: "zod", label: "zod: JSON.parse + loop of zodValidate", fn: () => JSON.parse(text).map((u) => zodValidate(u, MODE)) });
  batch.push({ name: "ajv", label: "ajv: JSON.parse + loop of ajvValidate", fn: () => JSON.parse(text).map((u) => ajvValidate(u, MODE)) });
  if (ours) {
    batch.push({ name: "oursLoop", label: "(ours: JSON.parse + loop of validateCreateUser)", fn: () => JSON.parse(text).map((u) => ours.validateCreateUser(u, OPTIONS)) });
  }
  batch.push({ name: "parseOnly", label: "(JSON.parse alone)", parseOnly: true, fn: () => JSON.parse(text) });
  const invalidFound = {};
  for (const c of batch) {
    const reports = c.fn(); // warm-up, and the answer
    if (c.parseOnly) continue;
    if (!Array.isArray(reports) || reports.length !== users.length) {
      throw new Error(`${c.name}: batch returned ${Array.isArray(reports) ? reports.length : typeof reports} reports for ${users.length} users`);
    }
    invalidFound[c.name] = countInvalid(reports);
    if (invalidFound[c.name] !== invalid.size) problems.push(`${c.name}: batch found ${invalidFound[c.name]} invalid users, built ${invalid.size}`);
  }
  const perRound = Object.fromEntries(batch.map((c) => [c.name, []]));
  for (let r = 0; r < CFG.batchRounds; r++) {
    for (const c of rotate(batch, r)) {
      const t0 = now();
      consume(c.fn().length);
      perRound[c.name].push(now() - t0);
    }
  }
  const entry = { users: users.length, jsonBytes: Buffer.byteLength(text), builtInvalid: invalid.size, contenders: {} };
  for (const c of batch) {
    entry.contenders[c.name] = { label: c.label, ms: median(perRound[c.name]), rounds: perRound[c.name].map((x) => +x.toFixed(2)), invalidFound: invalidFound[c.name] ?? null };
  }
  if (ours) {
    entry.ratioOursOverZod = entry.contenders.zod.ms / entry.contenders.ours.ms;
    entry.ratioOursOverAjv = entry.contenders.ajv.ms / entry.contenders.ours.ms;
  }
  results.batch = entry;
  const base = entry.contenders.ours?.ms;
  console.log(table(
    ["contender", "ms / batch", "users/s", "invalid found", ...(ours ? ["ours speed-up"] : [])],
    batch.map((c) => {
      const e = entry.contenders[c.name];
      const found = c.parseOnly ? "—" : `${e.invalidFound} / ${invalid.size}`;
      return [c.label, fmtMs(e.ms), fmtInt((users.length * 1000) / e.ms), found, ...(ours ? [c.name === "ours" || c.parseOnly ? "—" : fmtX(e.ms / base)] : [])];
    }),
  ));
  console.log(`\nJSON text: ${(entry.jsonBytes / 1024).toFixed(0)} KiB. Speed-up: the other's ms ÷ ours (above 1 = ours faster).`);
}

// ---------------------------------------------------------------------------------------------
// 3. Cold start in fresh processes.

if (section("cold")) {
  console.log(`\n## Cold start: fresh \`node\` process, load + first validation (ms, median of ${CFG.coldRuns})\n`);
  const child = path.join(HERE, "cold-child.mjs");
  const kinds = [];
  if (ours) {
    kinds.push({ name: "ours-esm", label: "ours: import pkg/index.mjs", args: [pathToFileURL(path.join(PKG, "index.mjs")).href] });
    const cjs = packageEntry("require");
    if (cjs) kinds.push({ name: "ours-cjs", label: `ours: require pkg/${path.relative(PKG, cjs)}`, args: [cjs] });
  }
  kinds.push({ name: "zod", label: "zod: import zod + build schema", args: [] });
  kinds.push({ name: "ajv", label: "ajv: import ajv + compile schema", args: [] });
  const times = Object.fromEntries(kinds.map((k) => [k.name, []]));
  const failuresSeen = {};
  for (let i = 0; i < CFG.coldRuns; i++) {
    for (const k of rotate(kinds, i)) {
      const p = spawnSync(process.execPath, [child, k.name, ...k.args], { encoding: "utf8", cwd: ROOT });
      const ms = parseFloat(p.stdout);
      if (p.status !== 0 || !Number.isFinite(ms)) {
        failuresSeen[k.name] = (p.stderr || p.stdout || `exit ${p.status}`).trim().split("\n")[0];
        problems.push(`${k.name}: cold start failed: ${failuresSeen[k.name]}`);
      }
      else times[k.name].push(ms);
    }
  }
  results.coldStart = {};
  const coldRows = [];
  for (const k of kinds) {
    const t = times[k.name];
    results.coldStart[k.name] = { label: k.label, ms: t.length ? median(t) : null, runs: t, error: failuresSeen[k.name] ?? null };
    coldRows.push([k.label, t.length ? fmtMs(median(t)) : `failed: ${failuresSeen[k.name]}`, t.length ? `${fmtMs(Math.min(...t))}–${fmtMs(Math.max(...t))}` : "—"]);
  }
  console.log(table(["what", "median ms", "min–max"], coldRows));
  console.log("\nTimed inside the child with process.hrtime, from before the import to the end of the first validation of MINIMAL (process start-up excluded).");
}

// ---------------------------------------------------------------------------------------------
// 4. Size of what a browser loads.

if (section("size")) {
  console.log("\n## Size: what a browser loads (bytes)\n");
  results.size = null;
  if (!fs.existsSync(PKG)) {
    console.log("pkg/ not built: skipped.");
  } else {
    const entry = packageEntry("browser");
    let files;
    let how;
    if (entry) {
      files = walk([entry], { within: PKG });
      how = `pkg/package.json browser entry ${path.relative(ROOT, entry)} and the files it statically loads`;
    } else {
      files = fs.readdirSync(PKG).filter((f) => f.endsWith(".wasm") || /^web.*\.js$/.test(f)).map((f) => path.join(PKG, f));
      how = "no browser entry in pkg/package.json: every *.wasm and web*.js in pkg/";
    }
    const sized = files.map((f) => sizeOf(f));
    const total = sized.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
    results.size = { how, files: sized.map((s) => ({ ...s, file: path.relative(ROOT, s.file) })), total };
    console.log(`${how}:\n`);
    console.log(table(["file", "raw", "gzip -9"], [
      ...sized.map((s) => [path.relative(ROOT, s.file), fmtInt(s.raw), fmtInt(s.gzip)]),
      ["**total**", `**${fmtInt(total.raw)}**`, `**${fmtInt(total.gzip)}**`],
    ]));
  }
}

// ---------------------------------------------------------------------------------------------
// 5. An instance context of 100,000 users; 6. the bulk CSV template (section-instance.mjs, section-csv.mjs).

const env = { ours, PKG, HERE, ROOT, CFG, QUICK, MODE, problems };
if (section("instance")) results.instance = await instanceSection(env);
if (section("csv")) results.csv = await csvSection(env);
if (section("locale")) results.locale = await localeSection(env);

// ---------------------------------------------------------------------------------------------

results.problems = problems;
fs.writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nResults written to ${path.relative(process.cwd(), OUT) || OUT}. (sink ${sinkValue()})`);
if (problems.length) {
  console.log(`\n**Wrong answers** (exit status 1):\n${problems.map((p) => `- ${p}`).join("\n")}`);
  process.exitCode = 1;
}

// ---------------------------------------------------------------------------------------------
// Helpers: package entries and a static import walker.

/** pkg/package.json's exports["."][condition] (or the top-level field), as an absolute path. */
function packageEntry(condition) {
  let pj;
  try {
    pj = JSON.parse(fs.readFileSync(path.join(PKG, "package.json"), "utf8"));
  } catch {
    return null;
  }
  const pickTarget = (t) => {
    if (typeof t === "string") return t;
    if (t && typeof t === "object") return pickTarget(t.default ?? t.import ?? t.require ?? null);
    return null;
  };
  const dot = typeof pj.exports === "object" && pj.exports !== null ? (pj.exports["."] ?? pj.exports) : null;
  let target = dot && typeof dot === "object" ? pickTarget(dot[condition]) : null;
  if (!target && condition === "browser" && typeof pj.browser === "string") target = pj.browser;
  if (!target && condition === "require" && typeof pj.main === "string" && /\.c?js$/.test(pj.main)) target = pj.main;
  if (!target) return null;
  const abs = path.resolve(PKG, target);
  return fs.existsSync(abs) ? abs : null;
}

function sizeOf(file) {
  const buf = fs.readFileSync(file);
  return { file, raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
}

/**
 * The files reachable from `entries` through static imports: `import … from "x"`, `import "x"`,
 * `export … from "x"`, `import("x")` with a literal, `require("x")`, and
 * `new URL("x", import.meta.url)` (how wasm-bindgen's web glue finds its .wasm). With `within`, only
 * relative specifiers inside that folder are followed; without, bare specifiers are resolved the
 * way Node's require would (builtins skipped).
 */
function walk(entries, { within }) {
  const seen = new Set();
  const queue = [...entries];
  const SPEC = [
    /\bimport\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["']/g,
    /\bexport\s*(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s*from\s*["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  // A URL relative to the module: "x.wasm" means "./x.wasm" there.
  const URL_SPEC = /\bnew\s+URL\(\s*["']([^"':]+)["']\s*,\s*import\.meta\.url\s*\)/g;
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(?:m|c)?js$/.test(file)) continue; // a .wasm or other asset: no imports
    const src = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    for (const re of [...SPEC, URL_SPEC]) {
      for (const m of src.matchAll(re)) {
        const spec = re === URL_SPEC && !m[1].startsWith(".") && !m[1].startsWith("/") ? `./${m[1]}` : m[1];
        let target = null;
        if (spec.startsWith("./") || spec.startsWith("../")) {
          target = path.resolve(path.dirname(file), spec);
          if (!fs.existsSync(target)) {
            const withJs = [".js", ".mjs", ".cjs", "/index.js"].map((e) => target + e).find((f) => fs.existsSync(f));
            target = withJs ?? null;
          }
          if (target && within && !target.startsWith(within + path.sep)) target = null;
        } else if (!within && !spec.startsWith("node:") && !builtinModules.includes(spec)) {
          try {
            target = createRequire(file).resolve(spec);
          } catch {
            target = null;
          }
        }
        if (target && fs.existsSync(target) && fs.statSync(target).isFile()) queue.push(target);
      }
    }
  }
  return [...seen];
}
