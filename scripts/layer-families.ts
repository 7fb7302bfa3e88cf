// The catalogue by family, for docs/layers.md (scripts/catalogue-docs.mjs). Read at docs time
// only: the CLI never imports this file. test/docs/generated.test.ts checks that the families
// hold every type the catalogue knows, each once.
import { activationLayers } from "../src/catalogue/activation.js";
import { attentionLayers } from "../src/catalogue/attention.js";
import { convolutionLayers } from "../src/catalogue/convolution.js";
import { embeddingLayers } from "../src/catalogue/embedding.js";
import { formatSignature, layerTypes, type LayerDefinition } from "../src/catalogue/index.js";
import { linearLayers } from "../src/catalogue/linear.js";
import { normalizationLayers } from "../src/catalogue/normalization.js";
import { parameterFreeLayers } from "../src/catalogue/parameter-free.js";
import { parameterLayers } from "../src/catalogue/parameter.js";
import { recurrentLayers } from "../src/catalogue/recurrent.js";
import { transformerLayers } from "../src/catalogue/transformer.js";

export interface LayerFamily {
  family: string;
  layers: readonly LayerDefinition[];
}

export const LAYER_FAMILIES: readonly LayerFamily[] = [
  { family: "Convolution", layers: convolutionLayers },
  { family: "Linear", layers: linearLayers },
  { family: "Embedding", layers: embeddingLayers },
  { family: "Normalization", layers: normalizationLayers },
  { family: "Recurrent", layers: recurrentLayers },
  { family: "Attention", layers: attentionLayers },
  { family: "Transformer", layers: transformerLayers },
  { family: "Activations", layers: activationLayers },
  { family: "Parameter-free", layers: parameterFreeLayers },
  { family: "Tensors", layers: parameterLayers },
];

export { formatSignature, layerTypes };
