import { formatInteger } from "../count/index.js";
import { argumentsOf, atLayer, bytesOf, makeHint } from "./model.js";
import type { Hint, HintContext } from "./types.js";

/** A layer's weight, when it owns it (not tied to another tensor). */
function ownWeight(context: HintContext, layer: number) {
  return context.count.layers[layer]!.parameters.find((tensor) => tensor.name === "weight" && tensor.sharedWith === undefined);
}

/**
 * An Embedding(V, d) and a Linear(d, V) whose weights have the same [V, d] shape and are not tied: tying
 * them (as GPT-2 does) saves V × d parameters. A square one (V = d) is no vocabulary and head, and a
 * repeated entry is no single pair: neither is hinted.
 */
export function untiedEmbedding(context: HintContext): Hint[] {
  const single = (type: string) => context.resolved.layers.flatMap((entry, layer) => (entry.call.type === type && entry.count === 1 && ownWeight(context, layer) ? [layer] : []));
  const heads = single("Linear");
  return single("Embedding").flatMap((embedding) => {
    const [vocabulary, width] = ownWeight(context, embedding)!.shape as [number, number];
    if (vocabulary === width) return [];
    const head = heads.find((layer) => {
      const args = argumentsOf(context.resolved.layers[layer]!);
      return args.int("out_features") === vocabulary && args.int("in_features") === width;
    });
    if (head === undefined) return [];
    const [headPath, embeddingPath] = [context.resolved.layers[head]!.path, context.resolved.layers[embedding]!.path];
    return [
      makeHint(
        "untied-embedding",
        { ...atLayer(context, head), layers: [head, embedding] },
        `${headPath}.weight and ${embeddingPath}.weight are both [${vocabulary}, ${width}] and not tied: tying them (tie: {${headPath}.weight: ${embeddingPath}.weight}) saves ${formatInteger(vocabulary * width)} parameters, if sharing suits the model`,
        { params: vocabulary * width, bytes: bytesOf(context, head, "weight", vocabulary * width) },
      ),
    ];
  });
}
