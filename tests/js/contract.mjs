// The API.md contract, as one suite that runs unchanged against every build of the package: the
// Node CommonJS and ESM entries, the browser entry loaded in Node with initSync, and the browser
// entry in Chromium (tests/js/browser-contract.test.mjs). No Node-only module is used here.

const CM = { identityManagementType: "CONNECT_MANAGED" };

export function validUser() {
  return {
    InstanceId: "a b/c",
    Username: "jdoe",
    Password: "Secr3tPass",
    IdentityInfo: { FirstName: "José", LastName: "Nguyễn", Email: "jose@example.com" },
    SecurityProfileIds: ["sp-1"],
    RoutingProfileId: "rp-1",
    Tags: { équipe: "support", empty: "" },
  };
}

function fail(message) {
  throw new Error(message);
}
function eq(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) fail(`${what}: expected ${e}, got ${a}`);
}
function ok(cond, what) {
  if (!cond) fail(what);
}
function pairs(list) {
  return list.map((v) => [v.path, v.code]);
}
function isViolation(v) {
  return (
    v !== null &&
    typeof v === "object" &&
    Object.keys(v).sort().join() === "code,message,path" &&
    typeof v.path === "string" &&
    typeof v.code === "string" &&
    typeof v.message === "string" &&
    v.message.length > 0
  );
}
function isReport(r) {
  return (
    r !== null &&
    typeof r === "object" &&
    typeof r.valid === "boolean" &&
    Array.isArray(r.errors) &&
    Array.isArray(r.warnings) &&
    r.errors.every(isViolation) &&
    r.warnings.every(isViolation) &&
    r.valid === (r.errors.length === 0)
  );
}

/** [name, (api) => void] pairs; `api` is a loaded build of the package. */
export const cases = [
  ["exports every name of API.md", (api) => {
    for (const n of ["validateCreateUser", "buildCreateUserRequest", "ValidationError", "normalizeNfc", "validateCreateUserBatch", "createValidator", "describeModel", "init", "initSync"]) {
      ok(typeof api[n] === "function", `${n} is exported`);
    }
    ok(typeof api.default === "function", "default export (init)");
  }],
  ["a valid input gives a valid report", (api) => {
    const r = api.validateCreateUser(validUser(), CM);
    ok(isReport(r), "report shape");
    eq(r, { valid: true, errors: [], warnings: [] }, "report");
  }],
  ["without a mode the report warns MODE_UNKNOWN at the root", (api) => {
    const r = api.validateCreateUser(validUser());
    eq(r.valid, true, "valid");
    eq(pairs(r.warnings), [["", "MODE_UNKNOWN"]], "warnings");
  }],
  ["every problem in one pass, with paths a form can use", (api) => {
    const input = validUser();
    input.Username = "bad name!";
    input.IdentityInfo.FirstName = "Jose\u0301";
    input.IdentityInfo.Email = "not-an-email";
    input.PhoneConfig = { AutoAccept: false };
    input.AutoAcceptConfigs = [{ Channel: "CHAT", AutoAccept: true }];
    input.PhoneNumberConfigs = [{ Channel: "CHAT", PhoneType: "SOFT_PHONE" }];
    input.Tags = { "aws:x": "1" };
    const r = api.validateCreateUser(input, CM);
    ok(isReport(r), "report shape");
    eq(pairs(r.errors), [
      ["Username", "PATTERN"],
      ["IdentityInfo.FirstName", "NOT_NFC"],
      ["IdentityInfo.Email", "PATTERN"],
      ["PhoneConfig.AutoAccept", "CONFLICT"],
      ["PhoneNumberConfigs[0].Channel", "CHANNEL_NOT_ALLOWED"],
      ['Tags["aws:x"]', "PATTERN"],
    ], "errors");
    eq(pairs(r.warnings), [["PhoneConfig", "PREFER_CHANNEL_CONFIG"]], "warnings");
  }],
  ["messages never contain the sensitive values given", (api) => {
    const secrets = { Password: "zqxPASSWORDzqx", FirstName: "ZqxFirst\u0301", LastName: "zqxLAST".repeat(50), Email: "zqx@@mail", SecondaryEmail: "zqx2@@mail", Mobile: "+0zqxmobile" };
    const input = validUser();
    input.Password = secrets.Password;
    Object.assign(input.IdentityInfo, { FirstName: secrets.FirstName, LastName: secrets.LastName, Email: secrets.Email, SecondaryEmail: secrets.SecondaryEmail, Mobile: secrets.Mobile });
    input.PhoneConfig = { PhoneType: "DESK_PHONE", DeskPhoneNumber: "+0zqxdesk" };
    input.PhoneNumberConfigs = [{ Channel: "VOICE", PhoneType: "DESK_PHONE", PhoneNumber: "+0zqxnumber" }];
    for (const options of [CM, { identityManagementType: "SAML" }, undefined]) {
      const r = api.validateCreateUser(input, options);
      ok(!r.valid, "invalid");
      const text = JSON.stringify(r);
      ok(!/zqx/i.test(text), `no sensitive value in ${text}`);
      try {
        api.buildCreateUserRequest(input, options);
        fail("build should throw");
      } catch (e) {
        ok(!/zqx/i.test(String(e.message) + JSON.stringify(e.errors)), "no sensitive value in the exception");
      }
    }
  }],
  ["never throws, whatever it is given", (api) => {
    const cyclic = validUser();
    cyclic.IdentityInfo.Self = cyclic;
    let deep = {};
    const root = deep;
    for (let i = 0; i < 100000; i++) deep = deep.a = {};
    const values = [undefined, null, 0, -0, NaN, 1n, Symbol("s"), () => 1, "text", [], new Map(), new Date(), cyclic, { Username: root },
      new Proxy({}, { ownKeys() { throw new Error("boom"); } }),
      { get Username() { throw new Error("boom"); } }];
    for (const v of values) {
      const r = api.validateCreateUser(v, CM);
      ok(isReport(r), `report for ${typeof v}`);
      ok(!r.valid, `invalid for ${typeof v}`);
    }
    eq(pairs(api.validateCreateUser(42).errors), [["", "TYPE"]], "not an object is one TYPE at the root");
    ok(isReport(api.validateCreateUser(validUser(), { get identityManagementType() { throw new Error("x"); } })), "throwing options");
  }],
  ["buildCreateUserRequest builds the exact request", (api) => {
    const req = api.buildCreateUserRequest(validUser(), CM);
    eq(Object.keys(req), ["method", "path", "headers", "body"], "keys");
    eq(req.method, "PUT", "method");
    eq(req.path, "/users/a%20b%2Fc", "path");
    eq(req.headers, { "Content-Type": "application/json" }, "headers");
    const expected = validUser();
    delete expected.InstanceId;
    eq(req.body, JSON.stringify(expected), "body: compact, model order, values as given");
  }],
  ["buildCreateUserRequest throws a ValidationError for an invalid input", (api) => {
    const input = validUser();
    delete input.Password;
    input.Foo = 1;
    let caught = null;
    try {
      api.buildCreateUserRequest(input, CM);
    } catch (e) {
      caught = e;
    }
    ok(caught instanceof api.ValidationError, "instanceof ValidationError");
    ok(caught instanceof Error, "instanceof Error");
    eq(caught.name, "ValidationError", "name");
    eq(pairs(caught.errors), [["Password", "REQUIRED"], ["Foo", "UNKNOWN_FIELD"]], "errors");
    ok(Array.isArray(caught.warnings), "warnings");
  }],
  ["normalizeNfc composes", (api) => {
    eq(api.normalizeNfc("Jose\u0301"), "José", "NFC");
    eq(api.validateCreateUser({ ...validUser(), IdentityInfo: { ...validUser().IdentityInfo, FirstName: api.normalizeNfc("Jose\u0301") } }, CM).valid, true, "fixed name is valid");
  }],
  ["validateCreateUserBatch gives one report per user, in order", (api) => {
    const bad = { ...validUser(), Username: "" };
    const reports = api.validateCreateUserBatch(JSON.stringify([validUser(), bad, { ...validUser(), Username: "other" }]), CM);
    eq(reports.map((r) => r.valid), [true, false, true], "valid flags");
    eq(pairs(reports[1].errors), [["Username", "REQUIRED"]], "errors of the second");
    eq(api.validateCreateUserBatch("[]", CM), [], "empty array");
    let threw = null;
    try {
      api.validateCreateUserBatch("[{]", CM);
    } catch (e) {
      threw = e;
    }
    ok(threw instanceof SyntaxError, "bad JSON is a SyntaxError");
  }],
  ["the batch and the single call agree", (api) => {
    const inputs = [validUser(), { ...validUser(), Username: "x".repeat(30) }, {}, [], { ...validUser(), Username: "u5", Tags: { "": "a" } }];
    const batch = api.validateCreateUserBatch(JSON.stringify(inputs), CM);
    eq(batch, inputs.map((i) => api.validateCreateUser(i, CM)), "same reports");
  }],
  ["a user name repeated in a batch is TAKEN at the later user, naming the earlier one's position", (api) => {
    const users = [validUser(), { ...validUser(), Username: "b" }, validUser(), { ...validUser(), Username: validUser().Username.toUpperCase() }];
    const reports = api.validateCreateUserBatch(JSON.stringify(users), CM);
    eq(reports.map((r) => pairs(r.errors)), [[], [], [["Username", "TAKEN"]], []], "errors");
    ok(reports[2].errors[0].message.includes("User 1"), "names user 1");
    ok(!reports[2].errors[0].message.includes(validUser().Username), "never the name");
    eq(pairs(reports[3].warnings), [["Username", "SIMILAR"]], "case-only difference is a warning");
  }],
  ["options.instance: taken names, names and ARNs for ids, near misses, with fixes", (api) => {
    const instance = {
      UserSummaryList: [{ Id: "u-1", Arn: "arn:u-1", Username: "taken.user" }],
      NextToken: "AAAA",
      RoutingProfileSummaryList: [{ Id: "rp-1", Arn: "arn:aws:connect:us-east-1:111122223333:instance/i/routing-profile/rp-1", Name: "Basic Routing Profile" }],
      SecurityProfileSummaryList: [{ Id: "sp-1", Arn: "arn:sp-1", Name: "Agent" }, { Id: "sp-9", Arn: "arn:sp-9", Name: "Admin" }],
      ResponseMetadata: { RequestId: "r" },
    };
    const input = { ...validUser(), Username: "taken.user", SecurityProfileIds: ["Agent", "Admn", "sp-1"], RoutingProfileId: "arn:aws:connect:us-east-1:111122223333:instance/i/routing-profile/rp-1" };
    const r = api.validateCreateUser(input, { ...CM, instance });
    eq(pairs(r.errors), [["Username", "TAKEN"], ["SecurityProfileIds[0]", "NOT_FOUND"], ["SecurityProfileIds[1]", "NOT_FOUND"]], "errors");
    eq(r.errors[1].fix, { value: "sp-1", label: "Use Agent" }, "name given as id: fix to its id");
    eq(r.errors[2].fix, { value: "sp-9", label: "Use Admin" }, "near miss: fix");
    ok(r.errors[2].message.includes("Did you mean Admin?"), "did you mean");
    eq(pairs(r.warnings), [["RoutingProfileId", "PREFER_ID"]], "warnings");
    eq(r.warnings[0].fix.value, "rp-1", "ARN: fix to the id");
    const fixed = { ...input, Username: "new.user", SecurityProfileIds: ["sp-1"], RoutingProfileId: "rp-1" };
    eq(api.validateCreateUser(fixed, { ...CM, instance }), { valid: true, errors: [], warnings: [] }, "fixed input is valid");
  }],
  ["createValidator prepares the context once and checks many inputs against it", (api) => {
    const instance = { Instance: { IdentityManagementType: "CONNECT_MANAGED" }, UserSummaryList: [{ Id: "u-1", Username: "taken.user" }] };
    const v = api.createValidator({ instance });
    eq(v.validate(validUser()), { valid: true, errors: [], warnings: [] }, "mode from the instance: no MODE_UNKNOWN");
    eq(pairs(v.validate({ ...validUser(), Username: "taken.user" }).errors), [["Username", "TAKEN"]], "taken");
    eq(v.build(validUser()).path, "/users/" + encodeURIComponent(validUser().InstanceId), "build");
    let caught = null;
    try {
      v.build({ ...validUser(), Username: "taken.user" });
    } catch (e) {
      caught = e;
    }
    ok(caught instanceof api.ValidationError, "build throws ValidationError for a taken name");
    eq(v.validateBatch(JSON.stringify([validUser(), validUser()])).map((r) => pairs(r.errors)), [[], [["Username", "TAKEN"]]], "batch");
    const junk = api.createValidator({ ...CM, instance: 42 });
    eq(pairs(junk.validate(validUser()).warnings), [["", "INSTANCE_IGNORED"]], "junk context: one warning");
  }],
  ["keys of every length cross intact (a 125-byte key once ended its object)", (api) => {
    for (const len of [1, 124, 125, 126, 127, 128, 253]) {
      const input = validUser();
      input.Tags = { ["k".repeat(len)]: "v" };
      const r = api.validateCreateUser(input, CM);
      eq(pairs(r.errors), len > 128 ? [[`Tags["${"k".repeat(len)}"]`, "TOO_LONG"]] : [], `tag key of ${len}`);
      input["u".repeat(len)] = 1;
      eq(pairs(api.validateCreateUser(input, CM).errors).map(([, c]) => c).pop(), "UNKNOWN_FIELD", `unknown member of ${len}`);
    }
  }],
  ["describeModel lists every member of the model", (api) => {
    const m = api.describeModel();
    eq(m.fields.map((f) => f.name), ["Username", "Password", "IdentityInfo", "PhoneConfig", "DirectoryUserId", "SecurityProfileIds", "RoutingProfileId", "HierarchyGroupId", "InstanceId", "AutoAcceptConfigs", "AfterContactWorkConfigs", "PhoneNumberConfigs", "PersistentConnectionConfigs", "VoiceEnhancementConfigs", "Tags"], "members");
  }],
];
