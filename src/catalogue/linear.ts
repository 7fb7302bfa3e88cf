import type { LayerDefinition } from "./arguments.js";
import { numel, positive } from "./common.js";
import type { Saved } from "./types.js";

const linear: LayerDefinition = {
  type: "Linear",
  signature: [
    { name: "in_features", type: "int" },
    { name: "out_features", type: "int" },
    { name: "bias", type: "bool", default: true },
    { name: "device", type: "any", default: null },
    { name: "dtype", type: "any", default: null },
  ],
  tensors(args) {
    const inFeatures = positive(args, "in_features");
    const outFeatures = positive(args, "out_features");
    return {
      parameters: [{ name: "weight", shape: [outFeatures, inFeatures] }, ...(args.bool("bias") ? [{ name: "bias", shape: [outFeatures] }] : [])],
      buffers: [],
    };
  },
  forward(args, input) {
    const inFeatures = args.int("in_features");
    const outFeatures = args.int("out_features");
    if (input.shape.at(-1) !== inFeatures) input.mismatch("in_features", `${inFeatures} input features`);
    const rows = numel(input.shape.slice(0, -1));
    // torch.matmul folds a 3-d or larger input to rows × in_features and keeps that: a copy of a permuted input (measured).
    // mm keeps it for the weight's gradient only: a frozen weight keeps nothing (measured: LoRA's frozen base layers, BitFit).
    const kept: Saved = input.foldCopies ? { elements: numel(input.shape), dtype: "activation" } : "input";
    const saves: Saved[] = input.frozen?.includes("weight") ? [] : [kept];
    return { output: [...input.shape.slice(0, -1), outFeatures], macs: rows * inFeatures * outFeatures, saves };
  },
};

const bilinear: LayerDefinition = {
  type: "Bilinear",
  signature: [
    { name: "in1_features", type: "int" },
    { name: "in2_features", type: "int" },
    { name: "out_features", type: "int" },
    { name: "bias", type: "bool", default: true },
    { name: "device", type: "any", default: null },
    { name: "dtype", type: "any", default: null },
  ],
  tensors(args) {
    const [in1, in2, outFeatures] = ["in1_features", "in2_features", "out_features"].map((name) => positive(args, name));
    return {
      parameters: [{ name: "weight", shape: [outFeatures!, in1!, in2!] }, ...(args.bool("bias") ? [{ name: "bias", shape: [outFeatures!] }] : [])],
      buffers: [],
    };
  },
  /**
   * A spec reaches Bilinear with one tensor, so it is called as `bilinear(x, x)`, which needs
   * in1_features == in2_features. _trilinear keeps the input (once: both operands are its storage).
   */
  forward(args, input) {
    const in1 = args.int("in1_features");
    const in2 = args.int("in2_features");
    const outFeatures = args.int("out_features");
    if (in1 !== in2) input.mismatch("in2_features", `one input as both operands, bilinear(x, x), so in1_features (${in1}) == in2_features (${in2})`);
    if (input.shape.at(-1) !== in1) input.mismatch("in1_features", `${in1} input features`);
    const rows = numel(input.shape.slice(0, -1));
    return { output: [...input.shape.slice(0, -1), outFeatures], macs: rows * in1 * in2 * outFeatures, saves: ["input"] };
  },
};

export const linearLayers: LayerDefinition[] = [
  linear,
  // MultiheadAttention's out_proj prints under this name in print(model).
  { ...linear, type: "NonDynamicallyQuantizableLinear" },
  bilinear,
];
