import { describe, expect, it } from "vitest";
import { error } from "../helpers/specs.js";

/** Errors for the mistakes new users make, each with what to write instead. */
describe("errors that say what to do", () => {
  it("an unquoted call inside a YAML flow mapping or sequence", () => {
    expect(error("layers:\n  - {q_proj: Linear(16, 16)}\n")).toBe(
      'spec.yaml:2:14: YAML splits this call at its commas: inside { } and [ ] a comma separates items\n  quote it: "Linear(16, 16)"',
    );
    expect(error("layers:\n  - a: {layers: [ReLU(), Linear(16, 16)]}\n")).toBe(
      'spec.yaml:2:26: YAML splits this call at its commas: inside { } and [ ] a comma separates items\n  quote it: "Linear(16, 16)"',
    );
  });

  it("a tensor's values where its shape belongs", () => {
    expect(error("layers:\n  - logit_scale: Parameter(torch.tensor(2.6592))\n")).toBe(
      "spec.yaml:2:28: Parameter argument 'shape' must be an integer or a tuple of integers, got a torch.tensor(...) layer\n  a spec gives a tensor's shape, not its values: Parameter(()) is a scalar, Parameter(3, 4) a 3×4 tensor",
    );
  });

  it("a bare functional name in forward:", () => {
    expect(error("input: [4]\nforward: [fc, gelu]\nlayers:\n  - fc: Linear(4, 4)\n")).toBe(
      "spec.yaml:2:15: no child 'gelu' in this module\n  write gelu() for the function, or add a child named gelu",
    );
  });

  it("None where a size is needed", () => {
    expect(error("vars:\n  d: None\nlayers:\n  - fc: Linear(d, 4)\n")).toBe(
      "spec.yaml:4:16: Linear argument 'in_features' must be an integer, got None\n  None is no size here: give an integer (a variable set to None or ~ passes None)",
    );
  });
});
