import { FileFormatError } from "./bytes.js";
import { elementBits, elementCount, type CheckpointTensor } from "./tensors.js";

/**
 * Quantized Linear layers as their checkpoints store them, folded back into the logical weight
 * [out, in] a model's parameter count has. The layouts, from the libraries that write them:
 * GPTQ (AutoGPTQ/GPTQModel's QuantLinear): qweight int32 [in × bits / 32, out], qzeros int32
 * [groups, out × bits / 32], scales fp16 [groups, out], g_idx int32 [in];
 * AWQ (AutoAWQ's WQLinear_GEMM): qweight int32 [in, out × bits / 32], qzeros int32 [groups, out × bits / 32],
 * scales fp16 [groups, out];
 * bitsandbytes 4-bit (Params4bit, QuantState.as_dict(packed=True)): weight uint8 [(out × in + 1) / 2, 1],
 * weight.absmax, weight.quant_map, with double quantization weight.nested_absmax and
 * weight.nested_quant_map, and weight.quant_state.bitsandbytes__nf4 (or __fp4): uint8 bytes of a JSON object
 * whose "shape" is the logical [out, in];
 * bitsandbytes 8-bit (Linear8bitLt): weight int8 [out, in], SCB float32 [out], weight_format uint8.
 */

/** A logical weight stored quantized: `storedAs` names the packing, `storedBytes` counts every tensor that stores it. */
export interface QuantizedTensor extends CheckpointTensor {
  storedAs: string;
  storedBytes: number;
}

const bytesOf = (tensor: CheckpointTensor) => (elementCount(tensor.shape)! * elementBits(tensor.dtype)!) / 8;
const shown = (shape: readonly number[]) => `[${shape.join(", ")}]`;
const QUANT_STATE = /^weight\.quant_state\.bitsandbytes__(nf4|fp4)$/;
const BNB4_AUX = ["absmax", "quant_map", "nested_absmax", "nested_quant_map"];

type Layer = Map<string, CheckpointTensor>;

function malformed(tensor: CheckpointTensor, detail: string, hint: string): never {
  throw new FileFormatError("malformed-quantized-checkpoint", tensor.file, tensor.at ?? 0, detail, hint);
}

/** `bits` from a packed dimension: `packed` int32 words hold `logical` values of `bits` bits each. */
function packedBits(packed: number, logical: number): number | undefined {
  const bits = (packed * 32) / logical;
  return [2, 3, 4, 8].includes(bits) ? bits : undefined;
}

/** The logical weight of a GPTQ or AWQ layer, told apart by which dimension of qweight is packed. */
function packedLinear(prefix: string, layer: Layer): { tensor: QuantizedTensor; used: string[] } {
  const qweight = layer.get("qweight")!;
  const scales = layer.get("scales");
  const qzeros = layer.get("qzeros");
  const gIdx = layer.get("g_idx");
  const fail = (detail: string): never =>
    malformed(
      qweight,
      `'${prefix}qweight' ${shown(qweight.shape)}: ${detail}`,
      "GPTQ stores qweight [in × bits / 32, out] and AWQ [in, out × bits / 32], beside scales [groups, out]",
    );
  if (!scales || !qzeros) fail(`the layer lacks ${scales ? "qzeros" : "scales"}, so the packing cannot be told`);
  if (qweight.shape.length !== 2 || scales!.shape.length !== 2 || qzeros!.shape.length !== 2) fail(`qweight, qzeros and scales must be 2-D, scales is ${shown(scales!.shape)}`);
  const [rows, columns] = qweight.shape as [number, number];
  const [groups, out] = scales!.shape as [number, number];
  const bits = packedBits(qzeros!.shape[1]!, out);
  if (bits === undefined || qzeros!.shape[0] !== groups)
    fail(`qzeros ${shown(qzeros!.shape)} does not pack the ${out} columns of scales ${shown(scales!.shape)} into int32 words of 2, 3, 4 or 8 bits`);
  const gptq = columns === out;
  const awq = !gptq && gIdx === undefined && packedBits(columns, out) === bits;
  if (!gptq && !awq) fail(`its columns agree with neither GPTQ's out (${out}, from scales ${shown(scales!.shape)}) nor AWQ's out × ${bits} / 32`);
  const inFeatures = gptq ? (rows * 32) / bits! : rows;
  if (!Number.isInteger(inFeatures) || (gIdx !== undefined && (gIdx.shape.length !== 1 || gIdx.shape[0] !== inFeatures)))
    fail(`${rows} rows of ${bits}-bit values are ${inFeatures} inputs${gIdx ? `, but g_idx ${shown(gIdx.shape)} has one entry per input` : ""}`);
  const used = ["qweight", "qzeros", "scales", ...(gIdx ? ["g_idx"] : [])];
  const storedBytes = used.reduce((sum, name) => sum + bytesOf(layer.get(name)!), 0);
  const method = gptq ? "gptq" : "awq";
  return {
    tensor: { ...qweight, name: `${prefix}weight`, shape: [out, inFeatures], dtype: "quantized", storedAs: `${method} int${bits} (${groups} scale groups)`, storedBytes },
    used,
  };
}

/** The logical shape a bitsandbytes 4-bit weight's quant_state JSON records; the packed bytes must hold it. */
function bnb4Linear(prefix: string, layer: Layer, stateName: string): { tensor: QuantizedTensor; used: string[] } {
  const weight = layer.get("weight")!;
  const state = layer.get(stateName)!;
  const type = QUANT_STATE.exec(stateName)![1]!;
  let shape: unknown;
  try {
    shape = (JSON.parse(state.text ?? "") as { shape?: unknown }).shape;
  } catch {
    shape = undefined;
  }
  const valid = Array.isArray(shape) && shape.length >= 1 && shape.every((size) => Number.isSafeInteger(size) && size >= 0);
  if (!valid) malformed(state, `'${prefix}${stateName}' holds no JSON object with the weight's "shape"`, "bitsandbytes writes it with QuantState.as_dict(packed=True)");
  const logical = shape as number[];
  const packed = Math.ceil(elementCount(logical)! / 2);
  if (elementCount(weight.shape) !== packed)
    malformed(
      weight,
      `'${prefix}weight' ${shown(weight.shape)} holds ${elementCount(weight.shape)} bytes, but ${type} values of shape ${shown(logical)} pack into ${packed}`,
      "the quant_state is not this weight's",
    );
  const used = ["weight", stateName, ...BNB4_AUX.map((name) => `weight.${name}`).filter((name) => layer.has(name))];
  const storedBytes = used.reduce((sum, name) => sum + bytesOf(layer.get(name)!), 0);
  return { tensor: { ...weight, name: `${prefix}weight`, shape: logical, dtype: "quantized", storedAs: `bitsandbytes ${type}`, storedBytes }, used };
}

/** A bitsandbytes 8-bit weight: int8 of the logical shape, with its row scales SCB. */
function bnb8Linear(prefix: string, layer: Layer): { tensor: QuantizedTensor; used: string[] } {
  const weight = layer.get("weight")!;
  const scb = layer.get("SCB")!;
  if (weight.shape.length !== 2 || scb.shape.length !== 1 || scb.shape[0] !== weight.shape[0])
    malformed(
      scb,
      `'${prefix}SCB' ${shown(scb.shape)} is not one scale per row of '${prefix}weight' ${shown(weight.shape)}`,
      "bitsandbytes 8-bit stores weight int8 [out, in] and SCB [out]",
    );
  const used = ["weight", "SCB", ...(layer.has("weight_format") ? ["weight_format"] : [])];
  const storedBytes = used.reduce((sum, name) => sum + bytesOf(layer.get(name)!), 0);
  return { tensor: { ...weight, name: `${prefix}weight`, dtype: "quantized", storedAs: "bitsandbytes int8", storedBytes }, used };
}

/** The quantized weight of one module's tensors (named relative to it), or undefined when it has none. */
function quantizedLinear(prefix: string, layer: Layer): { tensor: QuantizedTensor; used: string[] } | undefined {
  if (layer.has("qweight")) return packedLinear(prefix, layer);
  const state = [...layer.keys()].find((name) => QUANT_STATE.test(name));
  if (state && layer.get("weight")?.dtype === "uint8") return bnb4Linear(prefix, layer, state);
  if (layer.has("SCB") && layer.get("weight")?.dtype === "int8") return bnb8Linear(prefix, layer);
  return undefined;
}

/** The module a tensor belongs to, bitsandbytes' `weight.absmax` and the like counted as the module's own. */
function moduleOf(name: string): [module: string, leaf: string] {
  const at = /\.weight\.(?:absmax|quant_map|nested_absmax|nested_quant_map|quant_state\.bitsandbytes__\w+)$/.exec(name);
  const cut = at ? at.index : name.lastIndexOf(".");
  return cut < 0 ? ["", name] : [name.slice(0, cut + 1), name.slice(cut + 1)];
}

/**
 * The checkpoint's tensors with each quantized weight folded into its logical [out, in] tensor, which
 * carries the bytes of every tensor that stores it (qzeros, scales, g_idx, absmax, quant_map, SCB, quant_state);
 * in the order of the first tensor of each layer. A checkpoint with no quantized layer is returned as it is.
 */
export function logicalTensors(tensors: readonly CheckpointTensor[]): CheckpointTensor[] {
  if (!tensors.some((tensor) => /(?:^|\.)(?:qweight|SCB)$|\.quant_state\.bitsandbytes__/.test(tensor.name))) return [...tensors];
  const modules = new Map<string, Layer>();
  for (const tensor of tensors) {
    const [module, leaf] = moduleOf(tensor.name);
    if (!modules.has(module)) modules.set(module, new Map());
    modules.get(module)!.set(leaf, tensor);
  }
  const replaced = new Map<string, CheckpointTensor>();
  const dropped = new Set<string>();
  for (const [module, layer] of modules) {
    const found = quantizedLinear(module, layer);
    if (!found) continue;
    const [first, ...rest] = found.used.map((name) => `${module}${name}`);
    replaced.set(first!, found.tensor);
    for (const name of rest) dropped.add(name);
  }
  return tensors.filter((tensor) => !dropped.has(tensor.name)).map((tensor) => replaced.get(tensor.name) ?? tensor);
}

/** Whether a tensor is a quantized weight folded by logicalTensors. */
export function isQuantized(tensor: CheckpointTensor): tensor is QuantizedTensor {
  return "storedAs" in tensor;
}
