import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { count, failureOf, files } from "../helpers/specs.js";

/** Figures of a real forward and backward pass: `test/fixtures/pytorch/expression-fixes.py`. */
interface Measured {
  case: string;
  output: number[];
  saved_bytes: number;
  scalar_bytes: number;
  parameters: [string, number[]][];
  total_params: number;
}
const measured: Measured[] = (JSON.parse(readFileSync(new URL("../fixtures/pytorch/expression-fixes.json", import.meta.url), "utf8")) as { cases: Measured[] }).cases;
const torch = (name: string) => measured.find((item) => item.case === name)!;

const shapesOf = (text: string) => analyzeSpec("spec.yaml", files({ "spec.yaml": text })).shapes!;

describe("a block's parameters in the forward: of its use: entry", () => {
  const spec = (vars: string) => `${vars}input: [3, 8, 8]
blocks:
  pool:
    params: {k: 4}
    layers:
      - conv: Conv2d(3, 3, 1)
layers:
  - p: {use: pool, forward: [conv, "avg_pool2d(k)"]}
`;

  it("are the block's, not a file var of the same name: avg_pool2d(k) pools with k = 4, as PyTorch does", () => {
    const shapes = shapesOf(spec("vars:\n  k: 2\n"));
    expect(shapes.output).toEqual(torch("block parameter in forward").output);
    expect(shapes.output).toEqual([1, 3, 2, 2]);
    expect(shapes.totals.activations).toBe(torch("block parameter in forward").saved_bytes);
  });

  it("are found without a file var of that name", () => {
    expect(shapesOf(spec("")).output).toEqual([1, 3, 2, 2]);
  });

  it("take the use's with: values, in forward: and in residual:", () => {
    const text = `input: [3, 8, 8]
blocks:
  pool:
    params: {k: 4}
    layers:
      - conv: Conv2d(3, 3, 1)
layers:
  - p: {use: pool, with: {k: 1}, forward: [conv, "avg_pool2d(k)"], residual: {merge: add, if: k == 1}}
  - q: {use: pool, with: {k: 2}, forward: [conv, "avg_pool2d(k)"], residual: {merge: add, if: k == 1}}
`;
    expect(shapesOf(text).output).toEqual([1, 3, 4, 4]);
  });

  it("an included file's vars, with the include's with: values", () => {
    const inner = "vars:\n  k: 2\nlayers:\n  - conv: Conv2d(3, 3, 1)\n";
    const outer = `vars:\n  k: 8\ninput: [3, 8, 8]\nlayers:\n  - sub: {include: inner.yaml, with: {k: 4}, forward: [conv, "avg_pool2d(k)"]}\n`;
    expect(analyzeSpec("spec.yaml", files({ "spec.yaml": outer, "inner.yaml": inner })).shapes!.output).toEqual([1, 3, 2, 2]);
  });

  it("the entry's own vars where the block has no name of theirs, the block's from an included file", () => {
    const blocks = "blocks:\n  pool:\n    params: {k: 4}\n    layers:\n      - conv: Conv2d(3, 3, 1)\n";
    const outer = `include: blocks.yaml\nvars:\n  k: 2\n  s: 2\ninput: [3, 8, 8]\nlayers:\n  - p: {use: pool, forward: [conv, "avg_pool2d(k, s)"]}\n`;
    // F.avg_pool2d(x, 4, 2) on 8 × 8: (8 - 4) // 2 + 1 = 3.
    expect(analyzeSpec("spec.yaml", files({ "spec.yaml": outer, "blocks.yaml": blocks })).shapes!.output).toEqual([1, 3, 3, 3]);
  });

  it("a name that is neither is still an error at the name", () => {
    const text = `input: [3, 8, 8]\nblocks:\n  pool:\n    params: {k: 4}\n    layers:\n      - conv: Conv2d(3, 3, 1)\nlayers:\n  - p: {use: pool, forward: [conv, "avg_pool2d(kk)"]}\n`;
    expect(failureOf(() => count(text))).toBe("spec.yaml:8:48: undefined variable 'kk' in argument 'kernel_size' of avg_pool2d\n  did you mean 'k'?");
  });
});

describe("a saved view keeps its whole storage, as autograd does", () => {
  it("packed attention keeps the whole q, k, v projection once: PyTorch's bytes but its 0-d 1/√d scalar", () => {
    const packed = shapesOf(`input: [16, 64]
layers:
  - attn:
      layers:
        - c_attn: Linear(64, 192)
      forward: ["attention(c_attn, heads=4, attention='eager')"]
`);
    const separate = shapesOf(`input: [16, 64]
layers:
  - attn:
      layers:
        - q_proj: Linear(64, 64)
        - k_proj: Linear(64, 64)
        - v_proj: Linear(64, 64)
      forward: ["attention(q_proj, k_proj, v_proj, heads=4, attention='eager')"]
`);
    // Linear's input 4,096 B, the packed projection 12,288 B, the softmax output 4,096 B (it was 12,416 with a third of it).
    expect(packed.totals.activations).toBe(20_480);
    expect(packed.totals.activations).toBe(torch("packed attention").saved_bytes);
    expect(torch("packed attention").scalar_bytes).toBe(4);
    expect(separate.totals.activations).toBe(torch("separate attention").saved_bytes);
  });

  it("a conv on x.select(1, 1) keeps all of x", () => {
    const shapes = shapesOf(`input: [2, 3, 4, 4]\nforward: ["select(1, 1)", conv]\nlayers:\n  - conv: Conv2d(3, 3, 1)\n`);
    expect(shapes.output).toEqual(torch("conv on a selected view").output);
    expect(shapes.totals.activations).toBe(torch("conv on a selected view").saved_bytes);
    expect(shapes.totals.activations).toBe(384);
  });
});
