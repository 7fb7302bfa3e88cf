import { describe, expect, it } from "vitest";
import { toJsonReport } from "../../src/analysis/index.js";
import { parseBudget } from "../../src/budget/budget-file.js";
import { budgetFor, evaluateBudget } from "../../src/budget/evaluate.js";
import { moduleGlob } from "../../src/budget/module-glob.js";
import { roundedLimit, initialBudget } from "../../src/budget/init.js";
import { parseQuantity } from "../../src/budget/sizes.js";
import { count, failureOf } from "../helpers/specs.js";

const budgetError = (text: string) => failureOf(() => parseBudget(text, ".github/model-budget.yml"));

describe("human sizes", () => {
  it("reads counts and bytes exactly", () => {
    expect(parseQuantity("25.6M")).toEqual({ kind: "count", value: 25_600_000 });
    expect(parseQuantity("7B")).toEqual({ kind: "count", value: 7_000_000_000 });
    expect(parseQuantity("1.5K")).toEqual({ kind: "count", value: 1500 });
    expect(parseQuantity("124_439_808")).toEqual({ kind: "count", value: 124_439_808 });
    expect(parseQuantity("24GiB")).toEqual({ kind: "bytes", value: 24 * 1024 ** 3 });
    expect(parseQuantity("80GB")).toEqual({ kind: "bytes", value: 80e9 });
    expect(parseQuantity("1.5 MiB")).toEqual({ kind: "bytes", value: 1_572_864 });
    expect(parseQuantity("2%")).toEqual({ kind: "percent", value: 2 });
    expect(parseQuantity("0")).toEqual({ kind: "count", value: 0 });
    expect(parseQuantity("12 parsecs")).toBeUndefined();
  });

  it("rounds limits up so the budget written by init holds today", () => {
    expect(roundedLimit(28_112_736, false)).toBe("28.2M");
    expect(roundedLimit(124_439_808, false)).toBe("125M");
    expect(roundedLimit(6_738_415_616, false)).toBe("6.74B");
    expect(roundedLimit(999, false)).toBe("999");
    expect(roundedLimit(Math.round(25.6 * 1024 ** 3), true)).toBe("25.6GiB");
    // Nothing to round (a frozen model's trainable count), and bytes under 1 KiB: plain integers a budget reads back.
    expect([roundedLimit(0, false), roundedLimit(0, true), roundedLimit(44, true)]).toEqual(["0", "0", "44"]);
    for (const value of [1, 12_345, 25_557_032, 138_357_544, 7_500_000_001]) {
      expect(parseQuantity(roundedLimit(value, false))!.value).toBeGreaterThanOrEqual(value);
    }
  });

  it("writes byte quantities as sizes and counts as counts", () => {
    const text = initialBudget([{ key: "m", quantities: { params: 1000, trainable: 1000, macs: 5_000_000, flops: 10_000_000, activations: 4_000_000 } }], 0, "0");
    // FLOPs are 2 × MACs and trainable is params when nothing is frozen: one limit each, not two.
    expect(text).toContain('  "m":\n    params: 1K\n    macs: 5M\n    activations: 3.82MiB\n');
    expect(text).not.toMatch(/trainable|flops/);
    const frozen = initialBudget([{ key: "m", quantities: { params: 1000, trainable: 400 } }], 0, "0");
    expect(frozen).toContain('  "m":\n    params: 1K\n    trainable: 400\n    growth: 0\n');
    expect(parseBudget(text, "b.yml").models[0]!.limits.activations!.value).toBeGreaterThanOrEqual(4_000_000);
  });

  it("writes a budget file that validates and holds", () => {
    const text = initialBudget([{ key: "models/a.yaml", quantities: { params: 1_000_000, trainable: 900_000 } }], 10, "5%");
    expect(text.split("\n").slice(3).join("\n")).toBe(`models:\n  "models/a.yaml":\n    params: 1.1M\n    trainable: 990K\n    growth: 5%\n`);
    const budget = parseBudget(text, "b.yml");
    expect(budget.models[0]!.limits.params!.value).toBe(1_100_000);
  });
});

describe("budget file", () => {
  it("reads limits, growth and module limits with their positions", () => {
    const budget = parseBudget(
      "defaults:\n  growth: 2%\nmodels:\n  gpt2-small:\n    params: 130M\n    memory: 24GiB\n    modules:\n      h.*: {params: 90M}\n  models/bert.yaml:\n    trainable: 110M\n    growth: {params: 1.5M}\n",
      "b.yml",
    );
    const gpt2 = budget.models[0]!;
    expect(gpt2.limits.params).toEqual({ value: 130_000_000, text: "130M", position: { file: "b.yml", line: 5, col: 13 } });
    expect(gpt2.limits.memory!.value).toBe(24 * 1024 ** 3);
    expect(gpt2.modules).toEqual([
      { glob: "h.*", position: { file: "b.yml", line: 8, col: 7 }, params: { value: 90_000_000, text: "90M", position: { file: "b.yml", line: 8, col: 21 } } },
    ]);
    expect(budget.models[1]!.growth.params).toEqual({ amount: 1_500_000, text: "1.5M", position: { file: "b.yml", line: 11, col: 22 } });
    expect(Object.keys(budget.defaults!.growth)).toEqual(["params", "trainable", "memory", "memory-per-gpu", "macs", "flops", "activations", "serving-memory", "kv-cache"]);
  });

  it("applies an amount of growth only to quantities of its kind", () => {
    expect(Object.keys(parseBudget("models:\n  m:\n    growth: 1.5M\n", "b.yml").models[0]!.growth)).toEqual(["params", "trainable"]);
    expect(Object.keys(parseBudget("models:\n  m:\n    growth: 1GiB\n", "b.yml").models[0]!.growth)).toEqual([
      "memory",
      "memory-per-gpu",
      "activations",
      "serving-memory",
      "kv-cache",
    ]);
    expect(Object.keys(parseBudget("models:\n  m:\n    growth: 0\n", "b.yml").models[0]!.growth)).toEqual([
      "params",
      "trainable",
      "memory",
      "memory-per-gpu",
      "macs",
      "flops",
      "activations",
      "serving-memory",
      "kv-cache",
    ]);
  });

  it("limits MACs and FLOPs as counts and activations as bytes", () => {
    const { limits } = parseBudget("models:\n  m:\n    macs: 4.1B\n    flops: 8.2B\n    activations: 90MB\n", "b.yml").models[0]!;
    expect([limits.macs?.value, limits.flops?.value, limits.activations?.value]).toEqual([4_100_000_000, 8_200_000_000, 90_000_000]);
    expect(() => parseBudget("models:\n  m:\n    activations: 12M\n", "b.yml")).toThrow("b.yml:3:18: models.m.activations is not a memory size");
  });

  it("gives positioned errors", () => {
    expect(budgetError("models:\n  m:\n    params: 24GiB\n")).toBe(
      ".github/model-budget.yml:3:13: models.m.params is not a count of parameters, MACs or FLOPs: 124439808, 125M, 1.5B, 25.6M (K, M, B, T are powers of 1000; 6 GMACs is 6B), but the string '24GiB'",
    );
    expect(budgetError("models:\n  m:\n    memory: 24M\n")).toBe(
      ".github/model-budget.yml:3:13: models.m.memory is not a memory size: 24GiB, 80GB, 512MiB, 1.5TB (kB, MB, GB, TB are powers of 1000; KiB, MiB, GiB, TiB of 1024), but the string '24M'",
    );
    expect(budgetError("models:\n  m:\n    parms: 1M\n")).toBe(".github/model-budget.yml:3:5: unknown key 'parms' in models.m\n  did you mean 'params'?");
    expect(budgetError("models:\n  m:\n    growth: {memory: 1.5M}\n")).toBe(".github/model-budget.yml:3:22: memory limit must be a memory size such as 24GiB or 80GB, not '1.5M'");
    expect(budgetError("model:\n  m: {}\n")).toBe(
      ".github/model-budget.yml:1:1: the file's top level is missing 'models'\n.github/model-budget.yml:1:1: unknown key 'model' in the file's top level\n  did you mean 'models'?",
    );
  });
});

describe("budget check", () => {
  const spec = (blocks: number) =>
    `model: tiny\nlayers:\n  - emb: {layer: "Embedding(100, 8)", frozen: true}\n  - h: {repeat: ${blocks}, layers: [{fc: "Linear(8, 8)"}]}\n  - head: Linear(8, 2)\n`;
  const head = toJsonReport(count(spec(3)));
  const base = toJsonReport(count(spec(2)));

  it("finds entries by spec path before model name, with defaults filled in", () => {
    const budget = parseBudget("defaults:\n  params: 1K\n  growth: 1%\nmodels:\n  tiny:\n    trainable: 300\n  spec.yaml:\n    trainable: 500\n", "b.yml");
    const entry = budgetFor(budget, head)!;
    expect(entry.key).toBe("spec.yaml");
    expect(entry.limits.params!.value).toBe(1000);
    expect(entry.limits.trainable!.value).toBe(500);
    expect(entry.growth.params!.percent).toBe(1);
  });

  it("passes, warns and fails by fail-on", () => {
    const entry = parseBudget("models:\n  tiny:\n    params: 1K\n    trainable: 200\n    growth: 10%\n    modules:\n      'h.*': {params: 200}\n", "b.yml").models[0]!;
    const outcome = evaluateBudget(entry, head, base, "exceed");
    expect(outcome.limits.map((row) => [row.label, row.actual, row.status])).toEqual([
      ["params", 1034, "fail"],
      ["trainable", 234, "fail"],
      ["h.* params", 216, "fail"],
    ]);
    expect(outcome.growth.map((row) => [row.metric, row.base, row.head, row.allowed, row.status])).toEqual([
      ["params", 962, 1034, 96, "pass"],
      ["trainable", 162, 234, 16, "warn"],
    ]);
    expect(outcome.status).toBe("fail");
    expect(evaluateBudget(entry, head, base, "never").status).toBe("warn");
    expect(evaluateBudget(entry, head, base, "growth").growth[1]!.status).toBe("fail");
  });

  it("matches module globs against layer paths", () => {
    expect(moduleGlob("encoder.*")("encoder.layer.[0-11].attention.self.query")).toBe(true);
    expect(moduleGlob("encoder.*")("decoder.encoder.x")).toBe(false);
    expect(moduleGlob("h.[0-11].*")("h.[0-11].mlp.c_fc")).toBe(true);
  });
});
