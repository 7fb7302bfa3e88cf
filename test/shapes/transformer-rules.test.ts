import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { settingsFromOptions } from "../../src/memory/index.js";
import { files, shapeErrors } from "../helpers/specs.js";

interface Measured {
  call: string;
  input: number[];
  output: number[];
  macs: number;
  attention_macs: number;
  saved_bytes: number;
  scalar_bytes: number;
}

/** Figures from PyTorch 1.13 (CPU, float32, train mode), made by transformer-rules.py beside the fixture. */
const measured = (JSON.parse(readFileSync(new URL("../fixtures/pytorch/transformer-rules.json", import.meta.url), "utf8")) as { cases: Measured[] }).cases;

/** One layer called on an input of `shape` (its first size given as the batch): output, MACs, attention MACs, activation bytes. */
function single(call: string, shape: number[]) {
  const spec = `input: [${shape.slice(1).join(", ")}]\nlayers:\n  - layer: "${call}"\n`;
  const shapes = analyzeSpec(
    "spec.yaml",
    files({ "spec.yaml": spec }),
    settingsFromOptions({ batch: String(shape[0]) }, (option) => `--${option}`),
  ).shapes!;
  return { output: shapes.output, macs: shapes.totals.macs, attentionMacs: shapes.totals.attentionMacs, bytes: shapes.totals.activations };
}

/**
 * Dropout masks, in elements, of the cases with dropout (0.1, the default): per attention its scores
 * (batch 2 × 4 heads × 5 × 5), per sublayer its d_model-wide output (10 rows × 16), and the feed-forward's
 * 10 × 32. PyTorch 1.13's CPU kernel keeps each mask as float32 where we count CUDA's one byte.
 */
const MASKS: Record<string, number> = {
  "TransformerEncoderLayer(16, 4, 32)": 200 + 2 * 160 + 320,
  "TransformerEncoderLayer(16, 4, 32, activation='gelu', batch_first=True, norm_first=True)": 200 + 2 * 160 + 320,
  "TransformerDecoderLayer(16, 4, 32)": 2 * 200 + 3 * 160 + 320,
  "Transformer(16, 4, 1, 1, 32, batch_first=True)": 3 * 200 + 5 * 160 + 2 * 320,
};

describe("Transformer layers and stacks, checked against PyTorch 1.13", () => {
  for (const { call, input, output, macs, attention_macs, saved_bytes, scalar_bytes } of measured) {
    // Autograd also keeps one float64 scaling scalar per attention call (scalar_bytes), which no rule counts.
    it(`${call} on [${input.join(", ")}]`, () => {
      expect(scalar_bytes % 8).toBe(0);
      expect(single(call, input)).toEqual({ output, macs, attentionMacs: attention_macs, bytes: saved_bytes - 3 * (MASKS[call] ?? 0) });
    });
  }

  it("every dropout case's mask count is stated", () => {
    const withDropout = measured.filter(({ call }) => !call.includes("dropout=0.0")).map(({ call }) => call);
    expect(withDropout.sort()).toEqual(Object.keys(MASKS).sort());
  });
});

describe("Transformer rules refuse what they cannot follow", () => {
  it("an input without d_model features", () => {
    expect(shapeErrors("TransformerEncoderLayer(16, 4)", "[5, 8]")).toEqual([expect.stringContaining("expects a 3-d input of 16 features")]);
  });

  it("an activation other than relu, gelu or a module", () => {
    expect(shapeErrors("TransformerEncoderLayer(16, 4, activation=F.silu)", "[5, 16]")).toEqual([
      expect.stringContaining("with activation 'relu', 'gelu', F.relu, F.gelu or a module"),
    ]);
  });

  it("a stack over another layer type", () => {
    expect(shapeErrors("TransformerEncoder(TransformerDecoderLayer(16, 4), 2)", "[5, 16]")).toEqual([
      expect.stringContaining("with a TransformerEncoderLayer(...) as encoder_layer, got TransformerDecoderLayer"),
    ]);
  });
});
