// The peer of our CSV import, written as a good JavaScript developer would: papaparse (header mode,
// skipEmptyLines), a Map of profile and group names to ids (exact, then lower-case), the ajv schema
// of ajv-schema.mjs on each mapped CreateUser input, a Set of logins (the instance's and earlier
// rows'), and for a valid row the request body (JSON.stringify). What it cannot do like ours is in
// bench/README.md.

import Papa from "papaparse";
import { ajvValidate } from "./ajv-schema.mjs";
import { headerKey } from "./csv-data.mjs";

/** Name → id resolution for one list: an Id as is, else the exact Name, else the lower-cased Name. */
function resolver(list) {
  const ids = new Set();
  const exact = new Map();
  const lower = new Map();
  for (const item of list ?? []) {
    ids.add(item.Id);
    exact.set(item.Name, exact.has(item.Name) ? null : item.Id); // null: several share the name
    const l = String(item.Name).toLowerCase();
    lower.set(l, lower.has(l) ? null : item.Id);
  }
  return (cell) => (ids.has(cell) ? cell : exact.get(cell) ?? lower.get(cell.toLowerCase()) ?? null);
}

const PHONE_TYPES = { soft: "SOFT_PHONE", desk: "DESK_PHONE", soft_phone: "SOFT_PHONE", desk_phone: "DESK_PHONE" };
const BOOLEANS = { yes: true, true: true, no: false, false: false };

/** Returns check(text, { instanceId }) → { errors, rows: [{ row, input, report, request? }] }. */
export function makePeer(context, mode) {
  const routing = resolver(context.RoutingProfileSummaryList);
  const security = resolver(context.SecurityProfileSummaryList);
  const groups = resolver(context.UserHierarchyGroupSummaryList);
  const existing = new Set((context.UserSummaryList ?? []).map((u) => u.Username));
  return (text, { instanceId }) => {
    const parsed = Papa.parse(text, {
      header: true,
      skipEmptyLines: true,
      transformHeader: headerKey,
      transform: (value, field) => (field === "password" ? value : value.trim()),
    });
    const logins = new Map(); // login → row number
    const rows = [];
    for (let r = 0; r < parsed.data.length; r++) {
      const c = parsed.data[r];
      const row = r + 2; // papaparse does not count the empty records it skipped
      const errors = [];
      const input = { InstanceId: instanceId };
      const set = (obj, key, value) => { if (value !== undefined && value !== "") obj[key] = value; };
      set(input, "Username", c.userlogin);
      set(input, "Password", c.password);
      const info = {};
      set(info, "FirstName", c.firstname);
      set(info, "LastName", c.lastname);
      set(info, "Email", c.emailaddress);
      set(info, "SecondaryEmail", c.secondaryemailaddress);
      set(info, "Mobile", c.mobile);
      if (Object.keys(info).length) input.IdentityInfo = info;
      const lookup = (resolve, cell, path) => {
        const id = resolve(cell);
        if (id === null) errors.push({ path, code: "NOT_FOUND", message: "no such name in the instance" });
        return id ?? cell;
      };
      if (c.routingprofilename) input.RoutingProfileId = lookup(routing, c.routingprofilename, "RoutingProfileId");
      const names = (c.securityprofilename1securityprofilename2 ?? "").split("|").map((s) => s.trim()).filter(Boolean);
      if (names.length) input.SecurityProfileIds = names.map((n, i) => lookup(security, n, `SecurityProfileIds[${i}]`));
      if (c.agenthierarchy) input.HierarchyGroupId = lookup(groups, c.agenthierarchy.split("/").pop().trim(), "HierarchyGroupId");
      const phone = {};
      const type = c.phonetypesoftdesk;
      if (type) phone.PhoneType = PHONE_TYPES[type.toLowerCase()] ?? type;
      set(phone, "DeskPhoneNumber", c.phonenumber);
      const auto = c.softphoneautoacceptyesno;
      if (auto) phone.AutoAccept = BOOLEANS[auto.toLowerCase()] ?? auto;
      const acw = c.acwtimeoutseconds;
      if (acw) phone.AfterContactWorkTimeLimit = /^-?\d+(?:\.0*)?$/.test(acw) ? Number(acw) : acw;
      if (Object.keys(phone).length) input.PhoneConfig = phone;
      if (c.tags) {
        const tags = {};
        for (const pair of c.tags.split("|")) {
          const eq = pair.indexOf("=");
          if (eq < 0) { errors.push({ path: "Tags", code: "PATTERN", message: "a tag needs key=value" }); continue; }
          const key = pair.slice(0, eq).trim();
          if (Object.hasOwn(tags, key)) errors.push({ path: `Tags[${JSON.stringify(key)}]`, code: "DUPLICATE", message: "a tag key is given twice" });
          tags[key] = pair.slice(eq + 1).trim();
        }
        input.Tags = tags;
      }
      if (input.Username !== undefined) {
        if (existing.has(input.Username)) errors.push({ path: "Username", code: "TAKEN", message: "a user of the instance has this login" });
        else if (logins.has(input.Username)) errors.push({ path: "Username", code: "TAKEN", message: `same as row ${logins.get(input.Username)}` });
        else logins.set(input.Username, row);
      }
      errors.push(...ajvValidate(input, mode).errors);
      const report = { valid: errors.length === 0, errors, warnings: [] };
      const out = { row, input, report };
      if (report.valid) {
        const { InstanceId, ...body } = input;
        out.request = { method: "PUT", path: `/users/${encodeURIComponent(InstanceId)}`, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
      }
      rows.push(out);
    }
    return { valid: parsed.errors.length === 0 && rows.every((r) => r.report.valid), errors: parsed.errors, warnings: [], rows };
  };
}
