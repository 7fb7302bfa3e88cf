import { readFileSync } from "node:fs";
import { userErrors } from "../../src/diagnostics/index.js";
import { analyzeSpec } from "../../src/analysis/index.js";
import type { ModelCount } from "../../src/count/index.js";
import type { ReadFile } from "../../src/resolve/index.js";

/** Reads a file of this repository by its path from the root, as the CLI does from a checkout. */
export const readRepoFile: ReadFile = (file) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

/** A file system of spec texts by path, for specs that include each other. */
export function files(texts: Record<string, string>): ReadFile {
  return (file) => {
    const text = texts[file];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${file}'`), { code: "ENOENT" });
    return text;
  };
}

/** Counts a spec given as text (other files may be passed for include:). */
export function count(text: string, others: Record<string, string> = {}): ModelCount {
  return analyzeSpec("spec.yaml", files({ "spec.yaml": text, ...others }));
}

/** The user-facing messages `work` throws; fails the test when it succeeds, rethrows anything else (a bug). */
export function messagesOf(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    const found = userErrors(error);
    if (!found) throw error;
    return found.map((problem) => problem.message);
  }
  throw new Error("the input was accepted");
}

/** The user-facing messages `work` throws, joined. */
export function failureOf(work: () => unknown): string {
  return messagesOf(work).join("\n");
}

/** The user-facing error messages a spec gets; fails the test when it is accepted. */
export function errors(text: string, others: Record<string, string> = {}): string[] {
  return messagesOf(() => count(text, others));
}

/** The single error message a spec gets. */
export function error(text: string, others: Record<string, string> = {}): string {
  const found = errors(text, others);
  if (found.length !== 1) throw new Error(`expected one error, got ${found.length}:\n${found.join("\n")}`);
  return found[0]!;
}

/** The messages a one-layer spec with this input gets: what a shape rule refuses. */
export function shapeErrors(call: string, input: string): string[] {
  return messagesOf(() => count(`input: ${input}\nlayers:\n  - layer: "${call}"\n`));
}
