import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findLayer, layerTypes } from "../../src/catalogue/index.js";
import { analyzeSpec } from "../../src/analysis/index.js";
import { settingsFromOptions } from "../../src/memory/index.js";
import { describeText } from "../helpers/layer.js";
import { files } from "../helpers/specs.js";

interface MeasuredTensor {
  name: string;
  shape: number[];
  trainable?: boolean;
}

interface MeasuredCase {
  call: string;
  type: string;
  params: MeasuredTensor[];
  buffers: MeasuredTensor[];
  input?: number[];
  output?: number[];
  macs?: number;
  saved_bytes?: number;
  scalar_bytes?: number;
  /** PyTorch 1.13 could not run the forward pass (SyncBatchNorm on a CPU). */
  error?: string;
  backward_error?: string;
}

interface MeasuredOp {
  op: string;
  input: number[];
  output: number[];
  saved_bytes: number;
  scalar_bytes: number;
}

/** Every catalogue type measured on PyTorch 1.13 (CPU, float32, train mode), made by catalogue-cases.py beside the fixture. */
const measured = JSON.parse(readFileSync(new URL("../fixtures/pytorch/catalogue-cases.json", import.meta.url), "utf8")) as { cases: MeasuredCase[]; functional: MeasuredOp[] };

/**
 * Types without a measured case, each with the reason. `tensors`: no case of its parameters and buffers;
 * `forward`: no case of its forward rule (the tensors are measured).
 */
const NOT_MEASURED: Record<string, { tensors?: string; forward?: string }> = {
  RMSNorm: { tensors: "PyTorch >= 2.4; its one weight of normalized_shape is stated in the fixtures' README" },
  LPPool3d: { tensors: "PyTorch >= 2.2" },
  ZeroPad1d: { tensors: "PyTorch >= 2.1" },
  ZeroPad3d: { tensors: "PyTorch >= 2.1" },
  CircularPad1d: { tensors: "PyTorch >= 2.1" },
  CircularPad2d: { tensors: "PyTorch >= 2.1" },
  CircularPad3d: { tensors: "PyTorch >= 2.1" },
  Buffer: { tensors: "nn.Buffer is PyTorch >= 2.5; a registered buffer's shape is the one written" },
  T5LayerNorm: { tensors: "transformers' module, not torch.nn: measured inside whole models by test/fixtures/pytorch/encoder-decoder.py (test/shapes/encoder-decoder.test.ts)" },
  GELUActivation: { tensors: "transformers' module, not torch.nn: measured inside whole models by test/fixtures/pytorch/encoder-decoder.py (test/shapes/encoder-decoder.test.ts)" },
  QuickGELUActivation: {
    tensors: "transformers' module, not torch.nn: measured inside whole models by test/fixtures/pytorch/encoder-decoder.py (test/shapes/encoder-decoder.test.ts)",
  },
  LlamaRMSNorm: {
    tensors: "transformers' module, not torch.nn: measured inside whole models by test/fixtures/pytorch/hf-activations.py (test/shapes/attention-implementations.test.ts)",
  },
  NewGELUActivation: {
    tensors: "transformers' module, not torch.nn: measured inside whole models by test/fixtures/pytorch/hf-activations.py (test/shapes/attention-implementations.test.ts)",
  },
  SyncBatchNorm: { forward: "1.13 refuses a CPU input; without a process group its forward is F.batch_norm, measured with BatchNorm" },
};

/** What a rule counts beyond what saved_tensors_hooks see, in bytes, and why. */
function gap(testCase: MeasuredCase): number {
  const elements = testCase.input!.reduce((product, size) => product * size, 1);
  // The divisor, a float32 tensor of the input's shape kept on the legacy Function's context, which the hooks do not see.
  if (testCase.type === "CrossMapLRN2d") return 4 * elements;
  // Dropout's mask is one byte an element, as CUDA's fused kernel keeps it; PyTorch 1.13's CPU kernel keeps float32.
  if (testCase.type === "Dropout" && !testCase.call.includes("p=0.0")) return -3 * elements;
  // Called as mha(x, x, x), need_weights defaults to True: averaging the weights over the heads keeps num_heads as an
  // int64 scalar. The rule follows the models, which call it with need_weights=False (torchvision's ViT).
  if (testCase.type === "MultiheadAttention") return -8;
  return 0;
}

/** One layer called on an input of `shape` (its first size given as the batch); Embedding's and EmbeddingBag's input is ids. */
function single(call: string, shape: number[]) {
  const input = /^Embedding/.test(call) ? `{tokens: ${shape[1]}}` : `{shape: [${shape.slice(1).join(", ")}], requires_grad: true}`;
  const spec = `input: ${input}\nlayers:\n  - layer: "${call}"\n`;
  const shapes = analyzeSpec(
    "spec.yaml",
    files({ "spec.yaml": spec }),
    settingsFromOptions({ batch: String(shape[0]) }, (option) => `--${option}`),
  ).shapes!;
  return { output: shapes.output, macs: shapes.totals.macs, bytes: shapes.totals.activations };
}

describe("every catalogue case, checked against PyTorch 1.13", () => {
  for (const testCase of measured.cases) {
    it(`${testCase.call}: parameters and buffers`, () => {
      const described = describeText(testCase.call);
      expect(described.definition.type).toBe(testCase.type);
      expect(described.parameters.map((tensor) => ({ name: tensor.name, shape: tensor.shape, trainable: tensor.trainable ?? true }))).toEqual(testCase.params);
      expect(described.buffers.map((tensor) => ({ name: tensor.name, shape: tensor.shape }))).toEqual(testCase.buffers);
    });
    if (testCase.output) {
      it(`${testCase.call} on [${testCase.input!.join(", ")}]: output, MACs, saved bytes`, () => {
        expect(single(testCase.call, testCase.input!)).toEqual({ output: testCase.output, macs: testCase.macs, bytes: testCase.saved_bytes! + gap(testCase) });
      });
    }
  }
});

describe("functional ops, checked against PyTorch 1.13", () => {
  for (const { op, input, output, saved_bytes } of measured.functional) {
    it(`${op} on [${input.join(", ")}]`, () => {
      const spec = `input: {shape: [${input.slice(1).join(", ")}], requires_grad: true}\nforward: ["${op}"]\nlayers: []\n`;
      const shapes = analyzeSpec(
        "spec.yaml",
        files({ "spec.yaml": spec }),
        settingsFromOptions({ batch: String(input[0]) }, (option) => `--${option}`),
      ).shapes!;
      expect({ output: shapes.output, bytes: shapes.totals.activations }).toEqual({ output, bytes: saved_bytes });
    });
  }
});

describe("catalogue completeness", () => {
  const types = layerTypes();
  const withTensors = new Set(measured.cases.map((testCase) => testCase.type));
  const withForward = new Set(measured.cases.filter((testCase) => testCase.output).map((testCase) => testCase.type));
  const hasForward = (type: string) => findLayer({ type, args: [], position: { file: "", line: 1, col: 1 }, text: type }).forward !== undefined;

  it("every type has a measured case of its tensors, or a reason why not", () => {
    expect(types.filter((type) => !withTensors.has(type) && !NOT_MEASURED[type]?.tensors)).toEqual([]);
  });

  it("every type with a forward rule has a measured case of it, or a reason why not", () => {
    const unmeasured = types.filter((type) => !NOT_MEASURED[type]?.tensors && hasForward(type) && !withForward.has(type) && !NOT_MEASURED[type]?.forward);
    expect(unmeasured).toEqual([]);
  });

  it("the reasons are for types that exist and are not measured", () => {
    const stale = Object.entries(NOT_MEASURED).filter(([type, reason]) => !types.includes(type) || (reason.tensors ? withTensors.has(type) : withForward.has(type)));
    expect(stale).toEqual([]);
  });

  it("a type without a forward rule has no parameters to call: only bare tensors", () => {
    expect(types.filter((type) => !hasForward(type))).toEqual(["Parameter", "Buffer"]);
  });
});
