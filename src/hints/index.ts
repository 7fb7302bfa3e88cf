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
 * The review hints of one analysed model, in source order, but those the spec's `lint: {ignore}`
 * keys turn off for every layer the hint is about. Each rule reads the spec's entries and tree once:
 * the cost grows with the spec, not the model.
 */
export function lintModel(context: HintContext): Hint[] {
  const ignored = (hint: Hint) => hint.layers.length > 0 && hint.layers.every((layer) => context.resolved.layers[layer]!.lintIgnore?.includes(hint.name));
  return HINT_RULES.flatMap((rule) => rule(context))
    .filter((hint) => !ignored(hint))
    .sort((a, b) => a.position.file.localeCompare(b.position.file) || a.position.line - b.position.line || a.position.col - b.position.col || a.code.localeCompare(b.code));
}
