import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDist } from "../helpers/run-dist.js";

const LLAMA = "examples/llama3-8b.yaml";

describe("report --serve (the bundled CLI)", () => {
  it("gives the JSON serving object, flags over the spec's serving: section", () => {
    const run = runDist(["report", LLAMA, "--serve", "--context", "1024", "--batch", "2", "--kv-dtype", "float8_e4m3fn", "--attention", "eager", "--format", "json"]);
    expect(run.stderr).toBe("");
    const { serving } = JSON.parse(run.stdout) as { serving: Record<string, unknown> };
    expect(serving).toMatchObject({
      context: 1024,
      batch: 2,
      weightsDtype: "bfloat16",
      kvDtype: "float8_e4m3fn",
      attention: "eager",
      kvCachePerToken: 65_536,
      kvCache: 2 * 1024 * 65_536,
    });
  });

  it("a spec without serving: gets serving memory only when asked, and a bad flag names itself", () => {
    expect(JSON.parse(runDist(["report", "examples/llama2-7b.yaml", "--format", "json"]).stdout)).not.toHaveProperty("serving");
    const asked = JSON.parse(runDist(["report", "examples/llama2-7b.yaml", "--serve", "--format", "json"]).stdout) as { serving: { context: number; kvCachePerToken: number } };
    // Llama-2-7B has no grouped keys: 32 layers × 2 × 32 heads × 128 × 2 B.
    expect(asked.serving).toMatchObject({ context: 4096, kvCachePerToken: 524_288 });
    const bad = runDist(["report", LLAMA, "--kv-window", "capped"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("model-budget: --kv-window: unknown kv-window 'capped' [MB605]\n  use one of full, cap\n");
  });
});

describe("check: serving-memory and kv-cache budgets in the PR comment", () => {
  it("shows serving memory in the first table and both limits, and fails the one the serving recipe exceeds", () => {
    const dir = mkdtempSync(join(tmpdir(), "serving-"));
    copyFileSync(LLAMA, join(dir, "llama3-8b.yaml"));
    writeFileSync(join(dir, "budget.yml"), "models:\n  llama-3-8b:\n    serving-memory: 17GiB\n    kv-cache: 1GiB\n");
    const run = runDist(["check", "llama3-8b.yaml", "--budget", "budget.yml", "--format", "markdown"], { cwd: dir, timeoutMs: 30_000 });
    expect(run.status).toBe(3);
    expect(run.stdout).toContain("### ❌ llama-3-8b: serving-memory 18 GiB over the 17 GiB limit (+5.7%)\n");
    expect(run.stdout).toContain("|  | Model | Params | Serving memory |\n| --- | --- | ---: | ---: |\n| ❌ | llama-3-8b | 8.03B | 18 GiB |\n");
    expect(run.stdout).toContain("| serving-memory | 18 GiB |  | ❌ 17 GiB (+5.7% over) |  |\n| kv-cache | 1 GiB |  | ✅ 1 GiB (100.0% used) |  |\n");
    expect(run.stdout).toContain("| serving-memory | – | 19,302,719,616 B |\n| kv-cache | – | 1,073,741,824 B |\n");
    const terminal = runDist(["check", "llama3-8b.yaml", "--budget", "budget.yml"], { cwd: dir, timeoutMs: 30_000 });
    expect(terminal.stdout).toContain("  ✗ serving-memory 17.98 GiB over the 17GiB limit by 1000.5 MiB (+5.7%)\n  ✓ 1 other limit holds\n");
  });
});
