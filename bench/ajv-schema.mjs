// The CreateUser rules (shared/spec/RULES.md) as a JSON Schema (draft 2020-12) for ajv 8, as
// faithfully as JSON Schema allows. Compiled once per identity management type, allErrors: true,
// unicodeRegExp left at its default (true: every pattern is compiled with the u flag).
//
// How the rules map:
// - unknown members: additionalProperties: false; lengths: minLength/maxLength (ajv counts code
//   points, like the service model); forms: pattern; enums: enum; integers: type integer + bounds.
// - absent optional members: `null` is allowed by a ["<type>", "null"] type, `""` by patterns
//   written `^(?:...)?$` and by "" in optional enums.
// - mode rules (CONNECT_MANAGED etc.): one schema per mode; a forbidden member is
//   `not: {a non-null value other than ""}`.
// - VOICE-only members and "this list takes VOICE only": if/then on the item's Channel.
// - DESK_PHONE needs a number: if/then + required.
// - PhoneConfig conflicts: if the list is a non-empty array, then the PhoneConfig member must be
//   null/absent (if/then at the root, so the error lands on the PhoneConfig member's path).
// - duplicate channels: plain JSON Schema cannot say "unique by Channel" (uniqueItems compares
//   whole items). Draft 2020-12's contains + maxContains: 1, once per channel, detects a duplicate
//   but reports it at the list, not at the later item's Channel.
// - NFC: not expressible in JSON Schema; added as a custom ajv keyword `nfc`.
//
// Not expressible (see bench/README.md for the full list): warnings (MODE_UNKNOWN,
// PREFER_CHANNEL_CONFIG, DUPLICATE security profile id, NOT_APPLICABLE, PATTERN-as-warning in SAML,
// TRUNCATED), the 100-error cap, which Password requirement failed (one pattern), `null` for a
// required member (TYPE, not REQUIRED), `""` for a required enum (ENUM), an absent IdentityInfo as
// one REQUIRED per required member, an all-absent list item as absent, unknown members whose value
// is null (still reported), non-JSON values (ajv validates JS values as if they were JSON: a Date or Map passes `type: object`).

import Ajv2020Module from "ajv/dist/2020.js";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;

export const MODES = ["CONNECT_MANAGED", "SAML", "EXISTING_DIRECTORY"];
const CHANNELS = ["VOICE", "CHAT", "TASK", "EMAIL"];
const NON_VOICE = ["CHAT", "TASK", "EMAIL"];

const E164_OR_EMPTY = "^(?:\\+[1-9][0-9]{1,14})?$";
const EMAIL_OR_EMPTY = "^(?:[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,63})?$";
const USERNAME_CHARS = "^[A-Za-z0-9_.@-]*$";
const USERNAME_AT = "^(?:[^@]*|[^@]+@(?:[^@.]+\\.)+[A-Za-z]{2,})$";
// The model's pattern for the password, without its length part (checked by min/maxLength so
// that a short password is TOO_SHORT, not PATTERN). Whitespace = Unicode White_Space.
const PASSWORD = "^(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9])\\P{White_Space}*$";
const PASSWORD_OR_EMPTY = "^(?:|(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9])\\P{White_Space}*)$";
const TAG_KEY = "^(?!aws:)[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$";

const optString = (extra = {}) => ({ type: ["string", "null"], ...extra });
const reqString = (extra = {}) => ({ type: "string", minLength: 1, ...extra });
const optBool = { type: ["boolean", "null"] };
const timeLimit = (nullable) => ({ type: nullable ? ["integer", "null"] : "integer", minimum: 0, maximum: 2000000 });
const FORBIDDEN = { not: { type: ["string", "number", "boolean", "array", "object"], not: { const: "" } } };

const channelIs = (values) => ({
  type: "object",
  properties: { Channel: { enum: values } },
  required: ["Channel"],
});

/** A list of channel items; a channel at most once (detected at the list). */
function channelList(item) {
  return {
    type: ["array", "null"],
    items: item,
    allOf: CHANNELS.map((c) => ({
      contains: { type: "object", properties: { Channel: { const: c } }, required: ["Channel"] },
      minContains: 0,
      maxContains: 1,
    })),
  };
}

/** An item whose `voiceOnly` members need Channel VOICE, or (onlyVoice) that takes VOICE only. */
function channelItem(properties, required, { voiceOnly = [], onlyVoice = false, allOf = [] } = {}) {
  const rules = [...allOf];
  if (onlyVoice) {
    rules.push({ if: channelIs(CHANNELS), then: { type: "object", properties: { Channel: { const: "VOICE" } } } });
  }
  if (voiceOnly.length) {
    rules.push({
      if: channelIs(NON_VOICE),
      then: { type: "object", properties: Object.fromEntries(voiceOnly.map((m) => [m, { type: "null" }])) },
    });
  }
  return { type: "object", additionalProperties: false, properties, required, ...(rules.length ? { allOf: rules } : {}) };
}

const deskPhoneNeeds = (member) => ({
  if: { type: "object", properties: { PhoneType: { const: "DESK_PHONE" } }, required: ["PhoneType"] },
  then: { type: "object", required: [member], properties: { [member]: { not: { const: "" } } } },
});

const acwConfig = (nullable) => ({
  type: nullable ? ["object", "null"] : "object",
  additionalProperties: false,
  properties: { AfterContactWorkTimeLimit: timeLimit(true) },
});

const CONFLICTS = [
  ["AutoAccept", "AutoAcceptConfigs", { type: "null" }],
  ["AfterContactWorkTimeLimit", "AfterContactWorkConfigs", { type: "null" }],
  ["PhoneType", "PhoneNumberConfigs", { enum: [null, ""] }],
  ["DeskPhoneNumber", "PhoneNumberConfigs", { enum: [null, ""] }],
  ["PersistentConnection", "PersistentConnectionConfigs", { type: "null" }],
];

export function makeAjvSchema(mode) {
  const cm = mode === "CONNECT_MANAGED";
  const saml = mode === "SAML";
  const emailForm = { maxLength: 265, pattern: EMAIL_OR_EMPTY };

  const identityInfo = {
    type: cm || saml ? "object" : ["object", "null"],
    additionalProperties: false,
    properties: {
      FirstName: cm || saml ? reqString({ maxLength: 255, nfc: true }) : optString({ maxLength: 255, nfc: true }),
      LastName: cm || saml ? reqString({ maxLength: cm ? 256 : 300, nfc: true }) : optString({ maxLength: 300, nfc: true }),
      Email: cm ? reqString(emailForm) : saml ? FORBIDDEN : optString(emailForm),
      SecondaryEmail: optString(emailForm),
      Mobile: optString({ pattern: E164_OR_EMPTY }),
    },
    required: cm ? ["FirstName", "LastName", "Email"] : saml ? ["FirstName", "LastName"] : [],
  };

  const username = reqString({
    maxLength: mode === undefined ? 100 : saml ? 64 : 20,
    pattern: USERNAME_CHARS,
    ...(saml ? {} : { allOf: [{ pattern: USERNAME_AT }] }),
  });

  const password = { type: "string", minLength: 8, maxLength: 64, pattern: PASSWORD };
  // Optional (mode not given): "" is absent, so the minimum applies to non-empty strings only.
  const optionalPassword = {
    type: ["string", "null"],
    maxLength: 64,
    pattern: PASSWORD_OR_EMPTY,
    if: { type: "string", minLength: 1 },
    then: { type: "string", minLength: 8 },
  };

  const required = ["Username", "SecurityProfileIds", "RoutingProfileId", "InstanceId"];
  if (cm) required.push("Password", "IdentityInfo");
  if (saml) required.push("IdentityInfo");

  return {
    $id: `create-user-${mode ?? "any"}`,
    type: "object",
    additionalProperties: false,
    required,
    properties: {
      Username: username,
      Password: cm ? password : mode === undefined ? optionalPassword : FORBIDDEN,
      IdentityInfo: identityInfo,
      PhoneConfig: {
        type: ["object", "null"],
        additionalProperties: false,
        properties: {
          PhoneType: { enum: ["SOFT_PHONE", "DESK_PHONE", "", null] },
          AutoAccept: optBool,
          AfterContactWorkTimeLimit: timeLimit(true),
          DeskPhoneNumber: optString({ pattern: E164_OR_EMPTY }),
          PersistentConnection: optBool,
        },
        ...deskPhoneNeeds("DeskPhoneNumber"),
      },
      DirectoryUserId: saml ? FORBIDDEN : optString(),
      SecurityProfileIds: { type: "array", minItems: 1, maxItems: 10, items: reqString() },
      RoutingProfileId: reqString(),
      HierarchyGroupId: optString(),
      InstanceId: reqString({ maxLength: 100 }),
      AutoAcceptConfigs: channelList(channelItem(
        { Channel: { enum: CHANNELS }, AutoAccept: { type: "boolean" }, AgentFirstCallbackAutoAccept: optBool },
        ["Channel", "AutoAccept"],
        { voiceOnly: ["AgentFirstCallbackAutoAccept"] },
      )),
      AfterContactWorkConfigs: channelList(channelItem(
        { Channel: { enum: CHANNELS }, AfterContactWorkConfig: acwConfig(false), AgentFirstCallbackAfterContactWorkConfig: acwConfig(true) },
        ["Channel", "AfterContactWorkConfig"],
        { voiceOnly: ["AgentFirstCallbackAfterContactWorkConfig"] },
      )),
      PhoneNumberConfigs: channelList(channelItem(
        { Channel: { enum: CHANNELS }, PhoneType: { enum: ["SOFT_PHONE", "DESK_PHONE"] }, PhoneNumber: optString({ pattern: E164_OR_EMPTY }) },
        ["Channel", "PhoneType"],
        { onlyVoice: true, allOf: [deskPhoneNeeds("PhoneNumber")] },
      )),
      PersistentConnectionConfigs: channelList(channelItem(
        { Channel: { enum: CHANNELS }, PersistentConnection: { type: "boolean" } },
        ["Channel", "PersistentConnection"],
        { onlyVoice: true },
      )),
      VoiceEnhancementConfigs: channelList(channelItem(
        { Channel: { enum: CHANNELS }, VoiceEnhancementMode: { enum: ["VOICE_ISOLATION", "NOISE_SUPPRESSION", "NONE"] } },
        ["Channel", "VoiceEnhancementMode"],
        { onlyVoice: true },
      )),
      Tags: {
        type: ["object", "null"],
        maxProperties: 50,
        propertyNames: { minLength: 1, maxLength: 128, pattern: TAG_KEY },
        additionalProperties: { type: "string", maxLength: 256 },
      },
    },
    allOf: CONFLICTS.map(([member, list, absent]) => ({
      if: {
        type: "object",
        properties: { [list]: { type: "array", minItems: 1 }, PhoneConfig: { type: "object" } },
        required: [list, "PhoneConfig"],
      },
      then: { type: "object", properties: { PhoneConfig: { type: "object", properties: { [member]: absent } } } },
    })),
  };
}

const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
// NFC cannot be said in JSON Schema: a custom keyword.
ajv.addKeyword({
  keyword: "nfc",
  type: "string",
  schemaType: "boolean",
  errors: false,
  compile: (on) => (on ? (s) => s.normalize("NFC") === s : () => true),
});

const validators = new Map();
export function ajvValidator(mode = "CONNECT_MANAGED") {
  const key = MODES.includes(mode) ? mode : undefined;
  let v = validators.get(key);
  if (!v) validators.set(key, (v = ajv.compile(makeAjvSchema(key))));
  return v;
}

// ---------------------------------------------------------------------------------------------
// ajv errors → { path, code, message } in the rule book's shape.

function pathString(pointer, extra) {
  let out = "";
  const parts = pointer === "" ? [] : pointer.slice(1).split("/");
  if (extra !== undefined) parts.push(extra);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i].replace(/~1/g, "/").replace(/~0/g, "~");
    if (i === 1 && parts[0] === "Tags") out += `[${JSON.stringify(p)}]`;
    else if (/^(?:0|[1-9][0-9]*)$/.test(p)) out += `[${p}]`;
    else out += out === "" ? p : `.${p}`;
  }
  return out;
}

function mapError(e) {
  const sp = e.schemaPath;
  switch (e.keyword) {
    case "if":
    case "propertyNames":
      return null; // wrappers: the inner error is reported
    case "required":
      return { path: pathString(e.instancePath, e.params.missingProperty), code: "REQUIRED", message: e.message };
    case "additionalProperties":
      return { path: pathString(e.instancePath, e.params.additionalProperty), code: "UNKNOWN_FIELD", message: e.message };
    case "contains":
      return { path: pathString(e.instancePath), code: "DUPLICATE_CHANNEL", message: "a channel is listed more than once" };
  }
  const path = pathString(e.instancePath, e.propertyName);
  if (sp.includes("/then/")) {
    // DESK_PHONE needs its number (required / not ""), the optional Password's minimum, a PhoneConfig
    // conflict, or a channel rule.
    if (e.keyword === "not") return { path, code: "REQUIRED", message: "required with DESK_PHONE" };
    if (e.keyword === "minLength") return { path, code: "TOO_SHORT", message: e.message };
    return { path, code: e.instancePath.startsWith("/PhoneConfig/") ? "CONFLICT" : "CHANNEL_NOT_ALLOWED", message: e.message };
  }
  if (e.keyword === "not") return { path, code: "FORBIDDEN", message: "not allowed with this identity management type" };
  let code;
  switch (e.keyword) {
    case "type": code = "TYPE"; break;
    case "minLength": code = e.params.limit === 1 && e.propertyName === undefined ? "REQUIRED" : "TOO_SHORT"; break;
    case "maxLength": code = "TOO_LONG"; break;
    case "minItems": code = e.params.limit === 1 ? "REQUIRED" : "TOO_FEW"; break;
    case "maxItems": case "maxProperties": code = "TOO_MANY"; break;
    case "minimum": case "maximum": code = "OUT_OF_RANGE"; break;
    case "enum": case "const": code = "ENUM"; break;
    case "pattern": code = "PATTERN"; break;
    case "nfc": code = "NOT_NFC"; break;
    default: code = e.keyword.toUpperCase();
  }
  return { path, code, message: e.message };
}

/** Validates one CreateUser input; { valid, errors: [{ path, code, message }] }. */
export function ajvValidate(input, mode = "CONNECT_MANAGED") {
  const validate = ajvValidator(mode);
  if (validate(input)) return { valid: true, errors: [] };
  const errors = [];
  for (const e of validate.errors) {
    const v = mapError(e);
    if (v) errors.push(v);
  }
  return { valid: false, errors };
}
