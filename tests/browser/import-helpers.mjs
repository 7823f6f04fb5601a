// Shared by the import page's browser tests and the screenshot script: the real files of fixtures/
// (a template-shaped users CSV with problems, AWS CLI outputs), picking them through the page's file
// inputs, waiting for the check they cause, reading downloads, and a small RFC 4180 reader.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { openPage } from "./helpers.mjs";

export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
export const INSTANCE_ID = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";

/** The users file: the template's header, rows 2 and 8 valid, rows 3–7 each with one kind of problem. */
export const USERS_CSV = FIXTURES + "users-with-problems.csv";

/** The AWS CLI outputs (DescribeInstance says SAML; ListUsers has a NextToken). */
export const INSTANCE_FILES = ["describe-instance.json", "list-users.json", "list-routing-profiles.json", "list-security-profiles.json"].map(
  (f) => FIXTURES + f,
);

/** The ids of the routing and security profiles in the instance files. */
export async function instanceIds() {
  const ids = new Set();
  for (const f of ["list-routing-profiles.json", "list-security-profiles.json"]) {
    const data = JSON.parse(await readFile(FIXTURES + f, "utf8"));
    for (const list of Object.values(data)) for (const item of list) ids.add(item.Id);
  }
  return ids;
}

/** Opens the import page in a fresh context. */
export function openImport(env, options = {}) {
  return openPage(env, { ...options, path: "/www/import.html" });
}

/** How many checks the page has finished. */
export function checks(page) {
  return page.evaluate(() => Number(document.getElementById("check-status").dataset.checks ?? 0));
}

/** Runs `action` and waits until the page has finished a check after it. */
export async function afterCheck(page, action) {
  const before = await checks(page);
  await action();
  await page.waitForFunction((n) => Number(document.getElementById("check-status").dataset.checks ?? 0) > n, before);
}

/** Picks a CSV file (a path, or `{ name, buffer }`) and waits for its check. */
export function pickCsv(page, file) {
  const files = typeof file === "string" ? file : { mimeType: "text/csv", ...file };
  return afterCheck(page, () => page.setInputFiles("input[name=csv]", files));
}

/** Picks instance data files and waits for the check they cause. */
export function pickInstance(page, files = INSTANCE_FILES) {
  return afterCheck(page, () => page.setInputFiles("input[name=instance]", files));
}

/** Types the instance id and waits for the check. */
export function typeInstanceId(page, id = INSTANCE_ID) {
  return afterCheck(page, () => page.fill("input[name=instanceId]", id));
}

/** Chooses an identity management type ("" for not set) and waits for the check. */
export function chooseMode(page, mode) {
  return afterCheck(page, () => page.selectOption("select[name=identityManagementType]", mode));
}

/** Clicks a download button; returns the suggested name and the text. */
export async function save(page, selector) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
}

/** A table cell of the page: row number and column as written in the file. */
export function cell(page, row, column) {
  return page.locator(`tr[data-row="${row}"] td[data-column="${column.replace(/["\\]/g, "\\$&")}"]`);
}

/** The texts a cell's aria-describedby names, joined. */
export function cellDescription(locator) {
  return locator.evaluate((td) =>
    (td.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

/** The records of a CSV text (RFC 4180: quoted cells with "" and line breaks; CRLF or LF). */
export function parseCsv(text) {
  const records = [];
  let record = [];
  let cellText = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cellText += '"'), i++;
      else if (c === '"') quoted = false;
      else cellText += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(cellText), (cellText = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(cellText);
      records.push(record);
      (record = []), (cellText = "");
    } else cellText += c;
  }
  if (cellText !== "" || record.length) records.push([...record, cellText]);
  return records;
}
