import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { settingsFromOptions, type TrainingOption } from "../../src/memory/index.js";
import { runDist } from "../helpers/run-dist.js";
import { error, failureOf, files } from "../helpers/specs.js";

interface Case {
  id: string;
  model: "GPT2" | "Llama";
  dtype: "float32" | "bfloat16";
  config: { vocab: number; d: number; heads: number; layers: number; positions?: number; p?: number; kv_heads?: number; ffn?: number; use_cache: boolean };
  tokens: number;
  saved_bytes: { eager: number; sdpa: number };
}

const fixture = JSON.parse(readFileSync(new URL("../fixtures/pytorch/hf-activations.json", import.meta.url), "utf8")) as { cases: Case[] };

/** GPT2LMHeadModel as examples/gpt2.yaml writes it, at the case's sizes. */
function gpt2({ config, tokens }: Case): string {
  return `model: tiny-gpt2
vars: {d: ${config.d}, heads: ${config.heads}, vocab: ${config.vocab}, context: ${config.positions}, p: ${config.p}}
input: {tokens: ${tokens}}
forward: [wte, "add(wpe)", drop, h, ln_f, lm_head]
layers:
  - wte: Embedding(vocab, d)
  - wpe: Embedding(context, d)
  - drop: Dropout(p)
  - h:
      repeat: ${config.layers}
      forward: ["residual(ln_1, attn)", "residual(ln_2, mlp)"]
      layers:
        - ln_1: LayerNorm(d)
        - attn:
            # Without the cache (use_cache=False): causal=False, no DynamicCache; the additive mask keeps nothing either way.
            forward: ["attention(c_attn, heads=heads, causal=${config.use_cache ? "True" : "False"}, dropout=p)", c_proj, resid_dropout]
            layers:
              - c_attn: Linear(d, 3 * d)
              - c_proj: Linear(d, d)
              - resid_dropout: Dropout(p)
        - ln_2: LayerNorm(d)
        - mlp:
            forward: [c_fc, act, c_proj, dropout]
            layers:
              - c_fc: Linear(d, 4 * d)
              - c_proj: Linear(4 * d, d)
              - act: NewGELUActivation()
              - dropout: Dropout(p)
  - ln_f: LayerNorm(d)
  - lm_head: Linear(d, vocab, bias=False)
tie:
  lm_head.weight: wte.weight
`;
}

/** LlamaForCausalLM as examples/llama2-7b.yaml writes it, at the case's sizes. */
function llama({ config, tokens }: Case): string {
  return `model: tiny-llama
vars: {d: ${config.d}, heads: ${config.heads}, kv: ${config.kv_heads}, ffn: ${config.ffn}, vocab: ${config.vocab}}
input: {tokens: ${tokens}}
layers:
  - model:
      forward: [embed_tokens, layers, norm]
      layers:
        - embed_tokens: Embedding(vocab, d)
        - layers:
            repeat: ${config.layers}
            forward: ["residual(input_layernorm, self_attn)", "residual(post_attention_layernorm, mlp)"]
            layers:
              - self_attn:
                  forward: ["attention(q_proj, k_proj, v_proj, heads=heads, kv_heads=kv, causal=True, rope=True)", o_proj]
                  layers:
                    - q_proj: Linear(d, d, bias=False)
                    - k_proj: Linear(d, kv * d // heads, bias=False)
                    - v_proj: Linear(d, kv * d // heads, bias=False)
                    - o_proj: Linear(d, d, bias=False)
              - mlp:
                  forward: ["gated(gate_proj, up_proj, act_fn)", down_proj]
                  layers:
                    - gate_proj: Linear(d, ffn, bias=False)
                    - up_proj: Linear(d, ffn, bias=False)
                    - down_proj: Linear(ffn, d, bias=False)
                    - act_fn: SiLU()
              - input_layernorm: LlamaRMSNorm(d)
              - post_attention_layernorm: LlamaRMSNorm(d)
        - norm: LlamaRMSNorm(d)
  - lm_head: { layer: "Linear(d, vocab, bias=False)", lint: { ignore: [untied-embedding] } }
`;
}

const options = (given: Partial<Record<TrainingOption, string>>) => settingsFromOptions(given, (option) => `--${option}`);

/** The bytes autograd keeps, as the project computes them. */
function activations(text: string, given: Partial<Record<TrainingOption, string>>): number {
  return analyzeSpec("spec.yaml", files({ "spec.yaml": text }), options(given)).shapes!.totals.activationsStored;
}

describe("attention implementations against PyTorch (test/fixtures/pytorch/hf-activations.py)", () => {
  const cases = fixture.cases.flatMap((entry) => (["eager", "sdpa"] as const).map((attention) => [entry.id, attention, entry] as const));

  it.each(cases)("%s with %s keeps exactly what PyTorch keeps", (_, attention, entry) => {
    const text = entry.model === "GPT2" ? gpt2(entry) : llama(entry);
    const precision = entry.dtype === "bfloat16" ? "bf16" : "fp32";
    expect(activations(text, { attention, precision })).toBe(entry.saved_bytes[attention]);
  });

  it("lets an op's attention= win over the run's", () => {
    const entry = fixture.cases.find((candidate) => candidate.id === "llama")!;
    const eagerOp = llama(entry).replace("rope=True)", "rope=True, attention='eager')");
    expect(activations(eagerOp, { attention: "sdpa" })).toBe(entry.saved_bytes.eager);
    // In 16-bit SDPA runs its flash kernel: flash keeps the same.
    const bf16 = fixture.cases.find((candidate) => candidate.id === "llama-bf16")!;
    expect(activations(llama(bf16), { attention: "flash", precision: "bf16" })).toBe(bf16.saved_bytes.sdpa);
  });

  it("runs sdpa when nothing names an implementation, as transformers 5 does", () => {
    const entry = fixture.cases.find((candidate) => candidate.id === "gpt2")!;
    expect(activations(gpt2(entry), {})).toBe(entry.saved_bytes.sdpa);
  });
});

/** examples/llama2-7b.yaml at `tokens` tokens: its `sequence:` var set as a user sets it. */
const llama2At = (tokens: number) => files({ "examples/llama2-7b.yaml": readRepo("examples/llama2-7b.yaml").replace("sequence: 4096", `sequence: ${tokens}`) });
const readRepo = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
const stored = (file: string, read: (file: string) => string, given: Partial<Record<TrainingOption, string>>) =>
  analyzeSpec(file, read, options(given)).shapes!.totals.activationsStored;

describe("the shipped examples against transformers 5 on an H200 (torch 2.11, train mode, no labels)", () => {
  it.each([
    ["eager", 2_517_590_016],
    ["sdpa", 1_159_225_536],
  ])("GPT-2 small, float32, 1 × 1,024 tokens, %s: %d B", (attention, measured) => {
    expect(stored("examples/gpt2.yaml", readRepo, { attention })).toBe(measured);
  });

  it.each([
    [1024, "eager", 12_583_710_720],
    [1024, "sdpa", 6_145_454_592],
    [4096, "sdpa", 24_581_816_832],
  ])("Llama-2-7B in bfloat16 (precision bf16), 1 × %d tokens, %s: %d B", (tokens, attention, measured) => {
    expect(stored("examples/llama2-7b.yaml", llama2At(tokens), { attention, precision: "bf16" })).toBe(measured);
  });
});

describe("choosing the implementation", () => {
  it("--attention sets training's, in the bundled CLI; without it, sdpa", () => {
    const activations = (...flags: string[]) =>
      (JSON.parse(runDist(["report", "examples/gpt2.yaml", ...flags, "--format", "json"]).stdout) as { shapes: { activations: number } }).shapes.activations;
    expect(activations("--attention", "eager")).toBe(2_517_590_016);
    expect(activations()).toBe(1_159_225_536);
  });

  it("--attention with --serve sets both recipes, and alone asks for no serving or training memory", () => {
    const report = (...flags: string[]) => JSON.parse(runDist(["report", "examples/gpt2.yaml", ...flags, "--format", "json"]).stdout) as Record<string, unknown>;
    const alone = report("--attention", "eager");
    expect(alone).not.toHaveProperty("serving");
    expect(alone).not.toHaveProperty("memory");
    const served = report("--serve", "--attention", "eager") as { serving: { attention: string }; shapes: { activations: number } };
    expect(served.serving.attention).toBe("eager");
    expect(served.shapes.activations).toBe(2_517_590_016);
  });

  it("says which implementations there are, at the flag, the spec key or the op's argument", () => {
    const bad = runDist(["report", "examples/gpt2.yaml", "--attention", "flsh"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("model-budget: --attention: unknown attention implementation 'flsh' [MB605]\n  did you mean 'flash'?\n");
    expect(error("training:\n  attention: eagr\nlayers:\n  - fc: Linear(4, 2)\n")).toBe(
      "spec.yaml:2:14: training.attention must be one of: sdpa, eager, flash, not the string 'eagr'\n  did you mean 'eager'?",
    );
    const op = `input: [16, 64]\nlayers:\n  - attn:\n      layers:\n        - c_attn: Linear(64, 192)\n      forward: ["attention(c_attn, heads=4, attention='eagr')"]\n`;
    expect(error(op)).toBe("spec.yaml:6:45: unknown attention implementation 'eagr'\n  did you mean 'eager'?");
  });
});

describe("flash attention", () => {
  it("needs 16-bit activations, as flash-attention does", () => {
    const text = `input: {tokens: 16}\nlayers:\n  - wte: Embedding(10, 64)\n  - attn:\n      layers:\n        - c_attn: Linear(64, 192)\n      forward: ["attention(c_attn, heads=4, causal=True)"]\n`;
    const hint = "\n  train in 16-bit (--precision bf16, mixed-bf16, ...), or use sdpa, which runs its memory-efficient kernel in float32";
    expect(failureOf(() => activations(text, { attention: "flash" }))).toBe(
      `spec.yaml:7:18: flash attention runs in float16 or bfloat16, and this attention's activations are 32-bit${hint}`,
    );
    expect(failureOf(() => activations(text.replace("causal=True", "causal=True, attention='flash'"), {}))).toBe(
      `spec.yaml:7:58: flash attention runs in float16 or bfloat16, and this attention's activations are 32-bit${hint}`,
    );
    expect(activations(text, { attention: "flash", precision: "mixed-bf16" })).toBe(activations(text, { attention: "sdpa", precision: "mixed-bf16" }));
  });
});
