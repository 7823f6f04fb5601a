// A generated instance context (INSTANCE.md) for the `instance` and `csv` sections: deterministic,
// in the shapes the AWS CLI writes (`aws connect list-users` etc., pages already concatenated).
//
// generateInstance() → { context, routing, security, groups } where context is
//   { UserSummaryList: [{ Id, Arn, Username, LastModifiedTime, LastModifiedRegion }] × users,
//     RoutingProfileSummaryList: [{ Id, Arn, Name }] × routing,
//     SecurityProfileSummaryList: [{ Id, Arn, Name }] × security,
//     UserHierarchyGroupSummaryList: [{ Id, Arn, Name }] × groups }
// and the first routing profile, the first three security profiles and the first hierarchy group
// carry the ids of bench/inputs.mjs's FULL and MINIMAL, so those inputs are valid against it.
// No generated Username equals (or equals ignoring case) FULL's, MINIMAL's or a CSV login.

import { FULL, INSTANCE_ID, MINIMAL, hex, mulberry32, pick } from "./inputs.mjs";

const ACCOUNT = "123456789012";
const REGIONS = ["us-east-1", "us-west-2", "eu-west-2", "eu-central-1", "ap-southeast-2"];
const ARN_BASE = `arn:aws:connect:us-east-1:${ACCOUNT}:instance/${INSTANCE_ID}`;

const DEPARTMENTS = ["Sales", "Support", "Billing", "Retention", "Onboarding", "Collections", "Claims", "Technical Support",
  "Escalations", "Outbound", "Partners", "Warranty", "Bookings", "Loyalty", "Fraud", "Returns", "Enterprise", "Student Desk",
  "Priority", "Accessibility"];
const REGION_NAMES = ["EMEA", "APAC", "North America", "LATAM", "UK", "DACH", "Nordics", "Iberia", "France", "Benelux"];
const TIERS = ["Tier 1", "Tier 2", "Tier 3", "Team Leads", "Night Shift"];
const SECURITY_BASE = ["Agent", "Admin", "CallCenterManager", "QualityAnalyst", "Supervisor", "Reporting", "Auditor",
  "Workforce Planner", "Trainer", "Read Only"];

/** A UUID-shaped id from the PRNG. */
function uuid(rand) {
  return `${hex(rand, 8)}-${hex(rand, 4)}-4${hex(rand, 3)}-a${hex(rand, 3)}-${hex(rand, 12)}`;
}

/** n distinct profile names built from the word lists (department, region, tier, then a number). */
function profileNames(n, prefix) {
  const names = [];
  for (let i = 0; names.length < n; i++) {
    const d = DEPARTMENTS[i % DEPARTMENTS.length];
    const r = REGION_NAMES[Math.floor(i / DEPARTMENTS.length) % REGION_NAMES.length];
    const t = TIERS[Math.floor(i / (DEPARTMENTS.length * REGION_NAMES.length)) % TIERS.length];
    const round = Math.floor(i / (DEPARTMENTS.length * REGION_NAMES.length * TIERS.length));
    names.push(`${prefix}${d} ${r} ${t}${round ? ` ${round + 1}` : ""}`);
  }
  return names;
}

function items(rand, n, kind, names, fixedIds) {
  return names.slice(0, n).map((Name, i) => {
    const Id = fixedIds[i] ?? uuid(rand);
    return { Id, Arn: `${ARN_BASE}/${kind}/${Id}`, Name };
  });
}

/**
 * The instance context: `users` users, `routing` routing and `security` security profiles, `groups`
 * hierarchy groups. The lists (routing, security, groups) are returned too, for building inputs.
 */
export function generateInstance({ users = 100000, routing = 1000, security = 1000, groups = 200, seed = 4242 } = {}) {
  const rand = mulberry32(seed);
  const routingList = items(rand, routing, "routing-profile", ["Basic Routing Profile", ...profileNames(routing, "")],
    [FULL.RoutingProfileId]);
  const securityList = items(rand, security, "security-profile",
    [...SECURITY_BASE, ...profileNames(security, "Access ")], FULL.SecurityProfileIds);
  const groupList = items(rand, groups, "agent-group", profileNames(groups, "Team "), [FULL.HierarchyGroupId]);
  const userList = new Array(users);
  for (let i = 0; i < users; i++) {
    const Id = uuid(rand);
    const day = 1 + Math.floor(rand() * 28);
    const month = 1 + Math.floor(rand() * 12);
    userList[i] = {
      Id,
      Arn: `${ARN_BASE}/agent/${Id}`,
      // "agent" names never collide with FULL's "jose.nguyen", MINIMAL's "jdoe" or a CSV login
      Username: i % 3 === 0 ? `agent${i}@example.com` : `agent.${i}_${hex(rand, 3)}`,
      LastModifiedTime: `2024-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T10:${String(i % 60).padStart(2, "0")}:00.${String(Math.floor(rand() * 1000)).padStart(3, "0")}000+00:00`,
      LastModifiedRegion: pick(rand, REGIONS),
    };
  }
  // Through JSON, as a caller reads the CLI's output: flat strings (the template literals above are
  // V8 cons strings, which the first JSON.stringify would flatten, skewing heap measurements).
  const context = JSON.parse(JSON.stringify({
    UserSummaryList: userList,
    RoutingProfileSummaryList: routingList,
    SecurityProfileSummaryList: securityList,
    UserHierarchyGroupSummaryList: groupList,
  }));
  return { context, routing: context.RoutingProfileSummaryList, security: context.SecurityProfileSummaryList, groups: context.UserHierarchyGroupSummaryList };
}

/** Changes two letters in the middle of `name` (a typo within two edits, never an existing name). */
export function typo(name) {
  const i = Math.max(1, name.length >> 1);
  const swap = (c) => (c === "x" ? "y" : "x");
  return name.slice(0, i) + swap(name[i]) + swap(name[i + 1] ?? "") + name.slice(i + 2);
}

/**
 * FULL whose five profile and group references are names with a typo: the worst case of the
 * context check (not an Id, not an Arn, not a Name: a near-miss search over the list's names, five
 * times). `data` is generateInstance()'s result.
 */
export function nearMissInput(data) {
  return Object.freeze({
    ...FULL,
    RoutingProfileId: typo(data.routing[500].Name),
    SecurityProfileIds: [typo(data.security[400].Name), typo(data.security[600].Name), typo(data.security[800].Name)],
    HierarchyGroupId: typo(data.groups[100].Name),
  });
}

export { FULL, MINIMAL };
