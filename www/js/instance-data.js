// Instance data on the form page, as data (no DOM): the AWS CLI outputs the admin loaded
// (INSTANCE.md), kept as one context object for the validator (built once per load, so the
// package prepares it once), plus what the page shows from it: the name choices of the id
// controls, the identity management type and a count of each part. The checks are the package's.
import { MODES } from "./choices.js";

/** The members whose items the id controls can be picked from, by the controls they serve. */
export const REF_KINDS = [
  { key: "routing", member: "RoutingProfileSummaryList", noun: "routing profile", plural: "routing profiles" },
  { key: "security", member: "SecurityProfileSummaryList", noun: "security profile", plural: "security profiles" },
  { key: "hierarchy", member: "UserHierarchyGroupSummaryList", noun: "hierarchy group", plural: "hierarchy groups" },
];

const USER_MEMBERS = ["UserSummaryList", "Users"];

/** The kind of choices a control picks from, by its name; null for every other control. */
export function refKindOf(name) {
  if (name === "RoutingProfileId") return REF_KINDS[0];
  if (/^SecurityProfileIds\[\d+\]$/.test(name)) return REF_KINDS[1];
  if (name === "HierarchyGroupId") return REF_KINDS[2];
  return null;
}

/** No instance data: the form works without it. */
export function noInstance() {
  return { context: null, files: [], problems: [], choices: new Map(), mode: null, counts: [], version: 0 };
}

/**
 * The instance state for the parsed files (`parts`, in order; `files` their names, `problems` the
 * files left out). `context` is the list of parts itself: the package concatenates the lists.
 */
export function instanceFromParts(parts, files, problems, version) {
  const choices = new Map();
  for (const kind of REF_KINDS) {
    const items = itemsOf(parts, kind.member);
    if (items) choices.set(kind.key, choiceList(items));
  }
  const users = USER_MEMBERS.map((m) => itemsOf(parts, m)).filter(Boolean);
  const counts = [];
  if (users.length) counts.push(count(users.reduce((n, list) => n + list.length, 0), "user", "users"));
  for (const kind of REF_KINDS) {
    if (choices.has(kind.key)) counts.push(count(choices.get(kind.key).list.length, kind.noun, kind.plural));
  }
  return { context: parts.length ? parts : null, files, problems, choices, mode: modeOf(parts), counts, version };
}

function count(n, one, many) {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** The items of a list member over every part (ListUsers pages concatenated); null when no part has it. */
function itemsOf(parts, member) {
  let out = null;
  for (const part of parts) {
    const list = part[member];
    if (Array.isArray(list)) out = (out ?? []).concat(list);
  }
  return out;
}

/**
 * The pickable items: `{ id, text }` sorted by name (the id added where names repeat), and the set
 * of ids. Items without a string `Id` are skipped, as the package skips them.
 */
function choiceList(items) {
  const byId = new Map();
  for (const item of items) {
    if (!item || typeof item !== "object" || typeof item.Id !== "string" || item.Id === "") continue;
    const name = typeof item.Name === "string" && item.Name !== "" ? item.Name : item.Id;
    if (!byId.has(item.Id)) byId.set(item.Id, name);
  }
  const seen = new Map();
  for (const name of byId.values()) seen.set(name, (seen.get(name) ?? 0) + 1);
  const list = [...byId].map(([id, name]) => ({ id, name, text: seen.get(name) > 1 ? `${name} (${id})` : name }));
  list.sort((a, b) => a.text.localeCompare(b.text, "en", { sensitivity: "base", numeric: true }));
  return { list, ids: new Set(byId.keys()) };
}

/** `Instance.IdentityManagementType` of the last part that has a known one; null when none does. */
function modeOf(parts) {
  let mode = null;
  for (const part of parts) {
    const described = part.Instance;
    const value = described && typeof described === "object" ? described.IdentityManagementType : undefined;
    if (MODES.some(([m]) => m === value)) mode = value;
  }
  return mode;
}
