/**
 * T5 and mT5 as transformers' modeling_t5.py builds them: a shared embedding (the stacks' embed_tokens
 * and a tied lm_head are the same tensor), relative attention bias in each stack's first block,
 * ReLU or gated-GELU feed-forward. Parameters only: the encoder-decoder forward is not followed.
 */
import { SpecError } from "../diagnostics/index.js";
import { pythonFloat, type Family, type Translation } from "./common.js";
import type { ConfigReader } from "./config-reader.js";
import type { SpecBuilder, SpecEntry } from "./spec-builder.js";

function attention(builder: SpecBuilder, name: string, relative: boolean): SpecEntry {
  const linear = (child: string, from: string, to: string) => builder.layer(child, `Linear(${from}, ${to}, bias=False)`, ["d_kv"]);
  const layers = [
    linear("q", "d_model", "num_heads * d_kv"),
    linear("k", "d_model", "num_heads * d_kv"),
    linear("v", "d_model", "num_heads * d_kv"),
    linear("o", "num_heads * d_kv", "d_model"),
  ];
  if (relative)
    layers.push(builder.from({ relative_attention_bias: { layer: "Embedding(relative_attention_num_buckets, num_heads)", if: "index == 0" } }, ["relative_attention_num_buckets"]));
  return builder.module(name, layers, ["num_heads"]);
}

/** The feed-forward's layers: wi, or wi_0 and wi_1 for a gated-* feed_forward_proj. */
function feedForward(config: ConfigReader, builder: SpecBuilder): SpecEntry[] {
  const projection = config.string("feed_forward_proj", "relu");
  const [gated, act] = projection.startsWith("gated-") ? [true, projection.slice(6)] : [false, projection];
  if (act !== "relu" && act !== "gelu")
    throw new SpecError(
      "hf-config-unsupported",
      config.at("feed_forward_proj"),
      `"feed_forward_proj": "${projection.slice(0, 40)}" is not one model-budget translates`,
      `supported: "relu", "gelu", "gated-relu", "gated-gelu"`,
    );
  const wi = (name: string) => builder.layer(name, "Linear(d_model, d_ff, bias=False)", ["d_ff"]);
  return [
    ...(gated ? [wi("wi_0"), wi("wi_1")] : [wi("wi")]),
    builder.layer("wo", "Linear(d_ff, d_model, bias=False)", ["d_ff"]),
    builder.layer("act", gated && act === "gelu" ? "GELU(approximate='tanh')" : act === "gelu" ? "GELU()" : "ReLU()", ["feed_forward_proj"]),
  ];
}

function stack(config: ConfigReader, builder: SpecBuilder, decoder: boolean): SpecEntry {
  const norm = `RMSNorm((d_model,), eps=${pythonFloat(config.number("layer_norm_epsilon", 1e-6))})`;
  const dropout = `Dropout(${pythonFloat(config.number("dropout_rate", 0.1))})`;
  const sublayer = (inner: SpecEntry[]) =>
    builder.from({ layers: [...inner, builder.layer("layer_norm", norm, ["layer_norm_epsilon"]), builder.layer("dropout", dropout, ["dropout_rate"])] }, ["num_heads"]);
  const sublayers = [
    sublayer([attention(builder, "SelfAttention", true)]),
    ...(decoder ? [sublayer([attention(builder, "EncDecAttention", false)])] : []),
    sublayer([builder.module("DenseReluDense", feedForward(config, builder), ["d_ff"])]),
  ];
  const count = decoder ? "num_decoder_layers" : "num_layers";
  const block = builder.module("block", [builder.module("layer", sublayers, [count])], [count], { repeat: count });
  const layers = [
    builder.layer("embed_tokens", "Embedding(vocab_size, d_model)", ["vocab_size"]),
    block,
    builder.layer("final_layer_norm", norm, ["layer_norm_epsilon"]),
    builder.layer("dropout", dropout, ["dropout_rate"]),
  ];
  return builder.module(decoder ? "decoder" : "encoder", layers, [count]);
}

function translate(config: ConfigReader, architecture: string): Translation {
  const builder = config.builder;
  for (const [key, what] of [
    ["d_model", "the model width"],
    ["d_kv", "the width of one head"],
    ["d_ff", "the feed-forward's width"],
    ["num_heads", "the number of heads"],
    ["vocab_size", "the vocabulary size"],
  ] as const)
    config.size(key, what);
  const layers = config.size("num_layers", "the number of encoder blocks");
  config.size("num_decoder_layers", "the number of decoder blocks", layers);
  config.size("relative_attention_num_buckets", "the relative attention's buckets", 32);
  const mt5 = architecture.startsWith("MT5");
  const head = architecture.slice(mt5 ? 3 : 2);
  const input = { notFollowed: "the encoder-decoder forward is not followed by the forward ops yet" };
  const shared = builder.layer("shared", "Embedding(vocab_size, d_model)", ["vocab_size"]);
  const tie: Record<string, string> = { "encoder.embed_tokens.weight": "shared.weight" };
  if (head === "EncoderModel") return { layers: [shared, stack(config, builder, false)], tie, input };
  tie["decoder.embed_tokens.weight"] = "shared.weight";
  const both = [shared, stack(config, builder, false), stack(config, builder, true)];
  if (head === "Model") return { layers: both, tie, input };
  if (config.flag("tie_word_embeddings", !mt5)) tie["lm_head.weight"] = "shared.weight";
  return { layers: [...both, builder.layer("lm_head", "Linear(d_model, vocab_size, bias=False)", ["vocab_size"])], tie, input };
}

export const T5: Family = {
  modelTypes: ["t5", "mt5"],
  classes: (modelType) => {
    const prefix = modelType === "mt5" ? "MT5" : "T5";
    return [`${prefix}ForConditionalGeneration`, `${prefix}Model`, `${prefix}EncoderModel`];
  },
  translate,
};
