import { SpecError, spanning, closestName, type SourcePosition } from "../diagnostics/index.js";
import type { CallExpr, Expr } from "../parse/expression.js";
import { describeValue, type EvaluatedCall, type Value } from "../parse/values.js";
import { callFunction, isFunction } from "./functions.js";
import { noteRead } from "./origins.js";

/** The name of a repeat's instance number inside its entry: `if: index == 0`, `with: {first: index == 0}`. */
export const INDEX = "index";

/** The hint for `index` used where no repeat binds it. */
export const INDEX_OUTSIDE_REPEAT = `${INDEX} is the instance number of a repeat: use it in an entry with repeat: or inside one; a block gets it as a parameter, with: {first: ${INDEX} == 0}`;

/** Variables in scope: the spec's `vars`, then a block's parameters. */
export type Scope = ReadonlyMap<string, Value>;

/** Maps an offset inside the parsed text to a position in the spec file. */
export type PositionAt = (offset: number) => SourcePosition;

const LIMIT = Number.MAX_SAFE_INTEGER;

/** What a `/` result needs when an integer was expected: Python's `/` always gives a float. */
export const INTEGER_DIVISION_HINT = "`/` gives a float, as in Python: use `//` for integer division";

function exact(value: number, at: SourcePosition): Value {
  if (!Number.isSafeInteger(value)) {
    throw new SpecError(
      "number-too-large",
      at,
      `integer ${value > 0 ? "above" : "below"} ${value > 0 ? "" : "-"}2^53 - 1 (${LIMIT.toLocaleString("en-US")}): it cannot be counted exactly`,
      `check the expression for a runaway product`,
    );
  }
  return { kind: "int", value };
}

/**
 * A keyword argument's bare word (`padding=same`, a child's name): a symbol, with the variable it may
 * be a misspelling of looked up only when an error reads it (most are meant as words).
 */
function keywordSymbol(name: string, position: SourcePosition, scope: Scope): Value {
  if (name.includes(".")) return { kind: "symbol", name, position };
  let suggestion: { name?: string } | undefined;
  const symbol: Value = { kind: "symbol", name, position };
  // Not enumerable: JSON.stringify (an index repeat's signature, sameValue) reads every enumerable getter,
  // which searched the scope for every bare word of every instance.
  return Object.defineProperty(symbol, "suggestion", {
    get: () => (suggestion ??= { name: closestName(name, scope.keys()) }).name,
  });
}

/** A name that is neither a variable in scope nor a keyword argument's bare word: always an error, at the name. */
function undefinedName(name: string, at: SourcePosition, scope: Scope): SpecError {
  if (name === INDEX) return new SpecError("index-outside-repeat", at, `'${INDEX}' is used outside a repeat`, INDEX_OUTSIDE_REPEAT);
  const closest = closestName(name, scope.keys());
  return new SpecError(
    "undefined-variable",
    spanning(at, name),
    `undefined variable '${name}'`,
    closest === undefined ? `define it under vars:, or write '${name}' in quotes for a string` : `did you mean '${closest}'?`,
  );
}

function numeric(value: Value, at: SourcePosition, operator: string): number {
  if (value.kind === "int" || value.kind === "float") return value.value;
  if (value.kind === "bool") return value.value ? 1 : 0;
  throw new SpecError(
    "operand-type",
    at,
    `'${operator}' needs numbers, not ${describeValue(value)}`,
    value.kind === "none" ? "None is no number: give the variable a value" : undefined,
  );
}

function truthy(value: Value, at: SourcePosition): boolean {
  if (value.kind === "symbol")
    throw new SpecError("operand-type", at, `a condition needs a value, not the name '${value.name}'`, `compare it with a quoted string, e.g. x == '${value.name}'`);
  if (value.kind === "bool") return value.value;
  if (value.kind === "int" || value.kind === "float") return value.value !== 0;
  if (value.kind === "none") return false;
  if (value.kind === "string") return value.value.length > 0;
  if (value.kind === "tuple") return value.items.length > 0;
  return true;
}

/** Python's `==`: numbers by value, strings by text, tuples item by item; a bare name is never text. */
function equal(a: Value, b: Value): boolean {
  if ((a.kind === "int" || a.kind === "float" || a.kind === "bool") && (b.kind === "int" || b.kind === "float" || b.kind === "bool")) return Number(a.value) === Number(b.value);
  if (a.kind === "tuple" && b.kind === "tuple") return a.items.length === b.items.length && a.items.every((item, i) => equal(item, b.items[i]!));
  if (a.kind === "string" && b.kind === "string") return a.value === b.value;
  if (a.kind === "symbol" && b.kind === "symbol") return a.name === b.name;
  return a.kind === "none" && b.kind === "none";
}

function fromDivision(...values: Value[]): { fromDivision?: true } {
  return values.some((value) => value.kind === "float" && value.fromDivision) ? { fromDivision: true } : {};
}

/** Python's `**` over integers, exact or refused; a negative exponent gives a float, as Python's does. */
function power(base: number, exponent: number, integers: boolean, at: SourcePosition): Value {
  if (!integers || exponent < 0) {
    const result = base ** exponent;
    if (!Number.isFinite(result)) throw new SpecError("number-too-large", at, `${base} ** ${exponent} overflows`, `check the expression for a runaway power`);
    return { kind: "float", value: result };
  }
  // Square and multiply, checking each step: 10 ** 10 ** 10 stops at the first product past 2^53.
  let result = 1;
  let square = base;
  for (let rest = exponent; rest > 0; rest = Math.floor(rest / 2)) {
    if (rest % 2 === 1) result = (exact(result * square, at) as { value: number }).value;
    if (rest > 1) square = (exact(square * square, at) as { value: number }).value;
  }
  return { kind: "int", value: result };
}

function arithmetic(op: string, left: Value, right: Value, at: SourcePosition): Value {
  const a = numeric(left, at, op);
  const b = numeric(right, at, op);
  const integers = left.kind !== "float" && right.kind !== "float";
  const float = (value: number): Value => ({ kind: "float", value, ...fromDivision(left, right) });
  switch (op) {
    case "+":
      return integers ? exact(a + b, at) : float(a + b);
    case "-":
      return integers ? exact(a - b, at) : float(a - b);
    case "*":
      return integers ? exact(a * b, at) : float(a * b);
    case "**":
      return power(a, b, integers, at);
    case "/":
      if (b === 0) throw new SpecError("division-by-zero", at, `division by zero`);
      return { kind: "float", value: a / b, fromDivision: true };
    case "//":
    case "%": {
      if (b === 0) throw new SpecError("division-by-zero", at, `division by zero`);
      const quotient = Math.floor(a / b);
      if (op === "//") return integers ? exact(quotient, at) : float(quotient);
      return integers ? exact(a - quotient * b, at) : float(a - quotient * b);
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

type BinaryExpr = Extract<Expr, { kind: "binary" }>;

interface Evaluation {
  scope: Scope;
  positionAt: PositionAt;
  text: string;
}

/**
 * Evaluates a parsed expression over variables. Integer arithmetic is exact or refused. Every name
 * must be a variable in scope, except where `keyword` allows a bare word: the whole value of a call
 * argument, as print(model) writes `mode=sum` or `dtype=torch.bfloat16`; the layer then checks it
 * against the words it knows. A dotted name (`torch.long`, `F.gelu`) can never be a variable, so it
 * stays a name wherever a whole value may be one.
 */
export function evaluate(expr: Expr, scope: Scope, positionAt: PositionAt, text: string, keyword = false): Value {
  return evaluateNode(expr, { scope, positionAt, text }, keyword);
}

function evaluateNode(expr: Expr, context: Evaluation, keyword = false): Value {
  const { scope, positionAt } = context;
  switch (expr.kind) {
    case "number":
      return expr.isFloat ? { kind: "float", value: expr.value } : exact(expr.value, positionAt(expr.offset));
    case "string":
      return { kind: "string", value: expr.value };
    case "bool":
      return { kind: "bool", value: expr.value };
    case "none":
      return { kind: "none" };
    case "name": {
      const value = scope.get(expr.name);
      if (value) {
        noteRead(value);
        return value;
      }
      if (keyword) return keywordSymbol(expr.name, positionAt(expr.offset), scope);
      if (expr.name.includes(".")) return { kind: "symbol", name: expr.name };
      throw undefinedName(expr.name, positionAt(expr.offset), scope);
    }
    case "tuple":
    case "list":
      return { kind: "tuple", items: expr.items.map((item) => evaluateNode(item, context)) };
    case "unary": {
      const at = positionAt(expr.offset);
      const operand = evaluateNode(expr.operand, context);
      if (expr.op === "not") return { kind: "bool", value: !truthy(operand, at) };
      const value = numeric(operand, at, expr.op);
      if (expr.op === "+") return operand;
      return operand.kind === "float" ? { ...operand, value: -value } : exact(-value, at);
    }
    case "binary": {
      // A left-associative chain (a 5,000-term sum) is as long as the text allows: walk it with a loop.
      const chain: BinaryExpr[] = [];
      let leftmost: Expr = expr;
      while (leftmost.kind === "binary" && leftmost.op !== "**") {
        chain.push(leftmost);
        leftmost = leftmost.left;
      }
      let value = leftmost.kind === "binary" ? applyBinary(leftmost, evaluateNode(leftmost.left, context), context) : evaluateNode(leftmost, context);
      for (let index = chain.length - 1; index >= 0; index--) value = applyBinary(chain[index]!, value, context);
      return value;
    }
    case "call":
      if (isFunction(expr.callee)) return functionCall(expr, context);
      return { kind: "layer", call: evaluateCallNode(expr, context) };
  }
}

function applyBinary(expr: BinaryExpr, left: Value, context: Evaluation): Value {
  const at = context.positionAt(expr.offset);
  if (expr.op === "and") return truthy(left, at) ? evaluateNode(expr.right, context) : left;
  if (expr.op === "or") return truthy(left, at) ? left : evaluateNode(expr.right, context);
  const right = evaluateNode(expr.right, context);
  if (expr.op === "==" || expr.op === "!=") {
    for (const side of [left, right]) {
      if (side.kind === "layer") throw new SpecError("operand-type", at, `'${expr.op}' compares values, not ${describeValue(side)}`);
    }
    return { kind: "bool", value: equal(left, right) === (expr.op === "==") };
  }
  return arithmetic(expr.op, left, right, at);
}

/** `ceil(d / 3)`, `max(a, b)`: a function over numbers, with positional arguments only. */
function functionCall(call: CallExpr, context: Evaluation): Value {
  const at = context.positionAt(call.offset);
  const named = call.args.find((arg) => arg.name !== undefined);
  if (named)
    throw new SpecError(
      "function-arguments",
      context.positionAt(named.offset),
      `${call.callee}() takes positional arguments, not ${named.name}=`,
      `write ${call.callee}(...) with the values alone`,
    );
  return callFunction(
    call.callee as Parameters<typeof callFunction>[0],
    call.args.map((arg) => evaluateNode(arg.value, context)),
    at,
  );
}

function evaluateCallNode(call: CallExpr, context: Evaluation): EvaluatedCall {
  const { positionAt, text } = context;
  return {
    type: call.callee,
    position: positionAt(call.offset),
    text: text.slice(call.offset, call.end),
    args: call.args.map((arg) => {
      const value = evaluateNode(arg.value, context, true);
      const position = positionAt(arg.offset);
      // Two literals, not a spread of `{ name }` first: V8 builds an object with properties after a
      // spread the slow way, and everything that reads a layer's arguments reads these.
      return arg.name === undefined ? { value, position } : { name: arg.name, value, position };
    }),
  };
}

/** Evaluates a constructor call: each argument's whole value may be a bare keyword such as `mode=sum`. */
export function evaluateCall(call: CallExpr, scope: Scope, positionAt: PositionAt, text: string): EvaluatedCall {
  return evaluateCallNode(call, { scope, positionAt, text });
}

/** True when the value is a condition that holds, for `if:`. */
export function isTrue(value: Value, at: SourcePosition): boolean {
  return truthy(value, at);
}
