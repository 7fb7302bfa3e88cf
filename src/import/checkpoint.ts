import { SpecError } from "../diagnostics/index.js";
import type { OpenOptions } from "../files/index.js";
import { withFileBytes } from "./bytes.js";
import { readConfigTensors } from "./config-tensors.js";
import { checkpointTensors, readGguf } from "./gguf.js";
import { readOnnxFile } from "./onnx.js";
import { logicalTensors } from "./quantized.js";
import { readSafetensors, readSafetensorsIndex } from "./safetensors.js";
import type { CheckpointTensor } from "./tensors.js";

export type CheckpointFormat = "safetensors" | "onnx" | "gguf" | "hf-config";

export interface Checkpoint {
  file: string;
  format: CheckpointFormat;
  tensors: CheckpointTensor[];
}

/** Reads a safetensors file, or the shards of a sharded one through its index.json; quantized weights as their logical tensors. */
export function readSafetensorsCheckpoint(file: string, options: OpenOptions = {}): CheckpointTensor[] {
  return logicalTensors(file.endsWith(".json") ? readSafetensorsIndex(file, options) : withFileBytes(file, readSafetensors, options));
}

/**
 * A checkpoint's tensors by its file name: .safetensors, a sharded checkpoint's .index.json, or .onnx, headers
 * only; or a Hugging Face config.json (any other .json), whose model's tensors are what its checkpoint holds.
 * `options` confine it (the action: to the repository); the files it names stay in its folder in any case.
 */
export function readCheckpoint(file: string, options: OpenOptions = {}): Checkpoint {
  if (file.endsWith(".safetensors") || file.endsWith(".index.json")) return { file, format: "safetensors", tensors: readSafetensorsCheckpoint(file, options) };
  if (file.endsWith(".onnx")) return { file, format: "onnx", tensors: readOnnxFile(file, options) };
  // GGUF's tensors under transformers' names where llama.cpp's map one to one, so a spec can be checked against them.
  if (file.endsWith(".gguf")) return { file, format: "gguf", tensors: checkpointTensors(withFileBytes(file, readGguf, options)) };
  if (file.endsWith(".json")) return { file, format: "hf-config", tensors: readConfigTensors(file, options) };
  throw new SpecError(
    "unknown-checkpoint-format",
    { file, line: 1, col: 1 },
    "cannot tell the checkpoint's format from its name",
    "name a .safetensors file, a sharded checkpoint's model.safetensors.index.json, an .onnx model, a .gguf file, or a Hugging Face config.json",
  );
}
