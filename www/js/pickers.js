// Picking by name (once instance data is loaded): each id control (`RoutingProfileId`,
// `SecurityProfileIds[i]`, `HierarchyGroupId`) keeps its name and stays free to type in, gets the
// instance's items as suggestions (a datalist: id, labelled with the name), and is paired with a
// select of names whose choice writes the id into it. The control's value is what is sent.
import { h, vh, idFor } from "../dom.js";
import { REF_KINDS, refKindOf } from "./instance-data.js";

const ID_CONTROLS = 'input[name="RoutingProfileId"], input[name="HierarchyGroupId"], input[name^="SecurityProfileIds["]';

/**
 * Brings the pickers in step with the instance data (rebuilt when it changed) and with the
 * controls (new list rows get theirs; each select shows the choice whose id is in its control).
 */
export function syncPickers(ctx) {
  const { instance } = ctx;
  if (ctx.pickers.version !== instance.version) {
    for (const picker of ctx.form.querySelectorAll(".picker-row")) picker.remove();
    for (const c of ctx.form.querySelectorAll(ID_CONTROLS)) c.removeAttribute("list");
    renderDatalists(ctx);
    ctx.pickers.version = instance.version;
  }
  for (const control of ctx.form.querySelectorAll(ID_CONTROLS)) {
    const kind = refKindOf(control.name);
    const choices = kind && instance.choices.get(kind.key);
    if (!choices) continue;
    let select = control._picker;
    if (!select || !select.isConnected) select = control._picker = addPicker(ctx, control, kind, choices);
    select.value = choices.ids.has(control.value) ? control.value : "";
    select.disabled = control.disabled;
  }
}

/** One datalist per kind of the loaded data (ids, labelled with names), under `ctx.pickers.lists`. */
function renderDatalists(ctx) {
  const lists = [];
  for (const kind of REF_KINDS) {
    const choices = ctx.instance.choices.get(kind.key);
    if (!choices) continue;
    const list = h("datalist", { id: `choices-${kind.key}` });
    for (const c of choices.list) list.append(h("option", { value: c.id, label: c.text }));
    lists.push(list);
  }
  ctx.pickers.holder.replaceChildren(...lists);
}

function addPicker(ctx, control, kind, choices) {
  control.setAttribute("list", `choices-${kind.key}`);
  const id = idFor("pick", control.name);
  const select = h("select", { id, class: "picker", "data-picker-for": control.name, "aria-controls": control.id });
  select.append(new Option(choices.list.length ? `Pick a ${kind.noun}…` : `No ${kind.plural} in the instance data`, ""));
  for (const c of choices.list) select.append(new Option(c.text, c.id));
  const target = control.closest("[data-path]")?._target;
  const row = h(
    "div",
    { class: "picker-row" },
    h("label", { for: id, class: "picker-label" }, target ? vh(`${target.label}: `) : null, "or pick by name"),
    select,
  );
  control.after(row);
  return select;
}

/** A choice in a picker: its id goes into the control it serves. Returns that control, or null. */
export function pickChoice(ctx, select) {
  const control = ctx.form.elements.namedItem(select.dataset.pickerFor);
  if (!control || select.value === "") return null;
  control.value = select.value;
  delete control._raw;
  ctx.state.touched.add(control.name);
  return control;
}
