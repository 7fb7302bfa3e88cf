import { hintsSection } from "./hints-section.js";
import { adapterLines, routingLines } from "./adapter-lines.js";
import type { GrowthRow, LimitRow } from "../budget/evaluate.js";
import { formatInteger } from "../count/index.js";
import { layerStates, type LayerState } from "../diff/index.js";
import { formatMetricDelta, formatMetricShort, formatSignedPercent, METRICS, metricNamed, type Metric, type Quantities } from "../metrics/index.js";
import { escapeMarkdown as esc } from "../report/index.js";
import { moduleCharts } from "./chart.js";
import { baseQuantities, change, diagnosticLines, headQuantities, ICON, metricList, modelName, plural, restatesTwin } from "./comment-parts.js";
import { rollUpChanges, type RolledChange } from "./layer-rollup.js";
import type { ModelResult } from "./types.js";

/** How one model's section is drawn: in the comment (short) or in the job summary (everything). */
export interface SectionOptions {
  /** Rolled-up layer rows shown before the rest are left to the job summary. */
  layerRows: number;
  /** Where the rest is: a link to the run's job summary, or a sentence. */
  rest: string;
  /** The job summary: every row and detail. */
  full: boolean;
  chart: boolean;
}

export interface Section {
  /** Always kept. */
  essential: string[];
  /** Dropped, in this order, when the body is too long. */
  optional: string[][];
}

/** Detail lists longer than this stay in the job summary, so a 48-block change is not 200 lines of comment. */
const DETAIL_ROWS = 15;

/** How far a figure is over its limit: a share of it, or the amount over a limit of 0. */
export function overBy(metric: Metric, actual: number, limit: number): string {
  return limit === 0 ? formatMetricDelta(metric, actual) : formatSignedPercent(actual - limit, limit);
}

/** `❌ 130M (+1.2% over)` or `✅ 40 GiB (26.7% used)`: the limit and how close the figure is. */
function limitCell(row: LimitRow): string {
  const limit = formatMetricShort(row.metric, row.limit.value);
  if (row.actual === undefined) return `${ICON[row.status]} ${limit} (not computed)`;
  if (row.actual > row.limit.value) return `${ICON[row.status]} ${limit} (${overBy(row.metric, row.actual, row.limit.value)} over)`;
  const used = row.limit.value === 0 ? 100 : (100 * row.actual) / row.limit.value;
  return `${ICON[row.status]} ${limit} (${used.toFixed(1)}% used)`;
}

/** `⚠️ 2% (+2.49M)`: the allowance as written and what it allows. */
function growthCell(row: GrowthRow): string {
  return `${ICON[row.status]} ${esc(row.allowance.text)} (${formatMetricDelta(row.metric, row.allowed)})`;
}

interface QuantityRow {
  label: string;
  metric: Metric;
  /** The metrics a growth row may attach to. */
  covers: Metric[];
  limit?: LimitRow;
  growth?: GrowthRow;
}

/**
 * One row per quantity that has a limit, a growth allowance or a change: its value, this PR's
 * change, and how it stands against its limit and its allowed growth. Twins that only restate
 * their partner (trainable = params) are left out; a module limit is a row of its own.
 */
function quantityRows(model: ModelResult, head: Quantities, base: Quantities | undefined): QuantityRow[] {
  const rows: QuantityRow[] = (model.budget?.limits ?? []).map((limit) => ({
    label: limit.label,
    metric: limit.metric,
    covers: limit.label === metricList([limit.metric, ...(limit.also ?? [])]) ? [limit.metric, ...(limit.also ?? [])] : [],
    limit,
  }));
  for (const growth of model.budget?.growth ?? []) {
    const metrics = [growth.metric, ...(growth.also ?? [])];
    // The growth of params (and of trainable, its twin) belongs on the row of the params limit.
    const row = rows.find((candidate) => !candidate.growth && metrics.some((metric) => candidate.covers.includes(metric)));
    if (row) {
      row.growth = growth;
      row.covers = [...new Set([...row.covers, ...metrics])];
      row.label = metricList(row.covers);
    } else rows.push({ label: metricList(metrics), metric: growth.metric, covers: metrics, growth });
  }
  const covered = new Set(rows.flatMap((row) => row.covers));
  for (const { name } of METRICS) {
    const changed = base !== undefined && base[name] !== undefined && head[name] !== undefined && base[name] !== head[name];
    if (!changed || covered.has(name) || restatesTwin(name, [head, base])) continue;
    rows.push({ label: name, metric: name, covers: [name] });
  }
  const order = (row: QuantityRow) => METRICS.findIndex((metric) => metric.name === row.metric) + (row.covers.length ? 0 : 0.5);
  return rows.sort((a, b) => order(a) - order(b));
}

function quantityTable(model: ModelResult): string[] {
  const head = headQuantities(model);
  if (!head) return [];
  const base = baseQuantities(model);
  const rows = quantityRows(model, head, base);
  if (!rows.length) return [];
  const cells = rows.map((row) => {
    const metricLevel = row.covers.length > 0;
    const value = metricLevel ? head[row.metric] : row.limit?.actual;
    const before = metricLevel ? base?.[row.metric] : undefined;
    return [
      esc(row.label),
      value === undefined ? "not computed" : formatMetricShort(row.metric, value),
      value === undefined || before === undefined ? "" : change(row.metric, before, value),
      row.limit ? limitCell(row.limit) : "",
      row.growth ? growthCell(row.growth) : "",
    ];
  });
  return ["| Quantity | Value | This PR | Limit | Growth allowed |", "| --- | ---: | ---: | --- | --- |", ...cells.map((row) => `| ${row.join(" | ")} |`), ""];
}

function rolledRow(row: RolledChange): string {
  const delta = row.delta === 0 ? "±0" : `${formatMetricDelta("params", row.delta)} (${formatSignedPercent(row.delta, row.before)})`;
  return `| ${esc(row.path)} | ${esc(row.types.join(", "))} | ${esc(row.change)} | ${delta} | ${row.instances} |`;
}

/** The changed layers rolled up along the module tree, the first rows in the comment and the rest left to the job summary. */
function layerChanges(model: ModelResult, options: SectionOptions): string[] {
  const diff = model.diff;
  if (!diff) return [];
  if (!diff.changes.length) return ["No layer changed.", ""];
  const rows = rollUpChanges(diff.changes);
  const shown = rows.slice(0, options.layerRows);
  const more = rows.length - shown.length;
  return [
    `| Changed layers (${plural(diff.changes.length, "entry", "entries")}) | Type | Change | Params | Instances |`,
    "| --- | --- | --- | ---: | ---: |",
    ...shown.map(rolledRow),
    ...(more ? ["", `…and ${plural(more, "more row")}. ${options.rest}`] : []),
    "",
  ];
}

/** Every figure of the model as an exact integer (bytes for memory), base and head, with the limits. */
function exactFigures(model: ModelResult): string[] {
  const head = headQuantities(model);
  if (!head) return [];
  const base = baseQuantities(model);
  const exact = (metric: Metric, value: number | undefined) => (value === undefined ? "–" : `${formatInteger(value)}${metricNamed(metric).unit === "bytes" ? " B" : ""}`);
  const shown = METRICS.filter((metric) => (head[metric.name] !== undefined || base?.[metric.name] !== undefined) && !restatesTwin(metric.name, [head, base]));
  const rows = shown.map((metric) => `| ${metric.name} | ${base ? exact(metric.name, base[metric.name]) : "–"} | ${exact(metric.name, head[metric.name])} |`);
  return ["<details><summary>Exact figures</summary>", "", "| Quantity | Base | This PR |", "| --- | ---: | ---: |", ...rows, "", "</details>", ""];
}

/** The formulas of the changed layers and the table of the unchanged ones, folded together; long lists only in the job summary. */
function layerDetails(model: ModelResult, full: boolean): string[] {
  const changed = (model.diff?.changes ?? []).flatMap((entry) => (entry.kind === "removed" ? [] : [entry.after]));
  const unchanged: LayerState[] = model.diff ? model.diff.unchanged : model.head.kind === "report" ? layerStates(model.head.report) : [];
  const withParams = unchanged.filter((layer) => layer.params > 0);
  const showFormulas = changed.length > 0 && (full || changed.length <= DETAIL_ROWS);
  const showUnchanged = withParams.length > 0 && (full || withParams.length <= DETAIL_ROWS);
  if (!showFormulas && !showUnchanged) return [];
  const what = [showFormulas ? "formulas of the changed layers" : "", showUnchanged ? `${model.diff ? "unchanged layers" : "layers"} (${withParams.length})` : ""]
    .filter(Boolean)
    .join(", ");
  return [
    `<details><summary>${what.charAt(0).toUpperCase()}${what.slice(1)}</summary>`,
    "",
    ...(showFormulas ? [...changed.map((layer) => `- ${esc(layer.path)}: ${esc(layer.formula)}`), ""] : []),
    ...(showUnchanged
      ? [
          "| Layer | Type | × | Params |",
          "| --- | --- | ---: | ---: |",
          ...withParams.map((layer) => `| ${esc(layer.path)} | ${esc(layer.type)} | ${layer.count === 1 ? "" : layer.count} | ${formatInteger(layer.params)} |`),
          "",
        ]
      : []),
    "</details>",
    "",
  ];
}

/** What the model's state is when it is not simply a report at both sides. */
function stateLines(model: ModelResult): string[] {
  if (model.head.kind === "invalid")
    return [
      `**${model.base ? "Invalid at head" : "Invalid"}** (${plural(model.head.diagnostics.length, "error")}), so nothing was counted:`,
      ...diagnosticLines(model.head.diagnostics),
      "",
    ];
  if (model.head.kind === "absent") return ["Deleted in this change.", ""];
  if (model.base?.kind === "absent") return ["New in this change.", ""];
  if (model.base?.kind === "invalid") return ["Invalid at base, so compared without a diff.", ""];
  return [];
}

function checkpointLines(model: ModelResult): string[] {
  if (!model.checkpoint) return [];
  const { file, diagnostics } = model.checkpoint;
  return [
    diagnostics.length ? `**The spec and the checkpoint ${esc(file)} differ:**` : `✅ Every tensor matches the checkpoint ${esc(file)}.`,
    ...diagnosticLines(diagnostics),
    "",
  ];
}

export function modelSection(model: ModelResult, options: SectionOptions): Section {
  const essential = [
    `#### ${ICON[model.status]} ${esc(modelName(model))} · ${esc(model.file)}`,
    "",
    ...stateLines(model),
    ...adapterLines(model),
    ...routingLines(model),
    ...checkpointLines(model),
    ...quantityTable(model),
  ];
  if (model.budget?.renamedFrom !== undefined) {
    essential.push(
      `This change renames the model from ${esc(model.budget.renamedFrom)} to ${esc(modelName(model))}: its budget entry ${esc(model.budget.renamedFrom)} still applies, matched by the spec's path.`,
      "",
    );
  }
  essential.push(...layerChanges(model, options));
  const base = model.base?.kind === "report" ? model.base.report : undefined;
  const chart = options.chart && model.head.kind === "report" ? moduleCharts(model.head.report, base, options.full) : [];
  const optional = [chart, exactFigures(model), layerDetails(model, options.full)].filter((part) => part.length);
  return { essential: [...essential, ...hintsSection(model.hints)], optional };
}
