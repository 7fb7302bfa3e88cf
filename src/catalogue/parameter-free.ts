import type { Value } from "../parse/values.js";
import type { LayerArguments, LayerDefinition } from "./arguments.js";
import { arg, atLeast, channelsFirst, dimension, elementwise, INPLACE, numel, positive, POSITIVE_HINT, sizeAtLeast, windows, written } from "./common.js";
import type { ArgumentSpec, ForwardInput, ForwardResult } from "./types.js";

/** Rejects what PyTorch rejects, at construction or at the first forward pass. */
export type Check = (args: LayerArguments) => void;
export type Forward = NonNullable<LayerDefinition["forward"]>;
export type Row = readonly [type: string, signature: readonly ArgumentSpec[], check?: Check, forward?: Forward];

export function withoutTensors([type, signature, check, forward]: Row): LayerDefinition {
  return {
    type,
    signature,
    tensors(args) {
      check?.(args);
      return { parameters: [], buffers: [] };
    },
    ...(forward ? { forward } : {}),
  };
}

/** One row per dimensionality: `MaxPool1d`, `MaxPool2d`, `MaxPool3d`. */
function perDims(name: string, dims: readonly number[], row: (d: number) => readonly [readonly ArgumentSpec[], Check?, Forward?]): Row[] {
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
      args.fail(
        "padding",
        `${args.type} padding=${written(args, "padding")} must be at most half of kernel_size=${written(args, "kernel_size")}`,
        `use padding <= kernel_size // 2`,
      );
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
    args.fail(name, `${args.type} needs a number or a tuple of numbers for '${name}'`, "write a number such as 0.5, or a tuple such as (0.5, 0.5)");
  }
  return items.map((item) => item.value);
}

const fractional =
  (dims: number): Check =>
  (args) => {
    pooled(args, "kernel_size", dims, 1);
    const hasSize = !args.isNone("output_size");
    const hasRatio = !args.isNone("output_ratio");
    if (hasSize === hasRatio) {
      args.fail(
        "output_ratio",
        `${args.type} needs exactly one of output_size and output_ratio, got ${hasSize ? "both" : "neither"}`,
        `give output_size=(height, width) or output_ratio=0.5`,
      );
    }
    if (!hasRatio) return;
    const ratios = numbers(args, "output_ratio");
    if (ratios.some((ratio) => ratio <= 0 || ratio >= 1)) {
      args.fail("output_ratio", `${args.type} output_ratio must be between 0 and 1, exclusive`, `it is the output size as a fraction of the input size`);
    }
    if (ratios.length !== 1 && ratios.length !== dims) args.fail("output_ratio", `${args.type} needs one output_ratio or ${dims}, got ${ratios.length}`);
  };

/** An adaptive pool's output size: an int, or a tuple whose None items keep the input's size. */
const checkOutputSize: Check = (args) => {
  const value = args.value("output_size");
  const items = value.kind === "tuple" ? value.items : [value];
  if (!items.every((item) => item.kind === "none" || (item.kind === "int" && item.value >= 1))) {
    args.fail(
      "output_size",
      `${args.type} output_size must be a positive integer, or a tuple of positive integers and None`,
      "write the output's size per spatial dimension, e.g. 1 or (7, 7); None keeps the input's size",
    );
  }
};

/** A target size, when given instead of a scale factor, has every item at least 1. */
const checkSize: Check = (args) => {
  if (!args.isNone("size")) atLeast(args, "size", args.ints("size"), 1);
};

const checkUpsample: Check = (args) => {
  checkSize(args);
  const mode = args.string("mode");
  if (!UPSAMPLE_MODES.includes(mode)) args.fail("mode", `${args.type} mode '${mode}' is unknown`, `use one of ${UPSAMPLE_MODES.map((name) => `'${name}'`).join(", ")}`);
  if (!args.isNone("align_corners") && !INTERPOLATING_MODES.includes(mode)) {
    args.fail(
      "align_corners",
      `${args.type} align_corners applies only to the interpolating modes ${INTERPOLATING_MODES.join(", ")}, not '${mode}'`,
      `remove align_corners, or use one of those modes`,
    );
  }
};

/** print(model) shows these classes' fixed mode, so the keyword must bind, but only to that mode. */
function upsampling(type: string, mode: string): Row {
  const check: Check = (args) => {
    checkSize(args);
    const given = args.string("mode");
    if (given !== mode) args.fail("mode", `${type} always uses mode '${mode}', got '${given}'`, `use Upsample(mode='${given}') instead`);
  };
  return [type, [...RESIZE, arg("mode", "string", mode)], check, upsample];
}

const checkFactor =
  (name: string): Check =>
  (args) =>
    void positive(args, name);

/** Each spatial dimension's number of windows, or a mismatch when the input is smaller than a window. */
function slide(args: LayerArguments, input: ForwardInput, dims: number, padding: number[], dilation: number[]): number[] {
  const spatial = channelsFirst(input, dims, undefined, undefined, "");
  const kernel = pooled(args, "kernel_size", dims, 1);
  const stride = args.isNone("stride") ? kernel : pooled(args, "stride", dims, 1);
  const out = spatial.map((length, d) => windows(length, kernel[d]!, stride[d]!, padding[d]!, dilation[d]!, args.bool("ceil_mode")));
  if (out.some((length) => length < 1)) input.mismatch("kernel_size", `an input of at least its kernel size ${written(args, "kernel_size")}`);
  return out;
}

/** Max pooling keeps its input and the int64 index of each maximum for backward; average pooling only its input. */
function pooling(dims: number, indices: boolean): Forward {
  return (args, input) => {
    const padding = pooled(args, "padding", dims, 0);
    const dilation = indices ? pooled(args, "dilation", dims, 1) : padding.map(() => 1);
    return windowed(input, slide(args, input, dims, padding, dilation), indices);
  };
}

/**
 * LPPool is `(avg_pool(x^p) * window size)^(1/p)` with a sign and a ReLU on the way, in PyTorch's
 * Python: autograd keeps its input, x^p, four tensors of the output's size and the window size as
 * an int64 scalar (measured).
 */
const lpPooling =
  (dims: number): Forward =>
  (args, input) => {
    const none = Array.from({ length: dims }, () => 0);
    const output = [
      ...input.shape.slice(0, 2),
      ...slide(
        args,
        input,
        dims,
        none,
        none.map(() => 1),
      ),
    ];
    const kept = { elements: numel(input.shape) + 4 * numel(output), dtype: "activation" as const };
    return { output, saves: ["input", kept, { elements: 1, dtype: "int64" }] };
  };

/**
 * MaxUnpool is called on one tensor: the indices are assumed to be those of a max pool with the same
 * kernel, stride and padding that produced it, so the output has that pool's input size, and
 * backward keeps the indices (int64, one per input element).
 */
const unpooling =
  (dims: number): Forward =>
  (args, input) => {
    const spatial = channelsFirst(input, dims, undefined, undefined, "");
    const kernel = pooled(args, "kernel_size", dims, 1);
    const stride = args.isNone("stride") ? kernel : pooled(args, "stride", dims, 1);
    const padding = pooled(args, "padding", dims, 0);
    const out = spatial.map((length, d) => (length - 1) * stride[d]! - 2 * padding[d]! + kernel[d]!);
    if (out.some((length) => length < 1)) input.mismatch("padding", "an output of at least one element");
    return { output: [...input.shape.slice(0, 2), ...out], saves: [{ elements: numel(input.shape), dtype: "int64" }] };
  };

/** output_size, or the input's size times output_ratio rounded down; every window must fit in the input. */
const fractionalPooling =
  (dims: number): Forward =>
  (args, input) => {
    const spatial = channelsFirst(input, dims, undefined, undefined, "");
    const kernel = pooled(args, "kernel_size", dims, 1);
    const ratios = args.isNone("output_ratio") ? undefined : numbers(args, "output_ratio");
    const out = ratios ? spatial.map((length, d) => Math.floor(length * ratios[ratios.length === 1 ? 0 : d]!)) : pooled(args, "output_size", dims, 1);
    if (out.some((length, d) => length < 1 || length + kernel[d]! - 1 > spatial[d]!)) {
      input.mismatch(ratios ? "output_ratio" : "output_size", `an input of at least output size + kernel_size - 1 in each dimension`);
    }
    return windowed(input, out, true);
  };

function windowed(input: ForwardInput, spatial: number[], indices: boolean): ForwardResult {
  const output = [...input.shape.slice(0, 2), ...spatial];
  return { output, saves: ["input", ...(indices ? [{ elements: numel(output), dtype: "int64" as const }] : [])] };
}

/** Adaptive pooling: output_size per dimension, None keeping the input's. */
const adaptive =
  (dims: number, indices: boolean): Forward =>
  (args, input) => {
    const spatial = channelsFirst(input, dims, undefined, undefined, "");
    const value = args.value("output_size");
    const items = value.kind === "tuple" ? value.items : spatial.map(() => value);
    if (items.length !== dims) input.mismatch("output_size", `${dims} output sizes`);
    return windowed(
      input,
      items.map((item, d) => (item.kind === "int" ? item.value : spatial[d]!)),
      indices,
    );
  };

/**
 * Dropout keeps a one-byte mask per element, as CUDA's fused kernel does (PyTorch 1.13's CPU kernel
 * keeps a mask in the input's dtype instead). The others are not fused, and keep their noise in the
 * input's dtype (measured): AlphaDropout one per element, the feature dropouts one per sample and
 * channel (Dropout1d/2d/3d, FeatureAlphaDropout zero whole channels). p=0 is the identity.
 */
const dropout: Forward = (args, input) => {
  if (args.float("p") === 0) return elementwise(input, "nothing", true);
  const [batch, channels] = input.shape as [number, number];
  const noise =
    args.type === "Dropout"
      ? { elements: numel(input.shape), dtype: "bool" as const }
      : { elements: args.type === "AlphaDropout" ? numel(input.shape) : batch * channels, dtype: "activation" as const };
  if (args.type !== "Dropout" && args.type !== "AlphaDropout" && input.shape.length < 2) input.mismatch(undefined, "an input of at least 2 dimensions (batch, channels, ...)");
  return { output: [...input.shape], saves: [noise] };
};

const flatten: Forward = (args, input) => {
  const rank = input.shape.length;
  const start = dimension(input, args.int("start_dim"), "start_dim");
  const end = dimension(input, args.int("end_dim"), "end_dim");
  if (end < start) input.mismatch("end_dim", `end_dim after start_dim`);
  return { output: [...input.shape.slice(0, start), numel(input.shape.slice(start, end + 1)), ...input.shape.slice(end + 1, rank)], sharesInput: true };
};

const unflatten: Forward = (args, input) => {
  const dim = dimension(input, args.int("dim"), "dim");
  const sizes = args.ints("unflattened_size");
  const known = numel(sizes.filter((size) => size !== -1));
  const filled = sizes.map((size) => (size === -1 ? input.shape[dim]! / known : size));
  if (numel(filled) !== input.shape[dim] || !filled.every(Number.isInteger)) input.mismatch("unflattened_size", `a dimension ${dim} of ${numel(sizes)} elements`);
  return { output: [...input.shape.slice(0, dim), ...filled, ...input.shape.slice(dim + 1)], sharesInput: true };
};

/** A size or scale factor per spatial dimension: an int or float, or a tuple of them. */
function scaled(args: LayerArguments, spatial: number[]): number[] {
  const value = args.value("scale_factor");
  const items = value.kind === "tuple" ? value.items : spatial.map(() => value);
  return items.map((item, d) => Math.floor(spatial[d]! * (item.kind === "int" || item.kind === "float" ? item.value : NaN)));
}

/** The input rank each interpolating mode takes (batch and channels included); the others take 3 to 5. */
const MODE_RANK: Record<string, number> = { linear: 3, bilinear: 4, bicubic: 4, trilinear: 5 };

/**
 * F.interpolate: one of size and scale_factor, a mode for the input's rank. 'area' is adaptive
 * average pooling and keeps its input; the other modes keep nothing (measured).
 */
const upsample: Forward = (args, input) => {
  if (args.isNone("size") === args.isNone("scale_factor"))
    args.fail(args.isNone("size") ? "size" : "scale_factor", `one of size and scale_factor is needed, got ${args.isNone("size") ? "neither" : "both"}`, "give one of them");
  const mode = args.string("mode");
  const rank = MODE_RANK[mode];
  if ((rank !== undefined && input.shape.length !== rank) || input.shape.length < 3 || input.shape.length > 5)
    input.mismatch("mode", `a ${rank === undefined ? "3-d to 5-d" : `${rank}-d`} input (batch, channels, ...) for mode '${mode}'`);
  const spatial = input.shape.slice(2);
  const output = args.isNone("size") ? scaled(args, spatial) : args.size("size", spatial.length);
  if (output.some((length) => !(length >= 1))) input.mismatch("scale_factor", "a size or scale factor that gives a non-empty output");
  return { output: [...input.shape.slice(0, 2), ...output], saves: mode === "area" ? ["input"] : [] };
};

/** PixelShuffle(r) moves r² channels into an r-times larger image; PixelUnshuffle undoes it. */
const shuffle =
  (up: boolean): Forward =>
  (args, input) => {
    const name = up ? "upscale_factor" : "downscale_factor";
    const factor = args.int(name);
    const [height, width] = channelsFirst(input, 2, undefined, undefined, "") as [number, number];
    const [batch, channels] = input.shape as [number, number];
    if (up && channels % (factor * factor) !== 0) input.mismatch(name, `channels divisible by ${factor * factor}`);
    if (!up && (height % factor !== 0 || width % factor !== 0)) input.mismatch(name, `height and width divisible by ${factor}`);
    const output = up ? [batch, channels / factor ** 2, height * factor, width * factor] : [batch, channels * factor ** 2, height / factor, width / factor];
    return { output, saves: [] };
  };

/** Unfold's blocks per image: sliding windows over height and width, as a convolution's. */
function blocks(args: LayerArguments, input: ForwardInput, spatial: readonly number[]): number {
  const [kernel, dilation, padding, stride] = ["kernel_size", "dilation", "padding", "stride"].map((name) => args.size(name, 2)) as [number[], number[], number[], number[]];
  const count = numel(spatial.map((length, d) => windows(length, kernel[d]!, stride[d]!, padding[d]!, dilation[d]!, false)));
  if (!(count >= 1)) input.mismatch("kernel_size", `an input of at least its kernel size ${written(args, "kernel_size")}`);
  return count;
}

/** im2col's backward needs only the sizes, yet autograd keeps Unfold's input (measured); Fold's backward keeps nothing. */
const unfold: Forward = (args, input) => {
  const spatial = channelsFirst(input, 2, undefined, undefined, "");
  const [batch, channels] = input.shape as [number, number];
  return { output: [batch, channels * numel(args.size("kernel_size", 2)), blocks(args, input, spatial)], saves: ["input"] };
};

const fold: Forward = (args, input) => {
  if (input.shape.length !== 3) input.mismatch(undefined, "a 3-d input (batch, channels × kernel elements, blocks)");
  const [batch, columns, count] = input.shape as [number, number, number];
  const window = numel(args.size("kernel_size", 2));
  if (columns % window !== 0) input.mismatch("kernel_size", `a dimension 1 divisible by the ${window} kernel elements`);
  const spatial = args.size("output_size", 2);
  const expected = blocks(args, input, spatial);
  if (count !== expected) input.mismatch("output_size", `${expected} blocks, the sliding windows over output_size ${written(args, "output_size")}`);
  return { output: [batch, columns / window, ...spatial], saves: [] };
};

/**
 * CosineSimilarity and PairwiseDistance take two tensors; a spec reaches them with one, so they are
 * called on it twice, `cos(x, x)`. CosineSimilarity divides each operand by its own norm: autograd
 * keeps x, both norms and both quotients (measured).
 */
const cosine: Forward = (args, input) => {
  const dim = dimension(input, args.int("dim"), "dim");
  const output = input.shape.filter((_, d) => d !== dim);
  return { output, saves: ["input", { elements: 2 * numel(input.shape) + 2 * numel(output), dtype: "activation" }] };
};

/** `norm(x1 - x2 + eps, p, -1)`: autograd keeps the difference and the norm. */
const pairwise: Forward = (args, input) => {
  const output = [...input.shape.slice(0, -1), ...(args.bool("keepdim") ? [1] : [])];
  return { output, saves: [{ elements: numel(input.shape) + numel(output), dtype: "activation" }] };
};

/** Padding layers add their sides to the last dimensions, pairs from the last dimension backwards; reflection and replication keep their input. */
const padded =
  (dims: number, savesInput: boolean): Forward =>
  (args, input) => {
    const sides = args.size("padding", 2 * dims);
    const output = [...input.shape];
    for (let d = 0; d < dims; d++) output[output.length - 1 - d]! += sides[2 * d]! + sides[2 * d + 1]!;
    return { output, saves: savesInput ? ["input"] : [] };
  };

/** Fold's and Unfold's windows: sizes, dilations and strides of at least 1, paddings of at least 0, over height and width. */
const checkWindows: Check = (args) => {
  if (args.has("output_size")) sizeAtLeast(args, "output_size", 2, 1);
  for (const name of ["kernel_size", "dilation", "stride"]) sizeAtLeast(args, name, 2, 1);
  sizeAtLeast(args, "padding", 2, 0);
};

/**
 * torchvision's StochasticDepth (ConvNeXt, Swin, EfficientNet): `input * noise`, the noise one value
 * per sample ('row') or one for the batch ('batch'), which the product keeps; p=0 is the identity.
 */
const stochasticDepth: Forward = (args, input) => {
  if (args.float("p") === 0) return elementwise(input, "nothing", true);
  const elements = args.string("mode") === "row" ? input.shape[0]! : 1;
  return { output: [...input.shape], saves: [{ elements, dtype: "activation" }] };
};

const checkStochasticDepth: Check = (args) => {
  checkProbability(args);
  const mode = args.string("mode");
  if (mode !== "row" && mode !== "batch") args.fail("mode", `StochasticDepth mode must be 'batch' or 'row', got '${mode}'`, "'row' drops samples, 'batch' the whole batch");
};

/** torchvision.ops.misc.Permute (ConvNeXt, Swin): torch.permute(x, dims), a view. */
const permute: Forward = (args, input) => {
  const dims = args.ints("dims").map((dim) => dimension(input, dim, "dims"));
  if (dims.length !== input.shape.length || new Set(dims).size !== dims.length)
    input.mismatch("dims", `${dims.length} dimensions, each once, as many as dims=${written(args, "dims")} names`);
  return { output: dims.map((d) => input.shape[d]!), sharesInput: true, permutes: dims };
};

/** Unflatten's sizes are positive, but for one -1 that takes what is left. */
const checkUnflatten: Check = (args) => {
  const sizes = args.ints("unflattened_size");
  if (sizes.some((size) => size < 1 && size !== -1) || sizes.filter((size) => size === -1).length > 1) {
    args.refuseSize("unflattened_size", `Unflatten needs positive sizes in 'unflattened_size', and at most one -1, got ${written(args, "unflattened_size")}`, POSITIVE_HINT);
  }
};

/** Two sides per dimension, as the documentation gives it. */
const padSides =
  (dims: number): Check =>
  (args) =>
    void args.size("padding", 2 * dims);

const ROWS: Row[] = [
  ["Identity", [{ name: "args", type: "any", variadic: true }], undefined, (_, input) => elementwise(input, "nothing", true)],
  ["Flatten", [arg("start_dim", "int", 1), arg("end_dim", "int", -1)], undefined, flatten],
  ["Unflatten", [arg("dim", "any"), arg("unflattened_size", "size")], checkUnflatten, unflatten],
  ["StochasticDepth", [arg("p", "float"), arg("mode", "string")], checkStochasticDepth, stochasticDepth],
  ["Permute", [arg("dims", "size")], undefined, permute],
  ...["Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout", "FeatureAlphaDropout"].map((type): Row => [
    type,
    [arg("p", "float", 0.5), INPLACE],
    checkProbability,
    dropout,
  ]),
  ...perDims("MaxPool", ONE_TO_THREE, (d) => [[...KERNEL_STRIDE, PADDING, arg("dilation", "size", 1), RETURN_INDICES, CEIL_MODE], pool(d, "halfKernel"), pooling(d, true)]),
  ...perDims("AvgPool", ONE_TO_THREE, (d) => [
    [...KERNEL_STRIDE, PADDING, CEIL_MODE, arg("count_include_pad", "bool", true), ...(d > 1 ? [arg("divisor_override", "int", null)] : [])],
    (args) => {
      pool(d, "halfKernel")(args);
      if (d > 1) checkDivisor(args);
    },
    pooling(d, false),
  ]),
  // LPPool3d is PyTorch >= 2.2.
  ...perDims("LPPool", ONE_TO_THREE, (d) => [[arg("norm_type", "float"), ...KERNEL_STRIDE, CEIL_MODE], pool(d), lpPooling(d)]),
  ...perDims("MaxUnpool", ONE_TO_THREE, (d) => [[...KERNEL_STRIDE, PADDING], pool(d, "nonNegative"), unpooling(d)]),
  ...perDims("FractionalMaxPool", [2, 3], (d) => [
    [arg("kernel_size", "size"), arg("output_size", "size", null), arg("output_ratio", "any", null), RETURN_INDICES, arg("_random_samples", "any", null)],
    fractional(d),
    fractionalPooling(d),
  ]),
  ...perDims("AdaptiveAvgPool", ONE_TO_THREE, (d) => [[arg("output_size", "any")], checkOutputSize, adaptive(d, false)]),
  ...perDims("AdaptiveMaxPool", ONE_TO_THREE, (d) => [[arg("output_size", "any"), RETURN_INDICES], checkOutputSize, adaptive(d, true)]),
  ["Upsample", [...RESIZE, arg("mode", "string", "nearest"), arg("align_corners", "bool", null), arg("recompute_scale_factor", "bool", null)], checkUpsample, upsample],
  upsampling("UpsamplingNearest2d", "nearest"),
  upsampling("UpsamplingBilinear2d", "bilinear"),
  ["PixelShuffle", [arg("upscale_factor", "int")], checkFactor("upscale_factor"), shuffle(true)],
  ["PixelUnshuffle", [arg("downscale_factor", "int")], checkFactor("downscale_factor"), shuffle(false)],
  ["ChannelShuffle", [arg("groups", "int")], checkFactor("groups"), (_, input) => elementwise(input, "nothing")],
  ["Fold", [arg("output_size", "size"), arg("kernel_size", "size"), arg("dilation", "size", 1), PADDING, arg("stride", "size", 1)], checkWindows, fold],
  ["Unfold", [arg("kernel_size", "size"), arg("dilation", "size", 1), PADDING, arg("stride", "size", 1)], checkWindows, unfold],
  // ZeroPad1d/3d and CircularPad are PyTorch >= 2.1.
  ...["ZeroPad", "ReflectionPad", "ReplicationPad", "CircularPad"].flatMap((name) =>
    perDims(name, ONE_TO_THREE, (d) => [[arg("padding", "size")], padSides(d), padded(d, name === "ReflectionPad" || name === "ReplicationPad")]),
  ),
  ...perDims("ConstantPad", ONE_TO_THREE, (d) => [[arg("padding", "size"), arg("value", "float")], padSides(d), padded(d, false)]),
  ["CosineSimilarity", [arg("dim", "int", 1), arg("eps", "float", 1e-8)], undefined, cosine],
  ["PairwiseDistance", [arg("p", "float", 2.0), arg("eps", "float", 1e-6), arg("keepdim", "bool", false)], undefined, pairwise],
];

export const parameterFreeLayers: LayerDefinition[] = ROWS.map(withoutTensors);
