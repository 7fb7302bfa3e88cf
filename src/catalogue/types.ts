import type { SourcePosition } from "../diagnostics/index.js";
import type { LayerArguments } from "./arguments.js";

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

export interface LayerDefinition extends Signature {
  /** The torch.nn class name. */
  type: string;
  /** Parameters and buffers, in PyTorch's registration order. Throws via `args.fail` on invalid arguments. */
  tensors(args: LayerArguments): LayerTensors;
}

export type { SourcePosition };
