import { didYouMean } from "../diagnostics/index.js";
import type { LayerArguments, LayerDefinition } from "./arguments.js";
import { checkDropout } from "./attention.js";
import { FACTORY_KWARGS, positive } from "./common.js";
import type { ArgumentSpec, Saved, TensorSpec } from "./types.js";

const SIZES: readonly ArgumentSpec[] = [
  { name: "input_size", type: "int" },
  { name: "hidden_size", type: "int" },
];
const NUM_LAYERS: ArgumentSpec = { name: "num_layers", type: "int", default: 1 };
const NONLINEARITY: ArgumentSpec = { name: "nonlinearity", type: "string", default: "tanh" };
const BIAS: ArgumentSpec = { name: "bias", type: "bool", default: true };
const STACK_OPTIONS: readonly ArgumentSpec[] = [
  { name: "batch_first", type: "bool", default: false },
  { name: "dropout", type: "float", default: 0 },
  { name: "bidirectional", type: "bool", default: false },
];

const NONLINEARITIES = ["tanh", "relu"];

function checkNonlinearity(args: LayerArguments): void {
  const nonlinearity = args.string("nonlinearity");
  if (NONLINEARITIES.includes(nonlinearity)) return;
  args.fail("nonlinearity", `${args.type} nonlinearity must be 'tanh' or 'relu', got '${nonlinearity}'`, didYouMean(nonlinearity, NONLINEARITIES));
}

/** One cell's input-hidden and hidden-hidden weights, all gates stacked in `rows`. */
function gateTensors(rows: number, inputSize: number, stateSize: number, bias: boolean, suffix: string): TensorSpec[] {
  return [
    { name: `weight_ih${suffix}`, shape: [rows, inputSize] },
    { name: `weight_hh${suffix}`, shape: [rows, stateSize] },
    ...(bias
      ? [
          { name: `bias_ih${suffix}`, shape: [rows] },
          { name: `bias_hh${suffix}`, shape: [rows] },
        ]
      : []),
  ];
}

const activations = (elements: number): Saved => ({ elements, dtype: "activation" });

/**
 * RNN, LSTM and GRU: `num_layers` stacked cells per direction, registered layer by layer, forward before reverse.
 * `kept` is what autograd keeps per step, in hidden_size units per sample, as PyTorch 1.13's CPU kernels keep it
 * (measured): the previous state and the gates' workspace, 7 for LSTM and GRU; RNN keeps each state once (1),
 * and the last one besides.
 */
function stacked(type: string, gates: number, kept: number, signature: readonly ArgumentSpec[]): LayerDefinition {
  const projects = signature.some((spec) => spec.name === "proj_size");
  return {
    type,
    signature,
    tensors(args) {
      if (signature.includes(NONLINEARITY)) checkNonlinearity(args);
      checkDropout(args, "dropout");
      const inputSize = positive(args, "input_size");
      const hiddenSize = positive(args, "hidden_size");
      const numLayers = positive(args, "num_layers");
      const projSize = projects ? args.int("proj_size") : 0;
      if (projSize < 0) args.refuseSize("proj_size", `${args.type} needs a non-negative 'proj_size', got ${projSize}`, `0 means no projection`);
      if (projSize >= hiddenSize) {
        args.fail(
          "proj_size",
          `${args.type} needs 'proj_size' smaller than 'hidden_size', got proj_size=${projSize} with hidden_size=${hiddenSize}`,
          `proj_size is the size of the projected hidden state; 0 means no projection`,
        );
      }
      const bias = args.bool("bias");
      const directions = args.bool("bidirectional") ? ["", "_reverse"] : [""];
      // With a projection, the state carried between steps and layers is the projected one.
      const stateSize = projSize > 0 ? projSize : hiddenSize;
      const parameters: TensorSpec[] = [];
      for (let layer = 0; layer < numLayers; layer++) {
        const layerInput = layer === 0 ? inputSize : stateSize * directions.length;
        for (const direction of directions) {
          const suffix = `_l${layer}${direction}`;
          parameters.push(...gateTensors(gates * hiddenSize, layerInput, stateSize, bias, suffix));
          if (projSize > 0) parameters.push({ name: `weight_hr${suffix}`, shape: [projSize, hiddenSize] });
        }
      }
      return { parameters, buffers: [] };
    },
    forward(args, input) {
      const inputSize = args.int("input_size");
      if (input.shape.length !== 3 || input.shape[2] !== inputSize) input.mismatch("input_size", `a 3-d input of ${inputSize} features`);
      const [batch, steps] = args.bool("batch_first") ? [input.shape[0]!, input.shape[1]!] : [input.shape[1]!, input.shape[0]!];
      const hiddenSize = args.int("hidden_size");
      const projSize = projects ? args.int("proj_size") : 0;
      const stateSize = projSize > 0 ? projSize : hiddenSize;
      const directions = args.bool("bidirectional") ? 2 : 1;
      let macs = 0;
      const saves: Saved[] = ["input"];
      for (let layer = 0; layer < args.int("num_layers"); layer++) {
        const layerInput = layer === 0 ? inputSize : directions * stateSize;
        // A deeper layer runs on the stacked outputs of the one before. Batch first, both directions keep a
        // time-major copy of the input (measured: not a unidirectional layer, not a deeper one).
        if (layer > 0) saves.push(activations(batch * steps * layerInput));
        if (layer === 0 && directions === 2 && args.bool("batch_first")) saves.push(activations(batch * steps * layerInput));
        const perStep = gates * hiddenSize * (layerInput + stateSize) + projSize * hiddenSize;
        macs += directions * batch * steps * perStep;
        // With a projection, each step also keeps its projected state (measured).
        saves.push(...Array.from({ length: directions }, () => activations(batch * hiddenSize * (steps * kept + (gates === 1 ? 1 : 0)) + batch * steps * projSize)));
      }
      // The last layer's state at every step, both directions side by side.
      const output = [...input.shape.slice(0, 2), directions * stateSize];
      return { output, macs, saves };
    },
  };
}

/** A cell's one step: its input, the state it starts from (zeros unless given), and per sample `kept` × hidden_size (PyTorch 1.13, CPU, measured). */
function cell(type: string, gates: number, kept: number, signature: readonly ArgumentSpec[]): LayerDefinition {
  return {
    type,
    signature,
    tensors(args) {
      if (signature.includes(NONLINEARITY)) checkNonlinearity(args);
      const inputSize = positive(args, "input_size");
      const hiddenSize = positive(args, "hidden_size");
      return { parameters: gateTensors(gates * hiddenSize, inputSize, hiddenSize, args.bool("bias"), ""), buffers: [] };
    },
    forward(args, input) {
      const inputSize = args.int("input_size");
      const hiddenSize = args.int("hidden_size");
      if (input.shape.length !== 2 || input.shape[1] !== inputSize) input.mismatch("input_size", `a 2-d input of ${inputSize} features`);
      const batch = input.shape[0]!;
      // LSTMCell returns (h, c): the output is h.
      return { output: [batch, hiddenSize], macs: batch * gates * hiddenSize * (inputSize + hiddenSize), saves: ["input", activations(batch * hiddenSize * kept)] };
    },
  };
}

// The documented positional order, which PyTorch 2.x follows: RNN takes nonlinearity fourth (1.13 took it as bias).
export const recurrentLayers: LayerDefinition[] = [
  stacked("RNN", 1, 1, [...SIZES, NUM_LAYERS, NONLINEARITY, BIAS, ...STACK_OPTIONS, ...FACTORY_KWARGS]),
  stacked("LSTM", 4, 7, [...SIZES, NUM_LAYERS, BIAS, ...STACK_OPTIONS, { name: "proj_size", type: "int", default: 0 }, ...FACTORY_KWARGS]),
  stacked("GRU", 3, 7, [...SIZES, NUM_LAYERS, BIAS, ...STACK_OPTIONS, ...FACTORY_KWARGS]),
  cell("RNNCell", 1, 2, [...SIZES, BIAS, NONLINEARITY, ...FACTORY_KWARGS]),
  cell("LSTMCell", 4, 6, [...SIZES, BIAS, ...FACTORY_KWARGS]),
  cell("GRUCell", 3, 7, [...SIZES, BIAS, ...FACTORY_KWARGS]),
];
