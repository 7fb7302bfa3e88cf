import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ModelCount } from "../../src/count/index.js";
import { readCheckpoint } from "../../src/import/checkpoint.js";
import { crossCheck } from "../../src/import/cross-check.js";
import { importCheckpoint } from "../../src/import/from-checkpoint.js";
import { renderSpec } from "../../src/import/spec-tree.js";
import { elementCount, type CheckpointTensor } from "../../src/import/tensors.js";
import { count } from "../helpers/specs.js";
import { safetensorsHeader, tempDir, writeSafetensors, type TensorEntry } from "./files.js";

const dir = tempDir();
const fixture = (name: string) => new URL(`fixtures/${name}`, import.meta.url).pathname;

function write(name: string, tensors: TensorEntry[]): string {
  const { header, dataLength } = safetensorsHeader(tensors);
  return writeSafetensors(join(dir, name), header, dataLength);
}

const elements = (tensors: readonly CheckpointTensor[]) => tensors.reduce((sum, tensor) => sum + elementCount(tensor.shape)!, 0);
const tensorCount = (model: ModelCount) => model.layers.reduce((sum, layer) => sum + layer.count * (layer.parameters.length + layer.buffers.length), 0);

/** Imports a checkpoint file and reads the spec back, as the user's next command would; it must agree with the file. */
function imported(path: string) {
  const checkpoint = readCheckpoint(path);
  const yaml = renderSpec(importCheckpoint(checkpoint, "model"));
  const model = count(yaml);
  expect(model.totals.params + model.totals.buffers).toBe(elements(checkpoint.tensors));
  expect(tensorCount(model)).toBe(checkpoint.tensors.length);
  return { yaml, model, checkpoint };
}

/** Llama-2-7B as Hugging Face saves it, in bf16: 13 GB of tensor data, left as holes. */
function llamaTensors(layers: number[]): TensorEntry[] {
  const t = (name: string, ...shape: number[]): TensorEntry => ({ name, dtype: "BF16", shape });
  return layers.flatMap((i) => [
    t(`model.layers.${i}.input_layernorm.weight`, 4096),
    t(`model.layers.${i}.mlp.down_proj.weight`, 4096, 11008),
    t(`model.layers.${i}.mlp.gate_proj.weight`, 11008, 4096),
    t(`model.layers.${i}.mlp.up_proj.weight`, 11008, 4096),
    t(`model.layers.${i}.post_attention_layernorm.weight`, 4096),
    ...["k", "o", "q", "v"].map((p) => t(`model.layers.${i}.self_attn.${p}_proj.weight`, 4096, 4096)),
  ]);
}
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe("import safetensors and onnx", () => {
  it("turns a Llama-2-7B checkpoint into a spec of its published 6,738,415,616 parameters, header only", () => {
    const embedding: TensorEntry = { name: "model.embed_tokens.weight", dtype: "BF16", shape: [32000, 4096] };
    const head: TensorEntry[] = [
      { name: "lm_head.weight", dtype: "BF16", shape: [32000, 4096] },
      { name: "model.norm.weight", dtype: "BF16", shape: [4096] },
    ];
    write("model-00001-of-00002.safetensors", [embedding, ...llamaTensors(range(0, 16))]);
    write("model-00002-of-00002.safetensors", [...llamaTensors(range(16, 32)), ...head]);
    const weightMap: Record<string, string> = {};
    for (const tensor of [embedding, ...llamaTensors(range(0, 16))]) weightMap[tensor.name] = "model-00001-of-00002.safetensors";
    for (const tensor of [...llamaTensors(range(16, 32)), ...head]) weightMap[tensor.name] = "model-00002-of-00002.safetensors";
    const index = join(dir, "model.safetensors.index.json");
    writeFileSync(index, JSON.stringify({ metadata: { total_size: 13476839424 }, weight_map: weightMap }));

    const started = performance.now();
    const { yaml, model, checkpoint } = imported(index);
    expect(model.totals.params).toBe(6_738_415_616);
    expect(crossCheck(model, checkpoint.tensors)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(yaml).toContain(
      [
        "  - model:",
        "      layers:",
        "        - embed_tokens: Embedding(32000, 4096, dtype=torch.bfloat16)",
        "        - layers:",
        "            repeat: 32",
        "            layers:",
        "              - input_layernorm: RMSNorm(4096, dtype=torch.bfloat16)",
        "              - mlp:",
        "                  layers:",
        "                    - down_proj: Linear(11008, 4096, bias=False, dtype=torch.bfloat16)",
      ].join("\n"),
    );
    expect(yaml).toContain("  - lm_head: Linear(4096, 32000, bias=False, dtype=torch.bfloat16)\n");
    expect(yaml.split("\n").length).toBeLessThan(40);
  });

  it("recognises convolutions, BatchNorm, LayerNorm and attention from names and shapes", () => {
    const f = (name: string, ...shape: number[]): TensorEntry => ({ name, dtype: "F32", shape });
    const path = write("cnn.safetensors", [
      f("stem.0.weight", 16, 3, 3, 3),
      f("stem.1.weight", 16),
      f("stem.1.bias", 16),
      f("stem.1.running_mean", 16),
      f("stem.1.running_var", 16),
      { name: "stem.1.num_batches_tracked", dtype: "I64", shape: [] },
      f("stem.3.weight", 16, 1, 3, 3),
      f("attn.in_proj_weight", 48, 16),
      f("attn.in_proj_bias", 48),
      f("attn.out_proj.weight", 16, 16),
      f("attn.out_proj.bias", 16),
      f("cross.q_proj_weight", 16, 16),
      f("cross.k_proj_weight", 16, 8),
      f("cross.v_proj_weight", 16, 4),
      f("cross.in_proj_bias", 48),
      f("cross.bias_k", 1, 1, 16),
      f("cross.bias_v", 1, 1, 16),
      f("cross.out_proj.weight", 16, 16),
      f("cross.out_proj.bias", 16),
      f("norm.weight", 16),
      f("norm.bias", 16),
      f("head.weight", 10, 16),
      f("head.bias", 10),
    ]);
    const { yaml, model, checkpoint } = imported(path);
    expect(crossCheck(model, checkpoint.tensors)).toEqual([]);
    expect(yaml).toContain(
      [
        "  - stem:",
        "      layers:",
        "        - Conv2d(3, 16, kernel_size=(3, 3), bias=False, dtype=torch.float32)",
        "        - BatchNorm2d(16)",
        '        - "3": Conv2d(1, 16, kernel_size=(3, 3), bias=False, dtype=torch.float32)',
        "  - attn: MultiheadAttention(16, 1, dtype=torch.float32)  # num_heads=1: the checkpoint does not tell it, and the count does not depend on it",
        "  - cross: MultiheadAttention(16, 1, add_bias_kv=True, kdim=8, vdim=4, dtype=torch.float32)  # num_heads=1: the checkpoint does not tell it, and the count does not depend on it",
        "  - norm: LayerNorm(16, dtype=torch.float32)",
        "  - head: Linear(16, 10, dtype=torch.float32)",
      ].join("\n"),
    );
    expect(model.totals.buffers).toBe(33);
  });

  it("keeps unrecognised tensors as Parameter or Buffer entries with their names, dtypes and numeric order", () => {
    const path = write("gpt2.safetensors", [
      { name: "h.10.attn.c_attn.weight", dtype: "F16", shape: [8, 24] },
      { name: "h.10.attn.c_attn.bias", dtype: "F16", shape: [24] },
      { name: "h.2.attn.c_attn.weight", dtype: "F16", shape: [8, 24] },
      { name: "h.2.attn.c_attn.bias", dtype: "F16", shape: [24] },
      { name: "cls_token", dtype: "F32", shape: [1, 1, 8] },
      { name: "position_ids", dtype: "I64", shape: [1, 16] },
      { name: "mixed.weight", dtype: "BF16", shape: [4, 8] },
      { name: "mixed.bias", dtype: "F32", shape: [4] },
      { name: "stats.running_mean", dtype: "F32", shape: [3] },
    ]);
    const { yaml, model, checkpoint } = imported(path);
    expect(crossCheck(model, checkpoint.tensors)).toEqual([]);
    expect(yaml).toContain("  - cls_token: Parameter(1, 1, 8)  # float32\n  - position_ids: Buffer(1, 16)  # int64\n");
    // transformers' Conv1D stores its weight transposed: no Linear holds [8, 24] with a bias of 24.
    expect(yaml).toContain(
      [
        "  - h:",
        "      layers:",
        '        - "2":',
        "            layers:",
        "              - attn:",
        "                  layers:",
        "                    - c_attn:",
        "                        layers:",
        "                          - weight: Parameter(8, 24)  # float16",
      ].join("\n"),
    );
    expect(yaml.indexOf('"2":')).toBeLessThan(yaml.indexOf('"10":'));
    expect(yaml).toContain("  - mixed: Linear(8, 4)\n");
    expect(yaml).toContain("  - stats:\n      layers:\n        - running_mean: Buffer(3)  # float32\n");
  });

  it("imports ONNX initializers, renaming what a spec key cannot hold", () => {
    const plain = imported(fixture("net.onnx"));
    expect(crossCheck(plain.model, plain.checkpoint.tensors)).toEqual([]);
    expect(plain.yaml).toContain("  - conv: Conv2d(3, 8, kernel_size=(3, 3), dtype=torch.float32)\n");
    const folded = imported(fixture("net-folded.onnx"));
    expect(folded.yaml).toContain("  - onnx__Conv_16: Parameter(8, 3, 3, 3)  # 'onnx::Conv_16' in the source; a spec name holds only letters, digits, _ and -; float32\n");
    expect(folded.yaml.split("\n")[1]).toBe("# Generated by model-budget import onnx from net-folded.onnx: the tensors its header lists,");
  });

  it("refuses a name that is a tensor and a module at once", () => {
    const path = write("clash.safetensors", [
      { name: "a.weight", dtype: "F32", shape: [2] },
      { name: "a.weight.scale", dtype: "F32", shape: [2] },
    ]);
    expect(() => importCheckpoint(readCheckpoint(path), "m")).toThrow(/clash\.safetensors:1:1: 'a\.weight' is both a tensor and a module holding other tensors/);
  });
});
