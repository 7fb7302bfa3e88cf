import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { namedParameters } from "../helpers/named-parameters.js";
import { count, error, files } from "../helpers/specs.js";

interface Measured {
  case: string;
  output: number[];
  saved_bytes: number;
  parameters: [string, number[]][];
  total_params: number;
}
const measured = (JSON.parse(readFileSync(new URL("../fixtures/pytorch/expression-fixes.json", import.meta.url), "utf8")) as { cases: Measured[] }).cases;
const torch = measured.find((item) => item.case === "repeat index")!;

describe("a repeat's index, in if: and arguments inside the repeated entry", () => {
  // nn.Sequential(*[Block(i) for i in range(4)]), where only block 0 has extra and back (test/fixtures/pytorch/expression-fixes.py).
  const spec = `input: [8]
layers:
  - repeat: 4
    layers:
      - fc: Linear(8, 8)
      - extra: {layer: "Linear(8, 4)", if: index == 0}
      - back: {layer: "Linear(4, 8)", if: index == 0}
`;
  const analyzed = () => analyzeSpec("spec.yaml", files({ "spec.yaml": spec }));

  it("splits the repeat into runs that resolve alike, with PyTorch's count, names and order", () => {
    const model = analyzed();
    expect(model.layers.map((layer) => [layer.path, layer.count])).toEqual([
      ["0.fc", 1],
      ["0.extra", 1],
      ["0.back", 1],
      ["[1-3].fc", 3],
    ]);
    expect(model.totals.params).toBe(torch.total_params);
    expect(model.totals.params).toBe(364);
    expect(namedParameters(model).map((tensor) => [tensor.name, tensor.shape])).toEqual(torch.parameters);
  });

  it("follows each run's own forward: block 0 through extra and back, the rest through fc alone", () => {
    const shapes = analyzed().shapes!;
    expect(shapes.output).toEqual(torch.output);
    expect(shapes.totals.macs).toBe(4 * 64 + 32 + 32);
    expect(shapes.totals.activations).toBe(torch.saved_bytes);
  });

  it("reaches a block through with:, and a forward: by name runs every run of the child", () => {
    const text = `input: [8]
blocks:
  layer:
    params: {wide: False}
    layers:
      - fc: Linear(8, 8)
      - extra: {layer: "Linear(8, 8)", if: wide}
forward: [h]
layers:
  - h: {repeat: 4, use: layer, with: {wide: index == 0 or index == 3}}
`;
    const model = analyzeSpec("spec.yaml", files({ "spec.yaml": text }));
    expect(model.layers.map((layer) => [layer.path, layer.count])).toEqual([
      ["h.0.fc", 1],
      ["h.0.extra", 1],
      ["h.[1-2].fc", 2],
      ["h.3.fc", 1],
      ["h.3.extra", 1],
    ]);
    expect(model.shapes!.totals.macs).toBe(6 * 64);
  });

  it("is the innermost repeat's in nested repeats, and takes part in arguments", () => {
    const text = `layers:
  - repeat: 2
    layers:
      - repeat: 3
        layer: Linear(8, 8 * (index + 1))
`;
    expect(count(text).layers.map((layer) => [layer.path, layer.count, layer.params])).toEqual([
      ["[0-1].0", 2, 72],
      ["[0-1].1", 2, 144],
      ["[0-1].2", 2, 216],
    ]);
  });

  it("gives ties their instances", () => {
    const text = `layers:
  - shared: Linear(8, 8, bias=False)
  - h:
      repeat: 3
      layers:
        - fc: Linear(8, 8, bias=index == 0)
tie:
  h.*.fc.weight: shared.weight
`;
    const model = count(text);
    expect(model.layers.map((layer) => [layer.path, layer.count, layer.params])).toEqual([
      ["shared", 1, 64],
      ["h.0.fc", 1, 8],
      ["h.[1-2].fc", 2, 0],
    ]);
    // shared's 64 weights once, and block 0's bias.
    expect(model.totals.params).toBe(72);
  });

  it("is an error outside a repeat, at the name", () => {
    expect(error("layers:\n  - fc: {layer: 'Linear(8, 8)', if: index == 0}\n")).toBe(
      "spec.yaml:2:37: 'index' is used outside a repeat\n  index is the instance number of a repeat: use it in an entry with repeat: or inside one; a block gets it as a parameter, with: {first: index == 0}",
    );
  });

  it("is not seen inside a block's definition, which takes it through with:", () => {
    const text = "blocks:\n  b:\n    layers:\n      - fc: {layer: 'Linear(8, 8)', if: index == 0}\nlayers:\n  - {repeat: 2, use: b}\n";
    expect(error(text)).toBe(
      "spec.yaml:4:41: 'index' is used outside a repeat\n  index is the instance number of a repeat: use it in an entry with repeat: or inside one; a block gets it as a parameter, with: {first: index == 0}",
    );
  });

  it("is an error where a var named index would be hidden", () => {
    expect(error("vars:\n  index: 2\nlayers:\n  - {repeat: 2, layer: 'Linear(8, index)'}\n")).toBe(
      "spec.yaml:4:5: 'index' is a variable here, and inside a repeat it is the instance number\n  rename the variable (in vars: or the block's params:)",
    );
  });

  it("bounds the instances resolved one by one", () => {
    expect(error("layers:\n  - {repeat: 10001, layer: 'Linear(8, 8 + index)'}\n")).toBe(
      "spec.yaml:2:5: repeats that use index stand for more than 10,000 instances, each resolved on its own\n  use index in fewer or smaller repeats",
    );
  });
});
