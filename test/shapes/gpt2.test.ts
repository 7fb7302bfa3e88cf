import { describe, expect, it } from "vitest";
import { analyzeSpec, toJsonReport } from "../../src/analysis/index.js";
import { readRepoFile } from "../helpers/specs.js";

const report = () => toJsonReport(analyzeSpec("examples/gpt2.yaml", readRepoFile));

describe("GPT-2 small over its 1,024-token context, a decoder-only LLM", () => {
  // The architecture's own arithmetic: per token, each block's four projections; the tied head.
  const d = 768;
  const heads = 12;
  const tokens = 1024;
  const vocab = 50257;
  const projections = tokens * (12 * (d * 3 * d + d * d + d * 4 * d + 4 * d * d) + d * vocab);
  // Q·Kᵀ and scores·V over the full square, fvcore's convention (causal masking does not skip them).
  const attention = 12 * 2 * heads * tokens * tokens * (d / heads);

  it("counts MACs as the formula does, attention's products stated separately", () => {
    const shapes = report().shapes!;
    expect(shapes.attentionMacs).toBe(attention);
    expect(shapes.macs).toBe(projections + attention);
    expect(shapes.flops).toBe(2 * (projections + attention));
    expect([shapes.input, shapes.output]).toEqual([
      [1, tokens],
      [1, tokens, vocab],
    ]);
  });

  it("gives every layer the output shape Hugging Face's forward produces", () => {
    const shapes = Object.fromEntries(report().layers.map((layer) => [layer.path, layer.outputShape]));
    expect(shapes).toMatchObject({
      wte: [1, tokens, d],
      "h.[0-11].attn.c_attn": [1, tokens, 3 * d],
      "h.[0-11].attn.c_proj": [1, tokens, d],
      "h.[0-11].mlp.c_fc": [1, tokens, 4 * d],
      "h.[0-11].mlp.act": [1, tokens, 4 * d],
      "h.[0-11].mlp.c_proj": [1, tokens, d],
      ln_f: [1, tokens, d],
      lm_head: [1, tokens, vocab],
    });
  });
});
