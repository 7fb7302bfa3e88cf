/**
 * Shape inference over the spec's module tree: every layer's output shape by PyTorch's rules,
 * MACs, and the bytes autograd keeps for backward in a training step, with checkpointing.
 */
import { describeLayer, numel, sameShape, type DescribedLayer, type ForwardInput, type ForwardResult, type Saved, type SavedDtype } from "../catalogue/index.js";
import { checked } from "../count/index.js";
import { didYouMean, SpecError, type SourcePosition } from "../diagnostics/index.js";
import { describeValue, type EvaluatedCall, type Value } from "../parse/values.js";
import { formatPath, type ForwardStep, type Merge, type LeafNode, type ModuleNode, type PathSegment, type ResolvedModel, type TreeNode } from "../resolve/index.js";
import { isOpName, merge, runOp } from "./ops.js";
import type { Evaluator } from "./op-types.js";
import { foldCopies, permuted, rowMajor, viewAs } from "./layout.js";
import { ForwardValues, operandError, single } from "./values.js";
import type { AttentionImplementation } from "./attention-implementations.js";
import { Liveness, type PrefillOptions } from "./liveness.js";
import { logitsLayer } from "./logits.js";
import { needsGrad, noGrad, withGrad, type CallRecord, type Checkpointing, type Flowing, type LayerShapes, type ShapeReport, type Tensor } from "./types.js";

export { opArguments } from "./ops.js";
export type { PrefillOptions } from "./liveness.js";
export { ATTENTION_IMPLEMENTATIONS, attentionImplementation, type AttentionImplementation } from "./attention-implementations.js";
export {
  CHECKPOINTING,
  type CacheRecord,
  type StateRecord,
  type CallRecord,
  type Checkpointing,
  type LayerShapes,
  type PrefillPeak,
  type ShapeReport,
  type ShapeTotals,
} from "./types.js";

export interface ShapeOptions {
  batch: number;
  /** Bytes of one activation element: 4 in float32, 2 under 16-bit or mixed precision. */
  activationBytes: number;
  checkpointing: Checkpointing;
  /** How attention(...) ops without `attention=` run in training (docs/shapes.md, "Attention implementations"); sdpa unless given. */
  attention?: AttentionImplementation;
  /** Follow the forward's live tensors for the prefill peak of a serving forward (no autograd; causal attention fills a KV cache). */
  prefill?: PrefillOptions;
}

const FIXED_BYTES: Record<Exclude<SavedDtype, "activation">, number> = { float32: 4, float64: 8, int64: 8, bool: 1 };

/** One repeated module's instances, for full checkpointing: what each keeps, and its input, which checkpointing keeps instead. */
interface Block {
  bytes: number;
  inputBytes: number;
  instances: number;
}

class Inference implements Evaluator {
  private nextStorage = 0;
  private readonly kept = new Set<number>();
  private readonly described = new Map<number, DescribedLayer>();
  /** Each layer entry's frozen parameters (frozenOf), asked at every call of the entry. */
  private readonly frozen = new Map<number, string[]>();
  readonly calls: CallRecord[] = [];
  readonly blocks: Block[] = [];
  bytes = 0;
  attentionBytes = 0;
  private repeatDepth = 0;
  readonly live?: Liveness;
  readonly attention: AttentionImplementation;
  /** The implementations attention ops ran, for the reports to say what the activations assume. */
  readonly implementations = new Set<AttentionImplementation>();
  /** The head that runs on the last position only (`logits: last`). */
  private readonly lastPositionLayer?: number;

  constructor(
    readonly model: ResolvedModel,
    readonly options: ShapeOptions,
  ) {
    if (options.prefill) this.live = new Liveness(options.prefill);
    this.attention = options.prefill?.attention ?? options.attention ?? "sdpa";
    if (options.prefill?.logits === "last") this.lastPositionLayer = logitsLayer(model);
  }

  fresh(shape: number[], producer: string, elementBytes = this.options.activationBytes): Tensor {
    return { shape, storage: this.nextStorage++, storageBytes: numel(shape) * elementBytes, strides: rowMajor(shape), elementBytes, producer };
  }

  /**
   * A count that must be exact. The prefill run reports memory only: its MACs may pass 2^53 at a long
   * context that still fits in memory, and `fits` must not read that as memory it lacks.
   */
  counted(value: number, position: SourcePosition, what: string): number {
    return this.options.prefill ? value : checked(value, position, what);
  }

  /** What keeping the tensor for backward costs: its whole storage, as PyTorch keeps a saved view's base alive. */
  bytesOf(tensor: Tensor): number {
    return tensor.storageBytes;
  }

  /** Keeps `saves` for backward; returns the bytes this adds, a storage already kept adding none. */
  keep(saves: readonly Saved[], input: Tensor, output: Tensor): { bytes: number; attention: number } {
    let bytes = 0;
    let attention = 0;
    for (const saved of saves) {
      if (typeof saved === "object") {
        const added = saved.elements * (saved.dtype === "activation" ? this.options.activationBytes : FIXED_BYTES[saved.dtype]);
        bytes += added;
        if (saved.attention) attention += added;
        continue;
      }
      // A float32 copy of the input (LlamaRMSNorm's upcast), which is the input itself when that is already float32.
      if (saved === "input in float32" && input.elementBytes < 4) {
        bytes += numel(input.shape) * 4;
        continue;
      }
      const tensor = saved === "output" ? output : input;
      if (tensor.parameter || this.kept.has(tensor.storage)) continue;
      this.kept.add(tensor.storage);
      bytes += this.bytesOf(tensor);
    }
    this.bytes += bytes;
    this.attentionBytes += attention;
    return { bytes, attention };
  }

  record(call: Omit<CallRecord, "instances">): void {
    this.calls.push({ ...call, instances: 1 });
  }

  describe(index: number): DescribedLayer {
    let described = this.described.get(index);
    if (!described) this.described.set(index, (described = describeLayer(this.model.layers[index]!.call)));
    return described;
  }

  /**
   * Runs every instance of a child, one after another (see docs/shapes.md, "Symbolic repeat"); a
   * module's further inputs (`inputs: [x, memory]`) reach every instance unchanged.
   */
  runNode(node: TreeNode, x: Tensor, prefix: PathSegment[], extra: readonly Tensor[] = []): Tensor {
    if (node.routing) {
      throw new SpecError(
        "experts-chained",
        node.position,
        `${formatPath([...prefix, ...node.own])} are ${node.instances} routed experts (top_k: ${node.routing.topK}), and this forward would run them one after another`,
        `route the tokens with the moe op in the parent's forward: "moe(gate, ${node.name})", with shared= for shared experts`,
      );
    }
    // The caller holds a module's input until it returns.
    for (const tensor of [x, ...extra]) this.live?.hold(tensor);
    const y = this.runInstances(node, x, prefix, extra);
    for (const tensor of [x, ...extra]) this.live?.release(tensor);
    return y;
  }

  private runInstances(node: TreeNode, x: Tensor, prefix: PathSegment[], extra: readonly Tensor[]): Tensor {
    const run = node.own.findIndex((segment) => typeof segment === "object");
    if (run < 0) return this.runInstance(node, x, [...prefix, ...node.own], extra);
    const { from, to } = node.own[run] as { from: number; to: number };
    const at = (index: PathSegment) => [...prefix, ...node.own.map((segment, position) => (position === run ? index : segment))];
    const outermost = node.kind === "module" && this.repeatDepth === 0;
    let y = x;
    for (let i = 0; i < node.instances; i++) {
      const [callsBefore, bytesBefore, attentionBefore] = [this.calls.length, this.bytes, this.attentionBytes];
      const input = y;
      if (node.kind === "module") this.repeatDepth++;
      this.live?.hold(input);
      y = this.runInstance(node, input, at(from + i), extra);
      this.live?.release(input);
      if (node.kind === "module") this.repeatDepth--;
      const bytes = this.bytes - bytesBefore;
      if (outermost) this.blocks.push({ bytes, inputBytes: this.bytesOf(input), instances: 1 });
      const remaining = node.instances - 1 - i;
      // From the second instance on, an instance that keeps its shape is the steady state: the rest repeat its figures.
      if (remaining > 0 && i >= 1 && sameShape(input.shape, y.shape)) {
        const depth = prefix.length + run;
        for (const call of this.calls.slice(callsBefore)) {
          const segments = call.segments.map((segment, position) => (position === depth ? { from: from + i + 1, to } : segment));
          const times = (value: number) => this.counted(value * remaining, node.position, "a figure of the repeated instances");
          this.calls.push({
            ...call,
            segments,
            instances: call.instances * remaining,
            macs: times(call.macs),
            attentionMacs: times(call.attentionMacs),
            savedBytes: times(call.savedBytes),
            attentionBytes: times(call.attentionBytes),
          });
        }
        this.bytes += bytes * remaining;
        this.attentionBytes += (this.attentionBytes - attentionBefore) * remaining;
        if (outermost) this.blocks.push({ bytes, inputBytes: this.bytesOf(y), instances: remaining });
        return y;
      }
    }
    return y;
  }

  runRouted(node: TreeNode, x: Tensor, prefix: PathSegment[]): Tensor {
    return this.runInstance(node, x, [...prefix, ...node.own]);
  }

  private runInstance(node: TreeNode, x: Tensor, segments: PathSegment[], extra: readonly Tensor[] = []): Tensor {
    return node.kind === "leaf" ? this.callLeaf(node, x, segments) : this.runModule(node, [x, ...extra], segments);
  }

  private callLeaf(node: LeafNode, given: Tensor, segments: PathSegment[]): Tensor {
    // hidden_states[:, -1:, :]: a view of the last position.
    const x = node.layer === this.lastPositionLayer ? { ...given, shape: [given.shape[0]!, 1, ...given.shape.slice(2)] } : given;
    const layer = this.model.layers[node.layer]!;
    const { definition, args } = this.describe(node.layer);
    const path = formatPath(segments);
    if (!definition.forward) {
      throw new SpecError(
        "shape-unsupported",
        layer.position,
        `shape inference does not follow ${definition.type} yet`,
        "remove input: from the spec to count without shapes, or replace the layer with ones it follows",
      );
    }
    const input: ForwardInput = {
      shape: x.shape,
      foldCopies: foldCopies(x),
      frozen: this.frozenOf(node.layer),
      mismatch: (name, expects) => {
        throw new SpecError(
          "shape-mismatch",
          name ? args.position(name) : layer.position,
          `${path} expects ${expects} (${layer.call.text}), but ${x.producer} produces [${x.shape.join(", ")}]`,
          "make the layer's arguments match what reaches it, or fix the layer before it",
        );
      },
    };
    return this.applied(definition.forward(args, input), x, path, { layer: node.layer, type: definition.type, segments });
  }

  /** The output of a layer's forward rule on `x`, with what it keeps and its record. */
  applied(result: ForwardResult, x: Tensor, producer: string, call: Pick<CallRecord, "layer" | "type" | "segments">, trainable?: boolean): Tensor {
    const computed = this.outputOf(result, x, producer);
    // A layer without trainable parameters on an input that requires no grad makes an output that requires none.
    const learns = trainable ?? (call.layer !== undefined && this.learns(call.layer));
    const output = withGrad(computed, learns || needsGrad(x));
    // Nothing to differentiate (an input that requires no grad, no trainable parameter): autograd records no node, so keeps nothing.
    const kept = needsGrad(output) ? this.keep(result.saves ?? [], x, output) : { bytes: 0, attention: 0 };
    this.live?.touch(producer, [x, output]);
    this.record({ ...call, output: result.output, macs: result.macs ?? 0, attentionMacs: result.attentionMacs ?? 0, savedBytes: kept.bytes, attentionBytes: kept.attention });
    return output;
  }

  /** A layer entry's parameters that do not train: frozen by the entry (`frozen: true`, `frozen: [bias]`) or by its call (`requires_grad=False`). */
  frozenOf(index: number): string[] {
    let names = this.frozen.get(index);
    if (!names) {
      const layer = this.model.layers[index]!;
      const frozen = (name: string, trainable?: boolean) => layer.frozen || trainable === false || layer.frozenTensors.some((item) => item.name === name);
      names = this.describe(index)
        .parameters.filter((parameter) => frozen(parameter.name, parameter.trainable))
        .map((parameter) => parameter.name);
      this.frozen.set(index, names);
    }
    return names;
  }

  /** Whether a layer entry has a parameter that trains. */
  private learns(index: number): boolean {
    const frozen = this.frozenOf(index);
    return this.describe(index).parameters.some((parameter) => !frozen.includes(parameter.name));
  }

  /** A layer's output tensor: its input's storage (in place, a view; a reshape that cannot be one copies), or a new one, permuted where the rule says so. */
  private outputOf({ output: shape, sharesInput, permutes }: ForwardResult, x: Tensor, producer: string): Tensor {
    if (!sharesInput) {
      if (!permutes) return this.fresh(shape, producer);
      const base = new Array<number>(shape.length);
      permutes.forEach((d, position) => (base[d] = shape[position]!));
      return permuted(this.fresh(base, producer), permutes, producer);
    }
    if (permutes) return permuted(x, permutes, producer);
    if (sameShape(shape, x.shape)) return { ...x, producer };
    // nn.Flatten and nn.Unflatten reshape: a view where the strides allow one, a copy where not.
    return viewAs(x, shape, producer) ?? this.fresh(shape, producer);
  }

  /** A module's forward over its inputs: its steps, with their values (docs/shapes.md, "Values"), then its residual or branch merge. */
  runModule(node: ModuleNode, inputs: readonly Tensor[], segments: PathSegment[]): Tensor {
    const { forward, residual, branches } = node.topology;
    const x = inputs[0]!;
    const aside = new Set([residual?.shortcut, ...(residual?.then ?? [])].flatMap((step) => (step?.kind === "child" ? [step.name] : [])));
    // A repeat split by its index is several children of one name: one step runs them all.
    const steps: ForwardStep[] =
      forward ??
      node.children
        .filter((child, i) => !aside.has(child.name) && node.children[i - 1]?.name !== child.name)
        .map((child) => ({ kind: "child", name: child.name, position: child.position }));
    const names = node.topology.inputs ?? ["x"];
    const values = new ForwardValues(this, node, segments, names, inputs);
    const y = branches ? this.runBranches(values, steps, x, branches.merge) : this.runSteps(values, steps, x, residual);
    values.release();
    return y;
  }

  private runSteps(values: ForwardValues, steps: readonly ForwardStep[], x: Tensor, residual: ModuleNode["topology"]["residual"]): Tensor {
    const last = steps.reduce<Flowing>((value, step) => this.runStep(values, step, value), x);
    let y = single(last, stepPosition(steps.at(-1)) ?? values.module.position, "the forward's last step");
    if (residual) {
      const shortcut =
        residual.shortcut && (residual.shortcut.kind !== "child" || this.child(values.module, residual.shortcut.name)) ? this.runStep(values, residual.shortcut, x) : x;
      y = merge(this, residual.merge, y, single(shortcut, residual.position, "the shortcut"), residual.position, values.segments);
      y = single(
        residual.then.reduce<Flowing>((value, step) => this.runStep(values, step, value), y),
        residual.position,
        "the residual's last step",
      );
    }
    return y;
  }

  /** `branches:` runs every step on the module's input; each output waits for the merge. */
  private runBranches(values: ForwardValues, steps: readonly ForwardStep[], x: Tensor, how: Merge): Tensor {
    const { module, segments } = values;
    const outputs = steps.map((step) => {
      const output = single(this.runStep(values, step, x), module.position, "a branch");
      this.live?.hold(output);
      return output;
    });
    const mergeAll = () => outputs.reduce((left, right) => merge(this, how, left, right, module.position, segments));
    // torch.cat(outputs, 1) is one op: every branch's output and the result live at once.
    const merged = this.live ? this.live.quietly(mergeAll) : mergeAll();
    this.live?.touch(`${formatPath(segments) || "the model"} (${how})`, [...outputs, merged]);
    for (const output of outputs) this.live?.release(output);
    return merged;
  }

  child(module: ModuleNode, name: string): TreeNode | undefined {
    return module.children.find((child) => child.name === name);
  }

  /** A child the step names, or an error at the step naming the children there are. */
  childAt(module: ModuleNode, name: string, position: SourcePosition): TreeNode {
    const child = this.child(module, name);
    if (child) return child;
    const names = module.children.map((candidate) => candidate.name);
    const opHint = isOpName(name) ? `write ${name}() for the function, or add a child named ${name}` : undefined;
    throw new SpecError("unknown-child", position, `no child '${name}' in this module`, didYouMean(name, names) ?? opHint ?? `its children are: ${names.join(", ") || "none"}`);
  }

  /** One step on the chain's value: a child or a value by name, a call, or a binding. */
  runStep(values: ForwardValues, step: ForwardStep, chain: Flowing): Flowing {
    if (step.kind === "bind") {
      const result = step.steps.reduce((value, inner) => this.runStep(values, inner, value), chain);
      values.bind(step.names, result, step.position);
      return result;
    }
    if (step.kind === "op") return this.runCall(values, step.call, chain);
    // A bare name is a child, or else a value (only the default input x may share a child's name).
    const value = this.child(values.module, step.name) ? undefined : values.get(step.name);
    if (value) return value;
    if (values.module.absent?.includes(step.name)) return chain;
    this.childAt(values.module, step.name, step.position);
    return this.callChild(values, step.name, [single(chain, step.position, "the chain's value")]);
  }

  /** A call in a forward: an op (`flatten(1)`, `cat([a, b], 1)`), or a child given its operands (`expand1x1(x)`). */
  runCall(values: ForwardValues, call: EvaluatedCall, chain: Flowing): Flowing {
    if (values.module.absent?.includes(call.type) && !this.child(values.module, call.type)) return this.absentCall(values, call, chain);
    if (isOpName(call.type) || !this.child(values.module, call.type)) return runOp(this, values, call, chain);
    const operands = call.args.map((arg) => {
      if (arg.name !== undefined || (arg.value.kind !== "symbol" && !values.isOperand(arg.value)))
        throw operandError(arg.position, `${call.type}(...) calls the child ${call.type}, and this argument is not a tensor`, "give it values, Parameters or calls: fc(x)");
      return single(this.operand(values, arg.value, arg.position, chain), arg.position, "the operand");
    });
    return this.callChild(values, call.type, operands.length ? operands : [single(chain, call.position, "the chain's value")], call.position);
  }

  /** A call to a child its `if:` left out (None in PyTorch, behind `if self.downsample is not None`): its one tensor passes through. */
  private absentCall(values: ForwardValues, call: EvaluatedCall, chain: Flowing): Flowing {
    if (call.args.length > 1)
      throw operandError(
        call.position,
        `${call.type} is left out here by its if:, and a call to it passes one tensor through, not ${call.args.length}`,
        `give ${call.type}(...) one tensor`,
      );
    const arg = call.args[0];
    return arg ? this.operand(values, arg.value, arg.position, chain) : chain;
  }

  /** The tensor (or tuple) an operand stands for: a value, a tensor child, a nested call, or a list of them. */
  operand(values: ForwardValues, value: Value, position: SourcePosition, chain: Flowing): Flowing {
    if (value.kind === "layer") return this.runCall(values, value.call, chain);
    if (value.kind === "tuple") return value.items.map((item) => single(this.operand(values, item, position, chain), position, "a list item"));
    const name = value.kind === "symbol" ? value.name : undefined;
    const tensor = name === undefined ? undefined : values.tensorNamed(name);
    if (tensor) return tensor;
    throw new SpecError(
      "unknown-value",
      value.kind === "symbol" && value.position ? value.position : position,
      name === undefined ? `a tensor is needed here, not ${describeValue(value)}` : `no value, Parameter or buffer named '${name}' here`,
      // A one- or two-letter name is as near to x as to anything: no guess for those.
      (name === undefined || name.length < 3 ? undefined : didYouMean(name, values.tensorNames())) ??
        `bind the value first (- ${name ?? "y"}: ${values.module.children.find((child) => child.kind === "leaf")?.name ?? "fc"}), or name a Parameter(...) or Buffer(...) entry of this module`,
    );
  }

  /** Calls every child of a name (a repeat split by its index) on `operands`: a layer takes one, a module its `inputs:`. */
  private callChild(values: ForwardValues, name: string, operands: Tensor[], position?: SourcePosition): Tensor {
    const children = values.module.children.filter((child) => child.name === name);
    const first = children[0]!;
    const takes = first.kind === "leaf" ? 1 : (first.topology.inputs ?? ["x"]).length;
    if (operands.length !== takes) {
      throw operandError(
        position ?? first.position,
        `${name} takes ${takes} tensor${takes === 1 ? "" : "s"}${first.kind === "module" && first.topology.inputs ? ` (inputs: ${first.topology.inputs.join(", ")})` : ""}, and the call gives ${operands.length}`,
        first.kind === "leaf"
          ? "call a layer on one tensor"
          : first.topology.inputs
            ? "give the module one tensor per name in its inputs:"
            : `name its forward's arguments on the module, e.g. inputs: [${operands.map((_, i) => (i === 0 ? "x" : i === 1 ? "memory" : `input${i}`)).join(", ")}] (without inputs: a module takes one tensor, x)`,
      );
    }
    return children.reduce((tensor, child) => this.runNode(child, tensor, values.segments, operands.slice(1)), operands[0]!);
  }
}

function stepPosition(step: ForwardStep | undefined): SourcePosition | undefined {
  return step && (step.kind === "op" ? step.call.position : step.position);
}

function checkpointed(inference: Inference, checkpointing: Checkpointing): number {
  if (checkpointing === "selective") return inference.bytes - inference.attentionBytes;
  if (checkpointing === "none" || inference.blocks.length === 0) return inference.bytes;
  // Full: each block keeps only its input; backward recomputes one block at a time.
  const inside = inference.blocks.reduce((sum, block) => sum + block.bytes * block.instances, 0);
  const inputs = inference.blocks.reduce((sum, block) => sum + block.inputBytes * block.instances, 0);
  return inference.bytes - inside + inputs + Math.max(...inference.blocks.map((block) => block.bytes));
}

/** Follows the spec's input through its layers; undefined when the spec has no `input:`. */
export function inferShapes(model: ResolvedModel, options: ShapeOptions): ShapeReport | undefined {
  if (!model.input) return undefined;
  const inference = new Inference(model, options);
  const tensors = (model.inputs ?? [{ ...model.input, name: undefined }]).map((given) => {
    const { value } = given;
    const shape = value.kind === "tokens" ? [options.batch, value.length] : [options.batch, ...value.shape];
    // Token ids and other ids (class labels) are int64.
    const made = inference.fresh(shape, given.name === undefined ? "the input" : `the input ${given.name}`, value.kind === "tensor" ? options.activationBytes : 8);
    // A training batch requires no grad (unless said: a trainable upstream's output): a product keeps it for the other factor's gradient, and the other factor not for its.
    const tensor = value.kind === "tensor" && value.requiresGrad ? made : { ...made, ...noGrad };
    // The inputs exist before the forward, as the weights do.
    inference.live?.excluded.add(tensor.storage);
    return tensor;
  });
  const input = tensors[0]!.shape;
  const output = inference.runNode(model.tree, tensors[0]!, [], tensors.slice(1));
  const layers: (LayerShapes | undefined)[] = model.layers.map(() => undefined);
  let macs = 0;
  let attentionMacs = 0;
  for (const call of inference.calls) {
    macs = inference.counted(macs + call.macs, model.input.position, "the model's MACs");
    attentionMacs += call.attentionMacs;
    if (call.layer === undefined) continue;
    const layer = (layers[call.layer] ??= { outputShape: call.output, macs: 0, attentionMacs: 0, activationBytes: 0 });
    Object.assign(layer, {
      outputShape: call.output,
      macs: layer.macs + call.macs,
      attentionMacs: layer.attentionMacs + call.attentionMacs,
      activationBytes: layer.activationBytes + call.savedBytes,
    });
  }
  const activations = checkpointed(inference, options.checkpointing);
  return {
    batch: options.batch,
    checkpointing: options.checkpointing,
    input,
    ...(model.inputs ? { inputs: Object.fromEntries(model.inputs.map((given, index) => [given.name, tensors[index]!.shape])) } : {}),
    output: output.shape,
    layers,
    totals: { macs, attentionMacs, flops: inference.counted(2 * macs, model.input.position, "the model's FLOPs"), activations, activationsStored: inference.bytes },
    calls: inference.calls,
    blocks: inference.blocks,
    ...(inference.implementations.size ? { attention: [...inference.implementations] } : {}),
    ...(inference.live ? { prefill: inference.live.peak } : {}),
  };
}
