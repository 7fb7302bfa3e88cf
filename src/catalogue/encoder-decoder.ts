import type { LayerArguments, LayerDefinition } from "./arguments.js";
import { arg, elementwise, numel, POSITIVE_HINT } from "./common.js";

/** T5LayerNorm's hidden_size: one positive size. */
function hiddenSize(args: LayerArguments): number {
  const size = args.int("hidden_size");
  if (size < 1) args.fail("hidden_size", `T5LayerNorm normalizes one dimension of a positive size, got ${size}`, POSITIVE_HINT);
  return size;
}

/**
 * Modules of Hugging Face transformers' T5, Whisper and CLIP that are not torch.nn layers, with what
 * their Python forward keeps for backward (measured: test/fixtures/pytorch/encoder-decoder.py).
 */
export const encoderDecoderLayers: LayerDefinition[] = [
  {
    /**
     * modeling_t5's T5LayerNorm, an RMS norm in Python ops: `x.to(float32).pow(2).mean(-1)`, `rsqrt`,
     * the product, then `weight *`. Backward keeps the input (pow's and the product's), rsqrt's
     * float32 result per row, and the normalized tensor the weight multiplies. torch.nn.RMSNorm's
     * fused kernel keeps the input and the row statistics only.
     */
    type: "T5LayerNorm",
    signature: [arg("hidden_size", "int"), arg("eps", "float", 1e-6)],
    tensors: (args) => ({ parameters: [{ name: "weight", shape: [hiddenSize(args)] }], buffers: [] }),
    forward: (args, input) => {
      const size = hiddenSize(args);
      if (input.shape.at(-1) !== size) input.mismatch("hidden_size", `a last dimension of ${size}`);
      const elements = numel(input.shape);
      return { output: [...input.shape], saves: ["input", { elements: elements / size, dtype: "float32" }, { elements, dtype: "activation" }] };
    },
  },
  {
    /** transformers' GELUActivation (ACT2FN["gelu"], Whisper's): `F.gelu(x)`, which keeps its input, as GELU() does. */
    type: "GELUActivation",
    signature: [],
    tensors: () => ({ parameters: [], buffers: [] }),
    forward: (_, input) => elementwise(input, "input", false),
  },
  {
    /**
     * transformers' QuickGELUActivation (ACT2FN["quick_gelu"], CLIP's): `x * torch.sigmoid(1.702 * x)`.
     * Backward keeps x and the sigmoid's result (the product's factors; the sigmoid's own backward
     * needs its result too): the input and one tensor of its size.
     */
    type: "QuickGELUActivation",
    signature: [],
    tensors: () => ({ parameters: [], buffers: [] }),
    forward: (_, input) => ({ output: [...input.shape], saves: ["input", { elements: numel(input.shape), dtype: "activation" }] }),
  },
];
