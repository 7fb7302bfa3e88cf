import type { LayerArguments, LayerDefinition } from "./arguments.js";
import { arg, dimension, elementwise, FACTORY_KWARGS, INPLACE, numel, positive } from "./common.js";
import { withoutTensors, type Check, type Forward, type Row } from "./parameter-free.js";

/** Their backward needs only their result, which autograd keeps instead of the input (derivatives.yaml's `result`). */
const SAVE_OUTPUT = new Set(["ReLU", "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "Softmin", "Softmax2d"]);

/**
 * Measured with PyTorch 1.13: in place, these keep a tensor of their own (a copy of the input) as if they were not in
 * place; ELU, CELU, SELU and LeakyReLU keep their result like ReLU.
 */
const OWN_STORAGE = new Set(["ReLU6", "Hardtanh", "SiLU", "Mish", "Hardsigmoid", "Hardswish"]);

/**
 * Measured with PyTorch 1.13: these keep their input and one more tensor of its size: Softsign is Python's
 * `x / (1 + |x|)` and keeps the divisor, LogSigmoid its kernel's buffer, RReLU in training its random slopes.
 */
const INPUT_AND_ONE_MORE = new Set(["Softsign", "LogSigmoid", "RReLU"]);

/** In place, an activation overwrites its input and keeps the result: one storage with its producer's. */
const activation: Forward = (args, input) => {
  if (INPUT_AND_ONE_MORE.has(args.type)) return { output: [...input.shape], saves: ["input", { elements: numel(input.shape), dtype: "activation" }] };
  const inplace = args.has("inplace") && args.bool("inplace") && !OWN_STORAGE.has(args.type);
  return elementwise(input, inplace || SAVE_OUTPUT.has(args.type) ? "output" : "input", inplace);
};

const glu: Forward = (args, input) => {
  const dim = dimension(input, args.int("dim"), "dim");
  if (input.shape[dim]! % 2 !== 0) input.mismatch("dim", `an even size in dimension ${dim}`);
  return { output: input.shape.map((size, d) => (d === dim ? size / 2 : size)), saves: ["input"] };
};

const rows = (types: string[], signature: Row[1]): Row[] => types.map((type) => [type, signature]);

/** Hardtanh and RReLU need their upper bound above the lower one (or equal, unless `strict`). */
function ordered(args: LayerArguments, low: string, high: string, strict: boolean): void {
  const [lowValue, highValue] = [args.float(low), args.float(high)];
  if (strict ? highValue <= lowValue : highValue < lowValue) {
    args.fail(high, `${args.type} needs ${high} ${strict ? "greater than" : "at least"} ${low}, got ${low}=${lowValue} and ${high}=${highValue}`);
  }
}

const checkApproximate: Check = (args) => {
  const approximate = args.string("approximate");
  if (approximate !== "none" && approximate !== "tanh") args.fail("approximate", `GELU approximate must be 'none' or 'tanh', got '${approximate}'`);
};

const ROWS: Row[] = [
  ...rows(["ReLU", "ReLU6", "SELU", "SiLU", "Mish", "Hardsigmoid", "Hardswish"], [INPLACE]),
  ...rows(["Sigmoid", "Tanh", "Softsign", "LogSigmoid", "Tanhshrink", "Softmax2d"], []),
  ...rows(["Softmax", "LogSoftmax", "Softmin"], [arg("dim", "int", null)]),
  ...rows(["Hardshrink", "Softshrink"], [arg("lambd", "float", 0.5)]),
  ...rows(["ELU", "CELU"], [arg("alpha", "float", 1.0), INPLACE]),
  ["LeakyReLU", [arg("negative_slope", "float", 0.01), INPLACE]],
  ["GELU", [arg("approximate", "string", "none")], checkApproximate],
  // min_value and max_value are deprecated spellings that override min_val and max_val.
  [
    "Hardtanh",
    [arg("min_val", "float", -1.0), arg("max_val", "float", 1.0), INPLACE, arg("min_value", "float", null), arg("max_value", "float", null)],
    (args) => ordered(args, args.isNone("min_value") ? "min_val" : "min_value", args.isNone("max_value") ? "max_val" : "max_value", true),
  ],
  ["Softplus", [arg("beta", "float", 1.0), arg("threshold", "float", 20.0)]],
  ["Threshold", [arg("threshold", "float"), arg("value", "float"), INPLACE]],
  ["GLU", [arg("dim", "int", -1)]],
  ["RReLU", [arg("lower", "float", 1 / 8), arg("upper", "float", 1 / 3), INPLACE], (args) => ordered(args, "lower", "upper", false)],
];

export const activationLayers: LayerDefinition[] = [
  ...ROWS.map(([type, signature, check]): Row => [type, signature, check, type === "GLU" ? glu : activation]).map(withoutTensors),
  {
    type: "PReLU",
    signature: [arg("num_parameters", "int", 1), arg("init", "float", 0.25), ...FACTORY_KWARGS],
    tensors: (args) => ({ parameters: [{ name: "weight", shape: [positive(args, "num_parameters")] }], buffers: [] }),
    forward: activation,
  },
];
