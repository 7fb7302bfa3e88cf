import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { count, error, files } from "../helpers/specs.js";

/** The out_features a var expression gives a Linear(1, out): the expression's value, as the count sees it. */
const valueOf = (expression: string): number => count(`vars:\n  n: ${JSON.stringify(expression)}\nlayers:\n  - fc: Linear(1, n, bias=False)\n`).totals.params;

describe("ceil, floor, round, min and max in expressions, as Python computes them", () => {
  it("ceil and floor of a quotient, of an integer, of a negative number", () => {
    expect([valueOf("ceil(10 / 4)"), valueOf("floor(10 / 4)"), valueOf("ceil(7)"), valueOf("-floor(-2.5)"), valueOf("-ceil(-2.5) + 1")]).toEqual([3, 2, 7, 3, 3]);
  });

  it("round halves to even, as Python's round does", () => {
    // Python: round(0.5) == 0, round(1.5) == 2, round(2.5) == 2, round(3.5) == 4, round(2.6) == 3, round(-2.5) == -2.
    expect([valueOf("round(0.5) + 1"), valueOf("round(1.5)"), valueOf("round(2.5)"), valueOf("round(3.5)"), valueOf("round(2.6)"), valueOf("-round(-2.5)")]).toEqual([
      1, 2, 2, 4, 3, 2,
    ]);
  });

  it("min and max of numbers or of one tuple, keeping an integer an integer", () => {
    expect([valueOf("min(8, 3, 5)"), valueOf("max(8, 3, 5)"), valueOf("max((2, 9))"), valueOf("min(4, 6.5)"), valueOf("max(64, ceil(100 / 3))")]).toEqual([3, 8, 9, 4, 64]);
  });

  it("a float from min is no size", () => {
    expect(error(`vars:\n  n: "min(4.5, 6)"\nlayers:\n  - fc: Linear(1, n)\n`)).toBe(
      "spec.yaml:4:19: Linear argument 'out_features' must be an integer, got the number 4.5\n  write a whole number such as 64; in an expression, // divides to a whole number",
    );
  });

  it("refuses what Python would refuse, at the call", () => {
    expect(error(`vars:\n  n: "ceil('a')"\nlayers: []\n`)).toBe("spec.yaml:2:7: ceil() needs numbers, not the string 'a'");
    expect(error(`vars:\n  n: "round(2.5, 1)"\nlayers: []\n`)).toBe(
      "spec.yaml:2:7: round() takes one number, got 2 arguments\n  round(x, ndigits) is not supported: round(x) gives an integer",
    );
    expect(error(`vars:\n  n: "max()"\nlayers: []\n`)).toBe("spec.yaml:2:7: max() takes two or more numbers, or one tuple of them\n  e.g. max(a, b)");
    expect(error(`vars:\n  n: "max(a=1)"\nlayers: []\n`)).toBe("spec.yaml:2:11: max() takes positional arguments, not a=\n  write max(...) with the values alone");
  });
});

describe("None as a var value", () => {
  const spec = (kv: string) => `vars:
  kv: ${kv}
input: [16, 64]
layers:
  - attn:
      layers:
        - q: Linear(64, 64)
        - k: Linear(64, 64)
        - v: Linear(64, 64)
      forward: ["attention(q, k, v, heads=4, kv_heads=kv)"]
  - unflatten: Unflatten(2, (8, 8))
  - pool: AdaptiveAvgPool2d((5, kv))
`;
  const shapes = (kv: string) => analyzeSpec("spec.yaml", files({ "spec.yaml": spec(kv) })).shapes!;

  it("is Python's None where an argument accepts it: kv_heads=None as a head per query head, (5, None) keeping a size", () => {
    const none = shapes("None");
    // AdaptiveAvgPool2d((5, None)) on [1, 16, 8, 8] keeps the last size, as PyTorch does.
    expect(none.output).toEqual([1, 16, 5, 8]);
    const withoutKvHeads = analyzeSpec("spec.yaml", files({ "spec.yaml": spec("None").replace(", kv_heads=kv", "") })).shapes!;
    expect(none.totals).toEqual(withoutKvHeads.totals);
    expect(error(spec("None").replace("AdaptiveAvgPool2d((5, kv))", "Linear(8, kv)"))).toBe(
      "spec.yaml:12:21: Linear argument 'out_features' must be an integer, got None\n  None is no size here: give an integer (a variable set to None or ~ passes None)",
    );
  });

  it("~ and null are None too; an empty value says what to write instead, at the variable", () => {
    expect(shapes("~")).toEqual(shapes("None"));
    expect(shapes("null")).toEqual(shapes("None"));
    expect(error(spec(""))).toBe("spec.yaml:2:3: variable 'kv' has no value\n  give it one (kv: 16), or write None for Python's None");
  });
});
