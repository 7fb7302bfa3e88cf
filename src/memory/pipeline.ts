import type { LayerCount } from "../count/index.js";
import { SpecError, type SourcePosition } from "../diagnostics/index.js";
import type { CallRecord, ShapeReport } from "../shapes/index.js";
import { pathSegments, runOf } from "./tensor-plan.js";

/**
 * Pipeline stages over the repeated blocks (Narayanan et al. 2021): the blocks split evenly over pp
 * stages, as Megatron-LM requires (num_layers % pipeline_model_parallel_size == 0); layers before
 * the blocks (the embedding) on the first stage, layers after them (final norm, head) on the last.
 */
export interface PipelineGroup {
  /** The path segments up to the run: `model`, `layers`. */
  prefix: string[];
  from: number;
  blocks: number;
  /** Index of the first layer entry inside the blocks. */
  firstLayer: number;
}

/** The repeated blocks the pipeline splits: the one outermost run of repeated modules in the spec. */
export function pipelineGroup(layers: readonly LayerCount[], pp: number, position: SourcePosition): PipelineGroup | undefined {
  const groups = new Map<string, PipelineGroup>();
  layers.forEach((layer, index) => {
    const segments = pathSegments(layer.path);
    const at = segments.findIndex((segment) => runOf(segment) !== undefined);
    if (at < 0) return;
    const run = runOf(segments[at]!)!;
    const key = segments.slice(0, at + 1).join(".");
    if (!groups.has(key)) groups.set(key, { prefix: segments.slice(0, at), from: run.from, blocks: run.to - run.from + 1, firstLayer: index });
  });
  if (pp === 1) return groups.size === 1 ? [...groups.values()][0] : undefined;
  const found = [...groups.entries()];
  if (found.length !== 1)
    throw new SpecError(
      "invalid-parallel-layout",
      position,
      found.length === 0
        ? `pipeline parallelism splits repeated blocks over its stages, and this spec repeats none`
        : `pipeline parallelism splits one run of repeated blocks, and this spec has ${found.length}: ${found.map(([key]) => key).join(", ")}`,
      found.length === 0 ? "write the blocks with repeat:, or drop pp" : "give pp 1, or describe one stack of blocks",
    );
  const group = found[0]![1];
  if (group.blocks % pp !== 0)
    throw new SpecError(
      "invalid-parallel-layout",
      position,
      `pp = ${pp} does not divide the ${group.blocks} blocks of ${found[0]![0]} into equal stages`,
      `use a pp that divides ${group.blocks}, as Megatron-LM requires`,
    );
  return group;
}

/** Whether a layer entry lies inside the group's blocks. */
export function inGroup(layer: LayerCount, group: PipelineGroup): boolean {
  const segments = pathSegments(layer.path);
  return segments.length > group.prefix.length && group.prefix.every((segment, index) => segments[index] === segment) && runOf(segments[group.prefix.length]!) !== undefined;
}

/** Instances of a layer entry on `stage`: its share of the blocks there, or all of it on the first or last stage. */
export function instancesOnStage(layer: LayerCount, index: number, stage: number, pp: number, group: PipelineGroup | undefined): number {
  if (pp === 1) return layer.count;
  if (group && inGroup(layer, group)) return layer.count / pp;
  const before = group !== undefined && index < group.firstLayer;
  return stage === (before ? 0 : pp - 1) ? layer.count : 0;
}

/** The stage a block index falls on. */
function stageOfBlock(block: number, group: PipelineGroup, pp: number): number {
  return Math.floor((block - group.from) / (group.blocks / pp));
}

/**
 * How tensor parallelism splits what each call keeps: by `tp` for every call under sequence
 * parallelism; without it, only inside the tensor-parallel regions (Korthikanti et al. 2022, §4.2.2):
 * from a column-parallel layer, whose own saved input is whole, to the row-parallel layer that ends
 * the region, whose saved input is split. Layer norms, dropouts after the all-reduce and the inputs of
 * column-parallel layers stay whole: the 10sbh of sbh(10 + 24/t + 5as/(ht)).
 */
export interface TensorSplitOfCalls {
  tp: number;
  sequenceParallel: boolean;
  /** A call's style: `opens` a region (colwise), `closes` it (rowwise), or neither. */
  role(call: CallRecord): "opens" | "closes" | undefined;
}

function callDivisors(calls: readonly CallRecord[], split: TensorSplitOfCalls): number[] {
  if (split.sequenceParallel || split.tp === 1) return calls.map(() => split.tp);
  let open = false;
  return calls.map((call) => {
    const role = split.role(call);
    if (role === "opens") {
      open = true;
      return 1;
    }
    if (role === "closes") {
      open = false;
      return split.tp;
    }
    return open ? split.tp : 1;
  });
}

/**
 * Bytes autograd keeps on each stage's GPU for one micro-batch, tensor parallelism applied, from the
 * shape pass's calls: a call inside the blocks on the stages of its instances, one before the first
 * block on the first stage, one after on the last. Full checkpointing keeps each block's input and,
 * while recomputing, one block's bytes.
 */
export function stageActivations(shapes: ShapeReport, pp: number, group: PipelineGroup | undefined, split: TensorSplitOfCalls): number[] {
  const inputDivisor = split.sequenceParallel ? split.tp : 1;
  if (!group || (pp === 1 && shapes.checkpointing === "full" && !blockInputs(shapes, group.blocks))) return [Math.ceil(shapes.totals.activations / inputDivisor)];
  const divisors = callDivisors(shapes.calls, split);
  const depth = group.prefix.length;
  const perBlock = new Array<number>(group.blocks).fill(0);
  const outside = new Array<number>(pp).fill(0);
  let seenBlock = false;
  shapes.calls.forEach((call, index) => {
    const kept = (shapes.checkpointing === "selective" ? call.savedBytes - call.attentionBytes : call.savedBytes) / divisors[index]!;
    const range = blockRange(call, group, depth);
    if (!range) {
      outside[seenBlock ? pp - 1 : 0]! += kept;
      return;
    }
    seenBlock = true;
    const share = kept / (range.to - range.from + 1);
    for (let block = range.from; block <= range.to; block++) perBlock[block - group.from]! += share;
  });
  const inputs = blockInputs(shapes, group.blocks);
  const onStage = <T>(values: readonly T[], stage: number) => values.filter((_, block) => stageOfBlock(block + group.from, group, pp) === stage);
  return outside.map((bytes, stage) => {
    const mine = onStage(perBlock, stage);
    const kept =
      shapes.checkpointing === "full" && inputs
        ? onStage(inputs, stage).reduce((sum, value) => sum + value / inputDivisor, 0) + Math.max(0, ...mine)
        : mine.reduce((sum, value) => sum + value, 0);
    return Math.ceil(bytes + kept);
  });
}

function blockRange(call: CallRecord, group: PipelineGroup, depth: number): { from: number; to: number } | undefined {
  if (call.segments.length <= depth || !group.prefix.every((segment, index) => call.segments[index] === segment)) return undefined;
  const segment = call.segments[depth]!;
  if (typeof segment === "number") return { from: segment, to: segment };
  return typeof segment === "object" ? segment : undefined;
}

/** Each block's input bytes, for full checkpointing; undefined when the shape pass recorded no repeated module for them. */
function blockInputs(shapes: ShapeReport, blocks: number): number[] | undefined {
  const inputs = shapes.blocks.flatMap((block) => new Array<number>(block.instances).fill(block.inputBytes));
  return inputs.length === blocks ? inputs : undefined;
}
