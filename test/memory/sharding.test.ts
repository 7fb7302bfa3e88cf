import { describe, expect, it } from "vitest";
import { perGpu, type MemoryFigures } from "../../src/memory/index.js";
import { memoryOf } from "../helpers/memory.js";

const FIGURES: MemoryFigures = { weights: 2000, buffers: 30, gradients: 2000, optimizerState: 8000, masterWeights: 4000, activations: 0, total: 16_030 };

describe("ZeRO sharding over the GPUs", () => {
  it("stage 0 replicates everything; 1 shards optimizer state and master weights; 2 also gradients; 3 also weights; buffers never", () => {
    expect(perGpu(FIGURES, 4, 0)).toEqual(FIGURES);
    expect(perGpu(FIGURES, 4, 1)).toEqual({ weights: 2000, buffers: 30, gradients: 2000, optimizerState: 2000, masterWeights: 1000, activations: 0, total: 7030 });
    expect(perGpu(FIGURES, 4, 2)).toEqual({ weights: 2000, buffers: 30, gradients: 500, optimizerState: 2000, masterWeights: 1000, activations: 0, total: 5530 });
    expect(perGpu(FIGURES, 4, 3)).toEqual({ weights: 500, buffers: 30, gradients: 500, optimizerState: 2000, masterWeights: 1000, activations: 0, total: 4030 });
  });

  it("rounds a sharded category up to whole bytes: no GPU holds less than its share", () => {
    expect(perGpu(FIGURES, 3, 3)).toEqual({ weights: 667, buffers: 30, gradients: 667, optimizerState: 2667, masterWeights: 1334, activations: 0, total: 5365 });
  });

  it("is part of the memory when the training is spread over more than one GPU", () => {
    const spec = "layers:\n  - p: Parameter(1000)\n";
    // Stage 3 holds ⌈4,000 B / 3⌉ of weights and of gradients, and the whole of the one layer while it is gathered.
    expect(memoryOf(spec, { optimizer: "Adam", gpus: "3", zero: "3" }).perGpu).toEqual({
      weights: 1334 + 4000,
      buffers: 0,
      gradients: 1334 + 4000,
      optimizerState: 2667,
      masterWeights: 0,
      activations: 0,
      total: 5335 + 8000,
    });
    expect(memoryOf(spec, { optimizer: "Adam", gpus: "8" }).perGpu?.total).toBe(16_000);
    expect(memoryOf(spec, { optimizer: "Adam", zero: "3" }).perGpu).toBeUndefined();
  });
});
