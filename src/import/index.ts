export { FileFormatError, withFileBytes, type ByteSource } from "./bytes.js";
export { readCheckpoint, readSafetensorsCheckpoint, type Checkpoint, type CheckpointFormat } from "./checkpoint.js";
export { crossCheck } from "./cross-check.js";
export { importCheckpoint } from "./from-checkpoint.js";
export { readOnnx, readOnnxFile } from "./onnx.js";
export { readSafetensors, readSafetensorsIndex } from "./safetensors.js";
export { renderSpec, type ImportedSpec, type SpecChild, type SpecNode } from "./spec-tree.js";
export { elementCount, type CheckpointTensor } from "./tensors.js";
export { importTorchRepr, parseTorchRepr, type ImportResult } from "./torch-repr.js";
