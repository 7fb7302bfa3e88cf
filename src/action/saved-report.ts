import type { CheckResult } from "../orchestrator/index.js";

export const SAVED_REPORT_FORMAT = "model-budget-report/1";

/** What a `pull_request` job saves for a `workflow_run` job to publish: data only, never markdown. */
export interface SavedReport {
  format: typeof SAVED_REPORT_FORMAT;
  /** The PR the check ran for; publish verifies it against the triggering run before commenting. */
  pullRequest?: number;
  result: CheckResult;
}
