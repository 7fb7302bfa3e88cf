import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nodeEnvironment } from "../../src/cli/environment.js";
import { runCli } from "../../src/cli/run.js";
import { TempRepository } from "../action/git-fixture.js";
import { safetensorsHeader, writeSafetensors } from "../import/files.js";

const spec = (width: number) => `model: tiny\nlayers:\n  - fc: Linear(16, ${width})\n`;
let repo: TempRepository;
// The CLI's real environment, working in the temporary repository: its files, its git, its checkpoints.
const env = () => nodeEnvironment(repo.dir);

beforeEach(() => {
  repo = new TempRepository();
});
afterEach(() => {
  repo.cleanup();
});

describe("model-budget init and check", () => {
  it("init writes a budget with headroom that check then enforces", () => {
    repo.write({ "models/tiny.yaml": spec(16) });
    expect(runCli(["init", "models/tiny.yaml", "--headroom", "20%"], env())).toEqual({
      exitCode: 0,
      stdout: "model-budget: wrote .github/model-budget.yml for 1 spec\n",
      stderr: "",
    });
    const budget = readFileSync(join(repo.dir, ".github/model-budget.yml"), "utf8");
    // Nothing is frozen, so trainable would restate params: init writes params alone.
    expect(budget).toContain('  "models/tiny.yaml":\n    params: 327\n    growth: 5%\n');
    expect(runCli(["init", "models/tiny.yaml"], env())).toMatchObject({
      exitCode: 2,
      stderr: "model-budget: .github/model-budget.yml exists already: pass --force to overwrite it\n",
    });

    const pass = runCli(["check", "models/tiny.yaml"], env());
    expect(pass.exitCode).toBe(0);
    expect(pass.stdout).toBe(
      "✓ model-budget check: pass, every limit holds · 1 spec · no base to compare with\n\nModel  Params  Status\n─────  ──────  ──────\ntiny      272  ✓ pass\n",
    );
    const passComment = runCli(["check", "models/tiny.yaml", "--format", "markdown"], env()).stdout;
    expect(passComment).toContain("### ✅ 1 model within budget · no base to compare with\n");
    expect(passComment).toContain("| params | 272 |  | ✅ 327 (83.2% used) |  |");

    repo.write({ "models/tiny.yaml": spec(32) });
    const fail = runCli(["check", "models/tiny.yaml"], env());
    expect(fail.exitCode).toBe(3);
    expect(fail.stdout).toContain("\n✗ tiny (models/tiny.yaml)\n  ✗ params 544 over the 327 limit by 217 (+66.4%)\n");
    const failComment = runCli(["check", "models/tiny.yaml", "--format", "markdown"], env()).stdout;
    expect(failComment).toContain("### ❌ tiny: params 544 over the 327 limit (+66.4%)\n");
    expect(failComment).toContain("| params | 544 |  | ❌ 327 (+66.4% over) |  |");
  });

  it("check --base diffs against a git ref, and exits 2 on an invalid spec", () => {
    repo.write({ "models/tiny.yaml": spec(16) }).commit("base");
    repo.write({ "models/tiny.yaml": spec(24) });
    const result = runCli(["check", "models/tiny.yaml", "--base", "HEAD", "--format", "json"], env());
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.models[0].diff.changes).toEqual([
      {
        kind: "changed",
        before: { path: "fc", type: "Linear", count: 1, params: 272, formula: "Linear(16, 16): 16 × 16 + 16 = 272", line: 3 },
        after: { path: "fc", type: "Linear", count: 1, params: 408, formula: "Linear(16, 24): 24 × 16 + 24 = 408", line: 3 },
        delta: 136,
      },
    ]);
    expect(runCli(["check", "models/tiny.yaml", "--base", "nope"], env())).toMatchObject({
      exitCode: 2,
      stderr: "model-budget: --base nope names no commit in this git repository\n",
    });
    repo.write({ "models/tiny.yaml": "layers:\n  - fc: Linear(16)\n" });
    expect(runCli(["check", "models/tiny.yaml"], env()).exitCode).toBe(2);
  });

  it("check --against compares the spec's tensors with a checkpoint, at the spec's lines", () => {
    repo.write({ "models/tiny.yaml": spec(16) });
    const write = (tensors: { name: string; shape: number[] }[]) => {
      const { header, dataLength } = safetensorsHeader(tensors.map((tensor) => ({ ...tensor, dtype: "F32" })));
      writeSafetensors(join(repo.dir, "model.safetensors"), header, dataLength);
    };
    write([
      { name: "fc.weight", shape: [16, 16] },
      { name: "fc.bias", shape: [16] },
    ]);
    const match = runCli(["check", "models/tiny.yaml", "--against", "model.safetensors"], env());
    expect(match.exitCode).toBe(0);
    expect(match.stdout).toContain("\n✓ tiny (models/tiny.yaml)\n  ✓ every tensor matches the checkpoint model.safetensors\n");

    write([
      { name: "fc.weight", shape: [16, 8] },
      { name: "fc.bias", shape: [16] },
      { name: "extra.weight", shape: [4] },
    ]);
    const differ = runCli(["check", "models/tiny.yaml", "--against", "model.safetensors", "--format", "json"], env());
    expect(differ.exitCode).toBe(3);
    const diagnostics = JSON.parse(differ.stdout).models[0].checkpoint.diagnostics as { line: number; message: string }[];
    expect(diagnostics.map((problem) => problem.line)).toEqual([1, 3]);
    expect(diagnostics[0]!.message).toContain("extra.weight");
    expect(diagnostics[1]!.message).toContain("fc.weight");
    expect(runCli(["check", "a.yaml", "b.yaml", "--against", "model.safetensors"], env()).stderr).toBe(
      "model-budget: --against compares one spec with one checkpoint: give exactly one spec\n",
    );
  });
});
