import { formatInteger } from "../count/index.js";
import { describeDtype, FLOAT32 } from "./dtypes.js";
import { parallelLines } from "./explain-parallel.js";
import { qualifiedName } from "./optimizers.js";
import type { TrainingRecipe } from "./recipe.js";
import { isSharded } from "./sharding.js";
import type { MemoryBreakdown } from "./breakdown.js";
import { CATEGORIES, CATEGORY_NAMES, type MemoryFigures, type MemoryTerms, type StorageTerm } from "./types.js";

/*
 * The arithmetic behind the memory figures, as lines of text; a line's leading spaces nest it
 * under the line before. Every figure is an exact byte count.
 */

const bytes = (value: number) => `${formatInteger(value)} B`;

/** `9,472 params × 4 B (float32)`. */
function termText(term: StorageTerm): string {
  return `${formatInteger(term.elements)} ${term.what} × ${term.bits / 8} B (${term.dtype})`;
}

/**
 * Whose bytes per parameter the figures follow. The ZeRO paper (Rajbhandari et al. 2020, §3.1)
 * counts mixed-precision Adam at 2 + 2 + 12 = 16 B/param, gradients in the weights' 16 bits;
 * Megatron-LM accumulates float32 main gradients, 2 + 4 + 12 = 18 (its distributed optimizer's table).
 */
export function conventionLine(recipe: TrainingRecipe): string {
  const main = recipe.mainGrads;
  if (!main) return "gradients: the ZeRO paper's convention, in each parameter's dtype (mixed-precision Adam: 16 B/param); --main-grads float32 gives Megatron's 18 B/param";
  if (main.value.bits >= FLOAT32.bits) return `gradients: Megatron's convention, float32 main gradients (mixed-bf16 Adam: 18 B/param) (${main.from})`;
  return `gradients: Megatron's convention, ${main.value.name} gradients the optimizer copies to float32 (mixed-fp16 Adam: 20 B/param) (${main.from})`;
}

/** How each setting of the recipe was made: in the spec, by a flag, or by default. */
export function recipeLines(recipe: TrainingRecipe): string[] {
  const { optimizer, precision, dtype, gpus, zero } = recipe;
  const lines = [
    optimizer ? `optimizer: ${optimizer.value.text}, ${qualifiedName(optimizer.value.definition)} (${optimizer.from})` : "optimizer: none, so inference: weights and buffers only",
    `precision: ${precision.value.name}, ${precision.value.summary} (${precision.from})`,
  ];
  if (dtype) lines.push(`weights created without a dtype: ${describeDtype(dtype.value)} (${dtype.from})`);
  if (optimizer) lines.push(conventionLine(recipe));
  if (gpus.value > 1 || zero.value > 0) lines.push(`${gpus.value} GPU${gpus.value === 1 ? "" : "s"} (${gpus.from}), ZeRO stage ${zero.value} (${zero.from})`);
  return lines;
}

/** `weights: 9,472 params × 4 B (float32) = 37,888 B`, for each category that holds anything. */
export function categoryLines(terms: MemoryTerms, figures: MemoryFigures): string[] {
  return CATEGORIES.filter((category) => terms[category].length > 0).map(
    (category) => `${CATEGORY_NAMES[category]}: ${terms[category].map(termText).join(" + ")} = ${bytes(figures[category])}`,
  );
}

/**
 * The rule-of-thumb reading: weights and optimizer state together, and how many times the weights
 * that is (3 for fp32 Adam, gradients aside); no ratio without weights. Trailing zeros dropped.
 */
export function weightsAndState(figures: MemoryFigures): { bytes: number; times?: number } {
  const sum = figures.weights + figures.optimizerState;
  return figures.weights === 0 ? { bytes: sum } : { bytes: sum, times: Number((sum / figures.weights).toFixed(2)) };
}

function weightsAndStateLine(figures: MemoryFigures): string {
  const reading = weightsAndState(figures);
  const times = reading.times === undefined ? "" : `, ${reading.times} × the weights`;
  return `weights + optimizer state: ${formatInteger(figures.weights)} + ${formatInteger(figures.optimizerState)} = ${bytes(reading.bytes)}${times}`;
}

/** Each category on one GPU: ⌈bytes / GPUs⌉ for the sharded ones, everything for the replicated. */
function perGpuLines(memory: MemoryBreakdown, perGpu: MemoryFigures): string[] {
  const { gpus, zero } = memory.recipe;
  const { gather } = memory;
  const gathered = (category: string) => (category === "weights" ? (gather?.weights ?? 0) : category === "gradients" ? (gather?.gradients ?? 0) : 0);
  const lines = CATEGORIES.filter((category) => memory.bytes[category] > 0).map((category) =>
    isSharded(category, zero.value)
      ? `  ${CATEGORY_NAMES[category]}: ⌈${formatInteger(memory.bytes[category])} B / ${gpus.value}⌉ = ${bytes(perGpu[category] - gathered(category))}`
      : `  ${CATEGORY_NAMES[category]}: ${bytes(perGpu[category])}, replicated`,
  );
  const gatherLines = gather?.layer
    ? [`  + ZeRO-3 all-gather of the largest layer, ${gather.layer}: weights ${bytes(gather.weights)} + gradients ${bytes(gather.gradients)} (DeepSpeed's largest_layer_memory)`]
    : [];
  return [`per GPU, ZeRO stage ${zero.value} over ${gpus.value} GPUs (sharded bytes rounded up):`, ...lines, ...gatherLines, `  total: ${bytes(perGpu.total)}`];
}

/** The model's figures: how the recipe was set, each category, the total, and per GPU. */
export function modelMemoryLines(memory: MemoryBreakdown): string[] {
  const parts = CATEGORIES.filter((category) => memory.bytes[category] > 0).map((category) => formatInteger(memory.bytes[category]));
  return [
    ...recipeLines(memory.recipe),
    ...categoryLines(memory.terms, memory.bytes),
    `total: ${parts.length > 1 ? `${parts.join(" + ")} = ` : ""}${bytes(memory.bytes.total)}`,
    ...(memory.recipe.optimizer ? [weightsAndStateLine(memory.bytes)] : []),
    ...(memory.parallel ? parallelLines(memory, memory.parallel) : memory.perGpu ? perGpuLines(memory, memory.perGpu) : []),
  ];
}
