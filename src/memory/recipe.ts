import { didYouMean, SpecError, type SourcePosition } from "../diagnostics/index.js";
import { parseCallOrName, parseExpression } from "../parse/expression.js";
import { bindAdapter, type BoundAdapter } from "../count/index.js";
import { evaluate, evaluateCall, type PositionAt } from "../resolve/evaluate.js";
import type { ResolvedTraining } from "../resolve/index.js";
import { parsedAt } from "../resolve/scope.js";
import { parseDtype, type Dtype } from "./dtypes.js";
import { bindOptimizer, type BoundOptimizer } from "./optimizers.js";
import { FP32, findPrecision, type Precision } from "./precision.js";
import { gpuCount, zeroStage, type ZeroStage } from "./sharding.js";
import { tpStyle, type PlanRule } from "./tensor-plan.js";
import { CHECKPOINTING, type Checkpointing } from "../shapes/types.js";
import { attentionImplementation, type AttentionImplementation } from "../shapes/attention-implementations.js";

/** A setting with where it was made: `spec.yaml:4:14`, `--precision`, or `default`. */
export interface Sourced<T> {
  value: T;
  from: string;
  /** Where to point an error that involves the setting: its spot in the spec, or its flag. */
  position?: SourcePosition;
}

/** The parallel degrees, as settings and flags name them. */
export const PARALLEL_DEGREES = ["tp", "pp", "ep", "cp"] as const;
export type ParallelDegree = (typeof PARALLEL_DEGREES)[number];

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
  /** How attention(...) ops run, for what training keeps of them (docs/shapes.md, "Attention implementations"); unset, sdpa. */
  attention?: Sourced<AttentionImplementation>;
  /** Megatron's main-gradient dtype; unset, gradients have their parameter's dtype (the ZeRO paper's convention). */
  mainGrads?: Sourced<Dtype>;
  tp?: Sourced<number>;
  pp?: Sourced<number>;
  ep?: Sourced<number>;
  cp?: Sourced<number>;
  /** The tensor-parallel plan; unset, the default Megatron plan. */
  plan?: Sourced<PlanRule[]>;
  /** The glob over layer paths of the routed experts that ep splits. */
  experts?: Sourced<string>;
  /** A PEFT adapter config (--adapter), in place of the spec's `adapters:`; it changes the count, not only memory. */
  adapter?: Sourced<BoundAdapter>;
}

/** The recipe memory is computed for. Without an optimizer it is inference: weights and buffers only. */
export interface TrainingRecipe extends TrainingSettings {
  precision: Sourced<Precision>;
  gpus: Sourced<number>;
  zero: Sourced<ZeroStage>;
  batch: Sourced<number>;
  checkpointing: Sourced<Checkpointing>;
  attention: Sourced<AttentionImplementation>;
}

export const TRAINING_OPTIONS = ["optimizer", "precision", "gpus", "zero", "dtype", "batch", "checkpointing", "attention", "main-grads", ...PARALLEL_DEGREES, "adapter"] as const;
export type TrainingOption = (typeof TRAINING_OPTIONS)[number];

const where = (position: SourcePosition) => `${position.file}:${position.line}:${position.col}`;

export function settingsFromSpec(training: ResolvedTraining | undefined): TrainingSettings {
  const settings: TrainingSettings = {};
  if (!training) return settings;
  const { optimizer, precision, gpus, zero, dtype, batch, checkpointing, attention } = training;
  if (optimizer) settings.optimizer = { value: bindOptimizer(optimizer), from: where(optimizer.position) };
  if (precision) settings.precision = { value: findPrecision(precision.value, precision.position), from: where(precision.position) };
  if (gpus) settings.gpus = placed(gpuCount(gpus.value, gpus.position), gpus.position);
  if (zero) settings.zero = { value: zeroStage(zero.value, zero.position), from: where(zero.position) };
  if (dtype) settings.dtype = { value: parseDtype(dtype), from: where(dtype.position) };
  if (batch) settings.batch = { value: batchSize(batch.value, batch.position), from: where(batch.position) };
  if (checkpointing) settings.checkpointing = { value: checkpointingMode(checkpointing.value, checkpointing.position), from: where(checkpointing.position) };
  if (attention) settings.attention = placed(attentionChoice(attention.value, attention.position), attention.position);
  if (training.mainGrads) settings.mainGrads = placed(mainGradsDtype(training.mainGrads.value, training.mainGrads.position), training.mainGrads.position);
  return { ...settings, ...parallelFromSpec(training.parallel) };
}

const placed = <T>(value: T, position: SourcePosition): Sourced<T> => ({ value, from: where(position), position });

function parallelFromSpec(parallel: ResolvedTraining["parallel"]): TrainingSettings {
  const settings: TrainingSettings = {};
  if (!parallel) return settings;
  for (const degree of PARALLEL_DEGREES) {
    const given = parallel[degree];
    if (given) settings[degree] = placed(parallelDegree(given.value, given.position, degree), given.position);
  }
  if (parallel.plan) {
    const rules = parallel.plan.value.map(({ pattern, style }) => ({ pattern: pattern.value, style: tpStyle(style.value, style.position), position: pattern.position }));
    settings.plan = placed(rules, parallel.plan.position);
  }
  if (parallel.experts) settings.experts = placed(parallel.experts.value, parallel.experts.position);
  return settings;
}

function parallelDegree(value: number, position: SourcePosition, degree: ParallelDegree): number {
  if (value < 1) throw new SpecError("invalid-recipe-value", position, `${degree} is at least 1, got ${value}`, "1 means no split");
  return value;
}

const MAIN_GRADS = ["float32", "float16", "bfloat16"] as const;

/** 16-bit main gradients are the weights' own dtype: Megatron accumulates in the parameter's dtype or in float32. */
function checkMainGrads(mainGrads: Sourced<Dtype>, precision: Precision): void {
  const { value } = mainGrads;
  if (value.bits >= 32 || value.name === precision.weights.name) return;
  throw new SpecError(
    "invalid-main-grads",
    mainGrads.position ?? { file: mainGrads.from, line: 1, col: 1 },
    `${value.name} main gradients with ${precision.name}, whose weights are ${precision.weights.name}`,
    `use float32 (Megatron's default accumulation) or ${precision.weights.name}`,
  );
}

/** float32, or a 16-bit dtype; whether a 16-bit one is the weights' own is checked against the precision. */
function mainGradsDtype(text: string, position: SourcePosition): Dtype {
  if (!(MAIN_GRADS as readonly string[]).includes(text))
    throw new SpecError(
      "invalid-main-grads",
      position,
      `main gradients are float32, float16 or bfloat16, not '${text}'`,
      didYouMean(text, MAIN_GRADS) ?? "float32 is Megatron's default accumulation",
    );
  return parseDtype({ value: { kind: "string", value: text }, position });
}

/** An attention implementation, or the error that names the choices. */
export function attentionChoice(text: string, position: SourcePosition): AttentionImplementation {
  const chosen = attentionImplementation(text);
  if ("value" in chosen) return chosen.value;
  throw new SpecError("invalid-recipe-value", position, chosen.problem, chosen.hint);
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
        settings.gpus = { value: gpuCount(wholeNumber(text, position, "the GPU count"), position), from, position };
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
      case "attention":
        settings.attention = { value: attentionChoice(text.trim(), position), from, position };
        break;
      case "adapter":
        settings.adapter = { value: bindAdapter(evaluateCall(parsedAt(positionAt, text, parseCallOrName), new Map(), positionAt, text)), from };
        break;
      case "main-grads":
        settings.mainGrads = { value: mainGradsDtype(text.trim(), position), from, position };
        break;
      default:
        settings[option] = { value: parallelDegree(wholeNumber(text, position, option), position, option), from, position };
    }
  }
  return settings;
}

/** Whether any setting is made: memory is reported only for a recipe someone asked for (an adapter alone changes the count only). */
export function setsTraining(settings: TrainingSettings): boolean {
  // An adapter changes the count, not the recipe, and the attention implementation the activations, which shapes
  // report without a recipe: alone they add no training table.
  return Object.entries(settings).some(([key, setting]) => key !== "adapter" && key !== "attention" && setting !== undefined);
}

/**
 * The spec's settings with the overrides on top, and defaults for the rest: fp32 inference on one
 * GPU, or on tp × pp × cp GPUs (one data-parallel replica) when a layout is given without a GPU count.
 */
export function trainingRecipe(spec: TrainingSettings, overrides: TrainingSettings): TrainingRecipe {
  const layout = Object.fromEntries(
    PARALLEL_DEGREES.flatMap((degree) => {
      const setting = overrides[degree] ?? spec[degree];
      return setting ? [[degree, setting]] : [];
    }),
  ) as Partial<Record<ParallelDegree, Sourced<number>>>;
  const replica = (layout.tp?.value ?? 1) * (layout.pp?.value ?? 1) * (layout.cp?.value ?? 1);
  const mainGrads = overrides.mainGrads ?? spec.mainGrads;
  const precision = overrides.precision ?? spec.precision ?? { value: FP32, from: "default" };
  if (mainGrads) checkMainGrads(mainGrads, precision.value);
  const plan = overrides.plan ?? spec.plan;
  const experts = overrides.experts ?? spec.experts;
  return {
    ...layout,
    ...(mainGrads ? { mainGrads } : {}),
    ...(plan ? { plan } : {}),
    ...(experts ? { experts } : {}),
    optimizer: overrides.optimizer ?? spec.optimizer,
    dtype: overrides.dtype ?? spec.dtype,
    precision,
    gpus: overrides.gpus ?? spec.gpus ?? { value: replica, from: replica > 1 ? "default: tp × pp × cp, one data-parallel replica" : "default" },
    zero: overrides.zero ?? spec.zero ?? { value: 0, from: "default" },
    batch: overrides.batch ?? spec.batch ?? { value: 1, from: "default" },
    checkpointing: overrides.checkpointing ?? spec.checkpointing ?? { value: "none", from: "default" },
    attention: overrides.attention ?? spec.attention ?? { value: "sdpa", from: "default" },
  };
}
