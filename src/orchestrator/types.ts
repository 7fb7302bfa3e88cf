import type { JsonHint, JsonReport } from "../analysis/index.js";
import type { BudgetOutcome, FailOn, Status } from "../budget/evaluate.js";
import type { ModelDiff } from "../diff/index.js";
import type { Diagnostic } from "../diagnostics/index.js";

/** A positioned problem in plain data, so it survives being saved as JSON between two workflows. */
export type { Diagnostic } from "../diagnostics/index.js";

/** One side (head or base) of a spec: its report, its errors, or that it does not exist there. */
export type SpecState = { kind: "report"; report: JsonReport } | { kind: "invalid"; diagnostics: Diagnostic[] } | { kind: "absent" };

export interface ModelResult {
  file: string;
  head: SpecState;
  /** Undefined when nothing was compared (no base commit). */
  base?: SpecState;
  diff?: ModelDiff;
  budget?: BudgetOutcome;
  /**
   * For each added or changed layer entry, the first line the change edited among those that shaped it
   * (its call, a with: argument, a repeat:, a variable it read): where to annotate it. Only when the check
   * was given the changed lines, and only for entries with such a line.
   */
  causes?: LayerCause[];
  /** The cross-check with a checkpoint (`against:` or --against): what differs, empty when all matches. */
  checkpoint?: { file: string; diagnostics: Diagnostic[] };
  /** Review hints on the layers the pull request added or changed (orchestrator/hints-section.ts). */
  hints?: JsonHint[];
  status: Status;
}

export interface LayerCause {
  path: string;
  file: string;
  line: number;
}

export interface BudgetChange {
  key: string;
  setting: string;
  before?: string;
  after?: string;
  line?: number;
}

export interface BudgetState {
  file: string;
  state: "missing" | "ok" | "invalid";
  from: "head" | "base";
  diagnostics: Diagnostic[];
  /** Limits this change edits, so raising one is a reviewed decision. */
  changes: BudgetChange[];
  /** Budget entries that match no spec: probably a renamed model. */
  unmatched: { key: string; line: number; col?: number; suggestion?: string }[];
}

export interface CheckResult {
  status: Status;
  failOn: FailOn;
  /** The commit compared with, when there was one. */
  baseRef?: string;
  models: ModelResult[];
  budget: BudgetState;
}
