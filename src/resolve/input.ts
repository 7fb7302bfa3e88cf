import { SpecError } from "../diagnostics/index.js";
import type { YamlSource } from "../parse/yaml.js";
import type { Scope } from "./evaluate.js";
import { integerAt } from "./scope.js";
import type { SpecData } from "./spec-data.js";
import type { ResolvedInput } from "./types.js";

/** The spec's `input:` with its sizes evaluated: `[3, 224, 224]` per sample, or `{tokens: 2048}`. */
export function resolveInput(source: YamlSource, input: SpecData["input"], scope: Scope): ResolvedInput | undefined {
  if (input === undefined) return undefined;
  const position = source.at(["input"]);
  const positive = (path: (string | number)[], raw: unknown, what: string) => {
    const value = integerAt(source, path, raw, scope, what);
    if (value < 1) throw new SpecError("out-of-range", source.at(path), `${what} must be positive, got ${value}`);
    return value;
  };
  if (Array.isArray(input)) return { value: { kind: "tensor", shape: input.map((size, index) => positive(["input", index], size, "an input size")) }, position };
  return { value: { kind: "tokens", length: positive(["input", "tokens"], input.tokens, "the sequence length") }, position };
}
