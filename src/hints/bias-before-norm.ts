import { formatInteger } from "../count/index.js";
import type { ForwardStep, ModuleNode, TreeNode } from "../resolve/index.js";
import { argumentsOf, atLayer, bytesOf, callsByName, mainPath, makeHint, modulesOf } from "./model.js";
import type { Hint, HintContext } from "./types.js";

const CONVOLUTION = /^(Conv|ConvTranspose)([123])d$/;
/** Norms that subtract each channel's own mean over the batch (BatchNorm) or over the positions (InstanceNorm). */
const PER_CHANNEL = /^(BatchNorm[123]d|SyncBatchNorm|InstanceNorm[123]d)$/;

/**
 * Whether `norm` subtracts a mean over which the layer's per-channel bias is constant, so that the bias
 * cancels exactly (mean and variance alike): a convolution's channels under BatchNorm, SyncBatchNorm,
 * InstanceNorm, GroupNorm with one channel per group, or a LayerNorm over spatial dimensions only; a
 * Linear's features only under BatchNorm1d of a (batch, features) output. A LayerNorm over a Linear's
 * features does not cancel its bias: the bias differs across the features it normalizes.
 */
function cancelsBias(context: HintContext, layer: number, norm: number): boolean {
  const [producer, consumer] = [context.resolved.layers[layer]!, context.resolved.layers[norm]!];
  const type = consumer.call.type;
  const args = argumentsOf(consumer);
  const convolution = CONVOLUTION.exec(producer.call.type);
  if (convolution) {
    const dims = Number(convolution[2]);
    if (PER_CHANNEL.test(type)) return true;
    if (type === "GroupNorm") return args.int("num_groups") === args.int("num_channels");
    return type === "LayerNorm" && args.ints("normalized_shape").length <= dims;
  }
  // A Linear's features are its output's last dimension; BatchNorm1d normalizes dimension 1: the same one only in 2-D.
  const shape = context.shapes?.layers[layer]?.outputShape;
  return producer.call.type === "Linear" && /^(BatchNorm1d|SyncBatchNorm)$/.test(type) && shape?.length === 2;
}

type Leaf = TreeNode & { kind: "leaf" };

/** Each name's only child when that child is a leaf (undefined for a name two children share): looked up once per module, not per step. */
function leavesByName(module: ModuleNode): Map<string, Leaf | undefined> {
  const leaves = new Map<string, Leaf | undefined>();
  for (const child of module.children) leaves.set(child.name, leaves.has(child.name) || child.kind !== "leaf" ? undefined : child);
  return leaves;
}

/** The leaf a step calls, when it calls exactly one child that is a leaf. */
function leafOf(leaves: Map<string, Leaf | undefined>, step: ForwardStep | undefined): Leaf | undefined {
  return step?.kind === "child" ? leaves.get(step.name) : undefined;
}

/** Consecutive steps of one module (its main path, its residual's `then`) where a biased layer feeds only a norm. */
function pairsIn(module: ModuleNode): [number, number][] {
  const calls = callsByName(module);
  const leaves = leavesByName(module);
  const runs = [mainPath(module), module.topology.residual?.then ?? []];
  // Branches run every step on the module's input: no step feeds the next.
  if (module.topology.branches) return [];
  return runs.flatMap((steps) =>
    steps.flatMap((step, i): [number, number][] => {
      const [first, second] = [leafOf(leaves, step), leafOf(leaves, steps[i + 1])];
      // A repeated layer feeds its own next instance, and a layer called twice feeds two consumers.
      if (!first || !second || first.instances !== 1 || calls.get(first.name) !== 1) return [];
      return [[first.layer, second.layer]];
    }),
  );
}

export function biasBeforeNorm(context: HintContext): Hint[] {
  return modulesOf(context.resolved.tree).flatMap(({ node }) =>
    pairsIn(node).flatMap(([layer, norm]) => {
      const counted = context.count.layers[layer]!;
      const bias = counted.parameters.find((tensor) => tensor.name === "bias" && tensor.sharedWith === undefined);
      if (!bias || !cancelsBias(context, layer, norm)) return [];
      const normEntry = context.resolved.layers[norm]!;
      const params = bias.numel * counted.count;
      const perInstance = counted.count > 1 ? ` (${bias.numel} in each of ${counted.count} instances)` : "";
      return [
        makeHint(
          "bias-before-norm",
          { ...atLayer(context, layer), layers: [layer, norm] },
          `${counted.path}'s bias of ${formatInteger(params)} parameters${perInstance} is cancelled by ${normEntry.path} (${normEntry.call.type}), which subtracts each channel's mean`,
          { params, bytes: bytesOf(context, layer, "bias", bias.numel) * counted.count },
        ),
      ];
    }),
  );
}
