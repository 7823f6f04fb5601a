// The identity management type on the form: which fields it requires, forbids or ignores (from
// the model), and why, in the validator's own words.
import { noModes, probeValue, probeInput, hintFor } from "./model.js";
import { modeName } from "./choices.js";

export function applyMode(ctx) {
  applyModeTo(ctx, ctx.form);
}

/** Marks the fields under `root` (itself included) for the current mode. */
export function applyModeTo(ctx, root) {
  const mode = ctx.state.mode;
  const nodes = root.matches("[data-path]") ? [root, ...root.querySelectorAll("[data-path]")] : root.querySelectorAll("[data-path]");
  for (const node of nodes) {
    const t = node._target;
    if (!t || !t.field) continue;
    const { field } = t;
    const modes = field.modes ?? noModes();
    const forbidden = modes.forbiddenIn.includes(mode);
    const notApplicable = modes.notApplicableIn.includes(mode);
    const required = field.required || modes.requiredIn.includes(mode);
    t.forbidden = forbidden;
    const reason = forbidden || notApplicable ? modeReason(ctx, t, forbidden ? "FORBIDDEN" : "NOT_APPLICABLE") : null;
    t.note = reason && reason.text;
    t.noteLang = reason && reason.lang;
    if (t.reqMark) t.reqMark.hidden = !required;
    if (t.hintText) t.hintText.textContent = hintFor(field, mode);
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
 * Why the current mode forbids or ignores a field, in the validator's own words (in the chosen
 * language): it validates a probe input holding only that field and takes its FORBIDDEN or
 * NOT_APPLICABLE message. `{ text, lang }`; the page's English sentence when there is none.
 */
function modeReason(ctx, t, code) {
  const mode = ctx.state.mode;
  const key = `${mode}\u0000${t.modelPath}\u0000${code}`; // probeCache is emptied when the locale changes
  if (!ctx.probeCache.has(key)) {
    const value = probeValue(t.field);
    let message = null;
    if (value !== undefined) {
      const report = ctx.api.validateCreateUser(probeInput(t.modelPath, value), { identityManagementType: mode, locale: ctx.state.locale });
      const hit = [...report.errors, ...report.warnings].find((v) => v.path === t.modelPath && v.code === code);
      if (hit) message = hit.message;
    }
    const own = code === "FORBIDDEN" ? `${t.label} is not allowed with ${modeName(mode)}.` : `${t.label} has no effect with ${modeName(mode)}.`;
    ctx.probeCache.set(key, message !== null ? { text: message, lang: ctx.state.locale } : { text: own, lang: "en" });
  }
  return ctx.probeCache.get(key);
}
