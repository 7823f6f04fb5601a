"use strict";
// Reading the input files: which kind a file is, its bytes, and (for JSON and JSON Lines) its users
// and the one JSON array text that the package checks in one call.

const fs = require("node:fs");
const { describeJsonError } = require("./json-error.cjs");

/** A file that cannot be read: exit status 2; the message says why, never what the file holds. */
class ReadError extends Error {
  constructor(message, position) {
    super(message);
    this.position = position; // { line, column } for a JSON syntax error
  }
}

const KINDS = { ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv" };

function kindOf(file, stdinFormat) {
  if (file === "-") return stdinFormat;
  const m = /\.[^./\\]+$/.exec(file);
  const kind = m ? KINDS[m[0].toLowerCase()] : undefined;
  if (!kind) throw new ReadError("not a .json, .jsonl, .ndjson or .csv file");
  return kind;
}

const REASONS = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of its path is not a folder",
  ELOOP: "too many symbolic links",
  ERR_FS_FILE_TOO_LARGE: "it is too large (over 2 GB)",
  ENAMETOOLONG: "its name is too long",
};

function readBytes(file) {
  try {
    return fs.readFileSync(file === "-" ? 0 : file);
  } catch (e) {
    throw new ReadError(REASONS[e && e.code] || `it could not be read (${(e && e.code) || "unknown error"})`);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true }); // drops a leading byte-order mark

function decode(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ReadError(bytes.length > 512 * 1024 * 1024 ? "it is too large to read as text" : "it is not UTF-8 text");
  }
}

function parseJson(text, lineOffset) {
  try {
    return { value: JSON.parse(text) };
  } catch {
    const e = describeJsonError(text);
    return { error: { line: e.line + lineOffset, column: e.column, what: e.what } };
  }
}

// The input with InstanceId set from --instance-id when it has none; null when nothing changes.
function withInstanceId(input, instanceId) {
  if (instanceId === undefined || input === null || typeof input !== "object" || Array.isArray(input)) return null;
  const own = input.InstanceId;
  if (own !== undefined && own !== null && own !== "") return null;
  return { ...input, InstanceId: instanceId };
}

/**
 * Reads one FILE. Returns `{ file, kind, users, batchText, syntaxErrors }` for JSON and JSON Lines
 * (`users[i]` = `{ where, input, slot }`: where in the file, the parsed input, its index in
 * `batchText`), `{ file, kind, bytes }` for CSV. Throws a ReadError.
 */
function loadFile(file, { stdinFormat, instanceId }) {
  const kind = kindOf(file, stdinFormat);
  const bytes = readBytes(file);
  if (kind === "csv") return { file, kind, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
  const text = decode(bytes);
  return kind === "json" ? loadJson(file, text, instanceId) : loadJsonLines(file, text, instanceId);
}

function loadJson(file, text, instanceId) {
  const parsed = parseJson(text, 0);
  if (parsed.error) {
    const { line, column, what } = parsed.error;
    throw new ReadError(`it is not JSON: ${what}`, { line, column });
  }
  const single = !Array.isArray(parsed.value);
  const inputs = single ? [parsed.value] : parsed.value;
  let changed = false;
  const users = inputs.map((input, i) => {
    const filled = withInstanceId(input, instanceId);
    if (filled) changed = true;
    return { where: single ? {} : { index: i }, input: filled || input, slot: i };
  });
  let batchText;
  if (changed) batchText = JSON.stringify(users.map((u) => u.input));
  else batchText = single ? `[${text}]` : text;
  return { file, kind: "json", users, batchText, syntaxErrors: [] };
}

function loadJsonLines(file, text, instanceId) {
  const lines = text.split("\n");
  const users = [];
  const syntaxErrors = [];
  const slots = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith("\r") ? lines[i].slice(0, -1) : lines[i];
    slots[i] = "null";
    if (line.trim() === "") continue;
    const parsed = parseJson(line, i);
    if (parsed.error) {
      syntaxErrors.push(parsed.error);
      continue;
    }
    const filled = withInstanceId(parsed.value, instanceId);
    slots[i] = filled ? JSON.stringify(filled) : line;
    users.push({ where: { line: i + 1 }, input: filled || parsed.value, slot: i });
  }
  return { file, kind: "jsonl", users, batchText: `[${slots.join(",")}]`, syntaxErrors };
}

module.exports = { loadFile, ReadError, readBytes, decode, parseJson };
