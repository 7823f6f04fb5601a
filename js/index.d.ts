// Types of connect-create-user: the contract of API.md, plus the CreateUser input shape.

/** How the Amazon Connect instance manages identities. */
export type IdentityManagementType = "CONNECT_MANAGED" | "SAML" | "EXISTING_DIRECTORY";

/** Options of every call. */
export interface Options {
  /**
   * Mode-dependent rules apply only when known: given here, or else taken from
   * `instance.Instance.IdentityManagementType`.
   */
  identityManagementType?: IdentityManagementType;
  /**
   * The instance context (INSTANCE.md): the merge of the AWS CLI / SDK v3 outputs the caller has
   * (`DescribeInstance`, `ListUsers` / `SearchUsers`, `ListRoutingProfiles`, `ListSecurityProfiles`,
   * `ListUserHierarchyGroups`), or a list of such outputs. Prepared once per object: change it by
   * passing a new object. A malformed one is skipped with an `INSTANCE_IGNORED` warning.
   */
  instance?: InstanceContext | InstanceContext[];
  /**
   * The language of messages and labels, a BCP 47 tag: "de", "ja", "pt-BR", … (matched: "de-AT"
   * → "de", "zh-Hant" → "zh-TW"); English by default and for any tag not offered. In a browser
   * a locale renders English until `loadLocale` (or `init({ locales })`) has loaded it.
   */
  locale?: string;
}

/** An item of a routing profile, security profile or hierarchy group list. */
export interface InstanceItemSummary {
  Id?: string;
  Arn?: string;
  Name?: string;
}

/** Levels of a hierarchy group's path, as DescribeUserHierarchyGroup returns them. */
export interface InstanceHierarchyPath {
  LevelOne?: InstanceItemSummary;
  LevelTwo?: InstanceItemSummary;
  LevelThree?: InstanceItemSummary;
  LevelFour?: InstanceItemSummary;
  LevelFive?: InstanceItemSummary;
}

/**
 * What the AWS CLI / SDK v3 return about an instance, in their own shapes (other members such as
 * `NextToken`, `$metadata`, `LastModifiedTime` are allowed and ignored): a `ListUsersCommand`
 * output can be passed as it is, or several merged with `Object.assign` (lists of one name from
 * several pages: pass the outputs as a list instead, and they are concatenated).
 */
export interface InstanceContext {
  Instance?: { IdentityManagementType?: string };
  UserSummaryList?: Array<{ Id?: string; Arn?: string; Username?: string }>;
  Users?: Array<{ Id?: string; Username?: string }>;
  RoutingProfileSummaryList?: InstanceItemSummary[];
  SecurityProfileSummaryList?: InstanceItemSummary[];
  UserHierarchyGroupSummaryList?: Array<InstanceItemSummary & { HierarchyPath?: InstanceHierarchyPath }>;
  NextToken?: string;
}

/** A value that can replace the one at a violation's path (from the instance context). */
export interface Fix {
  value: string;
  /** What a button says: "Use Basic Routing Profile". */
  label?: string;
}

/** One problem, at one path. */
export interface Violation {
  /** "IdentityInfo.FirstName", "AutoAcceptConfigs[1].Channel", 'Tags["aws:x"]', "" for the root. */
  path: string;
  /** One of the codes of RULES.md, INSTANCE.md and CSV.md: "TYPE", "REQUIRED", "TAKEN", … */
  code: string;
  /** Plain language for an admin; never contains a value from the input. */
  message: string;
  /** A replacement for the value at `path` (INSTANCE.md): never from the input. */
  fix?: Fix;
  /** The CSV column (its header as written in the file) the violation comes from. */
  column?: string;
}

/** Every problem of one input. */
export interface Report {
  /** True exactly when `errors` is empty. */
  valid: boolean;
  errors: Violation[];
  warnings: Violation[];
}

/** The request CreateUser sends. */
export interface CreateUserHttpRequest {
  method: "PUT";
  /** "/users/<percent-encoded InstanceId>" */
  path: string;
  headers: { "Content-Type": "application/json" };
  /** Compact JSON, ready to send. */
  body: string;
}

export type Channel = "VOICE" | "CHAT" | "TASK" | "EMAIL";
export type PhoneType = "SOFT_PHONE" | "DESK_PHONE";
export type VoiceEnhancementMode = "VOICE_ISOLATION" | "NOISE_SUPPRESSION" | "NONE";

export interface UserIdentityInfo {
  FirstName?: string;
  LastName?: string;
  Email?: string;
  SecondaryEmail?: string;
  Mobile?: string;
}

export interface UserPhoneConfig {
  PhoneType?: PhoneType;
  AutoAccept?: boolean;
  AfterContactWorkTimeLimit?: number;
  DeskPhoneNumber?: string;
  PersistentConnection?: boolean;
}

export interface AutoAcceptConfig {
  Channel: Channel;
  AutoAccept: boolean;
  AgentFirstCallbackAutoAccept?: boolean;
}

export interface AfterContactWorkConfig {
  AfterContactWorkTimeLimit?: number;
}

export interface AfterContactWorkConfigPerChannel {
  Channel: Channel;
  AfterContactWorkConfig: AfterContactWorkConfig;
  AgentFirstCallbackAfterContactWorkConfig?: AfterContactWorkConfig;
}

export interface PhoneNumberConfig {
  Channel: Channel;
  PhoneType: PhoneType;
  PhoneNumber?: string;
}

export interface PersistentConnectionConfig {
  Channel: Channel;
  PersistentConnection: boolean;
}

export interface VoiceEnhancementConfig {
  Channel: Channel;
  VoiceEnhancementMode: VoiceEnhancementMode;
}

/** A CreateUser input: the API's PascalCase shape, InstanceId included. */
export interface CreateUser {
  InstanceId: string;
  Username: string;
  Password?: string;
  IdentityInfo?: UserIdentityInfo;
  PhoneConfig?: UserPhoneConfig;
  DirectoryUserId?: string;
  SecurityProfileIds: string[];
  RoutingProfileId: string;
  HierarchyGroupId?: string;
  AutoAcceptConfigs?: AutoAcceptConfig[];
  AfterContactWorkConfigs?: AfterContactWorkConfigPerChannel[];
  PhoneNumberConfigs?: PhoneNumberConfig[];
  PersistentConnectionConfigs?: PersistentConnectionConfig[];
  VoiceEnhancementConfigs?: VoiceEnhancementConfig[];
  Tags?: Record<string, string>;
}

/** One member of the model, as `describeModel` lists it. */
export interface ModelField {
  name: string;
  label: string;
  kind: "string" | "enum" | "boolean" | "integer" | "stringList" | "object" | "objectList" | "tagMap";
  required: boolean;
  sensitive: boolean;
  inPath: boolean;
  modes: { requiredIn: IdentityManagementType[]; forbiddenIn: IdentityManagementType[]; notApplicableIn: IdentityManagementType[] };
  min?: number;
  max?: number;
  /** Tighter string maxima in some identity modes (Username, LastName). */
  maxIn?: Partial<Record<IdentityManagementType, number>>;
  values?: string[];
  shape?: ModelShape;
}

/** An object shape of the model. */
export interface ModelShape {
  name: string;
  voiceOnly: boolean;
  fields: ModelField[];
}

/**
 * Checks one CreateUser input. Never throws, whatever value it is given: a bad input is a Report.
 */
export function validateCreateUser(input: CreateUser, options?: Options): Report;
export function validateCreateUser(input: unknown, options?: Options): Report;

/** Builds the request for a valid input; for an invalid one throws a ValidationError. */
export function buildCreateUserRequest(input: CreateUser, options?: Options): CreateUserHttpRequest;
export function buildCreateUserRequest(input: unknown, options?: Options): CreateUserHttpRequest;

/**
 * Checks every user of a JSON array text in one call: one Report per user, in order.
 * Throws a SyntaxError when the text is not a JSON array, a TypeError when it is not a string.
 */
export function validateCreateUserBatch(jsonText: string, options?: Options): Report[];

/** Options prepared once (the instance context crosses into wasm once), for many calls. */
export interface Validator {
  validate(input: CreateUser): Report;
  validate(input: unknown): Report;
  /** Throws a ValidationError for an invalid input. */
  build(input: CreateUser): CreateUserHttpRequest;
  build(input: unknown): CreateUserHttpRequest;
  validateBatch(jsonText: string): Report[];
  /** The bulk CSV template (CSV.md) checked with these options. */
  validateCsv(file: string | Uint8Array, csv?: { instanceId?: string; delimiter?: string }): CsvReport;
}

/** Options of a CSV check (CSV.md). */
export interface CsvOptions extends Options {
  /** The `InstanceId` of every row (the file has no column for it); without it no row has a request. */
  instanceId?: string;
  /** Overrides the delimiter found from the header (`,`, else `;` or tab). */
  delimiter?: "," | ";" | "\t";
}

/** What `validateCreateUserCsv` returns. */
export interface CsvReport {
  /** No file error and every row valid. */
  valid: boolean;
  /** File level: header, encoding, quoting, limits, instance id, unresolved columns. */
  errors: Violation[];
  warnings: Violation[];
  /** The header cells as written. */
  columns: string[];
  /** One per non-empty record, in file order. */
  rows: CsvRow[];
}

/** One user row of a CSV file. */
export interface CsvRow {
  /** The spreadsheet's row number: the header is row 1, the first user row 2. */
  row: number;
  /** The row's cells as written, one per header column (passwords included: mask them when shown). */
  cells: string[];
  /** The CreateUser input the row becomes (ids resolved, InstanceId set). */
  input: Partial<CreateUser>;
  /** As validateCreateUser's; each violation that comes from a cell has `column`. */
  report: Report;
  /** Present exactly when the row is valid, `instanceId` was given and every names column resolved. */
  request?: CreateUserHttpRequest;
}

/** Checks a bulk CSV template file (text, or bytes: UTF-8, else read as Windows-1252) in one call. */
export function validateCreateUserCsv(file: string | Uint8Array, options?: CsvOptions): CsvReport;

/** The bulk CSV template: its header and one example row valid in `mode` (CONNECT_MANAGED by default). */
export function csvTemplate(mode?: IdentityManagementType): string;

/** Prepares `options` once (the instance context crosses into wasm once) for many checks. */
export function createValidator(options?: Options): Validator;

/** Thrown by buildCreateUserRequest; `instanceof Error` holds, `name === "ValidationError"`. */
export class ValidationError extends Error {
  name: "ValidationError";
  errors: Violation[];
  warnings: Violation[];
  constructor(report: Report);
}

/** The NFC form of a string, for a form's "fix it" action on NOT_NFC. */
export function normalizeNfc(text: string): string;

/** The model's field table: labels (in `locale`), kinds, bounds, enums, sensitivity, mode rules. */
export function describeModel(locale?: string): ModelShape;

/**
 * Loads the messages of a locale (browsers: fetches `locales/<tag>.json` next to web.js; Node
 * reads it on first use anyway). Resolves to the canonical tag now in use ("en" for English or a
 * tag not offered); rejects when the browser cannot fetch the file.
 */
export function loadLocale(locale: string): Promise<string>;

/**
 * Loads the wasm module. Needed once in browsers before any other call; a no-op in Node.
 * `moduleOrPath`: a URL or path of connect_create_user_bg.wasm, a Response, bytes or a
 * WebAssembly.Module; by default the file next to the glue.
 */
export default function init(moduleOrPath?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;
/** Loads the wasm module, then the messages of `locales` (see `loadLocale`). */
export default function init(options: { module_or_path?: string | URL | Request | Response | BufferSource | WebAssembly.Module; locales?: string[] }): Promise<void>;
export { init };

/** Loads the wasm module synchronously from its bytes (browsers, workers); a no-op in Node. */
export function initSync(options: { module: BufferSource | WebAssembly.Module }): void;
