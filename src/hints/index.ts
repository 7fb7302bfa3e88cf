import { attentionHeadSize } from "./attention-head-size.js";
import { biasBeforeNorm } from "./bias-before-norm.js";
import { deadWeights } from "./dead-weights.js";
import { loneFrozenLayer } from "./lone-frozen-layer.js";
import { noOpLayer } from "./no-op-layer.js";
import type { Hint, HintContext, HintRule } from "./types.js";
import { unalignedDimension } from "./unaligned-dimension.js";
import { untiedEmbedding } from "./untied-embedding.js";

export type { Hint, HintContext, HintRule, Saving } from "./types.js";

/** Every review hint's rule, one file each, in code order (docs/lint.md lists them). */
export const HINT_RULES: readonly HintRule[] = [biasBeforeNorm, unalignedDimension, untiedEmbedding, attentionHeadSize, deadWeights, loneFrozenLayer, noOpLayer];

/**
 * One hint per kind and source position: a block or an included file written once and used in many
 * places gets one hint there, its saving summed over every use, not one per use.
 */
function mergeSamePlace(hints: readonly Hint[]): Hint[] {
  const byPlace = new Map<string, Hint>();
  for (const hint of hints) {
    const key = `${hint.code} ${hint.position.file}:${hint.position.line}:${hint.position.col}`;
    const first = byPlace.get(key);
    if (!first) byPlace.set(key, { ...hint, saves: { ...hint.saves }, layers: [...hint.layers] });
    else {
      first.saves.params += hint.saves.params;
      first.saves.bytes += hint.saves.bytes;
      first.layers.push(...hint.layers);
      first.uses = (first.uses ?? 1) + 1;
    }
  }
  return [...byPlace.values()].map((hint) => (hint.uses ? { ...hint, message: `${hint.message} (and ${hint.uses - 1} more uses of this line, all in the saving)` } : hint));
}

/**
 * The review hints of one analysed model, in source order, but those the spec's `lint: {ignore}`
 * keys turn off for the layer the hint is written at. Each rule reads the spec's entries and tree once:
 * the cost grows with the spec, not the model.
 */
export function lintModel(context: HintContext): Hint[] {
  // The entry a hint is written at decides: its own lint: key, its modules' and the spec's top.
  const ignored = (hint: Hint) => hint.layers.length > 0 && context.resolved.layers[hint.layers[0]!]!.lintIgnore?.includes(hint.name) === true;
  return mergeSamePlace(HINT_RULES.flatMap((rule) => rule(context)).filter((hint) => !ignored(hint))).sort(
    (a, b) => a.position.file.localeCompare(b.position.file) || a.position.line - b.position.line || a.position.col - b.position.col || a.code.localeCompare(b.code),
  );
}
