import { describe, expect, it } from "vitest";
import { analyzeSpec, largestFitting, whatFits, type AnalyzedModel } from "../../src/analysis/index.js";
import { ACCELERATORS, servingSettingsFromOptions, settingsFromOptions } from "../../src/memory/index.js";
import { runDist } from "../helpers/run-dist.js";
import { readRepoFile } from "../helpers/specs.js";

const LLAMA = "examples/llama3-8b.yaml";
const H100 = ACCELERATORS.find((accelerator) => accelerator.name === "H100-80GB")!;
const GiB = 2 ** 30;

function llama(flags: Record<string, string> = {}, training: Record<string, string> = {}): AnalyzedModel {
  return analyzeSpec(LLAMA, readRepoFile, { ...settingsFromOptions(training, (o) => o), serving: servingSettingsFromOptions(flags, (o) => o) });
}

describe("largestFitting", () => {
  it("is exact at the boundary, and null when nothing fits", () => {
    expect(largestFitting((n) => n <= 1_000_003)).toBe(1_000_003);
    expect(largestFitting((n) => n <= 1)).toBe(1);
    expect(largestFitting(() => false)).toBeNull();
  });
});

describe("fits: the inverse questions, exact at the boundary", () => {
  const model = llama();
  const fits = whatFits(model, { accelerator: H100, gpus: 1, reserveBytes: Math.ceil(H100.memoryBytes / 10) });
  const total = (context: number, batch: number) => model.servingAt!(context, batch).bytes.total;

  it("the longest context at batch 1: that context fits, one more token does not; the trained context is beside it, not a cap", () => {
    expect(fits.usableBytes).toBe(80 * GiB - 8 * GiB);
    expect(fits.trainedContext).toBe(8192);
    expect(fits.maxContext).toBeGreaterThan(8192);
    expect(total(fits.maxContext!, 1)).toBeLessThanOrEqual(fits.usableBytes);
    expect(total(fits.maxContext! + 1, 1)).toBeGreaterThan(fits.usableBytes);
  });

  it("the largest batch at the serving context: one more sequence would not fit", () => {
    expect(fits.context).toBe(8192);
    expect(total(8192, fits.maxBatch!)).toBeLessThanOrEqual(fits.usableBytes);
    expect(total(8192, fits.maxBatch! + 1)).toBeGreaterThan(fits.usableBytes);
    expect(fits).toMatchObject({ weights: 16_060_522_496, buffers: 128, kvCachePerToken: 131_072, prefillPeak: 2_168_455_168 });
  });

  it("vLLM's KV token capacity: (usable − weights − buffers − prefill peak) // bytes per token", () => {
    expect(fits.kvTokens).toBe(Math.floor((fits.usableBytes - 16_060_522_496 - 128 - 2_168_455_168) / 131_072));
    // vLLM allocates blocks of 16 tokens: its "GPU KV cache size" is that rounded down to a block.
    expect(Math.floor(fits.kvTokens! / 16) * 16).toBe(Math.floor((fits.usableBytes - 16_060_522_496 - 128 - 2_168_455_168) / (16 * 131_072)) * 16);
  });

  it("the fewest GPUs for the training recipe at each ZeRO stage, exact", () => {
    const trained = llama({}, { optimizer: "AdamW", precision: "mixed-bf16", checkpointing: "full" });
    const answer = whatFits(trained, { accelerator: H100, gpus: 1, reserveBytes: 0 }).minGpus;
    // 8,030,261,248 params: 2 B weights + 2 B gradients + 4 B master + 8 B Adam state = 16 B each, and the 128 B of inv_freq.
    expect(trained.memory!.bytes.total - trained.memory!.bytes.activations).toBe(16 * 8_030_261_248 + 128);
    expect(answer.zero0).toBeNull();
    expect([answer.zero1, answer.zero2, answer.zero3].every((gpus) => gpus !== null && gpus > 1)).toBe(true);
    for (const [stage, gpus] of [
      [1, answer.zero1],
      [2, answer.zero2],
      [3, answer.zero3],
    ] as const) {
      const perGpu = (n: number) =>
        analyzeSpec(
          LLAMA,
          readRepoFile,
          settingsFromOptions({ optimizer: "AdamW", precision: "mixed-bf16", checkpointing: "full", gpus: String(n), zero: String(stage) }, (o) => o),
        ).memory!;
      const total = (n: number) => (perGpu(n).perGpu ?? perGpu(n).bytes).total;
      expect(total(gpus!)).toBeLessThanOrEqual(H100.memoryBytes);
      expect(total(gpus! - 1)).toBeGreaterThan(H100.memoryBytes);
    }
    expect(whatFits(llama(), { accelerator: H100, gpus: 1, reserveBytes: 0 }).minGpus).toEqual({ zero0: null, zero1: null, zero2: null, zero3: null });
  });
});

describe("model-budget fits (the bundled CLI)", () => {
  it("answers in JSON with the figures it used", () => {
    const run = runDist(["fits", LLAMA, "--gpu", "H100-80GB", "--reserve", "10%", "--format", "json"], { timeoutMs: 30_000 });
    expect(run.stderr).toBe("");
    const { fits } = JSON.parse(run.stdout) as { fits: Record<string, unknown> };
    expect(fits).toMatchObject({ gpu: "H100-80GB", memoryBytes: 85_899_345_920, reserveBytes: 8_589_934_592, context: 8192, trainedContext: 8192, kvCachePerToken: 131_072 });
  });

  it("says when memory allows more than the trained context", () => {
    const run = runDist(["fits", LLAMA, "--gpu", "H100-80GB", "--reserve", "10%"], { timeoutMs: 30_000 });
    expect(run.stdout).toContain("  longest context at batch 1: 154,756 tokens (beyond the trained context of 8,192 tokens: memory is not the limit there)\n");
  });

  it("takes an accelerator's name without its memory when only one begins with it, case aside", () => {
    const short = runDist(["fits", LLAMA, "--gpu", "l4", "--format", "json"], { timeoutMs: 30_000 });
    const full = runDist(["fits", LLAMA, "--gpu", "L4-24GB", "--format", "json"], { timeoutMs: 30_000 });
    expect(short.status).toBe(0);
    expect(short.stdout).toBe(full.stdout);
    expect((JSON.parse(short.stdout) as { fits: { gpu: string } }).fits.gpu).toBe("L4-24GB");
  });

  it("an unknown accelerator is refused with the names there are", () => {
    const run = runDist(["fits", LLAMA, "--gpu", "H100"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `model-budget: --gpu must be one of ${ACCELERATORS.map((accelerator) => accelerator.name).join(", ")}, not 'H100' [MB643]\n  or give its memory with --memory 80GiB, or add it to the spec's serving.accelerators or the --budget file's accelerators: {H100: {memory: 80GiB}}\n`,
    );
  });
});
