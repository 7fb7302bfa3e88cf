import { didYouMean, SpecError, type SourcePosition } from "../diagnostics/index.js";
import { parseCallOrName, parseExpression } from "../parse/expression.js";
import { evaluate, evaluateCall, type PositionAt } from "../resolve/evaluate.js";
import type { ResolvedTraining } from "../resolve/index.js";
import { parsedAt } from "../resolve/scope.js";
import { parseDtype, type Dtype } from "./dtypes.js";
import { bindOptimizer, type BoundOptimizer } from "./optimizers.js";
import { FP32, findPrecision, type Precision } from "./precision.js";
import { gpuCount, zeroStage, type ZeroStage } from "./sharding.js";
import { CHECKPOINTING, type Checkpointing } from "../shapes/types.js";

/** A setting with where it was made: `spec.yaml:4:14`, `--precision`, or `default`. */
export interface Sourced<T> {
  value: T;
  from: string;
}

/** The training settings of one source, the spec's `training:` or the command line; unset ones are absent. */
export interface TrainingSettings {
  optimizer?: Sourced<BoundOptimizer>;
  precision?: Sourced<Precision>;
  gpus?: Sourced<number>;
  zero?: Sourced<ZeroStage>;
  /** The dtype of weights created without one of their own, in place of the precision's. */
  dtype?: Sourced<Dtype>;
  /** Samples per step on one GPU, for activations. */
  batch?: Sourced<number>;
  checkpointing?: Sourced<Checkpointing>;
}

/** The recipe memory is computed for. Without an optimizer it is inference: weights and buffers only. */
export interface TrainingRecipe extends TrainingSettings {
  precision: Sourced<Precision>;
  gpus: Sourced<number>;
  zero: Sourced<ZeroStage>;
  batch: Sourced<number>;
  checkpointing: Sourced<Checkpointing>;
}

export const TRAINING_OPTIONS = ["optimizer", "precision", "gpus", "zero", "dtype", "batch", "checkpointing"] as const;
export type TrainingOption = (typeof TRAINING_OPTIONS)[number];

const where = (position: SourcePosition) => `${position.file}:${position.line}:${position.col}`;

export function settingsFromSpec(training: ResolvedTraining | undefined): TrainingSettings {
  const settings: TrainingSettings = {};
  if (!training) return settings;
  const { optimizer, precision, gpus, zero, dtype, batch, checkpointing } = training;
  if (optimizer) settings.optimizer = { value: bindOptimizer(optimizer), from: where(optimizer.position) };
  if (precision) settings.precision = { value: findPrecision(precision.value, precision.position), from: where(precision.position) };
  if (gpus) settings.gpus = { value: gpuCount(gpus.value, gpus.position), from: where(gpus.position) };
  if (zero) settings.zero = { value: zeroStage(zero.value, zero.position), from: where(zero.position) };
  if (dtype) settings.dtype = { value: parseDtype(dtype), from: where(dtype.position) };
  if (batch) settings.batch = { value: batchSize(batch.value, batch.position), from: where(batch.position) };
  if (checkpointing) settings.checkpointing = { value: checkpointingMode(checkpointing.value, checkpointing.position), from: where(checkpointing.position) };
  return settings;
}

function checkpointingMode(text: string, position: SourcePosition): Checkpointing {
  if ((CHECKPOINTING as readonly string[]).includes(text)) return text as Checkpointing;
  throw new SpecError("unknown-checkpointing", position, `unknown checkpointing '${text}'`, didYouMean(text, CHECKPOINTING) ?? `use one of ${CHECKPOINTING.join(", ")}`);
}

export function batchSize(value: number, position: SourcePosition): number {
  if (value < 1) throw new SpecError("invalid-recipe-value", position, `the batch is at least 1, got ${value}`);
  return value;
}

export function wholeNumber(text: string, position: SourcePosition, what: string): number {
  const digits = text.trim();
  if (!/^\d+$/.test(digits)) throw new SpecError("invalid-recipe-value", position, `${what} is a whole number, not '${text}'`, "write it in digits, e.g. 8");
  const value = Number(digits);
  // Past 2^53 a number is no longer exact: 99999999999999999999 would silently be 100000000000000000000.
  if (!Number.isSafeInteger(value))
    throw new SpecError(
      "number-too-large",
      position,
      `${what} ${digits.length > 30 ? `${digits.slice(0, 30)}…` : digits} is beyond 2^53 and cannot be used exactly`,
      "give the real count, e.g. 8",
    );
  return value;
}

/**
 * Settings given as text, such as command-line flags or action inputs. Errors are SpecErrors
 * whose file is the option's label (`--optimizer`), for the caller to print as it prints flags.
 */
export function settingsFromOptions(values: Partial<Record<TrainingOption, string>>, label: (option: TrainingOption) => string): TrainingSettings {
  const settings: TrainingSettings = {};
  for (const option of TRAINING_OPTIONS) {
    const text = values[option];
    if (text === undefined) continue;
    const from = label(option);
    const positionAt: PositionAt = (offset) => ({ file: from, line: 1, col: offset + 1 });
    const position = positionAt(0);
    switch (option) {
      case "optimizer":
        settings.optimizer = { value: bindOptimizer(evaluateCall(parsedAt(positionAt, text, parseCallOrName), new Map(), positionAt, text)), from };
        break;
      case "precision":
        settings.precision = { value: findPrecision(text, position), from };
        break;
      case "gpus":
        settings.gpus = { value: gpuCount(wholeNumber(text, position, "the GPU count"), position), from };
        break;
      case "zero":
        settings.zero = { value: zeroStage(wholeNumber(text, position, "the ZeRO stage"), position), from };
        break;
      case "dtype":
        settings.dtype = { value: parseDtype({ value: evaluate(parsedAt(positionAt, text, parseExpression), new Map(), positionAt, text, true), position }), from };
        break;
      case "batch":
        settings.batch = { value: batchSize(wholeNumber(text, position, "the batch"), position), from };
        break;
      case "checkpointing":
        settings.checkpointing = { value: checkpointingMode(text, position), from };
        break;
    }
  }
  return settings;
}

/** Whether any setting is made: memory is reported only for a recipe someone asked for. */
export function setsTraining(settings: TrainingSettings): boolean {
  return TRAINING_OPTIONS.some((option) => settings[option] !== undefined);
}

/** The spec's settings with the overrides on top, and defaults for the rest: fp32 inference on one GPU. */
export function trainingRecipe(spec: TrainingSettings, overrides: TrainingSettings): TrainingRecipe {
  return {
    optimizer: overrides.optimizer ?? spec.optimizer,
    dtype: overrides.dtype ?? spec.dtype,
    precision: overrides.precision ?? spec.precision ?? { value: FP32, from: "default" },
    gpus: overrides.gpus ?? spec.gpus ?? { value: 1, from: "default" },
    zero: overrides.zero ?? spec.zero ?? { value: 0, from: "default" },
    batch: overrides.batch ?? spec.batch ?? { value: 1, from: "default" },
    checkpointing: overrides.checkpointing ?? spec.checkpointing ?? { value: "none", from: "default" },
  };
}
