// Inputs for the command's tests: users holding marker secrets (which must never appear in any
// output), AWS CLI outputs shaped as `aws connect list-users` etc. print them, and a CSV file.

/** Values that must never be printed: every test's stdout and stderr is searched for them. */
export const SECRETS = ["Mk9!PassSecret", "marker.secret@example.com", "+15550109876", "second.marker@example.org", "BadMarkerMail", "Mk9!BadLinePass"];

export const INSTANCE_ID = "11111111-2222-3333-4444-555555555555";

/** A valid CONNECT_MANAGED user (no warnings). */
export function validUser(username, extra = {}) {
  return {
    InstanceId: INSTANCE_ID,
    Username: username,
    Password: "Mk9!PassSecret",
    IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "marker.secret@example.com", SecondaryEmail: "second.marker@example.org", Mobile: "+15550109876" },
    SecurityProfileIds: ["sp-agent"],
    RoutingProfileId: "rp-basic",
    AutoAcceptConfigs: [{ Channel: "VOICE", AutoAccept: false }],
    ...extra,
  };
}

/** An invalid user: user name with a space, an email that is not one (and a marker in it). */
export function invalidUser(username = "bad user") {
  return { ...validUser("x"), Username: username, IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "BadMarkerMail" } };
}

const summary = (id, name, i) => ({
  Id: id,
  Arn: `arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE_ID}/agent/${id}`,
  Username: name,
  LastModifiedTime: `2024-05-0${i + 1}T10:00:00.000000+00:00`,
  LastModifiedRegion: "us-east-1",
});

/** Two pages of `aws connect list-users` (the second has no NextToken). */
export const LIST_USERS_PAGES = [
  { UserSummaryList: [summary("u-1", "admin", 0), summary("u-2", "existing.one", 1)], NextToken: "AAEAAabcdefTOKEN==" },
  { UserSummaryList: [summary("u-3", "existing.two", 2)] },
];

const profile = (kind, id, name) => ({
  Id: id,
  Arn: `arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE_ID}/${kind}/${id}`,
  Name: name,
  LastModifiedTime: "2024-05-01T10:00:00.000000+00:00",
  LastModifiedRegion: "us-east-1",
});

/** `aws connect list-routing-profiles`. */
export const LIST_ROUTING_PROFILES = { RoutingProfileSummaryList: [profile("routing-profile", "rp-basic", "Basic Routing Profile"), profile("routing-profile", "rp-sales", "Sales")] };

/** `aws connect list-security-profiles`. */
export const LIST_SECURITY_PROFILES = { SecurityProfileSummaryList: [profile("security-profile", "sp-agent", "Agent"), profile("security-profile", "sp-admin", "Admin")] };

/** `aws connect describe-instance` (the part the command uses). */
export const DESCRIBE_INSTANCE = {
  Instance: { Id: INSTANCE_ID, Arn: `arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE_ID}`, IdentityManagementType: "CONNECT_MANAGED", InstanceStatus: "ACTIVE" },
};

/** The bulk template with one good row (row 2), one bad email (row 3), one repeated login (row 4). */
export const CSV = [
  "first name,last name,email address,password,user login,routing profile name,security_profile_name_1|security_profile_name_2,phone type (soft/desk),mobile",
  "Jane,Doe,marker.secret@example.com,Mk9!PassSecret,jdoe,Basic Routing Profile,Agent,soft,+15550109876",
  "John,Roe,BadMarkerMail,Mk9!PassSecret,jroe,Basic Routing Profile,Agent|Admin,soft,",
  "Jim,Poe,marker.secret@example.com,Mk9!PassSecret,jdoe,Sales,Agent,desk,",
  "",
].join("\r\n");
