import { numel, sameShape } from "../catalogue/index.js";
import { SpecError } from "../diagnostics/index.js";
import { foldCopies, viewStrides } from "./layout.js";
import { arg, broadcast, shapeText, type Evaluator, type OpContext, type OpDefinition } from "./op-types.js";
import { gradOf, needsGrad, type Flowing, type Tensor } from "./types.js";

/**
 * Ops over a forward's values that torchvision's Swin and ShuffleNetV2 need: a tuple of views
 * (`chunk`, `unbind`), `unsqueeze`, `matmul`, `F.linear` with a Linear child's weights and
 * `index_select` of a Parameter by a buffer. Shapes, MACs and saved bytes as PyTorch 1.13 measures them
 * (test/fixtures/pytorch/zoo.json).
 */

/** A view of `x` with `shape` and `strides`: the same storage. */
const viewOf = (x: Tensor, shape: number[], strides: number[], producer: string): Tensor => ({ ...x, shape, strides, producer });

/** Views of `x` along dimension `d` of the given sizes: a tuple sharing x's storage, which a layer keeping one piece keeps whole. */
const piecesOf = (x: Tensor, d: number, sizes: readonly number[], producer: string): Tensor[] =>
  sizes.map((piece) =>
    viewOf(
      x,
      x.shape.map((size, position) => (position === d ? piece : size)),
      [...x.strides],
      producer,
    ),
  );

/** Pieces of `step` along a dimension of `size`, the last one shorter where it does not divide (one empty piece for an empty dimension). */
const evenPieces = (size: number, step: number): number[] => (size === 0 ? [0] : Array.from({ length: Math.ceil(size / step) }, (_, index) => Math.min(step, size - index * step)));

/** x.chunk(chunks, dim): views of ceil(size / chunks) along dim, the last one shorter where it does not divide. */
function chunk(op: OpContext): Flowing {
  const { x, args, producer } = op;
  const d = op.dim("dim");
  const chunks = args.int("chunks");
  if (chunks < 1) args.fail("chunks", `chunk needs at least 1 chunk, got ${chunks}`, "give the number of pieces, e.g. chunk(x, 2, 1)");
  return x.shape[d] === 0 ? [] : piecesOf(x, d, evenPieces(x.shape[d]!, Math.ceil(x.shape[d]! / chunks)), producer);
}

/**
 * torch.split(x, split_size_or_sections, dim): views of split_size along dim, the last one shorter, or of
 * the sizes a list gives, which must sum to the dimension's size.
 */
function split(op: OpContext): Flowing {
  const { x, args, producer } = op;
  const d = op.dim("dim");
  const name = "split_size_or_sections";
  const sizes = args.ints(name);
  if (args.value(name).kind === "int") {
    if (sizes[0]! < 1)
      args.fail(name, `split needs pieces of at least 1, got ${sizes[0]}`, "give the size of each piece, e.g. split(x, 2, 1), or a list of sizes: split(x, [3, 5], 1)");
    return piecesOf(x, d, evenPieces(x.shape[d]!, sizes[0]!), producer);
  }
  if (sizes.some((size) => size < 0)) args.fail(name, `split sizes are 0 or more, got [${sizes.join(", ")}]`, "give the size of each piece along the dimension");
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total !== x.shape[d]) {
    args.fail(
      name,
      `split sizes [${sizes.join(", ")}] sum to ${total}, and dimension ${d} of ${x.producer} ${shapeText(x.shape)} has ${x.shape[d]}`,
      `give sizes that sum to ${x.shape[d]}, or one size for pieces of that size: split(x, ${Math.max(1, Math.ceil(x.shape[d]! / 2))}, ${d})`,
    );
  }
  return piecesOf(x, d, sizes, producer);
}

/** torch.stack(tensors, dim): tensors of one shape, joined along a new dimension (dim counts in the output's rank); a new tensor, and autograd keeps nothing. */
function stack(op: OpContext): Tensor {
  const { evaluator, operands, args, segments, call, producer } = op;
  const shape = operands[0]!.shape;
  if (operands.some((operand) => !sameShape(operand.shape, shape))) op.fail("tensors of one shape");
  const value = args.int("dim");
  const rank = shape.length + 1;
  if (value < -rank || value >= rank)
    args.fail("dim", `stack's dim is from ${-rank} to ${rank - 1} for ${shape.length}-d tensors, got ${value}`, "count the new dimension in the output's rank");
  const d = value < 0 ? value + rank : value;
  const output = { ...evaluator.fresh([...shape.slice(0, d), operands.length, ...shape.slice(d)], producer), ...gradOf(operands) };
  evaluator.live?.touch(producer, [...operands, output]);
  evaluator.record({ type: "stack", segments: [...segments, call.text], output: output.shape, macs: 0, attentionMacs: 0, savedBytes: 0, attentionBytes: 0 });
  return output;
}

/** x.unbind(dim): one view per index along dim, without that dimension. */
function unbind(op: OpContext): Flowing {
  const { x, producer } = op;
  const d = op.dim("dim");
  const rest = (values: readonly number[]) => values.filter((_, position) => position !== d);
  return Array.from({ length: x.shape[d]! }, () => viewOf(x, rest(x.shape), rest(x.strides), producer));
}

/** x.unsqueeze(dim): a view with a dimension of size 1 inserted (dim counts in the output's rank). */
function unsqueeze(op: OpContext): Tensor {
  const { x, args, producer } = op;
  const value = args.int("dim");
  const rank = x.shape.length + 1;
  if (value < -rank || value >= rank) op.fail(`a dimension ${value} (of ${rank})`);
  const d = value < 0 ? value + rank : value;
  const stride = d < x.shape.length ? x.strides[d]! * x.shape[d]! : 1;
  return viewOf(x, [...x.shape.slice(0, d), 1, ...x.shape.slice(d)], [...x.strides.slice(0, d), stride, ...x.strides.slice(d)], producer);
}

/**
 * torch.matmul(a, b), as PyTorch 1.13 dispatches it. Two matrices: mm, which keeps both as they are
 * (CLIP's text–image product). A batch of 3 or more dimensions times a matrix: mm over the batch folded
 * into rows, `a.reshape(-1, k)` (a copy where its strides allow no view, which mm then keeps).
 * Otherwise bmm over the broadcast batch: each factor reshaped to [B, M, K] (or [B, K, N]), a view where
 * its strides allow one and a copy where not (a transposed key is copied); bmm keeps both. Each factor
 * is kept only where the other requires grad (product()). M·K·N MACs per matrix; a Parameter factor is not counted.
 */
function matmul(op: OpContext): Tensor {
  const [a, b] = op.operands as [Tensor, Tensor];
  if (a.shape.length < 2 || b.shape.length < 2 || (a.shape.length === 2 && b.shape.length > 2)) {
    op.fail("two matrices [m, k] and [k, n], a batch [..., m, k] and a matrix [k, n], or two batches [..., m, k] and [..., k, n]");
  }
  const [m, k] = a.shape.slice(-2) as [number, number];
  const [k2, n] = b.shape.slice(-2) as [number, number];
  const batch = b.shape.length === 2 ? a.shape.slice(0, -2) : broadcast(a.shape.slice(0, -2), b.shape.slice(0, -2));
  if (k !== k2 || !batch) op.fail(`[..., M, K] and [..., K, N] with batch dimensions that broadcast`);
  const batches = numel(batch);
  const copied = (tensor: Tensor, shape: number[]): Tensor => op.evaluator.fresh(shape, `${tensor.producer} (copied for matmul)`);
  const folded = (tensor: Tensor, rows: number, columns: number): Tensor => {
    const same = tensor.shape.length === batch.length + 2 && tensor.shape.slice(0, -2).every((size, d) => size === batch[d]);
    const strides = same ? viewStrides(tensor.shape, tensor.strides, [batches, rows, columns]) : undefined;
    return strides ? tensor : copied(tensor, [batches, rows, columns]);
  };
  const [left, right] = b.shape.length > 2 ? [folded(a, m, k), folded(b, k, n)] : [foldCopies(a) ? copied(a, [batches * m, k]) : a, b];
  return product(op, { left, right, shape: [...batch, m, n], macs: batches * m * k * n });
}

/** The bytes `tensor` adds where autograd keeps it (`when`): a storage kept already, or a Parameter, adds none. */
export const keptIf = (evaluator: Evaluator, tensor: Tensor, when: boolean): number => (when ? evaluator.keep(["input"], tensor, tensor).bytes : 0);

/**
 * What a product keeps for backward: each factor, as multiplied (`left`, `right`: a folded copy or a
 * view of `a`, `b`), only for the other factor's gradient (PyTorch 1.13, value-ops.py).
 */
export function factorsKept(evaluator: Evaluator, [a, b]: readonly [Tensor, Tensor], [left, right]: readonly [Tensor, Tensor] = [a, b]): number {
  return keptIf(evaluator, left, needsGrad(b)) + keptIf(evaluator, right, needsGrad(a));
}

/**
 * A matrix product's output and record: mm and bmm keep each factor (as multiplied: a folded copy, or
 * a view with its storage) only for the other factor's gradient, as PyTorch 1.13 does; a Parameter is never counted.
 */
function product(op: OpContext, { left, right, shape, macs }: { left: Tensor; right: Tensor; shape: number[]; macs: number }): Tensor {
  const [a, b] = op.operands as [Tensor, Tensor];
  const kept = factorsKept(op.evaluator, [a, b], [left, right]);
  const output = { ...op.evaluator.fresh(shape, op.producer), ...gradOf([a, b]) };
  op.evaluator.live?.touch(op.producer, [a, b, output]);
  op.evaluator.record({ type: op.call.type, segments: [...op.segments, op.call.text], output: shape, macs, attentionMacs: 0, savedBytes: kept, attentionBytes: 0 });
  return output;
}

/** torch.bmm(a, b): [B, M, K] × [B, K, N], no broadcasting; it keeps both as they are (a view keeps its storage). */
function bmm(op: OpContext): Tensor {
  const [a, b] = op.operands as [Tensor, Tensor];
  if (op.operands.length !== 2 || a.shape.length !== 3 || b.shape.length !== 3) op.fail("two 3-d tensors, [B, M, K] and [B, K, N]");
  const [batch, m, k] = a.shape as [number, number, number];
  if (b.shape[0] !== batch || b.shape[1] !== k) op.fail(`[B, M, K] and [B, K, N] with one batch size B and one K`);
  return product(op, { left: a, right: b, shape: [batch, m, b.shape[2]!], macs: batch * m * k * b.shape[2]! });
}

/**
 * F.linear(x, child.weight, child.bias) with a Linear child's tensors, as torchvision's Swin runs its qkv
 * and proj: the child's rule (its MACs, what it keeps), recorded as a functional call, for the module
 * itself is never called.
 */
function functionalLinear(op: OpContext): Tensor {
  const node = op.child("layer");
  const layer = node.kind === "leaf" ? node.layer : undefined;
  const described = layer === undefined ? undefined : op.evaluator.describe(layer);
  if (layer === undefined || !described || described.definition.type !== "Linear") {
    throw new SpecError(
      "not-a-parameter",
      op.args.position("layer"),
      `${op.args.string("layer")} is not a Linear(...) entry`,
      "linear(x, fc) runs F.linear with the weight and bias of a Linear child fc",
    );
  }
  const frozen = op.evaluator.frozenOf(layer);
  const result = described.definition.forward!(described.args, { shape: op.x.shape, foldCopies: foldCopies(op.x), frozen, mismatch: (_, expects) => op.fail(expects) });
  const trainable = described.parameters.some((parameter) => !frozen.includes(parameter.name));
  return op.evaluator.applied(result, op.x, op.producer, { type: "linear", segments: [...op.segments, op.call.text] }, trainable);
}

/**
 * torch.index_select(table, dim, index), which is what table[index] does along dim 0: a new tensor;
 * autograd keeps the int64 index (Swin's relative_position_index, a buffer, so counted).
 */
function indexSelect(op: OpContext): Tensor {
  const table = op.x;
  const index = op.value("index");
  const d = op.dim("dim");
  if (index.shape.length !== 1) op.fail(`a one-dimensional index, not ${shapeText(index.shape)}`);
  const shape = table.shape.map((size, position) => (position === d ? index.shape[0]! : size));
  return op.created(shape, [{ elements: index.shape[0]!, dtype: "int64" }]);
}

export const VALUE_OPS: Readonly<Record<string, OpDefinition>> = {
  chunk: { operands: 1, signature: [arg("chunks", "int"), arg("dim", "int", 0)], run: chunk },
  split: { operands: 1, signature: [{ name: "split_size_or_sections", type: "size" }, arg("dim", "int", 0)], run: split },
  stack: { operands: "list", signature: [arg("dim", "int", 0)], run: stack },
  bmm: { operands: 2, signature: [], run: bmm },
  unbind: { operands: 1, signature: [arg("dim", "int", 0)], run: unbind },
  unsqueeze: { operands: 1, signature: [arg("dim", "int")], run: unsqueeze },
  matmul: { operands: 2, signature: [], run: matmul },
  linear: { operands: 1, signature: [arg("layer", "string")], run: functionalLinear },
  index_select: { operands: 1, signature: [arg("dim", "int"), arg("index", "string")], run: indexSelect },
};
