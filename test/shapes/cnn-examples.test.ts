import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { expandCalls } from "../helpers/calls.js";
import { namedParameters } from "../helpers/named-parameters.js";
import { readRepoFile as readFile } from "../helpers/specs.js";

/** test/fixtures/pytorch/cnn-examples.json: see its note and cnn-examples.py beside it. */
interface Reference {
  name: string;
  total_params: number;
  trainable_params: number;
  buffers_numel: number;
  param_tensors: number;
  input: number[];
  macs: number;
  saved_bytes: number;
  parameters: { name: string; shape: number[] }[];
  leaf_outputs: [path: string, type: string, shape: number[]][];
}

const references = (JSON.parse(readFile("test/fixtures/pytorch/cnn-examples.json")) as { models: Reference[] }).models;

/**
 * The activation bytes model-budget reaches, and why they differ from what autograd saved on PyTorch 1.13's CPU: the
 * only difference is dropout's mask, one byte per element in the model (CUDA's fused kernel), four on the CPU kernel.
 */
const ACTIVATIONS: Record<string, { bytes: number; dropped: number }> = {
  densenet121: { bytes: 131_030_528, dropped: 0 },
  googlenet: { bytes: 48_484_992, dropped: 1024 },
  mobilenet_v3_small: { bytes: 16_376_544, dropped: 1024 },
};

describe("DenseNet-121, GoogLeNet and MobileNetV3-small against torchvision (batch 1, 3×224×224, float32, train mode)", () => {
  for (const reference of references) {
    describe(reference.name, () => {
      let memo: ReturnType<typeof analyzeSpec> | undefined;
      const analyze = () => (memo ??= analyzeSpec(`examples/${reference.name}.yaml`, readFile, {}));

      it("counts parameters, buffers and parameter tensors exactly", () => {
        const analyzed = analyze();
        expect(analyzed.totals).toEqual({
          params: reference.total_params,
          trainable: reference.trainable_params,
          nonTrainable: reference.total_params - reference.trainable_params,
          buffers: reference.buffers_numel,
        });
        expect(namedParameters(analyzed)).toHaveLength(reference.param_tensors);
      });

      it("names every parameter as named_parameters() does, in its order and with its shapes", () => {
        expect(namedParameters(analyze())).toEqual(reference.parameters);
      });

      it("gives every leaf module's output shape, in call order", () => {
        const shapes = analyze().shapes!;
        expect(shapes.input).toEqual(reference.input);
        const calls = expandCalls(shapes.calls).filter((call) => call.layer !== undefined);
        expect(calls.map((call) => [call.path, call.type, call.output])).toEqual(reference.leaf_outputs);
      });

      it("counts the MACs exactly", () => {
        expect(analyze().shapes!.totals.macs).toBe(reference.macs);
      });

      it("estimates the saved activations within 5%: exactly, but for dropout's one-byte mask", () => {
        const { bytes, dropped } = ACTIVATIONS[reference.name]!;
        const shapes = analyze().shapes!;
        expect(shapes.totals.activations).toBe(bytes);
        expect(bytes).toBe(reference.saved_bytes - 3 * dropped);
        expect(Math.abs(shapes.totals.activations / reference.saved_bytes - 1)).toBeLessThan(0.05);
      });
    });
  }
});

describe("googlenet.yaml with aux_logits: true", () => {
  it("counts what torchvision.models.googlenet() builds by default, with both auxiliary classifiers", () => {
    // googlenet(weights=None): aux_logits=True; measured with PyTorch 1.13 / torchvision 0.14 as the fixture was.
    const spec = "layers:\n  - net: {include: googlenet.yaml, with: {aux_logits: true}}\n";
    const read = (file: string) => (file === "examples/aux.yaml" ? spec : readFile(file));
    const analyzed = analyzeSpec("examples/aux.yaml", read, {});
    expect(analyzed.totals).toEqual({ params: 13_004_888, trainable: 13_004_888, nonTrainable: 0, buffers: 15_131 });
    const names = namedParameters(analyzed).map((tensor) => tensor.name);
    expect(names).toHaveLength(187);
    expect(names.slice(names.indexOf("net.aux1.conv.conv.weight"), names.indexOf("net.aux1.conv.conv.weight") + 7)).toEqual([
      "net.aux1.conv.conv.weight",
      "net.aux1.conv.bn.weight",
      "net.aux1.conv.bn.bias",
      "net.aux1.fc1.weight",
      "net.aux1.fc1.bias",
      "net.aux1.fc2.weight",
      "net.aux1.fc2.bias",
    ]);
  });
});

describe("in-place activations, as PyTorch 1.13 saves them (measured with saved_tensors_hooks)", () => {
  const activations = (act: string) => {
    const spec = `input: [4, 8, 8]\nlayers:\n  - a: Conv2d(4, 4, 1, bias=False)\n  - act: ${act}\n  - b: Conv2d(4, 4, 1, bias=False)\n`;
    return analyzeSpec("inline.yaml", () => spec, {}).shapes!.totals.activations;
  };
  const tensor = 4 * 8 * 8 * 4;

  it("Hardswish, Hardsigmoid, SiLU and Mish in place keep a copy of their input: MobileNetV3's Hardswish(inplace=True)", () => {
    for (const type of ["Hardswish", "Hardsigmoid", "SiLU", "Mish", "ReLU6"]) expect(activations(`${type}(inplace=True)`)).toBe(3 * tensor);
  });

  it("ReLU, ELU and LeakyReLU in place keep their result, their producer's storage", () => {
    for (const type of ["ReLU", "ELU", "LeakyReLU"]) expect(activations(`${type}(inplace=True)`)).toBe(2 * tensor);
  });
});
