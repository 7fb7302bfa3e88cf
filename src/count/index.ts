import { describeLayer, sameShape, type DescribedLayer, type TensorSpec } from "../catalogue/index.js";
import { DiagnosticCollector, SpecError, didYouMean, type Diagnostic, type SourcePosition } from "../diagnostics/index.js";
import type { DtypeSetting, FrozenTensor, ResolvedLayer, ResolvedModel, ResolvedTie, TensorReference } from "../resolve/index.js";
import { formatInteger, layerFormula } from "./formula.js";
import { applyAdapter, type BoundAdapter } from "./adapters.js";
import type { CountedTensor, LayerCount, ModelCount, ParameterConventions, Totals } from "./types.js";

export { ADAPTER_TYPES, bindAdapter, type BoundAdapter } from "./adapters.js";

export { formatInteger } from "./formula.js";
export type { CountedTensor, LayerCount, ModelCount, ParameterConventions, Totals } from "./types.js";

/** Exact integer arithmetic or a clear refusal: counts (and byte counts) past 2^53 would silently round. */
export function checked(value: number, position: SourcePosition, what: string): number {
  if (!Number.isSafeInteger(value)) {
    throw new SpecError(
      "number-too-large",
      position,
      `${what} exceeds 2^53 - 1 = ${formatInteger(Number.MAX_SAFE_INTEGER)} and cannot be counted exactly`,
      "check the sizes and repeat counts for a typo",
    );
  }
  return value;
}

/** `checked`, its message built only for a value out of range: messages name paths, and counting checks every tensor. */
function checkedAs(value: number, position: SourcePosition, what: () => string): number {
  return Number.isSafeInteger(value) ? value : checked(value, position, what());
}

const tensorPath = (layer: ResolvedLayer, name: string) => (name ? `${layer.path}.${name}` : layer.path);

function numelOf(layer: ResolvedLayer, tensor: TensorSpec): number {
  let numel = 1;
  for (const size of tensor.shape) {
    numel *= size;
    if (!Number.isSafeInteger(numel)) checked(numel, layer.position, `the element count of ${tensorPath(layer, tensor.name)} [${tensor.shape.join(", ")}]`);
  }
  return numel;
}

function counted(layer: ResolvedLayer, tensor: TensorSpec): Omit<CountedTensor, "trainable" | "sharedWith"> {
  const numel = numelOf(layer, tensor);
  return tensor.fixedDtype ? { name: tensor.name, shape: tensor.shape, numel, fixedDtype: tensor.fixedDtype } : { name: tensor.name, shape: tensor.shape, numel };
}

/** A parameter counted, with whether it trains (added to the counted tensor, not spread into a copy: this runs per tensor). */
function countedParameter(layer: ResolvedLayer, tensor: TensorSpec, frozen: ReadonlySet<string>): CountedTensor {
  const parameter = counted(layer, tensor) as CountedTensor;
  parameter.trainable = !layer.frozen && tensor.trainable !== false && !frozen.has(tensor.name);
  return parameter;
}

/** The `dtype=` a call gives its tensors, when its signature has one and it is not None. */
function callDtype(described: DescribedLayer): DtypeSetting | undefined {
  if (!described.definition.signature.some((spec) => spec.name === "dtype") || described.args.isNone("dtype")) return undefined;
  return { value: described.args.value("dtype"), position: described.args.position("dtype") };
}

/** A `frozen:` list's name that is no parameter of the layer: the error, with the names there are. */
function missingFrozen(layer: ResolvedLayer, described: DescribedLayer, item: FrozenTensor): SpecError {
  const names = described.parameters.map((tensor) => tensor.name).filter(Boolean);
  if (item.name === "") {
    return new SpecError(
      "frozen-not-found",
      item.position,
      `frozen names '${item.text}', which is the layer ${layer.path} (${described.definition.type}), not one of its tensors`,
      `freeze the layer with frozen: true, or name its tensors: ${names.join(", ")}`,
    );
  }
  return new SpecError(
    "frozen-not-found",
    item.position,
    `frozen names '${item.text}', but ${layer.path} (${described.definition.type}) has no parameter '${item.name}'`,
    didYouMean(item.name, names) ?? (names.length ? `its parameters are: ${names.join(", ")}` : "it has no parameters"),
  );
}

/** The names of a layer's parameters that its `frozen:` lists freeze; a name through `*` that it lacks is passed over and noted in `globsFound`. */
function frozenNames(layer: ResolvedLayer, described: DescribedLayer, globsFound: Map<FrozenTensor["position"], boolean>): Set<string> {
  const names = new Set<string>();
  for (const item of layer.frozenTensors) {
    const present = described.parameters.some((tensor) => tensor.name === item.name);
    if (item.glob) globsFound.set(item.position, (globsFound.get(item.position) ?? false) || present);
    else if (!present) throw missingFrozen(layer, described, item);
    if (present) names.add(item.name);
  }
  return names;
}

function countLayer(layer: ResolvedLayer, globsFound: Map<FrozenTensor["position"], boolean>): LayerCount {
  const described = describeLayer(layer.call);
  const frozen = frozenNames(layer, described, globsFound);
  const parameters = described.parameters.map((tensor) => countedParameter(layer, tensor, frozen));
  const buffers = described.buffers.map((tensor) => counted(layer, tensor));
  const ownDtype = callDtype(described);
  return {
    path: layer.path,
    type: described.definition.type,
    count: layer.count,
    params: 0,
    trainable: 0,
    bufferElements: buffers.reduce((sum, tensor) => sum + tensor.numel, 0),
    parameters,
    buffers,
    formula: "",
    dtypes: layer.dtypes,
    ...(ownDtype ? { callDtype: ownDtype } : {}),
    ...(layer.routed ? { routed: { topK: layer.routed.topK, experts: layer.routed.experts } } : {}),
    ...(EMBEDDINGS.has(described.definition.type) ? { embedding: true as const } : {}),
    position: layer.position,
    origins: layer.origins,
    segments: layer.segments,
  };
}

/** The layers whose parameters are input embeddings, for the non-embedding counts. */
const EMBEDDINGS = new Set(["Embedding", "EmbeddingBag"]);

/**
 * Active and non-embedding counts: a routed expert's parameters count `topK / experts` of its
 * instances (the instance count is a multiple of the experts, so the result is exact).
 */
function conventionsOf(layers: readonly LayerCount[]): ParameterConventions {
  const conventions: ParameterConventions = { activeParams: 0, nonEmbeddingParams: 0, activeNonEmbeddingParams: 0 };
  for (const layer of layers) {
    const all = layer.params * layer.count;
    const active = layer.routed ? layer.params * (layer.count / layer.routed.experts) * layer.routed.topK : all;
    conventions.activeParams += active;
    if (layer.embedding) continue;
    conventions.nonEmbeddingParams += all;
    conventions.activeNonEmbeddingParams += active;
  }
  return conventions;
}

function tensorOf(layers: readonly LayerCount[], reference: TensorReference): CountedTensor {
  const layer = layers[reference.layer]!;
  const tensor = layer.parameters.find((candidate) => candidate.name === reference.tensor);
  if (tensor) return tensor;
  const names = layer.parameters.map((candidate) => candidate.name).filter(Boolean);
  throw new SpecError(
    "tie-not-found",
    reference.position,
    `${layer.path} (${layer.type}) has no parameter '${reference.tensor}'`,
    didYouMean(reference.tensor, names) ??
      (names.length ? `its parameters are: ${names.join(", ")}` : layer.parameters.length ? `write the path ${layer.path} alone for its tensor` : "it has no parameters"),
  );
}

/** A tied tensor, found in its layer: where it sits in the model's order of parameters(). */
interface TieMember {
  reference: TensorReference;
  tensor: CountedTensor;
  order: [layer: number, index: number];
}

const earlier = (a: TieMember, b: TieMember) => a.order[0] - b.order[0] || a.order[1] - b.order[1];

/**
 * Ties chain: `a.weight: c.weight` and `b.weight: c.weight` make one storage of three tensors, as the
 * assignments do in PyTorch. Each group of tensors joined by ties counts once, at the first in the
 * model's order, as parameters() does; every other member is shared with that first one.
 */
function tieGroups(layers: readonly LayerCount[], ties: readonly ResolvedTie[]): TieMember[][] {
  const members = new Map<CountedTensor, TieMember>();
  const parent = new Map<TieMember, TieMember>();
  const root = (member: TieMember): TieMember => {
    let top = member;
    while (parent.get(top) !== top) top = parent.get(top)!;
    parent.set(member, top);
    return top;
  };
  const memberOf = (reference: TensorReference): TieMember => {
    const tensor = tensorOf(layers, reference);
    let member = members.get(tensor);
    if (!member) {
      member = { reference, tensor, order: [reference.layer, layers[reference.layer]!.parameters.indexOf(tensor)] };
      members.set(tensor, member);
      parent.set(member, member);
    }
    return member;
  };
  for (const tie of ties) {
    const [parameter, owner] = [memberOf(tie.parameter), memberOf(tie.owner)];
    if (!sameShape(parameter.tensor.shape, owner.tensor.shape)) {
      throw new SpecError(
        "tie-mismatch",
        tie.parameter.position,
        `cannot tie ${tie.parameter.text} [${parameter.tensor.shape.join(", ")}] to ${tie.owner.text} [${owner.tensor.shape.join(", ")}]: shapes differ`,
        "tied tensors share storage, so their shapes must be equal",
      );
    }
    if (parameter.tensor.trainable !== owner.tensor.trainable) {
      throw new SpecError(
        "tie-mismatch",
        tie.parameter.position,
        `cannot tie ${tie.parameter.text} to ${tie.owner.text}: one is frozen and the other is not`,
        "a shared tensor is either trainable or not: freeze both or neither",
      );
    }
    parent.set(root(parameter), root(owner));
  }
  const groups = new Map<TieMember, TieMember[]>();
  for (const member of members.values()) {
    const group = groups.get(root(member));
    if (group) group.push(member);
    else groups.set(root(member), [member]);
  }
  return [...groups.values()].map((group) => group.sort(earlier));
}

/** Ties through a `*`, without the entries it matched that lack the tensor; an error when none has it. */
function globbed(layers: readonly LayerCount[], ties: readonly ResolvedTie[]): ResolvedTie[] {
  const has = (reference: TensorReference) => layers[reference.layer]!.parameters.some((tensor) => tensor.name === reference.tensor);
  const kept = ties.filter((tie) => !tie.parameter.glob || has(tie.parameter));
  const found = new Set(kept.map((tie) => tie.parameter.text));
  for (const tie of ties) if (!found.has(tie.parameter.text)) tensorOf(layers, tie.parameter);
  return kept;
}

/**
 * Marks every member of a group but the first as shared with it. The first holds the storage, so it must be one
 * tensor (not a run of instances); each later one stands for every instance of its entry, all of them shared.
 */
function applyTies(layers: readonly LayerCount[], ties: readonly ResolvedTie[]): void {
  for (const [first, ...later] of tieGroups(layers, globbed(layers, ties))) {
    if (first!.reference.instances !== 1) {
      const entry = layers[first!.reference.layer]!;
      throw new SpecError(
        "tie-ambiguous",
        first!.reference.position,
        `${first!.reference.text} comes first in the model of the tensors tied to it, and stands for the ${entry.count} instances of ${entry.path}`,
        "PyTorch counts a shared tensor once, at its first place: tie a tensor that comes before the repeat, or split the repeat so its first instance is its own entry",
      );
    }
    for (const member of later) {
      const entry = layers[member.reference.layer]!;
      if (member.reference.instances !== entry.count) {
        throw new SpecError(
          "tie-ambiguous",
          member.reference.position,
          `${member.reference.text} is one of the ${entry.count} instances of ${entry.path}, and ${first!.reference.text} before it holds the storage`,
          "split the repeat so the tied instance is its own entry",
        );
      }
      member.tensor.sharedWith = first!.reference.text;
    }
  }
}

/** A `frozen:` path through `*` must name a tensor of at least one layer it reaches. */
function checkFrozenGlobs(model: ResolvedModel, globsFound: ReadonlyMap<FrozenTensor["position"], boolean>): void {
  for (const [position, found] of globsFound) {
    if (found) continue;
    const layer = model.layers.find((candidate) => candidate.frozenTensors.some((item) => item.position === position))!;
    const item = layer.frozenTensors.find((candidate) => candidate.position === position)!;
    throw missingFrozen(layer, describeLayer(layer.call), item);
  }
}

/** A layer entry's parameters once ties are known (those shared are counted at their owner), added to the model's totals. */
function addLayerTotals(layer: LayerCount, resolved: ResolvedLayer, totals: Totals): void {
  let params = 0;
  let trainable = 0;
  for (const tensor of layer.parameters) {
    if (tensor.sharedWith !== undefined) continue;
    params += tensor.numel;
    if (tensor.trainable) trainable += tensor.numel;
  }
  layer.params = checkedAs(params, layer.position, () => `${layer.path} parameters`);
  layer.trainable = trainable;
  layer.formula = layerFormula(resolved.call.text, layer.parameters, layer.params);
  const at = (value: number, what: string) => checkedAs(value * layer.count, layer.position, () => `${what} of ${layer.path}`);
  totals.params = checked(totals.params + at(layer.params, "parameters"), layer.position, "the model's parameter count");
  totals.trainable += at(layer.trainable, "trainable parameters");
  totals.buffers = checked(totals.buffers + at(layer.bufferElements, "buffer elements"), layer.position, "the model's buffer count");
}

/** Counts every layer entry with the catalogue and totals them exactly as PyTorch's parameters() would. */
export function countModel(model: ResolvedModel, errors = new DiagnosticCollector(), adapter?: BoundAdapter): ModelCount {
  const globsFound = new Map<FrozenTensor["position"], boolean>();
  // Each layer is counted even when one before it fails, so one run shows every layer's mistake; what
  // spans layers (frozen globs, ties) depends on them all and is checked only when all counted.
  const counted = model.layers.map((layer) => errors.attempt(() => countLayer(layer, globsFound)));
  errors.throwIfAny();
  const layers = counted as LayerCount[];
  checkFrozenGlobs(model, globsFound);
  applyTies(layers, model.ties);
  const warnings: Diagnostic[] = adapter ? applyAdapter(layers, model.layers, adapter) : [];
  const totals: Totals = { params: 0, trainable: 0, nonTrainable: 0, buffers: 0 };
  model.layers.forEach((resolved, index) => addLayerTotals(layers[index]!, resolved, totals));
  totals.nonTrainable = totals.params - totals.trainable;
  return {
    model: model.model,
    file: model.file,
    totals,
    conventions: conventionsOf(layers),
    layers,
    ...(adapter ? { adapter: { name: adapter.name, type: adapter.type, text: adapter.text } } : {}),
    ...(warnings.length ? { warnings } : {}),
  };
}
