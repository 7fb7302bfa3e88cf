import { describe, expect, it } from "vitest";
import { layerTypes } from "../../src/catalogue/index.js";
import { describeText, errorOf } from "../helpers/layer.js";

// Each call and the repr PyTorch 1.13 prints for it.
const CALLS_AND_REPRS = [
  ["Identity(3, 4)", "Identity()"],
  ["Flatten(0, 2)", "Flatten(start_dim=0, end_dim=2)"],
  ["Unflatten(1, (2, 5))", "Unflatten(dim=1, unflattened_size=(2, 5))"],
  ["Dropout1d()", "Dropout1d(p=0.5, inplace=False)"],
  ["Dropout2d(0.3)", "Dropout2d(p=0.3, inplace=False)"],
  ["Dropout3d(p=0.0)", "Dropout3d(p=0.0, inplace=False)"],
  ["AlphaDropout(1.0)", "AlphaDropout(p=1.0, inplace=False)"],
  ["FeatureAlphaDropout(0.2, True)", "FeatureAlphaDropout(p=0.2, inplace=True)"],
  ["MaxPool1d(2)", "MaxPool1d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)"],
  ["MaxPool2d((3,))", "MaxPool2d(kernel_size=(3,), stride=(3,), padding=0, dilation=1, ceil_mode=False)"],
  ["MaxPool3d(3, 2, 1, 2, True, True)", "MaxPool3d(kernel_size=3, stride=2, padding=1, dilation=2, ceil_mode=True)"],
  ["AvgPool1d(3, 2, 1, True, False)", "AvgPool1d(kernel_size=(3,), stride=(2,), padding=(1,))"],
  ["AvgPool2d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False, divisor_override=2)", "AvgPool2d(kernel_size=3, stride=2, padding=1)"],
  ["AvgPool3d(2, divisor_override=3)", "AvgPool3d(kernel_size=2, stride=2, padding=0)"],
  ["LPPool1d(1.5, 4, stride=2)", "LPPool1d(norm_type=1.5, kernel_size=4, stride=2, ceil_mode=False)"],
  ["LPPool2d(2, 3)", "LPPool2d(norm_type=2, kernel_size=3, stride=None, ceil_mode=False)"],
  ["AdaptiveAvgPool1d(4)", "AdaptiveAvgPool1d(output_size=4)"],
  ["AdaptiveAvgPool3d(1)", "AdaptiveAvgPool3d(output_size=1)"],
  ["AdaptiveMaxPool2d((None, 7), return_indices=True)", "AdaptiveMaxPool2d(output_size=(None, 7))"],
  ["AdaptiveMaxPool3d((2, None, 3))", "AdaptiveMaxPool3d(output_size=(2, None, 3))"],
  ["MaxUnpool1d(2)", "MaxUnpool1d(kernel_size=(2,), stride=(2,), padding=(0,))"],
  ["MaxUnpool2d(2, stride=2)", "MaxUnpool2d(kernel_size=(2, 2), stride=(2, 2), padding=(0, 0))"],
  ["MaxUnpool3d(2, 2, 1)", "MaxUnpool3d(kernel_size=(2, 2, 2), stride=(2, 2, 2), padding=(1, 1, 1))"],
  ["Upsample(scale_factor=2, mode='bilinear', align_corners=True)", "Upsample(scale_factor=2.0, mode=bilinear)"],
  ["Upsample(size=(4, 4), mode='bicubic', align_corners=False)", "Upsample(size=(4, 4), mode=bicubic)"],
  ["UpsamplingNearest2d(size=8)", "UpsamplingNearest2d(size=8, mode=nearest)"],
  ["UpsamplingNearest2d(scale_factor=2)", "UpsamplingNearest2d(scale_factor=2.0, mode=nearest)"],
  ["UpsamplingBilinear2d(size=(32, 32))", "UpsamplingBilinear2d(size=(32, 32), mode=bilinear)"],
  ["PixelShuffle(3)", "PixelShuffle(upscale_factor=3)"],
  ["PixelUnshuffle(2)", "PixelUnshuffle(downscale_factor=2)"],
  ["ChannelShuffle(4)", "ChannelShuffle(groups=4)"],
  ["Fold((4, 5), 2)", "Fold(output_size=(4, 5), kernel_size=2, dilation=1, padding=0, stride=1)"],
  ["Unfold(3, dilation=2, padding=1, stride=2)", "Unfold(kernel_size=3, dilation=2, padding=1, stride=2)"],
  ["ZeroPad2d((0, 1, 0, 1))", "ZeroPad2d((0, 1, 0, 1))"],
  ["ConstantPad1d((1, 2), 3.5)", "ConstantPad1d(padding=(1, 2), value=3.5)"],
  ["ConstantPad2d(2, 0.0)", "ConstantPad2d(padding=(2, 2, 2, 2), value=0.0)"],
  ["ConstantPad3d(1, 0.5)", "ConstantPad3d(padding=(1, 1, 1, 1, 1, 1), value=0.5)"],
  ["ReflectionPad1d((2, 3))", "ReflectionPad1d((2, 3))"],
  ["ReflectionPad2d((1, 1, 2, 0))", "ReflectionPad2d((1, 1, 2, 0))"],
  ["ReflectionPad3d(2)", "ReflectionPad3d((2, 2, 2, 2, 2, 2))"],
  ["ReplicationPad1d(3)", "ReplicationPad1d((3, 3))"],
  ["ReplicationPad2d((1, 0, 1, 0))", "ReplicationPad2d((1, 0, 1, 0))"],
  ["ReplicationPad3d(1)", "ReplicationPad3d((1, 1, 1, 1, 1, 1))"],
  ["CosineSimilarity(dim=0, eps=1e-6)", "CosineSimilarity()"],
  ["PairwiseDistance(p=1.0, keepdim=True)", "PairwiseDistance()"],
];

// Valid calls whose repr cannot be read back (FractionalMaxPool prints no arguments), or that are newer than PyTorch 1.13.
const CALLS = [
  "FractionalMaxPool2d(3, output_ratio=0.5)",
  "FractionalMaxPool3d(2, output_size=(4, 4, 4))",
  "Upsample(scale_factor=(2.0, 3.0), mode='nearest-exact', recompute_scale_factor=True)",
  "ZeroPad1d((1, 2))",
  "ZeroPad3d(1)",
  "CircularPad1d(2)",
  "CircularPad2d((1, 1, 2, 2))",
  "CircularPad3d(1)",
  "LPPool3d(2, (2, 3, 3))",
];

describe("parameter-free layers", () => {
  it("cover torch.nn's pooling, padding, dropout, shuffle, upsampling, fold, flatten and distance modules", () => {
    const modules =
      "MaxPool1d MaxPool2d MaxPool3d MaxUnpool1d MaxUnpool2d MaxUnpool3d AvgPool1d AvgPool2d AvgPool3d FractionalMaxPool2d FractionalMaxPool3d " +
      "LPPool1d LPPool2d AdaptiveMaxPool1d AdaptiveMaxPool2d AdaptiveMaxPool3d AdaptiveAvgPool1d AdaptiveAvgPool2d AdaptiveAvgPool3d " +
      "ConstantPad1d ConstantPad2d ConstantPad3d ReflectionPad1d ReflectionPad2d ReflectionPad3d ReplicationPad1d ReplicationPad2d ReplicationPad3d ZeroPad2d " +
      "Dropout Dropout1d Dropout2d Dropout3d AlphaDropout FeatureAlphaDropout PixelShuffle PixelUnshuffle ChannelShuffle " +
      "Upsample UpsamplingNearest2d UpsamplingBilinear2d Fold Unfold Flatten Unflatten PairwiseDistance CosineSimilarity Identity";
    expect(modules.split(" ").filter((type) => !layerTypes().includes(type))).toEqual([]);
  });

  it.each([...CALLS_AND_REPRS.flat(), ...CALLS])("%s has no tensors", (text) => {
    expect(describeText(text)).toMatchObject({ parameters: [], buffers: [] });
  });
});

describe("parameter-free constraints", () => {
  const halfKernel = "\n  use padding <= kernel_size // 2";
  const positive = "\n  write 1 or more; when an expression gives it, check the vars it uses";
  it.each([
    ["Dropout(1.5)", "<call>:1:9: Dropout p must be between 0 and 1, got 1.5\n  p is the probability of zeroing an element"],
    ["Dropout2d(p=-0.1)", "<call>:1:11: Dropout2d p must be between 0 and 1, got -0.1\n  p is the probability of zeroing an element"],
    ["MaxPool2d(0)", "<call>:1:11: MaxPool2d needs positive values for 'kernel_size', got 0\n  write 1 or more; when an expression gives it, check the vars it uses"],
    ["MaxPool2d(3, stride=0)", "<call>:1:14: MaxPool2d needs positive values for 'stride', got 0\n  write 1 or more; when an expression gives it, check the vars it uses"],
    ["MaxPool2d(3, padding=-1)", "<call>:1:14: MaxPool2d needs non-negative values for 'padding', got -1\n  write 0 or more; when an expression gives it, check the vars it uses"],
    ["MaxPool2d(3, padding=2)", `<call>:1:14: MaxPool2d padding=2 must be at most half of kernel_size=3${halfKernel}`],
    ["AvgPool1d(2, padding=2)", `<call>:1:14: AvgPool1d padding=2 must be at most half of kernel_size=2${halfKernel}`],
    ["AvgPool2d(2, divisor_override=0)", "<call>:1:14: AvgPool2d divisor_override must not be 0\n  use None to divide by the window size"],
    [
      "AvgPool1d(2, divisor_override=1)",
      "<call>:1:14: AvgPool1d has no argument 'divisor_override'\n  its arguments are: kernel_size, stride, padding, ceil_mode, count_include_pad",
    ],
    [
      "FractionalMaxPool2d(3)",
      "<call>:1:1: FractionalMaxPool2d needs exactly one of output_size and output_ratio, got neither\n  give output_size=(height, width) or output_ratio=0.5",
    ],
    [
      "FractionalMaxPool2d(3, output_size=5, output_ratio=0.5)",
      "<call>:1:39: FractionalMaxPool2d needs exactly one of output_size and output_ratio, got both\n  give output_size=(height, width) or output_ratio=0.5",
    ],
    [
      "FractionalMaxPool2d(3, output_ratio=(0.5, 1.0))",
      "<call>:1:24: FractionalMaxPool2d output_ratio must be between 0 and 1, exclusive\n  it is the output size as a fraction of the input size",
    ],
    [
      "FractionalMaxPool2d(3, output_ratio='x')",
      "<call>:1:24: FractionalMaxPool2d needs a number or a tuple of numbers for 'output_ratio'\n  write a number such as 0.5, or a tuple such as (0.5, 0.5)",
    ],
    [
      "AdaptiveAvgPool2d(-1)",
      "<call>:1:19: AdaptiveAvgPool2d output_size must be a positive integer, or a tuple of positive integers and None\n  write the output's size per spatial dimension, e.g. 1 or (7, 7); None keeps the input's size",
    ],
    [
      "AdaptiveMaxPool2d(('x', 7))",
      "<call>:1:19: AdaptiveMaxPool2d output_size must be a positive integer, or a tuple of positive integers and None\n  write the output's size per spatial dimension, e.g. 1 or (7, 7); None keeps the input's size",
    ],
    [
      "Upsample(scale_factor=2, mode='cubic')",
      "<call>:1:26: Upsample mode 'cubic' is unknown\n  use one of 'nearest', 'linear', 'bilinear', 'bicubic', 'trilinear', 'area', 'nearest-exact'",
    ],
    [
      "Upsample(scale_factor=2, align_corners=True)",
      "<call>:1:26: Upsample align_corners applies only to the interpolating modes linear, bilinear, bicubic, trilinear, not 'nearest'\n  remove align_corners, or use one of those modes",
    ],
    [
      "UpsamplingNearest2d(scale_factor=2, mode='bilinear')",
      "<call>:1:37: UpsamplingNearest2d always uses mode 'nearest', got 'bilinear'\n  use Upsample(mode='bilinear') instead",
    ],
    ["ChannelShuffle(0)", "<call>:1:16: ChannelShuffle needs a positive 'groups', got 0\n  write 1 or more; when an expression gives it, check the vars it uses"],
    ["PixelShuffle(0)", "<call>:1:14: PixelShuffle needs a positive 'upscale_factor', got 0\n  write 1 or more; when an expression gives it, check the vars it uses"],
    ["ReflectionPad2d((1, 2, 3))", "<call>:1:17: ReflectionPad2d needs 4 values for 'padding', got 3\n  write a single integer or a tuple of 4"],
    ["Upsample(size=-3)", `<call>:1:10: Upsample needs positive values for 'size', got -3${positive}`],
    ["UpsamplingBilinear2d(size=(4, 0))", `<call>:1:22: UpsamplingBilinear2d needs positive values for 'size', got (4, 0)${positive}`],
    ["Fold(-1, 2)", `<call>:1:6: Fold needs positive values for 'output_size', got -1${positive}`],
    ["Unfold(3, stride=0)", `<call>:1:11: Unfold needs positive values for 'stride', got 0${positive}`],
    ["Unfold(3, padding=-1)", "<call>:1:11: Unfold needs non-negative values for 'padding', got -1\n  write 0 or more; when an expression gives it, check the vars it uses"],
    ["Unflatten(1, (-2, 3))", `<call>:1:14: Unflatten needs positive sizes in 'unflattened_size', and at most one -1, got (-2, 3)${positive}`],
    ["Unflatten(1, (-1, -1))", `<call>:1:14: Unflatten needs positive sizes in 'unflattened_size', and at most one -1, got (-1, -1)${positive}`],
    ["ConstantPad1d(1)", "<call>:1:1: ConstantPad1d is missing its required argument 'value'\n  signature: ConstantPad1d(padding, value)"],
  ])("%s", (call, message) => {
    expect(errorOf(call)).toBe(message);
  });
});
