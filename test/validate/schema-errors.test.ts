import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/parse/yaml.js";
import { validateBudget, validateSpec } from "../../src/validate/index.js";
import { messagesOf } from "../helpers/specs.js";

const specErrors = (text: string) => messagesOf(() => validateSpec(parseYaml(text, "spec.yaml")));
const budgetErrors = (text: string) => messagesOf(() => validateBudget(parseYaml(text, "budget.yaml")));

describe("a value that fits no form of a oneOf: one error, built from the schema", () => {
  it("names the forms and gives the schema's description as the hint, in the spec", () => {
    expect(specErrors("input: 5\nlayers: []\n")).toEqual([
      "spec.yaml:1:8: input must be a list or a mapping, not the integer 5\n  The input of one sample, without the batch dimension: a shape such as [3, 224, 224], {tokens: 2048} for token ids, {ids: []} for other int64 ids (a class label), {shape: [...], requires_grad: true} for a tensor that requires grad, or named inputs such as {src: {tokens: 512}, tgt: {tokens: 128}}.",
    ]);
    expect(specErrors("include: 5\nlayers: []\n")).toEqual([
      "spec.yaml:1:10: include must be a string or a list, not the integer 5\n  Spec files (relative to this one) whose vars and blocks this spec uses.",
    ]);
  });

  it("in the budget file", () => {
    expect(budgetErrors("models:\n  x:\n    params: 10\n    growth: true\n")).toEqual([
      "budget.yaml:4:13: models.x.growth must be an integer or a string or a mapping, not the boolean true\n  Allowed growth over the base branch, for every quantity, or per quantity.",
    ]);
  });

  it("reports the problem inside the form the value has, without the other forms' noise", () => {
    expect(specErrors("input: [3, [1]]\nlayers: []\n")).toEqual(["spec.yaml:1:12: input[1] must be an integer or a string, not a list"]);
    // A named input's form (a oneOf inside the mapping form of a oneOf) says what is wrong with it alone.
    expect(specErrors("input: {tokens: 3, x: 1}\nlayers: []\n")).toEqual([
      "spec.yaml:1:23: input.x must be a list or a mapping, not the integer 1\n  A named input: a shape, {tokens: N}, {ids: [...]} or {shape: [...], requires_grad: true}.",
    ]);
  });
});
