import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec, toJsonReport } from "../../src/analysis/index.js";
import { servingSettingsFromOptions } from "../../src/memory/index.js";
import { failureOf, files, readRepoFile } from "../helpers/specs.js";

interface Measured {
  model: string;
  dtype: string;
  batch: number;
  context: number | null;
  logits: "all" | "last";
  peak: number;
  /** A Mamba model's MambaCache bytes: conv and SSM states. */
  state?: number;
}

const SPECS: Record<string, string> = {
  "tiny-decoder": "test/fixtures/serving/tiny-decoder.yaml",
  resnet18: "examples/resnet18.yaml",
  mobilenet_v2: "examples/mobilenet_v2.yaml",
  googlenet: "examples/googlenet.yaml",
  branches: "test/fixtures/serving/branches.yaml",
  "tiny-mamba": "test/fixtures/serving/tiny-mamba.yaml",
  "tiny-mla": "test/fixtures/serving/tiny-mla.yaml",
};

const measured = (JSON.parse(readFileSync(new URL("../fixtures/pytorch/prefill-peak.json", import.meta.url), "utf8")) as { cases: Measured[] }).cases;

function prefill(file: string, flags: Record<string, string>) {
  return toJsonReport(analyzeSpec(file, readRepoFile, { serving: servingSettingsFromOptions(flags, (option) => `--${option}`) })).serving!;
}

describe("the prefill peak against PyTorch 1.13's live tensor storages (test/fixtures/pytorch/prefill-peak.py)", () => {
  for (const target of measured) {
    // The issue asks for 5 %; the liveness pass matches these byte for byte.
    const logits = target.logits === "last" ? ", logits at the last position" : "";
    it(`${target.model}, ${target.dtype}, batch ${target.batch}${target.context === null ? "" : `, ${target.context} tokens`}${logits}: exact`, () => {
      const flags = {
        dtype: target.dtype,
        batch: String(target.batch),
        attention: "eager",
        logits: target.logits,
        ...(target.context === null ? {} : { context: String(target.context) }),
      };
      const serving = prefill(SPECS[target.model]!, flags);
      expect(serving.prefillPeak).toBe(target.peak);
      if (target.state !== undefined) expect(serving.state).toBe(target.state);
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

describe("logits at the last position only (generate()'s logits_to_keep=1)", () => {
  const LLAMA = "examples/llama3-8b.yaml";

  it("Llama-3-8B with SDPA at 8,192 tokens: the head's [1, 1, 128,256] no longer dominates; the peak moves to the MLP", () => {
    const serving = prefill(LLAMA, { attention: "sdpa", context: "8192", logits: "last" });
    const [S, d, ffn] = [8192, 4096, 14336];
    // The embeddings, the layer's input, its residual sum and its normed input (bf16), with the MLP's gate, up and silu outputs.
    expect(serving.prefillPeak).toBe(4 * S * d * 2 + 3 * S * ffn * 2);
    expect(serving.prefillPeak).toBe(973_078_528);
    expect(serving.prefill.at).toBe("model.layers.1.mlp.act_fn");
    expect(serving.logits).toBe("last");
    expect(prefill(LLAMA, { attention: "sdpa", context: "8192" }).logits).toBe("all");
  });

  it("the spec's serving: section sets it, and a model that does not end in a Linear head is refused where it ends", () => {
    const spec = (serving: string, head: string) =>
      `input: {tokens: 16}\nserving: {${serving}}\nlayers:\n  - embed: Embedding(100, 8)\n  - self_attn:\n      forward: ["attention(q, k, v, heads=2, causal=True)"]\n      layers:\n        - q: Linear(8, 8)\n        - k: Linear(8, 8)\n        - v: Linear(8, 8)\n${head}`;
    const read = files({ "a.yaml": spec("logits: last", "  - lm_head: Linear(8, 100, bias=False)\n"), "b.yaml": spec("logits: last", "") });
    const last = toJsonReport(analyzeSpec("a.yaml", read)).serving!;
    const all = toJsonReport(analyzeSpec("a.yaml", files({ "a.yaml": spec("logits: all", "  - lm_head: Linear(8, 100, bias=False)\n") }))).serving!;
    expect(last.logits).toBe("last");
    expect(all.prefillPeak - last.prefillPeak).toBeGreaterThan(0);
    expect(failureOf(() => analyzeSpec("b.yaml", read))).toBe(
      "b.yaml:5:5: logits: last runs the model's last layer on the last position only, and the step at self_attn is not a Linear head over a token model's positions\n  leave logits at all, or end the model's forward with its head: - lm_head: Linear(d, vocab, bias=False)",
    );
    expect(failureOf(() => analyzeSpec("a.yaml", files({ "a.yaml": spec("logits: first", "") })))).toBe(
      "a.yaml:2:19: serving.logits must be one of: all, last, not the string 'first'",
    );
  });
});
