// One control's value: reading it as a CreateUser value, and showing a loaded value in it (a value
// the control cannot hold as-is is kept raw on the control, for validation to judge).
import { preview } from "../dom.js";

/** The option value of a select that holds a loaded value which is not one of its choices. */
export const RAW = "\u0000raw";

const NUMBER = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** The value of one control: undefined when absent (empty, or turned off by the mode). */
export function readLeaf(control, field) {
  if (control.disabled) return undefined;
  if (control._raw) {
    if (control.tagName !== "SELECT" || control.value === RAW) return control._raw.value;
  }
  const v = control.value;
  switch (field.kind) {
    case "boolean":
      return v === "true" ? true : v === "false" ? false : undefined;
    case "integer":
      // A number when the text is one; any other text goes to validation as typed (a TYPE error).
      if (v.trim() === "") return undefined;
      return NUMBER.test(v) ? Number(v) : v;
    default:
      return v === "" ? undefined : v;
  }
}

/** Shows a loaded value; one the control cannot hold as-is is kept raw, for validation to judge. */
export function setLeaf(control, field, v) {
  if (v === null || v === undefined) return;
  switch (field.kind) {
    case "enum":
      if (typeof v === "string" && field.values.includes(v)) control.value = v;
      else setRaw(control, v);
      return;
    case "boolean":
      if (v === true || v === false) control.value = String(v);
      else setRaw(control, v);
      return;
    case "integer":
      if (typeof v === "number") control.value = String(v);
      else setRaw(control, v);
      return;
    default:
      if (typeof v === "string") control.value = v;
      else setRaw(control, v);
  }
}

export function setRaw(control, value) {
  control._raw = { value };
  if (control.tagName === "SELECT") {
    removeRawOption(control);
    control.append(new Option(`${preview(value, 40)} (from the file; not one of the choices)`, RAW));
    control.value = RAW;
  } else {
    control.value = typeof value === "string" ? value : preview(value, 1000);
  }
}

/** Empties a control and forgets its raw value. */
export function clearControl(control) {
  delete control._raw;
  if (control.tagName === "SELECT") removeRawOption(control);
  control.value = "";
}

function removeRawOption(select) {
  for (const o of [...select.options]) if (o.value === RAW) o.remove();
}
