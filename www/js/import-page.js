// The import page (`import.html`): the CSV file (its bytes), the instance data and the options in;
// the package's `validateCreateUserCsv` checks the file on every change; the view shows its CsvReport.
import init, { validateCreateUserCsv, csvTemplate } from "../../pkg/web.js";
import { modeSelect, localeSelect, matchLocale, modeName } from "./choices.js";
import { readFileBytes, readInstanceFiles, downloadText, FileProblem } from "./files.js";
import { instanceFromParts, noInstance } from "./instance-data.js";
import { createImportView } from "./import-view.js";
import { requestsJsonl, requestCount, problemsCsv } from "./import-downloads.js";
import { loadCatalog, onLocaleChange, noteCatalog } from "./locale.js";

/** The running page, once started (one per document). */
let page = null;

function byId(id) {
  return document.getElementById(id);
}

/** Starts the import page. */
export async function startImportPage() {
  const el = {};
  for (const id of ["loading", "csv-file", "instance-files", "instance-id", "mode-slot", "locale-slot", "load-status", "check-status"]) el[id] = byId(id);
  for (const id of ["only-problems", "download-requests", "download-problems", "download-template", "action-status"]) el[id] = byId(id);
  const table = byId("rows-table");
  const view = createImportView({
    summary: byId("summary"),
    fileProblems: byId("file-problems"),
    thead: table.tHead,
    tbody: table.tBodies[0],
    pagerStatus: byId("page-status"),
    prev: byId("page-prev"),
    next: byId("page-next"),
  });
  el.mode = modeSelect({ id: "import-mode", value: "", unsetText: "Not set (the instance data’s, if loaded)" });
  el.locale = localeSelect({ id: "import-locale", value: matchLocale(navigator.languages) });
  el["mode-slot"].append(el.mode);
  el["locale-slot"].append(el.locale);
  page = { el, view, csv: null, instance: noInstance(), locale: "en", seq: 0, instanceSeq: 0, timer: null, lastCheck: null, checks: 0 };

  try {
    await init();
    // The browser's language, when offered: its catalog is fetched before the first check.
    const { tag, failed } = await loadCatalog(el.locale.value);
    page.locale = el.locale.value = tag;
    noteLocale(el["load-status"], failed);
  } catch (err) {
    el.loading.textContent = `The validator could not be loaded, so files cannot be checked (${err && err.message ? err.message : err}).`;
    el.loading.classList.add("fatal");
    return;
  }
  el.loading.remove();
  wire(page);
  document.body.classList.add("ready");
}

function wire(p) {
  const { el, view } = p;
  el["csv-file"].addEventListener("change", () => loadCsv(p));
  el["instance-files"].addEventListener("change", () => loadInstance(p));
  el["instance-id"].addEventListener("input", () => {
    clearTimeout(p.timer);
    p.timer = setTimeout(() => check(p), 300);
  });
  el["instance-id"].addEventListener("change", () => check(p));
  el.mode.addEventListener("change", () => check(p));
  // A new language: its catalog is fetched, then the file is checked again (messages in it), on the same page.
  onLocaleChange(el.locale, (tag, failed) => {
    p.locale = tag;
    noteLocale(el["load-status"], failed);
    check(p, { keepPage: true });
  });
  el["only-problems"].addEventListener("change", () => view.setOnlyProblems(el["only-problems"].checked));
  byId("page-prev").addEventListener("click", () => view.turn(-1));
  byId("page-next").addEventListener("click", () => view.turn(1));
  el["download-requests"].addEventListener("click", () => download(p, "requests"));
  el["download-problems"].addEventListener("click", () => download(p, "problems"));
  el["download-template"].addEventListener("click", () => download(p, "template"));
}

/** The note that a language could not be loaded (marked bad), or none. */
function noteLocale(node, failed) {
  if (failed) node.className = "load-status status-bad";
  noteCatalog(node, failed);
}

function setStatus(node, text, kind) {
  node.textContent = text;
  node.className = `load-status${kind ? ` status-${kind}` : ""}`;
}

async function loadCsv(p) {
  const file = p.el["csv-file"].files[0];
  const seq = ++p.seq;
  if (!file) {
    p.csv = null;
    return check(p);
  }
  try {
    const bytes = await readFileBytes(file);
    if (seq !== p.seq) return;
    p.csv = { name: file.name, bytes };
  } catch (err) {
    p.csv = null;
    setStatus(p.el["check-status"], err instanceof FileProblem ? err.message : `${file.name} could not be read.`, "bad");
    p.view.clear("No file checked.");
    return showDownloads(p);
  }
  check(p);
}

/**
 * Reads the picked instance data files. The parsed parts, as one array, are the context of every
 * check until the next pick: the package prepares that object once and keeps it.
 */
async function loadInstance(p) {
  const seq = ++p.instanceSeq;
  const { parts, loaded, problems } = await readInstanceFiles(p.el["instance-files"].files);
  if (seq !== p.instanceSeq) return;
  p.instance = instanceFromParts(parts, loaded, problems.map((x) => x.message), p.instance.version + 1);
  setStatus(p.el["load-status"], instanceStatus(p.instance), problems.length ? "bad" : p.instance.files.length ? "ok" : "");
  check(p);
}

/** What the instance data holds, and the files left out. */
function instanceStatus({ files, counts, mode, problems }) {
  const read = files.length
    ? `Instance data: ${files.length} file${files.length === 1 ? "" : "s"} read` +
      (counts.length ? ` (${counts.join(", ")}).` : ".") +
      (mode ? ` Its identity management type, used unless one is chosen: ${modeName(mode)}.` : "")
    : "";
  return [read, ...problems].filter(Boolean).join(" ");
}

/** The mode the check uses: the chosen one, else the instance data's (undefined when neither). */
function effectiveMode(p) {
  return p.el.mode.value || p.instance.mode || undefined;
}

/** The options of the check, from the page's controls and loaded data. */
function options(p) {
  const { el } = p;
  const out = { locale: p.locale };
  if (el.mode.value) out.identityManagementType = el.mode.value;
  if (p.instance.context) out.instance = p.instance.context;
  if (el["instance-id"].value !== "") out.instanceId = el["instance-id"].value;
  return out;
}

/** Checks the loaded file again and shows the result, with how long each half took. */
export function check(p = page, { keepPage = false } = {}) {
  clearTimeout(p.timer);
  if (!p.csv) {
    p.view.clear("No file checked yet.");
    setStatus(p.el["check-status"], "", "");
    return showDownloads(p);
  }
  const started = performance.now();
  let report;
  try {
    report = validateCreateUserCsv(p.csv.bytes, options(p));
  } catch (err) {
    p.view.clear(`The file could not be checked (${err && err.message ? err.message : err}).`);
    return showDownloads(p);
  }
  const checked = performance.now();
  p.view.show(report, { locale: p.locale, keepPage });
  const shown = performance.now();
  p.lastCheck = { checkMs: checked - started, renderMs: shown - checked, rows: report.rows.length };
  p.el["check-status"].dataset.checks = String(++p.checks);
  const ms = (t) => Math.round(t).toLocaleString("en-US");
  setStatus(p.el["check-status"], `Checked ${p.csv.name} in ${ms(checked - started)} ms, shown in ${ms(shown - checked)} ms.`, "ok");
  showDownloads(p);
}

/** How long the last check and its rendering took (ms) and how many rows it had. */
export function lastCheckTimes() {
  return page && page.lastCheck;
}

function showDownloads(p) {
  const report = p.view.report;
  p.el["download-requests"].disabled = !report || requestCount(report) === 0;
  p.el["download-problems"].disabled = !report;
}

function baseName(p) {
  const name = p.csv ? p.csv.name.replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9_.@-]/g, "_") : "";
  return name || "users";
}

function download(p, what) {
  const report = p.view.report;
  const status = p.el["action-status"];
  if (what === "template") {
    const mode = effectiveMode(p);
    downloadText("connect-users-template.csv", csvTemplate(mode), "text/csv");
    status.textContent = `Downloaded the template: its header and one example row valid for ${modeName(mode ?? "CONNECT_MANAGED")}.`;
  } else if (what === "requests" && report) {
    downloadText(`${baseName(p)}-requests.jsonl`, requestsJsonl(report), "application/x-ndjson");
    status.textContent = `Downloaded ${requestCount(report).toLocaleString("en-US")} requests (with the real passwords).`;
  } else if (what === "problems" && report) {
    downloadText(`${baseName(p)}-problems.csv`, problemsCsv(report), "text/csv");
    status.textContent = "Downloaded the problems (no cell value is in the file).";
  }
}
