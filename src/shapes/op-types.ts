import type { ArgumentSpec, DescribedLayer, ForwardResult, LayerArguments, Saved } from "../catalogue/index.js";
import type { SourcePosition } from "../diagnostics/index.js";
import type { EvaluatedCall, Value } from "../parse/values.js";
import type { ModuleNode, PathSegment, ResolvedModel, TreeNode } from "../resolve/index.js";
import type { AttentionImplementation } from "./attention-implementations.js";
import type { Liveness } from "./liveness.js";
import type { CacheRecord, CallRecord, Flowing, Tensor } from "./types.js";

export const shapeText = (shape: readonly number[]) => `[${shape.join(", ")}]`;

/** NumPy broadcasting, or undefined when the shapes do not broadcast. */
export function broadcast(a: readonly number[], b: readonly number[]): number[] | undefined {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let d = 0; d < rank; d++) {
    const x = a[a.length - rank + d] ?? 1;
    const y = b[b.length - rank + d] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return undefined;
    out.push(Math.max(x, y));
  }
  return out;
}

/** A module call's forward values, as ops see them (src/shapes/values.ts). */
export interface ForwardScope {
  readonly module: ModuleNode;
  readonly segments: PathSegment[];
  /** The tensor a name stands for: a value, or a Parameter/buffer child; undefined for anything else. */
  tensorNamed(name: string): Flowing | undefined;
  /** True when a call argument is a tensor operand: a value, a tensor child, a call, or a list of them. */
  isOperand(value: Value): boolean;
  /** Every name an operand can use here (values, then Parameter and buffer children): for did-you-mean. */
  tensorNames(): string[];
}

/** What functional ops need of the inference that runs them. */
export interface Evaluator {
  readonly model: ResolvedModel;
  /** The live tensors, when the prefill peak is asked for. */
  readonly live?: Liveness;
  /** The attention implementation of an attention(...) op without `attention=`. */
  readonly attention: AttentionImplementation;
  /** The implementations attention and mla ops ran, for the reports to say what the activations assume. */
  readonly implementations: Set<AttentionImplementation>;
  fresh(shape: number[], producer: string, elementBytes?: number): Tensor;
  keep(saves: readonly Saved[], input: Tensor, output: Tensor): { bytes: number; attention: number };
  record(call: Omit<CallRecord, "instances">): void;
  /** `trainable`: whether the layer has parameters that learn (else read from `call.layer`), for whether its output requires grad. */
  applied(result: ForwardResult, x: Tensor, producer: string, call: Pick<CallRecord, "layer" | "type" | "segments">, trainable?: boolean): Tensor;
  describe(layer: number): DescribedLayer;
  /** A layer entry's parameters that do not train (frozen by the entry or by requires_grad=False). */
  frozenOf(layer: number): string[];
  childAt(module: ModuleNode, name: string, position: SourcePosition): TreeNode;
  runNode(node: TreeNode, x: Tensor, prefix: PathSegment[], extra?: readonly Tensor[]): Tensor;
  /** The tensor (or tuple) an operand argument stands for; runs a nested call. */
  operand(values: ForwardScope, value: Value, position: SourcePosition, chain: Flowing): Flowing;
  /** Runs routed experts once over the tokens dispatched to all of them: the work of every expert together. */
  runRouted(node: TreeNode, x: Tensor, prefix: PathSegment[]): Tensor;
}

export const arg = (name: string, type: "int" | "float" | "bool" | "string" | "any", value?: number | boolean | null): ArgumentSpec =>
  value === undefined ? { name, type } : { name, type, default: value };
export const CHILDREN: readonly ArgumentSpec[] = [{ name: "children", type: "string", variadic: true }];

/** What an op's `run` works with: its bound arguments, its input, and helpers to make its output. */
export interface OpContext extends OpTools {
  evaluator: Evaluator;
  module: ModuleNode;
  /**
   * The tensors the op works on: its leading operand arguments (`cat([a, b], 1)`, `mul(x, gamma)`),
   * with the chain's value first when the call gives fewer than the op's `operands`; `x` is the first.
   */
  operands: Tensor[];
  /** The tensor a value-name argument names (`kv=memory`): a value or a Parameter/buffer of the module. */
  value: (argument: string) => Tensor;
  call: EvaluatedCall;
  args: LayerArguments;
  x: Tensor;
  segments: PathSegment[];
  producer: string;
  rank: number;
  /** A dimension argument, negative counted from the end, checked against the input's rank. */
  dim: (argument: string) => number;
  /** The input, reshaped without a copy. */
  view: (shape: number[]) => Tensor;
  /** The shape of the Parameter(...) entry an argument names. */
  parameterShape: (argument: string) => number[];
}

export interface OpTools {
  fail: (expects: string) => never;
  child: (argument: string) => TreeNode;
  created: (shape: number[], saves?: Saved[], macs?: number, extra?: { macs: number; bytes: number; cache?: CacheRecord }) => Tensor;
}

/** An op that is not a module: its arguments as Python names them, and its shape inference. */
export interface OpDefinition {
  /**
   * How many tensors the op takes as its leading arguments (`add(a, b)`: 2; `cat([a, b], 1)`: "list");
   * absent for an op on the chain's value alone. An op given fewer takes the chain's value first.
   */
  operands?: number | "list";
  signature: readonly ArgumentSpec[];
  /** The op's result: a tensor, or a tuple of them for chunk and unbind, which a step destructures. */
  run: (op: OpContext) => Flowing;
}
