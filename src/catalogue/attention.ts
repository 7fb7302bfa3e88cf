import type { LayerArguments } from "./arguments.js";
import { FACTORY_KWARGS, positive } from "./common.js";
import type { LayerDefinition, TensorSpec } from "./types.js";

/** What a MultiheadAttention's tensors depend on; the Transformer layers build theirs from their own arguments. */
export interface AttentionShape {
  embedDim: number;
  kdim: number;
  vdim: number;
  bias: boolean;
  addBiasKv: boolean;
}

/** `embed_dim` (or the caller's name for it), checked to split evenly across the heads. */
export function headedEmbedding(args: LayerArguments, embedName: string, headsName: string): number {
  const embedDim = positive(args, embedName);
  const heads = positive(args, headsName);
  if (embedDim % heads !== 0) {
    const lower = embedDim - (embedDim % heads);
    const multiples = lower > 0 ? `${lower} or ${lower + heads}` : `${heads}`;
    args.fail(
      headsName,
      `${args.type} needs '${embedName}' divisible by '${headsName}', got ${embedName}=${embedDim} with ${headsName}=${heads}`,
      `each head takes ${embedName} / ${headsName} features: make ${embedName} a multiple of ${heads} (such as ${multiples}), or ${headsName} a divisor of ${embedDim}`,
    );
  }
  return embedDim;
}

/** A dropout rate, refused outside [0, 1] as torch.nn.functional.dropout refuses it. */
export function checkDropout(args: LayerArguments, name: string): void {
  const rate = args.float(name);
  if (rate < 0 || rate > 1) args.fail(name, `${args.type} needs '${name}' between 0 and 1, got ${rate}`, `it is the probability of zeroing an element`);
}

/**
 * Parameters in MultiheadAttention's registration order: the input projections (one packed matrix when
 * keys and values have embed_dim features, three otherwise), their bias, then bias_k and bias_v, which
 * are registered after out_proj but, being the module's own parameters, are listed before it.
 */
export function attentionTensors({ embedDim, kdim, vdim, bias, addBiasKv }: AttentionShape): TensorSpec[] {
  const projections =
    kdim === embedDim && vdim === embedDim
      ? [{ name: "in_proj_weight", shape: [3 * embedDim, embedDim] }]
      : [
          { name: "q_proj_weight", shape: [embedDim, embedDim] },
          { name: "k_proj_weight", shape: [embedDim, kdim] },
          { name: "v_proj_weight", shape: [embedDim, vdim] },
        ];
  return [
    ...projections,
    ...(bias ? [{ name: "in_proj_bias", shape: [3 * embedDim] }] : []),
    ...(addBiasKv ? [{ name: "bias_k", shape: [1, 1, embedDim] }, { name: "bias_v", shape: [1, 1, embedDim] }] : []),
    { name: "out_proj.weight", shape: [embedDim, embedDim] },
    ...(bias ? [{ name: "out_proj.bias", shape: [embedDim] }] : []),
  ];
}

const multiheadAttention: LayerDefinition = {
  type: "MultiheadAttention",
  signature: [
    { name: "embed_dim", type: "int" },
    { name: "num_heads", type: "int" },
    { name: "dropout", type: "float", default: 0 },
    { name: "bias", type: "bool", default: true },
    { name: "add_bias_kv", type: "bool", default: false },
    { name: "add_zero_attn", type: "bool", default: false },
    { name: "kdim", type: "int", default: null },
    { name: "vdim", type: "int", default: null },
    { name: "batch_first", type: "bool", default: false },
    ...FACTORY_KWARGS,
  ],
  tensors(args) {
    const embedDim = headedEmbedding(args, "embed_dim", "num_heads");
    checkDropout(args, "dropout");
    const featuresOf = (name: string) => (args.isNone(name) ? embedDim : positive(args, name));
    const parameters = attentionTensors({
      embedDim,
      kdim: featuresOf("kdim"),
      vdim: featuresOf("vdim"),
      bias: args.bool("bias"),
      addBiasKv: args.bool("add_bias_kv"),
    });
    return { parameters, buffers: [] };
  },
};

export const attentionLayers: LayerDefinition[] = [multiheadAttention];
