// The import page's table: a header of the file's columns, and one `tr[data-row=N]` per user row
// with one `td[data-column]` per column. A cell with an error is aria-invalid and described by its
// messages; a row's problems without a column go in the row's last cell; passwords are masked.
import { h, vh, inLang } from "../dom.js";
import { MASK } from "./sensitive.js";
import { cellText, isPasswordColumn } from "./csv-columns.js";

/** The table's header: "Row", the columns as written in the file, then the row's own problems. */
export function renderHead(thead, columns) {
  thead.replaceChildren(
    h(
      "tr",
      {},
      h("th", { scope: "col" }, "Row"),
      columns.map((c) => h("th", { scope: "col", "data-column": c }, breakable(c))),
      h("th", { scope: "col" }, "Problems of the row"),
    ),
  );
}

/** A header's text with line-break chances after each `|` (the template's long list headers). */
function breakable(header) {
  return header.split("|").flatMap((part, i) => (i ? ["|", h("wbr"), part] : [part]));
}

/** Replaces the body's rows with `rows` (one page), whose messages are in `locale`. */
export function renderRows(tbody, columns, rows, locale = "en") {
  const masked = columns.map(isPasswordColumn);
  const fragment = document.createDocumentFragment();
  for (const row of rows) fragment.append(rowElement(columns, masked, row, locale));
  tbody.replaceChildren(fragment);
}

/** A row's violations, errors first, split by the column they come from (`null`: the row's own). */
function problemsByColumn(columns, row) {
  const known = new Set(columns);
  const byColumn = new Map();
  const add = (v, level) => {
    const key = v.column !== undefined && known.has(v.column) ? v.column : null;
    if (!byColumn.has(key)) byColumn.set(key, []);
    byColumn.get(key).push({ ...v, level });
  };
  for (const v of row.report.errors) add(v, "error");
  for (const v of row.report.warnings) add(v, "warning");
  return byColumn;
}

function rowElement(columns, masked, row, locale) {
  const problems = problemsByColumn(columns, row);
  const invalid = row.report.errors.length > 0;
  let counter = 0;
  const messages = (list) =>
    list.map((v) => {
      const error = v.level === "error";
      return h(
        "li",
        { id: `p-${row.row}-${counter++}`, class: error ? "err" : "warn", "data-code": v.code },
        vh(error ? "Error: " : "Warning: "),
        inLang(locale, v.message),
      );
    });
  const cells = columns.map((column, i) => {
    const list = problems.get(column) ?? [];
    const text = cellText(row, i);
    const value = masked[i] && text !== "" ? h("span", { class: "masked", "aria-label": "Password (hidden)" }, MASK) : text;
    return cell({ "data-column": column }, value, messages(list), list);
  });
  const own = problems.get(null) ?? [];
  return h(
    "tr",
    { "data-row": String(row.row), class: invalid ? "row-invalid" : own.length || problems.size ? "row-warned" : null },
    h("th", { scope: "row" }, String(row.row)),
    cells,
    cell({ class: "row-problems" }, null, messages(own), own),
  );
}

/** A cell: its value, then its messages; aria-invalid when one is an error, described by them all. */
function cell(attrs, value, items, list) {
  const invalid = list.some((v) => v.level === "error");
  const td = h(
    "td",
    {
      ...attrs,
      "aria-invalid": invalid ? "true" : null,
      "aria-describedby": items.length ? items.map((li) => li.id).join(" ") : null,
      class: [attrs.class, invalid ? "has-error" : items.length ? "has-warning" : null].filter(Boolean).join(" ") || null,
    },
    value === null || value === "" ? null : h("span", { class: "cell-value" }, value),
    items.length ? h("ul", { class: "cell-problems" }, items) : null,
  );
  return td;
}
