import type { Diagnostic } from "../diagnostics/index.js";
import type { TensorSplit, TpStyle } from "./tensor-plan.js";
import type { MemoryFigures } from "./types.js";

/** The degrees of a layout; dp = gpus / (tp × pp × cp). */
export interface ParallelLayout {
  tp: number;
  pp: number;
  ep: number;
  cp: number;
  dp: number;
}

/** Where one layer entry's tensors go: its tensor-parallel style and splits, and whether ep shares out its experts. */
export interface LayerPlacement {
  path: string;
  type: string;
  style: TpStyle;
  /** Which plan placed it: the spec's (`plan`), the default Megatron plan, or neither (`unplaced`, replicated). */
  by: "plan" | "default" | "unplaced";
  splits: TensorSplit[];
  /** For routed experts: how many the entry holds per block, and on one rank, ⌈experts / ep⌉. */
  experts?: { count: number; perRank: number };
}

/** One pipeline stage's worst rank. */
export interface StageMemory {
  stage: number;
  /** The block indices on the stage; absent without a pipeline group. */
  blocks?: [number, number];
  /** Micro-batches whose activations the stage keeps at once under 1F1B: pp − stage. */
  microbatches: number;
  /** What one GPU keeps for one micro-batch of the stage's layers, split by tp but not yet by cp; absent without activations. */
  activationsPerMicrobatch?: number;
  params: number;
  memory: MemoryFigures;
  /** ZeRO-3's all-gathered largest layer of the stage, in memory's weights and gradients. */
  gather?: { weights: number; gradients: number; layer?: string };
}

export interface ParallelMemory {
  layout: ParallelLayout;
  plan: "spec" | "default";
  /** Whether every saved tensor is split over tp: the default plan's norms are sequence_parallel, a spec's plan needs such an entry. */
  sequenceParallel: boolean;
  placements: LayerPlacement[];
  stages: StageMemory[];
  /** The stage with the most bytes on one GPU; its figures are memory-per-gpu. */
  worst: number;
  /** The largest parameter count on one GPU, before ZeRO shards it over dp. */
  paramsPerGpu: number;
  /** ZeRO's shards: dense parameters over dp × cp, experts over dp × cp / ep. */
  zeroGroups: { dense: number; experts: number };
  warnings: Diagnostic[];
}
