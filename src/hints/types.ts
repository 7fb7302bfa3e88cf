import type { ModelCount } from "../count/index.js";
import type { DiagnosticName, Severity, SourcePosition } from "../diagnostics/index.js";
import type { MemoryBreakdown } from "../memory/index.js";
import type { ResolvedModel } from "../resolve/index.js";
import type { ShapeReport } from "../shapes/index.js";

/** What the rules read: the resolved model (calls, tree, forward), its count, its dtypes and, with an `input:`, its shapes. */
export interface HintContext {
  resolved: ResolvedModel;
  count: ModelCount;
  /** Always computed: without a recipe it is fp32 inference, with the spec's `dtype:` keys. */
  memory: MemoryBreakdown;
  shapes?: ShapeReport;
}

/**
 * What the fix changes in the model: parameters over all instances, and their bytes at the tensors'
 * dtypes. Negative when the fix costs (padding a dimension to an aligned size).
 */
export interface Saving {
  params: number;
  bytes: number;
}

/** One review hint: a registered kind (MB10xx), where, what and what its fix saves. */
export interface Hint {
  name: DiagnosticName;
  code: string;
  severity: Severity;
  /** The layer entry or module the hint is about: `layer1.[0-1].conv1`. */
  path: string;
  position: SourcePosition;
  message: string;
  /** What to do, in one line. */
  fix: string;
  saves: Saving;
  /** The layer entries the hint is about, the one it is written at first: its `lint:` keys decide; any of them changed puts it in a PR comment. */
  layers: number[];
  /** How many uses of one source line (a block's, an included file's) this hint stands for, when more than one. */
  uses?: number;
}

export type HintRule = (context: HintContext) => Hint[];
