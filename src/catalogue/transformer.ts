import { describeValue } from "../parse/values.js";
import type { LayerArguments, LayerDefinition } from "./arguments.js";
import { attend, attentionTensors, checkDropout, headedEmbedding } from "./attention.js";
import { FACTORY_KWARGS, numel, positive } from "./common.js";
import type { ArgumentSpec, ForwardInput, ForwardResult, LayerTensors, Saved, TensorSpec } from "./types.js";

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
  if (value.kind === "symbol") {
    // A bare function name (relu, F.silu) holds no tensors; one that spells almost a variable in scope is likely that variable.
    if (value.suggestion !== undefined)
      args.fail("activation", `undefined variable '${value.name}' in argument 'activation' of ${args.type}`, "for a function, write F." + value.name);
    return NONE;
  }
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
  if (count < 0) args.refuseSize(name, `${args.type} needs a non-negative '${name}', got ${count}`, "write the number of layers in the stack, 0 or more");
  return count;
}

/** Figures of a call, the output aside: what a stack adds up over its layers. */
type Figures = Required<Pick<ForwardResult, "macs" | "attentionMacs" | "saves">>;

const activations = (elements: number): Saved => ({ elements, dtype: "activation" });
/** A dropout's mask, one byte per element as in the Dropout rule; p=0 is the identity and keeps nothing. */
const masks = (p: number, elements: number): Saved[] => (p > 0 ? [{ elements, dtype: "bool" }] : []);
/** A LayerNorm's float32 mean and inverse deviation per row, as the LayerNorm rule keeps them beside its input. */
const statistics = (rows: number): Saved => ({ elements: 2 * rows, dtype: "float32" });

/** `[batch, sequence, d_model]`, or sequence first without batch_first: the batch and sequence sizes. */
function tokens(args: LayerArguments, input: ForwardInput): { batch: number; sequence: number } {
  const dModel = args.int("d_model");
  if (input.shape.length !== 3 || input.shape[2] !== dModel) input.mismatch("d_model", `a 3-d input of ${dModel} features`);
  const [first, second] = input.shape as [number, number];
  return args.bool("batch_first") ? { batch: first, sequence: second } : { batch: second, sequence: first };
}

/**
 * What the activation keeps of linear1's output, by the activation's own rule for a module; 'relu' and
 * 'gelu' (or F.relu and F.gelu) keep what ReLU and GELU keep: the result, and the input.
 */
function activationRule(args: LayerArguments, input: ForwardInput): ForwardResult {
  const value = args.value("activation");
  if (value.kind === "layer") {
    const { definition, args: bound } = args.layer("activation");
    if (definition.forward) return definition.forward(bound, input);
  }
  const name = value.kind === "string" ? value.value : value.kind === "symbol" ? value.name.split(".").at(-1) : undefined;
  if (name === "relu" || name === "gelu") return { output: [...input.shape], saves: [name === "relu" ? "output" : "input"] };
  return args.fail("activation", `shape inference follows ${args.type} with activation 'relu', 'gelu', F.relu, F.gelu or a module it follows, got ${describeValue(value)}`);
}

/**
 * One encoder or decoder layer, as the eager path computes it in training (the fast path is for
 * inference only). Whether the norm comes first or last, each sublayer keeps its input, one
 * d_model-wide tensor of its own (the residual sum a post-norm normalizes, or a pre-norm's output)
 * with the norm's statistics, and its block's tensors. A decoder's memory is another tensor of the
 * target's shape: `keepsMemory` is false for the layers of a stack after the first, which share it.
 * With batch_first, MultiheadAttention transposes its inputs and its projections keep contiguous
 * copies: of a post-norm layer's input, and of the memory in every decoder layer.
 */
function encoderDecoderLayer(args: LayerArguments, input: ForwardInput, decoder: boolean, keepsMemory: boolean): Figures {
  const { batch, sequence } = tokens(args, input);
  const [dModel, feedforward, p] = [args.int("d_model"), args.int("dim_feedforward"), args.float("dropout")];
  const rows = batch * sequence;
  const call = attend({ batch, queries: sequence, keys: sequence, embedDim: dModel, heads: args.int("nhead"), kdim: dModel, vdim: dModel, dropout: p, extraKeys: 0 });
  const attention = [...call.saves, ...masks(p, rows * dModel)];
  const hidden = rows * feedforward;
  const activation = activationRule(args, { ...input, shape: [batch, sequence, feedforward] });
  // linear1's output, and the activation's output when it is another storage; linear2 keeps the latter, or dropout's output.
  const storage = (saved: "input" | "output") => (activation.sharesInput ? "input" : saved);
  const activationSaves = activation.saves ?? [];
  const kept = new Set(activationSaves.flatMap((saved) => (typeof saved === "string" ? [storage(saved === "output" ? "output" : "input")] : [])));
  if (p === 0) kept.add(storage("output"));
  const feedForward: Saved[] = [
    ...[...kept].map(() => activations(hidden)),
    ...activationSaves.filter((saved) => typeof saved === "object"),
    ...masks(p, hidden),
    ...(p > 0 ? [activations(hidden)] : []),
    ...masks(p, rows * dModel),
  ];
  const batchFirst = args.bool("batch_first");
  const memory = keepsMemory || batchFirst ? [activations(rows * dModel)] : [];
  const blocks = decoder ? [attention, [...memory, ...attention], feedForward] : [attention, feedForward];
  const layerInput: Saved = batchFirst && !args.bool("norm_first") ? activations(rows * dModel) : "input";
  const saves = blocks.flatMap((block, index): Saved[] => [index === 0 ? layerInput : activations(rows * dModel), activations(rows * dModel), statistics(rows), ...block]);
  const projections = 2 * rows * dModel * feedforward;
  const attentions = decoder ? 2 : 1;
  return { macs: attentions * call.macs + projections, attentionMacs: attentions * call.attentionMacs, saves };
}

/** A layer of a stack after the first: its input is the previous layer's output, which no earlier tensor kept. */
const followingInput =
  (elements: number) =>
  (saved: Saved): Saved =>
    saved === "input" ? activations(elements) : saved;

/**
 * `num_layers` copies of a layer, then the final norm: its own rule for a stack's `norm`, a
 * LayerNorm(d_model) for Transformer's.
 */
function stackFigures(layer: LayerArguments, count: number, input: ForwardInput, decoder: boolean, norm: ((input: ForwardInput) => ForwardResult) | undefined): Figures {
  const elements = numel(input.shape);
  const layers = Array.from({ length: count }, (_, index) => {
    const figures = encoderDecoderLayer(layer, input, decoder, index === 0);
    return index === 0 ? figures : { ...figures, saves: figures.saves.map(followingInput(elements)) };
  });
  const normed = norm?.(input);
  const last: Saved[] = (normed?.saves ?? []).map(count > 0 ? followingInput(elements) : (saved) => saved);
  return {
    macs: layers.reduce((sum, figures) => sum + figures.macs, normed?.macs ?? 0),
    attentionMacs: layers.reduce((sum, figures) => sum + figures.attentionMacs, 0),
    saves: [...layers.flatMap((figures) => figures.saves), ...last],
  };
}

/** A nested layer of the type shape inference follows there; PyTorch would take any module. */
function nestedOf(args: LayerArguments, name: string, type: string): LayerArguments {
  const { definition, args: bound } = args.layer(name);
  if (definition.type !== type)
    args.fail(name, `shape inference follows ${args.type} with a ${type}(...) as ${name}, got ${definition.type}`, "remove input: from the spec to count without shapes");
  return bound;
}

function stackOf(args: LayerArguments, input: ForwardInput): Figures {
  const decoder = args.type === "TransformerDecoder";
  const layer = decoder ? nestedOf(args, "decoder_layer", "TransformerDecoderLayer") : nestedOf(args, "encoder_layer", "TransformerEncoderLayer");
  const norm = args.isNone("norm") ? undefined : args.layer("norm");
  const normRule = norm && ((at: ForwardInput) => norm.definition.forward?.(norm.args, at) ?? args.fail("norm", `shape inference does not follow ${norm.definition.type} yet`));
  return stackFigures(layer, layerCount(args, "num_layers"), input, decoder, normRule);
}

const stackForward = (args: LayerArguments, input: ForwardInput): ForwardResult => ({ output: [...input.shape], ...stackOf(args, input) });

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
    forward: (args, input) => ({ output: [...input.shape], ...encoderDecoderLayer(args, input, false, true) }),
  },
  {
    type: "TransformerDecoderLayer",
    signature: LAYER_SIGNATURE,
    tensors: (args) => decoderLayer(layerShape(args)),
    /** `layer(x, memory)`, memory another tensor of x's shape, as an encoder's output would be. */
    forward: (args, input) => ({ output: [...input.shape], ...encoderDecoderLayer(args, input, true, true) }),
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
    forward: stackForward,
  },
  {
    type: "TransformerDecoder",
    signature: [
      { name: "decoder_layer", type: "layer" },
      { name: "num_layers", type: "int" },
      { name: "norm", type: "layer", default: null },
    ],
    tensors: (args) => stack(nested(args, "decoder_layer"), layerCount(args, "num_layers"), nested(args, "norm")),
    forward: stackForward,
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
    /**
     * `transformer(x, x)`: one input is both source and target. The decoder's memory is the encoder's
     * output, which no encoder tensor keeps; the target is the source's storage, kept once (but for
     * batch_first's copies). Without custom stacks, Transformer's own arguments are its layers'.
     */
    forward(args, input) {
      const { batch, sequence } = tokens(args, input);
      const layerNorm = () => ({ output: [...input.shape], saves: ["input", statistics(batch * sequence)] satisfies Saved[] });
      const half = (custom: string, layers: string, decoder: boolean): Figures =>
        args.isNone(custom)
          ? stackFigures(args, layerCount(args, layers), input, decoder, layerNorm)
          : stackOf(nestedOf(args, custom, decoder ? "TransformerDecoder" : "TransformerEncoder"), input);
      const [encoder, decoder] = [half("custom_encoder", "num_encoder_layers", false), half("custom_decoder", "num_decoder_layers", true)];
      return {
        output: [...input.shape],
        macs: encoder.macs + decoder.macs,
        attentionMacs: encoder.attentionMacs + decoder.attentionMacs,
        saves: [...encoder.saves, ...decoder.saves],
      };
    },
  },
];
