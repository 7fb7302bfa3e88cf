import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSpec } from "../../src/import/spec-tree.js";
import { importTorchRepr } from "../../src/import/torch-repr.js";
import { instancePaths } from "../../src/resolve/index.js";
import { count } from "../helpers/specs.js";

const fixtures = new URL("fixtures/", import.meta.url);
const read = (file: string) => readFileSync(new URL(file, fixtures), "utf8");

interface HfModel {
  class: string;
  params: number;
  tie_word_embeddings: boolean;
}
const hf = (JSON.parse(read("hf/counts.json")) as { models: Record<string, HfModel> }).models;
const measured = (JSON.parse(read("repr-counts.json")) as { models: Record<string, { params: number; named_parameters: [string, number[]][] }> }).models;

function imported(file: string) {
  const result = importTorchRepr(read(file), file, "model");
  const yaml = renderSpec(result.spec);
  return { ...result, yaml, params: count(yaml).totals.params };
}

/** The spec with its suggested tie: block uncommented, as a user who checked the model would make it. */
function withSuggestedTies(yaml: string): string {
  const [spec, block] = yaml.split("\n# tie:\n") as [string, string | undefined];
  if (block === undefined) throw new Error("the spec suggests no tie");
  return `${spec}\ntie:\n${block
    .split("\n")
    .map((line) => line.replace(/^# /, ""))
    .join("\n")}`;
}
const tiedParams = (yaml: string) => count(withSuggestedTies(yaml)).totals.params;
const tieBlock = (yaml: string) => yaml.slice(yaml.indexOf("# Suggested ties"));

describe("import torch-repr: transformers' classes and shared modules", () => {
  for (const [name, model] of Object.entries(hf)) {
    it(`imports ${name} (${model.class}, transformers 5) to its parameters() count, ${model.tie_word_embeddings ? "with" : "without"} the suggested tie`, () => {
      const result = imported(`hf/${name}.txt`);
      // Every class of these models is known: nothing is replaced by Identity() or missing.
      expect(result.warnings).toEqual([]);
      expect(result.yaml).not.toContain("TODO");
      expect(model.tie_word_embeddings ? tiedParams(result.yaml) : result.params).toBe(model.params);
      // The tie is suggested, never applied: the head's weight has the embedding's shape either way.
      expect(result.caveats).toEqual([expect.stringMatching(/^up to [\d,]+ parameters may be counted twice: modules printed at several places may be one shared module/)]);
    });
  }

  it("counts LlamaRMSNorm as itself (a catalogue type: its float32 upcast keeps more), and writes a commented tie for a head shaped like the embedding (llama-1b-tied)", () => {
    const { yaml, params, caveats } = imported("hf/llama-1b-tied.txt");
    expect(yaml).toContain("              - input_layernorm: LlamaRMSNorm((2048,), eps=1e-05)\n");
    expect(yaml).toContain("                    - act_fn: SiLU()  # SiLUActivation: no tensors\n");
    expect(yaml).toContain("        - rotary_emb: Identity()  # LlamaRotaryEmbedding: no parameters; its inv_freq buffers are non-persistent (never saved) and not counted here\n");
    expect(params).toBe(1_235_814_400 + 128_256 * 2048);
    expect(tieBlock(yaml)).toBe(
      [
        "# Suggested ties: print(model) prints a shared module at every place it is used, so the spec counts it at each.",
        "# Where the model shares it, uncomment the tie: line and the ties that hold, and it counts once, as parameters() does.",
        "# tie:",
        "#   # lm_head's weight [128256, 2048] has the shape of model.embed_tokens's: often the same tensor (tie_word_embeddings=True)",
        "#   lm_head.weight: model.embed_tokens.weight",
        "",
      ].join("\n"),
    );
    expect(caveats).toEqual([
      "up to 262,668,288 parameters may be counted twice: modules printed at several places may be one shared module (see the suggested tie: at the end of the spec)",
    ]);
  });

  it("writes GPT-2's Conv1D(nf, nx) as its two tensors, the weight [nx, nf] as transformers stores it", () => {
    const { yaml, params } = imported("hf/gpt2-large-like.txt");
    expect(yaml).toContain(
      [
        "                    - c_attn:",
        "                        layers:  # Conv1D(nf=3840, nx=1280): transformers' Linear(1280, 3840) with its weight stored transposed",
        "                          - weight: Parameter(1280, 3840)",
        "                          - bias: Parameter(3840)",
      ].join("\n"),
    );
    expect(count(yaml).layers.map((layer) => layer.path)).toContain("transformer.h.[0-35].attn.c_attn.weight");
    expect(params).toBe(774_030_080 + 50_257 * 1280);
  });

  it("suggests T5's shared embedding for both stacks and the head, and names T5LayerNorm's hidden weight (T5-base: 222,903,552)", () => {
    const result = imported("hf/t5-base.txt");
    expect(result.params).toBe(296_878_848);
    expect(tieBlock(result.yaml)).toContain(
      [
        "#   # shared, encoder.embed_tokens, decoder.embed_tokens print alike, Embedding(32128, 768): usually one embedding shared (as T5's shared and embed_tokens are)",
        "#   encoder.embed_tokens.weight: shared.weight",
        "#   decoder.embed_tokens.weight: shared.weight",
        "#   # lm_head's weight [32128, 768] has the shape of shared's: often the same tensor (tie_word_embeddings=True)",
        "#   lm_head.weight: shared.weight",
      ].join("\n"),
    );
    // 62 T5LayerNorm modules of d_model 768 hold the only tensors print(model) does not show.
    expect(tiedParams(result.yaml) + 62 * 768).toBe(222_903_552);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]!.message.split("\n").slice(0, 2)).toEqual([
      "T5LayerNorm holds tensors print(model) does not show (printed 12 times, 62 modules), which the spec does not count:",
      "  hf/t5-base.txt:16:27: encoder.block.0.layer.0.layer_norm: weight [hidden_size]",
    ]);
    expect(result.warnings[0]!.message.split("\n").slice(-2)).toEqual([
      "  the spec holds Identity() in its place; write it as a module of Parameter entries:",
      "  - layer_norm: {layers: [{weight: Parameter(hidden_size)}]}",
    ]);
    expect(result.caveats).toEqual([
      "parameters print(model) does not size are missing: the tensors of T5LayerNorm (see the warnings)",
      "up to 74,022,912 parameters may be counted twice: modules printed at several places may be one shared module (see the suggested tie: at the end of the spec)",
    ]);
  });

  it("names Mamba's A_log and D, sized from the mixer's children (mamba-130m: 129,135,360)", () => {
    const result = imported("hf/mamba-130m.txt");
    expect(result.warnings.map((warning) => [warning.code, warning.severity, warning.line, warning.col])).toEqual([["MB805", "warning", 7, 18]]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      [
        "MambaMixer holds tensors print(model) does not show (printed once, 24 modules), which the spec does not count:",
        "  hf/mamba-130m.txt:7:18: backbone.layers.[0-23].mixer: A_log [1536, 16], D [1536]",
        "  add them to its layers as Parameter entries, before its children as named_parameters() lists them:",
        "  - A_log: Parameter(1536, 16)",
        "  - D: Parameter(1536)",
      ].join("\n"),
    ]);
    expect(result.yaml).toContain("        - norm: RMSNorm(768, eps=1e-05)  # MambaRMSNorm\n");
    expect(result.caveats![0]).toBe("626,688 parameters are missing: tensors of MambaMixer that print(model) does not show (see the warnings)");
    expect(tiedParams(result.yaml) + 24 * (1536 * 16 + 1536)).toBe(129_135_360);
  });

  it("names CLIP's class_embedding and torchvision ViT's class_token and pos_embedding", () => {
    const clip = imported("hf/clip-vision-embeddings.txt");
    expect(clip.warnings[0]!.message.split("\n").slice(0, 4)).toEqual([
      "CLIPVisionEmbeddings holds tensors print(model) does not show (printed once), which the spec does not count:",
      "  hf/clip-vision-embeddings.txt:2:17: embeddings: class_embedding [768]",
      "  add them to its layers as Parameter entries, before its children as named_parameters() lists them:",
      "  - class_embedding: Parameter(768)",
    ]);
    const vit = imported("vit_b_16.txt");
    expect(vit.warnings.map((warning) => warning.message.split("\n").slice(0, 2).join("\n"))).toEqual([
      "VisionTransformer holds tensors print(model) does not show (printed once), which the spec does not count:\n  vit_b_16.txt:1:1: the model itself: class_token [1, 1, 768]",
      "Encoder holds tensors print(model) does not show (printed once), which the spec does not count:\n  vit_b_16.txt:3:14: encoder: pos_embedding [1, seq_length, hidden_dim]",
    ]);
    // class_token [1, 1, 768] and pos_embedding [1, 197, 768] at 224 pixels are what print(model) cannot show.
    expect(vit.params + 768 + 197 * 768).toBe(measured.vit_b_16!.params);
    expect(vit.caveats).toEqual([
      "768 parameters are missing: tensors of VisionTransformer that print(model) does not show (see the warnings)",
      "parameters print(model) does not size are missing: the tensors of Encoder (see the warnings)",
    ]);
  });

  it("names transformers 5's fused MixtralExperts and MixtralTopKRouter with what they hold", () => {
    const result = imported("hf/mixtral-layer.txt");
    expect(result.warnings.map((warning) => warning.message.split("\n").slice(0, 2).join("\n"))).toEqual([
      "MixtralTopKRouter holds tensors print(model) does not show (printed once, 32 modules), which the spec does not count:\n  hf/mixtral-layer.txt:13:19: model.layers.[0-31].mlp.gate: weight [num_experts, hidden_size]",
      "MixtralExperts holds tensors print(model) does not show (printed once, 32 modules), which the spec does not count:\n  hf/mixtral-layer.txt:14:22: model.layers.[0-31].mlp.experts: gate_up_proj [num_experts, 2 × intermediate_size, hidden_size], down_proj [num_experts, hidden_size, intermediate_size]",
    ]);
    expect(result.yaml).toContain("            - gate: Identity()  # TODO print(model) shows MixtralTopKRouter(), whose tensors it does not show: see the note at the top\n");
    expect(result.caveats![0]).toBe("parameters print(model) does not size are missing: the tensors of MixtralTopKRouter, MixtralExperts (see the warnings)");
  });

  it("keeps unknown activations with tensors (XIELUActivation) as unknown, and unknown *RMSNorm arguments as a warning", () => {
    const result = imported("hf/llama-1b-tied.txt");
    expect(result.warnings).toEqual([]);
    const text = "Net(\n  (act): XIELUActivation()\n  (norm): OddRMSNorm((8,), eps=1e-06, with_scale=False)\n)\n";
    const odd = importTorchRepr(text, "net.txt", "net");
    expect(odd.warnings.map((warning) => warning.message.split("\n")[0])).toEqual([
      "XIELUActivation is no layer type model-budget knows (printed once); the spec holds Identity() in its place, which holds no tensors:",
      "OddRMSNorm is no layer type model-budget knows (printed once); the spec holds Identity() in its place, which holds no tensors:",
    ]);
  });

  it("suggests the tie for one module object printed at each place it is used (torchinfo's ReuseLinear: 440 printed, 110 real)", () => {
    const result = imported("reuse_linear.txt");
    expect(result.params).toBe(440);
    expect(tieBlock(result.yaml)).toContain(
      [
        "#   # model.0, model.2, model.4, model.6 print alike, Linear(in_features=10, out_features=10, bias=True), with other modules between them: if one module object is used at each place, print(model) prints it at each",
        "#   model.2.weight: model.0.weight",
        "#   model.2.bias: model.0.bias",
        "#   model.4.weight: model.0.weight",
      ].join("\n"),
    );
    expect(tiedParams(result.yaml)).toBe(measured.reuse_linear!.params);
    expect(result.caveats).toEqual([
      "up to 330 parameters may be counted twice: modules printed at several places may be one shared module (see the suggested tie: at the end of the spec)",
    ]);
  });

  it("suggests no tie where alike layers sit side by side or differ (a ModuleList of blocks, VGG's convolutions)", () => {
    for (const file of ["../../fixtures/pytorch/repr/vgg16.txt", "../../fixtures/pytorch/repr/resnet50.txt", "custom.txt", "vit_b_16.txt"]) {
      const result = imported(file);
      expect(result.yaml, file).not.toContain("# tie:");
      expect(
        result.caveats!.filter((caveat) => caveat.includes("twice")),
        file,
      ).toEqual([]);
    }
  });

  it("imports a ModuleList's None slot as an empty slot with a note", () => {
    const result = imported("none_slot.txt");
    expect(result.params).toBe(measured.none_slot!.params);
    expect(count(result.yaml).layers.flatMap((layer) => instancePaths(layer.path).flatMap((path) => layer.parameters.map((tensor) => `${path}.${tensor.name}`)))).toEqual(
      measured.none_slot!.named_parameters.map(([name]) => name),
    );
    expect(result.yaml).toContain("# print(model) shows None at layers.3: an empty slot of a ModuleList, holding no tensors; the spec skips its number.\n");
    expect(result.warnings).toEqual([]);
  });
});
