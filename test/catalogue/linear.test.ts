import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { describeText, errorOf } from "../helpers/layer.js";
import { tempDir } from "../import/files.js";

const POSITIVE = "\n  write 1 or more; when an expression gives it, check the vars it uses";

describe("Linear and Bilinear sizes", () => {
  it("count as PyTorch does", () => {
    expect(describeText("Linear(4096, 1024)").parameters.map((tensor) => tensor.shape)).toEqual([[1024, 4096], [1024]]);
    expect(describeText("Bilinear(3, 5, 7, bias=False)").parameters.map((tensor) => tensor.shape)).toEqual([[7, 3, 5]]);
  });

  // A negative size once counted −16,777,216 parameters, and a zero one an empty weight: both let a spec pass its budget.
  it.each([
    ["Linear(-5, 10)", `<call>:1:8: Linear needs a positive 'in_features', got -5${POSITIVE}`],
    ["Linear(0, 10)", `<call>:1:8: Linear needs a positive 'in_features', got 0${POSITIVE}`],
    ["Linear(10, -4096)", `<call>:1:12: Linear needs a positive 'out_features', got -4096${POSITIVE}`],
    ["Linear(in_features=-4096, out_features=4096)", `<call>:1:8: Linear needs a positive 'in_features', got -4096${POSITIVE}`],
    ["NonDynamicallyQuantizableLinear(8, 0)", `<call>:1:36: NonDynamicallyQuantizableLinear needs a positive 'out_features', got 0${POSITIVE}`],
    ["Bilinear(-3, 4, 5)", `<call>:1:10: Bilinear needs a positive 'in1_features', got -3${POSITIVE}`],
    ["Bilinear(3, 0, 5)", `<call>:1:13: Bilinear needs a positive 'in2_features', got 0${POSITIVE}`],
    ["Bilinear(3, 4, -5)", `<call>:1:16: Bilinear needs a positive 'out_features', got -5${POSITIVE}`],
    [
      "Linear(10.5, 3)",
      "<call>:1:8: Linear argument 'in_features' must be an integer, got the number 10.5\n  write a whole number such as 64; in an expression, // divides to a whole number",
    ],
    [
      "Linear('a', 3)",
      "<call>:1:8: Linear argument 'in_features' must be an integer, got the string 'a'\n  write a whole number such as 64; in an expression, // divides to a whole number",
    ],
  ])("%s is refused at the argument", (call, message) => {
    expect(errorOf(call)).toBe(message);
  });
});

describe("the same refusal through import torch-repr", () => {
  it("a negative Linear in print(model) text is an error at its argument, and no spec is written", () => {
    const file = join(tempDir(), "model.txt");
    writeFileSync(file, "Sequential(\n  (0): Linear(in_features=-4096, out_features=4096, bias=True)\n)\n");
    const written = new Map<string, string>();
    const result = runCli(["import", "torch-repr", file, "-o", "spec.yaml"], {
      cwd: tempDir(),
      readFile: (path) => readFileSync(path, "utf8"),
      writeFile: (path, text) => written.set(path, text),
    });
    expect(result).toEqual({
      exitCode: 2,
      stdout: "",
      stderr: `${file}:2:15: Linear needs a positive 'in_features', got -4096 [MB409]\n  2 |   (0): Linear(in_features=-4096, out_features=4096, bias=True)\n    |               ^${POSITIVE}\n`,
    });
    expect(written.size).toBe(0);
  });
});

describe("lazy modules", () => {
  it.each([
    [
      "LazyLinear(5)",
      "<call>:1:1: LazyLinear infers its sizes at its first forward pass, which a spec does not run\n  describe the model after its first forward: write Linear(in_features, out_features, ...) with the sizes it infers then",
    ],
    [
      "nn.LazyConv2d(8, 3)",
      "<call>:1:1: nn.LazyConv2d infers its sizes at its first forward pass, which a spec does not run\n  describe the model after its first forward: write Conv2d(in_channels, out_channels, kernel_size, ...) with the sizes it infers then",
    ],
    [
      "LazyBatchNorm2d()",
      "<call>:1:1: LazyBatchNorm2d infers its sizes at its first forward pass, which a spec does not run\n  describe the model after its first forward: write BatchNorm2d(num_features, ...) with the sizes it infers then",
    ],
    [
      "UninitializedParameter()",
      "<call>:1:1: UninitializedParameter infers its sizes at its first forward pass, which a spec does not run\n  describe the model after its first forward: write Parameter(shape) with the shape it gets then",
    ],
  ])("%s says to describe the model after its first forward", (call, message) => {
    expect(errorOf(call)).toBe(message);
  });
});
