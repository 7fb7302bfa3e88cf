import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeText } from "../helpers/layer.js";

interface GoldenTensor {
  name: string;
  shape: number[];
  numel: number;
  trainable?: boolean;
}
interface GoldenCase {
  id: string;
  type: string;
  call: string;
  repr: string;
  params: GoldenTensor[];
  buffers: GoldenTensor[];
  total_params: number;
}

const golden = JSON.parse(readFileSync(new URL("../fixtures/pytorch/layers.json", import.meta.url), "utf8")) as { cases: GoldenCase[] };

const numel = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

function expectMatches(text: string, expected: GoldenCase) {
  const described = describeText(text);
  expect(described.parameters.map((p) => ({ name: p.name, shape: p.shape, numel: numel(p.shape), trainable: p.trainable ?? true }))).toEqual(
    expected.params.map((p) => ({ name: p.name, shape: p.shape, numel: p.numel, trainable: p.trainable ?? true })),
  );
  expect(described.buffers.map((b) => ({ name: b.name, shape: b.shape, numel: numel(b.shape) }))).toEqual(
    expected.buffers.map((b) => ({ name: b.name, shape: b.shape, numel: b.numel })),
  );
  expect(described.parameters.reduce((sum, p) => sum + numel(p.shape), 0)).toBe(expected.total_params);
}

describe("every layers.json case from PyTorch 1.13", () => {
  it("covers the whole golden file", () => {
    expect(golden.cases.length).toBe(189);
  });
  for (const testCase of golden.cases) {
    it(`${testCase.id}: ${testCase.call}`, () => expectMatches(testCase.call, testCase));
    if (!testCase.repr.includes("\n")) {
      it(`${testCase.id} repr: ${testCase.repr}`, () => expectMatches(testCase.repr, testCase));
    }
  }
});
