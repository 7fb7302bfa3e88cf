import type { SourcePosition } from "../diagnostics/index.js";
import type { EvaluatedCall, Value } from "../parse/values.js";
import type { Topology } from "./topology.js";

/** One step of a module path: a child's name, one index, or a run of indices from `repeat`. */
export type PathSegment = string | number | { from: number; to: number };

/**
 * One layer entry of the spec with everything symbolic resolved. A repeated entry stays one
 * entry with a `count`, so work grows with the spec, not with the model.
 */
export interface ResolvedLayer {
  /** `h.[0-11].c_fc`. */
  path: string;
  segments: PathSegment[];
  /** How many module instances this entry stands for. */
  count: number;
  call: EvaluatedCall;
  frozen: boolean;
  /** Tensors of the layer a `frozen:` list names (when `frozen` is false): `bias`, `out_proj.weight`. */
  frozenTensors: FrozenTensor[];
  /** The `dtype:` keys of the modules around the entry and of the entry itself, outermost first. */
  dtypes: DtypeSetting[];
  position: SourcePosition;
}

/** One name of a `frozen:` list, as it applies to one layer entry. */
export interface FrozenTensor {
  /** The tensor's name in the layer. */
  name: string;
  /** The list item as written, and where. */
  text: string;
  position: SourcePosition;
  /** Reached through a `*`: an entry without this tensor is passed over. */
  glob: boolean;
}

/** A setting as written, with where: the memory stage gives it its meaning. */
export interface Located<T> {
  value: T;
  position: SourcePosition;
}

/** A `dtype:` key, `training.dtype` or a call's `dtype=` argument: `bfloat16`, `torch.float16`, `nf4(block_size=64)`. */
export type DtypeSetting = Located<Value>;

/** The spec's `training:` section, evaluated with its vars; unset keys are absent. */
export interface ResolvedTraining {
  optimizer?: EvaluatedCall;
  precision?: Located<string>;
  gpus?: Located<number>;
  zero?: Located<number>;
  dtype?: DtypeSetting;
  batch?: Located<number>;
  checkpointing?: Located<string>;
}

/** The spec's `serving:` section, evaluated with its vars; unset keys are absent. */
export interface ResolvedServing {
  context?: Located<number>;
  batch?: Located<number>;
  dtype?: DtypeSetting;
  kvDtype?: DtypeSetting;
  attention?: Located<string>;
  kvWindow?: Located<string>;
  overhead?: Located<number>;
  /** config.max_position_embeddings, for fits. */
  trainedContext?: Located<number>;
}

/** A tensor of one layer entry named by a tie, with how many of the entry's instances it covers. */
export interface TensorReference {
  layer: number;
  tensor: string;
  instances: number;
  text: string;
  position: SourcePosition;
  /** Matched through a `*` that may cover entries without this tensor (a Sequential's activations): those are passed over. */
  glob?: boolean;
}

export interface ResolvedTie {
  parameter: TensorReference;
  owner: TensorReference;
}

/**
 * A child of a module as the spec writes it, kept beside the flat layer list for what needs the
 * model's structure (shape inference): a leaf names its entry in `layers`, a module its children.
 */
interface NodeBase {
  /** How the parent's `forward:` calls it: the entry's name, or its number when unnamed. */
  name: string;
  /** The entry's own path segments below its parent: `[name]`, `[name, {from, to}]` or `[{from, to}]`. */
  own: PathSegment[];
  /** Instances of the entry (its `repeat:`), run one after another. */
  instances: number;
  position: SourcePosition;
}

export interface LeafNode extends NodeBase {
  kind: "leaf";
  layer: number;
}

export interface ModuleNode extends NodeBase {
  kind: "module";
  children: TreeNode[];
  topology: Topology;
}

export type TreeNode = LeafNode | ModuleNode;

/** The spec's `input:`: a per-sample shape, or token ids of a sequence length. */
export type ResolvedInput = Located<{ kind: "tensor"; shape: number[] } | { kind: "tokens"; length: number }>;

export interface ResolvedModel {
  model: string;
  file: string;
  layers: ResolvedLayer[];
  /** The root module: the spec's layers with their topology. */
  tree: ModuleNode;
  input?: ResolvedInput;
  ties: ResolvedTie[];
  training?: ResolvedTraining;
  serving?: ResolvedServing;
}

/**
 * Reads a spec file by path; throws when it does not exist. The CLI reads disk, the action reads git.
 * For an included file `include` names the top-level spec: the edges keep includes inside its repository.
 */
export type ReadFile = (file: string, include?: { spec: string }) => string;
