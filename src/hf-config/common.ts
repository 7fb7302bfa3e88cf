import type { ConfigReader } from "./config-reader.js";
import type { SpecBuilder, SpecEntry } from "./spec-builder.js";

/** What a family's translation gives: the layers, the ties, and whether the forward pass can be followed. */
export interface Translation {
  layers: SpecEntry[];
  tie?: Record<string, string>;
  /** The top-level forward:, for base-model classes whose children include parameter-free holders. */
  forward?: string[];
  /** The input length when the forward is followed; otherwise why it is not. */
  input: { tokens: string } | { notFollowed: string };
}

/** A family: the model_type values it reads, the classes it builds, and the translation. */
export interface Family {
  modelTypes: readonly string[];
  /** Class names by model_type prefix; the config's `architectures[0]` must be one of them. */
  classes: (modelType: string) => readonly string[];
  translate(config: ConfigReader, architecture: string): Translation;
}

/** transformers' ACT2FN names, as the catalogue's activation layers. */
const ACTIVATIONS: Readonly<Record<string, string>> = {
  silu: "SiLU()",
  swish: "SiLU()",
  relu: "ReLU()",
  gelu: "GELU()",
  // NewGELUActivation is Python ops, which keep more for backward than the fused tanh GELU (docs/shapes.md).
  gelu_new: "NewGELUActivation()",
  gelu_fast: "GELU(approximate='tanh')",
  gelu_pytorch_tanh: "GELU(approximate='tanh')",
  tanh: "Tanh()",
};

/** The activation layer `key` names (`hidden_act`), or an error naming the ones known. */
export function activation(config: ConfigReader, key: string, fallback: string): string {
  const name = config.string(key, fallback);
  config.only(key, name, Object.keys(ACTIVATIONS), "its activation decides the forward pass");
  return ACTIVATIONS[name]!;
}

/** `architectures[0]`'s suffix after the family's prefix: Model, ForCausalLM, ForSequenceClassification, ... */
export function headOf(architecture: string, prefix: string): string {
  return architecture.slice(prefix.length);
}

/** The number of labels a classification head has: `num_labels`, else the length of `id2label`, else transformers' default 2. */
export function labelCount(config: ConfigReader): number {
  if (config.has("num_labels")) return config.size("num_labels", "the number of classes");
  const labels = config.data.id2label;
  const count = labels !== null && typeof labels === "object" ? Object.keys(labels).length : 2;
  config.builder.variable("num_labels", count, labels === undefined ? [] : ["id2label"]);
  return count;
}

/** The width and the head count of a model without separate key/value heads, the width divisible by the heads. */
export function widthAndHeads(config: ConfigReader): { hidden: number; heads: number } {
  const hidden = config.size("hidden_size", "the model width");
  const heads = config.size("num_attention_heads", "the number of attention heads");
  config.divisible("hidden_size", hidden, "num_attention_heads", heads);
  return { hidden, heads };
}

/** The sizes every attention reads: width, heads, key/value heads and head_dim (given, or width // heads). */
export function attentionSizes(config: ConfigReader, builder: SpecBuilder, options: { headDim?: boolean } = {}): { heads: number; kvHeads: number; headDim: number } {
  const hidden = config.size("hidden_size", "the model width");
  const heads = config.size("num_attention_heads", "the number of attention heads");
  const kvHeads = config.size("num_key_value_heads", "the number of key/value heads", heads);
  config.divisible("num_attention_heads", heads, "num_key_value_heads", kvHeads, "num_key_value_heads");
  if (options.headDim !== false && config.has("head_dim")) return { heads, kvHeads, headDim: config.size("head_dim", "the width of one head") };
  config.divisible("hidden_size", hidden, "num_attention_heads", heads);
  builder.variable("head_dim", "hidden_size // num_attention_heads", ["num_attention_heads"]);
  return { heads, kvHeads, headDim: hidden / heads };
}

/**
 * The sequence length shapes are followed at: the context length up to this many tokens. A model's
 * full context (131,072 tokens for Llama 3.1) makes attention's products past 2^53 MACs, and a
 * training step rarely uses it; a spec chooses its own with input: {tokens: N}.
 */
export const SHAPES_MAX_TOKENS = 4096;

/** Defines sequence_length, the input's length: the context `key` gives, at most SHAPES_MAX_TOKENS. */
export function sequenceLength(config: ConfigReader, key: string): { tokens: string } {
  config.size(key, "the context length");
  config.builder.variable("sequence_length", `min(${key}, ${SHAPES_MAX_TOKENS})`, [key]);
  return { tokens: "sequence_length" };
}

/** A Python literal for a float a spec argument takes (`1e-05`, `0.1`). */
export function pythonFloat(value: number): string {
  // Python writes 1e-05 where JavaScript writes 0.00001: print(model) and the examples show Python's form.
  if (value !== 0 && Math.abs(value) < 1e-4) return value.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}
