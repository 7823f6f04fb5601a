// One memory measurement in a fresh process (spawned by section-instance.mjs / section-csv.mjs with
// --expose-gc), so that nothing else the suite did is in the heap or in the wasm memory. Prints one
// line of JSON.
//
//   node --expose-gc bench/memory-child.mjs instance PKG_DIR USERS
//     builds the generated context (instance-data.mjs), then createValidator({ mode, instance }) and
//     one validate(FULL); reports the wasm memory growth, process.memoryUsage() deltas (after a GC,
//     the context object alive before and after), the preparation's ms and the V8 GCs during it.
//   node --expose-gc bench/memory-child.mjs csv-ours|csv-peer PKG_DIR FILE
//     reads FILE (UTF-8), then checks it once (ours: createValidator(...).validateCsv; peer:
//     csv-peer.mjs); reports peak RSS (getrusage maxrss), RSS, heap and wasm memory before and after
//     (the report alive), the invalid rows found.

import fs from "node:fs";
import path from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { loadWithMemory } from "./wasm-memory.mjs";
import { generateInstance, FULL } from "./instance-data.mjs";
import { INSTANCE_ID, MODE } from "./inputs.mjs";
import { csvInstance, oursCsv } from "./csv-data.mjs";
import { makePeer } from "./csv-peer.mjs";

const [kind, pkgDir, arg] = process.argv.slice(2);
const gc = globalThis.gc ?? (() => {});
const snapshot = (memory) => {
  gc();
  gc(); // twice: the first may leave what finalizers free
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers,
    wasm: memory ? memory.buffer.byteLength : null, maxRss: process.resourceUsage().maxRSS * 1024 };
};
const delta = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k] === null ? null : b[k] - a[k]]));

const { api, memory } = kind === "csv-peer" ? { api: null, memory: null }
  : await loadWithMemory(() => import(pathToFileURL(path.join(pkgDir, "index.mjs")).href));
const out = { kind };

if (kind === "instance") {
  const { context } = generateInstance({ users: Number(arg) });
  const gcs = [];
  const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcs.push(e.duration); });
  const before = snapshot(memory);
  const contextJson = JSON.stringify(context).length; // ASCII: characters = bytes
  obs.observe({ entryTypes: ["gc"] });
  const t0 = performance.now();
  const v = api.createValidator({ identityManagementType: MODE, instance: context });
  out.prepareMs = performance.now() - t0;
  out.valid = v.validate(FULL).valid;
  await new Promise((r) => setTimeout(r, 50)); // the gc entries arrive asynchronously
  obs.disconnect();
  out.gcDuringPrepare = { count: gcs.length, ms: gcs.reduce((a, b) => a + b, 0) };
  const after = snapshot(memory);
  Object.assign(out, { contextJsonBytes: contextJson, before, after, delta: delta(before, after) });
  out.keep = typeof v.validate; // the validator (and the context) stay alive up to here
} else {
  const text = fs.readFileSync(arg, "utf8");
  const { context } = csvInstance();
  const before = snapshot(memory);
  const gcs = [];
  const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcs.push(e.duration); });
  obs.observe({ entryTypes: ["gc"] });
  const t0 = performance.now();
  const report = kind === "csv-ours"
    ? oursCsv(api, context, MODE)(text, { instanceId: INSTANCE_ID })
    : makePeer(context, MODE)(text, { instanceId: INSTANCE_ID });
  out.ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 50)); // the gc entries arrive asynchronously
  obs.disconnect();
  out.gcDuring = { count: gcs.length, ms: gcs.reduce((a, b) => a + b, 0) };
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const after = snapshot(memory); // the report is still alive: it is read below
  out.rows = report.rows.length;
  out.invalidRows = report.rows.reduce((n, r) => n + (r.report.valid ? 0 : 1), 0);
  Object.assign(out, { fileBytes: fs.statSync(arg).size, textChars: text.length, peakRss, before, after, delta: delta(before, after) });
}
process.stdout.write(`${JSON.stringify(out)}\n`);
