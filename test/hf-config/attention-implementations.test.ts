import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { settingsFromOptions, type TrainingOption } from "../../src/memory/index.js";
import { runDist } from "../helpers/run-dist.js";
import { files, readRepoFile } from "../helpers/specs.js";

/**
 * A config.json-imported model keeps what transformers 5 keeps: LlamaRMSNorm's float32 upcast, the
 * rotary cos and sin, NewGELUActivation's Python ops. The figures are the H200 measurements of
 * issue 12 (torch 2.11, transformers 5.17, train mode, no labels) that test/shapes/attention-implementations.test.ts
 * checks for the hand-written examples/gpt2.yaml and examples/llama2-7b.yaml.
 */
const options = (given: Partial<Record<TrainingOption, string>>) => settingsFromOptions(given, (option) => `--${option}`);

/** The activations of test/fixtures/hf-config/`name`, its context length set to `tokens`. */
function stored(name: string, key: string, tokens: number, given: Partial<Record<TrainingOption, string>>): number {
  const config = JSON.parse(readRepoFile(`test/fixtures/hf-config/${name}`)) as Record<string, unknown>;
  const read = files({ [name]: JSON.stringify({ ...config, [key]: tokens }, null, 2) });
  return analyzeSpec(name, read, options(given)).shapes!.totals.activationsStored;
}

describe("config.json imports keep what transformers 5 keeps (H200, torch 2.11)", () => {
  it.each([
    ["eager", 2_517_590_016],
    ["sdpa", 1_159_225_536],
  ])("GPT-2 small (gpt2.json), float32, 1 × 1,024 tokens, %s: %d B", (attention, measured) => {
    expect(stored("gpt2.json", "n_positions", 1024, { attention })).toBe(measured);
  });

  it.each([
    [1024, "eager", 12_583_710_720],
    [1024, "sdpa", 6_145_454_592],
    [4096, "sdpa", 24_581_816_832],
  ])("Llama-2-7B (llama-2-7b.json) in bfloat16, 1 × %d tokens, %s: %d B", (tokens, attention, measured) => {
    expect(stored("llama-2-7b.json", "max_position_embeddings", tokens, { attention, precision: "bf16" })).toBe(measured);
  });

  it("writes LlamaRMSNorm and rotary attention for the Llama family, Gemma's norm as torch's (its forward is not followed)", () => {
    const llama = analyzeSpec("test/fixtures/hf-config/mistral-7b.json", readRepoFile);
    const types = new Set(llama.layers.map((layer) => layer.type));
    expect(types.has("LlamaRMSNorm")).toBe(true);
    expect(types.has("RMSNorm")).toBe(false);
    const gemma = analyzeSpec("test/fixtures/hf-config/gemma-2b.json", readRepoFile);
    expect(new Set(gemma.layers.map((layer) => layer.type)).has("RMSNorm")).toBe(true);
    expect(gemma.shapes).toBeUndefined();
  });
});

describe("the reports say which attention implementation the activations assume", () => {
  const json = (...args: string[]) => JSON.parse(runDist(["report", ...args, "--format", "json"]).stdout) as { shapes: { attention?: string; activations: number } };

  it("in the JSON report's shapes.attention and the text report's activations line", () => {
    expect(json("examples/gpt2.yaml").shapes).toMatchObject({ attention: "sdpa", activations: 1_159_225_536 });
    expect(json("examples/gpt2.yaml", "--attention", "eager").shapes).toMatchObject({ attention: "eager", activations: 2_517_590_016 });
    expect(runDist(["report", "examples/gpt2.yaml"]).stdout).toContain("Activations kept for backward: 1.08 GiB, with sdpa attention\n");
  });

  it("follows the run's implementation in mla: DeepSeek-V2-Lite at 1 × 4,096 tokens, float32", () => {
    expect(json("examples/deepseek-v2-lite.yaml").shapes).toMatchObject({ attention: "sdpa", activations: 42_102_817_200 });
    expect(json("examples/deepseek-v2-lite.yaml", "--attention", "eager").shapes).toMatchObject({ attention: "eager", activations: 71_086_768_344 });
  });

  it("names each implementation in first-use order when ops differ, and none without attention", () => {
    const spec = mkdtempSync(join(tmpdir(), "attention-"));
    const mixed = join(spec, "mixed.yaml");
    const op = (name: string, extra: string) => `  - ${name}:\n      layers:\n        - c_attn: Linear(64, 192)\n      forward: ["attention(c_attn, heads=4${extra})"]\n`;
    writeFileSync(mixed, `input: [16, 64]\nforward: [a, b]\nlayers:\n${op("a", ", attention='eager'")}${op("b", "")}`);
    expect(json(mixed).shapes.attention).toBe("eager, sdpa");
    expect(json("examples/resnet18.yaml").shapes).not.toHaveProperty("attention");
  });
});
