import type { ModelCount } from "../count/index.js";
import { foldedNote, formulaLines, layerTable, type ReportOptions, type TableModel } from "./layer-table.js";

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

/** The terminal report: a heading, the layer table with totals and, with explain, each formula. */
export function formatText(count: ModelCount, options: ReportOptions): string {
  const parts = [`${count.model} (${count.file})`, "", renderText(layerTable(count, options))];
  const note = foldedNote(count, options);
  if (note) parts.push(note);
  if (options.explain) parts.push("", "Formulas:", ...formulaLines(count, options).map((line) => `  ${line}`));
  return `${parts.join("\n")}\n`;
}
