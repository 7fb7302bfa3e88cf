import { SpecError } from "../diagnostics/index.js";
import { ExpressionError, parseCall, parseExpression, type CallExpr, type Expr } from "../parse/expression.js";
import { describeValue, type EvaluatedCall, type Value } from "../parse/values.js";
import type { DataPath, YamlSource } from "../parse/yaml.js";
import { INTEGER_DIVISION_HINT, evaluate, evaluateCall, type PositionAt, type Scope } from "./evaluate.js";

/** Parses `text`, turning a syntax error into a SpecError at its position. */
export function parsedAt<T>(positionAt: PositionAt, text: string, parse: (text: string) => T): T {
  try {
    return parse(text);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    throw new SpecError("expression-syntax", positionAt(error.offset), error.message, error.hint);
  }
}

/** Parses and evaluates the expression string at `path`; `keyword` lets its whole value be a bare word (see evaluate). */
export function evaluateText(source: YamlSource, path: DataPath, text: string, scope: Scope, keyword = false): Value {
  const positionAt = source.offsetsAt(path);
  const expr: Expr = parsedAt(positionAt, text, parseExpression);
  return evaluate(expr, scope, positionAt, text, keyword);
}

/** Parses and evaluates the constructor call string at `path`. */
export function evaluateCallText(source: YamlSource, path: DataPath, text: string, scope: Scope, parse: (text: string) => CallExpr = parseCall): EvaluatedCall {
  const positionAt = source.offsetsAt(path);
  const call: CallExpr = parsedAt(positionAt, text, parse);
  return evaluateCall(call, scope, positionAt, text);
}

/**
 * How a YAML string is read. Always as an expression (`4 * d`, `(3, 3)`, `'text'`, `LayerNorm(d)`),
 * so a typo or a stray parenthesis is an error at its place, never a string that happens to be true;
 * but a word quoted in YAML (`mode: 'sum'`) that names no variable is that string, except in
 * `strict` places (`if:`, `repeat:`, sizes), where only an expression makes sense. As a call
 * argument (`keyword`), a bare word (`mode: sum`) is the layer's to read, as print(model) writes it.
 */
export type ValueMode = "strict" | "value" | "keyword";

const WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A YAML value as a layer argument, variable or condition: numbers, booleans, ~ and lists as they are; strings as ValueMode says. */
export function valueOf(source: YamlSource, path: DataPath, raw: unknown, scope: Scope, mode: ValueMode = "value"): Value {
  if (raw === null || raw === undefined) return { kind: "none" };
  if (typeof raw === "boolean") return { kind: "bool", value: raw };
  if (typeof raw === "number") {
    if (!Number.isInteger(raw)) return { kind: "float", value: raw };
    if (!Number.isSafeInteger(raw)) throw new SpecError("number-too-large", source.at(path), `integer ${raw} is beyond 2^53 and cannot be counted exactly`);
    return { kind: "int", value: raw };
  }
  if (Array.isArray(raw)) return { kind: "tuple", items: raw.map((item, index) => valueOf(source, [...path, index], item, scope, mode === "strict" ? "strict" : "value")) };
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- any other YAML value is read as its text, as it always was
  const text = String(raw);
  if (mode !== "strict" && WORD.test(text) && !scope.has(text) && source.quotedAt(path)) return { kind: "string", value: text };
  return evaluateText(source, path, text, scope, mode === "keyword");
}

/** An integer-valued setting such as `repeat:`, given as an integer or an expression. */
export function integerAt(source: YamlSource, path: DataPath, raw: unknown, scope: Scope, what: string): number {
  const value = valueOf(source, path, raw, scope, "strict");
  if (value.kind !== "int") {
    const hint = value.kind === "float" && value.fromDivision ? INTEGER_DIVISION_HINT : value.kind === "none" ? "None is no count: give an integer" : undefined;
    throw new SpecError("not-an-integer", source.at(path), `${what} must be an integer, not ${describeValue(value)}`, hint);
  }
  if (value.value < 0) throw new SpecError("out-of-range", source.at(path), `${what} must not be negative, got ${value.value}`);
  return value.value;
}

/**
 * A `vars:` value: `None`, `null` and `~` are Python's None; an empty value (`d:` and nothing after
 * it) is refused, since it is more often a value left out than a None meant.
 */
export function variableAt(source: YamlSource, path: DataPath, raw: unknown, scope: Scope): Value {
  if (raw === null && !source.writtenAt(path)) {
    const name = String(path.at(-1));
    throw new SpecError("variable-without-value", source.keyAt(path), `variable '${name}' has no value`, `give it one (${name}: 16), or write None for Python's None`);
  }
  return valueOf(source, path, raw, scope);
}
