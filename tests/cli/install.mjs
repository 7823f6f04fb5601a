// The package as users get it: `npm pack` of pkg/ installed into a scratch project (as
// tests/js/package.test.mjs does), and its `connect-create-user` command run from
// node_modules/.bin, never from the source tree.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Packs and installs pkg/ into a new temporary project; returns its folder and the command's path. */
export function installPackage(prefix = "ccu-cli-") {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir, join(ROOT, "pkg")], { encoding: "utf8" }).trim().split("\n").pop();
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "scratch", private: true }));
  execFileSync("npm", ["install", "--silent", "--no-audit", "--no-fund", "--offline", join(dir, tarball)], { cwd: dir });
  return {
    dir,
    bin: join(dir, "node_modules", ".bin", "connect-create-user"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Runs the installed command with piped standard streams (so never a terminal). NO_COLOR and
 * FORCE_COLOR are removed from the environment unless `env` sets them.
 */
export function runCommand(bin, args, { cwd, input, env = {} } = {}) {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const r = spawnSync(bin, args, { cwd, input, env: { ...base, ...env }, encoding: "utf8", timeout: 60000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the command inside a pseudo-terminal (util-linux `script`), or returns null where there is none. */
export function runInTerminal(bin, args, { cwd, env = {} } = {}) {
  const probe = spawnSync("script", ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return null;
  const quoted = [bin, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const base = { ...process.env, TERM: "xterm" };
  delete base.NO_COLOR;
  const r = spawnSync("script", ["-qefc", quoted, "/dev/null"], { cwd, env: { ...base, ...env }, encoding: "utf8", timeout: 60000 });
  if (r.error) throw r.error;
  return { status: r.status, output: r.stdout };
}
