import { SpecError } from "../diagnostics/index.js";
import { withFileBytes } from "./bytes.js";
import { readOnnxFile } from "./onnx.js";
import { readSafetensors, readSafetensorsIndex } from "./safetensors.js";
import type { CheckpointTensor } from "./tensors.js";

export type CheckpointFormat = "safetensors" | "onnx";

export interface Checkpoint {
  file: string;
  format: CheckpointFormat;
  tensors: CheckpointTensor[];
}

/** Reads a safetensors file, or the shards of a sharded one through its index.json. */
export function readSafetensorsCheckpoint(file: string): CheckpointTensor[] {
  return file.endsWith(".json") ? readSafetensorsIndex(file) : withFileBytes(file, readSafetensors);
}

/** A checkpoint's tensors by its file name: .safetensors, a sharded checkpoint's .index.json, or .onnx; headers only. */
export function readCheckpoint(file: string): Checkpoint {
  if (file.endsWith(".safetensors") || file.endsWith(".index.json")) return { file, format: "safetensors", tensors: readSafetensorsCheckpoint(file) };
  if (file.endsWith(".onnx")) return { file, format: "onnx", tensors: readOnnxFile(file) };
  throw new SpecError(
    { file, line: 1, col: 1 },
    "cannot tell the checkpoint's format from its name",
    "name a .safetensors file, a sharded checkpoint's model.safetensors.index.json, or an .onnx model",
  );
}
