import { describe, expect, it } from "vitest";
import { describeText, errorOf } from "../helpers/layer.js";

// Expected names, shapes and totals were read from PyTorch 1.13's named_parameters(), except for bias=False
// (PyTorch 2.1+), read from 1.13 modules rebuilt as 2.1 builds them: attention and Linear with bias=False,
// LayerNorm with its bias registered as None.
const tensors = (text: string) => describeText(text).parameters.map(({ name, shape }) => [name, shape]);
const names = (text: string) => describeText(text).parameters.map(({ name }) => name);
const total = (text: string) => describeText(text).parameters.reduce((sum, { shape }) => sum + shape.reduce((a, b) => a * b, 1), 0);

describe("TransformerEncoderLayer and TransformerDecoderLayer", () => {
  it("register a module activation such as PReLU() after the norms", () => {
    const text = "TransformerEncoderLayer(16, 2, 32, activation=PReLU())";
    expect(tensors(text)).toEqual([
      ["self_attn.in_proj_weight", [48, 16]],
      ["self_attn.in_proj_bias", [48]],
      ["self_attn.out_proj.weight", [16, 16]],
      ["self_attn.out_proj.bias", [16]],
      ["linear1.weight", [32, 16]],
      ["linear1.bias", [32]],
      ["linear2.weight", [16, 32]],
      ["linear2.bias", [16]],
      ["norm1.weight", [16]],
      ["norm1.bias", [16]],
      ["norm2.weight", [16]],
      ["norm2.bias", [16]],
      ["activation.weight", [1]],
    ]);
    expect(total(text)).toBe(2225);
  });

  it("take a function or 'gelu' as activation, which holds no tensors", () => {
    expect(total("TransformerEncoderLayer(16, 2, 32, 0.1, F.gelu)")).toBe(2224);
    expect(total("TransformerDecoderLayer(16, 2, 32, activation='gelu')")).toBe(3344);
  });

  it("drop every bias with bias=False", () => {
    expect(tensors("TransformerEncoderLayer(16, 2, 32, bias=False)")).toEqual([
      ["self_attn.in_proj_weight", [48, 16]],
      ["self_attn.out_proj.weight", [16, 16]],
      ["linear1.weight", [32, 16]],
      ["linear2.weight", [16, 32]],
      ["norm1.weight", [16]],
      ["norm2.weight", [16]],
    ]);
    expect(total("TransformerEncoderLayer(16, 2, 32, bias=False)")).toBe(2080);
    expect(tensors("TransformerDecoderLayer(16, 2, 32, bias=False)")).toEqual([
      ["self_attn.in_proj_weight", [48, 16]],
      ["self_attn.out_proj.weight", [16, 16]],
      ["multihead_attn.in_proj_weight", [48, 16]],
      ["multihead_attn.out_proj.weight", [16, 16]],
      ["linear1.weight", [32, 16]],
      ["linear2.weight", [16, 32]],
      ["norm1.weight", [16]],
      ["norm2.weight", [16]],
      ["norm3.weight", [16]],
    ]);
    expect(total("TransformerDecoderLayer(16, 2, 32, bias=False)")).toBe(3120);
  });
});

describe("TransformerEncoder and TransformerDecoder", () => {
  it("list each copy of the layer, then the final norm", () => {
    const text = "TransformerEncoder(TransformerEncoderLayer(32, 4, dim_feedforward=64), 3, norm=LayerNorm(32))";
    expect(names(text).filter((name) => name.endsWith("in_proj_weight") || name.startsWith("norm"))).toEqual([
      "layers.0.self_attn.in_proj_weight",
      "layers.1.self_attn.in_proj_weight",
      "layers.2.self_attn.in_proj_weight",
      "norm.weight",
      "norm.bias",
    ]);
    expect(names(text)).toHaveLength(38);
    expect(total(text)).toBe(25696);
  });

  it("list a decoder layer's two attentions and three norms", () => {
    const text = "TransformerDecoder(TransformerDecoderLayer(16, 2, 24), 1, norm=LayerNorm(16))";
    expect(tensors(text)).toEqual([
      ["layers.0.self_attn.in_proj_weight", [48, 16]],
      ["layers.0.self_attn.in_proj_bias", [48]],
      ["layers.0.self_attn.out_proj.weight", [16, 16]],
      ["layers.0.self_attn.out_proj.bias", [16]],
      ["layers.0.multihead_attn.in_proj_weight", [48, 16]],
      ["layers.0.multihead_attn.in_proj_bias", [48]],
      ["layers.0.multihead_attn.out_proj.weight", [16, 16]],
      ["layers.0.multihead_attn.out_proj.bias", [16]],
      ["layers.0.linear1.weight", [24, 16]],
      ["layers.0.linear1.bias", [24]],
      ["layers.0.linear2.weight", [16, 24]],
      ["layers.0.linear2.bias", [16]],
      ["layers.0.norm1.weight", [16]],
      ["layers.0.norm1.bias", [16]],
      ["layers.0.norm2.weight", [16]],
      ["layers.0.norm2.bias", [16]],
      ["layers.0.norm3.weight", [16]],
      ["layers.0.norm3.bias", [16]],
      ["norm.weight", [16]],
      ["norm.bias", [16]],
    ]);
    expect(total(text)).toBe(3112);
  });

  it("have no norm unless given one", () => {
    const text = "TransformerDecoder(TransformerDecoderLayer(32, 4, 64), 2)";
    expect(names(text)).toHaveLength(36);
    expect(names(text).at(-1)).toBe("layers.1.norm3.bias");
    expect(total(text)).toBe(25664);
  });

  it("may hold no layers", () => {
    expect(tensors("TransformerEncoder(TransformerEncoderLayer(16, 2, 32), 0)")).toEqual([]);
  });
});

describe("Transformer", () => {
  it("counts encoder and decoder layers separately and ends each stack with a LayerNorm", () => {
    const text = "Transformer(d_model=32, nhead=4, num_encoder_layers=1, num_decoder_layers=2, dim_feedforward=64)";
    expect(names(text).filter((name) => name.endsWith("in_proj_weight") || /^(en|de)coder\.norm/.test(name))).toEqual([
      "encoder.layers.0.self_attn.in_proj_weight",
      "encoder.norm.weight",
      "encoder.norm.bias",
      "decoder.layers.0.self_attn.in_proj_weight",
      "decoder.layers.0.multihead_attn.in_proj_weight",
      "decoder.layers.1.self_attn.in_proj_weight",
      "decoder.layers.1.multihead_attn.in_proj_weight",
      "decoder.norm.weight",
      "decoder.norm.bias",
    ]);
    expect(names(text)).toHaveLength(52);
    expect(total(text)).toBe(34336);
  });

  it("uses a custom encoder as given, without adding a norm to it", () => {
    const text = "Transformer(16, 2, num_decoder_layers=1, dim_feedforward=24, custom_encoder=TransformerEncoder(TransformerEncoderLayer(16, 2, 24), 1))";
    expect(names(text).filter((name) => name.endsWith("in_proj_weight") || /^(en|de)coder\.norm/.test(name))).toEqual([
      "encoder.layers.0.self_attn.in_proj_weight",
      "decoder.layers.0.self_attn.in_proj_weight",
      "decoder.layers.0.multihead_attn.in_proj_weight",
      "decoder.norm.weight",
      "decoder.norm.bias",
    ]);
    expect(names(text)).toHaveLength(32);
    expect(total(text)).toBe(5072);
  });

  it("drops every bias, the final norms' included, with bias=False", () => {
    const text = "Transformer(16, 2, 1, 1, 32, bias=False)";
    expect(tensors(text)).toEqual([
      ["encoder.layers.0.self_attn.in_proj_weight", [48, 16]],
      ["encoder.layers.0.self_attn.out_proj.weight", [16, 16]],
      ["encoder.layers.0.linear1.weight", [32, 16]],
      ["encoder.layers.0.linear2.weight", [16, 32]],
      ["encoder.layers.0.norm1.weight", [16]],
      ["encoder.layers.0.norm2.weight", [16]],
      ["encoder.norm.weight", [16]],
      ["decoder.layers.0.self_attn.in_proj_weight", [48, 16]],
      ["decoder.layers.0.self_attn.out_proj.weight", [16, 16]],
      ["decoder.layers.0.multihead_attn.in_proj_weight", [48, 16]],
      ["decoder.layers.0.multihead_attn.out_proj.weight", [16, 16]],
      ["decoder.layers.0.linear1.weight", [32, 16]],
      ["decoder.layers.0.linear2.weight", [16, 32]],
      ["decoder.layers.0.norm1.weight", [16]],
      ["decoder.layers.0.norm2.weight", [16]],
      ["decoder.layers.0.norm3.weight", [16]],
      ["decoder.norm.weight", [16]],
    ]);
    expect(total(text)).toBe(5232);
  });
});

describe("constraints", () => {
  it("d_model must be divisible by nhead", () => {
    expect(errorOf("TransformerEncoderLayer(10, 3)")).toBe(
      "<call>:1:29: TransformerEncoderLayer needs 'd_model' divisible by 'nhead', got d_model=10 with nhead=3\n" +
        "  each head takes d_model / nhead features: make d_model a multiple of 3 (such as 9 or 12), or nhead a divisor of 10",
    );
  });

  it("reports a defaulted nhead at the call", () => {
    expect(errorOf("Transformer(d_model=500)")).toBe(
      "<call>:1:1: Transformer needs 'd_model' divisible by 'nhead', got d_model=500 with nhead=8\n" +
        "  each head takes d_model / nhead features: make d_model a multiple of 8 (such as 496 or 504), or nhead a divisor of 500",
    );
  });

  it("a string activation must be relu or gelu", () => {
    expect(errorOf("TransformerEncoderLayer(16, 2, activation='silu')")).toBe(
      "<call>:1:32: TransformerEncoderLayer activation must be 'relu' or 'gelu', got 'silu'\n  for another activation, pass the function itself, e.g. activation=F.silu",
    );
    expect(errorOf("TransformerDecoderLayer(16, 2, activation=3)")).toBe(
      "<call>:1:32: TransformerDecoderLayer activation must be 'relu', 'gelu', a function such as F.gelu or a module such as GELU(), got the integer 3",
    );
  });

  it("layer counts must not be negative", () => {
    expect(errorOf("TransformerEncoder(TransformerEncoderLayer(16, 2), -1)")).toBe(
      "<call>:1:52: TransformerEncoder needs a non-negative 'num_layers', got -1\n  write the number of layers in the stack, 0 or more",
    );
    expect(errorOf("Transformer(num_encoder_layers=-2)")).toBe(
      "<call>:1:13: Transformer needs a non-negative 'num_encoder_layers', got -2\n  write the number of layers in the stack, 0 or more",
    );
  });

  it("encoder_layer must be a layer", () => {
    expect(errorOf("TransformerEncoder(5, 2)")).toBe(
      "<call>:1:20: TransformerEncoder argument 'encoder_layer' must be a layer such as TransformerEncoderLayer(...), got the integer 5\n  write a layer call such as TransformerEncoderLayer(512, 8)",
    );
  });

  it("a nested layer reports its own errors at its own arguments", () => {
    expect(errorOf("TransformerDecoder(TransformerDecoderLayer(16, 2, dim_feedforward=0), 2)")).toBe(
      "<call>:1:51: TransformerDecoderLayer needs a positive 'dim_feedforward', got 0\n  write 1 or more; when an expression gives it, check the vars it uses",
    );
  });

  it("dropout must be a probability", () => {
    expect(errorOf("TransformerDecoderLayer(16, 2, dropout=2)")).toBe(
      "<call>:1:32: TransformerDecoderLayer needs 'dropout' between 0 and 1, got 2\n  it is the probability of zeroing an element",
    );
  });
});
