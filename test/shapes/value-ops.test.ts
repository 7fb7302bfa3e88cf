import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { settingsFromOptions } from "../../src/memory/index.js";
import { files, messagesOf } from "../helpers/specs.js";

interface Measured {
  name: string;
  input: number[];
  layers: Record<string, string>;
  forward: unknown[];
  output: number[];
  macs: number;
  saved_bytes: number;
  scalar_bytes: number;
}

/** Figures from PyTorch 1.13 (CPU, float32, train mode), made by value-ops.py beside the fixture. */
const measured = (JSON.parse(readFileSync(new URL("../fixtures/pytorch/value-ops.json", import.meta.url), "utf8")) as { cases: Measured[] }).cases;

/** The case as a spec: its layers as named entries, its forward as the root's forward:, the first size as the batch. */
function specOf({ input, layers, forward }: Pick<Measured, "input" | "layers" | "forward">): string {
  const entries = Object.entries(layers).map(([name, call]) => `  - ${name}: ${JSON.stringify(call)}`);
  return `input: [${input.slice(1).join(", ")}]\nforward: ${JSON.stringify(forward)}\nlayers:\n${entries.join("\n")}\n`;
}

function run(testCase: Pick<Measured, "input" | "layers" | "forward">) {
  const batch = settingsFromOptions({ batch: String(testCase.input[0]) }, (option) => `--${option}`);
  const shapes = analyzeSpec("spec.yaml", files({ "spec.yaml": specOf(testCase) }), batch).shapes!;
  return { output: shapes.output, macs: shapes.totals.macs, bytes: shapes.totals.activations };
}

describe("ops over forward values (chunk, split, unbind, stack, unsqueeze, mul, sub, div, matmul, bmm, linear, index_select, view, permute), checked against PyTorch 1.13", () => {
  it("has the cases the fixture was made with", () => {
    expect(measured.map((testCase) => testCase.name)).toHaveLength(20);
  });
  for (const testCase of measured) {
    // A Python number an op keeps (q * 0.5 keeps 0.5 as an 8-byte tensor) is not counted, as elsewhere.
    it(testCase.name, () => {
      expect(run(testCase)).toEqual({ output: testCase.output, macs: testCase.macs, bytes: testCase.saved_bytes });
    });
  }
});

describe("their errors", () => {
  const messages = (forward: unknown[], layers: Record<string, string> = { fc: "Linear(8, 8)", norm: "LayerNorm(8)" }) =>
    messagesOf(() => run({ input: [2, 4, 8], layers, forward }));

  it("linear(x, child) needs a Linear child", () => {
    expect(messages(["linear(x, norm)"])).toEqual(["spec.yaml:2:22: norm is not a Linear(...) entry\n  linear(x, fc) runs F.linear with the weight and bias of a Linear child fc"]);
  });

  it("matmul needs inner sizes that agree", () => {
    expect(messages([{ a: "fc" }, "matmul(a, a)"])).toEqual([
      "spec.yaml:2:23: matmul(a, a) expects [..., M, K] and [..., K, N] with batch dimensions that broadcast, but fc produces [2, 4, 8] and fc produces [2, 4, 8]\n  fix the op's arguments or the layer before it",
    ]);
  });

  it("chunk needs a chunk at least", () => {
    expect(messages(["fc", { "a, b": "chunk(0, 1)" }])[0]).toMatch(/chunk needs at least 1 chunk, got 0/);
  });

  it("destructuring takes as many names as pieces", () => {
    expect(messages(["fc", { "a, b": "chunk(3, 2)" }])[0]).toMatch(/a, b take 2 tensors, and the step gives a tuple of 3/);
  });
});
