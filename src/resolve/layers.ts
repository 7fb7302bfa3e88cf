import { posix } from "node:path";
import { SpecError, didYouMean, type DiagnosticCollector, type DiagnosticName, type SourcePosition } from "../diagnostics/index.js";
import type { EvaluatedArgument, EvaluatedCall, Value } from "../parse/values.js";
import type { DataPath, YamlSource } from "../parse/yaml.js";
import { INDEX, isTrue, type Scope } from "./evaluate.js";
import { formatPath, instanceCount, instancesNamed } from "./paths.js";
import { MAX_INDEXED_INSTANCES, indexScope, mentionsIndex, signature, type InstanceGroup } from "./repeat-index.js";
import { defined, trackReads, type Origins } from "./origins.js";
import { lintIgnores } from "./lint-ignore.js";
import { evaluateCallText, integerAt, valueOf } from "./scope.js";
import type { SpecData } from "./spec-data.js";
import { overlay, topologyOf, TOPOLOGY_KEYS, type Topology } from "./topology.js";
import type { DtypeSetting, FrozenTensor, PathSegment, ResolvedLayer, Routing, TreeNode } from "./types.js";

/** The keys that make a mapping a layer body rather than a one-key `name: layer` entry. */
const KINDS = ["type", "layer", "layers", "use", "include"] as const;
const OPTIONS = new Set<string>(["repeat", "top_k", "if", "frozen", "dtype", "with", "lint", ...TOPOLOGY_KEYS]);

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
  /** The routed experts the list is inside, if any. */
  routed?: Routing;
  /** The review hints the spec's top and the enclosing modules' `lint:` keys turn off. */
  lintIgnore: readonly DiagnosticName[];
  prefix: PathSegment[];
  /** Blocks and files being expanded, outermost first, to report cycles. */
  expanding: string[];
  /** The places that shaped the enclosing entries; absent at the top level. */
  origins?: Origins;
}

/** An include's path from the spec's folder; an absolute one is refused rather than read from the machine's root. */
export function includedPath(source: YamlSource, included: string, path: (string | number)[]): string {
  if (posix.isAbsolute(included) || /^[A-Za-z]:[\\/]/.test(included)) {
    throw new SpecError("include-unreadable", source.at(path), `include: ${included} is an absolute path`, "write the path relative to the including spec, inside the repository");
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
  /** Instances of repeats that name index, resolved one by one so far. */
  indexedInstances?: number;
  /** Each entry's errors, gathered so the next entry still resolves: one run shows every independent mistake. */
  errors: DiagnosticCollector;
  /** Called for each entry read, for a progress line. */
  tick?: () => void;
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
    throw new SpecError(
      "ambiguous-entry",
      source.keyAt([...path, kinds[1]!]),
      `a layer has one of ${KINDS.join(", ")}; this one has both '${kinds[0]}' and '${kinds[1]}'`,
      "split it into two entries",
    );
  }
  return kinds[0]!;
}

function blockScope(source: YamlSource, path: DataPath, body: Body, block: BlockDefinition, callerScope: Scope): Map<string, Value> {
  const given = (body.with ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(given)) {
    if (!(name in block.params)) {
      const suggestion = didYouMean(name, Object.keys(block.params));
      const known = Object.keys(block.params);
      throw new SpecError(
        "unknown-block-parameter",
        source.keyAt([...path, "with", name]),
        `block '${block.name}' has no parameter '${name}'`,
        suggestion ?? (known.length ? `its parameters are: ${known.join(", ")}` : "it takes no parameters"),
      );
    }
  }
  const scope = new Map(block.scope);
  for (const [name, fallback] of Object.entries(block.params)) {
    if (name in given) {
      scope.set(
        name,
        defined(source.at([...path, "with", name]), () => valueOf(source, [...path, "with", name], given[name], callerScope)),
      );
    } else if (fallback === null) {
      throw new SpecError(
        "missing-block-parameter",
        source.at([...path, "use"]),
        `block '${block.name}' needs a value for '${name}'`,
        `add it under with:, e.g. with: {${name}: ...}`,
      );
    } else {
      scope.set(
        name,
        defined(block.source.at([...block.path, "params", name]), () => valueOf(block.source, [...block.path, "params", name], fallback, scope)),
      );
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
        "frozen-partial-repeat",
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
    "frozen-not-found",
    unmatched.position,
    `frozen names '${unmatched.text}', which is no tensor of a layer in ${formatPath(segments)}`,
    "write the path below this entry: the children's names, then the tensor's, e.g. attn.bias; * stands for any one child",
  );
}

function checkCycle(expanding: string[], key: string, position: SourcePosition, what: string): void {
  if (expanding.includes(key)) {
    throw new SpecError("cycle", position, `${what} includes itself: ${[...expanding.slice(expanding.indexOf(key)), key].join(" → ")}`, "break the cycle");
  }
}

/** Names and numbers a list's children, refusing a name given twice; unnamed children are numbered like nn.Sequential's. */
function childNumbering() {
  const names = new Map<string, SourcePosition>();
  const runs: { from: number; to: number; position: SourcePosition }[] = [];
  let nextIndex = 0;

  const duplicate = (name: string, position: SourcePosition, earlier: SourcePosition): never => {
    throw new SpecError("duplicate-name", position, `duplicate name '${name}' in one module`, `the first '${name}' is at line ${earlier.line}; give each child its own name`);
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

/** One list item read up to its name and instances: enough to split a repeat that names index into groups. */
interface EntryHead {
  kind: (typeof KINDS)[number];
  body: Body;
  raw: unknown;
  bodyPath: DataPath;
  position: SourcePosition;
  childName: string;
  own: PathSegment[];
  instances: number;
  repeated: boolean;
  /** The entry's own `top_k:`. */
  routing?: Routing;
  /** The scope the entry is read in: the list's, or an index group's. */
  scope: Scope;
}

/** One entry of a list, read, named and placed: what each kind of child is resolved from. */
interface ListEntry extends EntryHead {
  segments: PathSegment[];
  frozen: boolean;
  /** This entry's own `frozen:` list. */
  frozenList: FrozenPath[];
  frozenPaths: readonly FrozenPath[];
  dtypes: DtypeSetting[];
  /** The routed experts the entry is, or is inside. */
  routed?: Routing;
  lintIgnore: readonly DiagnosticName[];
  /** Instances in the whole model: the enclosing repeats times this one's. */
  count: number;
  /** The places that shaped this entry and those around it. */
  origins: Origins;
}

/**
 * Reads one list item up to its instances; undefined when its `if:` is false or it repeats 0 times.
 * A `group` (a run of a repeat's instances that names index) skips the `if:`, already read for the
 * whole entry, takes its instances, path, scope and name from the group, and claims no name again.
 */
function readEntry(item: unknown, itemPath: DataPath, context: ListContext, numbering: ReturnType<typeof childNumbering>, group?: InstanceGroup): EntryHead | undefined {
  const { source } = context;
  const scope = group?.scope ?? context.scope;
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
  const childName = group?.childName ?? numbering.nameOf(name);
  const kind = typeof raw === "string" ? "layer" : kindOf(source, bodyPath, body);

  if (body.if !== undefined && !group) {
    const condition = typeof body.if === "boolean" ? { kind: "bool" as const, value: body.if } : valueOf(source, [...bodyPath, "if"], body.if, scope, "strict");
    if (!isTrue(condition, source.at([...bodyPath, "if"]))) return undefined;
  }
  const repeated = body.repeat !== undefined;
  const repeat = group?.instances ?? (repeated ? integerAt(source, [...bodyPath, "repeat"], body.repeat, scope, "repeat") : 1);
  if (body.with !== undefined && kind !== "use" && kind !== "include") {
    throw new SpecError(
      "with-without-target",
      source.keyAt([...bodyPath, "with"]),
      `with: gives arguments to a block or an included spec, and this entry has neither`,
      "use: a block, or write the arguments in the call",
    );
  }
  const own = group ? group.own : numbering.claim(name, repeated, repeat, position);
  if (repeat === 0) return undefined;
  const routing = body.top_k === undefined ? undefined : routingOf(source, bodyPath, body, repeat, scope);
  return { kind, body, raw, bodyPath, position, childName, own, instances: repeat, repeated, scope, routing };
}

/** A repeat's `top_k:`: how many of its instances, routed experts, each token uses. */
function routingOf(source: YamlSource, bodyPath: DataPath, body: Body, experts: number, scope: Scope): Routing {
  const position = source.at([...bodyPath, "top_k"]);
  if (body.repeat === undefined)
    throw new SpecError(
      "invalid-routing",
      source.keyAt([...bodyPath, "top_k"]),
      "top_k: makes a repeat routed experts, and this entry has no repeat:",
      "give the number of experts with repeat: N",
    );
  if (mentionsIndex(body))
    throw new SpecError("invalid-routing", source.keyAt([...bodyPath, "top_k"]), `routed experts are alike: this repeat uses ${INDEX}`, `write one expert without ${INDEX}`);
  const topK = integerAt(source, [...bodyPath, "top_k"], body.top_k, scope, "top_k");
  if (topK < 1 || topK > experts)
    throw new SpecError("invalid-routing", position, `top_k is ${topK}, but each token goes to 1 … ${experts} of the ${experts} experts`, "give top_k between 1 and repeat:");
  return { topK, experts, position };
}

/** The lines of an entry's own keys that shape what it holds: its repeat:, if:, and what it is (use:, include:, layer:, type:). */
function writtenKeys(source: YamlSource, head: EntryHead): SourcePosition[] {
  if (typeof head.raw === "string") return [];
  return ["repeat", "if", head.kind].filter((key) => key in head.body).map((key) => source.keyAt([...head.bodyPath, key]));
}

/** An entry placed in the model: its path, what it freezes, its dtype settings and its instance count. */
function placeEntry(head: EntryHead, context: ListContext, multiplier: number, origins: Origins): ListEntry {
  const { source } = context;
  const { body, bodyPath, scope } = head;
  const segments = [...context.prefix, ...head.own];
  const frozenList: FrozenPath[] = Array.isArray(body.frozen)
    ? (body.frozen as string[]).map((text, i) => ({ tokens: text.split("."), depth: segments.length, text, position: source.at([...bodyPath, "frozen", i]), matched: false }))
    : [];
  const dtypes =
    body.dtype === undefined
      ? context.dtypes
      : [...context.dtypes, { value: valueOf(source, [...bodyPath, "dtype"], body.dtype, scope, "keyword"), position: source.at([...bodyPath, "dtype"]) }];
  const count = multiplier * instanceCount(head.own);
  if (head.routing && context.routed)
    throw new SpecError("invalid-routing", head.routing.position, `${formatPath(segments)} is routed experts inside routed experts`, "give top_k: to one of the two repeats");
  const routed = head.routing ?? context.routed;
  if (!Number.isSafeInteger(count)) throw new SpecError("too-many-instances", head.position, `${formatPath(segments)} stands for more than 2^53 instances`, "check repeat:");
  // Written out, not `{ ...head, segments, ... }`: V8 adds each property after a spread the slow way,
  // several microseconds an entry, the largest single cost of resolving a long spec.
  return {
    kind: head.kind,
    body,
    raw: head.raw,
    bodyPath,
    position: head.position,
    childName: head.childName,
    own: head.own,
    instances: head.instances,
    repeated: head.repeated,
    routing: head.routing,
    scope,
    segments,
    frozen: context.frozen || body.frozen === true,
    frozenList,
    frozenPaths: frozenList.length ? [...context.frozenPaths, ...frozenList] : context.frozenPaths,
    dtypes,
    routed,
    lintIgnore: body.lint === undefined ? context.lintIgnore : lintIgnores(source, [...bodyPath, "lint"], body.lint, context.lintIgnore),
    count,
    origins,
  };
}

/**
 * A repeat whose entry names index, split into runs of instances that resolve alike: each
 * instance is resolved aside (`resolveOne`, into `children`), and neighbours with the same result share one entry.
 */
function instanceGroups(walker: Walker, context: ListContext, children: TreeNode[], head: EntryHead, resolveOne: (group: InstanceGroup) => void): InstanceGroup[] {
  const { own, instances: repeat, childName, position } = head;
  walker.indexedInstances = (walker.indexedInstances ?? 0) + repeat;
  if (walker.indexedInstances > MAX_INDEXED_INSTANCES) {
    throw new SpecError(
      "indexed-repeat-too-large",
      position,
      `repeats that use ${INDEX} stand for more than ${MAX_INDEXED_INSTANCES.toLocaleString("en-US")} instances, each resolved on its own`,
      `use ${INDEX} in fewer or smaller repeats`,
    );
  }
  const run = own.findIndex((segment) => typeof segment === "object");
  const first = (own[run] as { from: number; to: number }).from;
  const groups: (InstanceGroup & { signature: string })[] = [];
  for (let i = 0; i < repeat; i++) {
    const instance: InstanceGroup = {
      own: own.map((segment, at) => (at === run ? { from: first + i, to: first + i } : segment)),
      instances: 1,
      scope: indexScope(context.scope, i, position),
      childName,
    };
    const [layersBefore, childrenBefore] = [walker.out.length, children.length];
    resolveOne(instance);
    const resolved = signature(walker.out.splice(layersBefore), children.splice(childrenBefore));
    const last = groups.at(-1);
    if (last?.signature === resolved) {
      last.instances++;
      last.own = last.own.map((segment, at) => (at === run ? { from: (segment as { from: number }).from, to: first + i } : segment));
    } else groups.push({ ...instance, signature: resolved });
  }
  return groups;
}

/** A layer: a call string or a `type:` mapping; its entry goes to `walker.out` in model order. */
function resolveLeaf(walker: Walker, entry: ListEntry, context: ListContext): TreeNode {
  const { source, scope } = context;
  const { body, bodyPath, segments } = entry;
  const { result: call, positions: read } = trackReads(() =>
    entry.kind === "type"
      ? mappingCall(source, bodyPath, body, scope)
      : evaluateCallText(source, [...bodyPath, ...(typeof entry.raw === "string" ? [] : ["layer"])], String(body.layer), scope),
  );
  // A mapping's arguments sit on lines of their own.
  const written = entry.kind === "type" ? call.args.map((argument) => argument.position) : [];
  const node: TreeNode = {
    kind: "leaf",
    name: entry.childName,
    own: entry.own,
    instances: entry.instances,
    ...(entry.routing ? { routing: entry.routing } : {}),
    position: entry.position,
    layer: walker.out.length,
  };
  walker.out.push({
    path: formatPath(segments),
    segments,
    count: entry.count,
    call,
    frozen: entry.frozen,
    frozenTensors: frozenTensors(entry.frozenPaths, segments),
    dtypes: entry.dtypes,
    ...(entry.routed ? { routed: entry.routed } : {}),
    ...(entry.lintIgnore.length ? { lintIgnore: entry.lintIgnore } : {}),
    position: entry.position,
    origins: { positions: [call.position, ...written, ...read], outer: entry.origins },
  });
  return node;
}

/**
 * A module whose children are resolved from `layers` in `inner`: its own list, a block's or an included
 * spec's; `topology` (the block's or included spec's) is read after its children, and so is the entry's
 * own forward:/residual:/branches:, which speak of the module's contents: a block's parameters or an
 * included file's vars (`contentScope`), with this use's values, hide the entry's variables of the same name.
 */
function moduleOf(
  walker: Walker,
  entry: ListEntry,
  context: ListContext,
  child: { layers: unknown[]; path: DataPath; inner: ListContext; topology: () => Topology; contentScope: Scope },
): TreeNode {
  const failedBefore = walker.errors.errors.length;
  const { children: nodes, absent } = resolveList(walker, child.layers, child.path, child.inner, entry.count);
  const topology = child.topology();
  // A frozen: path into a child that failed matched nothing because of that failure: not a second mistake.
  if (walker.errors.errors.length === failedBefore) checkFrozenMatched(entry.frozenList, entry.segments);
  const { scope } = context;
  const entryScope = child.contentScope === scope ? scope : new Map([...scope, ...child.contentScope]);
  return {
    kind: "module",
    name: entry.childName,
    own: entry.own,
    instances: entry.instances,
    ...(entry.routing ? { routing: entry.routing } : {}),
    position: entry.position,
    children: nodes,
    ...(absent.length ? { absent } : {}),
    topology: overlay(topology, topologyOf(context.source, entry.bodyPath, entry.body, entryScope)),
  };
}

/** The context an entry's children are resolved in. */
function innerContext(entry: ListEntry, context: ListContext): ListContext {
  const inner = {
    ...context,
    frozen: entry.frozen,
    frozenPaths: entry.frozenPaths,
    dtypes: entry.dtypes,
    lintIgnore: entry.lintIgnore,
    prefix: entry.segments,
    origins: entry.origins,
  };
  return entry.routed ? { ...inner, routed: entry.routed } : inner;
}

/** `layers:`: a module written in place. */
function resolveModule(walker: Walker, entry: ListEntry, context: ListContext): TreeNode {
  return moduleOf(walker, entry, context, {
    layers: entry.body.layers as unknown[],
    path: [...entry.bodyPath, "layers"],
    inner: innerContext(entry, context),
    topology: () => ({}),
    contentScope: context.scope,
  });
}

/** `use:`: a block, its parameters bound to this use's `with:`. */
function resolveUse(walker: Walker, entry: ListEntry, context: ListContext): TreeNode {
  const { source, scope } = context;
  const { body, bodyPath } = entry;
  const blockName = String(body.use);
  const block = context.blocks.get(blockName);
  if (!block) {
    throw new SpecError(
      "unknown-block",
      source.at([...bodyPath, "use"]),
      `unknown block '${blockName}'`,
      didYouMean(blockName, context.blocks.keys()) ?? "define it under blocks:, or include: the file that does",
    );
  }
  checkCycle(context.expanding, `block ${blockName}`, source.at([...bodyPath, "use"]), `block '${blockName}'`);
  const boundScope = blockScope(source, bodyPath, body, block, scope);
  const blockContext: ListContext = { ...innerContext(entry, context), source: block.source, scope: boundScope, expanding: [...context.expanding, `block ${blockName}`] };
  // The block's residual: {if: stride == 1} speaks of its parameters: evaluated with this use's values.
  return moduleOf(walker, entry, context, {
    layers: block.layers,
    path: [...block.path, "layers"],
    inner: blockContext,
    topology: () => topologyOf(block.source, block.path, block.body, boundScope),
    contentScope: boundScope,
  });
}

/** `include:`: another spec's layers as a module, its vars overridden by `with:`. */
function resolveInclude(walker: Walker, entry: ListEntry, context: ListContext): TreeNode {
  const { source, scope } = context;
  const { body, bodyPath } = entry;
  const file = includedPath(source, String(body.include), [...bodyPath, "include"]);
  const overrides = new Map<string, Value>();
  for (const [key, value] of Object.entries((body.with ?? {}) as Body)) {
    overrides.set(
      key,
      defined(source.at([...bodyPath, "with", key]), () => valueOf(source, [...bodyPath, "with", key], value, scope)),
    );
  }
  const included = walker.loadInclude(file, source.at([...bodyPath, "include"]), context.expanding, overrides);
  if (!included.data.layers) {
    throw new SpecError(
      "include-without-layers",
      source.at([...bodyPath, "include"]),
      `${file} has no layers: to include as a module`,
      "include: a spec with layers:, or use: one of its blocks",
    );
  }
  const includeContext = {
    ...innerContext(entry, context),
    source: included.source,
    scope: included.scope,
    blocks: included.blocks,
    expanding: [...context.expanding, `file ${file}`],
  };
  return moduleOf(walker, entry, context, {
    layers: included.data.layers,
    path: ["layers"],
    inner: includeContext,
    topology: () => included.topology,
    contentScope: included.scope,
  });
}

const RESOLVERS: Readonly<Record<(typeof KINDS)[number], (walker: Walker, entry: ListEntry, context: ListContext) => TreeNode>> = {
  type: resolveLeaf,
  layer: resolveLeaf,
  layers: resolveModule,
  use: resolveUse,
  include: resolveInclude,
};

/**
 * Resolves one list of layers, appending leaf entries to `walker.out` in model order; returns the list's children.
 * Each item's errors go to the walker's collector, so the next item still resolves.
 */
export function resolveList(walker: Walker, items: unknown[], listPath: DataPath, context: ListContext, multiplier: number): ResolvedList {
  const children: TreeNode[] = [];
  const absent: string[] = [];
  const numbering = childNumbering();
  /** Resolves one item; `group` is a run of a repeat's instances that names index, resolved as an entry of its own. */
  const resolveItem = (item: unknown, index: number, group?: InstanceGroup): void => {
    walker.tick?.();
    const { result: head, positions: read } = trackReads(() => readEntry(item, [...listPath, index], context, numbering, group));
    if (!head) {
      const name = !group && isMapping(item) && !isBody(item) ? Object.keys(item)[0] : undefined;
      if (name !== undefined) absent.push(name);
      return;
    }
    if (!group && head.repeated && mentionsIndex(head.body)) {
      for (const run of instanceGroups(walker, context, children, head, (one) => resolveItem(item, index, one))) resolveItem(item, index, run);
      return;
    }
    const entry = placeEntry(head, context, multiplier, { positions: [head.position, ...writtenKeys(context.source, head), ...read], outer: context.origins });
    // The entry's children and calls are read in its own scope: an index group's, where it is one.
    children.push(RESOLVERS[entry.kind](walker, entry, entry.scope === context.scope ? context : { ...context, scope: entry.scope }));
  };
  items.forEach((item, index) => walker.errors.attempt(() => resolveItem(item, index)));
  return { children, absent };
}

/** A list's children, and the names of those its `if:` or `repeat: 0` left out. */
export interface ResolvedList {
  children: TreeNode[];
  absent: string[];
}
