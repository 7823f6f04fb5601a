"use strict";
// build: the requests of the valid users, and the files they are written to.

const fs = require("node:fs");
const path = require("node:path");

/**
 * Gives each valid user of a checked file its request (`u.request`): the CSV import's, or built from
 * the input. Should building refuse an input the check passed, the refusal becomes its report.
 */
function attachRequests(result, engine) {
  for (const u of result.users) {
    if (u.report.errors.length > 0 || u.request !== undefined || result.kind === "csv") continue;
    try {
      u.request = engine.build(u.input);
    } catch (e) {
      u.report = { valid: false, errors: Array.isArray(e && e.errors) ? e.errors : [], warnings: u.report.warnings };
    }
  }
}

/** The CreateUser input as `aws connect create-user --cli-input-json` takes it: the body plus InstanceId. */
function cliInput(request) {
  const instanceId = decodeURIComponent(request.path.slice("/users/".length));
  return { InstanceId: instanceId, ...JSON.parse(request.body) };
}

const SAFE_NAME = /^[A-Za-z0-9_.@-]{1,128}$/;

/**
 * `<Username>.json`, or `user-<n>.json` for a name that is not plain (a valid user name always is);
 * a name equal to an earlier one ignoring case (one file on macOS and Windows) gets `~2`, `~3`, ….
 */
function fileNames(requests) {
  const taken = new Set();
  return requests.map((r, i) => {
    let username;
    try {
      username = JSON.parse(r.body).Username;
    } catch {
      username = undefined;
    }
    const base = typeof username === "string" && SAFE_NAME.test(username) ? username : `user-${i + 1}`;
    let name = `${base}.json`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}~${n}.json`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** A folder or file that cannot be written: exit status 2. */
class WriteError extends Error {}

function writeOrFail(target, data) {
  try {
    fs.writeFileSync(target, data, { mode: 0o600 }); // the inputs hold passwords
  } catch (e) {
    throw new WriteError(`${target}: cannot write it (${(e && e.code) || "unknown error"})`);
  }
}

/** Writes the requests; returns `{ kind, written, dir | path }` for the last line of the output. */
function writeOut(requests, { out, requests: asRequests }, progress) {
  try {
    fs.mkdirSync(out, { recursive: true });
  } catch (e) {
    throw new WriteError(`${out}: cannot create the folder (${(e && e.code) || "unknown error"})`);
  }
  const root = path.resolve(out);
  if (asRequests) {
    const target = path.join(out, "requests.jsonl");
    const lines = requests.map((r) => JSON.stringify({ method: r.method, path: r.path, headers: r.headers, body: r.body }));
    writeOrFail(target, lines.length ? `${lines.join("\n")}\n` : "");
    return { kind: "requests", written: requests.length, path: target };
  }
  const names = fileNames(requests);
  requests.forEach((r, i) => {
    const target = path.join(out, names[i]);
    if (path.dirname(path.resolve(target)) !== root) throw new WriteError(`${out}: refusing a file name outside the folder`);
    writeOrFail(target, `${JSON.stringify(cliInput(r), null, 2)}\n`);
    if (i % 500 === 499) progress(`writing: ${i + 1} of ${requests.length}`);
  });
  return { kind: "files", written: requests.length, dir: out };
}

module.exports = { attachRequests, writeOut, WriteError, fileNames, cliInput };
