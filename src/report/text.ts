import type { AnalyzedModel } from "../analysis/index.js";
import { foldedNote, formulaLines, layerTable, shapeLines, type ReportOptions, type TableModel } from "./layer-table.js";
import { memoryFormulaLines, memoryHeading, memoryTable } from "./memory-table.js";
import { servingHeading, servingTable } from "./serving-table.js";

function renderText(table: TableModel): string {
  const all = [table.headers, ...table.rows, ...table.footer];
  const widths = table.headers.map((_, column) => Math.max(...all.map((row) => [...row[column]!].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (table.align[column] === "right" ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "─".repeat(width)).join("  ");
  return [line(table.headers), rule, ...table.rows.map(line), rule, ...table.footer.map(line)].join("\n");
}

/**
 * The terminal report: a heading, the layer table with totals, the memory of the training recipe
 * when there is one and, with explain, each formula.
 */
export function formatText(model: AnalyzedModel, options: ReportOptions): string {
  const { memory } = model;
  const units = options.units ?? "iec";
  const parts = [`${model.model} (${model.file})`, "", renderText(layerTable(model, options))];
  const note = foldedNote(model, options);
  if (note) parts.push(note);
  if (model.shapes) parts.push("", ...shapeLines(model.shapes, units));
  if (memory) parts.push("", memoryHeading(memory, units), renderText(memoryTable(memory, units)));
  if (model.serving) parts.push("", servingHeading(model.serving), renderText(servingTable(model.serving, units)));
  if (options.explain) parts.push("", "Formulas:", ...formulaLines(model, options).map((line) => `  ${line}`));
  if (options.explain && memory) parts.push("", "Memory formulas:", ...memoryFormulaLines(model, memory, options).map((line) => `  ${line}`));
  return `${parts.join("\n")}\n`;
}
