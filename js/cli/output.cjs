"use strict";
// The two output formats. Text: one line per problem in the compiler form
//   users.csv:7: email address: IdentityInfo.Email PATTERN <message>
//   users.json:[2]: warning: Username SIMILAR <message>
// JSON: one document with every report (docs/cli.md). Neither ever holds a value from an input:
// only file names, locations, paths, codes, CSV headers and the package's messages.

/** `(input)` for the empty path of a user, `(file)` for that of a file's own problem. */
const shownPath = (path, fileLevel) => (path === "" ? (fileLevel ? "(file)" : "(input)") : path);

function palette(colour) {
  const wrap = (open) => (colour ? (s) => `\x1b[${open}m${s}\x1b[0m` : (s) => s);
  return { bold: wrap("1"), red: wrap("1;31"), yellow: wrap("33"), green: wrap("32"), dim: wrap("2") };
}

function violationLine(prefix, v, isWarning, fileLevel, p) {
  const column = v.column !== undefined && v.column !== "" ? `${v.column}: ` : "";
  const code = isWarning ? p.yellow(v.code) : p.red(v.code);
  return `${p.bold(prefix)} ${isWarning ? `${p.yellow("warning:")} ` : ""}${column}${shownPath(v.path, fileLevel)} ${code} ${oneLine(v.message)}`;
}

// Messages are the package's own fixed texts; a line break would still split an editor's line.
const oneLine = (s) => String(s).replace(/[\r\n]+/g, " ");

/** The text lines of one checked file (no trailing newline). */
function fileText(result, colour) {
  const p = palette(colour);
  const out = [];
  for (const v of result.errors) out.push(violationLine(`${result.file}:`, v, false, true, p));
  for (const v of result.warnings) out.push(violationLine(`${result.file}:`, v, true, true, p));
  for (const u of result.users) {
    const prefix = u.location === "" ? `${result.file}:` : `${result.file}:${u.location}:`;
    for (const v of u.report.errors) out.push(violationLine(prefix, v, false, false, p));
    for (const v of u.report.warnings) out.push(violationLine(prefix, v, true, false, p));
  }
  return out.join("\n");
}

/** `file:line:column: error: <why>` for a file, or a line of JSON Lines, that cannot be read. */
function readErrorLine(file, why, position, colour) {
  const p = palette(colour);
  const at = position ? `${file}:${position.line}:${position.column}:` : `${file}:`;
  return `${p.bold(at)} ${p.red("error:")} ${why}`;
}

function summaryText(line, counts, colour) {
  const p = palette(colour);
  return counts.errors > 0 || counts.unreadable > 0 || counts.notJson > 0 ? p.red(line) : p.green(line);
}

const stripViolation = (v) => {
  const out = { path: v.path, code: v.code, message: v.message };
  if (v.column !== undefined) out.column = v.column;
  if (v.fix !== undefined) out.fix = v.fix;
  return out;
};
const stripReport = (r) => ({ valid: r.errors.length === 0, errors: r.errors.map(stripViolation), warnings: r.warnings.map(stripViolation) });

/** The JSON document (docs/cli.md): the files in command-line order, then the summary. */
function jsonDocument(entries, counts, status, extra) {
  const files = entries.map(({ result: r, unreadable: f }) => {
    if (f) return { file: f.file, kind: f.kind, unreadable: { message: f.why, ...(f.position || {}) } };
    return {
      file: r.file,
      kind: r.kind,
      valid: r.errors.length === 0 && r.syntaxErrors.length === 0 && r.users.every((u) => u.report.errors.length === 0),
      errors: r.errors.map(stripViolation),
      warnings: r.warnings.map(stripViolation),
      notJson: r.syntaxErrors.map((e) => ({ line: e.line, column: e.column, message: e.what })),
      users: r.users.map((u) => ({ location: u.location, ...u.where, report: stripReport(u.report) })),
    };
  });
  return JSON.stringify({ files, summary: { ...counts, exitStatus: status }, ...extra }, null, 2);
}

module.exports = { fileText, readErrorLine, summaryText, jsonDocument };
