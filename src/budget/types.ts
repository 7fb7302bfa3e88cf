import type { DiagnosticName, SourcePosition } from "../diagnostics/index.js";
import type { Metric } from "../metrics/index.js";
import type { ResolvedAccelerator } from "../resolve/index.js";

export interface Limit {
  value: number;
  /** As written in the budget file, e.g. `25.6M`. */
  text: string;
  position: SourcePosition;
}

export interface GrowthAllowance {
  /** A share of the base value, or an absolute amount. */
  percent?: number;
  amount?: number;
  text: string;
  position: SourcePosition;
}

export interface ModuleLimit {
  glob: string;
  params?: Limit;
  trainable?: Limit;
  position: SourcePosition;
}

export interface ModelBudget {
  /** The `model:` name or spec path this entry is keyed by; `defaults` for the defaults. */
  key: string;
  position: SourcePosition;
  limits: Partial<Record<Metric, Limit>>;
  growth: Partial<Record<Metric, GrowthAllowance>>;
  modules: ModuleLimit[];
  against?: { path: string; position: SourcePosition };
  /** Review hints (by name) the entry's `lint: {ignore}` leaves out of the pull-request comment. */
  lintIgnore?: readonly DiagnosticName[];
}

export interface Budget {
  file: string;
  /** Accelerators fits --budget FILE --gpu NAME may name beside its table's. */
  accelerators?: ResolvedAccelerator[];
  defaults?: ModelBudget;
  models: ModelBudget[];
}
