import { bindArguments, findLayer, type ArgumentSpec, type LayerArguments, type Signature } from "../catalogue/index.js";
import { arg } from "../catalogue/common.js";
import { SpecError, didYouMean } from "../diagnostics/index.js";
import type { EvaluatedCall } from "../parse/values.js";
import { FLOAT32, UINT8, type Dtype } from "./dtypes.js";

/** A trainable tensor as its optimizer sees it: in its master copy's dtype when it has one. */
export interface OptimizedTensor {
  shape: readonly number[];
  numel: number;
  dtype: Dtype;
}

/** One state tensor the optimizer allocates for a trainable tensor, named as in `optimizer.state[p]`. */
export interface StateTensor {
  name: string;
  elements: number;
  dtype: Dtype;
}

export interface OptimizerDefinition extends Signature {
  /** The module the class is imported from. */
  module: string;
  /** The state tensors allocated on the tensor's device for one trainable tensor. */
  state(args: LayerArguments, tensor: OptimizedTensor): StateTensor[];
  /** The argument checks the class makes in its constructor that decide whether it can run at all. */
  check?(args: LayerArguments): void;
}

/** An optimizer call bound to its class, e.g. `SGD(momentum=0.9)`. */
export interface BoundOptimizer {
  definition: OptimizerDefinition;
  args: LayerArguments;
  /** The call as written. */
  text: string;
}

const like = (tensor: OptimizedTensor, ...names: string[]): StateTensor[] => names.map((name) => ({ name, elements: tensor.numel, dtype: tensor.dtype }));
const when = (condition: boolean, states: StateTensor[]): StateTensor[] => (condition ? states : []);
const flag = (args: LayerArguments, name: string) => !args.isNone(name) && args.bool(name);

/**
 * torch.optim keeps each tensor's `step` counter (and NAdam's `mu_product`) as a CPU scalar,
 * except with capturable=True or fused=True, when they are float32 scalars on the device.
 */
function deviceScalars(args: LayerArguments, names: string[], ...switches: string[]): StateTensor[] {
  return when(
    switches.some((name) => flag(args, name)),
    names.map((name) => ({ name, elements: 1, dtype: FLOAT32 })),
  );
}

const product = (sizes: readonly number[]) => sizes.reduce((total, size) => total * size, 1);

/**
 * Adafactor's second moment: for a tensor of two or more dimensions, a row and a column factor
 * over the last two (`prod(shape[:-2]) × (rows + cols)` elements); a full one for vectors.
 */
function factoredSecondMoment(tensor: OptimizedTensor, dtype: Dtype, names: { row: string; col: string; full: string }): StateTensor[] {
  const { shape } = tensor;
  if (shape.length < 2) return [{ name: names.full, elements: tensor.numel, dtype }];
  const batch = product(shape.slice(0, -2));
  return [
    { name: names.row, elements: batch * shape[shape.length - 2]!, dtype },
    { name: names.col, elements: batch * shape[shape.length - 1]!, dtype },
  ];
}

/**
 * bitsandbytes' 8-bit optimizers: each state is one uint8 per element plus one float32 absmax per
 * 256-element block (or a max and a new max per tensor without block_wise). Tensors with fewer
 * than min_8bit_size elements keep float32 state. The 256-entry quantization maps are shared.
 */
function bitsandbytesState(args: LayerArguments, tensor: OptimizedTensor, states: 1 | 2): StateTensor[] {
  const eightBit = tensor.numel >= args.int("min_8bit_size");
  const blockWise = args.bool("block_wise");
  const perState = (index: number): StateTensor[] => {
    if (!eightBit) return [{ name: `state${index}`, elements: tensor.numel, dtype: FLOAT32 }];
    const scales = blockWise
      ? [{ name: `absmax${index}`, elements: Math.ceil(tensor.numel / 256), dtype: FLOAT32 }]
      : [`max${index}`, `new_max${index}`].map((name) => ({ name, elements: 1, dtype: FLOAT32 }));
    return [{ name: `state${index}`, elements: tensor.numel, dtype: UINT8 }, ...scales];
  };
  const clipping = when(args.int("percentile_clipping") < 100, [{ name: "gnorm_vec", elements: 100, dtype: FLOAT32 }]);
  return [...perState(1), ...(states === 2 ? perState(2) : []), ...clipping];
}

const FOREACH = arg("foreach", "bool", null);
const MAXIMIZE = arg("maximize", "bool", false);
const CAPTURABLE = arg("capturable", "bool", false);
const DIFFERENTIABLE = arg("differentiable", "bool", false);
const FUSED = arg("fused", "bool", null);
const DECOUPLED = arg("decoupled_weight_decay", "bool", false);
const lr = (value: number | null) => arg("lr", "float", value);
const betas = (beta1: number, beta2: number) => arg("betas", "any", [beta1, beta2]);
const eps = (value: number) => arg("eps", "float", value);
const weightDecay = (value: number) => arg("weight_decay", "float", value);

/** Adam's and AdamW's first and second moments, and the running maximum of the second with amsgrad. */
const adamState = (args: LayerArguments, tensor: OptimizedTensor): StateTensor[] => [
  ...like(tensor, "exp_avg", "exp_avg_sq", ...(args.bool("amsgrad") ? ["max_exp_avg_sq"] : [])),
  ...deviceScalars(args, ["step"], "capturable", "fused"),
];

/** The `Adam`-style signature of torch.optim: lr, betas, eps, weight_decay, then class-specific options. */
const adamLike = (rate: number, decay: number, ...rest: ArgumentSpec[]) => [lr(rate), betas(0.9, 0.999), eps(1e-8), weightDecay(decay), ...rest];

const torchOptimizers: OptimizerDefinition[] = [
  {
    type: "SGD",
    module: "torch.optim",
    signature: [lr(1e-3), arg("momentum", "float", 0), arg("dampening", "float", 0), weightDecay(0), arg("nesterov", "bool", false), MAXIMIZE, FOREACH, DIFFERENTIABLE, FUSED],
    state: (args, tensor) => when(args.float("momentum") !== 0, like(tensor, "momentum_buffer")),
  },
  {
    type: "Adam",
    module: "torch.optim",
    signature: adamLike(1e-3, 0, arg("amsgrad", "bool", false), FOREACH, MAXIMIZE, CAPTURABLE, DIFFERENTIABLE, FUSED, DECOUPLED),
    state: adamState,
  },
  {
    type: "AdamW",
    module: "torch.optim",
    signature: adamLike(1e-3, 1e-2, arg("amsgrad", "bool", false), MAXIMIZE, FOREACH, CAPTURABLE, DIFFERENTIABLE, FUSED),
    state: adamState,
  },
  {
    type: "Adagrad",
    module: "torch.optim",
    signature: [lr(1e-2), arg("lr_decay", "float", 0), weightDecay(0), arg("initial_accumulator_value", "float", 0), eps(1e-10), FOREACH, MAXIMIZE, DIFFERENTIABLE, FUSED],
    state: (args, tensor) => [...like(tensor, "sum"), ...deviceScalars(args, ["step"], "fused")],
  },
  {
    type: "RMSprop",
    module: "torch.optim",
    signature: [
      lr(1e-2),
      arg("alpha", "float", 0.99),
      eps(1e-8),
      weightDecay(0),
      arg("momentum", "float", 0),
      arg("centered", "bool", false),
      CAPTURABLE,
      FOREACH,
      MAXIMIZE,
      DIFFERENTIABLE,
    ],
    state: (args, tensor) => [
      ...like(tensor, "square_avg"),
      ...when(args.float("momentum") > 0, like(tensor, "momentum_buffer")),
      ...when(args.bool("centered"), like(tensor, "grad_avg")),
      ...deviceScalars(args, ["step"], "capturable"),
    ],
  },
  {
    type: "Adadelta",
    module: "torch.optim",
    signature: [lr(1.0), arg("rho", "float", 0.9), eps(1e-6), weightDecay(0), FOREACH, CAPTURABLE, MAXIMIZE, DIFFERENTIABLE],
    state: (args, tensor) => [...like(tensor, "square_avg", "acc_delta"), ...deviceScalars(args, ["step"], "capturable")],
  },
  {
    type: "Adamax",
    module: "torch.optim",
    signature: adamLike(2e-3, 0, FOREACH, MAXIMIZE, DIFFERENTIABLE, CAPTURABLE),
    state: (args, tensor) => [...like(tensor, "exp_avg", "exp_inf"), ...deviceScalars(args, ["step"], "capturable")],
  },
  {
    type: "NAdam",
    module: "torch.optim",
    signature: adamLike(2e-3, 0, arg("momentum_decay", "float", 4e-3), DECOUPLED, FOREACH, MAXIMIZE, CAPTURABLE, DIFFERENTIABLE),
    state: (args, tensor) => [...like(tensor, "exp_avg", "exp_avg_sq"), ...deviceScalars(args, ["step", "mu_product"], "capturable")],
  },
  {
    type: "RAdam",
    module: "torch.optim",
    signature: adamLike(1e-3, 0, DECOUPLED, FOREACH, MAXIMIZE, CAPTURABLE, DIFFERENTIABLE),
    state: (args, tensor) => [...like(tensor, "exp_avg", "exp_avg_sq"), ...deviceScalars(args, ["step"], "capturable")],
  },
  {
    // The default eps is (None, 1e-3), which a signature default cannot spell; it never changes memory.
    type: "Adafactor",
    module: "torch.optim",
    signature: [lr(1e-2), arg("beta2_decay", "float", -0.8), arg("eps", "any", null), arg("d", "float", 1.0), weightDecay(0), FOREACH, MAXIMIZE],
    state: (_args, tensor) => factoredSecondMoment(tensor, tensor.dtype, { row: "row_var", col: "col_var", full: "variance" }),
  },
];

const otherOptimizers: OptimizerDefinition[] = [
  {
    // Hugging Face's Adafactor: a first moment only with beta1, and state in float32 for 16-bit tensors (it upcasts their gradients).
    type: "transformers.Adafactor",
    module: "transformers",
    signature: [
      lr(null),
      arg("eps", "any", [1e-30, 1e-3]),
      arg("clip_threshold", "float", 1.0),
      arg("decay_rate", "float", -0.8),
      arg("beta1", "float", null),
      weightDecay(0),
      arg("scale_parameter", "bool", true),
      arg("relative_step", "bool", true),
      arg("warmup_init", "bool", false),
    ],
    state(args, tensor) {
      const dtype = tensor.dtype.bits === 16 ? FLOAT32 : tensor.dtype;
      const firstMoment = args.isNone("beta1") ? [] : [{ name: "exp_avg", elements: tensor.numel, dtype }];
      return [...firstMoment, ...factoredSecondMoment(tensor, dtype, { row: "exp_avg_sq_row", col: "exp_avg_sq_col", full: "exp_avg_sq" })];
    },
  },
  {
    type: "Lion",
    module: "lion_pytorch",
    signature: [lr(1e-4), betas(0.9, 0.99), weightDecay(0), arg("use_triton", "bool", false), DECOUPLED],
    state: (_args, tensor) => like(tensor, "exp_avg"),
  },
];

const BITSANDBYTES_OPTIONS = [arg("args", "any", null), arg("min_8bit_size", "int", 4096), arg("percentile_clipping", "int", 100), arg("block_wise", "bool", true)];
const IS_PAGED = arg("is_paged", "bool", false);

/** Adam8bit and AdamW8bit accept amsgrad and optim_bits and ignore them: they always keep two 8-bit states. */
const bitsandbytesAdam = (type: string, decay: number): OptimizerDefinition => ({
  type,
  module: "bitsandbytes.optim",
  signature: adamLike(1e-3, decay, arg("amsgrad", "bool", false), arg("optim_bits", "int", 32), ...BITSANDBYTES_OPTIONS, IS_PAGED),
  state: (args, tensor) => bitsandbytesState(args, tensor, 2),
});

const bitsandbytesOptimizers: OptimizerDefinition[] = [
  bitsandbytesAdam("Adam8bit", 0),
  bitsandbytesAdam("AdamW8bit", 1e-2),
  {
    type: "Lion8bit",
    module: "bitsandbytes.optim",
    signature: [lr(1e-4), betas(0.9, 0.99), weightDecay(0), ...BITSANDBYTES_OPTIONS, IS_PAGED],
    state: (args, tensor) => bitsandbytesState(args, tensor, 1),
  },
  {
    type: "SGD8bit",
    module: "bitsandbytes.optim",
    signature: [arg("lr", "float"), arg("momentum", "float", 0), arg("dampening", "float", 0), weightDecay(0), arg("nesterov", "bool", false), ...BITSANDBYTES_OPTIONS],
    state: (args, tensor) => bitsandbytesState(args, tensor, 1),
    check(args) {
      if (args.float("momentum") === 0)
        args.fail("momentum", "SGD8bit without momentum is not supported by bitsandbytes", "set momentum, e.g. SGD8bit(lr=0.1, momentum=0.9), or use torch's SGD");
    },
  },
];

export const OPTIMIZERS: readonly OptimizerDefinition[] = [...torchOptimizers, ...otherOptimizers, ...bitsandbytesOptimizers];

const BY_TYPE = new Map(OPTIMIZERS.map((definition) => [definition.type, definition]));

/** `torch.optim.AdamW`, `bnb.optim.AdamW8bit` and `transformers.optimization.Adafactor` name classes of the table. */
function className(type: string): string {
  return type.replace(/^(?:torch\.optim|bitsandbytes\.optim|bnb\.optim|lion_pytorch)\./, "").replace(/^transformers\.optimization\./, "transformers.");
}

/** `torch.optim.AdamW`, `bitsandbytes.optim.AdamW8bit`, `transformers.Adafactor`: where to import the class from. */
export function qualifiedName(definition: OptimizerDefinition): string {
  return definition.type.startsWith(`${definition.module}.`) ? definition.type : `${definition.module}.${definition.type}`;
}

/** Binds an optimizer call to its class, checking its arguments as the constructor would. */
export function bindOptimizer(call: EvaluatedCall): BoundOptimizer {
  const definition = BY_TYPE.get(className(call.type));
  if (!definition) {
    throw new SpecError(
      "unknown-optimizer",
      call.position,
      `unknown optimizer '${call.type}'`,
      didYouMean(className(call.type), BY_TYPE.keys()) ?? `the optimizers are: ${[...BY_TYPE.keys()].join(", ")}`,
    );
  }
  const args = bindArguments(definition, call, findLayer);
  definition.check?.(args);
  return { definition, args, text: call.text };
}

/** The state the optimizer allocates for one trainable tensor. */
export function optimizerState(optimizer: BoundOptimizer, tensor: OptimizedTensor): StateTensor[] {
  return optimizer.definition.state(optimizer.args, tensor);
}
