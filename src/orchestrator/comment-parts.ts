import type { Status } from "../budget/evaluate.js";
import { formatMetricDelta, formatMetricShort, formatSignedPercent, listed, METRICS, metricNamed, quantitiesOf, type Metric, type Quantities } from "../metrics/index.js";
import { escapeMarkdown as esc } from "../report/index.js";
import type { Diagnostic, ModelResult } from "./types.js";

/** Pieces the comment's parts share: icons, names, the one number style, diagnostics. */

export const ICON: Record<Status, string> = { pass: "✅", warn: "⚠️", fail: "❌" };

export function modelName(model: ModelResult): string {
  if (model.head.kind === "report") return model.head.report.model;
  if (model.base?.kind === "report") return model.base.report.model;
  return model.file;
}

export function headQuantities(model: ModelResult): Quantities | undefined {
  return model.head.kind === "report" ? quantitiesOf(model.head.report) : undefined;
}

export function baseQuantities(model: ModelResult): Quantities | undefined {
  return model.base?.kind === "report" ? quantitiesOf(model.base.report) : undefined;
}

/** `+7.09M (+5.7%)`: a change and its share of the base, in the comment's number style. */
export function change(metric: Metric, before: number, after: number): string {
  const delta = after - before;
  return delta === 0 ? "±0" : `${formatMetricDelta(metric, delta)} (${formatSignedPercent(delta, before)})`;
}

/** `132M (+7.09M, +5.7%)`: a value, and its change when there is a base to compare with. */
export function valueWithChange(metric: Metric, after: number, before: number | undefined, isNew: boolean): string {
  const value = formatMetricShort(metric, after);
  if (before === undefined) return isNew ? `${value} (new)` : value;
  const delta = after - before;
  return delta === 0 ? `${value} (±0)` : `${value} (${formatMetricDelta(metric, delta)}, ${formatSignedPercent(delta, before)})`;
}

/** The training-memory figure a recipe is judged by: per GPU when sharded, the total otherwise. */
export function memoryMetric(quantities: Quantities | undefined): Metric | undefined {
  if (quantities?.["memory-per-gpu"] !== undefined) return "memory-per-gpu";
  return quantities?.memory !== undefined ? "memory" : undefined;
}

/** `params and trainable`: metric names as a budget file writes them. */
export function metricList(metrics: readonly Metric[]): string {
  return listed(METRICS.filter((metric) => metrics.includes(metric.name)).map((metric) => metric.name));
}

/** Whether a twin metric only restates its partner on both sides (trainable = params, FLOPs = 2 × MACs). */
export function restatesTwin(metric: Metric, sides: readonly (Quantities | undefined)[]): boolean {
  const twin = metricNamed(metric).twin;
  if (!twin) return false;
  return sides.every((side) => side === undefined || side[metric] === undefined || side[metric] === (side[twin.of] ?? Number.NaN) * twin.factor);
}

/**
 * Problems as a list, as the CLI prints them (`file:line:col: message [MBxxx]`), each with its
 * hint: plain text escaped outside any code span, where GitHub shows entities as the characters
 * they stand for (inside one it would show `&#58;` literally).
 */
export function diagnosticLines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (problem) => `- ${esc(`${problem.file}:${problem.line}:${problem.col}: ${problem.message} [${problem.code}]`)}${problem.hint ? ` — ${esc(problem.hint)}` : ""}`,
  );
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
