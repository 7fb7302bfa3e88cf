/**
 * A config.json's quantization_config as the weights' dtype: bitsandbytes' 4-bit (nf4/fp4, blocks of
 * 64 with a float32 absmax, optionally double-quantized) and 8-bit formats, GPTQ's and AWQ's 4-bit
 * groups with float16 scales. It is set on the decoder layers' module, where it quantizes the weight
 * matrices only (norms and biases stay in the floating dtype, as the quantized Linear classes keep
 * them); embeddings and lm_head stay unquantized, as transformers leaves them.
 */
import type { ConfigReader } from "./config-reader.js";
import type { SpecEntry } from "./spec-builder.js";

export interface Quantization {
  /** What the config says, for the messages: `gptq, 4 bits`. */
  text: string;
  /** The dtype set on the decoder layers, when model-budget can apply it. */
  dtype?: string;
  /** What the dtype's bytes leave out (GPTQ's zero points), or why it could not be applied. */
  caveat: string;
}

const settingsOf = (config: Record<string, unknown>) => config.quantization_config as Record<string, unknown> | null | undefined;

/** What a config's quantization_config says and the dtype it amounts to; undefined without one. */
export function quantizationOf(config: Record<string, unknown>): Quantization | undefined {
  const settings = settingsOf(config);
  if (settings === undefined || settings === null) return undefined;
  const { quant_method: method, bits, load_in_4bit: four, load_in_8bit: eight } = settings;
  const shown = [
    typeof method === "string" ? method.slice(0, 40) : undefined,
    typeof bits === "number" ? `${bits} bits` : four === true ? "4 bits" : eight === true ? "8 bits" : undefined,
  ];
  const text = shown.filter((part) => part !== undefined).join(", ") || "settings model-budget does not read";
  const unconverted = settings.modules_to_not_convert;
  if (Array.isArray(unconverted) && unconverted.some((name) => name !== "lm_head"))
    return { text, caveat: "its modules_to_not_convert names modules inside the layers, which model-budget does not keep apart yet" };
  return { text, ...dtypeOf(settings) };
}

function dtypeOf(settings: Record<string, unknown>): { dtype?: string; caveat: string } {
  const { quant_method: method, bits, group_size: group } = settings;
  if (settings.load_in_4bit === true) {
    const format = settings.bnb_4bit_quant_type === "nf4" ? "nf4" : "fp4";
    const doubled = settings.bnb_4bit_use_double_quant === true;
    return {
      dtype: doubled ? `${format}(double_quant=True)` : format,
      caveat: `each layer's 16-value quant_map${doubled ? " and the nested scales' offset" : ""} (a few dozen bytes) are not counted`,
    };
  }
  if (settings.load_in_8bit === true) return { dtype: "int8", caveat: "LLM.int8()'s float32 scale per output row (SCB) is not counted" };
  if ((method === "gptq" || method === "awq") && bits === 4 && typeof group === "number" && Number.isSafeInteger(group) && group > 0) {
    return {
      dtype: `int4(block_size=${group}, scale=float16)`,
      caveat: `${method === "gptq" ? "GPTQ's" : "AWQ's"} zero points (4 bits per group and output)${method === "gptq" ? " and g_idx (4 bytes per input feature)" : ""} are not counted`,
    };
  }
  return { caveat: "model-budget applies bitsandbytes' 4- and 8-bit formats and 4-bit GPTQ or AWQ with a group_size only" };
}

/** Sets `dtype` on the repeated decoder-layers module (`layers: {repeat: …}`); false when the translation has none. */
export function quantizeLayers(config: ConfigReader, entries: readonly SpecEntry[], dtype: string): boolean {
  for (const entry of entries) {
    for (const [name, body] of Object.entries(entry)) {
      if (body === null || typeof body !== "object") continue;
      const module = body as Record<string, unknown>;
      if (name === "layers" && "repeat" in module) {
        config.builder.keyed(module, "dtype", dtype, ["quantization_config"]);
        return true;
      }
      if (Array.isArray(module.layers) && quantizeLayers(config, module.layers as SpecEntry[], dtype)) return true;
    }
  }
  return false;
}
