"use strict";
// The command's own sentences (the summary, read failures, what build wrote). The problems'
// messages come from the package, in --locale; these are English for now.

const count = (n, one, many) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** `3 of 120 users are invalid: 5 errors, 2 warnings.` and its variants. */
function summaryLine(c, { warnings }) {
  let s = `${c.invalid.toLocaleString("en-US")} of ${count(c.users, "user", "users")} ${c.invalid === 1 || c.users === 1 ? "is" : "are"} invalid`;
  if (c.filesWithErrors > 0) s += `, ${count(c.filesWithErrors, "file has", "files have")} errors of ${c.filesWithErrors === 1 ? "its" : "their"} own`;
  if (c.unreadable > 0) s += `, ${count(c.unreadable, "file", "files")} could not be read`;
  if (c.notJson > 0) s += `, ${count(c.notJson, "line is", "lines are")} not JSON`;
  s += `: ${count(c.errors, "error", "errors")}`;
  if (warnings) s += `, ${count(c.warnings, "warning", "warnings")}`;
  return `${s}.`;
}

/** What build did, after the summary. */
function buildLine(outcome) {
  switch (outcome.kind) {
    case "unreadable":
      return "Nothing was written: some input could not be read.";
    case "invalid":
      return `Nothing was written: ${count(outcome.invalid, "user is", "users are")} invalid or a file has errors (--skip-invalid writes the valid users).`;
    case "requests":
      return `Wrote ${count(outcome.written, "request", "requests")} to ${outcome.path}.`;
    default:
      return `Wrote ${count(outcome.written, "file", "files")} to ${outcome.dir}.`;
  }
}

const CSV_UNSUPPORTED = "this version of the package cannot read CSV files (it has no validateCreateUserCsv)";
const TEMPLATE_UNSUPPORTED = "this version of the package has no CSV template (csvTemplate)";

module.exports = { summaryLine, buildLine, CSV_UNSUPPORTED, TEMPLATE_UNSUPPORTED };
