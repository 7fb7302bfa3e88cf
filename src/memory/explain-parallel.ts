import { formatInteger } from "../count/index.js";
import type { MemoryBreakdown } from "./breakdown.js";
import type { ParallelMemory, StageMemory } from "./parallel-types.js";
import { CATEGORIES, CATEGORY_NAMES } from "./types.js";

/* The parallel layout's arithmetic for --explain: degrees, each placed layer's split, stages, and the worst rank. */

const bytes = (value: number) => `${formatInteger(value)} B`;
const shape = (dims: readonly number[]) => `[${dims.join(", ")}]`;

function degreeLines(memory: MemoryBreakdown, parallel: ParallelMemory): string[] {
  const { tp, pp, ep, cp, dp } = parallel.layout;
  const { gpus, zero } = memory.recipe;
  const { dense, experts } = parallel.zeroGroups;
  return [
    `parallel layout: dp = gpus / (tp × pp × cp) = ${gpus.value} / (${tp} × ${pp} × ${cp}) = ${dp}${ep > 1 ? `; ep = ${ep} within dp × cp` : ""}`,
    `  ZeRO stage ${zero.value} shards over dp × cp = ${dense} GPUs${ep > 1 ? `, the experts over dp × cp / ep = ${experts}` : ""} (sharded bytes rounded up)`,
  ];
}

function placementLines(parallel: ParallelMemory): string[] {
  const { tp } = parallel.layout;
  const lines = parallel.placements.flatMap((placement) => {
    const split = placement.splits.flatMap((tensor) => (tensor.dim === undefined ? [] : [`${tensor.name || "param"} ${shape(tensor.whole)} → ${shape(tensor.shape)}`]));
    const experts = placement.experts ? `; experts ⌈${placement.experts.count} / ep⌉ = ${placement.experts.perRank} per rank` : "";
    const unplaced = placement.by === "unplaced" && placement.splits.length > 0 && tp > 1;
    if (split.length === 0 && !experts && !unplaced) return [];
    const how = tp > 1 ? `${placement.style}${unplaced ? " (not placed by the default plan: whole on every rank)" : ""}` : "whole";
    return [`  ${placement.path}: ${how}${split.length ? `, ${split.join(", ")}` : ""}${experts}`];
  });
  const source = parallel.plan === "spec" ? "the spec's plan" : "the default Megatron plan (q/k/v and gate/up colwise, o and down rowwise, vocabulary split, norms replicated)";
  return tp > 1 || lines.length ? [`tensor parallel over tp = ${tp} by ${source}; each rank holds ⌈size / tp⌉ along the split dimension:`, ...lines] : [];
}

function stageLine(stage: StageMemory, parallel: ParallelMemory): string[] {
  const { tp, cp, pp } = parallel.layout;
  const where = stage.blocks ? `blocks ${stage.blocks[0]}–${stage.blocks[1]}` : "every layer";
  const categories = CATEGORIES.filter((category) => stage.memory[category] > 0).map((category) => {
    if (category === "activations" && stage.activationsPerMicrobatch !== undefined)
      return `    activations: ⌈${formatInteger(stage.activationsPerMicrobatch)} B (split over tp = ${tp}) × ${stage.microbatches} micro-batch${stage.microbatches === 1 ? "" : "es"} / cp = ${cp}⌉ = ${bytes(stage.memory.activations)}`;
    return `    ${CATEGORY_NAMES[category]}: ${bytes(stage.memory[category])}`;
  });
  const gather = stage.gather?.layer
    ? [`    (weights and gradients include ZeRO-3's all-gather of ${stage.gather.layer}: ${bytes(stage.gather.weights)} + ${bytes(stage.gather.gradients)})`]
    : [];
  const worst = stage.stage === parallel.worst ? ", the worst rank: memory-per-gpu" : "";
  return [
    `  stage ${stage.stage}${pp > 1 ? ` of ${pp}` : ""} (${where}): ${formatInteger(stage.params)} params per GPU, ${bytes(stage.memory.total)}${worst}`,
    ...categories,
    ...gather,
  ];
}

/** The layout's lines: degrees, placements, then each stage's worst rank. */
export function parallelLines(memory: MemoryBreakdown, parallel: ParallelMemory): string[] {
  const { pp } = parallel.layout;
  const pipeline =
    pp > 1
      ? [
          `pipeline over pp = ${pp} stages: the repeated blocks split evenly, layers before them on stage 0, after them on stage ${pp - 1}; 1F1B keeps pp − stage micro-batches of activations`,
        ]
      : [];
  return [
    ...degreeLines(memory, parallel),
    ...placementLines(parallel),
    ...pipeline,
    `per GPU, each stage's worst rank (activations: the shape pass's saved tensors, ${parallel.sequenceParallel ? "all split over tp by sequence parallelism" : "split over tp inside the tensor-parallel regions only, as without sequence parallelism"}, then over cp):`,
    ...parallel.stages.flatMap((stage) => stageLine(stage, parallel)),
  ];
}
