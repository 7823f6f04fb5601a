// Sensitive values on the pages: members shown masked (the request preview, the import table).
// Copy and download keep the real value; nothing here changes what is sent.

/** Members shown masked in previews. */
export const MASKED = new Set(["Password"]);
/** What a masked value is shown as (the same whatever its length). */
export const MASK = "••••••••";

/** The body (a JSON text) pretty-printed, with its masked members replaced by the mask. */
export function maskedBody(body) {
  const obj = JSON.parse(body);
  for (const k of MASKED) if (Object.hasOwn(obj, k)) obj[k] = MASK;
  return JSON.stringify(obj, null, 2);
}

/** True when the body (a JSON text) holds a masked member. */
export function hasMaskedMember(body) {
  const obj = JSON.parse(body);
  return [...MASKED].some((k) => k in obj);
}
