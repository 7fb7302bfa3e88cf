/**
 * Mixtral and Qwen2-MoE, as transformers' 4.4x modeling files build them (the module names of the
 * published checkpoints): experts as module lists, counted exactly, and routed by the moe op to
 * num_experts_per_tok of them per token, beside Qwen2-MoE's shared expert scaled by its sigmoid gate.
 */
import { activation, type Family } from "./common.js";
import type { ConfigReader } from "./config-reader.js";
import { decoderClasses, denseMlp, rmsNorm, translateDecoder, type DecoderStyle } from "./decoder.js";
import type { SpecBuilder, SpecEntry } from "./spec-builder.js";

function mixtralBlock(config: ConfigReader, builder: SpecBuilder): SpecEntry[] {
  config.size("intermediate_size", "each expert's width");
  const experts = config.size("num_local_experts", "the number of experts");
  // MixtralConfig's default: two experts per token.
  const topK = config.size("num_experts_per_tok", "the experts each token is routed to", 2);
  if (topK > experts) throw config.bad("num_experts_per_tok", `is more than the ${experts} experts`, "route each token to at most num_local_experts experts");
  const expert = [
    builder.layer("w1", "Linear(hidden_size, intermediate_size, bias=False)", ["intermediate_size"]),
    builder.layer("w2", "Linear(intermediate_size, hidden_size, bias=False)", ["intermediate_size"]),
    builder.layer("w3", "Linear(hidden_size, intermediate_size, bias=False)", ["intermediate_size"]),
    builder.layer("act_fn", activation(config, "hidden_act", "silu"), ["hidden_act"]),
  ];
  const layers = [
    builder.layer("gate", "Linear(hidden_size, num_local_experts, bias=False)", ["num_local_experts"]),
    builder.module("experts", expert, ["num_local_experts"], { repeat: "num_local_experts", top_k: "num_experts_per_tok", forward: ["gated(w1, w3, act_fn)", "w2"] }),
  ];
  return [builder.module("block_sparse_moe", layers, ["num_local_experts"], { forward: ["moe(gate, experts)"] })];
}

/** Which layers Qwen2MoeDecoderLayer makes sparse: not in mlp_only_layers, and every decoder_sparse_step-th. */
function qwenSparseCondition(config: ConfigReader): string {
  const listed = config.data.mlp_only_layers ?? [];
  if (!Array.isArray(listed) || !listed.every((item) => Number.isSafeInteger(item)))
    throw config.bad("mlp_only_layers", "is not a list of layer numbers", "write it as a JSON list of integers, such as [0, 1]");
  const step = config.size("decoder_sparse_step", "how often a layer is sparse", 1);
  const experts = config.size("num_experts", "the number of experts", undefined, 0);
  // Qwen2MoeConfig's default: four experts per token.
  if (experts > 0 && config.size("num_experts_per_tok", "the experts each token is routed to", 4) > experts)
    throw config.bad("num_experts_per_tok", `is more than the ${experts} experts`, "route each token to at most num_experts experts");
  const dense = (listed as number[]).map((layer) => `index != ${layer}`);
  return [...dense, ...(step === 1 ? [] : ["(index + 1) % decoder_sparse_step == 0"]), ...(experts === 0 ? ["False"] : [])].join(" and ") || "True";
}

function qwenMoeBlock(config: ConfigReader, style: DecoderStyle, builder: SpecBuilder): SpecEntry[] {
  const sparse = qwenSparseCondition(config);
  config.size("intermediate_size", "the dense layers' MLP width");
  config.size("moe_intermediate_size", "each expert's width");
  config.size("shared_expert_intermediate_size", "the shared expert's width");
  const expert = denseMlp(config, style, builder, "experts", "moe_intermediate_size", "moe_intermediate_size");
  Object.assign(expert.experts as Record<string, unknown>, { repeat: "num_experts", top_k: "num_experts_per_tok" });
  const layers = [
    builder.layer("gate", "Linear(hidden_size, num_experts, bias=False)", ["num_experts"]),
    expert,
    denseMlp(config, style, builder, "shared_expert", "shared_expert_intermediate_size", "shared_expert_intermediate_size"),
    builder.layer("shared_expert_gate", "Linear(hidden_size, 1, bias=False)", ["shared_expert_intermediate_size"]),
  ];
  const moe = builder.module("mlp", layers, ["num_experts"], { if: sparse, forward: ["moe(gate, experts, shared=shared_expert, shared_gate=shared_expert_gate)"] });
  if (sparse === "True") return [moe];
  const dense = denseMlp(config, style, builder, "mlp", "intermediate_size", "intermediate_size");
  (dense.mlp as Record<string, unknown>).if = `not (${sparse})`;
  return [moe, dense];
}

const STYLES: Readonly<Record<string, (config: ConfigReader) => DecoderStyle>> = {
  mixtral: (config) => ({
    prefix: "Mixtral",
    tiedByDefault: false,
    norm: rmsNorm(config, "rms_norm_eps", 1e-5),
    biases: () => ({ qkv: false, o: false }),
    mlp: "gated",
    moe: (reader, builder) => mixtralBlock(reader, builder),
    moeName: "block_sparse_moe",
  }),
  qwen2_moe: (config) => {
    const style: DecoderStyle = {
      prefix: "Qwen2Moe",
      tiedByDefault: false,
      norm: rmsNorm(config, "rms_norm_eps", 1e-6),
      biases: () => ({ qkv: true, o: false }),
      mlp: "gated",
    };
    return { ...style, moe: (reader, builder) => qwenMoeBlock(reader, style, builder) };
  },
};

const PREFIXES: Readonly<Record<string, string>> = { mixtral: "Mixtral", qwen2_moe: "Qwen2Moe" };

export const MIXTURE_OF_EXPERTS: Family = {
  modelTypes: Object.keys(STYLES),
  classes: (modelType) => decoderClasses(PREFIXES[modelType]!),
  translate: (config, architecture) => translateDecoder(config, STYLES[config.string("model_type", "")]!(config), architecture),
};
