import { SpecError, type SourcePosition } from "../diagnostics/index.js";
import { parseCallOrName } from "../parse/expression.js";
import type { EvaluatedCall } from "../parse/values.js";
import type { DataPath, YamlSource } from "../parse/yaml.js";
import { isTrue, type Scope } from "./evaluate.js";
import { evaluateCallText, valueOf } from "./scope.js";

/** One step of a module's forward: a child called by name, or a functional op such as `flatten(1)`. */
export type ForwardStep = { kind: "child"; name: string; position: SourcePosition } | { kind: "op"; call: EvaluatedCall };

export type Merge = "add" | "concat" | "multiply";
const MERGES: readonly Merge[] = ["add", "concat", "multiply"];

/**
 * How a module combines its children, when it does more than call them in registration order:
 * `forward` is the main path's call order, `residual` merges that path with the input (or a
 * shortcut child) and then calls `then`, `branches` runs every step on the same input and merges.
 */
export interface Topology {
  forward?: ForwardStep[];
  residual?: { merge: Merge; shortcut?: ForwardStep; then: ForwardStep[]; position: SourcePosition };
  branches?: { merge: Merge; position: SourcePosition };
}

export const TOPOLOGY_KEYS = ["forward", "residual", "branches"] as const;

const CHILD = /^[A-Za-z0-9_]+$/;

function step(source: YamlSource, path: DataPath, raw: unknown, scope: Scope): ForwardStep {
  const text = String(raw).trim();
  if (CHILD.test(text)) return { kind: "child", name: text, position: source.at(path) };
  return { kind: "op", call: evaluateCallText(source, path, text, scope, parseCallOrName) };
}

function steps(source: YamlSource, path: DataPath, raw: unknown, scope: Scope): ForwardStep[] {
  return (raw as unknown[]).map((item, index) => step(source, [...path, index], item, scope));
}

function merge(source: YamlSource, path: DataPath, raw: unknown): Merge {
  if (MERGES.includes(raw as Merge)) return raw as Merge;
  throw new SpecError("invalid-topology", source.at(path), `unknown merge '${String(raw)}'`, `use one of ${MERGES.join(", ")}`);
}

/** The topology keys of a module body (or of a block definition, or a spec's top level), evaluated in `scope`. */
export function topologyOf(source: YamlSource, path: DataPath, body: Record<string, unknown>, scope: Scope): Topology {
  const topology: Topology = {};
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
