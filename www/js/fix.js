// One-click fixes (INSTANCE.md "Fixes"): a violation that carries `fix` gets a button next to its
// message; pressing it puts the fix's value into the control at the violation's path. Fix values
// come from the instance data (an id), never from the input.
import { h } from "../dom.js";

/** The fix button of violation `v`, or null when it has no fix or no control at its path. */
export function fixButton(ctx, v) {
  if (!v.fix || typeof v.fix.value !== "string") return null;
  const control = ctx.form.elements.namedItem(v.path);
  if (!control || control.tagName !== "INPUT" || control.type === "password") return null;
  const own = typeof v.fix.label === "string" && v.fix.label !== "";
  const label = own ? v.fix.label : `Use ${v.fix.value}`;
  return h(
    "button",
    { type: "button", lang: own ? ctx.state.locale : null, class: "btn-small btn-fix", "data-action": "fix", "data-fix": v.fix.value, "data-fix-path": v.path, "aria-controls": control.id },
    label,
  );
}

/** Applies a fix button's value to its control; returns the control (null when it is gone). */
export function applyFix(ctx, button) {
  const control = ctx.form.elements.namedItem(button.dataset.fixPath);
  if (!control) return null;
  control.value = button.dataset.fix;
  delete control._raw;
  ctx.state.touched.add(control.name);
  return control;
}
