import { numel, type ArgumentSpec } from "../catalogue/index.js";
import { SpecError } from "../diagnostics/index.js";
import { contiguous, permuted, viewAs } from "./layout.js";
import { arg, shapeText, type OpContext, type OpDefinition } from "./op-types.js";
import type { Tensor } from "./types.js";

/** `*dims` and `*shape`: sizes as separate arguments, `permute(0, 2, 1)`, or one tuple, `permute((0, 2, 1))`. */
const sizes = (name: string): ArgumentSpec[] => [{ name, type: "size", variadic: true }];

function sizesOf({ args }: OpContext, name: string): number[] {
  const value = args.value(name);
  const items = value.kind === "tuple" ? value.items : [];
  const first = items[0];
  const flat = items.length === 1 && first?.kind === "tuple" ? first.items : items;
  return flat.map((item) => (item.kind === "int" ? item.value : args.fail(name, `${args.type} needs integers for '${name}'`, "write integers, e.g. permute(0, 2, 3, 1)")));
}

/** Dimensions counted from the end when negative, each within the input's rank and given once. */
function dimensions(op: OpContext, name: string, values: readonly number[]): number[] {
  const dims = values.map((value) => (value < -op.rank || value >= op.rank ? op.fail(`dimensions from ${-op.rank} to ${op.rank - 1}, not ${value}`) : (value + op.rank) % op.rank));
  const repeated = dims.find((d, i) => dims.indexOf(d) !== i);
  if (repeated !== undefined) op.args.fail(name, `${op.args.type} names dimension ${repeated} more than once`, "give each dimension once");
  return dims;
}

/** Sizes with at most one -1, which takes the elements of `total` left over, as torch infers it; undefined where they cannot hold `total`. */
function filledSizes(op: OpContext, name: string, sizes: readonly number[], total: number): number[] | undefined {
  const { args } = op;
  if (sizes.some((size) => size < -1) || sizes.filter((size) => size === -1).length > 1)
    args.fail(name, `${args.type} takes sizes of 0 or more and at most one -1, got (${sizes.join(", ")})`, "write the sizes, with -1 for the one torch infers");
  const filled = sizes.map((size) => (size === -1 ? total / knownElements(sizes) : size));
  return numel(filled) === total && filled.every(Number.isInteger) ? filled : undefined;
}

/** The elements the sizes other than -1 give. */
const knownElements = (sizes: readonly number[]): number => numel(sizes.filter((size) => size !== -1));

/** A shape for view/reshape of the whole input. */
function inferred(op: OpContext, name: string, shape: readonly number[]): number[] {
  const total = numel(op.x.shape);
  const known = knownElements(shape);
  return filledSizes(op, name, shape, total) ?? op.fail(`${shape.includes(-1) ? `a multiple of ${known}` : known} elements for shape (${shape.join(", ")}), not ${total}`);
}

/** Tensor.view: a view, or PyTorch's error where the input's strides allow none. */
function viewed(op: OpContext, shape: number[]): Tensor {
  const view = viewAs(op.x, shape, op.producer);
  if (view) return view;
  throw new SpecError(
    "view-needs-copy",
    op.call.position,
    `${op.call.text}: ${op.x.producer} is not contiguous (a permute or transpose made it so), and view() cannot give it shape ${shapeText(shape)} without a copy`,
    `write reshape(...) for the copy, or contiguous() before view(...), as PyTorch asks`,
  );
}

/** The reduced shape of sum/mean over `dim` (None: every dimension). */
function reduced(op: OpContext): number[] {
  const all = op.args.isNone("dim");
  const dims = all ? op.x.shape.map((_, d) => d) : dimensions(op, "dim", op.args.ints("dim"));
  const keepdim = op.args.bool("keepdim");
  return op.x.shape.flatMap((size, d) => (!dims.includes(d) ? [size] : keepdim ? [1] : []));
}

const REDUCTION: ArgumentSpec[] = [{ name: "dim", type: "size", default: null }, arg("keepdim", "bool", false)];

/** The pad modes of torch.nn.functional.pad; reflect and replicate keep their input for backward (measured). */
const PAD_MODES = ["constant", "reflect", "replicate", "circular"];

function pad(op: OpContext): Tensor {
  const { args, x, rank } = op;
  const sides = args.ints("pad");
  const mode = args.string("mode");
  if (!PAD_MODES.includes(mode)) args.fail("mode", `pad mode '${mode}' is unknown`, `use one of ${PAD_MODES.map((name) => `'${name}'`).join(", ")}`);
  if (sides.length % 2 !== 0 || sides.length / 2 > rank)
    args.fail(
      "pad",
      `pad takes two sides per dimension, at most ${rank} dimensions, got ${sides.length} values`,
      "write (left, right) for the last dimension, then (top, bottom), ...",
    );
  const dims = sides.length / 2;
  // Reflect, replicate and circular pad the last 1 to 3 dimensions of a batched input.
  if (mode !== "constant" && (dims > 3 || rank < dims + 1)) op.fail(`an input of at least ${dims + 1} dimensions for ${mode} padding of ${dims}`);
  if (mode !== "constant" && args.has("value") && !args.isNone("value")) args.fail("value", `pad takes a value only in mode 'constant', not '${mode}'`, "remove value=");
  const output = [...x.shape];
  for (let d = 0; d < dims; d++) {
    const [before, after, size] = [sides[2 * d]!, sides[2 * d + 1]!, x.shape[rank - 1 - d]!];
    if (mode === "reflect" && (before >= size || after >= size)) op.fail(`padding below the size of dimension ${rank - 1 - d} for reflect, ${size}`);
    if (mode === "circular" && (before > size || after > size)) op.fail(`padding of at most the size of dimension ${rank - 1 - d} for circular, ${size}`);
    output[rank - 1 - d] = size + before + after;
  }
  if (output.some((size) => size < 1)) op.fail(`sides that leave every dimension non-empty, pad=(${sides.join(", ")})`);
  return op.created(output, mode === "reflect" || mode === "replicate" ? ["input"] : []);
}

function roll(op: OpContext): Tensor {
  const { args } = op;
  const shifts = args.ints("shifts");
  if (args.isNone("dims")) {
    if (shifts.length !== 1) args.fail("shifts", `roll without dims shifts the flattened tensor by one amount, got ${shifts.length}`, "give dims=, one per shift");
  } else if (dimensions(op, "dims", args.ints("dims")).length !== shifts.length) {
    args.fail("dims", `roll takes one shift per dimension: ${shifts.length} shifts, ${args.ints("dims").length} dims`, "give as many dims as shifts");
  }
  return op.created([...op.x.shape]);
}

function channelShuffle(op: OpContext): Tensor {
  const groups = op.args.int("groups");
  if (groups < 1) op.args.fail("groups", `channel_shuffle needs at least 1 group, got ${groups}`, "give the number of groups, e.g. 2");
  if (op.rank < 3 || op.x.shape[1]! % groups !== 0) op.fail(`(batch, channels, ...) with channels divisible by ${groups} groups`);
  return op.created([...op.x.shape]);
}

/** Tensor manipulations of a forward (torch.* functions and Tensor methods): their shape rules, MACs and saved bytes, as PyTorch 1.13 measures them. */
export const TENSOR_OPS: Readonly<Record<string, OpDefinition>> = {
  permute: {
    signature: sizes("dims"),
    run: (op) => {
      const dims = sizesOf(op, "dims");
      if (dims.length !== op.rank) op.fail(`a ${dims.length}-d input, one dimension per index it names`);
      return permuted(op.x, dimensions(op, "dims", dims), op.producer);
    },
  },
  transpose: {
    operands: 1,
    signature: [arg("dim0", "int"), arg("dim1", "int")],
    run: (op) => {
      const [a, b] = [op.dim("dim0"), op.dim("dim1")];
      return permuted(
        op.x,
        op.x.shape.map((_, d) => (d === a ? b : d === b ? a : d)),
        op.producer,
      );
    },
  },
  select: {
    signature: [arg("dim", "int"), arg("index", "int")],
    run: ({ x, args, dim, fail, producer }) => {
      const d = dim("dim");
      const index = args.int("index");
      if (index >= x.shape[d]! || index < -x.shape[d]!) fail(`an index ${index} within dimension ${d}`);
      const rest = (values: number[]) => values.filter((_, position) => position !== d);
      return { ...x, shape: rest(x.shape), strides: rest(x.strides), producer };
    },
  },
  flatten: {
    signature: [arg("start_dim", "int", 0), arg("end_dim", "int", -1)],
    run: (op) => {
      const { x } = op;
      const [start, end] = [op.dim("start_dim"), op.dim("end_dim")];
      if (end < start) op.fail(`end_dim after start_dim`);
      return op.view([...x.shape.slice(0, start), numel(x.shape.slice(start, end + 1)), ...x.shape.slice(end + 1)]);
    },
  },
  unflatten: {
    signature: [arg("dim", "int"), { name: "sizes", type: "size" }],
    run: (op) => {
      const d = op.dim("dim");
      const parts = op.args.ints("sizes");
      const filled = filledSizes(op, "sizes", parts, op.x.shape[d]!) ?? op.fail(`a dimension ${d} of ${knownElements(parts)} × k elements`);
      return viewed(op, [...op.x.shape.slice(0, d), ...filled, ...op.x.shape.slice(d + 1)]);
    },
  },
  view: { signature: sizes("shape"), run: (op) => viewed(op, inferred(op, "shape", sizesOf(op, "shape"))) },
  reshape: { signature: sizes("shape"), run: (op) => op.view(inferred(op, "shape", sizesOf(op, "shape"))) },
  contiguous: { signature: [], run: (op) => (contiguous(op.x) ? { ...op.x, producer: op.producer } : op.created([...op.x.shape])) },
  // mean over dimensions keeps its input in PyTorch 1.13 (MeanBackward1 saves self); over everything it keeps nothing; sum keeps nothing.
  mean: { signature: REDUCTION, run: (op) => op.created(reduced(op), op.args.isNone("dim") ? [] : ["input"]) },
  sum: { signature: REDUCTION, run: (op) => op.created(reduced(op)) },
  pad: { signature: [{ name: "pad", type: "size" }, { name: "mode", type: "string", default: "constant" }, arg("value", "float", null)], run: pad },
  roll: {
    signature: [
      { name: "shifts", type: "size" },
      { name: "dims", type: "size", default: null },
    ],
    run: roll,
  },
  channel_shuffle: { signature: [arg("groups", "int")], run: channelShuffle },
};
