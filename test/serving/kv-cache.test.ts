import { describe, expect, it } from "vitest";
import { analyzeSpec, toJsonReport, type AnalysisOverrides } from "../../src/analysis/index.js";
import { servingSettingsFromOptions, type ServingOption } from "../../src/memory/index.js";
import { failureOf, files, readRepoFile } from "../helpers/specs.js";

/** The serving figures of a repository spec with flag-style overrides. */
function serve(file: string, flags: Partial<Record<ServingOption, string>> = {}) {
  const overrides: AnalysisOverrides = { serving: servingSettingsFromOptions(flags, (option) => `--${option}`) };
  return toJsonReport(analyzeSpec(file, readRepoFile, overrides)).serving!;
}

const LLAMA = "examples/llama3-8b.yaml";

describe("the KV cache from the spec's attention", () => {
  it("Llama-3-8B: 8,030,261,248 params, 16,060,522,496 B of bf16 weights, 131,072 B per token, 1,073,741,824 B at 8,192", () => {
    const report = toJsonReport(analyzeSpec(LLAMA, readRepoFile));
    expect(report.totals.params).toBe(8_030_261_248);
    expect(report.serving).toMatchObject({
      context: 8192,
      batch: 1,
      weightsDtype: "bfloat16",
      kvDtype: "bfloat16",
      attention: "sdpa",
      kvWindow: "full",
      weights: 16_060_522_496,
      // model.rotary_emb.inv_freq: 64 elements, converted to bfloat16 with the model.
      buffers: 128,
      kvCachePerToken: 131_072,
      kvCache: 1_073_741_824,
      overhead: 0,
    });
    const { weights, buffers, kvCache, prefillPeak, total } = report.serving!;
    expect(total).toBe(weights + buffers + kvCache + prefillPeak);
  });

  it("grouped-query attention caches kv_heads, not heads: Qwen3-1.7B 114,688 B per token (28 × 8 × 128 × 2 × 2)", () => {
    const serving = serve("test/fixtures/serving/qwen3-1.7b.yaml");
    expect(serving.kvCachePerToken).toBe(28 * 8 * 128 * 2 * 2);
    expect(serving.kvCachePerToken).toBe(114_688);
    expect(serving.kvCache).toBe(114_688 * 4096);
  });

  it("multi-query attention: Gemma-2B 18,432 B per token (18 layers × one KV head of 256 × 2 × 2)", () => {
    expect(serve("test/fixtures/serving/gemma-2b.yaml").kvCachePerToken).toBe(18_432);
  });

  it("Mistral-7B v0.1's 4,096-token window: full by default (HF DynamicCache: 1,073,741,824 B at 8,192), capped with kv-window cap", () => {
    const full = serve("test/fixtures/serving/mistral-7b.yaml");
    expect([full.kvWindow, full.kvCachePerToken, full.kvCache]).toEqual(["full", 131_072, 1_073_741_824]);
    const capped = serve("test/fixtures/serving/mistral-7b.yaml", { "kv-window": "cap" });
    expect(capped.kvCache).toBe(131_072 * 4096);
    // Below the window the cap changes nothing.
    expect(serve("test/fixtures/serving/mistral-7b.yaml", { "kv-window": "cap", context: "4000" }).kvCache).toBe(131_072 * 4000);
  });

  it("reproduces HF's octocoder arithmetic: 7,864,320,000 cached values with multi-head attention at 16k tokens, 48 × fewer with MQA", () => {
    const mqa = serve("test/fixtures/serving/octocoder-attention.yaml");
    expect(mqa.kvCache).toBe(327_680_000); // "less than 400 MB"
    const text = readRepoFile("test/fixtures/serving/octocoder-attention.yaml").replace("kv_heads: 1}", "kv_heads: 48}");
    const mha = toJsonReport(analyzeSpec("o.yaml", files({ "o.yaml": text }))).serving!;
    expect(mha.kvCache / 2).toBe(2 * 16_000 * 40 * 48 * 128);
    expect(mha.kvCache).toBe(15_728_640_000); // "around 15 GB" in float16
  });

  it("KV dtypes: fp8 halves the cache; int4 adds one scale per group of each head's vector", () => {
    expect(serve(LLAMA, { "kv-dtype": "float8_e4m3fn" }).kvCachePerToken).toBe(65_536);
    expect(serve(LLAMA, { "kv-dtype": "float32" }).kvCachePerToken).toBe(262_144);
    // Per layer and token: 2 × 8 vectors of 128 values at 4 bits = 1,024 B, and 2 × 8 × 128 / 32 = 64 float16 scales = 128 B.
    expect(serve(LLAMA, { "kv-dtype": "int4(block_size=32, scale=float16)" }).kvCachePerToken).toBe(32 * (1024 + 128));
  });

  it("batch and context scale the cache; quantized weights keep norms and buffers in the compute dtype", () => {
    expect(serve(LLAMA, { context: "1024", batch: "4" }).kvCache).toBe(4 * 1024 * 131_072);
    const int8 = serve(LLAMA, { dtype: "int8" });
    // Weight matrices in int8 (one byte each); the 65 RMSNorm weights of 4,096 stay bfloat16.
    expect(int8.weights).toBe(8_030_261_248 - 65 * 4096 + 65 * 4096 * 2);
    expect([int8.weightsDtype, int8.kvDtype]).toEqual(["int8", "bfloat16"]);
  });

  it("a module's dtype: key keeps its own dtype under quantized serving: an unquantized lm_head", () => {
    const text = readRepoFile(LLAMA).replace(
      "  - lm_head: Linear(in_features=d, out_features=vocab, bias=False)",
      '  - lm_head: {layer: "Linear(in_features=d, out_features=vocab, bias=False)", dtype: bfloat16}',
    );
    const nf4 = toJsonReport(analyzeSpec("l.yaml", files({ "l.yaml": text }), { serving: servingSettingsFromOptions({ dtype: "nf4" }, (o) => o) })).serving!;
    const lmHead = 4096 * 128_256;
    const matrices = 8_030_261_248 - 65 * 4096 - lmHead;
    // nf4: half a byte per value and one float32 absmax per 64 values.
    expect(nf4.weights).toBe(matrices / 2 + (matrices / 64) * 4 + 65 * 4096 * 2 + lmHead * 2);
  });
});

const HIDDEN = `input: {tokens: 16}
serving: {context: 16}
layers:
  - embed: Embedding(100, 8)
  - self_attn:
      layers:
        - q_proj: Linear(8, 8)
        - k_proj: Linear(8, 8)
        - v_proj: Linear(8, 8)
        - o_proj: Linear(8, 8)
`;

describe("attention the project cannot see is an error, never a zero cache", () => {
  it("a module run as a chain of projections", () => {
    expect(failureOf(() => analyzeSpec("spec.yaml", files({ "spec.yaml": HIDDEN })))).toBe(
      "spec.yaml:5:5: self_attn runs its children one after another: the KV cache is derived from attention(...) or mla(...) in forward:, and there is none\n" +
        '  call the projections through attention(...), e.g. forward: ["attention(q_proj, k_proj, v_proj, heads=32, kv_heads=8, causal=True)", o_proj]',
    );
  });

  it("MultiheadAttention's internal attention", () => {
    const text = "input: [4, 8]\nserving: {batch: 2}\nlayers:\n  - mha: MultiheadAttention(8, 2, batch_first=True)\n";
    expect(failureOf(() => analyzeSpec("spec.yaml", files({ "spec.yaml": text })))).toBe(
      "spec.yaml:4:5: serving memory does not follow MultiheadAttention's attention inside: the prefill peak would miss its scores, and torch.nn's module keeps no KV cache to decode with, so a cache figure would be a guess\n" +
        "  write the attention with attention(q, k, v, heads=...) over Linear children, as transformers' modeling code does, or report without --serve and serving:",
    );
  });

  it("serving without input:", () => {
    expect(failureOf(() => analyzeSpec("spec.yaml", files({ "spec.yaml": "serving: {context: 16}\nlayers:\n  - fc: Linear(4, 4)\n" })))).toBe(
      "spec.yaml:1:20: serving memory follows the forward pass, and the spec has no input:\n  give the spec an input: ({tokens: 4096} for a language model)",
    );
  });

  it("bad settings name their place", () => {
    expect(failureOf(() => analyzeSpec("spec.yaml", files({ "spec.yaml": HIDDEN.replace("{context: 16}", "{attention: eagr}") })))).toContain(
      "spec.yaml:2:22: serving.attention must be one of: eager, sdpa, not the string 'eagr'\n  did you mean 'eager'?",
    );
    expect(failureOf(() => analyzeSpec("spec.yaml", files({ "spec.yaml": HIDDEN.replace("{context: 16}", "{context: 0}") })))).toContain(
      "spec.yaml:2:20: the context is at least 1, got 0",
    );
    const window = HIDDEN.replace(
      "layers:\n        - q_proj",
      'forward: ["attention(q_proj, k_proj, v_proj, heads=2, causal=True, window=0)", o_proj]\n      layers:\n        - q_proj',
    );
    expect(failureOf(() => analyzeSpec("spec.yaml", files({ "spec.yaml": window })))).toContain("a sliding window is at least 1 token, got 0");
  });

  it("a model without attention and without tokens serves with no KV cache: weights and the prefill peak", () => {
    const text = "input: [3, 8, 8]\nserving: {batch: 2}\nlayers:\n  - conv: Conv2d(3, 4, 3)\n  - relu: ReLU()\n";
    const serving = toJsonReport(analyzeSpec("spec.yaml", files({ "spec.yaml": text }))).serving!;
    // Conv2d(3, 4, 3): 112 parameters in bfloat16. The peak is at relu: the conv's [2, 4, 6, 6] output and ReLU's own, in
    // bfloat16 (not in place); the input exists before the forward.
    expect(serving).toMatchObject({ context: null, weights: 224, kvCachePerToken: 0, kvCache: 0, prefillPeak: 2 * (2 * 4 * 6 * 6 * 2) });
    expect(serving.prefill).toEqual({
      at: "relu",
      parts: [
        { what: "conv", bytes: 576 },
        { what: "relu", bytes: 576 },
      ],
    });
  });
});

describe("multi-head latent attention: mla(...)", () => {
  it("DeepSeek-V2-Lite caches kv_lora_rank + qk_rope_head_dim = 576 elements per token per layer", () => {
    const serving = serve("test/fixtures/serving/mla-attention.yaml");
    expect(serving.kvCachePerToken).toBe(27 * 576 * 2);
    expect(serving.kvCache).toBe(27 * 576 * 2 * 4096);
    // Multi-head attention over the same heads would cache 16 × (192 + 128) per layer: 8.9 × more.
    expect(serve("test/fixtures/serving/mla-attention.yaml", { "kv-dtype": "float8_e4m3fn" }).kvCachePerToken).toBe(27 * 576);
  });

  it("the shipped DeepSeek-V2-Lite: MLA's 576-element cache, and MACs of six routed experts, two shared and MLA's products", () => {
    const spec = "examples/deepseek-v2-lite.yaml";
    expect(serve(spec).kvCachePerToken).toBe(27 * 576 * 2);
    const report = toJsonReport(analyzeSpec(spec, readRepoFile));
    // Norms hold no MACs: two per layer and kv_a_layernorm in each, and the final one.
    const norms = 27 * (2 * 2048 + 512) + 2048;
    // Q·Kᵀ over 128 + 64 and scores·V over 128, for 16 heads, in each of the 27 layers.
    const products = 27 * 16 * 4096 * 4096 * (192 + 128);
    expect(report.shapes!.macs).toBe((report.totals.activeNonEmbeddingParams - norms) * 4096 + products);
  });

  it("follows the shapes: output heads × v_head_dim, attention products over qk and v head sizes", () => {
    const model = analyzeSpec("test/fixtures/serving/mla-attention.yaml", readRepoFile);
    const mla = model.shapes!.calls.find((call) => call.type === "mla")!;
    expect(mla.output).toEqual([1, 4096, 16 * 128]);
    expect(mla.attentionMacs).toBe(16 * 4096 * 4096 * (192 + 128));
  });

  it("a latent of the wrong width is an error at kv_lora_rank", () => {
    const text = readRepoFile("test/fixtures/serving/mla-attention.yaml").replace("Linear(d, rank + rope, bias=False)", "Linear(d, rank, bias=False)");
    expect(failureOf(() => analyzeSpec("m.yaml", files({ "m.yaml": text })))).toContain(
      "mla needs layers.0.self_attn.kv_a_proj_with_mqa to give kv_lora_rank + qk_rope_head_dim = 576 features, but it gives [1, 4096, 512]",
    );
  });
});
