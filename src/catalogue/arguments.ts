import { SpecError, spanning, didYouMean, type SourcePosition } from "../diagnostics/index.js";
import { describeValue, type EvaluatedCall, type Value } from "../parse/values.js";
import { INTEGER_DIVISION_HINT } from "../resolve/evaluate.js";
import type { ArgumentSpec, ArgumentType, ForwardInput, ForwardResult, LayerTensors, Signature } from "./types.js";

/**
 * A size below what any tensor can have. The importers replace a layer they cannot count with a
 * placeholder and a warning; a size like this one they refuse, as a spec does, since it only ever
 * comes from a typo or a tampered file and a placeholder would count it as nothing.
 */
export class DimensionError extends SpecError {}

interface BoundValue {
  value: Value;
  position: SourcePosition;
}

/** A layer whose arguments are bound to its definition: what a nested `layer` argument yields. */
export interface BoundLayer {
  definition: LayerDefinition;
  args: LayerArguments;
}

export type LayerLookup = (call: EvaluatedCall) => LayerDefinition;

/**
 * A layer type: its signature and how it counts and runs. It lives beside LayerArguments because
 * each refers to the other (a `layer` argument is bound by looking up its definition).
 */
export interface LayerDefinition extends Signature {
  /** The torch.nn class name. */
  type: string;
  /** Parameters and buffers, in PyTorch's registration order. Throws via `args.fail` on invalid arguments. */
  tensors(args: LayerArguments): LayerTensors;
  /** The output shape, MACs and saved tensors of a call on `input`, by PyTorch's rules; absent for layers shape inference cannot follow. */
  forward?(args: LayerArguments, input: ForwardInput): ForwardResult;
}

/**
 * Arguments bound to a signature and type-checked. Accessors return plain numbers and booleans;
 * `fail` reports a constraint (channels divisible by groups, ...) at the argument's position.
 */
export class LayerArguments {
  constructor(
    private readonly call: EvaluatedCall,
    private readonly values: ReadonlyMap<string, BoundValue>,
    private readonly lookup: LayerLookup,
  ) {}

  get type(): string {
    return this.call.type;
  }

  get callPosition(): SourcePosition {
    return this.call.position;
  }

  private bound(name: string): BoundValue {
    const bound = this.values.get(name);
    if (!bound) throw new Error(`${this.call.type} has no argument '${name}' in its signature`);
    return bound;
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  position(name: string): SourcePosition {
    return this.bound(name).position;
  }

  value(name: string): Value {
    return this.bound(name).value;
  }

  isNone(name: string): boolean {
    return this.bound(name).value.kind === "none";
  }

  int(name: string): number {
    const value = this.value(name);
    if (value.kind !== "int") this.fail(name, `${this.call.type} needs an integer for '${name}', got ${describeValue(value)}`, WHAT_TO_WRITE.int);
    return value.value;
  }

  optionalInt(name: string): number | undefined {
    return this.isNone(name) ? undefined : this.int(name);
  }

  float(name: string): number {
    const value = this.value(name);
    if (value.kind !== "int" && value.kind !== "float") this.fail(name, `${this.call.type} needs a number for '${name}', got ${describeValue(value)}`, WHAT_TO_WRITE.float);
    return value.value;
  }

  bool(name: string): boolean {
    const value = this.value(name);
    if (value.kind !== "bool") this.fail(name, `${this.call.type} needs True or False for '${name}', got ${describeValue(value)}`, WHAT_TO_WRITE.bool);
    return value.value;
  }

  string(name: string): string {
    const value = this.value(name);
    if (value.kind === "string") return value.value;
    if (value.kind === "symbol") return value.name;
    this.fail(name, `${this.call.type} needs a string for '${name}', got ${describeValue(value)}`, WHAT_TO_WRITE.string);
  }

  /** An int or tuple of ints as a list: `7` is `[7]`, `(3, 5)` is `[3, 5]`. */
  ints(name: string): number[] {
    const value = this.value(name);
    if (value.kind === "int") return [value.value];
    if (value.kind === "tuple" && value.items.every((item) => item.kind === "int")) {
      return value.items.map((item) => (item as { value: number }).value);
    }
    this.fail(name, `${this.call.type} needs an integer or a tuple of integers for '${name}', got ${describeValue(value)}`, WHAT_TO_WRITE.size);
  }

  /** A per-dimension size such as kernel_size: an int is repeated `dims` times, a tuple must have `dims` items. */
  size(name: string, dims: number): number[] {
    const value = this.value(name);
    const items = this.ints(name);
    if (value.kind === "int") return Array.from({ length: dims }, () => items[0]!);
    if (items.length !== dims) {
      this.fail(name, `${this.call.type} needs ${dims} value${dims === 1 ? "" : "s"} for '${name}', got ${items.length}`, `write a single integer or a tuple of ${dims}`);
    }
    return items;
  }

  /** A nested layer argument, bound to its own definition. */
  layer(name: string): BoundLayer {
    const value = this.value(name);
    if (value.kind !== "layer")
      this.fail(name, `${this.call.type} needs a layer such as TransformerEncoderLayer(...) for '${name}', got ${describeValue(value)}`, WHAT_TO_WRITE.layer);
    const definition = this.lookup(value.call);
    return { definition, args: bindArguments(definition, value.call, this.lookup) };
  }

  fail(name: string, message: string, hint?: string): never {
    const value = this.values.get(name)?.value;
    // A bare word the layer does not know may be a misspelt variable rather than a keyword.
    const misspelt = value?.kind === "symbol" && value.suggestion !== undefined ? `if '${value.name}' is a variable: did you mean '${value.suggestion}'?` : undefined;
    const at = value?.kind === "symbol" && value.suggestion !== undefined ? value.position : undefined;
    throw new SpecError("invalid-argument", at ?? this.values.get(name)?.position ?? this.call.position, message, [hint, misspelt].filter(Boolean).join("; ") || undefined);
  }

  /** Refuses a size no tensor can have (below 1, or a negative padding): an error wherever the call comes from. */
  refuseSize(name: string, message: string, hint: string): never {
    throw new DimensionError("invalid-size", this.values.get(name)?.position ?? this.call.position, message, hint);
  }
}

function defaultValue(spec: ArgumentSpec): Value {
  const raw = spec.default;
  if (raw === null || raw === undefined) return { kind: "none" };
  if (typeof raw === "boolean") return { kind: "bool", value: raw };
  if (typeof raw === "string") return { kind: "string", value: raw };
  if (typeof raw === "number") return Number.isInteger(raw) && spec.type !== "float" ? { kind: "int", value: raw } : { kind: "float", value: raw };
  return { kind: "tuple", items: raw.map((item) => ({ kind: "int", value: item })) };
}

function accepts(type: ArgumentType, value: Value): boolean {
  switch (type) {
    case "any":
      return true;
    case "int":
      return value.kind === "int";
    case "float":
      return value.kind === "int" || value.kind === "float";
    case "bool":
      return value.kind === "bool";
    case "string":
      return value.kind === "string" || value.kind === "symbol";
    case "size":
      return value.kind === "int" || (value.kind === "tuple" && value.items.every((item) => item.kind === "int"));
    case "padding":
      return accepts("size", value) || accepts("string", value);
    case "layer":
      return value.kind === "layer";
  }
}

const EXPECTED: Record<ArgumentType, string> = {
  any: "a value",
  int: "an integer",
  float: "a number",
  bool: "True or False",
  string: "a string",
  size: "an integer or a tuple of integers",
  padding: "an integer, a tuple of integers or a string such as 'same'",
  layer: "a layer such as TransformerEncoderLayer(...)",
};

/** What to write instead of a value of the wrong type. */
const WHAT_TO_WRITE: Record<ArgumentType, string> = {
  any: "write the value as PyTorch takes it",
  int: "write a whole number such as 64; in an expression, // divides to a whole number",
  float: "write a number such as 0.1",
  bool: "write True or False",
  string: "write a quoted string such as 'same'",
  size: "write an integer such as 3, or a tuple of integers such as (3, 3)",
  padding: "write an integer, a tuple of integers such as (1, 1), or 'same' or 'valid'",
  layer: "write a layer call such as TransformerEncoderLayer(512, 8)",
};

function checkType(call: EvaluatedCall, spec: ArgumentSpec, value: Value, position: SourcePosition): void {
  if (value.kind === "none" && (spec.optional || spec.default === null)) return;
  if (accepts(spec.type, value)) return;
  if (value.kind === "symbol") {
    const hint = value.suggestion === undefined ? `define it under vars:, or check its spelling` : `did you mean '${value.suggestion}'?`;
    throw new SpecError(
      "undefined-variable",
      value.position ? spanning(value.position, value.name) : position,
      `undefined variable '${value.name}' in argument '${spec.name}' of ${call.type}`,
      hint,
    );
  }
  throw new SpecError(
    "argument-type",
    position,
    `${call.type} argument '${spec.name}' must be ${EXPECTED[spec.type]}, got ${describeValue(value)}`,
    typeHint(spec, value) ?? WHAT_TO_WRITE[spec.type],
  );
}

/** What to write instead, for the wrong types users commonly give. */
function typeHint(spec: ArgumentSpec, value: Value): string | undefined {
  const number = spec.type === "int" || spec.type === "size";
  const divided = (item: Value): boolean => (item.kind === "float" && item.fromDivision === true) || (item.kind === "tuple" && item.items.some(divided));
  if (number && divided(value)) return INTEGER_DIVISION_HINT;
  if (value.kind === "none" && number) return "None is no size here: give an integer (a variable set to None or ~ passes None)";
  // Parameter(torch.tensor(2.6592)) as a module's code writes it: a spec gives the shape, not the values.
  if (value.kind === "layer" && /^torch\.(tensor|zeros|ones|empty|full|rand|randn)$/.test(value.call.type)) {
    return "a spec gives a tensor's shape, not its values: Parameter(()) is a scalar, Parameter(3, 4) a 3×4 tensor";
  }
  return undefined;
}

/** Binds positional and keyword arguments to a definition's signature, as Python would. */
interface PreparedSignature {
  variadic: ArgumentSpec | undefined;
  positional: ArgumentSpec[];
  byName: Map<string, ArgumentSpec>;
  defaults: Map<string, Value>;
}

// Signatures are constants: what binding needs from one is worked out once, not per layer.
const prepared = new WeakMap<readonly ArgumentSpec[], PreparedSignature>();

function prepare(signature: readonly ArgumentSpec[]): PreparedSignature {
  let result = prepared.get(signature);
  if (!result) {
    result = {
      variadic: signature.find((spec) => spec.variadic),
      positional: signature.filter((spec) => !spec.variadic),
      byName: new Map(signature.map((spec) => [spec.name, spec])),
      defaults: new Map(signature.map((spec) => [spec.name, defaultValue(spec)])),
    };
    prepared.set(signature, result);
  }
  return result;
}

/** A keyword argument the signature does not have, underlined whole, with the name likely meant. */
function unknownArgument(signature: Signature["signature"], call: EvaluatedCall, name: string, position: SourcePosition): SpecError {
  const names = signature.filter((candidate) => !candidate.variadic).map((candidate) => candidate.name);
  const suggestion = didYouMean(name, names);
  return new SpecError(
    "unknown-argument",
    spanning(position, name),
    `${call.type} has no argument '${name}'`,
    suggestion ?? (names.length ? `its arguments are: ${names.join(", ")}` : `it takes no keyword arguments`),
  );
}

export function bindArguments(definition: Signature, call: EvaluatedCall, lookup: LayerLookup): LayerArguments {
  const signature = definition.signature;
  const { variadic, positional: positionalSpecs, byName, defaults } = prepare(signature);
  const values = new Map<string, BoundValue>();
  const extra: BoundValue[] = [];
  let positionalIndex = 0;

  for (const arg of call.args) {
    if (arg.name === undefined) {
      if (variadic) {
        extra.push({ value: arg.value, position: arg.position });
        continue;
      }
      const spec = positionalSpecs[positionalIndex++];
      if (!spec) {
        throw new SpecError(
          "too-many-arguments",
          arg.position,
          `${call.type} takes at most ${positionalSpecs.length} positional argument${positionalSpecs.length === 1 ? "" : "s"}, got more`,
          `name the extra argument, e.g. name=value`,
        );
      }
      values.set(spec.name, { value: arg.value, position: arg.position });
      continue;
    }
    const spec = byName.get(arg.name);
    if (!spec || spec.variadic) throw unknownArgument(signature, call, arg.name, arg.position);
    if (values.has(spec.name)) {
      throw new SpecError("duplicate-argument", arg.position, `${call.type} got two values for argument '${spec.name}'`, `give each argument once`);
    }
    values.set(spec.name, { value: arg.value, position: arg.position });
  }

  if (variadic) {
    values.set(variadic.name, { value: { kind: "tuple", items: extra.map((item) => item.value) }, position: extra[0]?.position ?? call.position });
  }
  for (const spec of signature) {
    const bound = values.get(spec.name);
    if (bound) {
      if (spec.variadic) {
        const tuple = bound.value as { items: Value[] };
        tuple.items.forEach((item, index) => checkType(call, spec, item, extra[index]!.position));
      } else {
        checkType(call, spec, bound.value, bound.position);
      }
      continue;
    }
    if (spec.default === undefined && !spec.optional) {
      throw new SpecError("missing-argument", call.position, `${call.type} is missing its required argument '${spec.name}'`, `signature: ${formatSignature(definition)}`);
    }
    values.set(spec.name, { value: defaults.get(spec.name)!, position: call.position });
  }
  return new LayerArguments(call, values, lookup);
}

export function formatSignature(definition: Signature): string {
  const parts = definition.signature.map((spec) => {
    if (spec.variadic) return `*${spec.name}`;
    if (spec.default === undefined) return spec.name;
    const shown = spec.default === null ? "None" : typeof spec.default === "boolean" ? (spec.default ? "True" : "False") : JSON.stringify(spec.default);
    return `${spec.name}=${shown}`;
  });
  return `${definition.type}(${parts.join(", ")})`;
}
