import { worst, type GrowthRow, type LimitRow, type Status } from "../budget/evaluate.js";
import { formatMetricDelta, formatMetricShort, METRICS } from "../metrics/index.js";
import { escapeMarkdown as esc } from "../report/index.js";
import { baseQuantities, change, diagnosticLines, headQuantities, ICON, memoryMetric, metricList, modelName, plural, valueWithChange } from "./comment-parts.js";
import { modelSection, overBy, type Section } from "./model-section.js";
import type { CheckResult, ModelResult } from "./types.js";

/** GitHub refuses comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

export interface CommentContext {
  /** Distinguishes the comments of several jobs on one PR. */
  key: string;
  /** The workflow run, whose page shows the job summary: where the rows a comment leaves out are. */
  runUrl?: string;
  /** The check wrote the HTML treemap (the action's html-report output): the footer points to the run's artifacts for it. */
  htmlReport?: boolean;
  /** Where the full report is when the comment had to be cut. */
  fullReportHint: string;
  /** Longest body allowed: a comment's limit unless given (job summaries allow more). */
  limit?: number;
  /** What the limit counts: characters for comments, UTF-8 bytes for job summaries. */
  measure?: "characters" | "bytes";
  /** Rolled-up layer rows per model before the rest is left to the job summary; Infinity for the job summary itself. */
  changesShown?: number;
  /** A mermaid chart of each model's top-level modules (always in the job summary; in a comment with the input `chart: true`). */
  chart?: boolean;
}

export function commentMarker(key: string): string {
  return `<!-- model-budget:${key.replace(/-->/g, "")} -->`;
}

/** Layer rows a comment shows per model. */
const CHANGES_SHOWN = 15;
/** Unchanged models a comment names before it counts the rest. */
const UNCHANGED_SHOWN = 12;
/** Problems the headline lists before it counts the rest. */
const HEADLINE_PROBLEMS = 6;

interface Problem {
  status: Status;
  text: string;
}

/** An invalid spec, at the head of a comparison or on its own. */
const invalidState = (model: ModelResult): string => (model.base ? "invalid at head" : "invalid");

/** `params 84.5K over the 41.8K limit (+102.2%)`, or why the limit could not be checked. */
function overLimit(row: LimitRow): string {
  const limit = formatMetricShort(row.metric, row.limit.value);
  if (row.actual === undefined) return `${esc(row.label)} not computed for this spec, so its ${limit} limit is unchecked`;
  return `${esc(row.label)} ${formatMetricShort(row.metric, row.actual)} over the ${limit} limit (${overBy(row.metric, row.actual, row.limit.value)})`;
}

/** `more than the 10% growth allowed (+3.79K)`. */
function overAllowance(row: GrowthRow): string {
  return `more than the ${esc(row.allowance.text)} growth allowed (${formatMetricDelta(row.metric, row.allowed)})`;
}

/**
 * A model's failing or warning limits and growths, one line per quantity: its figure against its
 * limit, this PR's part, and the growth allowance it broke too, if any.
 */
function modelProblems(model: ModelResult): Problem[] {
  const name = esc(modelName(model));
  if (model.head.kind === "invalid") return [{ status: "fail", text: `${name}: ${invalidState(model)} (${plural(model.head.diagnostics.length, "error")})` }];
  const problems: Problem[] = [];
  if (model.checkpoint?.diagnostics.length)
    problems.push({ status: "fail", text: `${name}: the spec and the checkpoint ${esc(model.checkpoint.file)} differ (${plural(model.checkpoint.diagnostics.length, "tensor")})` });
  const head = headQuantities(model);
  const base = baseQuantities(model);
  const grown = (model.budget?.growth ?? []).filter((row) => row.status !== "pass");
  for (const row of model.budget?.limits ?? []) {
    if (row.status === "pass") continue;
    const metricLevel = row.label === metricList([row.metric, ...(row.also ?? [])]);
    const before = metricLevel ? base?.[row.metric] : undefined;
    const after = head?.[row.metric];
    const growth = metricLevel ? grown.find((candidate) => candidate.metric === row.metric) : undefined;
    if (growth) grown.splice(grown.indexOf(growth), 1);
    const part = before !== undefined && after !== undefined ? ` — this PR ${change(row.metric, before, after)}${growth ? `, ${overAllowance(growth)}` : ""}` : "";
    problems.push({ status: growth ? worst([row.status, growth.status]) : row.status, text: `${name}: ${overLimit(row)}${part}` });
  }
  for (const row of grown) {
    problems.push({ status: row.status, text: `${name}: ${metricList([row.metric, ...(row.also ?? [])])} grew ${change(row.metric, row.base, row.head)}, ${overAllowance(row)}` });
  }
  return problems;
}

/** Every failing or warning thing, failures first: the budget file, then each model, then unmatched entries. */
function problemsOf(result: CheckResult): Problem[] {
  const budget = result.budget;
  const problems: Problem[] = [];
  if (budget.state === "invalid")
    problems.push({ status: "fail", text: `the budget file ${esc(budget.file)} is invalid (${plural(budget.diagnostics.length, "error")}), so no limit was checked` });
  problems.push(...result.models.flatMap(modelProblems));
  for (const entry of budget.unmatched) {
    problems.push({
      status: "warn",
      text: `budget entry ${esc(entry.key)} (line ${entry.line}) matches no spec${entry.suggestion === undefined ? "" : `; did you mean ${esc(entry.suggestion)}?`}`,
    });
  }
  const rank: Record<Status, number> = { fail: 0, warn: 1, pass: 2 };
  return problems.sort((a, b) => rank[a.status] - rank[b.status]);
}

/** The largest parameter change among the models, for the all-pass line. */
function largestChange(result: CheckResult): string {
  if (!result.baseRef) return "no base to compare with";
  let largest: { model: ModelResult; before: number; after: number } | undefined;
  for (const model of result.models) {
    const before = baseQuantities(model)?.params;
    const after = headQuantities(model)?.params;
    if (before === undefined || after === undefined || before === after) continue;
    if (!largest || Math.abs(after - before) > Math.abs(largest.after - largest.before)) largest = { model, before, after };
  }
  return largest ? `largest change ${esc(modelName(largest.model))} ${change("params", largest.before, largest.after).replace(" (", " params (")}` : "no parameter count changed";
}

/** The headline: the worst problem as the heading and the others listed under it, or one line when all pass. */
function headline(result: CheckResult): string[] {
  const problems = problemsOf(result);
  const edits = result.budget.changes.length ? [`✏️ this PR edits ${plural(result.budget.changes.length, "limit")} in ${esc(result.budget.file)}: see below`] : [];
  if (!problems.length) {
    const models = plural(result.models.length, "model");
    const verdict = result.budget.state === "ok" ? `${models} within budget` : `${models} reported, no budget file`;
    return [`### ✅ ${verdict} · ${largestChange(result)}`, ...edits.map((line) => `- ${line}`)];
  }
  const [first, ...rest] = problems;
  const listed = rest.slice(0, HEADLINE_PROBLEMS - 1).map((problem) => `- ${ICON[problem.status]} ${problem.text}`);
  const more = rest.length > listed.length ? [`- …and ${plural(rest.length - listed.length, "more problem")} below`] : [];
  return [`### ${ICON[first!.status]} ${first!.text}`, ...listed, ...more, ...edits.map((line) => `- ${line}`)];
}

/** A model worth its own section: anything but one whose every figure is as at base and whose checks all pass. */
function isNotable(model: ModelResult): boolean {
  const head = headQuantities(model);
  const base = baseQuantities(model);
  const same = head !== undefined && base !== undefined && METRICS.every((metric) => head[metric.name] === base[metric.name]);
  return !(same && model.diff?.changes.length === 0 && model.status === "pass" && !model.checkpoint?.diagnostics.length);
}

/** Status first, then the model, its parameters with this PR's change, the training memory its recipe is judged by, and its serving memory. */
function totalsTable(models: readonly ModelResult[]): string[] {
  if (!models.length) return [];
  const withMemory = models.some((model) => memoryMetric(headQuantities(model)) !== undefined);
  const withServing = models.some((model) => headQuantities(model)?.["serving-memory"] !== undefined);
  const header = ["", "Model", "Params", ...(withMemory ? ["Training memory"] : []), ...(withServing ? ["Serving memory"] : [])];
  const rows = models.map((model) => {
    const head = headQuantities(model);
    const base = baseQuantities(model);
    const isNew = model.base?.kind === "absent";
    const memory = memoryMetric(head);
    const params = head
      ? valueWithChange("params", head.params!, base?.params, isNew)
      : model.head.kind === "invalid"
        ? invalidState(model)
        : `deleted${base?.params === undefined ? "" : ` (was ${formatMetricShort("params", base.params)})`}`;
    const memoryCell = memory && head ? `${valueWithChange(memory, head[memory]!, base?.[memory], isNew)}${memory === "memory-per-gpu" ? " per GPU" : ""}` : "–";
    const serving = head?.["serving-memory"];
    const servingCell = serving === undefined ? "–" : valueWithChange("serving-memory", serving, base?.["serving-memory"], isNew);
    const note = model.base?.kind === "invalid" && head ? " (invalid at base)" : "";
    return [ICON[model.status], esc(modelName(model)), `${params}${note}`, ...(withMemory ? [memoryCell] : []), ...(withServing ? [servingCell] : [])];
  });
  return [`| ${header.join(" | ")} |`, `| ${header.map((_, index) => (index < 2 ? "---" : "---:")).join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`), ""];
}

/**
 * Models this change leaves as they were, in one line: within budget only when a budget was checked.
 * A comment names the first UNCHANGED_SHOWN (a monorepo's hundred would bury the table) and counts the rest.
 */
function unchangedLine(models: readonly ModelResult[], budgetChecked: boolean, shown: number, rest: string): string[] {
  if (!models.length) return [];
  const listed = models.slice(0, shown).map((model) => `${esc(modelName(model))} (${formatMetricShort("params", headQuantities(model)?.params ?? 0)} params)`);
  const more = models.length > shown ? ` and ${models.length - shown} more. ${rest}` : ".";
  return [`${budgetChecked ? "✅ Unchanged and within budget" : "Unchanged"}: ${listed.join(", ")}${more}`, ""];
}

function budgetNotes(result: CheckResult): string[] {
  const budget = result.budget;
  const notes: string[] = [];
  if (budget.changes.length) {
    notes.push(
      `> [!WARNING]`,
      `> **This change edits the budget file ${esc(budget.file)}**${budget.from === "head" ? " and the edited limits are the ones enforced" : " (the base branch's limits are enforced)"}:`,
      ...budget.changes.map(
        (edit) =>
          `> - ${esc(edit.key)} · ${esc(edit.setting)}: ${edit.before === undefined ? "none" : esc(edit.before)} → ${edit.after === undefined ? "removed" : esc(edit.after)}${edit.line ? ` (line ${edit.line})` : ""}`,
      ),
      "",
    );
  }
  if (budget.state === "missing") {
    notes.push(`No budget file at ${esc(budget.file)}: this is a report only. Create one with \`model-budget init SPEC... --headroom 10%\` and commit it to enforce limits.`, "");
  }
  if (budget.unmatched.length) {
    const described = budget.unmatched.map((entry) => `${esc(entry.key)} (line ${entry.line}${entry.suggestion === undefined ? "" : `; did you mean ${esc(entry.suggestion)}?`})`);
    notes.push(`Budget entries that match no spec: ${described.join(", ")}. Key each entry by a spec's \`model:\` name or its path.`, "");
  }
  return notes;
}

/** The budget file's own errors, before anything else: without a readable budget nothing below was checked. */
function budgetErrors(result: CheckResult): string[] {
  if (result.budget.state !== "invalid") return [];
  return [`**The budget file ${esc(result.budget.file)} is invalid**, so no limit was checked:`, ...diagnosticLines(result.budget.diagnostics), ""];
}

/** The small print: what was compared, how it was counted, and the workflow run. */
function footer(result: CheckResult, context: CommentContext): string[] {
  const { runUrl } = context;
  const compared = result.baseRef ? `Compared with base \`${esc(result.baseRef.slice(0, 12))}\`` : "No base commit to compare with";
  return [
    "---",
    `<sub>${compared} · counted by model-budget exactly as PyTorch's \`parameters()\`${runUrl ? ` · [workflow run](${runUrl})` : ""}${runUrl && context.htmlReport ? ` · [treemap of this change](${runUrl}#artifacts) (its artifacts, when the workflow uploads html-report)` : ""}</sub>`,
  ];
}

/** Cuts a body to the limit: folded details first, then whole lines, with a pointer to the full report. */
function fit(head: string[], sections: Section[], footer: string[], context: CommentContext): string {
  const limit = context.limit ?? COMMENT_LIMIT;
  const deepest = Math.max(0, ...sections.map((section) => section.optional.length));
  const assemble = (dropped: number) => {
    const body = sections.flatMap((section) => [...section.essential, ...section.optional.slice(0, Math.max(0, section.optional.length - dropped)).flat()]);
    return [...head, ...body, ...footer].join("\n");
  };
  const bytes = context.measure === "bytes";
  const size = (text: string) => (bytes ? Buffer.byteLength(text, "utf8") : text.length);
  for (let dropped = 0; dropped <= deepest; dropped++) {
    const text = assemble(dropped);
    if (size(text) <= limit) return text;
  }
  // A blank line before the footer's rule: right under a paragraph, `---` would make the notice a heading.
  const tail = `\n\n**The report is too long for a comment and was cut here.** ${context.fullReportHint}\n\n${footer.join("\n")}`;
  const room = limit - size(tail);
  const text = assemble(deepest);
  // Cut at the last whole line that fits; a character split by the byte cut goes with its line.
  const kept = bytes ? Buffer.from(text, "utf8").subarray(0, room).toString("utf8") : text.slice(0, room);
  return kept.replace(/\n[^\n]*$/, "") + tail;
}

/**
 * The sticky PR comment (and, with every row, the job summary): a headline that names each failing
 * limit and by how much, a narrow table of the models, then a section per model that changed or
 * has a problem: its quantities against their limits, its layer changes rolled up, details folded.
 * Cut to GitHub's limit by dropping folded detail first.
 */
export function renderPullRequestComment(result: CheckResult, context: CommentContext): string {
  const notable = result.models.filter(isNotable);
  const quiet = result.models.filter((model) => !isNotable(model));
  const full = context.changesShown === Infinity;
  const summaryLink = context.runUrl ? `They are in the [job summary](${context.runUrl}) of the workflow run.` : context.fullReportHint;
  const head = [
    commentMarker(context.key),
    ...headline(result),
    "",
    ...budgetErrors(result),
    ...totalsTable(notable),
    ...unchangedLine(quiet, result.budget.state === "ok", full ? Infinity : UNCHANGED_SHOWN, summaryLink),
    ...budgetNotes(result),
  ];
  const options = { layerRows: context.changesShown ?? CHANGES_SHOWN, rest: summaryLink, full, chart: full || context.chart === true };
  const sections = notable.map((model) => modelSection(model, options));
  return fit(head, sections, footer(result, context), context);
}
