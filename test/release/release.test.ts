import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { changelogSection, parseTag } from "../../scripts/release.mjs";
import { git, TempRepository } from "../action/git-fixture.js";
import { repositoryRoot } from "../helpers/run-dist.js";

const SCRIPT = `${repositoryRoot}scripts/release.mjs`;

const CHANGELOG = `# Changelog

## [Unreleased]

### Added
- Something not released yet.

## [1.2.3] - 2026-12-01

### Fixed
- Conv2d with groups counts its bias once.

## [1.2.2] - 2026-11-20

### Added
- The first feature.

[Unreleased]: https://example.com/compare/v1.2.3...HEAD
[1.2.3]: https://example.com/compare/v1.2.2...v1.2.3
`;

/** A repository as a release commit has it: package.json, the CLI bundle (here one that prints its version), the changelog. */
function releaseRepository(version: string, cliVersion = version, changelog = CHANGELOG): TempRepository {
  const repo = new TempRepository().write({
    "package.json": `${JSON.stringify({ name: "model-budget", version }, null, 2)}\n`,
    "dist/cli.js": `if (process.argv[2] === "--version") console.log(${JSON.stringify(cliVersion)});\n`,
    "CHANGELOG.md": changelog,
  });
  repos.push(repo);
  repo.commit(`Release ${version}`);
  return repo;
}

const repos: TempRepository[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

/** The script as the workflow runs it, with no npm token unless given. */
function dryRun(repo: TempRepository, tag: string, env: Record<string, string> = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "NODE_AUTH_TOKEN" && name !== "GITHUB_REF_NAME"));
  const result = spawnSync(process.execPath, [SCRIPT, tag, "--dry-run"], { cwd: repo.dir, env: { ...base, ...env }, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("scripts/release.mjs", () => {
  it("reads version tags, with the major tag a release moves", () => {
    expect(parseTag("v1.2.3")).toEqual({ tag: "v1.2.3", version: "1.2.3", prerelease: false, majorTag: "v1" });
    expect(parseTag("v0.1.0")).toEqual({ tag: "v0.1.0", version: "0.1.0", prerelease: false, majorTag: "v0" });
    expect(parseTag("v12.0.10")).toEqual({ tag: "v12.0.10", version: "12.0.10", prerelease: false, majorTag: "v12" });
    expect(parseTag("v2.0.0-rc.1")).toEqual({ tag: "v2.0.0-rc.1", version: "2.0.0-rc.1", prerelease: true, majorTag: undefined });
    for (const bad of ["1.2.3", "v1.2", "v1", "v01.2.3", "v1.2.3.4", "v1.2.3-", "release-1.2.3"]) {
      expect(() => parseTag(bad)).toThrow(`release: the tag '${bad}' is not a version tag: tag releases vMAJOR.MINOR.PATCH, e.g. v1.2.3 (or v2.0.0-rc.1 for a prerelease)`);
    }
  });

  it("takes a version's notes from its changelog section, not the next one's or the link references", () => {
    expect(changelogSection(CHANGELOG, "1.2.3")).toBe("### Fixed\n- Conv2d with groups counts its bias once.");
    expect(changelogSection(CHANGELOG, "1.2.2")).toBe("### Added\n- The first feature.");
    expect(changelogSection(CHANGELOG, "1.2")).toBeUndefined();
    expect(changelogSection(CHANGELOG, "1.2.4")).toBeUndefined();
    expect(changelogSection("## [1.0.0] - 2026-01-01\n\n## [0.9.0] - 2025-12-01\n- x\n", "1.0.0")).toBeUndefined();
  });

  it("this repository's CHANGELOG.md has the Keep a Changelog sections the script reads", () => {
    const changelog = readFileSync(`${repositoryRoot}CHANGELOG.md`, "utf8");
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    expect(changelogSection(changelog, "0.1.0")).toContain("### Added");
  });

  it("dry run: checks the tag against the real repository and prints what it would do", () => {
    const repo = releaseRepository("1.2.3");
    git(repo.dir, "tag", "v1.2.3");
    const head = git(repo.dir, "rev-parse", "HEAD");
    const run = dryRun(repo, "v1.2.3");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        `release v1.2.3 (1.2.3) of ${head}: dry run, nothing is changed`,
        "- skip npm publish: no npm token is configured (the repository secret NPM_TOKEN, passed as NODE_AUTH_TOKEN)",
        "- create the GitHub release v1.2.3: would run gh release create v1.2.3 --verify-tag --title v1.2.3 --notes-file NOTES",
        `- move the major tag v1 to ${head.slice(0, 12)}: would run git tag --force v1 ${head}`,
        "- push v1: would run git push --force origin refs/tags/v1",
        "notes (CHANGELOG.md, 1.2.3):",
        "### Fixed",
        "- Conv2d with groups counts its bias once.",
        "",
      ].join("\n"),
    );
    // Nothing moved: the dry run created no tag.
    expect(git(repo.dir, "tag", "--list")).toBe("v1.2.3");
  });

  it("dry run with an npm token: would publish; a prerelease goes to npm's next tag and moves no major tag", () => {
    const repo = releaseRepository("2.0.0-rc.1", "2.0.0-rc.1", `${CHANGELOG}\n## [2.0.0-rc.1]\n- A candidate.\n`);
    git(repo.dir, "tag", "-a", "v2.0.0-rc.1", "-m", "annotated");
    const run = dryRun(repo, "v2.0.0-rc.1", { NODE_AUTH_TOKEN: "token" });
    expect(run.status).toBe(0);
    const steps = run.stdout.split("\n").filter((line) => line.startsWith("- "));
    expect(steps).toEqual([
      "- publish model-budget@2.0.0-rc.1 to npm: would run npm publish --provenance --access public --tag next",
      "- create the GitHub release v2.0.0-rc.1: would run gh release create v2.0.0-rc.1 --verify-tag --title v2.0.0-rc.1 --notes-file NOTES --prerelease",
      "- leave the major tag alone: a prerelease does not move it",
      "- A candidate.",
    ]);
  });

  it("refuses a tag whose version differs from package.json's", () => {
    const repo = releaseRepository("1.2.2");
    git(repo.dir, "tag", "v1.2.3");
    const run = dryRun(repo, "v1.2.3");
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "release: package.json's version is 1.2.2, but the tag is v1.2.3: set it (npm version 1.2.3 --no-git-tag-version), rebuild dist/, commit and tag that commit\n",
    );
  });

  it("refuses a tag whose version differs from what the bundled CLI prints", () => {
    const repo = releaseRepository("1.2.3", "1.2.2");
    git(repo.dir, "tag", "v1.2.3");
    expect(dryRun(repo, "v1.2.3").stderr).toBe(
      "release: dist/cli.js --version prints 1.2.2, but the tag is v1.2.3: set the CLI's VERSION (src/cli/run.ts) to 1.2.3, npm run build, commit and tag that commit\n",
    );
  });

  it("refuses a version without a changelog section", () => {
    const repo = releaseRepository("1.3.0", "1.3.0");
    git(repo.dir, "tag", "v1.3.0");
    const run = dryRun(repo, "v1.3.0");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^release: CHANGELOG\.md has no section for 1\.3\.0, or an empty one: move the Unreleased entries under "## \[1\.3\.0\] - \d{4}-\d{2}-\d{2}", commit and tag that commit\n$/,
    );
  });

  it("refuses a tag that is missing, not on the checked-out commit, or a tree with changes", () => {
    const repo = releaseRepository("1.2.3");
    expect(dryRun(repo, "v1.2.3").stderr).toBe("release: there is no tag v1.2.3 in this repository: tag the release commit (git tag v1.2.3 && git push origin v1.2.3)\n");
    git(repo.dir, "tag", "v1.2.3");
    const tagged = git(repo.dir, "rev-parse", "HEAD");
    const later = repo.commit("after the tag");
    expect(dryRun(repo, "v1.2.3").stderr).toBe(`release: v1.2.3 points at ${tagged.slice(0, 12)}, not at the checked-out commit ${later.slice(0, 12)}: check out the tag\n`);
    git(repo.dir, "checkout", "-q", "v1.2.3");
    repo.write({ "dist/cli.js": "// edited after the tag\n" });
    expect(dryRun(repo, "v1.2.3").stderr).toBe("release: the working tree has changes, so what is released would not be the tagged commit:\n M dist/cli.js\n");
  });

  it("refuses to run without a tag", () => {
    const repo = releaseRepository("1.2.3");
    const result = spawnSync(process.execPath, [SCRIPT, "--dry-run"], { cwd: repo.dir, env: { ...process.env, GITHUB_REF_NAME: "" }, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("release: no tag given: node scripts/release.mjs v1.2.3 [--dry-run] (or set GITHUB_REF_NAME)\n");
  });
});
