import type { OpDefinition } from "./op-types.js";

/** Tensor manipulations of a forward (torch.* functions and Tensor methods): their shape rules, MACs and saved bytes, as PyTorch 1.13 measures them. */
export const TENSOR_OPS: Readonly<Record<string, OpDefinition>> = {};
