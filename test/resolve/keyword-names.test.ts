import { describe, expect, it } from "vitest";
import { count, errors } from "../helpers/specs.js";

const paths = (text: string) => count(text).layers.map((layer) => [layer.path, layer.count]);

describe("children named like a keyword", () => {
  it("reads a one-key mapping whose value is a mapping as a named child: Hugging Face's encoder.layer and model.layers", () => {
    expect(paths("layers:\n  - encoder:\n      layers:\n        - layer:\n            repeat: 2\n            layers:\n              - dense: Linear(4, 4)\n")).toEqual([
      ["encoder.layer.[0-1].dense", 2],
    ]);
    expect(paths('layers:\n  - layers: {repeat: 3, layers: [fc: "Linear(4, 4)"]}\n  - type: {layer: Tanh()}\n  - use: {layers: ["Linear(2, 2)"]}\n')).toEqual([
      ["layers.[0-2].fc", 3],
      ["type", 1],
      ["use.0", 1],
    ]);
  });

  it("still reads the body forms of those keys", () => {
    expect(paths('layers:\n  - layer: Linear(4, 4)\n  - layers: ["Linear(4, 4)"]\n  - {type: Linear, in_features: 2, out_features: 2}\n')).toEqual([
      ["0", 1],
      ["1.0", 1],
      ["2", 1],
    ]);
    expect(errors("layers:\n  - layers: Linear(4, 4)\n")[0]).toContain("must be a list");
  });
});
