import type { Tensor } from "./types.js";

/**
 * How a tensor's elements lie in its storage, as ATen tracks it: a stride per dimension. A view
 * (permute, transpose, view, a split's piece) shares its base's storage with other strides; an op
 * that needs a layout its strides do not have copies (reshape, contiguous, matmul's fold).
 */

/** The strides of a fresh tensor: row-major, the last dimension adjacent. */
export function rowMajor(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = step;
    step *= Math.max(shape[d]!, 1);
  }
  return strides;
}

/** ATen's is_contiguous: row-major strides, where dimensions of size 1 may have any stride. */
export function isContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  if (shape.includes(0)) return true;
  let expected = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] === 1) continue;
    if (strides[d] !== expected) return false;
    expected *= shape[d]!;
  }
  return true;
}

/**
 * The strides of `shape` viewing a tensor of `from` and `strides` without a copy, or undefined when
 * no strides can (ATen's computeStride, which view() and reshape() follow): each run of dimensions
 * that is contiguous within itself may be split or merged, never two runs into one.
 */
export function viewStrides(from: readonly number[], strides: readonly number[], shape: readonly number[]): number[] | undefined {
  if (from.length === 0) return shape.map(() => 1);
  if (from.includes(0)) return rowMajor(shape);
  const result = new Array<number>(shape.length);
  let viewDim = shape.length - 1;
  let chunkBase = strides.at(-1)!;
  let tensorElements = 1;
  let viewElements = 1;
  for (let d = from.length - 1; d >= 0; d--) {
    tensorElements *= from[d]!;
    const chunkEnds = d === 0 || (from[d - 1] !== 1 && strides[d - 1] !== tensorElements * chunkBase);
    if (!chunkEnds) continue;
    while (viewDim >= 0 && (viewElements < tensorElements || shape[viewDim] === 1)) {
      result[viewDim] = viewElements * chunkBase;
      viewElements *= shape[viewDim]!;
      viewDim--;
    }
    if (viewElements !== tensorElements) return undefined;
    if (d > 0) {
      chunkBase = strides[d - 1]!;
      tensorElements = 1;
      viewElements = 1;
    }
  }
  return viewDim === -1 ? result : undefined;
}

/** Whether the tensor's strides are row-major (ATen's is_contiguous). */
export const contiguous = (tensor: Tensor): boolean => isContiguous(tensor.shape, tensor.strides);

/** The tensor as `shape` without a copy (`view`, or `reshape` where it can), or undefined when its strides do not allow it. */
export function viewAs(tensor: Tensor, shape: number[], producer: string): Tensor | undefined {
  const strides = viewStrides(tensor.shape, tensor.strides, shape);
  return strides && { ...tensor, shape, strides, producer };
}

/** `x.permute(dims)`: the same storage, its dimensions reordered. */
export function permuted(tensor: Tensor, dims: readonly number[], producer: string): Tensor {
  return { ...tensor, shape: dims.map((d) => tensor.shape[d]!), strides: dims.map((d) => tensor.strides[d]!), producer };
}

/** Whether `x.reshape(-1, x.shape[-1])`, torch.matmul's fold of a tensor of 3 or more dimensions, copies it. */
export function foldCopies(tensor: Tensor): boolean {
  if (tensor.shape.length < 3 || contiguous(tensor)) return false;
  const rows = tensor.shape.slice(0, -1).reduce((product, size) => product * size, 1);
  return viewStrides(tensor.shape, tensor.strides, [rows, tensor.shape.at(-1)!]) === undefined;
}
