// Picking by name (once instance data is loaded): each id control (`RoutingProfileId`,
// `SecurityProfileIds[i]`, `HierarchyGroupId`) keeps its name, its role (a text box) and stays free
// to type in; it is paired with a select of the instance's names whose choice writes the id into
// it. The control's value is what is sent. (A name typed into the control gets the package's
// NOT_FOUND with a fix to the id.)
import { h, vh, idFor } from "../dom.js";
import { refKindOf } from "./instance-data.js";

const ID_CONTROLS = 'input[name="RoutingProfileId"], input[name="HierarchyGroupId"], input[name^="SecurityProfileIds["]';

/**
 * Brings the pickers in step with the instance data (rebuilt when it changed) and with the
 * controls (new list rows get theirs; each select shows the choice whose id is in its control).
 */
export function syncPickers(ctx) {
  const { instance } = ctx;
  if (ctx.pickers.version !== instance.version) {
    for (const picker of ctx.form.querySelectorAll(".picker-row")) picker.remove();
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

function addPicker(ctx, control, kind, choices) {
  const id = idFor("pick", control.name);
  const select = h("select", { id, class: "picker", "data-picker-for": control.name, "aria-controls": control.id });
  select.append(new Option(choices.list.length ? `Pick a ${kind.noun}…` : `No ${kind.plural} in the instance data`, ""));
  for (const c of choices.list) select.append(new Option(c.text, c.id));
  const row = h(
    "div",
    { class: "picker-row" },
    h("label", { for: id, class: "picker-label" }, vh(`${pickerName(control.name, kind)}: `), "or pick by name"),
    select,
  );
  control.after(row);
  return select;
}

/**
 * What a picker is for, in words that do not contain its control's label (so that finding the
 * control by its label finds it alone): "Routing profile", "Security profiles, row 2".
 */
function pickerName(name, kind) {
  const row = /\[(\d+)\]$/.exec(name);
  const noun = kind.noun.charAt(0).toUpperCase() + kind.noun.slice(1);
  return row ? `${noun}s, row ${Number(row[1]) + 1}` : noun;
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
