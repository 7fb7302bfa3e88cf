import { activation, attentionSizes, headOf, labelCount, pythonFloat, sequenceLength, type Translation } from "./common.js";
import type { ConfigReader } from "./config-reader.js";
import type { SpecBuilder, SpecEntry } from "./spec-builder.js";

/** How one decoder-only family differs from Llama, as its modeling_*.py builds it. */
export interface DecoderStyle {
  /** The class-name prefix: Llama for LlamaModel, LlamaForCausalLM, ... */
  prefix: string;
  /** transformers' default for tie_word_embeddings in this family's config class. */
  tiedByDefault: boolean;
  /** The norm layers' call for a width expression: RMSNorm, LayerNorm, or a parameter-free LayerNorm. */
  norm: (width: string) => string;
  /** Key and value projections' bias, the output projection's bias. */
  biases: (config: ConfigReader) => { qkv: boolean; o: boolean };
  mlp: "gated" | "plain" | "fused";
  /** Phi-3's one qkv_proj instead of q/k/v. */
  fusedQkv?: boolean;
  /** Norms of q and k: per head (Qwen3) or over the whole projection (OLMo 2). */
  qkNorm?: "head" | "full";
  /** The norms around each sublayer: pre (Llama), sandwich (Gemma 2: pre and post), post only (OLMo 2). */
  layerNorms?: "pre" | "sandwich" | "post";
  /** The name of the module `moe` makes, which the layer's forward calls in the MLP's place. */
  moeName?: string;
  /** Why the forward pass is not followed for this family, when it is not. */
  noForward?: (config: ConfigReader) => string | undefined;
  /** The MLP of layer `index` when it is not the family's dense one (mixture-of-experts layers). */
  moe?: (config: ConfigReader, builder: SpecBuilder) => SpecEntry[] | undefined;
}

const bias = (on: boolean) => (on ? "True" : "False");

function attentionLayers(config: ConfigReader, style: DecoderStyle, builder: SpecBuilder): SpecEntry {
  const { qkv, o } = style.biases(config);
  const linear = (name: string, from: string, to: string, on: boolean, key: string) => builder.layer(name, `Linear(${from}, ${to}, bias=${bias(on)})`, [key]);
  const projections = style.fusedQkv
    ? [linear("qkv_proj", "hidden_size", "(num_attention_heads + 2 * num_key_value_heads) * head_dim", qkv, "num_attention_heads")]
    : [
        linear("q_proj", "hidden_size", "num_attention_heads * head_dim", qkv, "num_attention_heads"),
        linear("k_proj", "hidden_size", "num_key_value_heads * head_dim", qkv, "num_key_value_heads"),
        linear("v_proj", "hidden_size", "num_key_value_heads * head_dim", qkv, "num_key_value_heads"),
      ];
  const layers = [...projections, linear("o_proj", "num_attention_heads * head_dim", "hidden_size", o, "num_attention_heads")];
  if (style.qkNorm === "head") layers.push(builder.layer("q_norm", style.norm("head_dim"), ["head_dim"]), builder.layer("k_norm", style.norm("head_dim"), ["head_dim"]));
  if (style.qkNorm === "full")
    layers.push(
      builder.layer("q_norm", style.norm("num_attention_heads * head_dim"), ["num_attention_heads"]),
      builder.layer("k_norm", style.norm("num_key_value_heads * head_dim"), ["num_key_value_heads"]),
    );
  const dropout = config.number("attention_dropout", 0);
  const attention = `attention(q_proj, k_proj, v_proj, heads=num_attention_heads, kv_heads=num_key_value_heads, causal=True${dropout ? `, dropout=${pythonFloat(dropout)}` : ""}, rope=True)`;
  return builder.module("self_attn", layers, ["num_attention_heads"], { forward: [attention, "o_proj"] });
}

/** The dense MLP of `width` (a var naming the intermediate size). */
export function denseMlp(config: ConfigReader, style: DecoderStyle, builder: SpecBuilder, name: string, width: string, key: string): SpecEntry {
  const on = bias(config.flag("mlp_bias", false));
  const act = builder.layer("act_fn", activation(config, config.has("hidden_activation") ? "hidden_activation" : "hidden_act", "silu"), ["hidden_act"]);
  if (style.mlp === "plain") {
    const useBias = bias(config.flag("use_bias", true));
    const layers = [
      builder.layer("c_fc", `Linear(hidden_size, ${width}, bias=${useBias})`, [key]),
      builder.layer("c_proj", `Linear(${width}, hidden_size, bias=${useBias})`, [key]),
      act,
    ];
    return builder.module(name, layers, [key], { forward: ["c_fc", "act_fn", "c_proj"] });
  }
  if (style.mlp === "fused") {
    const layers = [
      builder.layer("gate_up_proj", `Linear(hidden_size, 2 * ${width}, bias=False)`, [key]),
      builder.layer("down_proj", `Linear(${width}, hidden_size, bias=False)`, [key]),
      act,
    ];
    return builder.module(name, layers, [key]);
  }
  const layers = [
    builder.layer("gate_proj", `Linear(hidden_size, ${width}, bias=${on})`, [key]),
    builder.layer("up_proj", `Linear(hidden_size, ${width}, bias=${on})`, [key]),
    builder.layer("down_proj", `Linear(${width}, hidden_size, bias=${on})`, [key]),
    act,
  ];
  return builder.module(name, layers, [key], { forward: ["gated(gate_proj, up_proj, act_fn)", "down_proj"] });
}

/** One decoder layer's norms in registration order, and its forward. */
function layerNorms(style: DecoderStyle, builder: SpecBuilder): { norms: SpecEntry[]; forward: string[] } {
  const norm = (name: string) => builder.layer(name, style.norm("hidden_size"), ["hidden_size"]);
  if (style.layerNorms === "post")
    return {
      norms: [norm("post_attention_layernorm"), norm("post_feedforward_layernorm")],
      forward: ["residual(self_attn, post_attention_layernorm)", "residual(mlp, post_feedforward_layernorm)"],
    };
  if (style.layerNorms === "sandwich")
    return {
      norms: [norm("input_layernorm"), norm("post_attention_layernorm"), norm("pre_feedforward_layernorm"), norm("post_feedforward_layernorm")],
      forward: ["residual(input_layernorm, self_attn, post_attention_layernorm)", "residual(pre_feedforward_layernorm, mlp, post_feedforward_layernorm)"],
    };
  return { norms: [norm("input_layernorm"), norm("post_attention_layernorm")], forward: ["residual(input_layernorm, self_attn)", "residual(post_attention_layernorm, mlp)"] };
}

function decoderLayers(config: ConfigReader, style: DecoderStyle, builder: SpecBuilder, layers: number): SpecEntry {
  const mlp = style.moe?.(config, builder) ?? [denseMlp(config, style, builder, "mlp", "intermediate_size", "intermediate_size")];
  if (!style.moe) config.size("intermediate_size", "the MLP's width");
  const { norms, forward: steps } = layerNorms(style, builder);
  const forward = style.moeName ? steps.map((step) => step.replace(/\bmlp\b/, style.moeName!)) : steps;
  return builder.module("layers", [attentionLayers(config, style, builder), ...mlp, ...norms], ["num_hidden_layers"], { repeat: layers, forward });
}

/** The base model's children: embeddings, the layers, the final norm, the rotary embedding's buffer. */
function baseModel(config: ConfigReader, style: DecoderStyle, builder: SpecBuilder): SpecEntry[] {
  config.size("vocab_size", "the vocabulary size");
  const layers = config.size("num_hidden_layers", "the number of decoder layers");
  const partial = config.number("partial_rotary_factor", 1);
  const rotary = partial === 1 ? "head_dim // 2" : `floor(head_dim * ${pythonFloat(partial)}) // 2`;
  return [
    builder.layer("embed_tokens", "Embedding(vocab_size, hidden_size)", ["vocab_size"]),
    decoderLayers(config, style, builder, layers),
    builder.layer("norm", style.norm("hidden_size"), ["hidden_size"]),
    builder.module("rotary_emb", [builder.layer("inv_freq", `Buffer(${rotary}, persistent=False)`, ["head_dim"])], ["head_dim"]),
  ];
}

/** The supported classes of a decoder family. */
export const decoderClasses = (prefix: string) => [`${prefix}ForCausalLM`, `${prefix}Model`, `${prefix}ForSequenceClassification`];

/** A decoder-only model (Llama and its relatives) as the class `architecture` builds it. */
export function translateDecoder(config: ConfigReader, style: DecoderStyle, architecture: string): Translation {
  const builder = config.builder;
  attentionSizes(config, builder);
  const base = baseModel(config, style, builder);
  const head = headOf(architecture, style.prefix);
  const notFollowed =
    style.noForward?.(config) ?? (head === "ForSequenceClassification" ? "the classification head pools the last token, which the forward ops do not express" : undefined);
  const input = notFollowed ? { notFollowed } : sequenceLength(config, "max_position_embeddings");
  const modelForward = ["embed_tokens", "layers", "norm"];
  if (head === "Model") return { layers: base, forward: modelForward, input };
  const model = builder.module("model", base, ["model_type"], { forward: modelForward });
  if (head === "ForSequenceClassification") {
    labelCount(config);
    return { layers: [model, builder.layer("score", "Linear(hidden_size, num_labels, bias=False)", ["num_labels"])], input };
  }
  const tied = config.flag("tie_word_embeddings", style.tiedByDefault);
  const lmHead = builder.layer("lm_head", "Linear(hidden_size, vocab_size, bias=False)", ["vocab_size"]);
  return { layers: [model, lmHead], ...(tied ? { tie: { "lm_head.weight": "model.embed_tokens.weight" } } : {}), input };
}

/**
 * The RMSNorm over `width` with the config's epsilon, as transformers runs it: LlamaRMSNorm (and
 * Mistral's, Qwen2's, Qwen3's, Mixtral's, DeepseekV2's, the same code) upcasts to float32 and keeps
 * more for backward than torch.nn.RMSNorm's fused kernel. `type` names another class for a family
 * whose norm is not that one and whose forward is not followed (Gemma's 1 + weight).
 */
export const rmsNorm = (config: ConfigReader, epsKey: string, fallback: number, type: "LlamaRMSNorm" | "RMSNorm" = "LlamaRMSNorm") => {
  const eps = pythonFloat(config.number(epsKey, fallback));
  return (width: string) => (type === "LlamaRMSNorm" ? `LlamaRMSNorm(${width}, eps=${eps})` : `RMSNorm((${width},), eps=${eps})`);
};

/** LayerNorm over `width`, with the config's epsilon; without weight and bias (OLMo's) when `affine` is false. */
export const layerNorm = (config: ConfigReader, epsKey: string, fallback: number, affine = true) => {
  const eps = pythonFloat(config.number(epsKey, fallback));
  return (width: string) => `LayerNorm((${width},), eps=${eps}${affine ? "" : ", elementwise_affine=False"})`;
};
