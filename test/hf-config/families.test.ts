import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import type { ModelCount } from "../../src/count/index.js";
import { readRepoFile } from "../helpers/specs.js";

const FOLDER = "test/fixtures/hf-config";

interface Built {
  class: string;
  params: number;
  buffers: number;
  /** Parameter names with layer indices folded to `*`: [shape, instances]. */
  tensors: Record<string, [number[], number]>;
}

/** What test/fixtures/hf-config/pytorch_build.py built with PyTorch 1.13, following transformers' modeling code. */
const pytorch = JSON.parse(readFileSync(new URL("../fixtures/hf-config/pytorch.json", import.meta.url), "utf8")) as { models: Record<string, Built> };
const configs = readdirSync(new URL("../fixtures/hf-config/", import.meta.url)).filter((file) => file.endsWith(".json") && file !== "pytorch.json");

/** transformers' Conv1D (GPT-2) stores its weight [in, out]; the spec's Linear holds the same count as [out, in]. */
const CONV1D = /^(?:transformer\.)?h\.\*\.(?:attn\.c_attn|attn\.c_proj|mlp\.c_fc|mlp\.c_proj)\.weight$/;

/** Our counted parameters, named and folded as the PyTorch build's: each shared tensor once, at its owner. */
function folded(count: ModelCount): Record<string, [number[], number]> {
  const tensors: Record<string, [number[], number]> = {};
  for (const layer of count.layers) {
    for (const tensor of layer.parameters) {
      if (tensor.sharedWith !== undefined) continue;
      const name = (tensor.name ? `${layer.path}.${tensor.name}` : layer.path).replace(/\.(?:\d+|\[\d+-\d+\])(?=\.|$)/g, ".*");
      const [, instances] = tensors[name] ?? [tensor.shape, 0];
      tensors[name] = [CONV1D.test(name) ? [...tensor.shape].reverse() : tensor.shape, instances + layer.count];
    }
  }
  return tensors;
}

describe("config.json families against their PyTorch builds", () => {
  it("has a PyTorch build for every config fixture", () => {
    expect(Object.keys(pytorch.models).sort()).toEqual([...configs].sort());
  });
  for (const file of configs) {
    it(`${file}: ${pytorch.models[file]?.class} has PyTorch's count, names and shapes`, () => {
      const built = pytorch.models[file]!;
      const count = analyzeSpec(`${FOLDER}/${file}`, readRepoFile);
      expect(count.totals.params).toBe(built.params);
      expect(folded(count)).toEqual(built.tensors);
    });
  }
});

/** Totals the model cards and papers publish, for the class each config names. */
const PUBLISHED: Record<string, number> = {
  "llama-3-8b.json": 8_030_261_248,
  "llama-2-7b.json": 6_738_415_616,
  "mistral-7b.json": 7_241_732_096,
  "mixtral-8x7b.json": 46_702_792_704,
  "qwen2-7b.json": 7_615_616_512,
  "gemma-2b.json": 2_506_172_416,
  "phi-3-mini-4k.json": 3_821_079_552,
  "gpt2.json": 124_439_808,
  "bert-base-uncased.json": 109_514_298,
  "bert-base-model.json": 109_482_240,
  "t5-base.json": 222_903_552,
  "deepseek-v2-lite.json": 15_706_484_224,
  // transformers 5.17's own builds of these configs (/work/shared/golden/hf): LlamaForCausalLM tied, MistralForCausalLM, Qwen2ForCausalLM tied.
  "golden-llama-1b-tied.json": 1_235_814_400,
  "golden-mistral-12b-like.json": 12_247_782_400,
  "golden-qwen2-1.5b-tied.json": 1_543_714_304,
};

describe("config.json families against published totals", () => {
  for (const [file, total] of Object.entries(PUBLISHED)) {
    it(`${file}: ${total.toLocaleString("en-US")}`, () => {
      expect(analyzeSpec(`${FOLDER}/${file}`, readRepoFile).totals.params).toBe(total);
    });
  }
});
