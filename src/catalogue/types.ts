import type { SourcePosition } from "../diagnostics/index.js";

/**
 * The type an argument must have. Checked when arguments are bound, before any layer sees them,
 * so every family reports type errors the same way.
 * - `int`, `float` (an int is accepted too), `bool`, `string`
 * - `size`: an int or a tuple of ints (kernel_size, stride, normalized_shape, output_size, ...)
 * - `padding`: like `size`, or a string such as 'same'
 * - `layer`: a nested constructor call (TransformerEncoder's encoder_layer)
 * - `any`: accepted as written (arguments that never change the count, e.g. device)
 */
export type ArgumentType = "int" | "float" | "bool" | "string" | "size" | "padding" | "layer" | "any";

export interface ArgumentSpec {
  name: string;
  type: ArgumentType;
  /** Whether None is accepted. */
  optional?: boolean;
  /** Required when absent. `null` stands for a default of None. */
  default?: number | boolean | string | null | readonly number[];
  /** Collects the remaining positional arguments (`*shape` of Parameter). */
  variadic?: boolean;
}

/** One tensor as `named_parameters()` or `named_buffers()` lists it, relative to the layer. */
export interface TensorSpec {
  name: string;
  shape: number[];
  /** False for a parameter created with requires_grad=False. */
  trainable?: boolean;
  /** A dtype the tensor has whatever the model's (num_batches_tracked is int64): module.to(dtype) leaves it alone. */
  fixedDtype?: "int64";
}

export interface LayerTensors {
  parameters: TensorSpec[];
  buffers: TensorSpec[];
}

/** A class name and its constructor's arguments: what arguments are bound to. */
export interface Signature {
  type: string;
  /** Constructor arguments in Python's order, with their names and defaults. */
  signature: readonly ArgumentSpec[];
}

/** The tensor a layer is called on, during shape inference. */
export interface ForwardInput {
  /** Batch first: `[batch, 3, 224, 224]`, `[batch, tokens]`. */
  shape: readonly number[];
  /**
   * Folding the leading dimensions into one, `x.reshape(-1, x.shape[-1])`, copies: the tensor is a
   * view (a permutation) whose strides do not merge them. torch.matmul folds so, and keeps the copy.
   */
  foldCopies?: boolean;
  /** The layer's parameters that do not train (the entry's `frozen:`, `requires_grad=False`): autograd keeps nothing for their gradients alone. */
  frozen?: readonly string[];
  /** Reports that the layer cannot take this input, at argument `name` (the call without one), naming what it expects and what arrives. */
  mismatch(name: string | undefined, expects: string): never;
}

/**
 * A tensor autograd keeps for backward: the layer's input or output (one storage, counted once
 * however many ops save it), or a tensor of its own such as max pooling's indices. `activation`
 * elements have the training's activation dtype; a dropout mask is `bool`, as CUDA's fused kernel keeps it. `attention` marks the score, softmax and dropout
 * tensors that selective checkpointing recomputes. `input in float32` is a float32 copy of a 16-bit
 * input (LlamaRMSNorm's upcast), and the input itself when that is float32.
 */
export type Saved = "input" | "output" | "input in float32" | { elements: number; dtype: SavedDtype; attention?: boolean };
export type SavedDtype = "activation" | "float32" | "float64" | "int64" | "bool";

export interface ForwardResult {
  output: number[];
  /** Multiply-accumulates of one call, fvcore's convention: one per weight use. */
  macs?: number;
  /** The part of `macs` in attention's own matrix products (Q·Kᵀ and scores·V), not its projections. */
  attentionMacs?: number;
  saves?: Saved[];
  /** The output is the input's storage: an in-place op, or a view such as flatten. */
  sharesInput?: boolean;
  /**
   * The output is a permutation of the input (with sharesInput) or of a fresh row-major tensor: `output`
   * is `permutes.map((d) => base[d])`. It is then not contiguous, which decides whether a reshape copies.
   */
  permutes?: number[];
}

export type { SourcePosition };
