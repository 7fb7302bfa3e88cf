/**
 * DeepSeek-V2 and V3 as their modeling_deepseek.py (the checkpoints' own code) builds them: multi-head
 * latent attention with low-rank q (q_lora_rank) and kv (kv_lora_rank) projections, dense layers up to
 * first_k_dense_replace, then routed experts, a gate and shared experts. Parameters are exact; the
 * forward (latent attention, routing) is not followed, and the rotary caches are not listed.
 */
import { activation, headOf, type Family, type Translation } from "./common.js";
import type { ConfigReader } from "./config-reader.js";
import { rmsNorm } from "./decoder.js";
import type { SpecBuilder, SpecEntry } from "./spec-builder.js";

function latentAttention(config: ConfigReader, builder: SpecBuilder, norm: (width: string) => string): SpecEntry {
  config.size("num_attention_heads", "the number of attention heads");
  for (const [key, what] of [
    ["kv_lora_rank", "the rank of the key/value projection"],
    ["qk_nope_head_dim", "the non-rotary part of a query head"],
    ["qk_rope_head_dim", "the rotary part of a query head"],
    ["v_head_dim", "the width of a value head"],
  ] as const)
    config.size(key, what);
  builder.variable("q_head_dim", "qk_nope_head_dim + qk_rope_head_dim", ["qk_nope_head_dim"]);
  const bias = config.flag("attention_bias", false) ? "True" : "False";
  const lowRankQ = config.has("q_lora_rank");
  if (lowRankQ) config.size("q_lora_rank", "the rank of the query projection");
  const query = lowRankQ
    ? [
        builder.layer("q_a_proj", `Linear(hidden_size, q_lora_rank, bias=${bias})`, ["q_lora_rank"]),
        builder.layer("q_a_layernorm", norm("q_lora_rank"), ["q_lora_rank"]),
        builder.layer("q_b_proj", "Linear(q_lora_rank, num_attention_heads * q_head_dim, bias=False)", ["q_lora_rank"]),
      ]
    : [builder.layer("q_proj", "Linear(hidden_size, num_attention_heads * q_head_dim, bias=False)", ["q_lora_rank"])];
  const layers = [
    ...query,
    builder.layer("kv_a_proj_with_mqa", `Linear(hidden_size, kv_lora_rank + qk_rope_head_dim, bias=${bias})`, ["kv_lora_rank"]),
    builder.layer("kv_a_layernorm", norm("kv_lora_rank"), ["kv_lora_rank"]),
    builder.layer("kv_b_proj", "Linear(kv_lora_rank, num_attention_heads * (qk_nope_head_dim + v_head_dim), bias=False)", ["kv_lora_rank"]),
    builder.layer("o_proj", `Linear(num_attention_heads * v_head_dim, hidden_size, bias=${bias})`, ["v_head_dim"]),
  ];
  return builder.module("self_attn", layers, ["kv_lora_rank"]);
}

function gatedMlp(config: ConfigReader, builder: SpecBuilder, name: string, width: string, key: string, keys: Record<string, unknown> = {}): SpecEntry {
  const layers = [
    builder.layer("gate_proj", `Linear(hidden_size, ${width}, bias=False)`, [key]),
    builder.layer("up_proj", `Linear(hidden_size, ${width}, bias=False)`, [key]),
    builder.layer("down_proj", `Linear(${width}, hidden_size, bias=False)`, [key]),
    builder.layer("act_fn", activation(config, "hidden_act", "silu"), ["hidden_act"]),
  ];
  return builder.module(name, layers, [key], keys);
}

/** DeepseekV2MoE: experts, the gate's weight (and V3's score correction bias), shared experts. */
function mixture(config: ConfigReader, builder: SpecBuilder, condition: string): SpecEntry {
  config.size("moe_intermediate_size", "each expert's width");
  const gate = [builder.layer("weight", "Parameter(n_routed_experts, hidden_size)", ["n_routed_experts"])];
  if (config.string("topk_method", "greedy") === "noaux_tc") gate.push(builder.layer("e_score_correction_bias", "Parameter(n_routed_experts)", ["topk_method"]));
  const layers = [
    gatedMlp(config, builder, "experts", "moe_intermediate_size", "moe_intermediate_size", { repeat: "n_routed_experts" }),
    builder.module("gate", gate, ["n_routed_experts"]),
  ];
  if (config.has("n_shared_experts")) {
    config.size("n_shared_experts", "the number of shared experts");
    layers.push(gatedMlp(config, builder, "shared_experts", "moe_intermediate_size * n_shared_experts", "n_shared_experts"));
  }
  return builder.module("mlp", layers, ["n_routed_experts"], { if: condition });
}

function decoderLayer(config: ConfigReader, builder: SpecBuilder, norm: (width: string) => string): SpecEntry {
  const layers = config.size("num_hidden_layers", "the number of decoder layers");
  config.size("intermediate_size", "the dense layers' MLP width");
  const mlps: SpecEntry[] = [];
  if (config.has("n_routed_experts")) {
    config.size("n_routed_experts", "the number of routed experts");
    config.size("first_k_dense_replace", "the number of dense layers before the experts", 0, 0);
    config.size("moe_layer_freq", "how often a layer has experts", 1);
    const condition = "index >= first_k_dense_replace and index % moe_layer_freq == 0";
    mlps.push(mixture(config, builder, condition), gatedMlp(config, builder, "mlp", "intermediate_size", "intermediate_size", { if: `not (${condition})` }));
  } else mlps.push(gatedMlp(config, builder, "mlp", "intermediate_size", "intermediate_size"));
  const entries = [
    latentAttention(config, builder, norm),
    ...mlps,
    builder.layer("input_layernorm", norm("hidden_size"), ["hidden_size"]),
    builder.layer("post_attention_layernorm", norm("hidden_size"), ["hidden_size"]),
  ];
  return builder.module("layers", entries, ["num_hidden_layers"], { repeat: layers });
}

function translate(config: ConfigReader, architecture: string): Translation {
  const builder = config.builder;
  const norm = rmsNorm(config, "rms_norm_eps", 1e-6);
  config.size("vocab_size", "the vocabulary size");
  config.size("hidden_size", "the model width");
  const base = [
    builder.layer("embed_tokens", "Embedding(vocab_size, hidden_size)", ["vocab_size"]),
    decoderLayer(config, builder, norm),
    builder.layer("norm", norm("hidden_size"), ["hidden_size"]),
  ];
  const input = { notFollowed: "multi-head latent attention and routed experts are not expressed by the forward ops yet" };
  if (headOf(architecture, architecture.startsWith("DeepseekV3") ? "DeepseekV3" : "DeepseekV2") === "Model") return { layers: base, input };
  const model = builder.module("model", base, ["model_type"]);
  const lmHead = builder.layer("lm_head", "Linear(hidden_size, vocab_size, bias=False)", ["vocab_size"]);
  const tied = config.flag("tie_word_embeddings", false);
  return { layers: [model, lmHead], ...(tied ? { tie: { "lm_head.weight": "model.embed_tokens.weight" } } : {}), input };
}

export const DEEPSEEK: Family = {
  modelTypes: ["deepseek_v2", "deepseek_v3"],
  classes: (modelType) => (modelType === "deepseek_v3" ? ["DeepseekV3ForCausalLM", "DeepseekV3Model"] : ["DeepseekV2ForCausalLM", "DeepseekV2Model"]),
  translate,
};
