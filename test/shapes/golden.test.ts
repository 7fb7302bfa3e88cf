import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { expandCalls } from "../helpers/calls.js";
import { readRepoFile as readFile } from "../helpers/specs.js";

interface GoldenModel {
  name: string;
  input: number[];
  macs: number;
  saved_bytes: number;
  leaf_outputs: [path: string, type: string, shape: number[]][];
}

const golden = (JSON.parse(readFile("test/fixtures/pytorch/shapes.json")) as { models: GoldenModel[] }).models;

const numel = (shape: number[]) => shape.reduce((product, size) => product * size, 1);

describe("the golden CNNs against a real PyTorch forward pass (batch 1, 3×224×224, float32)", () => {
  for (const model of golden) {
    describe(model.name, () => {
      const analyzed = analyzeSpec(`examples/${model.name}.yaml`, readFile, {});
      const shapes = analyzed.shapes!;

      it("has the same input", () => {
        expect(shapes.input).toEqual(model.input);
      });

      it("gives every leaf module's output shape, in call order", () => {
        const calls = expandCalls(shapes.calls).filter((call) => call.layer !== undefined);
        expect(calls.map((call) => [call.path, call.type, call.output])).toEqual(model.leaf_outputs);
      });

      it("counts the MACs exactly", () => {
        expect(shapes.totals.macs).toBe(model.macs);
      });

      it("estimates the saved activations within 5%: exactly, but for dropout's one-byte mask where PyTorch 1.13's CPU kernel keeps four", () => {
        const dropped = model.leaf_outputs.filter(([, type]) => type === "Dropout").reduce((sum, [, , shape]) => sum + numel(shape), 0);
        expect(shapes.totals.activations).toBe(model.saved_bytes - 3 * dropped);
        expect(Math.abs(shapes.totals.activations / model.saved_bytes - 1)).toBeLessThan(0.05);
      });
    });
  }
});
