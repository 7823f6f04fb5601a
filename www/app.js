// The "New Amazon Connect user" admin page. The form is generated from the package's field table
// (`describeModel`): labels, kinds, enum options, bounds for hints, and which fields each identity
// management type requires, forbids or ignores. Every check is `validateCreateUser`'s; this file only
// turns form controls into a CreateUser input, and puts each reported violation next to the control
// (or group) its path names. No rule of CreateUser is written again here.
import init, {
  validateCreateUser,
  buildCreateUserRequest,
  normalizeNfc,
  describeModel,
  ValidationError,
} from "../pkg/web.js";
import { h, vh, select, idFor, pathAncestors, plural, isPlainObject, preview } from "./dom.js";

// ---------------------------------------------------------------------------------------------
// Presentation choices (not rules): how the model's members are grouped on the page, a few
// placeholders, and the singular nouns of the add buttons. A member of the model that is not
// placed here still gets a field, in a last "Other members" section.

const MODES = [
  ["CONNECT_MANAGED", "Amazon Connect (CONNECT_MANAGED)"],
  ["SAML", "SAML 2.0 (SAML)"],
  ["EXISTING_DIRECTORY", "Existing directory (EXISTING_DIRECTORY)"],
];

const LAYOUT = [
  { title: "Amazon Connect instance", modeControl: true, fields: ["InstanceId"] },
  { title: "User", fields: ["Username", "Password", "DirectoryUserId"] },
  { fields: ["IdentityInfo"] },
  { title: "Routing and permissions", fields: ["RoutingProfileId", "HierarchyGroupId", "SecurityProfileIds"] },
  {
    title: "Channel settings",
    hint: "Per-channel settings for the agent: the recommended way to set auto-accept, after contact work and phone options.",
    fields: [
      "AutoAcceptConfigs",
      "AfterContactWorkConfigs",
      "PhoneNumberConfigs",
      "PersistentConnectionConfigs",
      "VoiceEnhancementConfigs",
    ],
  },
  { fields: ["PhoneConfig"], hint: "The older, voice-only phone settings. Prefer the channel settings above." },
  { fields: ["Tags"] },
];

const PLACEHOLDERS = {
  InstanceId: "e.g. a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
  Username: "e.g. jdoe",
  "IdentityInfo.Email": "e.g. jdoe@example.com",
  "IdentityInfo.SecondaryEmail": "e.g. jane.doe@example.org",
  "IdentityInfo.Mobile": "e.g. +12065550100",
  "PhoneConfig.DeskPhoneNumber": "e.g. +12065550100",
  PhoneNumber: "e.g. +12065550100",
  RoutingProfileId: "Routing profile ID",
  HierarchyGroupId: "Hierarchy group ID",
  SecurityProfileIds: "Security profile ID",
};

const INPUT_MODES = { "IdentityInfo.Mobile": "tel", "PhoneConfig.DeskPhoneNumber": "tel", PhoneNumber: "tel" };
const EMAIL_FIELDS = new Set(["IdentityInfo.Email", "IdentityInfo.SecondaryEmail"]);

const SINGULAR = {
  SecurityProfileIds: "security profile",
  AutoAcceptConfigs: "auto-accept setting",
  AfterContactWorkConfigs: "after contact work setting",
  PhoneNumberConfigs: "phone number setting",
  PersistentConnectionConfigs: "persistent connection setting",
  VoiceEnhancementConfigs: "voice enhancement setting",
  Tags: "tag",
};

/** Members shown masked in the request preview (copy and download keep the real value). */
const MASKED = new Set(["Password"]);
const MASK = "••••••••";

/** The option value of a select that holds a loaded value which is not one of its choices. */
const RAW = "\u0000raw";
/** Lists longer than this (from a file) are kept whole, unshown, so validation still sees them. */
const MAX_ROWS = 200;
const MAX_FILE_BYTES = 5 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// State

let model;
let form;
let modeSelect;
const state = {
  mode: "CONNECT_MANAGED",
  touched: new Set(), // names of the controls the user changed
  submitted: false, // after the first check (or a file load) every problem is shown
  // Loaded values the form cannot show: `overrides` replace a member by name, `extras` are
  // members the model does not have (kept so that validation reports them as UNKNOWN_FIELD).
  bag: newBag(),
};
const lists = new Map(); // list name → list controller
let targets = new Map(); // data-path → target (a control's wrapper or a group)
let rootTarget;
let currentRequest = null;
let lastAnnounced = null;
const probeCache = new Map();
const el = {}; // the page's fixed elements

function newBag() {
  return { overrides: new Map(), extras: new Map() };
}

// ---------------------------------------------------------------------------------------------
// Start-up

async function main() {
  form = document.getElementById("user-form");
  for (const id of [
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
  ]) {
    el[id] = document.getElementById(id);
  }
  try {
    await init();
    model = describeModel();
  } catch (err) {
    el.loading.textContent = `The validator could not be loaded, so the form is not available (${err && err.message ? err.message : err}).`;
    el.loading.classList.add("fatal");
    return;
  }
  buildForm();
  el.loading.remove();
  form.addEventListener("input", onInput);
  form.addEventListener("change", onInput);
  form.addEventListener("submit", onSubmit);
  form.addEventListener("click", onClick);
  el.problems.addEventListener("click", onProblemClick);
  el["copy-body"].addEventListener("click", copyBody);
  el["download-body"].addEventListener("click", downloadBody);
  el["load-file"].addEventListener("change", loadFile);
  el["loose-list"].addEventListener("click", onClick);
  el.clear.addEventListener("click", clearUser);
  el.check.disabled = false;
  document.body.classList.add("ready");
  update();
}

// ---------------------------------------------------------------------------------------------
// Building the form from the model

function buildForm() {
  const sections = el.sections;
  const placed = new Set(LAYOUT.flatMap((s) => s.fields));
  const layout = LAYOUT.map((s) => ({ ...s, fields: s.fields.filter((n) => fieldByName(model, n)) }));
  const others = model.fields.filter((f) => !placed.has(f.name)).map((f) => f.name);
  if (others.length) layout.push({ title: "Other members", fields: others });

  for (const section of layout) {
    if (section.fields.length === 0 && !section.modeControl) continue;
    const fields = section.fields.map((n) => fieldByName(model, n));
    if (!section.title && fields.length === 1 && isGroupKind(fields[0].kind)) {
      const card = renderField(fields[0], fields[0].name, { card: true, hint: section.hint });
      sections.append(card);
      continue;
    }
    const legendId = idFor("sec", section.title);
    const grid = h("div", { class: "grid" });
    const groups = [];
    if (section.modeControl) grid.append(renderModeControl());
    for (const f of fields) {
      const node = renderField(f, f.name, {});
      if (isGroupKind(f.kind)) groups.push(node);
      else grid.append(node);
    }
    const card = h(
      "fieldset",
      { class: "card", id: legendId },
      h("legend", {}, section.title),
      section.hint ? h("p", { class: "group-hint" }, section.hint) : null,
      grid.childElementCount ? grid : null,
      groups,
    );
    sections.append(card);
  }

  rootTarget = { kind: "root", wrapper: form, msg: el["root-msg"], label: "The input", items: [] };
  addRow(lists.get("SecurityProfileIds"), null, { focus: false });
  reindex();
  applyMode();
}

function renderModeControl() {
  modeSelect = h("select", { id: "identity-mode", name: "identityManagementType", "aria-describedby": "identity-mode-hint" });
  for (const [value, text] of MODES) modeSelect.append(new Option(text, value));
  modeSelect.value = state.mode;
  return h(
    "div",
    { class: "field field-mode" },
    h("label", { for: "identity-mode" }, "Identity management type"),
    modeSelect,
    h(
      "p",
      { class: "hint", id: "identity-mode-hint" },
      "How this instance manages users (set when the instance was created). It decides which fields below are required or not allowed.",
    ),
  );
}

function fieldByName(shape, name) {
  return shape.fields.find((f) => f.name === name);
}

function isGroupKind(kind) {
  return kind === "object" || kind === "objectList" || kind === "stringList" || kind === "tagMap";
}

/** The field's node: a leaf wrapper, or a fieldset for an object or a list. */
function renderField(field, name, opts) {
  switch (field.kind) {
    case "object":
      return renderObject(field, name, opts);
    case "stringList":
    case "objectList":
    case "tagMap":
      return renderList(field, name, opts);
    default:
      return renderLeaf(field, name, opts);
  }
}

/** The model's path of a form name: list indexes become [0] (the model is the same for every item). */
function modelPathOf(name) {
  return name.replace(/\[\d+\]/g, "[0]");
}

/** The hint under a label; a string's maximum is the tighter one of the current mode, if any. */
function hintFor(field, mode = state.mode) {
  switch (field.kind) {
    case "string": {
      const max = field.maxIn?.[mode] ?? field.max;
      return max !== undefined ? `Up to ${max.toLocaleString("en-US")} characters` : null;
    }
    case "integer":
      if (field.min !== undefined && field.max !== undefined)
        return `Whole number, ${field.min.toLocaleString("en-US")}–${field.max.toLocaleString("en-US")}`;
      return "Whole number";
    case "stringList":
    case "tagMap":
    case "objectList":
      return field.max !== undefined ? `Up to ${field.max}` : null;
    default:
      return null;
  }
}

/** A label, a control and a message element for one leaf member. */
function renderLeaf(field, name, { labelText, labelPrefix, hideHint, placeholderKey } = {}) {
  const id = idFor("f", name);
  const msgId = idFor("m", name);
  let control;
  if (field.kind === "enum") {
    control = select(field.values.map((v) => [v, v]));
  } else if (field.kind === "boolean") {
    control = select([
      ["true", "Yes (true)"],
      ["false", "No (false)"],
    ]);
  } else {
    const isPassword = MASKED.has(name);
    const modelPath = modelPathOf(name);
    const key = placeholderKey ?? (PLACEHOLDERS[modelPath] !== undefined ? modelPath : field.name);
    control = h("input", {
      type: isPassword ? "password" : "text",
      autocomplete: isPassword ? "new-password" : "off",
      spellcheck: "false",
      autocapitalize: "off",
      inputmode: field.kind === "integer" ? "numeric" : EMAIL_FIELDS.has(modelPath) ? "email" : INPUT_MODES[modelPath] ?? INPUT_MODES[field.name],
      placeholder: PLACEHOLDERS[key],
    });
  }
  control.id = id;
  control.name = name;
  control.setAttribute("aria-describedby", msgId);
  control.setAttribute("aria-invalid", "false");

  const hint = hideHint ? null : hintFor(field);
  const hintText = hint ? h("span", {}, hint) : null;
  const reqMark = h("span", { class: "req", "aria-hidden": "true", hidden: true }, " *");
  const label = h(
    "label",
    { for: id },
    labelPrefix ? vh(labelPrefix) : null,
    labelText ?? field.label,
    reqMark,
    hint ? h("span", { class: "hint" }, vh(", "), hintText) : hideHint ? null : h("span", { class: "hint", "aria-hidden": "true" }, "\u00a0"),
  );
  const msg = h("div", { id: msgId, class: "msg" });
  let controlRow = control;
  let toggle = null;
  if (control.type === "password") {
    toggle = h(
      "button",
      { type: "button", class: "btn-small", "data-action": "toggle-password", "aria-pressed": "false", "aria-controls": id },
      "Show",
    );
    controlRow = h("div", { class: "with-button" }, control, toggle);
  }
  const fix = h(
    "button",
    { type: "button", class: "btn-small btn-fix", "data-action": "nfc", "aria-controls": id, hidden: true },
    "Fix: convert to NFC",
  );
  const wrapper = h("div", { class: "field", "data-path": name }, label, controlRow, msg, fix);
  wrapper._target = {
    kind: "control",
    control,
    wrapper,
    msg,
    fix,
    field,
    reqMark,
    hintText,
    modelPath: modelPathOf(name),
    label: (labelPrefix ?? "") + (labelText ?? field.label),
    items: [],
  };
  return wrapper;
}

function groupTarget(fieldset, field, name, legend, msg, reqMark) {
  fieldset._target = {
    kind: "group",
    wrapper: fieldset,
    msg,
    field,
    reqMark,
    modelPath: field ? modelPathOf(name) : null,
    label: legend,
    items: [],
  };
}

/** Leaves in a responsive grid, then nested groups. */
function renderShape(shape, prefix, opts = {}) {
  const grid = h("div", { class: "grid" });
  const groups = [];
  for (const f of shape.fields) {
    const name = prefix ? `${prefix}.${f.name}` : f.name;
    const node = renderField(f, name, opts);
    if (isGroupKind(f.kind)) groups.push(node);
    else grid.append(node);
  }
  const nested = groups.length > 1 ? h("div", { class: "subgroups" }, groups) : groups;
  return [grid.childElementCount ? grid : null, nested];
}

function renderObject(field, name, { card, hint, legendText } = {}) {
  const msgId = idFor("m", name);
  const legend = legendText ?? field.label;
  const reqMark = h("span", { class: "req", "aria-hidden": "true", hidden: true }, " *");
  const msg = h("div", { id: msgId, class: "msg group-msg", tabindex: "-1" });
  const fs = h(
    "fieldset",
    { class: card ? "card" : "subgroup", "data-path": name, "aria-describedby": msgId },
    h("legend", {}, legend, reqMark),
    hint ? h("p", { class: "group-hint" }, hint) : null,
    msg,
    renderShape(field.shape, name),
  );
  groupTarget(fs, field, name, legend, msg, reqMark);
  return fs;
}

/** A list (or the tag map): a fieldset with its rows and an add button. */
function renderList(field, name, { card, hint } = {}) {
  const msgId = idFor("m", name);
  const reqMark = h("span", { class: "req", "aria-hidden": "true", hidden: true }, " *");
  const msg = h("div", { id: msgId, class: "msg group-msg", tabindex: "-1" });
  const rowsEl = h("div", { class: field.kind === "objectList" ? "rows rows-items" : "rows" });
  const singular = SINGULAR[field.name] ?? "item";
  const limit = hintFor(field);
  const notes = [limit, field.shape && field.shape.voiceOnly ? "VOICE channel only" : null].filter(Boolean);
  const addBtn = h(
    "button",
    { type: "button", class: "btn-secondary btn-add", "data-action": "add", "data-list": name },
    "+ Add ",
    singular,
  );
  const empty = h("p", { class: "empty" }, "None.");
  const fs = h(
    "fieldset",
    { class: card ? "card list" : "subgroup list", "data-path": name, "aria-describedby": msgId },
    h("legend", {}, field.label, reqMark, notes.length ? h("span", { class: "legend-hint" }, vh(", "), notes.join(" · ")) : null),
    hint ? h("p", { class: "group-hint" }, hint) : null,
    msg,
    rowsEl,
    h("div", { class: "list-actions" }, empty, addBtn),
  );
  groupTarget(fs, field, name, field.label, msg, reqMark);
  lists.set(name, { field, name, singular, rowsEl, addBtn, empty, fieldset: fs });
  return fs;
}

// ---------------------------------------------------------------------------------------------
// List rows

function rowBase(list, i) {
  return `${list.name}[${i}]`;
}

function buildRow(list, i) {
  const base = rowBase(list, i);
  const { field, singular } = list;
  const n = i + 1;
  const removeBtn = h(
    "button",
    { type: "button", class: "btn-small btn-remove", "data-action": "remove", "data-list": list.name, "data-index": String(i) },
    "Remove",
    vh(` ${singular} ${n}`),
  );
  let row;
  if (field.kind === "stringList") {
    const leafField = { name: "", label: `${cap(singular)} ${n}`, kind: "string", required: false, modes: noModes() };
    row = h(
      "div",
      { class: "row row-string" },
      renderLeaf(leafField, base, { placeholderKey: list.name, hideHint: true }),
      removeBtn,
    );
  } else if (field.kind === "tagMap") {
    const keyField = { name: "key", label: "Key", kind: "string", required: false, modes: noModes() };
    const valueField = { name: "value", label: "Value", kind: "string", required: false, modes: noModes() };
    row = h(
      "div",
      { class: "row row-tag", role: "group", "aria-label": `Tag ${n}` },
      renderLeaf(keyField, `${base}.key`, { labelPrefix: `Tag ${n} `, labelText: "Key", hideHint: true }),
      renderLeaf(valueField, `${base}.value`, { labelPrefix: `Tag ${n} `, labelText: "Value", hideHint: true }),
      removeBtn,
    );
  } else {
    const legend = `${cap(singular)} ${n}`;
    const msgId = idFor("m", base);
    const msg = h("div", { id: msgId, class: "msg group-msg", tabindex: "-1" });
    row = h(
      "fieldset",
      { class: "row item", "data-path": base, "aria-describedby": msgId },
      h("legend", {}, legend),
      removeBtn,
      msg,
      renderShape(field.shape, base),
    );
    groupTarget(row, null, base, legend, msg, null);
  }
  row._bag = newBag();
  row._base = base;
  return row;
}

function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function noModes() {
  return { requiredIn: [], forbiddenIn: [], notApplicableIn: [] };
}

function rowsOf(list) {
  return Array.from(list.rowsEl.children);
}

/** Adds a row, filled from a snapshot when given. */
function addRow(list, snap, { focus = true } = {}) {
  const i = list.rowsEl.childElementCount;
  const row = buildRow(list, i);
  list.rowsEl.append(row);
  if (snap) restoreRow(list, row, snap);
  else if (list.field.shape && list.field.shape.voiceOnly) {
    // The only channel such a list accepts: preselect it.
    const channel = form.elements.namedItem(`${rowBase(list, i)}.Channel`);
    if (channel) channel.value = "VOICE";
  }
  applyModeTo(row);
  syncList(list);
  if (focus) {
    const first = row.querySelector("input, select");
    if (first) first.focus();
  }
  return row;
}

function syncList(list) {
  const count = list.rowsEl.childElementCount;
  list.empty.hidden = count > 0;
  const max = list.field.max;
  list.addBtn.disabled = max !== undefined && count >= max;
}

/** Everything a row holds, relative to its base name, to rebuild it at another index. */
function snapshotRow(row) {
  const base = row._base;
  const leaves = [];
  for (const c of row.querySelectorAll("[name]")) {
    leaves.push({
      rel: c.name.slice(base.length),
      value: c.value,
      raw: c._raw,
      touched: state.touched.has(c.name),
    });
  }
  return { leaves, bag: row._bag };
}

function restoreRow(list, row, snap) {
  const base = row._base;
  for (const leaf of snap.leaves) {
    const c = form.elements.namedItem(base + leaf.rel);
    if (!c) continue;
    if (leaf.raw) setRaw(c, leaf.raw.value);
    if (!(leaf.raw && c.tagName === "INPUT")) c.value = leaf.value;
    if (leaf.touched) state.touched.add(c.name);
  }
  row._bag = snap.bag;
}

function removeRow(list, index) {
  const rows = rowsOf(list);
  const snaps = rows.map(snapshotRow);
  snaps.splice(index, 1);
  for (const t of [...state.touched]) if (t.startsWith(list.name + "[")) state.touched.delete(t);
  list.rowsEl.replaceChildren();
  for (const snap of snaps) addRow(list, snap, { focus: false });
  reindex();
  update();
  // Focus: the row now at this index, else the previous one, else the add button.
  const next = rowsOf(list)[Math.min(index, snaps.length - 1)];
  const target = next ? next.querySelector(".btn-remove") : list.addBtn;
  (target && !target.disabled ? target : list.addBtn).focus();
  announce(`Removed ${list.singular} ${index + 1}.`);
}

/** Rebuilds the map from paths to targets after rows changed. */
function reindex() {
  targets = new Map();
  for (const node of form.querySelectorAll("[data-path]")) {
    if (node._target) targets.set(node.dataset.path, node._target);
  }
}

// ---------------------------------------------------------------------------------------------
// Identity management type: which fields it requires, forbids or ignores (from the model)

function applyMode() {
  applyModeTo(form);
}

function applyModeTo(root) {
  const nodes = root.matches("[data-path]") ? [root, ...root.querySelectorAll("[data-path]")] : root.querySelectorAll("[data-path]");
  for (const node of nodes) {
    const t = node._target;
    if (!t || !t.field) continue;
    const { field } = t;
    const modes = field.modes ?? noModes();
    const forbidden = modes.forbiddenIn.includes(state.mode);
    const notApplicable = modes.notApplicableIn.includes(state.mode);
    const required = field.required || modes.requiredIn.includes(state.mode);
    t.forbidden = forbidden;
    t.note = forbidden || notApplicable ? modeReason(t, forbidden ? "FORBIDDEN" : "NOT_APPLICABLE") : null;
    if (t.reqMark) t.reqMark.hidden = !required;
    if (t.hintText) t.hintText.textContent = hintFor(field);
    node.classList.toggle("is-forbidden", forbidden);
    node.classList.toggle("is-not-applicable", notApplicable);
    if (t.kind === "control") {
      t.control.disabled = forbidden;
      const toggle = t.wrapper.querySelector('[data-action="toggle-password"]');
      if (toggle) toggle.disabled = forbidden;
      if (required) t.control.setAttribute("aria-required", "true");
      else t.control.removeAttribute("aria-required");
    } else if (t.kind === "group" && node.tagName === "FIELDSET") {
      node.disabled = forbidden;
    }
  }
}

/**
 * Why the current mode forbids or ignores a field, in the validator's own words: it validates a
 * probe input holding only that field and takes its FORBIDDEN or NOT_APPLICABLE message.
 */
function modeReason(t, code) {
  const key = `${state.mode}\u0000${t.modelPath}\u0000${code}`;
  if (!probeCache.has(key)) {
    const value = probeValue(t.field);
    let message = null;
    if (value !== undefined) {
      const report = validateCreateUser(probeInput(t.modelPath, value), { identityManagementType: state.mode });
      const hit = [...report.errors, ...report.warnings].find((v) => v.path === t.modelPath && v.code === code);
      if (hit) message = hit.message;
    }
    const modeName = MODES.find(([m]) => m === state.mode)[1];
    probeCache.set(
      key,
      message ?? (code === "FORBIDDEN" ? `${t.label} is not allowed with ${modeName}.` : `${t.label} has no effect with ${modeName}.`),
    );
  }
  return probeCache.get(key);
}

function probeValue(field) {
  switch (field.kind) {
    case "string":
      return "x";
    case "enum":
      return field.values[0];
    case "boolean":
      return true;
    case "integer":
      return field.min ?? 1;
    default:
      return undefined;
  }
}

function probeInput(modelPath, value) {
  const parts = modelPath.match(/\[\d+\]|[^.[\]]+/g);
  let v = value;
  for (let i = parts.length - 1; i >= 0; i--) v = parts[i].startsWith("[") ? [v] : { [parts[i]]: v };
  return v;
}

// ---------------------------------------------------------------------------------------------
// From the form to a CreateUser input

const NUMBER = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** The value of one control: undefined when absent (empty, or turned off by the mode). */
function readLeaf(control, field) {
  if (control.disabled) return undefined;
  if (control._raw) {
    if (control.tagName !== "SELECT" || control.value === RAW) return control._raw.value;
  }
  const v = control.value;
  switch (field.kind) {
    case "boolean":
      return v === "true" ? true : v === "false" ? false : undefined;
    case "integer":
      // A number when the text is one; any other text goes to validation as typed (a TYPE error).
      if (v.trim() === "") return undefined;
      return NUMBER.test(v) ? Number(v) : v;
    default:
      return v === "" ? undefined : v;
  }
}

function gather() {
  return gatherShape(model, "", state.bag, 0) ?? {};
}

/** `bag` holds loaded values without a field; names in it are relative to `baseLen` characters. */
function gatherShape(shape, prefix, bag, baseLen) {
  const obj = {};
  for (const f of shape.fields) {
    const name = prefix ? `${prefix}.${f.name}` : f.name;
    const rel = name.slice(baseLen);
    const v = bag.overrides.has(rel) ? bag.overrides.get(rel) : gatherField(f, name, bag, baseLen);
    if (v !== undefined) obj[f.name] = v;
  }
  const extras = bag.extras.get(prefix.slice(baseLen));
  if (extras) for (const [k, v] of extras) obj[k] = v;
  return Object.keys(obj).length ? obj : undefined;
}

function gatherField(f, name, bag, baseLen) {
  switch (f.kind) {
    case "object": {
      const holder = targets.get(name);
      if (holder && holder.forbidden) return undefined;
      return gatherShape(f.shape, name, bag, baseLen);
    }
    case "stringList":
    case "objectList":
    case "tagMap": {
      const list = lists.get(name);
      if (!list || list.fieldset.disabled) return undefined;
      return gatherList(list);
    }
    default: {
      const c = form.elements.namedItem(name);
      return c ? readLeaf(c, f) : undefined;
    }
  }
}

function gatherList(list) {
  const rows = rowsOf(list);
  if (rows.length === 0) return undefined;
  const { field } = list;
  if (field.kind === "tagMap") {
    const tags = {};
    for (const row of rows) {
      const key = form.elements.namedItem(`${row._base}.key`);
      const value = form.elements.namedItem(`${row._base}.value`);
      const k = key.value;
      const v = readLeaf(value, { kind: "string" });
      if (k === "" && v === undefined) continue; // a blank row is not a tag
      tags[k] = v ?? ""; // "" is a real tag value
    }
    return Object.keys(tags).length ? tags : undefined;
  }
  return rows.map((row) => {
    if (row._bag.overrides.has("")) return row._bag.overrides.get("");
    if (field.kind === "stringList") {
      return readLeaf(form.elements.namedItem(row._base), { kind: "string" }) ?? "";
    }
    return gatherShape(field.shape, row._base, row._bag, row._base.length) ?? {};
  });
}

/** Page-level notes the validator cannot see: two tag rows with one key (an object keeps one). */
function formWarnings() {
  const list = lists.get("Tags");
  if (!list) return [];
  const seen = new Map();
  const out = [];
  for (const row of rowsOf(list)) {
    const key = form.elements.namedItem(`${row._base}.key`);
    const value = form.elements.namedItem(`${row._base}.value`);
    if (key.value === "" && value.value === "") continue;
    if (seen.has(key.value)) {
      out.push({
        path: key.name,
        code: "DUPLICATE_KEY",
        level: "warning",
        message: `Tag ${seen.get(key.value)} has the same key; a key can be sent once, so only the last of them is kept.`,
      });
    } else seen.set(key.value, rowsOf(list).indexOf(row) + 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Violations → controls

/** The target of a violation path: its control, else its nearest group, else the root. */
function locate(path, violation) {
  const tag = /^Tags\[(".*")\]$/.exec(path);
  if (tag && lists.has("Tags")) {
    let key;
    try {
      key = JSON.parse(tag[1]);
    } catch {
      key = null;
    }
    if (typeof key === "string") {
      const rows = rowsOf(lists.get("Tags")).filter((r) => form.elements.namedItem(`${r._base}.key`).value === key);
      const row = rows[rows.length - 1];
      if (row) return targets.get(`${row._base}.${tagSide(key, violation)}`);
    }
  }
  for (const p of pathAncestors(path)) {
    const t = targets.get(p);
    if (t) return t;
  }
  return rootTarget;
}

/**
 * Key or value? Problems of a tag share the path `Tags["k"]`; a probe with the same key and an
 * empty (valid) value tells which of them come from the key.
 */
function tagSide(key, violation) {
  const cacheKey = `tag\u0000${key}`;
  if (!probeCache.has(cacheKey)) {
    const report = validateCreateUser({ Tags: { [key]: "" } });
    probeCache.set(cacheKey, report.errors.concat(report.warnings));
  }
  const keyProblems = probeCache.get(cacheKey);
  return keyProblems.some((v) => v.path === violation.path && v.code === violation.code && v.message === violation.message)
    ? "key"
    : "value";
}

function isVisible(t) {
  if (state.submitted) return true;
  if (t.kind === "root") return false;
  if (t.kind === "control") return state.touched.has(t.control.name);
  for (const c of t.wrapper.querySelectorAll("[name]")) if (state.touched.has(c.name)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Validation on every change

function update({ focus = false } = {}) {
  const input = gather();
  const options = { identityManagementType: state.mode };
  const report = validateCreateUser(input, options);

  const all = [
    ...report.errors.map((v) => ({ ...v, level: "error" })),
    ...report.warnings.map((v) => ({ ...v, level: "warning" })),
    ...formWarnings(),
  ];
  const everyTarget = [...targets.values(), rootTarget];
  for (const t of everyTarget) t.items = [];
  const shown = [];
  let hiddenErrors = 0;
  for (const v of all) {
    const t = locate(v.path, v) ?? rootTarget;
    if (isVisible(t)) {
      t.items.push(v);
      shown.push({ v, t });
    } else if (v.level === "error") hiddenErrors++;
  }
  for (const t of everyTarget) renderMessages(t);
  renderStatus(report, shown, hiddenErrors);
  renderRequest(input, report, options);
  renderLoose();
  if (state.submitted) {
    const n = report.errors.length;
    const text = n === 0 ? "No errors: the request is ready." : `${plural(n, "error")} to fix.`;
    if (focus || text !== lastAnnounced) announce(text);
    lastAnnounced = text;
  }
  if (focus) focusFirstProblem();
  return report;
}

function renderMessages(t) {
  const nodes = [];
  if (t.note) {
    const hasValue = t.kind === "control" && t.control.value !== "" && t.forbidden;
    nodes.push(
      h(
        "p",
        { class: "note" },
        vh("Note: "),
        t.note,
        hasValue ? " The value entered here is kept but not sent." : null,
      ),
    );
  }
  for (const v of t.items) {
    const error = v.level === "error";
    nodes.push(
      h("p", { class: error ? "err" : "warn", "data-code": v.code }, vh(error ? "Error: " : "Warning: "), v.message),
    );
  }
  t.msg.replaceChildren(...nodes);
  const invalid = t.items.some((v) => v.level === "error");
  const warned = !invalid && t.items.length > 0;
  if (t.kind === "control") t.control.setAttribute("aria-invalid", String(invalid));
  if (t.kind !== "root") {
    t.wrapper.classList.toggle("has-error", invalid);
    t.wrapper.classList.toggle("has-warning", warned);
  }
  if (t.fix) t.fix.hidden = !t.items.some((v) => v.code === "NOT_NFC");
}

function renderStatus(report, shown, hiddenErrors) {
  const errors = report.errors.length;
  const warnings = report.warnings.length;
  const text = el["status-text"];
  text.className = errors ? "status-bad" : "status-ok";
  if (errors === 0) {
    text.textContent = warnings
      ? `Valid, with ${plural(warnings, "warning")}: the request can be built.`
      : "Valid: the request can be built.";
  } else {
    text.textContent = `${plural(errors, "error")}${warnings ? ` and ${plural(warnings, "warning")}` : ""}.`;
  }
  const items = [];
  const ordered = [...shown.filter((s) => s.v.level === "error"), ...shown.filter((s) => s.v.level !== "error")];
  for (const { v, t } of ordered) {
    const button = h(
      "button",
      { type: "button", class: "problem-link" },
      vh(v.level === "error" ? "Error: " : "Warning: "),
      h("strong", {}, t.label),
      " — ",
      v.message,
    );
    button._focusTarget = t;
    items.push(h("li", { class: v.level === "error" ? "problem-err" : "problem-warn" }, button));
  }
  if (hiddenErrors > 0) {
    items.push(
      h(
        "li",
        { class: "problem-more" },
        `${plural(hiddenErrors, "more error")} in fields not filled in yet: press “Check and build request” to see them.`,
      ),
    );
  }
  el.problems.replaceChildren(...items);
}

function renderRequest(input, report, options) {
  const out = el.request;
  currentRequest = null;
  if (report.valid) {
    try {
      currentRequest = buildCreateUserRequest(input, options);
    } catch (err) {
      const why = err instanceof ValidationError ? err.message : `The request could not be built (${err && err.message}).`;
      out.replaceChildren(h("p", { class: "placeholder" }, why));
    }
  } else {
    out.replaceChildren(
      h("p", { class: "placeholder" }, `No request yet: fix the ${plural(report.errors.length, "error")} first.`),
    );
  }
  if (currentRequest) {
    const r = currentRequest;
    out.replaceChildren(
      h("p", { class: "req-line" }, h("span", { class: "req-method" }, r.method), " ", h("span", { class: "req-path" }, r.path)),
      ...Object.entries(r.headers).map(([k, v]) => h("p", { class: "req-header" }, `${k}: ${v}`)),
      h("pre", { class: "req-body", tabindex: "0", role: "region", "aria-label": "Request body" }, maskedBody(r.body)),
    );
  }
  el["copy-body"].disabled = !currentRequest;
  el["download-body"].disabled = !currentRequest;
  el["request-note"].hidden = !(currentRequest && [...MASKED].some((k) => k in JSON.parse(currentRequest.body)));
}

function maskedBody(body) {
  const obj = JSON.parse(body);
  for (const k of MASKED) if (Object.hasOwn(obj, k)) obj[k] = MASK;
  return JSON.stringify(obj, null, 2);
}

function focusFirstProblem() {
  const invalid = form.querySelector('[aria-invalid="true"]');
  if (invalid) {
    invalid.focus();
    return;
  }
  const group = form.querySelector(".has-error .group-msg:not(:empty), #root-msg:not(:empty)");
  if (group) group.focus();
}

function announce(text) {
  // Clear then set, so the same sentence twice is announced twice.
  el.live.textContent = "";
  setTimeout(() => {
    el.live.textContent = text;
  }, 50);
}

/** Loaded values the form has no control for, each with a discard button. */
function renderLoose() {
  const items = [];
  const add = (path, value, discard) => {
    const btn = h("button", { type: "button", class: "btn-small", "data-action": "discard" }, "Discard", vh(` ${path}`));
    btn._discard = discard;
    items.push(h("li", {}, h("code", {}, path || "(input)"), " = ", h("code", {}, preview(value)), " ", btn));
  };
  const fromBag = (bag, base) => {
    for (const [rel, value] of bag.overrides) add(base + rel, value, () => bag.overrides.delete(rel));
    for (const [prefix, members] of bag.extras) {
      for (const [k, value] of members) {
        const p = base + prefix;
        add(p ? `${p}.${k}` : k, value, () => members.delete(k));
      }
    }
  };
  fromBag(state.bag, "");
  for (const list of lists.values()) for (const row of rowsOf(list)) fromBag(row._bag, row._base);
  el["loose-list"].replaceChildren(...items);
  el.loose.hidden = items.length === 0;
}

// ---------------------------------------------------------------------------------------------
// Events

function onInput(event) {
  const target = event.target;
  if (target === modeSelect) {
    if (event.type === "change" && state.mode === modeSelect.value) return;
    state.mode = modeSelect.value;
    applyMode();
    update();
    return;
  }
  if (!target.name) return;
  if (target._raw && target.tagName === "INPUT" && event.type === "input") delete target._raw;
  state.touched.add(target.name);
  update();
}

function onSubmit(event) {
  event.preventDefault();
  state.submitted = true;
  update({ focus: true });
}

function onClick(event) {
  const button = event.target.closest("button[data-action]");
  if (!button) return;
  const action = button.dataset.action;
  if (action === "add") {
    const list = lists.get(button.dataset.list);
    addRow(list, null);
    reindex();
    update();
    announce(`Added ${list.singular} ${list.rowsEl.childElementCount}.`);
  } else if (action === "remove") {
    removeRow(lists.get(button.dataset.list), Number(button.dataset.index));
  } else if (action === "nfc") {
    const control = document.getElementById(button.getAttribute("aria-controls"));
    control.value = normalizeNfc(control.value);
    delete control._raw;
    state.touched.add(control.name);
    update();
    control.focus();
    announce("Converted to composed form (NFC).");
  } else if (action === "toggle-password") {
    const control = document.getElementById(button.getAttribute("aria-controls"));
    const show = control.type === "password";
    control.type = show ? "text" : "password";
    button.textContent = show ? "Hide" : "Show";
    button.setAttribute("aria-pressed", String(show));
  } else if (action === "discard") {
    button._discard();
    update();
    el["load-file"].focus();
  }
}

function onProblemClick(event) {
  const button = event.target.closest("button.problem-link");
  if (!button) return;
  const t = button._focusTarget;
  if (t.kind === "control" && !t.control.disabled) t.control.focus();
  else {
    const first = t.kind === "group" ? t.wrapper.querySelector("input:not(:disabled), select:not(:disabled)") : null;
    (first ?? t.msg).focus();
  }
}

// ---------------------------------------------------------------------------------------------
// Copy, download, load

async function copyBody() {
  if (!currentRequest) return;
  const body = currentRequest.body;
  let ok = false;
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(body);
      ok = true;
    }
  } catch {
    ok = false;
  }
  if (!ok) ok = copyWithTextarea(body);
  setActionStatus(
    ok
      ? "Body copied to the clipboard (with the real password)."
      : "Could not copy automatically: the body text is selected, press Ctrl+C (⌘C) to copy it.",
    ok ? "ok" : "bad",
  );
  if (!ok) selectBody();
}

function copyWithTextarea(text) {
  const area = h("textarea", { class: "offscreen", readonly: true, "aria-hidden": "true", tabindex: "-1" });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  el["copy-body"].focus();
  return ok;
}

function selectBody() {
  const pre = el.request.querySelector(".req-body");
  if (!pre) return;
  const range = document.createRange();
  range.selectNodeContents(pre);
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
}

function downloadBody() {
  if (!currentRequest) return;
  const body = JSON.parse(currentRequest.body);
  const user = typeof body.Username === "string" ? body.Username.replace(/[^A-Za-z0-9_.@-]/g, "_") : "";
  const name = `create-user-${user || "input"}.json`;
  const url = URL.createObjectURL(new Blob([currentRequest.body], { type: "application/json" }));
  const a = h("a", { href: url, download: name, class: "offscreen", tabindex: "-1" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  setActionStatus(`Downloaded ${name} (the request body, with the real password; InstanceId is in the path, not the body).`, "ok");
}

function setActionStatus(text, kind) {
  el["action-status"].textContent = text;
  el["action-status"].className = `action-status status-${kind}`;
}

async function loadFile() {
  const input = el["load-file"];
  const file = input.files && input.files[0];
  if (!file) return;
  const status = el["load-status"];
  const fail = (text) => {
    status.textContent = text;
    status.className = "load-status status-bad";
  };
  try {
    if (file.size > MAX_FILE_BYTES) return fail(`${file.name} is too large (over 5 MB) for one user's input.`);
    const text = await file.text();
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      return fail(`${file.name} is not valid JSON, so nothing was loaded.`);
    }
    if (!isPlainObject(data)) {
      const what = Array.isArray(data) ? "a list" : data === null ? "null" : `a ${typeof data}`;
      return fail(`${file.name} holds ${what}; it must hold one JSON object (a CreateUser input). Nothing was loaded.`);
    }
    const keptInstance = fillForm(data);
    state.submitted = true;
    update();
    const report = validateCreateUser(gather(), { identityManagementType: state.mode });
    status.textContent =
      `Loaded ${file.name}: ${report.errors.length ? plural(report.errors.length, "error") : "no errors"}.` +
      (keptInstance ? " The file has no InstanceId, so the instance ID already in the form was kept." : "");
    status.className = `load-status ${report.errors.length ? "status-bad" : "status-ok"}`;
  } catch (err) {
    fail(`${file.name} could not be read (${err && err.message ? err.message : err}).`);
  } finally {
    input.value = ""; // so that the same file can be loaded again
  }
}

// ---------------------------------------------------------------------------------------------
// From an input to the form

function resetControls({ keepInstance }) {
  const instance = form.elements.namedItem("InstanceId");
  const instanceValue = instance ? instance.value : "";
  for (const c of form.querySelectorAll("input[name], select[name]")) {
    if (c === modeSelect) continue;
    delete c._raw;
    if (c.tagName === "SELECT") {
      for (const o of [...c.options]) if (o.value === RAW) o.remove();
      c.value = "";
    } else c.value = "";
  }
  for (const list of lists.values()) {
    list.rowsEl.replaceChildren();
    syncList(list);
  }
  state.bag = newBag();
  state.touched.clear();
  if (keepInstance && instance) instance.value = instanceValue;
}

/** Fills the form from an input; returns true when the InstanceId of the form was kept. */
function fillForm(data) {
  const keep = data.InstanceId === undefined || data.InstanceId === null;
  resetControls({ keepInstance: keep });
  fillShape(model, "", data, state.bag, 0);
  reindex();
  applyMode();
  return keep && form.elements.namedItem("InstanceId").value !== "";
}

function fillShape(shape, prefix, obj, bag, baseLen) {
  for (const [k, v] of Object.entries(obj)) {
    const f = fieldByName(shape, k);
    if (!f) {
      if (v === null || v === undefined) continue; // not reported by the validator either
      const p = prefix.slice(baseLen);
      if (!bag.extras.has(p)) bag.extras.set(p, new Map());
      bag.extras.get(p).set(k, v);
      continue;
    }
    if (v === null) continue;
    const name = prefix ? `${prefix}.${k}` : k;
    fillField(f, name, v, bag, baseLen);
  }
}

function fillField(f, name, v, bag, baseLen) {
  const rel = name.slice(baseLen);
  switch (f.kind) {
    case "object":
      if (isPlainObject(v)) fillShape(f.shape, name, v, bag, baseLen);
      else bag.overrides.set(rel, v);
      return;
    case "stringList":
    case "objectList":
    case "tagMap": {
      const list = lists.get(name);
      if (!list || !fillList(list, v)) bag.overrides.set(rel, v);
      return;
    }
    default: {
      const c = form.elements.namedItem(name);
      if (c) setLeaf(c, f, v);
      else bag.overrides.set(rel, v);
    }
  }
}

/** Fills a list's rows; false when the value cannot be shown as rows (kept whole instead). */
function fillList(list, v) {
  const { field } = list;
  if (field.kind === "tagMap") {
    if (!isPlainObject(v) || Object.keys(v).length > MAX_ROWS) return false;
    for (const [k, value] of Object.entries(v)) {
      const row = addRow(list, null, { focus: false });
      form.elements.namedItem(`${row._base}.key`).value = k;
      setLeaf(form.elements.namedItem(`${row._base}.value`), { kind: "string" }, value);
    }
    return true;
  }
  if (!Array.isArray(v) || v.length > MAX_ROWS) return false;
  for (const item of v) {
    const row = addRow(list, null, { focus: false });
    if (field.kind === "stringList") {
      setLeaf(form.elements.namedItem(row._base), { kind: "string" }, item);
    } else {
      // A new row of a VOICE-only list starts at VOICE; a loaded one shows what the file says.
      const channel = form.elements.namedItem(`${row._base}.Channel`);
      if (channel) channel.value = "";
      if (isPlainObject(item)) fillShape(field.shape, row._base, item, row._bag, row._base.length);
      else if (item !== null && item !== undefined) row._bag.overrides.set("", item);
    }
  }
  return true;
}

/** Shows a loaded value; one the control cannot hold as-is is kept raw, for validation to judge. */
function setLeaf(control, field, v) {
  if (v === null || v === undefined) return;
  switch (field.kind) {
    case "enum":
      if (typeof v === "string" && field.values.includes(v)) control.value = v;
      else setRaw(control, v);
      return;
    case "boolean":
      if (v === true || v === false) control.value = String(v);
      else setRaw(control, v);
      return;
    case "integer":
      if (typeof v === "number") control.value = String(v);
      else setRaw(control, v);
      return;
    default:
      if (typeof v === "string") control.value = v;
      else setRaw(control, v);
  }
}

function setRaw(control, value) {
  control._raw = { value };
  if (control.tagName === "SELECT") {
    for (const o of [...control.options]) if (o.value === RAW) o.remove();
    control.append(new Option(`${preview(value, 40)} (from the file; not one of the choices)`, RAW));
    control.value = RAW;
  } else {
    control.value = typeof value === "string" ? value : preview(value, 1000);
  }
}

function clearUser() {
  resetControls({ keepInstance: true });
  addRow(lists.get("SecurityProfileIds"), null, { focus: false });
  state.submitted = false;
  lastAnnounced = null;
  reindex();
  applyMode();
  update();
  el["load-status"].textContent = "";
  el["action-status"].textContent = "";
  const first = form.elements.namedItem("Username");
  if (first) first.focus();
  announce("The user fields were cleared.");
}

main();
