import { describe, expect, it } from "vitest";
import { toJsonReport } from "../../src/analysis/index.js";
import { runCli } from "../../src/cli/run.js";
import { analyze } from "../helpers/memory.js";
import { error, errors, files } from "../helpers/specs.js";

const TRAINED = `model: t
vars:
  wd: 0.1
  nodes: 2
training:
  optimizer: AdamW(weight_decay=wd)
  precision: mixed-bf16
  gpus: nodes * 8
  zero: 2
layers:
  - fc: Linear(4, 2)
`;
const PLAIN = "model: a\nlayers:\n  - fc: Linear(4, 2)\n";
const env = { cwd: new URL("../..", import.meta.url).pathname, readFile: files({ "t.yaml": TRAINED, "a.yaml": PLAIN }) };
const run = (...args: string[]) => runCli(["report", ...args], env);

describe("the training: section", () => {
  it("sets the recipe, with the spec's vars", () => {
    const { recipe, bytes, perGpu } = analyze(TRAINED).memory!;
    expect(recipe.optimizer).toMatchObject({ value: { text: "AdamW(weight_decay=wd)", definition: { type: "AdamW" } }, from: "spec.yaml:6:14" });
    expect([recipe.precision.value.name, recipe.gpus.value, recipe.zero.value, recipe.dtype]).toEqual(["mixed-bf16", 16, 2, undefined]);
    expect(bytes).toEqual({ weights: 20, buffers: 0, gradients: 20, optimizerState: 80, masterWeights: 40, activations: 0, total: 160 });
    expect(perGpu).toEqual({ weights: 20, buffers: 0, gradients: 2, optimizerState: 5, masterWeights: 3, activations: 0, total: 30 });
  });

  it("is overridden by the flags, setting by setting", () => {
    const { recipe } = analyze(TRAINED, { optimizer: "SGD", gpus: "1" }).memory!;
    expect([recipe.optimizer?.value.text, recipe.optimizer?.from, recipe.precision.from, recipe.gpus.value, recipe.gpus.from]).toEqual([
      "SGD",
      "--optimizer",
      "spec.yaml:7:14",
      1,
      "--gpus",
    ]);
  });

  it("is the only source of memory: without it or a flag, the report has none", () => {
    expect(analyze(PLAIN).memory).toBeUndefined();
    expect(toJsonReport(analyze(PLAIN))).not.toHaveProperty("memory");
    expect(run("a.yaml").stdout).not.toContain("Memory");
  });

  it("errors: positioned, with the closest name", () => {
    const spec = (training: string) => `training:\n${training}layers:\n  - fc: Linear(4, 2)\n`;
    expect(error(spec("  optimizer: AdamWW\n"))).toBe("spec.yaml:2:14: unknown optimizer 'AdamWW'\n  did you mean 'AdamW'?");
    expect(error(spec('  optimizer: "SGD(momentum=0.9, nesterov=yes)"\n'))).toBe(
      "spec.yaml:2:42: undefined variable 'yes' in argument 'nesterov' of SGD\n  define it under vars:, or check its spelling",
    );
    expect(errors(spec("  precision: mixed-bf61\n  zero: 4\n  sharding: 3\n"))).toEqual([
      "spec.yaml:2:14: training.precision must be one of: fp32, amp, mixed-fp16, mixed-bf16, bf16, fp16, not the string 'mixed-bf61'\n  did you mean 'mixed-bf16'?",
      "spec.yaml:3:9: training.zero must be one of: 0, 1, 2, 3, not the integer 4",
      "spec.yaml:4:3: unknown key 'sharding' in training\n  allowed keys: optimizer, precision, gpus, zero, dtype, batch, checkpointing, attention, main_grads, parallel",
    ]);
    expect(error(spec("  gpus: 0\n"))).toBe("spec.yaml:2:9: training needs at least 1 GPU, got 0");
    expect(error(spec("  dtype: bfoat16\n"))).toBe("spec.yaml:2:10: unknown dtype 'bfoat16'\n  did you mean 'bfloat16'?");
  });
});

describe("the report command's training flags", () => {
  it("add the memory section and column, in IEC units by default, SI on request", () => {
    const text = run("t.yaml").stdout;
    expect(text).toContain("\nLayer               Type    Parameter shapes         ×  Params   Share  Memory\n");
    expect(text).toContain("\nMemory: training with AdamW(weight_decay=wd) in mixed-bf16 on 16 GPUs, ZeRO stage 2 (IEC units, 1 KiB = 1,024 B)\n");
    expect(text).toContain("\nMaster weights                              40   40 B                                3           3 B\n");
    expect(run("a.yaml", "--precision", "bf16", "--units", "si").stdout).toContain(
      "Memory: inference in bf16: weights and buffers only (SI units, 1 kB = 1,000 B)\nMemory   Bytes  Size\n",
    );
  });

  it("give JSON memory with integer bytes, per GPU, per layer and each tensor's dtype", () => {
    const report = JSON.parse(run("a.yaml", "--optimizer", "Adam", "--precision", "mixed-bf16", "--gpus", "2", "--zero", "3", "-f", "json").stdout);
    expect(report.memory).toEqual({
      recipe: { optimizer: "Adam", precision: "mixed-bf16", dtype: null, gpus: 2, zero: 3, mainGrads: null, convention: "zero-paper" },
      weights: 20,
      buffers: 0,
      gradients: 20,
      optimizerState: 80,
      masterWeights: 40,
      activations: 0,
      total: 160,
      // Stage 3's shards, and the one layer all-gathered while it runs (DeepSpeed's largest_layer_memory).
      perGpu: { weights: 10 + 20, buffers: 0, gradients: 10 + 20, optimizerState: 40, masterWeights: 20, activations: 0, total: 80 + 40 },
      gatherBuffer: { layer: "fc", weights: 20, gradients: 20 },
    });
    expect(report.layers[0].memory).toEqual({ weights: 20, buffers: 0, gradients: 20, optimizerState: 80, masterWeights: 40, activations: 0, total: 160 });
    expect((report.layers[0].parameters as { dtype: string }[]).map((tensor) => tensor.dtype)).toEqual(["bfloat16", "bfloat16"]);
    expect((JSON.parse(run("a.yaml", "--dtype", "nf4(block_size=4)", "-f", "json").stdout).layers[0].parameters as { dtype: string }[]).map((tensor) => tensor.dtype)).toEqual([
      "nf4(block_size=4, scale=float32)",
      "float32",
    ]);
  });

  it("render the memory table and its arithmetic in markdown", () => {
    const markdown = run("a.yaml", "--optimizer", "Adam", "-f", "markdown", "--explain").stdout;
    expect(markdown).toContain("\n| **Weights + optimizer state &#40;3 × weights&#41;** | 120 | 120 B |\n");
    expect(markdown).toContain("\n<details><summary>Memory formulas</summary>\n\n- optimizer&#58; Adam, torch.optim.Adam &#40;--optimizer&#41;\n");
    expect(markdown).toContain("\n- fc&#58; 160 B\n  - weights&#58; 10 params × 4 B &#40;float32&#41; = 40 B\n");
  });

  it("exit 2 with a plain message naming the flag", () => {
    const invalid = (...args: string[]) => {
      const result = run("a.yaml", ...args);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe("");
      return result.stderr;
    };
    expect(invalid("--optimizer", "AdamWW")).toBe("model-budget: --optimizer: unknown optimizer 'AdamWW' [MB601]\n  did you mean 'AdamW'?\n");
    expect(invalid("--optimizer", "AdamW(lr=1e-3")).toBe(
      "model-budget: --optimizer: expected ')' to close the call to AdamW, found the end of the text [MB107]\n  add the missing ')'\n",
    );
    expect(invalid("--precision", "bf61")).toBe("model-budget: --precision: unknown precision 'bf61' [MB602]\n  did you mean 'bf16'?\n");
    expect(invalid("--gpus", "abc")).toBe("model-budget: --gpus: the GPU count is a whole number, not 'abc' [MB605]\n  write it in digits, e.g. 8\n");
    expect(invalid("--gpus", "99999999999999999999")).toBe(
      "model-budget: --gpus: the GPU count 99999999999999999999 is beyond 2^53 and cannot be used exactly [MB303]\n  give the real count, e.g. 8\n",
    );
    expect(invalid("--batch", "9007199254740992")).toBe(
      "model-budget: --batch: the batch 9007199254740992 is beyond 2^53 and cannot be used exactly [MB303]\n  give the real count, e.g. 8\n",
    );
    expect(invalid("--gpus", "0")).toBe("model-budget: --gpus: training needs at least 1 GPU, got 0 [MB605]\n");
    expect(invalid("--zero", "5")).toBe("model-budget: --zero: the ZeRO stage is 0, 1, 2 or 3, not 5 [MB605]\n  3 is FSDP's full shard\n");
    expect(invalid("--dtype", "bfloat61")).toMatch(/^model-budget: --dtype: unknown dtype 'bfloat61' \[MB604\]\n/);
    expect(invalid("--units", "metric")).toBe("model-budget: --units must be one of iec, si, not 'metric'\n");
  });

  it("are listed in the command's usage", () => {
    expect(runCli(["report", "--help"], env).stdout).toContain(
      '\n      --optimizer CALL      optimizer class with its arguments: AdamW,\n                            "SGD(momentum=0.9)", AdamW8bit; without one, memory\n',
    );
  });
});

describe("byte counts beyond exact integers", () => {
  it("are refused, as parameter counts are", () => {
    expect(error("layers:\n  - p: Parameter(1_125_899_906_842_624)\ntraining:\n  optimizer: Adam\n")).toBe(
      "spec.yaml:2:5: the optimizer state bytes of p exceeds 2^53 - 1 = 9,007,199,254,740,991 and cannot be counted exactly\n  check the sizes and repeat counts for a typo",
    );
  });
});
