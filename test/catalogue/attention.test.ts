import { describe, expect, it } from "vitest";
import { describeText, errorOf } from "../helpers/layer.js";

// Expected names, shapes and totals were read from PyTorch 1.13's named_parameters().
const tensors = (text: string) => describeText(text).parameters.map(({ name, shape }) => [name, shape]);
const total = (text: string) => describeText(text).parameters.reduce((sum, { shape }) => sum + shape.reduce((a, b) => a * b, 1), 0);

describe("MultiheadAttention", () => {
  it("splits the input projection when kdim and vdim differ, keeping bias_k and bias_v without bias", () => {
    const text = "MultiheadAttention(64, 8, bias=False, add_bias_kv=True, kdim=32, vdim=48)";
    expect(tensors(text)).toEqual([
      ["q_proj_weight", [64, 64]],
      ["k_proj_weight", [64, 32]],
      ["v_proj_weight", [64, 48]],
      ["bias_k", [1, 1, 64]],
      ["bias_v", [1, 1, 64]],
      ["out_proj.weight", [64, 64]],
    ]);
    expect(total(text)).toBe(13440);
  });

  it("splits it when only kdim differs, vdim defaulting to embed_dim", () => {
    const text = "MultiheadAttention(64, 8, kdim=32)";
    expect(tensors(text)).toEqual([
      ["q_proj_weight", [64, 64]],
      ["k_proj_weight", [64, 32]],
      ["v_proj_weight", [64, 64]],
      ["in_proj_bias", [192]],
      ["out_proj.weight", [64, 64]],
      ["out_proj.bias", [64]],
    ]);
    expect(total(text)).toBe(14592);
  });

  it("packs it when kdim and vdim are given equal to embed_dim", () => {
    const text = "MultiheadAttention(64, 8, kdim=64, vdim=64)";
    expect(tensors(text)).toEqual([
      ["in_proj_weight", [192, 64]],
      ["in_proj_bias", [192]],
      ["out_proj.weight", [64, 64]],
      ["out_proj.bias", [64]],
    ]);
    expect(total(text)).toBe(16640);
  });
});

describe("constraints", () => {
  it("embed_dim must be divisible by num_heads", () => {
    expect(errorOf("MultiheadAttention(10, 3)")).toBe(
      "<call>:1:24: MultiheadAttention needs 'embed_dim' divisible by 'num_heads', got embed_dim=10 with num_heads=3\n" +
        "  each head takes embed_dim / num_heads features: make embed_dim a multiple of 3 (such as 9 or 12), or num_heads a divisor of 10",
    );
    expect(errorOf("MultiheadAttention(2, num_heads=3)")).toBe(
      "<call>:1:23: MultiheadAttention needs 'embed_dim' divisible by 'num_heads', got embed_dim=2 with num_heads=3\n" +
        "  each head takes embed_dim / num_heads features: make embed_dim a multiple of 3 (such as 3), or num_heads a divisor of 2",
    );
  });

  it("embed_dim and num_heads must be positive", () => {
    expect(errorOf("MultiheadAttention(0, 1)")).toBe(
      "<call>:1:20: MultiheadAttention needs a positive 'embed_dim', got 0\n  write 1 or more; when an expression gives it, check the vars it uses",
    );
    expect(errorOf("MultiheadAttention(8, 0)")).toBe(
      "<call>:1:23: MultiheadAttention needs a positive 'num_heads', got 0\n  write 1 or more; when an expression gives it, check the vars it uses",
    );
  });

  it("kdim and vdim must be positive when given", () => {
    expect(errorOf("MultiheadAttention(8, 2, vdim=0)")).toBe(
      "<call>:1:26: MultiheadAttention needs a positive 'vdim', got 0\n  write 1 or more; when an expression gives it, check the vars it uses",
    );
  });

  it("dropout must be a probability", () => {
    expect(errorOf("MultiheadAttention(8, 2, dropout=-0.1)")).toBe(
      "<call>:1:26: MultiheadAttention needs 'dropout' between 0 and 1, got -0.1\n  it is the probability of zeroing an element",
    );
  });
});
