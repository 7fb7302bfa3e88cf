import { SpecError, type SourcePosition } from "../diagnostics/index.js";
import type { EvaluatedArgument, EvaluatedCall, Value } from "../parse/values.js";
import type { LeafNode, ModuleNode, PathSegment, TreeNode } from "../resolve/index.js";
import type { Evaluator, ForwardScope } from "./op-types.js";
import { noGrad, type Flowing, type Tensor } from "./types.js";

/** The chain's value or a bound value where one tensor is needed, or an error at `position` saying what it is. */
export function single(value: Flowing, position: SourcePosition, what: string): Tensor {
  if (!Array.isArray(value)) return value;
  throw operandError(position, `${what} is a tuple of ${value.length} tensors, and one tensor is needed here`, 'bind its parts to names first: - "a, b": chunk(x, 2, 1)');
}

/**
 * One call of a module's forward: its values (the module's inputs, then what its steps bind), as
 * Python locals are. A value is alive (for the prefill peak) until it is rebound or the module returns.
 */
export class ForwardValues implements ForwardScope {
  private readonly values = new Map<string, Flowing>();

  constructor(
    private readonly evaluator: Evaluator,
    readonly module: ModuleNode,
    readonly segments: PathSegment[],
    inputs: readonly string[],
    tensors: readonly Tensor[],
  ) {
    inputs.forEach((name, index) => this.values.set(name, tensors[index]!));
  }

  get(name: string): Flowing | undefined {
    return this.values.get(name);
  }

  /** Binds `names` to a step's result: one name takes it whole, several destructure a tuple. */
  bind(names: readonly string[], value: Flowing, position: SourcePosition): void {
    if (names.length > 1 && (!Array.isArray(value) || value.length !== names.length)) {
      const got = Array.isArray(value) ? `a tuple of ${value.length}` : "one tensor";
      throw operandError(position, `${names.join(", ")} take ${names.length} tensors, and the step gives ${got}`, "bind as many names as the step gives tensors");
    }
    names.forEach((name, index) => {
      if (this.module.children.some((child) => child.name === name)) {
        throw new SpecError("value-hides-child", position, `the value '${name}' has the name of a child of this module`, `rename the value (e.g. ${name}_out)`);
      }
      this.set(name, names.length > 1 ? (value as Tensor[])[index]! : value);
    });
  }

  /** The values this call holds alive: what its steps bound (its inputs are held by its caller). */
  private readonly held = new Set<string>();

  private set(name: string, value: Flowing): void {
    for (const tensor of [value].flat()) this.evaluator.live?.hold(tensor);
    if (this.held.has(name)) for (const tensor of [this.values.get(name)!].flat()) this.evaluator.live?.release(tensor);
    this.held.add(name);
    this.values.set(name, value);
  }

  /** Ends the call: the locals it bound are freed. */
  release(): void {
    for (const name of this.held) for (const tensor of [this.values.get(name)!].flat()) this.evaluator.live?.release(tensor);
  }

  /** A value name, or a tensor child (`Parameter(...)`, `Buffer(...)`): the tensor an operand names, or undefined. */
  tensorNamed(name: string): Flowing | undefined {
    const value = this.values.get(name);
    if (value) return value;
    const child = this.tensorChild(name);
    if (!child) return undefined;
    // One tensor per Parameter, however often the forward uses it.
    let tensor = this.parameters.get(name);
    if (!tensor) this.parameters.set(name, (tensor = parameterTensor(this.evaluator, child, name)));
    return tensor;
  }

  private readonly parameters = new Map<string, Tensor>();

  private tensorChild(name: string): LeafNode | undefined {
    const child = this.module.children.find((candidate) => candidate.name === name);
    return child && isTensorLeaf(this.evaluator, child) ? child : undefined;
  }

  tensorNames(): string[] {
    const tensors = this.module.children.filter((child) => isTensorLeaf(this.evaluator, child)).map((child) => child.name);
    return [...this.values.keys(), ...tensors];
  }

  /** True when the argument is a tensor operand: a value, a tensor child, a call, or a list of them. Makes no tensor. */
  isOperand(value: Value): boolean {
    if (value.kind === "symbol") return this.values.has(value.name) || this.tensorChild(value.name) !== undefined;
    if (value.kind === "layer") return true;
    return value.kind === "tuple" && value.items.length > 0 && value.items.every((item) => this.isOperand(item));
  }
}

/** A leaf that holds a tensor rather than computing one: Parameter(...), Buffer(...). */
export function isTensorLeaf(evaluator: Evaluator, node: TreeNode): node is LeafNode {
  if (node.kind !== "leaf") return false;
  const type = evaluator.describe(node.layer).definition.type;
  return type === "Parameter" || type === "Buffer";
}

/**
 * A Parameter's or buffer's tensor as an operand: it lives before the forward as the weights do. A
 * Parameter is a weight, never counted as kept; a buffer needs no gradient, and counts where an op keeps it.
 */
function parameterTensor(evaluator: Evaluator, node: LeafNode, name: string): Tensor {
  const described = evaluator.describe(node.layer);
  const parameter = described.parameters[0];
  const tensor = evaluator.fresh((parameter ?? described.buffers[0]!).shape, name);
  // Frozen by its call (requires_grad=False) or by its entry (frozen: true): the evaluator's frozenOf says both.
  const frozen = parameter !== undefined && evaluator.frozenOf(node.layer).includes(parameter.name);
  const made: Tensor = parameter ? { ...tensor, parameter: true, ...(frozen ? noGrad : {}) } : { ...tensor, ...noGrad };
  evaluator.live?.excluded.add(made.storage);
  return made;
}

/** Splits a call's leading operands (at most `count`, or one list) from its other arguments. */
export function splitOperands(values: ForwardScope, call: EvaluatedCall, count: number | "list"): { operands: EvaluatedArgument[]; rest: EvaluatedCall } {
  const operands: EvaluatedArgument[] = [];
  const limit = count === "list" ? 1 : count;
  for (const arg of call.args) {
    if (operands.length === limit || arg.name !== undefined || !values.isOperand(arg.value)) break;
    operands.push(arg);
  }
  return { operands, rest: { ...call, args: call.args.slice(operands.length) } };
}

/** The position of an operand list's problem, for messages. */
export function operandError(position: SourcePosition, detail: string, hint: string): SpecError {
  return new SpecError("wrong-operands", position, detail, hint);
}
