import type { JsonReport } from "../analysis/index.js";
import { GROWTH_METRICS, LIMITED_METRICS, listed, metricNamed, quantitiesOf, type Metric, type Quantities } from "../metrics/index.js";
import { moduleGlob } from "./module-glob.js";
import type { Budget, GrowthAllowance, Limit, ModelBudget } from "./types.js";

export type Status = "pass" | "warn" | "fail";
export type FailOn = "exceed" | "growth" | "never";
export const FAIL_ON: readonly FailOn[] = ["exceed", "growth", "never"];

export interface LimitRow {
  /** `params`, `memory`, `encoder.* params` for a module limit, `params and trainable` for two folded limits. */
  label: string;
  metric: Metric;
  /** Twin metrics whose limit this row stands for too: their figures agree and so do the verdicts. */
  also?: Metric[];
  limit: Limit;
  /** Undefined when the report has no such figure (memory without a training recipe). */
  actual?: number;
  status: Status;
}

export interface GrowthRow {
  metric: Metric;
  /** Twin metrics whose growth this row stands for too (trainable with params, FLOPs with MACs). */
  also?: Metric[];
  allowance: GrowthAllowance;
  base: number;
  head: number;
  allowed: number;
  status: Status;
}

export interface BudgetOutcome {
  entry: ModelBudget;
  /** The model's name at base when the entry is keyed by it and this change renamed the model. */
  renamedFrom?: string;
  limits: LimitRow[];
  growth: GrowthRow[];
  status: Status;
}

const SEVERITY: Record<Status, number> = { pass: 0, warn: 1, fail: 2 };

export function worst(statuses: Iterable<Status>): Status {
  let result: Status = "pass";
  for (const status of statuses) if (SEVERITY[status] > SEVERITY[result]) result = status;
  return result;
}

/**
 * A model's entry, keyed by spec path or model name, with the defaults filled in. An entry keyed
 * by the name the spec at this path had at base still applies when the change renames the model:
 * renaming `model:` must not escape the limit.
 */
export function budgetFor(budget: Budget, report: { model: string; file: string }, baseModel?: string): ModelBudget | undefined {
  const own =
    budget.models.find((entry) => entry.key === report.file) ??
    budget.models.find((entry) => entry.key === report.model) ??
    (baseModel === undefined ? undefined : budget.models.find((entry) => entry.key === baseModel));
  const defaults = budget.defaults;
  if (!own) return undefined;
  if (!defaults) return own;
  return {
    ...own,
    limits: { ...defaults.limits, ...own.limits },
    growth: { ...defaults.growth, ...own.growth },
    modules: [...defaults.modules, ...own.modules],
    ...(defaults.lintIgnore || own.lintIgnore ? { lintIgnore: [...new Set([...(defaults.lintIgnore ?? []), ...(own.lintIgnore ?? [])])] } : {}),
  };
}

/** `encoder.*` selects every layer entry whose path starts with `encoder.`: `*` matches any characters. */
function moduleTotals(report: JsonReport, glob: string): { params: number; trainable: number } {
  const matches = moduleGlob(glob);
  const selected = report.layers.filter((layer) => matches(layer.path));
  return {
    params: selected.reduce((sum, layer) => sum + layer.params * layer.count, 0),
    trainable: selected.reduce((sum, layer) => sum + layer.trainable * layer.count, 0),
  };
}

/** Whether `metric` is `of` times its twin's factor: the two figures say the same thing. */
function twins(of: Metric, metric: Metric): number | undefined {
  const twin = metricNamed(metric).twin;
  return twin?.of === of ? twin.factor : undefined;
}

/**
 * One row per real problem: a limit on a twin metric (trainable beside params, FLOPs beside MACs)
 * folds into its partner's row, in the same module scope, when their figures agree and so does the
 * verdict, and is shown in its partner's terms (MACs, not FLOPs). Differing figures or verdicts stay two rows.
 */
function foldLimits(rows: LimitRow[]): LimitRow[] {
  const kept: { row: LimitRow; scope: string }[] = [];
  for (const row of rows) {
    const scope = row.label.slice(0, row.label.length - row.metric.length);
    const partner = kept.find(({ row: other, scope: otherScope }) => {
      const factor = twins(other.metric, row.metric);
      return factor !== undefined && otherScope === scope && other.status === row.status && other.actual !== undefined && row.actual === other.actual * factor;
    });
    if (!partner) {
      kept.push({ row, scope });
      continue;
    }
    const also = [...(partner.row.also ?? []), row.metric];
    partner.row = { ...partner.row, label: `${scope}${listed([partner.row.metric, ...also])}`, also };
  }
  return kept.map(({ row }) => row);
}

/** Growth rows likewise: a twin's growth, by the same share, with the same verdict, is its partner's. */
function foldGrowth(rows: GrowthRow[]): GrowthRow[] {
  const kept: GrowthRow[] = [];
  for (const row of rows) {
    const partner = kept.find((other) => {
      const factor = twins(other.metric, row.metric);
      return factor !== undefined && other.status === row.status && row.base === other.base * factor && row.head === other.head * factor;
    });
    if (partner) partner.also = [...(partner.also ?? []), row.metric];
    else kept.push(row);
  }
  return kept;
}

/** Holds one model's report to its budget entry and, when there is a base, its allowed growth. */
export function evaluateBudget(entry: ModelBudget, head: JsonReport, base: JsonReport | undefined, failOn: FailOn): BudgetOutcome {
  const exceeded: Status = failOn === "never" ? "warn" : "fail";
  const overgrown: Status = failOn === "growth" ? "fail" : "warn";
  const figures: Quantities = quantitiesOf(head);
  const limitRow = (label: string, metric: Metric, limit: Limit, actual: number | undefined): LimitRow => ({
    label,
    metric,
    limit,
    ...(actual === undefined ? {} : { actual }),
    status: actual === undefined ? "warn" : actual > limit.value ? exceeded : "pass",
  });
  const limits = LIMITED_METRICS.flatMap((metric) => {
    const limit = entry.limits[metric];
    return limit ? [limitRow(metric, metric, limit, figures[metric])] : [];
  });
  for (const module of entry.modules) {
    const totals = moduleTotals(head, module.glob);
    if (module.params) limits.push(limitRow(`${module.glob} params`, "params", module.params, totals.params));
    if (module.trainable) limits.push(limitRow(`${module.glob} trainable`, "trainable", module.trainable, totals.trainable));
  }
  const growth: GrowthRow[] = [];
  if (base) {
    const before = quantitiesOf(base);
    for (const metric of GROWTH_METRICS) {
      const allowance = entry.growth[metric];
      const baseValue = before[metric];
      const headValue = figures[metric];
      if (!allowance || baseValue === undefined || headValue === undefined) continue;
      const allowed = allowance.percent === undefined ? allowance.amount! : Math.floor((baseValue * allowance.percent) / 100);
      growth.push({ metric, allowance, base: baseValue, head: headValue, allowed, status: headValue - baseValue > allowed ? overgrown : "pass" });
    }
  }
  return { entry, limits: foldLimits(limits), growth: foldGrowth(growth), status: worst([...limits, ...growth].map((row) => row.status)) };
}
