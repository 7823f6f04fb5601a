// Compiled (not run) by tests/js/package.test.mjs against pkg/'s declarations: a typed program
// using every export; a wrong use below each right one is marked @ts-expect-error.
import init, {
  buildCreateUserRequest,
  createValidator,
  csvTemplate,
  describeModel,
  validateCreateUserCsv,
  normalizeNfc,
  validateCreateUser,
  validateCreateUserBatch,
  ValidationError,
  type CreateUser,
  type CreateUserHttpRequest,
  type InstanceContext,
  type Options,
  type Report,
  type Violation,
} from "connect-create-user";

const user: CreateUser = {
  InstanceId: "i-1",
  Username: "jdoe",
  Password: "Secr3tPass",
  IdentityInfo: { FirstName: "Jane", LastName: "Doe", Email: "jane@example.com" },
  SecurityProfileIds: ["sp-1"],
  RoutingProfileId: "rp-1",
  AutoAcceptConfigs: [{ Channel: "VOICE", AutoAccept: true }],
  Tags: { team: "support" },
};
// @ts-expect-error: not a channel
const badChannel: CreateUser = { ...user, AutoAcceptConfigs: [{ Channel: "FAX", AutoAccept: true }] };

const options: Options = { identityManagementType: "SAML" };
// @ts-expect-error: not a mode
const badOptions: Options = { identityManagementType: "LDAP" };

async function main(): Promise<void> {
  await init();
  const report: Report = validateCreateUser(user, options);
  const fromAnything: Report = validateCreateUser(JSON.parse("{}") as unknown);
  const first: Violation | undefined = report.errors[0];
  const valid: boolean = report.valid && fromAnything.valid;
  const path: string | undefined = first?.path;
  try {
    const request: CreateUserHttpRequest = buildCreateUserRequest(user, options);
    const method: "PUT" = request.method;
    const contentType: "application/json" = request.headers["Content-Type"];
    const body: string = request.body;
    console.log(method, contentType, body, valid, path);
  } catch (e) {
    if (e instanceof ValidationError) {
      const errors: Violation[] = e.errors;
      const warnings: Violation[] = e.warnings;
      const name: "ValidationError" = e.name;
      console.log(errors, warnings, name);
    }
  }
  const reports: Report[] = validateCreateUserBatch("[]", options);
  const fixed: string = normalizeNfc("Jose\u0301");
  // @ts-expect-error: normalizeNfc takes a string
  normalizeNfc(42);
  const labels: string[] = describeModel().fields.map((f) => f.label);
  // An SDK v3 output passes as it is: extra members and Date values are fine.
  const listUsersOutput = {
    UserSummaryList: [{ Id: "u-1", Arn: "arn:u-1", Username: "jdoe", LastModifiedTime: new Date() }],
    NextToken: "t",
    $metadata: { httpStatusCode: 200 },
  };
  const context: InstanceContext = listUsersOutput;
  const validator = createValidator({ instance: [context, { RoutingProfileSummaryList: [{ Id: "rp-1", Name: "Basic" }] }] });
  const fix: string | undefined = validator.validate(user).errors[0]?.fix?.value;
  const column: string | undefined = validator.validateBatch("[]")[0]?.errors[0]?.column;
  // @ts-expect-error: the instance is an object of AWS outputs
  createValidator({ instance: 42 });
  const csv = validateCreateUserCsv(csvTemplate("SAML"), { instanceId: "i-1", delimiter: ";", instance: context });
  const rowNumbers: number[] = csv.rows.map((r) => r.row);
  const requests: (CreateUserHttpRequest | undefined)[] = csv.rows.map((r) => r.request);
  const columnOf: (string | undefined)[] = csv.rows.flatMap((r) => r.report.errors.map((e) => e.column));
  const fromBytes: boolean = validator.validateCsv(new Uint8Array([0x61]), { instanceId: "i" }).valid;
  // @ts-expect-error: a delimiter is one of , ; tab
  validateCreateUserCsv("", { delimiter: "|" });
  console.log(fix, column, rowNumbers, requests, columnOf, fromBytes, csv.columns);
  console.log(reports, fixed, labels, badChannel, badOptions);
}
void main();
