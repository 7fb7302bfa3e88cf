import { describe, expect, it } from "vitest";
import { toJsonReport } from "../../src/analysis/index.js";
import { changeDelta, diffLayers } from "../../src/diff/index.js";
import { count } from "../helpers/specs.js";

const report = (text: string) => toJsonReport(count(text));

describe("per-layer diff", () => {
  it("finds added, removed, changed and moved layers; a longer repeat is a change", () => {
    const base = report(`layers:
  - emb: Embedding(100, 8)
  - h: {repeat: 2, layers: [{fc: "Linear(8, 8)"}, {norm: "LayerNorm(8)"}]}
  - old: Linear(8, 3)
  - adapter: Linear(8, 4)
`);
    const head = report(`layers:
  - emb: Embedding(120, 8)
  - h: {repeat: 3, layers: [{fc: "Linear(8, 8)"}, {norm: "LayerNorm(8)"}]}
  - tail:
      layers:
        - adapter: Linear(8, 4)
  - extra: Linear(8, 2)
`);
    const diff = diffLayers(base, head);
    expect(diff.changes.map((change) => [change.kind, change.kind === "removed" ? change.before.path : change.after.path, changeDelta(change)])).toEqual([
      ["changed", "emb", 160],
      ["changed", "h.[0-2].fc", 72],
      ["changed", "h.[0-2].norm", 16],
      ["moved", "tail.adapter", 0],
      ["added", "extra", 18],
      ["removed", "old", -27],
    ]);
    const moved = diff.changes[3]!;
    expect(moved.kind === "moved" && moved.before.path).toBe("adapter");
    expect(diff.unchanged).toEqual([]);
  });

  it("lists unchanged layers, including parameter-free ones", () => {
    const text = "layers:\n  - fc: Linear(2, 2)\n  - act: ReLU()\n";
    const diff = diffLayers(report(text), report(text));
    expect(diff.changes).toEqual([]);
    expect(diff.unchanged.map((layer) => layer.path)).toEqual(["fc", "act"]);
  });

  it("does not call a parameter-free layer changed because its repeat grew", () => {
    const spec = (blocks: number) => report(`layers:\n  - h: {repeat: ${blocks}, layers: [{fc: "Linear(4, 4)"}, {drop: "Dropout(0.1)"}]}\n`);
    const diff = diffLayers(spec(2), spec(3));
    expect(diff.changes.map((change) => change.kind === "changed" && change.after.path)).toEqual(["h.[0-2].fc"]);
    expect(diff.unchanged.map((layer) => layer.path)).toEqual(["h.[0-2].drop"]);
  });

  it("pairs the runs of an index repeat by path: an unchanged spec has no change, a longer one adds its new run", () => {
    // Runs [0-1], [2-3] and [4-5] share the identity features.[*].fc; each was once paired with the last.
    const spec = (instances: number) => `layers:\n  - features:\n      repeat: ${instances}\n      layers:\n        - fc: Linear(8, 8 * (1 + index // 2))\n`;
    const same = diffLayers(report(spec(6)), report(spec(6)));
    expect(same.changes).toEqual([]);
    expect(same.unchanged.map((layer) => layer.path)).toEqual(["features.[0-1].fc", "features.[2-3].fc", "features.[4-5].fc"]);
    const longer = diffLayers(report(spec(6)), report(spec(8)));
    // features.[6-7].fc: 2 × (8 × 32 + 32) = 576.
    expect(longer.changes.map((change) => [change.kind, change.kind === "removed" ? change.before.path : change.after.path, changeDelta(change)])).toEqual([
      ["added", "features.[6-7].fc", 576],
    ]);
  });
});
