import { numel, type LayerArguments, type Saved } from "../catalogue/index.js";
import { SpecError } from "../diagnostics/index.js";
import type { EvaluatedCall } from "../parse/values.js";
import { formatPath, type PathSegment, type TreeNode } from "../resolve/index.js";
import type { LivePart, Liveness } from "./liveness.js";
import type { CallRecord, StateRecord, Tensor } from "./types.js";

/** What the ssm op needs of the inference that runs it (ops.ts's Evaluator and OpContext provide it). */
interface ScanOp {
  evaluator: {
    readonly live?: Liveness;
    fresh(shape: number[], producer: string, elementBytes?: number): Tensor;
    keep(saves: readonly Saved[], input: Tensor, output: Tensor): { bytes: number; attention: number };
    record(call: Omit<CallRecord, "instances">): void;
    runNode(node: TreeNode, x: Tensor, prefix: PathSegment[]): Tensor;
  };
  call: EvaluatedCall;
  args: LayerArguments;
  x: Tensor;
  segments: PathSegment[];
  producer: string;
  child: (argument: string) => TreeNode;
  /** The shape of the Parameter(...) entry an argument names. */
  parameterShape: (argument: string) => number[];
}

const FLOAT32 = 4;

/** How the mixer's own tensors are named in the prefill peak's parts: `backbone.layers.1.mixer: ssm (the scan's state)`. */
const named = (op: ScanOp) => `${formatPath(op.segments) || "the model"}: ssm`;

/** The sizes of one Mamba mixer, from its children's outputs. */
interface ScanShape {
  batch: number;
  sequence: number;
  inner: number;
  state: number;
  kernel: number;
  elementBytes: number;
}

/**
 * A Mamba (S6) mixer as transformers' MambaMixer runs it without the mamba-ssm kernels (slow_forward):
 * in_proj to 2 × inner (the SSM input and the gate), a depthwise causal conv1d over the positions,
 * x_proj to the time-step rank and state_size B and C, dt_proj and softplus to Δ, the discretized
 * A and B over [batch, inner, sequence, state_size] in float32, the sequential scan, the skip D and
 * the gate, out_proj. Between decoding steps the layer keeps a fixed state per sequence, whatever
 * the context: conv1d's last kernel_size inputs and the scan's state (MambaCache: conv_states
 * [batch, inner, conv_kernel] and ssm_states [batch, inner, state_size], in the model's dtype).
 * Measured against PyTorch 1.13 (test/fixtures/pytorch/mla-mamba.py, prefill-peak.py): docs/serving.md.
 */
export function selectiveScan(op: ScanOp): Tensor {
  const { evaluator, x, segments } = op;
  const live = evaluator.live;
  const projected = evaluator.runNode(op.child("in_proj"), x, segments);
  live?.hold(projected);
  const [batch, sequence, width] = projected.shape as [number, number, number];
  const inner = width / 2;
  if (projected.shape.length !== 3 || !Number.isInteger(inner))
    refuse(
      op,
      "in_proj",
      `ssm needs ${projected.producer} to give (batch, sequence, 2 × inner): the SSM input and its gate, but it gives [${projected.shape.join(", ")}]`,
      "write in_proj as Linear(d, 2 * inner, bias=False)",
    );
  // The SSM half, as conv1d's channels: [batch, inner, sequence], a view.
  const convolved = evaluator.runNode(op.child("conv1d"), { ...projected, shape: [batch, inner, sequence] }, segments);
  const kernel = convolved.shape[2]! - sequence + 1;
  if (convolved.shape.length !== 3 || convolved.shape[1] !== inner || kernel < 1)
    refuse(
      op,
      "conv1d",
      `ssm needs conv1d to keep ${inner} channels and at least ${sequence} positions (padding=kernel_size - 1), but it gives [${convolved.shape.join(", ")}]`,
      "write conv1d as MambaMixer does: Conv1d(inner, inner, kernel_size=conv, groups=inner, padding=conv - 1)",
    );
  const shape: ScanShape = { batch, sequence, inner, state: stateSize(op, inner), kernel, elementBytes: x.elementBytes };
  // The prefill's cache bookkeeping (update_conv_state's padded input and cache_position) lives to the end.
  const bookkeeping = live ? [evaluator.fresh([batch, inner, kernel], `${named(op)} (conv state)`), evaluator.fresh([kernel], `${named(op)} (cache_position)`, 8)] : [];
  for (const tensor of bookkeeping) live?.hold(tensor);
  const hidden = step(op, [convolved], [batch, inner, sequence], "silu", ["input"]);
  live?.hold(hidden);
  const { selected, delta } = selection(op, shape, hidden);
  const discretized = discretize(op, shape, hidden, delta);
  const { stacked, held } = scan(op, shape, discretized);
  const gated = gate(op, projected, stacked);
  const output = evaluator.runNode(op.child("out_proj"), { ...gated, shape: [batch, sequence, inner] }, segments);
  for (const tensor of [projected, ...bookkeeping, hidden, selected, delta, ...discretized, ...held]) live?.release(tensor);
  evaluator.record({
    type: "ssm",
    segments: [...segments, op.call.text],
    output: output.shape,
    macs: 0,
    attentionMacs: 0,
    savedBytes: 0,
    attentionBytes: 0,
    state: stateRecord(shape),
  });
  return { ...output, producer: op.producer };
}

/** A child of the wrong shape, at the argument that names it (a child's name, never a misspelt variable). */
function refuse(op: ScanOp, argument: string, message: string, hint: string): never {
  throw new SpecError("invalid-argument", op.args.position(argument), message, hint);
}

/** state_size, from A_log: Parameter(inner, state_size); D is Parameter(inner). */
function stateSize(op: ScanOp, inner: number): number {
  const [decay, skip] = [op.parameterShape("A_log"), op.parameterShape("D")];
  if (decay.length !== 2 || decay[0] !== inner)
    refuse(
      op,
      "A_log",
      `ssm needs A_log to be Parameter(${inner}, state_size), one row per inner channel, but it is [${decay.join(", ")}]`,
      "write A_log: Parameter(inner, state_size)",
    );
  if (skip.length !== 1 || skip[0] !== inner)
    refuse(op, "D", `ssm needs D to be Parameter(${inner}), one per inner channel, but it is [${skip.join(", ")}]`, "write D: Parameter(inner)");
  return decay[1]!;
}

/** One elementwise step of the mixer's own: a fresh tensor, what autograd keeps for it, its moment. */
function step(op: ScanOp, inputs: Tensor[], shape: number[], what: string, saves: Saved[] = [], elementBytes?: number, transients: LivePart[] = []): Tensor {
  const output = op.evaluator.fresh(shape, `${named(op)} (${what})`, elementBytes);
  const kept = op.evaluator.keep(saves, inputs[0]!, output);
  op.evaluator.live?.touch(output.producer, [...inputs, output], transients);
  op.evaluator.record({ type: `ssm ${what}`, segments: [...op.segments, op.call.text], output: shape, macs: 0, attentionMacs: 0, savedBytes: kept.bytes, attentionBytes: 0 });
  return output;
}

/** x_proj gives Δ's low-rank input, B and C; dt_proj and softplus give Δ. */
function selection(op: ScanOp, shape: ScanShape, hidden: Tensor): { selected: Tensor; delta: Tensor } {
  const { evaluator, segments } = op;
  const { batch, sequence, inner, state } = shape;
  const selected = evaluator.runNode(op.child("x_proj"), { ...hidden, shape: [batch, sequence, inner] }, segments);
  const rank = selected.shape[2]! - 2 * state;
  if (selected.shape.length !== 3 || rank < 1)
    refuse(
      op,
      "x_proj",
      `ssm needs ${selected.producer} to give time_step_rank + 2 × state_size = R + ${2 * state} features, R ≥ 1, but it gives [${selected.shape.join(", ")}]`,
      "write x_proj as Linear(inner, time_step_rank + 2 * state_size, bias=False), state_size being A_log's second dimension",
    );
  evaluator.live?.hold(selected);
  const raw = evaluator.runNode(op.child("dt_proj"), { ...selected, shape: [batch, sequence, rank] }, segments);
  if (raw.shape.length !== 3 || raw.shape[2] !== inner)
    refuse(
      op,
      "dt_proj",
      `ssm needs dt_proj to map the time-step rank ${rank} to the ${inner} inner channels, but it gives [${raw.shape.join(", ")}]`,
      "write dt_proj as Linear(time_step_rank, inner)",
    );
  const delta = step(op, [raw], [batch, inner, sequence], "softplus", ["input"]);
  evaluator.live?.hold(delta);
  return { selected, delta };
}

/**
 * A = −exp(A_log) in float32 (training keeps exp's and the negation's outputs), then over
 * [batch, inner, sequence, state_size] in float32: exp(A·Δ), Δ·B and Δ·B·x, which live to the end of
 * the mixer as Python locals. 16-bit models convert B and x to float32 first: copies autograd keeps.
 */
function discretize(op: ScanOp, shape: ScanShape, hidden: Tensor, delta: Tensor): Tensor[] {
  const { evaluator } = op;
  const { batch, sequence, inner, state, elementBytes } = shape;
  const wide = [batch, inner, sequence, state];
  const elements = batch * inner * sequence * state;
  const upcast = elementBytes < FLOAT32;
  const decay = step(op, [delta], [inner, state], "A = -exp(A_log)", [{ elements: 2 * inner * state, dtype: "float32" }, "input"], FLOAT32);
  evaluator.live?.hold(decay);
  const product = step(op, [delta, decay], wide, "A·Δ", [], FLOAT32);
  const discreteA = step(op, [product], wide, "exp(A·Δ)", [{ elements, dtype: "float32" }], FLOAT32);
  evaluator.live?.hold(discreteA);
  const copyB = batch * sequence * state * FLOAT32;
  const discreteB = step(
    op,
    [delta],
    wide,
    "Δ·B",
    upcast ? [{ elements: batch * sequence * state, dtype: "float32" }] : [],
    FLOAT32,
    upcast ? [{ what: "B in float32", bytes: copyB }] : [],
  );
  evaluator.live?.hold(discreteB);
  const copyX = { what: "x in float32", bytes: batch * inner * sequence * FLOAT32 };
  const saves: Saved[] = [{ elements, dtype: "float32" }, ...(upcast ? [{ elements: batch * inner * sequence, dtype: "float32" as const }] : [])];
  const deltaBx = step(op, [discreteB, hidden], wide, "Δ·B·x", saves, FLOAT32, upcast ? [copyX] : []);
  evaluator.live?.hold(deltaBx);
  return [decay, discreteA, discreteB, deltaBx];
}

/**
 * The sequential scan: h = exp(A·Δ)ᵢ·h + (Δ·B·x)ᵢ in float32 and yᵢ = C·h per position (a matrix
 * product: batch × sequence × inner × state_size MACs), the outputs gathered by torch.stack. Training
 * keeps every state (the initial one in the model's dtype), and under 16-bit each state's copy that
 * the product takes. At the last position the old state, the product and the new one are live together.
 */
function scan(op: ScanOp, shape: ScanShape, discretized: Tensor[]): { stacked: Tensor; held: Tensor[] } {
  const { evaluator } = op;
  const { batch, sequence, inner, state, elementBytes } = shape;
  const stateElements = batch * inner * state;
  const states: Saved[] =
    elementBytes === FLOAT32
      ? [{ elements: (sequence + 1) * stateElements, dtype: "float32" }]
      : [
          { elements: (sequence - 1) * stateElements, dtype: "float32" },
          { elements: (sequence + 1) * stateElements, dtype: "activation" },
        ];
  const outputs = evaluator.fresh([batch, inner, sequence], `${named(op)} (the scan's outputs)`);
  const scanState = evaluator.fresh([batch, inner, state], `${named(op)} (the scan's state)`, FLOAT32);
  const kept = evaluator.keep(states, outputs, outputs);
  const last = { what: "the scan's outputs so far", bytes: batch * inner * (sequence - 1) * elementBytes };
  const update = { what: "the state's update (old, product, new)", bytes: 3 * stateElements * FLOAT32 };
  evaluator.live?.touch(`${named(op)} (scan)`, discretized, [last, update]);
  const macs = batch * sequence * inner * state;
  evaluator.record({ type: "ssm scan", segments: [...op.segments, op.call.text], output: outputs.shape, macs, attentionMacs: 0, savedBytes: kept.bytes, attentionBytes: 0 });
  // The list of outputs stays referenced to the mixer's end, as the final state does.
  evaluator.live?.hold(outputs);
  evaluator.live?.hold(scanState);
  const stacked = step(op, [outputs], outputs.shape, "torch.stack");
  return { stacked, held: [outputs, scanState] };
}

/** y + x·D, then times silu(gate): training keeps the gate (a view of in_proj's output), the sum and silu's output. */
function gate(op: ScanOp, projected: Tensor, stacked: Tensor): Tensor {
  const { evaluator } = op;
  const skip = evaluator.fresh(stacked.shape, `${named(op)} (x·D)`);
  const sum = step(op, [stacked, skip], stacked.shape, "y + x·D");
  evaluator.live?.hold(sum);
  const activated = evaluator.fresh(stacked.shape, `${named(op)} (silu(gate))`);
  const product = step(op, [sum, activated], stacked.shape, "× silu(gate)", [{ elements: 2 * numel(stacked.shape), dtype: "activation" }]);
  evaluator.keep(["input"], projected, projected);
  evaluator.live?.release(sum);
  return product;
}

/** The fixed state one instance keeps per sequence: conv1d's last kernel_size inputs and the scan's state. */
function stateRecord(shape: ScanShape): StateRecord {
  return { conv: shape.inner * shape.kernel, ssm: shape.inner * shape.state };
}
