import { bindAdapter, countModel, type BoundAdapter, type ModelCount } from "../count/index.js";
import { DiagnosticCollector, SpecError, diagnostic, toDiagnostic, type Diagnostic, type SourcePosition } from "../diagnostics/index.js";
import {
  checkAttentionVisible,
  computeDtype,
  computeMemory,
  servingFigures,
  servingRecipe,
  servingSettingsFromSpec,
  servingWeights,
  setsTraining,
  settingsFromSpec,
  trainingRecipe,
  withLayout,
  type Accelerator,
  type MemoryBreakdown,
  type ServingBreakdown,
  type ServingSettings,
  type TrainingSettings,
} from "../memory/index.js";
import { resolveSpec, type OnStep, type ReadFile, type NamedInput, type ResolvedModel } from "../resolve/index.js";
import { lintModel, type Hint } from "../hints/index.js";
import { inferShapes, type ShapeReport } from "../shapes/index.js";

/** A counted model with its memory, which exists when a training recipe is given (in the spec or on the command line). */
export interface AnalyzedModel extends ModelCount {
  memory?: MemoryBreakdown;
  /** Output shapes, MACs and activation memory, when the spec gives an `input:`. */
  shapes?: ShapeReport;
  /** Review hints (docs/lint.md), but those the spec's `lint: {ignore}` turns off. */
  hints?: Hint[];
  /** Serving memory, when the spec's `serving:` or the overrides set a serving recipe. */
  serving?: ServingBreakdown;
  /** The spec's serving.trained-context: the longest context the model was trained for. */
  trainedContext?: number;
  /** The spec's serving.accelerators: fits --gpu may name them. */
  accelerators?: Accelerator[];
  /** The serving figures at another context and batch, for `fits`. */
  servingAt?: (context: number | undefined, batch: number) => ServingBreakdown;
}

/** Command-line flags or action inputs over the spec's sections; `serving` (even empty: `--serve`) asks for serving memory. */
export interface AnalysisOverrides extends TrainingSettings {
  serving?: ServingSettings;
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
 * `overrides` (command-line flags) set a recipe, and serving memory when its `serving:` or the overrides set one.
 */
export function analyzeSpec(file: string, readFile: ReadFile, overrides: AnalysisOverrides = {}, onStep?: OnStep): AnalyzedModel {
  // Resolving and counting go on past a layer's error; shapes and memory follow the whole model, so they wait.
  const errors = new DiagnosticCollector();
  const resolved = errors.attempt(() => resolveSpec(file, readFile, errors, onStep)) ?? errors.fail();
  onStep?.(`counting ${resolved.layers.length.toLocaleString("en-US")} layer entries`);
  // --adapter replaces the spec's adapters: section.
  const adapter =
    overrides.adapter?.value ?? (resolved.adapter ? errors.attempt(() => bindAdapter(resolved.adapter!.config, resolved.adapter!.name, resolved.adapter!.patterns)) : undefined);
  const count = countModel(resolved, errors, adapter);
  const spec = settingsFromSpec(resolved.training);
  // The serving overrides ask for serving memory, not a training recipe.
  const { serving: servingOverrides, ...training } = overrides;
  const recipe = trainingRecipe(spec, training);
  onStep?.("shapes and memory");
  const shapes = inferShapes(resolved, {
    batch: recipe.batch.value,
    checkpointing: recipe.checkpointing.value,
    attention: recipe.attention.value,
    activationBytes: recipe.precision.value.activations.bits / 8,
  });
  // Computed without a recipe too, so that a mistyped dtype: is an error in every run.
  const memory = withLayout(computeMemory(count, recipe, shapes?.totals.activations), { count, recipe, ...(shapes ? { shapes } : {}) });
  const hints = lintModel({ resolved, count, memory, ...(shapes ? { shapes } : {}) });
  const warnings = [...(count.warnings ?? []), ...(resolved.warnings ?? []).map(toDiagnostic), ...(shapes ? adapterCaveat(adapter) : [])];
  let analyzed: AnalyzedModel = { ...count, ...(shapes ? { shapes } : {}), hints, ...(warnings.length ? { warnings } : {}) };
  if (resolved.serving || servingOverrides) {
    const servingAt = serving(resolved, count, servingOverrides ?? {});
    const trained = resolved.serving?.trainedContext;
    const accelerators = resolved.serving?.accelerators;
    analyzed = {
      ...analyzed,
      ...(accelerators ? { accelerators } : {}),
      serving: servingAt(undefined, undefined),
      servingAt: (context, batch) => servingAt(context, batch),
      ...(trained ? { trainedContext: trained.value } : {}),
    };
  }
  return setsTraining(spec) || setsTraining(training) ? { ...analyzed, memory } : analyzed;
}

/** The serving figures as a function of the context and batch, defaulting to the recipe's: one forward at that shape each. */
/** A serving context is one sequence's length: with several named inputs, which one it is (and so the KV cache's tokens) would be a guess. */
function severalInputsContext(inputs: readonly NamedInput[]): SpecError {
  return new SpecError(
    "serving-unsupported",
    inputs[0]!.position,
    `serving memory follows one sequence of tokens, and this model takes ${inputs.length} named inputs (${inputs.map((named) => named.name).join(", ")}): which one the context and the KV cache's tokens are would be a guess`,
    "report it without --serve or serving: (its parameters, forward and training memory do not need a context)",
  );
}

function serving(resolved: ResolvedModel, count: ModelCount, overrides: ServingSettings): (context: number | undefined, batch: number | undefined) => ServingBreakdown {
  const input = resolved.input;
  if (!input) {
    const { context, batch, dtype, kvDtype, attention, kvWindow, logits, overhead, accelerators } = resolved.serving ?? {};
    const keys: ({ position: SourcePosition } | undefined)[] = [context, batch, dtype, kvDtype, attention, kvWindow, logits, overhead, accelerators?.[0]];
    throw new SpecError(
      "serving-needs-input",
      keys.find((setting) => setting !== undefined)?.position ?? { file: resolved.file, line: 1, col: 1 },
      "serving memory follows the forward pass, and the spec has no input:",
      "give the spec an input: ({tokens: 4096} for a language model)",
    );
  }
  const recipe = servingRecipe(resolved, servingSettingsFromSpec(resolved.serving), overrides);
  const weights = servingWeights(count, recipe);
  return (context, batch) => {
    const at = {
      ...recipe,
      ...(recipe.context ? { context: context === undefined ? recipe.context : { value: context, from: "asked" } } : {}),
      batch: batch === undefined ? recipe.batch : { value: batch, from: "asked" },
    };
    if (at.context && resolved.inputs) throw severalInputsContext(resolved.inputs);
    const model: ResolvedModel = at.context ? { ...resolved, input: { ...input, value: { kind: "tokens", length: at.context.value } } } : resolved;
    const shapes = inferShapes(model, {
      batch: at.batch.value,
      checkpointing: "none",
      activationBytes: computeDtype(at).bits / 8,
      prefill: { attention: at.attention.value, logits: at.logits.value },
    })!;
    checkAttentionVisible(model, shapes);
    return servingFigures(count, shapes, at, weights);
  };
}
