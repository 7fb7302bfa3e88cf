import type { SourcePosition } from "../diagnostics/index.js";

/**
 * A value after variables are substituted: what a layer argument can be. Integers stay exact
 * (safe integers only); a bare word that is not a variable stays a `symbol`, so `mode=sum` as
 * print(model) writes it reads as the string "sum" while `Linear(dd, 4)` can still report the
 * undefined variable `dd`.
 */
export type Value =
  | { kind: "int"; value: number }
  | { kind: "float"; value: number }
  | { kind: "bool"; value: boolean }
  | { kind: "string"; value: string }
  | { kind: "symbol"; name: string }
  | { kind: "none" }
  | { kind: "tuple"; items: Value[] }
  | { kind: "layer"; call: EvaluatedCall };

export interface EvaluatedArgument {
  name?: string;
  value: Value;
  position: SourcePosition;
}

/** A constructor call with its arguments evaluated, ready to bind to a catalogue signature. */
export interface EvaluatedCall {
  type: string;
  args: EvaluatedArgument[];
  position: SourcePosition;
  /** The call as the user wrote it, for formulas and messages. */
  text: string;
}

export function describeValue(value: Value): string {
  switch (value.kind) {
    case "int":
      return `the integer ${value.value}`;
    case "float":
      return `the number ${value.value}`;
    case "bool":
      return value.value ? "True" : "False";
    case "string":
      return `the string '${value.value}'`;
    case "symbol":
      return `the name '${value.name}'`;
    case "none":
      return "None";
    case "tuple":
      return `a tuple of ${value.items.length}`;
    case "layer":
      return `a ${value.call.type}(...) layer`;
  }
}
