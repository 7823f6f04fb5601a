// From a CreateUser input to the form: loading a JSON file, filling controls and list rows, and
// keeping what the form cannot show in bags (so validation still sees it).
import { isPlainObject, plural } from "../dom.js";
import { fieldByName } from "./model.js";
import { setLeaf, clearControl } from "./control-value.js";
import { newBag, addRow, syncList, reindex } from "./lists.js";
import { applyMode } from "./mode.js";
import { MAX_ROWS } from "./layout.js";
import { MAX_JSON_BYTES, readFileText } from "./files.js";
import { update } from "./form-update.js";

/** Empties every user control and list (not the mode); keeps the instance id when asked. */
export function resetControls(ctx, { keepInstance }) {
  const instance = ctx.form.elements.namedItem("InstanceId");
  const instanceValue = instance ? instance.value : "";
  for (const c of ctx.form.querySelectorAll("input[name], select[name]")) {
    if (c === ctx.modeSelect) continue;
    clearControl(c);
  }
  for (const list of ctx.lists.values()) {
    list.rowsEl.replaceChildren();
    syncList(list);
  }
  ctx.state.bag = newBag();
  ctx.state.touched.clear();
  if (keepInstance && instance) instance.value = instanceValue;
}

/** Fills the form from an input; returns true when the InstanceId of the form was kept. */
export function fillForm(ctx, data) {
  const keep = data.InstanceId === undefined || data.InstanceId === null;
  resetControls(ctx, { keepInstance: keep });
  fillShape(ctx, ctx.model, "", data, ctx.state.bag, 0);
  reindex(ctx);
  applyMode(ctx);
  return keep && ctx.form.elements.namedItem("InstanceId").value !== "";
}

function fillShape(ctx, shape, prefix, obj, bag, baseLen) {
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
    fillField(ctx, f, name, v, bag, baseLen);
  }
}

function fillField(ctx, f, name, v, bag, baseLen) {
  const rel = name.slice(baseLen);
  switch (f.kind) {
    case "object":
      if (isPlainObject(v)) fillShape(ctx, f.shape, name, v, bag, baseLen);
      else bag.overrides.set(rel, v);
      return;
    case "stringList":
    case "objectList":
    case "tagMap": {
      const list = ctx.lists.get(name);
      if (!list || !fillList(ctx, list, v)) bag.overrides.set(rel, v);
      return;
    }
    default: {
      const c = ctx.form.elements.namedItem(name);
      if (c) setLeaf(c, f, v);
      else bag.overrides.set(rel, v);
    }
  }
}

/** Fills a list's rows; false when the value cannot be shown as rows (kept whole instead). */
function fillList(ctx, list, v) {
  const { field } = list;
  const { elements } = ctx.form;
  if (field.kind === "tagMap") {
    if (!isPlainObject(v) || Object.keys(v).length > MAX_ROWS) return false;
    for (const [k, value] of Object.entries(v)) {
      const row = addRow(ctx, list, null, { focus: false });
      elements.namedItem(`${row._base}.key`).value = k;
      setLeaf(elements.namedItem(`${row._base}.value`), { kind: "string" }, value);
    }
    return true;
  }
  if (!Array.isArray(v) || v.length > MAX_ROWS) return false;
  for (const item of v) {
    const row = addRow(ctx, list, null, { focus: false });
    if (field.kind === "stringList") {
      setLeaf(elements.namedItem(row._base), { kind: "string" }, item);
    } else {
      // A new row of a VOICE-only list starts at VOICE; a loaded one shows what the file says.
      const channel = elements.namedItem(`${row._base}.Channel`);
      if (channel) channel.value = "";
      if (isPlainObject(item)) fillShape(ctx, field.shape, row._base, item, row._bag, row._base.length);
      else if (item !== null && item !== undefined) row._bag.overrides.set("", item);
    }
  }
  return true;
}

/** Loads the JSON file picked in `#load-file` into the form, and says how it went. */
export async function loadUserFile(ctx) {
  const input = ctx.el["load-file"];
  const file = input.files && input.files[0];
  if (!file) return;
  const status = ctx.el["load-status"];
  const fail = (text) => {
    status.textContent = text;
    status.className = "load-status status-bad";
  };
  try {
    if (file.size > MAX_JSON_BYTES) return fail(`${file.name} is too large (over 5 MB) for one user's input.`);
    const text = await readFileText(file);
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
    const keptInstance = fillForm(ctx, data);
    ctx.state.submitted = true;
    const report = update(ctx);
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
