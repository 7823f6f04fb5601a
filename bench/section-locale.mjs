// Section 7 of run.mjs: the per-call cost of a localized report (MESSAGES.md "Cost"): the INVALID
// input (six errors, each a message) and FULL (valid: no message) checked with `locale` set to a
// loaded language against English, interleaved rounds; and the first use of a language in Node
// (its catalog read from pkg/locales and loaded into wasm). See bench/README.md.

import { INPUTS } from "./inputs.mjs";
import { fmtInt, fmtMs, fmtX, interleaved, now, table } from "./lib.mjs";

const LOCALES = ["de", "ja"];

export async function localeSection(env) {
  const { ours, CFG, MODE } = env;
  console.log("\n## Localized reports: per call, against English (ops/s, higher is better)\n");
  if (!ours) {
    console.log("ours not available: skipped.");
    return null;
  }
  const result = { firstUseMs: {}, throughput: {} };
  for (const tag of LOCALES) {
    const t = now();
    ours.validateCreateUser(INPUTS.INVALID, { identityManagementType: MODE, locale: tag });
    result.firstUseMs[tag] = now() - t;
  }
  const rows = [];
  for (const label of ["INVALID", "FULL"]) {
    const input = INPUTS[label];
    const contenders = [
      { name: "en", fn: (x) => ours.validateCreateUser(x, { identityManagementType: MODE }) },
      ...LOCALES.map((tag) => ({ name: tag, fn: (x) => ours.validateCreateUser(x, { identityManagementType: MODE, locale: tag }) })),
    ];
    const m = interleaved(contenders, input, CFG);
    result.throughput[label] = m;
    rows.push([label, fmtInt(m.en.opsPerSec), ...LOCALES.flatMap((tag) => [fmtInt(m[tag].opsPerSec), fmtX(m[tag].opsPerSec / m.en.opsPerSec)])]);
  }
  console.log(table(["input", "English", ...LOCALES.flatMap((t) => [t, `${t} ÷ English`])], rows));
  console.log(`\nFirst use of a language in this process (catalog read from pkg/locales and loaded): ${LOCALES.map((t) => `${t} ${fmtMs(result.firstUseMs[t])} ms`).join(", ")}.`);
  return result;
}
