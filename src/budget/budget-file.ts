import { DiagnosticCollector, SpecError } from "../diagnostics/index.js";
import { parseYaml, type DataPath, type YamlSource } from "../parse/yaml.js";
import { acceleratorsAt, lintIgnores } from "../resolve/index.js";
import { validateBudget } from "../validate/index.js";
import { parseQuantity, type Quantity } from "./sizes.js";
import { GROWTH_METRICS, LIMITED_METRICS, metricNamed, type Metric } from "../metrics/index.js";
import type { Budget, GrowthAllowance, Limit, ModelBudget, ModuleLimit } from "./types.js";

type RawLimits = Record<string, unknown>;

function describe(metric: Metric): string {
  return metricNamed(metric).unit === "bytes" ? "a memory size such as 24GiB or 80GB" : "a count such as 125M or 7B";
}

/** A quantity as written at `path`; past 2^53 it is an error there, never a float's guess. */
function quantityAt(source: YamlSource, path: DataPath, raw: unknown, what: string): Quantity | undefined {
  try {
    return parseQuantity(raw as string | number);
  } catch {
    throw new SpecError(
      "invalid-limit",
      source.at(path),
      `${what} ${String(raw)} is beyond 2^53 and cannot be compared exactly`,
      "write the limit you mean with a unit, e.g. 7B or 80GiB",
    );
  }
}

function limitAt(source: YamlSource, path: DataPath, raw: unknown, metric: Metric): Limit {
  const position = source.at(path);
  const quantity = quantityAt(source, path, raw, `${metric} limit`);
  const wanted = metricNamed(metric).unit;
  // A plain integer is a count of parameters, or of bytes for memory.
  const value = quantity?.kind === wanted || (typeof raw === "number" && quantity) ? quantity.value : undefined;
  if (value === undefined) throw new SpecError("invalid-limit", position, `${metric} limit must be ${describe(metric)}, not '${String(raw)}'`);
  return { value, text: String(raw), position };
}

function growthAt(source: YamlSource, path: DataPath, raw: unknown, metric: Metric): GrowthAllowance {
  const position = source.at(path);
  const quantity = quantityAt(source, path, raw, `${metric} growth`);
  if (quantity?.kind === "percent") return { percent: quantity.value, text: String(raw), position };
  return { amount: limitAt(source, path, raw, metric).value, text: String(raw), position };
}

/** One model's limits; each limit's error goes to `errors` and the next limit is still read. */
function modelBudget(source: YamlSource, path: DataPath, key: string, raw: RawLimits, errors: DiagnosticCollector): ModelBudget {
  const limits: Partial<Record<Metric, Limit>> = {};
  const growth: Partial<Record<Metric, GrowthAllowance>> = {};
  for (const metric of LIMITED_METRICS) {
    if (raw[metric] !== undefined) errors.attempt(() => (limits[metric] = limitAt(source, [...path, metric], raw[metric], metric)));
  }
  if (typeof raw.growth === "object" && raw.growth !== null) {
    for (const [metric, allowance] of Object.entries(raw.growth))
      errors.attempt(() => (growth[metric as Metric] = growthAt(source, [...path, "growth", metric], allowance, metric as Metric)));
  } else if (raw.growth !== undefined) {
    // One allowance for everything: a share or 0 limits every quantity, an amount only those of its kind.
    const quantity = errors.attempt(() => quantityAt(source, [...path, "growth"], raw.growth, "growth"));
    for (const metric of GROWTH_METRICS) {
      // A count is of parameters: MACs and FLOPs take a share, 0, or their own entry under growth:.
      const definition = metricNamed(metric);
      const ofItsKind = definition.sharedGrowthAmount && definition.unit === (quantity?.kind === "bytes" ? "bytes" : "count");
      const applies = quantity?.kind === "percent" || quantity?.value === 0 || ofItsKind;
      if (applies) errors.attempt(() => (growth[metric] = growthAt(source, [...path, "growth"], raw.growth, metric)));
    }
  }
  const modules: ModuleLimit[] = Object.entries((raw.modules ?? {}) as Record<string, RawLimits>).flatMap(
    ([glob, moduleRaw]) =>
      errors.attempt(() => [
        {
          glob,
          position: source.keyAt([...path, "modules", glob]),
          ...(moduleRaw.params === undefined ? {} : { params: limitAt(source, [...path, "modules", glob, "params"], moduleRaw.params, "params") }),
          ...(moduleRaw.trainable === undefined ? {} : { trainable: limitAt(source, [...path, "modules", glob, "trainable"], moduleRaw.trainable, "trainable") }),
        },
      ]) ?? [],
  );
  return {
    key,
    position: source.keyAt(path),
    limits,
    growth,
    modules,
    ...(typeof raw.against === "string" ? { against: { path: raw.against, position: source.at([...path, "against"]) } } : {}),
    ...(raw.lint === undefined ? {} : { lintIgnore: errors.attempt(() => lintIgnores(source, [...path, "lint"], raw.lint, [])) ?? [] }),
  };
}

/** Reads and validates a budget file; every problem is a positioned error, all of them reported together. */
export function parseBudget(text: string, file: string): Budget {
  const source = parseYaml(text, file);
  validateBudget(source);
  const data = source.data as { defaults?: RawLimits; models: Record<string, RawLimits>; accelerators?: Parameters<typeof acceleratorsAt>[2] };
  const errors = new DiagnosticCollector();
  const accelerators = data.accelerators ? errors.attempt(() => acceleratorsAt(source, ["accelerators"], data.accelerators!)) : undefined;
  const budget = {
    file,
    ...(accelerators ? { accelerators } : {}),
    ...(data.defaults ? { defaults: modelBudget(source, ["defaults"], "defaults", data.defaults, errors) } : {}),
    models: Object.entries(data.models).map(([key, raw]) => modelBudget(source, ["models", key], key, raw, errors)),
  };
  errors.throwIfAny();
  return budget;
}
