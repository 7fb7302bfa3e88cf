import { describe, expect, it } from "vitest";
import { count, error } from "../helpers/specs.js";

const params = (text: string) => count(text).totals.params;

/** Every name is a variable in scope or an error at the name; strings are strings only when quoted. */
describe("undefined names are errors in every position", () => {
  const lora = 'vars:\n  q_lora_rank: 0\n  d: 8\nlayers:\n  - q_a: {layer: "Linear(d, 4)", if: q_lora_rnak == 0}\n';

  it("in if:, where == once compared the unresolved name as text", () => {
    expect(error(lora)).toBe("spec.yaml:5:38: undefined variable 'q_lora_rnak'\n  did you mean 'q_lora_rank'?");
    expect(error('layers:\n  - a: {layer: "Linear(1, 1)", if: "no_such_var == \'no_such_var\'"}\n')).toBe(
      "spec.yaml:2:37: undefined variable 'no_such_var'\n  define it under vars:, or write 'no_such_var' in quotes for a string",
    );
    expect(error('vars:\n  stride: 1\nlayers:\n  - a: {layer: "Linear(1, 1)", if: strid != 1}\n')).toBe("spec.yaml:4:36: undefined variable 'strid'\n  did you mean 'stride'?");
  });

  it("in vars, with:, repeat: and residual: {if:}", () => {
    expect(error("vars:\n  d: 4\n  use_bias: no_such_var == 1\nlayers:\n  - a: Linear(d, d, bias=use_bias)\n")).toBe(
      "spec.yaml:3:13: undefined variable 'no_such_var'\n  define it under vars:, or write 'no_such_var' in quotes for a string",
    );
    expect(error("vars:\n  act: gelu\nlayers:\n  - a: Linear(1, 1)\n")).toBe(
      "spec.yaml:2:8: undefined variable 'gelu'\n  define it under vars:, or write 'gelu' in quotes for a string",
    );
    expect(error('vars:\n  width: 4\nblocks:\n  b: {params: {w: ~}, layers: ["Linear(w, w)"]}\nlayers:\n  - a: {use: b, with: {w: widht}}\n')).toBe(
      "spec.yaml:6:27: undefined variable 'widht'\n  did you mean 'width'?",
    );
    expect(error("vars:\n  depth: 2\nlayers:\n  - a: {repeat: 2 * depht, layers: []}\n")).toBe("spec.yaml:4:21: undefined variable 'depht'\n  did you mean 'depth'?");
    expect(error('vars:\n  stride: 1\nlayers:\n  - a: {residual: {if: stide == 1}, layers: ["Linear(1, 1)"]}\n')).toBe(
      "spec.yaml:4:24: undefined variable 'stide'\n  did you mean 'stride'?",
    );
  });

  it("in layer arguments, at the name, with the closest variable", () => {
    expect(error("vars:\n  hidden: 4\nlayers:\n  - a: Conv2d(4, 4, kernel_size=(hiden, 3))\n")).toBe("spec.yaml:4:34: undefined variable 'hiden'\n  did you mean 'hidden'?");
    expect(error("vars:\n  hidden: 4\nlayers:\n  - a: {type: Linear, in_features: hiden, out_features: 4}\n")).toBe(
      "spec.yaml:4:36: undefined variable 'hiden' in argument 'in_features' of Linear\n  did you mean 'hidden'?",
    );
  });

  it("in forward: ops' arguments", () => {
    expect(error('vars:\n  dim: 1\ninput: [4, 4]\nforward: ["flatten(dm)", fc]\nlayers:\n  - fc: Linear(16, 2)\n')).toBe(
      "spec.yaml:4:20: undefined variable 'dm' in argument 'start_dim' of flatten\n  did you mean 'dim'?",
    );
  });

  it("keeps the bare keywords print(model) writes, and dotted names, as the layer's to read", () => {
    expect(params("layers:\n  - EmbeddingBag(10, 4, mode=sum)\n  - Conv1d(2, 2, 3, padding=same, padding_mode=reflect)\n  - RNN(2, 2, nonlinearity=relu)\n")).toBe(40 + 14 + 12);
    expect(params("layers:\n  - Buffer(1, 8, persistent=False, dtype=torch.long)\n  - {type: EmbeddingBag, num_embeddings: 10, embedding_dim: 4, mode: max}\n")).toBe(40);
    expect(params("layers:\n  - TransformerEncoderLayer(8, 2, 16, activation=F.gelu)\n")).toBe(count("layers:\n  - TransformerEncoderLayer(8, 2, 16)\n").totals.params);
  });

  it("reports a keyword argument's undefined variable at the name, not the keyword", () => {
    expect(error("vars:\n  use_bias: True\nlayers:\n  - a: Linear(2, 2, bias=use_bais)\n")).toBe(
      "spec.yaml:4:26: undefined variable 'use_bais' in argument 'bias' of Linear\n  did you mean 'use_bias'?",
    );
  });

  it("refuses an activation that spells almost a variable, and keeps bare function names", () => {
    expect(error("vars:\n  act: 'gelu'\nlayers:\n  - TransformerEncoderLayer(8, 2, 16, activation=actt)\n")).toBe(
      "spec.yaml:4:50: undefined variable 'actt' in argument 'activation' of TransformerEncoderLayer\n  for a function, write F.actt; if 'actt' is a variable: did you mean 'act'?",
    );
    expect(params("vars:\n  act: 'gelu'\nlayers:\n  - TransformerEncoderLayer(8, 2, 16, activation=act)\n")).toBe(
      params("layers:\n  - TransformerEncoderLayer(8, 2, 16, activation=silu)\n"),
    );
  });

  it("says a bare word a layer does not know may be a misspelt variable", () => {
    expect(error("vars:\n  mode_name: 'sum'\nlayers:\n  - EmbeddingBag(10, 4, mode=mode_nme)\n")).toBe(
      "spec.yaml:4:30: EmbeddingBag mode must be 'sum', 'mean' or 'max', got 'mode_nme'\n  if 'mode_nme' is a variable: did you mean 'mode_name'?",
    );
    expect(params("vars:\n  mode_name: 'sum'\nlayers:\n  - EmbeddingBag(10, 4, mode=mode_name)\n")).toBe(40);
  });

  it("compares quoted strings, numbers and booleans as Python does", () => {
    const spec = (condition: string) => `vars:\n  mode: 'sum'\n  n: 2\nlayers:\n  - a: {layer: "Linear(1, 1)", if: "${condition}"}\n`;
    expect(params(spec("mode == 'sum'"))).toBe(2);
    expect(params(spec("mode != 'sum'"))).toBe(0);
    expect(params(spec("n == 2.0 and True == 1"))).toBe(2);
  });

  it("evaluates a block's residual: {if:} with each use's parameters", () => {
    // The residual adds x [.., 4] to the path's [.., 8] only when s == 1: shape inference refuses that use alone.
    const spec = (s: number) =>
      `input: [4]\nblocks:\n  b:\n    params: {s: ~}\n    residual: {if: s == 1}\n    layers: ["Linear(4, 8)"]\nlayers:\n  - x: {use: b, with: {s: ${s}}}\n`;
    expect(params(spec(2))).toBe(40);
    expect(error(spec(1))).toBe("spec.yaml:5:15: x cannot add x.0 [1, 8] and the input [1, 4]\n  the shapes must be equal or broadcast");
  });
});

describe("conditions that do not parse are errors, never silently true", () => {
  it("a stray parenthesis", () => {
    expect(error('vars:\n  stride: 2\nlayers:\n  - a: {layer: "Linear(1, 1)", if: "stride != 1)"}\n')).toBe("spec.yaml:4:48: unexpected ')' after the end of the expression");
  });

  it("past the expression limit", () => {
    expect(error(`layers:\n  - a: {layer: "Linear(1, 1)", if: "${"1 + ".repeat(2600)}1 == 1"}\n`)).toBe(
      "spec.yaml:2:37: expression is 10406 characters long, more than the 10000 allowed",
    );
  });
});

describe("/ and ** as in Python", () => {
  it("says to use // when / gives a float where an integer is needed", () => {
    expect(error("vars:\n  d: 8\nlayers:\n  - a: Linear(d / 2, 4)\n")).toBe(
      "spec.yaml:4:15: Linear argument 'in_features' must be an integer, got the number 4.0\n  `/` gives a float, as in Python: use `//` for integer division",
    );
    expect(error("vars:\n  d: 8\nlayers:\n  - a: {repeat: d / 2, layers: []}\n")).toBe(
      "spec.yaml:4:17: repeat must be an integer, not the number 4.0\n  `/` gives a float, as in Python: use `//` for integer division",
    );
    expect(error("vars:\n  k: 6\nlayers:\n  - a: Conv2d(1, 1, kernel_size=(k / 2, 3))\n")).toBe(
      "spec.yaml:4:21: Conv2d argument 'kernel_size' must be an integer or a tuple of integers, got a tuple of 2\n  `/` gives a float, as in Python: use `//` for integer division",
    );
    expect(params("vars:\n  d: 8\nlayers:\n  - a: Linear(d // 2, 4)\n")).toBe(20);
  });

  it("computes powers exactly, right to left, or refuses them", () => {
    expect(params("layers:\n  - a: Linear(2 ** 3, 2 ** 2 ** 1, bias=False)\n")).toBe(32);
    expect(params("vars:\n  n: -2 ** 2 + 5\nlayers:\n  - a: Linear(n, 1, bias=False)\n")).toBe(1);
    expect(error("vars:\n  big: 10 ** 10 ** 10\nlayers:\n  - a: Linear(1, 1)\n")).toBe(
      "spec.yaml:2:11: integer above 2^53 - 1 (9,007,199,254,740,991): it cannot be counted exactly\n  check the expression for a runaway product",
    );
  });
});
