import { describeDtype, type AttentionImplementation, type KvWindow, type MemoryBreakdown, type ServingBreakdown, type ZeroStage } from "../memory/index.js";
import type { Checkpointing, ShapeReport } from "../shapes/index.js";
import type { AnalyzedModel } from "./analyze.js";

/** Bumped only when a field is removed, renamed or changes meaning; new fields keep it. */
export const JSON_REPORT_FORMAT_VERSION = 1;

/**
 * The stable JSON contract: one object per spec, per-instance figures with `count` instances. With a
 * training recipe, `memory` holds the model's integer byte counts, each layer its own (per instance),
 * and each tensor its dtype. With an `input:`, `shapes` holds the model's MACs and activations and
 * each layer called its output shape, MACs and activation bytes (all instances together). Everything
 * after the analysis (diff, budget, the check and its saved report, the metric registry) reads this.
 */
export interface JsonReport {
  /** The report's own format, for programs that read it: README.md, "Versions and formats". */
  formatVersion: typeof JSON_REPORT_FORMAT_VERSION;
  model: string;
  file: string;
  totals: JsonTotals;
  memory?: JsonMemory;
  shapes?: JsonShapes;
  serving?: JsonServing;
  layers: JsonLayer[];
}

/**
 * Serving memory in integer bytes (docs/serving.md): weights and buffers in the serving dtypes, the KV
 * cache of `batch` sequences of `context` tokens, the prefill peak, and the user's overhead allowance;
 * `total` is their sum.
 */
export interface JsonServing {
  /** Tokens per sequence; null for a model whose input is not token ids. */
  context: number | null;
  batch: number;
  weightsDtype: string;
  kvDtype: string;
  attention: AttentionImplementation;
  kvWindow: KvWindow;
  weights: number;
  buffers: number;
  /** Bytes per token of one sequence, below any sliding window. */
  kvCachePerToken: number;
  kvCache: number;
  prefillPeak: number;
  overhead: number;
  total: number;
  /** The prefill peak's moment and the tensors live then. */
  prefill: { at: string; parts: { what: string; bytes: number }[] };
}

export interface JsonTotals {
  params: number;
  trainable: number;
  nonTrainable: number;
  /** Elements of the buffers. */
  buffers: number;
}

/** Integer bytes by category, and their total. */
export interface JsonMemoryFigures {
  weights: number;
  buffers: number;
  gradients: number;
  optimizerState: number;
  masterWeights: number;
  activations: number;
  total: number;
}

export interface JsonMemory extends JsonMemoryFigures {
  recipe: { optimizer: string | null; precision: string; dtype: string | null; gpus: number; zero: ZeroStage };
  /** Per GPU, when the training is spread over more than one. */
  perGpu?: JsonMemoryFigures;
}

/** Input and output shapes (batch first), MACs (FLOPs = 2 × MACs) and the activation bytes of a training step. */
export interface JsonShapes {
  input: number[];
  output: number[];
  batch: number;
  checkpointing: Checkpointing;
  macs: number;
  attentionMacs: number;
  flops: number;
  activations: number;
}

export interface JsonLayer {
  path: string;
  type: string;
  count: number;
  /** Per instance. */
  params: number;
  trainable: number;
  line: number;
  column: number;
  formula: string;
  /** Per instance, with a training recipe. */
  memory?: JsonMemoryFigures;
  /** Over all the entry's instances and calls, with an `input:`; absent for an entry never called. */
  outputShape?: number[];
  macs?: number;
  activationBytes?: number;
  parameters: JsonParameter[];
  buffers: JsonBuffer[];
}

export interface JsonBuffer {
  name: string;
  shape: number[];
  numel: number;
  /** With a training recipe. */
  dtype?: string;
}

export interface JsonParameter extends JsonBuffer {
  trainable: boolean;
  /** The tensor it is tied to, counted there. */
  sharedWith?: string;
}

function shapesJson(shapes: ShapeReport): JsonShapes {
  const { macs, attentionMacs, flops, activations } = shapes.totals;
  return { input: shapes.input, output: shapes.output, batch: shapes.batch, checkpointing: shapes.checkpointing, macs, attentionMacs, flops, activations };
}

/** The recipe and the model's bytes by category, and per GPU when the training is spread over several. */
function memoryJson(memory: MemoryBreakdown): JsonMemory {
  const { optimizer, precision, dtype, gpus, zero } = memory.recipe;
  return {
    recipe: { optimizer: optimizer?.value.text ?? null, precision: precision.value.name, dtype: dtype ? describeDtype(dtype.value) : null, gpus: gpus.value, zero: zero.value },
    ...memory.bytes,
    ...(memory.perGpu ? { perGpu: memory.perGpu } : {}),
  };
}

export function servingJson(serving: ServingBreakdown): JsonServing {
  const { recipe, bytes, prefill } = serving;
  return {
    context: recipe.context?.value ?? null,
    batch: recipe.batch.value,
    weightsDtype: describeDtype(recipe.dtype.value),
    kvDtype: describeDtype(recipe.kvDtype.value),
    attention: recipe.attention.value,
    kvWindow: recipe.kvWindow.value,
    ...bytes,
    prefill: { at: prefill.at, parts: prefill.parts },
  };
}

/** One analysed spec as the JSON contract. */
export function toJsonReport(model: AnalyzedModel): JsonReport {
  const { memory } = model;
  return {
    // The report's own format, for programs that read it: docs/versions.md.
    formatVersion: JSON_REPORT_FORMAT_VERSION,
    model: model.model,
    file: model.file,
    totals: model.totals,
    ...(memory ? { memory: memoryJson(memory) } : {}),
    ...(model.shapes ? { shapes: shapesJson(model.shapes) } : {}),
    ...(model.serving ? { serving: servingJson(model.serving) } : {}),
    layers: model.layers.map((layer, index): JsonLayer => {
      const layerMemory = memory?.layers[index];
      const layerShapes = model.shapes?.layers[index];
      const dtypeOf = (dtypes: "parameterDtypes" | "bufferDtypes", tensor: number) => (layerMemory ? { dtype: describeDtype(layerMemory[dtypes][tensor]!) } : {});
      return {
        path: layer.path,
        type: layer.type,
        count: layer.count,
        params: layer.params,
        trainable: layer.trainable,
        line: layer.position.line,
        column: layer.position.col,
        formula: layer.formula,
        ...(layerMemory ? { memory: layerMemory.bytes } : {}),
        // Over all the entry's instances and calls, unlike the per-instance params.
        ...(layerShapes ? { outputShape: layerShapes.outputShape, macs: layerShapes.macs, activationBytes: layerShapes.activationBytes } : {}),
        parameters: layer.parameters.map((tensor, tensorIndex) => ({
          name: tensor.name,
          shape: tensor.shape,
          numel: tensor.numel,
          trainable: tensor.trainable,
          ...(tensor.sharedWith === undefined ? {} : { sharedWith: tensor.sharedWith }),
          ...dtypeOf("parameterDtypes", tensorIndex),
        })),
        buffers: layer.buffers.map((tensor, tensorIndex) => ({ name: tensor.name, shape: tensor.shape, numel: tensor.numel, ...dtypeOf("bufferDtypes", tensorIndex) })),
      };
    }),
  };
}
