import { FAIL_ON } from "../../budget/evaluate.js";
import { renderDiagnostic } from "../../diagnostics/render.js";
import { runCheck, unmatchedWarning, type CheckRequest } from "../../orchestrator/index.js";
import { renderHtmlCheck } from "../../html/page.js";
import { renderPullRequestComment } from "../../orchestrator/pull-request.js";
import { renderCheckText } from "../../orchestrator/terminal.js";
import { choiceFlag, EXIT, invalid, progressStep, sourceOf, writeOutput, type CliCommand } from "../command.js";
import { trainingFlagList, trainingFlags } from "../training-flags.js";
import { servingFlagList, servingFlags } from "../serving-flags.js";

const BUDGET_SIDES = ["head", "base"] as const;
const CHECK_FORMATS = ["table", "markdown", "json"] as const;

export const checkCommand: CliCommand = {
  name: "check",
  takesSpecs: true,
  summary: "the whole PR check locally: budget, diff against a git ref, the PR comment",
  arguments: "SPEC...",
  description:
    "Runs what the GitHub Action runs: each spec at head (and at --base), the per-layer diff, the budget; prints the result for a terminal, or the PR comment the action would post.",
  flags: [
    { name: "budget", type: "string", default: ".github/model-budget.yml", value: "FILE", description: "the budget file; a missing one only reports" },
    { name: "base", type: "string", value: "REF", description: "compare with the specs at this git branch, tag or commit", unset: "no diff" },
    { name: "budget-from", type: "string", default: "head", value: "SIDE", description: "head or base: whose budget file is enforced" },
    { name: "fail-on", type: "string", default: "exceed", value: "WHAT", description: "exceed, growth, or never" },
    {
      name: "against",
      type: "string",
      value: "FILE",
      description: "check the spec's tensors against a checkpoint (.safetensors, its index.json, .onnx, .gguf) or a Hugging Face config.json",
    },
    {
      name: "format",
      short: "f",
      type: "string",
      default: "table",
      value: "FORMAT",
      description: "table (for a terminal), markdown (the PR comment) or json (the full result)",
    },
    {
      name: "html",
      type: "string",
      value: "FILE",
      description: "also write the interactive treemap of head against base to FILE (docs/html-report.md)",
      unset: "no page",
    },
    ...trainingFlagList(),
    ...servingFlagList(),
  ],
  notes: "Exit status: 0 pass or warn, 2 invalid input, 3 a budget failed.",
  examples: [
    { command: "model-budget check 'models/*.yaml'", does: "every spec under models/ against .github/model-budget.yml" },
    { command: "model-budget check models/unet.yaml --base origin/main", does: "with the diff against main, as the action checks a pull request" },
    { command: "model-budget check models/unet.yaml --base main --format markdown", does: "the PR comment the action would post" },
  ],
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
      request.base = { ref: sha, specs: specs.filter((file) => atBase.includes(file.replace(/^\.\//, ""))), read: git.readerAt(sha), unchanged: git.unchangedSince(sha) };
    }
    const onStep = progressStep(env, "check");
    if (onStep) request.onStep = onStep;
    const result = runCheck(request, env.analyzeInWorkers?.(request));
    const html = typeof values.html === "string" ? values.html : undefined;
    if (html !== undefined) {
      if (!env.writeFile) return invalid(`cannot write ${html} here`);
      const failed = writeOutput(env, html, renderHtmlCheck(result));
      if (failed) return failed;
    }
    const stdout =
      format.value === "json"
        ? `${JSON.stringify(result, null, 2)}\n`
        : format.value === "markdown"
          ? `${renderPullRequestComment(result, { key: "local", fullReportHint: "Run with --format json for everything." })}\n`
          : renderCheckText(result, env.terminal?.columns);
    const invalidInput = result.budget.state === "invalid" || result.models.some((model) => model.head.kind === "invalid");
    const exitCode = result.status !== "fail" ? EXIT.ok : invalidInput ? EXIT.invalid : EXIT.failed;
    // The head's warnings (a config.json whose forward is not followed, an adapter's untied head, a layer the default plan cannot place), then the budget's.
    const layoutWarnings = result.models.flatMap((model) =>
      model.head.kind === "report" ? [...(model.head.report.warnings ?? []), ...(model.head.report.memory?.parallel?.warnings ?? [])] : [],
    );
    const warnings = [...layoutWarnings, ...result.budget.unmatched.map((entry) => unmatchedWarning(result.budget.file, entry))].map(
      (warning) => `model-budget: warning: ${renderDiagnostic(warning, sourceOf(env.readFile, warning.file))}\n`,
    );
    const wrote = html === undefined ? "" : `model-budget: wrote ${html}\n`;
    return { exitCode, stdout, stderr: `${warnings.join("")}${wrote}`, forPeople: format.value === "table" };
  },
};
