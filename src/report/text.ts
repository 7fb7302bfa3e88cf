import type { ModelCount } from "../count/index.js";
import { formulaLines, layerTable, type TableModel } from "./layer-table.js";

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
export function formatText(count: ModelCount, explain: boolean): string {
  const parts = [`${count.model} (${count.file})`, "", renderText(layerTable(count))];
  if (explain) parts.push("", "Formulas:", ...formulaLines(count).map((line) => `  ${line}`));
  return `${parts.join("\n")}\n`;
}
