import validateSavedReport from "../validate/generated/saved-report.js";
import type { SavedReport } from "./saved-report.js";

/**
 * Reads a report saved by a pull request's workflow. It is untrusted input: it is type-checked
 * against schema/saved-report.schema.json before anything renders it, and never executed.
 */
export function parseSavedReport(text: string, file: string): SavedReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!validateSavedReport(data)) {
    const first = validateSavedReport.errors?.[0];
    throw new Error(`${file} is not a model-budget report: ${first?.instancePath || "/"} ${first?.message ?? "is invalid"}`);
  }
  return data as SavedReport;
}
