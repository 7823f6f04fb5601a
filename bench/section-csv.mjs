// Section 6 of run.mjs: the bulk CSV template (CSV.md). See bench/README.md.
//   ms per 10,000-row file: ours (createValidator(...).validateCsv, or validateCreateUserCsv) vs the
//   peer (csv-peer.mjs: papaparse + Map + ajv + Set), interleaved rounds, medians; both must find
//   the rows built invalid. Memory on a 100,000-row file, each contender in a fresh process.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { INSTANCE_ID } from "./inputs.mjs";
import { ROW_PROBLEMS, csvHeader, csvInstance, generateCsv, oursCsv } from "./csv-data.mjs";
import { makePeer } from "./csv-peer.mjs";
import { consume, fmtInt, fmtMiB, fmtMs, fmtX, median, now, rotate, table } from "./lib.mjs";
import { memoryChild } from "./section-instance.mjs";

/** Rows where a report disagrees with the truth: { missed: { kind: count }, extra: count }. */
function disagreements(rows, invalid) {
  const missed = {};
  let extra = 0;
  const flagged = new Set(rows.filter((r) => !r.report.valid).map((r) => r.row - 2));
  for (const i of invalid) {
    if (!flagged.has(i)) {
      const kind = ROW_PROBLEMS[(i / 10 | 0) % ROW_PROBLEMS.length][0];
      missed[kind] = (missed[kind] ?? 0) + 1;
    }
  }
  for (const i of flagged) if (!invalid.has(i)) extra++;
  return { missed, extra };
}

export async function csvSection(env) {
  const { ours, CFG, MODE, problems } = env;
  console.log(`\n## CSV: the bulk template, ${CFG.csvRows.toLocaleString("en-US")} rows (ms per file, lower is better)\n`);
  const data = csvInstance();
  const { header, from } = csvHeader(ours, MODE);
  const { text, invalid } = generateCsv(CFG.csvRows, data, header);
  const check = oursCsv(ours, data.context, MODE); // the context prepared once, outside timing
  const peer = makePeer(data.context, MODE);
  const csvOptions = { instanceId: INSTANCE_ID };
  const contenders = [];
  if (check) contenders.push({ name: "ours", label: "ours: validateCsv(text, { instanceId })", fn: () => check(text, csvOptions) });
  contenders.push({ name: "peer", label: "peer: papaparse + Map + ajv + Set", fn: () => peer(text, csvOptions) });
  contenders.push({ name: "parseOnly", label: "(papaparse alone, header mode)", parseOnly: true,
    fn: () => Papa.parse(text, { header: true, skipEmptyLines: true }).data });
  const result = { rows: CFG.csvRows, fileBytes: Buffer.byteLength(text), header: from, builtInvalid: invalid.size,
    ours: check ? null : "not available in this build", contenders: {}, memory: null };

  const found = {};
  for (const c of contenders) {
    const out = c.fn(); // warm-up, and the answer
    if (c.parseOnly) continue;
    found[c.name] = out.rows.reduce((n, r) => n + (r.report.valid ? 0 : 1), 0);
    const d = disagreements(out.rows, invalid);
    if (out.rows.length !== CFG.csvRows || found[c.name] !== invalid.size || d.extra) {
      problems.push(`csv: ${c.name} found ${found[c.name]} invalid of ${out.rows.length} rows (built ${invalid.size} of ${CFG.csvRows}); missed ${JSON.stringify(d.missed)}, ${d.extra} extra`);
    }
  }
  const perRound = Object.fromEntries(contenders.map((c) => [c.name, []]));
  for (let r = 0; r < CFG.csvRounds; r++) {
    for (const c of rotate(contenders, r)) {
      const t0 = now();
      const out = c.fn();
      perRound[c.name].push(now() - t0);
      consume(Array.isArray(out) ? out.length : out.rows.length);
    }
  }
  for (const c of contenders) {
    result.contenders[c.name] = { label: c.label, ms: median(perRound[c.name]), rounds: perRound[c.name].map((x) => +x.toFixed(2)), invalidFound: found[c.name] ?? null };
  }
  const base = result.contenders.ours?.ms;
  if (check) result.ratioPeerOverOurs = result.contenders.peer.ms / base;
  if (!check) console.log("ours: not available in this build (no createValidator(...).validateCsv or validateCreateUserCsv); the peer still runs.\n");
  console.log(table(["contender", "ms / file", "rows/s", "invalid rows found", "ours faster by"], contenders.map((c) => {
    const e = result.contenders[c.name];
    return [c.label, fmtMs(e.ms), fmtInt((CFG.csvRows * 1000) / e.ms), c.parseOnly ? "—" : `${e.invalidFound} / ${invalid.size}`,
      check && c.name !== "ours" && !c.parseOnly ? fmtX(e.ms / base) : "—"];
  })));
  console.log(`\nFile: ${fmtMiB(result.fileBytes)}, header from ${from}; instance context 10,000 users, 2,000 profiles, 200 groups (prepared once, outside timing).`);
  console.log("\"ours faster by\": the peer's ms ÷ ours (above 1 = ours faster).");

  // Memory on a big file: each contender alone in a fresh process.
  const big = generateCsv(CFG.csvMemoryRows, data, header);
  const file = path.join(os.tmpdir(), `ccu-bench-${process.pid}.csv`);
  fs.writeFileSync(file, big.text);
  const fileBytes = Buffer.byteLength(big.text);
  result.memory = { rows: CFG.csvMemoryRows, fileBytes, builtInvalid: big.invalid.size };
  const kinds = [...(check ? [["ours", "csv-ours"]] : []), ["peer", "csv-peer"]];
  const memRows = [];
  for (const [name, kind] of kinds) {
    const m = memoryChild(env, [kind, env.PKG, file], 180000);
    result.memory[name] = m;
    if (m.error) {
      problems.push(`csv: memory child ${name} failed: ${m.error}`);
      memRows.push([name, `failed: ${m.error}`, "", "", "", "", ""]);
      continue;
    }
    if (m.invalidRows !== big.invalid.size) problems.push(`csv: ${name} found ${m.invalidRows} invalid rows of the ${CFG.csvMemoryRows}-row file (built ${big.invalid.size})`);
    const rel = (x) => `${fmtMiB(x)} (${(x / fileBytes).toFixed(1)}×)`;
    memRows.push([name, fmtMs(m.ms), rel(m.peakRss - m.before.rss), rel(m.delta.heapUsed),
      m.delta.wasm === null ? "—" : rel(m.delta.wasm), `${m.gcDuring.count} (${fmtMs(m.gcDuring.ms)} ms)`, `${m.invalidRows} / ${big.invalid.size}`]);
  }
  fs.rmSync(file, { force: true });
  console.log(`\n${table([`${CFG.csvMemoryRows.toLocaleString("en-US")}-row file (${fmtMiB(fileBytes)}), fresh process`, "ms", "peak RSS − RSS before (÷ file)", "heapUsed after − before, report alive (÷ file)", "wasm memory growth (÷ file)", "V8 GCs during it", "invalid rows"], memRows)}`);
  console.log("\nBefore: after reading the file into a string and a GC. Peak RSS: getrusage's maxrss. Goal: a small multiple of the file size.");
  return result;
}
