import { describe, expect, it } from "vitest";
import { OPTIMIZERS, optimizerState, parseDtype, settingsFromOptions } from "../../src/memory/index.js";
import { layers, memoryOf } from "../helpers/memory.js";

const bound = (text: string) => settingsFromOptions({ optimizer: text }, (option) => `--${option}`).optimizer!.value;

/** [name, elements, dtype] of each state tensor the optimizer allocates for one tensor of `shape`. */
function stateOf(text: string, shape: number[], dtype = "float32"): [string, number, string][] {
  const tensor = {
    shape,
    numel: shape.reduce((product, size) => product * size, 1),
    dtype: parseDtype({ value: { kind: "symbol", name: dtype }, position: { file: "", line: 1, col: 1 } }),
  };
  return optimizerState(bound(text), tensor).map((state) => [state.name, state.elements, state.dtype.name]);
}

/** The optimizer's error message for a call given with --optimizer. */
function errorOf(text: string): string {
  try {
    bound(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${text} was accepted`);
}

const W = [4096, 1024];
const N = 4096 * 1024;

describe("optimizer state per trainable tensor, as each class allocates it", () => {
  it("SGD: none, one momentum buffer with momentum", () => {
    expect(stateOf("SGD", W)).toEqual([]);
    expect(stateOf("SGD(lr=0.1)", W)).toEqual([]);
    expect(stateOf("SGD(momentum=0.9)", W)).toEqual([["momentum_buffer", N, "float32"]]);
    expect(stateOf("SGD(0.1, 0.9, nesterov=True)", W)).toEqual([["momentum_buffer", N, "float32"]]);
  });

  it("Adam and AdamW: two moments, three with amsgrad, plus a device step with fused or capturable", () => {
    for (const type of ["Adam", "AdamW"]) {
      expect(stateOf(type, W)).toEqual([
        ["exp_avg", N, "float32"],
        ["exp_avg_sq", N, "float32"],
      ]);
      expect(stateOf(`${type}(amsgrad=True)`, W).map(([name]) => name)).toEqual(["exp_avg", "exp_avg_sq", "max_exp_avg_sq"]);
      expect(stateOf(`${type}(fused=True)`, W).at(-1)).toEqual(["step", 1, "float32"]);
      expect(stateOf(`${type}(capturable=True)`, W).at(-1)).toEqual(["step", 1, "float32"]);
      expect(stateOf(`${type}(foreach=False, fused=None)`, W)).toHaveLength(2);
    }
  });

  it("Adagrad: one sum", () => {
    expect(stateOf("Adagrad", W)).toEqual([["sum", N, "float32"]]);
    expect(stateOf("Adagrad(fused=True)", W)).toEqual([
      ["sum", N, "float32"],
      ["step", 1, "float32"],
    ]);
  });

  it("RMSprop: one, plus one with momentum, plus one centered", () => {
    expect(stateOf("RMSprop", W).map(([name]) => name)).toEqual(["square_avg"]);
    expect(stateOf("RMSprop(momentum=0.9)", W).map(([name]) => name)).toEqual(["square_avg", "momentum_buffer"]);
    expect(stateOf("RMSprop(centered=True)", W).map(([name]) => name)).toEqual(["square_avg", "grad_avg"]);
    expect(stateOf("RMSprop(momentum=0.9, centered=True, capturable=True)", W).map(([name]) => name)).toEqual(["square_avg", "momentum_buffer", "grad_avg", "step"]);
  });

  it("Adadelta, Adamax, NAdam and RAdam: two each", () => {
    expect(stateOf("Adadelta", W).map(([name]) => name)).toEqual(["square_avg", "acc_delta"]);
    expect(stateOf("Adamax", W).map(([name]) => name)).toEqual(["exp_avg", "exp_inf"]);
    expect(stateOf("NAdam", W).map(([name]) => name)).toEqual(["exp_avg", "exp_avg_sq"]);
    expect(stateOf("NAdam(capturable=True)", W).map(([name]) => name)).toEqual(["exp_avg", "exp_avg_sq", "step", "mu_product"]);
    expect(stateOf("RAdam(decoupled_weight_decay=True)", W).map(([name]) => name)).toEqual(["exp_avg", "exp_avg_sq"]);
  });

  it("Lion: one", () => {
    expect(stateOf("Lion(lr=3e-5, weight_decay=0.1)", W)).toEqual([["exp_avg", N, "float32"]]);
  });

  it("Adafactor: factored second moment over the last two dimensions, a full one for vectors and scalars", () => {
    expect(stateOf("Adafactor", W)).toEqual([
      ["row_var", 4096, "float32"],
      ["col_var", 1024, "float32"],
    ]);
    expect(stateOf("Adafactor", [2, 3, 4, 5])).toEqual([
      ["row_var", 2 * 3 * 4, "float32"],
      ["col_var", 2 * 3 * 5, "float32"],
    ]);
    expect(stateOf("Adafactor", [4096])).toEqual([["variance", 4096, "float32"]]);
    expect(stateOf("Adafactor", [])).toEqual([["variance", 1, "float32"]]);
  });

  it("transformers' Adafactor: a first moment only with beta1, and float32 state for 16-bit tensors", () => {
    expect(stateOf("transformers.Adafactor", W)).toEqual([
      ["exp_avg_sq_row", 4096, "float32"],
      ["exp_avg_sq_col", 1024, "float32"],
    ]);
    expect(stateOf("transformers.Adafactor(beta1=0.9, relative_step=False, lr=1e-3)", W)).toEqual([
      ["exp_avg", N, "float32"],
      ["exp_avg_sq_row", 4096, "float32"],
      ["exp_avg_sq_col", 1024, "float32"],
    ]);
    expect(stateOf("transformers.optimization.Adafactor(beta1=0.9)", [4096], "bfloat16")).toEqual([
      ["exp_avg", 4096, "float32"],
      ["exp_avg_sq", 4096, "float32"],
    ]);
    expect(stateOf("Adafactor", [4096], "bfloat16")).toEqual([["variance", 4096, "bfloat16"]]);
  });

  it("bitsandbytes 8-bit: a byte per element and a float32 absmax per 256-element block per state, float32 below 4,096 elements", () => {
    for (const type of ["Adam8bit", "AdamW8bit", "bnb.optim.AdamW8bit"]) {
      expect(stateOf(type, W)).toEqual([
        ["state1", N, "uint8"],
        ["absmax1", N / 256, "float32"],
        ["state2", N, "uint8"],
        ["absmax2", N / 256, "float32"],
      ]);
    }
    expect(stateOf("AdamW8bit", [257])).toEqual([
      ["state1", 257, "float32"],
      ["state2", 257, "float32"],
    ]);
    expect(stateOf("AdamW8bit(min_8bit_size=256)", [257]).map(([name, elements]) => [name, elements])).toEqual([
      ["state1", 257],
      ["absmax1", 2],
      ["state2", 257],
      ["absmax2", 2],
    ]);
    expect(stateOf("Adam8bit(block_wise=False)", W).map(([name, elements]) => [name, elements])).toEqual([
      ["state1", N],
      ["max1", 1],
      ["new_max1", 1],
      ["state2", N],
      ["max2", 1],
      ["new_max2", 1],
    ]);
    expect(stateOf("Adam8bit(percentile_clipping=5)", W).at(-1)).toEqual(["gnorm_vec", 100, "float32"]);
    expect(stateOf("Adam8bit(amsgrad=True)", W)).toHaveLength(4);
    expect(stateOf("Lion8bit", W)).toEqual([
      ["state1", N, "uint8"],
      ["absmax1", N / 256, "float32"],
    ]);
    expect(stateOf("SGD8bit(lr=0.1, momentum=0.9)", [100])).toEqual([["state1", 100, "float32"]]);
  });

  it("keeps state in the dtype of the tensor it updates", () => {
    expect(stateOf("Adam", [10], "bfloat16")).toEqual([
      ["exp_avg", 10, "bfloat16"],
      ["exp_avg_sq", 10, "bfloat16"],
    ]);
    expect(stateOf("AdamW8bit", [10], "bfloat16")).toEqual([
      ["state1", 10, "float32"],
      ["state2", 10, "float32"],
    ]);
  });

  it("knows the classes by their import paths too", () => {
    expect(bound("torch.optim.SGD(momentum=0.9)").definition.type).toBe("SGD");
    expect(bound("bitsandbytes.optim.Lion8bit").definition.type).toBe("Lion8bit");
    expect(bound("lion_pytorch.Lion").definition.type).toBe("Lion");
    expect(OPTIMIZERS.map((definition) => definition.type)).toEqual([
      "SGD",
      "Adam",
      "AdamW",
      "Adagrad",
      "RMSprop",
      "Adadelta",
      "Adamax",
      "NAdam",
      "RAdam",
      "Adafactor",
      "transformers.Adafactor",
      "Lion",
      "Adam8bit",
      "AdamW8bit",
      "Lion8bit",
      "SGD8bit",
    ]);
  });
});

describe("optimizer calls are checked as their constructors check them", () => {
  it("unknown classes, with the closest name", () => {
    expect(errorOf("AdamWW")).toBe("--optimizer:1:1: unknown optimizer 'AdamWW'\n  did you mean 'AdamW'?");
    expect(errorOf("Shampoo")).toMatch(/^--optimizer:1:1: unknown optimizer 'Shampoo'\n {2}the optimizers are: SGD, Adam, AdamW, /);
  });

  it("unknown, surplus and ill-typed arguments", () => {
    expect(errorOf("AdamW(betaz=(0.9, 0.95))")).toBe("--optimizer:1:7: AdamW has no argument 'betaz'\n  did you mean 'betas'?");
    expect(errorOf("Adam(amsgrad=1)")).toBe("--optimizer:1:6: Adam argument 'amsgrad' must be True or False, got the integer 1\n  write True or False");
    expect(errorOf("SGD(momentum=mom)")).toBe("--optimizer:1:14: undefined variable 'mom' in argument 'momentum' of SGD\n  define it under vars:, or check its spelling");
    expect(errorOf("Lion(1e-4, (0.9, 0.99), 0.0, False, False, 7)")).toBe(
      "--optimizer:1:44: Lion takes at most 5 positional arguments, got more\n  name the extra argument, e.g. name=value",
    );
  });

  it("what bitsandbytes refuses: SGD8bit without momentum, or without lr", () => {
    expect(errorOf("SGD8bit(lr=0.1)")).toBe(
      "--optimizer:1:1: SGD8bit without momentum is not supported by bitsandbytes\n  set momentum, e.g. SGD8bit(lr=0.1, momentum=0.9), or use torch's SGD",
    );
    expect(errorOf("SGD8bit(momentum=0.9)")).toMatch(/^--optimizer:1:1: SGD8bit is missing its required argument 'lr'\n {2}signature: SGD8bit\(lr, momentum=0, /);
  });

  it("syntax", () => {
    expect(errorOf("AdamW(lr=1e-3")).toBe("--optimizer:1:14: expected ')' to close the call to AdamW, found the end of the text\n  add the missing ')'");
    expect(errorOf("3")).toBe("--optimizer:1:1: expected a class name such as AdamW, found '3'");
  });
});

describe("frozen and tied parameters", () => {
  it("get neither gradients nor state", () => {
    const memory = memoryOf(layers('emb: {layer: "Embedding(10, 4)", frozen: true}', "fc: Linear(4, 2)", "scale: Parameter(3, requires_grad=False)"), { optimizer: "Adam" });
    expect(memory.bytes).toEqual({
      weights: (40 + 10 + 3) * 4,
      buffers: 0,
      gradients: 10 * 4,
      optimizerState: 10 * 8,
      masterWeights: 0,
      activations: 0,
      total: (53 + 10 + 20) * 4,
    });
  });

  it("count a tied tensor once", () => {
    const memory = memoryOf(`${layers("emb: Embedding(10, 4)", "head: Linear(4, 10, bias=False)")}tie:\n  head.weight: emb.weight\n`, { optimizer: "Adam" });
    expect(memory.bytes.total).toBe(40 * 16);
    expect(memory.layers[1]!.bytes.total).toBe(0);
  });
});
