"use strict";
// The command line's words: commands, options, which command takes which, and the help text.

const { parseArgs } = require("node:util");

const MODES = ["CONNECT_MANAGED", "SAML", "EXISTING_DIRECTORY"];
const FORMATS = ["text", "json"];
const STDIN_FORMATS = ["json", "jsonl", "csv"];

const OPTIONS = {
  mode: { type: "string" },
  instance: { type: "string", multiple: true },
  "instance-id": { type: "string" },
  format: { type: "string" },
  locale: { type: "string" },
  warnings: { type: "boolean" },
  "no-warnings": { type: "boolean" },
  "stdin-format": { type: "string" },
  out: { type: "string" },
  requests: { type: "boolean" },
  "skip-invalid": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
};
const CHECK_OPTIONS = ["mode", "instance", "instance-id", "format", "locale", "warnings", "no-warnings", "stdin-format"];
const ALLOWED = {
  check: CHECK_OPTIONS,
  build: [...CHECK_OPTIONS, "out", "requests", "skip-invalid"],
  template: ["mode"],
};

const HELP = `Usage:
  connect-create-user check FILE...  [options]   check every user in the files; print the problems
  connect-create-user build FILE...  --out DIR [--requests] [--skip-invalid] [options]
                                                 write the CreateUser inputs (or requests) of the valid users
  connect-create-user template [--mode M]        print the bulk CSV template's header and an example row
  connect-create-user --help | --version

FILE: .json (one CreateUser input, or an array of them), .jsonl / .ndjson (one input a line),
.csv (the Amazon Connect bulk user template); - reads standard input (see --stdin-format).

Options:
  --mode CONNECT_MANAGED|SAML|EXISTING_DIRECTORY   the instance's identity management type
  --instance FILE        instance context: AWS CLI outputs (list-users, list-routing-profiles,
                         list-security-profiles, list-user-hierarchy-groups, describe-instance);
                         may be repeated: the files are merged, lists of the same name concatenated
  --instance-id ID       for CSV files and inputs without InstanceId
  --format text|json     text (default): one line per problem; json: one document with every report
  --locale TAG           message language (en, de, es, fr, it, ja, ko, pt-BR, zh-CN, zh-TW, id)
  --warnings, --no-warnings   show warnings (default) or not
  --stdin-format json|jsonl|csv   what - holds (default json)
  --out DIR              (build) the folder for <Username>.json files
  --requests             (build) write DIR/requests.jsonl (method, path, headers, body) instead
  --skip-invalid         (build) write the valid users even when some are invalid (exit status still 1)

Exit status: 0 every user valid (warnings allowed), 1 an invalid user, 2 a usage error or a file
that cannot be read. The command never calls AWS.
`;

/** A usage error: exit status 2, one line on standard error. */
class UsageError extends Error {}

function oneOf(name, value, allowed) {
  if (value !== undefined && !allowed.includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(", ")}.`);
  }
  return value;
}

/**
 * The parsed command: `{ command, files, mode, instanceFiles, instanceId, format, locale, warnings,
 * stdinFormat, out, requests, skipInvalid }`, or `{ command: "help" | "version" }`.
 */
function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw new UsageError(usageMessage(e));
  }
  const { values, positionals, tokens } = parsed;
  if (values.help) return { command: "help" };
  if (values.version) return { command: "version" };
  const [command, ...files] = positionals;
  if (command === undefined) throw new UsageError("a command is missing: check, build or template.");
  if (!(command in ALLOWED)) throw new UsageError(`unknown command "${printable(command)}": use check, build or template.`);
  for (const name of Object.keys(values)) {
    if (!ALLOWED[command].includes(name)) throw new UsageError(`${command} takes no --${name} option.`);
  }
  if (command === "template") {
    if (files.length > 0) throw new UsageError("template takes no file.");
  } else if (files.length === 0) {
    throw new UsageError(`${command} needs at least one FILE (- for standard input).`);
  }
  if (command === "build" && (values.out === undefined || values.out === "")) throw new UsageError("build needs --out DIR.");
  if (files.filter((f) => f === "-").length > 1) throw new UsageError("- (standard input) can be given only once.");
  // --warnings / --no-warnings: the last one given wins.
  let warnings = true;
  for (const t of tokens) if (t.kind === "option" && (t.name === "warnings" || t.name === "no-warnings")) warnings = t.name === "warnings";
  if (values["instance-id"] === "") throw new UsageError("--instance-id needs a value.");
  return {
    command,
    files,
    mode: oneOf("mode", values.mode, MODES),
    instanceFiles: values.instance || [],
    instanceId: values["instance-id"],
    format: oneOf("format", values.format, FORMATS) || "text",
    locale: values.locale,
    warnings,
    stdinFormat: oneOf("stdin-format", values["stdin-format"], STDIN_FORMATS) || "json",
    out: values.out,
    requests: values.requests === true,
    skipInvalid: values["skip-invalid"] === true,
  };
}

// parseArgs' messages suggest "--" tricks and quote whole arguments; ours name the option only.
function usageMessage(e) {
  const m = /'(-[^'\s]*)/.exec(String(e && e.message));
  const option = m ? printable(m[1]) : "an option";
  switch (e && e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${option}.`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /missing/.test(e.message) ? `${option} needs a value.` : `${option} takes no value.`;
    default:
      return "the command line could not be read.";
  }
}

// An argument echoed in a usage message: short, and without control characters.
function printable(text) {
  const s = String(text).replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

module.exports = { parseCommandLine, UsageError, HELP, MODES };
