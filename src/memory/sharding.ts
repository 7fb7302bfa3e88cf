import { SpecError, type SourcePosition } from "../diagnostics/index.js";
import { figuresOf, type Category, type MemoryFigures } from "./types.js";

export type ZeroStage = 0 | 1 | 2 | 3;

/**
 * The lowest ZeRO stage that shards each category over the GPUs (Rajbhandari et al., 2020):
 * stage 1 the optimizer state, which for mixed precision includes the float32 master weights,
 * stage 2 also the gradients, stage 3 also the weights (FSDP's full shard). Buffers are replicated;
 * activations are each GPU's own, as `batch` is the batch of one GPU.
 */
const SHARDED_FROM: Record<Category, number> = { optimizerState: 1, masterWeights: 1, gradients: 2, weights: 3, buffers: Infinity, activations: Infinity };

export function isSharded(category: Category, stage: ZeroStage): boolean {
  return stage >= SHARDED_FROM[category];
}

/**
 * What one GPU holds. A sharded category is split evenly and rounded up to a whole byte per
 * model: each GPU holds at most ⌈bytes / gpus⌉. Real implementations also pad each flattened
 * group to a multiple of the GPU count, a few elements more per group.
 */
export function perGpu(bytes: MemoryFigures, gpus: number, stage: ZeroStage): MemoryFigures {
  return figuresOf((category) => (isSharded(category, stage) ? Math.ceil(bytes[category] / gpus) : bytes[category]));
}

export function gpuCount(value: number, position: SourcePosition): number {
  if (value < 1) throw new SpecError("invalid-recipe-value", position, `training needs at least 1 GPU, got ${value}`);
  return value;
}

export function zeroStage(value: number, position: SourcePosition): ZeroStage {
  if (value !== 0 && value !== 1 && value !== 2 && value !== 3)
    throw new SpecError("invalid-recipe-value", position, `the ZeRO stage is 0, 1, 2 or 3, not ${value}`, "3 is FSDP's full shard");
  return value;
}
