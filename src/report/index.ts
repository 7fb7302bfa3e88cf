import { toJsonReport, type AnalyzedModel } from "../analysis/index.js";
import type { ReportOptions } from "./layer-table.js";
import { formatMarkdown } from "./markdown.js";
import { formatText } from "./text.js";

export { escapeMarkdown } from "./escape.js";
export { hintFixLine, hintsSummary, savingText } from "./hints.js";
export { formatMarkdown } from "./markdown.js";
export { formatText } from "./text.js";
export type { ReportOptions } from "./layer-table.js";
export type { ByteUnits } from "../metrics/index.js";

export type ReportFormat = "table" | "markdown" | "json";
export const REPORT_FORMATS: readonly ReportFormat[] = ["table", "markdown", "json"];

/** Renders one or more counted specs; JSON gives one object, or an array for several specs. */
export function renderReport(models: readonly AnalyzedModel[], format: ReportFormat, options: ReportOptions): string {
  if (format === "json") {
    const reports = models.map(toJsonReport);
    return `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`;
  }
  const render = format === "markdown" ? formatMarkdown : formatText;
  return models.map((model) => render(model, options)).join("\n");
}
