import validateSavedReport from "../validate/generated/saved-report.js";
import { SAVED_REPORT_FORMAT, type SavedReport } from "./saved-report.js";

/**
 * Parses a report saved by a pull request's workflow. It is untrusted input (the caller's file opener
 * refuses it by size before it is read): it is type-checked against schema/saved-report.schema.json (every number a
 * safe integer of the right sign, every list and text bounded) before anything renders it, and it
 * is never executed.
 */
export function parseSavedReport(text: string, file: string): SavedReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const format = typeof data === "object" && data !== null ? (data as { format?: unknown }).format : undefined;
  if (typeof format === "string" && format.startsWith("model-budget-report/") && format !== SAVED_REPORT_FORMAT) {
    // A check and a publish workflow on different releases: say so rather than list schema errors.
    throw new Error(
      `${file} is a model-budget report in format ${format.slice("model-budget-report/".length)}, but this model-budget reads format ${SAVED_REPORT_FORMAT.slice("model-budget-report/".length)}: ` +
        "run the check and the publish workflows on the same release (the same uses: model-budget/model-budget@vN)",
    );
  }
  if (!validateSavedReport(data)) {
    const first = validateSavedReport.errors?.[0];
    throw new Error(`${file} is not a model-budget report: ${first?.instancePath || "/"} ${first?.message ?? "is invalid"}`);
  }
  return data as SavedReport;
}
