import type { LayerArguments, LayerDefinition } from "./arguments.js";
import { FACTORY_KWARGS, positive } from "./common.js";
import type { ForwardResult, Saved, TensorSpec } from "./types.js";

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
    ...(addBiasKv
      ? [
          { name: "bias_k", shape: [1, 1, embedDim] },
          { name: "bias_v", shape: [1, 1, embedDim] },
        ]
      : []),
    { name: "out_proj.weight", shape: [embedDim, embedDim] },
    ...(bias ? [{ name: "out_proj.bias", shape: [embedDim] }] : []),
  ];
}

/**
 * softmax(Q·Kᵀ/√d)·V over `heads` heads: the two products' MACs (fvcore counts both), and what
 * autograd keeps of the scores: the softmax output, and with dropout its mask and output.
 * The attention(...) op and MultiheadAttention both report through this.
 */
export function scaledDotProduct(batch: number, heads: number, queries: number, keys: number, headDim: number, dropout: boolean): { macs: number; saves: Saved[] } {
  const scores = batch * heads * queries * keys;
  const kept: Saved[] = [{ elements: scores, dtype: "activation", attention: true }];
  if (dropout) kept.push({ elements: scores, dtype: "bool", attention: true }, { elements: scores, dtype: "activation", attention: true });
  return { macs: 2 * scores * headDim, saves: kept };
}

/** One MultiheadAttention call, batch first, as F.multi_head_attention_forward computes it in training. */
export interface AttentionCall {
  batch: number;
  queries: number;
  /** Key and value positions, before add_bias_kv and add_zero_attn append theirs. */
  keys: number;
  embedDim: number;
  heads: number;
  kdim: number;
  vdim: number;
  dropout: number;
  extraKeys: number;
}

/**
 * MACs and kept tensors of a call, but for its inputs (the caller knows whether key and value are
 * the query or another tensor): the in-projections' products Q, K and V (PyTorch 1.13 copies each
 * to a contiguous tensor, and keeps the scaled Q rather than Q), the scores, and out_proj's input.
 */
export function attend({
  batch,
  queries,
  keys,
  embedDim,
  heads,
  kdim,
  vdim,
  dropout,
  extraKeys,
}: AttentionCall): Required<Pick<ForwardResult, "macs" | "attentionMacs" | "saves">> {
  const [q, k] = [batch * queries, batch * (keys + extraKeys)];
  const products = scaledDotProduct(batch, heads, queries, keys + extraKeys, embedDim / heads, dropout > 0);
  const projections = (2 * q * embedDim + batch * keys * (kdim + vdim)) * embedDim;
  return {
    macs: projections + products.macs,
    attentionMacs: products.macs,
    saves: [...[q, k, k, q].map((rows): Saved => ({ elements: rows * embedDim, dtype: "activation" })), ...products.saves],
  };
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
  /**
   * `mha(x, x, x)` when kdim and vdim are embed_dim (self-attention). Otherwise key and value are
   * other tensors, one of kdim and one of vdim features at the query's positions, which the call
   * keeps for their projections' backward. Of the (output, weights) pair, the output.
   */
  forward(args, input) {
    const embedDim = args.int("embed_dim");
    if (input.shape.length !== 3 || input.shape[2] !== embedDim) input.mismatch("embed_dim", `a 3-d input of ${embedDim} features`);
    const batchFirst = args.bool("batch_first");
    const [batch, queries] = batchFirst ? [input.shape[0]!, input.shape[1]!] : [input.shape[1]!, input.shape[0]!];
    const features = (name: string) => (args.isNone(name) ? embedDim : args.int(name));
    const [kdim, vdim] = [features("kdim"), features("vdim")];
    const call = attend({
      batch,
      queries,
      keys: queries,
      embedDim,
      heads: args.int("num_heads"),
      kdim,
      vdim,
      dropout: args.float("dropout"),
      extraKeys: Number(args.bool("add_bias_kv")) + Number(args.bool("add_zero_attn")),
    });
    const others: Saved[] = kdim === embedDim && vdim === embedDim ? [] : [kdim, vdim].map((width) => ({ elements: batch * queries * width, dtype: "activation" }));
    return { output: [...input.shape], ...call, saves: ["input", ...others, ...call.saves] };
  },
};

export const attentionLayers: LayerDefinition[] = [multiheadAttention];
