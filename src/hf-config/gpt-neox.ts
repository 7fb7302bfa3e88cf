/**
 * GPT-NeoX (Pythia, GPT-NeoX-20B) as transformers' modeling_gpt_neox.py builds it. Its parallel
 * residual (x + attention(ln1(x)) + mlp(ln2(x))) is not followed: parameters only.
 */
import { activation, pythonFloat, type Family, type Translation, widthAndHeads } from "./common.js";
import type { ConfigReader } from "./config-reader.js";
import { layerNorm } from "./decoder.js";
import type { SpecBuilder, SpecEntry } from "./spec-builder.js";

function layer(config: ConfigReader, builder: SpecBuilder, count: number): SpecEntry {
  const norm = layerNorm(config, "layer_norm_eps", 1e-5);
  const bias = config.flag("attention_bias", true) ? "True" : "False";
  const attention = builder.module(
    "attention",
    [
      builder.layer("query_key_value", `Linear(hidden_size, 3 * hidden_size, bias=${bias})`, ["num_attention_heads"]),
      builder.layer("dense", `Linear(hidden_size, hidden_size, bias=${bias})`, ["hidden_size"]),
    ],
    ["num_attention_heads"],
  );
  const mlp = builder.module(
    "mlp",
    [
      builder.layer("dense_h_to_4h", "Linear(hidden_size, intermediate_size)", ["intermediate_size"]),
      builder.layer("dense_4h_to_h", "Linear(intermediate_size, hidden_size)", ["intermediate_size"]),
      builder.layer("act", activation(config, "hidden_act", "gelu"), ["hidden_act"]),
    ],
    ["intermediate_size"],
  );
  const entries = [
    builder.layer("input_layernorm", norm("hidden_size"), ["hidden_size"]),
    builder.layer("post_attention_layernorm", norm("hidden_size"), ["hidden_size"]),
    attention,
    mlp,
  ];
  return builder.module("layers", entries, ["num_hidden_layers"], { repeat: count });
}

function translate(config: ConfigReader, architecture: string): Translation {
  const builder = config.builder;
  widthAndHeads(config);
  const count = config.size("num_hidden_layers", "the number of layers");
  config.size("intermediate_size", "the MLP's width");
  config.size("vocab_size", "the vocabulary size");
  const rotary = pythonFloat(config.number("rotary_pct", 0.25));
  const base = [
    builder.layer("embed_in", "Embedding(vocab_size, hidden_size)", ["vocab_size"]),
    layer(config, builder, count),
    builder.layer("final_layer_norm", layerNorm(config, "layer_norm_eps", 1e-5)("hidden_size"), ["hidden_size"]),
    builder.module(
      "rotary_emb",
      [builder.layer("inv_freq", `Buffer(floor(hidden_size // num_attention_heads * ${rotary}) // 2, persistent=False)`, ["rotary_pct"])],
      ["rotary_pct"],
    ),
  ];
  const input = { notFollowed: "GPT-NeoX's parallel residual adds attention and MLP of one input, which the forward ops do not express" };
  if (architecture === "GPTNeoXModel") return { layers: base, input };
  const head = builder.layer("embed_out", "Linear(hidden_size, vocab_size, bias=False)", ["vocab_size"]);
  const tied = config.flag("tie_word_embeddings", false);
  return { layers: [builder.module("gpt_neox", base, ["model_type"]), head], ...(tied ? { tie: { "embed_out.weight": "gpt_neox.embed_in.weight" } } : {}), input };
}

export const GPT_NEOX: Family = { modelTypes: ["gpt_neox"], classes: () => ["GPTNeoXForCausalLM", "GPTNeoXModel"], translate };
