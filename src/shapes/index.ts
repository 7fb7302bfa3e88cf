/**
 * Shape inference over the spec's module tree: every layer's output shape by PyTorch's rules,
 * MACs, and the bytes autograd keeps for backward in a training step, with checkpointing.
 */
import { describeLayer, numel, sameShape, type DescribedLayer, type ForwardInput, type ForwardResult, type Saved, type SavedDtype } from "../catalogue/index.js";
import { checked } from "../count/index.js";
import { didYouMean, SpecError, type SourcePosition } from "../diagnostics/index.js";
import { formatPath, type ForwardStep, type LeafNode, type ModuleNode, type PathSegment, type ResolvedModel, type TreeNode } from "../resolve/index.js";
import { isOpName, merge, runOp } from "./ops.js";
import type { Evaluator } from "./op-types.js";
import { foldCopies, permuted, rowMajor, viewAs } from "./layout.js";
import { Liveness, type PrefillOptions } from "./liveness.js";
import type { CallRecord, Checkpointing, LayerShapes, ShapeReport, Tensor } from "./types.js";

export { opArguments } from "./ops.js";
export type { PrefillOptions } from "./liveness.js";
export { CHECKPOINTING, type CacheRecord, type CallRecord, type Checkpointing, type LayerShapes, type PrefillPeak, type ShapeReport, type ShapeTotals } from "./types.js";

export interface ShapeOptions {
  batch: number;
  /** Bytes of one activation element: 4 in float32, 2 under 16-bit or mixed precision. */
  activationBytes: number;
  checkpointing: Checkpointing;
  /** Follow the forward's live tensors for the prefill peak of a serving forward (no autograd; causal attention fills a KV cache). */
  prefill?: PrefillOptions;
}

const FIXED_BYTES: Record<Exclude<SavedDtype, "activation">, number> = { float32: 4, int64: 8, bool: 1 };

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
  readonly calls: CallRecord[] = [];
  readonly blocks: Block[] = [];
  bytes = 0;
  attentionBytes = 0;
  private repeatDepth = 0;
  readonly live?: Liveness;

  constructor(
    readonly model: ResolvedModel,
    readonly options: ShapeOptions,
  ) {
    if (options.prefill) this.live = new Liveness(options.prefill);
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
      const tensor = saved === "input" ? input : output;
      if (this.kept.has(tensor.storage)) continue;
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

  /** Runs every instance of a child, one after another; see docs/shapes.md, "Symbolic repeat". */
  runNode(node: TreeNode, x: Tensor, prefix: PathSegment[]): Tensor {
    if (node.routing) {
      throw new SpecError(
        "experts-chained",
        node.position,
        `${formatPath([...prefix, ...node.own])} are ${node.instances} routed experts (top_k: ${node.routing.topK}), and this forward would run them one after another`,
        `route the tokens with the moe op in the parent's forward: "moe(gate, ${node.name})", with shared= for shared experts`,
      );
    }
    // The caller holds a module's input until it returns.
    this.live?.hold(x);
    const y = this.runInstances(node, x, prefix);
    this.live?.release(x);
    return y;
  }

  private runInstances(node: TreeNode, x: Tensor, prefix: PathSegment[]): Tensor {
    const run = node.own.findIndex((segment) => typeof segment === "object");
    if (run < 0) return this.runInstance(node, x, [...prefix, ...node.own]);
    const { from, to } = node.own[run] as { from: number; to: number };
    const at = (index: PathSegment) => [...prefix, ...node.own.map((segment, position) => (position === run ? index : segment))];
    const outermost = node.kind === "module" && this.repeatDepth === 0;
    let y = x;
    for (let i = 0; i < node.instances; i++) {
      const [callsBefore, bytesBefore, attentionBefore] = [this.calls.length, this.bytes, this.attentionBytes];
      const input = y;
      if (node.kind === "module") this.repeatDepth++;
      this.live?.hold(input);
      y = this.runInstance(node, input, at(from + i));
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

  private runInstance(node: TreeNode, x: Tensor, segments: PathSegment[]): Tensor {
    return node.kind === "leaf" ? this.callLeaf(node, x, segments) : this.runModule(node, x, segments);
  }

  private callLeaf(node: LeafNode, x: Tensor, segments: PathSegment[]): Tensor {
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
  applied(result: ForwardResult, x: Tensor, producer: string, call: Pick<CallRecord, "layer" | "type" | "segments">): Tensor {
    const output = this.outputOf(result, x, producer);
    const kept = this.keep(result.saves ?? [], x, output);
    this.live?.touch(producer, [x, output]);
    this.record({ ...call, output: result.output, macs: result.macs ?? 0, attentionMacs: result.attentionMacs ?? 0, savedBytes: kept.bytes, attentionBytes: kept.attention });
    return output;
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

  private runModule(node: ModuleNode, x: Tensor, segments: PathSegment[]): Tensor {
    const { forward, residual, branches } = node.topology;
    const aside = new Set([residual?.shortcut, ...(residual?.then ?? [])].flatMap((step) => (step?.kind === "child" ? [step.name] : [])));
    // A repeat split by its index is several children of one name: one step runs them all.
    const steps: ForwardStep[] =
      forward ??
      node.children
        .filter((child, i) => !aside.has(child.name) && node.children[i - 1]?.name !== child.name)
        .map((child) => ({ kind: "child", name: child.name, position: child.position }));
    if (branches) {
      // Each branch's output waits for the merge.
      const outputs = steps.map((step) => {
        const output = this.runStep(node, step, x, segments);
        this.live?.hold(output);
        return output;
      });
      const mergeAll = () => outputs.reduce((left, right) => merge(this, branches.merge, left, right, node.position, segments));
      // torch.cat(outputs, 1) is one op: every branch's output and the result live at once.
      const merged = this.live ? this.live.quietly(mergeAll) : mergeAll();
      this.live?.touch(`${formatPath(segments) || "the model"} (${branches.merge})`, [...outputs, merged]);
      for (const output of outputs) this.live?.release(output);
      return merged;
    }
    let y = steps.reduce((tensor, step) => this.runStep(node, step, tensor, segments), x);
    if (residual) {
      const shortcut = residual.shortcut && (residual.shortcut.kind === "op" || this.child(node, residual.shortcut.name)) ? this.runStep(node, residual.shortcut, x, segments) : x;
      y = merge(this, residual.merge, y, shortcut, residual.position, segments);
      y = residual.then.reduce((tensor, step) => this.runStep(node, step, tensor, segments), y);
    }
    return y;
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

  runStep(module: ModuleNode, step: ForwardStep, x: Tensor, segments: PathSegment[]): Tensor {
    if (step.kind === "child") {
      this.childAt(module, step.name, step.position);
      return module.children.filter((child) => child.name === step.name).reduce((tensor, child) => this.runNode(child, tensor, segments), x);
    }
    return runOp(this, module, step.call, x, segments);
  }
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
  const given = model.input.value;
  const input = given.kind === "tensor" ? [options.batch, ...given.shape] : [options.batch, given.length];
  // Token ids are int64.
  const x = inference.fresh(input, "the input", given.kind === "tokens" ? 8 : options.activationBytes);
  // The input exists before the forward, as the weights do.
  inference.live?.excluded.add(x.storage);
  const output = inference.runNode(model.tree, x, []);
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
    output: output.shape,
    layers,
    totals: { macs, attentionMacs, flops: inference.counted(2 * macs, model.input.position, "the model's FLOPs"), activations, activationsStored: inference.bytes },
    calls: inference.calls,
    blocks: inference.blocks,
    ...(inference.live ? { prefill: inference.live.peak } : {}),
  };
}
