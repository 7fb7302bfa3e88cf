import type { JsonLayer, JsonReport } from "../analysis/index.js";
import { formatInteger } from "../count/index.js";
import { changeDelta, layerIdentity, layerStates, type LayerChange } from "../diff/index.js";
import { formatMetric, METRICS, quantitiesOf } from "../metrics/index.js";
import type { CheckResult, ModelResult } from "../orchestrator/index.js";
import type { NodeChange, PageData, PageLimit, PageMetric, PageModel, PageNode, PageTensor, PageTotal } from "./page-types.js";

/** How one metric of the map is read: the model's total, and each layer's share of it over all its instances. */
interface MetricSource {
  key: PageMetric["key"];
  title: string;
  unit: PageMetric["unit"];
  total(report: JsonReport): number | undefined;
  layer(layer: JsonLayer): number;
  /** What the total holds beyond the layers, when the remainder is exactly that. */
  outside?(report: JsonReport, remainder: number): string | undefined;
}

const SOURCES: readonly MetricSource[] = [
  { key: "params", title: "Parameters", unit: "count", total: (report) => report.totals.params, layer: (layer) => layer.params * layer.count },
  { key: "weights", title: "Weight bytes", unit: "bytes", total: (report) => report.memory?.weights, layer: (layer) => (layer.memory?.weights ?? 0) * layer.count },
  {
    key: "memory",
    title: "Training memory",
    unit: "bytes",
    total: (report) => report.memory?.total,
    layer: (layer) => (layer.memory?.total ?? 0) * layer.count,
    outside: (report, remainder) => (remainder === report.memory?.activations ? "the activations a training step keeps, which the model holds as a whole" : undefined),
  },
  {
    key: "macs",
    title: "MACs",
    unit: "count",
    total: (report) => report.shapes?.macs,
    layer: (layer) => layer.macs ?? 0,
    outside: (report, remainder) => (remainder === report.shapes?.attentionMacs ? "attention's score and weighted-sum products, which no layer entry holds" : undefined),
  },
  { key: "activations", title: "Activation bytes", unit: "bytes", total: (report) => report.shapes?.activations, layer: (layer) => layer.activationBytes ?? 0 },
];

/** The metrics this report has figures for (weights and memory with a training recipe, MACs and activations with an input). */
function sourcesOf(report: JsonReport): MetricSource[] {
  return SOURCES.filter((source) => source.total(report) !== undefined);
}

/** `layer1.[1-2].conv1` → its segments; `[1-2]` is an instance group of 2. */
function segmentsOf(path: string): string[] {
  return path.split(".");
}

function groupCount(segment: string): number | undefined {
  const range = /^\[(\d+)-(\d+)\]$/.exec(segment);
  return range ? Number(range[2]) - Number(range[1]) + 1 : undefined;
}

/** Tensors tied to each owner (`wte.weight` ← `lm_head.weight`): shown at the owner, which counts them. */
function tiedTo(report: JsonReport): Map<string, string[]> {
  const sharers = new Map<string, string[]>();
  for (const layer of report.layers) {
    for (const tensor of layer.parameters) {
      if (tensor.sharedWith === undefined) continue;
      sharers.set(tensor.sharedWith, [...(sharers.get(tensor.sharedWith) ?? []), `${layer.path}.${tensor.name}`]);
    }
  }
  return sharers;
}

function tensorsOf(layer: JsonLayer, sharers: Map<string, string[]>): PageTensor[] {
  return layer.parameters.map((tensor) => {
    const sharedBy = sharers.get(`${layer.path}.${tensor.name}`);
    return { ...tensor, ...(sharedBy ? { sharedBy } : {}) };
  });
}

/** The layer's leaf: its figures per metric and what the hover shows. */
function leafOf(layer: JsonLayer, name: string, sources: readonly MetricSource[], sharers: Map<string, string[]>): PageNode {
  return {
    name,
    path: layer.path,
    ...(layer.count > 1 ? { count: layer.count } : {}),
    values: sources.map((source) => source.layer(layer)),
    type: layer.type,
    params: layer.params,
    formula: layer.formula,
    parameters: tensorsOf(layer, sharers),
    buffers: layer.buffers,
  };
}

/** The module tree of a report's flat layer entries, in spec order, with instance groups as nodes of their own. */
function treeOf(report: JsonReport, sources: readonly MetricSource[]): { root: PageNode; leaves: Map<string, PageNode> } {
  const root: PageNode = { name: report.model, path: "", children: [] };
  const modules = new Map<string, PageNode>([["", root]]);
  const leaves = new Map<string, PageNode>();
  const sharers = tiedTo(report);
  for (const layer of report.layers) {
    const segments = segmentsOf(layer.path);
    let parent = root;
    for (let depth = 1; depth < segments.length; depth++) {
      const path = segments.slice(0, depth).join(".");
      let module = modules.get(path);
      if (!module) {
        const name = segments[depth - 1]!;
        const count = groupCount(name);
        module = { name, path, ...(count === undefined ? {} : { count }), children: [] };
        modules.set(path, module);
        parent.children!.push(module);
      }
      parent = module;
    }
    const leaf = leafOf(layer, segments[segments.length - 1]!, sources, sharers);
    parent.children!.push(leaf);
    leaves.set(layer.path, leaf);
  }
  const outside = outsideNode(report, sources);
  if (outside) root.children!.push(outside);
  return { root, leaves };
}

export const OUTSIDE_PATH = "(outside layers)";

/** What each total holds beyond the sum of its layers: a rectangle of its own, so that every share adds up. */
function outsideValues(report: JsonReport, sources: readonly MetricSource[]): number[] {
  return sources.map((source) => Math.max(0, (source.total(report) ?? 0) - report.layers.reduce((sum, layer) => sum + source.layer(layer), 0)));
}

function outsideNode(report: JsonReport, sources: readonly MetricSource[]): PageNode | undefined {
  const values = outsideValues(report, sources);
  if (values.every((value) => value === 0)) return undefined;
  const reasons = sources.flatMap((source, index) => {
    const value = values[index]!;
    if (value === 0) return [];
    return [`${source.title}: ${source.outside?.(report, value) ?? "figures the model's total holds beyond its layer entries"}`];
  });
  return { name: OUTSIDE_PATH, path: OUTSIDE_PATH, values, outside: reasons.join("; "), type: "(model)" };
}

function metricsOf(head: JsonReport, base: JsonReport | undefined, sources: readonly MetricSource[]): PageMetric[] {
  return sources.map((source) => {
    const baseTotal = base ? source.total(base) : undefined;
    return { key: source.key, title: source.title, unit: source.unit, total: source.total(head)!, ...(baseTotal === undefined ? {} : { baseTotal }) };
  });
}

/** The registry's totals, formatted, with the base and the signed change in a check. */
function totalsOf(head: JsonReport, base: JsonReport | undefined): PageTotal[] {
  const headFigures = quantitiesOf(head);
  const baseFigures = base ? quantitiesOf(base) : undefined;
  return METRICS.flatMap((metric): PageTotal[] => {
    const value = headFigures[metric.name];
    if (value === undefined) return [];
    const before = baseFigures?.[metric.name];
    if (before === undefined) return [{ title: metric.title, head: formatMetric(metric.name, value) }];
    const delta = value - before;
    const sign = delta > 0 ? "+" : "";
    return [
      {
        title: metric.title,
        head: formatMetric(metric.name, value),
        base: formatMetric(metric.name, before),
        delta: `${sign}${formatMetric(metric.name, delta)}`,
        trend: delta > 0 ? "up" : delta < 0 ? "down" : "same",
      },
    ];
  });
}

export function reportPageData(reports: readonly JsonReport[]): PageData {
  const models = reports.map((report): PageModel => {
    const sources = sourcesOf(report);
    return {
      name: report.model,
      file: report.file,
      metrics: metricsOf(report, undefined, sources),
      totals: totalsOf(report, undefined),
      root: treeOf(report, sources).root,
      removed: [],
      limits: [],
      notes: [],
    };
  });
  return { mode: "report", title: models.map((model) => model.name).join(", "), models };
}

function changeKind(change: LayerChange | undefined): NodeChange {
  if (!change) return "unchanged";
  if (change.kind === "added") return "new";
  if (change.kind === "moved") return "moved";
  const delta = changeDelta(change);
  return delta > 0 ? "grown" : delta < 0 ? "shrunk" : "changed";
}

/** Each head leaf's change and its figures at the base, found as the diff finds them (a repeat's range aside). */
function annotate(leaves: Map<string, PageNode>, head: JsonReport, base: JsonReport, changes: readonly LayerChange[], sources: readonly MetricSource[]): void {
  const byAfter = new Map(changes.flatMap((change) => (change.kind === "removed" ? [] : [[change.after.path, change] as const])));
  const baseByPath = new Map(base.layers.map((layer) => [layer.path, layer]));
  const baseByIdentity = new Map(base.layers.map((layer) => [layerIdentity(layer.path), layer]));
  const baseSources = sourcesOf(base);
  for (const layer of head.layers) {
    const leaf = leaves.get(layer.path)!;
    const change = byAfter.get(layer.path);
    leaf.change = changeKind(change);
    if (change?.kind === "added") continue;
    const before = change?.kind === "moved" ? baseByPath.get(change.before.path) : baseByIdentity.get(layerIdentity(layer.path));
    if (change?.kind === "moved") leaf.from = change.before.path;
    if (before) leaf.base = sources.map((source) => (baseSources.includes(source) ? source.layer(before) : null));
  }
}

function limitsOf(result: ModelResult): PageLimit[] {
  return (result.budget?.limits ?? []).map((row) => {
    const actual = row.actual;
    const headroom = actual === undefined ? undefined : row.limit.value - actual;
    return {
      label: row.label,
      limitText: row.limit.text,
      limit: row.limit.value,
      status: row.status,
      ...(actual === undefined ? {} : { actual, actualText: formatMetric(row.metric, actual) }),
      ...(headroom === undefined ? {} : { headroomText: headroom >= 0 ? `${formatMetric(row.metric, headroom)} left` : `over by ${formatMetric(row.metric, -headroom)}` }),
    };
  });
}

function removedOf(changes: readonly LayerChange[]): PageModel["removed"] {
  return changes.flatMap((change) =>
    change.kind === "removed" ? [{ path: change.before.path, type: change.before.type, params: formatInteger(change.before.params), formula: change.before.formula }] : [],
  );
}

function diagnosticNotes(side: string, state: ModelResult["head"] | undefined): string[] {
  if (state?.kind !== "invalid") return [];
  return state.diagnostics.map((problem) => `${side}: ${problem.file}:${problem.line}:${problem.col}: ${problem.message} [${problem.code}]`);
}

/**
 * A spec with no report at head (deleted, or invalid): no map, its base totals as the base's (the head
 * has none to show), and for a deleted spec every layer it had listed as removed.
 */
function headless(result: ModelResult, base: JsonReport | undefined, common: Omit<PageModel, "name" | "file" | "metrics" | "totals">): PageModel {
  if (!base) return { name: result.file, file: result.file, metrics: [], totals: [], ...common };
  const totals = totalsOf(base, undefined).map((total): PageTotal => ({ title: total.title, head: "–", base: total.head }));
  const removed = result.head.kind === "absent" ? removedOf(layerStates(base).map((before): LayerChange => ({ kind: "removed", before }))) : common.removed;
  return { name: base.model, file: result.file, metrics: [], totals, ...common, removed };
}

/** One checked model: its head map coloured by the diff, what was removed, and its budget's headroom. */
function checkedModel(result: ModelResult): PageModel {
  const head = result.head.kind === "report" ? result.head.report : undefined;
  const base = result.base?.kind === "report" ? result.base.report : undefined;
  const notes = [...diagnosticNotes("head", result.head), ...diagnosticNotes("base", result.base)];
  if (result.head.kind === "absent") notes.push("This change deletes the spec.");
  if (result.base?.kind === "absent") notes.push("The spec is new in this change.");
  const common = { status: result.status, limits: limitsOf(result), notes, removed: removedOf(result.diff?.changes ?? []) };
  if (!head) return headless(result, base, common);
  const sources = sourcesOf(head);
  const { root, leaves } = treeOf(head, sources);
  if (base && result.diff) annotate(leaves, head, base, result.diff.changes, sources);
  if (base) markOutside(root, base, sources);
  return { name: head.model, file: result.file, metrics: metricsOf(head, base, sources), totals: totalsOf(head, base), root, ...common };
}

/** The base's own remainder beyond its layers, so the outside rectangle has its before → after too. */
function markOutside(root: PageNode, base: JsonReport, sources: readonly MetricSource[]): void {
  const outside = root.children?.find((child) => child.path === OUTSIDE_PATH);
  if (!outside) return;
  const baseSources = sourcesOf(base);
  const values = outsideValues(base, baseSources);
  outside.base = sources.map((source) => {
    const index = baseSources.indexOf(source);
    return index < 0 ? null : values[index]!;
  });
}

export function checkPageData(result: CheckResult): PageData {
  const models = result.models.map(checkedModel);
  return { mode: "check", title: models.map((model) => model.name).join(", "), ...(result.baseRef ? { baseRef: result.baseRef } : {}), models };
}
