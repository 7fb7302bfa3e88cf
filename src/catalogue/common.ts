import type { LayerArguments } from "./arguments.js";
import type { ArgumentSpec, ArgumentType } from "./types.js";

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
  if (value < 1) args.fail(name, `${args.type} needs a positive '${name}', got ${value}`);
  return value;
}

/** Per-dimension sizes with every item at least `minimum`: kernel sizes and strides (1), paddings (0). */
export function atLeast(args: LayerArguments, name: string, sizes: number[], minimum: 0 | 1): number[] {
  if (sizes.some((size) => size < minimum)) {
    args.fail(name, `${args.type} needs ${minimum === 1 ? "positive" : "non-negative"} values for '${name}', got ${written(args, name)}`);
  }
  return sizes;
}

export function sizeAtLeast(args: LayerArguments, name: string, dims: number, minimum: 0 | 1): number[] {
  return atLeast(args, name, args.size(name, dims), minimum);
}
