import type { JsonReport } from "../analysis/index.js";

/**
 * The metric registry: every quantity a budget limits, a diff compares, the PR comment shows and the
 * action outputs, declared once. The budget schema's `limits` and `growth` properties and the saved
 * report's metric list are generated from it (scripts/compile-schemas.mjs), and action.yml's outputs
 * are tested against it. This file imports types only, so that the build can load it on its own.
 */
export interface MetricDefinition<Name extends string = string> {
  /** As budget files, saved reports and the comment name it. */
  name: Name;
  /** A count (parameters, MACs, FLOPs) or bytes; sets how it is written, read from a budget file and formatted. */
  unit: "count" | "bytes";
  /** For people: the comment's column header. */
  title: string;
  /** The figure in a report; undefined when the report has none (memory without a training recipe). */
  read(report: JsonReport): number | undefined;
  /** What a limit on it means, as the budget schema describes `limits.<name>`; absent when it takes no limit. */
  limit?: string;
  /** Whether a budget may allow it a growth over the base branch. */
  growth: boolean;
  /**
   * Whether one `growth:` amount for every quantity applies to it when the amount is of its unit. A
   * bare count means parameters, so MACs and FLOPs take only a share, 0, or their own entry.
   */
  sharedGrowthAmount: boolean;
  /** The comment's totals table shows it always, or when some model reports it; absent: never. */
  column?: "always" | "when-reported";
  /** The action output that sums it over the checked models, as action.yml declares it. */
  output?: { name: string; description: string };
  /**
   * Another metric this one equals `factor` times whenever nothing sets them apart: trainable is
   * params when nothing is frozen, FLOPs are always 2 × MACs. `init` writes a limit on it only when
   * it differs, and a check reports it together with that metric's limit when both agree, so one
   * edit is one problem ("params and trainable"), not two.
   */
  twin?: { of: Name; factor: number };
}

const DEFINITIONS = [
  {
    name: "params",
    unit: "count",
    title: "Params",
    read: (report) => report.totals.params,
    limit: "Most parameters the model may have (PyTorch's parameters(), tied ones once).",
    growth: true,
    sharedGrowthAmount: true,
    column: "always",
    output: { name: "params", description: "Parameters of all checked models together." },
  },
  {
    name: "trainable",
    unit: "count",
    title: "Trainable",
    read: (report) => report.totals.trainable,
    limit: "Most trainable parameters.",
    growth: true,
    sharedGrowthAmount: true,
    column: "always",
    output: { name: "trainable-params", description: "Trainable parameters of all checked models together." },
    twin: { of: "params", factor: 1 },
  },
  {
    name: "active-params",
    unit: "count",
    title: "Active params",
    // Reports from before active counts existed have none: the total is what every token used then.
    read: (report) => (report.totals as { activeParams?: number }).activeParams ?? report.totals.params,
    limit: "Most parameters one token uses: routed experts count top_k of each set (equal to params without experts).",
    // Its growth follows params' (a dense model's is params), so a growth: allowance stays one row per model.
    growth: false,
    sharedGrowthAmount: false,
    // Equal to params in a model without routed experts: one limit, one row, one number says it.
    twin: { of: "params", factor: 1 },
    output: { name: "active-params", description: "Active parameters (per token) of all checked models together." },
  },
  {
    name: "memory",
    unit: "bytes",
    title: "Training memory",
    read: (report) => report.memory?.total,
    limit: "Most training memory in total for the spec's recipe.",
    growth: true,
    sharedGrowthAmount: true,
    column: "when-reported",
    output: { name: "memory-bytes", description: "Training memory of all checked models together, in bytes." },
  },
  {
    name: "memory-per-gpu",
    unit: "bytes",
    title: "Training memory per GPU",
    read: (report) => report.memory?.perGpu?.total,
    limit: "Most training memory on one GPU when sharded.",
    growth: true,
    sharedGrowthAmount: true,
  },
  {
    name: "macs",
    unit: "count",
    title: "MACs",
    read: (report) => report.shapes?.macs,
    limit: "Most multiply-accumulates per forward pass at the spec's input and batch (needs input:).",
    growth: true,
    sharedGrowthAmount: false,
    column: "when-reported",
  },
  {
    name: "flops",
    unit: "count",
    title: "FLOPs",
    read: (report) => report.shapes?.flops,
    limit: "Most FLOPs per forward pass: 2 × MACs (needs input:).",
    growth: true,
    sharedGrowthAmount: false,
    twin: { of: "macs", factor: 2 },
  },
  {
    name: "activations",
    unit: "bytes",
    title: "Activations",
    read: (report) => report.shapes?.activations,
    limit: "Most activation memory of a training step: what autograd keeps for backward (needs input:).",
    growth: true,
    sharedGrowthAmount: true,
    column: "when-reported",
  },
  {
    name: "serving-memory",
    unit: "bytes",
    title: "Serving memory",
    read: (report) => report.serving?.total,
    limit: "Most serving memory: weights, buffers, KV cache and prefill peak at the spec's serving recipe (needs serving: or the context input; docs/serving.md).",
    growth: true,
    sharedGrowthAmount: true,
    column: "when-reported",
    output: { name: "serving-memory-bytes", description: "Serving memory of all checked models together, in bytes (specs with a serving recipe)." },
  },
  {
    name: "kv-cache",
    unit: "bytes",
    title: "KV cache",
    read: (report) => report.serving?.kvCache,
    limit: "Most KV cache bytes at the serving recipe's context and batch (docs/serving.md).",
    growth: true,
    sharedGrowthAmount: true,
    column: "when-reported",
    output: { name: "kv-cache-bytes", description: "KV cache of all checked models together at their serving recipes, in bytes." },
  },
] as const satisfies readonly MetricDefinition[];

export type Metric = (typeof DEFINITIONS)[number]["name"];

/** The registry, in the order reports, budgets and the comment list the metrics. */
export const METRICS: readonly MetricDefinition<Metric>[] = DEFINITIONS;

export const METRIC_NAMES: readonly Metric[] = METRICS.map((metric) => metric.name);

const BY_NAME = new Map(METRICS.map((metric) => [metric.name, metric]));

export function metricNamed(name: Metric): MetricDefinition<Metric> {
  return BY_NAME.get(name)!;
}

/** The metrics a budget can limit, and those it can allow a growth, in registry order. */
export const LIMITED_METRICS: readonly Metric[] = METRICS.filter((metric) => metric.limit !== undefined).map((metric) => metric.name);
export const GROWTH_METRICS: readonly Metric[] = METRICS.filter((metric) => metric.growth).map((metric) => metric.name);
