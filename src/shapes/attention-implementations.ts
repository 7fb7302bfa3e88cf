/**
 * What autograd keeps of one attention call in training, by implementation, as Hugging Face
 * transformers 5 runs it: docs/shapes.md, "Attention implementations". Measured on small configs
 * by test/fixtures/pytorch/hf_activations.py.
 */
import type { Saved } from "../catalogue/index.js";
import { didYouMean } from "../diagnostics/index.js";
import type { Tensor } from "./types.js";

/**
 * transformers' `attn_implementation`: sdpa (torch's scaled_dot_product_attention, the default of
 * transformers 5), eager (its eager_attention_forward), flash (flash-attention 2, or SDPA's flash kernel).
 */
export const ATTENTION_IMPLEMENTATIONS = ["sdpa", "eager", "flash"] as const;
export type AttentionImplementation = (typeof ATTENTION_IMPLEMENTATIONS)[number];

/** The implementation a `training:` section, a flag or an op's `attention=` names, or why it is not one. */
export function attentionImplementation(text: string): { value: AttentionImplementation } | { problem: string; hint: string } {
  if ((ATTENTION_IMPLEMENTATIONS as readonly string[]).includes(text)) return { value: text as AttentionImplementation };
  return { problem: `unknown attention implementation '${text}'`, hint: didYouMean(text, ATTENTION_IMPLEMENTATIONS) ?? `use one of ${ATTENTION_IMPLEMENTATIONS.join(", ")}` };
}

/** The part of the inference an attention call keeps tensors through. */
export interface Keeper {
  fresh(shape: number[], producer: string, elementBytes?: number): Tensor;
  keep(saves: readonly Saved[], input: Tensor, output: Tensor): { bytes: number; attention: number };
}

export interface AttentionCall {
  implementation: AttentionImplementation;
  batch: number;
  heads: number;
  kvHeads: number;
  sequence: number;
  /** Key positions: the sequence, or a cross-attention's kv= length. */
  keys: number;
  headDim: number;
  causal: boolean;
  dropout: number;
  /** Rotary position embedding applied to the queries and keys (LlamaRotaryEmbedding, apply_rotary_pos_emb). */
  rope: boolean;
  producer: string;
}

/** The rotary cos and sin of each inference: LlamaModel computes them once per forward and every layer keeps the same two tensors. */
const ROTARY = new WeakMap<Keeper, Map<string, Tensor[]>>();

/**
 * q·cos + rotate_half(q)·sin keeps cos and sin (for q's gradient; the rotation's slices, negation
 * and cat keep nothing), [1, S, head_dim] each in the activations' dtype, shared by every layer;
 * the rotated queries and keys are new tensors.
 */
function rotated(keeper: Keeper, call: AttentionCall, q: Tensor, k: Tensor): { q: Tensor; k: Tensor; bytes: number } {
  const key = `${call.sequence}×${call.headDim}×${q.elementBytes}`;
  const shared = ROTARY.get(keeper) ?? new Map<string, Tensor[]>();
  ROTARY.set(keeper, shared);
  let tables = shared.get(key);
  if (!tables) shared.set(key, (tables = ["cos", "sin"].map((name) => keeper.fresh([1, call.sequence, call.headDim], `rotary ${name}`, q.elementBytes))));
  const bytes = tables.reduce((sum, table) => sum + keeper.keep(["input"], table, table).bytes, 0);
  return { q: keeper.fresh(q.shape, `${call.producer} (rotated queries)`, q.elementBytes), k: keeper.fresh(k.shape, `${call.producer} (rotated keys)`, k.elementBytes), bytes };
}

/**
 * Keeps what one attention call keeps for backward, beside its projections' own saves; returns
 * the bytes kept now and the saves of its output (the output storage, the scores).
 *
 * A causal layer's keys and values pass through transformers' DynamicCache (`use_cache` is on by
 * default, in train mode too), whose torch.cat makes new tensors: attention keeps those. It matters
 * for a packed projection (GPT-2's c_attn), whose output stays alive through the query view.
 * Eager: Q·Kᵀ keeps q and k (grouped heads copied to every head by repeat_kv), softmax its float32
 * output, the cast back to a 16-bit dtype or the dropout (a one-byte mask and its output) the
 * probabilities that multiply v, and that product keeps v. The Python-float scaling and the
 * additive causal mask keep nothing. SDPA and flash keep q, k and v (grouped heads as they are,
 * enable_gqa), the output, the float32 log-sum-exp per head and query (the memory-efficient kernel
 * that float32 runs on pads the queries to a multiple of 32), and the philox seed and offset.
 */
export function keepAttention(keeper: Keeper, call: AttentionCall, projected: { q: Tensor; k: Tensor; v: Tensor }): { bytes: number; saves: Saved[] } {
  const { batch, heads, kvHeads, sequence, keys, headDim } = call;
  let { q, k, v } = projected;
  let bytes = 0;
  if (call.rope) ({ q, k, bytes } = rotated(keeper, call, q, k));
  const copy = (what: string, groupHeads: number) => keeper.fresh([batch, groupHeads, keys, headDim], `${call.producer} (${what})`, q.elementBytes);
  if (call.causal) [k, v] = [copy("cached keys", kvHeads), copy("cached values", kvHeads)];
  if (call.implementation === "eager" && kvHeads !== heads) [k, v] = [copy("keys repeated to every head", heads), copy("values repeated to every head", heads)];
  bytes += [q, k, v].reduce((sum, tensor) => sum + keeper.keep(["input"], tensor, tensor).bytes, 0);
  if (call.implementation !== "eager") {
    const queries = q.elementBytes >= 4 && call.implementation === "sdpa" ? Math.ceil(sequence / 32) * 32 : sequence;
    return {
      bytes,
      saves: ["output", { elements: batch * heads * queries, dtype: "float32" }, { elements: 2, dtype: "int64" }],
    };
  }
  const scores = batch * heads * sequence * keys;
  const saves: Saved[] = [{ elements: scores, dtype: "float32", attention: true }];
  if (call.dropout > 0) saves.push({ elements: scores, dtype: "bool", attention: true }, { elements: scores, dtype: "activation", attention: true });
  else if (q.elementBytes < 4) saves.push({ elements: scores, dtype: "activation", attention: true });
  return { bytes, saves };
}
