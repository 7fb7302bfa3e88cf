import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec, toJsonReport, whatFits } from "../../src/analysis/index.js";
import { ACCELERATORS, servingSettingsFromOptions } from "../../src/memory/index.js";
import { readRepoFile } from "../helpers/specs.js";
import { T5_SMALL, WHISPER_SMALL, withVars } from "../helpers/vars.js";

/** test/fixtures/pytorch/encoder-decoder.py's inference prefills: the encoder over src, the decoder over the prompt tgt. */
interface Prefill {
  model: "t5" | "whisper";
  size: string;
  dtype: string;
  inputs: { src: number[]; tgt: number[] };
  self_kv_bytes: number;
  cross_kv_bytes: number;
  peak: number;
}

const prefills = (JSON.parse(readFileSync(new URL("../fixtures/pytorch/encoder-decoder.json", import.meta.url), "utf8")) as { prefill: Prefill[] }).prefill;
const FILES = { t5: "examples/t5-base.yaml", whisper: "examples/whisper-base.yaml" };

/** The shipped spec at the measured sizes: the source's length from its vars (Whisper's 1,500 positions are fixed by its frames). */
function served(target: Prefill) {
  const small = target.size === "small" ? (target.model === "t5" ? T5_SMALL : WHISPER_SMALL) : {};
  const source: Record<string, number> = target.model === "t5" ? { source: target.inputs.src[1]! } : {};
  const file = FILES[target.model];
  const flags = { dtype: target.dtype, batch: String(target.inputs.tgt[0]), context: String(target.inputs.tgt[1]), attention: "eager" };
  const analyzed = analyzeSpec(file, withVars(file, { ...small, ...source }), { serving: servingSettingsFromOptions(flags, (option) => `--${option}`) });
  return toJsonReport(analyzed).serving!;
}

const at = (model: Prefill["model"], size: string, dtype = "float32") => prefills.find((item) => item.model === model && item.size === size && item.dtype === dtype)!;

describe("the cross-attention cache against HF's EncoderDecoderCache (test/fixtures/pytorch/encoder-decoder.py)", () => {
  for (const target of prefills) {
    it(`${target.model} ${target.size}, ${target.dtype}, batch ${target.inputs.tgt[0]}: the decoder's self-attention cache and the cross-attention cache exactly`, () => {
      const serving = served(target);
      expect(serving.kvCache - serving.crossKvCache).toBe(target.self_kv_bytes);
      expect(serving.crossKvCache).toBe(target.cross_kv_bytes);
    });
  }

  it("whisper-base: 12,288 B per token of its own, and 6 layers × 2 × 1,500 × 512 × 2 B = 18,432,000 B of cross-attention per sequence", () => {
    const flags = (batch: string) => servingSettingsFromOptions({ context: "448", batch }, (option) => `--${option}`);
    const one = toJsonReport(analyzeSpec(FILES.whisper, readRepoFile, { serving: flags("1") })).serving!;
    expect(one).toMatchObject({ context: 448, kvDtype: "bfloat16", kvCachePerToken: 12_288, crossKvCache: 18_432_000, kvCache: 448 * 12_288 + 18_432_000 });
    // Each sequence has its own cache of the encoder's output.
    const four = toJsonReport(analyzeSpec(FILES.whisper, readRepoFile, { serving: flags("4") })).serving!;
    expect([four.crossKvCache, four.kvCache]).toEqual([4 * 18_432_000, 4 * one.kvCache]);
  });

  it("t5-base: the context sizes the decoder's input (tgt); the encoder keeps its 512 source tokens", () => {
    const serving = toJsonReport(analyzeSpec(FILES.t5, readRepoFile, { serving: servingSettingsFromOptions({ context: "64" }, (option) => `--${option}`) })).serving!;
    expect(serving).toMatchObject({ context: 64, kvCachePerToken: 12 * 2 * 768 * 2, crossKvCache: 12 * 2 * 512 * 768 * 2 });
  });
});

describe("what fits of whisper-base on an L4: every sequence has its own cross-attention cache", () => {
  const model = analyzeSpec(FILES.whisper, readRepoFile, { serving: servingSettingsFromOptions({ context: "448" }, (option) => `--${option}`) });
  const L4 = ACCELERATORS.find((accelerator) => accelerator.name === "L4-24GB")!;
  const fits = whatFits(model, { accelerator: L4, gpus: 1, reserveBytes: 0 });
  const total = (context: number, batch: number) => model.servingAt!(context, batch).bytes.total;

  it("the largest batch at 448 tokens: it fits, one more sequence (its 5,505,024 B of cache and 18,432,000 B of cross-attention) does not", () => {
    expect(fits.crossKvCache).toBe(18_432_000);
    expect(total(448, fits.maxBatch!)).toBeLessThanOrEqual(fits.usableBytes);
    expect(total(448, fits.maxBatch! + 1)).toBeGreaterThan(fits.usableBytes);
    expect(model.servingAt!(448, 2).bytes.kvCache - model.servingAt!(448, 1).bytes.kvCache).toBe(448 * 12_288 + 18_432_000);
  });

  it("the longest context at batch 1 is exact, beyond the 448 positions the decoder was trained for; kvTokens leaves one cross-attention cache out", () => {
    expect(total(fits.maxContext!, 1)).toBeLessThanOrEqual(fits.usableBytes);
    expect(total(fits.maxContext! + 1, 1)).toBeGreaterThan(fits.usableBytes);
    expect(fits.trainedContext).toBe(448);
    expect(fits.kvTokens).toBe(Math.floor((fits.usableBytes - fits.weights - fits.buffers - fits.prefillPeak - 18_432_000) / 12_288));
  });
});

describe("an encoder-decoder's prefill peak against PyTorch 1.13's live tensor storages (eager, float32, batch 1)", () => {
  it("whisper-base over 4 prompt tokens: 162,432,000 B against 162,444,000 B measured (−0.01 %)", () => {
    const target = at("whisper", "whisper-base");
    const serving = served(target);
    // The peak is in the encoder's attention: its [1, 8, 1500, 1500] scores and their softmax. PyTorch also holds
    // the encoder's int64 arange(1500) positions, a Python local of WhisperEncoder.forward, which no layer keeps here.
    expect(serving.prefill.at).toBe("model.encoder.layers.1.self_attn: attention");
    expect(serving.prefillPeak).toBe(target.peak - 8 * 1500);
    expect(Math.abs(serving.prefillPeak / target.peak - 1)).toBeLessThan(0.05);
  });

  it("t5-base over 64 source tokens: 7.7 % below PyTorch, exactly the position bias T5 keeps through the whole stack", () => {
    const target = at("t5", "t5-base");
    const serving = served(target);
    // T5Stack computes the [1, 12, 64, 64] position bias (plus the [1, 1, 1, 64] mask) in block 0 and hands it to
    // every later block, so it is alive at every layer's peak; here it is counted in block 0's attention only.
    expect(serving.prefillPeak).toBe(target.peak - 12 * 64 * 64 * 4 - 64 * 4);
  });
});
