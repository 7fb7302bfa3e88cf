import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSavedReport } from "../../src/action/saved-report-schema.js";
import { METRIC_NAMES } from "../../src/metrics/index.js";

describe("the saved-report schema", () => {
  it("accepts every metric a budget can limit: its list is generated from the metric registry", () => {
    const schema = JSON.parse(readFileSync(new URL("../../schema/saved-report.schema.json", import.meta.url), "utf8")) as { definitions: { metric: { enum: string[] } } };
    expect(schema.definitions.metric.enum).toEqual([...METRIC_NAMES]);
    for (const metric of METRIC_NAMES) {
      const row = { label: metric, metric, limit: { value: 1, text: "1", position: { file: "b", line: 2, col: 3 } }, actual: 1, status: "pass" };
      const growth = { metric, allowance: { text: "0", position: { file: "b", line: 2, col: 3 } }, base: 1, head: 1, allowed: 0, status: "pass" };
      const report = { model: "m", file: "m.yaml", totals: { params: 1, trainable: 1 }, layers: [] };
      const saved = {
        format: "model-budget-report/1",
        result: {
          status: "pass",
          failOn: "exceed",
          models: [{ file: "m.yaml", head: { kind: "report", report }, budget: { limits: [row], growth: [growth], status: "pass" }, status: "pass" }],
          budget: { file: "b", state: "ok", from: "head", diagnostics: [], changes: [], unmatched: [] },
        },
      };
      expect(parseSavedReport(JSON.stringify(saved), "saved.json").result.models[0]!.budget!.limits[0]!.metric).toBe(metric);
    }
  });
});
