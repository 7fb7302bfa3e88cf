import { describeLayer, type DescribedLayer } from "../../src/catalogue/index.js";
import { parseCall } from "../../src/parse/expression.js";
import type { Value } from "../../src/parse/values.js";
import { evaluateCall } from "../../src/resolve/evaluate.js";

/** Describes one call string as the engine would, with `vars` in scope; positions are columns of the string. */
export function describeText(text: string, vars: Record<string, number> = {}): DescribedLayer {
  const scope = new Map<string, Value>(Object.entries(vars).map(([name, value]) => [name, { kind: "int", value }]));
  return describeLayer(evaluateCall(parseCall(text), scope, (offset) => ({ file: "<call>", line: 1, col: offset + 1 }), text));
}

/** The error message a call string gets, or undefined when it is valid. */
export function errorOf(text: string): string | undefined {
  try {
    describeText(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
