import { SpecError } from "../diagnostics/index.js";
import { PRECISIONS, TRAINING_OPTIONS, settingsFromOptions, type TrainingSettings } from "../memory/index.js";
import { CHECKPOINTING } from "../shapes/index.js";
import { invalid, type CliCommand, type CliResult, type OptionValues } from "./command.js";

/** The flags that set or override a spec's `training:` section. */
export const TRAINING_FLAGS: CliCommand["options"] = Object.fromEntries(TRAINING_OPTIONS.map((option) => [option, { type: "string" }]));

export const TRAINING_FLAGS_USAGE = `Training memory (each flag overrides the spec's training: section; any of them but --adapter, or the section, adds memory):
      --optimizer CALL  optimizer class with its arguments: AdamW, "SGD(momentum=0.9)", AdamW8bit;
                        without one, memory is for inference: weights and buffers only
      --precision NAME  ${PRECISIONS.map((precision) => precision.name).join(", ")} (fp32 by default)
      --gpus N          GPUs the training is spread over
      --zero STAGE      ZeRO stage over the GPUs: 0 to 3 (3 is FSDP's full shard)
      --dtype DTYPE     dtype of weights that have none of their own: bfloat16, float8_e4m3fn, nf4, ...
      --batch N         samples per step on one GPU, for the activations of a spec with input: (1 by default)
      --checkpointing MODE
                        ${CHECKPOINTING.join(", ")}: full keeps only the inputs of repeated blocks,
                        selective recomputes attention's scores (Korthikanti et al. 2022)
      --adapter CALL    a PEFT adapter config, in place of the spec's adapters: section; freezes the base:
                        "LoraConfig(r=8, lora_alpha=32, target_modules=['q_proj', 'v_proj'])", IA3Config(...)
`;

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
