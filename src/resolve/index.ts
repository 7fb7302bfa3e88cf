import { posix } from "node:path";
import { DiagnosticCollector, FileAccessError, SpecError, type SourcePosition } from "../diagnostics/index.js";
import { describeValue, type Value } from "../parse/values.js";
import { parseYaml, type YamlSource } from "../parse/yaml.js";
import { isHfConfig, translateHfConfig, type AppliedQuantization } from "../hf-config/index.js";
import { validateSpec } from "../validate/index.js";
import { includedPath, resolveList, type BlockDefinition, type LoadInclude, type Walker } from "./layers.js";
import { defined } from "./origins.js";
import { variableAt } from "./scope.js";
import type { SpecData } from "./spec-data.js";
import { resolveAdapters } from "./adapters.js";
import { inputNames, resolveInput } from "./input.js";
import { resolveTies } from "./ties.js";
import { topologyOf } from "./topology.js";
import { lintIgnores } from "./lint-ignore.js";
import { resolveServing, resolveTraining } from "./training.js";
import type { OnStep, ReadFile, ResolvedLayer, ResolvedModel } from "./types.js";

export { lintIgnores } from "./lint-ignore.js";
export { formatPath, formatSegment, instanceCount, instancePaths } from "./paths.js";
export type { ForwardStep, Merge, Topology } from "./topology.js";
export { firstChanged, type Origins } from "./origins.js";
export { acceleratorsAt, type ResolvedAccelerator } from "./accelerators.js";
export type {
  DtypeSetting,
  FrozenTensor,
  LeafNode,
  Located,
  OnStep,
  ModuleNode,
  PathSegment,
  PatternEntry,
  ReadFile,
  ResolvedAdapter,
  ResolvedInput,
  NamedInput,
  ResolvedLayer,
  ResolvedModel,
  ResolvedTie,
  ResolvedServing,
  ResolvedTraining,
  Routing,
  TensorReference,
  TreeNode,
} from "./types.js";

const MAX_INCLUDE_DEPTH = 16;

interface LoadedFile {
  source: YamlSource;
  data: SpecData;
}

/** Parses and validates each file once, however often it is included. */
function fileLoader(readFile: ReadFile, spec: string): (file: string, includedAt?: SourcePosition) => LoadedFile {
  const cache = new Map<string, LoadedFile>();
  return (file, includedAt) => {
    const cached = cache.get(file);
    if (cached) return cached;
    let text: string;
    try {
      text = includedAt ? readFile(file, { spec }) : readFile(file);
    } catch (error) {
      if (!includedAt) throw error;
      // Only the file's name and what is wrong with it: never its content, which may be anyone's.
      if (error instanceof FileAccessError) throw new SpecError("include-unreadable", includedAt, `included file ${file} ${error.detail}`, error.hint);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new SpecError("include-unreadable", includedAt, `included file ${file} does not exist`, "paths are relative to the including spec");
      throw new SpecError("include-unreadable", includedAt, `cannot read included file ${file}: ${code ?? (error as Error).message}`, "paths are relative to the including spec");
    }
    const parsed = parseYaml(text, file);
    // A Hugging Face config.json is a spec too: translated into the spec data, positioned at its keys.
    const source = isHfConfig(parsed.data) ? translateHfConfig(parsed) : parsed;
    validateSpec(source);
    const loaded = { source, data: source.data as SpecData };
    cache.set(file, loaded);
    return loaded;
  };
}

/** Equal values, whatever their provenance (a float from `/`, where a bare word was written). */
function sameValue(a: Value, b: Value): boolean {
  const provenance = new Set(["fromDivision", "position", "suggestion"]);
  const text = (value: Value) => JSON.stringify(value, (key, item: unknown) => (provenance.has(key) ? undefined : item));
  return text(a) === text(b);
}

function samePosition(a: SourcePosition, b: SourcePosition): boolean {
  return a.file === b.file && a.line === b.line && a.col === b.col;
}

/**
 * A variable defined twice with different values across a top-level include: the included file's
 * blocks and vars would keep one value while the rest of the model used the other, so it is refused.
 */
function conflictingVariable(name: string, here: SourcePosition, there: SourcePosition, value: Value, other: Value): SpecError {
  const where = `${there.file}:${there.line}:${there.col}`;
  return new SpecError(
    "conflicting-definition",
    here,
    `'${name}' is ${describeValue(value)} here and ${describeValue(other)} in ${where}, whose blocks and vars would keep their own value`,
    `use one definition: rename this one, or make '${name}' a block parameter (params: {${name}: ...}) and set it with use: ... with: {${name}: ...}, or include the file's layers as a module with {include: ${there.file}, with: {${name}: ...}}`,
  );
}

/** The variables and blocks of the files `loaded` includes, added to its own; two definitions of one variable must agree. */
function addIncluded(
  { source, data }: LoadedFile,
  expanding: string[],
  loadInclude: LoadInclude,
  { scope, origins, blocks }: { scope: Map<string, Value>; origins: Map<string, SourcePosition>; blocks: Map<string, BlockDefinition> },
): void {
  const includes = data.include === undefined ? [] : typeof data.include === "string" ? [data.include] : data.include;
  includes.forEach((included, index) => {
    const path = typeof data.include === "string" ? ["include"] : ["include", index];
    const inner = loadInclude(includedPath(source, included, path), source.at(path), expanding, new Map());
    for (const [name, value] of inner.scope) {
      const here = inner.origins.get(name)!;
      const earlier = origins.get(name);
      if (earlier && !sameValue(scope.get(name)!, value) && !samePosition(earlier, here)) throw conflictingVariable(name, here, earlier, value, scope.get(name)!);
      scope.set(name, value);
      origins.set(name, here);
    }
    for (const [name, block] of inner.blocks) {
      // One file included along two paths defines its blocks once.
      if (blocks.has(name) && blocks.get(name)!.source.file !== block.source.file)
        throw new SpecError("conflicting-definition", source.at(path), `block '${name}' is defined by two included files`, "rename one of them");
      blocks.set(name, block);
    }
  });
}

/** A file's variables and blocks, after those of the files it includes. */
function scopeOf(loaded: LoadedFile, expanding: string[], overrides: ReadonlyMap<string, Value>, loadInclude: LoadInclude): ReturnType<LoadInclude> {
  const { source, data } = loaded;
  const scope = new Map<string, Value>();
  /** Where each variable in scope is defined: included blocks keep their file's values, so two definitions must agree. */
  const origins = new Map<string, SourcePosition>();
  const blocks = new Map<string, BlockDefinition>();
  addIncluded(loaded, expanding, loadInclude, { scope, origins, blocks });
  for (const name of overrides.keys()) {
    if (!(name in (data.vars ?? {})))
      throw new SpecError("include-unknown-variable", source.at([]), `with: sets '${name}', which ${source.file} does not define under vars:`, "set only the included spec's vars");
  }
  for (const [name, raw] of Object.entries(data.vars ?? {})) {
    const here = source.keyAt(["vars", name]);
    const value = overrides.get(name) ?? defined(here, () => variableAt(source, ["vars", name], raw, scope));
    const included = origins.get(name);
    if (included && !sameValue(scope.get(name)!, value)) throw conflictingVariable(name, here, included, value, scope.get(name)!);
    scope.set(name, value);
    origins.set(name, here);
  }
  for (const [name, block] of Object.entries(data.blocks ?? {})) {
    if (blocks.has(name))
      throw new SpecError("conflicting-definition", source.keyAt(["blocks", name]), `block '${name}' is also defined by an included file`, "rename one of them");
    blocks.set(name, { name, params: block.params ?? {}, layers: block.layers, source, path: ["blocks", name], scope, body: block });
  }
  return { source, data, scope, origins, blocks, topology: topologyOf(source, [], data as Record<string, unknown>, scope, inputNames(source, data.input)) };
}

/** How often, in entries read, a progress line hears of resolving. */
const TICK_ENTRIES = 1000;

function entryTicker(onStep: OnStep): () => void {
  let entries = 0;
  return () => {
    if (++entries % TICK_ENTRIES === 0) onStep(`resolving: ${entries.toLocaleString("en-US")} layer entries`);
  };
}

/** What became of a config.json's quantization_config: applied as the decoder layers' dtype, with what its bytes leave out, or not applied and why. */
function quantizationWarning(quantization: AppliedQuantization): SpecError {
  if (quantization.dtype !== undefined) {
    return new SpecError(
      "quantization-partly-counted",
      quantization.position,
      `quantization_config (${quantization.text}) is applied as ${quantization.dtype} to the decoder layers' weight matrices; ${quantization.caveat}`,
      "the counts are the logical parameters; embeddings, norms, biases and lm_head keep the recipe's floating dtype",
    );
  }
  return new SpecError(
    "quantization-not-applied",
    quantization.position,
    `quantization_config (${quantization.text}) is not applied (${quantization.caveat}): the counts are the logical parameters, and weights take the training recipe's dtype, not the quantized packing`,
    "for memory, set the weights' dtype with --dtype: nf4 or int8 (bitsandbytes), int4(block_size=128, scale=float16) (GPTQ, AWQ), which the packing's zero points may exceed",
  );
}

/**
 * A translated config.json whose forward is not followed says so (its counts are exact, its shapes absent),
 * and so does one whose quantization_config packs the weights in a way the byte figures do not follow.
 */
function forwardWarnings(source: YamlSource): SpecError[] {
  const { notFollowed, quantization } = source as { notFollowed?: string; quantization?: AppliedQuantization };
  const quantized = quantization ? [quantizationWarning(quantization)] : [];
  if (!notFollowed) return quantized;
  return [
    ...quantized,
    new SpecError(
      "forward-not-followed",
      source.at([]),
      `parameters only, no shapes: ${notFollowed}`,
      "the counts are exact; for shapes, MACs and activations write the model as a YAML spec with forward: (model-budget import hf-config writes one to start from)",
    ),
  ];
}

/** Loads an included file's scope, refusing a cycle and a chain deeper than MAX_INCLUDE_DEPTH. */
function includeLoader(load: ReturnType<typeof fileLoader>): LoadInclude {
  const loadInclude: LoadInclude = (included, position, expanding, overrides) => {
    const key = `file ${included}`;
    if (expanding.includes(key)) {
      throw new SpecError(
        "cycle",
        position,
        `include cycle: ${[...expanding.slice(expanding.indexOf(key)), key].map((step) => step.replace(/^file /, "")).join(" → ")}`,
        "remove one of the includes",
      );
    }
    if (expanding.length >= MAX_INCLUDE_DEPTH)
      throw new SpecError("include-too-deep", position, `includes nested more than ${MAX_INCLUDE_DEPTH} deep`, "flatten the include chain");
    return scopeOf(load(included, position), [...expanding, key], overrides, loadInclude);
  };
  return loadInclude;
}

/**
 * Resolves a spec file into flat layer entries with counts, following include:, blocks and repeat.
 * Each layer entry's errors go to `errors`, and the other entries still resolve, so
 * one run shows every independent mistake; given no collector, they are thrown together at the end.
 * Ties, which may name a layer that failed, are resolved only when every entry did.
 */
export function resolveSpec(file: string, readFile: ReadFile, errors?: DiagnosticCollector, onStep?: OnStep): ResolvedModel {
  const collector = errors ?? new DiagnosticCollector();
  const load = fileLoader(readFile, file);
  const loadInclude = includeLoader(load);
  const root = scopeOf(load(file), [`file ${file}`], new Map(), loadInclude);
  if (!root.data.layers) {
    throw new SpecError(
      "include-without-layers",
      { file, line: 1, col: 1 },
      "the spec has no layers:",
      "list the model's layers under layers:, or include this file from a spec that does",
    );
  }
  const walker: Walker = { loadInclude, out: [] as ResolvedLayer[], errors: collector, ...(onStep ? { tick: entryTicker(onStep) } : {}) };
  const { children, absent } = resolveList(
    walker,
    root.data.layers,
    ["layers"],
    {
      source: root.source,
      scope: root.scope,
      blocks: root.blocks,
      frozen: false,
      frozenPaths: [],
      dtypes: [],
      lintIgnore: lintIgnores(root.source, ["lint"], root.data.lint, []),
      prefix: [],
      expanding: [`file ${file}`],
    },
    1,
  );
  const { input, inputs } = resolveInput(root.source, root.data.input, root.scope);
  const ties = collector.failed ? [] : resolveTies(walker.out, root.data.tie, root.source);
  const training = resolveTraining(root.source, root.data.training, root.scope);
  const adapter = collector.attempt(() => resolveAdapters(root.source, root.data.adapters, root.scope));
  const serving = resolveServing(root.source, root.data.serving, root.scope);
  if (!errors) collector.throwIfAny();
  const warnings = forwardWarnings(root.source);
  return {
    ...(warnings.length ? { warnings } : {}),
    model: root.data.model ?? posix.basename(file).replace(/\.ya?ml$/, ""),
    file,
    layers: walker.out,
    tree: { kind: "module", name: "", own: [], instances: 1, position: { file, line: 1, col: 1 }, children, ...(absent.length ? { absent } : {}), topology: root.topology },
    ...(input ? { input } : {}),
    ...(inputs ? { inputs } : {}),
    ties,
    training,
    ...(adapter ? { adapter } : {}),
    ...(serving ? { serving } : {}),
  };
}
