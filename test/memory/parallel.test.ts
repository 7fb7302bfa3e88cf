import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeSpec, toJsonReport } from "../../src/analysis/index.js";
import { userErrors } from "../../src/diagnostics/index.js";
import { settingsFromOptions } from "../../src/memory/index.js";
import { metricNamed } from "../../src/metrics/index.js";
import { analyze, memoryOf, type Flags } from "../helpers/memory.js";
import { runDist } from "../helpers/run-dist.js";
import { files, readRepoFile } from "../helpers/specs.js";

const llama = (flags: Flags) =>
  analyzeSpec(
    "examples/llama2-7b.yaml",
    readRepoFile,
    settingsFromOptions(flags, (option) => `--${option}`),
  );
const LLAMA_PARAMS = 6_738_415_616;
const D = 4096;
const FFN = 11_008;
const VOCAB = 32_000;

function errorOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    const found = userErrors(error);
    if (found)
      return found
        .map(
          (problem) => `${problem.position.file}:${problem.position.line}:${problem.position.col}: ${problem.detail} [${problem.code}]${problem.hint ? `\n  ${problem.hint}` : ""}`,
        )
        .join("\n");
    throw error;
  }
  throw new Error("no error");
}

describe("tensor parallelism by the default Megatron plan", () => {
  it("holds 842,534,912 parameters of Llama-2-7B per GPU under --tp 8: vocabulary split, norms replicated", () => {
    const perBlock = (4 * D * D + 3 * D * FFN) / 8 + 2 * D;
    const expected = 32 * perBlock + 2 * (VOCAB / 8) * D + D;
    expect(expected).toBe(842_534_912);
    const report = toJsonReport(llama({ tp: "8" }));
    expect(report.memory!.parallel).toMatchObject({ tp: 8, pp: 1, ep: 1, cp: 1, dp: 1, paramsPerGpu: 842_534_912, plan: "default", warnings: [] });
    // Inference in fp32: 4 B a parameter, and the 64-element rotary buffer whole on every rank.
    expect(report.memory!.perGpu!.total).toBe(4 * 842_534_912 + 4 * 64);
  });

  it("says so on the command line, with the split of each tensor under --explain", () => {
    const run = runDist(["report", "examples/llama2-7b.yaml", "--tp", "8", "--format", "json"]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout).memory.parallel.paramsPerGpu).toBe(842_534_912);
    const explained = runDist(["report", "examples/llama2-7b.yaml", "--tp", "8", "--explain"]).stdout;
    expect(explained).toContain("\n    model.layers.[0-31].self_attn.o_proj: rowwise, weight [4096, 4096] → [4096, 512]\n");
    expect(explained).toContain("\n    model.embed_tokens: vocab_parallel, weight [32000, 4096] → [4000, 4096]\n");
    expect(explained).toContain("\n    stage 0 (blocks 0–31): 842,534,912 params per GPU, 3,370,139,904 B, the worst rank: memory-per-gpu\n");
  });

  it("warns about each layer with parameters it cannot place, at the layer", () => {
    const spec = "layers:\n  - q_proj: Linear(8, 8)\n  - proj: Linear(8, 8)\n";
    const model = analyze(spec, { tp: "2" });
    expect(model.memory!.parallel!.paramsPerGpu).toBe(36 + 72);
    expect(model.memory!.parallel!.warnings.map((warning) => `${warning.line}:${warning.col} ${warning.code} ${warning.message}`)).toEqual([
      "3:5 MB611 the default tensor-parallel plan cannot place proj (Linear): counted whole on every one of the 2 tp ranks",
    ]);
  });

  it("prints those warnings with the source line, from report and from check, and still succeeds", () => {
    const folder = mkdtempSync(join(tmpdir(), "model-budget-tp-"));
    writeFileSync(join(folder, "spec.yaml"), "layers:\n  - q_proj: Linear(8, 8)\n  - proj: Linear(8, 8)\n");
    const warning =
      "model-budget: warning: spec.yaml:3:5: the default tensor-parallel plan cannot place proj (Linear): counted whole on every one of the 2 tp ranks [MB611]\n  3 |   - proj: Linear(8, 8)\n    |     ^\n  give training.parallel a plan: entry for it if your training splits it\n";
    for (const command of ["report", "check"]) {
      const run = runDist([command, "spec.yaml", "--tp", "2"], { cwd: folder });
      expect([run.status, run.stderr]).toEqual([0, warning]);
    }
  });

  it("warns when a split dimension does not divide, and counts the larger share", () => {
    const model = analyze("layers:\n  - lm_head: Linear(4, 10, bias=False)\n", { tp: "4" });
    expect(model.memory!.parallel!.paramsPerGpu).toBe(3 * 4);
    expect(model.memory!.parallel!.warnings.map((warning) => warning.message)).toEqual([
      "lm_head.weight: dimension 0 (10) does not divide by tp = 4; the worst rank holds ⌈10 / 4⌉ = 3",
    ]);
  });
});

describe("a tensor-parallel plan in the spec", () => {
  const spec = (plan: string) =>
    `training:\n  parallel:\n    tp: 2\n    plan:\n${plan}layers:\n  - blocks:\n      repeat: 2\n      layers:\n        - fc1: Linear(8, 16)\n        - fc2: Linear(16, 8)\n        - norm: LayerNorm(8)\n`;

  it("splits colwise outputs with their bias, rowwise inputs with the bias whole, and replicates the rest", () => {
    const model = analyze(spec('      "blocks.*.fc1": colwise\n      "blocks.*.fc2": rowwise\n'));
    // fc1: [16, 8] → [8, 8] and bias 16 → 8; fc2: [8, 16] → [8, 8], bias 8 whole; norm 16 whole.
    expect(model.memory!.parallel!.paramsPerGpu).toBe(2 * (72 + 72 + 16));
    expect(model.memory!.parallel!.plan).toBe("spec");
  });

  it("warns about an entry that matches nothing, at its key", () => {
    const model = analyze(spec('      "blocks.*.fc1": colwise\n      blocks.fc2: rowwise\n'));
    expect(model.memory!.parallel!.warnings.map((warning) => `${warning.line}:${warning.col} ${warning.code} ${warning.message}`)).toEqual([
      "6:7 MB612 the plan entry 'blocks.fc2' matches no layer",
    ]);
  });

  it("rejects an unknown style with the closest one, and a split of a layer that is not Linear or Embedding", () => {
    expect(errorOf(() => analyze(spec("      blocks.*.fc1: colwize\n")))).toBe("spec.yaml:5:21: unknown tensor-parallel style 'colwize' [MB609]\n  did you mean 'colwise'?");
    expect(errorOf(() => analyze(spec("      blocks.*.norm: colwise\n")))).toBe(
      "spec.yaml:5:7: colwise splits Linear and Embedding layers (as PyTorch's ColwiseParallel), and blocks.[0-1].norm is LayerNorm [MB610]\n  give it replicate or sequence_parallel, or narrow the pattern",
    );
  });
});

describe("docs/parallelism.md's example", () => {
  it("spells out the default Megatron plan for Llama: the same figures as the flags", () => {
    const training = /```yaml\n([\s\S]*?)```/.exec(readRepoFile("docs/parallelism.md"))![1]!;
    const spec = readRepoFile("examples/llama2-7b.yaml").replace("input: {tokens: sequence}\n", `input: {tokens: sequence}\n${training}`);
    const fromSpec = toJsonReport(analyzeSpec("llama.yaml", files({ "llama.yaml": spec }))).memory!;
    const fromFlags = toJsonReport(llama({ optimizer: "AdamW", precision: "mixed-bf16", "main-grads": "float32", gpus: "64", zero: "1", tp: "8", pp: "4" })).memory!;
    expect(fromSpec.parallel!.plan).toBe("spec");
    expect(fromSpec.parallel!.warnings).toEqual([]);
    expect({ ...fromSpec.parallel, plan: "default" }).toEqual(fromFlags.parallel);
    expect(fromSpec.perGpu).toEqual(fromFlags.perGpu);
  });
});

describe("the layout's degrees", () => {
  it("need tp × pp × cp to divide the GPUs, at the flag that set them", () => {
    expect(errorOf(() => llama({ gpus: "12", tp: "8" }))).toBe(
      "--gpus:1:1: 12 GPUs do not divide into data-parallel replicas of tp × pp × cp = 8 × 1 × 1 = 8 [MB608]\n  give a multiple of 8 GPUs (data parallel = gpus / (tp × pp × cp))",
    );
    expect(errorOf(() => llama({ pp: "5" }))).toBe(
      "--pp:1:1: pp = 5 does not divide the 32 blocks of model.layers.[0-31] into equal stages [MB608]\n  use a pp that divides 32, as Megatron-LM requires",
    );
    expect(errorOf(() => llama({ tp: "0" }))).toBe("--tp:1:1: tp is at least 1, got 0 [MB605]\n  1 means no split");
  });

  it("are read from the spec's training.parallel section, positioned there", () => {
    const spec = "training:\n  gpus: 6\n  parallel:\n    tp: 4\nlayers:\n  - fc: Linear(4, 4)\n";
    expect(errorOf(() => analyze(spec))).toBe(
      "spec.yaml:2:9: 6 GPUs do not divide into data-parallel replicas of tp × pp × cp = 4 × 1 × 1 = 4 [MB608]\n  give a multiple of 4 GPUs (data parallel = gpus / (tp × pp × cp))",
    );
    expect(analyze(spec.replace("gpus: 6", "gpus: 8")).memory!.parallel!.layout).toEqual({ tp: 4, pp: 1, ep: 1, cp: 1, dp: 2 });
  });

  it("default the GPUs to one replica, tp × pp × cp", () => {
    expect(llama({ tp: "2", pp: "2", cp: "2" }).memory!.recipe.gpus.value).toBe(8);
  });
});

describe("pipeline stages over Llama-2-7B's 32 blocks", () => {
  const perBlock = 4 * D * D + 3 * D * FFN + 2 * D;

  it("put the embedding on the first stage and the final norm and head on the last", () => {
    const parallel = llama({ pp: "4" }).memory!.parallel!;
    expect(parallel.stages.map((stage) => [stage.blocks, stage.params])).toEqual([
      [[0, 7], 8 * perBlock + VOCAB * D],
      [[8, 15], 8 * perBlock],
      [[16, 23], 8 * perBlock],
      [[24, 31], 8 * perBlock + D + VOCAB * D],
    ]);
    expect(parallel.paramsPerGpu).toBe(8 * perBlock + D + VOCAB * D);
  });

  it("keep pp − stage micro-batches of activations under 1F1B, split by tp × cp", () => {
    const whole = llama({ optimizer: "AdamW", precision: "mixed-bf16" }).memory!.bytes.activations;
    const stages = llama({ optimizer: "AdamW", precision: "mixed-bf16", pp: "4" }).memory!.parallel!.stages;
    const perMicrobatch = stages.map((stage) => stage.activationsPerMicrobatch!);
    expect(perMicrobatch.reduce((sum, bytes) => sum + bytes, 0)).toBe(whole);
    expect(perMicrobatch[1]).toBe(perMicrobatch[2]);
    expect(stages.map((stage) => stage.memory.activations)).toEqual(perMicrobatch.map((bytes, stage) => bytes * (4 - stage)));
    const split = llama({ optimizer: "AdamW", precision: "mixed-bf16", pp: "4", tp: "2", cp: "2", gpus: "16" }).memory!.parallel!;
    // The default plan is sequence parallel: every saved tensor is halved by tp, then by cp.
    expect(split.stages.map((stage) => stage.activationsPerMicrobatch)).toEqual(perMicrobatch.map((bytes) => Math.ceil(bytes / 2)));
    expect(split.stages.map((stage) => stage.memory.activations)).toEqual(perMicrobatch.map((bytes, stage) => Math.ceil((Math.ceil(bytes / 2) * (4 - stage)) / 2)));
    expect(split.worst).toBe(0);
  });

  it("give the last stage its own copy of a tied head, as Megatron keeps the word embeddings there", () => {
    const gpt2 = analyzeSpec(
      "examples/gpt2.yaml",
      readRepoFile,
      settingsFromOptions({ pp: "2" }, (option) => `--${option}`),
    );
    const block = (124_439_808 - 50_257 * 768 - 1024 * 768 - 2 * 768) / 12;
    expect(gpt2.memory!.parallel!.stages.map((stage) => stage.params)).toEqual([50_257 * 768 + 1024 * 768 + 6 * block, 6 * block + 2 * 768 + 50_257 * 768]);
  });
});

describe("activations under tensor parallelism: Korthikanti et al. 2022 on GPT-2's blocks", () => {
  // s = 1024 tokens, b = 1, h = 768, a = 12 heads, 16-bit activations; LayerNorm also keeps float32 mean and rstd per token.
  const [s, b, h, a, t] = [1024, 1, 768, 12, 4];
  const norms = 2 * s * b * 2 * 4;
  const middleStage = (spec: string) => {
    const model = analyzeSpec(
      "gpt2.yaml",
      files({ "gpt2.yaml": spec }),
      settingsFromOptions({ optimizer: "AdamW", precision: "mixed-bf16", pp: "12", tp: String(t) }, (option) => `--${option}`),
    );
    return model.memory!.parallel!.stages[1]!.activationsPerMicrobatch;
  };
  // Megatron's GPT: GeLU keeps its input only (GELU(approximate='tanh'), not transformers' NewGELUActivation), and
  // no KV cache in training (not causal=True, whose keys and values are the cache's copies; the mask keeps nothing).
  // Korthikanti's 5as/h counts a 16-bit softmax output, Megatron's fused kernel; transformers' eager attention keeps
  // it in float32 (softmax(dtype=float32)): 4 bytes, the dropout's mask 1 and its output 2, so 7as/h.
  const gpt2 = readRepoFile("examples/gpt2.yaml")
    .replace("NewGELUActivation()", "GELU(approximate='tanh')")
    .replace("causal=True, dropout=0.1)", "dropout=0.1, attention='eager')");

  it("keeps sbh(34 + 7as/h) per block, and sbh/t · (34 + 7as/h) per GPU with sequence parallelism (the default plan)", () => {
    const block = s * b * h * (34 + (7 * a * s) / h);
    expect(
      analyzeSpec(
        "gpt2.yaml",
        files({ "gpt2.yaml": gpt2 }),
        settingsFromOptions({ optimizer: "AdamW", precision: "mixed-bf16", pp: "12" }, (option) => `--${option}`),
      ).memory!.parallel!.stages[1]!.activationsPerMicrobatch,
    ).toBe(block + norms);
    expect(middleStage(gpt2)).toBe((block + norms) / t);
  });

  it("keeps sbh(10 + 24/t + 7as/(ht)) per GPU without it: a plan with no sequence_parallel entry", () => {
    const plan =
      "training:\n  parallel:\n    plan:\n      h.*.attn.c_attn: colwise\n      h.*.attn.c_proj: rowwise\n      h.*.mlp.c_fc: colwise\n      h.*.mlp.c_proj: rowwise\nlayers:\n  - wte";
    expect(middleStage(gpt2.replace("layers:\n  - wte", plan))).toBe(s * b * h * (10 + 24 / t + (7 * a * s) / (h * t)) + norms);
  });
});

describe("context parallelism", () => {
  it("splits the activations over cp and leaves the parameters whole", () => {
    const whole = llama({ optimizer: "AdamW" }).memory!;
    const split = llama({ optimizer: "AdamW", cp: "2" }).memory!;
    expect(split.perGpu!.activations).toBe(whole.bytes.activations / 2);
    expect(split.parallel!.paramsPerGpu).toBe(LLAMA_PARAMS);
    // ZeRO shards over dp × cp: with one replica of two context ranks, stage 1 halves the optimizer state.
    expect(llama({ optimizer: "AdamW", cp: "2", zero: "1" }).memory!.perGpu!.optimizerState).toBe(whole.bytes.optimizerState / 2);
  });
});

describe("expert parallelism", () => {
  const MOE = `layers:\n  - layers:\n      repeat: 2\n      layers:\n        - gate: Linear(16, 4, bias=False)\n        - experts:\n            repeat: 4\n            layers:\n              - w1: Linear(16, 32, bias=False)\n              - w2: Linear(32, 16, bias=False)\n`;

  it("gives each rank ⌈experts / ep⌉ of the layers matching *.experts.*, and shards their ZeRO state over dp × cp / ep", () => {
    const memory = memoryOf(MOE, { optimizer: "Adam", ep: "4", gpus: "4", zero: "1" });
    const gate = 2 * 16 * 4;
    const experts = 2 * 1 * (16 * 32 + 32 * 16);
    expect(memory.parallel!.paramsPerGpu).toBe(gate + experts);
    expect(memory.parallel!.zeroGroups).toEqual({ dense: 4, experts: 1 });
    // Dense: weights and gradients whole, Adam's 8 B sharded over 4; experts: all of it on their one rank.
    expect(memory.perGpu!.total).toBe(4 * gate + 4 * gate + (8 * gate) / 4 + 16 * experts);
  });

  it("combines with tp: experts' w1 split by columns, w2 by rows, the router whole without a warning", () => {
    const parallel = memoryOf(MOE, { tp: "2", ep: "2", gpus: "4" }).parallel!;
    expect(parallel.warnings).toEqual([]);
    expect(parallel.paramsPerGpu).toBe(2 * 16 * 4 + 2 * 2 * ((32 / 2) * 16 + 16 * (32 / 2)));
  });

  it("needs ep to divide dp × cp", () => {
    expect(errorOf(() => analyze(MOE, { ep: "3", gpus: "4" }))).toBe(
      "--ep:1:1: ep = 3 does not divide dp × cp = 4 × 1 = 4: expert parallelism splits the data-parallel group [MB608]\n  use an ep that divides 4, or more GPUs",
    );
  });

  it("warns when no layer matches the experts pattern", () => {
    expect(analyze("layers:\n  - fc: Linear(4, 4)\n", { ep: "2", gpus: "2" }).memory!.parallel!.warnings.map((warning) => warning.message)).toEqual([
      "ep = 2, and no layer matches the experts pattern '*.experts.*'",
    ]);
  });
});

describe("Megatron's main-gradient convention (Megatron Core's distributed optimizer table)", () => {
  const modelStates = (flags: Flags) => {
    const { bytes, perGpu } = llama({ optimizer: "AdamW", ...flags }).memory!;
    const states = (figures: typeof bytes) => figures.weights + figures.gradients + figures.optimizerState + figures.masterWeights;
    return [states(bytes) / LLAMA_PARAMS, perGpu ? states(perGpu) / LLAMA_PARAMS : undefined];
  };

  it("is 20 and 4 + 16/d for fp16 weights and gradients, 18 and 6 + 12/d for bf16 with float32 gradients, 16 and 8 + 8/d for float32", () => {
    const d = 8;
    expect(modelStates({ precision: "mixed-fp16", "main-grads": "float16", gpus: String(d), zero: "1" })).toEqual([20, 4 + 16 / d]);
    expect(modelStates({ precision: "mixed-bf16", "main-grads": "float32", gpus: String(d), zero: "1" })).toEqual([18, 6 + 12 / d]);
    expect(modelStates({ precision: "fp32", "main-grads": "float32", gpus: String(d), zero: "1" })).toEqual([16, 8 + 8 / d]);
  });

  it("differs from the ZeRO paper's 16 B/param, and the report names the convention it used", () => {
    expect(modelStates({ precision: "mixed-bf16" })).toEqual([16, undefined]);
    expect(toJsonReport(llama({ optimizer: "AdamW", precision: "mixed-bf16" })).memory!.recipe).toMatchObject({ mainGrads: null, convention: "zero-paper" });
    expect(toJsonReport(llama({ optimizer: "AdamW", precision: "mixed-bf16", "main-grads": "float32" })).memory!.recipe).toMatchObject({
      mainGrads: "float32",
      convention: "megatron",
    });
    const text = runDist(["report", "examples/llama2-7b.yaml", "--optimizer", "AdamW", "--precision", "mixed-bf16", "--main-grads", "float32", "--explain"]).stdout;
    expect(text).toContain("\n  gradients: Megatron's convention, float32 main gradients (mixed-bf16 Adam: 18 B/param) (--main-grads)\n");
    expect(text).toContain("\n  gradients: 6,738,415,616 main grads × 4 B (float32) = 26,953,662,464 B\n");
  });

  it("rejects 16-bit main gradients of another dtype than the weights', and a dtype it does not know", () => {
    expect(errorOf(() => llama({ optimizer: "AdamW", precision: "mixed-bf16", "main-grads": "float16" }))).toBe(
      "--main-grads:1:1: float16 main gradients with mixed-bf16, whose weights are bfloat16 [MB607]\n  use float32 (Megatron's default accumulation) or bfloat16",
    );
    const spec = "training:\n  main_grads: float32\nlayers:\n  - fc: Linear(4, 4)\n";
    expect(analyze(spec, { optimizer: "Adam" }).memory!.bytes.gradients).toBe(20 * 4);
    const run = runDist(["report", "spec.yaml", "--main-grads", "fp32"], { cwd: "/" });
    expect(run.stderr).toContain("--main-grads: main gradients are float32, float16 or bfloat16, not 'fp32' [MB607]");
  });
});

describe("the budget's memory-per-gpu", () => {
  it("reads the worst rank of the layout", () => {
    const report = toJsonReport(llama({ optimizer: "AdamW", precision: "mixed-bf16", pp: "4", tp: "2", gpus: "8" }));
    const worst = report.memory!.parallel!.ranks.find((rank) => rank.worst)!;
    expect(worst.stage).toBe(0);
    expect(metricNamed("memory-per-gpu").read(report)).toBe(worst.memory.total);
    expect(Math.max(...report.memory!.parallel!.ranks.map((rank) => rank.memory.total))).toBe(worst.memory.total);
  });

  it("fails a check whose budget the worst rank exceeds, and the comment shows it", () => {
    const folder = mkdtempSync(join(tmpdir(), "model-budget-layout-"));
    mkdirSync(join(folder, ".github"));
    writeFileSync(join(folder, "llama.yaml"), readRepoFile("examples/llama2-7b.yaml"));
    writeFileSync(join(folder, ".github/model-budget.yml"), "models:\n  llama-2-7b:\n    memory-per-gpu: 6GiB\n");
    const memory = toJsonReport(llama({ optimizer: "AdamW", precision: "mixed-bf16", tp: "8", pp: "4", gpus: "32", zero: "1" })).memory!;
    // Stage 0: 8 blocks and the embedding, split 8 ways; dp = 1, so ZeRO-1 shards nothing: 16 B a parameter.
    const stage0 = 8 * ((4 * D * D + 3 * D * FFN) / 8 + 2 * D) + (VOCAB / 8) * D;
    expect(memory.parallel!.ranks[0]!.params).toBe(stage0);
    expect(memory.perGpu!.total).toBe(16 * stage0 + memory.perGpu!.activations);
    // 6 GiB − 6,557,941,824 B = −115,490,880 B (the activations are SDPA's, the default).
    expect(memory.perGpu!.total).toBe(6_557_941_824);
    const run = runDist(
      ["check", "llama.yaml", "--optimizer", "AdamW", "--precision", "mixed-bf16", "--tp", "8", "--pp", "4", "--gpus", "32", "--zero", "1", "--format", "markdown"],
      { cwd: folder },
    );
    expect(run.status).toBe(3);
    expect(run.stdout).toContain("### ❌ llama-2-7b: memory-per-gpu 6.11 GiB over the 6 GiB limit (+1.8%)\n");
    expect(run.stdout).toContain("| ❌ | llama-2-7b | 6.74B | 6.11 GiB per GPU |\n");
    expect(run.stdout).toContain("| memory-per-gpu | – | 6,557,941,824 B |\n");
  });

  it("is limited through a spec's training.parallel in a check", () => {
    const spec = "training:\n  optimizer: Adam\n  parallel: {tp: 2}\nlayers:\n  - q_proj: Linear(8, 8, bias=False)\n";
    const report = toJsonReport(analyzeSpec("spec.yaml", files({ "spec.yaml": spec })));
    // 32 parameters per GPU × (4 weights + 4 gradients + 8 Adam).
    expect(metricNamed("memory-per-gpu").read(report)).toBe(32 * 16);
  });
});

describe("ZeRO-3's gather buffer", () => {
  it("adds the largest layer, whole, to the per-GPU weights and gradients, and says which layer", () => {
    const params = 124_439_808;
    const wte = 50_257 * 768;
    const gpt2 = analyzeSpec(
      "examples/gpt2.yaml",
      readRepoFile,
      settingsFromOptions({ optimizer: "AdamW", precision: "mixed-bf16", gpus: "8", zero: "3" }, (option) => `--${option}`),
    );
    const memory = toJsonReport(gpt2).memory!;
    expect(memory.gatherBuffer).toEqual({ layer: "wte", weights: 2 * wte, gradients: 2 * wte });
    expect(memory.perGpu!.total).toBe((2 * params) / 8 + (2 * params) / 8 + (8 * params) / 8 + (4 * params) / 8 + memory.activations + 4 * wte);
    // Under a layout, each stage gathers its own largest layer: the last stage's tied head is its copy of wte's weight.
    const staged = toJsonReport(
      analyzeSpec(
        "examples/gpt2.yaml",
        readRepoFile,
        settingsFromOptions({ optimizer: "AdamW", precision: "mixed-bf16", gpus: "8", zero: "3", pp: "2" }, (option) => `--${option}`),
      ),
    ).memory!;
    expect(staged.parallel!.ranks.map((rank) => rank.gatherBuffer)).toEqual([
      { layer: "wte", weights: 2 * wte, gradients: 2 * wte },
      { layer: "lm_head", weights: 2 * wte, gradients: 2 * wte },
    ]);
    const text = runDist(["report", "examples/gpt2.yaml", "--optimizer", "AdamW", "--precision", "mixed-bf16", "--gpus", "8", "--zero", "3", "--explain"]).stdout;
    expect(text).toContain("\n    + ZeRO-3 all-gather of the largest layer, wte: weights 77,194,752 B + gradients 77,194,752 B (DeepSpeed's largest_layer_memory)\n");
  });
});
