// The columns of Amazon Connect's user CSV template (CSV.md), for the import page: the template's
// headers with an example row (the template download, until the package's csvTemplate exists),
// header matching, which column is the password (masked), and a cell's text for the table.

/** [header as in the template, member path or null, example value]. */
export const TEMPLATE_COLUMNS = [
  ["first name", "IdentityInfo.FirstName", "Jane"],
  ["last name", "IdentityInfo.LastName", "Doe"],
  ["email address", "IdentityInfo.Email", "jane.doe@example.com"],
  ["secondary email address", "IdentityInfo.SecondaryEmail", ""],
  ["mobile", "IdentityInfo.Mobile", "+12065550100"],
  ["password", "Password", "Change-me-1"],
  ["user login", "Username", "jdoe"],
  ["routing profile name", "RoutingProfileId", "Basic Routing Profile"],
  ["security_profile_name_1|security_profile_name_2", "SecurityProfileIds", "Agent"],
  ["agent hierarchy", "HierarchyGroupId", ""],
  ["user_hierarchy_1|user_hierarchy_2", null, ""],
  ["phone type (soft/desk)", "PhoneConfig.PhoneType", "soft"],
  ["phone number", "PhoneConfig.DeskPhoneNumber", ""],
  ["soft phone auto accept (yes/no)", "PhoneConfig.AutoAccept", "yes"],
  ["ACW timeout (seconds)", "PhoneConfig.AfterContactWorkTimeLimit", "30"],
  ["tags", "Tags", "team=support"],
];

/** A header as CSV.md matches it: lower-cased, letters and digits only. */
export function normalizeHeader(header) {
  return String(header).toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

const PATH_BY_HEADER = new Map(TEMPLATE_COLUMNS.map(([header, path]) => [normalizeHeader(header), path]));

/** True for the password column (its cells are shown masked). */
export function isPasswordColumn(header) {
  return PATH_BY_HEADER.get(normalizeHeader(header)) === "Password";
}

/**
 * The text of a row's cell: the cell as written when the report carries `cells` (aligned with
 * `columns`), else the value the row's input holds for the column's member (ids resolved).
 */
export function cellText(row, header, index) {
  if (Array.isArray(row.cells)) return row.cells[index] ?? "";
  const path = PATH_BY_HEADER.get(normalizeHeader(header));
  if (!path || !row.input) return "";
  let value = row.input;
  for (const part of path.split(".")) value = value == null ? undefined : value[part];
  return formatValue(value);
}

function formatValue(value) {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(formatValue).join("|");
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object") return Object.entries(value).map(([k, v]) => `${k}=${formatValue(v)}`).join("|");
  return String(value);
}
