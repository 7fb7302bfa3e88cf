import type { LayerArguments, LayerDefinition } from "./arguments.js";
import { arg, channelsFirst, FACTORY_KWARGS, numel, positive, sizeAtLeast, windows, written } from "./common.js";
import type { ArgumentSpec, Saved } from "./types.js";

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
    ...(transposed ? [arg("padding", "size", 0), arg("output_padding", "size", 0), ...GROUPS_AND_BIAS, DILATION] : [arg("padding", "padding", 0), DILATION, ...GROUPS_AND_BIAS]),
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
    args.fail(
      "padding",
      `${args.type} padding='same' needs stride 1, got stride=${written(args, "stride")}`,
      `PyTorch has no 'same' padding for strided convolutions: write the padding as numbers`,
    );
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

/**
 * What a convolution keeps of its input (PyTorch 1.13, measured). With padding_mode other than 'zeros' it
 * pads first, by F.pad, and keeps the padded copy; 'reflect' and 'replicate' padding keep the input too.
 * padding='same' with an odd total padding (an even kernel) pads the extra element on the right first,
 * and keeps that copy only. Otherwise, the input.
 */
function paddedInput(args: LayerArguments, spatial: readonly number[], spans: readonly number[], same: boolean, padding: readonly number[], planes: number): Saved[] {
  const totals = same ? spans : padding.map((pad) => 2 * pad);
  const mode = args.string("padding_mode");
  if (mode !== "zeros") {
    const copy: Saved = { elements: planes * numel(spatial.map((length, d) => length + totals[d]!)), dtype: "activation" };
    return mode === "circular" ? [copy] : ["input", copy];
  }
  if (same && totals.some((total) => total % 2 === 1)) return [{ elements: planes * numel(spatial.map((length, d) => length + (totals[d]! % 2))), dtype: "activation" }];
  return ["input"];
}

// eslint-disable-next-line max-lines-per-function -- a layer definition: its signature, tensors() and forward() are each short; this is only their container
function convolution(dims: number, transposed: boolean): LayerDefinition {
  return {
    type: `${transposed ? "ConvTranspose" : "Conv"}${dims}d`,
    signature: signature(transposed),
    tensors(args) {
      const inChannels = positive(args, "in_channels");
      const outChannels = positive(args, "out_channels");
      const groups = positive(args, "groups");
      for (const [name, channels] of [
        ["in_channels", inChannels],
        ["out_channels", outChannels],
      ] as const) {
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
    forward(args, input) {
      const inChannels = args.int("in_channels");
      const outChannels = args.int("out_channels");
      const spatial = channelsFirst(input, dims, inChannels, "in_channels", "input channels");
      const [kernel, stride, dilation] = ["kernel_size", "stride", "dilation"].map((name) => args.size(name, dims)) as [number[], number[], number[]];
      const paddingKind = args.value("padding").kind;
      const same = (paddingKind === "string" || paddingKind === "symbol") && args.string("padding") === "same";
      const padding = paddingKind === "string" || paddingKind === "symbol" ? kernel.map(() => 0) : args.size("padding", dims);
      const outputPadding = transposed ? args.size("output_padding", dims) : [];
      const out = spatial.map((length, d) =>
        transposed
          ? (length - 1) * stride[d]! - 2 * padding[d]! + dilation[d]! * (kernel[d]! - 1) + outputPadding[d]! + 1
          : same
            ? length
            : windows(length, kernel[d]!, stride[d]!, padding[d]!, dilation[d]!, false),
      );
      if (out.some((length) => length < 1)) input.mismatch("kernel_size", `an input of at least its kernel size ${written(args, "kernel_size")}`);
      const batch = input.shape[0]!;
      // fvcore: one MAC per weight use; a transposed convolution uses each weight once per input position.
      const weightUses = transposed ? batch * numel(spatial) : batch * numel(out);
      const weightsPerUse = (transposed ? inChannels * (outChannels / args.int("groups")) : outChannels * (inChannels / args.int("groups"))) * numel(kernel);
      const saves = transposed
        ? (["input"] satisfies Saved[])
        : paddedInput(
            args,
            spatial,
            kernel.map((size, d) => dilation[d]! * (size - 1)),
            same,
            padding,
            batch * inChannels,
          );
      return { output: [batch, outChannels, ...out], macs: weightUses * weightsPerUse, saves };
    },
  };
}

export const convolutionLayers: LayerDefinition[] = [false, true].flatMap((transposed) => [1, 2, 3].map((dims) => convolution(dims, transposed)));
