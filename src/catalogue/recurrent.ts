import { didYouMean } from "../diagnostics/index.js";
import type { LayerArguments } from "./arguments.js";
import { checkDropout } from "./attention.js";
import { FACTORY_KWARGS, positive } from "./common.js";
import type { ArgumentSpec, LayerDefinition, TensorSpec } from "./types.js";

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
    ...(bias ? [{ name: `bias_ih${suffix}`, shape: [rows] }, { name: `bias_hh${suffix}`, shape: [rows] }] : []),
  ];
}

/** RNN, LSTM and GRU: `num_layers` stacked cells per direction, registered layer by layer, forward before reverse. */
function stacked(type: string, gates: number, signature: readonly ArgumentSpec[]): LayerDefinition {
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
      if (projSize < 0) args.fail("proj_size", `${args.type} needs a non-negative 'proj_size', got ${projSize}`, `0 means no projection`);
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
  };
}

function cell(type: string, gates: number, signature: readonly ArgumentSpec[]): LayerDefinition {
  return {
    type,
    signature,
    tensors(args) {
      if (signature.includes(NONLINEARITY)) checkNonlinearity(args);
      const inputSize = positive(args, "input_size");
      const hiddenSize = positive(args, "hidden_size");
      return { parameters: gateTensors(gates * hiddenSize, inputSize, hiddenSize, args.bool("bias"), ""), buffers: [] };
    },
  };
}

// The documented positional order, which PyTorch 2.x follows: RNN takes nonlinearity fourth (1.13 took it as bias).
export const recurrentLayers: LayerDefinition[] = [
  stacked("RNN", 1, [...SIZES, NUM_LAYERS, NONLINEARITY, BIAS, ...STACK_OPTIONS, ...FACTORY_KWARGS]),
  stacked("LSTM", 4, [...SIZES, NUM_LAYERS, BIAS, ...STACK_OPTIONS, { name: "proj_size", type: "int", default: 0 }, ...FACTORY_KWARGS]),
  stacked("GRU", 3, [...SIZES, NUM_LAYERS, BIAS, ...STACK_OPTIONS, ...FACTORY_KWARGS]),
  cell("RNNCell", 1, [...SIZES, BIAS, NONLINEARITY, ...FACTORY_KWARGS]),
  cell("LSTMCell", 4, [...SIZES, BIAS, ...FACTORY_KWARGS]),
  cell("GRUCell", 3, [...SIZES, BIAS, ...FACTORY_KWARGS]),
];
