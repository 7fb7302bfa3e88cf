/**
 * Hugging Face config.json files as specs: a config is translated into the spec data a YAML spec
 * parses to, with every piece's position at the config key it came from, so that validation,
 * resolving, counting and shapes run on it unchanged.
 */
import { SpecError, closestName, type SourcePosition } from "../diagnostics/index.js";
import type { YamlSource } from "../parse/yaml.js";
import type { Family } from "./common.js";
import { ConfigReader } from "./config-reader.js";
import { BERT } from "./bert.js";
import { DEEPSEEK } from "./deepseek.js";
import { FALCON } from "./falcon.js";
import { GPT2 } from "./gpt2.js";
import { GPT_NEOX } from "./gpt-neox.js";
import { LLAMA_LIKE } from "./llama.js";
import { MIXTURE_OF_EXPERTS } from "./moe.js";
import { T5 } from "./t5.js";
import { quantizationOf, quantizeLayers } from "./quantization.js";
import { SpecBuilder, translatedSource } from "./spec-builder.js";

export type { Family, Translation } from "./common.js";
export { isHfConfig } from "./detect.js";

const FAMILIES: readonly Family[] = [LLAMA_LIKE, MIXTURE_OF_EXPERTS, DEEPSEEK, GPT2, GPT_NEOX, FALCON, BERT, T5];

/** Every model_type read, for messages and docs. */
export const SUPPORTED_MODEL_TYPES: readonly string[] = FAMILIES.flatMap((family) => family.modelTypes).sort();

const WRITE_A_SPEC = "or describe the model in a YAML spec (docs/spec.md); model-budget import safetensors FILE writes one from its checkpoint";

function familyOf(config: ConfigReader): Family {
  const modelType = config.data.model_type;
  if (typeof modelType !== "string") {
    if (modelType === undefined) throw config.missing("model_type", "the model family");
    throw config.bad("model_type", "is not a string", `write the family as transformers names it: one of ${SUPPORTED_MODEL_TYPES.join(", ")}`);
  }
  const family = FAMILIES.find((candidate) => candidate.modelTypes.includes(modelType));
  if (family) return family;
  const near = closestName(modelType, new Set(SUPPORTED_MODEL_TYPES));
  throw new SpecError(
    "unknown-model-type",
    config.at("model_type"),
    `model_type "${modelType.slice(0, 60)}" is not a family model-budget translates`,
    `${near === undefined ? "" : `did you mean "${near}"? `}Supported: ${SUPPORTED_MODEL_TYPES.join(", ")}; ${WRITE_A_SPEC}`,
  );
}

function architectureOf(config: ConfigReader, family: Family, modelType: string): string {
  const classes = family.classes(modelType);
  const listed = config.data.architectures;
  if (listed === undefined || listed === null) throw config.missing("architectures", `the class to count, such as ["${classes[0]}"]`);
  const first: unknown = Array.isArray(listed) ? listed[0] : undefined;
  if (typeof first !== "string") throw config.bad("architectures", "is not a list of class names", `write it as transformers does: ["${classes[0]}"]`);
  if (classes.includes(first)) return first;
  const near = closestName(first, new Set(classes));
  throw new SpecError(
    "unsupported-architecture",
    config.source.at(["architectures", 0]),
    `${first.slice(0, 80)} is not a class model-budget builds for model_type "${modelType}"`,
    `${near === undefined ? "" : `did you mean ${near}? `}Supported: ${classes.join(", ")}; ${WRITE_A_SPEC}`,
  );
}

/** The model's name: the config's _name_or_path, else its folder's name. */
function modelName(config: ConfigReader): string {
  const named = config.data._name_or_path;
  if (typeof named === "string" && named.trim() !== "" && named.length <= 200) return named;
  const parts = config.source.file.split("/");
  return parts.length > 1 ? parts[parts.length - 2]! : parts[0]!.replace(/\.json$/, "");
}

/** Drops every forward: of a translation whose forward is not followed, so that no half-right topology reaches a spec. */
function dropForwards(node: unknown): void {
  if (Array.isArray(node)) node.forEach(dropForwards);
  else if (node !== null && typeof node === "object") {
    delete (node as Record<string, unknown>).forward;
    Object.values(node).forEach(dropForwards);
  }
}

/** A quantization_config as the resolve stage reports it: applied as `dtype` to the decoder layers, or not, and what is left out. */
export interface AppliedQuantization {
  text: string;
  position: SourcePosition;
  dtype?: string;
  caveat: string;
}

/** The spec data a config.json stands for, and the source positions of its pieces; throws positioned errors. */
export function translateHfConfig(config: YamlSource): YamlSource & { notFollowed?: string; quantization?: AppliedQuantization } {
  const builder = new SpecBuilder();
  const reader = new ConfigReader(config, "", builder);
  const family = familyOf(reader);
  const modelType = reader.data.model_type as string;
  const typed = new ConfigReader(config, modelType, builder);
  const architecture = architectureOf(typed, family, modelType);
  const translation = family.translate(typed, architecture);
  const quantized = quantizationOf(reader.data);
  // Applied where the translation has a repeated decoder-layers module; elsewhere only said.
  const applied = quantized?.dtype !== undefined && quantizeLayers(typed, translation.layers, quantized.dtype);
  if ("notFollowed" in translation.input) {
    dropForwards(translation.layers);
    delete translation.forward;
  }
  const data = builder.from(
    {
      model: modelName(typed),
      vars: builder.vars,
      ...("tokens" in translation.input ? { input: { tokens: translation.input.tokens } } : {}),
      ...(translation.forward ? { forward: translation.forward } : {}),
      layers: translation.layers,
      ...(translation.tie ? { tie: translation.tie } : {}),
    },
    ["model_type"],
  );
  const source = translatedSource(config, data, builder, ["model_type"]);
  return {
    ...source,
    ...("notFollowed" in translation.input ? { notFollowed: translation.input.notFollowed } : {}),
    ...(quantized === undefined
      ? {}
      : {
          quantization: {
            text: quantized.text,
            position: config.keyAt(["quantization_config"]),
            ...(applied ? { dtype: quantized.dtype! } : {}),
            caveat: applied || quantized.dtype === undefined ? quantized.caveat : "the translation has no repeated decoder layers to quantize",
          },
        }),
  };
}
