// The request preview of the form page (password masked), and its Copy and Download actions
// (which use the real body).
import { h, plural } from "../dom.js";
import { maskedBody, hasMaskedMember } from "./sensitive.js";
import { downloadText } from "./files.js";

/** Shows the request of a valid input (sets `ctx.currentRequest`), or why there is none. */
export function renderRequest(ctx, input, report, options) {
  const { el, api } = ctx;
  const out = el.request;
  ctx.currentRequest = null;
  if (report.valid) {
    try {
      ctx.currentRequest = api.buildCreateUserRequest(input, options);
    } catch (err) {
      const why = err instanceof api.ValidationError ? err.message : `The request could not be built (${err && err.message}).`;
      out.replaceChildren(h("p", { class: "placeholder" }, why));
    }
  } else {
    out.replaceChildren(
      h("p", { class: "placeholder" }, `No request yet: fix the ${plural(report.errors.length, "error")} first.`),
    );
  }
  const r = ctx.currentRequest;
  if (r) {
    out.replaceChildren(
      h("p", { class: "req-line" }, h("span", { class: "req-method" }, r.method), " ", h("span", { class: "req-path" }, r.path)),
      ...Object.entries(r.headers).map(([k, v]) => h("p", { class: "req-header" }, `${k}: ${v}`)),
      h("pre", { class: "req-body", tabindex: "0", role: "region", "aria-label": "Request body" }, maskedBody(r.body)),
    );
  }
  el["copy-body"].disabled = !r;
  el["download-body"].disabled = !r;
  el["request-note"].hidden = !(r && hasMaskedMember(r.body));
}

export async function copyBody(ctx) {
  if (!ctx.currentRequest) return;
  const body = ctx.currentRequest.body;
  let ok = false;
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(body);
      ok = true;
    }
  } catch {
    ok = false;
  }
  if (!ok) ok = copyWithTextarea(ctx, body);
  setActionStatus(
    ctx,
    ok
      ? "Body copied to the clipboard (with the real password)."
      : "Could not copy automatically: the body text is selected, press Ctrl+C (⌘C) to copy it.",
    ok ? "ok" : "bad",
  );
  if (!ok) selectBody(ctx);
}

function copyWithTextarea(ctx, text) {
  const area = h("textarea", { class: "offscreen", readonly: true, "aria-hidden": "true", tabindex: "-1" });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  ctx.el["copy-body"].focus();
  return ok;
}

function selectBody(ctx) {
  const pre = ctx.el.request.querySelector(".req-body");
  if (!pre) return;
  const range = document.createRange();
  range.selectNodeContents(pre);
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
}

export function downloadBody(ctx) {
  const request = ctx.currentRequest;
  if (!request) return;
  const body = JSON.parse(request.body);
  const user = typeof body.Username === "string" ? body.Username.replace(/[^A-Za-z0-9_.@-]/g, "_") : "";
  const name = `create-user-${user || "input"}.json`;
  downloadText(name, request.body, "application/json");
  setActionStatus(ctx, `Downloaded ${name} (the request body, with the real password; InstanceId is in the path, not the body).`, "ok");
}

export function setActionStatus(ctx, text, kind) {
  const status = ctx.el["action-status"];
  status.textContent = text;
  status.className = `action-status status-${kind}`;
}
