import { widthAndHeads } from "./common.js";
/**
 * Falcon as transformers' modeling_falcon.py builds it: multi-query or grouped (new decoder
 * architecture) packed query_key_value, parallel attention. Parameters only: its parallel residual
 * and packed multi-query split are not followed.
 */
import type { Family, Translation } from "./common.js";
import type { ConfigReader } from "./config-reader.js";
import { layerNorm } from "./decoder.js";
import type { SpecBuilder, SpecEntry } from "./spec-builder.js";

/** query_key_value's width: grouped heads (new architecture), one shared key/value head (multi_query), or full. */
function packedWidth(config: ConfigReader, builder: SpecBuilder, heads: number): string {
  builder.variable("head_dim", "hidden_size // num_attention_heads", ["num_attention_heads"]);
  if (config.flag("new_decoder_architecture", false)) {
    const kvHeads = config.size("num_kv_heads", "the number of key/value heads", heads);
    config.divisible("num_attention_heads", heads, "num_kv_heads", kvHeads, "num_kv_heads");
    return "(2 * num_kv_heads + num_attention_heads) * head_dim";
  }
  return config.flag("multi_query", true) ? "hidden_size + 2 * head_dim" : "3 * hidden_size";
}

function norms(config: ConfigReader, builder: SpecBuilder): SpecEntry[] {
  const norm = (name: string, key: string) => builder.layer(name, layerNorm(config, "layer_norm_epsilon", 1e-5)("hidden_size"), [key]);
  if (config.flag("new_decoder_architecture", false)) {
    if (config.int("num_ln_in_parallel_attn", "the number of norms of a layer", 2) === 2)
      return [norm("ln_attn", "new_decoder_architecture"), norm("ln_mlp", "new_decoder_architecture")];
    return [norm("input_layernorm", "num_ln_in_parallel_attn")];
  }
  if (config.flag("parallel_attn", true)) return [norm("input_layernorm", "parallel_attn")];
  return [norm("input_layernorm", "parallel_attn"), norm("post_attention_layernorm", "parallel_attn")];
}

function translate(config: ConfigReader, architecture: string): Translation {
  const builder = config.builder;
  const { heads } = widthAndHeads(config);
  const count = config.size("num_hidden_layers", "the number of layers");
  config.size("vocab_size", "the vocabulary size");
  if (config.has("ffn_hidden_size")) config.size("ffn_hidden_size", "the MLP's width");
  else builder.variable("ffn_hidden_size", "4 * hidden_size", ["hidden_size"]);
  const bias = config.flag("bias", false) ? "True" : "False";
  const attention = builder.module(
    "self_attention",
    [
      builder.layer("query_key_value", `Linear(hidden_size, ${packedWidth(config, builder, heads)}, bias=${bias})`, ["num_attention_heads"]),
      builder.layer("dense", `Linear(hidden_size, hidden_size, bias=${bias})`, ["hidden_size"]),
    ],
    ["num_attention_heads"],
  );
  const mlp = builder.module(
    "mlp",
    [
      builder.layer("dense_h_to_4h", `Linear(hidden_size, ffn_hidden_size, bias=${bias})`, ["ffn_hidden_size"]),
      builder.layer("act", "GELU()", ["ffn_hidden_size"]),
      builder.layer("dense_4h_to_h", `Linear(ffn_hidden_size, hidden_size, bias=${bias})`, ["ffn_hidden_size"]),
    ],
    ["ffn_hidden_size"],
  );
  const base = [
    builder.layer("word_embeddings", "Embedding(vocab_size, hidden_size)", ["vocab_size"]),
    builder.module("h", [attention, mlp, ...norms(config, builder)], ["num_hidden_layers"], { repeat: count }),
    builder.layer("ln_f", layerNorm(config, "layer_norm_epsilon", 1e-5)("hidden_size"), ["hidden_size"]),
  ];
  const input = { notFollowed: "Falcon's parallel attention and packed multi-query projection are not expressed by the forward ops" };
  if (architecture === "FalconModel") return { layers: base, input };
  const tied = config.flag("tie_word_embeddings", true);
  const head = builder.layer("lm_head", "Linear(hidden_size, vocab_size, bias=False)", ["vocab_size"]);
  return { layers: [builder.module("transformer", base, ["model_type"]), head], ...(tied ? { tie: { "lm_head.weight": "transformer.word_embeddings.weight" } } : {}), input };
}

export const FALCON: Family = { modelTypes: ["falcon"], classes: () => ["FalconForCausalLM", "FalconModel"], translate };
