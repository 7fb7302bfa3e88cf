import { SpecError, type SourcePosition } from "../diagnostics/index.js";
import type { YamlSource } from "../parse/yaml.js";
import type { ResolvedLayer, ResolvedTie, TensorReference } from "./types.js";

/** The layer entries by path, one step per node, so a tie path is matched in the time of its own length. */
interface PathNode {
  /** The entry whose path ends here. */
  layer?: number;
  named: Map<string, PathNode>;
  runs: { from: number; to: number; node: PathNode }[];
}

const pathNode = (): PathNode => ({ named: new Map(), runs: [] });

function pathTree(layers: readonly ResolvedLayer[]): PathNode {
  const root = pathNode();
  layers.forEach((layer, index) => {
    let node = root;
    for (const segment of layer.segments) {
      if (typeof segment === "object") {
        let run = node.runs.find((candidate) => candidate.from === segment.from && candidate.to === segment.to);
        if (!run) node.runs.push((run = { ...segment, node: pathNode() }));
        node = run.node;
        continue;
      }
      const key = String(segment);
      if (!node.named.has(key)) node.named.set(key, pathNode());
      node = node.named.get(key)!;
    }
    node.layer = index;
  });
  return root;
}

interface PathMatch {
  layer: number;
  /** How many of the path's tokens the entry's path takes. */
  depth: number;
  instances: number;
}

/** Every entry whose path begins `tokens`: `*` is any one child (every instance of a run), a number one instance of a run. */
function matches(node: PathNode, tokens: readonly string[], depth: number, instances: number, found: PathMatch[]): void {
  if (node.layer !== undefined) found.push({ layer: node.layer, depth, instances });
  if (depth === tokens.length) return;
  const token = tokens[depth]!;
  if (token === "*") {
    for (const child of node.named.values()) matches(child, tokens, depth + 1, instances, found);
    for (const run of node.runs) matches(run.node, tokens, depth + 1, instances * (run.to - run.from + 1), found);
    return;
  }
  const child = node.named.get(token);
  if (child) matches(child, tokens, depth + 1, instances, found);
  if (!/^\d+$/.test(token)) return;
  for (const run of node.runs) if (Number(token) >= run.from && Number(token) <= run.to) matches(run.node, tokens, depth + 1, instances, found);
}

/**
 * Matches `h.3.attn.c_proj.weight`, `h.*.c_fc.weight` or `blocks.*.weight` against the layer entries: the layer
 * path comes first, the rest is the tensor's name inside the layer. A path without `*` names its longest match;
 * with `*`, every entry it matches, as `glob` references: an entry that lacks the tensor is passed over then.
 */
function findTensors(tree: PathNode, text: string, position: SourcePosition): TensorReference[] {
  const tokens = text.split(".");
  const glob = tokens.includes("*");
  const found: PathMatch[] = [];
  matches(tree, tokens, 0, 1, found);
  const chosen = glob ? found.sort((a, b) => a.layer - b.layer) : found.sort((a, b) => b.depth - a.depth).slice(0, 1);
  return chosen.map(({ layer, depth, instances }) => ({ layer, tensor: tokens.slice(depth).join("."), instances, text, position, ...(glob ? { glob } : {}) }));
}

/** The layer entry and tensor name a reference names: `h.*.weight` and `h.3.weight` name the same tensor of entry h. */
const tensorKey = (reference: TensorReference) => `${reference.layer}:${reference.tensor}`;

const SHOWN_LINKS = 6;

/** `a → b → c → a`, or for a long cycle its first and last links around the number left out. */
function cycleText(links: readonly string[]): string {
  const shown = links.length <= SHOWN_LINKS ? links : [...links.slice(0, SHOWN_LINKS / 2), `… ${links.length - SHOWN_LINKS} more …`, ...links.slice(-SHOWN_LINKS / 2)];
  return [...shown, links[0]!].join(" → ");
}

/**
 * Refuses a tie of a tensor to itself, and a tie that closes a cycle (a.weight: b.weight, b.weight: a.weight):
 * every key has one value, so following the values from any key must end at a tensor that is no key.
 * Each tensor is walked once: a walk stops at a tensor an earlier walk finished.
 */
function checkChains(ties: readonly ResolvedTie[]): void {
  const tieOf = new Map<string, ResolvedTie>(ties.map((tie) => [tensorKey(tie.parameter), tie]));
  const finished = new Set<string>();
  for (const tie of ties) {
    if (tensorKey(tie.parameter) === tensorKey(tie.owner)) {
      throw new SpecError(
        "tie-to-itself",
        tie.parameter.position,
        `tie '${tie.parameter.text}' names the same tensor as its target '${tie.owner.text}'`,
        "tie a tensor to another one it shares storage with, or remove the line",
      );
    }
  }
  for (const start of ties) {
    const walk: ResolvedTie[] = [];
    const onWalk = new Set<string>();
    for (let step: ResolvedTie | undefined = start; step && !finished.has(tensorKey(step.parameter)); step = tieOf.get(tensorKey(step.owner))) {
      const key = tensorKey(step.parameter);
      if (onWalk.has(key)) {
        const cycle = walk.slice(walk.findIndex((earlier) => tensorKey(earlier.parameter) === key));
        const closing = cycle.at(-1)!;
        throw new SpecError(
          "tie-cycle",
          closing.parameter.position,
          `tie cycle: ${cycleText(cycle.map((link) => link.parameter.text))}`,
          "a tie's key is the copy and its value the tensor that holds the storage: remove one of these ties",
        );
      }
      onWalk.add(key);
      walk.push(step);
    }
    for (const key of onWalk) finished.add(key);
  }
}

/** Resolves `tie:` paths to layer entries; tensor names and shapes are checked once layers are counted. */
export function resolveTies(layers: readonly ResolvedLayer[], tie: Record<string, string> | undefined, source: YamlSource): ResolvedTie[] {
  const tree = pathTree(layers);
  const ties = Object.entries(tie ?? {}).flatMap(([parameterText, ownerText]) => {
    const parameterPosition = source.keyAt(["tie", parameterText]);
    const ownerPosition = source.at(["tie", parameterText]);
    const parameters = findTensors(tree, parameterText, parameterPosition);
    const owners = findTensors(tree, ownerText, ownerPosition);
    if (parameters.length === 0)
      throw new SpecError(
        "tie-not-found",
        parameterPosition,
        `tie names '${parameterText}', which is no layer of this model`,
        "write the parameter's full path, e.g. lm_head.weight",
      );
    if (owners.length === 0)
      throw new SpecError("tie-not-found", ownerPosition, `tie target '${ownerText}' is no layer of this model`, "write the shared parameter's full path, e.g. wte.weight");
    const ownerTensors = owners.reduce((sum, owner) => sum + owner.instances, 0);
    if (ownerTensors !== 1) {
      throw new SpecError(
        "tie-ambiguous",
        ownerPosition,
        `tie target '${ownerText}' names ${ownerTensors} tensors, not one`,
        "give the index of one instance in place of *, e.g. h.0.attn.weight",
      );
    }
    const owner = { ...owners[0]!, glob: false };
    return parameters.map((parameter) => {
      const entry = layers[parameter.layer]!;
      if (parameter.instances !== entry.count) {
        throw new SpecError(
          "tie-ambiguous",
          parameterPosition,
          `tie '${parameterText}' names ${parameter.instances} of the ${entry.count} instances of ${entry.path}`,
          "tie every instance with * in place of the index, or split the repeat so the tied instance is its own entry",
        );
      }
      return { parameter, owner };
    });
  });
  checkChains(ties);
  return ties;
}
