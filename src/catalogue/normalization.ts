import type { LayerArguments, LayerDefinition } from "./arguments.js";
import { arg, channelsFirst, FACTORY_KWARGS, numel, positive, POSITIVE_HINT, written } from "./common.js";
import type { ArgumentSpec, ForwardInput, ForwardResult, TensorSpec } from "./types.js";

/** Normalizations keep their input and float32 statistics of `statistics` elements (mean and inverse deviation, and the like). */
function normalized(input: ForwardInput, statistics: number): ForwardResult {
  return { output: [...input.shape], saves: ["input", { elements: statistics, dtype: "float32" }] };
}

const EPS = arg("eps", "float", 1e-5);

const affine = (shape: number[], withWeight: boolean, withBias = withWeight): TensorSpec[] => [
  ...(withWeight ? [{ name: "weight", shape }] : []),
  ...(withBias ? [{ name: "bias", shape }] : []),
];

/** BatchNorm, InstanceNorm and SyncBatchNorm share torch's _NormBase and differ only in defaults. */
function runningStatistics(type: string, defaults: boolean, dims: number | undefined, extra: ArgumentSpec[] = []): LayerDefinition {
  return {
    type,
    signature: [
      arg("num_features", "int"),
      EPS,
      // None selects a cumulative moving average.
      { name: "momentum", type: "float", default: 0.1, optional: true },
      arg("affine", "bool", defaults),
      arg("track_running_stats", "bool", defaults),
      ...extra,
      ...FACTORY_KWARGS,
    ],
    tensors(args) {
      const features = [positive(args, "num_features")];
      return {
        parameters: affine(features, args.bool("affine")),
        buffers: args.bool("track_running_stats")
          ? [
              { name: "running_mean", shape: features },
              { name: "running_var", shape: features },
              { name: "num_batches_tracked", shape: [], fixedDtype: "int64" },
            ]
          : [],
      };
    },
    forward(args, input) {
      const features = args.int("num_features");
      // BatchNorm1d takes (batch, features) or (batch, features, length); SyncBatchNorm any rank from 2.
      const spatial = dims === undefined || (dims === 1 && input.shape.length === 2) ? input.shape.length - 2 : dims;
      channelsFirst(input, Math.max(spatial, 0), features, "num_features", "features");
      // Batch statistics per feature: the saved mean and inverse deviation, and the running pair beside them when
      // it is tracked. InstanceNorm is batch_norm over batch × features channels, with its weight and running
      // pair repeated per sample (measured).
      const tracked = args.bool("track_running_stats") ? 2 : 0;
      const perFeature = type.startsWith("InstanceNorm") ? (2 + Number(args.bool("affine")) + tracked) * input.shape[0]! * features : (2 + tracked) * features;
      return normalized(input, perFeature);
    },
  };
}

function normalizedShape(args: LayerArguments): number[] {
  const shape = args.ints("normalized_shape");
  if (shape.some((size) => size < 1))
    args.refuseSize("normalized_shape", `${args.type} needs positive sizes in 'normalized_shape', got ${written(args, "normalized_shape")}`, POSITIVE_HINT);
  return shape;
}

/** LayerNorm and RMSNorm normalize the trailing dimensions, which must equal normalized_shape. */
function trailing(args: LayerArguments, input: ForwardInput, statistics: number): ForwardResult {
  const shape = args.ints("normalized_shape");
  if (input.shape.length < shape.length || input.shape.slice(-shape.length).join() !== shape.join()) {
    input.mismatch("normalized_shape", `trailing dimensions [${shape.join(", ")}]`);
  }
  return normalized(input, (statistics * numel(input.shape)) / numel(shape));
}

const NORMALIZED_SHAPE = arg("normalized_shape", "size");
const ELEMENTWISE_AFFINE = arg("elementwise_affine", "bool", true);

/**
 * LocalResponseNorm is Python over the squares: autograd keeps its input, the squares padded by
 * size - 1 channels (average pooling's input), `k + alpha × average` and its power (the divisor),
 * and alpha as a float64 scalar, which no rule counts (8 bytes; measured).
 */
const localResponseNorm: LayerDefinition = {
  type: "LocalResponseNorm",
  signature: [arg("size", "int"), arg("alpha", "float", 1e-4), arg("beta", "float", 0.75), arg("k", "float", 1)],
  tensors(args) {
    positive(args, "size");
    return { parameters: [], buffers: [] };
  },
  forward(args, input) {
    if (input.shape.length < 3) input.mismatch(undefined, "an input of at least 3 dimensions (batch, channels, ...)");
    const [batch, channels] = input.shape as [number, number];
    const padded = batch * (channels + args.int("size") - 1) * numel(input.shape.slice(2));
    return { output: [...input.shape], saves: ["input", { elements: padded + 2 * numel(input.shape), dtype: "activation" }] };
  },
};

/**
 * The legacy autograd Function saves its input and output, and keeps the divisor, a tensor of the
 * input's shape, on its context, where saved_tensors_hooks do not see it but memory does.
 */
const crossMapLRN2d: LayerDefinition = {
  ...localResponseNorm,
  type: "CrossMapLRN2d",
  forward(_, input) {
    channelsFirst(input, 2, undefined, undefined, "");
    return { output: [...input.shape], saves: ["input", "output", { elements: numel(input.shape), dtype: "activation" }] };
  },
};

/**
 * torchvision's FrozenBatchNorm2d (detection backbones): BatchNorm2d in eval with its statistics and affine
 * pair as four buffers, no parameters. Its forward is `x * scale + shift`, scale and shift worked out of
 * the buffers per channel, so backward keeps only the scale (measured).
 */
const frozenBatchNorm: LayerDefinition = {
  type: "FrozenBatchNorm2d",
  signature: [arg("num_features", "int"), EPS],
  tensors(args) {
    const features = [positive(args, "num_features")];
    return { parameters: [], buffers: ["weight", "bias", "running_mean", "running_var"].map((name) => ({ name, shape: features })) };
  },
  forward(args, input) {
    const features = args.int("num_features");
    channelsFirst(input, 2, features, "num_features", "features");
    return { output: [...input.shape], saves: [{ elements: features, dtype: "activation" }] };
  },
};

export const normalizationLayers: LayerDefinition[] = [
  ...[1, 2, 3].flatMap((dims) => [runningStatistics(`BatchNorm${dims}d`, true, dims), runningStatistics(`InstanceNorm${dims}d`, false, dims)]),
  runningStatistics("SyncBatchNorm", true, undefined, [arg("process_group", "any", null)]),
  {
    type: "LayerNorm",
    // `bias` is PyTorch >= 2.1.
    signature: [NORMALIZED_SHAPE, EPS, ELEMENTWISE_AFFINE, arg("bias", "bool", true), ...FACTORY_KWARGS],
    tensors(args) {
      const elementwise = args.bool("elementwise_affine");
      return { parameters: affine(normalizedShape(args), elementwise, elementwise && args.bool("bias")), buffers: [] };
    },
    forward: (args, input) => trailing(args, input, 2),
  },
  {
    /**
     * torchvision's ConvNeXt LayerNorm2d, an nn.LayerNorm over channels first: permute(0, 2, 3, 1),
     * layer_norm, permute(0, 3, 1, 2). It keeps its input (the permuted view of it) and the statistics
     * per position; its output is the permuted view of a new tensor, not contiguous (measured).
     */
    type: "LayerNorm2d",
    signature: [NORMALIZED_SHAPE, EPS, ELEMENTWISE_AFFINE, ...FACTORY_KWARGS],
    tensors(args) {
      const elementwise = args.bool("elementwise_affine");
      return { parameters: affine(normalizedShape(args), elementwise), buffers: [] };
    },
    forward(args, input) {
      if (input.shape.length !== 4) input.mismatch(undefined, "a 4-d input (batch, channels, height, width)");
      const [batch, channels, height, width] = input.shape as [number, number, number, number];
      const { saves } = trailing(args, { ...input, shape: [batch, height, width, channels] }, 2);
      return { output: [...input.shape], saves, permutes: [0, 3, 1, 2] };
    },
  },
  {
    // PyTorch >= 2.4; eps=None means the dtype's machine epsilon.
    type: "RMSNorm",
    signature: [NORMALIZED_SHAPE, arg("eps", "float", null), ELEMENTWISE_AFFINE, ...FACTORY_KWARGS],
    tensors: (args) => ({ parameters: affine(normalizedShape(args), args.bool("elementwise_affine"), false), buffers: [] }),
    forward: (args, input) => trailing(args, input, 1),
  },
  {
    type: "GroupNorm",
    signature: [arg("num_groups", "int"), arg("num_channels", "int"), EPS, arg("affine", "bool", true), ...FACTORY_KWARGS],
    tensors(args) {
      const groups = positive(args, "num_groups");
      const channels = positive(args, "num_channels");
      if (channels % groups !== 0) {
        args.fail("num_groups", `GroupNorm num_channels=${channels} is not divisible by num_groups=${groups}`, `use a num_groups that divides ${channels}`);
      }
      return { parameters: affine([channels], args.bool("affine")), buffers: [] };
    },
    forward(args, input) {
      channelsFirst(input, input.shape.length - 2, args.int("num_channels"), "num_channels", "channels");
      return normalized(input, 2 * input.shape[0]! * args.int("num_groups"));
    },
  },
  localResponseNorm,
  crossMapLRN2d,
  frozenBatchNorm,
];
