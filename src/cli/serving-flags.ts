import type { AnalysisOverrides } from "../analysis/index.js";
import { SpecError } from "../diagnostics/index.js";
import { KV_WINDOWS, LOGITS, SERVING_OPTIONS, servingSettingsFromOptions, type TrainingSettings } from "../memory/index.js";
import { invalid, type CliResult, type OptionValues } from "./command.js";
import type { Flag } from "./flags.js";

/**
 * The serving flags beside the training ones: --batch and --dtype are shared, and set the serving recipe under --serve;
 * --attention is shared, and sets both recipes.
 */
const OWN_FLAGS = SERVING_OPTIONS.filter((option) => option !== "batch" && option !== "dtype" && option !== "attention");

const HEADING = "Serving memory (docs/serving.md; each flag overrides the spec's serving: section; --serve or the section adds it)";

/** The serving flags, listed under their heading; --batch, --dtype and --attention are the training list's, and set the serving recipe too under --serve. */
export function servingFlagList(): Flag[] {
  const flags: Flag[] = [
    {
      name: "serve",
      type: "boolean",
      description: "report serving memory: weights, KV cache, prefill peak; with it --batch and --dtype set the serving recipe's sequences and weight dtype instead of training's",
    },
    { name: "context", type: "string", value: "N", description: "tokens per sequence, prompt and output together", unset: "the spec's input: length" },
    {
      name: "kv-dtype",
      type: "string",
      value: "DTYPE",
      description: 'the KV cache\'s dtype: bfloat16, float8_e4m3fn, int8, "int4(block_size=32, scale=float16)", ...',
      unset: "the spec's, else the weights' dtype (bfloat16 under quantized weights)",
    },
    {
      name: "kv-window",
      type: "string",
      value: "MODE",
      description: `${KV_WINDOWS.join(" or ")}: cap keeps at most window= tokens in sliding-window layers (vLLM); full keeps every token (Hugging Face's DynamicCache for Mistral v0.1)`,
      unset: "the spec's, else full",
    },
    {
      name: "logits",
      type: "string",
      value: "WHICH",
      description: `${LOGITS.join(" or ")}: the positions the prefill computes logits for; last is generate()'s logits_to_keep=1, batch × 1 × vocab`,
      unset: "the spec's, else all (transformers 5's forward)",
    },
    {
      name: "overhead",
      type: "string",
      value: "BYTES",
      description: "an allowance added to the total for what is not computed (CUDA context, fragmentation)",
      unset: "the spec's, else 0",
    },
  ];
  // One flag per serving option of its own: a new option without a flag fails here, not silently.
  if (
    flags
      .slice(1)
      .map((flag) => flag.name)
      .join() !== OWN_FLAGS.join()
  )
    throw new Error("the serving flags and SERVING_OPTIONS differ");
  return flags.map((flag, index) => (index === 0 ? { ...flag, group: HEADING } : flag));
}

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
