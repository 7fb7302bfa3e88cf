import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseSavedReport } from "../src/action/saved-report-schema.js";
import { runDist, showsStackTrace } from "./helpers/run-dist.js";

// Versions of the file formats (docs/versions.md): spec format 1, budget format 1,
// JSON report formatVersion 1, saved report model-budget-report/1.
const fixtures = "test/fixtures/formats";
const temp = mkdtempSync(join(tmpdir(), "model-budget-formats-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(temp, name);
  writeFileSync(file, text);
  return file;
}

const FORMAT_HINT =
  "  this model-budget reads format 1 (also when format: is left out); a file in a newer format needs a newer model-budget: CHANGELOG.md says what changed and how to migrate";

describe("file formats across releases", () => {
  it("reads a spec written for 0.1.0 (no format: key) as it did then", () => {
    const run = runDist(["report", `${fixtures}/resnet18-0.1.0.yaml`, "--format", "json"]);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as { formatVersion: number; model: string; totals: { params: number; buffers: number } };
    expect(report.formatVersion).toBe(1);
    expect(report.model).toBe("resnet18");
    expect(report.totals.params).toBe(11_689_512);
    expect(report.totals.buffers).toBe(9_620);
  });

  it("checks a budget file written for 0.1.0 (no format: key) as it did then", () => {
    const run = runDist(["check", `${fixtures}/resnet18-0.1.0.yaml`, "--budget", `${fixtures}/budget-0.1.0.yml`, "--optimizer", "SGD(momentum=0.9)", "--format", "json"]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { status: string; models: { status: string }[] };
    expect(result.status).toBe("pass");
    expect(result.models.map((model) => model.status)).toEqual(["pass"]);
  });

  it("accepts format: 1 in a spec and a budget file, with the same result as without it", () => {
    const spec = "model: m\nlayers:\n  - fc: Linear(2, 3)\n";
    const plain = runDist(["report", write("plain.yaml", spec), "--format", "json"]);
    const marked = runDist(["report", write("marked.yaml", `${spec}format: 1\n`), "--format", "json"]);
    expect(marked.status).toBe(0);
    expect(JSON.parse(marked.stdout.replace("marked.yaml", "plain.yaml"))).toEqual(JSON.parse(plain.stdout));
    const check = runDist(["check", join(temp, "marked.yaml"), "--budget", write("budget.yml", "format: 1\nmodels:\n  m:\n    params: 1M\n"), "--format", "json"]);
    expect(check.status).toBe(0);
    expect((JSON.parse(check.stdout) as { status: string }).status).toBe("pass");
  });

  it("refuses a spec in a newer format with its position and what to do", () => {
    const file = write("future.yaml", "format: 2\nmodel: m\nlayers:\n  - fc: Linear(2, 3)\n");
    const run = runDist(["report", file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`${file}:1:9: format must be one of: 1, not the integer 2 [MB204]\n  1 | format: 2\n    |         ^\n${FORMAT_HINT}\n`);
    expect(showsStackTrace(run.stderr)).toBe(false);
  });

  it("refuses a budget file in a newer format with its position and what to do", () => {
    const spec = write("m.yaml", "model: m\nlayers:\n  - fc: Linear(2, 3)\n");
    const budget = write("future-budget.yml", "models:\n  m:\n    params: 1M\nformat: 3\n");
    const run = runDist(["check", spec, "--budget", budget]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(` is invalid (1 error), so no limit was checked\n`);
    expect(run.stdout).toContain("future-budget.yml&#58;4&#58;9&#58; format must be one of&#58; 1, not the integer 3 &#91;MB204&#93; — this model-budget reads format 1");
  });

  it("tells a publish run that a saved report in another format comes from another release", () => {
    expect(() => parseSavedReport(JSON.stringify({ format: "model-budget-report/2", result: {} }), "report.json")).toThrow(
      "report.json is a model-budget report in format 2, but this model-budget reads format 1: run the check and the publish workflows on the same release (the same uses: model-budget/model-budget@vN)",
    );
    expect(() => parseSavedReport(JSON.stringify({ format: "something-else", result: {} }), "report.json")).toThrow(
      "report.json is not a model-budget report: /format must be equal to constant",
    );
  });
});
