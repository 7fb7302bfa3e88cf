import type { AnalyzedModel } from "../analysis/index.js";
import { escapeMarkdown } from "./escape.js";
import { foldedNote, formulaLines, layerTable, shapeLines, type ReportOptions, type TableModel } from "./layer-table.js";
import { memoryFormulaLines, memoryHeading, memoryTable } from "./memory-table.js";
import { servingHeading, servingTable } from "./serving-table.js";

export function renderMarkdownTable(table: TableModel): string {
  const row = (cells: string[], bold = false) => `| ${cells.map((cell, index) => (bold && index === 0 ? `**${escapeMarkdown(cell)}**` : escapeMarkdown(cell))).join(" | ")} |`;
  const rule = `|${table.align.map((align) => (align === "right" ? " ---: " : " --- ")).join("|")}|`;
  return [row(table.headers), rule, ...table.rows.map((cells) => row(cells)), ...table.footer.map((cells) => row(cells, true))].join("\n");
}

/** Lines as a list in a collapsed section; a line's leading spaces nest it under the line before. */
function details(summary: string, lines: string[]): string[] {
  const items = lines.map((line) => {
    const indent = /^ */.exec(line)![0];
    return `${indent}- ${escapeMarkdown(line.slice(indent.length))}`;
  });
  return ["", `<details><summary>${summary}</summary>`, "", ...items, "", "</details>"];
}

/** The report as GitHub-flavoured markdown; every name from the spec is escaped. */
export function formatMarkdown(model: AnalyzedModel, options: ReportOptions): string {
  const { memory } = model;
  const units = options.units ?? "iec";
  const parts = [`### ${escapeMarkdown(model.model)}`, "", `Spec: ${escapeMarkdown(model.file)}`, "", renderMarkdownTable(layerTable(model, options))];
  const note = foldedNote(model, options);
  if (note) parts.push("", `<sub>${escapeMarkdown(note)}</sub>`);
  if (model.shapes) parts.push("", ...shapeLines(model.shapes, units).map((line) => `${escapeMarkdown(line)}  `));
  if (memory) parts.push("", escapeMarkdown(memoryHeading(memory, units)), "", renderMarkdownTable(memoryTable(memory, units)));
  if (model.serving) parts.push("", escapeMarkdown(servingHeading(model.serving)), "", renderMarkdownTable(servingTable(model.serving, units)));
  if (options.explain) parts.push(...details("Formulas", formulaLines(model, options)));
  if (options.explain && memory) parts.push(...details("Memory formulas", memoryFormulaLines(model, memory, options)));
  return `${parts.join("\n")}\n`;
}
