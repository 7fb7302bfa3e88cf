/**
 * Classes outside torch.nn that print(model) shows in Hugging Face and torchvision models. Those whose
 * printed arguments give their tensors become catalogue layers; those that hold tensors print(model)
 * never shows are named, with what is missing, so an import is never short without a word.
 */
import type { SpecNode } from "./spec-tree.js";

/** What an importer needs of a printed module to tell its hidden tensors. */
export interface PrintedModule {
  type: string;
  call?: string;
  children: { name: string; module: PrintedModule }[];
}

/** A tensor a module creates itself, which print(model) does not show. */
export interface HiddenTensor {
  name: string;
  /** The shape when the module's children tell it; else a description of its sizes. */
  shape: number[] | string;
}

export interface HiddenTensors {
  tensors: HiddenTensor[];
  /** Why they are missing, or what else to know. */
  note?: string;
}

/** transformers' activation modules that hold no tensors, with the torch.nn call computing the same function where there is one. */
const ACTIVATIONS: Readonly<Record<string, string>> = {
  SiLUActivation: "SiLU()",
  GELUActivation: "GELU()",
  NewGELUActivation: "GELU(approximate='tanh')",
  FastGELUActivation: "GELU(approximate='tanh')",
  PytorchGELUTanh: "GELU(approximate='tanh')",
  GELUTanh: "GELU(approximate='tanh')",
  MishActivation: "Mish()",
  LinearActivation: "Identity()",
  QuickGELUActivation: "Identity()",
  ClippedGELUActivation: "Identity()",
  AccurateGELUActivation: "Identity()",
  LaplaceActivation: "Identity()",
  ReLUSquaredActivation: "Identity()",
};

const NUMBER = String.raw`\d+`;
/** transformers' Conv1D (GPT-2, GPT, CTRL): `Conv1D(nf=3840, nx=1280)`, a Linear(nx, nf) whose weight is stored [nx, nf]. */
const CONV1D = new RegExp(`^Conv1D\\(nf=(${NUMBER}), nx=(${NUMBER})\\)$`);
/** A rotary embedding holds no parameters, only its inv_freq buffers, registered non-persistent. */
const ROTARY = /RotaryEmbedding$/;

/**
 * A catalogue-countable stand-in for a library class, with a comment naming the class; undefined
 * when the class is unknown or its printed arguments do not fit. `counts(call)` says whether a call counts.
 */
export function libraryLayer(type: string, call: string, counts: (call: string) => boolean): SpecNode | undefined {
  const activation = ACTIVATIONS[type];
  if (activation && call === `${type}()`) return { kind: "layer", call: activation, comment: `${type}: no tensors` };
  if (ROTARY.test(type) && call === `${type}()`) {
    return { kind: "layer", call: "Identity()", comment: `${type}: no parameters; its inv_freq buffers are non-persistent (never saved) and not counted here` };
  }
  const conv1d = CONV1D.exec(call);
  if (conv1d) {
    const [, nf, nx] = conv1d;
    return {
      kind: "module",
      type: `${call}: transformers' Linear(${nx}, ${nf}) with its weight stored transposed`,
      children: [
        { name: "weight", count: 1, node: { kind: "layer", call: `Parameter(${nx}, ${nf})` } },
        { name: "bias", count: 1, node: { kind: "layer", call: `Parameter(${nf})` } },
      ],
    };
  }
  // LlamaRMSNorm((4096,), eps=1e-05), Qwen2RMSNorm, MistralRMSNorm, Phi3RMSNorm, GemmaRMSNorm: one weight of the printed shape.
  if (type.endsWith("RMSNorm") && type !== "RMSNorm") {
    const rms = `RMSNorm${call.slice(type.length)}`;
    if (counts(rms)) return { kind: "layer", call: rms, comment: type };
  }
  return undefined;
}

/** The first argument of a printed call, as an integer: Linear's in_features, Conv's in_channels. */
function argument(call: string | undefined, name: string, position: number): number | undefined {
  if (call === undefined) return undefined;
  const keyword = new RegExp(`\\b${name}=(\\d+)`).exec(call);
  if (keyword) return Number(keyword[1]);
  const positional = call
    .slice(call.indexOf("(") + 1, -1)
    .split(",")
    [position]?.trim();
  return positional && /^\d+$/.test(positional) ? Number(positional) : undefined;
}

const child = (module: PrintedModule, name: string) => module.children.find((entry) => entry.name === name)?.module;
const hasParameterizedChild = (module: PrintedModule): boolean =>
  module.children.some(({ module: inner }) => (inner.call !== undefined ? !/^(?:\w*Activation|\w*Dropout|Identity|ReLU|SiLU|GELU|Tanh|Sigmoid)\(/.test(inner.call) : true));

/** Mamba's mixer: A_log [intermediate, state] and D [intermediate], sized from its conv1d, x_proj and dt_proj. */
function mambaMixer(module: PrintedModule): HiddenTensors {
  const intermediate = argument(child(module, "conv1d")?.call, "in_channels", 0) ?? argument(child(module, "dt_proj")?.call, "out_features", 1);
  const projected = argument(child(module, "x_proj")?.call, "out_features", 1);
  const rank = argument(child(module, "dt_proj")?.call, "in_features", 0);
  const state = projected !== undefined && rank !== undefined && (projected - rank) % 2 === 0 ? (projected - rank) / 2 : undefined;
  return {
    tensors: [
      { name: "A_log", shape: intermediate !== undefined && state !== undefined ? [intermediate, state] : "[intermediate_size, state_size]" },
      { name: "D", shape: intermediate !== undefined ? [intermediate] : "[intermediate_size]" },
    ],
  };
}

/** A module's hidden tensors by its class, as the libraries define them; undefined for a class not known to hold any. */
export function hiddenTensors(module: PrintedModule): HiddenTensors | undefined {
  const { type } = module;
  if (type === "MambaMixer") return mambaMixer(module);
  if (type === "Mamba2Mixer")
    return {
      tensors: [
        { name: "A_log", shape: "[num_heads]" },
        { name: "D", shape: "[num_heads]" },
        { name: "dt_bias", shape: "[num_heads]" },
      ],
    };
  if (type.endsWith("CLIPVisionEmbeddings")) {
    const width = argument(child(module, "patch_embedding")?.call, "out_channels", 1);
    return { tensors: [{ name: "class_embedding", shape: width !== undefined ? [width] : "[hidden_size]" }], note: "its position_ids buffer is non-persistent" };
  }
  if (type === "VisionTransformer" && child(module, "conv_proj") && child(module, "encoder")) {
    const width = argument(child(module, "conv_proj")?.call, "out_channels", 1);
    return { tensors: [{ name: "class_token", shape: width !== undefined ? [1, 1, width] : "[1, 1, hidden_dim]" }] };
  }
  // torchvision's ViT Encoder: its sequence length is (image_size / patch_size)² + 1, which print(model) does not show.
  if (type === "Encoder" && child(module, "layers") && child(module, "ln") && child(module, "dropout")) {
    return { tensors: [{ name: "pos_embedding", shape: "[1, seq_length, hidden_dim]" }], note: "seq_length is (image_size // patch_size)² + 1" };
  }
  // transformers 5 fuses a mixture of experts into three tensors of one module, whose children (act_fn) hold none.
  if (type.endsWith("Experts") && !hasParameterizedChild(module)) {
    return {
      tensors: [
        { name: "gate_up_proj", shape: "[num_experts, 2 × intermediate_size, hidden_size]" },
        { name: "down_proj", shape: "[num_experts, hidden_size, intermediate_size]" },
      ],
      note: "the names and layout vary by model",
    };
  }
  if (type.endsWith("TopKRouter") || type.endsWith("TopkRouter"))
    return { tensors: [{ name: "weight", shape: "[num_experts, hidden_size]" }], note: "some routers also hold an e_score_correction_bias buffer" };
  // T5LayerNorm(), and norms of older transformers that print no shape.
  if (/(?:LayerNorm|RMSNorm)$/.test(type) && module.call === `${type}()`) return { tensors: [{ name: "weight", shape: "[hidden_size]" }] };
  return undefined;
}
