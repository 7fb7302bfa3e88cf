import { parseCallOrName } from "../parse/expression.js";
import type { YamlSource } from "../parse/yaml.js";
import { acceleratorsAt } from "./accelerators.js";
import type { Scope } from "./evaluate.js";
import { evaluateCallText, integerAt, valueOf } from "./scope.js";
import type { SpecData } from "./spec-data.js";
import type { ResolvedParallel, ResolvedServing, ResolvedTraining } from "./types.js";

/** Evaluates the `training:` section with the spec's vars; what the settings mean is the memory stage's business. */
export function resolveTraining(source: YamlSource, training: SpecData["training"], scope: Scope): ResolvedTraining | undefined {
  if (training === undefined) return undefined;
  const at = (key: string) => source.at(["training", key]);
  const resolved: ResolvedTraining = {};
  if (training.optimizer !== undefined) resolved.optimizer = evaluateCallText(source, ["training", "optimizer"], training.optimizer, scope, parseCallOrName);
  if (training.precision !== undefined) resolved.precision = { value: training.precision, position: at("precision") };
  if (training.gpus !== undefined) resolved.gpus = { value: integerAt(source, ["training", "gpus"], training.gpus, scope, "gpus"), position: at("gpus") };
  if (training.zero !== undefined) resolved.zero = { value: training.zero, position: at("zero") };
  if (training.batch !== undefined) resolved.batch = { value: integerAt(source, ["training", "batch"], training.batch, scope, "batch"), position: at("batch") };
  if (training.checkpointing !== undefined) resolved.checkpointing = { value: training.checkpointing, position: at("checkpointing") };
  if (training.attention !== undefined) resolved.attention = { value: String(training.attention), position: at("attention") };
  if (training.dtype !== undefined) resolved.dtype = { value: valueOf(source, ["training", "dtype"], training.dtype, scope, "keyword"), position: at("dtype") };
  if (training.main_grads !== undefined) resolved.mainGrads = { value: training.main_grads, position: at("main_grads") };
  if (training.parallel !== undefined) resolved.parallel = resolveParallel(source, training.parallel, scope);
  return resolved;
}

const DEGREES = ["tp", "pp", "ep", "cp"] as const;

function resolveParallel(source: YamlSource, parallel: NonNullable<SpecData["training"]>["parallel"] & object, scope: Scope): ResolvedParallel {
  const at = (...keys: string[]) => source.at(["training", "parallel", ...keys]);
  const resolved: ResolvedParallel = {};
  for (const degree of DEGREES) {
    const raw = parallel[degree];
    if (raw !== undefined) resolved[degree] = { value: integerAt(source, ["training", "parallel", degree], raw, scope, degree), position: at(degree) };
  }
  if (parallel.plan !== undefined) {
    const entries = Object.entries(parallel.plan).map(([pattern, style]) => ({
      pattern: { value: pattern, position: source.keyAt(["training", "parallel", "plan", pattern]) },
      style: { value: style, position: at("plan", pattern) },
    }));
    resolved.plan = { value: entries, position: at("plan") };
  }
  if (parallel.experts !== undefined) resolved.experts = { value: parallel.experts, position: at("experts") };
  return resolved;
}

/** Evaluates the `serving:` section with the spec's vars; the memory stage gives the settings their meaning. */
export function resolveServing(source: YamlSource, serving: SpecData["serving"], scope: Scope): ResolvedServing | undefined {
  if (serving === undefined) return undefined;
  const at = (key: string) => source.at(["serving", key]);
  const integer = (key: "context" | "batch" | "overhead" | "trained-context") => ({ value: integerAt(source, ["serving", key], serving[key], scope, key), position: at(key) });
  const dtype = (key: "dtype" | "kv-dtype") => ({ value: valueOf(source, ["serving", key], serving[key], scope, "keyword"), position: at(key) });
  const resolved: ResolvedServing = {};
  if (serving.context !== undefined) resolved.context = integer("context");
  if (serving.batch !== undefined) resolved.batch = integer("batch");
  if (serving.overhead !== undefined) resolved.overhead = integer("overhead");
  if (serving["trained-context"] !== undefined) resolved.trainedContext = integer("trained-context");
  if (serving.dtype !== undefined) resolved.dtype = dtype("dtype");
  if (serving["kv-dtype"] !== undefined) resolved.kvDtype = dtype("kv-dtype");
  if (serving.attention !== undefined) resolved.attention = { value: String(serving.attention), position: at("attention") };
  if (serving["kv-window"] !== undefined) resolved.kvWindow = { value: String(serving["kv-window"]), position: at("kv-window") };
  if (serving.logits !== undefined) resolved.logits = { value: String(serving.logits), position: at("logits") };
  if (serving.accelerators !== undefined) resolved.accelerators = acceleratorsAt(source, ["serving", "accelerators"], serving.accelerators);
  return resolved;
}
