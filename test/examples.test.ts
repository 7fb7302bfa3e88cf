import { readdirSync } from "node:fs";
import { namedParameters } from "./helpers/named-parameters.js";
import { describe, expect, it } from "vitest";
import type { ModelCount, Totals } from "../src/count/index.js";
import { analyzeSpec } from "../src/analysis/index.js";
import { readRepoFile as readFile } from "./helpers/specs.js";

const root = new URL("../", import.meta.url);
const analyze = (name: string) => analyzeSpec(`examples/${name}.yaml`, readFile);

interface TorchvisionModel {
  name: string;
  total_params: number;
  trainable_params: number;
  buffers_numel: number;
  param_tensors: number;
}

const torchvision = (JSON.parse(readFile("test/fixtures/pytorch/models.json")) as { models: TorchvisionModel[] }).models;
/** Issue 12's model zoo (test/fixtures/pytorch/zoo.json, made by zoo.py beside it): eight torchvision models and a U-Net. */
const zoo = (JSON.parse(readFile("test/fixtures/pytorch/zoo.json")) as { models: TorchvisionModel[] }).models;

interface Expected extends Totals {
  /** How many tensors parameters() yields: tied ones once. */
  tensors: number;
}

function fromModelsJson(name: string, models = torchvision): Expected {
  const model = models.find((candidate) => candidate.name === name);
  if (!model) throw new Error(`${name} is not in the fixture`);
  return {
    params: model.total_params,
    trainable: model.trainable_params,
    nonTrainable: model.total_params - model.trainable_params,
    buffers: model.buffers_numel,
    tensors: model.param_tensors,
  };
}

/** Published totals; the tensor counts follow from the architectures (GPT-2's lm_head.weight is wte.weight). */
const EXPECTED: Record<string, Expected> = {
  resnet18: fromModelsJson("resnet18"),
  resnet50: fromModelsJson("resnet50"),
  vgg16: fromModelsJson("vgg16"),
  mobilenet_v2: fromModelsJson("mobilenet_v2"),
  alexnet: fromModelsJson("alexnet"),
  // test/fixtures/pytorch/vit_b_16.json: 152 parameter tensors, no buffers.
  vit_b_16: { params: 86_567_656, trainable: 86_567_656, nonTrainable: 0, buffers: 0, tensors: 152 },
  // torchvision 0.14 (test/fixtures/pytorch/cnn-examples.json); googlenet is googlenet(aux_logits=False, init_weights=False).
  densenet121: { params: 7_978_856, trainable: 7_978_856, nonTrainable: 0, buffers: 83_769, tensors: 364 },
  googlenet: { params: 6_624_904, trainable: 6_624_904, nonTrainable: 0, buffers: 14_617, tensors: 173 },
  mobilenet_v3_small: { params: 2_542_856, trainable: 2_542_856, nonTrainable: 0, buffers: 12_146, tensors: 142 },
  squeezenet1_0: fromModelsJson("squeezenet1_0", zoo),
  mnasnet0_5: fromModelsJson("mnasnet0_5", zoo),
  regnet_x_400mf: fromModelsJson("regnet_x_400mf", zoo),
  shufflenet_v2_x0_5: fromModelsJson("shufflenet_v2_x0_5", zoo),
  efficientnet_v2_s: fromModelsJson("efficientnet_v2_s", zoo),
  inception_v3: fromModelsJson("inception_v3", zoo),
  convnext_small: fromModelsJson("convnext_small", zoo),
  swin_s: fromModelsJson("swin_s", zoo),
  unet: fromModelsJson("unet", zoo),
  // gpt2.yaml models no buffers (Hugging Face's causal-mask buffers are left out).
  gpt2: { params: 124_439_808, trainable: 124_439_808, nonTrainable: 0, buffers: 0, tensors: 148 },
  // position_ids and token_type_ids, [1, 512] each.
  "bert-base": { params: 109_482_240, trainable: 109_482_240, nonTrainable: 0, buffers: 1024, tensors: 199 },
  // rotary_emb.inv_freq, head_dim / 2 = 64.
  "llama2-7b": { params: 6_738_415_616, trainable: 6_738_415_616, nonTrainable: 0, buffers: 64, tensors: 291 },
  // Meta-Llama-3-8B: 32 × 9 tensors, the embedding, the final norm and lm_head; rotary_emb.inv_freq, 64.
  "llama3-8b": { params: 8_030_261_248, trainable: 8_030_261_248, nonTrainable: 0, buffers: 64, tensors: 291 },
  // 96 × (12 d² + 13 d) + (vocab + context) × d + 2 d with d = 12288: GPT-2's formula at GPT-3's sizes.
  "gpt3-175b": { params: 174_604_259_328, trainable: 174_604_259_328, nonTrainable: 0, buffers: 0, tensors: 1156 },
  // test/fixtures/pytorch/moe-adapters.json: PyTorch's totals and tensors; rotary_emb.inv_freq (64) as in llama2-7b.yaml.
  "mixtral-8x7b": { params: 46_702_792_704, trainable: 46_702_792_704, nonTrainable: 0, buffers: 64, tensors: 995 },
  // The rotary embedding's non-persistent buffers are not modeled (see the spec's header).
  "deepseek-v2-lite": { params: 15_706_484_224, trainable: 15_706_484_224, nonTrainable: 0, buffers: 0, tensors: 5291 },
  // test/fixtures/pytorch/mla-mamba.json: MambaForCausalLM for mamba-130m-hf, lm_head tied to the embeddings.
  "mamba-130m": { params: 129_135_360, trainable: 129_135_360, nonTrainable: 0, buffers: 0, tensors: 242 },
  // shared.weight once (encoder and decoder embed_tokens are it), lm_head untied.
  "mt0-large": { params: 1_229_581_312, trainable: 1_229_581_312, nonTrainable: 0, buffers: 0, tensors: 558 },
  // test/fixtures/pytorch/encoder-decoder.json: HF's modules in plain torch.nn, each total its published one.
  "t5-base": { params: 222_903_552, trainable: 222_903_552, nonTrainable: 0, buffers: 0, tensors: 257 },
  "whisper-base": { params: 72_593_920, trainable: 71_825_920, nonTrainable: 768_000, buffers: 0, tensors: 245 },
  // The two position_ids buffers (persistent=False): 77 + 50 elements.
  "clip-vit-b-32": { params: 151_277_313, trainable: 151_277_313, nonTrainable: 0, buffers: 127, tensors: 398 },
  // test/fixtures/pytorch/trial-models.py's DiT (facebookresearch/DiT's models.py): the paper's 33M; pos_embed frozen.
  "dit-s-2": { params: 32_963_360, trainable: 32_865_056, nonTrainable: 98_304, buffers: 0, tensors: 132 },
};

/** Σ over layer entries of instances × tensors that are not shared with an earlier one. */
function tensorCount(model: ModelCount): number {
  return model.layers.reduce((sum, layer) => sum + layer.count * layer.parameters.filter((tensor) => tensor.sharedWith === undefined).length, 0);
}

describe("examples/", () => {
  it("has a test for every example spec", () => {
    const specs = readdirSync(new URL("examples/", root))
      .filter((file) => file.endsWith(".yaml"))
      .map((file) => file.replace(/\.yaml$/, ""));
    expect(specs.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}.yaml counts as PyTorch does`, () => {
      const model = analyze(name);
      const { tensors, ...totals } = expected;
      expect(model.totals).toEqual(totals);
      expect(tensorCount(model)).toBe(tensors);
      expect(namedParameters(model)).toHaveLength(tensors);
    });
  }

  it("resnet18.yaml names every parameter as named_parameters() does, in its order and with its shapes", () => {
    const fixture = JSON.parse(readFile("test/fixtures/pytorch/resnet18-parameters.json")) as { parameters: { name: string; shape: number[] }[] };
    expect(fixture.parameters).toHaveLength(62);
    expect(namedParameters(analyze("resnet18"))).toEqual(fixture.parameters);
  });

  it("expands repeats into named_parameters() order, instance by instance", () => {
    const names = namedParameters(analyze("resnet50")).map((tensor) => tensor.name);
    expect(names.slice(names.indexOf("layer2.1.conv1.weight"), names.indexOf("layer2.1.conv1.weight") + 7)).toEqual([
      "layer2.1.conv1.weight",
      "layer2.1.bn1.weight",
      "layer2.1.bn1.bias",
      "layer2.1.conv2.weight",
      "layer2.1.bn2.weight",
      "layer2.1.bn2.bias",
      "layer2.1.conv3.weight",
    ]);
    const gpt2 = namedParameters(analyze("gpt2")).map((tensor) => tensor.name);
    expect(gpt2).not.toContain("lm_head.weight");
    expect(gpt2.slice(0, 4)).toEqual(["wte.weight", "wpe.weight", "h.0.ln_1.weight", "h.0.ln_1.bias"]);
  });

  it("uses Hugging Face's module names for BERT and Llama", () => {
    const bert = namedParameters(analyze("bert-base")).map((tensor) => tensor.name);
    expect(bert).toContain("embeddings.word_embeddings.weight");
    expect(bert).toContain("encoder.layer.11.attention.self.query.weight");
    expect(bert).toContain("encoder.layer.0.attention.output.LayerNorm.bias");
    expect(bert.at(-1)).toBe("pooler.dense.bias");
    const llama = namedParameters(analyze("llama2-7b")).map((tensor) => tensor.name);
    expect(llama.slice(0, 2)).toEqual(["model.embed_tokens.weight", "model.layers.0.self_attn.q_proj.weight"]);
    expect(llama).toContain("model.layers.31.mlp.down_proj.weight");
    expect(llama.slice(-2)).toEqual(["model.norm.weight", "lm_head.weight"]);
  });
});
