import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { settingsFromOptions } from "../../src/memory/index.js";
import { files, shapeErrors } from "../helpers/specs.js";

interface Measured {
  call: string;
  input: number[];
  output: number[];
  macs: number;
  saved_bytes: number;
}

/** Figures from PyTorch 1.13 (CPU, float32, train mode), made by more-rules.py beside the fixture. */
const measured = (JSON.parse(readFileSync(new URL("../fixtures/pytorch/more-rules.json", import.meta.url), "utf8")) as { cases: Measured[] }).cases;

/** One layer called on an input of `shape` (its first size given as the batch); EmbeddingBag's input is ids. */
function single(call: string, shape: number[]) {
  const input = call.startsWith("EmbeddingBag") ? `{tokens: ${shape[1]}}` : `{shape: [${shape.slice(1).join(", ")}], requires_grad: true}`;
  const spec = `input: ${input}\nlayers:\n  - layer: "${call}"\n`;
  const shapes = analyzeSpec(
    "spec.yaml",
    files({ "spec.yaml": spec }),
    settingsFromOptions({ batch: String(shape[0]) }, (option) => `--${option}`),
  ).shapes!;
  return { output: shapes.output, macs: shapes.totals.macs, bytes: shapes.totals.activations };
}

/**
 * What the rules count beyond saved_tensors_hooks' figure: LocalResponseNorm's float64 alpha (8 bytes)
 * is left out; CrossMapLRN2d's divisor, a float32 tensor of the input's shape kept on the Function's
 * context, is counted though the hooks do not see it.
 */
function gap(call: string, input: number[]): number {
  if (call.startsWith("LocalResponseNorm")) return -8;
  if (call.startsWith("CrossMapLRN2d")) return 4 * input.reduce((product, size) => product * size, 1);
  return 0;
}

describe("one-tensor conventions of two-input and index layers, checked against PyTorch 1.13", () => {
  for (const { call, input, output, macs, saved_bytes } of measured) {
    it(`${call} on [${input.join(", ")}]`, () => {
      expect(single(call, input)).toEqual({ output, macs, bytes: saved_bytes + gap(call, input) });
    });
  }
});

describe("the rules refuse what they cannot follow", () => {
  it("Bilinear with two feature counts, which one input cannot give", () => {
    expect(shapeErrors("Bilinear(8, 6, 4)", "[8]")).toEqual([expect.stringContaining("in1_features (8) == in2_features (6)")]);
  });

  it("EmbeddingBag on anything but rows of ids", () => {
    expect(shapeErrors("EmbeddingBag(50, 8)", "[3, 6]")).toEqual([expect.stringContaining("a 2-d input of ids")]);
  });

  it("Fold on blocks that do not tile output_size", () => {
    expect(shapeErrors("Fold((4, 5), 2)", "[12, 10]")).toEqual([expect.stringContaining("12 blocks")]);
  });

  it("FractionalMaxPool with an output too large for its windows", () => {
    expect(shapeErrors("FractionalMaxPool2d(3, output_size=5)", "[4, 6, 6]")).toEqual([expect.stringContaining("output size + kernel_size - 1")]);
  });
});
