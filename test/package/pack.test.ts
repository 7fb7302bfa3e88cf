import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositoryRoot } from "../helpers/run-dist.js";

const pkg = JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as { name: string; version: string; dependencies?: object };

// A user's shell, not this test run's: `npm test` puts npm_config_* and npm_package_* variables in
// the environment, which would point npm at this repository instead of the consumer's directory.
const userEnv = (home: string): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith("npm_"))),
  HOME: home,
  npm_config_cache: join(home, "npm-cache"),
  npm_config_update_notifier: "false",
  npm_config_fund: "false",
  npm_config_audit: "false",
  NO_COLOR: "1",
});

function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync("npm", args, { cwd, env, encoding: "utf8", timeout: 60_000 });
  if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  return result;
}

describe("the packed package, installed offline into an empty project", () => {
  let temp: string;
  let consumer: string;
  let env: NodeJS.ProcessEnv;
  let tarball: string;
  let packedFiles: string[];
  let installOutput: string;

  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), "model-budget-pack-"));
    env = userEnv(join(temp, "home"));
    const [packed] = JSON.parse(npm(["pack", "--json", "--pack-destination", temp], repositoryRoot, env).stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(temp, packed!.filename);
    packedFiles = packed!.files.map((file) => file.path).sort();
    consumer = join(temp, "consumer");
    mkdirSync(consumer);
    // A project of its own, so npm does not climb to a package.json above the temp directory.
    writeFileSync(join(consumer, "package.json"), `${JSON.stringify({ name: "consumer", private: true })}\n`);
    const install = npm(["install", "--offline", tarball], consumer, env);
    installOutput = install.stdout + install.stderr;
  }, 120_000);

  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it("declares no runtime dependency: the CLI is one bundled file", () => {
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it("keeps the action's GitHub libraries out of the CLI bundle", () => {
    const libraries = /octokit|undici|@actions\//g;
    expect(readFileSync(join(repositoryRoot, "dist/cli-bundle.cjs"), "utf8").match(libraries)).toBeNull();
    // The same search finds them where they belong, so it is not vacuous.
    expect(new Set(readFileSync(join(repositoryRoot, "dist/index.js"), "utf8").match(libraries))).toEqual(new Set(["octokit", "undici", "@actions/"]));
  });

  it("ships the CLI bundle, the schemas, the examples and the changelog, not the action bundle or the sources", () => {
    expect(tarball).toBe(join(temp, `${pkg.name}-${pkg.version}.tgz`));
    expect(packedFiles).toContain("dist/cli.js");
    expect(packedFiles).toContain("dist/cli.cjs");
    expect(packedFiles).toContain("dist/cli-bundle.cjs");
    expect(packedFiles).toContain("schema/model-spec.schema.json");
    expect(packedFiles).toContain("examples/resnet50.yaml");
    expect(packedFiles).toContain("CHANGELOG.md");
    expect(packedFiles.filter((file) => file.startsWith("src/") || file.startsWith("test/") || file === "dist/index.js")).toEqual([]);
  });

  it("installs without the network, with nothing besides itself and without a warning", () => {
    expect(installOutput).toMatch(/added 1 package\b/);
    expect(installOutput).not.toMatch(/warn|EBADENGINE/i);
    expect(
      readdirSync(join(consumer, "node_modules"))
        .filter((name) => !name.startsWith("."))
        .sort(),
    ).toEqual(["model-budget"]);
    const tree = JSON.parse(npm(["ls", "--all", "--json"], consumer, env).stdout) as { dependencies: Record<string, { version: string; dependencies?: object }> };
    expect(Object.keys(tree.dependencies)).toEqual(["model-budget"]);
    expect(tree.dependencies["model-budget"]!.version).toBe(pkg.version);
    expect(tree.dependencies["model-budget"]!.dependencies).toBeUndefined();
  });

  it("runs as `npx model-budget`: --version and a report of a shipped example", () => {
    const version = execFileSync("npx", ["--offline", "model-budget", "--version"], { cwd: consumer, env, encoding: "utf8" });
    expect(version).toBe(`${pkg.version}\n`);
    const report = execFileSync("npx", ["--offline", "model-budget", "report", "node_modules/model-budget/examples/resnet50.yaml"], { cwd: consumer, env, encoding: "utf8" });
    expect(report).toContain("resnet50 (node_modules/model-budget/examples/resnet50.yaml)");
    expect(report).toMatch(/^Total +25,557,032 +100\.0%/m);
  });
});
