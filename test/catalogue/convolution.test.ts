import { describe, expect, it } from "vitest";
import { describeText, errorOf } from "../helpers/layer.js";

const weightAndBias = (weight: number[], bias?: number) => [{ name: "weight", shape: weight }, ...(bias === undefined ? [] : [{ name: "bias", shape: [bias] }])];

// Shapes as PyTorch 1.13 reports them for the same calls.
describe("convolution tensors", () => {
  it.each([
    ["Conv3d(8, 16, (3, 5, 7), dilation=(1, 2, 3), groups=4)", [16, 2, 3, 5, 7], 16],
    ["Conv1d(6, 9, 5, padding='same', dilation=2, groups=3, padding_mode='reflect')", [9, 2, 5], 9],
    ["Conv1d(6, 9, kernel_size=(5,), stride=(1,), padding=same, dilation=(2,), groups=3, padding_mode=reflect)", [9, 2, 5], 9],
    ["Conv2d(4, 8, 3, padding='valid', bias=False)", [8, 4, 3, 3], undefined],
    ["Conv2d(4, 8, (1, 3), padding='same', padding_mode='circular')", [8, 4, 1, 3], 8],
    // Positional: ConvTranspose's order is ..., output_padding, groups, bias, dilation.
    ["ConvTranspose2d(6, 12, 3, 2, 1, 1, 3, False, 2)", [6, 4, 3, 3], undefined],
    ["ConvTranspose3d(6, 12, 3, groups=3, dilation=2, output_padding=1, stride=2)", [6, 4, 3, 3, 3], 12],
    ["ConvTranspose1d(4, 8, 3, output_padding=1, dilation=2)", [4, 8, 3], 8],
    ["ConvTranspose2d(16, 8, (2, 4), stride=(2, 1), output_padding=(1, 0), groups=8)", [16, 1, 2, 4], 8],
  ])("%s", (call, weight, bias) => {
    expect(describeText(call)).toMatchObject({ parameters: weightAndBias(weight, bias), buffers: [] });
  });
});

describe("convolution constraints", () => {
  const groupsHint = "\n  use a groups value that divides both in_channels and out_channels";
  it.each([
    ["Conv2d(0, 8, 3)", "<call>:1:8: Conv2d needs a positive 'in_channels', got 0\n  write 1 or more; when an expression gives it, check the vars it uses"],
    ["Conv2d(4, 8, 3, groups=0)", "<call>:1:17: Conv2d needs a positive 'groups', got 0\n  write 1 or more; when an expression gives it, check the vars it uses"],
    ["Conv2d(4, 8, 3, groups=3)", `<call>:1:17: Conv2d in_channels=4 is not divisible by groups=3${groupsHint}`],
    ["Conv2d(6, 8, 3, groups=3)", `<call>:1:17: Conv2d out_channels=8 is not divisible by groups=3${groupsHint}`],
    ["ConvTranspose2d(6, 8, 3, groups=3)", `<call>:1:26: ConvTranspose2d out_channels=8 is not divisible by groups=3${groupsHint}`],
    ["Conv2d(4, 8, (3, 0))", "<call>:1:14: Conv2d needs positive values for 'kernel_size', got (3, 0)\n  write 1 or more; when an expression gives it, check the vars it uses"],
    ["Conv2d(4, 8, (3, 3, 3))", "<call>:1:14: Conv2d needs 2 values for 'kernel_size', got 3\n  write a single integer or a tuple of 2"],
    ["Conv2d(4, 8, 3, stride=0)", "<call>:1:17: Conv2d needs positive values for 'stride', got 0\n  write 1 or more; when an expression gives it, check the vars it uses"],
    [
      "Conv2d(4, 8, 3, dilation=(1, 0))",
      "<call>:1:17: Conv2d needs positive values for 'dilation', got (1, 0)\n  write 1 or more; when an expression gives it, check the vars it uses",
    ],
    ["Conv2d(4, 8, 3, padding=-1)", "<call>:1:17: Conv2d needs non-negative values for 'padding', got -1\n  write 0 or more; when an expression gives it, check the vars it uses"],
    [
      "ConvTranspose2d(4, 8, 3, padding=-1)",
      "<call>:1:26: ConvTranspose2d needs non-negative values for 'padding', got -1\n  write 0 or more; when an expression gives it, check the vars it uses",
    ],
    [
      "Conv2d(4, 8, 3, stride=2, padding='same')",
      "<call>:1:27: Conv2d padding='same' needs stride 1, got stride=2\n  PyTorch has no 'same' padding for strided convolutions: write the padding as numbers",
    ],
    [
      "Conv2d(4, 8, 3, padding='full')",
      "<call>:1:17: Conv2d padding must be 'same', 'valid' or sizes, got 'full'\n  write padding='same', padding='valid', an integer or a tuple of 2",
    ],
    ["Conv2d(4, 8, 3, padding_mode='mirror')", "<call>:1:17: Conv2d padding_mode must be one of 'zeros', 'reflect', 'replicate', 'circular', got 'mirror'"],
    ["ConvTranspose2d(4, 8, 3, padding_mode='reflect')", "<call>:1:26: ConvTranspose2d supports only padding_mode='zeros', got 'reflect'"],
    [
      "ConvTranspose2d(4, 8, 3, stride=2, output_padding=2)",
      "<call>:1:36: ConvTranspose2d output_padding=2 must be smaller than stride=2 or dilation=1 in every dimension\n  lower output_padding, or raise stride",
    ],
    [
      "ConvTranspose1d(4, 8, 3, output_padding=1)",
      "<call>:1:26: ConvTranspose1d output_padding=1 must be smaller than stride=1 or dilation=1 in every dimension\n  lower output_padding, or raise stride",
    ],
  ])("%s", (call, message) => {
    expect(errorOf(call)).toBe(message);
  });

  it("takes at most the 12 arguments of PyTorch's signature positionally", () => {
    expect(errorOf("ConvTranspose1d(4, 8, 3, 1, 0, 0, 1, True, 1, 'zeros', None, None, 5)")).toBe(
      "<call>:1:68: ConvTranspose1d takes at most 12 positional arguments, got more\n  name the extra argument, e.g. name=value",
    );
  });
});
