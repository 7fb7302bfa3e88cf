// The browser script's arithmetic, run here on plain data: how a module's change follows from its layers'.
import { describe, expect, it } from "vitest";
import { figuresOf } from "../../src/html/client/model.js";
import { share } from "../../src/html/client/format.js";
import type { PageNode } from "../../src/html/page-types.js";

const leaf = (path: string, value: number, base: number | null, change?: PageNode["change"]): PageNode => ({
  name: path,
  path,
  values: [value],
  ...(base === null ? {} : { base: [base] }),
  ...(change ? { change } : {}),
});

describe("the page's figures", () => {
  const grown = leaf("a.grown", 30, 20, "grown");
  const added = leaf("a.added", 5, null, "new");
  const same = leaf("b.same", 7, 7);
  const moved = leaf("b.moved", 3, 3, "moved");
  const onlyNew: PageNode = { name: "c", path: "c", children: [leaf("c.x", 1, null, "new")] };
  const a: PageNode = { name: "a", path: "a", children: [grown, added] };
  const b: PageNode = { name: "b", path: "b", children: [same, moved] };
  const root: PageNode = { name: "m", path: "", children: [a, b, onlyNew] };

  it("sums a module's layers at head and at base (a new layer counts 0 at base), and takes the change of the sums", () => {
    const figures = figuresOf(root, 0, true);
    expect(figures.get(a)).toEqual({ value: 35, base: 20, change: "grown" });
    // Same total, but a layer moved inside it: not unchanged.
    expect(figures.get(b)).toEqual({ value: 10, base: 10, change: "changed" });
    expect(figures.get(onlyNew)).toEqual({ value: 1, base: null, change: "new" });
    expect(figures.get(root)).toEqual({ value: 46, base: 30, change: "grown" });
    expect(figures.get(moved)).toEqual({ value: 3, base: 3, change: "moved" });
    expect(figures.get(same)).toEqual({ value: 7, base: 7, change: "unchanged" });
  });

  it("has no change outside a check", () => {
    expect(figuresOf(root, 0, false).get(a)).toEqual({ value: 35, base: null });
  });

  it("never rounds a share to a misleading 0% or 100%", () => {
    expect([share(1, 1_000_000), share(999_999, 1_000_000), share(1, 8), share(0, 8), share(1, 0)]).toEqual(["< 0.01%", "> 99.99%", "12.50%", "0.00%", "–"]);
  });
});
