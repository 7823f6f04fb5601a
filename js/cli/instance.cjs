"use strict";
// --instance FILE...: the instance context (INSTANCE.md) as the merge of AWS CLI outputs.

const { readBytes, decode, parseJson, ReadError } = require("./read.cjs");

/**
 * Merges the parsed files in order, like Object.assign, except that a list present in several
 * files is concatenated (two pages of `aws connect list-users` give one UserSummaryList).
 * Everything else, objects included (`Instance` of describe-instance), is replaced by the later file.
 */
function mergeInstance(parts) {
  const merged = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key === "__proto__") continue; // no AWS output has it; assigning it would set the prototype
      merged[key] = Array.isArray(value) && Array.isArray(merged[key]) ? merged[key].concat(value) : value;
    }
  }
  return merged;
}

/** Reads and merges the --instance files; undefined when none is given. Throws `{ file, error }`. */
function loadInstance(files) {
  if (files.length === 0) return undefined;
  const parts = files.map((file) => {
    try {
      const parsed = parseJson(decode(readBytes(file)), 0);
      if (parsed.error) {
        const { line, column, what } = parsed.error;
        throw new ReadError(`it is not JSON: ${what}`, { line, column });
      }
      const v = parsed.value;
      if (v === null || typeof v !== "object" || Array.isArray(v)) throw new ReadError("it is not a JSON object (the output of an AWS CLI command such as aws connect list-users)");
      return v;
    } catch (error) {
      throw Object.assign(new Error("instance"), { file, error });
    }
  });
  return mergeInstance(parts);
}

module.exports = { loadInstance, mergeInstance };
