import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { settingsFromOptions } from "../../src/memory/index.js";
import { files } from "../helpers/specs.js";

/** One layer called on an input of `shape` (batch first as the spec gives it): output, MACs, attention MACs, activation bytes. */
function single(call: string, shape: number[]) {
  const spec = `input: [${shape.slice(1).join(", ")}]\nlayers:\n  - layer: "${call}"\n`;
  const shapes = analyzeSpec(
    "spec.yaml",
    files({ "spec.yaml": spec }),
    settingsFromOptions({ batch: String(shape[0]) }, (option) => `--${option}`),
  ).shapes!;
  return { output: shapes.output, macs: shapes.totals.macs, attentionMacs: shapes.totals.attentionMacs, bytes: shapes.totals.activations };
}

describe("attention and recurrent rules, checked against PyTorch 1.13 (CPU, float32, train mode)", () => {
  // [call, input, output, MACs, attention MACs, bytes]: outputs and bytes (saved_tensors_hooks) from a real
  // forward pass; MACs one per weight use, each step's gate products for recurrent layers.
  const CASES: [string, number[], number[], number, number, number][] = [
    // L=5, N=2, E=16: in-projections 3·10·16², out_proj 10·16², Q·Kᵀ and scores·V 2·2·5·5·16.
    // Autograd also keeps two 0-d scalars (16 bytes): 1/√d as float64, and num_heads as int64 for the weights averaged over heads.
    ["MultiheadAttention(16, 4)", [5, 2, 16], [5, 2, 16], 4 * 10 * 256 + 1600, 1600, 4016 - 16],
    // With dropout, the CPU kernel's mask is float32 (800 bytes) where we count CUDA's one byte a score (200).
    ["MultiheadAttention(16, 4, dropout=0.1, batch_first=True)", [2, 5, 16], [2, 5, 16], 4 * 10 * 256 + 1600, 1600, 5616 - 16 - 600],
    ["RNN(8, 16, num_layers=2)", [7, 3, 8], [7, 3, 16], 21 * 16 * (8 + 16) + 21 * 16 * (16 + 16), 0, 5088],
    ["GRU(8, 16, bidirectional=True, batch_first=True)", [3, 7, 8], [3, 7, 32], 2 * 21 * 48 * (8 + 16), 0, 20160],
    ["LSTM(8, 16, num_layers=2)", [7, 3, 8], [7, 3, 16], 21 * 64 * (8 + 16) + 21 * 64 * (16 + 16), 0, 20832],
    ["RNNCell(8, 16)", [3, 8], [3, 16], 3 * 16 * 24, 0, 480],
    ["LSTMCell(8, 16)", [3, 8], [3, 16], 3 * 64 * 24, 0, 1248],
    ["GRUCell(8, 16)", [3, 8], [3, 16], 3 * 48 * 24, 0, 1440],
  ];
  for (const [call, input, output, macs, attentionMacs, bytes] of CASES) {
    it(call, () => {
      expect(single(call, input)).toEqual({ output, macs, attentionMacs, bytes });
    });
  }

  it("LSTM with proj_size: what the CPU kernel keeps (10,248 floats)", () => {
    const lstm = single("LSTM(8, 16, num_layers=2, batch_first=True, bidirectional=True, proj_size=4)", [3, 7, 8]);
    expect(lstm.output).toEqual([3, 7, 8]);
    // Per step and direction: 4 gates × 16 over (input + projected state), then the 16 → 4 projection.
    expect(lstm.macs).toBe(2 * 21 * (64 * (8 + 4) + 64) + 2 * 21 * (64 * (8 + 4) + 64));
    expect(lstm.bytes).toBe(40_992);
  });

  it("MultiheadAttention with kdim and vdim attends over other tensors of the query's length, which it keeps", () => {
    const mha = single("MultiheadAttention(16, 4, kdim=8, vdim=12, batch_first=True)", [2, 5, 16]);
    expect(mha.output).toEqual([2, 5, 16]);
    expect(mha.macs).toBe(2 * 10 * 256 + 10 * (8 + 12) * 16 + 1600);
  });
});
