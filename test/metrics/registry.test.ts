import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseSavedReport } from "../../src/action/saved-report-schema.js";
import { toJsonReport, type JsonReport } from "../../src/analysis/index.js";
import { formatMetric, GROWTH_METRICS, LIMITED_METRICS, METRIC_NAMES, METRICS, quantitiesOf, type MetricDefinition } from "../../src/metrics/index.js";
import { analyze } from "../helpers/memory.js";
import { FROM_REGISTRY } from "../../scripts/schema-metrics.mjs";

const root = new URL("../../", import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, root), "utf8")) as Record<string, unknown>;

/** The committed schema, and the same schema with its registry parts written afresh from the registry. */
function regenerated(path: string): { committed: unknown; fromRegistry: unknown } {
  const committed = readJson(path);
  const fromRegistry = structuredClone(committed);
  FROM_REGISTRY[path]!(fromRegistry, METRICS);
  return { committed, fromRegistry };
}

/** Outputs of action.yml that are not sums of a metric. */
const OTHER_OUTPUTS = ["status", "report-json", "html-report", "comment-body", "comment-id"];

const MLP = `model: mlp
input: [16]
layers:
  - fc: Linear(16, 32)
  - act: ReLU()
  - out: Linear(32, 4)
`;

/** The field of a report a metric reads (`memory.perGpu.total`), found by reading a report that records each access. */
function fieldOf(metric: MetricDefinition): string[] {
  const path: string[] = [];
  const recorder: object = new Proxy({}, { get: (_, key) => (path.push(String(key)), recorder) });
  metric.read(recorder as JsonReport);
  return path;
}

/** A saved report of one model whose report has `value` at `field`. */
function savedWith(field: readonly string[], value: unknown): string {
  const report: Record<string, unknown> = { model: "m", file: "m.yaml", totals: { params: 1, trainable: 1 }, layers: [] };
  let at = report;
  field.forEach((key, index) => {
    at[key] = index === field.length - 1 ? value : { ...(at[key] ?? {}) };
    at = at[key] as Record<string, unknown>;
  });
  const result = {
    status: "pass",
    failOn: "exceed",
    models: [{ file: "m.yaml", head: { kind: "report", report }, status: "pass" }],
    budget: { file: "b", state: "ok", from: "head", diagnostics: [], changes: [], unmatched: [] },
  };
  return JSON.stringify({ format: "model-budget-report/1", result });
}

describe("the metric registry", () => {
  it("names each metric once", () => {
    expect(new Set(METRIC_NAMES).size).toBe(METRICS.length);
  });

  it("is what the budget schema's limits and growth properties say (npm run schemas writes them)", () => {
    const { committed, fromRegistry } = regenerated("schema/budget.schema.json");
    expect(committed).toEqual(fromRegistry);
    const limits = (committed as { definitions: { limits: { properties: Record<string, { oneOf?: { properties?: object }[] }> } } }).definitions.limits.properties;
    expect(Object.keys(limits)).toEqual([...LIMITED_METRICS, "growth", "modules", "against", "lint"]);
    expect(Object.keys(limits.growth!.oneOf![1]!.properties!)).toEqual([...GROWTH_METRICS]);
  });

  it("is the saved report's metric list", () => {
    const { committed, fromRegistry } = regenerated("schema/saved-report.schema.json");
    expect(committed).toEqual(fromRegistry);
  });

  it("gives action.yml's metric outputs, with their descriptions", () => {
    const action = parse(readFileSync(new URL("action.yml", root), "utf8")) as { outputs: Record<string, { description: string }> };
    const declared = Object.fromEntries(Object.entries(action.outputs).filter(([name]) => !OTHER_OUTPUTS.includes(name)));
    const fromRegistry = Object.fromEntries(METRICS.flatMap((metric) => (metric.output ? [[metric.output.name, { description: metric.output.description }]] : [])));
    expect(declared).toEqual(fromRegistry);
    expect(Object.keys(action.outputs).filter((name) => OTHER_OUTPUTS.includes(name))).toEqual(OTHER_OUTPUTS);
  });

  it("reads every metric from a JSON report with a recipe and an input, and only the counts from a bare one", () => {
    // With a serving recipe: a model without tokens serves with a KV cache of 0 B, which is still a figure.
    const full = quantitiesOf(toJsonReport(analyze(MLP.replace("input: [16]\n", "input: [16]\nserving: {batch: 1}\n"), { optimizer: "Adam", gpus: "2", zero: "1" })));
    expect(Object.keys(full)).toEqual([...METRIC_NAMES]);
    // 16·32 + 32 weights and biases, 32·4 + 4; one multiply-accumulate per weight use at batch 1.
    expect(full).toMatchObject({ params: 676, trainable: 676, macs: 640, flops: 1280 });
    expect(full["memory-per-gpu"]).toBeLessThan(full.memory!);
    expect(full.activations).toBeGreaterThan(0);
    expect(Object.values(full).every((value) => Number.isSafeInteger(value))).toBe(true);

    const bare = quantitiesOf(toJsonReport(analyze(MLP.replace("input: [16]\n", ""))));
    expect(bare).toEqual({ params: 676, trainable: 676, "active-params": 676 });
  });

  it("has each metric's field type-checked in a saved report, which a fork's workflow wrote", () => {
    for (const metric of METRICS) {
      const field = fieldOf(metric);
      const head = parseSavedReport(savedWith(field, 12), "saved.json").result.models[0]!.head;
      expect(head.kind === "report" && quantitiesOf(head.report)[metric.name]).toBe(12);
      for (const hostile of ["12", -1, 1.5, 2 ** 53])
        expect(() => parseSavedReport(savedWith(field, hostile), "saved.json"), `${metric.name} = ${JSON.stringify(hostile)}`).toThrow(/is not a model-budget report/);
    }
  });

  it("formats a figure by its unit", () => {
    expect(formatMetric("params", 124_439_808)).toBe("124,439,808");
    expect(formatMetric("memory", 151_552)).toBe("148.0 KiB");
    expect(formatMetric("activations", 512)).toBe("512 B");
  });
});
