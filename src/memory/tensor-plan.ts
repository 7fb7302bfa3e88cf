import type { CountedTensor, LayerCount } from "../count/index.js";
import { diagnostic, didYouMean, SpecError, type Diagnostic, type SourcePosition } from "../diagnostics/index.js";

/**
 * Tensor parallelism as a plan over module paths, in PyTorch's vocabulary
 * (torch.distributed.tensor.parallel): `colwise` splits a Linear's output features (an Embedding's
 * embedding_dim), `rowwise` its input features (an Embedding's rows: the vocabulary),
 * `vocab_parallel` an Embedding's rows or a head Linear's outputs (Megatron's VocabParallelEmbedding
 * and its column-parallel output layer), `sequence_parallel` and `replicate` keep the parameters whole.
 */
export const TP_STYLES = ["colwise", "rowwise", "vocab_parallel", "sequence_parallel", "replicate"] as const;
export type TpStyle = (typeof TP_STYLES)[number];

export interface PlanRule {
  pattern: string;
  style: TpStyle;
  position: SourcePosition;
}

export function tpStyle(text: string, position: SourcePosition): TpStyle {
  if ((TP_STYLES as readonly string[]).includes(text)) return text as TpStyle;
  throw new SpecError("unknown-parallel-style", position, `unknown tensor-parallel style '${text}'`, didYouMean(text, TP_STYLES) ?? `use one of ${TP_STYLES.join(", ")}`);
}

/*
 * Megatron-LM's layout of a decoder block (Shoeybi et al. 2019, §3): the first projection of attention
 * and of the MLP split by columns, the second by rows, so one all-reduce follows each; the vocabulary
 * split over the embedding and the output layer; norms and position embeddings replicated. Names as
 * Hugging Face's Llama, Mistral, GPT-2, GPT-NeoX, Falcon, BERT and Mixtral modules spell them.
 */
const COLWISE_NAMES = new Set(["q_proj", "k_proj", "v_proj", "qkv_proj", "query", "key", "value", "query_key_value", "c_attn", "Wqkv", "wq", "wk", "wv"]);
const COLWISE_MLP_NAMES = new Set(["gate_proj", "up_proj", "gate_up_proj", "w1", "w3", "fc1", "c_fc", "dense_h_to_4h", "fc_in"]);
const ROWWISE_NAMES = new Set(["o_proj", "out_proj", "c_proj", "down_proj", "w2", "fc2", "dense_4h_to_h", "wo", "fc_out"]);
const VOCAB_EMBEDDINGS = new Set(["embed_tokens", "wte", "word_embeddings", "tok_embeddings", "embed_in", "shared"]);
const VOCAB_HEADS = new Set(["lm_head", "output", "embed_out"]);
const POSITION_EMBEDDINGS = new Set(["wpe", "position_embeddings", "embed_positions", "token_type_embeddings"]);
/** Mixture-of-experts routers (Mixtral's, Qwen-MoE's and DeepSeek's `gate`), which Megatron keeps whole on every rank. */
const ROUTERS = new Set(["gate", "router", "shared_expert_gate"]);

const LINEAR_TYPES = new Set(["Linear", "Conv1D"]);

/** The default plan's style for a layer entry, or undefined when it cannot place it (then it is replicated, with a warning). */
export function megatronStyle(layer: LayerCount): TpStyle | undefined {
  const name = layer.path.slice(layer.path.lastIndexOf(".") + 1);
  if (LINEAR_TYPES.has(layer.type)) {
    if (COLWISE_NAMES.has(name) || COLWISE_MLP_NAMES.has(name)) return "colwise";
    if (ROWWISE_NAMES.has(name)) return "rowwise";
    if (VOCAB_HEADS.has(name)) return "vocab_parallel";
    if (ROUTERS.has(name)) return "replicate";
    return undefined;
  }
  if (layer.type === "Embedding") {
    if (VOCAB_EMBEDDINGS.has(name)) return "vocab_parallel";
    if (POSITION_EMBEDDINGS.has(name)) return "replicate";
    return undefined;
  }
  if (layer.type.includes("Norm")) return "sequence_parallel";
  return undefined;
}

/** A path as segments: `model.layers.[0-31].mlp` → model, layers, [0-31], mlp. */
export function pathSegments(path: string): string[] {
  return path === "" ? [] : path.split(".");
}

/** A run segment `[0-31]`: its first and last index. */
export function runOf(segment: string): { from: number; to: number } | undefined {
  const match = /^\[(\d+)-(\d+)\]$/.exec(segment);
  return match ? { from: Number(match[1]), to: Number(match[2]) } : undefined;
}

/** fnmatch's `*` and `?` as a regular expression; `wide` lets `*` cross dots (a glob over whole paths). */
export function globRegExp(pattern: string, wide: boolean): RegExp {
  const any = wide ? ".*" : "[^.]*";
  const body = [...pattern].map((char) => (char === "*" ? any : char === "?" ? "." : char.replace(/[\\^$+.()|{}[\]]/g, "\\$&"))).join("");
  return new RegExp(`^${body}$`);
}

/** Whether a plan key matches a layer path segment by segment, as parallelize_module matches its plan's keys; `*` covers a run `[0-31]`. */
export function planMatches(pattern: string, path: string): boolean {
  const wanted = pattern.split(".");
  const segments = pathSegments(path);
  return wanted.length === segments.length && wanted.every((part, index) => globRegExp(part, false).test(segments[index]!));
}

/** How one tensor is split over the tensor-parallel ranks: the dimension, or none. */
export interface TensorSplit {
  name: string;
  /** The whole tensor's shape. */
  whole: number[];
  dim?: number;
  /** The shape on the worst rank: ⌈size / tp⌉ along `dim`, as torch.chunk and DTensor's Shard split. */
  shape: number[];
}

/** The dimension a style splits, for a tensor of a Linear (weight [out, in]; HF's Conv1D [in, out]) or an Embedding ([rows, dim]). */
function splitDim(layer: LayerCount, tensor: CountedTensor, style: TpStyle): number | undefined {
  const matrix = tensor.shape.length === 2;
  const transposed = layer.type === "Conv1D";
  if (layer.type === "Embedding") {
    if (!matrix) return undefined;
    return style === "colwise" ? 1 : 0;
  }
  // A row-wise Linear's bias is added after the all-reduce: replicated.
  const outputs = style === "colwise" || style === "vocab_parallel";
  if (!matrix) return outputs && tensor.shape.length === 1 ? 0 : undefined;
  return outputs === transposed ? 1 : 0;
}

/** Each tensor's split under `style` over `tp` ranks; a style that splits needs a Linear or an Embedding. */
export function splitTensors(layer: LayerCount, style: TpStyle, tp: number, position: SourcePosition): TensorSplit[] {
  const splits = style === "colwise" || style === "rowwise" || style === "vocab_parallel";
  if (splits && tp > 1 && !LINEAR_TYPES.has(layer.type) && layer.type !== "Embedding" && layer.params > 0)
    throw new SpecError(
      "unsupported-parallel-style",
      position,
      `${style} splits Linear and Embedding layers (as PyTorch's ${style === "rowwise" ? "RowwiseParallel" : "ColwiseParallel"}), and ${layer.path} is ${layer.type}`,
      "give it replicate or sequence_parallel, or narrow the pattern",
    );
  return layer.parameters.map((tensor) => {
    const dim = splits && tp > 1 ? splitDim(layer, tensor, style) : undefined;
    const named = { name: tensor.name, whole: tensor.shape };
    if (dim === undefined) return { ...named, shape: tensor.shape };
    return { ...named, dim, shape: tensor.shape.map((size, index) => (index === dim ? Math.ceil(size / tp) : size)) };
  });
}

/** A warning for each split that does not divide evenly: the worst rank, reported, holds the larger share. */
export function unevenSplits(layer: LayerCount, splits: readonly TensorSplit[], tp: number): Diagnostic[] {
  return splits.flatMap((split, index) => {
    const tensor = layer.parameters[index]!;
    if (split.dim === undefined || tensor.shape[split.dim]! % tp === 0) return [];
    const size = tensor.shape[split.dim]!;
    return [
      diagnostic(
        "uneven-parallel-split",
        layer.position,
        `${layer.path}.${tensor.name}: dimension ${split.dim} (${size}) does not divide by tp = ${tp}; the worst rank holds ⌈${size} / ${tp}⌉ = ${Math.ceil(size / tp)}`,
        "Megatron pads the vocabulary to a multiple of 128 × tp; give sizes that divide, or a smaller tp",
      ),
    ];
  });
}
