// A new message language on the form: the labels and legends that come from the package's field
// table are rewritten in place from `describeModel(locale)`, so every control, value, list row and
// the focus stay as they are; the page then applies the mode (reasons) and validates again.
import { fieldAt, modelPathOf } from "./model.js";

/**
 * Points every target and list at the field of `model` (the table in the new language) and
 * rewrites its label. A row's own label ("Security profile 2", "Tag 1 Key") is the page's and stays.
 */
export function relabelForm(ctx, model) {
  const tag = ctx.state.locale;
  ctx.model = model;
  for (const t of ctx.targets.values()) {
    if (!t.field || !t.modelPath) continue;
    const field = fieldAt(model, t.modelPath);
    if (!field || field.name !== t.field.name) continue;
    t.field = field;
    if (!t.labelNode) continue;
    t.labelNode.textContent = field.label;
    t.labelNode.lang = tag;
    t.label = field.label;
  }
  for (const list of ctx.lists.values()) {
    const field = fieldAt(model, modelPathOf(list.name));
    if (field) list.field = field;
  }
}
