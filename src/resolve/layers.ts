import { posix } from "node:path";
import { SpecError, didYouMean, type SourcePosition } from "../diagnostics/index.js";
import type { EvaluatedArgument, EvaluatedCall, Value } from "../parse/values.js";
import type { DataPath, YamlSource } from "../parse/yaml.js";
import { isTrue, type Scope } from "./evaluate.js";
import { formatPath, instanceCount, instancesNamed } from "./paths.js";
import { evaluateCallText, integerAt, valueOf } from "./scope.js";
import type { SpecData } from "./spec-data.js";
import { overlay, topologyOf, TOPOLOGY_KEYS, type Topology } from "./topology.js";
import type { DtypeSetting, FrozenTensor, PathSegment, ResolvedLayer, TreeNode } from "./types.js";

/** The keys that make a mapping a layer body rather than a one-key `name: layer` entry. */
const KINDS = ["type", "layer", "layers", "use", "include"] as const;
const OPTIONS = new Set<string>(["repeat", "if", "frozen", "dtype", "with", ...TOPOLOGY_KEYS]);

export interface BlockDefinition {
  name: string;
  params: Record<string, unknown>;
  layers: unknown[];
  source: YamlSource;
  path: DataPath;
  /** The block's definition, whose forward:, residual: or branches: are evaluated with each use's parameters. */
  body: Record<string, unknown>;
  /** The variables of the file that defines the block: blocks are lexically scoped. */
  scope: Scope;
}

/** An item of a `frozen:` list: a tensor's path below the entry that lists it, matched against the layers there. */
interface FrozenPath {
  tokens: string[];
  /** How many path segments the listing entry has: a layer's own path begins with them. */
  depth: number;
  text: string;
  position: SourcePosition;
  matched: boolean;
}

/** What a list of layers is resolved in: its file, variables, blocks and what encloses it. */
export interface ListContext {
  source: YamlSource;
  scope: Scope;
  blocks: ReadonlyMap<string, BlockDefinition>;
  frozen: boolean;
  /** The `frozen:` lists of the enclosing modules. */
  frozenPaths: readonly FrozenPath[];
  /** The `dtype:` keys of the enclosing modules, outermost first. */
  dtypes: DtypeSetting[];
  prefix: PathSegment[];
  /** Blocks and files being expanded, outermost first, to report cycles. */
  expanding: string[];
}

/** An include's path from the spec's folder; an absolute one is refused rather than read from the machine's root. */
export function includedPath(source: YamlSource, included: string, path: (string | number)[]): string {
  if (posix.isAbsolute(included) || /^[A-Za-z]:[\\/]/.test(included)) {
    throw new SpecError(source.at(path), `include: ${included} is an absolute path`, "write the path relative to the including spec, inside the repository");
  }
  return posix.join(posix.dirname(source.file), included);
}

/** Loads, validates and reads an included spec's vars and blocks; supplied by the entry point. */
export type LoadInclude = (
  file: string,
  position: SourcePosition,
  expanding: string[],
  overrides: ReadonlyMap<string, Value>,
) => { source: YamlSource; data: SpecData; scope: Map<string, Value>; origins: Map<string, SourcePosition>; blocks: Map<string, BlockDefinition>; topology: Topology };

export interface Walker {
  loadInclude: LoadInclude;
  out: ResolvedLayer[];
}

type Body = Record<string, unknown>;

function isMapping(value: unknown): value is Body {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A mapping with one of the KINDS keys is a layer body, except a one-key mapping whose value is
 * itself a mapping: no body has that shape, so it is a child named after a keyword, as Hugging
 * Face's `encoder.layer` and `model.layers` are (`- layers: {repeat: 32, layers: [...]}`).
 */
function isBody(value: unknown): value is Body {
  if (!isMapping(value) || !KINDS.some((kind) => kind in value)) return false;
  const keys = Object.keys(value);
  return !(keys.length === 1 && isMapping(value[keys[0]!]));
}

/** A call string written as a mapping: `{type: Embedding, num_embeddings: 50257, ...}`. */
function mappingCall(source: YamlSource, path: DataPath, body: Body, scope: Scope): EvaluatedCall {
  const args: EvaluatedArgument[] = [];
  const shown: string[] = [];
  for (const [name, raw] of Object.entries(body)) {
    if (name === "type" || OPTIONS.has(name)) continue;
    args.push({ name, value: valueOf(source, [...path, name], raw, scope, "keyword"), position: source.keyAt([...path, name]) });
    shown.push(`${name}=${Array.isArray(raw) ? `(${raw.join(", ")})` : String(raw)}`);
  }
  const type = String(body.type);
  return { type, args, position: source.at([...path, "type"]), text: `${type}(${shown.join(", ")})` };
}

function kindOf(source: YamlSource, path: DataPath, body: Body): (typeof KINDS)[number] {
  const kinds = KINDS.filter((kind) => kind in body);
  if (kinds.length !== 1) {
    throw new SpecError(source.keyAt([...path, kinds[1]!]), `a layer has one of ${KINDS.join(", ")}; this one has both '${kinds[0]}' and '${kinds[1]}'`, "split it into two entries");
  }
  return kinds[0]!;
}

function blockScope(source: YamlSource, path: DataPath, body: Body, block: BlockDefinition, callerScope: Scope): Map<string, Value> {
  const given = (body.with ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(given)) {
    if (!(name in block.params)) {
      const suggestion = didYouMean(name, Object.keys(block.params));
      const known = Object.keys(block.params);
      throw new SpecError(source.keyAt([...path, "with", name]), `block '${block.name}' has no parameter '${name}'`, suggestion ?? (known.length ? `its parameters are: ${known.join(", ")}` : "it takes no parameters"));
    }
  }
  const scope = new Map(block.scope);
  for (const [name, fallback] of Object.entries(block.params)) {
    if (name in given) {
      scope.set(name, valueOf(source, [...path, "with", name], given[name], callerScope));
    } else if (fallback === null) {
      throw new SpecError(source.at([...path, "use"]), `block '${block.name}' needs a value for '${name}'`, `add it under with:, e.g. with: {${name}: ...}`);
    } else {
      scope.set(name, valueOf(block.source, [...block.path, "params", name], fallback, scope));
    }
  }
  return scope;
}

/** The tensors of a layer entry at `segments` that `frozen:` lists name; a path may not name some instances of a run only. */
function frozenTensors(paths: readonly FrozenPath[], segments: readonly PathSegment[]): FrozenTensor[] {
  const found: FrozenTensor[] = [];
  for (const path of paths) {
    const below = segments.slice(path.depth);
    // As long as the path: a bare Parameter entry's one tensor.
    if (below.length > path.tokens.length) continue;
    const instances = instancesNamed(below, path.tokens);
    if (instances === 0) continue;
    const all = instanceCount(below);
    if (instances !== all) {
      throw new SpecError(
        path.position,
        `frozen '${path.text}' names ${instances} of the ${all} instances of ${formatPath(segments)}`,
        "freeze every instance with * in place of the index, or split the repeat so the frozen instance is its own entry",
      );
    }
    path.matched = true;
    found.push({ name: path.tokens.slice(below.length).join("."), text: path.text, position: path.position, glob: path.tokens.includes("*") });
  }
  return found;
}

/** A module's `frozen:` list once its layers are resolved: each item must have named a layer below it. */
function checkFrozenMatched(paths: readonly FrozenPath[], segments: readonly PathSegment[]): void {
  const unmatched = paths.find((path) => !path.matched);
  if (!unmatched) return;
  throw new SpecError(
    unmatched.position,
    `frozen names '${unmatched.text}', which is no tensor of a layer in ${formatPath(segments)}`,
    "write the path below this entry: the children's names, then the tensor's, e.g. attn.bias; * stands for any one child",
  );
}

function checkCycle(expanding: string[], key: string, position: SourcePosition, what: string): void {
  if (expanding.includes(key)) {
    throw new SpecError(position, `${what} includes itself: ${[...expanding.slice(expanding.indexOf(key)), key].join(" → ")}`, "break the cycle");
  }
}

/** Names and numbers a list's children, refusing a name given twice; unnamed children are numbered like nn.Sequential's. */
function childNumbering() {
  const names = new Map<string, SourcePosition>();
  const runs: { from: number; to: number; position: SourcePosition }[] = [];
  let nextIndex = 0;

  const duplicate = (name: string, position: SourcePosition, earlier: SourcePosition): never => {
    throw new SpecError(position, `duplicate name '${name}' in one module`, `the first '${name}' is at line ${earlier.line}; give each child its own name`);
  };
  // Unnamed children are numbered like nn.Sequential's, so a child named "2" can collide with one.
  const claimName = (name: string, position: SourcePosition) => {
    const earlier = names.get(name) ?? runs.find((run) => /^\d+$/.test(name) && Number(name) >= run.from && Number(name) <= run.to)?.position;
    if (earlier) duplicate(name, position, earlier);
    names.set(name, position);
  };
  const claimRun = (from: number, to: number, position: SourcePosition) => {
    for (const [name, earlier] of names) if (/^\d+$/.test(name) && Number(name) >= from && Number(name) <= to) duplicate(name, position, earlier);
    runs.push({ from, to, position });
  };
  return {
    /** The name an entry gets: its own, or the next number. */
    nameOf: (name: string | undefined) => name ?? String(nextIndex),
    /** The entry's own path segments, its name or numbers claimed. */
    claim(name: string | undefined, repeated: boolean, repeat: number, position: SourcePosition): PathSegment[] {
      if (name !== undefined) {
        claimName(name, position);
        return repeated ? [name, { from: 0, to: repeat - 1 }] : [name];
      }
      claimRun(nextIndex, nextIndex + repeat - 1, position);
      const own = repeat === 1 && !repeated ? [nextIndex] : [{ from: nextIndex, to: nextIndex + repeat - 1 }];
      nextIndex += repeat;
      return own;
    },
  };
}

/** One entry of a list, read, named and placed: what each kind of child is resolved from. */
interface ListEntry {
  kind: (typeof KINDS)[number];
  body: Body;
  raw: unknown;
  bodyPath: DataPath;
  position: SourcePosition;
  childName: string;
  own: PathSegment[];
  instances: number;
  segments: PathSegment[];
  frozen: boolean;
  /** This entry's own `frozen:` list. */
  frozenList: FrozenPath[];
  frozenPaths: readonly FrozenPath[];
  dtypes: DtypeSetting[];
  /** Instances in the whole model: the enclosing repeats times this one's. */
  count: number;
}

/** Reads one list item up to its kind; undefined when its `if:` is false or it repeats 0 times. */
function readEntry(item: unknown, itemPath: DataPath, context: ListContext, multiplier: number, numbering: ReturnType<typeof childNumbering>): ListEntry | undefined {
  const { source, scope } = context;
  let name: string | undefined;
  let bodyPath: DataPath = itemPath;
  let raw: unknown = item;
  if (typeof item === "object" && item !== null && !isBody(item)) {
    name = Object.keys(item)[0]!;
    bodyPath = [...itemPath, name];
    raw = (item as Body)[name];
  }
  const body: Body = typeof raw === "string" ? { layer: raw } : (raw as Body);
  const position = name === undefined ? source.at(itemPath) : source.keyAt(bodyPath);
  const childName = numbering.nameOf(name);
  const kind = typeof raw === "string" ? "layer" : kindOf(source, bodyPath, body);

  if (body.if !== undefined) {
    const condition = typeof body.if === "boolean" ? { kind: "bool" as const, value: body.if } : valueOf(source, [...bodyPath, "if"], body.if, scope, "strict");
    if (!isTrue(condition, source.at([...bodyPath, "if"]))) return undefined;
  }
  const repeated = body.repeat !== undefined;
  const repeat = repeated ? integerAt(source, [...bodyPath, "repeat"], body.repeat, scope, "repeat") : 1;
  if (body.with !== undefined && kind !== "use" && kind !== "include") {
    throw new SpecError(source.keyAt([...bodyPath, "with"]), `with: gives arguments to a block or an included spec, and this entry has neither`, "use: a block, or write the arguments in the call");
  }
  const own = numbering.claim(name, repeated, repeat, position);
  if (repeat === 0) return undefined;
  const segments = [...context.prefix, ...own];
  const frozenList: FrozenPath[] = Array.isArray(body.frozen)
    ? (body.frozen as string[]).map((text, i) => ({ tokens: text.split("."), depth: segments.length, text, position: source.at([...bodyPath, "frozen", i]), matched: false }))
    : [];
  const dtypes = body.dtype === undefined ? context.dtypes : [...context.dtypes, { value: valueOf(source, [...bodyPath, "dtype"], body.dtype, scope, "keyword"), position: source.at([...bodyPath, "dtype"]) }];
  const count = multiplier * instanceCount(own);
  if (!Number.isSafeInteger(count)) throw new SpecError(position, `${formatPath(segments)} stands for more than 2^53 instances`, "check repeat:");
  return {
    kind,
    body,
    raw,
    bodyPath,
    position,
    childName,
    own,
    instances: repeat,
    segments,
    frozen: context.frozen || body.frozen === true,
    frozenList,
    frozenPaths: frozenList.length ? [...context.frozenPaths, ...frozenList] : context.frozenPaths,
    dtypes,
    count,
  };
}

/** A layer: a call string or a `type:` mapping; its entry goes to `walker.out` in model order. */
function resolveLeaf(walker: Walker, entry: ListEntry, context: ListContext): TreeNode {
  const { source, scope } = context;
  const { body, bodyPath, segments } = entry;
  const call = entry.kind === "type" ? mappingCall(source, bodyPath, body, scope) : evaluateCallText(source, [...bodyPath, ...(typeof entry.raw === "string" ? [] : ["layer"])], String(body.layer), scope);
  const node: TreeNode = { kind: "leaf", name: entry.childName, own: entry.own, instances: entry.instances, position: entry.position, layer: walker.out.length };
  walker.out.push({ path: formatPath(segments), segments, count: entry.count, call, frozen: entry.frozen, frozenTensors: frozenTensors(entry.frozenPaths, segments), dtypes: entry.dtypes, position: entry.position });
  return node;
}

/** The entry's own `residual:`/`parallel:`, read before its children as every kind of module does. */
const ownTopologyOf = (entry: ListEntry, context: ListContext) => topologyOf(context.source, entry.bodyPath, entry.body, context.scope);

/**
 * A module whose children are resolved from `layers` in `inner`: its own list, a block's or an included
 * spec's; `topology` (the block's or included spec's) is read after its children.
 */
function moduleOf(walker: Walker, entry: ListEntry, ownTopology: Topology, child: { layers: unknown[]; path: DataPath; inner: ListContext; topology: () => Topology }): TreeNode {
  const nodes = resolveList(walker, child.layers, child.path, child.inner, entry.count);
  const topology = child.topology();
  checkFrozenMatched(entry.frozenList, entry.segments);
  return { kind: "module", name: entry.childName, own: entry.own, instances: entry.instances, position: entry.position, children: nodes, topology: overlay(topology, ownTopology) };
}

/** The context an entry's children are resolved in. */
function innerContext(entry: ListEntry, context: ListContext): ListContext {
  return { ...context, frozen: entry.frozen, frozenPaths: entry.frozenPaths, dtypes: entry.dtypes, prefix: entry.segments };
}

/** `layers:`: a module written in place. */
function resolveModule(walker: Walker, entry: ListEntry, context: ListContext): TreeNode {
  const ownTopology = ownTopologyOf(entry, context);
  return moduleOf(walker, entry, ownTopology, { layers: entry.body.layers as unknown[], path: [...entry.bodyPath, "layers"], inner: innerContext(entry, context), topology: () => ({}) });
}

/** `use:`: a block, its parameters bound to this use's `with:`. */
function resolveUse(walker: Walker, entry: ListEntry, context: ListContext): TreeNode {
  const { source, scope } = context;
  const { body, bodyPath } = entry;
  const ownTopology = ownTopologyOf(entry, context);
  const blockName = String(body.use);
  const block = context.blocks.get(blockName);
  if (!block) {
    throw new SpecError(source.at([...bodyPath, "use"]), `unknown block '${blockName}'`, didYouMean(blockName, context.blocks.keys()) ?? "define it under blocks:, or include: the file that does");
  }
  checkCycle(context.expanding, `block ${blockName}`, source.at([...bodyPath, "use"]), `block '${blockName}'`);
  const boundScope = blockScope(source, bodyPath, body, block, scope);
  const blockContext: ListContext = { ...innerContext(entry, context), source: block.source, scope: boundScope, expanding: [...context.expanding, `block ${blockName}`] };
  // The block's residual: {if: stride == 1} speaks of its parameters: evaluated with this use's values.
  return moduleOf(walker, entry, ownTopology, { layers: block.layers, path: [...block.path, "layers"], inner: blockContext, topology: () => topologyOf(block.source, block.path, block.body, boundScope) });
}

/** `include:`: another spec's layers as a module, its vars overridden by `with:`. */
function resolveInclude(walker: Walker, entry: ListEntry, context: ListContext): TreeNode {
  const { source, scope } = context;
  const { body, bodyPath } = entry;
  const ownTopology = ownTopologyOf(entry, context);
  const file = includedPath(source, String(body.include), [...bodyPath, "include"]);
  const overrides = new Map<string, Value>();
  for (const [key, value] of Object.entries((body.with ?? {}) as Body)) overrides.set(key, valueOf(source, [...bodyPath, "with", key], value, scope));
  const included = walker.loadInclude(file, source.at([...bodyPath, "include"]), context.expanding, overrides);
  if (!included.data.layers) {
    throw new SpecError(source.at([...bodyPath, "include"]), `${file} has no layers: to include as a module`, "include: a spec with layers:, or use: one of its blocks");
  }
  const includeContext = { ...innerContext(entry, context), source: included.source, scope: included.scope, blocks: included.blocks, expanding: [...context.expanding, `file ${file}`] };
  return moduleOf(walker, entry, ownTopology, { layers: included.data.layers, path: ["layers"], inner: includeContext, topology: () => included.topology });
}

const RESOLVERS: Readonly<Record<(typeof KINDS)[number], (walker: Walker, entry: ListEntry, context: ListContext) => TreeNode>> = {
  type: resolveLeaf,
  layer: resolveLeaf,
  layers: resolveModule,
  use: resolveUse,
  include: resolveInclude,
};

/** Resolves one list of layers, appending leaf entries to `walker.out` in model order; returns the list's children. */
export function resolveList(walker: Walker, items: unknown[], listPath: DataPath, context: ListContext, multiplier: number): TreeNode[] {
  const children: TreeNode[] = [];
  const numbering = childNumbering();
  items.forEach((item, index) => {
    const entry = readEntry(item, [...listPath, index], context, multiplier, numbering);
    if (entry) children.push(RESOLVERS[entry.kind](walker, entry, context));
  });
  return children;
}
