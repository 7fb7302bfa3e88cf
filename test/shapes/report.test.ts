import { describe, expect, it } from "vitest";
import { analyzeSpec, toJsonReport } from "../../src/analysis/index.js";
import { runCli } from "../../src/cli/run.js";
import { quantitiesOf } from "../../src/metrics/index.js";
import { readRepoFile as readFile } from "../helpers/specs.js";

describe("shapes in reports", () => {
  const report = toJsonReport(analyzeSpec("examples/resnet18.yaml", readFile));

  it("JSON: the model's MACs, FLOPs and activations, and each layer's output shape", () => {
    expect(report.shapes).toEqual({
      input: [1, 3, 224, 224],
      output: [1, 1000],
      batch: 1,
      checkpointing: "none",
      macs: 1_814_073_344,
      attentionMacs: 0,
      flops: 3_628_146_688,
      activations: 22_256_640,
    });
    const fc = report.layers.find((layer) => layer.path === "fc")!;
    expect([fc.outputShape, fc.macs, fc.activationBytes]).toEqual([[1, 1000], 512_000, 2048]);
    // layer1.1's relu runs twice in its one instance; the entry covers every call.
    expect(report.layers.find((layer) => layer.path === "layer1.1.conv1")!.outputShape).toEqual([1, 64, 56, 56]);
  });

  it("budgets read MACs, FLOPs and activations from it", () => {
    expect(quantitiesOf(report)).toMatchObject({ macs: 1_814_073_344, flops: 3_628_146_688, activations: 22_256_640 });
  });

  it("the table gains output shapes, MACs and activations, and the training total its activations", () => {
    const text = runCli(["report", "examples/resnet18.yaml", "--optimizer", "SGD", "--batch", "32"], { cwd: new URL("../..", import.meta.url).pathname, readFile }).stdout;
    expect(text).toContain("Output shape");
    expect(text).toMatch(/\nfc +Linear .* \[32, 1000\] +16,384,000 /);
    expect(text).toContain("Forward pass: input [32, 3, 224, 224] → output [32, 1000] at batch 32\n");
    // Not 32 × batch 1: batch norm keeps per-channel statistics whatever the batch.
    expect(text).toMatch(/\nActivations +709,831,680 /);
  });
});
