// The CreateUser rules (shared/spec/RULES.md) as a zod 4 schema, as faithfully as zod allows.
//
// Built-in checks are used where they mean the same thing as the rule (enums, regexes with the
// u flag, integer bounds, list sizes, strict objects). Lengths are counted in code points, so the
// string maxima are refinements (zod's .max counts UTF-16 units: "👍" would count 2). NFC,
// the mode-dependent rules (one schema per identity management type), VOICE-only members,
// PhoneConfig conflicts and duplicate channels are refinements. Refinements that must run even
// when the value already has other issues use `when`, since zod skips them after an aborting issue.
//
// What zod cannot do like the rule book (see bench/README.md for the full list): no warnings at
// all (MODE_UNKNOWN, PREFER_CHANNEL_CONFIG, DUPLICATE, NOT_APPLICABLE, PATTERN-as-warning in SAML,
// TRUNCATED), no cap of 100 errors, `null` for an unknown member is still UNKNOWN_FIELD, `""` for a
// required enum is ENUM (not REQUIRED), an absent IdentityInfo is one REQUIRED at IdentityInfo
// (not one per required member), an all-absent list item is not "absent", 1e21 is TYPE (not
// OUT_OF_RANGE), a throwing getter throws out of safeParse, and issues come in zod's order.

import * as z from "zod";

export const MODES = ["CONNECT_MANAGED", "SAML", "EXISTING_DIRECTORY"];
const CHANNELS = ["VOICE", "CHAT", "TASK", "EMAIL"];
const NON_VOICE = new Set(["CHAT", "TASK", "EMAIL"]);
const CHANNEL_SET = new Set(CHANNELS);

const E164_OR_EMPTY = /^(?:\+[1-9][0-9]{1,14})?$/;
const EMAIL_OR_EMPTY = /^(?:[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,63})?$/;
const USERNAME_CHARS = /^[A-Za-z0-9_.@-]*$/;
// `@` only in the form local@domain.tld (a dot in the domain, a top level of 2+ letters).
const USERNAME_AT = /^(?:[^@]*|[^@]+@(?:[^@.]+\.)+[A-Za-z]{2,})$/;
const TAG_KEY = /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Length in code points (Unicode scalar values); UTF-16 length is an upper bound. */
function cpLength(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n--; i++; }
    }
  }
  return n;
}

const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const whenObject = { when: (payload) => isObject(payload.value) };
const whenArray = { when: (payload) => Array.isArray(payload.value) };

/** A string of at most `max` code points. */
const maxCp = (schema, max) =>
  schema.refine((s) => s.length <= max || cpLength(s) <= max, {
    message: `must have at most ${max} characters`,
    params: { code: "TOO_LONG" },
  });

const minCp = (schema, min) =>
  schema.refine((s) => s === "" || s.length >= 2 * min || cpLength(s) >= min, {
    message: `must have at least ${min} characters`,
    params: { code: "TOO_SHORT" },
  });

const nfc = (schema) =>
  schema.refine((s) => s.normalize("NFC") === s, {
    message: "must be in Unicode Normalization Form C (composed characters)",
    params: { code: "NOT_NFC" },
  });

/** A required string: absent (missing, null) is REQUIRED, and so is "" (the checks after this one
 * let "" through). Not `abort: true`: an explicit abort would also stop the enclosing objects'
 * cross-field refinements, even those with `when`. */
const requiredString = () => z.string().min(1);

/** A member that this identity management type does not allow. */
const forbidden = (message) =>
  z.any().refine((v) => v === null || v === "", {
    message,
    params: { code: "FORBIDDEN" },
  }).optional(); // .optional() outside: a refined any() is otherwise a required key

function passwordUnmet(s) {
  if (s === "") return null; // REQUIRED already
  const missing = [];
  if (!/[a-z]/.test(s)) missing.push("a lower-case letter (a–z)");
  if (!/[A-Z]/.test(s)) missing.push("an upper-case letter (A–Z)");
  if (!/[0-9]/.test(s)) missing.push("a digit (0–9)");
  const parts = [];
  if (missing.length) parts.push(`contain ${missing.join(", ")}`);
  if (/\p{White_Space}/u.test(s)) parts.push("not contain whitespace");
  return parts.length ? `Password must ${parts.join(", and ")}.` : null;
}

const password = (required) =>
  maxCp(minCp(required ? requiredString() : z.string(), 8), 64).superRefine((s, ctx) => {
    const unmet = passwordUnmet(s);
    if (unmet) ctx.addIssue({ code: "custom", message: unmet, params: { code: "PATTERN" } });
  });

const channel = z.enum(CHANNELS);
const timeLimit = z.int().min(0).max(2_000_000);
const phoneType = z.enum(["SOFT_PHONE", "DESK_PHONE"]);

/** Item rules: `voiceOnly` members need Channel VOICE; `onlyVoice` means the whole item does. */
function channelItem(shape, { voiceOnly = [], onlyVoice = false, extra } = {}) {
  return z.strictObject(shape).superRefine((item, ctx) => {
    const ch = item.Channel;
    if (!CHANNEL_SET.has(ch)) return; // absent or invalid Channel: no channel rules
    if (onlyVoice && ch !== "VOICE") {
      ctx.addIssue({ code: "custom", path: ["Channel"], message: "This list takes only the VOICE channel.", params: { code: "CHANNEL_NOT_ALLOWED" } });
    }
    if (NON_VOICE.has(ch)) {
      for (const m of voiceOnly) {
        if (item[m] !== undefined && item[m] !== null) {
          ctx.addIssue({ code: "custom", path: [m], message: `${m} applies to the VOICE channel only.`, params: { code: "CHANNEL_NOT_ALLOWED" } });
        }
      }
    }
    if (extra) extra(item, ctx);
  }, whenObject);
}

/** A list of channel items in which a channel appears at most once. */
function channelList(item) {
  return z.array(item).superRefine((list, ctx) => {
    const seen = new Set();
    for (let i = 0; i < list.length; i++) {
      const ch = list[i]?.Channel;
      if (!CHANNEL_SET.has(ch)) continue;
      if (seen.has(ch)) {
        ctx.addIssue({ code: "custom", path: [i, "Channel"], message: `Channel ${ch} is listed more than once.`, params: { code: "DUPLICATE_CHANNEL" } });
      }
      seen.add(ch);
    }
  }, whenArray).nullish();
}

const acwConfig = z.strictObject({ AfterContactWorkTimeLimit: timeLimit.nullish() });

const deskPhoneRequires = (numberMember) => (obj, ctx) => {
  if (obj.PhoneType === "DESK_PHONE" && (obj[numberMember] === undefined || obj[numberMember] === null || obj[numberMember] === "")) {
    ctx.addIssue({ code: "custom", path: [numberMember], message: `${numberMember} is required with DESK_PHONE.`, params: { code: "REQUIRED" } });
  }
};

const CONFLICTS = [
  ["AutoAccept", "AutoAcceptConfigs"],
  ["AfterContactWorkTimeLimit", "AfterContactWorkConfigs"],
  ["PhoneType", "PhoneNumberConfigs"],
  ["DeskPhoneNumber", "PhoneNumberConfigs"],
  ["PersistentConnection", "PersistentConnectionConfigs"],
];

function makeSchema(mode) {
  const cm = mode === "CONNECT_MANAGED";
  const saml = mode === "SAML";
  const usernameMax = mode === undefined ? 100 : saml ? 64 : 20;

  let username = maxCp(requiredString(), usernameMax).regex(USERNAME_CHARS, {
    message: "User name can contain only the letters A–Z and a–z, the digits 0–9, and _ - . @",
  });
  if (!saml) {
    username = username.regex(USERNAME_AT, { message: "User name can contain @ only as an email address such as name@example.com." });
  }

  const name = (max) => nfc(maxCp(z.string(), max));
  const identityInfo = z.strictObject({
    FirstName: cm || saml ? nfc(maxCp(requiredString(), 255)) : name(255).nullish(),
    LastName: cm || saml ? nfc(maxCp(requiredString(), cm ? 256 : 300)) : name(300).nullish(),
    Email: cm
      ? maxCp(requiredString(), 265).regex(EMAIL_OR_EMPTY, { message: "Email must be an email address such as name@example.com." })
      : saml
        ? forbidden("Email is not allowed with SAML; use SecondaryEmail.")
        : maxCp(z.string(), 265).regex(EMAIL_OR_EMPTY, { message: "Email must be an email address such as name@example.com." }).nullish(),
    SecondaryEmail: maxCp(z.string(), 265).regex(EMAIL_OR_EMPTY, { message: "SecondaryEmail must be an email address such as name@example.com." }).nullish(),
    Mobile: z.string().regex(E164_OR_EMPTY, { message: "Mobile must be an E.164 number such as +14155550123." }).nullish(),
  });

  const phoneConfig = z.strictObject({
    PhoneType: z.enum(["SOFT_PHONE", "DESK_PHONE", ""]).nullish(),
    AutoAccept: z.boolean().nullish(),
    AfterContactWorkTimeLimit: timeLimit.nullish(),
    DeskPhoneNumber: z.string().regex(E164_OR_EMPTY, { message: "DeskPhoneNumber must be an E.164 number." }).nullish(),
    PersistentConnection: z.boolean().nullish(),
  }).superRefine(deskPhoneRequires("DeskPhoneNumber"), whenObject);

  const tagKey = maxCp(z.string().min(1), 128).regex(TAG_KEY, {
    message: "Tag key can contain only letters, numbers, spaces and _ . : / = + - @, and must not start with aws:",
  });
  const tags = z.record(tagKey, maxCp(z.string(), 256)).refine((t) => Object.keys(t).length <= 50, {
    message: "must have at most 50 tags",
    params: { code: "TOO_MANY" },
    ...whenObject,
  });

  const root = z.strictObject({
    Username: username,
    Password: cm ? password(true) : mode === undefined ? password(false).nullish() : forbidden("It is an error to include a password with this identity management type."),
    IdentityInfo: cm || saml ? identityInfo : identityInfo.nullish(),
    PhoneConfig: phoneConfig.nullish(),
    DirectoryUserId: saml ? forbidden("DirectoryUserId is not allowed with SAML.") : z.string().nullish(),
    SecurityProfileIds: z.array(requiredString()).min(1).max(10),
    RoutingProfileId: requiredString(),
    HierarchyGroupId: z.string().nullish(),
    InstanceId: maxCp(requiredString(), 100),
    AutoAcceptConfigs: channelList(channelItem(
      { Channel: channel, AutoAccept: z.boolean(), AgentFirstCallbackAutoAccept: z.boolean().nullish() },
      { voiceOnly: ["AgentFirstCallbackAutoAccept"] },
    )),
    AfterContactWorkConfigs: channelList(channelItem(
      { Channel: channel, AfterContactWorkConfig: acwConfig, AgentFirstCallbackAfterContactWorkConfig: acwConfig.nullish() },
      { voiceOnly: ["AgentFirstCallbackAfterContactWorkConfig"] },
    )),
    PhoneNumberConfigs: channelList(channelItem(
      { Channel: channel, PhoneType: phoneType, PhoneNumber: z.string().regex(E164_OR_EMPTY, { message: "PhoneNumber must be an E.164 number." }).nullish() },
      { onlyVoice: true, extra: deskPhoneRequires("PhoneNumber") },
    )),
    PersistentConnectionConfigs: channelList(channelItem(
      { Channel: channel, PersistentConnection: z.boolean() },
      { onlyVoice: true },
    )),
    VoiceEnhancementConfigs: channelList(channelItem(
      { Channel: channel, VoiceEnhancementMode: z.enum(["VOICE_ISOLATION", "NOISE_SUPPRESSION", "NONE"]) },
      { onlyVoice: true },
    )),
    Tags: tags.nullish(),
  }).superRefine((input, ctx) => {
    const pc = input.PhoneConfig;
    if (!isObject(pc)) return;
    for (const [member, list] of CONFLICTS) {
      const v = pc[member];
      if (v === undefined || v === null || v === "") continue;
      const l = input[list];
      if (Array.isArray(l) && l.length > 0) {
        ctx.addIssue({ code: "custom", path: ["PhoneConfig", member], message: `PhoneConfig.${member} cannot be set together with ${list}.`, params: { code: "CONFLICT" } });
      }
    }
  }, whenObject);

  return root;
}

const schemas = new Map();
export function zodSchema(mode = "CONNECT_MANAGED") {
  const key = MODES.includes(mode) ? mode : undefined;
  let s = schemas.get(key);
  if (!s) schemas.set(key, (s = makeSchema(key)));
  return s;
}

// ---------------------------------------------------------------------------------------------
// zod issues → { path, code, message } in the rule book's shape.

function pathString(path) {
  let out = "";
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    if (typeof p === "number") out += `[${p}]`;
    else if (i === 1 && path[0] === "Tags") out += `[${JSON.stringify(p)}]`;
    else out += out === "" ? p : `.${p}`;
  }
  return out;
}

const ABSENT = /received (?:undefined|null)$/;

function codeOf(issue, inKey) {
  switch (issue.code) {
    case "invalid_type":
      return ABSENT.test(issue.message) ? "REQUIRED" : "TYPE";
    case "too_small":
      if (issue.origin === "number") return "OUT_OF_RANGE";
      if (issue.minimum === 1 && !inKey) return "REQUIRED";
      return issue.origin === "string" ? "TOO_SHORT" : "TOO_FEW";
    case "too_big":
      if (issue.origin === "number") return "OUT_OF_RANGE";
      return issue.origin === "string" ? "TOO_LONG" : "TOO_MANY";
    case "invalid_value":
      return "ENUM";
    case "invalid_format":
      return "PATTERN";
    case "custom":
      return issue.params?.code ?? "CUSTOM";
    default:
      return issue.code.toUpperCase();
  }
}

function mapIssues(issues) {
  const errors = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) {
        errors.push({ path: pathString([...issue.path, k]), code: "UNKNOWN_FIELD", message: `Unknown member ${k}.` });
      }
    } else if (issue.code === "invalid_key") {
      const path = pathString(issue.path);
      for (const inner of issue.issues) errors.push({ path, code: codeOf(inner, true), message: `Tag key: ${inner.message}` });
    } else {
      errors.push({ path: pathString(issue.path), code: codeOf(issue, false), message: issue.message });
    }
  }
  return errors;
}

/** Validates one CreateUser input; { valid, errors: [{ path, code, message }] }. */
export function zodValidate(input, mode = "CONNECT_MANAGED") {
  const r = zodSchema(mode).safeParse(input);
  if (r.success) return { valid: true, errors: [] };
  return { valid: false, errors: mapIssues(r.error.issues) };
}
