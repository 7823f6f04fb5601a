// Helpers shared by the sections of run.mjs: timing, medians, Markdown tables, the throughput loop.

export const now = () => Number(process.hrtime.bigint()) / 1e6; // ms

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const rotate = (list, k) => list.map((_, i) => list[(i + k) % list.length]);
export const fmtInt = (n) => Math.round(n).toLocaleString("en-US");
export const fmtX = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "—");
export const fmtMs = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
export const fmtMiB = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

export function table(headers, rows) {
  const lines = [`| ${headers.join(" | ")} |`, `|${headers.map((h, i) => (i === 0 ? "---" : "---:")).join("|")}|`];
  for (const r of rows) lines.push(`| ${r.join(" | ")} |`);
  return lines.join("\n");
}

let sink = 0; // consumed at the end of the run so that no call can be optimized away
export const consume = (x) => { sink += x; };
export const sinkValue = () => sink;

/** Calls fn(input) for about `ms`, in chunks of `chunk` calls; returns ops/s. */
export function run(fn, input, ms, chunk) {
  let n = 0;
  const start = now();
  const deadline = start + ms;
  let t;
  do {
    for (let i = 0; i < chunk; i++) sink += fn(input).errors.length;
    n += chunk;
    t = now();
  } while (t < deadline);
  return (n * 1000) / (t - start);
}

/**
 * Interleaved throughput of `contenders` ([{ name, fn }]) on one input: a warm-up of `warmMs` each
 * (which also sizes the chunk to about 1 ms), then `rounds` rounds of `roundMs` each, the order
 * rotated round to round. Returns { [name]: { opsPerSec (median), rounds } }.
 */
export function interleaved(contenders, input, { rounds, roundMs, warmMs }) {
  const chunks = new Map();
  for (const c of contenders) chunks.set(c.name, Math.max(1, Math.round(run(c.fn, input, warmMs, 1) / 1000)));
  const perRound = Object.fromEntries(contenders.map((c) => [c.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const c of rotate(contenders, r)) perRound[c.name].push(run(c.fn, input, roundMs, chunks.get(c.name)));
  }
  return Object.fromEntries(contenders.map((c) => [c.name, { opsPerSec: median(perRound[c.name]), rounds: perRound[c.name].map(Math.round) }]));
}
