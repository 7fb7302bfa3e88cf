import { SpecError, type SourcePosition } from "../diagnostics/index.js";
import { describeValue, type Value } from "../parse/values.js";

/** Python's built-in and math functions that an expression may call, over numbers. */
export const FUNCTIONS = ["ceil", "floor", "round", "min", "max"] as const;
type FunctionName = (typeof FUNCTIONS)[number];

export function isFunction(name: string): name is FunctionName {
  return (FUNCTIONS as readonly string[]).includes(name);
}

type NumberValue = Extract<Value, { kind: "int" | "float" | "bool" }>;

function number(value: Value, name: string, at: SourcePosition): NumberValue {
  if (value.kind === "int" || value.kind === "float" || value.kind === "bool") return value;
  throw new SpecError(
    "operand-type",
    at,
    `${name}() needs numbers, not ${describeValue(value)}`,
    value.kind === "none" ? "None is no number: give the variable a value" : undefined,
  );
}

function integer(value: number, name: string, at: SourcePosition): Value {
  if (!Number.isSafeInteger(value))
    throw new SpecError("number-too-large", at, `${name}() gives ${value}, beyond 2^53: it cannot be counted exactly`, "check the expression for a runaway value");
  return { kind: "int", value };
}

/** Python's round(): to the nearest integer, a tie to the even one (round(2.5) is 2, round(3.5) is 4). */
function roundHalfEven(value: number): number {
  const below = Math.floor(value);
  // Exact for doubles: value and its floor are less than 1 apart.
  const fraction = value - below;
  if (fraction !== 0.5) return fraction < 0.5 ? below : below + 1;
  return below % 2 === 0 ? below : below + 1;
}

/**
 * Calls one of FUNCTIONS as Python does: ceil, floor and round of a number give an integer (of an
 * integer, the integer itself); min and max take two or more numbers, or one tuple of them, and
 * give the first smallest or largest as it is (min(1, 2.0) is the integer 1).
 */
export function callFunction(name: FunctionName, args: readonly Value[], at: SourcePosition): Value {
  if (name === "min" || name === "max") {
    const items = args.length === 1 && args[0]!.kind === "tuple" ? args[0]!.items : args;
    if (items.length === 0 || (args.length === 1 && args[0]!.kind !== "tuple"))
      throw new SpecError("function-arguments", at, `${name}() takes two or more numbers, or one tuple of them`, `e.g. ${name}(a, b)`);
    const numbers = items.map((item) => number(item, name, at));
    return numbers.reduce((best, item) => ((name === "min" ? Number(item.value) < Number(best.value) : Number(item.value) > Number(best.value)) ? item : best));
  }
  if (args.length !== 1)
    throw new SpecError(
      "function-arguments",
      at,
      `${name}() takes one number, got ${args.length} arguments`,
      name === "round" ? "round(x, ndigits) is not supported: round(x) gives an integer" : undefined,
    );
  const value = number(args[0]!, name, at);
  if (value.kind !== "float") return { kind: "int", value: Number(value.value) };
  if (!Number.isFinite(value.value)) throw new SpecError("number-too-large", at, `${name}() of ${value.value} is no integer`, "check the expression for a runaway value");
  const rounded = name === "ceil" ? Math.ceil(value.value) : name === "floor" ? Math.floor(value.value) : roundHalfEven(value.value);
  // -0 from ceil(-0.5) is Python's 0.
  return integer(rounded === 0 ? 0 : rounded, name, at);
}
