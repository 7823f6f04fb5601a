// The form page (`index.html`): loads the validator, builds the form from `describeModel()`, and
// wires the events. Every check is `validateCreateUser`'s; no rule of CreateUser is written here.
// All the page's state lives in one context object (`ctx`), passed to each module's functions.
import init, {
  validateCreateUser,
  buildCreateUserRequest,
  normalizeNfc,
  describeModel,
  ValidationError,
} from "../../pkg/web.js";
import { buildForm } from "./form-build.js";
import { newBag, addRow, removeRow, reindex } from "./lists.js";
import { applyMode } from "./mode.js";
import { update } from "./form-update.js";
import { announce, focusTarget } from "./messages.js";
import { plural } from "../dom.js";
import { copyBody, downloadBody } from "./preview.js";
import { resetControls, loadUserFile } from "./fill.js";
import { localeSelect, matchLocale } from "./choices.js";
import { noInstance } from "./instance-data.js";
import { loadInstanceFiles, clearInstance, renderInstancePanel } from "./instance-panel.js";
import { pickChoice } from "./pickers.js";
import { applyFix } from "./fix.js";
import { loadCatalog, onLocaleChange, noteCatalog } from "./locale.js";
import { relabelForm } from "./relabel.js";

const ELEMENT_IDS = [
  "sections",
  "root-msg",
  "status-text",
  "problems",
  "live",
  "request",
  "request-note",
  "copy-body",
  "download-body",
  "action-status",
  "load-file",
  "load-status",
  "loose",
  "loose-list",
  "check",
  "clear",
  "loading",
  "instance-files",
  "instance-status",
  "instance-problems",
  "clear-instance",
  "locale-slot",
];

/** A fresh context: the page's fixed elements and state; the model is set once loaded. */
export function createContext(doc = document) {
  const el = {};
  for (const id of ELEMENT_IDS) el[id] = doc.getElementById(id);
  return {
    api: { validateCreateUser, buildCreateUserRequest, normalizeNfc, ValidationError },
    model: null,
    form: doc.getElementById("user-form"),
    el,
    modeSelect: null,
    state: {
      mode: "CONNECT_MANAGED",
      locale: matchLocale(navigator.languages),
      touched: new Set(), // names of the controls the user changed
      submitted: false, // after the first check (or a file load) every problem is shown
      bag: newBag(), // loaded values the form cannot show
    },
    lists: new Map(), // list name → list controller
    targets: new Map(), // data-path → target (a control's wrapper or a group)
    rootTarget: null,
    currentRequest: null,
    lastAnnounced: null,
    probeCache: new Map(),
    instance: noInstance(), // instance-data.js: the loaded AWS CLI outputs, if any
    instanceSeq: 0, // the latest instance file pick (an earlier read still running is dropped)
    pickers: { version: 0 }, // pickers.js: the instance data the pickers show
  };
}

/** Starts the form page. */
export async function startFormPage() {
  const ctx = createContext();
  const { el, form } = ctx;
  try {
    await init();
    // The browser's language, when offered: its catalog is fetched before the form is built.
    const { tag, failed } = await loadCatalog(ctx.state.locale);
    ctx.state.locale = tag;
    noteCatalog(el["load-status"], failed);
    ctx.model = describeModel(tag);
  } catch (err) {
    el.loading.textContent = `The validator could not be loaded, so the form is not available (${err && err.message ? err.message : err}).`;
    el.loading.classList.add("fatal");
    return;
  }
  buildForm(ctx);
  addFirstRows(ctx);
  el.loading.remove();
  const onClick = (event) => onAction(ctx, event);
  form.addEventListener("input", (event) => onInput(ctx, event));
  form.addEventListener("change", (event) => onInput(ctx, event));
  form.addEventListener("submit", (event) => onSubmit(ctx, event));
  form.addEventListener("click", onClick);
  el.problems.addEventListener("click", onProblemClick);
  el["copy-body"].addEventListener("click", () => copyBody(ctx));
  el["download-body"].addEventListener("click", () => downloadBody(ctx));
  el["load-file"].addEventListener("change", () => loadUserFile(ctx));
  el["loose-list"].addEventListener("click", onClick);
  el.clear.addEventListener("click", () => clearUser(ctx));
  el["instance-files"].addEventListener("change", () => onInstanceFiles(ctx));
  el["clear-instance"].addEventListener("click", () => onClearInstance(ctx));
  buildLocaleSelect(ctx);
  renderInstancePanel(ctx);
  el.check.disabled = false;
  document.body.classList.add("ready");
  update(ctx);
}

/** The rows a fresh form starts with (one security profile), then the targets and the mode. */
function addFirstRows(ctx) {
  addRow(ctx, ctx.lists.get("SecurityProfileIds"), null, { focus: false });
  reindex(ctx);
  applyMode(ctx);
}

/**
 * `select[name=locale]`: the language of the messages and labels. A choice loads its catalog, then
 * relabels the form from the model in that language and checks again (values, rows and focus stay).
 */
function buildLocaleSelect(ctx) {
  const select = localeSelect({ id: "locale", value: ctx.state.locale });
  ctx.el["locale-slot"].append(select);
  onLocaleChange(select, (tag, failed) => {
    ctx.state.locale = tag;
    ctx.probeCache.clear();
    relabelForm(ctx, describeModel(tag));
    applyMode(ctx);
    update(ctx);
    noteCatalog(ctx.el["load-status"], failed);
    announce(ctx.el.live, failed ? ctx.el["load-status"].textContent : `Messages and labels: ${select.selectedOptions[0].textContent}.`);
  });
}

async function onInstanceFiles(ctx) {
  if (!(await loadInstanceFiles(ctx))) return;
  renderInstancePanel(ctx);
  update(ctx);
  const { files, problems } = ctx.instance;
  announce(ctx.el.live, `Instance data: ${plural(files.length, "file")} loaded${problems.length ? `, ${plural(problems.length, "problem")}` : ""}.`);
}

function onClearInstance(ctx) {
  clearInstance(ctx);
  renderInstancePanel(ctx);
  update(ctx);
  ctx.el["instance-files"].focus();
  announce(ctx.el.live, "The instance data was cleared.");
}

function onInput(ctx, event) {
  const { state, modeSelect } = ctx;
  const target = event.target;
  if (target.dataset.pickerFor !== undefined) {
    if (event.type === "change" && pickChoice(ctx, target)) update(ctx);
    return;
  }
  if (target === modeSelect) {
    if (event.type === "change" && state.mode === modeSelect.value) return;
    state.mode = modeSelect.value;
    applyMode(ctx);
    update(ctx);
    return;
  }
  if (!target.name) return;
  if (target._raw && target.tagName === "INPUT" && event.type === "input") delete target._raw;
  state.touched.add(target.name);
  update(ctx);
}

function onSubmit(ctx, event) {
  event.preventDefault();
  ctx.state.submitted = true;
  update(ctx, { focus: true });
}

function onAction(ctx, event) {
  const button = event.target.closest("button[data-action]");
  if (!button) return;
  const action = button.dataset.action;
  if (action === "add") {
    const list = ctx.lists.get(button.dataset.list);
    addRow(ctx, list, null);
    reindex(ctx);
    update(ctx);
    announce(ctx.el.live, `Added ${list.singular} ${list.rowsEl.childElementCount}.`);
  } else if (action === "remove") {
    const list = ctx.lists.get(button.dataset.list);
    const index = Number(button.dataset.index);
    const next = removeRow(ctx, list, index);
    update(ctx);
    next.focus();
    announce(ctx.el.live, `Removed ${list.singular} ${index + 1}.`);
  } else if (action === "nfc") {
    const control = document.getElementById(button.getAttribute("aria-controls"));
    control.value = ctx.api.normalizeNfc(control.value);
    delete control._raw;
    ctx.state.touched.add(control.name);
    update(ctx);
    control.focus();
    announce(ctx.el.live, "Converted to composed form (NFC).");
  } else if (action === "fix") {
    const control = applyFix(ctx, button);
    if (!control) return;
    update(ctx);
    control.focus();
    announce(ctx.el.live, `${button.textContent}: done.`);
  } else if (action === "toggle-password") {
    const control = document.getElementById(button.getAttribute("aria-controls"));
    const show = control.type === "password";
    control.type = show ? "text" : "password";
    button.textContent = show ? "Hide" : "Show";
    button.setAttribute("aria-pressed", String(show));
  } else if (action === "discard") {
    button._discard();
    update(ctx);
    ctx.el["load-file"].focus();
  }
}

function onProblemClick(event) {
  const button = event.target.closest("button.problem-link");
  if (button) focusTarget(button._focusTarget);
}

function clearUser(ctx) {
  resetControls(ctx, { keepInstance: true });
  ctx.state.submitted = false;
  ctx.lastAnnounced = null;
  addFirstRows(ctx);
  update(ctx);
  ctx.el["load-status"].textContent = "";
  ctx.el["action-status"].textContent = "";
  const first = ctx.form.elements.namedItem("Username");
  if (first) first.focus();
  announce(ctx.el.live, "The user fields were cleared.");
}
