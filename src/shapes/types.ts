import type { PathSegment } from "../resolve/index.js";

export const CHECKPOINTING = ["none", "full", "selective"] as const;
export type Checkpointing = (typeof CHECKPOINTING)[number];

/** A tensor flowing through the model during inference: its shape, and the storage it lives in. */
export interface Tensor {
  shape: number[];
  /** Tensors that share storage (in-place ops, views) count once when autograd keeps them. */
  storage: number;
  /** Bytes of that storage: a view (select, a split of a packed projection) keeps all of its base alive when saved. */
  storageBytes: number;
  /**
   * Elements between neighbours along each dimension of the storage: row-major for a fresh tensor,
   * others for a view (permute, transpose). Whether a reshape is a view or a copy follows from them
   * (layout.ts), and so whether a layer that keeps it keeps a new storage.
   */
  strides: number[];
  elementBytes: number;
  /** Who produced it, for mismatch messages: `avgpool → flatten(1)`. */
  producer: string;
  /** A Parameter used as an operand (`mul(x, gamma)`): a weight, not an activation, never counted when kept. */
  parameter?: true;
  /**
   * False for a tensor autograd computes no gradient for: the model's inputs, a buffer, a frozen Parameter,
   * and what parameter-free ops make of them alone; absent when it requires grad. A product keeps a factor
   * only for the other factor's gradient (test/fixtures/pytorch/value-ops.py).
   */
  requiresGrad?: false;
}

/** The mark of a tensor that requires no grad (Tensor.requiresGrad). */
export const noGrad = { requiresGrad: false } as const;

/** True when autograd computes the tensor's gradient. */
export const needsGrad = (tensor: Tensor): boolean => tensor.requiresGrad !== false;

/** The mark of an op's output that has no parameters of its own: it requires grad iff one of its inputs does. */
export const gradOf = (inputs: readonly Tensor[]): { requiresGrad?: false } => (inputs.some(needsGrad) ? {} : noGrad);

/** The tensor marked as requiring grad or not. */
export function withGrad(tensor: Tensor, requires: boolean): Tensor {
  if (!requires) return { ...tensor, ...noGrad };
  const marked = { ...tensor };
  delete marked.requiresGrad;
  return marked;
}

/** What a forward step yields: a tensor, or a tuple of them (chunk, split). */
export type Flowing = Tensor | Tensor[];

/** One call of a layer or functional op; figures cover `instances` identical calls. */
export interface CallRecord {
  /** The flat layer entry called, or undefined for a functional op. */
  layer?: number;
  type: string;
  /** The call's path with instance indices; a run `{from, to}` stands for identical instances. */
  segments: PathSegment[];
  output: number[];
  instances: number;
  macs: number;
  attentionMacs: number;
  /** Bytes the call added to what autograd keeps, over all its instances. */
  savedBytes: number;
  /** The part of savedBytes in attention's score, softmax and dropout tensors. */
  attentionBytes: number;
  /** What one instance of the call caches per token when the model serves (docs/serving.md). */
  cache?: CacheRecord;
  /** The fixed state one instance keeps per sequence between decoding steps, whatever the context (a state-space layer). */
  state?: StateRecord;
}

/** A state-space layer's state per sequence (per instance), in elements: MambaCache's conv_states and ssm_states. */
export interface StateRecord {
  /** conv1d's last kernel_size inputs: inner × conv_kernel. */
  conv: number;
  /** The scan's state: inner × state_size. */
  ssm: number;
}

/** The per-token cache of one attention call (per instance), as a serving runtime keeps it between decoding steps. */
export interface CacheRecord {
  /**
   * keys and values (2 × kv_heads × head_dim) of a causal self-attention, a latent attention's compressed
   * vector, or a cross-attention's keys and values over the encoder's output (`kv=`), made once per sequence.
   */
  kind: "kv" | "latent" | "cross";
  /** Elements per token of the sequence. */
  elementsPerToken: number;
  /** Attention heads whose vectors the elements hold (2 × kv_heads for keys and values, 1 for a latent): per-group scales count per vector. */
  vectors: number;
  /** A sliding window (`window=`): a runtime that caps the cache keeps at most this many tokens. */
  window?: number;
  /** A cross-attention's: the encoder positions it keeps, whatever the context (transformers' EncoderDecoderCache). */
  tokens?: number;
}

/** One layer entry's share of the figures, over all its instances and calls. */
export interface LayerShapes {
  /** The output of the entry's last call. */
  outputShape: number[];
  macs: number;
  attentionMacs: number;
  activationBytes: number;
}

export interface ShapeTotals {
  macs: number;
  /** Attention's Q·Kᵀ and scores·V products, included in `macs`. */
  attentionMacs: number;
  /** 2 × MACs. */
  flops: number;
  /** What autograd keeps for backward in one training step, after checkpointing. */
  activations: number;
  /** The same without checkpointing. */
  activationsStored: number;
}

export interface ShapeReport {
  batch: number;
  checkpointing: Checkpointing;
  input: number[];
  /** Several named inputs, each with its batch, in the order written. */
  inputs?: Record<string, number[]>;
  output: number[];
  /** In the order of the count's layers; undefined for an entry that is never called. */
  layers: (LayerShapes | undefined)[];
  totals: ShapeTotals;
  calls: CallRecord[];
  /** The outermost repeated modules' instances in order: what each keeps and its input (for full checkpointing and pipeline stages). */
  blocks: { bytes: number; inputBytes: number; instances: number }[];
  /**
   * The attention implementations whose saves the activations assume (sdpa, eager, flash), in first-use
   * order: one unless ops name others; absent when the forward has no attention or mla op.
   */
  attention?: string[];
  /** The largest live-tensor footprint of an inference forward beyond its input and weights, when asked for (docs/serving.md). */
  prefill?: PrefillPeak;
}

/** The prefill peak: its bytes and the tensors live at that moment. */
export interface PrefillPeak {
  bytes: number;
  /** Where it happens: the call's path. */
  at: string;
  parts: { what: string; bytes: number }[];
}
