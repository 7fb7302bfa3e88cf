import { SpecError, type SourcePosition } from "../diagnostics/index.js";
import { parseCallOrName } from "../parse/expression.js";
import type { EvaluatedCall } from "../parse/values.js";
import type { DataPath, YamlSource } from "../parse/yaml.js";
import { isTrue, type Scope } from "./evaluate.js";
import { evaluateCallText, valueOf } from "./scope.js";

/**
 * One step of a module's forward: a child called by name, a call (a functional op such as
 * `flatten(1)`, or a child given its operands, `expand1x1(x)`), or a binding of a step's (or a
 * chain's) result to value names, `e: encoder` or `"a, b": chunk(x, 2, 1)`: docs/shapes.md, "Values".
 */
export type ForwardStep =
  | { kind: "child"; name: string; position: SourcePosition }
  | { kind: "op"; call: EvaluatedCall }
  | { kind: "bind"; names: string[]; steps: ForwardStep[]; position: SourcePosition };

export type Merge = "add" | "concat" | "multiply";
const MERGES: readonly Merge[] = ["add", "concat", "multiply"];

/**
 * How a module combines its children, when it does more than call them in registration order:
 * `forward` is the main path's call order, `residual` merges that path with the input (or a
 * shortcut child) and then calls `then`, `branches` runs every step on the same input and merges.
 */
export interface Topology {
  /** The names of the module's forward arguments (`inputs: [x, memory]`); the first starts the chain. */
  inputs?: string[];
  forward?: ForwardStep[];
  residual?: { merge: Merge; shortcut?: ForwardStep; then: ForwardStep[]; position: SourcePosition };
  branches?: { merge: Merge; position: SourcePosition };
}

export const TOPOLOGY_KEYS = ["inputs", "forward", "residual", "branches"] as const;

const CHILD = /^[A-Za-z0-9_]+$/;

function step(source: YamlSource, path: DataPath, raw: unknown, scope: Scope): ForwardStep {
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) return binding(source, path, raw as Record<string, unknown>, scope);
  const text = String(raw).trim();
  if (CHILD.test(text)) return { kind: "child", name: text, position: source.at(path) };
  return { kind: "op", call: evaluateCallText(source, path, text, scope, parseCallOrName) };
}

/** `- e: encoder`, `- x: [squeeze, squeeze_activation]`, `- "a, b": chunk(x, 2, 1)`. */
function binding(source: YamlSource, path: DataPath, raw: Record<string, unknown>, scope: Scope): ForwardStep {
  const [key] = Object.keys(raw);
  const at = [...path, key!];
  const value = raw[key!];
  const names = key!.split(",").map((name) => name.trim());
  const chain = Array.isArray(value) ? steps(source, at, value, scope) : [step(source, at, value, scope)];
  if (chain.length === 0) throw new SpecError("invalid-topology", source.at(at), `'${key}' is bound to an empty chain`, `give it a step: ${key}: conv`);
  return { kind: "bind", names, steps: chain, position: source.keyAt(at) };
}

function steps(source: YamlSource, path: DataPath, raw: unknown, scope: Scope): ForwardStep[] {
  return (raw as unknown[]).map((item, index) => step(source, [...path, index], item, scope));
}

const VALUE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A value name as written: where it is, for errors. */
interface Named {
  name: string;
  position: SourcePosition;
}

/** The names of a module's forward arguments: its `inputs:`, or the spec's named inputs for the root. */
export type InputNames = Named[];

/** The value names a forward binds: its inputs and its bindings' keys. */
function valueNames(source: YamlSource, path: DataPath, body: Record<string, unknown>, inputs: InputNames | undefined): Named[] {
  const named = [...(inputs ?? [])];
  const forward: unknown[] = Array.isArray(body.forward) ? body.forward : [];
  forward.forEach((item, index) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return;
    const [key] = Object.keys(item);
    for (const name of key!.split(",")) named.push({ name: name.trim(), position: source.keyAt([...path, "forward", index, key!]) });
  });
  return named;
}

/**
 * The scope a forward's steps are evaluated in: each value name (its inputs, `x` by default, and its
 * bindings' keys) stands for itself, so `cat([a, b], 1)` reads a and b as values. A value never
 * hides a var or a block parameter of the same name: that is an error, not a silent choice.
 */
function valueScope(source: YamlSource, path: DataPath, body: Record<string, unknown>, scope: Scope, inputs: InputNames | undefined): Scope {
  if (body.forward === undefined) return scope;
  const values = new Map(scope);
  for (const { name, position } of valueNames(source, path, body, inputs)) {
    if (!VALUE_NAME.test(name))
      throw new SpecError("invalid-value-name", position, `'${name}' is not a value name`, "name a value as Python names a variable: letters, digits and _, not first a digit");
    if (scope.has(name))
      throw new SpecError(
        "value-hides-name",
        position,
        `the value '${name}' has the name of a var or block parameter, which a step could mean instead`,
        `rename the value (e.g. ${name}_out) or the var`,
      );
    values.set(name, { kind: "symbol", name });
  }
  // The default input is x, unless a var of that name was there first (specs written before values).
  if (!inputs && !scope.has("x")) values.set("x", { kind: "symbol", name: "x" });
  return values;
}

/** A module body's `inputs:` with their positions. */
function declaredInputs(source: YamlSource, path: DataPath, body: Record<string, unknown>): InputNames | undefined {
  const inputs = body.inputs as unknown[] | undefined;
  return inputs?.map((name, index) => ({ name: String(name), position: source.at([...path, "inputs", index]) }));
}

function merge(source: YamlSource, path: DataPath, raw: unknown): Merge {
  if (MERGES.includes(raw as Merge)) return raw as Merge;
  throw new SpecError("invalid-topology", source.at(path), `unknown merge '${String(raw)}'`, `use one of ${MERGES.join(", ")}`);
}

/**
 * The topology keys of a module body (or of a block definition, or a spec's top level), evaluated in
 * `outer` and the forward's value names; the root's inputs are the spec's named inputs.
 */
export function topologyOf(source: YamlSource, path: DataPath, body: Record<string, unknown>, outer: Scope, rootInputs?: InputNames): Topology {
  const inputs = rootInputs ?? declaredInputs(source, path, body);
  const scope = valueScope(source, path, body, outer, inputs);
  const topology: Topology = inputs ? { inputs: inputs.map((input) => input.name) } : {};
  if (body.forward !== undefined) topology.forward = steps(source, [...path, "forward"], body.forward, scope);
  const residual = body.residual;
  if (residual !== undefined) {
    const at = [...path, "residual"];
    if (typeof residual === "string") {
      topology.residual = { merge: merge(source, at, residual), then: [], position: source.at(at) };
    } else {
      const spec = residual as { merge?: unknown; shortcut?: unknown; then?: unknown; if?: unknown };
      const applies =
        spec.if === undefined ||
        isTrue(typeof spec.if === "boolean" ? { kind: "bool", value: spec.if } : valueOf(source, [...at, "if"], spec.if, scope, "strict"), source.at([...at, "if"]));
      if (applies)
        topology.residual = {
          merge: spec.merge === undefined ? "add" : merge(source, [...at, "merge"], spec.merge),
          ...(spec.shortcut === undefined ? {} : { shortcut: step(source, [...at, "shortcut"], spec.shortcut, scope) }),
          then: spec.then === undefined ? [] : steps(source, [...at, "then"], spec.then, scope),
          position: source.at(at),
        };
    }
  }
  if (body.branches !== undefined) topology.branches = { merge: merge(source, [...path, "branches"], body.branches), position: source.at([...path, "branches"]) };
  if (topology.residual && topology.branches) {
    throw new SpecError(
      "invalid-topology",
      source.keyAt([...path, "branches"]),
      "a module has residual: or branches:, not both",
      "wrap the branches in a child module and give the residual to its parent",
    );
  }
  return topology;
}

/** A block's own topology with the keys its `use:` entry sets on top. */
export function overlay(base: Topology, top: Topology): Topology {
  return { ...base, ...top };
}
