/**
 * The quantities a budget, a diff, the PR comment and the action's outputs know, from one registry
 * (registry.ts), with how each is read from a JSON report and written for people.
 */
import type { JsonReport } from "../analysis/index.js";
import { formatInteger } from "../count/index.js";
import { METRICS, metricNamed, type Metric } from "./registry.js";
import { formatBytes, formatShort, formatSignedShort } from "./units.js";

export { GROWTH_METRICS, LIMITED_METRICS, METRIC_NAMES, METRICS, metricNamed, type Metric, type MetricDefinition } from "./registry.js";
export { formatBytes, formatShort, formatSignedPercent, formatSignedShort, listed, type ByteUnits } from "./units.js";

/** A report's figures by metric; a metric the report lacks is absent. */
export type Quantities = Partial<Record<Metric, number>>;

/** The figures a budget and a diff look at, from a JSON report (ours, or one saved by an earlier job), in registry order. */
export function quantitiesOf(report: JsonReport): Quantities {
  const quantities: Quantities = {};
  for (const metric of METRICS) {
    const value = metric.read(report);
    if (value !== undefined) quantities[metric.name] = value;
  }
  return quantities;
}

/** A figure for people, by its unit: `124,439,808` or `1.23 GiB`. */
export function formatMetric(metric: Metric, value: number): string {
  return metricNamed(metric).unit === "bytes" ? formatBytes(value) : formatInteger(value);
}

/** A figure for the PR comment: three significant digits and a unit, `2.97M` or `551 MiB`. */
export function formatMetricShort(metric: Metric, value: number): string {
  return formatShort(value, metricNamed(metric).unit);
}

/** A change for the PR comment, signed: `+7.09M`, `−551 MiB`. */
export function formatMetricDelta(metric: Metric, delta: number): string {
  return formatSignedShort(delta, metricNamed(metric).unit);
}
