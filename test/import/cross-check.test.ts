import { describe, expect, it } from "vitest";
import { crossCheck } from "../../src/import/cross-check.js";
import type { CheckpointTensor } from "../../src/import/tensors.js";
import { count } from "../helpers/specs.js";

/** GPT-2's layout at toy sizes: lm_head shares wte's weight, and h is one repeated entry. */
const SPEC = `model: toy-gpt2
vars: {d: 8, vocab: 50}
layers:
  - wte: Embedding(vocab, d)
  - wpe: Embedding(16, d)
  - h:
      repeat: 3
      layers:
        - ln_1: LayerNorm(d)
        - attn:
            layers:
              - c_attn: Linear(d, 3 * d)
              - c_proj: Linear(d, d)
        - mlp:
            layers:
              - c_fc: Linear(d, 4 * d)
              - c_proj: Linear(4 * d, d)
  - ln_f: LayerNorm(d)
  - lm_head: Linear(d, vocab, bias=False)
tie:
  lm_head.weight: wte.weight
`;

const model = count(SPEC);

/** What save_file(model.state_dict()) writes after dropping the tied copy, as safetensors does. */
function saved(): CheckpointTensor[] {
  const tensor = (name: string, ...shape: number[]): CheckpointTensor => ({ name, shape, dtype: "float32", file: "model.safetensors" });
  const block = (i: number) => [
    tensor(`h.${i}.ln_1.weight`, 8),
    tensor(`h.${i}.ln_1.bias`, 8),
    tensor(`h.${i}.attn.c_attn.weight`, 24, 8),
    tensor(`h.${i}.attn.c_attn.bias`, 24),
    tensor(`h.${i}.attn.c_proj.weight`, 8, 8),
    tensor(`h.${i}.attn.c_proj.bias`, 8),
    tensor(`h.${i}.mlp.c_fc.weight`, 32, 8),
    tensor(`h.${i}.mlp.c_fc.bias`, 32),
    tensor(`h.${i}.mlp.c_proj.weight`, 8, 32),
    tensor(`h.${i}.mlp.c_proj.bias`, 8),
  ];
  return [tensor("wte.weight", 50, 8), tensor("wpe.weight", 16, 8), ...[0, 1, 2].flatMap(block), tensor("ln_f.weight", 8), tensor("ln_f.bias", 8)];
}

const messages = (checkpoint: CheckpointTensor[], spec = model) => crossCheck(spec, checkpoint).map((error) => error.message);
const edited = (edit: (tensors: CheckpointTensor[]) => CheckpointTensor[]) => messages(edit(saved()));

describe("crossCheck", () => {
  it("accepts the checkpoint of the spec's model, the tied weight stored once", () => {
    expect(messages(saved())).toEqual([]);
  });

  it("accepts a tie stored under either name, or under both", () => {
    const lmHead: CheckpointTensor = { name: "lm_head.weight", shape: [50, 8], dtype: "float32", file: "model.safetensors" };
    expect(edited((tensors) => [...tensors.filter((tensor) => tensor.name !== "wte.weight"), lmHead])).toEqual([]);
    expect(edited((tensors) => [...tensors, lmHead])).toEqual([]);
    expect(edited((tensors) => [...tensors, { ...lmHead, shape: [51, 8] }])).toEqual([
      "spec.yaml:19:5: lm_head.weight is [50, 8] in the spec but [51, 8] in model.safetensors\n  resize the layer in the spec, or check that the checkpoint is this model's",
    ]);
  });

  it("catches a renamed tensor at its spec line, and says what it was renamed to", () => {
    const renamed = edited((tensors) => tensors.map((tensor) => (tensor.name === "h.1.mlp.c_fc.weight" ? { ...tensor, name: "h.1.mlp.fc_in.weight" } : tensor)));
    expect(renamed).toEqual([
      "spec.yaml:16:17: h.1.mlp.c_fc.weight [32, 8] is in the spec but not in model.safetensors\n  model.safetensors has 'h.1.mlp.fc_in.weight' of that shape: was it renamed?",
      "spec.yaml:16:17: model.safetensors holds h.1.mlp.fc_in.weight [32, 8], which the spec does not have\n  the spec has 'h.1.mlp.c_fc.weight' of that shape: was it renamed?",
    ]);
  });

  it("catches a resized tensor, every instance of a repeated layer in one message", () => {
    expect(edited((tensors) => tensors.map((tensor) => (tensor.name === "wte.weight" ? { ...tensor, shape: [50257, 8] } : tensor)))).toEqual([
      "spec.yaml:4:5: wte.weight is [50, 8] in the spec but [50257, 8] in model.safetensors\n  resize the layer in the spec, or check that the checkpoint is this model's",
    ]);
    expect(edited((tensors) => tensors.map((tensor) => (tensor.name.endsWith("c_fc.bias") ? { ...tensor, shape: [64] } : tensor)))).toEqual([
      "spec.yaml:16:17: 3 tensors: h.0.mlp.c_fc.bias, h.1.mlp.c_fc.bias, h.2.mlp.c_fc.bias is [32] in the spec but [64] in model.safetensors\n  resize the layer in the spec, or check that the checkpoint is this model's",
    ]);
  });

  it("catches missing tensors, a whole repeated entry in one message", () => {
    expect(edited((tensors) => tensors.filter((tensor) => tensor.name !== "ln_f.bias"))).toEqual([
      "spec.yaml:18:5: ln_f.bias [8] is in the spec but not in model.safetensors\n  remove it from the spec, or check that the checkpoint is this model's",
    ]);
    expect(edited((tensors) => tensors.filter((tensor) => !tensor.name.endsWith("ln_1.bias")))).toEqual([
      "spec.yaml:9:11: h.[0-2].ln_1.bias (3 tensors) [8] is in the spec but not in model.safetensors\n  remove it from the spec, or check that the checkpoint is this model's",
    ]);
    expect(edited((tensors) => tensors.filter((tensor) => tensor.name !== "wte.weight"))).toEqual([
      "spec.yaml:4:5: wte.weight [50, 8] is in the spec but not in model.safetensors\n  remove it from the spec, or check that the checkpoint is this model's",
    ]);
  });

  it("catches extra tensors at the nearest layer, numbered runs in one message", () => {
    const masks = [0, 1, 2].map((i): CheckpointTensor => ({ name: `h.${i}.attn.bias`, shape: [1, 1, 16, 16], dtype: "bool", file: "model.safetensors" }));
    expect(edited((tensors) => [...tensors, ...masks, { name: "score.weight", shape: [2, 8], dtype: "float32", file: "model.safetensors" }])).toEqual([
      "spec.yaml:1:1: model.safetensors holds score.weight [2, 8], which the spec does not have\n  add it to the spec: a layer that holds it, or a Parameter entry",
      "spec.yaml:12:17: model.safetensors holds 3 tensors: h.0.attn.bias, h.1.attn.bias, h.2.attn.bias [1, 1, 16, 16], which the spec does not have\n  add it to the spec: a layer that holds it, or a Parameter entry",
    ]);
  });

  it("matches buffers when the checkpoint has them and forgives them when it has not", () => {
    const spec = count("model: m\nlayers:\n  - bn: BatchNorm1d(4)\n  - scale: Parameter(4)\n  - table: Buffer(2, 3)\n");
    const tensor = (name: string, ...shape: number[]): CheckpointTensor => ({ name, shape, dtype: "float32", file: "m.onnx" });
    expect(messages([tensor("bn.weight", 4), tensor("bn.bias", 4), tensor("scale", 4)], spec)).toEqual([]);
    expect(messages([tensor("bn.weight", 4), tensor("bn.bias", 4), tensor("bn.running_mean", 4), tensor("scale", 4), tensor("table", 3, 2)], spec)).toEqual([
      "spec.yaml:5:5: table is [2, 3] in the spec but [3, 2] in m.onnx\n  resize the layer in the spec, or check that the checkpoint is this model's",
    ]);
  });

  it("names the checkpoint as a whole when its tensors come from several shards", () => {
    const sharded = saved().map((tensor, index) => ({ ...tensor, file: `model-0000${index % 2}.safetensors` }));
    expect(messages(sharded.filter((tensor) => tensor.name !== "ln_f.bias"))).toEqual([
      expect.stringMatching(/^spec\.yaml:18:5: ln_f\.bias \[8\] is in the spec but not in the checkpoint\n/),
    ]);
  });

  it("refuses to expand a spec of absurdly many tensors", () => {
    expect(messages([], count('model: m\nlayers:\n  - h: {repeat: 2000000, layer: "Linear(2, 2)"}\n'))).toEqual([
      "spec.yaml:1:1: the spec stands for 4000000 tensors, too many to compare with a checkpoint one by one\n  check the repeat counts",
    ]);
  });
});
