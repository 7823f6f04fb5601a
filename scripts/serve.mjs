#!/usr/bin/env node
// A tiny static server for the admin page: `node scripts/serve.mjs [port]` serves the repository
// root on http://127.0.0.1:<port>/ (default 8080; 0 picks a free port), `/` redirecting to `/www/`, `/import.html` to `/www/import.html`.
// GET and HEAD only; no directory listings; `..` and dot-files refused; files must stay inside the
// root after symlinks are resolved. It sets no Content-Security-Policy: the page sets its own.
// Importable: `startServer({ port, root })` resolves to `{ server, port, origin, close() }`.
import { createServer } from "node:http";
import { createReadStream, promises as fs } from "node:fs";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

function send(res, status, text, extra = {}) {
  const body = Buffer.from(text + "\n", "utf8");
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": body.length,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    ...extra,
  });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

/** Maps a request target to a file path inside `root`, or returns an HTTP status for a refusal. */
function toFilePath(root, target) {
  if (typeof target !== "string" || !target.startsWith("/")) return 400;
  const rawPath = target.split(/[?#]/, 1)[0];
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return 400;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return 400;
  const segments = decoded.split("/");
  // Refuse `..` (and `.`) outright rather than normalising them, and hidden files (.git, .env…).
  if (segments.some((s) => s === ".." || s === "." || s.startsWith("."))) return 403;
  const file = resolve(root, "." + decoded);
  if (file !== root && !file.startsWith(root + sep)) return 403;
  return { file, rawPath };
}

async function handle(root, req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(res, 405, "Method not allowed", { Allow: "GET, HEAD" });
    return;
  }
  const target = toFilePath(root, req.url);
  if (typeof target === "number") {
    send(res, target, target === 403 ? "Forbidden" : "Bad request");
    return;
  }
  const { rawPath } = target;
  let { file } = target;
  if (rawPath === "/") {
    send(res, 302, "See /www/", { Location: "/www/" });
    return;
  }
  // The pages' own addresses (PAGES.md): /import.html is the import page under /www/.
  if (rawPath === "/import.html") {
    send(res, 302, "See /www/import.html", { Location: "/www/import.html" });
    return;
  }
  let stat;
  try {
    stat = await fs.stat(file);
    if (stat.isDirectory()) {
      if (!rawPath.endsWith("/")) {
        send(res, 301, "Moved", { Location: rawPath + "/" });
        return;
      }
      file = join(file, "index.html"); // no listing: a folder without index.html is a 404
      stat = await fs.stat(file);
    }
    if (!stat.isFile()) throw new Error("not a file");
    // A symlink must not lead outside the root.
    const real = await fs.realpath(file);
    const realRoot = await fs.realpath(root);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) {
      send(res, 403, "Forbidden");
      return;
    }
  } catch {
    send(res, 404, "Not found");
    return;
  }
  res.writeHead(200, {
    "Content-Type": MIME_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": stat.size,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}

/** Starts the server; `port` 0 picks a free one. */
export function startServer({ port = 8080, root = ROOT, host = "127.0.0.1" } = {}) {
  const absRoot = resolve(root);
  const server = createServer((req, res) => {
    handle(absRoot, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, "Internal error");
      else res.destroy();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolvePromise({
        server,
        port: actual,
        origin: `http://${host}:${actual}`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const arg = process.argv[2];
  const port = arg === undefined ? 8080 : Number(arg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`usage: node scripts/serve.mjs [port]   (got "${arg}")`);
    process.exit(2);
  }
  startServer({ port }).then(
    ({ origin }) => console.log(`Serving ${ROOT} at ${origin}/ (page: ${origin}/www/)`),
    (err) => {
      console.error(`serve.mjs: ${err.message}`);
      process.exit(1);
    },
  );
}
