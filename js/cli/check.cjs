"use strict";
// Checking the users of one loaded file with the package: one call into wasm per JSON or JSON
// Lines file (so a user name repeated in the file is TAKEN), one per CSV file.

/**
 * The package's functions with the run's options prepared once: `createValidator` when the package
 * has it (the instance context then crosses into wasm once), else the plain functions.
 */
function createEngine(api, { mode, instance, locale }) {
  const options = {};
  if (mode !== undefined) options.identityManagementType = mode;
  if (instance !== undefined) options.instance = instance;
  if (locale !== undefined) options.locale = locale;
  if (typeof api.createValidator === "function") {
    const v = api.createValidator(options);
    return {
      validate: (input) => v.validate(input),
      validateBatch: (text) => v.validateBatch(text),
      build: (input) => v.build(input),
      validateCsv: typeof v.validateCsv === "function" ? (bytes, csv) => v.validateCsv(bytes, csv) : null,
    };
  }
  return {
    validate: (input) => api.validateCreateUser(input, options),
    validateBatch: (text) => api.validateCreateUserBatch(text, options),
    build: (input) => api.buildCreateUserRequest(input, options),
    validateCsv: typeof api.validateCreateUserCsv === "function" ? (bytes, csv) => api.validateCreateUserCsv(bytes, { ...options, ...csv }) : null,
  };
}

/** Where a user is, as the text output writes it after `file:`. */
function locationOf(where) {
  if (where.index !== undefined) return `[${where.index}]`;
  if (where.line !== undefined) return String(where.line);
  if (where.row !== undefined) return String(where.row);
  return "";
}

/**
 * Checks a loaded file. Returns `{ file, kind, errors, warnings, users, syntaxErrors }` where
 * `users[i]` = `{ where, location, report, input, request? }` and errors/warnings are the file's own.
 */
function checkFile(loaded, engine, { instanceId, warnings }) {
  const result = { file: loaded.file, kind: loaded.kind, errors: [], warnings: [], users: [], syntaxErrors: loaded.syntaxErrors || [] };
  if (loaded.kind === "csv") {
    if (engine.validateCsv === null) throw new Error("CSV_UNSUPPORTED");
    const csv = {};
    if (instanceId !== undefined) csv.instanceId = instanceId;
    const r = engine.validateCsv(loaded.bytes, csv);
    result.errors = r.errors.slice();
    result.warnings = r.warnings.slice();
    result.columns = r.columns;
    for (const row of r.rows) {
      const where = { row: row.row };
      result.users.push({ where, location: locationOf(where), report: row.report, input: row.input, request: row.request });
    }
  } else {
    const reports = batchReports(loaded, engine);
    for (const u of loaded.users) {
      result.users.push({ where: u.where, location: locationOf(u.where), report: reports[u.slot], input: u.input });
    }
  }
  liftModeUnknown(result);
  if (!warnings) {
    result.warnings = [];
    for (const u of result.users) u.report = { ...u.report, warnings: [] };
  }
  return result;
}

// One call for the whole file; should the package's reader refuse a text that JSON.parse took,
// each user is checked on its own instead.
function batchReports(loaded, engine) {
  try {
    return engine.validateBatch(loaded.batchText);
  } catch {
    const reports = [];
    for (const u of loaded.users) reports[u.slot] = engine.validate(u.input);
    return reports;
  }
}

// Without a mode every user carries the same MODE_UNKNOWN warning: it becomes one warning of the
// file, as the CSV import reports it.
function liftModeUnknown(result) {
  let lifted = null;
  for (const u of result.users) {
    const kept = u.report.warnings.filter((w) => !(w.code === "MODE_UNKNOWN" && w.path === ""));
    if (kept.length !== u.report.warnings.length) {
      lifted = lifted || u.report.warnings.find((w) => w.code === "MODE_UNKNOWN");
      u.report = { ...u.report, warnings: kept };
    }
  }
  if (lifted && !result.warnings.some((w) => w.code === "MODE_UNKNOWN")) result.warnings.unshift(lifted);
}

/** Counts over all checked files, for the summary and the exit status. */
function countAll(results, unreadable) {
  const c = { users: 0, invalid: 0, errors: 0, warnings: 0, filesWithErrors: 0, unreadable: unreadable.length, notJson: 0 };
  for (const r of results) {
    c.users += r.users.length;
    c.errors += r.errors.length;
    c.warnings += r.warnings.length;
    if (r.errors.length > 0) c.filesWithErrors++;
    c.notJson += r.syntaxErrors.length;
    for (const u of r.users) {
      if (u.report.errors.length > 0) c.invalid++;
      c.errors += u.report.errors.length;
      c.warnings += u.report.warnings.length;
    }
  }
  return c;
}

/** 2 when something could not be read, 1 when a user or file is invalid, else 0. */
function exitStatus(c) {
  if (c.unreadable > 0 || c.notJson > 0) return 2;
  return c.errors > 0 ? 1 : 0;
}

module.exports = { createEngine, checkFile, countAll, exitStatus, locationOf };
