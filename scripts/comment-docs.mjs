// Writes the README's sample PR comment: what `model-budget check` prints (the markdown the action
// posts) for a real pull request, made in a scratch git repository: GPT-2 small as in
// examples/gpt2.yaml with a training recipe at the base commit, and a 13th block at the head, against
// a budget it exceeds. The bundled CLI (dist/cli.js) renders it, so the sample is the current
// renderer's; test/docs/generated.test.ts fails when the README's copy differs. Commits have fixed
// authors and dates, so the base's hash, which the comment shows, is the same on every machine.
// Run: npm run docs (after npm run build).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeSections } from "./docs-sections.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RECIPE = "training:\n  optimizer: AdamW\n  precision: mixed-bf16\n  batch: 8\n";
const BUDGET = "defaults:\n  growth: 2%\nmodels:\n  gpt2-small:\n    params: 130M\n    memory: 40GiB\n";
const COMMAND = ["check", "models/gpt2.yaml", "--base", "main", "--format", "markdown"];
const CAPTION =
  "*What `model-budget check models/gpt2.yaml --base main` prints, and the action posts, when a pull request adds a 13th block to GPT-2 small " +
  "(recipe AdamW in mixed-bf16 at batch 8 over the 1,024-token context; budget `params: 130M`, `memory: 40GiB`, `growth: 2%`):*";

const GIT_ENV = {
  GIT_AUTHOR_NAME: "model-budget",
  GIT_AUTHOR_EMAIL: "docs@model-budget.invalid",
  GIT_AUTHOR_DATE: "2025-01-01T00:00:00Z",
  GIT_COMMITTER_NAME: "model-budget",
  GIT_COMMITTER_EMAIL: "docs@model-budget.invalid",
  GIT_COMMITTER_DATE: "2025-01-01T00:00:00Z",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

function git(cwd, ...args) {
  return execFileSync("git", args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: "utf8" });
}

/** GPT-2 small with the recipe, and with `blocks` transformer blocks. */
function gpt2Spec(blocks) {
  const example = readFileSync(join(ROOT, "examples", "gpt2.yaml"), "utf8");
  const spec = example.replace(/^input: (.*)$/m, (line) => `${line}\n${RECIPE.trimEnd()}`).replace(/^ {6}repeat: 12$/m, `      repeat: ${blocks}`);
  if (!spec.includes(RECIPE) || !spec.includes(`repeat: ${blocks}`))
    throw new Error("examples/gpt2.yaml no longer has the `input:` and `repeat: 12` lines the sample comment edits");
  return spec;
}

/** The sample section: the caption, then the CLI's markdown as a quote. */
export function sampleComment(cli = join(ROOT, "dist", "cli.js")) {
  const repo = mkdtempSync(join(tmpdir(), "model-budget-sample-"));
  try {
    mkdirSync(join(repo, "models"));
    mkdirSync(join(repo, ".github"));
    writeFileSync(join(repo, ".github", "model-budget.yml"), BUDGET);
    writeFileSync(join(repo, "models", "gpt2.yaml"), gpt2Spec(12));
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "GPT-2 small");
    git(repo, "checkout", "-q", "-b", "thirteenth-block");
    writeFileSync(join(repo, "models", "gpt2.yaml"), gpt2Spec(13));
    git(repo, "commit", "-q", "-am", "A 13th block");
    // The budget is exceeded, so the check exits with status 3: that is the sample's point.
    let markdown;
    try {
      markdown = execFileSync(process.execPath, [cli, ...COMMAND], { cwd: repo, encoding: "utf8" });
    } catch (error) {
      if (error.status !== 3) throw error;
      markdown = error.stdout;
    }
    const quoted = markdown
      .trimEnd()
      .split("\n")
      .map((line) => (line === "" ? ">" : `> ${line}`));
    return ["", CAPTION, "", ...quoted, ""].join("\n");
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeSections(join(ROOT, "README.md"), { "sample-comment": sampleComment() });
}
