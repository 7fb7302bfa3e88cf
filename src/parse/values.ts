import type { SourcePosition } from "../diagnostics/index.js";

/**
 * A value after variables are substituted: what a layer argument can be. Integers stay exact
 * (safe integers only). A bare word that is not a variable is a `symbol` only as a call argument's
 * whole value (`mode=sum`, as print(model) writes it) or as a dotted name (`torch.long`): the layer
 * reads it as a keyword, and reports it as an undefined variable where it needs a number.
 */
export type Value =
  | { kind: "int"; value: number }
  /** `fromDivision`: the result of a `/`, which is a float even when it divides evenly. */
  | { kind: "float"; value: number; fromDivision?: true }
  | { kind: "bool"; value: boolean }
  | { kind: "string"; value: string }
  /**
   * `suggestion`: the variable in scope closest to the name, in case it is a misspelt one;
   * `position`: where the bare word is, for a call argument's keyword.
   */
  | { kind: "symbol"; name: string; suggestion?: string; position?: SourcePosition }
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
      return `the number ${Number.isInteger(value.value) ? value.value.toFixed(1) : value.value}`;
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
