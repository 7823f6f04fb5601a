#!/usr/bin/env node
"use strict";
// connect-create-user: the package's command (CLI.md, docs/cli.md). Checks the users of JSON, JSON
// Lines and CSV files offline, and writes the requests of the valid ones. Exit status 0 all valid,
// 1 an invalid user, 2 a usage error or an unreadable file. No stack trace ever reaches the user.

const { parseCommandLine, UsageError, HELP } = require("./args.cjs");
const messages = require("./messages.cjs");

const NAME = "connect-create-user";
const noColor = "NO_COLOR" in process.env;

function main(argv) {
  let opts;
  try {
    opts = parseCommandLine(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${NAME}: ${e.message}\nRun ${NAME} --help for the usage.\n`);
    return 2;
  }
  if (opts.command === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  if (opts.command === "version") {
    process.stdout.write(`${require("../package.json").version}\n`);
    return 0;
  }
  const api = require("../index.cjs");
  if (opts.command === "template") return template(api, opts);
  return checkOrBuild(api, opts);
}

function template(api, opts) {
  if (typeof api.csvTemplate !== "function") {
    process.stderr.write(`${NAME}: ${messages.TEMPLATE_UNSUPPORTED}.\n`);
    return 2;
  }
  const text = String(api.csvTemplate(opts.mode));
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  return 0;
}

function checkOrBuild(api, opts) {
  const { readErrorLine, fileText, summaryText, jsonDocument } = require("./output.cjs");
  const { loadFile, ReadError } = require("./read.cjs");
  const { createEngine, checkFile, countAll, exitStatus } = require("./check.cjs");
  const { loadInstance } = require("./instance.cjs");
  const colour = process.stdout.isTTY === true && !noColor;
  const errColour = process.stderr.isTTY === true && !noColor;
  const fail = (file, why, position) => process.stderr.write(`${readErrorLine(file, why, position, errColour)}\n`);

  let instance;
  try {
    instance = loadInstance(opts.instanceFiles);
  } catch (e) {
    if (!e.file) throw e;
    fail(e.file, `cannot read this --instance file: ${e.error.message}.`, e.error.position);
    return 2;
  }
  const engine = createEngine(api, { mode: opts.mode, instance, locale: opts.locale });
  const progress = createProgress(process.stderr.isTTY === true);
  const build = opts.command === "build" ? require("./build.cjs") : null;
  const entries = [];
  for (const file of opts.files) {
    const shown = file === "-" ? "(stdin)" : file;
    const kind = file === "-" ? opts.stdinFormat : undefined;
    let result;
    try {
      const loaded = loadFile(file, opts);
      loaded.file = shown;
      const big = loaded.users ? loaded.users.length > 1000 : countLines(loaded.bytes) > 1000;
      if (big) progress(`${shown}: checking ${loaded.users ? `${loaded.users.length.toLocaleString("en-US")} users` : "the rows"}…`);
      result = checkFile(loaded, engine, opts);
      if (build) build.attachRequests(result, engine);
      progress.clear();
    } catch (e) {
      progress.clear();
      const why = e instanceof ReadError ? e.message : e && e.message === "CSV_UNSUPPORTED" ? messages.CSV_UNSUPPORTED : null;
      if (why === null) throw e;
      fail(shown, `cannot read it: ${why}.`, e.position);
      entries.push({ unreadable: { file: shown, kind: kind || kindGuess(file), why, position: e.position } });
      continue;
    }
    for (const s of result.syntaxErrors) fail(shown, `this line is not JSON: ${s.what}.`, s);
    entries.push({ result });
    if (opts.format === "text") {
      const text = fileText(result, colour);
      if (text !== "") process.stdout.write(`${text}\n`);
    }
  }
  const results = entries.filter((e) => e.result).map((e) => e.result);
  const counts = countAll(
    results,
    entries.filter((e) => e.unreadable),
  );
  const status = exitStatus(counts);
  let outcome = null;
  if (build) {
    outcome = buildOutcome(build, results, counts, status, opts, progress);
    if (outcome.kind === "error") {
      fail(outcome.target, outcome.why);
      return 2;
    }
  }
  if (opts.format === "json") {
    const extra = outcome ? { build: outcome } : {};
    process.stdout.write(`${jsonDocument(entries, counts, status, extra)}\n`);
  } else {
    process.stdout.write(`${summaryText(messages.summaryLine(counts, opts), counts, colour)}\n`);
    if (outcome) process.stdout.write(`${messages.buildLine(outcome, opts.locale)}\n`);
  }
  return status;
}

// Nothing is written when anything could not be read, nor when a user is invalid unless --skip-invalid.
function buildOutcome(build, results, counts, status, opts, progress) {
  if (status === 2) return { kind: "unreadable", written: 0 };
  if (status === 1 && !opts.skipInvalid) return { kind: "invalid", written: 0, invalid: counts.invalid };
  const requests = [];
  for (const r of results) for (const u of r.users) if (u.report.errors.length === 0 && u.request) requests.push(u.request);
  try {
    const done = build.writeOut(requests, opts, requests.length > 1000 ? progress : () => {});
    progress.clear();
    return done;
  } catch (e) {
    progress.clear();
    if (!(e instanceof build.WriteError)) throw e;
    return { kind: "error", target: opts.out, why: e.message };
  }
}

function kindGuess(file) {
  const m = /\.([^./\\]+)$/.exec(file);
  return m ? m[1].toLowerCase() : "";
}

function countLines(bytes) {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1 && n <= 1001; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

// Progress on standard error, on one line redrawn in place; only on a terminal.
function createProgress(enabled) {
  let shown = false;
  const progress = (text) => {
    if (!enabled) return;
    process.stderr.write(`\r\x1b[K${text}`);
    shown = true;
  };
  progress.clear = () => {
    if (shown) process.stderr.write("\r\x1b[K");
    shown = false;
  };
  return progress;
}

// A reader that closes the pipe early (`| head`) ends the run quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exit(process.exitCode === undefined ? 0 : process.exitCode);
  });
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // Only a bug gets here: say so in one line, with no stack and no message that might quote input.
  process.stderr.write(`${NAME}: internal error (${(e && e.name) || typeof e}); please report it.\n`);
  process.exitCode = 2;
}
