// DOM helpers of the admin page. Everything here builds nodes with createElement, text nodes
// and attributes: no HTML string is ever parsed, so whatever the user types stays text.

/**
 * Creates an element. `props`: attributes (a `true` value sets an empty attribute; `false`,
 * `null` and `undefined` are skipped), plus `class` and `text`. Children: nodes or strings
 * (strings become text nodes).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A visually hidden span: read by screen readers, not shown. */
export function vh(text) {
  return h("span", { class: "vh" }, text);
}

/** Text in another language than the page's: a span marked with its `lang` (a BCP 47 tag). */
export function inLang(tag, text) {
  return h("span", { lang: tag }, text);
}

/** A `<select>` whose first option means "not set". `options`: [value, text] pairs. */
export function select(options, unsetText = "— not set —") {
  const el = h("select");
  el.append(new Option(unsetText, ""));
  for (const [value, text] of options) el.append(new Option(text, value));
  return el;
}

/** An element id derived from a field name (`AutoAcceptConfigs[1].Channel`), unique per name. */
export function idFor(prefix, name) {
  return prefix + "-" + name.replace(/[^A-Za-z0-9]/g, (c) => "_" + c.codePointAt(0).toString(16) + "_");
}

/**
 * The candidate owners of a violation path, nearest first: the path itself, then each prefix that
 * ends before a `.` or `[` (`A[1].B` → `A[1].B`, `A[1]`, `A`), then the root `""`.
 */
export function pathAncestors(path) {
  const out = [path];
  for (let i = path.length - 1; i > 0; i--) {
    if (path[i] === "." || path[i] === "[") out.push(path.slice(0, i));
  }
  if (path !== "") out.push("");
  return out;
}

/** "1 error", "2 errors". */
export function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** True for a JSON object (not an array, not null). */
export function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A short, single-line JSON rendering of a value, for showing loaded values that have no field. */
export function preview(value, max = 80) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch {
    text = String(value);
  }
  if (text === undefined) text = String(value);
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}
