import { SpecError } from "../diagnostics/index.js";
import type { Checkpoint } from "./checkpoint.js";
import { FileFormatError } from "./bytes.js";
import { MAX_MODULE_DEPTH, MAX_NAME_LENGTH, describeCall, isIndex, type ImportedSpec, type SpecChild, type SpecNode } from "./spec-tree.js";
import { sameShape } from "../catalogue/index.js";
import { canBeParameter, isTorchDtype, type CheckpointTensor } from "./tensors.js";

/** One module of the checkpoint, from the dotted tensor names: `h.0.attn.c_attn.weight` is tensor `weight` of `h.0.attn.c_attn`. */
interface ModuleNode {
  tensors: Map<string, CheckpointTensor>;
  children: Map<string, ModuleNode>;
}

/** Floating-point tensors that are buffers all the same: BatchNorm's statistics outside a recognised BatchNorm. */
const BUFFER_NAMES = new Set(["running_mean", "running_var"]);
/** Names under which a 2-D table without bias is an Embedding rather than a Linear(bias=False): the counts agree either way. */
const EMBEDDING_NAME = /emb|wte|wpe|tok|vocab|word|position|shared/i;

const moduleNode = (): ModuleNode => ({ tensors: new Map(), children: new Map() });

function tree(checkpoint: Checkpoint): ModuleNode {
  const root = moduleNode();
  const clash = (name: string) =>
    new SpecError(
      "checkpoint-not-a-spec",
      { file: checkpoint.file, line: 1, col: 1 },
      `'${name}' is both a tensor and a module holding other tensors`,
      "a spec cannot give one name to both: rename one in the model",
    );
  for (const tensor of checkpoint.tensors) {
    const path = tensor.name.split(".");
    if (path.length > MAX_MODULE_DEPTH + 1) {
      throw new FileFormatError(
        "checkpoint-not-a-spec",
        tensor.file,
        tensor.at ?? 0,
        `tensor '${tensor.name.length > 80 ? `${tensor.name.slice(0, 80)}...` : tensor.name}' is nested ${path.length - 1} modules deep, more than the ${MAX_MODULE_DEPTH} a spec holds`,
        "real models nest a dozen modules at most: is this a damaged or generated checkpoint?",
      );
    }
    const long = path.find((segment) => segment.length > MAX_NAME_LENGTH);
    if (long !== undefined) {
      throw new FileFormatError(
        "checkpoint-not-a-spec",
        tensor.file,
        tensor.at ?? 0,
        `tensor '${tensor.name.slice(0, 80)}...' has a name part of ${long.length} characters, more than the ${MAX_NAME_LENGTH} a spec name may have`,
        "is this a damaged or generated checkpoint?",
      );
    }
    const leaf = path.pop()!;
    const node = path.reduce((parent, segment, index) => {
      if (parent.tensors.has(segment)) throw clash(path.slice(0, index + 1).join("."));
      let child = parent.children.get(segment);
      if (!child) parent.children.set(segment, (child = moduleNode()));
      return child;
    }, root);
    if (node.children.has(leaf)) throw clash(tensor.name);
    node.tensors.set(leaf, tensor);
  }
  return root;
}

/** Children in the order first seen, except that numbered ones (h.2, h.10) take their numeric order among themselves. */
function ordered(children: Map<string, ModuleNode>): [string, ModuleNode][] {
  const entries = [...children];
  const numbered = entries.filter(([name]) => isIndex(name)).sort(([a], [b]) => Number(a) - Number(b));
  let next = 0;
  return entries.map((entry) => (isIndex(entry[0]) ? numbered[next++]! : entry));
}

/** Every tensor below `node`, named relative to it: what a layer there must hold. */
function flatten(node: ModuleNode, prefix = ""): Map<string, CheckpointTensor> {
  const all = new Map<string, CheckpointTensor>();
  for (const [name, tensor] of node.tensors) all.set(prefix + name, tensor);
  for (const [name, child] of node.children) for (const [inner, tensor] of flatten(child, `${prefix}${name}.`)) all.set(inner, tensor);
  return all;
}

/** `dtype=torch.X` when the tensors agree on a type torch has; a layer has one dtype for all its tensors. */
function dtypeArgument(tensors: Map<string, CheckpointTensor>): string {
  const dtypes = new Set([...tensors.values()].map((tensor) => tensor.dtype));
  const [dtype] = dtypes;
  return dtypes.size === 1 && isTorchDtype(dtype!) ? `, dtype=torch.${dtype}` : "";
}

/** Calls whose tensors these might be, likeliest first, from names and shapes; each is checked before it is used. */
function candidates(name: string, tensors: Map<string, CheckpointTensor>, convDims: number): string[] {
  const shape = (key: string) => tensors.get(key)?.shape;
  const noBias = tensors.has("bias") ? "" : ", bias=False";
  const attentionOut = shape("out_proj.weight");
  if (attentionOut) {
    const [embed] = attentionOut;
    const separate = shape("k_proj_weight") && shape("v_proj_weight") ? `, kdim=${shape("k_proj_weight")![1]}, vdim=${shape("v_proj_weight")![1]}` : "";
    return [`MultiheadAttention(${embed}, 1${tensors.has("in_proj_bias") ? "" : ", bias=False"}${tensors.has("bias_k") ? ", add_bias_kv=True" : ""}${separate})`];
  }
  if (shape("running_mean")) {
    const [features] = shape("running_mean")!;
    return [`BatchNorm${convDims}d(${features}${tensors.has("weight") ? "" : ", affine=False"})`];
  }
  const weight = shape("weight");
  if (!weight) return [];
  if (weight.length === 1) return [tensors.has("bias") ? `LayerNorm(${weight[0]})` : `RMSNorm(${weight[0]})`];
  if (weight.length === 2) {
    const [rows, columns] = weight;
    const embedding = `Embedding(${rows}, ${columns})`;
    const linear = `Linear(${columns}, ${rows}${noBias})`;
    return EMBEDDING_NAME.test(name) && !tensors.has("bias") ? [embedding, linear] : [linear];
  }
  if (weight.length <= 5) {
    // groups=1: a depthwise Conv2d(1, C, 3) holds exactly what Conv2d(C, C, 3, groups=C) holds.
    const [out, inner, ...kernel] = weight;
    return [`Conv${weight.length - 2}d(${inner}, ${out}, kernel_size=(${kernel.join(", ")})${noBias})`];
  }
  return [];
}

/** The first candidate whose tensors, as the catalogue lists them, are exactly these: names and shapes. */
function recognise(name: string, node: ModuleNode, convDims: number, file: string): SpecNode | undefined {
  const tensors = flatten(node);
  const extraModules = [...node.children.keys()].filter((child) => child !== "out_proj");
  if (extraModules.length) return undefined;
  for (const candidate of candidates(name, tensors, convDims)) {
    const call = candidate.replace(/\)$/, `${dtypeArgument(tensors)})`);
    let described;
    try {
      described = describeCall(call, () => ({ file, line: 1, col: 1 }));
    } catch {
      continue;
    }
    const listed = [...described.parameters, ...described.buffers];
    if (listed.length === tensors.size && listed.every((tensor) => tensors.has(tensor.name) && sameShape(tensors.get(tensor.name)!.shape, tensor.shape))) {
      // Heads split in_proj_weight's rows, not its size: a checkpoint cannot tell them.
      return call.startsWith("MultiheadAttention")
        ? { kind: "layer", call, comment: "num_heads=1: the checkpoint does not tell it, and the count does not depend on it" }
        : { kind: "layer", call };
    }
  }
  return undefined;
}

function tensorEntry(name: string, tensor: CheckpointTensor): SpecNode {
  const kind = canBeParameter(tensor.dtype) && !BUFFER_NAMES.has(name) ? "Parameter" : "Buffer";
  return { kind: "layer", call: `${kind}(${tensor.shape.join(", ")})`, comment: tensor.dtype };
}

/** A module's entries: its own tensors first, as named_parameters() lists them, then its children. */
function entries(node: ModuleNode, convDims: number, file: string): SpecChild[] {
  const own: SpecChild[] = [...node.tensors].map(([name, tensor]) => ({ name, count: 1, node: tensorEntry(name, tensor) }));
  const children: SpecChild[] = ordered(node.children).map(([name, child]) => ({
    name,
    count: 1,
    node: recognise(name, child, convDims, file) ?? { kind: "module", children: entries(child, convDims, file) },
  }));
  return [...own, ...children];
}

/** BatchNorm's dimensions do not show in its tensors; the convolutions beside it tell them, 1 without any. */
function convolutionDims(checkpoint: Checkpoint): number {
  const ranks = new Map<number, number>();
  for (const tensor of checkpoint.tensors) {
    if (tensor.name.endsWith("weight") && tensor.shape.length >= 3 && tensor.shape.length <= 5) ranks.set(tensor.shape.length, (ranks.get(tensor.shape.length) ?? 0) + 1);
  }
  const [rank] = [...ranks].sort((a, b) => b[1] - a[1])[0] ?? [3];
  return rank - 2;
}

/** Turns a checkpoint's tensors into a spec: modules from the dotted names, layers recognised from names and shapes. */
export function importCheckpoint(checkpoint: Checkpoint, model: string): ImportedSpec {
  // The root is never a layer: its own tensors are Parameter entries, so their names stay the checkpoint's.
  const layers = entries(tree(checkpoint), convolutionDims(checkpoint), checkpoint.file);
  const notes = [
    `Generated by model-budget import ${checkpoint.format} from ${checkpoint.file.split("/").at(-1)}: the tensors its header lists,`,
    "grouped into modules by their dotted names. Layers are recognised from names and shapes; what shapes leave open",
    "is chosen to count the same: Conv groups=1, BatchNorm's dimensions, RMSNorm for a lone 1-D weight, Embedding or",
    "Linear(bias=False) for a 2-D one, MultiheadAttention's num_heads=1. Other tensors are Parameter entries, except",
    "integer and bool ones and running statistics, which are Buffer entries. A tied weight is stored once: its second",
    "module is missing here; add it and a tie: to match the model's structure.",
  ];
  return { model, notes, layers };
}
