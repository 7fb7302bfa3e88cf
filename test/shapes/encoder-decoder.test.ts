import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { expandCalls } from "../helpers/calls.js";
import { namedParameters } from "../helpers/named-parameters.js";
import { readRepoFile } from "../helpers/specs.js";
import { T5_SMALL, WHISPER_SMALL, withVars } from "../helpers/vars.js";

/** test/fixtures/pytorch/encoder-decoder.py's measurements: HF's T5, Whisper and CLIP in plain torch.nn, train mode. */
interface Measured {
  model: string;
  size: string;
  inputs: Record<string, { shape: number[]; dtype: string }>;
  output: number[];
  params: number;
  trainable: number;
  parameters: [name: string, shape: number[]][];
  macs: number;
  matmul_macs: number;
  saved_bytes: number;
  saved_by_dtype: Record<string, number>;
  leaf_outputs: [path: string, type: string, shape: number[]][];
}

const fixture = JSON.parse(readRepoFile("test/fixtures/pytorch/encoder-decoder.json")) as { train: Measured[] };
const measured = (model: string, size: string) => fixture.train.find((item) => item.model === model && item.size === size)!;

/** A var's value in a case: the one the case gives, or the shipped spec's. */
const varOf = (values: Record<string, number>, name: string, shipped: number): number => values[name] ?? shipped;

function analyze(file: string, values: Record<string, number>, batch: number) {
  // The fixture runs transformers' eager attention (T5's spec says so on its ops; Whisper and CLIP would default to SDPA).
  return analyzeSpec(file, withVars(file, values), { batch: { value: batch, from: "test" }, attention: { value: "eager", from: "test" } });
}

/** The leaf calls in call order as [path, type, shape], from the report's calls. */
function leaves(analyzed: ReturnType<typeof analyzeSpec>): [string, string, number[]][] {
  return expandCalls(analyzed.shapes!.calls)
    .filter((call) => call.layer !== undefined)
    .map((call) => [call.path, call.type, call.output]);
}

const T5 = "examples/t5-base.yaml";
const WHISPER = "examples/whisper-base.yaml";
const CLIP = "examples/clip-vit-b-32.yaml";
const CLIP_SMALL = {
  projection: 24,
  text_width: 32,
  text_heads: 4,
  text_ffn: 64,
  text_layers: 2,
  vocab: 100,
  context: 12,
  vision_width: 48,
  vision_heads: 4,
  vision_ffn: 96,
  vision_layers: 2,
  image_size: 32,
  patch: 8,
};

/** PyTorch's named_parameters() as [name, shape], in order. */
const parameterList = (analyzed: ReturnType<typeof analyzeSpec>) => namedParameters(analyzed).map(({ name, shape }) => [name, shape]);

/** The activation bytes of a spec against PyTorch's, and every call's shape against PyTorch's leaves. */
function compare(file: string, values: Record<string, number>, model: string, size: string, batch: number) {
  const torch = measured(model, size);
  const analyzed = analyze(file, values, batch);
  return { torch, analyzed, shapes: analyzed.shapes!, leaves: leaves(analyzed) };
}

describe("t5-base.yaml against HF's T5ForConditionalGeneration in PyTorch (train mode, float32)", () => {
  it("counts t5-base's 222,903,552 parameters as named_parameters() lists them, the head and both embed_tokens tied to shared", () => {
    const analyzed = analyzeSpec(T5, readRepoFile);
    const torch = measured("t5", "t5-base");
    expect(analyzed.totals.params).toBe(222_903_552);
    expect(torch.params).toBe(222_903_552);
    expect(parameterList(analyzed)).toEqual(torch.parameters);
  });

  // T5LayerNorm keeps its input, rsqrt's row statistics and the normalized tensor: the tensors of PyTorch 2, as
  // LlamaRMSNorm's do. PyTorch 1.13's mean(dim) also keeps its input (the squares): one tensor of the norm's input
  // size per call, 5 + 7 calls here (2 × 2 + 1 in the encoder, 2 × 3 + 1 in the decoder), and that is the whole gap.
  const squares = (batch: number, d: number, stack: number, source: number, target: number) => 4 * batch * d * ((2 * stack + 1) * source + (3 * stack + 1) * target);

  for (const [size, values, batch] of [
    ["small", T5_SMALL, 2],
    ["t5-base", { source: 32, target: 16 }, 1],
  ] as const) {
    it(`${size}: every leaf's output shape in call order (relative_attention_bias in block 0 of each stack), and the MACs exactly`, () => {
      const { torch, shapes, leaves: ours } = compare(T5, values, "t5", size, batch);
      expect(ours).toEqual(torch.leaf_outputs);
      expect(shapes.output).toEqual(torch.output);
      expect(shapes.totals.macs).toBe(torch.macs);
      expect(shapes.totals.attentionMacs).toBe(torch.matmul_macs);
    });

    it(`${size}: the activations exactly but for PyTorch 1.13's mean keeping the squares in T5LayerNorm`, () => {
      const { torch, shapes } = compare(T5, values, "t5", size, batch);
      const [d, stack] = [varOf(values, "d", 768), varOf(values, "stack", 12)];
      const { source, target } = values;
      expect(shapes.totals.activations).toBe(torch.saved_bytes - squares(batch, d, stack, source, target));
      expect(1 - shapes.totals.activations / torch.saved_bytes).toBeLessThan(size === "small" ? 0.11 : 0.091);
    });
  }
});

describe("whisper-base.yaml against HF's WhisperForConditionalGeneration in PyTorch (train mode, float32)", () => {
  it("counts whisper-base's 72,593,920 parameters as named_parameters() lists them, the encoder's 768,000 positions frozen", () => {
    const analyzed = analyzeSpec(WHISPER, readRepoFile);
    const torch = measured("whisper", "whisper-base");
    expect([analyzed.totals.params, analyzed.totals.trainable]).toEqual([72_593_920, 71_825_920]);
    expect([torch.params, torch.trainable]).toEqual([72_593_920, 71_825_920]);
    expect(parameterList(analyzed)).toEqual(torch.parameters);
  });

  for (const [size, values, batch] of [
    ["small", WHISPER_SMALL, 2],
    ["whisper-base", { target: 16 }, 1],
  ] as const) {
    it(`${size}: every leaf's output shape in call order but the two position tables', and the MACs exactly`, () => {
      const { torch, shapes, leaves: ours } = compare(WHISPER, values, "whisper", size, batch);
      // HF adds the tables' rows without a batch dimension: embed_positions(arange(1500)) in the encoder and
      // weight[:target] (WhisperPositionalEmbedding) in the decoder; add(embed_positions) calls them on [1, S] positions.
      const positions = torch.leaf_outputs.map(([path, type, shape]): [string, string, number[]] =>
        path.endsWith("embed_positions") ? [path, "Embedding", [1, ...shape]] : [path, type, shape],
      );
      expect(ours).toEqual(positions);
      expect(shapes.totals.macs).toBe(torch.macs);
      expect(shapes.totals.attentionMacs).toBe(torch.matmul_macs);
    });

    it(`${size}: the activations exactly but for the position ids the decoder's table keeps here and not in HF`, () => {
      const { torch, shapes } = compare(WHISPER, values, "whisper", size, batch);
      // The encoder's table is frozen: on int64 positions, which require no grad, it keeps nothing, as in HF. The
      // decoder's trains and HF slices it (weight[:target]), which keeps no positions; add(embed_positions) looks them up.
      const target = values.target;
      expect(shapes.totals.activations).toBe(torch.saved_bytes + 8 * target);
      expect(shapes.totals.activations / torch.saved_bytes - 1).toBeLessThan(0.001);
    });
  }
});

describe("clip-vit-b-32.yaml against HF's CLIPModel in PyTorch (train mode, float32)", () => {
  it("counts CLIP ViT-B/32's 151,277,313 parameters as named_parameters() lists them, logit_scale included", () => {
    const analyzed = analyzeSpec(CLIP, readRepoFile);
    const torch = measured("clip", "clip-vit-base-patch32");
    expect(analyzed.totals.params).toBe(151_277_313);
    expect(torch.params).toBe(151_277_313);
    expect(parameterList(analyzed)).toEqual(torch.parameters);
  });

  for (const [size, values, batch] of [
    ["small", CLIP_SMALL, 2],
    ["clip-vit-base-patch32", {}, 1],
  ] as const) {
    it(`${size}: both towers' leaves in call order, logits_per_image [batch, batch], and the MACs exactly`, () => {
      const { torch, shapes, leaves: ours } = compare(CLIP, values, "clip", size, batch);
      expect(ours).toEqual(torch.leaf_outputs);
      expect(shapes.output).toEqual(torch.output);
      expect(shapes.totals.macs).toBe(torch.macs);
      // The text–image product is a matmul, not attention: it is in the MACs, apart from attention's.
      const projection = varOf(values, "projection", 512);
      expect(shapes.totals.attentionMacs).toBe(torch.matmul_macs - batch * projection * batch);
    });

    it(`${size}: the activations within 1 %, the gap being the text pooling and the embeddings' normalization`, () => {
      const { torch, shapes } = compare(CLIP, values, "clip", size, batch);
      const [context, width, projection] = [varOf(values, "context", 77), varOf(values, "text_width", 512), varOf(values, "projection", 512)];
      // select(1, 0) is a view: text_projection keeps final_layer_norm's whole output, where HF's gather copies
      // [batch, width] and keeps two int64 index tensors of [batch].
      const pooling = 4 * batch * context * width - (4 * batch * width + 2 * 8 * batch);
      // HF keeps both projections, their normalized copies, the four [batch, 1] norms and the logits; here the
      // product keeps the two projections and the logits.
      const normalization = 4 * (2 * batch * projection + 4 * batch);
      expect(shapes.totals.activations).toBe(torch.saved_bytes + pooling - normalization);
      expect(Math.abs(shapes.totals.activations / torch.saved_bytes - 1)).toBeLessThan(0.01);
    });
  }
});
