import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PRECISIONS } from "../../src/memory/index.js";
import { memoryOf } from "../helpers/memory.js";

const THOUSAND = "layers:\n  - p: Parameter(1000)\n";

/** Bytes per parameter of each category for a model of 1,000 trainable parameters. */
function perParameter(flags: Record<string, string>) {
  const { bytes } = memoryOf(THOUSAND, flags);
  return Object.fromEntries(Object.entries(bytes).map(([category, value]) => [category, value / 1000]));
}

describe("precision recipes: bytes per parameter", () => {
  it("fp32 and amp keep everything in float32: 16 B per parameter with Adam", () => {
    for (const precision of ["fp32", "amp"]) {
      expect(perParameter({ precision, optimizer: "Adam" })).toEqual({ weights: 4, buffers: 0, gradients: 4, optimizerState: 8, masterWeights: 0, activations: 0, total: 16 });
    }
  });

  it("mixed-fp16 and mixed-bf16: 2 + 2 + 4 + 8 = 16 B per parameter with Adam, as in the ZeRO paper", () => {
    for (const precision of ["mixed-fp16", "mixed-bf16"]) {
      expect(perParameter({ precision, optimizer: "Adam" })).toEqual({ weights: 2, buffers: 0, gradients: 2, optimizerState: 8, masterWeights: 4, activations: 0, total: 16 });
    }
    expect(perParameter({ precision: "mixed-bf16", optimizer: "SGD(momentum=0.9)" }).total).toBe(2 + 2 + 4 + 4);
    expect(perParameter({ precision: "mixed-bf16", optimizer: "SGD" }).total).toBe(2 + 2 + 4);
  });

  it("bf16 and fp16 keep everything 16-bit: 8 B per parameter with Adam", () => {
    for (const precision of ["bf16", "fp16"]) {
      expect(perParameter({ precision, optimizer: "Adam" })).toEqual({ weights: 2, buffers: 0, gradients: 2, optimizerState: 4, masterWeights: 0, activations: 0, total: 8 });
    }
  });

  it("inference, without an optimizer, needs only weights and buffers", () => {
    expect(perParameter({ precision: "mixed-bf16" })).toEqual({ weights: 2, buffers: 0, gradients: 0, optimizerState: 0, masterWeights: 0, activations: 0, total: 2 });
    expect(memoryOf("layers:\n  - bn: BatchNorm1d(8)\n", { precision: "fp32" }).bytes).toEqual({
      weights: 64,
      buffers: 64 + 8,
      gradients: 0,
      optimizerState: 0,
      masterWeights: 0,
      activations: 0,
      total: 136,
    });
  });

  it("fp32 is the default once any training setting is given", () => {
    expect(memoryOf(THOUSAND, { optimizer: "Adam" }).recipe.precision).toMatchObject({ value: { name: "fp32" }, from: "default" });
  });

  it("match the schema's list of precisions", () => {
    const schema = JSON.parse(readFileSync(new URL("../../schema/model-spec.schema.json", import.meta.url), "utf8"));
    expect(schema.properties.training.properties.precision.enum).toEqual(PRECISIONS.map((precision) => precision.name));
  });
});
