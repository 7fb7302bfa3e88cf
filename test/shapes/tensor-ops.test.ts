import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { settingsFromOptions } from "../../src/memory/index.js";
import { files } from "../helpers/specs.js";

interface Measured {
  name: string;
  input: number[];
  layers: Record<string, string>;
  forward: string[];
  output: number[];
  macs: number;
  saved_bytes: number;
  scalar_bytes: number;
}

/** Figures from PyTorch 1.13 (CPU, float32, train mode), made by tensor-ops.py beside the fixture. */
const measured = (JSON.parse(readFileSync(new URL("../fixtures/pytorch/tensor-ops.json", import.meta.url), "utf8")) as { cases: Measured[] }).cases;

/** The case as a spec: its layers as named entries, its forward as the root's forward:, the first size as the batch. */
export function specOf({ input, layers, forward }: Pick<Measured, "input" | "layers" | "forward">): string {
  const entries = Object.entries(layers).map(([name, call]) => `  - ${name}: ${JSON.stringify(call)}`);
  return `input: [${input.slice(1).join(", ")}]\nforward: ${JSON.stringify(forward)}\nlayers:\n${entries.join("\n")}\n`;
}

function run(testCase: Pick<Measured, "input" | "layers" | "forward">) {
  const shapes = analyzeSpec("spec.yaml", files({ "spec.yaml": specOf(testCase) }), settingsFromOptions({ batch: String(testCase.input[0]) }, (option) => `--${option}`)).shapes!;
  return { output: shapes.output, macs: shapes.totals.macs, bytes: shapes.totals.activations };
}

describe("tensor ops in forward:, checked against PyTorch 1.13", () => {
  for (const testCase of measured) {
    // A Python number an op keeps (x * 0.5 keeps 0.5 as an 8-byte tensor) is not counted, as elsewhere.
    it(testCase.name, () => {
      expect(run(testCase)).toEqual({ output: testCase.output, macs: testCase.macs, bytes: testCase.saved_bytes });
    });
  }
});
