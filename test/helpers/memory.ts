import { analyzeSpec, type AnalyzedModel } from "../../src/analysis/index.js";
import { settingsFromOptions, type MemoryBreakdown, type TrainingOption } from "../../src/memory/index.js";
import { files } from "./specs.js";

export type Flags = Partial<Record<TrainingOption, string>>;

/** Analyzes a spec given as text with training flags, as `model-budget report spec.yaml --optimizer ...` would. */
export function analyze(text: string, flags: Flags = {}, others: Record<string, string> = {}): AnalyzedModel {
  return analyzeSpec(
    "spec.yaml",
    files({ "spec.yaml": text, ...others }),
    settingsFromOptions(flags, (option) => `--${option}`),
  );
}

/** The memory of a spec under a recipe; fails the test when there is none. */
export function memoryOf(text: string, flags: Flags = {}): MemoryBreakdown {
  const { memory } = analyze(text, flags);
  if (!memory) throw new Error("no training recipe, so no memory");
  return memory;
}

/** A spec of the given layers: `layers("fc: Linear(4, 2)")`. */
export function layers(...entries: string[]): string {
  return `layers:\n${entries.map((entry) => `  - ${entry}\n`).join("")}`;
}
