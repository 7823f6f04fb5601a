// The language the pages show the package's texts in (messages, field labels, fix labels): its
// catalog is fetched when the admin chooses it (the package's `loadLocale`, `locales/<tag>.json`
// next to web.js; English is built in, so choosing it fetches nothing), and numbers are written in
// its format. The page's own chrome stays English.
import { loadLocale } from "../../pkg/web.js";

/** The tags whose catalog is in (the package keeps them; `loadLocale` would fetch again). */
const loaded = new Set();

/**
 * Loads the catalog of `tag` (English needs none). Resolves to the tag to use: `tag` once its
 * catalog is in, "en" when it cannot be fetched (so a failed fetch never leaves a page half in
 * a language), with `failed` then the tag that could not be loaded (else null).
 */
export async function loadCatalog(tag) {
  if (tag === "en" || loaded.has(tag)) return { tag, failed: null };
  try {
    await loadLocale(tag);
    loaded.add(tag);
    return { tag, failed: null };
  } catch {
    return { tag: "en", failed: tag };
  }
}

/**
 * Wires a `select[name=locale]`: on each change the chosen catalog is loaded, then
 * `apply(tag, failed)` runs, unless a later choice was made meanwhile (only the last one applies).
 * When the catalog cannot be fetched the select goes back to English and `failed` is the tag.
 */
export function onLocaleChange(select, apply) {
  let seq = 0;
  select.addEventListener("change", async () => {
    const mine = ++seq;
    const { tag, failed } = await loadCatalog(select.value);
    if (mine !== seq) return;
    if (failed) select.value = tag;
    apply(tag, failed);
  });
}

const formats = new Map();

/** `n` written the locale's way (`10.000`, `10,000`, `10 000`): `Intl.NumberFormat(tag)`, cached. */
export function formatNumber(tag, n) {
  let format = formats.get(tag);
  if (!format) {
    try {
      format = new Intl.NumberFormat(tag);
    } catch {
      format = new Intl.NumberFormat("en");
    }
    formats.set(tag, format);
  }
  return format.format(n);
}

/**
 * Tells the admin in `node` that the catalog of `failed` (a tag) could not be loaded; with `failed`
 * null, takes such a note away again (and leaves any other text of the node alone).
 */
export function noteCatalog(node, failed) {
  if (failed) {
    node.textContent = `The messages in the chosen language could not be loaded (locales/${failed}.json); they are shown in English.`;
    node.dataset.catalog = node.textContent;
  } else if (node.dataset.catalog !== undefined) {
    if (node.textContent === node.dataset.catalog) node.textContent = "";
    delete node.dataset.catalog;
  }
}
