import type { ModelCount } from "../count/index.js";
import { escapeMarkdown } from "./escape.js";
import { foldedNote, formulaLines, layerTable, type ReportOptions, type TableModel } from "./layer-table.js";

export function renderMarkdownTable(table: TableModel): string {
  const row = (cells: string[], bold = false) => `| ${cells.map((cell, index) => (bold && index === 0 ? `**${escapeMarkdown(cell)}**` : escapeMarkdown(cell))).join(" | ")} |`;
  const rule = `|${table.align.map((align) => (align === "right" ? " ---: " : " --- ")).join("|")}|`;
  return [row(table.headers), rule, ...table.rows.map((cells) => row(cells)), ...table.footer.map((cells) => row(cells, true))].join("\n");
}

/** The report as GitHub-flavoured markdown; every name from the spec is escaped. */
export function formatMarkdown(count: ModelCount, options: ReportOptions): string {
  const parts = [`### ${escapeMarkdown(count.model)}`, "", `Spec: ${escapeMarkdown(count.file)}`, "", renderMarkdownTable(layerTable(count, options))];
  const note = foldedNote(count, options);
  if (note) parts.push("", `<sub>${escapeMarkdown(note)}</sub>`);
  if (options.explain) {
    parts.push("", "<details><summary>Formulas</summary>", "", ...formulaLines(count, options).map((line) => `- ${escapeMarkdown(line)}`), "", "</details>");
  }
  return `${parts.join("\n")}\n`;
}
