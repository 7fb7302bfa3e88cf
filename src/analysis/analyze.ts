import { bindAdapter, countModel, type BoundAdapter, type ModelCount } from "../count/index.js";
import { DiagnosticCollector, diagnostic, toDiagnostic, type Diagnostic } from "../diagnostics/index.js";
import { computeMemory, setsTraining, settingsFromSpec, trainingRecipe, withLayout, type MemoryBreakdown, type TrainingSettings } from "../memory/index.js";
import { resolveSpec, type OnStep, type ReadFile } from "../resolve/index.js";
import { lintModel, type Hint } from "../hints/index.js";
import { inferShapes, type ShapeReport } from "../shapes/index.js";

/** A counted model with its memory, which exists when a training recipe is given (in the spec or on the command line). */
export interface AnalyzedModel extends ModelCount {
  memory?: MemoryBreakdown;
  /** Output shapes, MACs and activation memory, when the spec gives an `input:`. */
  shapes?: ShapeReport;
  /** Review hints (docs/lint.md), but those the spec's `lint: {ignore}` turns off. */
  hints?: Hint[];
}

/** The shape pass follows the base model's forward: with an adapter its activations say so, rather than pass for the adapted model's. */
function adapterCaveat(adapter: BoundAdapter | undefined): Diagnostic[] {
  if (!adapter) return [];
  const caveat = diagnostic(
    "adapter-activations",
    adapter.position,
    `the activations and MACs are the base model's forward: ${adapter.type}'s own (the r-wide intermediates) are not in them, and frozen layers are counted as keeping their inputs`,
    "read them as the base model's; the parameter counts and the weights, gradients and optimizer state do include the adapter",
  );
  return [caveat];
}

/**
 * The whole pure pipeline for one spec file: parse, validate, resolve, count, shapes (when the spec
 * has an `input:`), and memory, which is part of the result when the spec's `training:` or
 * `overrides` (command-line flags) set a recipe.
 */
export function analyzeSpec(file: string, readFile: ReadFile, overrides: TrainingSettings = {}, onStep?: OnStep): AnalyzedModel {
  // Resolving and counting go on past a layer's error; shapes and memory follow the whole model, so they wait.
  const errors = new DiagnosticCollector();
  const resolved = errors.attempt(() => resolveSpec(file, readFile, errors, onStep)) ?? errors.fail();
  onStep?.(`counting ${resolved.layers.length.toLocaleString("en-US")} layer entries`);
  // --adapter replaces the spec's adapters: section.
  const adapter =
    overrides.adapter?.value ?? (resolved.adapter ? errors.attempt(() => bindAdapter(resolved.adapter!.config, resolved.adapter!.name, resolved.adapter!.patterns)) : undefined);
  const count = countModel(resolved, errors, adapter);
  const spec = settingsFromSpec(resolved.training);
  const recipe = trainingRecipe(spec, overrides);
  onStep?.("shapes and memory");
  const shapes = inferShapes(resolved, { batch: recipe.batch.value, checkpointing: recipe.checkpointing.value, activationBytes: recipe.precision.value.activations.bits / 8 });
  // Computed without a recipe too, so that a mistyped dtype: is an error in every run.
  const memory = withLayout(computeMemory(count, recipe, shapes?.totals.activations), { count, recipe, ...(shapes ? { shapes } : {}) });
  const hints = lintModel({ resolved, count, memory, ...(shapes ? { shapes } : {}) });
  const warnings = [...(count.warnings ?? []), ...(resolved.warnings ?? []).map(toDiagnostic), ...(shapes ? adapterCaveat(adapter) : [])];
  const analyzed: AnalyzedModel = { ...count, ...(shapes ? { shapes } : {}), hints, ...(warnings.length ? { warnings } : {}) };
  return setsTraining(spec) || setsTraining(overrides) ? { ...analyzed, memory } : analyzed;
}
