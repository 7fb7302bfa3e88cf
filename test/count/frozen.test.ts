import { describe, expect, it } from "vitest";
import { memoryOf } from "../helpers/memory.js";
import { count, error } from "../helpers/specs.js";

const trainableOf = (text: string) => {
  const result = count(text);
  return { ...result.totals, tensors: result.layers.flatMap((layer) => layer.parameters.map((tensor) => `${layer.path}.${tensor.name}:${tensor.trainable}`)) };
};

describe("frozen: a list freezes single tensors", () => {
  // PyTorch 1.13: fc = Linear(10, 5); fc.bias.requires_grad_(False) → 55 parameters, 50 trainable.
  it("a layer's own tensors, by name", () => {
    expect(trainableOf('layers:\n  - fc: {layer: "Linear(10, 5)", frozen: [bias]}\n')).toEqual({
      params: 55,
      trainable: 50,
      nonTrainable: 5,
      buffers: 0,
      tensors: ["fc.weight:true", "fc.bias:false"],
    });
  });

  it("tensors below a module, by path, * standing for any child or every instance", () => {
    const spec = `layers:
  - blocks:
      repeat: 3
      frozen: [attn.out_proj.bias, "*.bias"]
      layers:
        - attn: MultiheadAttention(8, 2)
        - fc: Linear(8, 8)
        - act: ReLU()
`;
    expect(trainableOf(spec).tensors).toEqual([
      "blocks.[0-2].attn.in_proj_weight:true",
      "blocks.[0-2].attn.in_proj_bias:true",
      "blocks.[0-2].attn.out_proj.weight:true",
      "blocks.[0-2].attn.out_proj.bias:false",
      "blocks.[0-2].fc.weight:true",
      "blocks.[0-2].fc.bias:false",
    ]);
    expect(trainableOf(spec).nonTrainable).toBe(3 * (8 + 8));
  });

  it("the memory of training follows: no gradient and no optimizer state for a frozen bias", () => {
    // fp32 Adam: 4 bytes of weight each, and for the 10,000 trainable weights 4 of gradient and 8 of state.
    expect(memoryOf('layers:\n  - fc: {layer: "Linear(100, 100)", frozen: [bias]}\n', { optimizer: "Adam", precision: "fp32" }).bytes).toMatchObject({
      weights: 4 * 10_100,
      gradients: 4 * 10_000,
      optimizerState: 8 * 10_000,
    });
  });

  it("a name the layer lacks is an error at the item, with a suggestion", () => {
    expect(error('layers:\n  - fc: {layer: "Linear(10, 5)", frozen: [bais]}\n')).toBe(
      "spec.yaml:2:43: frozen names 'bais', but fc (Linear) has no parameter 'bais'\n  did you mean 'bias'?",
    );
    expect(error('layers:\n  - fc: {layer: "Linear(10, 5, bias=False)", frozen: [bias]}\n')).toBe(
      "spec.yaml:2:55: frozen names 'bias', but fc (Linear) has no parameter 'bias'\n  its parameters are: weight",
    );
  });

  it("a path below a module that names no layer, or a glob no layer has, is an error at the item", () => {
    expect(error("layers:\n  - m:\n      frozen: [fc2.bias]\n      layers:\n        - fc: Linear(4, 4)\n")).toBe(
      "spec.yaml:3:16: frozen names 'fc2.bias', which is no tensor of a layer in m\n  write the path below this entry: the children's names, then the tensor's, e.g. attn.bias; * stands for any one child",
    );
    expect(error('layers:\n  - m:\n      frozen: ["*.bias"]\n      layers:\n        - ReLU()\n        - Linear(4, 4, bias=False)\n')).toBe(
      "spec.yaml:3:16: frozen names '*.bias', but m.0 (ReLU) has no parameter 'bias'\n  it has no parameters",
    );
  });

  it("a module's bare Parameter by its name; a whole layer is frozen: true", () => {
    const spec = "layers:\n  - vit:\n      frozen: [cls_token]\n      layers:\n        - cls_token: Parameter(1, 1, 8)\n        - head: Linear(8, 2)\n";
    expect(trainableOf(spec).tensors).toEqual(["vit.cls_token.:false", "vit.head.weight:true", "vit.head.bias:true"]);
    expect(error("layers:\n  - m:\n      frozen: [head]\n      layers:\n        - head: Linear(8, 2)\n")).toBe(
      "spec.yaml:3:16: frozen names 'head', which is the layer m.head (Linear), not one of its tensors\n  freeze the layer with frozen: true, or name its tensors: weight, bias",
    );
  });

  it("one instance of a run cannot be frozen alone", () => {
    expect(error('layers:\n  - m:\n      frozen: [h.0.bias]\n      layers:\n        - h: {repeat: 2, layer: "Linear(4, 4)"}\n')).toBe(
      "spec.yaml:3:16: frozen 'h.0.bias' names 1 of the 2 instances of m.h.[0-1]\n  freeze every instance with * in place of the index, or split the repeat so the frozen instance is its own entry",
    );
  });

  it("a tie between a frozen and a trainable tensor is still refused", () => {
    expect(error('layers:\n  - a: {layer: "Linear(4, 4)", frozen: [weight]}\n  - b: Linear(4, 4)\ntie:\n  b.weight: a.weight\n')).toBe(
      "spec.yaml:5:3: cannot tie b.weight to a.weight: one is frozen and the other is not\n  a shared tensor is either trainable or not: freeze both or neither",
    );
  });
});

describe("frozen: anything else", () => {
  it("is a schema error that says what to write", () => {
    expect(error('layers:\n  - fc: {layer: "Linear(10, 5)", frozen: 3}\n')).toBe(
      "spec.yaml:2:42: layers[0].fc.frozen must be true or false or a list, not the integer 3\n  write frozen: true for every parameter, or a list of tensor names such as frozen: [bias]",
    );
  });
});
