import { describe, expect, it } from "vitest";
import type { AnalyzedModel } from "../../src/analysis/index.js";
import { describeDtype } from "../../src/memory/index.js";
import { analyze, layers, memoryOf, type Flags } from "../helpers/memory.js";

/** Each layer's parameter and buffer dtypes, as the JSON report lists them. */
function dtypes(model: AnalyzedModel): Record<string, string[]> {
  return Object.fromEntries(
    model.layers.map((layer, index) => {
      const memory = model.memory!.layers[index]!;
      return [layer.path, [...memory.parameterDtypes, ...memory.bufferDtypes].map(describeDtype)];
    }),
  );
}

/** The single error message a spec gets under the flags. */
function errorOf(text: string, flags: Flags = {}): string {
  try {
    analyze(text, flags);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the spec was accepted");
}

describe("storage sizes", () => {
  it("of every dtype", () => {
    const sizes = ["float64", "float32", "bfloat16", "float16", "float8_e4m3fn", "float8_e5m2", "int8", "uint8", "int64", "torch.double", "torch.half", "bf16", "fp32"].map(
      (dtype) => memoryOf("layers:\n  - p: Parameter(10)\n", { dtype }).bytes.weights / 10,
    );
    // Integer dtypes quantize weight matrices only: a vector keeps the precision's float32.
    expect(sizes).toEqual([8, 4, 2, 2, 1, 1, 4, 4, 4, 8, 2, 2, 4]);
    expect(["int8", "uint8", "int64", "bool"].map((dtype) => memoryOf("layers:\n  - p: Parameter(2, 5)\n", { dtype }).bytes.weights / 10)).toEqual([1, 1, 8, 1]);
  });

  it("of 4-bit formats: half a byte per element and one float32 scale per block of 64, or as configured", () => {
    const weight = (dtype: string) => memoryOf(layers(`fc: {layer: "Linear(4096, 4096)", dtype: "${dtype}"}`), { precision: "bf16" }).layers[0]!;
    const nf4 = weight("nf4");
    expect(nf4.terms.weights).toEqual([
      { what: "params", dtype: "nf4", bits: 4, elements: 4096 * 4096, bytes: 8_388_608 },
      { what: "nf4 scales", dtype: "float32", bits: 32, elements: 262_144, bytes: 1_048_576 },
      // The bias stays in the floating dtype, as in bitsandbytes' Linear4bit.
      { what: "params", dtype: "bfloat16", bits: 16, elements: 4096, bytes: 8192 },
    ]);
    expect(weight("nf4(block_size=64, scale=float32)").bytes.weights).toBe(nf4.bytes.weights);
    expect(weight("nf4(block_size=128, scale=torch.float16)").bytes.weights).toBe(8_388_608 + 131_072 * 2 + 8192);
    expect(weight("int4(32)").bytes.weights).toBe(8_388_608 + 524_288 * 4 + 8192);
    expect(weight("fp4").bytes.weights).toBe(nf4.bytes.weights);
    expect(memoryOf("layers:\n  - p: Parameter(3, 3)\n", { dtype: "nf4" }).bytes.weights).toBe(5 + 4);
  });
});

describe("where a tensor's dtype comes from", () => {
  it("dtype: on a layer keeps norms in float32 in mixed precision, with no master copy for them", () => {
    const memory = memoryOf(layers("fc: Linear(4, 4, bias=False)", 'norm: {layer: "LayerNorm(4)", dtype: float32}'), { precision: "mixed-bf16", optimizer: "Adam" });
    expect(memory.layers.map((layer) => layer.bytes)).toEqual([
      { weights: 32, buffers: 0, gradients: 32, optimizerState: 128, masterWeights: 64, activations: 0, total: 256 },
      { weights: 32, buffers: 0, gradients: 32, optimizerState: 64, masterWeights: 0, activations: 0, total: 128 },
    ]);
  });

  it("dtype: on a module reaches every layer inside; the innermost wins", () => {
    const model = analyze(
      `layers:
  - encoder:
      dtype: bfloat16
      layers:
        - fc: Linear(4, 4)
        - norm: {layer: "LayerNorm(4)", dtype: float32}
        - block: {use: mlp}
  - head: Linear(4, 2)
blocks:
  mlp:
    layers:
      - up: Linear(4, 8)
`,
      { precision: "fp32" },
    );
    expect(dtypes(model)).toEqual({
      "encoder.fc": ["bfloat16", "bfloat16"],
      "encoder.norm": ["float32", "float32"],
      "encoder.block.up": ["bfloat16", "bfloat16"],
      head: ["float32", "float32"],
    });
  });

  it("dtype: on an included spec reaches its layers; the included spec's own training: does not apply", () => {
    const lib = "training:\n  precision: fp16\nlayers:\n  - fc: Linear(2, 2)\n";
    const model = analyze(`training:\n  precision: fp32\n${layers("a: {include: lib.yaml, dtype: bfloat16}", "b: {include: lib.yaml}")}`, {}, { "lib.yaml": lib });
    expect(dtypes(model)).toEqual({ "a.fc": ["bfloat16", "bfloat16"], "b.fc": ["float32", "float32"] });
  });

  it("a call's dtype= sets it, the spec's dtype: keys override it (as module.to does), and --dtype does not", () => {
    const model = analyze(
      layers(
        "a: Linear(2, 2, dtype=torch.float16)",
        'b: {layer: "Linear(2, 2, dtype=torch.float16)", dtype: float64}',
        "c: {type: Linear, in_features: 2, out_features: 2, dtype: float8_e5m2}",
        "d: Linear(2, 2, dtype='bfloat16')",
      ),
      { dtype: "float32", precision: "bf16" },
    );
    expect(dtypes(model)).toEqual({ a: ["float16", "float16"], b: ["float64", "float64"], c: ["float8_e5m2", "float8_e5m2"], d: ["bfloat16", "bfloat16"] });
  });

  it("--dtype replaces the precision's weight dtype, and overrides training.dtype", () => {
    const spec = `training:\n  precision: bf16\n  dtype: float16\n${layers("fc: Linear(2, 2)")}`;
    expect(dtypes(analyze(spec))).toEqual({ fc: ["float16", "float16"] });
    expect(dtypes(analyze(spec, { dtype: "float8_e4m3fn" }))).toEqual({ fc: ["float8_e4m3fn", "float8_e4m3fn"] });
  });

  it("integer buffers keep their dtype: num_batches_tracked, and a Buffer made with dtype=torch.long", () => {
    const model = analyze(`layers:\n  - m:\n      dtype: bfloat16\n      layers:\n        - bn: BatchNorm1d(8)\n        - ids: Buffer(1, 512, dtype=torch.long)\n`, {
      precision: "fp32",
    });
    expect(dtypes(model)).toEqual({ "m.bn": ["bfloat16", "bfloat16", "bfloat16", "bfloat16", "int64"], "m.ids": ["int64"] });
    expect(model.memory!.bytes.buffers).toBe(16 * 2 + 8 + 512 * 8);
  });

  it("integer and 4-bit dtypes quantize weight matrices only: biases, norms and buffers keep the floating dtype", () => {
    const model = analyze(
      `layers:\n  - m:\n      dtype: int8\n      frozen: true\n      layers:\n        - fc: Linear(4, 4)\n        - norm: RMSNorm(4)\n        - emb: Embedding(10, 4)\n`,
      { precision: "bf16", optimizer: "AdamW" },
    );
    expect(dtypes(model)).toEqual({ "m.fc": ["int8", "bfloat16"], "m.norm": ["bfloat16"], "m.emb": ["int8"] });
    expect(model.memory!.bytes).toEqual({ weights: 16 + 8 + 8 + 40, buffers: 0, gradients: 0, optimizerState: 0, masterWeights: 0, activations: 0, total: 72 });
  });

  it("QLoRA: a frozen 4-bit base with trainable 16-bit adapters", () => {
    const memory = memoryOf(
      `layers:
  - base: {layer: "Linear(4096, 4096, bias=False)", dtype: nf4, frozen: true}
  - lora_A: Linear(4096, 16, bias=False)
  - lora_B: Linear(16, 4096, bias=False)
`,
      { precision: "bf16", optimizer: "AdamW8bit" },
    );
    // Each adapter has 65,536 elements: two 8-bit states and a float32 absmax per 256 elements each.
    const adapterState = 2 * 65_536 + 2 * 256 * 4;
    expect(memory.bytes).toEqual({
      weights: 8_388_608 + 1_048_576 + 2 * 65_536 * 2,
      buffers: 0,
      gradients: 2 * 65_536 * 2,
      optimizerState: 2 * adapterState,
      masterWeights: 0,
      activations: 0,
      total: 9_437_184 + 262_144 + 262_144 + 266_240,
    });
  });
});

describe("dtype errors point at the setting", () => {
  it("unknown dtypes, with the closest name", () => {
    expect(errorOf(layers('fc: {layer: "Linear(2, 2)", dtype: bfoat16}'))).toBe("spec.yaml:2:40: unknown dtype 'bfoat16'\n  did you mean 'bfloat16'?");
    expect(errorOf(layers("fc: Linear(2, 2, dtype=torch.float17)"), { precision: "fp32" })).toBe("spec.yaml:2:22: unknown dtype 'torch.float17'\n  did you mean 'float16'?");
    expect(errorOf(`training:\n  dtype: nf5(block_size=32)\n${layers("fc: Linear(2, 2)")}`)).toBe("spec.yaml:2:10: unknown dtype 'nf5'\n  did you mean 'nf4'?");
    expect(errorOf(layers("fc: Linear(2, 2)"), { dtype: "fp8" })).toBe("--dtype:1:1: unknown dtype 'fp8'\n  float8 is float8_e4m3fn or float8_e5m2");
    expect(errorOf(layers("fc: Linear(2, 2)"), { dtype: "quarter" })).toMatch(/^--dtype:1:1: unknown dtype 'quarter'\n {2}the dtypes are: float64, double, fp64, float32, /);
  });

  it("bad block options, and options on dtypes that take none", () => {
    expect(errorOf(layers("p: Parameter(2)"), { dtype: "nf4(block_size=0)" })).toBe("--dtype:1:5: nf4 needs a positive block_size, got 0");
    expect(errorOf(layers("p: Parameter(2)"), { dtype: "int4(scale=int8)" })).toBe(
      "--dtype:1:6: int4 scales are floating-point numbers, not int8\n  use float32 (bitsandbytes), float16 or bfloat16",
    );
    expect(errorOf(layers("p: Parameter(2)"), { dtype: "bfloat16(block_size=4)" })).toBe("--dtype:1:10: bfloat16 has no argument 'block_size'\n  it takes no keyword arguments");
    expect(errorOf(layers("p: Parameter(2)"), { dtype: "16" })).toBe("--dtype:1:1: a dtype is a name such as bfloat16, not the integer 16");
  });

  it("training a tensor that is not floating-point", () => {
    expect(errorOf(layers('fc: {layer: "Linear(2, 2)", dtype: nf4}'), { optimizer: "Adam" })).toBe(
      "spec.yaml:2:40: fc.weight is stored as nf4, and only floating-point parameters can be trained\n  freeze it with frozen: true (QLoRA trains adapters over a frozen quantized base), or keep it in a floating dtype",
    );
    expect(errorOf(layers("p: Parameter(2, 2)"), { optimizer: "Adam", dtype: "int8" })).toBe(
      "spec.yaml:2:5: p is stored as int8, and only floating-point parameters can be trained\n  freeze it with frozen: true (QLoRA trains adapters over a frozen quantized base), or keep it in a floating dtype",
    );
  });
});

describe("master weights", () => {
  it("are float32 copies of trainable weights narrower than float32, float8 included", () => {
    const memory = memoryOf(layers('a: {layer: "Parameter(10)", dtype: float8_e4m3fn}', 'b: {layer: "Parameter(10)", dtype: float64}', "c: Parameter(10)"), {
      precision: "mixed-bf16",
      optimizer: "Adam",
    });
    expect(memory.layers.map((layer) => [layer.bytes.masterWeights, layer.bytes.optimizerState])).toEqual([
      [40, 80],
      [0, 160],
      [40, 80],
    ]);
  });
});
