import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { repositoryRoot, runDist, showsStackTrace } from "../helpers/run-dist.js";

const fixture = (name: string) => join(repositoryRoot, "test/fixtures/hf-config", name);
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "model-budget-hf-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Copies a fixture to `models/<folder>/config.json` in the temporary folder, as a model repository lays it out. */
function place(name: string, folder: string): string {
  mkdirSync(join(dir, "models", folder), { recursive: true });
  copyFileSync(fixture(name), join(dir, "models", folder, "config.json"));
  return `models/${folder}/config.json`;
}

describe("model-budget on a config.json, through dist/cli.js", () => {
  it("report counts GPT-2 exactly and follows its forward", () => {
    const run = runDist(["report", place("gpt2.json", "gpt2"), "--format", "json"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout);
    expect(report.model).toBe("gpt2");
    expect(report.file).toBe("models/gpt2/config.json");
    expect(report.totals.params).toBe(124_439_808);
    expect(report.shapes.input).toEqual([1, 1024]);
    expect(report.shapes.output).toEqual([1, 1024, 50257]);
    // The same MACs and activations as examples/gpt2.yaml, which test/shapes checks against PyTorch.
    const example = JSON.parse(runDist(["report", "examples/gpt2.yaml", "--format", "json"]).stdout);
    expect(report.shapes).toEqual(example.shapes);
  });

  it("report on Mixtral routes each token to two experts: the totals, MACs and activations of examples/mixtral-8x7b.yaml", () => {
    const run = runDist(["report", place("mixtral-8x7b.json", "mixtral"), "--format", "json"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout);
    expect(report.totals.params).toBe(46_702_792_704);
    expect(report.totals.activeParams).toBe(12_879_925_248);
    const example = JSON.parse(runDist(["report", "examples/mixtral-8x7b.yaml", "--format", "json"]).stdout);
    expect(report.shapes).toEqual(example.shapes);
  });

  it("report on Qwen1.5-MoE-A2.7B routes four of 60 experts per token beside the gated shared expert", () => {
    const run = runDist(["report", place("qwen2-moe-a2.7b.json", "qwen-moe"), "--format", "json"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout);
    // Qwen's "A2.7B": the parameters one token uses.
    expect(report.totals.activeParams).toBe(2_689_173_504);
    // Every used weight once per token over 4,096 tokens (norms and q/k/v biases are no MACs), plus
    // attention's two 4,096 × 4,096 × 2,048 products in each of the 24 layers.
    const norms = 24 * 2 * 2048 + 2048;
    const biases = 24 * 3 * 2048;
    expect(report.shapes.macs).toBe((report.totals.activeNonEmbeddingParams - norms - biases) * 4096 + 24 * 2 * 4096 * 4096 * 2048);
  });

  it("a bad config exits 2 with the key's line, a caret and the hint", () => {
    mkdirSync(join(dir, "models"));
    writeFileSync(join(dir, "models/config.json"), '{\n  "model_type": "llama",\n  "architectures": ["LlamaForCausalLM"],\n  "hidden_size": -1\n}\n');
    const run = runDist(["report", "models/config.json"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(showsStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).toBe(
      [
        'models/config.json:4:18: "hidden_size" is -1, not a positive whole number [MB832]',
        '  4 |   "hidden_size": -1',
        "    |                  ^",
        "  write the model width as a JSON integer",
        "",
      ].join("\n"),
    );
  });

  it("import hf-config writes a spec that counts what the config counts", () => {
    const config = place("qwen2-7b.json", "Qwen2-7B");
    const run = runDist(["import", "hf-config", config, "-o", "qwen2.yaml"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("model-budget: wrote qwen2.yaml: 7,615,616,512 parameters, 64 buffer elements\n");
    const spec = readFileSync(join(dir, "qwen2.yaml"), "utf8");
    expect(spec).toContain("# Qwen2ForCausalLM as transformers builds it from models/Qwen2-7B/config.json (model_type qwen2), written by model-budget import hf-config.\n");
    expect(spec).toContain("model: Qwen2-7B\nvars:\n  hidden_size: 3584\n  num_attention_heads: 28\n  num_key_value_heads: 4\n  head_dim: hidden_size // num_attention_heads\n");
    expect(spec).toContain("- q_proj: Linear(hidden_size, num_attention_heads * head_dim, bias=True)\n");
    const fromSpec = JSON.parse(runDist(["report", "qwen2.yaml", "--format", "json"], { cwd: dir }).stdout);
    const fromConfig = JSON.parse(runDist(["report", config, "--format", "json"], { cwd: dir }).stdout);
    expect(fromSpec.totals).toEqual(fromConfig.totals);
    expect(fromSpec.shapes).toEqual(fromConfig.shapes);
  });

  it("check --against a config.json: a hand-written spec that matches it passes, one that drifted fails at its lines", () => {
    const config = place("llama-2-7b.json", "llama");
    copyFileSync(join(repositoryRoot, "examples/llama2-7b.yaml"), join(dir, "llama.yaml"));
    const match = runDist(["check", "llama.yaml", "--against", config], { cwd: dir });
    expect(match.status).toBe(0);
    expect(match.stdout).toContain("  ✓ every tensor matches the checkpoint models/llama/config.json\n");

    writeFileSync(join(dir, "llama.yaml"), readFileSync(join(dir, "llama.yaml"), "utf8").replace("ffn: 11008", "ffn: 11264"));
    const drift = runDist(["check", "llama.yaml", "--against", config, "--format", "json"], { cwd: dir });
    expect(drift.status).toBe(3);
    const diagnostics = JSON.parse(drift.stdout).models[0].checkpoint.diagnostics as { line: number; message: string }[];
    expect(diagnostics.map((problem) => [problem.line, problem.message.replace(/ — .*/, "")])).toEqual([
      [
        34,
        "32 tensors: model.layers.0.mlp.gate_proj.weight, model.layers.1.mlp.gate_proj.weight, model.layers.2.mlp.gate_proj.weight, model.layers.3.mlp.gate_proj.weight, model.layers.4.mlp.gate_proj.weight, ... is [11264, 4096] in the spec but [11008, 4096] in models/llama/config.json",
      ],
      [
        35,
        "32 tensors: model.layers.0.mlp.up_proj.weight, model.layers.1.mlp.up_proj.weight, model.layers.2.mlp.up_proj.weight, model.layers.3.mlp.up_proj.weight, model.layers.4.mlp.up_proj.weight, ... is [11264, 4096] in the spec but [11008, 4096] in models/llama/config.json",
      ],
      [
        36,
        "32 tensors: model.layers.0.mlp.down_proj.weight, model.layers.1.mlp.down_proj.weight, model.layers.2.mlp.down_proj.weight, model.layers.3.mlp.down_proj.weight, model.layers.4.mlp.down_proj.weight, ... is [4096, 11264] in the spec but [4096, 11008] in models/llama/config.json",
      ],
    ]);
  });
});
