import type { SourcePosition } from "../diagnostics/index.js";

export interface CountedTensor {
  /** PyTorch's name relative to the layer: `weight`, `out_proj.bias`, `weight_ih_l0_reverse`; empty for a bare Parameter. */
  name: string;
  shape: number[];
  numel: number;
  trainable: boolean;
  /** Set when this tensor is the same storage as another, counted at that first owner instead. */
  sharedWith?: string;
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
  position: SourcePosition;
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
