import type { GrowthRow, LimitRow, Status } from "../budget/evaluate.js";
import { formatInteger } from "../count/index.js";
import { changeDelta, layerStates, type LayerChange, type LayerState } from "../diff/index.js";
import { formatMetric, METRICS, quantitiesOf, type Metric, type MetricDefinition, type Quantities } from "../metrics/index.js";
import { escapeMarkdown as esc } from "../report/index.js";
import { hintsSection } from "./hints-section.js";
import type { CheckResult, Diagnostic, ModelResult } from "./types.js";

/** GitHub refuses comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

export interface CommentContext {
  /** Distinguishes the comments of several jobs on one PR. */
  key: string;
  runUrl?: string;
  /** Where the full report is when the comment had to be cut. */
  fullReportHint: string;
  /** Longest body allowed: a comment's limit unless given (job summaries allow more). */
  limit?: number;
  /** What the limit counts: characters for comments, UTF-8 bytes for job summaries. */
  measure?: "characters" | "bytes";
  /** Changed layers listed per model before the rest are counted (all of them in a job summary). */
  changesShown?: number;
}

export function commentMarker(key: string): string {
  return `<!-- model-budget:${key.replace(/-->/g, "")} -->`;
}

const ICON: Record<Status, string> = { pass: "✅", warn: "⚠️", fail: "❌" };
const CHANGES_SHOWN = 50;

function signed(value: number, format: (value: number) => string): string {
  return value > 0 ? `+${format(value)}` : value < 0 ? `−${format(-value)}` : "±0";
}

function share(delta: number, base: number): string {
  if (delta === 0) return "";
  if (base === 0) return " (new)";
  const percent = (100 * delta) / base;
  return ` (${percent > 0 ? "+" : percent < 0 ? "−" : "±"}${Math.abs(percent).toFixed(Math.abs(percent) < 0.1 && percent !== 0 ? 3 : 1)}%)`;
}

function quantityCells(metric: Metric, head: Quantities | undefined, base: Quantities | undefined, isNew: boolean): string[] {
  const after = head?.[metric];
  const before = base?.[metric];
  const format = (value: number) => formatMetric(metric, value);
  if (after === undefined) return ["–", before === undefined ? "" : signed(-before, format)];
  if (before === undefined) return [format(after), isNew ? "new" : ""];
  return [format(after), `${signed(after - before, format)}${share(after - before, before)}`];
}

function modelName(model: ModelResult): string {
  if (model.head.kind === "report") return model.head.report.model;
  if (model.base?.kind === "report") return model.base.report.model;
  return model.file;
}

function sideNote(model: ModelResult): string {
  if (model.head.kind === "absent") return "deleted in this change";
  if (model.head.kind === "invalid") return `invalid spec (${model.head.diagnostics.length} error${model.head.diagnostics.length === 1 ? "" : "s"})`;
  if (!model.base) return "";
  if (model.base.kind === "absent") return "new in this change";
  if (model.base.kind === "invalid") return "invalid at base: compared without a diff";
  return "";
}

/** The registry's columns: those always shown, and the rest when some model reports them. */
function columnsOf(result: CheckResult): MetricDefinition<Metric>[] {
  const reported = (metric: MetricDefinition<Metric>) => result.models.some((model) => model.head.kind === "report" && metric.read(model.head.report) !== undefined);
  return METRICS.filter((metric) => metric.column === "always" || (metric.column === "when-reported" && reported(metric)));
}

function totalsTable(result: CheckResult): string[] {
  const columns = columnsOf(result);
  const header = ["Model", ...columns.flatMap((metric) => [metric.title, "Δ"]), "Status"];
  const rows = result.models.map((model) => {
    const head = model.head.kind === "report" ? quantitiesOf(model.head.report) : undefined;
    const base = model.base?.kind === "report" ? quantitiesOf(model.base.report) : undefined;
    const isNew = model.base?.kind === "absent";
    const note = sideNote(model);
    return [`${esc(modelName(model))}${note ? ` <sub>${esc(note)}</sub>` : ""}`, ...columns.flatMap((metric) => quantityCells(metric.name, head, base, isNew)), ICON[model.status]];
  });
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map((_, i) => (i === 0 || i === header.length - 1 ? " --- " : " ---: ")).join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ];
}

function changeRow(change: LayerChange): string {
  const delta = changeDelta(change);
  const layer = change.kind === "removed" ? change.before : change.after;
  const before = change.kind === "added" ? "–" : formatInteger(change.before.params);
  const after = change.kind === "removed" ? "–" : formatInteger(change.after.params);
  const what =
    change.kind === "moved"
      ? `moved from ${esc(change.before.path)}`
      : change.kind === "changed" && change.before.count !== change.after.count
        ? `× ${change.before.count} → ${change.after.count}`
        : change.kind;
  const base = change.kind === "added" ? 0 : change.before.params;
  return `| ${esc(layer.path)} | ${esc(layer.type)} | ${what} | ${before} | ${after} | ${signed(delta, formatInteger)}${share(delta, base)} |`;
}

function layerTable(rows: string[]): string[] {
  return ["| Layer | Type | Change | Before | After | Δ |", "| --- | --- | --- | ---: | ---: | ---: |", ...rows];
}

function limitRow(row: LimitRow): string {
  const actual = row.actual === undefined ? "not computed" : formatMetric(row.metric, row.actual);
  const headroom =
    row.actual === undefined ? "–" : `${signed(row.limit.value - row.actual, (value) => formatMetric(row.metric, value))}${share(row.limit.value - row.actual, row.limit.value)}`;
  return `| ${esc(row.label)} | ${esc(row.limit.text)} | ${actual} | ${headroom} | ${ICON[row.status]} |`;
}

function growthRow(row: GrowthRow): string {
  return `| growth of ${row.metric} | ${esc(row.allowance.text)} (${formatMetric(row.metric, row.allowed)}) | ${signed(row.head - row.base, (value) => formatMetric(row.metric, value))} | ${signed(row.allowed - (row.head - row.base), (value) => formatMetric(row.metric, value))} | ${ICON[row.status]} |`;
}

function diagnosticLines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((problem) => `- \`${esc(`${problem.file}:${problem.line}:${problem.col}`)}\` ${esc(problem.message)}${problem.hint ? ` — ${esc(problem.hint)}` : ""}`);
}

interface Section {
  /** Always kept. */
  essential: string[];
  /** Dropped, in this order, when the body is too long. */
  optional: string[][];
}

function modelSection(model: ModelResult, context: CommentContext): Section {
  const essential = [`#### ${ICON[model.status]} ${esc(modelName(model))} — ${esc(model.file)}`, ""];
  const optional: string[][] = [];
  if (model.head.kind === "invalid") essential.push(...diagnosticLines(model.head.diagnostics), "");
  if (model.checkpoint) {
    const { file, diagnostics } = model.checkpoint;
    essential.push(
      diagnostics.length ? `**The spec and the checkpoint ${esc(file)} differ:**` : `✅ Every tensor matches the checkpoint ${esc(file)}.`,
      ...diagnosticLines(diagnostics),
      "",
    );
  }
  if (model.budget) {
    essential.push(
      "| Budget | Limit | Actual | Headroom | |",
      "| --- | ---: | ---: | ---: | --- |",
      ...model.budget.limits.map(limitRow),
      ...model.budget.growth.map(growthRow),
      "",
    );
    if (model.budget.renamedFrom !== undefined) {
      essential.push(
        `This change renames the model from ${esc(model.budget.renamedFrom)} to ${esc(modelName(model))}: its budget entry ${esc(model.budget.renamedFrom)} still applies, matched by the spec's path.`,
        "",
      );
    }
  }
  const diff = model.diff;
  if (diff && diff.changes.length) {
    const sorted = [...diff.changes].sort((a, b) => Math.abs(changeDelta(b)) - Math.abs(changeDelta(a)));
    const shown = sorted.slice(0, context.changesShown ?? CHANGES_SHOWN).map(changeRow);
    const more = sorted.length - shown.length;
    essential.push(
      `**${diff.changes.length} changed layer entr${diff.changes.length === 1 ? "y" : "ies"}**`,
      "",
      ...layerTable(shown),
      ...(more ? [``, `…and ${more} more. ${context.fullReportHint}`] : []),
      "",
    );
    const formulas = sorted.flatMap((change) => (change.kind === "removed" ? [] : [`- ${esc(change.after.path)}: ${esc(change.after.formula)}`]));
    if (formulas.length) optional.push(["<details><summary>Formulas of changed layers</summary>", "", ...formulas, "", "</details>", ""]);
  } else if (diff) {
    essential.push("No layer changed.", "");
  }
  const unchanged: LayerState[] = diff ? diff.unchanged : model.head.kind === "report" ? layerStates(model.head.report) : [];
  const withParams = unchanged.filter((layer) => layer.params > 0);
  if (withParams.length) {
    optional.push([
      `<details><summary>${diff ? "Unchanged layers" : "Layers"} (${withParams.length})</summary>`,
      "",
      "| Layer | Type | × | Params |",
      "| --- | --- | ---: | ---: |",
      ...withParams.map((layer) => `| ${esc(layer.path)} | ${esc(layer.type)} | ${layer.count === 1 ? "" : layer.count} | ${formatInteger(layer.params)} |`),
      "",
      "</details>",
      "",
    ]);
  }
  return { essential: [...essential, ...hintsSection(model.hints)], optional };
}

function headline(result: CheckResult): string {
  const failing = result.models.filter((model) => model.status === "fail").length + (result.budget.state === "invalid" ? 1 : 0);
  const warning = result.models.filter((model) => model.status === "warn").length;
  if (result.status === "fail") return `### ❌ model-budget: ${failing} check${failing === 1 ? "" : "s"} failed`;
  if (result.status === "warn") return `### ⚠️ model-budget: ${warning || 1} warning${warning > 1 ? "s" : ""}`;
  return result.budget.state === "ok" ? "### ✅ model-budget: every budget holds" : "### ✅ model-budget: report";
}

function budgetNotes(result: CheckResult): string[] {
  const budget = result.budget;
  const notes: string[] = [];
  if (budget.changes.length) {
    notes.push(
      `> [!WARNING]`,
      `> **This change edits the budget file ${esc(budget.file)}**${budget.from === "head" ? " and the edited limits are the ones enforced" : " (the base branch's limits are enforced)"}:`,
      ...budget.changes.map(
        (change) =>
          `> - ${esc(change.key)} · ${esc(change.setting)}: ${change.before === undefined ? "none" : esc(change.before)} → ${change.after === undefined ? "removed" : esc(change.after)}${change.line ? ` (line ${change.line})` : ""}`,
      ),
      "",
    );
  }
  if (budget.state === "missing") {
    notes.push(`No budget file at ${esc(budget.file)}: this is a report only. Create one with \`model-budget init SPEC... --headroom 10%\` and commit it to enforce limits.`, "");
  }
  if (budget.state === "invalid") notes.push(`**The budget file is invalid**, so no limit could be checked:`, ...diagnosticLines(budget.diagnostics), "");
  if (budget.unmatched.length) {
    const described = budget.unmatched.map((entry) => `${esc(entry.key)} (line ${entry.line}${entry.suggestion === undefined ? "" : `; did you mean ${esc(entry.suggestion)}?`})`);
    notes.push(`Budget entries that match no spec: ${described.join(", ")}. Key each entry by a spec's \`model:\` name or its path.`, "");
  }
  return notes;
}

/**
 * The sticky PR comment: status line, totals with deltas, per-model budget rows and changed layers,
 * unchanged layers folded. Cut to GitHub's limit by dropping folded detail first.
 */
export function renderPullRequestComment(result: CheckResult, context: CommentContext): string {
  const compared = result.baseRef ? `Compared with base \`${esc(result.baseRef.slice(0, 12))}\`.` : "No base commit to compare with.";
  const head = [commentMarker(context.key), headline(result), "", compared, "", ...totalsTable(result), "", ...budgetNotes(result)];
  const sections = result.models.map((model) => modelSection(model, context));
  const footer = ["---", `<sub>Counted by model-budget exactly as PyTorch's \`parameters()\`${context.runUrl ? ` · [workflow run](${context.runUrl})` : ""}</sub>`];
  const limit = context.limit ?? COMMENT_LIMIT;
  const assemble = (dropped: number) => {
    const body = sections.flatMap((section) => [...section.essential, ...section.optional.slice(0, Math.max(0, section.optional.length - dropped)).flat()]);
    return [...head, ...body, ...footer].join("\n");
  };
  const bytes = context.measure === "bytes";
  const size = (text: string) => (bytes ? Buffer.byteLength(text, "utf8") : text.length);
  for (let dropped = 0; dropped <= 2; dropped++) {
    const text = assemble(dropped);
    if (size(text) <= limit) return text;
  }
  // A blank line before the footer's rule: right under a paragraph, `---` would make the notice a heading.
  const tail = `\n\n**The report is too long for a comment and was cut here.** ${context.fullReportHint}\n\n${footer.join("\n")}`;
  const room = limit - size(tail);
  const text = assemble(2);
  // Cut at the last whole line that fits; a character split by the byte cut goes with its line.
  const kept = bytes ? Buffer.from(text, "utf8").subarray(0, room).toString("utf8") : text.slice(0, room);
  return kept.replace(/\n[^\n]*$/, "") + tail;
}
