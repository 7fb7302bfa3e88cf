import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { failureOf, files } from "../helpers/specs.js";

/** Figures of a real forward and backward pass: `test/fixtures/pytorch/dataflow.py`. */
interface Measured {
  case: string;
  output: number[];
  macs: number;
  saved_bytes: number;
  scalar_bytes: number;
  total_params: number;
}
const measured: Measured[] = (JSON.parse(readFileSync(new URL("../fixtures/pytorch/dataflow.json", import.meta.url), "utf8")) as { cases: Measured[] }).cases;
const torch = (name: string) => measured.find((item) => item.case === name)!;

const analyzed = (text: string) => analyzeSpec("spec.yaml", files({ "spec.yaml": text }));
const failure = (text: string) => failureOf(() => analyzed(text));

/** Params, output, MACs and saved bytes of a spec against its PyTorch measurement (0-d scalars, such as attention's divisor, apart). */
function expectMeasured(text: string, name: string, batch = 1): void {
  const result = analyzed(batch === 1 ? text : `training: {batch: ${batch}}\n${text}`);
  const shapes = result.shapes!;
  expect(result.totals.params).toBe(torch(name).total_params);
  expect(shapes.output).toEqual(torch(name).output);
  expect(shapes.totals.macs).toBe(torch(name).macs);
  expect(shapes.totals.activations).toBe(torch(name).saved_bytes);
}

const FIRE = `input: [8, 5, 5]
layers:
  - squeeze: Conv2d(8, 4, kernel_size=1)
  - squeeze_activation: ReLU(inplace=True)
  - expand1x1: Conv2d(4, 6, kernel_size=1)
  - expand1x1_activation: ReLU(inplace=True)
  - expand3x3: Conv2d(4, 6, kernel_size=3, padding=1)
  - expand3x3_activation: ReLU(inplace=True)
forward:
  - x: [squeeze, squeeze_activation]
  - a: ["expand1x1(x)", expand1x1_activation]
  - b: ["expand3x3(x)", expand3x3_activation]
  - "cat([a, b], 1)"
`;

describe("named values: a forward written as PyTorch's, with its module names", () => {
  it("SqueezeNet's Fire: a squeeze, then two expand chains on its output, concatenated", () => {
    expectMeasured(FIRE, "fire", 2);
    const paths = analyzed(FIRE).layers.map((layer) => layer.path);
    expect(paths).toEqual(["squeeze", "squeeze_activation", "expand1x1", "expand1x1_activation", "expand3x3", "expand3x3_activation"]);
  });

  it("a U-Net skip: the encoder's output concatenated with a nested call of the inner path", () => {
    const text = `input: [3, 8, 8]
layers:
  - encoder: Conv2d(3, 8, 3, padding=1)
  - pool: MaxPool2d(2)
  - inner: Conv2d(8, 16, 3, padding=1)
  - up: ConvTranspose2d(16, 8, 2, stride=2)
  - decoder: Conv2d(16, 4, 3, padding=1)
forward:
  - e: encoder
  - "cat([e, up(inner(pool(e)))], 1)"
  - decoder
`;
    expectMeasured(text, "skip");
  });

  it("a Parameter as an operand (ConvNeXt's layer scale) and an add of two values", () => {
    const text = `input: [4, 6, 6]
layers:
  - conv: Conv2d(4, 4, 3, padding=1)
  - gamma: Parameter(4, 1, 1)
forward:
  - y: ["conv(x)", "mul(gamma)"]
  - "add(x, y)"
`;
    expectMeasured(text, "layer scale");
  });

  it("a bare value name sets the chain's value; a name rebinds", () => {
    const text = `input: [4]
layers:
  - fc: Linear(4, 4)
  - act: ReLU()
forward:
  - h: fc
  - x: [x, act]
  - "add(x, h)"
`;
    expect(analyzed(text).shapes!.output).toEqual([1, 4]);
  });
});

describe("several inputs", () => {
  const SEQ2SEQ = `input: {src: [6, 8], tgt: [3, 8]}
layers:
  - encoder: Linear(8, 8)
  - cross:
      inputs: [x, memory]
      forward: ['attention(q, k, v, heads=2, kv=memory, attention="eager")', o]
      layers:
        - q: Linear(8, 8)
        - k: Linear(8, 8)
        - v: Linear(8, 8)
        - o: Linear(8, 8)
  - head: Linear(8, 5)
forward:
  - memory: "encoder(src)"
  - "cross(tgt, memory)"
  - head
`;

  it("named model inputs reach the root's forward; a module's inputs: take a call's tensors (cross-attention)", () => {
    const result = analyzed(SEQ2SEQ);
    expect(result.totals.params).toBe(torch("cross attention").total_params);
    expect(result.shapes!.output).toEqual(torch("cross attention").output);
    expect(result.shapes!.totals.macs).toBe(torch("cross attention").macs);
    // The 4-byte 0-d divisor PyTorch keeps is the one scalar the project leaves out, as elsewhere.
    expect(result.shapes!.totals.activations).toBe(torch("cross attention").saved_bytes);
    expect(torch("cross attention").scalar_bytes).toBe(4);
  });

  it("a module called with fewer tensors than its inputs: is an error at the call", () => {
    expect(failure(SEQ2SEQ.replace('"cross(tgt, memory)"', '"cross(tgt)"'))).toBe(
      "spec.yaml:15:6: cross takes 2 tensors (inputs: x, memory), and the call gives 1\n  give the module one tensor per name in its inputs:",
    );
  });

  it("mixing {tokens: N} with named inputs is an error at the extra name", () => {
    expect(failure("input: {tokens: 8, image: [3, 4, 4]}\nlayers:\n  - Linear(4, 4)\n")).toBe(
      "spec.yaml:1:20: input has tokens: 8 and 'image': one input ({tokens: ...}, {ids: ...} or {shape: ..., requires_grad: ...}), or named inputs, not both\n  name every input: {text: {tokens: 8}, image: ...}",
    );
  });
});

describe("ids inputs and adding a number", () => {
  const LABELS = `input: {x: [6], y: {ids: []}}
forward:
  - h: fc
  - "add(h, embed(y))"
  - "mul(add(h, 1.0))"
layers:
  - fc: Linear(6, 4)
  - embed: Embedding(10, 4)
`;

  it("{ids: []} is one int64 id per sample, which an Embedding keeps for backward; x + 1.0 keeps nothing", () => {
    const shapes = analyzed(`training: {batch: 3}\n${LABELS}`).shapes!;
    expect(shapes.inputs).toEqual({ x: [3, 6], y: [3] });
    expect(shapes.output).toEqual([3, 4]);
    // fc keeps x (3 × 6 float32), the embedding its ids (3 int64), the product both factors (two [3, 4] float32); h + 1.0 nothing.
    expect(shapes.totals.activations).toBe(3 * 6 * 4 + 3 * 8 + 2 * 3 * 4 * 4);
  });

  it("{ids: [...]} sizes are positive", () => {
    expect(failure(LABELS.replace("{ids: []}", "{ids: [0]}"))).toBe("spec.yaml:1:27: an input size must be positive, got 0");
  });

  it("one input is {tokens: N} or {ids: [...]}, not both", () => {
    expect(failure("input: {tokens: 8, ids: [2]}\nlayers:\n  - Linear(4, 4)\n")).toBe(
      "spec.yaml:1:20: input has tokens: 8 and 'ids': one input ({tokens: ...}, {ids: ...} or {shape: ..., requires_grad: ...}), or named inputs, not both\n  name every input: {text: {tokens: 8}, ids: ...}",
    );
  });

  it("add takes two tensors or one and a number", () => {
    expect(failure(LABELS.replace('"add(h, embed(y))"', '"add(h, embed(y), 1.0)"'))).toMatch(
      /^spec\.yaml:4:6: add\(h, embed\(y\), 1\.0\) expects two tensors: add\(x, y\), a number: add\(x, 1\.0\), or add\(name\) on the chain's value/,
    );
  });
});

describe("values are never silently something else", () => {
  const base = (forward: string, vars = "") => `${vars}input: [4]
layers:
  - fc: Linear(4, 4)
  - bias: Parameter(4)
forward:
${forward}`;

  it("an operand naming nothing is an error at the name", () => {
    expect(failure(base('  - "fc(y)"\n'))).toBe(
      "spec.yaml:6:9: no value, Parameter or buffer named 'y' here\n  bind the value first (- y: fc), or name a Parameter(...) or Buffer(...) entry of this module",
    );
  });

  it("a value named like a var is refused where it is bound", () => {
    expect(failure(base("  - h: fc\n", "vars:\n  h: 4\n"))).toBe(
      "spec.yaml:8:5: the value 'h' has the name of a var or block parameter, which a step could mean instead\n  rename the value (e.g. h_out) or the var",
    );
  });

  it("a value named like a child is refused", () => {
    expect(failure(base("  - fc: fc\n"))).toBe("spec.yaml:6:5: the value 'fc' has the name of a child of this module\n  rename the value (e.g. fc_out)");
  });

  it("a layer given two tensors is refused", () => {
    expect(failure(base('  - a: fc\n  - "fc(a, a)"\n'))).toBe("spec.yaml:7:6: fc takes 1 tensor, and the call gives 2\n  call a layer on one tensor");
  });

  it("a tuple where one tensor is needed, and a binding of the wrong arity", () => {
    expect(failure(base('  - "a, b": fc\n'))).toBe("spec.yaml:6:5: a, b take 2 tensors, and the step gives one tensor\n  bind as many names as the step gives tensors");
  });
});
