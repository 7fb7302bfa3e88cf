import { bindArguments, findLayer, numel, sameShape, scaledDotProduct, type Saved } from "../catalogue/index.js";
import { SpecError, type SourcePosition } from "../diagnostics/index.js";
import type { EvaluatedCall, Value } from "../parse/values.js";
import { formatPath, type Merge, type PathSegment, type TreeNode } from "../resolve/index.js";
import { attentionImplementation, keepAttention, type AttentionImplementation } from "./attention-implementations.js";
import { foldCopies, viewAs } from "./layout.js";
import type { LivePart } from "./liveness.js";
import { arg, broadcast, CHILDREN, shapeText, type Evaluator, type ForwardScope, type OpContext, type OpDefinition, type OpTools } from "./op-types.js";
import { TENSOR_OPS } from "./tensor-ops.js";
import { factorsKept, keptIf, VALUE_OPS } from "./value-ops.js";
import { gradOf, needsGrad, noGrad, withGrad, type CacheRecord, type Flowing, type Tensor } from "./types.js";
import { operandError, single, splitOperands } from "./values.js";
import { selectiveScan } from "./state-space.js";

/** torch.nn.functional calls that are their module's forward: `adaptive_avg_pool2d(1)` is `AdaptiveAvgPool2d(1)(x)`. */
const FUNCTIONAL: Record<string, string> = {
  adaptive_avg_pool1d: "AdaptiveAvgPool1d",
  adaptive_avg_pool2d: "AdaptiveAvgPool2d",
  adaptive_max_pool2d: "AdaptiveMaxPool2d",
  avg_pool2d: "AvgPool2d",
  max_pool2d: "MaxPool2d",
  dropout: "Dropout",
  relu: "ReLU",
  relu6: "ReLU6",
  gelu: "GELU",
  silu: "SiLU",
  sigmoid: "Sigmoid",
  hardswish: "Hardswish",
  hardsigmoid: "Hardsigmoid",
  softmax: "Softmax",
  log_softmax: "LogSoftmax",
  tanh: "Tanh",
  interpolate: "Upsample",
};

/** True for the name of a functional op, which forward: calls as `gelu()`; a bare name is a child. */
export function isOpName(name: string): boolean {
  return name in FUNCTIONAL || name in OPS;
}

/** How two tensors combine: a merge of paths, or sub(a, b) and div(a, b) of a forward. */
type Combine = Merge | "subtract" | "divide";

/**
 * What autograd keeps of `left ∘ right` (PyTorch 1.13, measured in test/fixtures/pytorch/value-ops.py):
 * a product keeps each factor only for the other factor's gradient; a quotient keeps the divisor when
 * either requires grad and the dividend for the divisor's gradient; a sum or difference keeps nothing.
 */
function combinedSaves(evaluator: Evaluator, how: Combine, left: Tensor, right: Tensor): number {
  if (how === "multiply") return factorsKept(evaluator, [left, right]);
  if (how === "divide") return keptIf(evaluator, right, needsGrad(left) || needsGrad(right)) + keptIf(evaluator, left, needsGrad(right));
  return 0;
}

/**
 * Merges two paths: `add`, `subtract`, `multiply` and `divide` broadcast, `concat` joins channels
 * (dimension 1). Only a product and a quotient keep tensors for backward (combinedSaves).
 */
export function merge(evaluator: Evaluator, how: Combine, left: Tensor, right: Tensor, position: SourcePosition, segments: PathSegment[]): Tensor {
  const path = formatPath(segments) || "the model";
  const fail = (): never => {
    throw new SpecError(
      "shapes-do-not-combine",
      position,
      `${path} cannot ${how} ${left.producer} ${shapeText(left.shape)} and ${right.producer} ${shapeText(right.shape)}`,
      how === "concat" ? "concat joins dimension 1: every other dimension must be equal" : "the shapes must be equal or broadcast",
    );
  };
  let shape: number[];
  if (how === "concat") {
    const rest = (tensor: Tensor) => [tensor.shape[0], ...tensor.shape.slice(2)].join();
    if (left.shape.length !== right.shape.length || rest(left) !== rest(right)) fail();
    shape = left.shape.map((size, d) => (d === 1 ? size + right.shape[1]! : size));
  } else {
    shape = broadcast(left.shape, right.shape) ?? fail();
  }
  const output = withGrad(evaluator.fresh(shape, `${path} (${how})`), needsGrad(left) || needsGrad(right));
  evaluator.live?.touch(`${path} (${how})`, [left, right, output]);
  const bytes = combinedSaves(evaluator, how, left, right);
  evaluator.record({ type: how, segments, output: shape, macs: 0, attentionMacs: 0, savedBytes: bytes, attentionBytes: 0 });
  return output;
}

/** The ops that are not modules, with their arguments as Python names them. */
const OPS: Readonly<Record<string, OpDefinition>> = {
  ...TENSOR_OPS,
  ...VALUE_OPS,
  add: {
    operands: 2,
    signature: [arg("other", "any", null)],
    run: (op) => {
      const { evaluator, operands, call, segments, producer, args, fail } = op;
      if (operands.length === 2) {
        if (!args.isNone("other")) fail("two tensors: add(x, y), a number: add(x, 1.0), or add(name) on the chain's value");
        return { ...merge(evaluator, "add", operands[0]!, operands[1]!, call.position, segments), producer };
      }
      // x + 1.0 (DiT's 1 + scale): a Python number; autograd keeps nothing.
      const other = args.value("other");
      if (other.kind === "int" || other.kind === "float") return op.created([...operands[0]!.shape]);
      return addModuleOutput(op);
    },
  },
  mul: binary("multiply", "mul"),
  sub: binary("subtract", "sub"),
  div: binary("divide", "div"),
  cat: {
    operands: "list",
    signature: [arg("dim", "int", 0)],
    run: (op) => concatenate(op),
  },
  cat_token: {
    signature: [arg("parameter", "string")],
    run: ({ x, rank, args, parameterShape, created, fail }) => {
      // ViT's Parameter(1, 1, d), or CLIP's Parameter(d), which its forward expands to (batch, 1, d).
      const written = parameterShape("parameter");
      const token = written.length === 1 ? [1, 1, written[0]!] : written;
      if (rank !== 3 || token.length !== 3 || token[2] !== x.shape[2]) fail(`(batch, sequence, ${token.at(-1)}) to prepend ${args.string("parameter")} ${shapeText(written)} to`);
      return created([x.shape[0]!, x.shape[1]! + token[1]!, x.shape[2]!]);
    },
  },
  residual: {
    signature: CHILDREN,
    run: ({ evaluator, module, call, x, segments, producer }) => {
      const y = call.args.reduce(
        (tensor, item) =>
          evaluator.runNode(
            evaluator.childAt(module, item.value.kind === "symbol" ? item.value.name : item.value.kind === "string" ? item.value.value : "", item.position),
            tensor,
            segments,
          ),
        x,
      );
      return { ...merge(evaluator, "add", y, x, call.position, segments), producer };
    },
  },
  attention: {
    signature: [
      arg("q", "string"),
      arg("k", "string", null),
      arg("v", "string", null),
      arg("heads", "int"),
      arg("kv_heads", "int", null),
      arg("causal", "bool", false),
      arg("dropout", "float", 0),
      arg("window", "int", null),
      arg("kv", "string", null),
      arg("attention", "string", null),
      arg("rope", "bool", false),
      arg("bias", "string", null),
      arg("upcast_softmax", "bool", true),
    ],
    run: (op) => attention(op),
  },
  moe: {
    signature: [arg("router", "string"), arg("experts", "string"), arg("shared", "string", null), arg("shared_gate", "string", null), arg("capacity_factor", "float", null)],
    run: (op) => mixtureOfExperts(op),
  },
  mla: {
    signature: [
      arg("q", "string"),
      arg("kv_a", "string"),
      arg("kv_norm", "string"),
      arg("kv_b", "string"),
      arg("heads", "int"),
      arg("kv_lora_rank", "int"),
      arg("qk_rope_head_dim", "int"),
      arg("causal", "bool", false),
      arg("attention", "string", null),
    ],
    run: (op) => latentAttention(op.evaluator, op.args, op.x, op.segments, op),
  },
  ssm: {
    signature: ["in_proj", "conv1d", "x_proj", "dt_proj", "A_log", "D", "out_proj"].map((name) => arg(name, "string")),
    run: (op) => selectiveScan(op),
  },
  gated: {
    signature: [arg("gate", "string"), arg("up", "string"), arg("act", "string")],
    run: ({ evaluator, call, x, segments, producer, child }) => {
      const gate = evaluator.runNode(child("gate"), x, segments);
      evaluator.live?.hold(gate);
      const up = evaluator.runNode(child("up"), x, segments);
      evaluator.live?.release(gate);
      evaluator.live?.hold(up);
      const activated = evaluator.runNode(child("act"), gate, segments);
      evaluator.live?.release(up);
      const product = merge(evaluator, "multiply", activated, up, call.position, segments);
      return { ...product, producer };
    },
  },
};

/**
 * mul, sub and div of two tensors, broadcast (`mul(x, gamma)`, or `mul(gamma)` on the chain's value), or
 * of a tensor and a Python number (`mul(x, 0.5)`, `div(2)`), which autograd keeps as an 8-byte scalar
 * tensor at most: not counted, as elsewhere.
 */
function binary(how: "multiply" | "subtract" | "divide", name: string): OpDefinition {
  return {
    operands: 2,
    signature: [arg("other", "float", null)],
    run: ({ evaluator, operands, call, args, segments, producer, fail, created }) => {
      if (!args.isNone("other")) return created([...operands.at(-1)!.shape]);
      if (operands.length !== 2) fail(`two tensors, ${name}(a, b), or a tensor and a number, ${name}(x, 2)`);
      return { ...merge(evaluator, how, operands[0]!, operands[1]!, call.position, segments), producer };
    },
  };
}

/**
 * `add(wpe)`: a module such as GPT-2's wpe is a learned position embedding, called on the positions
 * 0 … S-1 and added; a Parameter child is an operand instead (added as a tensor, broadcast).
 */
function addModuleOutput({ evaluator, x, args, segments, child, created, fail }: OpContext): Tensor {
  if (args.isNone("other")) fail("two tensors: add(x, y), a number: add(x, 1.0), or add(name) on the chain's value");
  // Position ids are int64: they require no grad, so a frozen table (Whisper's encoder) keeps nothing.
  const positions = { ...evaluator.fresh([1, x.shape[1]!], "the positions", 8), ...noGrad };
  const added = evaluator.runNode(child("other"), positions, segments).shape;
  return created(broadcast(x.shape, added) ?? fail(`a shape that broadcasts with ${args.string("other")} ${shapeText(added)}`));
}

/** torch.cat(tensors, dim): every other dimension equal; it keeps nothing for backward (its gradient is a split). */
function concatenate({ evaluator, operands, call, segments, producer, dim, fail }: OpContext): Tensor {
  const d = dim("dim");
  const rank = operands[0]!.shape.length;
  const others = (shape: number[]) => shape.filter((_, position) => position !== d).join();
  if (operands.some((operand) => operand.shape.length !== rank || others(operand.shape) !== others(operands[0]!.shape))) fail(`tensors whose sizes match but in dimension ${d}`);
  const shape = operands[0]!.shape.map((size, position) => (position === d ? operands.reduce((sum, operand) => sum + operand.shape[d]!, 0) : size));
  const output = { ...evaluator.fresh(shape, producer), ...gradOf(operands) };
  evaluator.live?.touch(producer, [...operands, output]);
  evaluator.record({ type: "cat", segments: [...segments, call.text], output: shape, macs: 0, attentionMacs: 0, savedBytes: 0, attentionBytes: 0 });
  return output;
}

/** A forward op's call bound to its signature, for readers of the forward beside shape inference; undefined for an op it does not know. */
export function opArguments(call: EvaluatedCall): ReturnType<typeof bindArguments> | undefined {
  return Object.hasOwn(OPS, call.type) ? bindArguments({ type: call.type, signature: OPS[call.type]!.signature }, call, findLayer) : undefined;
}

/** What an op call works with: the forward's values, the call, and its operands (the chain's value when it gives none). */
interface OpCall {
  values: ForwardScope;
  call: EvaluatedCall;
  operands: Tensor[];
  fail: (expects: string) => never;
}

function opContext(evaluator: Evaluator, { values, call, operands, fail }: OpCall): OpContext {
  const { module, segments } = values;
  const name = call.type;
  const x = operands[0]!;
  const producer = `${operands.map((operand) => operand.producer).join(", ")} → ${call.text}`;
  const args = bindArguments({ type: name, signature: OPS[name]!.signature }, call, findLayer);
  const rank = x.shape.length;
  const dim = (argument: string) => {
    const value = args.int(argument);
    if (value < -rank || value >= rank) fail(`a dimension ${value} (of ${rank})`);
    return value < 0 ? value + rank : value;
  };
  // An op that runs a child (attention's projections, add(wpe)) has parameters: its output requires grad.
  let ranChild = false;
  const child = (argument: string) => {
    ranChild = true;
    return evaluator.childAt(module, args.string(argument), args.position(argument));
  };
  const parameterShape = (argument: string) => {
    const node = child(argument);
    const tensor = node.kind === "leaf" ? evaluator.describe(node.layer).parameters[0] : undefined;
    if (!tensor)
      throw new SpecError(
        "not-a-parameter",
        args.position(argument),
        `${args.string(argument)} is not a Parameter(...) entry`,
        `${name}() takes a tensor the module holds, such as class_token: Parameter(1, 1, d)`,
      );
    return tensor.shape;
  };
  const value = (argument: string) => {
    const named = values.tensorNamed(args.string(argument));
    if (!named || Array.isArray(named))
      throw new SpecError(
        "unknown-value",
        args.position(argument),
        `no value, Parameter or buffer named '${args.string(argument)}' here`,
        "bind the value first (- memory: encoder), or pass one of the module's inputs:",
      );
    return named;
  };
  const created = (shape: number[], saves: Saved[] = [], macs = 0, extra: { macs: number; bytes: number; cache?: CacheRecord } = { macs: 0, bytes: 0 }) => {
    const output = { ...evaluator.fresh(shape, producer), ...(ranChild ? {} : gradOf(operands)) };
    const kept = evaluator.keep(saves, x, output);
    evaluator.live?.touch(producer, [...operands, output]);
    evaluator.record({
      ...(extra.cache ? { cache: extra.cache } : {}),
      type: name,
      segments: [...segments, call.text],
      output: shape,
      macs,
      attentionMacs: extra.macs,
      savedBytes: kept.bytes + extra.bytes,
      attentionBytes: kept.attention,
    });
    return output;
  };
  // torch.reshape: a view where the strides allow one, a copy where not.
  const view = (shape: number[]): Tensor => viewAs(x, shape, producer) ?? created(shape);
  return { evaluator, module, call, args, x, operands, value, segments, producer, rank, dim, view, child, parameterShape, created, fail };
}

/** An operand as written, for messages: a name, a call, or a list. */
const operandText = (value: Value): string => (value.kind === "symbol" ? value.name : value.kind === "layer" ? value.call.text : "a list");

/** The tensors an op call names as its leading operands, then the chain's value first where it gives fewer than the op takes. */
function operandsOf(evaluator: Evaluator, values: ForwardScope, call: EvaluatedCall, takes: number | "list", chain: Flowing): { operands: Tensor[]; rest: EvaluatedCall } {
  const { operands: given, rest } = splitOperands(values, call, takes);
  const resolved = given.map((arg) => evaluator.operand(values, arg.value, arg.position, chain));
  if (takes === "list") {
    const list = resolved[0];
    const hint = `write ${call.type}([a, b], 1) with values bound earlier in the forward`;
    if (!list) throw operandError(call.position, `${call.type}() takes a list of tensors first`, hint);
    // torch.cat and torch.stack take a sequence: a tuple a step bound (chunk, split) is one, a tensor is not.
    if (!Array.isArray(list)) throw operandError(given[0]!.position, `${call.type}() takes a list of tensors first, and ${operandText(given[0]!.value)} is one tensor`, hint);
    return { operands: list, rest };
  }
  // The first argument after the operands, unnamed: one tensor too many, or a number (mul(q, 0.5)).
  const next = rest.args[0]?.name === undefined ? rest.args[0] : undefined;
  if (given.length === takes && next !== undefined && values.isOperand(next.value)) {
    throw operandError(
      next.position,
      `${call.type}() takes ${takes} tensor${takes === 1 ? "" : "s"}, and ${operandText(next.value)} is one more`,
      `give ${call.type}() its ${takes} operand${takes === 1 ? "" : "s"}: combine the others in steps of their own`,
    );
  }
  const tensors = resolved.map((operand, index) => single(operand, given[index]!.position, "the operand"));
  // mul(q, 0.5): a tensor given, then a number in the other tensor's place, is q * 0.5, not the chain's value times q.
  const numberFollows = tensors.length > 0 && (next?.value.kind === "int" || next?.value.kind === "float");
  const missing = numberFollows ? 0 : Math.max(0, takes - tensors.length);
  return { operands: missing > 0 ? [single(chain, call.position, "the chain's value"), ...tensors] : tensors, rest };
}

/**
 * A functional op of a module's forward: `flatten(1)`, `attention(q_proj, k_proj, v_proj, heads=12)`,
 * `adaptive_avg_pool2d(1)`; with operands, `avg_pool2d(x, 3)`, `cat([a, b], 1)`, `mul(x, gamma)`.
 */
export function runOp(evaluator: Evaluator, values: ForwardScope, call: EvaluatedCall, chain: Flowing): Flowing {
  const name = call.type;
  const moduleType = FUNCTIONAL[name];
  const op = Object.hasOwn(OPS, name) ? OPS[name] : undefined;
  if (!moduleType && !op) {
    throw new SpecError(
      "unknown-op",
      call.position,
      `unknown op '${name}' in forward:`,
      `the ops are ${[...Object.keys(OPS), ...Object.keys(FUNCTIONAL)].join(", ")}; a child module is called by its bare name, or given its tensors: ${values.module.children[0]?.name ?? "fc"}(x)`,
    );
  }
  const takes = moduleType ? 1 : op!.operands;
  const { operands, rest } =
    takes === undefined ? { operands: [single(chain, call.position, "the chain's value")], rest: call } : operandsOf(evaluator, values, call, takes, chain);
  const x = operands[0]!;
  const fail = (expects: string): never => {
    throw new SpecError(
      "shape-mismatch",
      call.position,
      `${call.text} expects ${expects}, but ${operands.map((operand) => `${operand.producer} produces ${shapeText(operand.shape)}`).join(" and ")}`,
      "fix the op's arguments or the layer before it",
    );
  };
  if (moduleType) {
    const moduleCall = { ...rest, type: moduleType };
    const definition = findLayer(moduleCall);
    // Checked as written, so that messages name relu(); then bound as ReLU(), whose rule looks at the type (it keeps its output).
    bindArguments(definition, rest, findLayer);
    const args = bindArguments(definition, moduleCall, findLayer);
    definition.tensors(args);
    const result = definition.forward!(args, { shape: x.shape, foldCopies: foldCopies(x), mismatch: (_, expects) => fail(expects) });
    return evaluator.applied(result, x, `${x.producer} → ${call.text}`, { type: name, segments: [...values.segments, call.text] });
  }
  // The op's operands are live until it returns: a residual's shortcut, the input of attention's projections.
  for (const operand of operands) evaluator.live?.hold(operand);
  const y = op!.run(opContext(evaluator, { values, call: rest, operands, fail }));
  for (const operand of operands) evaluator.live?.release(operand);
  return y;
}

/**
 * Scaled dot-product attention over projections the module holds, as Hugging Face transformers 5
 * runs it: softmax(Q·Kᵀ/√d)·V per head, with grouped key/value heads. What it keeps for backward
 * depends on the implementation (`attention=`, else the run's: keepAttention).
 */
function attention(op: OpContext): Tensor {
  const { evaluator, args, x, segments, fail, child, created, value } = op;
  const packed = args.isNone("k") && args.isNone("v");
  // Cross-attention (kv=memory): keys and values are projections of another tensor, such as the encoder's output.
  const memory = args.isNone("kv") ? x : value("kv");
  if (packed && memory !== x)
    args.fail("kv", "cross-attention projects keys and values from kv=, so it needs k and v projections of its own", "name them: attention(q, k, v, heads=8, kv=memory)");
  if (memory !== x && args.bool("causal")) args.fail("causal", "a cross-attention attends to every position of kv=: it is not causal", "leave causal= out of a cross-attention");
  const projected = (packed ? ["q"] : ["q", "k", "v"]).map((name) => {
    const tensor = evaluator.runNode(child(name), name === "q" ? x : memory, segments);
    // Each projection waits for the others.
    evaluator.live?.hold(tensor);
    return tensor;
  });
  // One projection to 3 × the width (GPT-2's c_attn) splits into views of one storage.
  const [q, k, v] = (
    packed ? [0, 1, 2].map(() => ({ ...projected[0]!, shape: projected[0]!.shape.map((size, d, shape) => (d === shape.length - 1 ? size / 3 : size)) })) : projected
  ) as [Tensor, Tensor, Tensor];
  const heads = args.int("heads");
  const kvHeads = args.optionalInt("kv_heads") ?? heads;
  if (q.shape.length !== 3) fail(`(batch, sequence, features) from ${q.producer}, which gives ${shapeText(q.shape)}`);
  const [batch, sequence, width] = q.shape as [number, number, number];
  const keys = k.shape[1]!;
  const headDim = width / heads;
  if (!Number.isInteger(headDim) || heads % kvHeads !== 0)
    args.fail("heads", `attention needs ${q.producer}'s ${width} features split evenly over heads=${heads}, and heads a multiple of kv_heads=${kvHeads}`);
  for (const tensor of [k, v]) {
    if (!sameShape(tensor.shape, [batch, keys, kvHeads * headDim])) {
      args.fail("kv_heads", `attention needs ${tensor.producer} to give [${batch}, ${keys}, ${kvHeads * headDim}] (kv_heads × head size), but it gives ${shapeText(tensor.shape)}`);
    }
  }
  const biasBytes = positionBias(op, sequence, keys, heads);
  const macs = scaledDotProduct(batch, heads, sequence, keys, headDim, false).macs;
  const causal = args.bool("causal");
  const path = formatPath(segments) || "the model";
  const call = {
    implementation: implementationOf(evaluator, args, q),
    batch,
    heads,
    kvHeads,
    sequence,
    keys,
    headDim,
    causal,
    dropout: args.float("dropout"),
    rope: args.bool("rope"),
    producer: path,
  };
  evaluator.implementations.add(call.implementation);
  const kept = keepAttention(evaluator, call, { q, k, v });
  const cache = attentionCache(args, kvHeads, headDim, memory === x ? undefined : keys);
  if (evaluator.live) {
    // A causal layer's keys and values, and a cross-attention's, are what the forward leaves in the cache, counted there.
    if (cache) for (const tensor of [k, v]) evaluator.live.excluded.add(tensor.storage);
    const shape = { batch, heads, kvHeads, sequence, keys, headDim, elementBytes: q.elementBytes, causal, upcast: args.bool("upcast_softmax") };
    const bias = biasBytes === 0 ? [] : [{ what: `position bias [${batch}, ${heads}, ${sequence}, ${keys}]`, bytes: batch * heads * sequence * keys * q.elementBytes }];
    evaluator.live.touch(`${path}: attention`, [x, memory, q, k, v], [...bias, ...attentionTransients(call.implementation, shape)]);
  }
  for (const tensor of projected) evaluator.live?.release(tensor);
  return created([batch, sequence, width], kept.saves, macs, { macs, bytes: kept.bytes, ...(cache ? { cache } : {}) });
}

/**
 * `bias=relative_attention_bias`: T5's relative position bias, an Embedding(buckets, heads) child
 * called on the [queries, keys] bucket ids (int64, made from the positions, kept for backward by the
 * embedding); its [queries, keys, heads] output is added to every sample's scores, which keeps
 * nothing. Returns the bytes of the bias tensor, 0 without one.
 */
function positionBias(op: OpContext, queries: number, keys: number, heads: number): number {
  const { evaluator, args, segments, child } = op;
  if (args.isNone("bias")) return 0;
  const buckets = { ...evaluator.fresh([queries, keys], "the relative position buckets", 8), ...noGrad };
  const bias = evaluator.runNode(child("bias"), buckets, segments);
  if (!sameShape(bias.shape, [queries, keys, heads]))
    args.fail(
      "bias",
      `bias= needs an Embedding(buckets, heads=${heads}) child, whose output on the [${queries}, ${keys}] bucket ids is [${queries}, ${keys}, ${heads}]; ${args.string("bias")} gives ${shapeText(bias.shape)}`,
    );
  return queries * keys * heads * bias.elementBytes;
}

/** The op's `attention=`, else the run's implementation (the recipe's, sdpa by default); flash only in 16-bit, as flash-attention runs. */
function implementationOf(evaluator: Evaluator, args: ReturnType<typeof bindArguments>, q: Tensor): AttentionImplementation {
  const chosen = args.isNone("attention") ? { value: evaluator.attention } : attentionImplementation(args.string("attention"));
  if (!("value" in chosen)) return args.fail("attention", chosen.problem, chosen.hint);
  if (chosen.value === "flash" && q.elementBytes > 2)
    args.fail(
      "attention",
      `flash attention runs in float16 or bfloat16, and this attention's activations are ${q.elementBytes * 8}-bit`,
      "train in 16-bit (--precision bf16, mixed-bf16, ...), or use sdpa, which runs its memory-efficient kernel in float32",
    );
  return chosen.value;
}

/** What a causal attention layer caches per token for decoding: its keys and values, at most `window=` of them with a capping runtime. */
function attentionCache(args: ReturnType<typeof bindArguments>, kvHeads: number, headDim: number, crossKeys?: number): CacheRecord | undefined {
  const window = args.optionalInt("window");
  if (window !== undefined && window < 1) args.fail("window", `a sliding window is at least 1 token, got ${window}`);
  // A cross-attention's keys and values over the encoder's output, computed once per sequence.
  if (crossKeys !== undefined) return { kind: "cross", elementsPerToken: 2 * kvHeads * headDim, vectors: 2 * kvHeads, tokens: crossKeys };
  if (!args.bool("causal")) return undefined;
  return { kind: "kv", elementsPerToken: 2 * kvHeads * headDim, vectors: 2 * kvHeads, ...(window === undefined ? {} : { window }) };
}

interface AttentionShape {
  batch: number;
  heads: number;
  kvHeads: number;
  sequence: number;
  /** The keys' length: the sequence's, or a cross-attention's encoder length. */
  keys: number;
  headDim: number;
  elementBytes: number;
  causal: boolean;
  /** Softmax in float32 (transformers' Llama, T5), or in the activations' dtype (Whisper, BART: upcast_softmax=False). */
  upcast?: boolean;
}

/**
 * The tensors an inference attention call makes beside its projections, at its largest moment.
 * Eager (transformers' eager_attention_forward): grouped keys and values copied to every head
 * (repeat_kv), the scores, softmax's float32 copy of 16-bit scores (ATen's softmax with dtype=float32
 * converts its input first) and its float32 output, and a causal mask of S × S in the model's dtype.
 * SDPA's and flash's fused kernels keep none of them, only a float32 log-sum-exp per head and query.
 */
function attentionTransients(attention: AttentionImplementation, shape: AttentionShape): LivePart[] {
  const { batch, heads, kvHeads, sequence, keys, headDim, elementBytes, causal, upcast = true } = shape;
  if (attention !== "eager") return [{ what: "SDPA's log-sum-exp (float32)", bytes: batch * heads * sequence * 4 }];
  const scores = batch * heads * sequence * keys;
  const softmaxBytes = upcast ? 4 : elementBytes;
  const repeated = kvHeads === heads ? 0 : batch * heads * keys * headDim * elementBytes;
  return [
    { what: "keys repeated to every head (repeat_kv)", bytes: repeated },
    { what: "values repeated to every head (repeat_kv)", bytes: repeated },
    { what: `causal mask [${batch}, 1, ${sequence}, ${sequence}]`, bytes: causal ? batch * sequence * sequence * elementBytes : 0 },
    { what: `scores [${batch}, ${heads}, ${sequence}, ${keys}]`, bytes: scores * elementBytes },
    { what: "the scores converted to float32 for softmax", bytes: upcast && elementBytes < 4 ? scores * 4 : 0 },
    { what: upcast ? "softmax output (float32)" : "softmax output", bytes: scores * softmaxBytes },
  ];
}

/**
 * DeepSeek-V2's multi-head latent attention (transformers' DeepseekV2Attention without q_lora):
 * q = q(x) with heads × (qk_nope + qk_rope) features; kv_a(x) gives the latent of kv_lora_rank and one
 * shared rotary key of qk_rope_head_dim; kv_b(kv_norm(latent)) expands it to every head's key (nope
 * part) and value. A serving runtime that absorbs kv_b (vLLM, SGLang) caches only kv_a's output,
 * kv_lora_rank + qk_rope_head_dim elements per token: 576 in DeepSeek-V2 and V2-Lite.
 * Measured against PyTorch 1.13 (test/fixtures/pytorch/mla-mamba.py, prefill-peak.py): docs/serving.md.
 */
function latentAttention(evaluator: Evaluator, args: ReturnType<typeof bindArguments>, x: Tensor, segments: PathSegment[], { child, created }: OpTools): Tensor {
  const [heads, rank, rope] = [args.int("heads"), args.int("kv_lora_rank"), args.int("qk_rope_head_dim")];
  const q = evaluator.runNode(child("q"), x, segments);
  evaluator.live?.hold(q);
  const kvA = evaluator.runNode(child("kv_a"), x, segments);
  const [batch, sequence, qWidth] = q.shape as [number, number, number];
  if (q.shape.length !== 3 || kvA.shape.at(-1) !== rank + rope)
    args.fail("kv_lora_rank", `mla needs ${kvA.producer} to give kv_lora_rank + qk_rope_head_dim = ${rank + rope} features, but it gives ${shapeText(kvA.shape)}`);
  evaluator.live?.hold(kvA);
  const causal = args.bool("causal");
  // The latent is what a latent-caching runtime keeps: counted in the cache, not the prefill peak.
  if (causal) evaluator.live?.excluded.add(kvA.storage);
  // The latent is a view of kv_a's output; kv_norm and kv_b expand it.
  const latent = evaluator.runNode(child("kv_norm"), { ...kvA, shape: [batch, sequence, rank] }, segments);
  const kv = evaluator.runNode(child("kv_b"), latent, segments);
  const qkHead = qWidth / heads;
  const nope = qkHead - rope;
  const vHead = kv.shape[2]! / heads - nope;
  if (!Number.isInteger(qkHead) || nope < 0 || !Number.isInteger(vHead) || vHead < 1)
    args.fail(
      "heads",
      `mla needs ${q.producer}'s ${qWidth} features as heads=${heads} × (qk_nope + qk_rope_head_dim=${rope}), and ${kv.producer}'s ${kv.shape[2]} as heads × (qk_nope + v_head_dim)`,
    );
  const scores = batch * heads * sequence * sequence;
  const macs = scores * (qkHead + vHead);
  const implementation = implementationOf(evaluator, args, q);
  evaluator.implementations.add(implementation);
  const { saves, values } = latentSaves(evaluator, implementation, { batch, heads, sequence, qkHead, vHead }, kv);
  const cache: CacheRecord | undefined = causal ? { kind: "latent", elementsPerToken: rank + rope, vectors: 1 } : undefined;
  if (evaluator.live) {
    const shape = { batch, heads, kvHeads: heads, sequence, keys: sequence, headDim: qkHead, elementBytes: q.elementBytes, causal };
    evaluator.live.touch(`${formatPath(segments) || "the model"}: mla`, [x, q, kv], [...latentTransients(shape, rope), ...attentionTransients(implementation, shape)]);
  }
  evaluator.live?.release(kvA);
  evaluator.live?.release(q);
  return created([batch, sequence, heads * vHead], saves, macs, { macs, bytes: values, ...(cache ? { cache } : {}) });
}

/**
 * What training keeps of latent attention beside its projections' saves: the assembled queries and keys
 * (torch.cat's outputs) and what the implementation keeps (transformers' DeepseekV2Attention dispatches
 * through ALL_ATTENTION_FUNCTIONS). Eager (measured, PyTorch 1.13): Q·Kᵀ's q and k, its Python-float
 * scale (a 0-d float64), softmax's output, and the values: a view of kv_b's output, which matmul folds
 * to [batch × heads, sequence, v_head_dim] without a copy at batch 1 and copies otherwise. SDPA
 * (measured with its kernels' saves): q, k, the values' view (kv_b's output whole), the output, the
 * float32 log-sum-exp padded to a multiple of 32 (the memory-efficient kernel: q/k head dims unlike
 * v's rule out the flash kernel) and the philox seed and offset. Flash (flash-attention 2, from the
 * modeling code, not measured): the values padded to the q/k head dim, the padded output, the
 * log-sum-exp unpadded.
 */
function latentSaves(
  evaluator: Evaluator,
  implementation: AttentionImplementation,
  size: { batch: number; heads: number; sequence: number; qkHead: number; vHead: number },
  kv: Tensor,
): { saves: Saved[]; values: number } {
  const { batch, heads, sequence, qkHead, vHead } = size;
  const assembled: Saved = { elements: batch * heads * sequence * qkHead, dtype: "activation" };
  const seeds: Saved = { elements: 2, dtype: "int64" };
  if (implementation === "flash") return { saves: [assembled, assembled, assembled, assembled, { elements: batch * heads * sequence, dtype: "float32" }, seeds], values: 0 };
  const values = implementation === "sdpa" || batch === 1 ? evaluator.keep(["input"], kv, kv).bytes : 0;
  if (implementation === "sdpa") return { saves: [assembled, assembled, "output", { elements: batch * heads * Math.ceil(sequence / 32) * 32, dtype: "float32" }, seeds], values };
  const scores: Saved = { elements: batch * heads * sequence * sequence, dtype: "activation", attention: true };
  const copied: Saved[] = batch === 1 ? [] : [{ elements: batch * heads * sequence * vHead, dtype: "activation" }];
  return { saves: [assembled, assembled, { elements: 1, dtype: "float64" }, scores, ...copied], values };
}

/**
 * What DeepseekV2Attention holds besides q and kv_b's output when it attends: the rotated rotary parts
 * (apply_rotary_emb's results, in the model's dtype: a complex64 product in float32, `type_as` copies
 * in 16-bit) and torch.cat's queries and keys of qk_nope + qk_rope per head.
 */
function latentTransients(shape: AttentionShape, rope: number): LivePart[] {
  const { batch, heads, sequence, headDim, elementBytes } = shape;
  return [
    { what: "queries' rotary part, rotated", bytes: batch * heads * sequence * rope * elementBytes },
    { what: "the shared rotary key, rotated", bytes: batch * sequence * rope * elementBytes },
    { what: `queries assembled [${batch}, ${heads}, ${sequence}, ${headDim}] (torch.cat)`, bytes: batch * heads * sequence * headDim * elementBytes },
    { what: `keys assembled [${batch}, ${heads}, ${sequence}, ${headDim}] (torch.cat)`, bytes: batch * heads * sequence * headDim * elementBytes },
  ];
}

/** The routed experts a moe() step names, with their top_k: or an error saying what is missing. */
function routedExperts({ args, child }: OpContext): { node: TreeNode; topK: number; experts: number } {
  const node = child("experts");
  if (!node.routing) {
    throw new SpecError(
      "invalid-moe",
      args.position("experts"),
      `moe() routes tokens to routed experts, and ${args.string("experts")} is not a repeat with top_k:`,
      "write the experts as one entry with repeat: (the number of experts) and top_k: (the experts each token uses)",
    );
  }
  return { node, topK: node.routing.topK, experts: node.routing.experts };
}

/** Rows the experts compute: every token top_k times, or with a capacity factor every expert's padded capacity. */
function dispatchedRows(op: OpContext, tokens: number, topK: number, experts: number): number {
  if (op.args.isNone("capacity_factor")) return tokens * topK;
  const factor = op.args.float("capacity_factor");
  if (factor <= 0) op.args.fail("capacity_factor", `capacity_factor is ${factor}, and an expert's capacity must be positive`, "give 1.0 or more, e.g. capacity_factor=1.25");
  return experts * Math.ceil((factor * tokens * topK) / experts);
}

/**
 * A mixture-of-experts layer: the router scores each token, a softmax and top-k choose `top_k`
 * experts, and each expert runs on the tokens sent to it; with `shared`, an always-used expert
 * adds its output (scaled by sigmoid(shared_gate(x)) where given, as Qwen2-MoE does). MACs and activations are those expected under uniform routing: every token's
 * top_k expert calls, run as one pass over tokens × top_k rows (the sum over experts of what each
 * computes); with a capacity factor, every expert computes its full capacity (padded dispatch).
 */
function mixtureOfExperts(op: OpContext): Tensor {
  const { evaluator, args, x, segments, producer, call } = op;
  const { node, topK, experts } = routedExperts(op);
  const logits = evaluator.runNode(op.child("router"), x, segments);
  if (logits.shape.at(-1) !== experts || !sameShape(logits.shape.slice(0, -1), x.shape.slice(0, -1)))
    throw new SpecError(
      "invalid-moe",
      args.position("router"),
      `moe() needs ${args.string("router")} to score each token for the ${experts} experts, ${shapeText([...x.shape.slice(0, -1), experts])}, but it gives ${shapeText(logits.shape)}`,
      `give the router ${experts} outputs, e.g. Linear(d, ${experts}, bias=False)`,
    );
  const tokens = numel(x.shape.slice(0, -1));
  // The routing keeps its softmax (float32, as Mixtral and DeepSeek compute it) and the chosen experts' indices (int64).
  const routing = evaluator.fresh([tokens, topK], `${producer} (routing weights)`);
  const kept = evaluator.keep(
    [
      { elements: tokens * experts, dtype: "float32" },
      { elements: tokens * topK, dtype: "int64" },
    ],
    logits,
    routing,
  );
  evaluator.record({ type: "moe routing", segments: [...segments, call.text], output: [tokens, topK], macs: 0, attentionMacs: 0, savedBytes: kept.bytes, attentionBytes: 0 });
  const rows = dispatchedRows(op, tokens, topK, experts);
  const dispatched = evaluator.fresh([rows, x.shape.at(-1)!], `${producer} (tokens sent to the experts)`);
  const computed = evaluator.runRouted(node, dispatched, segments);
  const weights = evaluator.fresh([rows, 1], `${producer} (routing weights)`);
  const weighted = merge(evaluator, "multiply", computed, weights, call.position, segments);
  let y = evaluator.fresh([...x.shape.slice(0, -1), weighted.shape.at(-1)!], producer);
  if (!args.isNone("shared")) y = merge(evaluator, "add", y, sharedExpert(op), call.position, segments);
  return { ...y, producer };
}

/** The always-used expert; with `shared_gate` (Qwen2-MoE), its output scaled by sigmoid(shared_gate(x)), one value per token. */
function sharedExpert(op: OpContext): Tensor {
  const { evaluator, args, x, segments, call } = op;
  const shared = evaluator.runNode(op.child("shared"), x, segments);
  if (args.isNone("shared_gate")) return shared;
  const gate = evaluator.runNode(op.child("shared_gate"), x, segments);
  const scale = evaluator.fresh(gate.shape, `${gate.producer} → sigmoid`);
  evaluator.record({
    type: "sigmoid",
    segments: [...segments, call.text],
    output: gate.shape,
    macs: 0,
    attentionMacs: 0,
    savedBytes: evaluator.keep(["output"], gate, scale).bytes,
    attentionBytes: 0,
  });
  return merge(evaluator, "multiply", shared, scale, call.position, segments);
}
