import { analyzeSpec, toJsonReport, type AnalysisOverrides, type AnalyzedModel, type JsonReport } from "../analysis/index.js";
import { parseBudget } from "../budget/budget-file.js";
import { budgetFor, evaluateBudget, worst, type FailOn, type Status } from "../budget/evaluate.js";
import type { Budget, ModelBudget } from "../budget/types.js";
import { closestName, diagnostic, toDiagnostic, userErrors } from "../diagnostics/index.js";
import { diffLayers, type ModelDiff } from "../diff/index.js";
import { crossCheck, type CheckpointTensor } from "../import/index.js";
import { METRIC_NAMES } from "../metrics/index.js";
import { firstChanged, type OnStep, type Origins, type ReadFile } from "../resolve/index.js";
import { changedLayerHints } from "./hints-section.js";
import type { BudgetChange, BudgetState, CheckResult, Diagnostic, LayerCause, ModelResult, SpecState } from "./types.js";

export type * from "./types.js";

export interface CheckSide {
  /** Spec files present on this side. */
  specs: readonly string[];
  read: ReadFile;
}

/** The base side: its commit, and which files read the same there as at head (a spec reading only those analyses the same). */
export type BaseSide = CheckSide & { ref: string; unchanged?: (file: string) => boolean };

/** Reads a checkpoint's tensor names, shapes and dtypes (headers only). */
export type ReadCheckpoint = (file: string) => CheckpointTensor[];

export interface CheckRequest {
  head: CheckSide;
  /** The commit to compare with; absent when there is none (a first push). */
  base?: BaseSide;
  budgetFile: string;
  budgetFrom: "head" | "base";
  failOn: FailOn;
  /** The training and serving recipes given outside the specs (CLI flags, action inputs); they win over their training: and serving: sections. */
  overrides?: AnalysisOverrides;
  /** Checks each spec against a checkpoint: its budget entry's `against:`, or this one for every spec. */
  readCheckpoint?: ReadCheckpoint;
  against?: string;
  /** Told what the check is doing, for a progress line. */
  onStep?: OnStep;
  /** The lines the change edited, by file (`git diff base` at head): the check then says which one made each layer change. */
  changedLines?: ChangedLines;
}

/** Line numbers (from 1) at head that a change added or edited, by repository-relative file. */
export type ChangedLines = ReadonlyMap<string, ReadonlySet<number>>;

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
    return { diagnostics: found.map(toDiagnostic) };
  }
}

/**
 * One side of a spec, analysed: its state, and its model where it was analysed in this thread. A worker
 * thread sends back plain data: the state, and each layer's origins when the check names causes.
 */
export interface Analysis {
  state: SpecState;
  model?: AnalyzedModel;
  origins?: ReadonlyMap<string, Origins>;
}

/** Each layer entry's origins by path: what the causes of its changes are looked up in. */
export function layerOrigins(model: AnalyzedModel): Map<string, Origins> {
  return new Map(model.layers.map((layer) => [layer.path, layer.origins]));
}

/** A spec analysed at head and, when the check has a base, at base (the head's analysis where every file it read is unchanged). */
export interface SpecAnalyses {
  head: Analysis;
  base?: Analysis;
}

function analyze(file: string, side: CheckSide, overrides: AnalysisOverrides, onStep?: OnStep): Analysis {
  const outcome = attempt(() => analyzeSpec(file, side.read, overrides, onStep));
  if ("value" in outcome) return { state: { kind: "report", report: toJsonReport(outcome.value) }, model: outcome.value };
  if ("absent" in outcome) return { state: { kind: "absent" } };
  return { state: { kind: "invalid", diagnostics: outcome.diagnostics } };
}

/**
 * The spec at base: the head's analysis where every file it read is the same at base (most specs of a
 * monorepo's pull request, which then cost one analysis, not two), else its own.
 */
function baseAnalysis(file: string, base: BaseSide, head: Analysis, read: readonly string[], analyzeBase: () => Analysis): Analysis {
  if (!base.specs.includes(file)) return { state: { kind: "absent" } };
  const same = base.unchanged;
  return same && head.state.kind !== "absent" && read.length > 0 && read.every((path) => same(path)) ? head : analyzeBase();
}

/** Compares the spec's tensors with a checkpoint's: a missing, extra, renamed or resized tensor is an error at its spec line. */
function crossCheckWith(model: AnalyzedModel, file: string, read: ReadCheckpoint): { file: string; diagnostics: Diagnostic[] } {
  const outcome = attempt(() => crossCheck(model, read(file)));
  if ("value" in outcome) return { file, diagnostics: outcome.value.map(toDiagnostic) };
  if ("absent" in outcome)
    return {
      file,
      diagnostics: [diagnostic("file-unreadable", { file, line: 1, col: 1 }, `checkpoint ${file} does not exist`, "fix the path in against:, relative to the repository root")],
    };
  return { file, diagnostics: outcome.diagnostics };
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
  for (const metric of METRIC_NAMES) {
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
    const old = before.get(key) ?? new Map<string, { text: string; line: number }>();
    const now = after.get(key) ?? new Map<string, { text: string; line: number }>();
    for (const setting of new Set([...now.keys(), ...old.keys()])) {
      const was = old.get(setting);
      const is = now.get(setting);
      if (was?.text === is?.text) continue;
      changes.push({ key, setting, ...(was ? { before: was.text } : {}), ...(is ? { after: is.text, line: is.line } : {}) });
    }
  }
  return changes;
}

/** Budget entries no spec matched (a typo, a renamed or deleted model), each with the likeliest key it meant. */
function unmatchedEntries(budget: Budget | undefined, models: readonly ModelResult[]): BudgetState["unmatched"] {
  // A spec that is invalid at head has no budget outcome, but the entry keyed by its path or its
  // name at base is its entry all the same: the spec's errors are the problem, not the key.
  const invalidAtHead = models.filter((model) => model.head.kind === "invalid");
  const keysOfInvalid = invalidAtHead.flatMap((model) => [model.file, ...(model.base?.kind === "report" ? [model.base.report.model] : [])]);
  const matched = new Set([...models.flatMap((model) => (model.budget ? [model.budget.entry.key] : [])), ...keysOfInvalid]);
  const names = models.flatMap((model) => [model.file, ...[model.head, model.base].flatMap((side) => (side?.kind === "report" ? [side.report.model] : []))]);
  return (budget?.models ?? [])
    .filter((entry) => !matched.has(entry.key))
    .map((entry) => {
      const suggestion = closestName(entry.key, new Set(names));
      return { key: entry.key, line: entry.position.line, col: entry.position.col, ...(suggestion === undefined ? {} : { suggestion }) };
    });
}

/** Where each added or changed entry was changed: the first line among those that shaped it that the change edited. */
function layerCauses(diff: ModelDiff, origins: ReadonlyMap<string, Origins>, changed: ChangedLines): LayerCause[] {
  return diff.changes.flatMap((change) => {
    if (change.kind === "removed") return [];
    const at = firstChanged(origins.get(change.after.path), changed);
    return at ? [{ path: change.after.path, file: at.file, line: at.line }] : [];
  });
}

/** The spec files a check analyses: those at head, then those only at base, each once. */
export function checkedFiles(request: Pick<CheckRequest, "head" | "base">): string[] {
  return [...new Set([...request.head.specs, ...(request.base?.specs ?? [])])];
}

/** One spec analysed at head and base, as the check needs it; worker threads run this for a check's specs. */
export function analyzeSides(file: string, request: Pick<CheckRequest, "head" | "base" | "overrides" | "onStep">): SpecAnalyses {
  const overrides = request.overrides ?? {};
  const step = (side: string) => (request.onStep ? (text: string) => request.onStep!(`${file} at ${side}: ${text}`) : undefined);
  const read: string[] = [];
  // The include's spec goes on too: the edge keeps an include inside the repository of the spec that includes it.
  const recorded: CheckSide = { ...request.head, read: (path, include) => (read.push(path), request.head.read(path, include)) };
  const head: Analysis = request.head.specs.includes(file) ? analyze(file, recorded, overrides, step("head")) : { state: { kind: "absent" } };
  if (!request.base) return { head };
  return { head, base: baseAnalysis(file, request.base, head, read, () => analyze(file, request.base!, overrides, step("base"))) };
}

/** The head's model for a checkpoint's cross-check: analysed again here when a worker thread analysed the spec. */
function headModel(file: string, analysis: Analysis, request: CheckRequest): AnalyzedModel | undefined {
  if (analysis.model) return analysis.model;
  const outcome = attempt(() => analyzeSpec(file, request.head.read, request.overrides ?? {}));
  return "value" in outcome ? outcome.value : undefined;
}

/**
 * The whole check: every spec at head (and base), the diff, the budget, and one status. `analysed`
 * holds specs already analysed (by worker threads); the others are analysed here.
 */
export function runCheck(request: CheckRequest, analysed?: ReadonlyMap<string, SpecAnalyses>): CheckResult {
  const headBudget = readBudget(request.head, request.budgetFile);
  const baseBudget = readBudget(request.base, request.budgetFile);
  const enforced = request.budgetFrom === "base" && request.base ? baseBudget : headBudget;

  const models = checkedFiles(request).map((file): ModelResult => {
    const sides = analysed?.get(file) ?? analyzeSides(file, request);
    const analysis = sides.head;
    const head = analysis.state;
    const base = sides.base?.state;
    const result: ModelResult = { file, head, ...(base ? { base } : {}), status: head.kind === "invalid" ? "fail" : "pass" };
    if (head.kind !== "report") return result;
    const baseReport: JsonReport | undefined = base?.kind === "report" ? base.report : undefined;
    if (baseReport) result.diff = diffLayers(baseReport, head.report);
    const origins = result.diff && request.changedLines ? (analysis.origins ?? (analysis.model && layerOrigins(analysis.model))) : undefined;
    if (result.diff && request.changedLines && origins) result.causes = layerCauses(result.diff, origins, request.changedLines);
    const entry = enforced.budget && budgetFor(enforced.budget, head.report, baseReport?.model);
    if (entry) {
      result.budget = evaluateBudget(entry, head.report, baseReport, request.failOn);
      if (baseReport && entry.key === baseReport.model && entry.key !== head.report.model && entry.key !== file) result.budget.renamedFrom = baseReport.model;
      result.status = result.budget.status;
    }
    const hints = changedLayerHints(head.report, base, result.diff, entry?.lintIgnore);
    if (hints.length) result.hints = hints;
    const against = request.against ?? entry?.against?.path;
    const model = against && request.readCheckpoint ? headModel(file, analysis, request) : undefined;
    if (against && request.readCheckpoint && model) {
      result.checkpoint = crossCheckWith(model, against, request.readCheckpoint);
      if (result.checkpoint.diagnostics.length) result.status = "fail";
    }
    return result;
  });

  const budget: BudgetState = {
    file: request.budgetFile,
    state: enforced.missing ? "missing" : enforced.budget ? "ok" : "invalid",
    from: request.budgetFrom === "base" && request.base ? "base" : "head",
    diagnostics: enforced.diagnostics,
    // Only two readable files can be compared: an invalid one would list every limit as removed.
    changes: request.base && !headBudget.diagnostics.length && !baseBudget.diagnostics.length ? budgetChanges(baseBudget.budget, headBudget.budget) : [],
    unmatched: unmatchedEntries(enforced.budget, models),
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

/** A budget entry that matched no spec, as a warning at its key with what to do. */
export function unmatchedWarning(budgetFile: string, entry: BudgetState["unmatched"][number]): Diagnostic {
  return diagnostic(
    "unmatched-budget-entry",
    { file: budgetFile, line: entry.line, col: entry.col ?? 1 },
    `budget entry '${entry.key}' matches no spec, so none of its limits is checked`,
    `${entry.suggestion === undefined ? "" : `did you mean '${entry.suggestion}'? `}Key each entry by a spec's model: name or its path.`,
  );
}
