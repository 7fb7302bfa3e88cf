import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/orchestrator/index.js";
import { indexRange, rollUpChanges } from "../../src/orchestrator/layer-rollup.js";
import { files } from "../helpers/specs.js";
import { deepBlocks } from "../comment/scenarios.js";

/** deepBlocks' 48 blocks, with `extra` added to the width of blocks 37-47. */
const deep = (extra: number) => deepBlocks("deep", 64, `"16 + index + ${extra} * max(0, min(1, index - 36))"`);

function check(base: string, head: string, budget?: string) {
  const texts = (spec: string) => files({ "m.yaml": spec, ...(budget === undefined ? {} : { "budget.yml": budget }) });
  return runCheck({
    head: { specs: ["m.yaml"], read: texts(head) },
    base: { ref: "b".repeat(40), specs: ["m.yaml"], read: texts(base) },
    budgetFile: "budget.yml",
    budgetFrom: "head",
    failOn: "exceed",
  });
}

describe("layer changes rolled up", () => {
  it("writes index sets as ranges", () => {
    expect(indexRange([8, 7, 0, 1, 2, 5])).toBe("[0-2,5,7-8]");
    expect(indexRange([37])).toBe("37");
  });

  it("folds the 33 changed entries of blocks 37-47 into one row across instances and siblings, every parameter counted", () => {
    const model = check(deep(0), deep(8)).models[0]!;
    expect(model.diff!.changes).toHaveLength(33);
    // Per block i ≥ 37 the width grows by 8: gate and up gain 8 × (64 + 1) each, down 8 × 64.
    const gained = 11 * (2 * 8 * 65 + 8 * 64);
    expect(rollUpChanges(model.diff!.changes)).toEqual([
      { path: "layers.[37-47].mlp.{gate,up,down}", types: ["Linear"], change: "changed", before: 124_476, delta: gained, instances: 33, entries: 33 },
    ]);
    expect(gained).toBe(17_072);
    // Before: each block i holds 194 × (16 + i) + 64 parameters in its MLP (docs/pr-comment.md's example, +13.7%).
    expect(Array.from({ length: 11 }, (_, k) => 194 * (53 + k) + 64).reduce((a, b) => a + b)).toBe(124_476);
  });

  it("orders by module path with the largest subtree first, and keeps moved layers apart", () => {
    const base = "model: m\nlayers:\n  - a:\n      layers:\n        - x: Linear(4, 4)\n        - y: Linear(4, 4)\n  - b: Linear(4, 4)\n  - c: Linear(2, 2)\n";
    const head = "model: m\nlayers:\n  - a:\n      layers:\n        - x: Linear(4, 5)\n        - y: Linear(4, 4)\n  - b: Linear(4, 40)\n  - d: Linear(2, 2)\n";
    const rows = rollUpChanges(check(base, head).models[0]!.diff!.changes);
    expect(rows.map((row) => [row.path, row.change, row.delta])).toEqual([
      ["b", "changed", 180],
      ["a.x", "changed", 5],
      ["d", "moved from c", 0],
    ]);
  });
});

describe("equivalent limits folded", () => {
  const spec = (width: number) => `model: m\nlayers:\n  - fc: Linear(16, ${width})\n`;

  it("reports params and trainable once when both break alike, in params' terms", () => {
    const result = check(spec(16), spec(32), "models:\n  m:\n    params: 300\n    trainable: 400\n    growth: 10%\n");
    const budget = result.models[0]!.budget!;
    expect(budget.limits.map((row) => [row.label, row.metric, row.also, row.limit.text, row.actual, row.status])).toEqual([
      ["params and trainable", "params", ["trainable"], "300", 544, "fail"],
    ]);
    expect(budget.growth.map((row) => [row.metric, row.also, row.status])).toEqual([["params", ["trainable"], "warn"]]);
  });

  it("keeps two rows when the verdicts differ, or the figures do (a frozen layer)", () => {
    const differing = check(spec(16), spec(32), "models:\n  m:\n    params: 1K\n    trainable: 400\n");
    expect(differing.models[0]!.budget!.limits.map((row) => [row.label, row.status])).toEqual([
      ["params", "pass"],
      ["trainable", "fail"],
    ]);
    const frozen = 'model: m\nlayers:\n  - emb: {layer: "Embedding(10, 4)", frozen: true}\n  - fc: Linear(4, 4)\n';
    const apart = check(frozen, frozen, "models:\n  m:\n    params: 10\n    trainable: 10\n");
    expect(apart.models[0]!.budget!.limits.map((row) => [row.label, row.actual, row.status])).toEqual([
      ["params", 60, "fail"],
      ["trainable", 20, "fail"],
    ]);
  });
});
