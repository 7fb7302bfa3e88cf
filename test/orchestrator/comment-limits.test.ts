import { describe, expect, it } from "vitest";
import type { CheckResult } from "../../src/orchestrator/index.js";
import { renderPullRequestComment } from "../../src/orchestrator/pull-request.js";
import { escapeMarkdown } from "../../src/report/escape.js";

/** A report of `layers` added layers whose types are written in a three-byte script. */
function manyLayers(layers: number): CheckResult {
  const layerEntries = Array.from({ length: layers }, (_, i) => ({ path: `l${i}`, type: "層".repeat(100), count: 1, params: 10, trainable: 10, line: i + 1, formula: "10" }));
  const report = { model: "m", file: "m.yaml", totals: { params: 10 * layers, trainable: 10 * layers }, layers: layerEntries };
  return {
    status: "pass",
    failOn: "exceed",
    models: [
      {
        file: "m.yaml",
        head: { kind: "report", report: report as never },
        base: { kind: "report", report: { ...report, layers: [] } as never },
        // Changed layers are essential: they are cut, not dropped.
        diff: {
          changes: layerEntries.map(({ path, type, count, params, formula, line }) => ({ kind: "added" as const, after: { path, type, count, params, formula, line } })),
          unchanged: [],
        },
        status: "pass",
      },
    ],
    budget: { file: "b.yml", state: "missing", from: "head", diagnostics: [], changes: [], unmatched: [] },
  };
}

describe("comment and summary limits", () => {
  it("keeps a job summary within GitHub's 1 MiB counted in bytes, with the cut notice a paragraph", () => {
    const limit = 1024 * 1024;
    const body = renderPullRequestComment(manyLayers(5000), { key: "k", fullReportHint: "", limit, measure: "bytes", changesShown: Infinity });
    expect(body.length).toBeLessThan(limit);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(limit);
    expect(body).toContain("\n\n**The report is too long for a comment and was cut here.** \n\n---\n<sub>No base commit to compare with · counted by model-budget");
  });

  it("counts characters for comments, and never lets the notice become a setext heading", () => {
    const body = renderPullRequestComment(manyLayers(5000), { key: "k", fullReportHint: "See the job summary.", changesShown: Infinity });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/\n\n\*\*The report is too long for a comment and was cut here\.\*\* See the job summary\.\n\n---\n<sub>/);
  });

  it("shows control and bidi characters as escapes and elides long names", () => {
    expect(escapeMarkdown("a\u001b[2Jb\u0000c\u202Ed\u2066e\u009bf")).toBe("a&#92;u001b&#91;2Jb&#92;u0000c&#92;u202ed&#92;u2066e&#92;u009bf");
    expect(escapeMarkdown("see www.example.com or WWW.example.com")).toBe("see www&#46;example.com or WWW&#46;example.com");
    expect(escapeMarkdown("x".repeat(600))).toBe(`${"x".repeat(499)}…`);
    // A surrogate pair is never split by the cut.
    expect(escapeMarkdown(`${"x".repeat(498)}😀yy`)).toBe(`${"x".repeat(498)}…`);
  });

  it("names the first 12 unchanged models in a comment and counts the rest, which the job summary names", () => {
    const model = (i: number) => {
      const report = { model: `model-${i}`, file: `m${i}.yaml`, totals: { params: 1000 * (i + 1), trainable: 1000 * (i + 1) }, layers: [] };
      return {
        file: `m${i}.yaml`,
        head: { kind: "report" as const, report: report as never },
        base: { kind: "report" as const, report: report as never },
        diff: { changes: [], unchanged: [] },
        status: "pass" as const,
      };
    };
    const result: CheckResult = {
      status: "pass",
      failOn: "exceed",
      models: Array.from({ length: 20 }, (_, i) => model(i)),
      budget: { file: "b.yml", state: "missing", from: "head", diagnostics: [], changes: [], unmatched: [] },
    };
    const named = (i: number) => `model-${i} (${i + 1}K params)`;
    const comment = renderPullRequestComment(result, { key: "k", fullReportHint: "Run with --format json for everything.", runUrl: "https://github.com/o/r/actions/runs/1" });
    expect(comment).toContain(
      `\nUnchanged: ${Array.from({ length: 12 }, (_, i) => named(i)).join(", ")} and 8 more. They are in the [job summary](https://github.com/o/r/actions/runs/1) of the workflow run.\n`,
    );
    const summary = renderPullRequestComment(result, { key: "k", fullReportHint: "", changesShown: Infinity, limit: 1024 * 1024, measure: "bytes" });
    expect(summary).toContain(`\nUnchanged: ${Array.from({ length: 20 }, (_, i) => named(i)).join(", ")}.\n`);
  });
});
