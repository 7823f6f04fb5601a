// Reading the package's field table (`describeModel()`): lookups, kinds, form names ↔ model paths,
// hints and the probe inputs that ask the validator for its own wording.

export function fieldByName(shape, name) {
  return shape.fields.find((f) => f.name === name);
}

export function isGroupKind(kind) {
  return kind === "object" || kind === "objectList" || kind === "stringList" || kind === "tagMap";
}

/** The model's path of a form name: list indexes become [0] (the model is the same for every item). */
export function modelPathOf(name) {
  return name.replace(/\[\d+\]/g, "[0]");
}

/** The field at a model path (`PhoneNumberConfigs[0].Channel`), or null when no member is there. */
export function fieldAt(model, modelPath) {
  let shape = model;
  let field = null;
  for (const name of modelPath.split(/\[\d+\]\.?|\./).filter(Boolean)) {
    field = shape ? fieldByName(shape, name) : null;
    if (!field) return null;
    shape = field.shape;
  }
  return field;
}

/** Mode rules of a field that has none. */
export function noModes() {
  return { requiredIn: [], forbiddenIn: [], notApplicableIn: [] };
}

/** The hint under a label; a string's maximum is the tighter one of the given mode, if any. */
export function hintFor(field, mode) {
  switch (field.kind) {
    case "string": {
      const max = field.maxIn?.[mode] ?? field.max;
      return max !== undefined ? `Up to ${max.toLocaleString("en-US")} characters` : null;
    }
    case "integer":
      if (field.min !== undefined && field.max !== undefined)
        return `Whole number, ${field.min.toLocaleString("en-US")}–${field.max.toLocaleString("en-US")}`;
      return "Whole number";
    case "stringList":
    case "tagMap":
    case "objectList":
      return field.max !== undefined ? `Up to ${field.max}` : null;
    default:
      return null;
  }
}

/** A valid-looking value of a leaf field, to probe the validator with; undefined for groups. */
export function probeValue(field) {
  switch (field.kind) {
    case "string":
      return "x";
    case "enum":
      return field.values[0];
    case "boolean":
      return true;
    case "integer":
      return field.min ?? 1;
    default:
      return undefined;
  }
}

/** An input holding only `value` at a model path (`A[0].B` → `{ A: [{ B: value }] }`). */
export function probeInput(modelPath, value) {
  const parts = modelPath.match(/\[\d+\]|[^.[\]]+/g);
  let v = value;
  for (let i = parts.length - 1; i >= 0; i--) v = parts[i].startsWith("[") ? [v] : { [parts[i]]: v };
  return v;
}
