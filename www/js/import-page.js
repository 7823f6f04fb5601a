// The import page (`import.html`): the CSV file, the instance data and the options in; the
// package's `validateCreateUserCsv` checks the file on every change; the view shows its CsvReport.
import init, * as pkg from "../../pkg/web.js";
import { modeSelect, localeSelect, matchLocale } from "./choices.js";
import { readFileBytes, readInstanceFiles, downloadText, FileProblem } from "./files.js";
import { createImportView } from "./import-view.js";
import { requestsJsonl, requestCount, problemsCsv, fallbackTemplate } from "./import-downloads.js";

/** The running page, once started (one per document). */
let page = null;

/** The template text for a mode: the package's `csvTemplate(mode)` when it has one, else ours. */
export function templateText(mode) {
  return typeof pkg.csvTemplate === "function" ? pkg.csvTemplate(mode) : fallbackTemplate();
}

function byId(id) {
  return document.getElementById(id);
}

/** Starts the import page. */
export async function startImportPage() {
  const el = {};
  for (const id of ["loading", "csv-file", "instance-files", "instance-id", "mode-slot", "locale-slot", "load-status"]) el[id] = byId(id);
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
  page = { el, view, csv: null, instance: null, seq: 0, timer: null };

  try {
    await init();
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
  el.locale.addEventListener("change", () => check(p));
  el["only-problems"].addEventListener("change", () => view.setOnlyProblems(el["only-problems"].checked));
  byId("page-prev").addEventListener("click", () => view.turn(-1));
  byId("page-next").addEventListener("click", () => view.turn(1));
  el["download-requests"].addEventListener("click", () => download(p, "requests"));
  el["download-problems"].addEventListener("click", () => download(p, "problems"));
  el["download-template"].addEventListener("click", () => download(p, "template"));
}

function setStatus(p, text, kind) {
  const status = p.el["load-status"];
  status.textContent = text;
  status.className = `load-status${kind ? ` status-${kind}` : ""}`;
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
    setStatus(p, err instanceof FileProblem ? err.message : `${file.name} could not be read.`, "bad");
    p.view.clear("No file checked.");
    return showDownloads(p);
  }
  check(p);
}

async function loadInstance(p) {
  const { instance, loaded, problems } = await readInstanceFiles(p.el["instance-files"].files);
  p.instance = instance;
  const read = loaded.length ? `Instance data: ${loaded.length} file${loaded.length === 1 ? "" : "s"} read.` : "";
  setStatus(p, [read, ...problems.map((x) => x.message)].filter(Boolean).join(" "), problems.length ? "bad" : "ok");
  check(p);
}

/** The options of the check, from the page's controls and loaded data. */
function options(p) {
  const { el } = p;
  const out = { locale: el.locale.value };
  if (el.mode.value) out.identityManagementType = el.mode.value;
  if (p.instance) out.instance = p.instance;
  if (el["instance-id"].value !== "") out.instanceId = el["instance-id"].value;
  return out;
}

/** Checks the loaded file again and shows the result. */
export function check(p = page) {
  clearTimeout(p.timer);
  if (!p.csv) {
    p.view.clear("No file checked yet.");
    return showDownloads(p);
  }
  if (typeof pkg.validateCreateUserCsv !== "function") {
    p.view.clear("This build of the validator cannot check CSV files yet.");
    return showDownloads(p);
  }
  const started = performance.now();
  let report;
  try {
    report = pkg.validateCreateUserCsv(p.csv.bytes, options(p));
  } catch (err) {
    p.view.clear(`The file could not be checked (${err && err.message ? err.message : err}).`);
    return showDownloads(p);
  }
  p.view.show(report);
  setStatus(p, `Checked ${p.csv.name} in ${Math.round(performance.now() - started).toLocaleString("en-US")} ms.`, "ok");
  showDownloads(p);
}

/** Shows a CsvReport as the check's result (what `check` does with the package's answer; tests feed a fake one). */
export function showReport(report) {
  page.view.show(report);
  showDownloads(page);
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
    downloadText("connect-users-template.csv", templateText(p.el.mode.value || undefined), "text/csv");
    status.textContent = "Downloaded the template: its header and one example row.";
  } else if (what === "requests" && report) {
    downloadText(`${baseName(p)}-requests.jsonl`, requestsJsonl(report), "application/x-ndjson");
    status.textContent = `Downloaded ${requestCount(report).toLocaleString("en-US")} requests (with the real passwords).`;
  } else if (what === "problems" && report) {
    downloadText(`${baseName(p)}-problems.csv`, problemsCsv(report), "text/csv");
    status.textContent = "Downloaded the problems (no cell value is in the file).";
  }
}
