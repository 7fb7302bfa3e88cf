import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { expandCalls } from "../helpers/calls.js";
import { readRepoFile as readFile } from "../helpers/specs.js";

/** test/fixtures/pytorch/vit_b_16.py's measurements of torchvision's vit_b_16. */
interface Measured {
  input: number[];
  params: number;
  parameters: [name: string, shape: number[]][];
  macs: number;
  attention_macs: number;
  saved_bytes: number;
  leaf_outputs: [path: string, type: string, shape: number[]][];
}

const torchvision = JSON.parse(readFile("test/fixtures/pytorch/vit_b_16.json")) as Measured;

describe("vit_b_16.yaml against torchvision's forward pass (batch 1, 3×224×224, float32, train mode)", () => {
  const analyzed = analyzeSpec("examples/vit_b_16.yaml", readFile);
  const shapes = analyzed.shapes!;

  it("counts every parameter, under torchvision's names", () => {
    expect(analyzed.totals.params).toBe(86_567_656);
    expect(torchvision.params).toBe(86_567_656);
    const names = analyzed.layers.flatMap((layer) => layer.parameters.map((tensor) => (tensor.name ? `${layer.path}.${tensor.name}` : layer.path)));
    expect(names.sort()).toEqual(torchvision.parameters.map(([name]) => name).sort());
  });

  it("gives every leaf module's output shape, in call order", () => {
    expect(shapes.input).toEqual(torchvision.input);
    const calls = expandCalls(shapes.calls).filter((call) => call.layer !== undefined);
    expect(calls.map((call) => [call.path, call.type, call.output])).toEqual(torchvision.leaf_outputs);
    expect(shapes.output).toEqual([1, 1000]);
  });

  it("counts the MACs exactly: convolution, linear layers and attention's projections, with Q·Kᵀ and scores·V stated separately", () => {
    expect(shapes.totals.macs).toBe(torchvision.macs);
    expect(shapes.totals.attentionMacs).toBe(torchvision.attention_macs);
  });

  it("estimates the saved activations exactly but for the attention scalars: 96 B short of what autograd keeps", () => {
    // The head's input x[:, 0] is a view: autograd keeps its whole 197 × 768 storage, and so do we. Each
    // attention's 1/√d is kept as a float64 scalar (12 × 8 bytes), which we leave out.
    expect(shapes.totals.activations).toBe(torchvision.saved_bytes - 12 * 8);
  });
});
