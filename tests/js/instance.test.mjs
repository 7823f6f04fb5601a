// options.instance and createValidator with the AWS CLI's own outputs (INSTANCE.md): pages of
// list-users concatenated, NextToken and ResponseMetadata present; malformed and hostile contexts;
// the context crossing into wasm once per object.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const api = createRequire(import.meta.url)("../../pkg/index.cjs");
const { validateCreateUser, validateCreateUserBatch, buildCreateUserRequest, createValidator } = api;

// What `aws connect … --output json` prints (trimmed to a few items).
const describeInstance = {
  Instance: {
    Id: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
    Arn: "arn:aws:connect:us-west-2:111122223333:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
    IdentityManagementType: "CONNECT_MANAGED",
    InstanceAlias: "example",
    CreatedTime: "2026-01-15T10:00:00-08:00",
    ServiceRole: "arn:aws:iam::111122223333:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect",
    InstanceStatus: "ACTIVE",
    InboundCallsEnabled: true,
    OutboundCallsEnabled: true,
  },
  ReplicationConfiguration: null,
};
const usersPage1 = {
  UserSummaryList: [
    { Id: "u-0001", Arn: "arn:aws:connect:us-west-2:111122223333:instance/x/agent/u-0001", Username: "jdoe", LastModifiedTime: "2026-02-01T12:00:00-08:00", LastModifiedRegion: "us-west-2" },
    { Id: "u-0002", Arn: "arn:aws:connect:us-west-2:111122223333:instance/x/agent/u-0002", Username: "Mary.Major", LastModifiedTime: "2026-02-01T12:00:00-08:00", LastModifiedRegion: "us-west-2" },
  ],
  NextToken: "eyJ2IjoxfQ==",
  ResponseMetadata: { RequestId: "req-1", HTTPStatusCode: 200, RetryAttempts: 0 },
};
const usersPage2 = { UserSummaryList: [{ Id: "u-0003", Arn: "arn:u-0003", Username: "paulo" }] };
const routing = {
  RoutingProfileSummaryList: [
    { Id: "rp-basic", Arn: "arn:aws:connect:us-west-2:111122223333:instance/x/routing-profile/rp-basic", Name: "Basic Routing Profile", LastModifiedTime: 1767225600.0 },
    { Id: "rp-sales", Arn: "arn:rp-sales", Name: "Sales" },
  ],
};
const security = {
  SecurityProfileSummaryList: [
    { Id: "sp-agent", Arn: "arn:sp-agent", Name: "Agent" },
    { Id: "sp-admin", Arn: "arn:sp-admin", Name: "Admin" },
    { Id: "sp-qa", Arn: "arn:sp-qa", Name: "QualityAnalyst" },
  ],
  NextToken: null,
};
const groups = { UserHierarchyGroupSummaryList: [{ Id: "hg-north", Arn: "arn:hg-north", Name: "North" }] };

const user = (over = {}) => ({
  InstanceId: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
  Username: "new.agent",
  Password: "Secr3tPass",
  IdentityInfo: { FirstName: "Nikki", LastName: "Wolf", Email: "nikki@example.com" },
  SecurityProfileIds: ["sp-agent"],
  RoutingProfileId: "rp-basic",
  HierarchyGroupId: "hg-north",
  ...over,
});
const pairs = (vs) => vs.map((v) => [v.path, v.code]);

// `jq -s add` merges objects (a later list of one name replaces the earlier one); a list of the
// outputs keeps every page.
const merged = Object.assign({}, describeInstance, usersPage1, routing, security, groups);
const asList = [describeInstance, usersPage1, usersPage2, routing, security, groups];

test("CLI outputs merged with Object.assign: the mode, taken names, names for ids, fixes", () => {
  const r = validateCreateUser(user({ Username: "jdoe", SecurityProfileIds: ["Agent", "sp-admin"], RoutingProfileId: "Basic Routing Profile" }), { instance: merged });
  assert.deepEqual(pairs(r.errors), [["Username", "TAKEN"], ["SecurityProfileIds[0]", "NOT_FOUND"], ["RoutingProfileId", "NOT_FOUND"]]);
  assert.deepEqual(r.errors[1].fix, { value: "sp-agent", label: "Use Agent" });
  assert.deepEqual(r.errors[2].fix, { value: "rp-basic", label: "Use Basic Routing Profile" });
  assert.deepEqual(r.warnings, [], "the mode came from DescribeInstance: no MODE_UNKNOWN");
  assert.equal(validateCreateUser(user(), { instance: merged }).valid, true);
});

test("pages given as a list are concatenated", () => {
  for (const [name, code] of [["jdoe", "TAKEN"], ["paulo", "TAKEN"], ["mary.major", "SIMILAR"]]) {
    const r = validateCreateUser(user({ Username: name }), { instance: asList });
    assert.deepEqual([...r.errors, ...r.warnings].map((v) => v.code), [code], name);
  }
});

test("the option's mode wins over the instance's", () => {
  const saml = { Instance: { IdentityManagementType: "SAML" } };
  assert.deepEqual(pairs(validateCreateUser(user(), { instance: saml }).errors), [["Password", "FORBIDDEN"], ["IdentityInfo.Email", "FORBIDDEN"]]);
  assert.equal(validateCreateUser(user(), { instance: saml, identityManagementType: "CONNECT_MANAGED" }).valid, true);
});

test("an ARN is a PREFER_ID warning with a fix; the request is still built", () => {
  const input = user({ RoutingProfileId: routing.RoutingProfileSummaryList[0].Arn });
  const r = validateCreateUser(input, { instance: merged });
  assert.deepEqual(pairs(r.warnings), [["RoutingProfileId", "PREFER_ID"]]);
  assert.equal(r.warnings[0].fix.value, "rp-basic");
  assert.equal(JSON.parse(buildCreateUserRequest(input, { instance: merged }).body).RoutingProfileId, input.RoutingProfileId);
});

test("a batch: later repeats are TAKEN, users of the instance too", () => {
  const users = [user({ Username: "a1" }), user({ Username: "jdoe" }), user({ Username: "a1" })];
  const reports = validateCreateUserBatch(JSON.stringify(users), { instance: merged });
  assert.deepEqual(reports.map((r) => pairs(r.errors)), [[], [["Username", "TAKEN"]], [["Username", "TAKEN"]]]);
  assert.match(reports[2].errors[0].message, /User 1/);
});

test("malformed and hostile contexts are one INSTANCE_IGNORED warning, never an exception", () => {
  const cyclic = { UserSummaryList: [] };
  cyclic.self = cyclic;
  const throwing = new Proxy({}, { ownKeys() { throw new Error("boom"); }, get() { throw new Error("boom"); } });
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const getter = { get UserSummaryList() { throw new Error("boom"); } };
  const cases = {
    number: 42,
    string: "not json",
    bigint: { UserSummaryList: [{ Id: 1n }] },
    cyclic,
    throwing,
    revoked: revoked.proxy,
    getter,
    symbol: Symbol("x"),
    function: () => 1,
    "10 MB of junk": { UserSummaryList: "x".repeat(10 * 1024 * 1024) },
    "items without user names": { UserSummaryList: [{ Id: "Agent" }, null, 7, { Username: "" }] },
    "wrong types": { RoutingProfileSummaryList: {}, Instance: "SAML" },
    "deep nesting": (() => {
      let deep = {};
      for (let i = 0; i < 100000; i++) deep = { UserSummaryList: [deep] };
      return deep;
    })(),
  };
  for (const [name, instance] of Object.entries(cases)) {
    const options = { identityManagementType: "CONNECT_MANAGED", instance };
    const r = validateCreateUser(user(), options);
    assert.equal(r.valid, true, name);
    assert.deepEqual(pairs(r.warnings), [["", "INSTANCE_IGNORED"]], name);
    assert.doesNotMatch(r.warnings[0].message, /boom|xxxx|Agent/, name);
    assert.equal(createValidator(options).validate(user()).valid, true, name);
  }
  assert.equal(validateCreateUser(user(), { identityManagementType: "CONNECT_MANAGED" }).valid, true, "the module still works");
});

test("the same context object crosses into wasm once", () => {
  let reads = 0;
  const instance = {
    get UserSummaryList() {
      reads++;
      return [{ Id: "u-1", Username: "jdoe" }];
    },
  };
  const options = { identityManagementType: "CONNECT_MANAGED", instance };
  for (let i = 0; i < 50; i++) validateCreateUser(user({ Username: "jdoe" }), options);
  buildCreateUserRequest(user(), options);
  validateCreateUserBatch("[]", options);
  assert.equal(reads, 1, "read (serialized) once for every plain call given the same object");
  const v = createValidator(options);
  for (let i = 0; i < 50; i++) assert.equal(v.validate(user({ Username: "jdoe" })).errors[0].code, "TAKEN");
  assert.equal(reads, 1, "createValidator reuses it too");
});

test("a validator keeps its context after the caller drops it", async () => {
  let v = createValidator({ identityManagementType: "CONNECT_MANAGED", instance: { UserSummaryList: [{ Id: "u", Username: "jdoe" }] } });
  if (globalThis.gc) globalThis.gc();
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(v.validate(user({ Username: "jdoe" })).errors[0].code, "TAKEN");
  v = null;
});

test("a context of 100,000 users and 2,000 profiles answers like one without", () => {
  const big = {
    Instance: { IdentityManagementType: "CONNECT_MANAGED" },
    UserSummaryList: Array.from({ length: 100000 }, (_, i) => ({ Id: `u-${i}`, Arn: `arn:u-${i}`, Username: `user${i}` })),
    RoutingProfileSummaryList: Array.from({ length: 1000 }, (_, i) => ({ Id: `rp-${i}`, Arn: `arn:rp-${i}`, Name: `Routing ${i}` })),
    SecurityProfileSummaryList: Array.from({ length: 1000 }, (_, i) => ({ Id: `sp-${i}`, Arn: `arn:sp-${i}`, Name: `Security ${i}` })),
  };
  const v = createValidator({ instance: big });
  assert.equal(v.validate(user({ SecurityProfileIds: ["sp-7"], RoutingProfileId: "rp-9", HierarchyGroupId: undefined })).valid, true);
  assert.deepEqual(pairs(v.validate(user({ Username: "user99999", SecurityProfileIds: ["Security 7"], RoutingProfileId: "rp-9", HierarchyGroupId: undefined })).errors), [["Username", "TAKEN"], ["SecurityProfileIds[0]", "NOT_FOUND"]]);
});
