import { analyzeSpec } from "../analysis/index.js";
import { readTextFile, TEXT_KINDS, type OpenOptions } from "../files/index.js";
import { instancePaths } from "../resolve/index.js";
import type { CheckpointTensor } from "./tensors.js";

const STORED_DTYPES = new Set(["float32", "float16", "bfloat16"]);

/**
 * The tensors a Hugging Face config.json's model holds, named as its checkpoint names them: every
 * parameter instance, each shared tensor once (under its first owner's name, as safetensors keeps
 * one name of a tie). Buffers are left out: the translated models' are non-persistent, never saved.
 * A spec is checked --against this list to show it still matches the config.
 */
export function readConfigTensors(file: string, options: OpenOptions = {}): CheckpointTensor[] {
  const text = readTextFile(file, TEXT_KINDS.yaml, options);
  const count = analyzeSpec(file, (path) => {
    // A config.json includes nothing; no other file is read on its behalf.
    if (path !== file) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
    return text;
  });
  const config = JSON.parse(text) as Record<string, unknown>;
  const named = config.torch_dtype ?? config.dtype;
  const dtype = typeof named === "string" && STORED_DTYPES.has(named) ? named : "float32";
  return count.layers.flatMap((layer) =>
    layer.parameters
      .filter((tensor) => tensor.sharedWith === undefined)
      .flatMap((tensor) => instancePaths(layer.path).map((path) => ({ name: tensor.name ? `${path}.${tensor.name}` : path, shape: tensor.shape, dtype, file }))),
  );
}
