import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { DIAGNOSTICS, stageOf } from "../../src/diagnostics/index.js";
import { readRepoFile } from "../helpers/specs.js";
import { runDist, showsStackTrace } from "../helpers/run-dist.js";

const HINT_CODES = Object.values(DIAGNOSTICS)
  .filter((kind) => stageOf(kind.code) === "10")
  .map((kind) => kind.code);

describe("model-budget lint (the bundled CLI)", () => {
  it("prints each hint of the sloppy example as a diagnostic with its fix and saving, and exits 0", () => {
    const run = runDist(["lint", "examples/lint/sloppy.yaml"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(
      run.stdout.startsWith(
        [
          "examples/lint/sloppy.yaml:8:11: hint: stem.conv's bias of 64 parameters is cancelled by stem.bn (BatchNorm2d), which subtracts each channel's mean [MB1001]",
          "  8 |         - conv: Conv2d(3, 64, 7, stride=2, padding=3) # MB1001: BatchNorm2d cancels this bias",
          "    |           ^",
          "  fix: write bias=False on the layer: the norm's own shift (beta) does its work; saves 64 parameters (128 B)",
          "",
        ].join("\n"),
      ),
    ).toBe(true);
    expect(run.stdout).toContain("sloppy (examples/lint/sloppy.yaml): 8 hints; their fixes save up to 40,957,504 parameters\n");
  });

  it("shows every hint on the sloppy example", () => {
    const run = runDist(["lint", "examples/lint/sloppy.yaml", "--format", "json"]);
    const report = JSON.parse(run.stdout) as { model: string; file: string; hints: { code: string }[] };
    expect(report.model).toBe("sloppy");
    expect(report.file).toBe("examples/lint/sloppy.yaml");
    expect(new Set(report.hints.map((hint) => hint.code))).toEqual(new Set(HINT_CODES));
  });

  it("gives one {model, file, hints} object per spec in JSON, an array for several", () => {
    const run = runDist(["lint", "examples/resnet18.yaml", "examples/lint/sloppy.yaml", "-f", "json"]);
    expect(run.status).toBe(0);
    const reports = JSON.parse(run.stdout) as { model: string; hints: { code: string; line: number; column: number; saves: { params: number; bytes: number } }[] }[];
    expect(reports.map((report) => [report.model, report.hints.length])).toEqual([
      ["resnet18", 0],
      ["sloppy", 8],
    ]);
    expect(reports[1]!.hints[0]).toMatchObject({
      code: "MB1001",
      severity: "hint",
      path: "stem.conv",
      line: 8,
      column: 11,
      saves: { params: 64, bytes: 128 },
      layers: ["stem.conv", "stem.bn"],
    });
  });

  it("exits 3 with --strict when a spec has hints, 0 when none has", () => {
    expect(runDist(["lint", "examples/lint/sloppy.yaml", "--strict"]).status).toBe(3);
    const clean = runDist(["lint", "examples/resnet18.yaml", "--strict"]);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe("resnet18 (examples/resnet18.yaml): no hints\n");
  });

  it("takes the training flags: 16-bit dimensions are hinted only when the model computes in 16 bits", () => {
    expect(runDist(["lint", "examples/gpt2.yaml"]).stdout).toBe("gpt2-small (examples/gpt2.yaml): no hints\n");
    const half = runDist(["lint", "examples/gpt2.yaml", "--precision", "mixed-bf16", "--format", "json"]);
    expect((JSON.parse(half.stdout) as { hints: { code: string; path: string; saves: object }[] }).hints.map((hint) => [hint.code, hint.path, hint.saves])).toEqual([
      ["MB1002", "wte", { params: -36096, bytes: -72192 }],
      ["MB1002", "lm_head", { params: -36096, bytes: -72192 }],
    ]);
  });

  it("refuses bad input with a diagnostic: an unknown format, a broken spec", () => {
    const format = runDist(["lint", "examples/gpt2.yaml", "--format", "markdown"]);
    expect(format.status).toBe(2);
    expect(format.stderr).toBe("model-budget: --format must be one of table, json, not 'markdown'\n");
    const missing = runDist(["lint", "no-such.yaml"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no-such.yaml:1:1: no such file");
    expect(showsStackTrace(missing.stderr)).toBe(false);
  });

  it("lists lint in the help", () => {
    expect(runDist(["--help"]).stdout).toContain("  lint       review hints: what could be cheaper or is likely a mistake, with what each fix saves\n");
    expect(runDist(["lint", "--help"]).stdout).toMatch(/\n {6}--strict +exit with status 3 when any spec has a hint/);
  });
});

describe("the shipped examples", () => {
  const examples = readdirSync(new URL("../../examples/", import.meta.url)).filter((file) => file.endsWith(".yaml"));
  for (const file of examples) {
    it(`${file} gets no hint`, () => {
      expect(analyzeSpec(`examples/${file}`, readRepoFile).hints).toEqual([]);
    });
  }
});
