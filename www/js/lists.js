// List rows of the form (security profiles, channel settings, tags): adding, removing with
// renumbering (rows are rebuilt from snapshots so every name and label follows its new index),
// and the map from paths to message targets.
import { h, vh, idFor } from "../dom.js";
import { noModes } from "./model.js";
import { renderLeaf, renderShape, groupTarget, groupMessage } from "./form-build.js";
import { setRaw } from "./control-value.js";
import { applyModeTo } from "./mode.js";

/** Loaded values a form part cannot show: `overrides` replace a member by (relative) name, `extras`
 * are members the model does not have (kept so that validation reports them as UNKNOWN_FIELD). */
export function newBag() {
  return { overrides: new Map(), extras: new Map() };
}

export function rowBase(list, i) {
  return `${list.name}[${i}]`;
}

export function rowsOf(list) {
  return Array.from(list.rowsEl.children);
}

function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function buildRow(ctx, list, i) {
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
      renderLeaf(ctx, leafField, base, { placeholderKey: list.name, hideHint: true }),
      removeBtn,
    );
  } else if (field.kind === "tagMap") {
    const keyField = { name: "key", label: "Key", kind: "string", required: false, modes: noModes() };
    const valueField = { name: "value", label: "Value", kind: "string", required: false, modes: noModes() };
    row = h(
      "div",
      { class: "row row-tag", role: "group", "aria-label": `Tag ${n}` },
      renderLeaf(ctx, keyField, `${base}.key`, { labelPrefix: `Tag ${n} `, labelText: "Key", hideHint: true }),
      renderLeaf(ctx, valueField, `${base}.value`, { labelPrefix: `Tag ${n} `, labelText: "Value", hideHint: true }),
      removeBtn,
    );
  } else {
    const legend = `${cap(singular)} ${n}`;
    const msg = groupMessage(idFor("m", base));
    row = h(
      "fieldset",
      { class: "row item", "data-path": base, "aria-describedby": msg.id },
      h("legend", {}, legend),
      removeBtn,
      msg,
      renderShape(ctx, field.shape, base),
    );
    groupTarget(row, null, base, legend, msg, null);
  }
  row._bag = newBag();
  row._base = base;
  return row;
}

/** Adds a row, filled from a snapshot when given. */
export function addRow(ctx, list, snap, { focus = true } = {}) {
  const i = list.rowsEl.childElementCount;
  const row = buildRow(ctx, list, i);
  list.rowsEl.append(row);
  if (snap) restoreRow(ctx, row, snap);
  else if (list.field.shape && list.field.shape.voiceOnly) {
    // The only channel such a list accepts: preselect it.
    const channel = ctx.form.elements.namedItem(`${rowBase(list, i)}.Channel`);
    if (channel) channel.value = "VOICE";
  }
  applyModeTo(ctx, row);
  syncList(list);
  if (focus) {
    const first = row.querySelector("input, select");
    if (first) first.focus();
  }
  return row;
}

/** The "None." note and the add button's state, after the row count changed. */
export function syncList(list) {
  const count = list.rowsEl.childElementCount;
  list.empty.hidden = count > 0;
  const max = list.field.max;
  list.addBtn.disabled = max !== undefined && count >= max;
}

/** Everything a row holds, relative to its base name, to rebuild it at another index. */
function snapshotRow(ctx, row) {
  const base = row._base;
  const leaves = [];
  for (const c of row.querySelectorAll("[name]")) {
    leaves.push({
      rel: c.name.slice(base.length),
      value: c.value,
      raw: c._raw,
      touched: ctx.state.touched.has(c.name),
    });
  }
  return { leaves, bag: row._bag };
}

function restoreRow(ctx, row, snap) {
  const base = row._base;
  for (const leaf of snap.leaves) {
    const c = ctx.form.elements.namedItem(base + leaf.rel);
    if (!c) continue;
    if (leaf.raw) setRaw(c, leaf.raw.value);
    if (!(leaf.raw && c.tagName === "INPUT")) c.value = leaf.value;
    if (leaf.touched) ctx.state.touched.add(c.name);
  }
  row._bag = snap.bag;
}

/**
 * Removes row `index`, renumbering the rows after it, and re-indexes the targets. Returns the
 * element to focus next: the row now at this index, else the previous one, else the add button.
 */
export function removeRow(ctx, list, index) {
  const snaps = rowsOf(list).map((row) => snapshotRow(ctx, row));
  snaps.splice(index, 1);
  for (const t of [...ctx.state.touched]) if (t.startsWith(list.name + "[")) ctx.state.touched.delete(t);
  list.rowsEl.replaceChildren();
  for (const snap of snaps) addRow(ctx, list, snap, { focus: false });
  reindex(ctx);
  const next = rowsOf(list)[Math.min(index, snaps.length - 1)];
  const target = next ? next.querySelector(".btn-remove") : list.addBtn;
  return target && !target.disabled ? target : list.addBtn;
}

/** Rebuilds the map from paths to targets after rows changed. */
export function reindex(ctx) {
  ctx.targets = new Map();
  for (const node of ctx.form.querySelectorAll("[data-path]")) {
    if (node._target) ctx.targets.set(node.dataset.path, node._target);
  }
}
