import { SpecError } from "../diagnostics/index.js";
import { ExpressionError, parseCall, parseExpression, type CallExpr, type Expr } from "../parse/expression.js";
import type { EvaluatedCall, Value } from "../parse/values.js";
import type { DataPath, YamlSource } from "../parse/yaml.js";
import { evaluate, evaluateCall, type PositionAt, type Scope } from "./evaluate.js";

/** Parses `text`, turning a syntax error into a SpecError at its position. */
export function parsedAt<T>(positionAt: PositionAt, text: string, parse: (text: string) => T): T {
  try {
    return parse(text);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    throw new SpecError(positionAt(error.offset), error.message, error.hint);
  }
}

/** Parses and evaluates the expression string at `path`. */
export function evaluateText(source: YamlSource, path: DataPath, text: string, scope: Scope): Value {
  const expr: Expr = parsedAt(source.offsetsAt(path), text, parseExpression);
  return evaluate(expr, scope, source.offsetsAt(path), text);
}

/** Parses and evaluates the constructor call string at `path`. */
export function evaluateCallText(source: YamlSource, path: DataPath, text: string, scope: Scope, parse: (text: string) => CallExpr = parseCall): EvaluatedCall {
  const call: CallExpr = parsedAt(source.offsetsAt(path), text, parse);
  return evaluateCall(call, scope, source.offsetsAt(path), text);
}

/**
 * A YAML value as a layer argument or variable: numbers, booleans, ~ and lists as they are;
 * a string is an expression (`4 * d`, `(3, 3)`, `LayerNorm(d)`) or, when it is not one, a string.
 */
export function valueOf(source: YamlSource, path: DataPath, raw: unknown, scope: Scope): Value {
  if (raw === null || raw === undefined) return { kind: "none" };
  if (typeof raw === "boolean") return { kind: "bool", value: raw };
  if (typeof raw === "number") {
    if (!Number.isInteger(raw)) return { kind: "float", value: raw };
    if (!Number.isSafeInteger(raw)) throw new SpecError(source.at(path), `integer ${raw} is beyond 2^53 and cannot be counted exactly`);
    return { kind: "int", value: raw };
  }
  if (Array.isArray(raw)) return { kind: "tuple", items: raw.map((item, index) => valueOf(source, [...path, index], item, scope)) };
  const text = String(raw);
  try {
    parseExpression(text);
  } catch {
    return { kind: "string", value: text };
  }
  return evaluateText(source, path, text, scope);
}

/** An integer-valued setting such as `repeat:`, given as an integer or an expression. */
export function integerAt(source: YamlSource, path: DataPath, raw: unknown, scope: Scope, what: string): number {
  const value = valueOf(source, path, raw, scope);
  if (value.kind === "symbol") throw new SpecError(source.at(path), `undefined variable '${value.name}' in ${what}`, "define it under vars:, or check its spelling");
  if (value.kind !== "int") throw new SpecError(source.at(path), `${what} must be an integer, not ${value.kind === "float" ? value.value : value.kind}`);
  if (value.value < 0) throw new SpecError(source.at(path), `${what} must not be negative, got ${value.value}`);
  return value.value;
}
