// Violations → the form: each reported problem goes to the control (or nearest group) its path
// names, with aria-invalid and aria-describedby; the status panel's list; the live region.
import { h, vh, pathAncestors, plural, inLang } from "../dom.js";
import { rowsOf } from "./lists.js";
import { tagControls } from "./gather.js";
import { fixButton } from "./fix.js";

/**
 * Puts every violation of `report` (and the page's own `extra` notes) on its target, as far as
 * the target is visible yet. Returns what is shown, in order, and how many errors are not.
 */
export function placeViolations(ctx, report, extra) {
  const all = [
    ...report.errors.map((v) => ({ ...v, level: "error" })),
    ...report.warnings.map((v) => ({ ...v, level: "warning" })),
    ...extra,
  ];
  const everyTarget = [...ctx.targets.values(), ctx.rootTarget];
  for (const t of everyTarget) t.items = [];
  const shown = [];
  let hiddenErrors = 0;
  for (const v of all) {
    const t = locate(ctx, v.path, v) ?? ctx.rootTarget;
    if (isVisible(ctx, t)) {
      t.items.push(v);
      shown.push({ v, t });
    } else if (v.level === "error") hiddenErrors++;
  }
  for (const t of everyTarget) renderMessages(ctx, t);
  return { shown, hiddenErrors };
}

/** The target of a violation path: its control, else its nearest group, else the root. */
function locate(ctx, path, violation) {
  const tag = /^Tags\[(".*")\]$/.exec(path);
  if (tag && ctx.lists.has("Tags")) {
    let key;
    try {
      key = JSON.parse(tag[1]);
    } catch {
      key = null;
    }
    if (typeof key === "string") {
      const rows = rowsOf(ctx.lists.get("Tags")).filter((r) => tagControls(ctx, r).key.value === key);
      const row = rows[rows.length - 1];
      if (row) return ctx.targets.get(`${row._base}.${tagSide(ctx, key, violation)}`);
    }
  }
  for (const p of pathAncestors(path)) {
    const t = ctx.targets.get(p);
    if (t) return t;
  }
  return ctx.rootTarget;
}

/**
 * Key or value? Problems of a tag share the path `Tags["k"]`; a probe with the same key and an
 * empty (valid) value tells which of them come from the key.
 */
function tagSide(ctx, key, violation) {
  const cacheKey = `tag\u0000${key}`;
  if (!ctx.probeCache.has(cacheKey)) {
    // The same locale as the report's, so that messages compare equal (the cache is emptied when it changes).
    const report = ctx.api.validateCreateUser({ Tags: { [key]: "" } }, { locale: ctx.state.locale });
    ctx.probeCache.set(cacheKey, report.errors.concat(report.warnings));
  }
  const keyProblems = ctx.probeCache.get(cacheKey);
  return keyProblems.some((v) => v.path === violation.path && v.code === violation.code && v.message === violation.message)
    ? "key"
    : "value";
}

function isVisible(ctx, t) {
  const { state } = ctx;
  if (state.submitted) return true;
  if (t.kind === "root") return false;
  if (t.kind === "control") return state.touched.has(t.control.name);
  for (const c of t.wrapper.querySelectorAll("[name]")) if (state.touched.has(c.name)) return true;
  return false;
}

/**
 * A target's note and messages (each with its fix button, if any); its control's aria-invalid; its
 * NFC fix button. Unchanged messages are left in place, so a button survives the re-check that the
 * control's `change` event makes when the button takes the focus.
 */
function renderMessages(ctx, t) {
  const hasValue = t.note && t.kind === "control" && t.control.value !== "" && t.forbidden;
  const signature = JSON.stringify([t.note, hasValue, ctx.state.locale, t.items.map((v) => [v.level, v.code, v.message, v.fix, v.path])]);
  if (t.signature === signature) return;
  t.signature = signature;
  const nodes = [];
  if (t.note) {
    nodes.push(h("p", { class: "note" }, vh("Note: "), inLang(t.noteLang ?? "en", t.note), hasValue ? " The value entered here is kept but not sent." : null));
  }
  for (const v of t.items) {
    const error = v.level === "error";
    const fix = fixButton(ctx, v);
    nodes.push(
      h("p", { class: error ? "err" : "warn", "data-code": v.code }, vh(error ? "Error: " : "Warning: "), messageText(ctx, v), fix ? " " : null, fix),
    );
  }
  t.msg.replaceChildren(...nodes);
  const invalid = t.items.some((v) => v.level === "error");
  const warned = !invalid && t.items.length > 0;
  if (t.kind === "control") t.control.setAttribute("aria-invalid", String(invalid));
  if (t.kind !== "root") {
    t.wrapper.classList.toggle("has-error", invalid);
    t.wrapper.classList.toggle("has-warning", warned);
  }
  if (t.fix) t.fix.hidden = !t.items.some((v) => v.code === "NOT_NFC");
}

/** A violation's message: the package's in the chosen language (marked so), or the page's own. */
function messageText(ctx, v) {
  return v.own ? v.message : inLang(ctx.state.locale, v.message);
}

/** The status line and the list of shown problems (each a button leading to its field). */
export function renderStatus(ctx, report, shown, hiddenErrors) {
  const errors = report.errors.length;
  const warnings = report.warnings.length;
  const text = ctx.el["status-text"];
  text.className = errors ? "status-bad" : "status-ok";
  if (errors === 0) {
    text.textContent = warnings
      ? `Valid, with ${plural(warnings, "warning")}: the request can be built.`
      : "Valid: the request can be built.";
  } else {
    text.textContent = `${plural(errors, "error")}${warnings ? ` and ${plural(warnings, "warning")}` : ""}.`;
  }
  const items = [];
  const ordered = [...shown.filter((s) => s.v.level === "error"), ...shown.filter((s) => s.v.level !== "error")];
  for (const { v, t } of ordered) {
    const button = h(
      "button",
      { type: "button", class: "problem-link" },
      vh(v.level === "error" ? "Error: " : "Warning: "),
      h("strong", { lang: t.labelNode ? t.labelNode.lang : null }, t.label),
      " — ",
      messageText(ctx, v),
    );
    button._focusTarget = t;
    items.push(h("li", { class: v.level === "error" ? "problem-err" : "problem-warn" }, button));
  }
  if (hiddenErrors > 0) {
    items.push(
      h(
        "li",
        { class: "problem-more" },
        `${plural(hiddenErrors, "more error")} in fields not filled in yet: press “Check and build request” to see them.`,
      ),
    );
  }
  ctx.el.problems.replaceChildren(...items);
}

/** Focuses a problem link's target: its control, else its group's first control, else its message. */
export function focusTarget(t) {
  if (t.kind === "control" && !t.control.disabled) t.control.focus();
  else {
    const first = t.kind === "group" ? t.wrapper.querySelector("input:not(:disabled), select:not(:disabled)") : null;
    (first ?? t.msg).focus();
  }
}

export function focusFirstProblem(form) {
  const invalid = form.querySelector('[aria-invalid="true"]');
  if (invalid) {
    invalid.focus();
    return;
  }
  const group = form.querySelector(".has-error .group-msg:not(:empty), #root-msg:not(:empty)");
  if (group) group.focus();
}

/** Says `text` in the live region; cleared first, so the same sentence twice is announced twice. */
export function announce(live, text) {
  live.textContent = "";
  setTimeout(() => {
    live.textContent = text;
  }, 50);
}
