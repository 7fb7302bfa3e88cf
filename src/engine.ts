import { countModel, type ModelCount } from "./count/index.js";
import { resolveSpec, type ReadFile } from "./resolve/index.js";

/** The whole pure pipeline for one spec file: parse, validate, resolve, count. */
export function analyzeSpec(file: string, readFile: ReadFile): ModelCount {
  return countModel(resolveSpec(file, readFile));
}
