// The form page's instance data panel: reading the picked AWS CLI outputs into `ctx.instance`
// (the mode follows the data's), saying which files were loaded and what was wrong with any, and
// clearing it all. The validator gets the context from `validationOptions`.
import { h } from "../dom.js";
import { readInstanceFiles } from "./files.js";
import { instanceFromParts, noInstance } from "./instance-data.js";
import { modeName } from "./choices.js";
import { applyMode } from "./mode.js";

/** The options of every check the form makes: the mode, the locale and the instance data, if any. */
export function validationOptions(ctx) {
  const options = { identityManagementType: ctx.state.mode, locale: ctx.state.locale };
  if (ctx.instance.context) options.instance = ctx.instance.context;
  return options;
}

/**
 * Reads the files picked in the instance input (they replace any loaded before). Returns false
 * when nothing was picked or a newer pick overtook this one.
 */
export async function loadInstanceFiles(ctx) {
  const files = ctx.el["instance-files"].files;
  if (!files || files.length === 0) return false;
  const seq = ++ctx.instanceSeq;
  const { parts, loaded, problems } = await readInstanceFiles(files);
  if (seq !== ctx.instanceSeq) return false;
  const instance = instanceFromParts(parts, loaded, problems.map((p) => p.message), ctx.instance.version + 1);
  if (instance.context) {
    // Parts the package could not use: its INSTANCE_IGNORED warning, asked once per load.
    const probe = ctx.api.validateCreateUser({}, { instance: instance.context });
    for (const w of probe.warnings) if (w.code === "INSTANCE_IGNORED") instance.problems.push(w.message);
  }
  ctx.instance = instance;
  if (instance.mode && instance.mode !== ctx.state.mode) {
    ctx.state.mode = instance.mode;
    ctx.modeSelect.value = instance.mode;
    applyMode(ctx);
  }
  return true;
}

/** Forgets the instance data (the mode stays as it is). */
export function clearInstance(ctx) {
  ctx.instanceSeq++;
  ctx.instance = { ...noInstance(), version: ctx.instance.version + 1 };
  ctx.el["instance-files"].value = "";
}

/** What is loaded (files and counts), the problems, and the clear button's state. */
export function renderInstancePanel(ctx) {
  const { el, instance } = ctx;
  const status = el["instance-status"];
  if (instance.files.length) {
    status.replaceChildren(
      "Loaded ",
      ...instance.files.flatMap((name, i) => [i ? ", " : "", h("code", {}, name)]),
      instance.counts.length ? `: ${instance.counts.join(", ")}.` : ": nothing the form uses.",
      instance.mode ? ` Identity management type ${modeName(instance.mode)}.` : "",
    );
    status.className = "load-status status-ok";
  } else {
    status.textContent = instance.problems.length ? "No instance data was loaded." : "";
    status.className = instance.problems.length ? "load-status status-bad" : "load-status";
  }
  el["instance-problems"].replaceChildren(...instance.problems.map((text) => h("li", {}, text)));
  el["instance-problems"].hidden = instance.problems.length === 0;
  el["clear-instance"].disabled = !instance.context && instance.problems.length === 0;
}

/** The note under the mode select: whether the mode is the instance data's. */
export function renderModeSource(ctx) {
  const note = ctx.el["mode-source"];
  if (!note) return;
  const mode = ctx.instance.mode;
  note.hidden = !mode;
  if (!mode) return;
  note.textContent =
    mode === ctx.state.mode
      ? "Taken from the loaded instance data."
      : `The loaded instance data says ${modeName(mode)}.`;
}
