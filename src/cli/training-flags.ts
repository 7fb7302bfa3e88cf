import { SpecError } from "../diagnostics/index.js";
import { ATTENTION_IMPLEMENTATIONS, PRECISIONS, TRAINING_OPTIONS, settingsFromOptions, type TrainingSettings } from "../memory/index.js";
import { CHECKPOINTING } from "../shapes/index.js";
import { invalid, type CliResult, type OptionValues } from "./command.js";
import type { Flag } from "./flags.js";

const HEADING = "Training memory (each flag overrides the spec's training: section; any of them, or the section, adds memory)";

/** The flags that set or override a spec's `training:` section, listed under `heading`. */
export function trainingFlagList(heading = HEADING): Flag[] {
  const flags: Flag[] = [
    {
      name: "optimizer",
      type: "string",
      value: "CALL",
      description: 'optimizer class with its arguments: AdamW, "SGD(momentum=0.9)", AdamW8bit; without one, memory is for inference: weights and buffers only',
      unset: "the spec's, else none",
    },
    { name: "precision", type: "string", value: "NAME", description: PRECISIONS.map((precision) => precision.name).join(", "), unset: "the spec's, else fp32" },
    { name: "gpus", type: "string", value: "N", description: "GPUs the training is spread over", unset: "the spec's, else 1" },
    { name: "zero", type: "string", value: "STAGE", description: "ZeRO stage over the GPUs: 0 to 3 (3 is FSDP's full shard)", unset: "the spec's, else 0" },
    {
      name: "dtype",
      type: "string",
      value: "DTYPE",
      description: "dtype of weights that have none of their own: bfloat16, float8_e4m3fn, nf4, ...",
      unset: "the spec's, else the precision's",
    },
    { name: "batch", type: "string", value: "N", description: "samples per step on one GPU, for the activations of a spec with input:", unset: "the spec's, else 1" },
    {
      name: "checkpointing",
      type: "string",
      value: "MODE",
      description: `${CHECKPOINTING.join(", ")}: full keeps only the inputs of repeated blocks, selective recomputes attention's scores (Korthikanti et al. 2022)`,
      unset: "the spec's, else none",
    },
    {
      name: "attention",
      type: "string",
      value: "IMPL",
      description: `${ATTENTION_IMPLEMENTATIONS.join(", ")}: what training keeps of attention(...) (eager keeps the score matrices, sdpa and flash a log-sum-exp); with --serve, the prefill peak's too`,
      unset: "the spec's training: (serving: for the prefill peak), else sdpa",
    },
    {
      name: "main-grads",
      type: "string",
      value: "DTYPE",
      description: "float32: Megatron's float32 main gradients (mixed-bf16 AdamW 18 B/param); float16 or bfloat16: 16-bit gradients the optimizer copies to float32",
      unset: "the spec's, else gradients in the parameter's dtype (the ZeRO paper's 16 B/param)",
    },
    { name: "tp", type: "string", value: "N", description: "tensor-parallel GPUs: the spec's parallel plan, or Megatron's for decoder blocks", unset: "the spec's, else 1" },
    { name: "pp", type: "string", value: "N", description: "pipeline stages over the repeated blocks (1F1B)", unset: "the spec's, else 1" },
    { name: "ep", type: "string", value: "N", description: "expert-parallel GPUs for layers matching the experts pattern (*.experts.*)", unset: "the spec's, else 1" },
    { name: "cp", type: "string", value: "N", description: "context-parallel GPUs splitting the sequence; data parallel = gpus / (tp × pp × cp)", unset: "the spec's, else 1" },
    {
      name: "adapter",
      type: "string",
      value: "CALL",
      description:
        "a PEFT adapter config, in place of the spec's adapters: section; freezes the base: \"LoraConfig(r=8, lora_alpha=32, target_modules=['q_proj', 'v_proj'])\", IA3Config(...)",
      unset: "the spec's, else none",
    },
  ];
  // One flag per option the recipe reads: a new option without a flag fails here, not silently.
  if (flags.map((flag) => flag.name).join() !== TRAINING_OPTIONS.join()) throw new Error("the training flags and TRAINING_OPTIONS differ");
  return flags.map((flag, index) => (index === 0 ? { ...flag, group: heading } : flag));
}

/** The training settings the flags give, or the invalid-usage result that names the bad flag. */
export function trainingFlags(values: OptionValues): { settings: TrainingSettings } | { error: CliResult } {
  const given = Object.fromEntries(TRAINING_OPTIONS.flatMap((option) => (typeof values[option] === "string" ? [[option, values[option]]] : [])));
  try {
    return { settings: settingsFromOptions(given, (option) => `--${option}`) };
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return { error: invalid(`${error.position.file}: ${error.detail} [${error.code}]${error.hint ? `\n  ${error.hint}` : ""}`) };
  }
}
