import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { settingsFromOptions } from "../../src/memory/index.js";
import { count, failureOf, files } from "../helpers/specs.js";

interface Measured {
  name: string;
  input: number[];
  layers: Record<string, string>;
  forward: string[];
  output: number[];
  macs: number;
  saved_bytes: number;
  scalar_bytes: number;
}

/** Figures from PyTorch 1.13 (CPU, float32, train mode), made by tensor-ops.py beside the fixture. */
const measured = (JSON.parse(readFileSync(new URL("../fixtures/pytorch/tensor-ops.json", import.meta.url), "utf8")) as { cases: Measured[] }).cases;

/** The case as a spec: its layers as named entries, its forward as the root's forward:, the first size as the batch. */
export function specOf({ input, layers, forward }: Pick<Measured, "input" | "layers" | "forward">): string {
  const entries = Object.entries(layers).map(([name, call]) => `  - ${name}: ${JSON.stringify(call)}`);
  return `input: [${input.slice(1).join(", ")}]\nforward: ${JSON.stringify(forward)}\nlayers:\n${entries.join("\n")}\n`;
}

function run(testCase: Pick<Measured, "input" | "layers" | "forward">) {
  const shapes = analyzeSpec(
    "spec.yaml",
    files({ "spec.yaml": specOf(testCase) }),
    settingsFromOptions({ batch: String(testCase.input[0]) }, (option) => `--${option}`),
  ).shapes!;
  return { output: shapes.output, macs: shapes.totals.macs, bytes: shapes.totals.activations };
}

describe("tensor ops in forward:, checked against PyTorch 1.13", () => {
  for (const testCase of measured) {
    // A Python number an op keeps (x * 0.5 keeps 0.5 as an 8-byte tensor) is not counted, as elsewhere.
    it(testCase.name, () => {
      expect(run(testCase)).toEqual({ output: testCase.output, macs: testCase.macs, bytes: testCase.saved_bytes });
    });
  }
});

describe("tensor ops refuse what PyTorch refuses, at the argument", () => {
  const refused = (forward: string, layers = " []", input = "[4, 6]") => failureOf(() => count(`input: ${input}\nforward: ${forward}\nlayers:${layers}\n`));

  it("view() of a transposed tensor that needs a copy (MB533)", () => {
    expect(refused('["transpose(1, 2)", "view(-1, 24)"]')).toBe(
      "spec.yaml:2:31: view(-1, 24): the input → transpose(1, 2) is not contiguous (a permute or transpose made it so), and view() cannot give it shape [1, 24] without a copy\n  write reshape(...) for the copy, or contiguous() before view(...), as PyTorch asks",
    );
  });

  it("a permutation that names a dimension twice", () => {
    expect(refused('["permute(0, 2, 2)"]')).toBe("spec.yaml:2:20: permute names dimension 2 more than once\n  give each dimension once");
  });

  it("a reshape to a size the elements do not fill", () => {
    expect(refused('["reshape(-1, 5)"]')).toBe(
      "spec.yaml:2:12: reshape(-1, 5) expects a multiple of 5 elements for shape (-1, 5), not 24, but the input produces [1, 4, 6]\n  fix the op's arguments or the layer before it",
    );
  });

  it("two sizes to infer", () => {
    expect(refused('["view(-1, -1)"]')).toBe("spec.yaml:2:17: view takes sizes of 0 or more and at most one -1, got (-1, -1)\n  write the sizes, with -1 for the one torch infers");
  });

  it("pad with an odd number of sides", () => {
    expect(refused('["pad((1, 1, 1))"]', " []", "[3, 4, 6]")).toBe(
      "spec.yaml:2:16: pad takes two sides per dimension, at most 4 dimensions, got 3 values\n  write (left, right) for the last dimension, then (top, bottom), ...",
    );
  });

  it("channel_shuffle over channels the groups do not divide", () => {
    expect(refused('["channel_shuffle(2)"]', " []", "[3, 4, 6]")).toBe(
      "spec.yaml:2:12: channel_shuffle(2) expects (batch, channels, ...) with channels divisible by 2 groups, but the input produces [1, 3, 4, 6]\n  fix the op's arguments or the layer before it",
    );
  });

  it("interpolate with both size and scale_factor, and a mode for another rank", () => {
    expect(refused('["interpolate(size=4, scale_factor=2)"]', " []", "[3, 4, 6]")).toBe("spec.yaml:2:32: one of size and scale_factor is needed, got both\n  give one of them");
    expect(refused(`["interpolate(scale_factor=2, mode='linear')"]`, " []", "[3, 4, 6]")).toBe(
      "spec.yaml:2:12: interpolate(scale_factor=2, mode='linear') expects a 3-d input (batch, channels, ...) for mode 'linear', but the input produces [1, 3, 4, 6]\n  fix the op's arguments or the layer before it",
    );
  });

  it("StochasticDepth with an unknown mode, LayerNorm2d over the wrong channels", () => {
    expect(refused('["drop"]', "\n  - drop: StochasticDepth(0.2, 'rows')", "[3, 4]")).toBe(
      "spec.yaml:4:32: StochasticDepth mode must be 'batch' or 'row', got 'rows'\n  'row' drops samples, 'batch' the whole batch",
    );
    expect(refused('["norm"]', "\n  - norm: LayerNorm2d(4)", "[3, 4, 5]")).toBe(
      "spec.yaml:4:23: norm expects trailing dimensions [4] (LayerNorm2d(4)), but the input produces [1, 3, 4, 5]\n  make the layer's arguments match what reaches it, or fix the layer before it",
    );
  });
});
