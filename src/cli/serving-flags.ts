import type { AnalysisOverrides } from "../analysis/index.js";
import { SpecError } from "../diagnostics/index.js";
import { ATTENTION_IMPLEMENTATIONS, KV_WINDOWS, SERVING_OPTIONS, servingSettingsFromOptions, type TrainingSettings } from "../memory/index.js";
import { invalid, type CliCommand, type CliResult, type OptionValues } from "./command.js";

/** The serving flags beside the training ones: --batch and --dtype are shared, and set the serving recipe under --serve. */
const OWN_FLAGS = SERVING_OPTIONS.filter((option) => option !== "batch" && option !== "dtype");

export const SERVING_FLAGS: CliCommand["options"] = { serve: { type: "boolean", default: false }, ...Object.fromEntries(OWN_FLAGS.map((option) => [option, { type: "string" }])) };

export const SERVING_FLAGS_USAGE = `Serving memory (docs/serving.md; each flag overrides the spec's serving: section; --serve or the section adds it):
      --serve           report serving memory: weights, KV cache, prefill peak; with it --batch and --dtype
                        set the serving recipe's sequences and weight dtype instead of training's
      --context N       tokens per sequence, prompt and output together (the spec's input: length by default)
      --kv-dtype DTYPE  the KV cache's dtype: bfloat16, float8_e4m3fn, int8, "int4(block_size=32, scale=float16)", ...
      --attention IMPL  ${ATTENTION_IMPLEMENTATIONS.join(" or ")} (the default): eager materializes the attention scores
      --kv-window MODE  ${KV_WINDOWS.join(" or ")}: cap keeps at most window= tokens in sliding-window layers (vLLM);
                        full (the default) keeps every token (Hugging Face's DynamicCache for Mistral v0.1)
      --overhead BYTES  an allowance added to the total for what is not computed (CUDA context, fragmentation)
`;

/** Labels a flag's errors by the flag. */
function asInvalid(error: unknown): CliResult {
  if (!(error instanceof SpecError)) throw error;
  return invalid(`${error.position.file}: ${error.detail} [${error.code}]${error.hint ? `\n  ${error.hint}` : ""}`);
}

/**
 * The serving overrides the flags give on top of the training ones: any serving flag, or --serve,
 * asks for serving memory; under --serve, --batch and --dtype move from training to serving.
 */
export function servingFlags(values: OptionValues, training: TrainingSettings, always = false): { overrides: AnalysisOverrides } | { error: CliResult } {
  const serve = always || values.serve === true || OWN_FLAGS.some((option) => typeof values[option] === "string");
  if (!serve) return { overrides: training };
  const given = Object.fromEntries(SERVING_OPTIONS.flatMap((option) => (typeof values[option] === "string" ? [[option, values[option]]] : [])));
  try {
    const serving = servingSettingsFromOptions(given, (option) => `--${option}`);
    // Under --serve, --batch and --dtype are the serving recipe's.
    const rest: TrainingSettings = Object.fromEntries(Object.entries(training).filter(([option]) => option !== "batch" && option !== "dtype"));
    return { overrides: { ...rest, serving } };
  } catch (error) {
    return { error: asInvalid(error) };
  }
}
