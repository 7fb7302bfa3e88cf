import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { join } from "node:path";
import { TempRepository } from "../action/git-fixture.js";
import { safetensorsHeader, writeSafetensors } from "../import/files.js";
import { runDist } from "../helpers/run-dist.js";

const SPEC = `model: tiny-moe
adapters:
  default: "LoraConfig(r=8, target_modules=['q_proj'])"
layers:
  - embed: Embedding(100, 16)
  - layers:
      repeat: 2
      layers:
        - q_proj: Linear(16, 16, bias=False)
        - k_proj: Linear(16, 16, bias=False)
        - moe:
            forward: ["moe(gate, experts)"]
            layers:
              - gate: Linear(16, 4, bias=False)
              - experts: {layer: "Linear(16, 16, bias=False)", repeat: 4, top_k: 2}
`;
const BUDGET = "models:\n  tiny-moe:\n    trainable: 1000\n    active-params: 4000\n";

let repo: TempRepository;
beforeEach(() => {
  repo = new TempRepository();
});
afterEach(() => {
  repo.cleanup();
});

describe("a pull request that changes an adapter or the routing", () => {
  it("gets a comment naming the adapter change and the routing change, with trainable and active deltas and their limits", () => {
    repo.write({ "tiny.yaml": SPEC, ".github/model-budget.yml": BUDGET }).commit("base");
    repo.write({ "tiny.yaml": SPEC.replace("r=8, target_modules=['q_proj']", "r=16, target_modules=['q_proj', 'k_proj']").replace("top_k: 2", "top_k: 1") });
    const run = runDist(["check", "tiny.yaml", "--base", "HEAD", "--format", "markdown"], { cwd: repo.dir });
    expect(run.status).toBe(3);
    // Base: embed 1,600 + 2 × (q 256 + LoRA 2 × 8 × 16, k 256, gate 64, experts 4 × 256 of which 2 used).
    // Head: r=16 on q and k (512 each), one expert of four per token.
    expect(run.stdout).toContain(
      "### ❌ tiny-moe: trainable 2.05K over the 1K limit (+104.8%) — this PR +1.54K (+300.0%)\n- ❌ tiny-moe: active-params 5.31K over the 4K limit (+32.8%) — this PR +1.02K (+23.9%)\n",
    );
    expect(run.stdout).toContain(
      "**Adapter changed:** default: LoraConfig&#40;r=8, target&#95;modules=&#91;'q&#95;proj'&#93;&#41; → default: LoraConfig&#40;r=16, target&#95;modules=&#91;'q&#95;proj', 'k&#95;proj'&#93;&#41;\n",
    );
    expect(run.stdout).toContain("**Routing changed:** layers.&#91;0-1&#93;.moe.experts.&#91;0-3&#93;: top_k 2 of 4 → 1 of 4\n");
    expect(run.stdout).toContain(
      [
        "| params | 6.85K | +1.54K (+28.9%) |  |  |",
        "| trainable | 2.05K | +1.54K (+300.0%) | ❌ 1K (+104.8% over) |  |",
        "| active-params | 5.31K | +1.02K (+23.9%) | ❌ 4K (+32.8% over) |  |",
      ].join("\n"),
    );
    expect(run.stdout).toContain("| params | 5,312 | 6,848 |\n| trainable | 512 | 2,048 |\n| active-params | 4,288 | 5,312 |\n");
    // Both instances of q_proj and k_proj: 2 × 256 of LoRA each before, 2 × (2 × 16 × 16) after.
    expect(run.stdout).toContain("| layers.&#91;0-1&#93;.{q&#95;proj,k&#95;proj} | Linear | changed | +1.54K (+100.0%) | 4 |");
  });

  it("leaves active params out of the comment when they equal the total", () => {
    repo.write({ "dense.yaml": "model: dense\nlayers:\n  - fc: Linear(4, 4)\n" }).commit("base");
    repo.write({ "dense.yaml": "model: dense\nlayers:\n  - fc: Linear(4, 8)\n" });
    const run = runDist(["check", "dense.yaml", "--base", "HEAD", "--format", "markdown"], { cwd: repo.dir });
    expect(run.stdout).toContain("| params | 40 | +20 (+100.0%) |  |  |\n\n");
    expect(run.stdout).not.toContain("active-params");
  });
});

describe("model-budget report --adapter", () => {
  it("applies a PEFT config from the command line over the spec's base, and says when it is no config", () => {
    const run = runDist(["report", "examples/llama2-7b.yaml", "--format", "json", "--adapter", "LoraConfig(r=8, lora_alpha=32, target_modules=['q_proj', 'v_proj'])"]);
    // llama2-7b.yaml has an input: its shapes are the base model's, and the run says so.
    expect(run.stderr).toBe(
      "model-budget: warning: --adapter:1:1: the activations and MACs are the base model's forward: LoraConfig's own (the r-wide intermediates) are not in them, and frozen layers are counted as keeping their inputs [MB522]\n" +
        "  read them as the base model's; the parameter counts and the weights, gradients and optimizer state do include the adapter\n",
    );
    const report = JSON.parse(run.stdout) as { totals: Record<string, number>; adapter: unknown };
    expect(report.totals).toMatchObject({ params: 6_742_609_920, trainable: 4_194_304 });
    expect(report.adapter).toEqual({ name: "default", type: "LoraConfig", config: "LoraConfig(r=8, lora_alpha=32, target_modules=['q_proj', 'v_proj'])" });
    const bad = runDist(["report", "examples/llama2-7b.yaml", "--adapter", "LoraConfig(r=8, target_modules=['q_proj'], rank_pattern=None, layers_to_transform=[0])"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      "model-budget: --adapter: LoraConfig's layers_to_transform is not supported in the call [MB361]\n  list the modules with target_modules (a regex can name layer indices) instead\n",
    );
  });

  it("breaks QLoRA's memory into the 4-bit base, the 16-bit adapter, its gradients and AdamW state", () => {
    // Llama-2-7B's decoder Linear layers in nf4 with double quantization (embeddings, head and norms in bf16), LoRA r=8 on q, v.
    const run = runDist([
      "report",
      "examples/llama2-7b.yaml",
      "--format",
      "json",
      "--precision",
      "bf16",
      "--optimizer",
      "AdamW",
      "--dtype",
      "nf4(double_quant=True)",
      "--adapter",
      "LoraConfig(r=8, target_modules=['q_proj', 'v_proj'])",
    ]);
    const memory = (JSON.parse(run.stdout) as { memory: Record<string, number> }).memory;
    const linear = 32 * (4 * 4096 * 4096 + 3 * 4096 * 11008);
    const blocks = linear / 64;
    // The embedding and lm_head are matrices too: --dtype quantizes every matrix (a dtype: key on the layers confines it).
    const matrices = linear + 2 * 32000 * 4096;
    const outerScales = 32 * (4 * 1024 + 3 * 2752) + 2 * 8000;
    expect(blocks).toBe(101_187_584);
    expect(memory).toMatchObject({
      weights: matrices / 2 + matrices / 64 + outerScales * 4 + (32 * 2 * 4096 + 4096) * 2 + 4_194_304 * 2,
      adapterWeights: 4_194_304 * 2,
      gradients: 4_194_304 * 2,
      optimizerState: 4_194_304 * 2 * 2,
      masterWeights: 0,
    });
  });
});

describe("check --against a PEFT checkpoint", () => {
  const LORA = `model: tiny
adapters:
  default: "LoraConfig(r=2, target_modules=['q_proj'], modules_to_save=['head'])"
layers:
  - h:
      repeat: 2
      layers:
        - q_proj: Linear(4, 4)
  - head: Linear(4, 3)
`;
  const write = (tensors: { name: string; shape: number[] }[]) => {
    const { header, dataLength } = safetensorsHeader(tensors.map((tensor) => ({ ...tensor, dtype: "F32" })));
    writeSafetensors(join(repo.dir, "adapter_model.safetensors"), header, dataLength);
  };
  const adapterFile = (layers: number[]) => [
    ...layers.flatMap((i) => [
      { name: `base_model.model.h.${i}.q_proj.lora_A.weight`, shape: [2, 4] },
      { name: `base_model.model.h.${i}.q_proj.lora_B.weight`, shape: [4, 2] },
    ]),
    // get_peft_model_state_dict drops "modules_to_save." and the adapter name: the copy is saved as head.weight.
    { name: "base_model.model.head.weight", shape: [3, 4] },
    { name: "base_model.model.head.bias", shape: [3] },
  ];

  it("reads save_pretrained's adapter file (no adapter name, PeftModel's prefix) as the adapter's tensors", () => {
    repo.write({ "tiny.yaml": LORA });
    write(adapterFile([0, 1]));
    const match = runDist(["check", "tiny.yaml", "--against", "adapter_model.safetensors"], { cwd: repo.dir });
    expect(match.stdout).toContain("  ✓ every tensor matches the checkpoint adapter_model.safetensors\n");
    write(adapterFile([0]));
    const differ = runDist(["check", "tiny.yaml", "--against", "adapter_model.safetensors", "--format", "json"], { cwd: repo.dir });
    expect(differ.status).toBe(3);
    const diagnostics = (JSON.parse(differ.stdout) as { models: { checkpoint: { diagnostics: { line: number; message: string }[] } }[] }).models[0]!.checkpoint.diagnostics;
    expect(diagnostics.map((problem) => [problem.line, problem.message])).toEqual([
      [8, "h.1.q_proj.lora_A.default.weight [2, 4] is in the spec but not in adapter_model.safetensors"],
      [8, "h.1.q_proj.lora_B.default.weight [4, 2] is in the spec but not in adapter_model.safetensors"],
    ]);
  });

  it("reads PeftModel.state_dict()'s names: base_layer and original_module are the base tensors", () => {
    repo.write({ "tiny.yaml": LORA });
    write([
      ...[0, 1].flatMap((i) => [
        { name: `base_model.model.h.${i}.q_proj.base_layer.weight`, shape: [4, 4] },
        { name: `base_model.model.h.${i}.q_proj.base_layer.bias`, shape: [4] },
        { name: `base_model.model.h.${i}.q_proj.lora_A.default.weight`, shape: [2, 4] },
        { name: `base_model.model.h.${i}.q_proj.lora_B.default.weight`, shape: [4, 2] },
      ]),
      { name: "base_model.model.head.original_module.weight", shape: [3, 4] },
      { name: "base_model.model.head.original_module.bias", shape: [3] },
      { name: "base_model.model.head.modules_to_save.default.weight", shape: [3, 4] },
      { name: "base_model.model.head.modules_to_save.default.bias", shape: [3] },
    ]);
    const match = runDist(["check", "tiny.yaml", "--against", "adapter_model.safetensors"], { cwd: repo.dir });
    expect(match.stdout).toContain("  ✓ every tensor matches the checkpoint adapter_model.safetensors\n");
  });
});
