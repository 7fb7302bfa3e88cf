import { describe, expect, it } from "vitest";
import { analyzeSpec, toJsonReport } from "../../src/analysis/index.js";
import { runCli } from "../../src/cli/run.js";
import { settingsFromOptions } from "../../src/memory/index.js";
import { layers, memoryOf, type Flags } from "../helpers/memory.js";
import { files, readRepoFile as readExample } from "../helpers/specs.js";

/** The figures of issue 3, each exact to the byte, and each visible in the CLI's output. */

const analyzeExample = (name: string, flags: Flags) =>
  analyzeSpec(
    `examples/${name}.yaml`,
    readExample,
    settingsFromOptions(flags, (option) => `--${option}`),
  );

const root = new URL("../..", import.meta.url).pathname;
const CONV = "model: conv\nlayers:\n  - conv: Conv2d(3, 64, 7)\n";
const LLAMA_PARAMS = 6_738_415_616;

describe("Conv2d(3, 64, 7) in fp32 with Adam", () => {
  const memory = memoryOf(CONV, { optimizer: "Adam" });

  it("has 37,888 B of weights, 75,776 B of Adam state, as many gradients: 151,552 B", () => {
    expect(memory.bytes).toEqual({ weights: 37_888, buffers: 0, gradients: 37_888, optimizerState: 75_776, masterWeights: 0, activations: 0, total: 151_552 });
    expect(memory.bytes.weights + memory.bytes.optimizerState).toBe(113_664);
  });

  it("shows both readings: the total, and weights + optimizer state, three times the weights", () => {
    const env = { cwd: root, readFile: files({ "conv.yaml": CONV }) };
    const text = runCli(["report", "conv.yaml", "--optimizer", "Adam"], env).stdout;
    expect(text).toContain("\nTotal                                    151,552  148.0 KiB\n");
    expect(text).toContain("\nWeights + optimizer state (3 × weights)  113,664  111.0 KiB\n");
    const si = runCli(["report", "conv.yaml", "--optimizer", "Adam", "--units", "si"], env).stdout;
    expect(si).toContain("(SI units, 1 kB = 1,000 B)");
    expect(si).toContain("\nWeights + optimizer state (3 × weights)  113,664  113.7 kB\n");
    const explained = runCli(["report", "conv.yaml", "--optimizer", "Adam", "--explain"], env).stdout;
    expect(explained).toContain("\n  weights: 9,472 params × 4 B (float32) = 37,888 B\n");
    expect(explained).toContain("\n  optimizer state: 9,472 exp_avg elements × 4 B (float32) + 9,472 exp_avg_sq elements × 4 B (float32) = 75,776 B\n");
    expect(explained).toContain("\n  total: 37,888 + 37,888 + 75,776 = 151,552 B\n  weights + optimizer state: 37,888 + 75,776 = 113,664 B, 3 × the weights\n");
  });
});

describe("Linear(1024, 4096) in fp32 with Adafactor", () => {
  it("keeps (4,096 + 1,024) + 4,096 float32 elements of state: 36,864 B", () => {
    const memory = memoryOf(layers("fc: Linear(1024, 4096)"), { optimizer: "Adafactor" });
    expect(memory.bytes.optimizerState).toBe(36_864);
    expect(memory.terms.optimizerState).toEqual([
      { what: "row_var elements", dtype: "float32", bits: 32, elements: 4096, bytes: 16_384 },
      { what: "col_var elements", dtype: "float32", bits: 32, elements: 1024, bytes: 4096 },
      { what: "variance elements", dtype: "float32", bits: 32, elements: 4096, bytes: 16_384 },
    ]);
  });
});

describe("Linear(1024, 4096) with AdamW8bit", () => {
  const memory = memoryOf(layers("fc: Linear(1024, 4096)", "small: Parameter(4095)"), { optimizer: "AdamW8bit" });

  it("keeps the weight's two states in 8 bits with a float32 absmax per 256 elements: 8,519,680 B", () => {
    expect(2 * 4_194_304 + 2 * 16_384 * 4).toBe(8_519_680);
    expect(memory.layers[0]!.terms.optimizerState).toEqual([
      { what: "state1 elements", dtype: "uint8", bits: 8, elements: 4_194_304 + 4096, bytes: 4_194_304 + 4096 },
      { what: "absmax1 elements", dtype: "float32", bits: 32, elements: 16_384 + 16, bytes: (16_384 + 16) * 4 },
      { what: "state2 elements", dtype: "uint8", bits: 8, elements: 4_194_304 + 4096, bytes: 4_194_304 + 4096 },
      { what: "absmax2 elements", dtype: "float32", bits: 32, elements: 16_384 + 16, bytes: (16_384 + 16) * 4 },
    ]);
  });

  it("keeps the bias (4,096 elements, so still 8-bit) in 8,320 B, and a 4,095-element tensor in 8 B per element", () => {
    expect(memory.layers[0]!.bytes.optimizerState).toBe(8_519_680 + 8320);
    expect(memory.layers[1]!.bytes.optimizerState).toBe(4095 * 8);
    expect(memory.layers[1]!.terms.optimizerState.map((term) => [term.what, term.dtype])).toEqual([
      ["state1 elements", "float32"],
      ["state2 elements", "float32"],
    ]);
  });
});

describe("Llama-2-7B in mixed-bf16 with AdamW", () => {
  const model = analyzeExample("llama2-7b", { precision: "mixed-bf16", optimizer: "AdamW" });

  it("takes 16 bytes per parameter: 2 for weights, 2 for gradients, 4 for master weights, 8 for Adam's state", () => {
    const bytes = model.memory!.bytes;
    expect(bytes.weights).toBe(2 * LLAMA_PARAMS);
    expect(bytes.gradients).toBe(2 * LLAMA_PARAMS);
    expect(bytes.masterWeights).toBe(4 * LLAMA_PARAMS);
    expect(bytes.optimizerState).toBe(8 * LLAMA_PARAMS);
    // rotary_emb.inv_freq: 64 bfloat16 elements besides the parameters.
    expect(bytes.buffers).toBe(128);
    // With its input of 4,096 tokens, the spec also has a training step's activations (test/shapes/transformers.test.ts).
    expect(bytes.activations).toBe(model.shapes!.totals.activations);
    expect(bytes.total).toBe(16 * LLAMA_PARAMS + 128 + bytes.activations);
    expect(16 * LLAMA_PARAMS).toBe(107_814_649_856);
  });

  it("reports those bytes in JSON, and the arithmetic with --explain", () => {
    expect(toJsonReport(model).memory).toEqual({
      recipe: { optimizer: "AdamW", precision: "mixed-bf16", dtype: null, gpus: 1, zero: 0, mainGrads: null, convention: "zero-paper" },
      weights: 13_476_831_232,
      buffers: 128,
      gradients: 13_476_831_232,
      optimizerState: 53_907_324_928,
      masterWeights: 26_953_662_464,
      activations: 24_581_816_832,
      total: 132_396_466_816,
    });
    const text = runCli(["report", "examples/llama2-7b.yaml", "--precision", "mixed-bf16", "--optimizer", "AdamW", "--explain"], { cwd: root, readFile: readExample }).stdout;
    expect(text).toContain("\n  master weights: 6,738,415,616 params × 4 B (float32) = 26,953,662,464 B\n");
    expect(text).toContain("\n  total: 13,476,831,232 + 128 + 13,476,831,232 + 53,907,324,928 + 26,953,662,464 + 24,581,816,832 = 132,396,466,816 B\n");
  });
});

describe("ZeRO stages for 7.5 billion parameters, mixed precision Adam and 64 GPUs (the ZeRO paper's table)", () => {
  // Ψ in 1,000 layers of 7.5M parameters: stage 3 also all-gathers the largest layer while it runs.
  const PSI = "layers:\n  - psi:\n      repeat: 1000\n      layers:\n        - p: Parameter(7_500_000)\n";
  const perGpu = (zero: number) => memoryOf(PSI, { optimizer: "Adam", precision: "mixed-fp16", gpus: "64", zero: String(zero) }).perGpu!.total;

  it("needs 120 GB, 31.4 GB, 16.6 GB and 1.875 GB per GPU for stages 0 to 3, stage 3 plus the gathered layer", () => {
    // DeepSpeed's largest_layer_memory: 4 B per parameter of the largest layer (fp16 weights and gradients).
    const gathered = 4 * 7_500_000;
    expect([0, 1, 2, 3].map(perGpu)).toEqual([120_000_000_000, 31_406_250_000, 16_640_625_000, 1_875_000_000 + gathered]);
  });

  it("counts a single 7.5-billion-element tensor whole in ZeRO-3's gather buffer", () => {
    const memory = memoryOf("layers:\n  - psi: Parameter(7_500_000_000)\n", { optimizer: "Adam", precision: "mixed-fp16", gpus: "64", zero: "3" });
    expect(memory.gather).toEqual({ layer: "psi", weights: 15_000_000_000, gradients: 15_000_000_000 });
    expect(memory.perGpu!.total).toBe(1_875_000_000 + 30_000_000_000);
  });

  it("shows them per GPU in SI units", () => {
    const env = { cwd: root, readFile: files({ "psi.yaml": PSI }) };
    const sizes = [0, 1, 2, 3].map((zero) => {
      const text = runCli(["report", "psi.yaml", "--optimizer", "Adam", "--precision", "mixed-fp16", "--gpus", "64", "--zero", String(zero), "--units", "si"], env).stdout;
      return /\nTotal +[\d,]+ +[\d.]+ GB +[\d,]+ +([\d.]+ GB)\n/.exec(text)?.[1];
    });
    expect(sizes).toEqual(["120.0 GB", "31.41 GB", "16.64 GB", "1.91 GB"]);
  });
});

describe("BERT-base with frozen embeddings", () => {
  const EMBEDDING_PARAMS = 30_522 * 768 + 512 * 768 + 2 * 768 + 2 * 768;
  const frozen = readExample("examples/bert-base.yaml").replace("  - embeddings:\n      layers:", "  - embeddings:\n      frozen: true\n      layers:");

  it("drops gradient and state bytes by exactly the embedding parameters", () => {
    expect(frozen).not.toBe(readExample("examples/bert-base.yaml"));
    const flags = { optimizer: "Adam" };
    const all = analyzeExample("bert-base", flags).memory!.bytes;
    const partly = analyzeSpec(
      "bert.yaml",
      files({ "bert.yaml": frozen }),
      settingsFromOptions(flags, (option) => `--${option}`),
    ).memory!.bytes;
    expect(EMBEDDING_PARAMS).toBe(23_837_184);
    expect(all.weights - partly.weights).toBe(0);
    expect(all.gradients - partly.gradients).toBe(4 * EMBEDDING_PARAMS);
    expect(all.optimizerState - partly.optimizerState).toBe(8 * EMBEDDING_PARAMS);
    expect(partly.gradients).toBe(4 * (109_482_240 - EMBEDDING_PARAMS));
    // position_ids and token_type_ids are int64 whatever the recipe.
    expect(partly.buffers).toBe(1024 * 8);
  });
});
