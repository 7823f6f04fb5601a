// The import page's downloads, as texts: the valid rows' requests (JSON Lines), every problem
// (CSV, to fix the sheet by). No cell value is written into the problems file.

/** One JSON line per row that has a request: `{ method, path, headers, body }` (body: the JSON text sent). */
export function requestsJsonl(report) {
  let out = "";
  for (const row of report.rows) {
    if (!row.request) continue;
    const { method, path, headers, body } = row.request;
    out += JSON.stringify({ method, path, headers, body }) + "\n";
  }
  return out;
}

/** How many rows have a request. */
export function requestCount(report) {
  let n = 0;
  for (const row of report.rows) if (row.request) n++;
  return n;
}

/**
 * `row,column,path,code,message` for every problem: the file's (row empty), then each row's errors
 * and warnings. Starts with a byte-order mark so that Excel reads it as UTF-8.
 */
export function problemsCsv(report) {
  const lines = ["row,column,path,code,message"];
  const add = (row, v) => lines.push([row, v.column ?? "", v.path, v.code, v.message].map(csvCell).join(","));
  for (const v of [...report.errors, ...report.warnings]) add("", v);
  for (const row of report.rows) {
    for (const v of [...row.report.errors, ...row.report.warnings]) add(String(row.row), v);
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote, a line break or outer spaces. A
 * text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
 */
export function csvCell(value) {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

