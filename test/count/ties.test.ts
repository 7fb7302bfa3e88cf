import { describe, expect, it } from "vitest";
import { count, error } from "../helpers/specs.js";

const THREE = "layers:\n  - a: Linear(10, 10, bias=False)\n  - b: Linear(10, 10, bias=False)\n  - c: Linear(10, 10, bias=False)\ntie:\n";

describe("ties join tensors into one storage, counted once at the first", () => {
  // PyTorch 1.13: m.a.weight = m.c.weight; m.b.weight = m.c.weight → sum(p.numel() for p in m.parameters()) == 100.
  it("several tensors tied to one later tensor", () => {
    const result = count(`${THREE}  a.weight: c.weight\n  b.weight: c.weight\n`);
    expect(result.totals.params).toBe(100);
    expect(result.layers.map((layer) => [layer.params, layer.parameters[0]!.sharedWith])).toEqual([
      [100, undefined],
      [0, "a.weight"],
      [0, "a.weight"],
    ]);
  });

  // PyTorch 1.13: m.b.weight = m.c.weight; m.a.weight = m.b.weight → 100: a chain is one storage.
  it("a chain of ties", () => {
    expect(count(`${THREE}  a.weight: b.weight\n  b.weight: c.weight\n`).totals.params).toBe(100);
    expect(count(`${THREE}  c.weight: b.weight\n  b.weight: a.weight\n`).totals.params).toBe(100);
  });

  it("a tensor tied to itself is an error at the tie", () => {
    expect(error("layers:\n  - big: Linear(4096, 4096)\ntie:\n  big.weight: big.weight\n")).toBe(
      "spec.yaml:4:3: tie 'big.weight' names the same tensor as its target 'big.weight'\n  tie a tensor to another one it shares storage with, or remove the line",
    );
  });

  it("ties that go round in a cycle are an error at the tie that closes it", () => {
    expect(error(`${THREE}  a.weight: b.weight\n  b.weight: a.weight\n`)).toBe(
      "spec.yaml:7:3: tie cycle: a.weight → b.weight → a.weight\n  a tie's key is the copy and its value the tensor that holds the storage: remove one of these ties",
    );
    expect(error(`${THREE}  a.weight: b.weight\n  b.weight: c.weight\n  c.weight: a.weight\n`)).toBe(
      "spec.yaml:8:3: tie cycle: a.weight → b.weight → c.weight → a.weight\n  a tie's key is the copy and its value the tensor that holds the storage: remove one of these ties",
    );
  });

  it("the first tensor of a group may not stand for a run of instances", () => {
    expect(error('layers:\n  - h: {repeat: 2, layers: [{fc: "Linear(4, 4)"}]}\n  - head: Linear(4, 4)\ntie:\n  h.*.fc.weight: head.weight\n')).toBe(
      "spec.yaml:5:3: h.*.fc.weight comes first in the model of the tensors tied to it, and stands for the 2 instances of h.[0-1].fc\n  PyTorch counts a shared tensor once, at its first place: tie a tensor that comes before the repeat, or split the repeat so its first instance is its own entry",
    );
  });
});

describe("tie globs", () => {
  // PyTorch 1.13: Sequential(Linear(8, 8), ReLU(), Linear(8, 8)) with every weight = shared.weight → 72 + 8 + 8.
  it("* matches a plain Sequential's numbered children, passing over those without the tensor", () => {
    const result = count(
      "layers:\n  - shared: Linear(8, 8)\n  - model:\n      layers:\n        - Linear(8, 8)\n        - ReLU()\n        - Linear(8, 8)\ntie:\n  model.*.weight: shared.weight\n",
    );
    expect(result.totals.params).toBe(72 + 8 + 8);
    expect(result.layers.map((layer) => layer.parameters[0]?.sharedWith)).toEqual([undefined, "shared.weight", undefined, "shared.weight"]);
  });

  it("a glob that matches no tensor is an error", () => {
    expect(error("layers:\n  - shared: Linear(8, 8)\n  - model:\n      layers:\n        - Linear(8, 8)\n        - ReLU()\ntie:\n  model.*.wieght: shared.weight\n")).toBe(
      "spec.yaml:8:3: model.0 (Linear) has no parameter 'wieght'\n  did you mean 'weight'?",
    );
  });

  it("a glob target must still name one tensor", () => {
    expect(error("layers:\n  - head: Linear(8, 8)\n  - model:\n      layers:\n        - Linear(8, 8)\n        - Linear(8, 8)\ntie:\n  head.weight: model.*.weight\n")).toBe(
      "spec.yaml:8:16: tie target 'model.*.weight' names 2 tensors, not one\n  give the index of one instance in place of *, e.g. h.0.attn.weight",
    );
  });
});
