import { describeValue } from "../parse/values.js";
import type { LayerArguments } from "./arguments.js";
import { attentionTensors, checkDropout, headedEmbedding } from "./attention.js";
import { FACTORY_KWARGS, positive } from "./common.js";
import type { ArgumentSpec, LayerDefinition, LayerTensors, TensorSpec } from "./types.js";

const NONE: LayerTensors = { parameters: [], buffers: [] };

/** A submodule's tensors as its parent lists them: `norm.weight`, `layers.0.linear1.bias`. */
function within(prefix: string, tensors: LayerTensors): LayerTensors {
  const rename = (tensor: TensorSpec) => ({ ...tensor, name: tensor.name ? `${prefix}.${tensor.name}` : prefix });
  return { parameters: tensors.parameters.map(rename), buffers: tensors.buffers.map(rename) };
}

/** Submodules in registration order, which is the order named_parameters() walks them. */
function concat(parts: LayerTensors[]): LayerTensors {
  return { parameters: parts.flatMap((part) => part.parameters), buffers: parts.flatMap((part) => part.buffers) };
}

/** A Linear or LayerNorm: `weight`, then `bias` sized by the weight's first dimension. */
function affine(weight: number[], bias: boolean): LayerTensors {
  return { parameters: [{ name: "weight", shape: weight }, ...(bias ? [{ name: "bias", shape: [weight[0]!] }] : [])], buffers: [] };
}

/** A layer given as an argument, or nothing for None. */
function nested(args: LayerArguments, name: string): LayerTensors {
  if (args.isNone(name)) return NONE;
  const { definition, args: bound } = args.layer(name);
  return definition.tensors(bound);
}

/**
 * A string must be 'relu' or 'gelu', as PyTorch resolves it; a bare name is a function such as F.gelu and
 * holds no tensors; a module such as PReLU() becomes the layer's `activation` submodule, tensors included.
 */
function activationTensors(args: LayerArguments): LayerTensors {
  const value = args.value("activation");
  if (value.kind === "symbol") return NONE;
  if (value.kind === "layer") return within("activation", nested(args, "activation"));
  if (value.kind !== "string") {
    args.fail("activation", `${args.type} activation must be 'relu', 'gelu', a function such as F.gelu or a module such as GELU(), got ${describeValue(value)}`);
  }
  if (value.value !== "relu" && value.value !== "gelu") {
    args.fail("activation", `${args.type} activation must be 'relu' or 'gelu', got '${value.value}'`, `for another activation, pass the function itself, e.g. activation=F.silu`);
  }
  return NONE;
}

/** The arguments TransformerEncoderLayer, TransformerDecoderLayer and Transformer share, read and checked once. */
interface LayerShape {
  dModel: number;
  feedforward: number;
  bias: boolean;
  activation: LayerTensors;
}

function layerShape(args: LayerArguments): LayerShape {
  const dModel = headedEmbedding(args, "d_model", "nhead");
  const feedforward = positive(args, "dim_feedforward");
  checkDropout(args, "dropout");
  return { dModel, feedforward, bias: args.bool("bias"), activation: activationTensors(args) };
}

/** An encoder layer has self_attn and two norms; a decoder layer adds multihead_attn and norm3. */
function layerTensors({ dModel, feedforward, bias, activation }: LayerShape, attentions: string[], norms: number): LayerTensors {
  const attention: LayerTensors = {
    parameters: attentionTensors({ embedDim: dModel, kdim: dModel, vdim: dModel, bias, addBiasKv: false }),
    buffers: [],
  };
  return concat([
    ...attentions.map((name) => within(name, attention)),
    within("linear1", affine([feedforward, dModel], bias)),
    within("linear2", affine([dModel, feedforward], bias)),
    ...Array.from({ length: norms }, (_, index) => within(`norm${index + 1}`, affine([dModel], bias))),
    activation,
  ]);
}

const encoderLayer = (shape: LayerShape) => layerTensors(shape, ["self_attn"], 2);
const decoderLayer = (shape: LayerShape) => layerTensors(shape, ["self_attn", "multihead_attn"], 3);

/** TransformerEncoder and TransformerDecoder: deep copies of one layer, then the optional final norm. */
function stack(layer: LayerTensors, count: number, norm: LayerTensors): LayerTensors {
  return concat([...Array.from({ length: count }, (_, index) => within(`layers.${index}`, layer)), within("norm", norm)]);
}

function layerCount(args: LayerArguments, name: string): number {
  const count = args.int(name);
  if (count < 0) args.fail(name, `${args.type} needs a non-negative '${name}', got ${count}`);
  return count;
}

const LAYER_OPTIONS: readonly ArgumentSpec[] = [
  { name: "layer_norm_eps", type: "float", default: 1e-5 },
  { name: "batch_first", type: "bool", default: false },
  { name: "norm_first", type: "bool", default: false },
  // PyTorch 2.1+: False drops the biases of every Linear, LayerNorm and attention projection.
  { name: "bias", type: "bool", default: true },
  ...FACTORY_KWARGS,
];

const LAYER_SIGNATURE: readonly ArgumentSpec[] = [
  { name: "d_model", type: "int" },
  { name: "nhead", type: "int" },
  { name: "dim_feedforward", type: "int", default: 2048 },
  { name: "dropout", type: "float", default: 0.1 },
  { name: "activation", type: "any", default: "relu" },
  ...LAYER_OPTIONS,
];

export const transformerLayers: LayerDefinition[] = [
  {
    type: "TransformerEncoderLayer",
    signature: LAYER_SIGNATURE,
    tensors: (args) => encoderLayer(layerShape(args)),
  },
  {
    type: "TransformerDecoderLayer",
    signature: LAYER_SIGNATURE,
    tensors: (args) => decoderLayer(layerShape(args)),
  },
  {
    type: "TransformerEncoder",
    signature: [
      { name: "encoder_layer", type: "layer" },
      { name: "num_layers", type: "int" },
      { name: "norm", type: "layer", default: null },
      { name: "enable_nested_tensor", type: "bool", default: true },
      { name: "mask_check", type: "bool", default: true },
    ],
    tensors: (args) => stack(nested(args, "encoder_layer"), layerCount(args, "num_layers"), nested(args, "norm")),
  },
  {
    type: "TransformerDecoder",
    signature: [
      { name: "decoder_layer", type: "layer" },
      { name: "num_layers", type: "int" },
      { name: "norm", type: "layer", default: null },
    ],
    tensors: (args) => stack(nested(args, "decoder_layer"), layerCount(args, "num_layers"), nested(args, "norm")),
  },
  {
    type: "Transformer",
    signature: [
      { name: "d_model", type: "int", default: 512 },
      { name: "nhead", type: "int", default: 8 },
      { name: "num_encoder_layers", type: "int", default: 6 },
      { name: "num_decoder_layers", type: "int", default: 6 },
      { name: "dim_feedforward", type: "int", default: 2048 },
      { name: "dropout", type: "float", default: 0.1 },
      { name: "activation", type: "any", default: "relu" },
      { name: "custom_encoder", type: "layer", default: null },
      { name: "custom_decoder", type: "layer", default: null },
      ...LAYER_OPTIONS,
    ],
    tensors(args) {
      const shape = layerShape(args);
      // Transformer always ends each stack with a LayerNorm(d_model), biased unless bias=False.
      const finalNorm = affine([shape.dModel], shape.bias);
      const encoder = args.isNone("custom_encoder") ? stack(encoderLayer(shape), layerCount(args, "num_encoder_layers"), finalNorm) : nested(args, "custom_encoder");
      const decoder = args.isNone("custom_decoder") ? stack(decoderLayer(shape), layerCount(args, "num_decoder_layers"), finalNorm) : nested(args, "custom_decoder");
      return concat([within("encoder", encoder), within("decoder", decoder)]);
    },
  },
];
