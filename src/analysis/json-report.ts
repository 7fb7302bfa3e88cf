import type { Diagnostic } from "../diagnostics/index.js";
import {
  describeDtype,
  type AttentionImplementation,
  type KvWindow,
  type Logits,
  type MemoryBreakdown,
  type ParallelMemory,
  type ServingBreakdown,
  type ServingFigures,
  type ZeroStage,
} from "../memory/index.js";
import type { Hint } from "../hints/index.js";
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
  /** The PEFT adapter applied (the spec's adapters: or --adapter): its name, config class and the config as written. */
  adapter?: { name: string; type: string; config: string };
  /** What the analysis did that is no error but matters (modules_to_save untying a tied tensor), as diagnostics. */
  warnings?: Diagnostic[];
  memory?: JsonMemory;
  shapes?: JsonShapes;
  serving?: JsonServing;
  layers: JsonLayer[];
  /** Review hints (docs/lint.md), in source order; added in format 1, so a reader must not require it. */
  hints: JsonHint[];
}

/** A review hint: its code, where, what, and what its fix saves (negative: what it costs) over all instances. */
export interface JsonHint {
  code: string;
  name: string;
  severity: string;
  path: string;
  line: number;
  column: number;
  message: string;
  fix: string;
  saves: { params: number; bytes: number };
  /** The layer entries the hint is about (a changed one puts it in a pull request's comment). */
  layers: string[];
}

/**
 * Serving memory in integer bytes (docs/serving.md): weights and buffers in the serving dtypes, the KV
 * cache of `batch` sequences of `context` tokens, the prefill peak, and the user's overhead allowance;
 * `total` is their sum.
 */
export interface JsonServing extends ServingFigures {
  /** Tokens per sequence; null for a model whose input is not token ids. */
  context: number | null;
  batch: number;
  weightsDtype: string;
  kvDtype: string;
  attention: AttentionImplementation;
  kvWindow: KvWindow;
  /** The positions the prefill computes logits for: all, or the last (generate()'s logits_to_keep=1). */
  logits: Logits;
  /** The prefill peak's moment and the tensors live then. */
  prefill: { at: string; parts: { what: string; bytes: number }[] };
}

export interface JsonTotals {
  params: number;
  trainable: number;
  nonTrainable: number;
  /** Elements of the buffers. */
  buffers: number;
  /** Parameters one token uses: routed experts count top_k of each set; equal to params without experts. */
  activeParams: number;
  /** params without the input embeddings (Embedding layers: token and position tables), Kaplan et al.'s N; an untied output head stays in. */
  nonEmbeddingParams: number;
  /** activeParams without the input embeddings. */
  activeNonEmbeddingParams: number;
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
  recipe: {
    optimizer: string | null;
    precision: string;
    dtype: string | null;
    gpus: number;
    zero: ZeroStage;
    /** Megatron's main-gradient dtype, or null for gradients in the parameter's dtype. */
    mainGrads: string | null;
    /** Whose bytes-per-parameter convention the figures follow: the ZeRO paper's (gradients in the parameter's dtype) or Megatron's (main gradients). */
    convention: "zero-paper" | "megatron";
  };
  /** Per GPU, when the training is spread over more than one: the worst rank under a parallel layout. */
  perGpu?: JsonMemoryFigures;
  /** With an adapter: the bytes of `weights` that are the adapter's (the base's are weights − adapterWeights). */
  adapterWeights?: number;
  /** ZeRO stage 3's all-gathered largest layer, included in perGpu's weights and gradients. */
  gatherBuffer?: { layer: string; weights: number; gradients: number };
  /** The parallel layout, when one is given. */
  parallel?: JsonParallel;
}

/** A parallel layout: its degrees, the worst rank's parameters, and each pipeline stage's worst rank. */
export interface JsonParallel {
  tp: number;
  pp: number;
  ep: number;
  cp: number;
  dp: number;
  /** Parameters on the worst GPU, split by tp, pp and ep but before ZeRO shards them over dp. */
  paramsPerGpu: number;
  /** Where the tensor-parallel styles came from: the spec's plan or the default Megatron plan. */
  plan: "spec" | "default";
  /** Whether sequence parallelism splits every saved tensor over tp (the default plan; a spec's plan with a sequence_parallel entry). */
  sequenceParallel: boolean;
  /** How the activations were divided among the ranks. */
  activations: string;
  /** ZeRO's shard groups: dense parameters over dp × cp GPUs, experts over dp × cp / ep. */
  zeroGroups: { dense: number; experts: number };
  ranks: JsonRank[];
  warnings: Diagnostic[];
}

/** The worst rank of one pipeline stage. */
export interface JsonRank {
  stage: number;
  /** First and last block index on the stage; absent without repeated blocks. */
  blocks?: [number, number];
  microbatches: number;
  params: number;
  memory: JsonMemoryFigures;
  /** ZeRO stage 3's all-gathered largest layer of the stage, included in memory's weights and gradients. */
  gatherBuffer?: { layer: string; weights: number; gradients: number };
  worst: boolean;
}

/** Input and output shapes (batch first), MACs (FLOPs = 2 × MACs) and the activation bytes of a training step. */
export interface JsonShapes {
  /** The input with its batch, or the first of several named inputs. */
  input: number[];
  /** Several named inputs (`input: {src: ..., tgt: ...}`), each with its batch. */
  inputs?: Record<string, number[]>;
  output: number[];
  batch: number;
  checkpointing: Checkpointing;
  macs: number;
  attentionMacs: number;
  flops: number;
  activations: number;
  /**
   * The attention implementation whose saves `activations` assumes (sdpa, eager or flash); several,
   * comma-separated in first-use order, when ops name different ones; absent without attention ops.
   */
  attention?: string;
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
  /** Inside routed experts: each token uses topK of the experts (the layer's instances are `experts` × the enclosing repeats). */
  routed?: { topK: number; experts: number };
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
  return {
    input: shapes.input,
    ...(shapes.inputs ? { inputs: shapes.inputs } : {}),
    output: shapes.output,
    batch: shapes.batch,
    checkpointing: shapes.checkpointing,
    macs,
    attentionMacs,
    flops,
    activations,
    ...(shapes.attention ? { attention: shapes.attention.join(", ") } : {}),
  };
}

/** The recipe and the model's bytes by category, and per GPU when the training is spread over several. */
function memoryJson(memory: MemoryBreakdown): JsonMemory {
  const { optimizer, precision, dtype, gpus, zero, mainGrads } = memory.recipe;
  const { gather, parallel } = memory;
  return {
    recipe: {
      optimizer: optimizer?.value.text ?? null,
      precision: precision.value.name,
      dtype: dtype ? describeDtype(dtype.value) : null,
      gpus: gpus.value,
      zero: zero.value,
      mainGrads: mainGrads?.value.name ?? null,
      convention: mainGrads ? "megatron" : "zero-paper",
    },
    ...memory.bytes,
    ...(memory.perGpu ? { perGpu: memory.perGpu } : {}),
    ...(memory.adapterWeights === undefined ? {} : { adapterWeights: memory.adapterWeights }),
    ...(gather?.layer ? { gatherBuffer: { layer: gather.layer, weights: gather.weights, gradients: gather.gradients } } : {}),
    ...(parallel ? { parallel: parallelJson(parallel) } : {}),
  };
}

/** How the activations were divided, in words: JSON readers see which of Korthikanti et al.'s two cases applies. */
function activationsMethod(sequenceParallel: boolean): string {
  const tp = sequenceParallel
    ? "every saved tensor split over tp (sequence parallelism: Korthikanti et al. 2022, sbh/t · (34 + 5as/h))"
    : "saved tensors inside the tensor-parallel regions split over tp, layer norms, dropouts and the inputs of column-split layers whole (no sequence parallelism: Korthikanti et al. 2022, sbh · (10 + 24/t + 5as/(ht)))";
  return `the shape pass's saved tensors of each stage's layers, ${tp}, then over cp; pp − stage micro-batches in flight under 1F1B`;
}

function parallelJson(parallel: ParallelMemory): JsonParallel {
  const { tp, pp, ep, cp, dp } = parallel.layout;
  return {
    tp,
    pp,
    ep,
    cp,
    dp,
    paramsPerGpu: parallel.paramsPerGpu,
    plan: parallel.plan,
    sequenceParallel: parallel.sequenceParallel,
    activations: activationsMethod(parallel.sequenceParallel),
    zeroGroups: parallel.zeroGroups,
    ranks: parallel.stages.map((stage) => ({
      stage: stage.stage,
      ...(stage.blocks ? { blocks: stage.blocks } : {}),
      microbatches: stage.microbatches,
      params: stage.params,
      memory: stage.memory,
      ...(stage.gather?.layer ? { gatherBuffer: { layer: stage.gather.layer, weights: stage.gather.weights, gradients: stage.gather.gradients } } : {}),
      worst: stage.stage === parallel.worst,
    })),
    warnings: parallel.warnings,
  };
}

/** A hint as JSON, its layers named by their paths in `model`. */
export function hintJson(hint: Hint, model: { layers: readonly { path: string }[] }): JsonHint {
  const { code, name, severity, path, message, fix, saves } = hint;
  const layers = hint.layers.map((layer) => model.layers[layer]!.path);
  return { code, name, severity, path, line: hint.position.line, column: hint.position.col, message, fix, saves: { ...saves }, layers };
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
    logits: recipe.logits.value,
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
    totals: { ...model.totals, ...model.conventions },
    ...(model.adapter ? { adapter: { name: model.adapter.name, type: model.adapter.type, config: model.adapter.text } } : {}),
    ...(model.warnings ? { warnings: model.warnings } : {}),
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
        ...(layer.routed ? { routed: layer.routed } : {}),
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
    hints: (model.hints ?? []).map((hint) => hintJson(hint, model)),
  };
}
