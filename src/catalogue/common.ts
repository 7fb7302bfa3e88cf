import type { LayerArguments } from "./arguments.js";
import type { ArgumentSpec, ArgumentType, ForwardInput, ForwardResult } from "./types.js";

/** One signature entry; a `value` of undefined makes the argument required, `null` defaults it to None. */
export function arg(name: string, type: ArgumentType, value?: ArgumentSpec["default"]): ArgumentSpec {
  return value === undefined ? { name, type } : { name, type, default: value };
}

export const INPLACE = arg("inplace", "bool", false);

/** PyTorch's factory keyword arguments, last in every signature that creates tensors. */
export const FACTORY_KWARGS: readonly ArgumentSpec[] = [arg("device", "any", null), arg("dtype", "any", null)];

/** A size as the user wrote it, `3` or `(3, 0)`, so a message quotes the argument rather than its expansion. */
export function written(args: LayerArguments, name: string): string {
  const items = args.ints(name);
  if (args.value(name).kind !== "tuple") return String(items[0]);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}

/**
 * A count such as channels, features or groups. PyTorch builds zero-element tensors from 0 and fails
 * only at the first forward pass, if at all; in a spec it is always a mistake worth reporting early.
 */
export function positive(args: LayerArguments, name: string): number {
  const value = args.int(name);
  if (value < 1) args.refuseSize(name, `${args.type} needs a positive '${name}', got ${value}`, POSITIVE_HINT);
  return value;
}

/** What to do about a count below 1: it is a typo, or an expression over vars that went wrong. */
export const POSITIVE_HINT = "write 1 or more; when an expression gives it, check the vars it uses";

/** Per-dimension sizes with every item at least `minimum`: kernel sizes and strides (1), paddings (0). */
export function atLeast(args: LayerArguments, name: string, sizes: number[], minimum: 0 | 1): number[] {
  if (sizes.some((size) => size < minimum)) {
    args.refuseSize(
      name,
      `${args.type} needs ${minimum === 1 ? "positive" : "non-negative"} values for '${name}', got ${written(args, name)}`,
      minimum === 1 ? POSITIVE_HINT : "write 0 or more; when an expression gives it, check the vars it uses",
    );
  }
  return sizes;
}

export function sizeAtLeast(args: LayerArguments, name: string, dims: number, minimum: 0 | 1): number[] {
  return atLeast(args, name, args.size(name, dims), minimum);
}

export function numel(shape: readonly number[]): number {
  return shape.reduce((product, size) => product * size, 1);
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((size, dim) => size === b[dim]);
}

/**
 * The output length of a sliding window, as PyTorch's convolution and pooling compute it. With
 * `ceil` (pooling's ceil_mode) a last window that starts inside the input or its left padding counts.
 */
export function windows(length: number, kernel: number, stride: number, padding: number, dilation: number, ceil: boolean): number {
  const span = length + 2 * padding - dilation * (kernel - 1) - 1;
  if (!ceil) return Math.floor(span / stride) + 1;
  const out = Math.ceil(span / stride) + 1;
  return (out - 1) * stride >= length + padding ? out - 1 : out;
}

/** A `[batch, channels, *spatial]` input of `dims` spatial dimensions, or a mismatch at `name`. */
export function channelsFirst(input: ForwardInput, dims: number, channels: number | undefined, name: string | undefined, what: string): number[] {
  const { shape } = input;
  if (shape.length !== dims + 2) input.mismatch(undefined, `a ${dims + 2}-d input (batch, channels and ${dims} spatial dimension${dims === 1 ? "" : "s"})`);
  if (channels !== undefined && shape[1] !== channels) input.mismatch(name, `${channels} ${what}`);
  return shape.slice(2);
}

/** An element-wise layer: same shape, saving its input or its output; in place, the output is the input's storage. */
export function elementwise(input: ForwardInput, saves: "input" | "output" | "nothing", inplace = false): ForwardResult {
  return { output: [...input.shape], saves: saves === "nothing" ? [] : [saves], ...(inplace ? { sharesInput: true } : {}) };
}

/** A Python dimension index (negative counts from the end), checked against the input's rank. */
export function dimension(input: ForwardInput, dim: number, name: string | undefined): number {
  const rank = input.shape.length;
  if (dim < -rank || dim >= rank) input.mismatch(name, `a dimension ${dim}`);
  return dim < 0 ? dim + rank : dim;
}
