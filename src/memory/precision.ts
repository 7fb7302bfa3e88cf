import { SpecError, didYouMean, type SourcePosition } from "../diagnostics/index.js";
import { dtypeNamed, type Dtype } from "./dtypes.js";

/**
 * A precision recipe: the dtype weights are kept in unless a layer says otherwise, and whether the
 * optimizer steps on float32 master copies of them. Gradients always have their parameter's dtype,
 * and optimizer state the dtype of the tensor the optimizer updates (the master copy when there is one).
 */
export interface Precision {
  name: string;
  weights: Dtype;
  masterWeights: boolean;
  /** The dtype of the activations autograd keeps: autocast's 16-bit ones under amp. */
  activations: Dtype;
  /** What the recipe is, in one line for reports. */
  summary: string;
}

export const PRECISIONS: readonly Precision[] = [
  { name: "fp32", weights: dtypeNamed("float32"), activations: dtypeNamed("float32"), masterWeights: false, summary: "float32 weights, gradients and optimizer state" },
  // Autocast's 16-bit copies of weights live only during the forward and backward passes, like activations.
  { name: "amp", weights: dtypeNamed("float32"), activations: dtypeNamed("float16"), masterWeights: false, summary: "autocast: float32 weights, gradients and optimizer state" },
  {
    name: "mixed-fp16",
    weights: dtypeNamed("float16"),
    activations: dtypeNamed("float16"),
    masterWeights: true,
    summary: "float16 weights and gradients, float32 master weights and optimizer state",
  },
  {
    name: "mixed-bf16",
    weights: dtypeNamed("bfloat16"),
    activations: dtypeNamed("bfloat16"),
    masterWeights: true,
    summary: "bfloat16 weights and gradients, float32 master weights and optimizer state",
  },
  { name: "bf16", weights: dtypeNamed("bfloat16"), activations: dtypeNamed("bfloat16"), masterWeights: false, summary: "bfloat16 weights, gradients and optimizer state" },
  { name: "fp16", weights: dtypeNamed("float16"), activations: dtypeNamed("float16"), masterWeights: false, summary: "float16 weights, gradients and optimizer state" },
];

export const FP32 = PRECISIONS[0]!;

export function findPrecision(name: string, position: SourcePosition): Precision {
  const precision = PRECISIONS.find((candidate) => candidate.name === name);
  if (precision) return precision;
  const names = PRECISIONS.map((candidate) => candidate.name);
  throw new SpecError("unknown-precision", position, `unknown precision '${name}'`, didYouMean(name, names) ?? `the precisions are: ${names.join(", ")}`);
}
