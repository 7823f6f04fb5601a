// Building the form's controls from the field table: sections, leaves (label, control, message,
// fix button), objects and lists. Each wrapper carries its `_target` (what messages attach to);
// lists are registered in `ctx.lists`. No value is read or validated here.
import { h, vh, select, idFor, inLang } from "../dom.js";
import { fieldByName, isGroupKind, modelPathOf, hintFor } from "./model.js";
import { LAYOUT, PLACEHOLDERS, INPUT_MODES, EMAIL_FIELDS, SINGULAR } from "./layout.js";
import { MASKED } from "./sensitive.js";
import { modeSelect } from "./choices.js";

/** Builds every section into `ctx.el.sections`; sets `ctx.modeSelect` and `ctx.rootTarget`. */
export function buildForm(ctx) {
  const { model } = ctx;
  const sections = ctx.el.sections;
  const placed = new Set(LAYOUT.flatMap((s) => s.fields));
  const layout = LAYOUT.map((s) => ({ ...s, fields: s.fields.filter((n) => fieldByName(model, n)) }));
  const others = model.fields.filter((f) => !placed.has(f.name)).map((f) => f.name);
  if (others.length) layout.push({ title: "Other members", fields: others });

  for (const section of layout) {
    if (section.fields.length === 0 && !section.modeControl) continue;
    const fields = section.fields.map((n) => fieldByName(model, n));
    if (!section.title && fields.length === 1 && isGroupKind(fields[0].kind)) {
      const card = renderField(ctx, fields[0], fields[0].name, { card: true, hint: section.hint });
      sections.append(card);
      continue;
    }
    const legendId = idFor("sec", section.title);
    const grid = h("div", { class: "grid" });
    const groups = [];
    if (section.modeControl) grid.append(renderModeControl(ctx));
    for (const f of fields) {
      const node = renderField(ctx, f, f.name, {});
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

  ctx.rootTarget = { kind: "root", wrapper: ctx.form, msg: ctx.el["root-msg"], label: "The input", items: [] };
}

function renderModeControl(ctx) {
  ctx.modeSelect = modeSelect({ id: "identity-mode", value: ctx.state.mode, describedBy: "identity-mode-hint mode-source" });
  ctx.el["mode-source"] = h("p", { class: "hint mode-source", id: "mode-source", hidden: true });
  return h(
    "div",
    { class: "field field-mode" },
    h("label", { for: "identity-mode" }, "Identity management type"),
    ctx.modeSelect,
    h(
      "p",
      { class: "hint", id: "identity-mode-hint" },
      "How this instance manages users (set when the instance was created). It decides which fields below are required or not allowed.",
    ),
    ctx.el["mode-source"],
  );
}

/** The field's node: a leaf wrapper, or a fieldset for an object or a list. */
function renderField(ctx, field, name, opts) {
  switch (field.kind) {
    case "object":
      return renderObject(ctx, field, name, opts);
    case "stringList":
    case "objectList":
    case "tagMap":
      return renderList(ctx, field, name, opts);
    default:
      return renderLeaf(ctx, field, name, opts);
  }
}

function requiredMark() {
  return h("span", { class: "req", "aria-hidden": "true", hidden: true }, " *");
}

/** A label, a control and a message element for one leaf member. */
export function renderLeaf(ctx, field, name, { labelText, labelPrefix, hideHint, placeholderKey } = {}) {
  const id = idFor("f", name);
  const msgId = idFor("m", name);
  const control = leafControl(field, name, placeholderKey);
  control.id = id;
  control.name = name;
  control.setAttribute("aria-describedby", msgId);
  control.setAttribute("aria-invalid", "false");

  const hint = hideHint ? null : hintFor(field, ctx.state.mode);
  const hintText = hint ? h("span", {}, hint) : null;
  const reqMark = requiredMark();
  // The model's label is the package's text (in the chosen language); a row's own label is the page's.
  const labelNode = labelText === undefined ? inLang(ctx.state.locale, field.label) : null;
  const label = h(
    "label",
    { for: id },
    labelPrefix ? vh(labelPrefix) : null,
    labelNode ?? labelText,
    reqMark,
    hint ? h("span", { class: "hint" }, vh(", "), hintText) : hideHint ? null : h("span", { class: "hint", "aria-hidden": "true" }, "\u00a0"),
  );
  const msg = h("div", { id: msgId, class: "msg" });
  let controlRow = control;
  if (control.type === "password") {
    const toggle = h(
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
    labelNode,
    modelPath: modelPathOf(name),
    label: (labelPrefix ?? "") + (labelText ?? field.label),
    items: [],
  };
  return wrapper;
}

/** The control of a leaf: a select for an enum or a boolean, else a text (or password) input. */
function leafControl(field, name, placeholderKey) {
  if (field.kind === "enum") return select(field.values.map((v) => [v, v]));
  if (field.kind === "boolean") {
    return select([
      ["true", "Yes (true)"],
      ["false", "No (false)"],
    ]);
  }
  const isPassword = MASKED.has(name);
  const modelPath = modelPathOf(name);
  const key = placeholderKey ?? (PLACEHOLDERS[modelPath] !== undefined ? modelPath : field.name);
  return h("input", {
    type: isPassword ? "password" : "text",
    autocomplete: isPassword ? "new-password" : "off",
    spellcheck: "false",
    autocapitalize: "off",
    inputmode: field.kind === "integer" ? "numeric" : EMAIL_FIELDS.has(modelPath) ? "email" : INPUT_MODES[modelPath] ?? INPUT_MODES[field.name],
    placeholder: PLACEHOLDERS[key],
  });
}

/** Makes a fieldset a message target (an object, a list or a list item). */
export function groupTarget(fieldset, field, name, legend, msg, reqMark, labelNode = null) {
  fieldset._target = {
    kind: "group",
    wrapper: fieldset,
    msg,
    field,
    reqMark,
    labelNode,
    modelPath: field ? modelPathOf(name) : null,
    label: legend,
    items: [],
  };
}

/** Leaves in a responsive grid, then nested groups. */
export function renderShape(ctx, shape, prefix, opts = {}) {
  const grid = h("div", { class: "grid" });
  const groups = [];
  for (const f of shape.fields) {
    const name = prefix ? `${prefix}.${f.name}` : f.name;
    const node = renderField(ctx, f, name, opts);
    if (isGroupKind(f.kind)) groups.push(node);
    else grid.append(node);
  }
  const nested = groups.length > 1 ? h("div", { class: "subgroups" }, groups) : groups;
  return [grid.childElementCount ? grid : null, nested];
}

/** A message element of a group, focusable so that a problem link can lead to it. */
export function groupMessage(msgId) {
  return h("div", { id: msgId, class: "msg group-msg", tabindex: "-1" });
}

function renderObject(ctx, field, name, { card, hint, legendText } = {}) {
  const msgId = idFor("m", name);
  const legend = legendText ?? field.label;
  const labelNode = legendText === undefined ? inLang(ctx.state.locale, legend) : null;
  const reqMark = requiredMark();
  const msg = groupMessage(msgId);
  const fs = h(
    "fieldset",
    { class: card ? "card" : "subgroup", "data-path": name, "aria-describedby": msgId },
    h("legend", {}, labelNode ?? legend, reqMark),
    hint ? h("p", { class: "group-hint" }, hint) : null,
    msg,
    renderShape(ctx, field.shape, name),
  );
  groupTarget(fs, field, name, legend, msg, reqMark, labelNode);
  return fs;
}

/** A list (or the tag map): a fieldset with its rows and an add button. */
function renderList(ctx, field, name, { card, hint } = {}) {
  const msgId = idFor("m", name);
  const reqMark = requiredMark();
  const msg = groupMessage(msgId);
  const rowsEl = h("div", { class: field.kind === "objectList" ? "rows rows-items" : "rows" });
  const singular = SINGULAR[field.name] ?? "item";
  const limit = hintFor(field, ctx.state.mode);
  const notes = [limit, field.shape && field.shape.voiceOnly ? "VOICE channel only" : null].filter(Boolean);
  const addBtn = h(
    "button",
    { type: "button", class: "btn-secondary btn-add", "data-action": "add", "data-list": name },
    "+ Add ",
    singular,
  );
  const empty = h("p", { class: "empty" }, "None.");
  const labelNode = inLang(ctx.state.locale, field.label);
  const fs = h(
    "fieldset",
    { class: card ? "card list" : "subgroup list", "data-path": name, "aria-describedby": msgId },
    h("legend", {}, labelNode, reqMark, notes.length ? h("span", { class: "legend-hint" }, vh(", "), notes.join(" · ")) : null),
    hint ? h("p", { class: "group-hint" }, hint) : null,
    msg,
    rowsEl,
    h("div", { class: "list-actions" }, empty, addBtn),
  );
  groupTarget(fs, field, name, field.label, msg, reqMark, labelNode);
  ctx.lists.set(name, { field, name, singular, rowsEl, addBtn, empty, fieldset: fs });
  return fs;
}
