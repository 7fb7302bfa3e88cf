import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec, toJsonReport } from "../../src/analysis/index.js";
import { servingSettingsFromOptions } from "../../src/memory/index.js";
import { readRepoFile } from "../helpers/specs.js";

interface Measured {
  model: string;
  dtype: string;
  batch: number;
  context: number | null;
  peak: number;
}

const SPECS: Record<string, string> = {
  "tiny-decoder": "test/fixtures/serving/tiny-decoder.yaml",
  resnet18: "examples/resnet18.yaml",
  mobilenet_v2: "examples/mobilenet_v2.yaml",
  googlenet: "examples/googlenet.yaml",
  branches: "test/fixtures/serving/branches.yaml",
};

const measured = (JSON.parse(readFileSync(new URL("../fixtures/pytorch/prefill-peak.json", import.meta.url), "utf8")) as { cases: Measured[] }).cases;

function prefill(file: string, flags: Record<string, string>) {
  return toJsonReport(analyzeSpec(file, readRepoFile, { serving: servingSettingsFromOptions(flags, (option) => `--${option}`) })).serving!;
}

describe("the prefill peak against PyTorch 1.13's live tensor storages (test/fixtures/pytorch/prefill-peak.py)", () => {
  for (const target of measured) {
    // The issue asks for 5 %; the liveness pass matches these byte for byte.
    it(`${target.model}, ${target.dtype}, batch ${target.batch}${target.context === null ? "" : `, ${target.context} tokens`}: exact`, () => {
      const flags = { dtype: target.dtype, batch: String(target.batch), attention: "eager", ...(target.context === null ? {} : { context: String(target.context) }) };
      expect(prefill(SPECS[target.model]!, flags).prefillPeak).toBe(target.peak);
    });
  }
});

const MiB64 = 8192 * 4096 * 2;

describe("Llama-3-8B's prefill peak against the H200 reference (transformers 5.17, bf16, batch 1, full bf16 logits)", () => {
  const LLAMA = "examples/llama3-8b.yaml";

  it("SDPA at 8,192 tokens: 2,168,455,168 B, exactly: the logits and the final norm's output", () => {
    const serving = prefill(LLAMA, { attention: "sdpa", context: "8192" });
    expect(serving.prefillPeak).toBe(2_168_455_168);
    expect(serving.prefill).toEqual({
      at: "lm_head",
      parts: [
        { what: "model.norm", bytes: MiB64 },
        { what: "lm_head", bytes: 2_101_346_304 },
      ],
    });
  });

  it("eager at 8,192 tokens: 22,011,707,392 B against 22,015,967,232 B measured (−0.02 %)", () => {
    const serving = prefill(LLAMA, { attention: "eager", context: "8192" });
    expect(serving.prefillPeak).toBe(22_011_707_392);
    expect(Math.abs(serving.prefillPeak / 22_015_967_232 - 1)).toBeLessThan(0.0002);
    const scores = 32 * 8192 * 8192;
    // The bf16 scores, softmax's float32 copy of them and its float32 output, live together.
    expect(serving.prefill.parts.slice(-3).map((part) => part.bytes)).toEqual([scores * 2, scores * 4, scores * 4]);
    expect(serving.prefill.parts.map((part) => part.what)).toEqual([
      "model.embed_tokens",
      "model.embed_tokens → residual(input_layernorm, self_attn) → residual(post_attention_layernorm, mlp)",
      "model.layers.1.input_layernorm",
      "model.layers.1.self_attn.q_proj",
      "keys repeated to every head (repeat_kv)",
      "values repeated to every head (repeat_kv)",
      "causal mask [1, 1, 8192, 8192]",
      "scores [1, 32, 8192, 8192]",
      "the scores converted to float32 for softmax",
      "softmax output (float32)",
    ]);
  });

  it("eager at 1,024 tokens: 387,973,120 B against 388,636,672 B measured (−0.17 %)", () => {
    const serving = prefill(LLAMA, { attention: "eager", context: "1024" });
    expect(serving.prefillPeak).toBe(387_973_120);
    expect(Math.abs(serving.prefillPeak / 388_636_672 - 1)).toBeLessThan(0.002);
    expect(serving.kvCache).toBe(134_217_728);
  });
});
