import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import type { Hint } from "../../src/hints/index.js";
import { files, messagesOf } from "../helpers/specs.js";

/** The hints of a spec given as text, as plain data: code, path, line:col, saving. */
function hintsOf(text: string, others: Record<string, string> = {}): Hint[] {
  return analyzeSpec("spec.yaml", files({ "spec.yaml": text, ...others })).hints ?? [];
}
const brief = (hints: Hint[]) => hints.map((hint) => `${hint.code} ${hint.path} ${hint.position.line}:${hint.position.col} ${hint.saves.params} ${hint.saves.bytes}`);

describe("MB1001 bias-before-norm", () => {
  it("finds the seed example: Conv2d(3, 64, 7) + BatchNorm2d(64) saves 64 parameters, 256 bytes in fp32", () => {
    const hints = hintsOf("layers:\n  - Conv2d(3, 64, 7)\n  - BatchNorm2d(64)\n");
    expect(brief(hints)).toEqual(["MB1001 0 2:5 64 256"]);
    expect(hints[0]!.message).toBe("0's bias of 64 parameters is cancelled by 1 (BatchNorm2d), which subtracts each channel's mean");
    expect(hints[0]!.fix).toBe("write bias=False on the layer: the norm's own shift (beta) does its work");
    expect(hints[0]!.severity).toBe("hint");
  });

  it("counts every instance of a repeated module, at the bias's dtype", () => {
    const text = "training:\n  dtype: bfloat16\nlayers:\n  - block:\n      repeat: 3\n      layers:\n        - conv: Conv2d(8, 16, 3)\n        - bn: BatchNorm2d(16)\n";
    const hints = hintsOf(text);
    expect(brief(hints)).toEqual(["MB1001 block.[0-2].conv 7:11 48 96"]);
    expect(hints[0]!.message).toBe(
      "block.[0-2].conv's bias of 48 parameters (16 in each of 3 instances) is cancelled by block.[0-2].bn (BatchNorm2d), which subtracts each channel's mean",
    );
  });

  it("follows the forward: the norm must take the layer's output, and the layer feed nothing else", () => {
    expect(brief(hintsOf("layers:\n  - conv: Conv2d(3, 8, 3)\n  - act: ReLU()\n  - bn: BatchNorm2d(8)\nforward: [conv, bn, act]\n"))).toEqual(["MB1001 conv 2:5 8 32"]);
    expect(hintsOf("layers:\n  - conv: Conv2d(3, 8, 3)\n  - bn: BatchNorm2d(8)\n  - act: ReLU()\nforward: [conv, act, bn]\n")).toEqual([]);
    expect(hintsOf("layers:\n  - conv: Conv2d(8, 8, 3, padding=1)\n  - bn: BatchNorm2d(8)\nforward: [conv, conv, bn]\n")).toEqual([]);
    expect(hintsOf('layers:\n  - conv: {layer: "Conv2d(8, 8, 3, padding=1)", repeat: 2}\n  - bn: BatchNorm2d(8)\n')).toEqual([]);
    expect(hintsOf("layers:\n  - conv: Conv2d(3, 8, 3)\n  - bn: BatchNorm2d(8)\nbranches: concat\n")).toEqual([]);
  });

  it("stays quiet without a bias, or with something between", () => {
    expect(hintsOf("layers:\n  - Conv2d(3, 64, 7, bias=False)\n  - BatchNorm2d(64)\n")).toEqual([]);
    expect(hintsOf("layers:\n  - Conv2d(3, 64, 7)\n  - ReLU()\n  - BatchNorm2d(64)\n")).toEqual([]);
    expect(hintsOf("layers:\n  - Linear(6, 8)\n  - LayerNorm(8)\n")).toEqual([]);
  });

  // test/fixtures/pytorch/bias-norm.py: the layer run with and without its bias, then the norm in training mode.
  const measured = JSON.parse(readFileSync(new URL("../fixtures/pytorch/bias-norm.json", import.meta.url), "utf8")) as {
    cases: { layer: string; norm: string; input: number[]; cancels: boolean }[];
  };
  for (const { layer, norm, input, cancels } of measured.cases) {
    it(`${cancels ? "hints" : "does not hint"} ${layer} → ${norm} on [${input.join(", ")}], as PyTorch measures`, () => {
      const hints = hintsOf(`input: [${input.join(", ")}]\nlayers:\n  - "${layer}"\n  - "${norm}"\n`);
      expect(hints.map((hint) => hint.code)).toEqual(cancels ? ["MB1001"] : []);
      if (cancels) expect(hints[0]!.saves).toEqual({ params: 8, bytes: 32 });
    });
  }
});

describe("MB1002 unaligned-dimension", () => {
  it("gives nanoGPT's example: 50,257 tokens padded to 50,304 cost 36,096 parameters in bf16", () => {
    const hints = hintsOf("training:\n  precision: mixed-bf16\nlayers:\n  - wte: Embedding(50257, 768)\n");
    expect(brief(hints)).toEqual(["MB1002 wte 4:5 -36096 -72192"]);
    expect(hints[0]!.message).toBe(
      "wte's num_embeddings=50257 is not a multiple of 8, so its 16-bit matrix multiplies miss tensor cores: 50304 (a multiple of 64) costs 36,096 parameters more, 50264 (a multiple of 8) 5,376",
    );
  });

  it("counts a Linear's bias in the padding, and autocast (amp) computes in 16 bits over float32 weights", () => {
    expect(brief(hintsOf("training:\n  precision: amp\nlayers:\n  - head: Linear(100, 1001)\n"))).toEqual(["MB1002 head 4:5 -2323 -9292"]);
  });

  it("stays quiet in float32, for aligned sizes, and for small ones", () => {
    expect(hintsOf("layers:\n  - wte: Embedding(50257, 768)\n")).toEqual([]);
    expect(hintsOf("training:\n  precision: mixed-bf16\nlayers:\n  - wte: Embedding(50304, 768)\n  - head: Linear(768, 1000)\n")).toEqual([]);
    expect(hintsOf("training:\n  precision: bf16\nlayers:\n  - Linear(512, 10)\n")).toEqual([]);
  });
});

describe("MB1003 untied-embedding", () => {
  const untied = "layers:\n  - wte: Embedding(50257, 768)\n  - lm_head: Linear(768, 50257, bias=False)\n";

  it("notes an untied embedding and head of transposed-equal shape: tying saves vocab × d", () => {
    const hints = hintsOf(untied);
    expect(brief(hints)).toEqual(["MB1003 lm_head 3:5 38597376 154389504"]);
    expect(hints[0]!.severity).toBe("note");
    expect(hints[0]!.message).toBe(
      "lm_head.weight and wte.weight are both [50257, 768] and not tied: tying them (tie: {lm_head.weight: wte.weight}) saves 38,597,376 parameters, if sharing suits the model",
    );
  });

  it("gives a head one hint and one saving when two embeddings match it (a translation model's source and target)", () => {
    const hints = hintsOf("layers:\n  - src_embed: Embedding(100, 32)\n  - tgt_embed: Embedding(100, 32)\n  - lm_head: Linear(32, 100)\n");
    expect(brief(hints)).toEqual(["MB1003 lm_head 4:5 3200 12800"]);
    expect(hints[0]!.message).toBe(
      "lm_head.weight and tgt_embed.weight are both [100, 32] and not tied: tying them (tie: {lm_head.weight: tgt_embed.weight}, or src_embed.weight) saves 3,200 parameters, if sharing suits the model",
    );
  });

  it("is quiet once tied, for a head of another shape, and for square ones", () => {
    expect(hintsOf(`${untied}tie:\n  lm_head.weight: wte.weight\n`)).toEqual([]);
    expect(hintsOf("layers:\n  - wte: Embedding(50257, 768)\n  - head: Linear(768, 10)\n")).toEqual([]);
    expect(hintsOf("layers:\n  - e: Embedding(64, 64)\n  - head: Linear(64, 64)\n")).toEqual([]);
  });
});

describe("MB1004 attention-head-size", () => {
  it("hints a MultiheadAttention whose heads are not a multiple of 8 wide", () => {
    const hints = hintsOf("layers:\n  - MultiheadAttention(60, 4)\n");
    expect(brief(hints)).toEqual(["MB1004 0 2:5 0 0"]);
    expect(hints[0]!.message).toBe("0 has a head size of 60 / 4 = 15, not a multiple of 8");
  });

  const gqa = (width: number, heads: number, kv: number, kvWidth: number) =>
    `layers:\n  - attn:\n      layers:\n        - q: Linear(64, ${width})\n        - k: Linear(64, ${kvWidth})\n        - v: Linear(64, ${kvWidth})\n      forward: ["attention(q, k, v, heads=${heads}, kv_heads=${kv})"]\n`;

  it("reads attention(...) in a forward: grouped key/value heads that do not divide the query heads", () => {
    const hints = hintsOf(gqa(64, 8, 3, 24));
    expect(brief(hints)).toEqual(["MB1004 attn 7:18 0 0"]);
    expect(hints[0]!.message).toBe("attention(q, k, v, heads=8, kv_heads=3) in attn has 8 query heads that 3 key/value heads do not divide into equal groups");
    expect(hintsOf(gqa(96, 8, 2, 24)).map((hint) => hint.message)).toEqual(["attention(q, k, v, heads=8, kv_heads=2) in attn has a head size of 96 / 8 = 12, not a multiple of 8"]);
  });

  it("is quiet for heads of 8 × n and grouped heads that divide", () => {
    expect(hintsOf("layers:\n  - MultiheadAttention(64, 4)\n")).toEqual([]);
    expect(hintsOf(gqa(64, 8, 2, 16))).toEqual([]);
    expect(analyzeSpec("examples/gpt2.yaml", (file) => readFileSync(file, "utf8")).hints).toEqual([]);
  });
});

describe("MB1005 dead-weights", () => {
  it("warns of a child the forward never calls, with its parameters and bytes", () => {
    const hints = hintsOf("layers:\n  - a: Linear(4, 4)\n  - unused: Linear(4, 4)\nforward: [a]\n");
    expect(brief(hints)).toEqual(["MB1005 unused 3:5 20 80"]);
    expect(hints[0]!.message).toBe("unused holds 20 parameters that the model's forward: never calls");
    expect(hints[0]!.severity).toBe("warning");
  });

  it("reports an uncalled module once, with every parameter inside it", () => {
    const text = "layers:\n  - a: Linear(4, 4)\n  - old:\n      layers:\n        - Linear(4, 4)\n        - Linear(4, 2)\nforward: [a]\n";
    expect(brief(hintsOf(text))).toEqual(["MB1005 old 3:5 30 120"]);
  });

  it("is quiet for children called by name, as an op's argument, by residual:, or serving a tie", () => {
    expect(hintsOf("layers:\n  - a: Linear(4, 4)\n  - b: Linear(4, 4)\nforward: [a, b]\n")).toEqual([]);
    expect(hintsOf("layers:\n  - a: Linear(4, 4)\n  - s: Linear(4, 4)\nforward: [a]\nresidual: {shortcut: s}\n")).toEqual([]);
    expect(hintsOf("layers:\n  - a: Linear(4, 4)\n  - b: Linear(4, 4)\nforward: [a]\ntie:\n  a.weight: b.weight\n")).toEqual([]);
    expect(hintsOf("layers:\n  - a: Linear(4, 4)\n  - b: Linear(4, 4)\n")).toEqual([]);
  });
});

describe("MB1006 lone-frozen-layer", () => {
  it("notes the one frozen layer of a model that otherwise trains", () => {
    const hints = hintsOf("layers:\n  - a: Linear(4, 4)\n  - b: {layer: 'Linear(4, 4)', frozen: true}\n  - c: Linear(4, 4)\n");
    expect(brief(hints)).toEqual(["MB1006 b 3:5 0 0"]);
    expect(hints[0]!.message).toBe("b is the only frozen layer: its 20 parameters get no gradient while the model's other 40 train");
  });

  it("is quiet for a frozen backbone, a partly frozen model and a model of two layers", () => {
    expect(hintsOf("layers:\n  - a: {layer: 'Linear(4, 4)', frozen: true}\n  - b: {layer: 'Linear(4, 4)', frozen: true}\n  - c: Linear(4, 4)\n")).toEqual([]);
    expect(hintsOf("layers:\n  - a: {layer: 'Linear(4, 4)', frozen: [bias]}\n  - b: {layer: 'Linear(4, 4)', frozen: true}\n  - c: Linear(4, 4)\n")).toEqual([]);
    expect(hintsOf("layers:\n  - a: Linear(4, 4)\n  - b: {layer: 'Linear(4, 4)', frozen: true}\n")).toEqual([]);
  });
});

describe("MB1007 no-op-layer", () => {
  it("notes a Dropout with p=0 and an Identity", () => {
    const hints = hintsOf("layers:\n  - Linear(4, 4)\n  - Dropout(p=0.0)\n  - Identity()\n");
    expect(hints.map((hint) => `${hint.code} ${hint.path}: ${hint.message}`)).toEqual([
      "MB1007 1: 1 is a Dropout with p=0: it drops nothing",
      "MB1007 2: 2 is an Identity: it returns its input",
    ]);
  });

  it("is quiet for a dropout that drops", () => {
    expect(hintsOf("layers:\n  - Linear(4, 4)\n  - Dropout(0.1)\n  - Dropout2d(p=0.5)\n")).toEqual([]);
  });
});

describe("hints over a block used many times", () => {
  it("gives one hint per source line, with the saving of every use", () => {
    const text =
      "blocks:\n  cb:\n    params: {c: ~}\n    layers:\n      - conv: Conv2d(c, c, 3)\n      - bn: BatchNorm2d(c)\nlayers:\n  - one: {use: cb, with: {c: 8}}\n  - two: {use: cb, with: {c: 16}}\n";
    const hints = hintsOf(text);
    expect(brief(hints)).toEqual(["MB1001 one.conv 5:9 24 96"]);
    expect(hints[0]!.message).toBe(
      "one.conv's bias of 8 parameters is cancelled by one.bn (BatchNorm2d), which subtracts each channel's mean (and 1 more uses of this line, all in the saving)",
    );
  });
});

describe("lint: {ignore}", () => {
  const sloppy = "layers:\n  - conv: Conv2d(3, 64, 7)\n  - bn: BatchNorm2d(64)\n  - drop: Dropout(0.0)\n";

  it("turns hints off for the whole spec at its top, by code or by name", () => {
    expect(hintsOf(`lint:\n  ignore: [MB1001, no-op-layer]\n${sloppy}`)).toEqual([]);
    expect(hintsOf(`lint:\n  ignore: [mb1007]\n${sloppy}`).map((hint) => hint.code)).toEqual(["MB1001"]);
  });

  it("turns hints off for an entry and everything inside it", () => {
    const text =
      'layers:\n  - stem:\n      lint: {ignore: [bias-before-norm]}\n      layers:\n        - conv: Conv2d(3, 64, 7)\n        - bn: BatchNorm2d(64)\n  - conv: {layer: "Conv2d(64, 64, 3)", lint: {ignore: [MB1001]}}\n  - bn: BatchNorm2d(64)\n  - drop: Dropout(0.0)\n';
    expect(hintsOf(text).map((hint) => `${hint.code} ${hint.path}`)).toEqual(["MB1007 drop"]);
  });

  it("refuses a name that is no hint, at its position, with the likely one", () => {
    expect(messagesOf(() => hintsOf(`lint:\n  ignore: [MB1010]\n${sloppy}`))).toEqual(["spec.yaml:2:12: lint: ignore names no review hint 'MB1010'\n  did you mean 'MB1001'?"]);
    expect(messagesOf(() => hintsOf("lint: {ignore: [bias]}\nlayers:\n  - Linear(4, 4)\n"))).toHaveLength(1);
  });
});
