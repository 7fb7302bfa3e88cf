import { readFileSync, statSync } from "node:fs";
import validateSavedReport from "../validate/generated/saved-report.js";
import type { SavedReport } from "./saved-report.js";

/**
 * The largest saved report read. A check run's report holds each spec's layers twice (head and
 * base) and their diff: a few hundred KB for a large model. Anything far larger is refused
 * before it is parsed, so a tampered file cannot spend the job's memory and minutes.
 */
export const SAVED_REPORT_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Reads a report saved by a pull request's workflow. It is untrusted input: its size is checked
 * before it is parsed, it is type-checked against schema/saved-report.schema.json (every number a
 * safe integer of the right sign, every list and text bounded) before anything renders it, and it
 * is never executed.
 */
export function readSavedReport(path: string, file: string): SavedReport {
  const stats = statSync(path);
  if (!stats.isFile()) throw new Error(`${file} is not a file: give the path of the report-json a check run saved`);
  if (stats.size > SAVED_REPORT_MAX_BYTES) {
    throw new Error(`${file} is ${stats.size.toLocaleString("en-US")} bytes, more than a saved report can be (${SAVED_REPORT_MAX_BYTES.toLocaleString("en-US")}); it was not written by model-budget`);
  }
  return parseSavedReport(readFileSync(path, "utf8"), file);
}

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
