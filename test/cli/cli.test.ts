import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { USAGE, runCli } from "../../src/cli/run.js";
import { files } from "../helpers/specs.js";

const root = new URL("../..", import.meta.url).pathname;
const env = {
  cwd: root,
  readFile: files({ "a.yaml": "model: a\nlayers:\n  - fc: Linear(4, 2)\n", "bad.yaml": "layers:\n  - fc: Linear(4)\n", "worse.yaml": "layers:\n  - 7\n  - x: Conv9d(1)\n" }),
};

describe("model-budget CLI", () => {
  it("reports in each format", () => {
    const json = runCli(["report", "a.yaml", "--format", "json"], env);
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout).totals).toEqual({
      params: 10,
      trainable: 10,
      nonTrainable: 0,
      buffers: 0,
      activeParams: 10,
      nonEmbeddingParams: 10,
      activeNonEmbeddingParams: 10,
    });
    expect(runCli(["report", "a.yaml", "-f", "markdown"], env).stdout).toContain("| fc | Linear | weight &#91;2, 4&#93;, bias &#91;2&#93; |  | 10 | 100.0% |");
    expect(runCli(["report", "a.yaml", "--explain"], env).stdout).toContain("  fc: Linear(4, 2): 2 × 4 + 2 = 10\n");
  });

  it("exits 2 with positioned messages on invalid specs, and prints no partial report", () => {
    const result = runCli(["report", "a.yaml", "bad.yaml", "missing.yaml"], env);
    expect(result).toEqual({
      exitCode: 2,
      stdout: "",
      stderr:
        "bad.yaml:2:9: Linear is missing its required argument 'out_features' [MB407]\n  2 |   - fc: Linear(4)\n    |         ^\n  signature: Linear(in_features, out_features, bias=True, device=None, dtype=None)\nmissing.yaml:1:1: no such file [MB901]\n",
    });
  });

  it("exits 2 on bad usage, with the usage", () => {
    expect(runCli([], env)).toEqual({ exitCode: 2, stdout: "", stderr: `model-budget: no command given\n\n${USAGE}\n` });
    expect(runCli(["report"], env).stderr).toBe("model-budget: report needs at least one spec file, e.g. model-budget report examples/gpt2.yaml\n");
    expect(runCli(["report", "a.yaml", "--format", "xml"], env)).toMatchObject({
      exitCode: 2,
      stderr: "model-budget: --format must be one of table, markdown, json, html, not 'xml'\n  did you mean 'html'?\n",
    });
    expect(runCli(["report", "a.yaml", "--format", "jsno"], env).stderr).toBe(
      "model-budget: --format must be one of table, markdown, json, html, not 'jsno'\n  did you mean 'json'?\n",
    );
    expect(runCli(["check", "a.yaml", "--fail-on", "grwoth"], env).stderr).toBe(
      "model-budget: --fail-on must be one of exceed, growth, never, not 'grwoth'\n  did you mean 'growth'?\n",
    );
    expect(runCli(["check", "a.yaml", "--budget-from", "main"], env).stderr).toBe("model-budget: --budget-from must be one of head, base, not 'main'\n");
    expect(runCli(["frobnicate"], env)).toMatchObject({ exitCode: 2 });
    expect(runCli(["report", "--nope"], env).stderr).toBe("model-budget: unknown option '--nope' for report\n  run model-budget report --help for its options\n");
    expect(runCli(["check", "a.yaml", "--fromat", "json"], env).stderr).toBe(
      "model-budget: unknown option '--fromat' for check: did you mean --format?\n  run model-budget check --help for its options\n",
    );
    expect(runCli(["report", "a.yaml", "--format"], env).stderr).toBe("model-budget: option '--format' needs a value\n  run model-budget report --help for its options\n");
    expect(runCli(["--help"], env)).toEqual({ exitCode: 0, stdout: USAGE, stderr: "" });
    expect(runCli(["report", "--help"], env).stdout).toMatch(/^Usage: model-budget report SPEC\.\.\./);
  });

  it("runs as the bundled dist/cli.js with plain node", () => {
    const dir = mkdtempSync(join(tmpdir(), "model-budget-cli-"));
    writeFileSync(join(dir, "ok.yaml"), "model: ok\nlayers:\n  - conv: Conv2d(3, 64, 7)\n");
    writeFileSync(join(dir, "bad.yaml"), "model: bad\nlayers:\n  - conv: Conv2d(3, 64, 7, groups=2)\n");
    const ok = spawnSync(process.execPath, [join(root, "dist/cli.js"), "report", "ok.yaml", "--format", "json"], { cwd: dir, encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ model: "ok", file: "ok.yaml", totals: { params: 9472 }, layers: [{ formula: "Conv2d(3, 64, 7): 64 × 3 × 7 × 7 + 64 = 9,472" }] });
    const bad = spawnSync(process.execPath, [join(root, "dist/cli.js"), "report", "bad.yaml"], { cwd: dir, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toBe(
      "bad.yaml:3:28: Conv2d in_channels=3 is not divisible by groups=2 [MB408]\n  3 |   - conv: Conv2d(3, 64, 7, groups=2)\n    |                            ^\n  use a groups value that divides both in_channels and out_channels\n",
    );
  });
});
