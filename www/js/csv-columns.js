// The columns of Amazon Connect's user CSV template (CSV.md), for the import page's table: which
// column is the password (its cells are shown masked) and a row's cell as written in the file.

/** A header as CSV.md matches it: lower-cased, letters and digits only. */
export function normalizeHeader(header) {
  return String(header).toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** True for the password column (its cells are shown masked). */
export function isPasswordColumn(header) {
  return normalizeHeader(header) === "password";
}

/** The text of a row's cell: the cell as written (the report's `cells`, aligned with `columns`). */
export function cellText(row, index) {
  return (Array.isArray(row.cells) && row.cells[index]) || "";
}
