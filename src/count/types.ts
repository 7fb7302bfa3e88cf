import type { SourcePosition } from "../diagnostics/index.js";
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

export interface ModelCount {
  model: string;
  file: string;
  totals: Totals;
  layers: LayerCount[];
}
