// Vitest globalSetup: the end-to-end tests run the bundled dist/ as a subprocess, so a dist/ older
// than the sources it is built from would test yesterday's code. Rebuild it first (about 25 s) rather
// than fail: the rebuild is what the developer would have to run anyway, and CI's dist check still
// catches a committed dist/ that differs from a fresh build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;

/** What dist/ is built from: the sources, the schemas the validators are compiled from, and the build script. */
const SOURCES = ["src", "schema", "scripts/build.mjs", "scripts/cli-launcher.mjs", "scripts/compile-schemas.mjs", "scripts/compile-page.mjs", "package-lock.json"];
/** What the tests run; the oldest of them decides. */
const OUTPUTS = ["dist/cli.js", "dist/cli.cjs", "dist/cli-bundle.cjs", "dist/index.js"];

/**
 * A fresh clone or checkout writes dist/ first and src/ moments later (git writes in path order), so a
 * source file must be this much newer than the bundle to count as edited after the build.
 */
const CHECKOUT_SLACK_MS = 2000;

/** The newest modification time under a file or folder, skipping the validators the build itself writes. */
function newest(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (join(path, entry) === join(root, "src/validate/generated") || join(path, entry) === join(root, "src/html/generated")) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** Why dist/ must be rebuilt, or undefined when it is newer than everything it is built from. */
export function staleReason(): string | undefined {
  const missing = OUTPUTS.find((output) => !existsSync(join(root, output)));
  if (missing) return `${missing} is missing`;
  const built = Math.min(...OUTPUTS.map((output) => statSync(join(root, output)).mtimeMs));
  const changed = SOURCES.find((source) => newest(join(root, source)) > built + CHECKOUT_SLACK_MS);
  return changed === undefined ? undefined : `${changed} changed after dist/ was built`;
}

export default function setup(): void {
  const reason = staleReason();
  if (reason === undefined) return;
  console.log(`model-budget tests: ${reason}; rebuilding dist/ with npm run build (about 25 s) so end-to-end tests run the current code`);
  const build = spawnSync("npm", ["run", "build"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (build.status !== 0) {
    throw new Error(`dist/ is stale (${reason}) and npm run build failed; fix the build, or run it to see why:\n${build.stdout}${build.stderr}`);
  }
}
