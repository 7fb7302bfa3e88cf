import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { settingsFromOptions } from "../../src/memory/index.js";
import { failureOf, files } from "../helpers/specs.js";

interface Measured {
  name: string;
  spec: string;
  batch: number;
  output: number[];
  saved_bytes: number;
}

/** Frozen parameters and inputs that require grad or not, on PyTorch 1.13 (CPU, float32, train mode): requires-grad.py beside the fixture. */
const measured = (JSON.parse(readFileSync(new URL("../fixtures/pytorch/requires-grad.json", import.meta.url), "utf8")) as { cases: Measured[] }).cases;

describe("what autograd keeps where parts of a model do not train, checked against PyTorch 1.13", () => {
  it("has the cases the fixture was made with", () => {
    expect(measured).toHaveLength(6);
  });
  for (const testCase of measured) {
    it(testCase.name, () => {
      const batch = settingsFromOptions({ batch: String(testCase.batch) }, (option) => `--${option}`);
      const shapes = analyzeSpec("spec.yaml", files({ "spec.yaml": testCase.spec }), batch).shapes!;
      expect({ output: shapes.output, bytes: shapes.totals.activations }).toEqual({ output: testCase.output, bytes: testCase.saved_bytes });
    });
  }

  it("{shape: [...], requires_grad: ...} sizes are checked like any input's", () => {
    expect(() => analyzeSpec("spec.yaml", files({ "spec.yaml": "input: {shape: [0], requires_grad: true}\nlayers: [ReLU()]\n" }))).toThrow(
      "spec.yaml:1:17: an input size must be positive, got 0",
    );
  });
});

describe("mistakes in an input's form", () => {
  const failure = (input: string) => failureOf(() => analyzeSpec("spec.yaml", files({ "spec.yaml": `input: ${input}\nlayers: [ReLU()]\n` })));

  it("requires_grad without a shape", () => {
    expect(failure("{requires_grad: true}")).toBe(
      "spec.yaml:1:9: requires_grad says whether a tensor input requires grad, and there is no shape\n  write {shape: [...], requires_grad: true}",
    );
  });

  it("a named input's mapping is told about the form it is closest to, not {tokens: N}", () => {
    expect(failure("{x: {shape: [3], requires_grad: true, extra: 1}}")).toBe("spec.yaml:1:46: unknown key 'extra' in input.x\n  allowed keys: shape, requires_grad");
    expect(failure("{x: {ids: [2], requires_grad: true}}")).toBe("spec.yaml:1:23: unknown key 'requires_grad' in input.x\n  allowed keys: ids");
  });
});
