import { numel } from "../catalogue/index.js";
import { SpecError } from "../diagnostics/index.js";
import { foldCopies, viewStrides } from "./layout.js";
import { arg, broadcast, shapeText, type OpContext, type OpDefinition } from "./op-types.js";
import type { Flowing, Tensor } from "./types.js";

/**
 * Ops over a forward's values that torchvision's Swin and ShuffleNetV2 need: a tuple of views
 * (`chunk`, `unbind`), `unsqueeze`, `matmul`, `F.linear` with a Linear child's weights and
 * `index_select` of a Parameter by a buffer. Shapes, MACs and saved bytes as PyTorch 1.13 measures them
 * (test/fixtures/pytorch/zoo.json).
 */

/** A view of `x` with `shape` and `strides`: the same storage. */
const viewOf = (x: Tensor, shape: number[], strides: number[], producer: string): Tensor => ({ ...x, shape, strides, producer });

/** x.chunk(chunks, dim): views of ceil(size / chunks) along dim, the last one shorter where it does not divide. */
function chunk(op: OpContext): Flowing {
  const { x, args, producer } = op;
  const d = op.dim("dim");
  const chunks = args.int("chunks");
  if (chunks < 1) args.fail("chunks", `chunk needs at least 1 chunk, got ${chunks}`, "give the number of pieces, e.g. chunk(x, 2, 1)");
  const step = Math.ceil(x.shape[d]! / chunks);
  const pieces: Tensor[] = [];
  for (let start = 0; start < x.shape[d]!; start += step) {
    const shape = x.shape.map((size, position) => (position === d ? Math.min(step, size - start) : size));
    pieces.push(viewOf(x, shape, [...x.strides], producer));
  }
  return pieces;
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
 * its strides allow one and a copy where not (a transposed key is copied); bmm keeps both. M·K·N MACs
 * per matrix; a Parameter factor is not kept.
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
  const kept = op.evaluator.keep(["input"], left, a).bytes + op.evaluator.keep(["input"], right, b).bytes;
  const output = op.evaluator.fresh([...batch, m, n], op.producer);
  op.evaluator.live?.touch(op.producer, [a, b, output]);
  const macs = batches * m * k * n;
  op.evaluator.record({ type: "matmul", segments: [...op.segments, op.call.text], output: output.shape, macs, attentionMacs: 0, savedBytes: kept, attentionBytes: 0 });
  return output;
}

/**
 * F.linear(x, child.weight, child.bias) with a Linear child's tensors, as torchvision's Swin runs its qkv
 * and proj: the child's rule (its MACs, what it keeps), recorded as a functional call, for the module
 * itself is never called.
 */
function functionalLinear(op: OpContext): Tensor {
  const node = op.child("layer");
  const described = node.kind === "leaf" ? op.evaluator.describe(node.layer) : undefined;
  if (!described || described.definition.type !== "Linear") {
    throw new SpecError(
      "not-a-parameter",
      op.args.position("layer"),
      `${op.args.string("layer")} is not a Linear(...) entry`,
      "linear(x, fc) runs F.linear with the weight and bias of a Linear child fc",
    );
  }
  const result = described.definition.forward!(described.args, { shape: op.x.shape, foldCopies: foldCopies(op.x), mismatch: (_, expects) => op.fail(expects) });
  return op.evaluator.applied(result, op.x, op.producer, { type: "linear", segments: [...op.segments, op.call.text] });
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
  unbind: { operands: 1, signature: [arg("dim", "int", 0)], run: unbind },
  unsqueeze: { operands: 1, signature: [arg("dim", "int")], run: unsqueeze },
  matmul: { operands: 2, signature: [], run: matmul },
  linear: { operands: 1, signature: [arg("layer", "string")], run: functionalLinear },
  index_select: { operands: 1, signature: [arg("dim", "int"), arg("index", "string")], run: indexSelect },
};
