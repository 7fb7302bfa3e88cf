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
 * repeated entry is no single pair: neither is hinted. A head ties to one embedding, so it gets one hint
 * whatever the number of candidates (a translation model's source and target embeddings): the nearest
 * before it, the others named beside it, never a saving per candidate.
 */
export function untiedEmbedding(context: HintContext): Hint[] {
  const single = (type: string) => context.resolved.layers.flatMap((entry, layer) => (entry.call.type === type && entry.count === 1 && ownWeight(context, layer) ? [layer] : []));
  const embeddings = single("Embedding").map((layer) => ({ layer, shape: ownWeight(context, layer)!.shape as [number, number] }));
  return single("Linear").flatMap((head) => {
    const args = argumentsOf(context.resolved.layers[head]!);
    const [vocabulary, width] = [args.int("out_features"), args.int("in_features")];
    const candidates = embeddings.filter(({ shape }) => shape[0] === vocabulary && shape[1] === width && vocabulary !== width).map(({ layer }) => layer);
    if (candidates.length === 0) return [];
    const embedding = candidates.filter((layer) => layer < head).at(-1) ?? candidates[0]!;
    const path = (layer: number) => `${context.resolved.layers[layer]!.path}.weight`;
    const others = candidates.filter((layer) => layer !== embedding).map(path);
    const alternatives = others.length ? `, or ${others.join(" or ")}` : "";
    return [
      makeHint(
        "untied-embedding",
        { ...atLayer(context, head), layers: [head, embedding] },
        `${path(head)} and ${path(embedding)} are both [${vocabulary}, ${width}] and not tied: tying them (tie: {${path(head)}: ${path(embedding)}}${alternatives}) saves ${formatInteger(vocabulary * width)} parameters, if sharing suits the model`,
        { params: vocabulary * width, bytes: bytesOf(context, head, "weight", vocabulary * width) },
      ),
    ];
  });
}
