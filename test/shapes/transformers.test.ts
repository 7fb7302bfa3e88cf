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

  it("keeps Korthikanti et al.'s tensors per layer in bfloat16; selective checkpointing drops the scores, full keeps each layer's input", () => {
    const analyze = (checkpointing: string) =>
      analyzeSpec(
        "examples/llama2-7b.yaml",
        readFile,
        settingsFromOptions({ precision: "bf16", checkpointing }, (option) => `--${option}`),
      ).shapes!.totals;
    const [s, h, a] = [sequence, d, 32];
    // Per layer, 2 bytes an element: both norms' inputs, their outputs (into q/k/v and gate/up), Q, K and V, the
    // attention output, the SiLU's input, both factors of the gated product and down_proj's input; the softmax
    // (2·a·s²); each norm's float32 inverse deviation per token.
    const scores = 2 * a * s * s;
    const layer = 2 * s * h * 8 + 2 * s * ffn * 4 + 2 * 4 * s + scores;
    // The token ids (int64), the final norm's input and statistics, lm_head's input.
    const outside = 8 * s + 2 * s * h + 4 * s + 2 * s * h;
    const none = analyze("none");
    expect(none.activations).toBe(layers * layer + outside);
    expect(analyze("selective").activations).toBe(layers * (layer - scores) + outside);
    expect(analyze("full").activations).toBe(layers * 2 * s * h + layer + outside);
  });
});
