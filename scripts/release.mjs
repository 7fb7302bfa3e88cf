// Releases the commit a version tag points at: what .github/workflows/release.yml runs after
// `bash .ci/run` (tests, type check, lint, dist/ rebuilt from src/ without a diff) has passed.
//
//   node scripts/release.mjs v1.2.3            check, publish to npm (when a token is set), create the
//                                              GitHub release, move the major tag v1 to this commit
//   node scripts/release.mjs v1.2.3 --dry-run  check, then print what it would do, and the notes
//
// The tag defaults to $GITHUB_REF_NAME. It refuses, before doing anything, when the tag is not
// vMAJOR.MINOR.PATCH[-prerelease], does not point at HEAD, differs from package.json's version or
// from what dist/cli.js --version prints, when CHANGELOG.md has no section for the version, or when
// the working tree has changes. A prerelease (v2.0.0-rc.1) is published under npm's `next` tag and
// leaves the major tag alone. Runs in the current directory's repository.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

/** A refusal: the message says what is wrong and what to do; the script exits with status 1. */
export class ReleaseError extends Error {}

const SEMVER_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/** `v1.2.3` → its version, the major tag it moves (`v1`), or none for a prerelease. */
export function parseTag(tag) {
  const match = SEMVER_TAG.exec(tag);
  if (!match) throw new ReleaseError(`release: the tag '${tag}' is not a version tag: tag releases vMAJOR.MINOR.PATCH, e.g. v1.2.3 (or v2.0.0-rc.1 for a prerelease)`);
  const prerelease = match[4] !== undefined;
  return { tag, version: tag.slice(1), prerelease, majorTag: prerelease ? undefined : `v${match[1]}` };
}

/**
 * The body of CHANGELOG.md's `## [1.2.3] - 2026-12-01` section (Keep a Changelog), up to the next
 * `## ` heading or the link references at the end; undefined when there is none.
 */
export function changelogSection(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const heading = new RegExp(`^## \\[?${version.replace(/[.+]/g, "\\$&")}\\]?(?:\\s+-\\s+\\d{4}-\\d{2}-\\d{2})?\\s*$`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start === -1) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith("## ") || /^\[[^\]]+\]:\s/.test(line));
  const body = (end === -1 ? rest : rest.slice(0, end)).join("\n").trim();
  return body || undefined;
}

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trimEnd();
}

/** Everything the release checks, in the repository at `cwd`; returns the plan or throws a ReleaseError. */
export function planRelease(tag, { cwd = process.cwd(), env = process.env } = {}) {
  const { version, prerelease, majorTag } = parseTag(tag);
  const git = (...args) => run("git", args, cwd);

  let tagged;
  try {
    tagged = git("rev-parse", "--verify", "--quiet", `refs/tags/${tag}^{commit}`);
  } catch {
    throw new ReleaseError(`release: there is no tag ${tag} in this repository: tag the release commit (git tag ${tag} && git push origin ${tag})`);
  }
  const head = git("rev-parse", "HEAD");
  if (tagged !== head) throw new ReleaseError(`release: ${tag} points at ${tagged.slice(0, 12)}, not at the checked-out commit ${head.slice(0, 12)}: check out the tag`);
  const dirty = git("status", "--porcelain");
  if (dirty) throw new ReleaseError(`release: the working tree has changes, so what is released would not be the tagged commit:\n${dirty}`);

  const pkg = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8"));
  if (pkg.version !== version) {
    throw new ReleaseError(
      `release: package.json's version is ${pkg.version}, but the tag is ${tag}: set it (npm version ${version} --no-git-tag-version), rebuild dist/, commit and tag that commit`,
    );
  }
  const cli = join(cwd, "dist", "cli.js");
  if (!existsSync(cli)) throw new ReleaseError("release: dist/cli.js is missing: npm run build and commit it");
  const cliVersion = run(process.execPath, [cli, "--version"], cwd);
  if (cliVersion !== version) {
    throw new ReleaseError(
      `release: dist/cli.js --version prints ${cliVersion}, but the tag is ${tag}: set the CLI's VERSION (src/cli/run.ts) to ${version}, npm run build, commit and tag that commit`,
    );
  }
  const changelogFile = join(cwd, "CHANGELOG.md");
  const notes = existsSync(changelogFile) ? changelogSection(readFileSync(changelogFile, "utf8"), version) : undefined;
  if (!notes) {
    throw new ReleaseError(
      `release: CHANGELOG.md has no section for ${version}, or an empty one: move the Unreleased entries under "## [${version}] - ${new Date().toISOString().slice(0, 10)}", commit and tag that commit`,
    );
  }

  const npmToken = Boolean(env.NODE_AUTH_TOKEN);
  const steps = [
    npmToken
      ? { what: `publish ${pkg.name}@${version} to npm`, command: ["npm", "publish", "--provenance", "--access", "public", "--tag", prerelease ? "next" : "latest"] }
      : { what: "skip npm publish: no npm token is configured (the repository secret NPM_TOKEN, passed as NODE_AUTH_TOKEN)" },
    {
      what: `create the GitHub release ${tag}`,
      command: ["gh", "release", "create", tag, "--verify-tag", "--title", tag, "--notes-file", "NOTES", ...(prerelease ? ["--prerelease"] : [])],
    },
    ...(majorTag
      ? [
          { what: `move the major tag ${majorTag} to ${head.slice(0, 12)}`, command: ["git", "tag", "--force", majorTag, head] },
          { what: `push ${majorTag}`, command: ["git", "push", "--force", "origin", `refs/tags/${majorTag}`] },
        ]
      : [{ what: "leave the major tag alone: a prerelease does not move it" }]),
  ];
  return { tag, version, prerelease, majorTag, commit: head, notes, steps };
}

/** Runs the plan's commands (or prints them for a dry run); the notes go to a temporary file for gh. */
export function release(plan, { dryRun, cwd = process.cwd(), log = console.log } = {}) {
  log(`release ${plan.tag} (${plan.version}${plan.prerelease ? ", prerelease" : ""}) of ${plan.commit}${dryRun ? ": dry run, nothing is changed" : ""}`);
  const notesFile = dryRun ? "NOTES" : join(mkdtempSync(join(tmpdir(), "model-budget-release-")), "notes.md");
  if (!dryRun) writeFileSync(notesFile, `${plan.notes}\n`);
  for (const step of plan.steps) {
    const command = step.command?.map((arg) => (arg === "NOTES" ? notesFile : arg));
    log(`- ${step.what}${command ? `${dryRun ? ": would run" : ":"} ${command.join(" ")}` : ""}`);
    if (command && !dryRun) execFileSync(command[0], command.slice(1), { cwd, stdio: "inherit" });
  }
  log(`notes (CHANGELOG.md, ${plan.version}):\n${plan.notes}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { "dry-run": { type: "boolean", default: false } } });
  const tag = positionals[0] ?? process.env.GITHUB_REF_NAME;
  try {
    if (!tag) throw new ReleaseError("release: no tag given: node scripts/release.mjs v1.2.3 [--dry-run] (or set GITHUB_REF_NAME)");
    release(planRelease(tag), { dryRun: values["dry-run"] });
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
