// The catalogs the package ships (MESSAGES.md): each of the ten languages besides English is read
// on first use in Node, gives the same codes and paths as English in its own words, with numbers in
// its own format, and never an input value; each is at most 10 KB gzipped.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const api = createRequire(import.meta.url)("../../pkg/index.cjs");
const TAGS = ["de", "es", "fr", "it", "ja", "ko", "pt-BR", "zh-CN", "zh-TW", "id"];
const input = {
  InstanceId: "i-1",
  Username: "Zq9 secret",
  Password: "x",
  IdentityInfo: { FirstName: "Zq9First", LastName: "Doe", Email: "Zq9mail" },
  SecurityProfileIds: ["sp-1", "sp-1"],
  RoutingProfileId: "Basic Routing Profile",
  PhoneConfig: { PhoneType: "SOFT_PHONE", AfterContactWorkTimeLimit: 3000000 },
  Tags: { "aws:Zq9": "v" },
};
const options = {
  identityManagementType: "CONNECT_MANAGED",
  instance: { RoutingProfileSummaryList: [{ Id: "rp-1", Name: "Basic Routing Profile" }], UserSummaryList: [] },
};
const shape = (r) => [...r.errors, ...r.warnings].map((v) => [v.path, v.code, v.fix && v.fix.value]);

test("every shipped language: same violations as English, its own words, its numbers, no input value", () => {
  const english = api.validateCreateUser(input, options);
  assert.ok(english.errors.length >= 6);
  for (const tag of TAGS) {
    const r = api.validateCreateUser(input, { ...options, locale: tag });
    assert.deepEqual(shape(r), shape(english), tag);
    const all = [...r.errors, ...r.warnings];
    const en = [...english.errors, ...english.warnings];
    all.forEach((v, i) => {
      assert.ok(v.message.length > 0, tag);
      assert.notEqual(v.message, en[i].message, `${tag}: ${v.code} left in English`);
      assert.doesNotMatch(v.message, /Zq9|\{|\}/, `${tag}: ${v.message}`);
    });
    const range = r.errors.find((e) => e.code === "OUT_OF_RANGE").message;
    assert.ok(!range.includes("2,000,000") || ["ja", "ko", "zh-CN", "zh-TW"].includes(tag), `${tag}: ${range}`);
    assert.ok(api.describeModel(tag).fields[0].label !== api.describeModel().fields[0].label, `${tag}: labels`);
  }
});

test("each catalog is at most 10 KB gzipped", () => {
  for (const tag of TAGS) {
    const bytes = gzipSync(readFileSync(new URL(`../../pkg/locales/${tag}.json`, import.meta.url)), { level: 9 }).length;
    assert.ok(bytes <= 10 * 1024, `${tag}: ${bytes} bytes`);
  }
});
