import { SpecError, spanning, didYouMean } from "../diagnostics/index.js";
import type { EvaluatedCall } from "../parse/values.js";
import { bindArguments, DimensionError, formatSignature, type LayerArguments, type LayerDefinition } from "./arguments.js";
import { activationLayers } from "./activation.js";
import { attentionLayers } from "./attention.js";
import { convolutionLayers } from "./convolution.js";
import { embeddingLayers } from "./embedding.js";
import { huggingFaceLayers } from "./hugging-face.js";
import { linearLayers } from "./linear.js";
import { normalizationLayers } from "./normalization.js";
import { parameterFreeLayers } from "./parameter-free.js";
import { parameterLayers } from "./parameter.js";
import { recurrentLayers } from "./recurrent.js";
import { transformerLayers } from "./transformer.js";
import type { LayerTensors } from "./types.js";

export type { ArgumentSpec, ForwardInput, ForwardResult, LayerTensors, Saved, SavedDtype, Signature, TensorSpec } from "./types.js";
export { numel, sameShape } from "./common.js";
export { scaledDotProduct } from "./attention.js";
export { bindArguments, DimensionError, formatSignature, type LayerArguments, type LayerDefinition };

const FAMILIES: readonly LayerDefinition[][] = [
  linearLayers,
  convolutionLayers,
  normalizationLayers,
  embeddingLayers,
  activationLayers,
  parameterFreeLayers,
  parameterLayers,
  recurrentLayers,
  attentionLayers,
  transformerLayers,
  huggingFaceLayers,
];

const BY_TYPE = new Map<string, LayerDefinition>(FAMILIES.flat().map((definition) => [definition.type, definition]));

/** `nn.Linear` and `torch.nn.Linear` name the same class as `Linear`. */
function className(type: string): string {
  return type.replace(/^(?:torch\.)?nn\./, "");
}

/** Whether a catalogue type is a Hugging Face transformers module rather than a torch.nn layer. */
export function isHuggingFaceType(type: string): boolean {
  return huggingFaceLayers.some((definition) => definition.type === type);
}

export function layerTypes(): string[] {
  return [...BY_TYPE.keys()];
}

/** Lazy modules and uninitialized tensors take their sizes from the first forward pass, which a spec cannot run. */
function lazyHint(type: string): string | undefined {
  if (/^Uninitialized(?:Parameter|Buffer)$/.test(type)) {
    return `describe the model after its first forward: write ${type.slice("Uninitialized".length)}(shape) with the shape it gets then`;
  }
  const eager = /^Lazy(\w+)$/.exec(type)?.[1];
  const definition = eager === undefined ? undefined : BY_TYPE.get(eager);
  if (!definition) return undefined;
  const required = definition.signature.filter((spec) => spec.default === undefined && !spec.optional).map((spec) => spec.name);
  return `describe the model after its first forward: write ${definition.type}(${[...required, "..."].join(", ")}) with the sizes it infers then`;
}

export function findLayer(call: EvaluatedCall): LayerDefinition {
  const definition = BY_TYPE.get(className(call.type));
  if (definition) return definition;
  const lazy = lazyHint(className(call.type));
  if (lazy) throw new SpecError("lazy-layer", call.position, `${call.type} infers its sizes at its first forward pass, which a spec does not run`, lazy);
  const suggestion = didYouMean(className(call.type), BY_TYPE.keys());
  throw new SpecError(
    "unknown-layer-type",
    spanning(call.position, call.type),
    `unknown layer type '${call.type}'`,
    suggestion ?? `model-budget knows torch.nn's layers; a custom module's own tensors can be written as Parameter(...) entries`,
  );
}

export interface DescribedLayer extends LayerTensors {
  definition: LayerDefinition;
  args: LayerArguments;
}

/** Binds a call to its catalogue entry and lists its tensors as PyTorch would. */
export function describeLayer(call: EvaluatedCall): DescribedLayer {
  const definition = findLayer(call);
  const args = bindArguments(definition, call, findLayer);
  return { definition, args, ...definition.tensors(args) };
}
