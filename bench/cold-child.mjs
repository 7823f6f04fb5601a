// One cold start, run by bench/run.mjs in a fresh `node` process:
//   node bench/cold-child.mjs ours-esm <file URL of index.mjs> | ours-cjs <path of the require entry> | zod | ajv
// Prints the milliseconds from just before loading the validator (package import/require, or the
// schema module with its library and schema construction) to the end of its first validation.

import { createRequire } from "node:module";
import { MINIMAL, MODE } from "./inputs.mjs";

const which = process.argv[2];
const options = { identityManagementType: MODE };

const t0 = process.hrtime.bigint();
let report;
switch (which) {
  case "ours-esm": {
    const m = await import(process.argv[3]);
    report = m.validateCreateUser(MINIMAL, options);
    break;
  }
  case "ours-cjs": {
    const require = createRequire(import.meta.url);
    const m = require(process.argv[3]);
    report = m.validateCreateUser(MINIMAL, options);
    break;
  }
  case "zod": {
    const m = await import("./zod-schema.mjs");
    report = m.zodValidate(MINIMAL, MODE);
    break;
  }
  case "ajv": {
    const m = await import("./ajv-schema.mjs");
    report = m.ajvValidate(MINIMAL, MODE);
    break;
  }
  default:
    throw new Error(`unknown contender ${which}`);
}
const t1 = process.hrtime.bigint();
if (!report || report.valid !== true) {
  console.error(`first validation of MINIMAL was not valid: ${JSON.stringify(report)}`);
  process.exit(2);
}
console.log((Number(t1 - t0) / 1e6).toFixed(3));
