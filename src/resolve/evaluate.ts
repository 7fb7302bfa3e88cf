import { SpecError, type SourcePosition } from "../diagnostics/index.js";
import type { CallExpr, Expr } from "../parse/expression.js";
import type { EvaluatedCall, Value } from "../parse/values.js";

/** Variables in scope: the spec's `vars`, then a block's parameters. */
export type Scope = ReadonlyMap<string, Value>;

/** Maps an offset inside the parsed text to a position in the spec file. */
export type PositionAt = (offset: number) => SourcePosition;

const LIMIT = Number.MAX_SAFE_INTEGER;

function exact(value: number, at: SourcePosition): Value {
  if (!Number.isSafeInteger(value)) {
    throw new SpecError(at, `integer ${value > 0 ? "above" : "below"} ${value > 0 ? "" : "-"}2^53 - 1 (${LIMIT.toLocaleString("en-US")}): it cannot be counted exactly`, `check the expression for a runaway product`);
  }
  return { kind: "int", value };
}

function numeric(value: Value, at: SourcePosition, operator: string): number {
  if (value.kind === "int" || value.kind === "float") return value.value;
  if (value.kind === "bool") return value.value ? 1 : 0;
  if (value.kind === "symbol") throw new SpecError(at, `undefined variable '${value.name}'`, `define it under vars:, or check its spelling`);
  throw new SpecError(at, `'${operator}' needs numbers, not ${value.kind === "none" ? "None" : value.kind}`);
}

function truthy(value: Value, at: SourcePosition): boolean {
  if (value.kind === "symbol") throw new SpecError(at, `undefined variable '${value.name}'`, `define it under vars:, or check its spelling`);
  if (value.kind === "bool") return value.value;
  if (value.kind === "int" || value.kind === "float") return value.value !== 0;
  if (value.kind === "none") return false;
  if (value.kind === "string") return value.value.length > 0;
  if (value.kind === "tuple") return value.items.length > 0;
  return true;
}

function equal(a: Value, b: Value): boolean {
  if ((a.kind === "int" || a.kind === "float") && (b.kind === "int" || b.kind === "float")) return a.value === b.value;
  if (a.kind === "tuple" && b.kind === "tuple") return a.items.length === b.items.length && a.items.every((item, i) => equal(item, b.items[i]!));
  const text = (v: Value) => (v.kind === "string" ? v.value : v.kind === "symbol" ? v.name : undefined);
  if (text(a) !== undefined && text(b) !== undefined) return text(a) === text(b);
  if (a.kind === "bool" && b.kind === "bool") return a.value === b.value;
  return a.kind === "none" && b.kind === "none";
}

function arithmetic(op: string, left: Value, right: Value, at: SourcePosition): Value {
  const a = numeric(left, at, op);
  const b = numeric(right, at, op);
  const integers = left.kind !== "float" && right.kind !== "float";
  switch (op) {
    case "+":
      return integers ? exact(a + b, at) : { kind: "float", value: a + b };
    case "-":
      return integers ? exact(a - b, at) : { kind: "float", value: a - b };
    case "*":
      return integers ? exact(a * b, at) : { kind: "float", value: a * b };
    case "/":
      if (b === 0) throw new SpecError(at, `division by zero`);
      return { kind: "float", value: a / b };
    case "//":
    case "%": {
      if (b === 0) throw new SpecError(at, `division by zero`);
      const quotient = Math.floor(a / b);
      if (op === "//") return integers ? exact(quotient, at) : { kind: "float", value: quotient };
      return integers ? exact(a - quotient * b, at) : { kind: "float", value: a - quotient * b };
    }
    case "<":
      return { kind: "bool", value: a < b };
    case "<=":
      return { kind: "bool", value: a <= b };
    case ">":
      return { kind: "bool", value: a > b };
    default:
      return { kind: "bool", value: a >= b };
  }
}

/** Evaluates a parsed expression over variables. Integer arithmetic is exact or refused. */
export function evaluate(expr: Expr, scope: Scope, positionAt: PositionAt, text: string): Value {
  const at = positionAt(expr.offset);
  switch (expr.kind) {
    case "number":
      return expr.isFloat ? { kind: "float", value: expr.value } : exact(expr.value, at);
    case "string":
      return { kind: "string", value: expr.value };
    case "bool":
      return { kind: "bool", value: expr.value };
    case "none":
      return { kind: "none" };
    case "name":
      return scope.get(expr.name) ?? { kind: "symbol", name: expr.name };
    case "tuple":
    case "list":
      return { kind: "tuple", items: expr.items.map((item) => evaluate(item, scope, positionAt, text)) };
    case "unary": {
      const operand = evaluate(expr.operand, scope, positionAt, text);
      if (expr.op === "not") return { kind: "bool", value: !truthy(operand, at) };
      const value = numeric(operand, at, expr.op);
      if (expr.op === "+") return operand;
      return operand.kind === "float" ? { kind: "float", value: -value } : exact(-value, at);
    }
    case "binary": {
      const left = evaluate(expr.left, scope, positionAt, text);
      if (expr.op === "and") return truthy(left, at) ? evaluate(expr.right, scope, positionAt, text) : left;
      if (expr.op === "or") return truthy(left, at) ? left : evaluate(expr.right, scope, positionAt, text);
      const right = evaluate(expr.right, scope, positionAt, text);
      if (expr.op === "==") return { kind: "bool", value: equal(left, right) };
      if (expr.op === "!=") return { kind: "bool", value: !equal(left, right) };
      return arithmetic(expr.op, left, right, at);
    }
    case "call":
      return { kind: "layer", call: evaluateCall(expr, scope, positionAt, text) };
  }
}

export function evaluateCall(call: CallExpr, scope: Scope, positionAt: PositionAt, text: string): EvaluatedCall {
  return {
    type: call.callee,
    position: positionAt(call.offset),
    text: text.slice(call.offset, call.end),
    args: call.args.map((arg) => ({
      ...(arg.name === undefined ? {} : { name: arg.name }),
      value: evaluate(arg.value, scope, positionAt, text),
      position: positionAt(arg.offset),
    })),
  };
}

/** True when the value is a condition that holds, for `if:`. */
export function isTrue(value: Value, at: SourcePosition): boolean {
  return truthy(value, at);
}
