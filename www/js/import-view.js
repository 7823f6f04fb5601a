// What the import page shows of a CsvReport: the file's problems, the summary, and the table one
// page at a time (the filter applies before paging, so 10,000 rows stay quick).
import { h, vh, plural, inLang } from "../dom.js";
import { renderHead, renderRows } from "./import-table.js";
import { formatNumber } from "./locale.js";

/** Rows per page of the table. */
export const PAGE_SIZE = 200;

/** Counts of a report: users, invalid users, errors and warnings (rows and file together). */
export function summarize(report) {
  let invalid = 0;
  let errors = report.errors.length;
  let warnings = report.warnings.length;
  for (const row of report.rows) {
    if (row.report.errors.length) invalid++;
    errors += row.report.errors.length;
    warnings += row.report.warnings.length;
  }
  return { users: report.rows.length, invalid, errors, warnings, fileErrors: report.errors.length, fileWarnings: report.warnings.length };
}

/** The rows the filter keeps: all, or only those with errors. */
export function filterRows(rows, onlyProblems) {
  return onlyProblems ? rows.filter((r) => r.report.errors.length > 0) : rows;
}

/** The summary line (the page's English words; numbers in the format of `tag`). */
export function summaryText(s, tag = "en") {
  const num = (n) => formatNumber(tag, n);
  const count = (n, word) => plural(n, word).replace(/^\d+/, num(n));
  if (s.users === 0 && s.errors === 0) return "No users in the file.";
  const users = `${count(s.users, "user")}, ${num(s.invalid)} of them invalid.`;
  const problems = `${count(s.errors, "error")} and ${count(s.warnings, "warning")}`;
  const file = s.fileErrors || s.fileWarnings ? ` (the file itself: ${count(s.fileErrors, "error")}, ${count(s.fileWarnings, "warning")})` : "";
  return `${users} ${problems}${file}.`;
}

/**
 * A view over the page's elements: `{ summary, fileProblems, thead, tbody, pagerStatus, prev, next }`.
 * `show(report)` renders a report (page 1); `setOnlyProblems(on)` filters; `turn(delta)` pages.
 */
export function createImportView(els) {
  const state = { report: null, rows: [], onlyProblems: false, page: 0, locale: "en" };
  const num = (n) => formatNumber(state.locale, n);

  function pages() {
    return Math.max(1, Math.ceil(state.rows.length / PAGE_SIZE));
  }

  function renderPage() {
    const { report } = state;
    const start = state.page * PAGE_SIZE;
    const slice = state.rows.slice(start, start + PAGE_SIZE);
    renderRows(els.tbody, report ? report.columns : [], slice, state.locale);
    const total = state.rows.length;
    els.pagerStatus.textContent = total
      ? `Rows ${num(start + 1)}–${num(start + slice.length)} of ${num(total)} shown · page ${num(state.page + 1)} of ${num(pages())}`
      : state.onlyProblems && report && report.rows.length
        ? "No invalid rows."
        : "No rows.";
    els.prev.disabled = state.page === 0;
    els.next.disabled = state.page >= pages() - 1;
  }

  function refilter(keepPage = false) {
    state.rows = state.report ? filterRows(state.report.rows, state.onlyProblems) : [];
    state.page = keepPage ? Math.min(state.page, pages() - 1) : 0;
    renderPage();
  }

  return {
    /** Shows `report`, whose messages are in `locale`; `keepPage` stays on the page shown (a new language). */
    show(report, { locale = "en", keepPage = false } = {}) {
      state.report = report;
      state.locale = locale;
      renderHead(els.thead, report.columns);
      renderFileProblems(els.fileProblems, report, locale);
      els.summary.textContent = summaryText(summarize(report), locale);
      refilter(keepPage);
    },
    clear(text) {
      state.report = null;
      els.thead.replaceChildren();
      els.fileProblems.replaceChildren();
      els.summary.textContent = text;
      refilter();
    },
    setOnlyProblems(on) {
      state.onlyProblems = on;
      refilter();
    },
    turn(delta) {
      state.page = Math.min(pages() - 1, Math.max(0, state.page + delta));
      renderPage();
    },
    get report() {
      return state.report;
    },
  };
}

/** The file's own errors and warnings (header, encoding, quoting, limits, unresolved columns). */
function renderFileProblems(list, report, locale) {
  const item = (v, error) =>
    h(
      "li",
      { class: error ? "err" : "warn", "data-code": v.code },
      vh(error ? "Error: " : "Warning: "),
      v.column !== undefined ? h("strong", {}, v.column, ": ") : null,
      inLang(locale, v.message),
    );
  list.replaceChildren(...report.errors.map((v) => item(v, true)), ...report.warnings.map((v) => item(v, false)));
}
