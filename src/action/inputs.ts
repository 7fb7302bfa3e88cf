import * as core from "@actions/core";
import { FAIL_ON, type FailOn } from "../budget/evaluate.js";
import { SpecError } from "../diagnostics/index.js";
import { choiceOf } from "../diagnostics/choice.js";
import type { AnalysisOverrides } from "../analysis/index.js";
import { TRAINING_OPTIONS, servingSettingsFromOptions, settingsFromOptions, type ServingOption } from "../memory/index.js";

export type CommentPolicy = "always" | "changed" | "failure" | "never";
const COMMENT_POLICIES: readonly CommentPolicy[] = ["always", "changed", "failure", "never"];

export interface ActionInputs {
  mode: "check" | "publish";
  specs: string[];
  budget: string;
  budgetFrom: "head" | "base";
  token: string;
  comment: CommentPolicy;
  commentKey: string;
  failOn: FailOn;
  /** The saved report that `mode: publish` posts. */
  report: string;
  /** A mermaid chart of each model's top-level modules in the comment too (the job summary always has it). */
  chart: "true" | "false";
  /** optimizer, precision, gpus, zero, dtype, batch, checkpointing: override every spec's training: section; context, kv-dtype, serve-dtype its serving: section. */
  training: AnalysisOverrides;
}

/** Reads a choice input, refusing anything outside its documented values as the CLI refuses a flag's. */
function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const checked = choiceOf(`input '${name}'`, core.getInput(name) || fallback, allowed);
  if ("problem" in checked) throw new Error(checked.problem);
  return checked.value;
}

export function readInputs(): ActionInputs {
  const mode = choice("mode", ["check", "publish"] as const, "check");
  const specs = core
    .getMultilineInput("specs")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  if (mode === "check" && specs.length === 0) throw new Error("input 'specs' names no spec file: give one path or glob per line, e.g. models/*.yaml");
  const inputs: ActionInputs = {
    mode,
    specs,
    budget: core.getInput("budget") || ".github/model-budget.yml",
    budgetFrom: choice("budget-from", ["head", "base"] as const, "head"),
    token: core.getInput("github-token"),
    comment: choice("comment", COMMENT_POLICIES, "changed"),
    commentKey: core.getInput("comment-key") || "default",
    failOn: choice("fail-on", FAIL_ON, "exceed"),
    report: core.getInput("report"),
    chart: choice("chart", ["true", "false"] as const, "false"),
    training: trainingInputs(),
  };
  logInputs(inputs);
  return inputs;
}

/** Each input as the action resolved it (defaults filled in), for a run with step debug logging on; never the token itself. */
function logInputs(inputs: ActionInputs): void {
  const { token, training, ...rest } = inputs;
  for (const [name, value] of Object.entries(rest)) core.debug(`input ${name}: ${JSON.stringify(value)}`);
  core.debug(`input github-token: ${token ? "given" : "not given"}`);
  core.debug(`input training overrides: ${JSON.stringify(training)}`);
}

/** The serving options the action takes, by input name: serve-dtype is the serving recipe's dtype. */
const SERVING_INPUTS: Record<string, ServingOption> = { context: "context", "kv-dtype": "kv-dtype", "serve-dtype": "dtype" };

/** optimizer, gpus, batch, context...: their errors name the input, not a position in a file it does not have. */
function trainingInputs(): AnalysisOverrides {
  try {
    const training = settingsFromOptions(
      Object.fromEntries(TRAINING_OPTIONS.flatMap((option) => (core.getInput(option) ? [[option, core.getInput(option)]] : []))),
      (option) => `input '${option}'`,
    );
    const given = Object.entries(SERVING_INPUTS).filter(([input]) => core.getInput(input));
    if (given.length === 0) return training;
    const inputOf = Object.fromEntries(given.map(([input, option]) => [option, input]));
    const serving = servingSettingsFromOptions(Object.fromEntries(given.map(([input, option]) => [option, core.getInput(input)])), (option) => `input '${inputOf[option]}'`);
    // One attention input serves both recipes.
    return { ...training, serving: { ...serving, ...(training.attention ? { attention: training.attention } : {}) } };
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    throw new Error(`${error.position.file}: ${error.detail} [${error.code}]${error.hint ? `\n  ${error.hint}` : ""}`, { cause: error });
  }
}
