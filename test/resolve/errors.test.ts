import { describe, expect, it } from "vitest";
import { error, errors } from "../helpers/specs.js";

/** One test per class of bad input: the whole message, with file:line:col and what to do. */
describe("errors point at the offending spot and say what to do", () => {
  it("YAML syntax", () => {
    expect(error("layers:\n  - a: Linear(4, 4)\n   - b: x\n")).toBe(
      "spec.yaml:3:4: YAML syntax error: All sequence items must start at the same column\n  line 3 ('- b: x') is probably mis-indented: it starts at column 4, the list item on line 2 ('- a: Linear(4, 4)') at column 3; line them up, or nest it under a key",
    );
  });

  it("schema violations, all of them, mapped to their YAML nodes", () => {
    expect(errors("model: x\nlayer:\n  - a: Linear(4,4)\nvars:\n  d: [1]\n")).toEqual([
      "spec.yaml:2:1: unknown key 'layer' in the file's top level\n  did you mean 'layers'?",
      "spec.yaml:5:6: vars.d must be an integer or a number or a string or true or false or ~, not a list",
    ]);
    expect(error("layers:\n  - 5\n")).toBe(
      "spec.yaml:2:5: layers[0] must be a mapping, not the integer 5\n  a layer is a call string `Linear(d, 4 * d)`, or a mapping with one of type:, layer:, layers:, use:, include:",
    );
    expect(error("layers:\n  - a: Linear(4, 4)\n    b: Linear(4, 4)\n")).toBe(
      "spec.yaml:2:5: layers[0] has 2 keys where one is expected\n  each entry is a one-key mapping `- name: Layer(...)`; indent a layer's options under its name",
    );
    expect(error("layers:\n  - a: {layers: [], bad: 1}\n")).toBe(
      "spec.yaml:2:21: unknown key 'bad' in layers[0].a\n  allowed keys: layer, layers, use, include, with, repeat, top_k, if, frozen, dtype, inputs, forward, residual, branches, lint",
    );
    expect(error("layers:\n  - a: {layers: [], repaet: 2}\n")).toBe("spec.yaml:2:21: unknown key 'repaet' in layers[0].a\n  did you mean 'repeat'?");
    expect(error("layers:\n  - a: {type: Linear, layers: []}\n")).toBe(
      "spec.yaml:2:23: 'layers' cannot be combined with 'type' in layers[0].a\n  a layer is either type: with its arguments, or one of layer:, layers:, use:, include:",
    );
  });

  it("a layer with two kinds, or none", () => {
    expect(error("blocks:\n  b: {layers: []}\nlayers:\n  - a: {use: b, layers: []}\n")).toBe(
      "spec.yaml:4:9: a layer has one of type, layer, layers, use, include; this one has both 'layers' and 'use'\n  split it into two entries",
    );
  });

  it("unknown layer types, with the closest name", () => {
    expect(error("layers:\n  - a: Linaer(4, 4)\n")).toBe("spec.yaml:2:8: unknown layer type 'Linaer'\n  did you mean 'Linear'?");
    expect(error("layers:\n  - a: MyBlock(4)\n")).toBe(
      "spec.yaml:2:8: unknown layer type 'MyBlock'\n  model-budget knows torch.nn's layers; a custom module's own tensors can be written as Parameter(...) entries",
    );
  });

  it("unknown, duplicate, missing and surplus arguments", () => {
    expect(error("layers:\n  - a: Linear(4, 4, bais=True)\n")).toBe("spec.yaml:2:21: Linear has no argument 'bais'\n  did you mean 'bias'?");
    expect(error("layers:\n  - a: Linear(4, 4, in_features=3)\n")).toBe("spec.yaml:2:21: Linear got two values for argument 'in_features'\n  give each argument once");
    expect(error("layers:\n  - a: Linear(4)\n")).toBe(
      "spec.yaml:2:8: Linear is missing its required argument 'out_features'\n  signature: Linear(in_features, out_features, bias=True, device=None, dtype=None)",
    );
    expect(error("layers:\n  - a: Linear(4, 4, True, None, None, 7)\n")).toBe(
      "spec.yaml:2:39: Linear takes at most 5 positional arguments, got more\n  name the extra argument, e.g. name=value",
    );
    expect(error("layers:\n  - a: ReLU(inplace=True, eps=1e-5)\n")).toBe("spec.yaml:2:27: ReLU has no argument 'eps'\n  its arguments are: inplace");
  });

  it("wrong argument types", () => {
    expect(error("layers:\n  - a: Linear(4, 4, 'x')\n")).toBe("spec.yaml:2:21: Linear argument 'bias' must be True or False, got the string 'x'\n  write True or False");
    expect(error("layers:\n  - a: Linear(4.5, 4)\n")).toBe(
      "spec.yaml:2:15: Linear argument 'in_features' must be an integer, got the number 4.5\n  write a whole number such as 64; in an expression, // divides to a whole number",
    );
    expect(error("layers:\n  - a: {type: Linear, in_features: 4, out_features: [1, 2]}\n")).toBe(
      "spec.yaml:2:39: Linear argument 'out_features' must be an integer, got a tuple of 2\n  write a whole number such as 64; in an expression, // divides to a whole number",
    );
  });

  it("PyTorch's own constraints", () => {
    expect(error("layers:\n  - a: Conv2d(6, 9, 3, groups=4)\n")).toBe(
      "spec.yaml:2:24: Conv2d in_channels=6 is not divisible by groups=4\n  use a groups value that divides both in_channels and out_channels",
    );
    expect(error("layers:\n  - a: MultiheadAttention(512, 7)\n")).toBe(
      "spec.yaml:2:32: MultiheadAttention needs 'embed_dim' divisible by 'num_heads', got embed_dim=512 with num_heads=7\n  each head takes embed_dim / num_heads features: make embed_dim a multiple of 7 (such as 511 or 518), or num_heads a divisor of 512",
    );
    expect(error("layers:\n  - a: LSTM(10, 20, proj_size=20)\n")).toBe(
      "spec.yaml:2:21: LSTM needs 'proj_size' smaller than 'hidden_size', got proj_size=20 with hidden_size=20\n  proj_size is the size of the projected hidden state; 0 means no projection",
    );
  });

  it("undefined variables", () => {
    expect(error("vars:\n  d: 4\nlayers:\n  - a: Linear(d, dd)\n")).toBe("spec.yaml:4:18: undefined variable 'dd' in argument 'out_features' of Linear\n  did you mean 'd'?");
    expect(error("vars:\n  width: 4\nlayers:\n  - a: Linear(width, dd)\n")).toBe(
      "spec.yaml:4:22: undefined variable 'dd' in argument 'out_features' of Linear\n  define it under vars:, or check its spelling",
    );
    expect(error("vars:\n  d: 4\nlayers:\n  - a: Linear(d, 4 * dd)\n")).toBe("spec.yaml:4:22: undefined variable 'dd'\n  did you mean 'd'?");
    expect(error("layers:\n  - a: {repeat: n, layers: []}\n")).toBe("spec.yaml:2:17: undefined variable 'n'\n  define it under vars:, or write 'n' in quotes for a string");
  });

  it("bad repeat counts", () => {
    expect(error("layers:\n  - a: {repeat: -1, layers: []}\n")).toBe("spec.yaml:2:17: repeat must not be negative, got -1");
    expect(error("layers:\n  - a: {repeat: '2.5', layers: []}\n")).toBe("spec.yaml:2:17: repeat must be an integer, not the number 2.5");
  });

  it("ties to missing parameters, missing layers, several instances, or other shapes", () => {
    const base = 'layers:\n  - a: Linear(4, 4)\n  - b: Linear(4, 5)\n  - h: {repeat: 2, layers: [{fc: "Linear(4, 4)"}]}\ntie:\n';
    expect(error(`${base}  a.weigth: b.weight\n`)).toBe("spec.yaml:6:3: a (Linear) has no parameter 'weigth'\n  did you mean 'weight'?");
    expect(error(`${base}  c.weight: a.weight\n`)).toBe(
      "spec.yaml:6:3: tie names 'c.weight', which is no layer of this model\n  write the parameter's full path, e.g. lm_head.weight",
    );
    expect(error(`${base}  b.weight: a.weight\n`)).toBe(
      "spec.yaml:6:3: cannot tie b.weight [5, 4] to a.weight [4, 4]: shapes differ\n  tied tensors share storage, so their shapes must be equal",
    );
    expect(error(`${base}  h.0.fc.weight: a.weight\n`)).toBe(
      "spec.yaml:6:3: tie 'h.0.fc.weight' names 1 of the 2 instances of h.[0-1].fc\n  tie every instance with * in place of the index, or split the repeat so the tied instance is its own entry",
    );
    expect(error(`${base}  a.weight: h.*.fc.weight\n`)).toBe(
      "spec.yaml:6:13: tie target 'h.*.fc.weight' names 2 tensors, not one\n  give the index of one instance in place of *, e.g. h.0.attn.weight",
    );
    expect(error('layers:\n  - a: {layer: "Linear(4, 4)", frozen: true}\n  - b: Linear(4, 4)\ntie:\n  b.weight: a.weight\n')).toBe(
      "spec.yaml:5:3: cannot tie b.weight to a.weight: one is frozen and the other is not\n  a shared tensor is either trainable or not: freeze both or neither",
    );
  });

  it("duplicate names in one module, including Sequential numbers", () => {
    expect(error("layers:\n  - a: Linear(4, 4)\n  - a: Linear(4, 4)\n")).toBe(
      "spec.yaml:3:5: duplicate name 'a' in one module\n  the first 'a' is at line 2; give each child its own name",
    );
    expect(error('layers:\n  - Linear(4, 4)\n  - "0": Linear(4, 4)\n')).toBe(
      "spec.yaml:3:5: duplicate name '0' in one module\n  the first '0' is at line 2; give each child its own name",
    );
  });

  it("blocks: unknown, cyclic, missing or unknown parameters, with: without a block", () => {
    expect(error("blocks:\n  mlp: {layers: []}\nlayers:\n  - a: {use: mpl}\n")).toBe("spec.yaml:4:14: unknown block 'mpl'\n  did you mean 'mlp'?");
    expect(error("blocks:\n  x: {layers: [{y: {use: y}}]}\n  y: {layers: [{x: {use: x}}]}\nlayers:\n  - a: {use: x}\n")).toBe(
      "spec.yaml:3:26: block 'x' includes itself: block x → block y → block x\n  break the cycle",
    );
    expect(error("blocks:\n  b: {params: {w: ~}, layers: []}\nlayers:\n  - a: {use: b}\n")).toBe(
      "spec.yaml:4:14: block 'b' needs a value for 'w'\n  add it under with:, e.g. with: {w: ...}",
    );
    expect(error("blocks:\n  b: {params: {width: ~}, layers: []}\nlayers:\n  - a: {use: b, with: {widht: 3}}\n")).toBe(
      "spec.yaml:4:24: block 'b' has no parameter 'widht'\n  did you mean 'width'?",
    );
    expect(error("layers:\n  - a: {layers: [], with: {x: 1}}\n")).toBe(
      "spec.yaml:2:21: with: gives arguments to a block or an included spec, and this entry has neither\n  use: a block, or write the arguments in the call",
    );
  });

  it("includes: missing files and cycles", () => {
    expect(error("include: common.yaml\nlayers:\n  - a: Linear(1, 1)\n")).toBe(
      "spec.yaml:1:10: included file common.yaml does not exist\n  paths are relative to the including spec",
    );
    expect(error("include: a.yaml\nlayers:\n  - x: Linear(1, 1)\n", { "a.yaml": "include: spec.yaml\n" })).toBe(
      "a.yaml:1:10: include cycle: spec.yaml → a.yaml → spec.yaml\n  remove one of the includes",
    );
    expect(error("layers:\n  - e: {include: lib.yaml}\n", { "lib.yaml": "vars:\n  d: 1\n" })).toBe(
      "spec.yaml:2:18: lib.yaml has no layers: to include as a module\n  include: a spec with layers:, or use: one of its blocks",
    );
    expect(error("layers:\n  - e: {include: lib.yaml}\n", { "lib.yaml": "layers:\n  - a: Linaer(1, 1)\n" })).toBe(
      "lib.yaml:2:8: unknown layer type 'Linaer'\n  did you mean 'Linear'?",
    );
  });

  it("absurd sizes beyond exact integers", () => {
    expect(error("vars:\n  big: 100000000000\nlayers:\n  - a: Linear(big, big)\n")).toBe(
      "spec.yaml:4:5: the element count of a.weight [100000000000, 100000000000] exceeds 2^53 - 1 = 9,007,199,254,740,991 and cannot be counted exactly\n  check the sizes and repeat counts for a typo",
    );
    expect(error('layers:\n  - h: {repeat: 100000000000, layers: [{fc: "Linear(1000, 1000)"}]}\n')).toBe(
      "spec.yaml:2:41: parameters of h.[0-99999999999].fc exceeds 2^53 - 1 = 9,007,199,254,740,991 and cannot be counted exactly\n  check the sizes and repeat counts for a typo",
    );
  });

  it("a spec without layers", () => {
    expect(error("model: x\n")).toBe("spec.yaml:1:1: the spec has no layers:\n  list the model's layers under layers:, or include this file from a spec that does");
  });
});
