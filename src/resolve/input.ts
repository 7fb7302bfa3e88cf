import { SpecError } from "../diagnostics/index.js";
import type { SourcePosition } from "../diagnostics/index.js";
import type { DataPath, YamlSource } from "../parse/yaml.js";
import type { Scope } from "./evaluate.js";
import { integerAt } from "./scope.js";
import type { SpecData } from "./spec-data.js";
import type { NamedInput, ResolvedInput } from "./types.js";

type InputData = NonNullable<SpecData["input"]>;
type OneInput = unknown[] | { tokens: unknown } | { ids: unknown[] } | { shape: unknown[]; requires_grad?: boolean };

/** The keys of one input written as an object: `{tokens: N}`, `{ids: [...]}`, `{shape: [...], requires_grad: true}`; never the name of a named input. */
const ONE_INPUT_KEYS = ["tokens", "ids", "shape", "requires_grad"];

/** True for `input: {src: {tokens: 512}, tgt: {tokens: 128}}`, several named inputs, rather than one `{tokens: N}`. */
export function isNamedInputs(input: unknown): input is Record<string, OneInput> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return false;
  if (Object.keys(input).some((key) => ONE_INPUT_KEYS.includes(key))) return false;
  return Object.values(input).every((value) => typeof value === "object" && value !== null);
}

/** The names of several named inputs, with where each is written: the root module's forward arguments. */
export function inputNames(source: YamlSource, input: unknown): { name: string; position: SourcePosition }[] | undefined {
  if (!isNamedInputs(input)) return undefined;
  return Object.keys(input).map((name) => ({ name, position: source.keyAt(["input", name]) }));
}

function resolveOne(source: YamlSource, path: DataPath, input: OneInput, scope: Scope): ResolvedInput {
  const position = source.at(path);
  const positive = (at: DataPath, raw: unknown, what: string) => {
    const value = integerAt(source, at, raw, scope, what);
    if (value < 1) throw new SpecError("out-of-range", source.at(at), `${what} must be positive, got ${value}`);
    return value;
  };
  if (Array.isArray(input)) return { value: { kind: "tensor", shape: input.map((size, index) => positive([...path, index], size, "an input size")) }, position };
  if ("shape" in input) {
    const shape = input.shape.map((size, index) => positive([...path, "shape", index], size, "an input size"));
    return { value: { kind: "tensor", shape, ...(input.requires_grad === true ? { requiresGrad: true as const } : {}) }, position };
  }
  if ("ids" in input) return { value: { kind: "ids", shape: input.ids.map((size, index) => positive([...path, "ids", index], size, "an input size")) }, position };
  return { value: { kind: "tokens", length: positive([...path, "tokens"], input.tokens, "the sequence length") }, position };
}

/**
 * The spec's `input:` with its sizes evaluated: `[3, 224, 224]` per sample, `{tokens: 2048}`, `{ids: []}`, or
 * several named inputs; `input` is the first (what serving and fits size), `inputs` all of them.
 */
export function resolveInput(source: YamlSource, input: InputData | undefined, scope: Scope): { input?: ResolvedInput; inputs?: NamedInput[] } {
  if (input === undefined) return {};
  if (!isNamedInputs(input)) {
    if (!Array.isArray(input)) oneInputOnly(source, input);
    return { input: resolveOne(source, ["input"], input, scope) };
  }
  const inputs = Object.entries(input).map(([name, one]) => ({ name, ...resolveOne(source, ["input", name], one, scope) }));
  return { input: inputs[0]!, inputs };
}

/** `{tokens: 512, ids: [4]}` or `{tokens: 512, text: ...}`: one input written as an object has one key. */
function oneInputOnly(source: YamlSource, input: Record<string, unknown>): void {
  if (Object.keys(input).join() === "requires_grad") {
    throw new SpecError(
      "invalid-input",
      source.keyAt(["input", "requires_grad"]),
      "requires_grad says whether a tensor input requires grad, and there is no shape",
      "write {shape: [...], requires_grad: true}",
    );
  }
  const keys = Object.keys(input).filter((key) => key !== "requires_grad" || !("shape" in input));
  const [first, extra] = keys.sort((a, b) => Number(ONE_INPUT_KEYS.includes(b)) - Number(ONE_INPUT_KEYS.includes(a)));
  if (extra === undefined) return;
  const written = `${first}: ${JSON.stringify(input[first!])}`;
  throw new SpecError(
    "invalid-input",
    source.keyAt(["input", extra]),
    `input has ${written} and '${extra}': one input ({tokens: ...}, {ids: ...} or {shape: ..., requires_grad: ...}), or named inputs, not both`,
    `name every input: {text: {${written}}, ${extra}: ...}`,
  );
}
