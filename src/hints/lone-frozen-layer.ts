import { formatInteger } from "../count/index.js";
import { atLayer, makeHint } from "./model.js";
import type { Hint, HintContext } from "./types.js";

/**
 * One layer entry with parameters, all frozen, among others that all train: freezing a backbone or an
 * embedding freezes several entries or a whole module, and a single stray `frozen: true` is often a
 * leftover. Entries with some tensors frozen (`frozen: [bias]`) are a choice, not hinted.
 */
export function loneFrozenLayer(context: HintContext): Hint[] {
  const holding = context.count.layers.flatMap((layer, index) => (layer.params > 0 ? [index] : []));
  const frozen = holding.filter((index) => context.count.layers[index]!.trainable === 0);
  const partly = holding.some((index) => {
    const layer = context.count.layers[index]!;
    return layer.trainable > 0 && layer.trainable < layer.params;
  });
  if (frozen.length !== 1 || holding.length < 3 || partly) return [];
  const layer = context.count.layers[frozen[0]!]!;
  return [
    makeHint(
      "lone-frozen-layer",
      atLayer(context, frozen[0]!),
      `${layer.path} is the only frozen layer: its ${formatInteger(layer.params * layer.count)} parameters get no gradient while the model's other ${formatInteger(context.count.totals.trainable)} train`,
      { params: 0, bytes: 0 },
    ),
  ];
}
