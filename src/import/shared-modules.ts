/**
 * print(model) prints a module at every place it is reachable from, so a module object used in several
 * places (a tied embedding, a reused layer) is imported once per place and counted as often. What the
 * text cannot tell, these rules suggest: places where one shared module is the usual design.
 */
import { numel, type TensorSpec } from "../catalogue/index.js";
import { describeCall, isIndex, type SpecChild, type Tie, type TieSuggestion } from "./spec-tree.js";

/** A layer printed at one place, not inside a repeat: only such a tensor can be tied by its own path. */
interface PlacedLayer {
  path: string;
  call: string;
  type: string;
  parameters: TensorSpec[];
}

const SPEC_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
const nowhere = () => ({ file: "", line: 1, col: 1 });

type Described = { type: string; parameters: TensorSpec[] } | undefined;

/** A call's type and parameters, each distinct call described once: a long ModuleList repeats one call. */
function describer(): (call: string) => Described {
  const known = new Map<string, Described>();
  return (call) => {
    if (known.has(call)) return known.get(call);
    let described: Described;
    try {
      const layer = describeCall(call, nowhere);
      described = { type: layer.definition.type, parameters: layer.parameters };
    } catch {
      described = undefined;
    }
    known.set(call, described);
    return described;
  };
}

/** A Sequential's or ModuleList's layers, and the numbers of all its children, tensors or not. */
interface NumberedContainer {
  layers: PlacedLayer[];
  present: Set<number>;
}

/** Every layer outside repeats, by path, and the numbered containers, whose children a reused module may repeat. */
function placedLayers(children: readonly SpecChild[], prefix: string, layers: PlacedLayer[], containers: NumberedContainer[], describe: (call: string) => Described): void {
  const numbered: PlacedLayer[] = [];
  const allNumbered = children.length > 1 && children.every((child) => isIndex(child.name));
  for (const child of children) {
    // A name the spec rewrites, or a run, has no single spec path to tie.
    if (child.count !== 1 || !SPEC_NAME.test(child.name)) continue;
    const path = prefix ? `${prefix}.${child.name}` : child.name;
    if (child.node.kind === "module") {
      placedLayers(child.node.children, path, layers, containers, describe);
      continue;
    }
    const described = describe(child.node.call);
    if (!described || described.type === "Parameter" || described.type === "Buffer") continue;
    const layer = { path, call: child.node.call, ...described };
    layers.push(layer);
    if (allNumbered) numbered.push(layer);
  }
  if (numbered.length) containers.push({ layers: numbered, present: new Set(children.map((child) => Number(child.name))) });
}

const pairs = (layer: PlacedLayer, owner: PlacedLayer): Tie[] =>
  layer.parameters.map((tensor) => ({ tensor: `${layer.path}.${tensor.name}`, owner: `${owner.path}.${tensor.name}`, elements: numel(tensor.shape) }));

/**
 * A vocabulary's embedding: many rows, more than its width. Small tables (T5's relative attention bias,
 * BERT's token types) are printed alike in several places without being shared.
 */
const MIN_VOCABULARY = 1000;
function isVocabulary(layer: PlacedLayer): boolean {
  const [rows, width] = layer.parameters[0]?.shape ?? [];
  return layer.type === "Embedding" && rows !== undefined && width !== undefined && rows >= MIN_VOCABULARY && rows > width;
}

/** Vocabulary embeddings printed alike in several places: T5's shared, encoder.embed_tokens and decoder.embed_tokens. */
function sharedEmbeddings(layers: readonly PlacedLayer[]): TieSuggestion[] {
  const byCall = new Map<string, PlacedLayer[]>();
  for (const layer of layers.filter(isVocabulary)) byCall.set(layer.call, [...(byCall.get(layer.call) ?? []), layer]);
  return [...byCall.values()]
    .filter((group) => group.length > 1)
    .map(([owner, ...others]) => ({
      reason: `${[owner!, ...others].map((layer) => layer.path).join(", ")} print alike, ${owner!.call}: usually one embedding shared (as T5's shared and embed_tokens are)`,
      ties: others.flatMap((layer) => pairs(layer, owner!)),
    }));
}

/**
 * An output projection whose weight has a vocabulary embedding's shape [vocabulary, width]: usually the input
 * embedding reused (tie_word_embeddings=True). Its bias, if any, is its own.
 */
function tiedHeads(layers: readonly PlacedLayer[]): TieSuggestion[] {
  const embeddings = layers.filter(isVocabulary);
  return layers.flatMap((layer) => {
    const weight = layer.parameters.find((tensor) => tensor.name === "weight");
    if (layer.type !== "Linear" || !weight) return [];
    const embedding = embeddings.find((candidate) => candidate.parameters[0]!.shape.join() === weight.shape.join());
    if (!embedding) return [];
    return [
      {
        reason: `${layer.path}'s weight [${weight.shape.join(", ")}] has the shape of ${embedding.path}'s: often the same tensor (tie_word_embeddings=True)`,
        ties: [{ tensor: `${layer.path}.weight`, owner: `${embedding.path}.weight`, elements: numel(weight.shape) }],
      },
    ];
  });
}

/**
 * One layer printed alike at several places of a Sequential or ModuleList, other modules between them, and
 * no other layer with tensors there: what a module object reused at each place prints (torchinfo's ReuseLinear).
 */
function reusedModules(containers: readonly NumberedContainer[]): TieSuggestion[] {
  return containers.flatMap(({ layers, present }) => {
    const [owner, ...others] = layers.filter((layer) => layer.parameters.length > 0);
    const index = (layer: PlacedLayer) => Number(layer.path.split(".").at(-1));
    if (!owner || !others.length || others.some((layer) => layer.call !== owner.call)) return [];
    // A module sits between each two: an empty slot (None) or a gap in the numbers is no module.
    const between = (from: number, to: number) => [...present].some((number) => number > from && number < to);
    const apart = [owner, ...others].every((layer, at, all) => at === 0 || between(index(all[at - 1]!), index(layer)));
    if (!apart) return [];
    return [
      {
        reason: `${[owner, ...others].map((layer) => layer.path).join(", ")} print alike, ${owner.call}, with other modules between them: if one module object is used at each place, print(model) prints it at each`,
        ties: others.flatMap((layer) => pairs(layer, owner)),
      },
    ];
  });
}

/** Ties worth checking in a model imported from print(model), each with its reason and the parameters it would remove. */
export function suggestTies(children: readonly SpecChild[]): TieSuggestion[] {
  const layers: PlacedLayer[] = [];
  const containers: NumberedContainer[] = [];
  placedLayers(children, "", layers, containers, describer());
  const suggestions = [...sharedEmbeddings(layers), ...tiedHeads(layers), ...reusedModules(containers)];
  // A tensor tied once only: the first suggestion that names it wins.
  const tied = new Set<string>();
  return suggestions
    .map((suggestion) => {
      const ties = suggestion.ties.filter(({ tensor }) => !tied.has(tensor));
      ties.forEach(({ tensor }) => tied.add(tensor));
      return { ...suggestion, ties };
    })
    .filter((suggestion) => suggestion.ties.length > 0);
}
