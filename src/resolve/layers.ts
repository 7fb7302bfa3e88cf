import { posix } from "node:path";
import { SpecError, didYouMean, type DiagnosticCollector, type SourcePosition } from "../diagnostics/index.js";
import type { EvaluatedArgument, EvaluatedCall, Value } from "../parse/values.js";
import type { DataPath, YamlSource } from "../parse/yaml.js";
import { INDEX, isTrue, type Scope } from "./evaluate.js";
import { formatPath, instanceCount, instancesNamed } from "./paths.js";
import { MAX_INDEXED_INSTANCES, indexScope, mentionsIndex, signature, type InstanceGroup } from "./repeat-index.js";
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
      scope.set(name, valueOf(source, [...path, "with", name], given[name], callerScope));
    } else if (fallback === null) {
      throw new SpecError(
        "missing-block-parameter",
        source.at([...path, "use"]),
        `block '${block.name}' needs a value for '${name}'`,
        `add it under with:, e.g. with: {${name}: ...}`,
      );
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

/** Resolves one list of layers, appending leaf entries to `walker.out` in model order; returns the list's children. */
// eslint-disable-next-line max-lines-per-function -- kept whole in the merge with wt-edges: main's repeat-index groups re-enter resolveItem, which the RESOLVERS split did not yet carry
export function resolveList(walker: Walker, items: unknown[], listPath: DataPath, context: ListContext, multiplier: number): TreeNode[] {
  const children: TreeNode[] = [];
  const { source } = context;
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

  /**
   * A repeat whose entry names index, split into runs of instances that resolve alike: each
   * instance is resolved aside (`resolveOne`), and neighbours with the same result share one entry.
   */
  const instanceGroups = (own: PathSegment[], repeat: number, childName: string, position: SourcePosition, resolveOne: (group: InstanceGroup) => void): InstanceGroup[] => {
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
  };

  /** Resolves one item; `group` is a run of a repeat's instances that names index, resolved as an entry of its own. */
  // eslint-disable-next-line max-lines-per-function -- see resolveList: one entry of every kind, kept whole with the index groups
  const resolveItem = (item: unknown, index: number, group?: InstanceGroup): void => {
    const scope = group?.scope ?? context.scope;
    const itemPath = [...listPath, index];
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
    const childName = group?.childName ?? name ?? String(nextIndex);
    const kind = typeof raw === "string" ? "layer" : kindOf(source, bodyPath, body);

    if (body.if !== undefined && !group) {
      const condition = typeof body.if === "boolean" ? { kind: "bool" as const, value: body.if } : valueOf(source, [...bodyPath, "if"], body.if, scope, "strict");
      if (!isTrue(condition, source.at([...bodyPath, "if"]))) return;
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

    let own: PathSegment[];
    if (group) {
      own = group.own;
    } else if (name !== undefined) {
      claimName(name, position);
      own = repeated ? [name, { from: 0, to: repeat - 1 }] : [name];
    } else {
      claimRun(nextIndex, nextIndex + repeat - 1, position);
      own = repeat === 1 && !repeated ? [nextIndex] : [{ from: nextIndex, to: nextIndex + repeat - 1 }];
      nextIndex += repeat;
    }
    if (repeat === 0) return;
    if (!group && repeated && mentionsIndex(body)) {
      for (const run of instanceGroups(own, repeat, childName, position, (one) => resolveItem(item, index, one))) resolveItem(item, index, run);
      return;
    }
    const segments = [...context.prefix, ...own];
    const frozen = context.frozen || body.frozen === true;
    const frozenList: FrozenPath[] = Array.isArray(body.frozen)
      ? (body.frozen as string[]).map((text, i) => ({ tokens: text.split("."), depth: segments.length, text, position: source.at([...bodyPath, "frozen", i]), matched: false }))
      : [];
    const frozenPaths = frozenList.length ? [...context.frozenPaths, ...frozenList] : context.frozenPaths;
    const dtypes =
      body.dtype === undefined
        ? context.dtypes
        : [...context.dtypes, { value: valueOf(source, [...bodyPath, "dtype"], body.dtype, scope, "keyword"), position: source.at([...bodyPath, "dtype"]) }];
    const count = multiplier * instanceCount(own);
    if (!Number.isSafeInteger(count)) throw new SpecError("too-many-instances", position, `${formatPath(segments)} stands for more than 2^53 instances`, "check repeat:");

    if (kind === "type" || kind === "layer") {
      const call =
        kind === "type"
          ? mappingCall(source, bodyPath, body, scope)
          : evaluateCallText(source, [...bodyPath, ...(typeof raw === "string" ? [] : ["layer"])], String(body.layer), scope);
      children.push({ kind: "leaf", name: childName, own, instances: repeat, position, layer: walker.out.length });
      walker.out.push({ path: formatPath(segments), segments, count, call, frozen, frozenTensors: frozenTensors(frozenPaths, segments), dtypes, position });
      return;
    }
    const inner: ListContext = { ...context, scope, frozen, frozenPaths, dtypes, prefix: segments };
    // The entry's own forward:/residual:/branches: speak of the module's contents: a block's parameters or an
    // included file's vars, with this use's values, hide the entry's variables of the same name.
    const failedBefore = walker.errors.errors.length;
    const module = (nodes: TreeNode[], topology: Topology, contentScope: Scope = scope) => {
      // A frozen: path into a child that failed matched nothing because of that failure: not a second mistake.
      if (walker.errors.errors.length === failedBefore) checkFrozenMatched(frozenList, segments);
      const entryScope = contentScope === scope ? scope : new Map([...scope, ...contentScope]);
      children.push({
        kind: "module",
        name: childName,
        own,
        instances: repeat,
        position,
        children: nodes,
        topology: overlay(topology, topologyOf(source, bodyPath, body, entryScope)),
      });
    };
    if (kind === "layers") {
      module(resolveList(walker, body.layers as unknown[], [...bodyPath, "layers"], inner, count), {});
      return;
    }
    if (kind === "use") {
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
      const blockContext: ListContext = { ...inner, source: block.source, scope: boundScope, expanding: [...context.expanding, `block ${blockName}`] };
      // The block's residual: {if: stride == 1} speaks of its parameters: evaluated with this use's values.
      module(resolveList(walker, block.layers, [...block.path, "layers"], blockContext, count), topologyOf(block.source, block.path, block.body, boundScope), boundScope);
      return;
    }
    const file = includedPath(source, String(body.include), [...bodyPath, "include"]);
    const overrides = new Map<string, Value>();
    for (const [key, value] of Object.entries((body.with ?? {}) as Body)) overrides.set(key, valueOf(source, [...bodyPath, "with", key], value, scope));
    const included = walker.loadInclude(file, source.at([...bodyPath, "include"]), context.expanding, overrides);
    if (!included.data.layers) {
      throw new SpecError(
        "include-without-layers",
        source.at([...bodyPath, "include"]),
        `${file} has no layers: to include as a module`,
        "include: a spec with layers:, or use: one of its blocks",
      );
    }
    const includeContext = { ...inner, source: included.source, scope: included.scope, blocks: included.blocks, expanding: [...context.expanding, `file ${file}`] };
    module(resolveList(walker, included.data.layers, ["layers"], includeContext, count), included.topology, included.scope);
  };
  items.forEach((item, index) => walker.errors.attempt(() => resolveItem(item, index)));
  return children;
}
