/**
 * Llama and the decoder-only families that differ from it in a few switches, each as its
 * transformers modeling file (4.4x, whose module names the published checkpoints use) builds it.
 */
import type { Family } from "./common.js";
import type { ConfigReader } from "./config-reader.js";
import { decoderClasses, layerNorm, rmsNorm, translateDecoder, type DecoderStyle } from "./decoder.js";

/** Names of the model types below and their class prefixes. */
const PREFIXES: Readonly<Record<string, string>> = {
  llama: "Llama",
  mistral: "Mistral",
  qwen2: "Qwen2",
  qwen3: "Qwen3",
  gemma: "Gemma",
  gemma2: "Gemma2",
  olmo: "Olmo",
  olmo2: "Olmo2",
  starcoder2: "Starcoder2",
  phi3: "Phi3",
};

const attentionBias = (config: ConfigReader) => {
  const on = config.flag("attention_bias", false);
  return { qkv: on, o: on };
};
const noBias = () => ({ qkv: false, o: false });

const clipQkv = (config: ConfigReader) => (config.has("clip_qkv") ? "clip_qkv clamps q, k and v, which the forward ops do not express" : undefined);
const qkNorms = () => "q_norm and k_norm run between the projections and the attention, which the forward ops do not express";
const gemmaForward = () => "Gemma scales the embeddings by sqrt(hidden_size) and its RMSNorm multiplies by 1 + weight, which the forward ops do not express";

/** Each model type's differences from Llama. */
const STYLES: Readonly<Record<string, (config: ConfigReader) => DecoderStyle>> = {
  llama: (config) => ({ prefix: "Llama", tiedByDefault: false, norm: rmsNorm(config, "rms_norm_eps", 1e-6), biases: attentionBias, mlp: "gated" }),
  mistral: (config) => ({ prefix: "Mistral", tiedByDefault: false, norm: rmsNorm(config, "rms_norm_eps", 1e-6), biases: noBias, mlp: "gated" }),
  qwen2: (config) => ({ prefix: "Qwen2", tiedByDefault: false, norm: rmsNorm(config, "rms_norm_eps", 1e-6), biases: () => ({ qkv: true, o: false }), mlp: "gated" }),
  qwen3: (config) => ({
    prefix: "Qwen3",
    tiedByDefault: false,
    norm: rmsNorm(config, "rms_norm_eps", 1e-6),
    biases: attentionBias,
    mlp: "gated",
    qkNorm: "head",
    noForward: qkNorms,
  }),
  gemma: (config) => ({
    prefix: "Gemma",
    tiedByDefault: true,
    norm: rmsNorm(config, "rms_norm_eps", 1e-6, "RMSNorm"),
    biases: attentionBias,
    mlp: "gated",
    noForward: gemmaForward,
  }),
  gemma2: (config) => ({
    prefix: "Gemma2",
    tiedByDefault: true,
    norm: rmsNorm(config, "rms_norm_eps", 1e-6, "RMSNorm"),
    biases: attentionBias,
    mlp: "gated",
    layerNorms: "sandwich",
    noForward: gemmaForward,
  }),
  olmo: (config) => ({ prefix: "Olmo", tiedByDefault: false, norm: layerNorm(config, "layer_norm_eps", 1e-5, false), biases: attentionBias, mlp: "gated", noForward: clipQkv }),
  olmo2: (config) => ({
    prefix: "Olmo2",
    tiedByDefault: false,
    norm: rmsNorm(config, "rms_norm_eps", 1e-5),
    biases: attentionBias,
    mlp: "gated",
    qkNorm: "full",
    layerNorms: "post",
    noForward: qkNorms,
  }),
  starcoder2: (config) => {
    const on = config.flag("use_bias", true);
    const dropout = config.number("residual_dropout", 0) || config.number("embedding_dropout", 0);
    return {
      prefix: "Starcoder2",
      tiedByDefault: true,
      norm: layerNorm(config, "norm_epsilon", 1e-5),
      biases: () => ({ qkv: on, o: on }),
      mlp: "plain",
      ...(dropout ? { noForward: () => "residual_dropout and embedding_dropout drop activations outside the layers the forward ops follow" } : {}),
    };
  },
  phi3: (config) => ({
    prefix: "Phi3",
    tiedByDefault: false,
    norm: rmsNorm(config, "rms_norm_eps", 1e-5),
    biases: noBias,
    mlp: "fused",
    fusedQkv: true,
    noForward: () => "Phi-3 fuses q, k, v into qkv_proj and gate and up into gate_up_proj, whose split the forward ops do not express",
  }),
};

export const LLAMA_LIKE: Family = {
  modelTypes: Object.keys(STYLES),
  classes: (modelType) => decoderClasses(PREFIXES[modelType]!),
  translate: (config, architecture) => translateDecoder(config, STYLES[config.string("model_type", "")]!(config), architecture),
};
