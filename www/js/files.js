// Files in and out, shared by the pages: reading what the admin picks (text, bytes, JSON, the
// instance data), and saving a generated text as a download. Nothing leaves the browser.
import { h, isPlainObject } from "../dom.js";

/** 5 MB: one user's input or one instance data file. */
export const MAX_JSON_BYTES = 5 * 1024 * 1024;
/** 64 MB: one instance data file (a ListUsers output of 100,000 users is about 26 MB). */
export const MAX_INSTANCE_BYTES = 64 * 1024 * 1024;
/** 64 MB: the CSV limit of CSV.md (the package reports a larger file as TOO_LONG). */
export const MAX_CSV_BYTES = 64 * 1024 * 1024;

/** A problem with a file, said without its content: `message` names the file. */
export class FileProblem extends Error {
  constructor(message) {
    super(message);
    this.name = "FileProblem";
  }
}

function checkSize(file, maxBytes) {
  if (file.size > maxBytes) {
    throw new FileProblem(`${file.name} is too large (over ${Math.floor(maxBytes / (1024 * 1024))} MB).`);
  }
}

/** The file's bytes (for the CSV check, which detects the encoding itself). */
export async function readFileBytes(file, { maxBytes = MAX_CSV_BYTES } = {}) {
  checkSize(file, maxBytes);
  return new Uint8Array(await file.arrayBuffer());
}

/** The file's text (UTF-8). */
export async function readFileText(file, { maxBytes = MAX_JSON_BYTES } = {}) {
  checkSize(file, maxBytes);
  return file.text();
}

/** The file's JSON value; a FileProblem when it is not JSON. */
export async function readJsonFile(file, { maxBytes = MAX_JSON_BYTES } = {}) {
  const text = await readFileText(file, { maxBytes });
  try {
    return JSON.parse(text);
  } catch {
    throw new FileProblem(`${file.name} is not valid JSON.`);
  }
}

/**
 * Merges instance data parts (INSTANCE.md: the AWS CLI's JSON outputs) into one context: members
 * of different parts are combined; the same list member in two parts (pages of ListUsers) is
 * concatenated; any other repeated member, the later part wins.
 */
export function mergeInstanceParts(parts) {
  const out = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      out[key] = Array.isArray(out[key]) && Array.isArray(value) ? out[key].concat(value) : value;
    }
  }
  return out;
}

/**
 * Reads every picked instance data file and merges them. A file that cannot be read, is not JSON
 * or is not a JSON object is left out and named in `problems`. `instance` is null when none was read;
 * `parts` are the files' objects in order (the package also takes that list and concatenates it).
 */
export async function readInstanceFiles(files, { maxBytes = MAX_INSTANCE_BYTES } = {}) {
  const parts = [];
  const loaded = [];
  const problems = [];
  for (const file of Array.from(files ?? [])) {
    try {
      const data = await readJsonFile(file, { maxBytes });
      if (!isPlainObject(data)) throw new FileProblem(`${file.name} does not hold a JSON object (an AWS CLI output).`);
      parts.push(data);
      loaded.push(file.name);
    } catch (err) {
      problems.push({ name: file.name, message: err instanceof FileProblem ? err.message : `${file.name} could not be read.` });
    }
  }
  return { instance: parts.length ? mergeInstanceParts(parts) : null, parts, loaded, problems };
}

/** Saves `text` as a download named `name`. */
export function downloadText(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name, class: "offscreen", tabindex: "-1" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
