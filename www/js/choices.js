// The choices both pages offer: the identity management type and the message language. Each
// builder returns a plain <select>; the page wires its events.
import { h } from "../dom.js";

/** The identity management types: [value, text]. */
export const MODES = [
  ["CONNECT_MANAGED", "Amazon Connect (CONNECT_MANAGED)"],
  ["SAML", "SAML 2.0 (SAML)"],
  ["EXISTING_DIRECTORY", "Existing directory (EXISTING_DIRECTORY)"],
];

/** The offered message languages (MESSAGES.md), each named in its own language: [tag, name]. */
export const LOCALES = [
  ["en", "English"],
  ["de", "Deutsch"],
  ["es", "Español"],
  ["fr", "Français"],
  ["it", "Italiano"],
  ["ja", "日本語"],
  ["ko", "한국어"],
  ["pt-BR", "Português (Brasil)"],
  ["zh-CN", "中文（简体）"],
  ["zh-TW", "中文（繁體）"],
  ["id", "Bahasa Indonesia"],
];

/** The text of a mode (its value when unknown). */
export function modeName(mode) {
  const hit = MODES.find(([m]) => m === mode);
  return hit ? hit[1] : mode;
}

/**
 * The offered locale for a list of BCP 47 tags (e.g. `navigator.languages`), first match wins:
 * the exact tag, else its language (`de-AT` → `de`, `pt` → `pt-BR`, `zh-Hant`/`zh-HK` → `zh-TW`,
 * other `zh` → `zh-CN`); "en" when none matches.
 */
export function matchLocale(tags) {
  for (const tag of tags ?? []) {
    if (typeof tag !== "string") continue;
    const lower = tag.toLowerCase();
    const exact = LOCALES.find(([t]) => t.toLowerCase() === lower);
    if (exact) return exact[0];
    const [lang, ...rest] = lower.split(/[-_]/);
    if (lang === "zh") return rest.some((p) => p === "hant" || p === "hk" || p === "mo" || p === "tw") ? "zh-TW" : "zh-CN";
    if (lang === "pt") return "pt-BR";
    const byLang = LOCALES.find(([t]) => t.toLowerCase() === lang);
    if (byLang) return byLang[0];
  }
  return "en";
}

/** `select[name=identityManagementType]` with the three modes; `unsetText` adds a "not set" first option. */
export function modeSelect({ id, value, describedBy, unsetText } = {}) {
  const el = h("select", { id, name: "identityManagementType", "aria-describedby": describedBy });
  if (unsetText !== undefined) el.append(new Option(unsetText, ""));
  for (const [v, text] of MODES) el.append(new Option(text, v));
  if (value !== undefined) el.value = value;
  return el;
}

/** `select[name=locale]`: every offered language, each option marked with its own `lang`. */
export function localeSelect({ id, value = "en", describedBy } = {}) {
  const el = h("select", { id, name: "locale", "aria-describedby": describedBy });
  for (const [tag, name] of LOCALES) {
    const option = new Option(name, tag);
    option.lang = tag;
    el.append(option);
  }
  el.value = value;
  return el;
}
