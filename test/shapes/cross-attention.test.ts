import { describe, expect, it } from "vitest";
import { expandCalls } from "../helpers/calls.js";
import { analyzeSpec } from "../../src/analysis/index.js";
import { error, files } from "../helpers/specs.js";

const count = (text: string) => analyzeSpec("spec.yaml", files({ "spec.yaml": text }));

/** A decoder layer over `memory`, an encoder output of another length: cross-attention as WhisperAttention(key_value_states=memory). */
function spec(attention: string, extra = ""): string {
  return `input: {src: [6, 16], tgt: [4, 16]}
forward: ["layer(tgt, src)"]
layers:
  - layer:
      inputs: [x, memory]
      forward: ["${attention}", o]
      layers:
        - q: Linear(16, 16)
        - k: Linear(16, 16)
        - v: Linear(16, 16)
        - o: Linear(16, 16)${extra}
`;
}

describe("attention(..., kv=memory): cross-attention", () => {
  it("runs k and v on memory: keys over its 6 positions, Q·Kᵀ and scores·V of 4 × 6 per head, the output at the queries' length", () => {
    const model = count(spec("attention(q, k, v, heads=4, kv=memory)"));
    const calls = expandCalls(model.shapes!.calls).filter((call) => call.layer !== undefined);
    expect(calls.map((call) => [call.path, call.output])).toEqual([
      ["layer.q", [1, 4, 16]],
      ["layer.k", [1, 6, 16]],
      ["layer.v", [1, 6, 16]],
      ["layer.o", [1, 4, 16]],
    ]);
    // Projections: (4 + 6 + 6 + 4) × 16 × 16; attention: 2 × 4 heads × 4 × 6 × 4.
    expect(model.shapes!.totals.attentionMacs).toBe(2 * 4 * 4 * 6 * 4);
    expect(model.shapes!.totals.macs).toBe(20 * 16 * 16 + 2 * 4 * 4 * 6 * 4);
  });

  it("keeps, per layer, the keys and values over memory as a cross-attention cache, not a per-token one", () => {
    const model = count(spec("attention(q, k, v, heads=4, kv=memory)"));
    const call = model.shapes!.calls.find((record) => record.type === "attention")!;
    expect(call.cache).toEqual({ kind: "cross", elementsPerToken: 32, vectors: 8, tokens: 6 });
  });

  it("is refused packed, causal, or over a value that is not there, each at its argument", () => {
    expect(error(spec("attention(q, k, v, heads=4, kv=memory, causal=True)"))).toMatch(/^spec\.yaml:6:\d+: a cross-attention attends to every position of kv=: it is not causal/);
    expect(error(spec("attention(q, heads=4, kv=memory)"))).toMatch(
      /^spec\.yaml:6:\d+: cross-attention projects keys and values from kv=, so it needs k and v projections of its own/,
    );
    expect(error(spec("attention(q, k, v, heads=4, kv=encoded)"))).toMatch(/^spec\.yaml:6:\d+: .*encoded/);
  });
});

describe("attention(..., bias=...): T5's relative position bias", () => {
  const bias = "\n        - relative_attention_bias: Embedding(32, 4)";

  it("calls the Embedding on the [4, 6] bucket ids: output [4, 6, heads], their int64 ids kept for backward", () => {
    const plain = count(spec("attention(q, k, v, heads=4, kv=memory)", bias));
    const biased = count(spec("attention(q, k, v, heads=4, kv=memory, bias=relative_attention_bias)", bias));
    const call = expandCalls(biased.shapes!.calls).find((record) => record.path === "layer.relative_attention_bias")!;
    expect(call.output).toEqual([4, 6, 4]);
    expect(biased.shapes!.totals.activations - plain.shapes!.totals.activations).toBe(4 * 6 * 8);
    expect(biased.shapes!.totals.macs).toBe(plain.shapes!.totals.macs);
  });

  it("refuses a child whose output is not [queries, keys, heads]", () => {
    const wrong = "\n        - relative_attention_bias: Embedding(32, 8)";
    expect(error(spec("attention(q, k, v, heads=4, kv=memory, bias=relative_attention_bias)", wrong))).toMatch(
      /^spec\.yaml:6:\d+: bias= needs an Embedding\(buckets, heads=4\) child, whose output on the \[4, 6\] bucket ids is \[4, 6, 4\]; relative_attention_bias gives \[4, 6, 8\]/,
    );
  });
});

describe("a numbered child called with operands: T5Block's self.layer[1](h, memory)", () => {
  it("is 1(h, memory) in forward:", () => {
    const model = count(`input: {src: [6, 16], tgt: [4, 16]}
forward: ["layer(tgt, src)"]
layers:
  - layer:
      inputs: [x, memory]
      forward: [{h: "0"}, "1(h, memory)"]
      layers:
        - Linear(16, 16)
        - inputs: [x, memory]
          forward: ["attention(q, k, v, heads=4, kv=memory)"]
          layers:
            - q: Linear(16, 16)
            - k: Linear(16, 16)
            - v: Linear(16, 16)
`);
    expect(
      expandCalls(model.shapes!.calls)
        .filter((call) => call.layer !== undefined)
        .map((call) => call.path),
    ).toEqual(["layer.0", "layer.1.q", "layer.1.k", "layer.1.v"]);
  });
});

describe("matmul(a, b)", () => {
  it("multiplies [.., m, k] by [.., k, n]: m·k·n MACs per matrix; of two inputs, which need no gradient, it keeps nothing", () => {
    const model = count(`input: {a: [3, 8], b: [8, 5]}
forward: ["matmul(a, b)"]
layers: []
`);
    expect(model.shapes!.output).toEqual([1, 3, 5]);
    expect(model.shapes!.totals.macs).toBe(3 * 8 * 5);
    expect(model.shapes!.totals.activations).toBe(0);
  });

  it("keeps an input factor for the other factor's gradient, and not the other factor", () => {
    const model = count(`input: {a: [3, 8], b: [8, 5]}
forward: [{p: "fc(a)"}, "matmul(p, b)"]
layers:
  - fc: Linear(8, 8)
`);
    // fc keeps a (3 × 8 floats); matmul keeps b (8 × 5) for p's gradient, and p not, for b needs none.
    expect(model.shapes!.totals.activations).toBe(4 * (3 * 8 + 8 * 5));
  });

  it("refuses factors whose inner sizes differ", () => {
    expect(error(`input: {a: [3, 8], b: [7, 5]}\nforward: ["matmul(a, b)"]\nlayers: []\n`)).toMatch(
      /^spec\.yaml:2:\d+: matmul\(a, b\) expects \[\.\.\., M, K\] and \[\.\.\., K, N\] with batch dimensions that broadcast, but /,
    );
  });
});
