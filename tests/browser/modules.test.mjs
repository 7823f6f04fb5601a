// Static checks of the pages' sources (no browser): every HTML page sets the same CSP by meta and
// has no inline script or style; every module of www/ builds DOM nodes, never parses HTML.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const WWW = fileURLToPath(new URL("../../www/", import.meta.url));
const CSP =
  `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; ` +
  `style-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self'; img-src 'self' data:; form-action 'none'">`;

async function filesUnder(dir, ext) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path, ext)));
    else if (entry.name.endsWith(ext)) out.push(path);
  }
  return out;
}

test("every page sets the CSP by meta, with no inline script, style or handler", async () => {
  const pages = await filesUnder(WWW, ".html");
  assert.ok(pages.length >= 1);
  for (const file of pages) {
    const html = await readFile(file, "utf8");
    const name = relative(WWW, file);
    assert.ok(html.includes(CSP), `${name} sets the CSP`);
    assert.ok(!/<script(?![^>]*\bsrc=)/.test(html), `${name}: no inline script`);
    assert.ok(!/\sstyle=/.test(html), `${name}: no inline style`);
    assert.ok(!/<style/.test(html), `${name}: no style element`);
    assert.ok(!/\son[a-z]+=/.test(html), `${name}: no inline event handler`);
  }
});

test("every module of www/ builds nodes and never parses HTML or code", async () => {
  const modules = await filesUnder(WWW, ".js");
  assert.ok(modules.length >= 10, "the pages are split into modules");
  for (const file of modules) {
    const js = await readFile(file, "utf8");
    assert.ok(
      !/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\(\s*["']on/.test(js),
      `${relative(WWW, file)} parses no HTML or code`,
    );
  }
});
