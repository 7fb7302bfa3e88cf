/**
 * GPT-2 as transformers' modeling_gpt2.py builds it. Its Conv1D layers hold the same counts and do
 * the same products as Linear(in, out), which is what the spec writes: their checkpoint weights are
 * stored transposed, [in, out].
 */
import { activation, labelCount, pythonFloat, sequenceLength, type Family, type Translation } from "./common.js";
import type { ConfigReader } from "./config-reader.js";
import type { SpecBuilder, SpecEntry } from "./spec-builder.js";

function block(config: ConfigReader, builder: SpecBuilder, layers: number): SpecEntry {
  const eps = pythonFloat(config.number("layer_norm_epsilon", 1e-5));
  const attentionDropout = pythonFloat(config.number("attn_pdrop", 0.1));
  const residualDropout = pythonFloat(config.number("resid_pdrop", 0.1));
  const norm = (name: string) => builder.layer(name, `LayerNorm(n_embd, eps=${eps})`, ["layer_norm_epsilon"]);
  const attention = builder.module(
    "attn",
    [
      builder.layer("c_attn", "Linear(n_embd, 3 * n_embd)", ["n_embd"]),
      builder.layer("c_proj", "Linear(n_embd, n_embd)", ["n_embd"]),
      builder.layer("attn_dropout", `Dropout(${attentionDropout})`, ["attn_pdrop"]),
      builder.layer("resid_dropout", `Dropout(${residualDropout})`, ["resid_pdrop"]),
    ],
    ["n_head"],
    { forward: [`attention(c_attn, heads=n_head, causal=True, dropout=${attentionDropout})`, "c_proj", "resid_dropout"] },
  );
  const mlp = builder.module(
    "mlp",
    [
      builder.layer("c_fc", "Linear(n_embd, n_inner)", ["n_inner"]),
      builder.layer("c_proj", "Linear(n_inner, n_embd)", ["n_inner"]),
      builder.layer("act", activation(config, "activation_function", "gelu_new"), ["activation_function"]),
      builder.layer("dropout", `Dropout(${residualDropout})`, ["resid_pdrop"]),
    ],
    ["n_inner"],
    { forward: ["c_fc", "act", "c_proj", "dropout"] },
  );
  return builder.module("h", [norm("ln_1"), attention, norm("ln_2"), mlp], ["n_layer"], { repeat: layers, forward: ["residual(ln_1, attn)", "residual(ln_2, mlp)"] });
}

function translate(config: ConfigReader, architecture: string): Translation {
  const builder = config.builder;
  const width = config.size("n_embd", "the model width");
  const heads = config.size("n_head", "the number of attention heads");
  config.divisible("n_embd", width, "n_head", heads);
  const layers = config.size("n_layer", "the number of blocks");
  config.size("n_positions", "the context length");
  config.size("vocab_size", "the vocabulary size");
  if (config.has("n_inner")) config.size("n_inner", "the MLP's width");
  else builder.variable("n_inner", "4 * n_embd", ["n_embd"]);
  const eps = pythonFloat(config.number("layer_norm_epsilon", 1e-5));
  const base = [
    builder.layer("wte", "Embedding(vocab_size, n_embd)", ["vocab_size"]),
    builder.layer("wpe", "Embedding(n_positions, n_embd)", ["n_positions"]),
    builder.layer("drop", `Dropout(${pythonFloat(config.number("embd_pdrop", 0.1))})`, ["embd_pdrop"]),
    block(config, builder, layers),
    builder.layer("ln_f", `LayerNorm(n_embd, eps=${eps})`, ["layer_norm_epsilon"]),
  ];
  const forward = ["wte", "add(wpe)", "drop", "h", "ln_f"];
  const input = sequenceLength(config, "n_positions");
  if (architecture === "GPT2Model") return { layers: base, forward, input };
  const transformer = builder.module("transformer", base, ["model_type"], { forward });
  if (architecture === "GPT2ForSequenceClassification") {
    labelCount(config);
    return {
      layers: [transformer, builder.layer("score", "Linear(n_embd, num_labels, bias=False)", ["num_labels"])],
      input: { notFollowed: "the classification head pools the last token, which the forward ops do not express" },
    };
  }
  const tied = config.flag("tie_word_embeddings", true);
  return {
    layers: [transformer, builder.layer("lm_head", "Linear(n_embd, vocab_size, bias=False)", ["vocab_size"])],
    ...(tied ? { tie: { "lm_head.weight": "transformer.wte.weight" } } : {}),
    input,
  };
}

export const GPT2: Family = {
  modelTypes: ["gpt2"],
  classes: () => ["GPT2LMHeadModel", "GPT2Model", "GPT2ForSequenceClassification"],
  translate,
};
