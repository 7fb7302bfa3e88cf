import type { LayerArguments } from "./arguments.js";
import { arg, FACTORY_KWARGS, positive, sizeAtLeast, written } from "./common.js";
import type { ArgumentSpec, LayerDefinition } from "./types.js";

const PADDING_MODES = ["zeros", "reflect", "replicate", "circular"];

const GROUPS_AND_BIAS = [arg("groups", "int", 1), arg("bias", "bool", true)];
const DILATION = arg("dilation", "size", 1);

/** ConvTranspose moves `dilation` behind `bias` and adds `output_padding`, so positional calls bind differently. */
function signature(transposed: boolean): ArgumentSpec[] {
  return [
    arg("in_channels", "int"),
    arg("out_channels", "int"),
    arg("kernel_size", "size"),
    arg("stride", "size", 1),
    ...(transposed
      ? [arg("padding", "size", 0), arg("output_padding", "size", 0), ...GROUPS_AND_BIAS, DILATION]
      : [arg("padding", "padding", 0), DILATION, ...GROUPS_AND_BIAS]),
    arg("padding_mode", "string", "zeros"),
    ...FACTORY_KWARGS,
  ];
}

function checkPadding(args: LayerArguments, dims: number, stride: number[]): void {
  const kind = args.value("padding").kind;
  if (kind !== "string" && kind !== "symbol") {
    sizeAtLeast(args, "padding", dims, 0);
    return;
  }
  const padding = args.string("padding");
  if (padding !== "same" && padding !== "valid") {
    args.fail("padding", `${args.type} padding must be 'same', 'valid' or sizes, got '${padding}'`, `write padding='same', padding='valid', an integer or a tuple of ${dims}`);
  }
  if (padding === "same" && stride.some((step) => step !== 1)) {
    args.fail("padding", `${args.type} padding='same' needs stride 1, got stride=${written(args, "stride")}`, `PyTorch has no 'same' padding for strided convolutions: write the padding as numbers`);
  }
}

/** PyTorch accepts these at construction and fails at the first forward pass; a spec should fail now. */
function checkOutputPadding(args: LayerArguments, dims: number, stride: number[], dilation: number[]): void {
  const outputPadding = sizeAtLeast(args, "output_padding", dims, 0);
  if (outputPadding.some((extra, d) => extra >= stride[d]! && extra >= dilation[d]!)) {
    args.fail(
      "output_padding",
      `${args.type} output_padding=${written(args, "output_padding")} must be smaller than stride=${written(args, "stride")} or dilation=${written(args, "dilation")} in every dimension`,
      `lower output_padding, or raise stride`,
    );
  }
}

function convolution(dims: number, transposed: boolean): LayerDefinition {
  return {
    type: `${transposed ? "ConvTranspose" : "Conv"}${dims}d`,
    signature: signature(transposed),
    tensors(args) {
      const inChannels = positive(args, "in_channels");
      const outChannels = positive(args, "out_channels");
      const groups = positive(args, "groups");
      for (const [name, channels] of [["in_channels", inChannels], ["out_channels", outChannels]] as const) {
        if (channels % groups !== 0) {
          args.fail("groups", `${args.type} ${name}=${channels} is not divisible by groups=${groups}`, `use a groups value that divides both in_channels and out_channels`);
        }
      }
      const kernel = sizeAtLeast(args, "kernel_size", dims, 1);
      const stride = sizeAtLeast(args, "stride", dims, 1);
      const dilation = sizeAtLeast(args, "dilation", dims, 1);
      const paddingMode = args.string("padding_mode");
      if (transposed) {
        sizeAtLeast(args, "padding", dims, 0);
        checkOutputPadding(args, dims, stride, dilation);
        if (paddingMode !== "zeros") args.fail("padding_mode", `${args.type} supports only padding_mode='zeros', got '${paddingMode}'`);
      } else {
        checkPadding(args, dims, stride);
        if (!PADDING_MODES.includes(paddingMode)) {
          args.fail("padding_mode", `${args.type} padding_mode must be one of ${PADDING_MODES.map((mode) => `'${mode}'`).join(", ")}, got '${paddingMode}'`);
        }
      }
      const weight = transposed ? [inChannels, outChannels / groups, ...kernel] : [outChannels, inChannels / groups, ...kernel];
      return {
        parameters: [{ name: "weight", shape: weight }, ...(args.bool("bias") ? [{ name: "bias", shape: [outChannels] }] : [])],
        buffers: [],
      };
    },
  };
}

export const convolutionLayers: LayerDefinition[] = [false, true].flatMap((transposed) => [1, 2, 3].map((dims) => convolution(dims, transposed)));
