import type { ResolvedAccelerator } from "./accelerators.js";
import type { DiagnosticName, SourcePosition, SpecError } from "../diagnostics/index.js";
import type { EvaluatedCall, Value } from "../parse/values.js";
import type { Origins } from "./origins.js";
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
  /** Set inside a repeat with `top_k:` (routed experts): each token uses `topK` of its `experts` instances. */
  routed?: Routing;
  /** The review hints (by name) the spec's top, the enclosing modules' and the entry's `lint: {ignore}` turn off; absent when none. */
  lintIgnore?: readonly DiagnosticName[];
  position: SourcePosition;
  /** The places that shaped the entry: its call, the variables it read, the enclosing entries. */
  origins: Origins;
}

/** A repeat with `top_k:`: routed experts, of which each token uses `topK`. */
export interface Routing {
  topK: number;
  experts: number;
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
  attention?: Located<string>;
  mainGrads?: Located<string>;
  parallel?: ResolvedParallel;
}

/** The `training.parallel:` section: degrees evaluated with the vars, the plan's patterns and styles as written. */
export interface ResolvedParallel {
  tp?: Located<number>;
  pp?: Located<number>;
  ep?: Located<number>;
  cp?: Located<number>;
  /** Module-path pattern → style, in the order written; the style's position for unknown ones. */
  plan?: Located<{ pattern: Located<string>; style: Located<string> }[]>;
  experts?: Located<string>;
}

/** The spec's `serving:` section, evaluated with its vars; unset keys are absent. */
export interface ResolvedServing {
  context?: Located<number>;
  batch?: Located<number>;
  dtype?: DtypeSetting;
  kvDtype?: DtypeSetting;
  attention?: Located<string>;
  kvWindow?: Located<string>;
  logits?: Located<string>;
  overhead?: Located<number>;
  /** config.max_position_embeddings, for fits. */
  trainedContext?: Located<number>;
  /** Accelerators fits --gpu may name beside its table's. */
  accelerators?: ResolvedAccelerator[];
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
  /** The entry's own `top_k:`: its instances are routed experts, which only a moe() step may call. */
  routing?: Routing;
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
  /** Named children its `if:` (or `repeat: 0`) left out here: None in PyTorch, so a forward's call to one passes its tensor through. */
  absent?: string[];
}

export type TreeNode = LeafNode | ModuleNode;

/** The spec's `input:`: a per-sample shape, or token ids of a sequence length. */
/**
 * A float tensor of a shape (which requires grad only when said: `{shape: [...], requires_grad: true}`, a
 * trainable upstream's output), a sequence of token ids, or int64 ids of a shape (a class label: `{ids: []}`); each per sample.
 */
export type ResolvedInput = Located<{ kind: "tensor"; shape: number[]; requiresGrad?: true } | { kind: "tokens"; length: number } | { kind: "ids"; shape: number[] }>;

/** One of several named inputs (`input: {src: {tokens: 512}, tgt: {tokens: 128}}`). */
export type NamedInput = ResolvedInput & { name: string };

export interface ResolvedModel {
  model: string;
  file: string;
  layers: ResolvedLayer[];
  /** The root module: the spec's layers with their topology. */
  tree: ModuleNode;
  /** The input, or the first of several. */
  input?: ResolvedInput;
  /** Several named inputs, in the order written: the root's forward arguments. */
  inputs?: NamedInput[];
  ties: ResolvedTie[];
  training?: ResolvedTraining;
  /** The spec's `adapters:` section, evaluated: at most one adapter. */
  adapter?: ResolvedAdapter;
  /** What the user should know about a result that is exact but partial (a config.json whose forward is not followed). */
  warnings?: SpecError[];
  serving?: ResolvedServing;
}

/** A PEFT adapter config as the spec writes it: its name, the config call, and the patterns only YAML can write. */
export interface ResolvedAdapter {
  name: string;
  config: EvaluatedCall;
  patterns: { rank: PatternEntry[]; alpha: PatternEntry[] };
}

/** One `rank_pattern` or `alpha_pattern` item: a module-name pattern and its value. */
export interface PatternEntry {
  pattern: string;
  value: number;
  position: SourcePosition;
}

/** Told what a long piece of work is doing (`resolving: 12,000 layer entries`), for a progress line. */
export type OnStep = (step: string) => void;

/**
 * Reads a spec file by path; throws when it does not exist. The CLI reads disk, the action reads git.
 * For an included file `include` names the top-level spec: the edges keep includes inside its repository.
 */
export type ReadFile = (file: string, include?: { spec: string }) => string;
