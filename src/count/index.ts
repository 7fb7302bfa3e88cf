import { describeLayer, sameShape, type DescribedLayer, type TensorSpec } from "../catalogue/index.js";
import { SpecError, didYouMean, type SourcePosition } from "../diagnostics/index.js";
import type { DtypeSetting, ResolvedLayer, ResolvedModel, ResolvedTie, TensorReference } from "../resolve/index.js";
import { formatInteger, layerFormula } from "./formula.js";
import type { CountedTensor, LayerCount, ModelCount, Totals } from "./types.js";

export { formatInteger } from "./formula.js";
export type { CountedTensor, LayerCount, ModelCount, Totals } from "./types.js";

/** Exact integer arithmetic or a clear refusal: counts (and byte counts) past 2^53 would silently round. */
export function checked(value: number, position: SourcePosition, what: string): number {
  if (!Number.isSafeInteger(value)) {
    throw new SpecError(position, `${what} exceeds 2^53 - 1 = ${formatInteger(Number.MAX_SAFE_INTEGER)} and cannot be counted exactly`, "check the sizes and repeat counts for a typo");
  }
  return value;
}

function numelOf(shape: readonly number[], position: SourcePosition, what: string): number {
  return shape.reduce((product, size) => checked(product * size, position, `the element count of ${what} [${shape.join(", ")}]`), 1);
}

const tensorPath = (layer: ResolvedLayer, name: string) => (name ? `${layer.path}.${name}` : layer.path);

function counted(layer: ResolvedLayer, tensor: TensorSpec) {
  const numel = numelOf(tensor.shape, layer.position, tensorPath(layer, tensor.name));
  return { name: tensor.name, shape: tensor.shape, numel, ...(tensor.fixedDtype ? { fixedDtype: tensor.fixedDtype } : {}) };
}

/** The `dtype=` a call gives its tensors, when its signature has one and it is not None. */
function callDtype(described: DescribedLayer): DtypeSetting | undefined {
  if (!described.definition.signature.some((spec) => spec.name === "dtype") || described.args.isNone("dtype")) return undefined;
  return { value: described.args.value("dtype"), position: described.args.position("dtype") };
}

function countLayer(layer: ResolvedLayer): LayerCount {
  const described = describeLayer(layer.call);
  const parameters = described.parameters.map((tensor) => ({ ...counted(layer, tensor), trainable: !layer.frozen && tensor.trainable !== false }));
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
    position: layer.position,
  };
}

function tensorOf(layers: readonly LayerCount[], reference: TensorReference): CountedTensor {
  const layer = layers[reference.layer]!;
  const tensor = layer.parameters.find((candidate) => candidate.name === reference.tensor);
  if (tensor) return tensor;
  const names = layer.parameters.map((candidate) => candidate.name).filter(Boolean);
  throw new SpecError(
    reference.position,
    `${layer.path} (${layer.type}) has no parameter '${reference.tensor}'`,
    didYouMean(reference.tensor, names) ?? (names.length ? `its parameters are: ${names.join(", ")}` : layer.parameters.length ? `write the path ${layer.path} alone for its tensor` : "it has no parameters"),
  );
}

/** Marks the later of two tied tensors as shared, so it counts once, at its first owner, as parameters() does. */
function applyTie(layers: readonly LayerCount[], tie: ResolvedTie): void {
  const parameter = tensorOf(layers, tie.parameter);
  const owner = tensorOf(layers, tie.owner);
  if (!sameShape(parameter.shape, owner.shape)) {
    throw new SpecError(
      tie.parameter.position,
      `cannot tie ${tie.parameter.text} [${parameter.shape.join(", ")}] to ${tie.owner.text} [${owner.shape.join(", ")}]: shapes differ`,
      "tied tensors share storage, so their shapes must be equal",
    );
  }
  if (parameter.trainable !== owner.trainable) {
    throw new SpecError(tie.parameter.position, `cannot tie ${tie.parameter.text} to ${tie.owner.text}: one is frozen and the other is not`, "a shared tensor is either trainable or not: freeze both or neither");
  }
  const parameterFirst = tie.parameter.layer < tie.owner.layer || (tie.parameter.layer === tie.owner.layer && layers[tie.parameter.layer]!.parameters.indexOf(parameter) < layers[tie.owner.layer]!.parameters.indexOf(owner));
  if (!parameterFirst) {
    parameter.sharedWith = tie.owner.text;
    return;
  }
  if (layers[tie.owner.layer]!.count !== 1 || layers[tie.parameter.layer]!.count !== 1) {
    throw new SpecError(tie.parameter.position, `${tie.parameter.text} comes before ${tie.owner.text} in the model, and one of them is repeated`, "write the tie the other way round: the later tensor as the key, the earlier as its value");
  }
  owner.sharedWith = tie.parameter.text;
}

/** Counts every layer entry with the catalogue and totals them exactly as PyTorch's parameters() would. */
export function countModel(model: ResolvedModel): ModelCount {
  const layers = model.layers.map(countLayer);
  for (const tie of model.ties) applyTie(layers, tie);
  const totals: Totals = { params: 0, trainable: 0, nonTrainable: 0, buffers: 0 };
  model.layers.forEach((resolved, index) => {
    const layer = layers[index]!;
    const counted = layer.parameters.filter((tensor) => tensor.sharedWith === undefined);
    layer.params = checked(counted.reduce((sum, tensor) => sum + tensor.numel, 0), layer.position, `${layer.path} parameters`);
    layer.trainable = counted.filter((tensor) => tensor.trainable).reduce((sum, tensor) => sum + tensor.numel, 0);
    layer.formula = layerFormula(resolved.call.text, layer.parameters, layer.params);
    const at = (value: number, what: string) => checked(value * layer.count, layer.position, `${what} of ${layer.path}`);
    totals.params = checked(totals.params + at(layer.params, "parameters"), layer.position, "the model's parameter count");
    totals.trainable += at(layer.trainable, "trainable parameters");
    totals.buffers = checked(totals.buffers + at(layer.bufferElements, "buffer elements"), layer.position, "the model's buffer count");
  });
  totals.nonTrainable = totals.params - totals.trainable;
  return { model: model.model, file: model.file, totals, layers };
}
