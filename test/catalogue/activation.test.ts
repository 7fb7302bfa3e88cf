import { describe, expect, it } from "vitest";
import { layerTypes } from "../../src/catalogue/index.js";
import { describeText, errorOf } from "../helpers/layer.js";

// Each call and the repr PyTorch 1.13 prints for it; none of these modules holds a tensor.
const TENSORLESS = [
  ["ReLU(True)", "ReLU(inplace=True)"],
  ["ReLU6()", "ReLU6()"],
  ["SELU()", "SELU()"],
  ["SiLU()", "SiLU()"],
  ["Mish()", "Mish()"],
  ["Hardsigmoid()", "Hardsigmoid()"],
  ["Hardswish()", "Hardswish()"],
  ["Sigmoid()", "Sigmoid()"],
  ["Tanh()", "Tanh()"],
  ["Softsign()", "Softsign()"],
  ["LogSigmoid()", "LogSigmoid()"],
  ["Tanhshrink()", "Tanhshrink()"],
  ["Softmax2d()", "Softmax2d()"],
  ["Softmax()", "Softmax(dim=None)"],
  ["LogSoftmax(dim=1)", "LogSoftmax(dim=1)"],
  ["Softmin(0)", "Softmin(dim=0)"],
  ["Hardshrink()", "Hardshrink(0.5)"],
  ["Softshrink(0.3)", "Softshrink(0.3)"],
  ["ELU()", "ELU(alpha=1.0)"],
  ["CELU(2.0, True)", "CELU(alpha=2.0, inplace=True)"],
  ["LeakyReLU(0.2, inplace=True)", "LeakyReLU(negative_slope=0.2, inplace=True)"],
  ["GELU()", "GELU(approximate='none')"],
  ["GELU(approximate='tanh')", "GELU(approximate='tanh')"],
  ["Hardtanh()", "Hardtanh(min_val=-1.0, max_val=1.0)"],
  ["Hardtanh(0.0, 6.0, True)", "Hardtanh(min_val=0.0, max_val=6.0, inplace=True)"],
  ["Hardtanh(min_value=-2.0)", "Hardtanh(min_val=-2.0, max_val=1.0)"],
  ["Softplus(2, 10)", "Softplus(beta=2, threshold=10)"],
  ["Threshold(0.1, 20)", "Threshold(threshold=0.1, value=20)"],
  ["GLU(0)", "GLU(dim=0)"],
  ["RReLU()", "RReLU(lower=0.125, upper=0.3333333333333333)"],
  ["RReLU(0.1, 0.1)", "RReLU(lower=0.1, upper=0.1)"],
];

describe("activations", () => {
  it("cover torch.nn.modules.activation.__all__ but MultiheadAttention", () => {
    const activations =
      "Threshold ReLU RReLU Hardtanh ReLU6 Sigmoid Hardsigmoid Tanh SiLU Mish Hardswish ELU CELU SELU GLU GELU Hardshrink LeakyReLU LogSigmoid Softplus Softshrink PReLU Softsign Tanhshrink Softmin Softmax Softmax2d LogSoftmax";
    expect(activations.split(" ").filter((type) => !layerTypes().includes(type))).toEqual([]);
  });

  it.each(TENSORLESS.flat())("%s has no tensors", (text) => {
    expect(describeText(text)).toMatchObject({ parameters: [], buffers: [] });
  });

  it.each([
    ["PReLU()", 1],
    ["PReLU(num_parameters=64)", 64],
    ["PReLU(3, 0.1)", 3],
  ])("%s has one weight per channel", (call, channels) => {
    expect(describeText(call)).toMatchObject({ parameters: [{ name: "weight", shape: [channels] }], buffers: [] });
  });

  it.each([
    ["PReLU(0)", "<call>:1:7: PReLU needs a positive 'num_parameters', got 0\n  write 1 or more; when an expression gives it, check the vars it uses"],
    ["GELU('fast')", "<call>:1:6: GELU approximate must be 'none' or 'tanh', got 'fast'"],
    ["Hardtanh(1.0, -1.0)", "<call>:1:15: Hardtanh needs max_val greater than min_val, got min_val=1 and max_val=-1"],
    ["Hardtanh(0.0, 0.0)", "<call>:1:15: Hardtanh needs max_val greater than min_val, got min_val=0 and max_val=0"],
    ["Hardtanh(max_value=-2.0)", "<call>:1:10: Hardtanh needs max_value greater than min_val, got min_val=-1 and max_value=-2"],
    ["RReLU(0.5, 0.1)", "<call>:1:12: RReLU needs upper at least lower, got lower=0.5 and upper=0.1"],
    ["Threshold(0.1)", "<call>:1:1: Threshold is missing its required argument 'value'\n  signature: Threshold(threshold, value, inplace=False)"],
    ["ReLU(inplace=1)", "<call>:1:6: ReLU argument 'inplace' must be True or False, got the integer 1\n  write True or False"],
  ])("%s", (call, message) => {
    expect(errorOf(call)).toBe(message);
  });
});
