import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { settingsFromOptions } from "../../src/memory/index.js";
import { readRepoFile as readFile } from "../helpers/specs.js";

describe("llama2-7b.yaml over 4,096 tokens", () => {
  const [d, ffn, vocab, layers, sequence] = [4096, 11008, 32000, 32, 4096];

  it("gives the logits' shape and the MACs of the projections, MLPs, head and attention products", () => {
    const shapes = analyzeSpec("examples/llama2-7b.yaml", readFile).shapes!;
    expect(shapes.input).toEqual([1, sequence]);
    expect(shapes.output).toEqual([1, sequence, vocab]);
    // Per token: q, k, v, o (4 d²) and the gated MLP (3 d·ffn) in every layer, and the head; Q·Kᵀ and scores·V over the full square (fvcore counts causal attention unmasked).
    const attention = layers * 2 * sequence * sequence * d;
    expect(shapes.totals.attentionMacs).toBe(attention);
    expect(shapes.totals.macs).toBe(sequence * (layers * (4 * d * d + 3 * d * ffn) + d * vocab) + attention);
  });

  it("keeps transformers' tensors per layer in bfloat16, eager and sdpa; selective checkpointing drops the scores, full keeps each layer's input", () => {
    const analyze = (checkpointing: string, attention: string) =>
      analyzeSpec(
        "examples/llama2-7b.yaml",
        readFile,
        settingsFromOptions({ precision: "bf16", checkpointing, attention }, (option) => `--${option}`),
      ).shapes!.totals;
    const [s, h, a] = [sequence, d, 32];
    // Per layer, 2 bytes an element: both LlamaRMSNorms keep a float32 copy of their input (4 bytes), rsqrt per token
    // (float32) and the normalized tensor; their outputs (into q/k/v and gate/up); the rotated queries; the keys and
    // values the KV cache copies; the SiLU's input, both factors of the gated product and down_proj's input.
    const common = 2 * (4 * s * h + 4 * s + 2 * s * h) + 2 * s * h * 5 + 2 * s * ffn * 4;
    // Eager: softmax's float32 output and its bfloat16 cast (Korthikanti et al. count 2·a·s² for a 16-bit softmax),
    // o_proj's own copy of the merged heads. SDPA: its output (o_proj's input), the log-sum-exp, the philox pair.
    const scores = 4 * a * s * s + 2 * a * s * s;
    const eager = common + scores + 2 * s * h;
    const sdpa = common + 2 * s * h + 4 * a * s + 16;
    // The token ids (int64), rotary cos and sin (head_dim 128), the final norm, lm_head's input.
    const outside = 8 * s + 2 * 2 * s * 128 + (4 * s * h + 4 * s + 2 * s * h) + 2 * s * h;
    expect(analyze("none", "eager").activations).toBe(layers * eager + outside);
    expect(analyze("none", "sdpa").activations).toBe(layers * sdpa + outside);
    expect(analyze("selective", "eager").activations).toBe(layers * (eager - scores) + outside);
    // SDPA keeps no scores: nothing for selective checkpointing to recompute.
    expect(analyze("selective", "sdpa").activations).toBe(layers * sdpa + outside);
    expect(analyze("full", "eager").activations).toBe(layers * 2 * s * h + eager + outside);
  });
});
