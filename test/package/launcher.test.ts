import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import module from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { repositoryRoot, runDist } from "../helpers/run-dist.js";

const version = (JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as { version: string }).version;
// Node 22.8 and later; on older Node the launcher runs the bundle without a cache.
const hasCompileCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === "function";

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs dist/cli.js with its own temp directory, where Node puts its compile cache by default. */
function runWithTemp(env: Record<string, string> = {}) {
  const temp = mkdtempSync(join(tmpdir(), "model-budget-launcher-"));
  temps.push(temp);
  const run = runDist(["--version"], { env: { ...process.env, NODE_COMPILE_CACHE: "", TMPDIR: temp, ...env } });
  const cache = join(temp, "node-compile-cache");
  const cached = existsSync(cache) ? readdirSync(cache, { recursive: true }).length : 0;
  return { run, cached };
}

describe("dist/cli.js, the CLI's launcher", () => {
  it("runs the bundle behind it", () => {
    const { run } = runWithTemp();
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`${version}\n`);
  });

  it.runIf(hasCompileCache)("leaves the compiled bundle in Node's compile cache, unless NODE_DISABLE_COMPILE_CACHE is set", () => {
    expect(runWithTemp().cached).toBeGreaterThan(0);
    const disabled = runWithTemp({ NODE_DISABLE_COMPILE_CACHE: "1" });
    expect(disabled.run.stdout).toBe(`${version}\n`);
    expect(disabled.cached).toBe(0);
  });

  it.runIf(!hasCompileCache)("runs without a compile cache where Node has none", () => {
    expect(runWithTemp().cached).toBe(0);
  });
});
