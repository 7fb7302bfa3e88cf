import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec, toJsonReport, whatFits, type AnalysisOverrides } from "../../src/analysis/index.js";
import { namedParameters } from "../helpers/named-parameters.js";
import { PRECISIONS, servingSettingsFromOptions, type ServingOption } from "../../src/memory/index.js";
import { failureOf, files, readRepoFile } from "../helpers/specs.js";

interface Training {
  model: string;
  dtype: string;
  batch: number;
  context: number;
  /** The attention implementation of tiny-mla's cases. */
  attention?: "eager" | "sdpa";
  output: number[];
  macs: number;
  saved_bytes: number;
}

const fixture = JSON.parse(readFileSync(new URL("../fixtures/pytorch/mla-mamba.json", import.meta.url), "utf8")) as {
  "mamba-130m": { params: { name: string; shape: number[] }[]; total_params: number };
  cases: Training[];
};

function serve(file: string, flags: Partial<Record<ServingOption, string>> = {}, read = readRepoFile) {
  const overrides: AnalysisOverrides = { serving: servingSettingsFromOptions(flags, (option) => `--${option}`) };
  return toJsonReport(analyzeSpec(file, read, overrides)).serving!;
}

const SPECS: Record<string, string> = { "mamba-mixer": "test/fixtures/shapes/mamba-mixer.yaml", "tiny-mla": "test/fixtures/serving/tiny-mla.yaml" };

/** One training step's shapes of a fixture spec at another sequence length, batch and precision. */
function trainingStep(target: Training) {
  const text = readRepoFile(SPECS[target.model]!).replace(/sequence: \d+/, `sequence: ${target.context}`);
  const precision = PRECISIONS.find((candidate) => candidate.name === (target.dtype === "float32" ? "fp32" : "bf16"))!;
  return analyzeSpec("spec.yaml", files({ "spec.yaml": text }), {
    batch: { value: target.batch, from: "test" },
    precision: { value: precision, from: "test" },
    ...(target.attention ? { attention: { value: target.attention, from: "test" } } : {}),
  }).shapes!;
}

describe("the ssm and mla ops against PyTorch 1.13's training step (test/fixtures/pytorch/mla-mamba.py)", () => {
  for (const target of fixture.cases) {
    it(`${target.model}, ${target.dtype}${target.attention ? `, ${target.attention}` : ""}, batch ${target.batch}, ${target.context} positions: output, MACs and saved bytes exact`, () => {
      const shapes = trainingStep(target);
      expect(shapes.output).toEqual(target.output);
      expect(shapes.totals.macs).toBe(target.macs);
      expect(shapes.totals.activations).toBe(target.saved_bytes);
    });
  }
});

describe("examples/mamba-130m.yaml", () => {
  const report = toJsonReport(analyzeSpec("examples/mamba-130m.yaml", readRepoFile));

  it("counts 129,135,360 parameters, named and shaped as MambaForCausalLM's named_parameters()", () => {
    expect(fixture["mamba-130m"].total_params).toBe(129_135_360);
    expect(report.totals.params).toBe(129_135_360);
    expect(namedParameters(analyzeSpec("examples/mamba-130m.yaml", readRepoFile))).toEqual(fixture["mamba-130m"].params.map(({ name, shape }) => ({ name, shape })));
  });

  it("serves with a fixed state per sequence and no KV cache: 24 × 1,536 × (4 + 16) × 4 B = 2,949,120 B", () => {
    const serving = report.serving!;
    expect(serving).toMatchObject({ context: 2048, batch: 1, weightsDtype: "float32", weights: 129_135_360 * 4, buffers: 0, kvCachePerToken: 0, kvCache: 0 });
    expect(serving.statePerSequence).toBe(24 * 1536 * (4 + 16) * 4);
    expect(serving.statePerSequence).toBe(2_949_120);
    expect(serving.state).toBe(2_949_120);
    expect(serving.total).toBe(serving.weights + serving.state + serving.prefillPeak);
  });

  it("its prefill peak is the second mixer's scan: exp(A·Δ), Δ·B and Δ·B·x in float32 over [1, 1,536, 2,048, 16], with what the mixer and its callers hold", () => {
    const serving = report.serving!;
    const [S, d, inner, state, kernel, rank] = [2048, 768, 1536, 16, 4, 48];
    const hidden = S * d * 4;
    const channels = inner * S * 4;
    const expected =
      3 * hidden + // the embeddings (inputs_embeds), the block's input (the residual), the norm's output
      2 * channels + // in_proj's output: the SSM input and the gate
      inner * kernel * 4 +
      kernel * 8 + // update_conv_state's padded input and cache_position
      channels + // silu(conv1d(x))
      S * (rank + 2 * state) * 4 + // x_proj's output
      channels + // softplus(dt_proj(...))
      inner * state * 4 + // A = -exp(A_log)
      3 * inner * S * state * 4 + // exp(A·Δ), Δ·B, Δ·B·x
      channels + // the scan's outputs
      inner * state * 4 + // the final state
      3 * channels; // torch.stack's output, x·D and their sum
    expect(serving.prefillPeak).toBe(expected);
    expect(serving.prefillPeak).toBe(724_394_016);
    expect(serving.prefill.at).toBe("backbone.layers.1.mixer: ssm (y + x·D)");
  });

  it("the state grows with the batch, not the context; in bfloat16 it halves", () => {
    expect(serve("examples/mamba-130m.yaml", { context: "8192", batch: "4" })).toMatchObject({ statePerSequence: 2_949_120, state: 4 * 2_949_120, kvCache: 0 });
    expect(serve("examples/mamba-130m.yaml", { dtype: "bfloat16", "kv-dtype": "float8_e4m3fn" })).toMatchObject({ statePerSequence: 1_474_560, state: 1_474_560 });
  });

  it("fits: the largest batch is exact at the boundary, state and prefill peak both growing with it", () => {
    const model = analyzeSpec("examples/mamba-130m.yaml", readRepoFile, { serving: {} });
    const fits = whatFits(model, { accelerator: { name: "mine", memoryBytes: 8 * 2 ** 30, source: "test" }, gpus: 1, reserveBytes: 0 });
    const total = (batch: number) => model.servingAt!(2048, batch).bytes.total;
    expect(fits.maxBatch).not.toBeNull();
    expect(total(fits.maxBatch!)).toBeLessThanOrEqual(8 * 2 ** 30);
    expect(total(fits.maxBatch! + 1)).toBeGreaterThan(8 * 2 ** 30);
    expect(fits.kvTokens).toBeNull();
    expect(fits.statePerSequence).toBe(2_949_120);
  });
});

const HYBRID = `
model: tiny-hybrid
vars: {d: 64, inner: 128, state: 16, heads: 4, kv_heads: 2}
input: {tokens: 512}
serving: {context: 512, dtype: bfloat16}
layers:
  - embed: Embedding(1000, d)
  - layers:
      repeat: 4
      forward: ["residual(norm, mixer)"]
      layers:
        - norm: RMSNorm(d)
        - mixer:
            forward: ["ssm(in_proj, conv1d, x_proj, dt_proj, A_log, D, out_proj)"]
            layers:
              - A_log: Parameter(inner, state)
              - D: Parameter(inner)
              - conv1d: Conv1d(inner, inner, kernel_size=4, groups=inner, padding=3)
              - in_proj: Linear(d, 2 * inner, bias=False)
              - x_proj: Linear(inner, 4 + 2 * state, bias=False)
              - dt_proj: Linear(4, inner)
              - out_proj: Linear(inner, d, bias=False)
  - attention_layer:
      forward: ["residual(norm, self_attn)"]
      layers:
        - norm: RMSNorm(d)
        - self_attn:
            forward: ["attention(q_proj, k_proj, v_proj, heads=heads, kv_heads=kv_heads, causal=True)", o_proj]
            layers:
              - q_proj: Linear(d, d, bias=False)
              - k_proj: Linear(d, kv_heads * 16, bias=False)
              - v_proj: Linear(d, kv_heads * 16, bias=False)
              - o_proj: Linear(d, d, bias=False)
  - lm_head: Linear(d, 1000, bias=False)
`;

describe("a hybrid of state-space and attention layers (Jamba-like)", () => {
  it("caches keys and values for the attention layer only, and the fixed state for the four mixers", () => {
    const serving = serve("spec.yaml", {}, files({ "spec.yaml": HYBRID }));
    // One attention layer: 2 × kv_heads × head_dim elements per token in bfloat16.
    expect(serving.kvCachePerToken).toBe(2 * 2 * 16 * 2);
    expect(serving.kvCache).toBe(128 * 512);
    expect(serving.statePerSequence).toBe(4 * 128 * (4 + 16) * 2);
    expect(serving.total).toBe(serving.weights + serving.buffers + serving.kvCache + serving.state + serving.prefillPeak);
  });
});

describe("the ssm op's errors say which child is wrong and what it should be", () => {
  const broken = (from: string, to: string) => failureOf(() => serve("spec.yaml", {}, files({ "spec.yaml": HYBRID.replace(from, to) })));

  it("A_log must be one row of state_size per inner channel", () => {
    expect(broken("A_log: Parameter(inner, state)", "A_log: Parameter(state, inner)")).toBe(
      "spec.yaml:14:62: ssm needs A_log to be Parameter(128, state_size), one row per inner channel, but it is [16, 128]\n  write A_log: Parameter(inner, state_size)",
    );
  });

  it("x_proj must leave a time-step rank beside B and C", () => {
    expect(broken("x_proj: Linear(inner, 4 + 2 * state, bias=False)", "x_proj: Linear(inner, 2 * state, bias=False)")).toBe(
      "spec.yaml:14:45: ssm needs layers.0.mixer.x_proj to give time_step_rank + 2 × state_size = R + 32 features, R ≥ 1, but it gives [1, 512, 32]\n  write x_proj as Linear(inner, time_step_rank + 2 * state_size, bias=False), state_size being A_log's second dimension",
    );
  });

  it("D must be one per inner channel, and in_proj twice the inner width", () => {
    expect(broken("D: Parameter(inner)", "D: Parameter(state)")).toBe(
      "spec.yaml:14:69: ssm needs D to be Parameter(128), one per inner channel, but it is [16]\n  write D: Parameter(inner)",
    );
    expect(broken("in_proj: Linear(d, 2 * inner, bias=False)", "in_proj: Linear(d, 2 * inner + 1, bias=False)")).toBe(
      "spec.yaml:14:28: ssm needs layers.0.mixer.in_proj to give (batch, sequence, 2 × inner): the SSM input and its gate, but it gives [1, 512, 257]\n  write in_proj as Linear(d, 2 * inner, bias=False)",
    );
  });

  it("conv1d must keep the inner channels and every position", () => {
    expect(broken("padding=3", "padding=0")).toBe(
      "spec.yaml:14:37: ssm needs conv1d to keep 128 channels and at least 512 positions (padding=kernel_size - 1), but it gives [1, 128, 509]\n  write conv1d as MambaMixer does: Conv1d(inner, inner, kernel_size=conv, groups=inner, padding=conv - 1)",
    );
  });
});

describe("mla(..., attention=) in a serving forward", () => {
  it("holds what its own implementation holds at the prefill peak, whatever the run's", () => {
    const text = readRepoFile(SPECS["tiny-mla"]!);
    const named = text.replace("causal=True)", "causal=True, attention='eager')");
    expect(named).not.toBe(text);
    const peak = (spec: string, attention: string) => serve("spec.yaml", { attention }, files({ "spec.yaml": spec })).prefillPeak;
    // eager holds the scores and their softmax, sdpa only a log-sum-exp: the op's eager wins over the run's sdpa.
    expect(peak(named, "sdpa")).toBe(peak(text, "eager"));
    expect(peak(text, "eager")).toBeGreaterThan(peak(text, "sdpa"));
  });
});
