"use strict";
// The command's own sentences (the summary and what build wrote). The problems' messages come from
// the package, in --locale. In English these are written here with their plurals; in another
// language they are the `cli.*` templates of its catalog (pkg/locales/<tag>.json, the package's
// own), in a "label: number" style that needs no plural agreement. Read failures stay English
// (they quote the system's own reason).
const fs = require("node:fs");
const path = require("node:path");

const count = (n, one, many) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** The catalog of the locale `tag` means (null for English, or when it cannot be read). */
function catalogFor(tag) {
  if (typeof tag !== "string" || tag === "") return null;
  let canonical = "en";
  try {
    canonical = require("../connect_create_user_node.cjs").matchLocale(tag);
  } catch {
    return null;
  }
  if (canonical === "en") return null;
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, "..", "locales", `${canonical}.json`), "utf8"));
  } catch {
    return null;
  }
}

/** `n` grouped as the catalog says (`@number.group` from `@number.min_digits` digits). */
function number(catalog, n) {
  const digits = String(n);
  const group = catalog["@number.group"] ?? ",";
  const from = Number(catalog["@number.min_digits"] ?? 4);
  if (digits.length < from) return digits;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

/** A `cli.*` template of the catalog with its numbers (and texts) filled in. */
function fill(catalog, key, values) {
  const template = catalog[key];
  if (typeof template !== "string") return null;
  return template.replace(/\{(\w+)\}/g, (m, name) => {
    const v = values[name];
    return typeof v === "number" ? number(catalog, v) : typeof v === "string" ? v : m;
  });
}

/** The summary in the catalog's language, or null to use English. */
function localizedSummary(catalog, c, warnings) {
  const main = fill(catalog, warnings ? "cli.summary" : "cli.summary_no_warnings", { invalid: c.invalid, users: c.users, errors: c.errors, warnings: c.warnings });
  if (main === null) return null;
  const extra = [
    [c.filesWithErrors, "cli.files_with_errors"],
    [c.unreadable, "cli.unreadable"],
    [c.notJson, "cli.not_json"],
  ]
    .filter(([n]) => n > 0)
    .map(([n, key]) => fill(catalog, key, { count: n }))
    .filter((t) => t !== null);
  return [main, ...extra].join(" ");
}

/** `3 of 120 users are invalid: 5 errors, 2 warnings.` and its variants, in `locale`. */
function summaryLine(c, { warnings, locale }) {
  const catalog = catalogFor(locale);
  const localized = catalog && localizedSummary(catalog, c, warnings);
  if (localized) return localized;
  let s = `${c.invalid.toLocaleString("en-US")} of ${count(c.users, "user", "users")} ${c.invalid === 1 || c.users === 1 ? "is" : "are"} invalid`;
  if (c.filesWithErrors > 0) s += `, ${count(c.filesWithErrors, "file has", "files have")} errors of ${c.filesWithErrors === 1 ? "its" : "their"} own`;
  if (c.unreadable > 0) s += `, ${count(c.unreadable, "file", "files")} could not be read`;
  if (c.notJson > 0) s += `, ${count(c.notJson, "line is", "lines are")} not JSON`;
  s += `: ${count(c.errors, "error", "errors")}`;
  if (warnings) s += `, ${count(c.warnings, "warning", "warnings")}`;
  return `${s}.`;
}

/** What build did, after the summary, in `locale`. */
function buildLine(outcome, locale) {
  const catalog = catalogFor(locale);
  if (catalog) {
    const key = { unreadable: "cli.build_unreadable", invalid: "cli.build_invalid", requests: "cli.build_requests" }[outcome.kind] ?? "cli.build_files";
    const count = outcome.kind === "invalid" ? outcome.invalid : outcome.written;
    const line = fill(catalog, key, { count, path: outcome.path, dir: outcome.dir });
    if (line !== null) return line;
  }
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
