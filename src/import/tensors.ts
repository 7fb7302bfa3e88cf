/** A tensor of a checkpoint as its header describes it; its data is never read. */
export interface CheckpointTensor {
  name: string;
  shape: number[];
  /**
   * torch's name for the element type without `torch.` (float32, bfloat16, int64), whichever format
   * it came from; formats' types torch lacks keep a descriptive name (float4_e2m1fn, string).
   */
  dtype: string;
  /** The file that holds it: the model file, or one shard of a sharded checkpoint. */
  file: string;
  /** The byte offset of its description in that file, for messages. */
  at?: number;
  /** A small metadata tensor's bytes as text (bitsandbytes' quant_state JSON); other tensors' data is never read. */
  text?: string;
}

/** PyTorch's limit on a tensor's dimensions: a longer shape is a damaged header, not a tensor. */
export const MAX_RANK = 64;

/** Bits per element; sub-byte types are packed, so a tensor's bytes are numel × bits / 8. */
const BITS: Readonly<Record<string, number>> = {
  bool: 8,
  uint8: 8,
  int8: 8,
  float8_e4m3fn: 8,
  float8_e4m3fnuz: 8,
  float8_e5m2: 8,
  float8_e5m2fnuz: 8,
  float8_e8m0fnu: 8,
  int16: 16,
  uint16: 16,
  float16: 16,
  bfloat16: 16,
  int32: 32,
  uint32: 32,
  float32: 32,
  int64: 64,
  uint64: 64,
  float64: 64,
  complex64: 64,
  complex128: 128,
  int4: 4,
  uint4: 4,
  float4_e2m1fn: 4,
  float6_e2m3fn: 6,
  float6_e3m2fn: 6,
};

/** Types with no `torch.` dtype of that name: a spec can only mention them in a comment. */
const NOT_TORCH = new Set(["float4_e2m1fn", "float6_e2m3fn", "float6_e3m2fn", "string", "quantized"]);

export function isTorchDtype(dtype: string): boolean {
  return !NOT_TORCH.has(dtype) && !isGgmlQuantized(dtype);
}

/** A ggml block-quantized type from a GGUF file (ggml_q4_k): a float weight stored in blocks, torch has no dtype for it. */
export function isGgmlQuantized(dtype: string): boolean {
  return dtype.startsWith("ggml_");
}

/** Only floating-point and complex tensors can require gradients, so only they can be parameters; a quantized weight stands for a float one. */
export function canBeParameter(dtype: string): boolean {
  return /^(?:b?float|complex|ggml_|quantized$)/.test(dtype);
}

/** The bits of one element, or undefined for types without a fixed size (ONNX strings). */
export function elementBits(dtype: string): number | undefined {
  return BITS[dtype];
}

/** Multiplies sizes exactly, or returns undefined past 2^53. */
export function elementCount(shape: readonly number[]): number | undefined {
  let count = 1;
  for (const size of shape) {
    count *= size;
    if (!Number.isSafeInteger(count)) return undefined;
  }
  return count;
}
