import type { Value } from "../parse/values.js";
import type { LayerArguments } from "./arguments.js";
import { arg, atLeast, INPLACE, positive, written } from "./common.js";
import type { ArgumentSpec, LayerDefinition } from "./types.js";

/** Rejects what PyTorch rejects, at construction or at the first forward pass. */
export type Check = (args: LayerArguments) => void;
export type Row = readonly [type: string, signature: readonly ArgumentSpec[], check?: Check];

export function withoutTensors([type, signature, check]: Row): LayerDefinition {
  return {
    type,
    signature,
    tensors(args) {
      check?.(args);
      return { parameters: [], buffers: [] };
    },
  };
}

/** One row per dimensionality: `MaxPool1d`, `MaxPool2d`, `MaxPool3d`. */
function perDims(name: string, dims: readonly number[], row: (d: number) => readonly [readonly ArgumentSpec[], Check?]): Row[] {
  return dims.map((d) => [`${name}${d}d`, ...row(d)]);
}

const ONE_TO_THREE = [1, 2, 3];
const KERNEL_STRIDE = [arg("kernel_size", "size"), arg("stride", "size", null)];
const PADDING = arg("padding", "size", 0);
const CEIL_MODE = arg("ceil_mode", "bool", false);
const RETURN_INDICES = arg("return_indices", "bool", false);
const RESIZE = [arg("size", "size", null), arg("scale_factor", "any", null)];
const UPSAMPLE_MODES = ["nearest", "linear", "bilinear", "bicubic", "trilinear", "area", "nearest-exact"];
const INTERPOLATING_MODES = ["linear", "bilinear", "bicubic", "trilinear"];

const checkProbability: Check = (args) => {
  const p = args.float("p");
  if (p < 0 || p > 1) args.fail("p", `${args.type} p must be between 0 and 1, got ${p}`, `p is the probability of zeroing an element`);
};

/** Pooling windows also take a 1-tuple wherever they take an int. */
function pooled(args: LayerArguments, name: string, dims: number, minimum: 0 | 1): number[] {
  const items = args.ints(name);
  return atLeast(args, name, items.length === 1 ? Array.from({ length: dims }, () => items[0]!) : args.size(name, dims), minimum);
}

/** Checks kernel_size, stride (None means the kernel size) and, when asked, padding: max and average pooling keep it within half the kernel. */
function pool(dims: number, padding?: "halfKernel" | "nonNegative"): Check {
  return (args) => {
    const kernel = pooled(args, "kernel_size", dims, 1);
    if (!args.isNone("stride")) pooled(args, "stride", dims, 1);
    if (!padding) return;
    const pads = pooled(args, "padding", dims, 0);
    if (padding === "halfKernel" && pads.some((pad, d) => pad * 2 > kernel[d]!)) {
      args.fail("padding", `${args.type} padding=${written(args, "padding")} must be at most half of kernel_size=${written(args, "kernel_size")}`, `use padding <= kernel_size // 2`);
    }
  };
}

const checkDivisor: Check = (args) => {
  if (args.optionalInt("divisor_override") === 0) args.fail("divisor_override", `${args.type} divisor_override must not be 0`, `use None to divide by the window size`);
};

/** Numbers from an int, a float or a tuple of them, for the float-valued sizes that `size` does not cover. */
function numbers(args: LayerArguments, name: string): number[] {
  const value = args.value(name);
  const items = value.kind === "tuple" ? value.items : [value];
  if (!items.every((item): item is Extract<Value, { kind: "int" | "float" }> => item.kind === "int" || item.kind === "float")) {
    args.fail(name, `${args.type} needs a number or a tuple of numbers for '${name}'`);
  }
  return items.map((item) => item.value);
}

const fractional = (dims: number): Check => (args) => {
  pooled(args, "kernel_size", dims, 1);
  const hasSize = !args.isNone("output_size");
  const hasRatio = !args.isNone("output_ratio");
  if (hasSize === hasRatio) {
    args.fail("output_ratio", `${args.type} needs exactly one of output_size and output_ratio, got ${hasSize ? "both" : "neither"}`, `give output_size=(height, width) or output_ratio=0.5`);
  }
  if (hasRatio && numbers(args, "output_ratio").some((ratio) => ratio <= 0 || ratio >= 1)) {
    args.fail("output_ratio", `${args.type} output_ratio must be between 0 and 1, exclusive`, `it is the output size as a fraction of the input size`);
  }
};

/** An adaptive pool's output size: an int, or a tuple whose None items keep the input's size. */
const checkOutputSize: Check = (args) => {
  const value = args.value("output_size");
  const items = value.kind === "tuple" ? value.items : [value];
  if (!items.every((item) => item.kind === "none" || (item.kind === "int" && item.value >= 1))) {
    args.fail("output_size", `${args.type} output_size must be a positive integer, or a tuple of positive integers and None`);
  }
};

const checkUpsample: Check = (args) => {
  const mode = args.string("mode");
  if (!UPSAMPLE_MODES.includes(mode)) args.fail("mode", `${args.type} mode '${mode}' is unknown`, `use one of ${UPSAMPLE_MODES.map((name) => `'${name}'`).join(", ")}`);
  if (!args.isNone("align_corners") && !INTERPOLATING_MODES.includes(mode)) {
    args.fail("align_corners", `${args.type} align_corners applies only to the interpolating modes ${INTERPOLATING_MODES.join(", ")}, not '${mode}'`, `remove align_corners, or use one of those modes`);
  }
};

/** print(model) shows these classes' fixed mode, so the keyword must bind, but only to that mode. */
function upsampling(type: string, mode: string): Row {
  const check: Check = (args) => {
    const given = args.string("mode");
    if (given !== mode) args.fail("mode", `${type} always uses mode '${mode}', got '${given}'`, `use Upsample(mode='${given}') instead`);
  };
  return [type, [...RESIZE, arg("mode", "string", mode)], check];
}

const checkFactor = (name: string): Check => (args) => void positive(args, name);

/** Two sides per dimension, as the documentation gives it. */
const padSides = (dims: number): Check => (args) => void args.size("padding", 2 * dims);

const ROWS: Row[] = [
  ["Identity", [{ name: "args", type: "any", variadic: true }]],
  ["Flatten", [arg("start_dim", "int", 1), arg("end_dim", "int", -1)]],
  ["Unflatten", [arg("dim", "any"), arg("unflattened_size", "size")]],
  ...["Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout", "FeatureAlphaDropout"].map(
    (type): Row => [type, [arg("p", "float", 0.5), INPLACE], checkProbability],
  ),
  ...perDims("MaxPool", ONE_TO_THREE, (d) => [[...KERNEL_STRIDE, PADDING, arg("dilation", "size", 1), RETURN_INDICES, CEIL_MODE], pool(d, "halfKernel")]),
  ...perDims("AvgPool", ONE_TO_THREE, (d) => [
    [...KERNEL_STRIDE, PADDING, CEIL_MODE, arg("count_include_pad", "bool", true), ...(d > 1 ? [arg("divisor_override", "int", null)] : [])],
    (args) => {
      pool(d, "halfKernel")(args);
      if (d > 1) checkDivisor(args);
    },
  ]),
  // LPPool3d is PyTorch >= 2.2.
  ...perDims("LPPool", ONE_TO_THREE, (d) => [[arg("norm_type", "float"), ...KERNEL_STRIDE, CEIL_MODE], pool(d)]),
  ...perDims("MaxUnpool", ONE_TO_THREE, (d) => [[...KERNEL_STRIDE, PADDING], pool(d, "nonNegative")]),
  ...perDims("FractionalMaxPool", [2, 3], (d) => [
    [arg("kernel_size", "size"), arg("output_size", "size", null), arg("output_ratio", "any", null), RETURN_INDICES, arg("_random_samples", "any", null)],
    fractional(d),
  ]),
  ...perDims("AdaptiveAvgPool", ONE_TO_THREE, () => [[arg("output_size", "any")], checkOutputSize]),
  ...perDims("AdaptiveMaxPool", ONE_TO_THREE, () => [[arg("output_size", "any"), RETURN_INDICES], checkOutputSize]),
  ["Upsample", [...RESIZE, arg("mode", "string", "nearest"), arg("align_corners", "bool", null), arg("recompute_scale_factor", "bool", null)], checkUpsample],
  upsampling("UpsamplingNearest2d", "nearest"),
  upsampling("UpsamplingBilinear2d", "bilinear"),
  ["PixelShuffle", [arg("upscale_factor", "int")], checkFactor("upscale_factor")],
  ["PixelUnshuffle", [arg("downscale_factor", "int")], checkFactor("downscale_factor")],
  ["ChannelShuffle", [arg("groups", "int")], checkFactor("groups")],
  ["Fold", [arg("output_size", "size"), arg("kernel_size", "size"), arg("dilation", "size", 1), PADDING, arg("stride", "size", 1)]],
  ["Unfold", [arg("kernel_size", "size"), arg("dilation", "size", 1), PADDING, arg("stride", "size", 1)]],
  // ZeroPad1d/3d and CircularPad are PyTorch >= 2.1.
  ...["ZeroPad", "ReflectionPad", "ReplicationPad", "CircularPad"].flatMap((name) => perDims(name, ONE_TO_THREE, (d) => [[arg("padding", "size")], padSides(d)])),
  ...perDims("ConstantPad", ONE_TO_THREE, (d) => [[arg("padding", "size"), arg("value", "float")], padSides(d)]),
  ["CosineSimilarity", [arg("dim", "int", 1), arg("eps", "float", 1e-8)]],
  ["PairwiseDistance", [arg("p", "float", 2.0), arg("eps", "float", 1e-6), arg("keepdim", "bool", false)]],
];

export const parameterFreeLayers: LayerDefinition[] = ROWS.map(withoutTensors);
