import type { LayerArguments, LayerDefinition } from "./arguments.js";
import { arg, elementwise, numel, POSITIVE_HINT } from "./common.js";

/** An RMS norm's hidden_size: one positive size, written 4096 or (4096,) as print(model) shows it. */
function hiddenSize(args: LayerArguments): number {
  const sizes = args.ints("hidden_size");
  if (sizes.length !== 1 || sizes[0]! < 1) args.fail("hidden_size", `${args.type} normalizes one dimension of a positive size, got (${sizes.join(", ")})`, POSITIVE_HINT);
  return sizes[0]!;
}

/**
 * transformers' RMS norms in Python ops (LlamaRMSNorm, T5LayerNorm): `x.to(float32)`, `pow(2).mean(-1)`,
 * `rsqrt`, the product, the cast back, then `weight *`. Backward keeps the float32 copy (pow's and the
 * product's input: the input itself when it is float32), rsqrt's float32 result per row, and the
 * normalized tensor in the input's dtype that the weight multiplies. torch.nn.RMSNorm's fused kernel
 * keeps the input and the row statistics only. (PyTorch 1.13's mean(dim) also kept its input, the
 * squares; PyTorch 2 keeps only its sizes.)
 */
function pythonRmsNorm(type: string): LayerDefinition {
  return {
    type,
    signature: [arg("hidden_size", "size"), arg("eps", "float", 1e-6)],
    tensors: (args) => ({ parameters: [{ name: "weight", shape: [hiddenSize(args)] }], buffers: [] }),
    forward: (args, input) => {
      const size = hiddenSize(args);
      if (input.shape.at(-1) !== size) input.mismatch("hidden_size", `a last dimension of ${size}`);
      const elements = numel(input.shape);
      return { output: [...input.shape], saves: ["input in float32", { elements: elements / size, dtype: "float32" }, { elements, dtype: "activation" }] };
    },
  };
}

/**
 * Modules of Hugging Face transformers that are not torch.nn layers and keep other tensors for
 * backward than their torch.nn look-alikes (measured: test/fixtures/pytorch/hf_activations.py).
 */
export const huggingFaceLayers: LayerDefinition[] = [
  // LlamaRMSNorm (Mistral's, Qwen2's alike), and T5LayerNorm, which casts to the weight's dtype rather than the input's.
  pythonRmsNorm("LlamaRMSNorm"),
  pythonRmsNorm("T5LayerNorm"),
  {
    /**
     * transformers' NewGELUActivation (GPT-2's gelu_new) in Python ops:
     * `0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))`.
     * Backward keeps x (pow's input), tanh's result, `0.5 * x` and `1.0 + tanh(...)` (the last
     * product's factors): the input and three tensors of its size. GELU(approximate='tanh') keeps the input only.
     */
    type: "NewGELUActivation",
    signature: [],
    tensors: () => ({ parameters: [], buffers: [] }),
    forward: (_, input) => ({ output: [...input.shape], saves: ["input", { elements: 3 * numel(input.shape), dtype: "activation" }] }),
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
     * needs its result too): the input and one tensor of its size (measured: test/fixtures/pytorch/encoder-decoder.py).
     */
    type: "QuickGELUActivation",
    signature: [],
    tensors: () => ({ parameters: [], buffers: [] }),
    forward: (_, input) => ({ output: [...input.shape], saves: ["input", { elements: numel(input.shape), dtype: "activation" }] }),
  },
];
