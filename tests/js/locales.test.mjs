// MESSAGES.md through the package: `options.locale` on every function and on createValidator,
// `describeModel(locale)`, Node reading pkg/locales/<tag>.json on first use, the browser entry's
// loadLocale / init({ locales }), English for anything not at hand, and codes and paths that never
// change with the locale. Runs on a copy of pkg/ with a made-up "de" catalog (every English
// template wrapped in « ») and no other catalog, so that "a locale with no catalog" can be tried;
// tests/js/locales-shipped.test.mjs checks the real catalogs the package ships.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const root = new URL("../../", import.meta.url);
const dir = mkdtempSync(join(tmpdir(), "ccu-locales-"));
cpSync(new URL("pkg/", root), dir, { recursive: true });
const en = JSON.parse(readFileSync(new URL("locales/en.json", root), "utf8"));
const marked = Object.fromEntries(Object.entries(en).map(([k, v]) => [k, k.startsWith("@") ? v : `«${v}»`]));
marked["@number.group"] = ".";
for (const f of readdirSync(join(dir, "locales"))) rmSync(join(dir, "locales", f));
writeFileSync(join(dir, "locales", "de.json"), JSON.stringify(marked));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

const api = require(join(dir, "index.cjs"));
const input = {
  InstanceId: "i-1",
  Username: "a b",
  Password: "x",
  IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "bad" },
  SecurityProfileIds: ["sp-1", "sp-1"],
  RoutingProfileId: "rp-1",
  PhoneConfig: { PhoneType: "SOFT_PHONE", AfterContactWorkTimeLimit: 3000000 },
};
const CM = { identityManagementType: "CONNECT_MANAGED" };
const shape = (r) => [...r.errors, ...r.warnings].map((v) => [v.path, v.code, v.fix && v.fix.value, v.column]);
const isMarked = (r) => [...r.errors, ...r.warnings].every((v) => v.message.startsWith("«") && v.message.endsWith("»"));

test("options.locale renders messages in that locale; codes and paths stay", () => {
  const english = api.validateCreateUser(input, CM);
  assert.ok(english.errors.length >= 5);
  for (const tag of ["de", "de-AT", "DE", "de_CH"]) {
    const de = api.validateCreateUser(input, { ...CM, locale: tag });
    assert.deepEqual(shape(de), shape(english), tag);
    assert.ok(isMarked(de), tag);
  }
  const acw = api.validateCreateUser(input, { ...CM, locale: "de" }).errors.find((e) => e.code === "OUT_OF_RANGE");
  assert.match(acw.message, /2\.000\.000/);
});

test("English for en, for tags not offered, for locales with no catalog, and for non-strings", () => {
  const english = api.validateCreateUser(input, CM);
  const hostile = [undefined, null, "", "en", "en-US", "xx", "nl-NL", "fr", "ja", 7, {}, [], Symbol("de"), 10n, () => "de"];
  for (const locale of hostile) {
    assert.deepEqual(api.validateCreateUser(input, { ...CM, locale }), english, String(locale));
  }
  const throwing = { ...CM, get locale() { throw new Error("no"); } };
  assert.deepEqual(api.validateCreateUser(input, throwing), english);
  const proxy = new Proxy(CM, { get: (t, k) => { if (k === "locale") throw new Error("trap"); return t[k]; } });
  assert.deepEqual(api.validateCreateUser(input, proxy), english);
});

test("build, batch and createValidator take the locale too", () => {
  let error;
  try {
    api.buildCreateUserRequest(input, { ...CM, locale: "de" });
  } catch (e) {
    error = e;
  }
  assert.equal(error.name, "ValidationError");
  assert.ok(isMarked(error));
  const reports = api.validateCreateUserBatch(JSON.stringify([input, input]), { ...CM, locale: "de" });
  assert.equal(reports.length, 2);
  assert.ok(reports.every(isMarked));
  assert.ok(reports[1].errors.some((e) => e.code === "TAKEN" && e.message === "«User 1 has the same user name; each user needs a different one.»"));
  const v = api.createValidator({ ...CM, locale: "de" });
  assert.ok(isMarked(v.validate(input)));
  assert.ok(v.validateBatch(JSON.stringify([input])).every(isMarked));
  assert.throws(() => v.build(input), (e) => isMarked(e));
  const plain = api.createValidator(CM);
  assert.deepEqual(plain.validate(input), api.validateCreateUser(input, CM));
});

test("describeModel(locale) gives the labels of the locale", () => {
  const english = api.describeModel();
  const de = api.describeModel("de");
  assert.equal(english.fields[0].label, "User name");
  assert.equal(de.fields[0].label, "«User name»");
  const strip = (m) => JSON.parse(JSON.stringify(m).replace(/«|»/g, ""));
  assert.deepEqual(strip(de), english);
  assert.deepEqual(api.describeModel("xx"), english);
  assert.deepEqual(api.describeModel(42), english);
});

test("loadLocale resolves to the canonical tag in use", async () => {
  assert.equal(await api.loadLocale("de-DE"), "de");
  assert.equal(await api.loadLocale("en-GB"), "en");
  assert.equal(await api.loadLocale("zh-Hant"), "en"); // offered, but no catalog in this package yet
  assert.equal(await api.loadLocale("tlh"), "en");
});

test("the ESM entry shares the CommonJS one's catalogs", async () => {
  const esm = await import(pathToFileURL(join(dir, "index.mjs")));
  assert.ok(isMarked(esm.validateCreateUser(input, { ...CM, locale: "de" })));
  assert.equal(typeof esm.loadLocale, "function");
});

test("browser entry: English until loadLocale or init({ locales }) has fetched the catalog", async () => {
  const web = await import(pathToFileURL(join(dir, "web.js")) + "?browser");
  web.initSync({ module: readFileSync(join(dir, "connect_create_user_bg.wasm")) });
  const english = web.validateCreateUser(input, CM);
  assert.ok(!isMarked(english));
  assert.deepEqual(web.validateCreateUser(input, { ...CM, locale: "de" }), english);
  const fetched = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => {
    fetched.push(String(url));
    try {
      return new Response(readFileSync(new URL(url)), { status: 200 });
    } catch {
      return new Response("", { status: 404 });
    }
  };
  try {
    const validator = web.createValidator({ ...CM, locale: "de-AT" });
    assert.ok(!isMarked(validator.validate(input)));
    assert.equal(await web.loadLocale("de-AT"), "de");
    assert.ok(fetched[0].endsWith("/locales/de.json"), fetched[0]);
    assert.ok(isMarked(web.validateCreateUser(input, { ...CM, locale: "de" })));
    assert.ok(isMarked(validator.validate(input)), "a validator made earlier picks the catalog up");
    assert.equal(web.describeModel("de").fields[0].label, "«User name»");
    assert.equal(await web.loadLocale("en"), "en");
    await assert.rejects(web.loadLocale("ja"), /locales\/ja\.json/);
    await web.init({ locales: ["de"] });
    assert.equal(fetched.filter((u) => u.endsWith("de.json")).length, 2);
  } finally {
    globalThis.fetch = realFetch;
  }
});

test("pkg/package.json ships the locales folder", () => {
  const pkg = JSON.parse(readFileSync(new URL("pkg/package.json", root), "utf8"));
  assert.ok(pkg.files.includes("locales/"));
});

test("the CSV import's file and row messages follow the locale", () => {
  const file = "user login,routing profile name,security_profile_name_1|security_profile_name_2,phone type (soft/desk),bogus\na b,rp,sp,mobile,x\n";
  const english = api.validateCreateUserCsv(file, CM);
  const de = api.validateCreateUserCsv(file, { ...CM, locale: "de" });
  const all = (r) => [r, ...r.rows.map((row) => row.report)];
  assert.ok(english.errors.length > 0 && english.rows[0].report.errors.length > 0);
  assert.deepEqual(all(de).map(shape), all(english).map(shape));
  assert.ok(all(de).every(isMarked));
  assert.ok(!all(english).some((r) => [...r.errors, ...r.warnings].some((v) => v.message.includes("«"))));
  const v = api.createValidator({ ...CM, locale: "de" });
  assert.ok(all(v.validateCsv(file)).every(isMarked));
});
