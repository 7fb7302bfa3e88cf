import { checked, type CountedTensor, type LayerCount, type ModelCount } from "../count/index.js";
import { SpecError, type SourcePosition } from "../diagnostics/index.js";
import type { DtypeSetting } from "../resolve/index.js";
import { DOUBLE_QUANT_BLOCK, FLOAT32, dtypeNamed, parseDtype, type Dtype } from "./dtypes.js";
import { optimizerState } from "./optimizers.js";
import type { ParallelMemory } from "./parallel-types.js";
import type { TrainingRecipe } from "./recipe.js";
import { perGpu } from "./sharding.js";
import { CATEGORIES, CATEGORY_NAMES, figuresOf, type MemoryFigures, type MemoryTerms, type StorageTerm } from "./types.js";

/** What the weights of adapter tensors are called in the terms, apart from the base's `params`. */
export const ADAPTER_PARAMS = "adapter params";

/** One layer entry's memory, per instance. */
export interface LayerMemory {
  bytes: MemoryFigures;
  terms: MemoryTerms;
  /** The dtype of each parameter and buffer, in the order of the layer's lists. */
  parameterDtypes: Dtype[];
  bufferDtypes: Dtype[];
}

export interface MemoryBreakdown {
  recipe: TrainingRecipe;
  bytes: MemoryFigures;
  terms: MemoryTerms;
  /** Per GPU, when the training is spread over more than one: the worst rank under a parallel layout. */
  perGpu?: MemoryFigures;
  /** ZeRO-3's all-gathered largest layer, in perGpu's weights and gradients. */
  gather?: { weights: number; gradients: number; layer?: string };
  /** Under a parallel layout: each pipeline stage's worst rank; perGpu is the worst of them. */
  parallel?: ParallelMemory;
  /** The bytes of `weights` that are adapter tensors (LoRA, DoRA, modules_to_save copies), when the model has an adapter. */
  adapterWeights?: number;
  /** In the order of the count's layers. */
  layers: LayerMemory[];
}

/** A dtype and the setting that chose it; no position for model-wide defaults. */
interface ChosenDtype {
  dtype: Dtype;
  position?: SourcePosition;
}

/** A layer's own dtype settings, parsed: its call's `dtype=`, and the `dtype:` keys around it, outermost first. */
interface LayerDtypes {
  call?: ChosenDtype;
  keys: ChosenDtype[];
}

/**
 * A tensor's dtype. A catalogue-fixed dtype (num_batches_tracked: int64) or an integer `dtype=`
 * in the call is final, as module.to(dtype) leaves integer tensors alone. Otherwise the innermost
 * `dtype:` key that applies wins, then the call's `dtype=`, then the model-wide default (--dtype or
 * training.dtype), then the precision's weight dtype. Floating dtypes apply to every tensor;
 * integer and 4-bit ones quantize weight matrices only (parameters of two or more dimensions), as
 * bitsandbytes' Linear8bitLt and Linear4bit leave biases and norms in the floating dtype.
 */
function chooseDtype(tensor: Pick<CountedTensor, "shape" | "fixedDtype" | "adapter">, isParameter: boolean, layer: LayerDtypes, recipe: TrainingRecipe): ChosenDtype {
  if (tensor.fixedDtype) return { dtype: dtypeNamed(tensor.fixedDtype) };
  const { call } = layer;
  // An adapter's tensors are never quantized with the base they sit on (QLoRA: a 4-bit base, 16-bit adapters).
  if (call && !call.dtype.floating && !tensor.adapter) return call;
  const applies = (dtype: Dtype) => dtype.floating || (isParameter && tensor.shape.length >= 2 && !tensor.adapter);
  const key = [...layer.keys].reverse().find((setting) => applies(setting.dtype));
  if (key) return key;
  if (call) return call;
  const fallback = recipe.dtype?.value;
  return { dtype: fallback && applies(fallback) ? fallback : recipe.precision.value.weights };
}

/** The bytes of `elements` values of `dtype` in one tensor: 4-bit values pack two to a byte, and add their block scales. */
function storage(dtype: Dtype, elements: number, what: string): StorageTerm[] {
  const values = { what, dtype: dtype.name, bits: dtype.bits, elements, bytes: Math.ceil((elements * dtype.bits) / 8) };
  if (!dtype.block) return [values];
  const { size, scale, doubleQuant } = dtype.block;
  const blocks = Math.ceil(elements / size);
  if (!doubleQuant) return [values, { what: `${dtype.name} scales`, dtype: scale.name, bits: scale.bits, elements: blocks, bytes: (blocks * scale.bits) / 8 }];
  // Double quantization: each block's scale in 8 bits, and one float32 scale per 256 of those.
  const outer = Math.ceil(blocks / DOUBLE_QUANT_BLOCK);
  return [
    values,
    { what: `${dtype.name} scales`, dtype: "uint8", bits: 8, elements: blocks, bytes: blocks },
    { what: `${dtype.name} scales' scales`, dtype: FLOAT32.name, bits: 32, elements: outer, bytes: outer * 4 },
  ];
}

/** The bytes of `elements` values of `dtype` in one tensor, scales included: what a tensor of that size takes. */
export function tensorBytes(dtype: Dtype, elements: number): number {
  return storage(dtype, elements, "values").reduce((sum, term) => sum + term.bytes, 0);
}

function emptyTerms(): MemoryTerms {
  return { weights: [], buffers: [], gradients: [], optimizerState: [], masterWeights: [], activations: [] };
}

/** Adds terms into a sum, `times` over, merging those of the same elements and dtype. */
function addTerms(into: StorageTerm[], terms: readonly StorageTerm[], times = 1): void {
  for (const term of terms) {
    const same = into.find((candidate) => candidate.what === term.what && candidate.dtype === term.dtype);
    if (same) {
      same.elements += term.elements * times;
      same.bytes += term.bytes * times;
    } else {
      // Written out, not spread: V8 adds properties after a spread the slow way, and this runs per tensor.
      into.push({ what: term.what, dtype: term.dtype, bits: term.bits, elements: term.elements * times, bytes: term.bytes * times });
    }
  }
}

function figures(terms: MemoryTerms, position: SourcePosition, what: string): MemoryFigures {
  const result = figuresOf((category) =>
    checked(
      terms[category].reduce((sum, term) => sum + term.bytes, 0),
      position,
      `the ${CATEGORY_NAMES[category]} bytes of ${what}`,
    ),
  );
  checked(result.total, position, `the memory of ${what}`);
  return result;
}

/** How the parallel layout changes one layer's tensors: each parameter's elements on one rank, and ties undone on a stage apart from their owner. */
export interface LayerShard {
  /** Each parameter's shape on the worst rank, in the order of the layer's parameters. */
  parameterShapes: readonly (readonly number[])[];
  untied?: boolean;
}

/**
 * The dtype of a gradient: the parameter's own (the ZeRO paper's convention), or under Megatron's
 * convention (`mainGrads`) the wider of the parameter's and the main-gradient dtype.
 */
function gradientDtype(dtype: Dtype, recipe: TrainingRecipe): Dtype {
  const main = recipe.mainGrads?.value;
  return main && main.bits > dtype.bits ? main : dtype;
}

function trainingTerms(terms: MemoryTerms, dtype: Dtype, shape: number[], numel: number, recipe: TrainingRecipe, optimizer: NonNullable<TrainingRecipe["optimizer"]>): void {
  const gradient = gradientDtype(dtype, recipe);
  addTerms(terms.gradients, storage(gradient, numel, recipe.mainGrads ? "main grads" : "params"));
  const master = recipe.precision.value.masterWeights && dtype.bits < FLOAT32.bits;
  if (master) addTerms(terms.masterWeights, storage(FLOAT32, numel, "params"));
  // Megatron's fp16 optimizer steps on float32 copies of 16-bit gradients (main_param.grad = main_grad.float()).
  if (master && recipe.mainGrads && gradient.bits < FLOAT32.bits) addTerms(terms.masterWeights, storage(FLOAT32, numel, "float32 grad copies"));
  for (const state of optimizerState(optimizer.value, { shape, numel, dtype: master ? FLOAT32 : dtype })) {
    addTerms(terms.optimizerState, storage(state.dtype, state.elements, `${state.name} elements`));
  }
}

export function layerMemory(layer: LayerCount, recipe: TrainingRecipe, dtypes: LayerDtypes, shard?: LayerShard): LayerMemory {
  const terms = emptyTerms();
  const { optimizer } = recipe;
  const parameterDtypes = layer.parameters.map((tensor, index) => {
    const chosen = chooseDtype(tensor, true, dtypes, recipe);
    const { dtype } = chosen;
    if (tensor.sharedWith !== undefined && !shard?.untied) return dtype;
    const shape = shard ? [...shard.parameterShapes[index]!] : tensor.shape;
    const numel = shard ? shape.reduce((product, size) => product * size, 1) : tensor.numel;
    addTerms(terms.weights, storage(dtype, numel, tensor.adapter ? ADAPTER_PARAMS : "params"));
    if (!optimizer || !tensor.trainable) return dtype;
    if (!dtype.floating) {
      throw new SpecError(
        "untrainable-dtype",
        chosen.position ?? layer.position,
        `${tensor.name ? `${layer.path}.${tensor.name}` : layer.path} is stored as ${dtype.name}, and only floating-point parameters can be trained`,
        "freeze it with frozen: true (QLoRA trains adapters over a frozen quantized base), or keep it in a floating dtype",
      );
    }
    trainingTerms(terms, dtype, shape, numel, recipe, optimizer);
    return dtype;
  });
  const bufferDtypes = layer.buffers.map((tensor) => {
    const { dtype } = chooseDtype(tensor, false, dtypes, recipe);
    addTerms(terms.buffers, storage(dtype, tensor.numel, "elements"));
    return dtype;
  });
  return { terms, bytes: figures(terms, layer.position, layer.path), parameterDtypes, bufferDtypes };
}

/** Each layer entry's memory per instance, its tensors reshaped by `shardOf` (the parallel layout) where it gives a shard. */
export function memoryOfLayers(count: ModelCount, recipe: TrainingRecipe, shardOf: (index: number) => LayerShard | undefined = () => undefined): LayerMemory[] {
  // A module's dtype: key is one setting shared by all its layers: parsed (and reported) once.
  const parsed = new Map<DtypeSetting, ChosenDtype>();
  const parse = (setting: DtypeSetting): ChosenDtype => {
    let chosen = parsed.get(setting);
    if (!chosen) parsed.set(setting, (chosen = { dtype: parseDtype(setting), position: setting.position }));
    return chosen;
  };
  return count.layers.map((layer, index) =>
    layerMemory(layer, recipe, { keys: layer.dtypes.map(parse), ...(layer.callDtype ? { call: parse(layer.callDtype) } : {}) }, shardOf(index)),
  );
}

/** Sums layer terms over instances: `times(index)` instances of each layer entry. */
export function sumTerms(layers: readonly LayerMemory[], times: (index: number) => number): MemoryTerms {
  const terms = emptyTerms();
  layers.forEach((memory, index) => {
    const instances = times(index);
    if (instances > 0) for (const category of CATEGORIES) addTerms(terms[category], memory.terms[category], instances);
  });
  return terms;
}

/**
 * The all-gather buffer of ZeRO stage 3 (FSDP): the whole of the largest layer's parameters and
 * their gradients while it runs, beside each GPU's shards. DeepSpeed's estimator adds
 * largest_layer_memory = 4 × largest_layer_params (16-bit weights and gradients) to the per-GPU peak.
 */
export function gatherBuffer(
  layers: readonly LayerMemory[],
  count: ModelCount,
  present: (index: number) => boolean = () => true,
): { weights: number; gradients: number; layer?: string } {
  let largest: { weights: number; gradients: number; layer?: string } = { weights: 0, gradients: 0 };
  layers.forEach((memory, index) => {
    if (present(index) && memory.bytes.weights > largest.weights) largest = { weights: memory.bytes.weights, gradients: memory.bytes.gradients, layer: count.layers[index]!.path };
  });
  return largest;
}

export function termsFigures(terms: MemoryTerms, count: ModelCount): MemoryFigures {
  return figures(terms, { file: count.file, line: 1, col: 1 }, count.model);
}

/**
 * Bytes of weights, buffers, gradients, optimizer state and master weights, per layer and for the
 * model, as `recipe` trains it; with `activations` (from shape inference) and an optimizer, the
 * model's total also holds what autograd keeps for backward.
 */
export function computeMemory(count: ModelCount, recipe: TrainingRecipe, activations?: number): MemoryBreakdown {
  const layers = memoryOfLayers(count, recipe);
  const terms = sumTerms(layers, (index) => count.layers[index]!.count);
  if (activations !== undefined && recipe.optimizer) {
    terms.activations.push({ what: "saved bytes", dtype: recipe.precision.value.activations.name, bits: 8, elements: activations, bytes: activations });
  }
  const bytes = termsFigures(terms, count);
  const gpus = recipe.gpus.value;
  const adapterWeights = count.adapter ? terms.weights.filter((term) => term.what === ADAPTER_PARAMS).reduce((sum, term) => sum + term.bytes, 0) : undefined;
  const adapter = adapterWeights === undefined ? {} : { adapterWeights };
  if (gpus === 1) return { recipe, bytes, terms, ...adapter, layers };
  const zero = recipe.zero.value;
  const gather = zero === 3 ? gatherBuffer(layers, count) : undefined;
  return { recipe, bytes, terms, perGpu: withGather(perGpu(bytes, gpus, zero), gather), ...(gather?.layer ? { gather } : {}), ...adapter, layers };
}

/** Per-GPU figures with ZeRO-3's gathered layer added to weights and gradients. */
export function withGather(figures: MemoryFigures, gather: { weights: number; gradients: number } | undefined): MemoryFigures {
  if (!gather) return figures;
  return { ...figures, weights: figures.weights + gather.weights, gradients: figures.gradients + gather.gradients, total: figures.total + gather.weights + gather.gradients };
}
