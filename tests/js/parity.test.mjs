// Parity with the AWS SDK for JavaScript v3: for valid CreateUser inputs, `buildCreateUserRequest`
// must give the same method, path, Content-Type and (parsed) body as `ConnectClient` +
// `CreateUserCommand` of @aws-sdk/client-connect (dev dependency, pinned in package.json).
//
// The SDK request is captured offline: the client gets a custom `requestHandler` whose
// `handle(request, options)` records the signed HttpRequest and throws, so nothing is ever sent
// (`maxAttempts: 1`, so there is no retry either). Fake credentials; signing works offline.
//
// Run: node --test tests/js/parity.test.mjs   (Node 20; uses the built package in pkg/)

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { ConnectClient, CreateUserCommand } from "@aws-sdk/client-connect";
import {
  buildCreateUserRequest,
  validateCreateUser,
  ValidationError,
} from "../../pkg/index.mjs";

// The SDK warns once that versions after January 2027 need Node 22; it is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const CAPTURED = "parity-test: request captured, not sent";

/** Runs `input` through the SDK; resolves to the HttpRequest it would have sent (never sends it). */
async function sdkRequest(input) {
  let captured;
  const client = new ConnectClient({
    region: "us-east-1",
    maxAttempts: 1,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" },
    requestHandler: {
      handle: async (request /* , options */) => {
        captured = request;
        throw new Error(CAPTURED);
      },
    },
  });
  try {
    await client.send(new CreateUserCommand(input));
    assert.fail("the capturing request handler should have stopped the SDK");
  } catch (err) {
    if (!captured) throw err; // the SDK failed before building a request
    assert.equal(err.message, CAPTURED);
  } finally {
    client.destroy();
  }
  const body = captured.body;
  return {
    method: captured.method,
    path: captured.path,
    query: captured.query,
    headers: captured.headers,
    body: typeof body === "string" ? body : new TextDecoder("utf-8", { fatal: true }).decode(body),
  };
}

/** The SDK request header value, looked up case-insensitively. */
function header(headers, name) {
  const hits = Object.entries(headers).filter(([k]) => k.toLowerCase() === name.toLowerCase());
  assert.ok(hits.length <= 1, `one ${name} header`);
  return hits[0]?.[1];
}

// ---------------------------------------------------------------------------------------------
// Member order (the AWS model's order, which RULES.md asks our body to keep).

const MODEL_ORDER = {
  CreateUserRequest: [
    "Username", "Password", "IdentityInfo", "PhoneConfig", "DirectoryUserId", "SecurityProfileIds",
    "RoutingProfileId", "HierarchyGroupId", /* InstanceId: in the path */ "AutoAcceptConfigs",
    "AfterContactWorkConfigs", "PhoneNumberConfigs", "PersistentConnectionConfigs",
    "VoiceEnhancementConfigs", "Tags",
  ],
  UserIdentityInfo: ["FirstName", "LastName", "Email", "SecondaryEmail", "Mobile"],
  UserPhoneConfig: ["PhoneType", "AutoAccept", "AfterContactWorkTimeLimit", "DeskPhoneNumber", "PersistentConnection"],
  AutoAcceptConfig: ["Channel", "AutoAccept", "AgentFirstCallbackAutoAccept"],
  AfterContactWorkConfigPerChannel: ["Channel", "AfterContactWorkConfig", "AgentFirstCallbackAfterContactWorkConfig"],
  AfterContactWorkConfig: ["AfterContactWorkTimeLimit"],
  PhoneNumberConfig: ["Channel", "PhoneType", "PhoneNumber"],
  PersistentConnectionConfig: ["Channel", "PersistentConnection"],
  VoiceEnhancementConfig: ["Channel", "VoiceEnhancementMode"],
};
const REQUIRED_TOP = ["Username", "SecurityProfileIds", "RoutingProfileId"];
const LIST_ITEM = {
  AutoAcceptConfigs: "AutoAcceptConfig",
  AfterContactWorkConfigs: "AfterContactWorkConfigPerChannel",
  PhoneNumberConfigs: "PhoneNumberConfig",
  PersistentConnectionConfigs: "PersistentConnectionConfig",
  VoiceEnhancementConfigs: "VoiceEnhancementConfig",
};

/** Rebuilds a parsed CreateUser body with every structure's members in `order(shape)`; maps keep theirs. */
function reorder(body, order) {
  const struct = (obj, shape) => {
    const out = {};
    const keys = order(shape);
    assert.deepEqual(Object.keys(obj).filter((k) => !keys.includes(k)), [], `${shape}: no member outside the model`);
    for (const k of keys) {
      if (!(k in obj)) continue;
      const v = obj[k];
      if (shape === "CreateUserRequest" && k === "IdentityInfo") out[k] = struct(v, "UserIdentityInfo");
      else if (shape === "CreateUserRequest" && k === "PhoneConfig") out[k] = struct(v, "UserPhoneConfig");
      else if (shape === "CreateUserRequest" && LIST_ITEM[k]) out[k] = v.map((item) => struct(item, LIST_ITEM[k]));
      else if (shape === "AfterContactWorkConfigPerChannel" && k !== "Channel") out[k] = struct(v, "AfterContactWorkConfig");
      else out[k] = v;
    }
    return out;
  };
  return struct(body, "CreateUserRequest");
}
const modelOrder = (shape) => MODEL_ORDER[shape];
// What the SDK's generated schema does (CreateUserRequest$ in client-connect): required members first.
const requiredFirstOrder = (shape) =>
  shape === "CreateUserRequest"
    ? [...REQUIRED_TOP, ...MODEL_ORDER.CreateUserRequest.filter((k) => !REQUIRED_TOP.includes(k))]
    : MODEL_ORDER[shape];

/** Every object's key list, depth first, with its JSON path: for comparing member order. */
function keyOrders(value, path = "$", out = []) {
  if (Array.isArray(value)) value.forEach((v, i) => keyOrders(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object") {
    out.push([path, Object.keys(value)]);
    for (const [k, v] of Object.entries(value)) keyOrders(v, `${path}.${k}`, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Valid inputs.

const BASE = {
  InstanceId: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
  SecurityProfileIds: ["12345678-aaaa-bbbb-cccc-1234567890ab"],
  RoutingProfileId: "87654321-dddd-eeee-ffff-ba0987654321",
};

const VALID = [
  {
    name: "minimal CONNECT_MANAGED user",
    mode: "CONNECT_MANAGED",
    input: {
      ...BASE,
      Username: "jdoe",
      Password: "Passw0rd!",
      IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "jane.doe@example.com" },
    },
  },
  {
    name: "full CONNECT_MANAGED user: every channel list, SecondaryEmail, Mobile, HierarchyGroupId, tags",
    mode: "CONNECT_MANAGED",
    input: {
      ...BASE,
      SecurityProfileIds: ["sp-admin", "sp-agent", "sp-ccp"],
      Username: "full.user@example.io",
      Password: "S3cure-Pa$$word/with~symbols",
      IdentityInfo: {
        FirstName: "Full",
        LastName: "User",
        Email: "full.user@example.com",
        SecondaryEmail: "full.user+alt@example.co.uk",
        Mobile: "+14155550123",
      },
      HierarchyGroupId: "hg-0001",
      AutoAcceptConfigs: [
        { Channel: "VOICE", AutoAccept: true, AgentFirstCallbackAutoAccept: false },
        { Channel: "CHAT", AutoAccept: false },
        { Channel: "TASK", AutoAccept: true },
        { Channel: "EMAIL", AutoAccept: false },
      ],
      AfterContactWorkConfigs: [
        {
          Channel: "VOICE",
          AfterContactWorkConfig: { AfterContactWorkTimeLimit: 30 },
          AgentFirstCallbackAfterContactWorkConfig: { AfterContactWorkTimeLimit: 0 },
        },
        { Channel: "CHAT", AfterContactWorkConfig: { AfterContactWorkTimeLimit: 2000000 } },
        { Channel: "EMAIL", AfterContactWorkConfig: { AfterContactWorkTimeLimit: 0 } },
      ],
      PhoneNumberConfigs: [{ Channel: "VOICE", PhoneType: "DESK_PHONE", PhoneNumber: "+442071838750" }],
      PersistentConnectionConfigs: [{ Channel: "VOICE", PersistentConnection: true }],
      VoiceEnhancementConfigs: [{ Channel: "VOICE", VoiceEnhancementMode: "VOICE_ISOLATION" }],
      Tags: {
        team: "support",
        "équipe": "service client",
        "cost-center": "",
        "a:b/c=d+e-f@g_h.i": "plain",
        "部門 1": "サポート",
        quoted: 'say "hi"',
        backslash: "C:\\Users\\agent\\",
        newline: "line 1\nline 2\r\n\ttabbed",
        emoji: "🎧 on call 👩‍💻",
        control: "nul\u0000 bell\u0007 del\u007f ls\u2028 ps\u2029",
        "10": "numeric-looking key",
        "2": "numeric-looking key, smaller",
      },
    },
  },
  {
    name: "unicode names (José, Nguyễn, 李, emoji)",
    mode: "CONNECT_MANAGED",
    input: {
      ...BASE,
      Username: "jose.nguyen",
      Password: "Passw0rd!",
      IdentityInfo: { FirstName: "José 李 😀", LastName: "Nguyễn 🎉", Email: "jose@example.com" },
    },
  },
  {
    name: "PhoneConfig user (no channel lists), AfterContactWorkTimeLimit 0, AutoAccept false",
    mode: "CONNECT_MANAGED",
    input: {
      ...BASE,
      Username: "deskagent",
      Password: "Passw0rd1",
      IdentityInfo: { FirstName: "Desk", LastName: "Agent", Email: "desk@example.com" },
      PhoneConfig: {
        PhoneType: "DESK_PHONE",
        AutoAccept: false,
        AfterContactWorkTimeLimit: 0,
        DeskPhoneNumber: "+12065550100",
        PersistentConnection: false,
      },
    },
  },
  {
    name: "PhoneConfig soft phone, only some members",
    mode: "CONNECT_MANAGED",
    input: {
      ...BASE,
      Username: "softagent",
      Password: "Passw0rd1",
      IdentityInfo: { FirstName: "Soft", LastName: "Agent", Email: "soft@example.com" },
      PhoneConfig: { PhoneType: "SOFT_PHONE", AfterContactWorkTimeLimit: -0 },
    },
  },
  {
    name: "EXISTING_DIRECTORY user with DirectoryUserId",
    mode: "EXISTING_DIRECTORY",
    input: {
      ...BASE,
      Username: "ad.user",
      DirectoryUserId: "S-1-5-21-3623811015-3361044348-30300820-1013",
      IdentityInfo: { FirstName: "Dir", LastName: "User" },
      AutoAcceptConfigs: [{ Channel: "VOICE", AutoAccept: true }],
    },
  },
  {
    name: "SAML user with an alias@UserId@OrgId user name (a warning only in SAML)",
    mode: "SAML",
    expectWarning: { path: "Username", code: "PATTERN" },
    input: {
      ...BASE,
      Username: "jdoe@005xx000001Sv6@00Dxx0000001gEH",
      IdentityInfo: { FirstName: "Saml", LastName: "User", SecondaryEmail: "saml.user@example.com" },
      Tags: { idp: "okta" },
    },
  },
  ...[
    ["space and slash", "a b/c", "/users/a%20b%2Fc"],
    ["non-ASCII", "ü-ñ", "/users/%C3%BC-%C3%B1"],
    ["query and fragment characters, percent", "x?y#z&%", "/users/x%3Fy%23z%26%25"],
    ["unreserved characters kept", "~._-", "/users/~._-"],
    ["sub-delims encoded", "!'()*", "/users/%21%27%28%29%2A"],
    ["more reserved characters", "+=:@;,$[]", "/users/%2B%3D%3A%40%3B%2C%24%5B%5D"],
    ["astral and control", "😀\u0000\u007f", "/users/%F0%9F%98%80%00%7F"],
    ["already percent-encoded text", "a%20b", "/users/a%2520b"],
  ].map(([what, id, path]) => ({
    name: `InstanceId needing percent-encoding: ${what} (${JSON.stringify(id)})`,
    mode: "CONNECT_MANAGED",
    path,
    input: {
      ...BASE,
      InstanceId: id,
      Username: "jdoe",
      Password: "Passw0rd!",
      IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "jane.doe@example.com" },
    },
  })),
];

describe("parity with @aws-sdk/client-connect CreateUserCommand (valid inputs)", () => {
  for (const c of VALID) {
    test(c.name, async (t) => {
      const options = { identityManagementType: c.mode };
      const report = validateCreateUser(c.input, options);
      assert.deepEqual(report.errors, [], "the input is valid");
      if (c.expectWarning) {
        assert.ok(
          report.warnings.some((w) => w.path === c.expectWarning.path && w.code === c.expectWarning.code),
          `warning ${c.expectWarning.code} at ${c.expectWarning.path}`,
        );
      }

      const ours = buildCreateUserRequest(c.input, options);
      const sdk = await sdkRequest(c.input);

      // Exactly the four documented members.
      assert.deepEqual(Object.keys(ours).sort(), ["body", "headers", "method", "path"]);

      // Method.
      assert.equal(ours.method, "PUT");
      assert.equal(sdk.method, ours.method);

      // Path: as strings, and decoded.
      assert.equal(ours.path, sdk.path);
      assert.deepEqual(sdk.query, {}, "no query string");
      assert.equal(decodeURIComponent(ours.path), decodeURIComponent(sdk.path));
      assert.equal(decodeURIComponent(ours.path), `/users/${c.input.InstanceId}`);
      if (c.path) assert.equal(ours.path, c.path);

      // Content-Type.
      assert.deepEqual(ours.headers, { "Content-Type": "application/json" });
      assert.equal(header(sdk.headers, "content-type"), ours.headers["Content-Type"]);

      // Body: equal once parsed (order-insensitive deep equality)...
      const oursBody = JSON.parse(ours.body);
      const sdkBody = JSON.parse(sdk.body);
      assert.deepStrictEqual(oursBody, sdkBody);
      assert.equal(sdk.body, JSON.stringify(sdkBody), "the SDK writes compact JSON");
      assert.equal(ours.body, JSON.stringify(oursBody), "ours is compact JSON, escaped like JSON.stringify");

      // ...and, byte for byte, ours is the SDK's body with members in the model's order.
      assert.equal(ours.body, JSON.stringify(reorder(sdkBody, modelOrder)));
      // The SDK itself puts the required members first (its generated schema's order).
      assert.equal(sdk.body, JSON.stringify(reorder(oursBody, requiredFirstOrder)));

      // Member order, reported.
      const a = keyOrders(oursBody);
      const b = keyOrders(sdkBody);
      const differing = a.filter(([p, keys], i) => b[i][0] !== p || b[i][1].join() !== keys.join());
      t.diagnostic(
        differing.length === 0
          ? "member order: identical"
          : "member order differs at " +
              differing.map(([p, keys], i) => `${p}: ours [${keys}] vs SDK [${b[a.indexOf(differing[i])][1]}]`).join("; "),
      );
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Invalid inputs: we refuse to build a request; the SDK (which does no client-side validation)
// would have sent it.

const INVALID = [
  {
    name: "typo Firstname: the SDK silently drops the unknown member and creates a user without a first name",
    mode: "CONNECT_MANAGED",
    input: {
      ...BASE,
      Username: "jdoe",
      Password: "Passw0rd!",
      IdentityInfo: { Firstname: "Jane", LastName: "Doe", Email: "jane.doe@example.com" },
    },
    expect: [
      { path: "IdentityInfo.FirstName", code: "REQUIRED" },
      { path: "IdentityInfo.Firstname", code: "UNKNOWN_FIELD" },
    ],
    sdkSends: (body) => {
      assert.deepEqual(body.IdentityInfo, { LastName: "Doe", Email: "jane.doe@example.com" });
    },
  },
  {
    name: "lower-case channel, VOICE-only callback setting on CHAT, reserved aws: tag key, short password",
    mode: "CONNECT_MANAGED",
    input: {
      ...BASE,
      Username: "jdoe",
      Password: "short",
      IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "jane.doe@example.com" },
      AutoAcceptConfigs: [
        { Channel: "voice", AutoAccept: true },
        { Channel: "CHAT", AutoAccept: true, AgentFirstCallbackAutoAccept: true },
      ],
      Tags: { "aws:team": "x" },
    },
    expect: [
      { path: "Password", code: "TOO_SHORT" },
      { path: "AutoAcceptConfigs[0].Channel", code: "ENUM" },
      { path: "AutoAcceptConfigs[1].AgentFirstCallbackAutoAccept", code: "CHANNEL_NOT_ALLOWED" },
      { path: 'Tags["aws:team"]', code: "PATTERN" },
    ],
    sdkSends: (body) => {
      assert.equal(body.Password, "short");
      assert.equal(body.AutoAcceptConfigs[0].Channel, "voice");
      assert.deepEqual(body.Tags, { "aws:team": "x" });
    },
  },
  {
    name: "SAML user with a password and an Email, PhoneConfig conflicting with PhoneNumberConfigs",
    mode: "SAML",
    input: {
      ...BASE,
      Username: "saml.user",
      Password: "Passw0rd!",
      IdentityInfo: { FirstName: "Saml", LastName: "User", Email: "saml@example.com" },
      PhoneConfig: { PhoneType: "SOFT_PHONE" },
      PhoneNumberConfigs: [{ Channel: "VOICE", PhoneType: "SOFT_PHONE" }],
    },
    expect: [
      { path: "Password", code: "FORBIDDEN" },
      { path: "IdentityInfo.Email", code: "FORBIDDEN" },
      { path: "PhoneConfig.PhoneType", code: "CONFLICT" },
    ],
    sdkSends: (body) => {
      assert.equal(body.Password, "Passw0rd!");
      assert.deepEqual(body.PhoneConfig, { PhoneType: "SOFT_PHONE" });
    },
  },
  {
    name: "empty Username and InstanceId: the SDK PUTs to /users/ with \"Username\":\"\"",
    mode: "CONNECT_MANAGED",
    input: {
      ...BASE,
      InstanceId: "",
      Username: "",
      Password: "Passw0rd!",
      IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "jane.doe@example.com" },
    },
    expect: [
      { path: "InstanceId", code: "REQUIRED" },
      { path: "Username", code: "REQUIRED" },
    ],
    sdkSends: (body, sdk) => {
      assert.equal(sdk.path, "/users/");
      assert.equal(body.Username, "");
    },
  },
];

describe("invalid inputs: ValidationError and no request, where the SDK would have sent one", () => {
  for (const c of INVALID) {
    test(c.name, async () => {
      const options = { identityManagementType: c.mode };
      let result;
      let error;
      try {
        result = buildCreateUserRequest(c.input, options);
      } catch (err) {
        error = err;
      }
      assert.equal(result, undefined, "no request is built");
      assert.ok(error instanceof ValidationError, "throws a ValidationError");
      assert.ok(error instanceof Error);
      assert.equal(error.name, "ValidationError");
      assert.ok(error.errors.length > 0);
      for (const want of c.expect) {
        assert.ok(
          error.errors.some((e) => e.path === want.path && e.code === want.code),
          `error ${want.code} at ${want.path}; got ${JSON.stringify(error.errors.map((e) => [e.path, e.code]))}`,
        );
      }
      assert.deepEqual(error.errors, validateCreateUser(c.input, options).errors, "same errors as validateCreateUser");

      const sdk = await sdkRequest(c.input);
      assert.equal(sdk.method, "PUT", "the SDK would have sent it");
      c.sdkSends(JSON.parse(sdk.body), sdk);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Known, deliberate divergences (RULES.md decisions); pinned so a change on either side is noticed.

describe("documented divergences from the SDK", () => {
  test("empty values count as absent: we leave them out, the SDK sends them as given", async () => {
    const input = {
      ...BASE,
      Username: "jdoe",
      Password: "Passw0rd!",
      IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "jane.doe@example.com", Mobile: "" },
      HierarchyGroupId: "",
      DirectoryUserId: null,
      PhoneConfig: {},
      AutoAcceptConfigs: [],
      Tags: {},
    };
    const options = { identityManagementType: "CONNECT_MANAGED" };
    const ours = JSON.parse(buildCreateUserRequest(input, options).body);
    const sdk = JSON.parse((await sdkRequest(input)).body);
    const common = {
      Username: "jdoe",
      Password: "Passw0rd!",
      SecurityProfileIds: BASE.SecurityProfileIds,
      RoutingProfileId: BASE.RoutingProfileId,
    };
    assert.deepEqual(ours, {
      ...common,
      IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "jane.doe@example.com" },
    });
    // The SDK drops only null/undefined. Its "Tags":{} breaks the model's TagMap min 1.
    assert.deepEqual(sdk, {
      ...common,
      IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "jane.doe@example.com", Mobile: "" },
      HierarchyGroupId: "",
      PhoneConfig: {},
      AutoAcceptConfigs: [],
      Tags: {},
    });
  });

  test("lone surrogate in InstanceId: we encode U+FFFD, the SDK throws URIError before sending", async () => {
    const input = {
      ...BASE,
      InstanceId: "x\uD800y",
      Username: "jdoe",
      Password: "Passw0rd!",
      IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "jane.doe@example.com" },
    };
    assert.equal(buildCreateUserRequest(input, { identityManagementType: "CONNECT_MANAGED" }).path, "/users/x%EF%BF%BDy");
    await assert.rejects(sdkRequest(input), URIError);
  });

  // A decision of ours (README, "Decisions"): text crosses into the module as UTF-8, which cannot
  // hold a lone surrogate, so one becomes U+FFFD, in the body as RULES.md says it does in the path.
  // The SDK keeps it as a JSON escape ("\ud800"), which the service's UTF-8 text cannot hold either.
  test("a lone surrogate in a body string is sent as U+FFFD (the SDK escapes it)", async () => {
    const input = {
      ...BASE,
      Username: "jdoe",
      Password: "Passw0rd!",
      IdentityInfo: { FirstName: "Jane\uD800", LastName: "Doe", Email: "jane.doe@example.com" },
      Tags: { k: "v\uDC00" },
    };
    const ours = JSON.parse(buildCreateUserRequest(input, { identityManagementType: "CONNECT_MANAGED" }).body);
    const sdk = JSON.parse((await sdkRequest(input)).body);
    assert.equal(sdk.IdentityInfo.FirstName, "Jane\uD800");
    assert.equal(sdk.Tags.k, "v\uDC00");
    assert.equal(ours.IdentityInfo.FirstName, "Jane\uFFFD");
    assert.equal(ours.Tags.k, "v\uFFFD");
  });
});
