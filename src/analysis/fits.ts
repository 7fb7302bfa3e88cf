import { SpecError } from "../diagnostics/index.js";
import { perGpu, type Accelerator, type ZeroStage } from "../memory/index.js";
import type { AnalyzedModel } from "./analyze.js";

export interface FitsRequest {
  accelerator: Accelerator;
  /** GPUs whose memory the serving figures may use together (pooled), and the training answers ignore. */
  gpus: number;
  /** Bytes set aside on each GPU: the driver, the CUDA context, other processes. */
  reserveBytes: number;
}

/** What fits: each answer the largest (or smallest) integer whose figure is at most the usable memory, exactly. */
export interface JsonFits {
  gpu: string;
  memoryBytes: number;
  source: string;
  gpus: number;
  reserveBytes: number;
  /** gpus × (memoryBytes − reserveBytes): what the serving figures are held against. */
  usableBytes: number;
  /** The longest context at batch 1; null when not even one token fits, or the model takes no tokens. */
  maxContext: number | null;
  /** The spec's serving.trained-context (max_position_embeddings), beside maxContext, which it does not cap; null when not given. */
  trainedContext: number | null;
  /** The context the largest batch is for. */
  context: number | null;
  /** The most sequences (samples) at `context`; null when not even one fits. */
  maxBatch: number | null;
  /** The fewest GPUs of this kind for the spec's training recipe at each ZeRO stage (null: none is enough, or no optimizer). */
  minGpus: Record<"zero0" | "zero1" | "zero2" | "zero3", number | null>;
  /**
   * Tokens of KV cache the memory left after weights, buffers, the prefill peak at `context` and one
   * sequence's cross-attention cache holds, as vLLM sizes its cache (before rounding down to its blocks of
   * 16 tokens); null without a per-token KV cache.
   */
  kvTokens: number | null;
  /** The serving figures at `context` and batch 1 that the answers come from. */
  weights: number;
  buffers: number;
  kvCachePerToken: number;
  /** One sequence's cross-attention cache (encoder–decoder models), which does not grow with the context. */
  crossKvCache: number;
  /** A state-space layer's fixed state per sequence (0 without one). */
  statePerSequence: number;
  prefillPeak: number;
}

/** Past this, a search stops doubling: no accelerator holds 2^40 tokens. */
const SEARCH_LIMIT = 2 ** 40;

/**
 * The largest n ≥ 1 with fits(n), for fits monotone (true up to some n, false after), or null when
 * fits(1) is false: doubling to a bound, then bisection, so the answer is exact at the boundary.
 */
export function largestFitting(fits: (n: number) => boolean): number | null {
  if (!fits(1)) return null;
  let low = 1;
  let high = 2;
  while (fits(high)) {
    low = high;
    high *= 2;
    if (high > SEARCH_LIMIT) return low;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/** A figure past 2^53 bytes fits nowhere. */
function within(total: () => number, usable: number): boolean {
  try {
    return total() <= usable;
  } catch (error) {
    if (error instanceof SpecError && error.kind === "number-too-large") return false;
    throw error;
  }
}

/** The fewest GPUs that hold the training recipe at a ZeRO stage: sharded categories shrink with the count, the rest do not. */
function fewestGpus(model: AnalyzedModel, stage: ZeroStage, usable: number): number | null {
  const memory = model.memory;
  if (!memory?.recipe.optimizer) return null;
  const fits = (gpus: number) => perGpu(memory.bytes, gpus, stage).total <= usable;
  if (fits(1)) return 1;
  if (stage === 0 || !fits(SEARCH_LIMIT)) return null;
  // More GPUs never hold more per GPU: the last count that does not fit is one below the answer.
  return largestFitting((gpus) => !fits(gpus))! + 1;
}

/** The answers of `model-budget fits` for one analysed spec with a serving recipe. */
export function whatFits(model: AnalyzedModel, request: FitsRequest): JsonFits {
  const { accelerator, gpus, reserveBytes } = request;
  const servingAt = model.servingAt!;
  const perDevice = accelerator.memoryBytes - reserveBytes;
  const usableBytes = gpus * perDevice;
  const serving = model.serving!;
  const context = serving.recipe.context?.value;
  const takesTokens = serving.recipe.context !== undefined;
  const base = servingAt(context, 1);
  const maxContext = takesTokens ? largestFitting((tokens) => within(() => servingAt(tokens, 1).bytes.total, usableBytes)) : null;
  const maxBatch = largestFitting((batch) => within(() => servingAt(context, batch).bytes.total, usableBytes));
  const stages = [0, 1, 2, 3] as const;
  const minGpus = Object.fromEntries(stages.map((stage) => [`zero${stage}`, fewestGpus(model, stage, perDevice)])) as JsonFits["minGpus"];
  const { weights, buffers, kvCachePerToken, crossKvCache, statePerSequence, prefillPeak } = base.bytes;
  const left = usableBytes - weights - buffers - base.bytes.state - prefillPeak - base.bytes.overhead - crossKvCache;
  return {
    gpu: accelerator.name,
    memoryBytes: accelerator.memoryBytes,
    source: accelerator.source,
    gpus,
    reserveBytes,
    usableBytes,
    maxContext,
    trainedContext: model.trainedContext ?? null,
    context: takesTokens ? (context ?? null) : null,
    maxBatch,
    kvTokens: kvCachePerToken === 0 ? null : Math.max(0, Math.floor(left / kvCachePerToken)),
    minGpus,
    weights,
    buffers,
    kvCachePerToken,
    crossKvCache,
    statePerSequence,
    prefillPeak,
  };
}
