import type { Diagnostic, SourcePosition } from "../diagnostics/index.js";
import type { DtypeSetting, Origins, PathSegment } from "../resolve/index.js";

export interface CountedTensor {
  /** PyTorch's name relative to the layer: `weight`, `out_proj.bias`, `weight_ih_l0_reverse`; empty for a bare Parameter. */
  name: string;
  shape: number[];
  numel: number;
  trainable: boolean;
  /** Set when this tensor is the same storage as another, counted at that first owner instead. */
  sharedWith?: string;
  /** A dtype no model-wide setting changes (num_batches_tracked is int64). */
  fixedDtype?: "int64";
  /** Added by an adapter (a LoRA matrix, a DoRA magnitude, a modules_to_save copy): never quantized with the base. */
  adapter?: true;
}

export interface LayerCount {
  path: string;
  type: string;
  /** How many instances the entry stands for; the figures below are per instance. */
  count: number;
  params: number;
  trainable: number;
  bufferElements: number;
  parameters: CountedTensor[];
  buffers: Omit<CountedTensor, "trainable" | "sharedWith">[];
  formula: string;
  /** The `dtype:` keys of the entry and the modules around it, outermost first. */
  dtypes: DtypeSetting[];
  /** The call's own `dtype=` argument, when it has one that is not None. */
  callDtype?: DtypeSetting;
  /** Inside routed experts: each token uses topK of the experts. */
  routed?: { topK: number; experts: number };
  /** An input embedding (Embedding, EmbeddingBag): left out of the non-embedding counts. */
  embedding?: true;
  position: SourcePosition;
  /** The places in the spec files that shaped the entry, innermost first. */
  origins: Origins;
  /** The module path's steps, `path` before formatting: reports roll deep paths up by them. */
  segments: readonly PathSegment[];
}

export interface Totals {
  params: number;
  trainable: number;
  nonTrainable: number;
  buffers: number;
}

/**
 * The parameter counts model cards quote besides the total. Active: the parameters one token uses,
 * routed experts counted top_k of each set (shared experts and routers always). Non-embedding:
 * without the input embedding tables (Embedding, EmbeddingBag layers: token and position
 * embeddings), Kaplan et al.'s convention; an untied output head stays in, a head tied to an
 * embedding is counted there, once, and so is left out with it.
 */
export interface ParameterConventions {
  activeParams: number;
  nonEmbeddingParams: number;
  activeNonEmbeddingParams: number;
}

export interface ModelCount {
  model: string;
  file: string;
  totals: Totals;
  conventions: ParameterConventions;
  layers: LayerCount[];
  /** The adapter applied, when the spec or --adapter gives one. */
  adapter?: { name: string; type: string; text: string };
  /** What the count did that its user should know and is no error: a tie modules_to_save undid. */
  warnings?: Diagnostic[];
}
