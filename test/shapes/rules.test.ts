import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { settingsFromOptions } from "../../src/memory/index.js";
import { errors, files } from "../helpers/specs.js";

/** One layer called on an input of `shape` (batch first), as shape inference sees it. */
function single(call: string, shape: number[] | { tokens: number; batch: number }) {
  const [batch, input] = Array.isArray(shape) ? [shape[0]!, `[${shape.slice(1).join(", ")}]`] : [shape.batch, `{tokens: ${shape.tokens}}`];
  const spec = `input: ${input}\nlayers:\n  - layer: "${call}"\n`;
  const shapes = analyzeSpec(
    "spec.yaml",
    files({ "spec.yaml": spec }),
    settingsFromOptions({ batch: String(batch) }, (option) => `--${option}`),
  ).shapes!;
  return { output: shapes.output, macs: shapes.totals.macs };
}

describe("shape rules, checked against PyTorch 1.13", () => {
  // [call, input, output, MACs]: outputs from a real forward pass; MACs by fvcore's rule on its hooks.
  const CASES: [string, number[] | { tokens: number; batch: number }, number[], number][] = [
    ["ConvTranspose2d(16, 8, 3, stride=2, padding=1, output_padding=1)", [2, 16, 7, 9], [2, 8, 14, 18], 145_152],
    ["Conv2d(16, 32, 3, stride=2, padding=2, dilation=2, groups=4)", [2, 16, 15, 17], [2, 32, 8, 9], 165_888],
    ["Conv1d(4, 6, 5, padding='same')", [3, 4, 10], [3, 6, 10], 3600],
    ["ConvTranspose1d(4, 6, 3, stride=3, groups=2)", [2, 4, 5], [2, 6, 15], 360],
    ["MaxPool2d(3, stride=2, ceil_mode=True)", [1, 8, 14, 14], [1, 8, 7, 7], 0],
    ["AvgPool2d(3, stride=2, padding=1, ceil_mode=True)", [1, 8, 13, 13], [1, 8, 7, 7], 0],
    ["AdaptiveAvgPool2d((5, None))", [1, 8, 13, 11], [1, 8, 5, 11], 0],
    ["PixelShuffle(2)", [1, 8, 5, 6], [1, 2, 10, 12], 0],
    ["Upsample(scale_factor=2.5, mode='nearest')", [1, 3, 5, 7], [1, 3, 12, 17], 0],
    ["Embedding(100, 16)", { tokens: 7, batch: 2 }, [2, 7, 16], 0],
    ["LayerNorm(16)", [2, 5, 16], [2, 5, 16], 0],
    ["Flatten(1, 2)", [2, 3, 4, 5], [2, 12, 5], 0],
  ];
  for (const [call, input, output, macs] of CASES) {
    it(call, () => {
      expect(single(call, input)).toEqual({ output, macs });
    });
  }
});

describe("shape mismatches are errors at the offending layer, naming both shapes and the producer", () => {
  it("a Linear after a flatten with other features", () => {
    const spec =
      "input: [3, 32, 32]\nforward: [conv, pool, 'flatten(1)', fc]\nlayers:\n  - conv: Conv2d(3, 8, 3, padding=1)\n  - pool: AdaptiveAvgPool2d(2)\n  - fc: Linear(16, 10)\n";
    expect(errors(spec)).toEqual([
      "spec.yaml:6:16: fc expects 16 input features (Linear(16, 10)), but pool → flatten(1) produces [1, 32]\n  make the layer's arguments match what reaches it, or fix the layer before it",
    ]);
  });

  it("a convolution whose in_channels differ from the incoming channels", () => {
    const spec = "input: [3, 32, 32]\nlayers:\n  - a: Conv2d(3, 8, 3)\n  - b: Conv2d(16, 8, 3)\n";
    expect(errors(spec)).toEqual([
      "spec.yaml:4:15: b expects 16 input channels (Conv2d(16, 8, 3)), but a produces [1, 8, 30, 30]\n  make the layer's arguments match what reaches it, or fix the layer before it",
    ]);
  });

  it("branches that cannot be merged, and a forward step naming no child", () => {
    const branches = "input: [3, 8, 8]\nlayers:\n  - mix:\n      branches: add\n      layers:\n        - a: Conv2d(3, 4, 1)\n        - b: Conv2d(3, 5, 1)\n";
    expect(errors(branches)[0]).toBe("spec.yaml:3:5: mix cannot add mix.a [1, 4, 8, 8] and mix.b [1, 5, 8, 8]\n  the shapes must be equal or broadcast");
    expect(errors("input: [4]\nforward: [fc, relu]\nlayers:\n  - fc: Linear(4, 4)\n  - rleu: ReLU()\n")[0]).toBe(
      "spec.yaml:2:15: no child 'relu' in this module\n  did you mean 'rleu'?",
    );
  });
});

describe("topology", () => {
  it("concat joins channels (DenseNet), multiply broadcasts (squeeze-excitation)", () => {
    const spec = `input: [4, 8, 8]
layers:
  - dense:
      residual: concat
      layers:
        - Conv2d(4, 6, 3, padding=1)
  - se:
      residual: multiply
      layers:
        - AdaptiveAvgPool2d(1)
        - Conv2d(10, 10, 1)
        - Sigmoid()
`;
    expect(analyzeSpec("spec.yaml", files({ "spec.yaml": spec })).shapes!.output).toEqual([1, 10, 8, 8]);
  });
});
