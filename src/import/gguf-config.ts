import { elementCount } from "./tensors.js";
import type { GgufHeader } from "./gguf.js";

/** GGUF architectures whose metadata and tensors are a transformers config's: the model_type and class they stand for. */
const CONFIG_CLASSES: Readonly<Record<string, [modelType: string, architecture: string]>> = {
  llama: ["llama", "LlamaForCausalLM"],
  qwen2: ["qwen2", "Qwen2ForCausalLM"],
  qwen3: ["qwen3", "Qwen3ForCausalLM"],
};

/** config.json's keys and the `<arch>.` metadata keys llama.cpp's convert_hf_to_gguf.py writes them to. */
const KEYS: readonly [config: string, metadata: string][] = [
  ["hidden_size", "embedding_length"],
  ["num_hidden_layers", "block_count"],
  ["intermediate_size", "feed_forward_length"],
  ["num_attention_heads", "attention.head_count"],
  ["num_key_value_heads", "attention.head_count_kv"],
  ["head_dim", "attention.key_length"],
  ["max_position_embeddings", "context_length"],
  ["rms_norm_eps", "attention.layer_norm_rms_epsilon"],
  ["rope_theta", "rope.freq_base"],
];
const REQUIRED = ["hidden_size", "num_hidden_layers", "intermediate_size", "num_attention_heads"];

/**
 * The config.json a llama-family GGUF file's metadata stands for, as JSON text; undefined for another
 * architecture or when a size it needs is absent. The vocabulary is token_embd's rows (else the tokenizer's
 * token count); the head is tied when the file has no output.weight, as convert_hf_to_gguf.py leaves it out.
 */
export function ggufConfigText(header: GgufHeader): string | undefined {
  const architecture = header.metadata.get("general.architecture");
  if (typeof architecture !== "string" || !Object.hasOwn(CONFIG_CLASSES, architecture)) return undefined;
  const [modelType, className] = CONFIG_CLASSES[architecture]!;
  const config: Record<string, unknown> = { model_type: modelType, architectures: [className] };
  for (const [key, metadata] of KEYS) {
    const value = header.metadata.get(`${architecture}.${metadata}`);
    if (typeof value === "number") config[key] = value;
  }
  const embedding = header.tensors.find((tensor) => tensor.name === "token_embd.weight");
  const tokens = header.metadata.get("tokenizer.ggml.tokens");
  const vocab = embedding?.shape[0] ?? (typeof tokens === "object" && tokens !== null && "array" in tokens ? tokens.array : undefined);
  if (vocab === undefined || REQUIRED.some((key) => config[key] === undefined)) return undefined;
  config.vocab_size = vocab;
  config.tie_word_embeddings = !header.tensors.some((tensor) => tensor.name === "output.weight");
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** The parameters a GGUF file holds, in logical elements; llama.cpp's precomputed rope_freqs are no parameter. */
export function ggufParameters(header: GgufHeader): number {
  return header.tensors.filter((tensor) => tensor.name !== "rope_freqs.weight").reduce((sum, tensor) => sum + elementCount(tensor.shape)!, 0);
}
