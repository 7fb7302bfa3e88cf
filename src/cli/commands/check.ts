import { FAIL_ON } from "../../budget/evaluate.js";
import { renderDiagnostic } from "../../diagnostics/render.js";
import { runCheck, unmatchedWarning, type CheckRequest } from "../../orchestrator/index.js";
import { renderPullRequestComment } from "../../orchestrator/pull-request.js";
import { choiceFlag, EXIT, invalid, type CliCommand } from "../command.js";
import { SERVING_FLAGS, SERVING_FLAGS_USAGE, servingFlags } from "../serving-flags.js";
import { TRAINING_FLAGS, TRAINING_FLAGS_USAGE, trainingFlags } from "../training-flags.js";

const BUDGET_SIDES = ["head", "base"] as const;
const CHECK_FORMATS = ["markdown", "json"] as const;

export const checkCommand: CliCommand = {
  name: "check",
  takesSpecs: true,
  summary: "the whole PR check locally: budget, diff against a git ref, the PR comment",
  usage: `Usage: model-budget check SPEC... [--budget FILE] [--base REF] [--fail-on exceed|growth|never] [--format markdown|json]

Runs what the GitHub Action runs and prints the report it would post as the PR comment.

Options:
      --budget FILE       the budget file (default .github/model-budget.yml; a missing one only reports)
      --base REF          compare with the specs at this git branch, tag or commit (default: no diff)
      --budget-from SIDE  head (default) or base: whose budget file is enforced
      --fail-on WHAT      exceed (default), growth, or never
      --against FILE      check the spec's tensors against a checkpoint (.safetensors, its index.json, .onnx)
  -f, --format FORMAT     markdown (default, the PR comment) or json (the full result)


${TRAINING_FLAGS_USAGE}
${SERVING_FLAGS_USAGE}
Exit status: 0 pass or warn, 2 invalid input, 3 a budget failed.
`,
  options: {
    budget: { type: "string", default: ".github/model-budget.yml" },
    base: { type: "string" },
    "budget-from": { type: "string", default: "head" },
    "fail-on": { type: "string", default: "exceed" },
    format: { type: "string", short: "f", default: "markdown" },
    against: { type: "string" },
    ...TRAINING_FLAGS,
    ...SERVING_FLAGS,
  },
  run(values, specs, env) {
    const failOn = choiceFlag(values, "fail-on", FAIL_ON);
    if ("problem" in failOn) return invalid(failOn.problem);
    const budgetFrom = choiceFlag(values, "budget-from", BUDGET_SIDES);
    if ("problem" in budgetFrom) return invalid(budgetFrom.problem);
    const format = choiceFlag(values, "format", CHECK_FORMATS);
    if ("problem" in format) return invalid(format.problem);
    if (specs.length === 0) return invalid("check needs at least one spec file, e.g. model-budget check models/*.yaml");
    const training = trainingFlags(values);
    if ("error" in training) return training.error;
    const overrides = servingFlags(values, training.settings);
    if ("error" in overrides) return overrides.error;
    if (typeof values.against === "string" && specs.length !== 1) return invalid("--against compares one spec with one checkpoint: give exactly one spec");
    const request: CheckRequest = {
      head: { specs, read: env.readFile },
      budgetFile: String(values.budget),
      budgetFrom: budgetFrom.value,
      failOn: failOn.value,
      overrides: overrides.overrides,
      // A checkpoint the budget names stays inside the budget's repository; one named by --against is the user's choice.
      ...(env.readCheckpoint ? { readCheckpoint: (file: string) => env.readCheckpoint!(file, file === values.against ? {} : { namedBy: String(values.budget) }) } : {}),
      ...(typeof values.against === "string" ? { against: values.against } : {}),
    };
    if (typeof values.base === "string") {
      if (!env.git) return invalid("--base needs a git repository, and there is none here");
      const git = env.git();
      let sha: string;
      try {
        sha = git.resolveRef(values.base);
      } catch {
        return invalid(`--base ${values.base} names no commit in this git repository`);
      }
      const atBase = git.filesAt(sha);
      request.base = { ref: sha, specs: specs.filter((file) => atBase.includes(file.replace(/^\.\//, ""))), read: git.readerAt(sha) };
    }
    const result = runCheck(request);
    const stdout =
      format.value === "json"
        ? `${JSON.stringify(result, null, 2)}\n`
        : `${renderPullRequestComment(result, { key: "local", fullReportHint: "Run with --format json for everything." })}\n`;
    const invalidInput = result.budget.state === "invalid" || result.models.some((model) => model.head.kind === "invalid");
    const exitCode = result.status !== "fail" ? EXIT.ok : invalidInput ? EXIT.invalid : EXIT.failed;
    const warnings = result.budget.unmatched.map((entry) => {
      const warning = unmatchedWarning(result.budget.file, entry);
      return `model-budget: warning: ${renderDiagnostic(warning, sourceOf(env.readFile, warning.file))}\n`;
    });
    return { exitCode, stdout, stderr: warnings.join("") };
  },
};

/** A file's text for a diagnostic's excerpt, or undefined when it does not read. */
function sourceOf(read: (file: string) => string, file: string): string | undefined {
  try {
    return read(file);
  } catch {
    return undefined;
  }
}
