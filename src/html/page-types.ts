/**
 * The data the HTML report's page reads, embedded in it as JSON: what the server side (page-data.ts)
 * writes and the browser side (client/) draws. Plain data with no imports, so that the browser
 * bundle type-checks against it without the Node code.
 */

/** A quantity the map can be sized by; `values` of every node are in this order. */
export interface PageMetric {
  key: "params" | "weights" | "memory" | "macs" | "activations";
  title: string;
  unit: "count" | "bytes";
  /** The model's own total, which the shares are of (it may hold more than its layers: see `outside`). */
  total: number;
  baseTotal?: number;
}

export type NodeChange = "grown" | "shrunk" | "new" | "unchanged" | "moved" | "changed";

export interface PageTensor {
  name: string;
  shape: number[];
  numel: number;
  dtype?: string;
  trainable?: boolean;
  /** This tensor is the tied one: counted at `sharedWith`. */
  sharedWith?: string;
  /** Tensors tied to this one, counted here. */
  sharedBy?: string[];
}

/** One node of the module tree: a layer entry (a leaf) or a module holding others. */
export interface PageNode {
  /** The last segment of the path: `conv1`, `[1-2]` for an instance group. */
  name: string;
  /** The module path as the spec and the JSON report write it: `layer1.[1-2].conv1`. */
  path: string;
  /** Instances one rectangle stands for: a repeat's instance group drawn once with its count. */
  count?: number;
  /** Leaves: the layer's figures over all its instances, one per metric; modules sum their children. */
  values?: number[];
  /** The same at the base, in a check; absent for a layer new in this change. */
  base?: (number | null)[];
  change?: NodeChange;
  /** Where a moved layer was at the base. */
  from?: string;
  type?: string;
  /** Per instance. */
  params?: number;
  formula?: string;
  parameters?: PageTensor[];
  buffers?: PageTensor[];
  /** A rectangle for what the model's total holds beyond its layers (attention products, activations). */
  outside?: string;
  children?: PageNode[];
}

export interface PageTotal {
  title: string;
  head: string;
  base?: string;
  delta?: string;
  /** The sign of the change, for its colour. */
  trend?: "up" | "down" | "same";
}

export interface PageLimit {
  label: string;
  /** As written in the budget file, e.g. `25.6M`. */
  limitText: string;
  limit: number;
  actual?: number;
  actualText?: string;
  headroomText?: string;
  status: "pass" | "warn" | "fail";
}

export interface PageRemoved {
  path: string;
  type: string;
  params: string;
  formula: string;
}

export interface PageModel {
  name: string;
  file: string;
  status?: "pass" | "warn" | "fail";
  metrics: PageMetric[];
  totals: PageTotal[];
  /** Absent when the spec has no map (invalid at head, or deleted). */
  root?: PageNode;
  removed: PageRemoved[];
  limits: PageLimit[];
  /** Plain sentences shown above the map: errors, a deleted spec, a base that did not analyse. */
  notes: string[];
}

export interface PageData {
  mode: "report" | "check";
  title: string;
  /** The commit compared with, in a check. */
  baseRef?: string;
  models: PageModel[];
}
