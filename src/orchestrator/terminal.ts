import type { Status } from "../budget/evaluate.js";
import type { GrowthRow, LimitRow } from "../budget/evaluate.js";
import { formatInteger } from "../count/index.js";
import { renderDiagnostic } from "../diagnostics/render.js";
import { changeDelta, type LayerChange } from "../diff/index.js";
import { formatBytes, listed, metricNamed, quantitiesOf, type Metric, type Quantities } from "../metrics/index.js";
import { renderText } from "../report/text.js";
import type { CheckResult, ModelResult } from "./types.js";

const MARK: Record<Status, string> = { pass: "✓", warn: "⚠", fail: "✗" };
/** Changed layer entries listed per model, the largest first; --format json has them all. */
const CHANGES_SHOWN = 10;

/** `2.97M`, `124M`, `40.8B`, `992K`, `640`: three significant digits; exact integers stay in --format json. */
export function humanCount(value: number): string {
  const magnitude = Math.abs(value);
  const units: [number, string][] = [
    [1e12, "T"],
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "K"],
  ];
  for (const [size, suffix] of units) {
    if (magnitude < size) continue;
    const scaled = magnitude / size;
    const text = scaled.toFixed(scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2);
    // 999.7K rounds to 1000K: one unit up reads 1.00M.
    if (Number(text) >= 1000 && suffix !== "T") continue;
    return `${value < 0 ? "−" : ""}${text}${suffix}`;
  }
  return `${value < 0 ? "−" : ""}${magnitude}`;
}

function human(metric: Metric, value: number): string {
  if (metricNamed(metric).unit !== "bytes") return humanCount(value);
  return `${value < 0 ? "−" : ""}${formatBytes(Math.abs(value))}`;
}

function signed(metric: Metric, value: number): string {
  return value > 0 ? `+${human(metric, value)}` : value < 0 ? human(metric, value) : "±0";
}

function percentOf(part: number, whole: number): string {
  if (whole === 0) return "";
  const share = (100 * part) / whole;
  return ` (${share > 0 ? "+" : share < 0 ? "−" : "±"}${Math.abs(share).toFixed(1)}%)`;
}

function nameOf(model: ModelResult): string {
  if (model.head.kind === "report") return model.head.report.model;
  if (model.base?.kind === "report") return model.base.report.model;
  return model.file;
}

/** A quantity at head with its change since base: `2.97M +992K`, or what the spec's state is instead. */
function quantityCell(model: ModelResult, metric: Metric): string {
  if (model.head.kind === "invalid") return "invalid";
  if (model.head.kind === "absent") return "deleted";
  const head: Quantities = quantitiesOf(model.head.report);
  const base: Quantities | undefined = model.base?.kind === "report" ? quantitiesOf(model.base.report) : undefined;
  const after = head[metric];
  if (after === undefined) return "–";
  const before = base?.[metric];
  if (model.base?.kind === "absent") return `${human(metric, after)} new`;
  return before === undefined || before === after ? human(metric, after) : `${human(metric, after)} ${signed(metric, after - before)}`;
}

function modelsTable(result: CheckResult, columns?: number): string {
  const memory = result.models.some((model) => model.head.kind === "report" && model.head.report.memory !== undefined);
  return renderText(
    {
      headers: ["Model", "Params", ...(memory ? ["Training memory"] : []), "Status"],
      align: ["left", "right", ...(memory ? (["right"] as const) : []), "left"],
      rows: result.models.map((model) => [
        nameOf(model),
        quantityCell(model, "params"),
        ...(memory ? [quantityCell(model, "memory")] : []),
        `${MARK[model.status]} ${model.status}`,
      ]),
      footer: [],
    },
    columns,
  );
}

function limitLine(row: LimitRow): string {
  if (row.actual === undefined) return `${MARK[row.status]} ${row.label}: not computed for this spec (limit ${row.limit.text})`;
  const shown = human(row.metric, row.actual);
  const exact = metricNamed(row.metric).unit === "count" && shown !== formatInteger(row.actual) ? ` (${formatInteger(row.actual)})` : "";
  const room = row.limit.value - row.actual;
  const verdict = room < 0 ? `over the ${row.limit.text} limit by ${human(row.metric, -room)}` : `within the ${row.limit.text} limit, ${human(row.metric, room)} to spare`;
  return `${MARK[row.status]} ${row.label} ${shown}${exact} ${verdict}${percentOf(-room, row.limit.value)}`;
}

function growthLine(row: GrowthRow): string {
  const grown = row.head - row.base;
  return `${MARK[row.status]} ${listed([row.metric, ...(row.also ?? [])])} grew ${signed(row.metric, grown)}${percentOf(grown, row.base)}, allowed ${row.allowance.text} (${human(row.metric, row.allowed)})`;
}

function changeCells(change: LayerChange): string[] {
  const layer = change.kind === "removed" ? change.before : change.after;
  const what =
    change.kind === "moved"
      ? `moved from ${change.before.path}`
      : change.kind === "changed" && change.before.count !== change.after.count
        ? `× ${change.before.count} → ${change.after.count}`
        : change.kind;
  return [layer.path, layer.type, what, signed("params", changeDelta(change))];
}

/** One model's findings: its diagnostics, the limits that fail or warn (those that hold, counted), its largest layer changes. */
function modelDetails(model: ModelResult, columns?: number): string[] {
  const lines = [`${MARK[model.status]} ${nameOf(model)} (${model.file})`];
  const indent = (text: string) => text.replace(/^/gm, "  ");
  if (model.head.kind === "invalid") lines.push("  invalid at head:", ...model.head.diagnostics.map((problem) => indent(indent(renderDiagnostic(problem)))));
  if (model.checkpoint && !model.checkpoint.diagnostics.length) lines.push(`  ✓ every tensor matches the checkpoint ${model.checkpoint.file}`);
  if (model.checkpoint?.diagnostics.length) {
    lines.push(`  the spec and the checkpoint ${model.checkpoint.file} differ:`, ...model.checkpoint.diagnostics.map((problem) => indent(indent(renderDiagnostic(problem)))));
  }
  const rows = [...(model.budget?.limits ?? []).map((row) => ({ row, line: limitLine(row) })), ...(model.budget?.growth ?? []).map((row) => ({ row, line: growthLine(row) }))];
  lines.push(...rows.filter(({ row }) => row.status !== "pass").map(({ line }) => `  ${line}`));
  const holding = rows.filter(({ row }) => row.status === "pass").length;
  if (holding) lines.push(`  ✓ ${holding} other limit${holding === 1 ? "" : "s"} hold${holding === 1 ? "s" : ""}`);
  const changes = [...(model.diff?.changes ?? [])].sort((a, b) => Math.abs(changeDelta(b)) - Math.abs(changeDelta(a)));
  if (changes.length) {
    const shown = changes.slice(0, CHANGES_SHOWN);
    lines.push(`  ${changes.length} layer entr${changes.length === 1 ? "y" : "ies"} changed${changes.length > shown.length ? `, the ${shown.length} largest:` : ":"}`);
    const table = renderText(
      {
        headers: ["Layer", "Type", "Change", "Params"],
        align: ["left", "left", "left", "right"],
        rows: shown.map(changeCells),
        footer: [],
        priority: [undefined, 1, 2, undefined],
      },
      columns && columns - 4,
    );
    lines.push(indent(indent(table)));
  }
  return lines;
}

function budgetLines(result: CheckResult): string[] {
  const { budget } = result;
  const lines: string[] = [];
  if (budget.state === "missing") lines.push(`No budget file at ${budget.file}: a report only (model-budget init SPEC... writes one).`);
  if (budget.state === "invalid")
    lines.push(`✗ The budget file ${budget.file} is invalid, so no limit was checked:`, ...budget.diagnostics.map((problem) => renderDiagnostic(problem).replace(/^/gm, "  ")));
  if (budget.changes.length) {
    lines.push(`⚠ This change edits ${budget.file}${budget.from === "head" ? ", and its limits are the ones enforced" : " (the base branch's limits are enforced)"}:`);
    lines.push(
      ...budget.changes.map(
        (change) => `  ${change.key} · ${change.setting}: ${change.before ?? "none"} → ${change.after ?? "removed"}${change.line ? ` (line ${change.line})` : ""}`,
      ),
    );
  }
  return lines;
}

/**
 * The check for a terminal: a headline, one row per model (params and memory with their change, status),
 * then each model that fails, warns or changed: the limits it breaks and its largest layer changes.
 * Plain text; the caller colours the marks and makes names safe for the terminal.
 */
export function renderCheckText(result: CheckResult, columns?: number): string {
  const failing = result.models.filter((model) => model.status === "fail").length;
  const counted = `${result.models.length} spec${result.models.length === 1 ? "" : "s"}${failing ? `, ${failing} failing` : ""}`;
  const compared = result.baseRef ? `compared with ${result.baseRef.slice(0, 12)}` : "no base to compare with";
  const verdict = result.status === "pass" && result.budget.state === "ok" ? "pass, every limit holds" : result.status;
  const parts = [`${MARK[result.status]} model-budget check: ${verdict} · ${counted} · ${compared}`, "", modelsTable(result, columns)];
  const budget = budgetLines(result);
  if (budget.length) parts.push("", ...budget);
  for (const model of result.models) {
    if (model.status === "pass" && !model.diff?.changes.length && model.head.kind === "report" && !model.checkpoint) continue;
    parts.push("", ...modelDetails(model, columns));
  }
  return `${parts.join("\n")}\n`;
}
