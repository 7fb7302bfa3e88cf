import { formatInteger } from "../../count/formula.js";
import { formatBytes } from "../../metrics/units.js";
import type { PageMetric } from "../page-types.js";

export { formatInteger };

/** A figure as the CLI writes it: counts exact, bytes in IEC units with the exact count beside them. */
export function formatValue(metric: PageMetric, value: number): string {
  if (metric.unit === "count") return formatInteger(value);
  return value < 1024 ? formatBytes(value) : `${formatBytes(value)} (${formatInteger(value)} B)`;
}

/** A short figure for a rectangle's label. */
export function shortValue(metric: PageMetric, value: number): string {
  if (metric.unit === "bytes") return formatBytes(value);
  const steps: [number, string][] = [
    [1e12, "T"],
    [1e9, "G"],
    [1e6, "M"],
    [1e3, "k"],
  ];
  const step = steps.find(([size]) => Math.abs(value) >= size);
  return step ? `${(value / step[0]).toFixed(value / step[0] >= 100 ? 0 : 1)}${step[1]}` : String(value);
}

export function signed(metric: PageMetric, value: number): string {
  return `${value > 0 ? "+" : ""}${metric.unit === "count" ? formatInteger(value) : formatBytes(value)}`;
}

/** A share of the model's total, never rounded to a misleading 0% or 100%. */
export function share(value: number, total: number): string {
  if (total === 0) return "–";
  const percent = (100 * value) / total;
  if (percent > 0 && percent < 0.01) return "< 0.01%";
  if (percent < 100 && percent > 99.99) return "> 99.99%";
  return `${percent.toFixed(2)}%`;
}
