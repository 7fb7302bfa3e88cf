import { describe, expect, it } from "vitest";
import { count, error } from "../helpers/specs.js";

const common = 'vars:\n  d: 16\n  ff: 4 * d\nblocks:\n  mlp: {layers: ["Linear(d, ff, bias=False)"]}\n';

/** A top-level include shares its vars; two different values of one variable never mix in one model. */
describe("variables across a top-level include", () => {
  it("refuses a redefinition the included blocks would not see, naming both definitions and how to override", () => {
    expect(error("include: common.yaml\nvars:\n  d: 32\nlayers:\n  - own: Linear(d, d, bias=False)\n  - m: {use: mlp}\n", { "common.yaml": common })).toBe(
      "spec.yaml:3:3: 'd' is the integer 32 here and the integer 16 in common.yaml:2:3, whose blocks and vars would keep their own value\n" +
        "  use one definition: rename this one, or make 'd' a block parameter (params: {d: ...}) and set it with use: ... with: {d: ...}, or include the file's layers as a module with {include: common.yaml, with: {d: ...}}",
    );
  });

  it("refuses two included files that disagree", () => {
    expect(error("include: [a.yaml, b.yaml]\nlayers:\n  - x: Linear(d, d)\n", { "a.yaml": "vars:\n  d: 4\n", "b.yaml": "vars:\n  d: 8\n" })).toBe(
      "b.yaml:2:3: 'd' is the integer 8 here and the integer 4 in a.yaml:2:3, whose blocks and vars would keep their own value\n" +
        "  use one definition: rename this one, or make 'd' a block parameter (params: {d: ...}) and set it with use: ... with: {d: ...}, or include the file's layers as a module with {include: a.yaml, with: {d: ...}}",
    );
  });

  it("accepts a repeated definition with the same value, and a file included along two paths", () => {
    expect(count("include: common.yaml\nvars:\n  d: 16\nlayers:\n  - m: {use: mlp}\n", { "common.yaml": common }).totals.params).toBe(16 * 64);
    expect(count("include: a.yaml\nvars:\n  s: 6 / 3\nlayers:\n  - x: Linear(1, 1)\n", { "a.yaml": "vars:\n  s: 4 / 2\n" }).totals.params).toBe(2);
    const diamond = { "a.yaml": "include: common.yaml\n", "b.yaml": "include: common.yaml\n", "common.yaml": common };
    expect(count("include: [a.yaml, b.yaml]\nlayers:\n  - m: {use: mlp}\n", diamond).totals.params).toBe(16 * 64);
  });

  it("overrides an included spec's vars for all its layers with the module form's with:", () => {
    const lib = "vars:\n  d: 16\n  ff: 4 * d\nlayers:\n  - fc: Linear(d, ff, bias=False)\n";
    expect(count("layers:\n  - e: {include: lib.yaml, with: {d: 32}}\n", { "lib.yaml": lib }).totals.params).toBe(32 * 128);
  });
});
