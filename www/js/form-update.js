// Validation on every change of the form: gather the input, validate it, place the messages,
// refresh the status, the request preview and the list of loaded values without a field.
import { h, vh, plural, preview } from "../dom.js";
import { gather, formWarnings } from "./gather.js";
import { placeViolations, renderStatus, focusFirstProblem, announce } from "./messages.js";
import { renderRequest } from "./preview.js";
import { rowsOf } from "./lists.js";
import { validationOptions, renderModeSource } from "./instance-panel.js";
import { syncPickers } from "./pickers.js";

/** Validates the form as it is and shows the result; returns the report. */
export function update(ctx, { focus = false } = {}) {
  const { state } = ctx;
  syncPickers(ctx);
  renderModeSource(ctx);
  const input = gather(ctx);
  const options = validationOptions(ctx);
  const report = ctx.api.validateCreateUser(input, options);
  const { shown, hiddenErrors } = placeViolations(ctx, report, formWarnings(ctx));
  renderStatus(ctx, report, shown, hiddenErrors);
  renderRequest(ctx, input, report, options);
  renderLoose(ctx);
  if (state.submitted) {
    const n = report.errors.length;
    const text = n === 0 ? "No errors: the request is ready." : `${plural(n, "error")} to fix.`;
    if (focus || text !== ctx.lastAnnounced) announce(ctx.el.live, text);
    ctx.lastAnnounced = text;
  }
  if (focus) focusFirstProblem(ctx.form);
  return report;
}

/** Loaded values the form has no control for, each with a discard button. */
function renderLoose(ctx) {
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
  fromBag(ctx.state.bag, "");
  for (const list of ctx.lists.values()) for (const row of rowsOf(list)) fromBag(row._bag, row._base);
  ctx.el["loose-list"].replaceChildren(...items);
  ctx.el.loose.hidden = items.length === 0;
}
