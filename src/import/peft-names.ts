import type { ModelCount } from "../count/index.js";
import type { CheckpointTensor } from "./tensors.js";

/** The ModuleDicts and ParameterDicts PEFT keys by adapter name: `q_proj.lora_A.default.weight`. */
const ADAPTER_DICTS = new Set(["lora_A", "lora_B", "lora_magnitude_vector", "lora_embedding_A", "lora_embedding_B", "ia3_l", "modules_to_save"]);
const WRAPPER_PREFIX = "base_model.model.";

/**
 * A PEFT checkpoint's tensor name as the spec names it: without PeftModel's `base_model.model.` prefix,
 * without LoRA's `base_layer` and modules_to_save's `original_module` segments (the base tensor keeps
 * its own name), and with the adapter name that save_pretrained leaves out (`lora_A.weight` →
 * `lora_A.default.weight`). Names that are none of these pass unchanged.
 */
export function specNameOfPeft(name: string, adapter: string): string {
  const segments = (name.startsWith(WRAPPER_PREFIX) ? name.slice(WRAPPER_PREFIX.length) : name)
    .split(".")
    .filter((segment) => segment !== "base_layer" && segment !== "original_module");
  const named = segments.flatMap((segment, index) => (ADAPTER_DICTS.has(segment) && segments[index + 1] !== adapter ? [segment, adapter] : [segment]));
  return named.join(".");
}

/** Whether a spec tensor name is one an adapter added. */
const isAdapterName = (name: string) => name.split(".").some((segment) => ADAPTER_DICTS.has(segment));

/** The modules_to_save copies of the spec, by the name of the tensor each copies: `head.weight` → `head.modules_to_save.default.weight`. */
function savedCopies(count: ModelCount): Map<string, string> {
  const prefix = `modules_to_save.${count.adapter!.name}.`;
  return new Map(
    count.layers.flatMap((layer) =>
      layer.parameters
        .filter((tensor) => tensor.name.startsWith(prefix))
        .map((tensor) => [joined(layer.path, tensor.name.slice(prefix.length)), joined(layer.path, tensor.name)] as const),
    ),
  );
}

const joined = (path: string, name: string) => (name ? `${path}.${name}` : path);

/**
 * With an adapter, a PEFT checkpoint's names mapped to the spec's. An adapter-only file (what
 * save_pretrained writes: LoRA tensors, and the modules_to_save copies under their modules' own
 * names) is compared with the adapter's tensors alone.
 */
export function peftView(count: ModelCount, checkpoint: readonly CheckpointTensor[]): { count: ModelCount; checkpoint: CheckpointTensor[] } {
  if (!count.adapter) return { count, checkpoint: [...checkpoint] };
  const mapped = checkpoint.map((tensor) => ({ ...tensor, name: specNameOfPeft(tensor.name, count.adapter!.name) }));
  const copies = savedCopies(count);
  const adapterOnly =
    !checkpoint.some((tensor) => tensor.name.split(".").includes("base_layer")) && mapped.every((tensor) => isAdapterName(tensor.name) || copies.has(tensor.name));
  if (!adapterOnly) return { count, checkpoint: mapped };
  const layers = count.layers
    .map((layer) => ({ ...layer, parameters: layer.parameters.filter((tensor) => tensor.adapter), buffers: [] }))
    .filter((layer) => layer.parameters.length > 0);
  return { count: { ...count, layers }, checkpoint: mapped.map((tensor) => ({ ...tensor, name: copies.get(tensor.name) ?? tensor.name })) };
}
