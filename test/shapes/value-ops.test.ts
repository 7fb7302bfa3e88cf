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
    expect(measured.map((testCase) => testCase.name)).toHaveLength(22);
  });
  for (const testCase of measured) {
    // A Python number an op keeps (q * 0.5 keeps 0.5 as an 8-byte tensor) is not counted, as elsewhere.
    it(testCase.name, () => {
      expect(run(testCase)).toEqual({ output: testCase.output, macs: testCase.macs, bytes: testCase.saved_bytes });
    });
  }
});

describe("a Parameter frozen by its entry", () => {
  it("requires no grad, as one made with requires_grad=False does", () => {
    const frozenCall = measured.find((testCase) => testCase.name === "mul by a frozen Parameter keeps neither factor")!;
    const byEntry = { ...frozenCall, layers: { ...frozenCall.layers, scale: "Parameter(3)" } };
    const text = specOf(byEntry).replace('  - scale: "Parameter(3)"', '  - scale: {layer: "Parameter(3)", frozen: true}');
    expect(text).toContain("frozen: true");
    const batch = settingsFromOptions({ batch: String(frozenCall.input[0]) }, (option) => `--${option}`);
    expect(analyzeSpec("spec.yaml", files({ "spec.yaml": text }), batch).shapes!.totals.activations).toBe(frozenCall.saved_bytes);
  });
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

  it("split's sizes must sum to the dimension's size", () => {
    expect(messages(["fc", { "a, b": "split([3, 4], 2)" }])).toEqual([
      "spec.yaml:2:31: split sizes [3, 4] sum to 7, and dimension 2 of fc [2, 4, 8] has 8\n  give sizes that sum to 8, or one size for pieces of that size: split(x, 4, 2)",
    ]);
    expect(messages(["fc", { "a, b": "split(x, [3, -1, 6], -1)" }])).toEqual([
      "spec.yaml:2:34: split sizes are 0 or more, got [3, -1, 6]\n  give the size of each piece along the dimension",
    ]);
    expect(messages(["fc", { "a, b": "split(0, 2)" }])).toEqual([
      "spec.yaml:2:31: split needs pieces of at least 1, got 0\n  give the size of each piece, e.g. split(x, 2, 1), or a list of sizes: split(x, [3, 5], 1)",
    ]);
  });

  it("split into pieces of 3 along 8 gives three tensors", () => {
    expect(messages(["fc", { "a, b": "split(3, 2)" }])).toEqual([
      "spec.yaml:2:17: a, b take 2 tensors, and the step gives a tuple of 3\n  bind as many names as the step gives tensors",
    ]);
  });

  it("stack needs a list of tensors of one shape, and a dim within the output's rank", () => {
    expect(messages([{ a: "fc(x)" }, { b: "norm(x)" }, "stack([a, transpose(b, 1, 2)], 1)"])).toEqual([
      "spec.yaml:2:42: stack([a, transpose(b, 1, 2)], 1) expects tensors of one shape, but fc produces [2, 4, 8] and norm → transpose(b, 1, 2) produces [2, 8, 4]\n  fix the op's arguments or the layer before it",
    ]);
    expect(messages([{ a: "fc(x)" }, "stack([a, x], 4)"])).toEqual([
      "spec.yaml:2:40: stack's dim is from -4 to 3 for 3-d tensors, got 4\n  count the new dimension in the output's rank",
    ]);
    expect(messages([{ a: "fc(x)" }, "stack(a, x)"])).toEqual([
      "spec.yaml:2:32: stack() takes a list of tensors first, and a is one tensor\n  write stack([a, b], 1) with values bound earlier in the forward",
    ]);
  });

  it("bmm needs two 3-d tensors with one batch size and inner sizes that agree", () => {
    expect(messages([{ a: "fc(x)" }, "bmm(a, a)"])).toEqual([
      "spec.yaml:2:26: bmm(a, a) expects [B, M, K] and [B, K, N] with one batch size B and one K, but fc produces [2, 4, 8] and fc produces [2, 4, 8]\n  fix the op's arguments or the layer before it",
    ]);
    expect(messages([{ a: ["fc(x)", "flatten(1)"] }, "bmm(a, a)"])).toEqual([
      "spec.yaml:2:41: bmm(a, a) expects two 3-d tensors, [B, M, K] and [B, K, N], but fc → flatten(1) produces [2, 32] and fc → flatten(1) produces [2, 32]\n  fix the op's arguments or the layer before it",
    ]);
  });

  it("a binary op takes two tensors, or a tensor and a number", () => {
    expect(messages([{ a: "fc(x)" }, "bmm(a, a, a)"])).toEqual([
      "spec.yaml:2:36: bmm() takes 2 tensors, and a is one more\n  give bmm() its 2 operands: combine the others in steps of their own",
    ]);
    expect(messages([{ a: "fc(x)" }, "div(a, a, a)"])).toEqual([
      "spec.yaml:2:36: div() takes 2 tensors, and a is one more\n  give div() its 2 operands: combine the others in steps of their own",
    ]);
    expect(messages(["fc", "sub()"])).toEqual([
      "spec.yaml:2:17: sub() expects two tensors, sub(a, b), or a tensor and a number, sub(x, 2), but fc produces [2, 4, 8]\n  fix the op's arguments or the layer before it",
    ]);
  });

  it("sub and div of tensors must broadcast", () => {
    expect(messages([{ a: "fc(x)" }, "sub(a, transpose(a, 1, 2))"])).toEqual([
      "spec.yaml:2:26: the model cannot subtract fc [2, 4, 8] and fc → transpose(a, 1, 2) [2, 8, 4]\n  the shapes must be equal or broadcast",
    ]);
  });

  it("destructuring takes as many names as pieces", () => {
    expect(messages(["fc", { "a, b": "chunk(3, 2)" }])[0]).toMatch(/a, b take 2 tensors, and the step gives a tuple of 3/);
  });
});
