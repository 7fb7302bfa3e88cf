import { countModel, type ModelCount } from "../count/index.js";
import { DiagnosticCollector } from "../diagnostics/index.js";
import { computeMemory, setsTraining, settingsFromSpec, trainingRecipe, type MemoryBreakdown, type TrainingSettings } from "../memory/index.js";
import { resolveSpec, type ReadFile } from "../resolve/index.js";
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

/**
 * The whole pure pipeline for one spec file: parse, validate, resolve, count, shapes (when the spec
 * has an `input:`), and memory, which is part of the result when the spec's `training:` or
 * `overrides` (command-line flags) set a recipe.
 */
export function analyzeSpec(file: string, readFile: ReadFile, overrides: TrainingSettings = {}): AnalyzedModel {
  // Resolving and counting go on past a layer's error; shapes and memory follow the whole model, so they wait.
  const errors = new DiagnosticCollector();
  const resolved = errors.attempt(() => resolveSpec(file, readFile, errors)) ?? errors.fail();
  const count = countModel(resolved, errors);
  const spec = settingsFromSpec(resolved.training);
  const recipe = trainingRecipe(spec, overrides);
  const shapes = inferShapes(resolved, { batch: recipe.batch.value, checkpointing: recipe.checkpointing.value, activationBytes: recipe.precision.value.activations.bits / 8 });
  // Computed without a recipe too, so that a mistyped dtype: is an error in every run.
  const memory = computeMemory(count, recipe, shapes?.totals.activations);
  const hints = lintModel({ resolved, count, memory, ...(shapes ? { shapes } : {}) });
  const analyzed: AnalyzedModel = shapes ? { ...count, shapes, hints } : { ...count, hints };
  return setsTraining(spec) || setsTraining(overrides) ? { ...analyzed, memory } : analyzed;
}
