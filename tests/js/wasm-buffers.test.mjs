// validateCreateUser writes the packed input straight into wasm memory and reads the report from
// there (js/api.js). Wasm memory grows for a large input, which detaches every view of it: the
// next calls must remake their views and give the same answers as before the growth.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { FULL, INVALID, MODE } from "../../bench/inputs.mjs";

const api = createRequire(import.meta.url)("../../pkg/index.cjs");
const options = { identityManagementType: MODE };
const codes = (r) => r.errors.map((e) => `${e.path} ${e.code}`);

test("answers stay the same after wasm memory grows under a large input", () => {
  const before = [api.validateCreateUser(FULL, options), api.validateCreateUser(INVALID, options)];
  assert.equal(before[0].valid, true);
  assert.equal(before[1].errors.length, 6);
  // About 40 MB packed: more than the memory the module had.
  const memory = createRequire(import.meta.url)("../../pkg/connect_create_user_node.cjs").wasmMemory();
  const size = memory.buffer.byteLength;
  const tags = {};
  for (let i = 0; i < 10001; i++) tags[`${i}`.padEnd(4000, "k")] = "v";
  assert.equal(api.validateCreateUser({ ...FULL, Tags: tags }, options).valid, false);
  assert.ok(memory.buffer.byteLength > size, "wasm memory grew");
  assert.deepEqual(api.validateCreateUser(FULL, options), before[0]);
  assert.deepEqual(api.validateCreateUser(INVALID, options), before[1]);
  // The request path (still through the glue's copy) agrees.
  assert.throws(() => api.buildCreateUserRequest(INVALID, options), (e) => assert.deepEqual(codes(e), codes(before[1])) ?? true);
});
