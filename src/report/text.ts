import type { AnalyzedModel } from "../analysis/index.js";
import { foldedNote, formulaLines, layerTable, shapeLines, type ReportOptions, type TableModel } from "./layer-table.js";
import { memoryFormulaLines, memoryHeading, memoryTable } from "./memory-table.js";
import { servingHeading, servingTable } from "./serving-table.js";

const GAP = 2;

function tableWidth(table: TableModel): number[] {
  const all = [table.headers, ...table.rows, ...table.footer];
  return table.headers.map((_, column) => Math.max(...all.map((row) => [...row[column]!].length)));
}

/** The table without column `drop`. */
function without(table: TableModel, drop: number): TableModel {
  const keep = <T>(cells: readonly T[]) => cells.filter((_, column) => column !== drop);
  return {
    headers: keep(table.headers),
    align: keep(table.align),
    rows: table.rows.map(keep),
    footer: table.footer.map(keep),
    ...(table.priority ? { priority: keep(table.priority) } : {}),
  };
}

/** `…tail` of a cell longer than `width`: a path's end names the layer. */
function shortened(cell: string, width: number): string {
  const chars = [...cell];
  return chars.length <= width ? cell : `…${chars.slice(chars.length - width + 1).join("")}`;
}

/**
 * The table within `columns` characters: its least needed columns dropped, lowest priority first, then
 * its first column's cells shortened from the left; the dropped headers are returned to be named.
 */
export function fitTable(table: TableModel, columns: number | undefined): { table: TableModel; dropped: string[] } {
  const dropped: string[] = [];
  const total = (fitted: TableModel) => tableWidth(fitted).reduce((sum, width) => sum + width + GAP, -GAP);
  let fitted = table;
  while (columns !== undefined && total(fitted) > columns) {
    const candidates = (fitted.priority ?? []).flatMap((priority, column) => (priority === undefined ? [] : [{ priority, column }]));
    if (candidates.length === 0) break;
    const lowest = candidates.reduce((a, b) => (b.priority < a.priority ? b : a));
    dropped.push(fitted.headers[lowest.column]!);
    fitted = without(fitted, lowest.column);
  }
  const excess = columns === undefined ? 0 : total(fitted) - columns;
  const first = tableWidth(fitted)[0]!;
  if (excess > 0 && first - excess >= 12) {
    const cut = (row: string[]) => row.map((cell, column) => (column === 0 ? shortened(cell, first - excess) : cell));
    fitted = { ...fitted, rows: fitted.rows.map(cut), footer: fitted.footer.map(cut) };
  }
  return { table: fitted, dropped };
}

/** A table in columns for a terminal; `columns` fits it to the terminal's width, saying what it left out. */
export function renderText(table: TableModel, columns?: number): string {
  const fit = fitTable(table, columns);
  const shown = fit.table;
  const widths = tableWidth(shown);
  const line = (row: string[]) =>
    row
      .map((cell, column) => (shown.align[column] === "right" ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join(" ".repeat(GAP))
      .trimEnd();
  const rule = widths.map((width) => "─".repeat(width)).join(" ".repeat(GAP));
  const note = fit.dropped.length ? [`(to fit ${columns} columns, left out: ${fit.dropped.join(", ")}; COLUMNS=300 shows them)`] : [];
  const footer = shown.footer.length ? [rule, ...shown.footer.map(line)] : [];
  return [line(shown.headers), rule, ...shown.rows.map(line), ...footer, ...note].join("\n");
}

/**
 * The terminal report: a heading, the layer table with totals, the memory of the training recipe
 * when there is one and, with explain, each formula.
 */
export function formatText(model: AnalyzedModel, options: ReportOptions): string {
  const { memory } = model;
  const units = options.units ?? "iec";
  const parts = [`${model.model} (${model.file})`, "", renderText(layerTable(model, options), options.columns)];
  const note = foldedNote(model, options);
  if (note) parts.push(note);
  if (model.shapes) parts.push("", ...shapeLines(model.shapes, units));
  if (memory) parts.push("", memoryHeading(memory, units), renderText(memoryTable(memory, units), options.columns));
  if (model.serving) parts.push("", servingHeading(model.serving), renderText(servingTable(model.serving, units)));
  if (options.explain) parts.push("", "Formulas:", ...formulaLines(model, options).map((line) => `  ${line}`));
  if (options.explain && memory) parts.push("", "Memory formulas:", ...memoryFormulaLines(model, memory, options).map((line) => `  ${line}`));
  return `${parts.join("\n")}\n`;
}
