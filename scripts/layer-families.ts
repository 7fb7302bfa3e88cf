// The catalogue by family, with an example call of each type, for docs/layers.md
// (scripts/catalogue-docs.mjs). Read at docs time only: the CLI never imports this file.
// test/docs/generated.test.ts checks that the families hold every type the catalogue knows, each once.
import { readFileSync } from "node:fs";
import { activationLayers } from "../src/catalogue/activation.js";
import { attentionLayers } from "../src/catalogue/attention.js";
import { convolutionLayers } from "../src/catalogue/convolution.js";
import { embeddingLayers } from "../src/catalogue/embedding.js";
import { huggingFaceLayers } from "../src/catalogue/hugging-face.js";
import { formatSignature, layerTypes, type LayerDefinition, type TensorSpec } from "../src/catalogue/index.js";
import { linearLayers } from "../src/catalogue/linear.js";
import { normalizationLayers } from "../src/catalogue/normalization.js";
import { parameterFreeLayers } from "../src/catalogue/parameter-free.js";
import { parameterLayers } from "../src/catalogue/parameter.js";
import { recurrentLayers } from "../src/catalogue/recurrent.js";
import { transformerLayers } from "../src/catalogue/transformer.js";
// The tests' own way from a call string to its tensors, so the docs follow the engine as the tests do.
import { describeText } from "../test/helpers/layer.js";

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
  { family: "Hugging Face", layers: huggingFaceLayers },
];

/** A call of one type and the tensors model-budget gives it, written `weight [5, 8], bias [5]`. */
export interface LayerExample {
  call: string;
  parameters: string;
  buffers: string;
}

/** Tensors listed in a table cell; a composite layer (a Transformer's hundreds) shows its first few and how many more. */
const SHOWN_TENSORS = 6;

function tensorList(tensors: readonly TensorSpec[]): string {
  // Parameter(...) and Buffer(...) are the tensor itself, named by their entry: their name is empty.
  const shown = tensors.slice(0, SHOWN_TENSORS).map((tensor) => `${tensor.name || "(the entry's name)"} [${tensor.shape.join(", ")}]`);
  return tensors.length > SHOWN_TENSORS ? `${shown.join(", ")} and ${tensors.length - SHOWN_TENSORS} more` : shown.join(", ");
}

/**
 * The first call of each type measured on PyTorch 1.13 (test/fixtures/pytorch/catalogue-cases.json),
 * with its tensors as the catalogue counts them: test/catalogue/completeness.test.ts holds them equal
 * to PyTorch's.
 */
export function layerExamples(): Map<string, LayerExample> {
  const fixture = JSON.parse(readFileSync(new URL("../test/fixtures/pytorch/catalogue-cases.json", import.meta.url), "utf8")) as { cases: { type: string; call: string }[] };
  const examples = new Map<string, LayerExample>();
  for (const { type, call } of fixture.cases) {
    if (examples.has(type)) continue;
    const described = describeText(call);
    examples.set(type, { call, parameters: tensorList(described.parameters), buffers: tensorList(described.buffers) });
  }
  return examples;
}

/** What scripts/catalogue-docs.mjs's `catalogueTable` takes. */
export function catalogueDocInputs(): { families: readonly LayerFamily[]; formatSignature: typeof formatSignature; examples: Map<string, LayerExample> } {
  return { families: LAYER_FAMILIES, formatSignature, examples: layerExamples() };
}

export { layerTypes };
