import type { LayerCount, ModelCount } from "../count/index.js";
import { diagnostic, SpecError, type Diagnostic, type SourcePosition } from "../diagnostics/index.js";
export type { LayerPlacement, ParallelLayout, ParallelMemory, StageMemory } from "./parallel-types.js";
import type { CallRecord, ShapeReport } from "../shapes/index.js";
import { gatherBuffer, memoryOfLayers, sumTerms, termsFigures, withGather, type LayerMemory, type LayerShard, type MemoryBreakdown } from "./breakdown.js";
import { instancesOnStage, pipelineGroup, stageActivations, type PipelineGroup } from "./pipeline.js";
import type { Sourced, TrainingRecipe } from "./recipe.js";
import { perGpu } from "./sharding.js";
import { globRegExp, megatronStyle, planMatches, splitTensors, unevenSplits } from "./tensor-plan.js";
import type { LayerPlacement, ParallelLayout, ParallelMemory, StageMemory } from "./parallel-types.js";
import { figuresOf } from "./types.js";

export const DEFAULT_EXPERTS = "*.experts.*";

/** Whether the recipe asks for a parallel layout: any degree set, a plan or an experts pattern. */
export function hasLayout(recipe: TrainingRecipe): boolean {
  return [recipe.tp, recipe.pp, recipe.ep, recipe.cp, recipe.plan, recipe.experts].some((setting) => setting !== undefined);
}

const positionOf = (setting: Sourced<unknown> | undefined, fallback: SourcePosition): SourcePosition => setting?.position ?? fallback;

/** The layout's degrees, checked: tp × pp × cp divides the GPUs, and ep divides dp × cp, as Megatron Core requires. */
export function layoutOf(recipe: TrainingRecipe, file: string): ParallelLayout {
  const [tp, pp, ep, cp] = [recipe.tp, recipe.pp, recipe.ep, recipe.cp].map((setting) => setting?.value ?? 1) as [number, number, number, number];
  const gpus = recipe.gpus.value;
  const fallback = { file, line: 1, col: 1 };
  const replica = tp * pp * cp;
  if (gpus % replica !== 0)
    throw new SpecError(
      "invalid-parallel-layout",
      positionOf(recipe.gpus.position ? recipe.gpus : (recipe.tp ?? recipe.pp ?? recipe.cp), fallback),
      `${gpus} GPU${gpus === 1 ? "" : "s"} do not divide into data-parallel replicas of tp × pp × cp = ${tp} × ${pp} × ${cp} = ${replica}`,
      `give a multiple of ${replica} GPUs (data parallel = gpus / (tp × pp × cp))`,
    );
  const dp = gpus / replica;
  if ((dp * cp) % ep !== 0)
    throw new SpecError(
      "invalid-parallel-layout",
      positionOf(recipe.ep, fallback),
      `ep = ${ep} does not divide dp × cp = ${dp} × ${cp} = ${dp * cp}: expert parallelism splits the data-parallel group`,
      `use an ep that divides ${dp * cp}, or more GPUs`,
    );
  return { tp, pp, ep, cp, dp };
}

/** The placement of each layer entry, with warnings for what the default plan cannot place and plan entries that match nothing. */
function placeLayers(count: ModelCount, recipe: TrainingRecipe, layout: ParallelLayout, warnings: Diagnostic[]): LayerPlacement[] {
  const rules = recipe.plan?.value;
  const used = new Set<number>();
  const experts = globRegExp(recipe.experts?.value ?? DEFAULT_EXPERTS, true);
  let expertsMatched = false;
  const placements = count.layers.map((layer): LayerPlacement => {
    const ruleIndex = rules?.findIndex((rule) => planMatches(rule.pattern, layer.path)) ?? -1;
    if (ruleIndex >= 0) used.add(ruleIndex);
    const rule = rules?.[ruleIndex];
    const fallback = rules ? "replicate" : megatronStyle(layer);
    const style = rule?.style ?? fallback ?? "replicate";
    const by = rule ? "plan" : fallback ? "default" : "unplaced";
    if (by === "unplaced" && layout.tp > 1 && layer.params > 0)
      warnings.push(
        diagnostic(
          "unplaced-parallel-layer",
          layer.position,
          `the default tensor-parallel plan cannot place ${layer.path} (${layer.type}): counted whole on every one of the ${layout.tp} tp ranks`,
          "give training.parallel a plan: entry for it if your training splits it",
        ),
      );
    const splits = splitTensors(layer, style, layout.tp, rule?.position ?? layer.position);
    if (layout.tp > 1) warnings.push(...unevenSplits(layer, splits, layout.tp));
    const isExpert = experts.test(layer.path);
    expertsMatched ||= isExpert;
    return { path: layer.path, type: layer.type, style, by, splits, ...(isExpert ? { experts: expertShare(layer, layout.ep, warnings) } : {}) };
  });
  rules?.forEach((rule, index) => {
    if (!used.has(index))
      warnings.push(
        diagnostic("unmatched-plan-entry", rule.position, `the plan entry '${rule.pattern}' matches no layer`, "write it as the report's paths: * stands for one segment"),
      );
  });
  if (layout.ep > 1 && !expertsMatched) {
    const position = recipe.experts?.position ?? recipe.ep?.position ?? { file: count.file, line: 1, col: 1 };
    warnings.push(
      diagnostic(
        "unmatched-plan-entry",
        position,
        `ep = ${layout.ep}, and no layer matches the experts pattern '${recipe.experts?.value ?? DEFAULT_EXPERTS}'`,
        "set training.parallel.experts to a glob over the experts' paths",
      ),
    );
  }
  return placements;
}

/** Routed experts: the innermost run of the path numbers them, and each ep rank holds ⌈experts / ep⌉ of them. */
function expertShare(layer: LayerCount, ep: number, warnings: Diagnostic[]): { count: number; perRank: number } | undefined {
  const run = [...layer.path.matchAll(/\[(\d+)-(\d+)\]/g)].at(-1);
  if (!run) {
    warnings.push(
      diagnostic(
        "unmatched-plan-entry",
        layer.position,
        `${layer.path} matches the experts pattern, but is not repeated: ep cannot share it out, so every rank holds it`,
        "repeat the experts (repeat: 8), or narrow the pattern",
      ),
    );
    return undefined;
  }
  const count = Number(run[2]) - Number(run[1]) + 1;
  return { count, perRank: Math.ceil(count / ep) };
}

/** A layer entry's instances on one rank of a stage: experts cut to each rank's share. */
function instancesOnRank(layer: LayerCount, index: number, stage: number, layout: ParallelLayout, group: PipelineGroup | undefined, placement: LayerPlacement): number {
  const instances = instancesOnStage(layer, index, stage, layout.pp, group);
  const experts = placement.experts;
  return experts ? (instances / experts.count) * experts.perRank : instances;
}

/** Whether a call opens a tensor-parallel region (a column-split Linear), closes one (a row-split Linear), or neither. */
function regionRole(placements: readonly LayerPlacement[]): (call: CallRecord) => "opens" | "closes" | undefined {
  return (call) => {
    const placement = call.layer === undefined ? undefined : placements[call.layer];
    if (!placement || placement.splits.every((split) => split.dim === undefined)) return undefined;
    if (placement.style === "rowwise" && placement.type !== "Embedding") return "closes";
    if ((placement.style === "colwise" || placement.style === "vocab_parallel") && placement.type !== "Embedding") return "opens";
    return undefined;
  };
}

export interface LayoutInput {
  count: ModelCount;
  recipe: TrainingRecipe;
  shapes?: ShapeReport;
}

/**
 * Memory on each pipeline stage's worst GPU under tensor, pipeline, expert and context parallelism
 * with ZeRO over the data-parallel group. See docs/parallelism.md for the formulas and their sources.
 */
export function parallelMemory({ count, recipe, shapes }: LayoutInput): ParallelMemory {
  const layout = layoutOf(recipe, count.file);
  const warnings: Diagnostic[] = [];
  const placements = placeLayers(count, recipe, layout, warnings);
  const group = pipelineGroup(count.layers, layout.pp, positionOf(recipe.pp, { file: count.file, line: 1, col: 1 }));
  const shardOf = (index: number): LayerShard => ({ parameterShapes: placements[index]!.splits.map((split) => split.shape) });
  const layers = memoryOfLayers(count, recipe, shardOf);
  const untied = memoryOfLayers(count, recipe, (index) => ({ ...shardOf(index), untied: true }));
  const sequenceParallel = !recipe.plan || recipe.plan.value.some((rule) => rule.style === "sequence_parallel");
  const split = { tp: layout.tp, sequenceParallel, role: regionRole(placements) };
  const activations = shapes && recipe.optimizer ? stageActivations(shapes, layout.pp, group, split) : undefined;
  const zeroGroups = { dense: layout.dp * layout.cp, experts: (layout.dp * layout.cp) / layout.ep };
  const stages = Array.from({ length: layout.pp }, (_, stage) =>
    stageMemory({ count, recipe, layout, group, placements, layers, untied, zeroGroups, stage, activations: activations?.[stage] }),
  );
  const worst = stages.reduce((best, stage, index) => (stage.memory.total > stages[best]!.memory.total ? index : best), 0);
  return {
    layout,
    plan: recipe.plan ? "spec" : "default",
    sequenceParallel,
    placements,
    stages,
    worst,
    paramsPerGpu: Math.max(...stages.map((stage) => stage.params)),
    zeroGroups,
    warnings,
  };
}

interface StageInput {
  count: ModelCount;
  recipe: TrainingRecipe;
  layout: ParallelLayout;
  group: PipelineGroup | undefined;
  placements: LayerPlacement[];
  layers: LayerMemory[];
  untied: LayerMemory[];
  zeroGroups: { dense: number; experts: number };
  stage: number;
  activations: number | undefined;
}

/** A tied tensor whose owner sits on another stage: that stage keeps its own copy, as Megatron keeps the word embeddings on the last stage. */
function tiedApart(count: ModelCount, index: number, stage: number, input: StageInput): boolean {
  const layer = count.layers[index]!;
  return layer.parameters.some((tensor) => {
    if (tensor.sharedWith === undefined) return false;
    const owner = count.layers.findIndex((candidate) => tensor.sharedWith!.startsWith(`${candidate.path}.`) || tensor.sharedWith === candidate.path);
    return owner >= 0 && instancesOnStage(count.layers[owner]!, owner, stage, input.layout.pp, input.group) === 0;
  });
}

function stageMemory(input: StageInput): StageMemory {
  const { count, recipe, layout, group, placements, stage } = input;
  const times = (index: number) => instancesOnRank(count.layers[index]!, index, stage, layout, group, placements[index]!);
  const apart = count.layers.map((_, index) => times(index) > 0 && tiedApart(count, index, stage, input));
  const memoryOf = (index: number) => (apart[index] ? input.untied[index]! : input.layers[index]!);
  const isExpert = (index: number) => placements[index]!.experts !== undefined;
  const chosen = count.layers.map((_, index) => memoryOf(index));
  const dense = termsFigures(
    sumTerms(chosen, (index) => (isExpert(index) ? 0 : times(index))),
    count,
  );
  const experts = termsFigures(
    sumTerms(chosen, (index) => (isExpert(index) ? times(index) : 0)),
    count,
  );
  const zero = recipe.zero.value;
  const sharded = [perGpu(dense, input.zeroGroups.dense, zero), perGpu(experts, input.zeroGroups.experts, zero)];
  const microbatches = layout.pp - stage;
  const activations = input.activations === undefined ? 0 : Math.ceil((input.activations * microbatches) / layout.cp);
  const summed = figuresOf((category) => sharded[0]![category] + sharded[1]![category] + (category === "activations" ? activations : 0));
  const gather = zero === 3 && input.zeroGroups.dense > 1 ? gatherBuffer(chosen, count, (index) => times(index) > 0) : undefined;
  const params = count.layers.reduce((sum, layer, index) => sum + times(index) * paramsOfShard(layer, placements[index]!, apart[index]!), 0);
  const blocks: [number, number] | undefined = group ? [group.from + (stage * group.blocks) / layout.pp, group.from + ((stage + 1) * group.blocks) / layout.pp - 1] : undefined;
  const perMicrobatch = input.activations === undefined ? {} : { activationsPerMicrobatch: input.activations };
  return { stage, ...(blocks ? { blocks } : {}), microbatches, ...perMicrobatch, params, memory: withGather(summed, gather), ...(gather?.layer ? { gather } : {}) };
}

/** The memory with the layout's figures: the stages, and the worst rank as the per-GPU figures the budget limits. */
export function withLayout(memory: MemoryBreakdown, input: LayoutInput): MemoryBreakdown {
  if (!hasLayout(input.recipe)) return memory;
  const parallel = parallelMemory(input);
  // The stages carry their own gather buffers; the whole-model one does not apply under the layout.
  const rest = { ...memory };
  delete rest.gather;
  return { ...rest, parallel, perGpu: parallel.stages[parallel.worst]!.memory };
}

/** Parameters of one instance on one rank: each tensor's split, tied ones only where the stage keeps its own copy. */
function paramsOfShard(layer: LayerCount, placement: LayerPlacement, untied: boolean): number {
  return layer.parameters.reduce(
    (sum, tensor, index) => (tensor.sharedWith !== undefined && !untied ? sum : sum + placement.splits[index]!.shape.reduce((product, size) => product * size, 1)),
    0,
  );
}
