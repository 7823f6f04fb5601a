// From the form to a CreateUser input: every control the model declares, lists and tags, plus the
// loaded values the form cannot show (each part's bag). Also the page's own notes that the
// validator cannot see (two tag rows with one key).
import { readLeaf } from "./control-value.js";
import { rowsOf } from "./lists.js";

/** The CreateUser input the form holds now. */
export function gather(ctx) {
  return gatherShape(ctx, ctx.model, "", ctx.state.bag, 0) ?? {};
}

/** `bag` holds loaded values without a field; names in it are relative to `baseLen` characters. */
function gatherShape(ctx, shape, prefix, bag, baseLen) {
  const obj = {};
  for (const f of shape.fields) {
    const name = prefix ? `${prefix}.${f.name}` : f.name;
    const rel = name.slice(baseLen);
    const v = bag.overrides.has(rel) ? bag.overrides.get(rel) : gatherField(ctx, f, name, bag, baseLen);
    if (v !== undefined) obj[f.name] = v;
  }
  const extras = bag.extras.get(prefix.slice(baseLen));
  if (extras) for (const [k, v] of extras) obj[k] = v;
  return Object.keys(obj).length ? obj : undefined;
}

function gatherField(ctx, f, name, bag, baseLen) {
  switch (f.kind) {
    case "object": {
      const holder = ctx.targets.get(name);
      if (holder && holder.forbidden) return undefined;
      return gatherShape(ctx, f.shape, name, bag, baseLen);
    }
    case "stringList":
    case "objectList":
    case "tagMap": {
      const list = ctx.lists.get(name);
      if (!list || list.fieldset.disabled) return undefined;
      return gatherList(ctx, list);
    }
    default: {
      const c = ctx.form.elements.namedItem(name);
      return c ? readLeaf(c, f) : undefined;
    }
  }
}

/** A tag row's key and value controls. */
export function tagControls(ctx, row) {
  const { elements } = ctx.form;
  return { key: elements.namedItem(`${row._base}.key`), value: elements.namedItem(`${row._base}.value`) };
}

function gatherList(ctx, list) {
  const rows = rowsOf(list);
  if (rows.length === 0) return undefined;
  const { field } = list;
  if (field.kind === "tagMap") {
    const tags = {};
    for (const row of rows) {
      const { key, value } = tagControls(ctx, row);
      const k = key.value;
      const v = readLeaf(value, { kind: "string" });
      if (k === "" && v === undefined) continue; // a blank row is not a tag
      tags[k] = v ?? ""; // "" is a real tag value
    }
    return Object.keys(tags).length ? tags : undefined;
  }
  return rows.map((row) => {
    if (row._bag.overrides.has("")) return row._bag.overrides.get("");
    if (field.kind === "stringList") {
      return readLeaf(ctx.form.elements.namedItem(row._base), { kind: "string" }) ?? "";
    }
    return gatherShape(ctx, field.shape, row._base, row._bag, row._base.length) ?? {};
  });
}

/** Page-level notes the validator cannot see: two tag rows with one key (an object keeps one). */
export function formWarnings(ctx) {
  const list = ctx.lists.get("Tags");
  if (!list) return [];
  const seen = new Map();
  const out = [];
  for (const row of rowsOf(list)) {
    const { key, value } = tagControls(ctx, row);
    if (key.value === "" && value.value === "") continue;
    if (seen.has(key.value)) {
      out.push({
        path: key.name,
        code: "DUPLICATE_KEY",
        level: "warning",
        own: true, // the page's sentence (English), not the package's
        message: `Tag ${seen.get(key.value)} has the same key; a key can be sent once, so only the last of them is kept.`,
      });
    } else seen.set(key.value, rowsOf(list).indexOf(row) + 1);
  }
  return out;
}
