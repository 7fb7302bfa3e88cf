import { parseBudget } from "../budget/budget-file.js";
import { budgetFor, checkBudget, worst, type FailOn, type Status } from "../budget/check.js";
import { METRICS, type Budget, type ModelBudget } from "../budget/types.js";
import { userErrors } from "../diagnostics/index.js";
import { diffLayers } from "../diff/index.js";
import { analyzeSpec } from "../engine.js";
import { toJsonReport, type JsonReport } from "../report/index.js";
import type { ReadFile } from "../resolve/index.js";
import type { BudgetChange, BudgetState, CheckResult, Diagnostic, ModelResult, SpecState } from "./types.js";

export type * from "./types.js";

export interface CheckSide {
  /** Spec files present on this side. */
  specs: readonly string[];
  read: ReadFile;
}

export interface CheckRequest {
  head: CheckSide;
  /** The commit to compare with; absent when there is none (a first push). */
  base?: CheckSide & { ref: string };
  budgetFile: string;
  budgetFrom: "head" | "base";
  failOn: FailOn;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}

/** Runs a pipeline step, turning user errors into diagnostics and missing files into absence. */
function attempt<T>(work: () => T): { value: T } | { diagnostics: Diagnostic[] } | { absent: true } {
  try {
    return { value: work() };
  } catch (error) {
    if (isMissing(error)) return { absent: true };
    const found = userErrors(error);
    if (!found) throw error;
    return { diagnostics: found.map((problem) => ({ ...problem.position, message: problem.detail, ...(problem.hint ? { hint: problem.hint } : {}) })) };
  }
}

function specState(file: string, side: CheckSide): SpecState {
  const outcome = attempt(() => toJsonReport(analyzeSpec(file, side.read)));
  if ("value" in outcome) return { kind: "report", report: outcome.value };
  if ("absent" in outcome) return { kind: "absent" };
  return { kind: "invalid", diagnostics: outcome.diagnostics };
}

function readBudget(side: CheckSide | undefined, file: string): { budget?: Budget; diagnostics: Diagnostic[]; missing: boolean } {
  if (!side) return { diagnostics: [], missing: true };
  const outcome = attempt(() => parseBudget(side.read(file), file));
  if ("value" in outcome) return { budget: outcome.value, diagnostics: [], missing: false };
  if ("absent" in outcome) return { diagnostics: [], missing: true };
  return { diagnostics: outcome.diagnostics, missing: false };
}

function settings(entry: ModelBudget): Map<string, { text: string; line: number }> {
  const result = new Map<string, { text: string; line: number }>();
  for (const metric of METRICS) {
    const limit = entry.limits[metric];
    if (limit) result.set(metric, { text: limit.text, line: limit.position.line });
    const growth = entry.growth[metric];
    if (growth) result.set(`growth ${metric}`, { text: growth.text, line: growth.position.line });
  }
  for (const module of entry.modules) {
    if (module.params) result.set(`${module.glob} params`, { text: module.params.text, line: module.params.position.line });
    if (module.trainable) result.set(`${module.glob} trainable`, { text: module.trainable.text, line: module.trainable.position.line });
  }
  return result;
}

/** Every limit the change adds, removes or edits: old limit → new limit, with its line in the head file. */
function budgetChanges(base: Budget | undefined, head: Budget | undefined): BudgetChange[] {
  const entries = (budget: Budget | undefined) => new Map([...(budget?.defaults ? [budget.defaults] : []), ...(budget?.models ?? [])].map((entry) => [entry.key, settings(entry)]));
  const before = entries(base);
  const after = entries(head);
  const changes: BudgetChange[] = [];
  for (const key of new Set([...after.keys(), ...before.keys()])) {
    const old = before.get(key) ?? new Map();
    const now = after.get(key) ?? new Map();
    for (const setting of new Set([...now.keys(), ...old.keys()])) {
      const was = old.get(setting);
      const is = now.get(setting);
      if (was?.text === is?.text) continue;
      changes.push({ key, setting, ...(was ? { before: was.text } : {}), ...(is ? { after: is.text, line: is.line } : {}) });
    }
  }
  return changes;
}

/** The whole check: every spec at head (and base), the diff, the budget, and one status. */
export function runCheck(request: CheckRequest): CheckResult {
  const headBudget = readBudget(request.head, request.budgetFile);
  const baseBudget = readBudget(request.base, request.budgetFile);
  const enforced = request.budgetFrom === "base" && request.base ? baseBudget : headBudget;
  const files = [...new Set([...request.head.specs, ...(request.base?.specs ?? [])])];
  const matched = new Set<string>();

  const models = files.map((file): ModelResult => {
    const head = request.head.specs.includes(file) ? specState(file, request.head) : ({ kind: "absent" } as const);
    const base = request.base ? (request.base.specs.includes(file) ? specState(file, request.base) : ({ kind: "absent" } as const)) : undefined;
    const result: ModelResult = { file, head, ...(base ? { base } : {}), status: head.kind === "invalid" ? "fail" : "pass" };
    if (head.kind !== "report") return result;
    const baseReport: JsonReport | undefined = base?.kind === "report" ? base.report : undefined;
    if (baseReport) result.diff = diffLayers(baseReport, head.report);
    const entry = enforced.budget && budgetFor(enforced.budget, head.report);
    if (entry) {
      matched.add(entry.key);
      result.budget = checkBudget(entry, head.report, baseReport, request.failOn);
      result.status = result.budget.status;
    }
    return result;
  });

  const budget: BudgetState = {
    file: request.budgetFile,
    state: enforced.missing ? "missing" : enforced.budget ? "ok" : "invalid",
    from: request.budgetFrom === "base" && request.base ? "base" : "head",
    diagnostics: enforced.diagnostics,
    changes: request.base ? budgetChanges(baseBudget.budget, headBudget.budget) : [],
    unmatched: (enforced.budget?.models ?? []).filter((entry) => !matched.has(entry.key)).map((entry) => ({ key: entry.key, line: entry.position.line })),
  };
  const statuses: Status[] = [...models.map((model) => model.status), budget.state === "invalid" ? "fail" : "pass", budget.unmatched.length ? "warn" : "pass"];
  return {
    status: worst(statuses),
    failOn: request.failOn,
    ...(request.base ? { baseRef: request.base.ref } : {}),
    models,
    budget,
  };
}
