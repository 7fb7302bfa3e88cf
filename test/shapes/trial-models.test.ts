import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { settingsFromOptions } from "../../src/memory/index.js";
import type { PathSegment } from "../../src/resolve/types.js";
import { failureOf, files } from "../helpers/specs.js";

/** Figures of a real forward and backward pass: `test/fixtures/pytorch/trial-models.py`. */
interface Measured {
  case: string;
  output: number[];
  macs: number;
  saved_bytes: number;
  scalar_bytes: number;
  total_params: number;
  trainable_params: number;
  /** Every leaf module's output shape, in call order. */
  leaves: [string, number[]][];
}
const measured: Measured[] = (JSON.parse(readFileSync(new URL("../fixtures/pytorch/trial-models.json", import.meta.url), "utf8")) as { cases: Measured[] }).cases;
const torch = (name: string) => measured.find((item) => item.case === name)!;
const spec = (name: string) => readFileSync(new URL(`../fixtures/trial/${name}.yaml`, import.meta.url), "utf8");
const example = (name: string) => readFileSync(new URL(`../../examples/${name}.yaml`, import.meta.url), "utf8");
const analyzed = (text: string, batch = 1) =>
  analyzeSpec(
    "spec.yaml",
    files({ "spec.yaml": text }),
    settingsFromOptions({ batch: String(batch) }, (option) => `--${option}`),
  );

/** A call's paths, one per instance of each `{from, to}` run, as named_modules() spells them. */
function pathsOf(segments: readonly PathSegment[]): string[] {
  return segments.reduce<string[]>(
    (paths, segment) => {
      const parts = typeof segment === "object" ? Array.from({ length: segment.to - segment.from + 1 }, (_, i) => String(segment.from + i)) : [String(segment)];
      return paths.flatMap((path) => parts.map((part) => (path ? `${path}.${part}` : part)));
    },
    [""],
  );
}

describe.each([
  { name: "resnext50_32x4d", text: spec("resnext50_32x4d"), batch: 1 },
  { name: "seq2seq", text: spec("seq2seq"), batch: 1 },
  // examples/dit-s-2.yaml: three named inputs (latents, the timesteps' embedding, class labels as {ids: []}), adaLN-Zero's chunk(6) and x * (1 + scale) + shift.
  { name: "dit-s-2", text: example("dit-s-2"), batch: 2 },
])("$name, written with forward values, against PyTorch 1.13", ({ name, text, batch }) => {
  const result = analyzed(text, batch);
  const shapes = result.shapes!;

  it("has PyTorch's parameters, output, MACs and saved bytes (0-d scalars apart)", () => {
    expect(result.totals.params).toBe(torch(name).total_params);
    expect(result.totals.trainable).toBe(torch(name).trainable_params);
    expect(shapes.output).toEqual(torch(name).output);
    expect(shapes.totals.macs).toBe(torch(name).macs);
    expect(shapes.totals.activations).toBe(torch(name).saved_bytes);
  });

  it("calls every leaf module of named_modules() with PyTorch's output shape, as often as PyTorch does", () => {
    const leaves = shapes.calls.filter((call) => call.layer !== undefined).flatMap((call) => pathsOf(call.segments).map((path) => `${path} ${JSON.stringify(call.output)}`));
    expect(leaves.sort()).toEqual(
      torch(name)
        .leaves.map(([path, shape]) => `${path} ${JSON.stringify(shape)}`)
        .sort(),
    );
  });
});

describe("a child its if: left out", () => {
  const block = (forward: string) => `input: [4, 6, 6]
blocks:
  unit:
    params: {stride: 1}
    forward:
      - identity: x
      - out: "conv(x)"
${forward}
    layers:
      - conv: Conv2d(4, 4, 3, stride=stride, padding=1)
      - downsample:
          if: stride != 1
          layers: ["Conv2d(4, 4, 1, stride=stride)"]
layers:
  - a: {use: unit}
  - b: {use: unit, with: {stride: 2}}
`;

  it("is None, as behind 'if self.downsample is not None': a call to it passes its tensor through", () => {
    const result = analyzed(block('      - identity: "downsample(x)"\n      - "add(out, identity)"'));
    expect(result.shapes!.output).toEqual([1, 4, 3, 3]);
    expect(result.shapes!.calls.map((call) => `${pathsOf(call.segments).join()} ${JSON.stringify(call.output)}`)).toEqual([
      "a.conv [1,4,6,6]",
      "a [1,4,6,6]",
      "b.conv [1,4,3,3]",
      "b.downsample.0 [1,4,3,3]",
      "b [1,4,3,3]",
    ]);
  });

  it("takes one tensor", () => {
    expect(failureOf(() => analyzed(block('      - "downsample(x, out)"')))).toBe(
      "spec.yaml:8:10: downsample is left out here by its if:, and a call to it passes one tensor through, not 2\n  give downsample(...) one tensor",
    );
  });
});

describe("serving an encoder–decoder counts its cross-attention cache", () => {
  it("the context is the last token input (tgt); each decoder layer keeps keys and values over src's 12 positions once per sequence", () => {
    const served = analyzed(`serving: {batch: 3}\n${spec("seq2seq")}`).serving!;
    // 2 decoder layers × (keys + values) × d = 32 × 12 source positions × 2 bytes (bfloat16) × 3 sequences.
    expect(served.bytes.crossKvCache).toBe(2 * 2 * 32 * 12 * 2 * 3);
    // Its self-attention is not causal (trial-models.py's decoder has no mask): nothing grows per token.
    expect(served.bytes.kvCachePerToken).toBe(0);
    expect(served.bytes.kvCache).toBe(served.bytes.crossKvCache);
    expect(served.recipe.context?.value).toBe(7);
  });

  it("a cross-attention is not causal", () => {
    const text = spec("seq2seq").replace('kv=memory, attention="eager"', 'kv=memory, causal=True, attention="eager"');
    expect(failureOf(() => analyzed(text))).toMatch(
      /^spec\.yaml:40:\d+: a cross-attention attends to every position of kv=: it is not causal\n {2}leave causal= out of a cross-attention$/,
    );
  });
});

describe("mistakes in a seq2seq forward say what to write", () => {
  const seq2seq = spec("seq2seq");
  const failure = (text: string) => failureOf(() => analyzed(text));

  it("a misspelt value name suggests the value", () => {
    expect(failure(seq2seq.replace('"decoder(y, memory)"', '"decoder(y, memroy)"'))).toBe(
      "spec.yaml:46:17: no value, Parameter or buffer named 'memroy' here\n  did you mean 'memory'?",
    );
  });

  it("a module called with two tensors and no inputs: is told to name them", () => {
    expect(failure(seq2seq.replace("  decoder_layer:\n    inputs: [x, memory]\n", "  decoder_layer:\n"))).toBe(
      "spec.yaml:45:6: decoder takes 1 tensor, and the call gives 2\n  name its forward's arguments on the module, e.g. inputs: [x, memory] (without inputs: a module takes one tensor, x)",
    );
  });
});
