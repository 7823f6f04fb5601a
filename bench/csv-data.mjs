// The bulk CSV template (shared/spec/CSV.md) for the `csv` section: a generated file whose names are
// those of a generated instance, about 10% of its rows with exactly one problem each, of kinds that
// both ours and the peer (csv-peer.mjs) can see.

import Papa from "papaparse";
import { generateInstance, typo } from "./instance-data.mjs";
import { FIRST, LAST, hex, mulberry32, pick } from "./inputs.mjs";

/** The template's header when the package has no csvTemplate (CSV.md's columns, the guide's order). */
export const DEFAULT_HEADER = ["first name", "last name", "email address", "password", "user login", "routing profile name",
  "security_profile_name_1|security_profile_name_2", "phone type (soft/desk)", "phone number",
  "soft phone auto accept (yes/no)", "ACW timeout (seconds)", "tags", "agent hierarchy", "user_hierarchy_1|user_hierarchy_2"];

/** A header cell's key: lower-cased, letters and digits only (CSV.md's matching). */
export const headerKey = (h) => h.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The header cells: the first record of the package's csvTemplate(mode) when it has one. */
export function csvHeader(api, mode) {
  if (api && typeof api.csvTemplate === "function") {
    const first = Papa.parse(String(api.csvTemplate(mode)), { preview: 1 }).data[0];
    if (Array.isArray(first) && first.length) return { header: first, from: "csvTemplate(mode)" };
  }
  return { header: DEFAULT_HEADER, from: "CSV.md (the package has no csvTemplate)" };
}

/** The instance the CSV rows name: 10,000 users, 1,000 + 1,000 profiles, 200 groups. */
export function csvInstance() {
  return generateInstance({ users: 10000 });
}

/**
 * Ours on the file: createValidator(...).validateCsv, else validateCreateUserCsv with the same
 * options; null when the package has neither. The context is prepared here, once, outside timing.
 */
export function oursCsv(api, context, mode) {
  if (!api) return null;
  const options = { identityManagementType: mode, instance: context };
  const v = api.createValidator(options);
  if (typeof v.validateCsv === "function") return (text, csv) => v.validateCsv(text, csv);
  if (typeof api.validateCreateUserCsv === "function") return (text, csv) => api.validateCreateUserCsv(text, { ...options, ...csv });
  return null;
}

const TEAMS = ["sales", "ops", "cx", "billing", "nightshift"];

// One problem each, all visible to both contenders; `row` is the row's cells by header key.
export const ROW_PROBLEMS = [
  ["routing profile name with a typo (NOT_FOUND)", (row, ctx) => { row.routingprofilename = typo(ctx.routing[ctx.i % 900 + 50].Name); }],
  ["second security profile name with a typo (NOT_FOUND)", (row, ctx) => { row.securityprofilename1securityprofilename2 = `Agent|${typo(ctx.security[ctx.i % 900 + 50].Name)}`; }],
  ["agent hierarchy name with a typo (NOT_FOUND)", (row, ctx) => { row.agenthierarchy = typo(ctx.groups[ctx.i % 150 + 20].Name); }],
  ["user login of an earlier row (TAKEN)", (row, ctx) => { row.userlogin = ctx.previousLogin; }],
  // an "agent.N_xyz" user (index 3k + 1): within the 20 characters of CONNECT_MANAGED
  ["user login of an existing user (TAKEN)", (row, ctx) => { row.userlogin = ctx.users[((ctx.i * 7) % (ctx.users.length / 3 | 0)) * 3 + 1].Username; }],
  ["password without a digit (PATTERN)", (row) => { row.password = "Password!x"; }],
  ["email address without @ (PATTERN)", (row) => { row.emailaddress = "jane.doe-at-example.com"; }],
  ["desk phone number in scientific notation (PATTERN)", (row) => { row.phonetypesoftdesk = "desk"; row.phonenumber = "1.20655E+10"; }],
  ["phone type neither soft nor desk (ENUM)", (row) => { row.phonetypesoftdesk = "mobile"; row.phonenumber = ""; }],
  ["auto accept neither yes nor no (TYPE)", (row) => { row.softphoneautoacceptyesno = "maybe"; }],
  ["ACW timeout not a number (TYPE)", (row) => { row.acwtimeoutseconds = "thirty"; }],
  ["tag key starting with aws: (PATTERN)", (row) => { row.tags = "aws:team=support"; }],
  ["user login with a space (PATTERN)", (row, ctx) => { row.userlogin = `user ${ctx.i}`; }],
];

function quote(cell) {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * `n` rows of the template for `data` (generateInstance()'s result), with `header` (cells as
 * written). Every 10th row (row index % 10 === 7) has one problem of ROW_PROBLEMS, rotating.
 * Returns { text, invalid: Set of data-row indexes (0 = the first row under the header) }.
 */
export function generateCsv(n, data, header, seed = 1105) {
  const rand = mulberry32(seed);
  const keys = header.map(headerKey);
  const users = data.context.UserSummaryList;
  const lines = [header.map(quote).join(",")];
  const invalid = new Set();
  let previousLogin = "";
  for (let i = 0; i < n; i++) {
    const first = pick(rand, FIRST);
    const last = pick(rand, LAST);
    const login = `user${i}.${pick(rand, TEAMS)}`;
    const desk = rand() < 0.3;
    const routing = pick(rand, data.routing).Name;
    const sec = [pick(rand, data.security).Name];
    if (rand() < 0.4) sec.push(pick(rand, data.security.slice(0, 10)).Name);
    const row = {
      firstname: first,
      lastname: last,
      emailaddress: `${login}@example.com`,
      password: `Pw${hex(rand, 6)}A9!`,
      userlogin: login,
      routingprofilename: rand() < 0.1 ? routing.toLowerCase() : routing, // Excel users retype names
      securityprofilename1securityprofilename2: sec.join("|"),
      phonetypesoftdesk: desk ? "desk" : "soft",
      phonenumber: desk ? `+1415555${String(Math.floor(rand() * 10000)).padStart(4, "0")}` : "",
      softphoneautoacceptyesno: rand() < 0.5 ? "yes" : "no",
      acwtimeoutseconds: pick(rand, ["0", "30", "60", "120", "30.0"]),
      tags: rand() < 0.5 ? `team=${pick(rand, TEAMS)}|site=${pick(rand, ["dublin", "seattle", "sydney"])}` : "",
      agenthierarchy: rand() < 0.5 ? pick(rand, data.groups).Name : "",
      userhierarchy1userhierarchy2: "",
    };
    if (i % 10 === 7) {
      ROW_PROBLEMS[(i / 10 | 0) % ROW_PROBLEMS.length][1](row, { i, previousLogin, users, ...data });
      invalid.add(i);
    }
    previousLogin = login;
    lines.push(keys.map((k) => quote(row[k] ?? "")).join(","));
  }
  return { text: `${lines.join("\r\n")}\r\n`, invalid };
}
