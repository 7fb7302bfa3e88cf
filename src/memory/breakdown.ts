import { checked, type CountedTensor, type LayerCount, type ModelCount } from "../count/index.js";
import { SpecError, type SourcePosition } from "../diagnostics/index.js";
import type { DtypeSetting } from "../resolve/index.js";
import { FLOAT32, dtypeNamed, parseDtype, type Dtype } from "./dtypes.js";
import { optimizerState } from "./optimizers.js";
import type { TrainingRecipe } from "./recipe.js";
import { perGpu } from "./sharding.js";
import { CATEGORIES, CATEGORY_NAMES, figuresOf, type MemoryFigures, type MemoryTerms, type StorageTerm } from "./types.js";

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
  /** Per GPU, when the training is spread over more than one. */
  perGpu?: MemoryFigures;
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
function chooseDtype(tensor: Pick<CountedTensor, "shape" | "fixedDtype">, isParameter: boolean, layer: LayerDtypes, recipe: TrainingRecipe): ChosenDtype {
  if (tensor.fixedDtype) return { dtype: dtypeNamed(tensor.fixedDtype) };
  const { call } = layer;
  if (call && !call.dtype.floating) return call;
  const applies = (dtype: Dtype) => dtype.floating || (isParameter && tensor.shape.length >= 2);
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
  const { size, scale } = dtype.block;
  const blocks = Math.ceil(elements / size);
  return [values, { what: `${dtype.name} scales`, dtype: scale.name, bits: scale.bits, elements: blocks, bytes: (blocks * scale.bits) / 8 }];
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
      into.push({ ...term, elements: term.elements * times, bytes: term.bytes * times });
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

function layerMemory(layer: LayerCount, recipe: TrainingRecipe, dtypes: LayerDtypes): LayerMemory {
  const terms = emptyTerms();
  const { optimizer } = recipe;
  const parameterDtypes = layer.parameters.map((tensor) => {
    const chosen = chooseDtype(tensor, true, dtypes, recipe);
    const { dtype } = chosen;
    if (tensor.sharedWith !== undefined) return dtype;
    addTerms(terms.weights, storage(dtype, tensor.numel, "params"));
    if (!optimizer || !tensor.trainable) return dtype;
    if (!dtype.floating) {
      throw new SpecError(
        "untrainable-dtype",
        chosen.position ?? layer.position,
        `${tensor.name ? `${layer.path}.${tensor.name}` : layer.path} is stored as ${dtype.name}, and only floating-point parameters can be trained`,
        "freeze it with frozen: true (QLoRA trains adapters over a frozen quantized base), or keep it in a floating dtype",
      );
    }
    addTerms(terms.gradients, storage(dtype, tensor.numel, "params"));
    const master = recipe.precision.value.masterWeights && dtype.bits < FLOAT32.bits;
    if (master) addTerms(terms.masterWeights, storage(FLOAT32, tensor.numel, "params"));
    for (const state of optimizerState(optimizer.value, { shape: tensor.shape, numel: tensor.numel, dtype: master ? FLOAT32 : dtype })) {
      addTerms(terms.optimizerState, storage(state.dtype, state.elements, `${state.name} elements`));
    }
    return dtype;
  });
  const bufferDtypes = layer.buffers.map((tensor) => {
    const { dtype } = chooseDtype(tensor, false, dtypes, recipe);
    addTerms(terms.buffers, storage(dtype, tensor.numel, "elements"));
    return dtype;
  });
  return { terms, bytes: figures(terms, layer.position, layer.path), parameterDtypes, bufferDtypes };
}

/**
 * Bytes of weights, buffers, gradients, optimizer state and master weights, per layer and for the
 * model, as `recipe` trains it; with `activations` (from shape inference) and an optimizer, the
 * model's total also holds what autograd keeps for backward.
 */
export function computeMemory(count: ModelCount, recipe: TrainingRecipe, activations?: number): MemoryBreakdown {
  // A module's dtype: key is one setting shared by all its layers: parsed (and reported) once.
  const parsed = new Map<DtypeSetting, ChosenDtype>();
  const parse = (setting: DtypeSetting): ChosenDtype => {
    let chosen = parsed.get(setting);
    if (!chosen) parsed.set(setting, (chosen = { dtype: parseDtype(setting), position: setting.position }));
    return chosen;
  };
  const terms = emptyTerms();
  const layers = count.layers.map((layer) => {
    const memory = layerMemory(layer, recipe, { keys: layer.dtypes.map(parse), ...(layer.callDtype ? { call: parse(layer.callDtype) } : {}) });
    for (const category of CATEGORIES) addTerms(terms[category], memory.terms[category], layer.count);
    return memory;
  });
  if (activations !== undefined && recipe.optimizer) {
    terms.activations.push({ what: "saved bytes", dtype: recipe.precision.value.activations.name, bits: 8, elements: activations, bytes: activations });
  }
  const bytes = figures(terms, { file: count.file, line: 1, col: 1 }, count.model);
  const gpus = recipe.gpus.value;
  return { recipe, bytes, terms, ...(gpus > 1 ? { perGpu: perGpu(bytes, gpus, recipe.zero.value) } : {}), layers };
}
