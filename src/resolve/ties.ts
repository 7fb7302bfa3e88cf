import { SpecError, type SourcePosition } from "../diagnostics/index.js";
import type { YamlSource } from "../parse/yaml.js";
import type { ResolvedLayer, ResolvedTie, TensorReference } from "./types.js";

/**
 * Matches `h.3.attn.c_proj.weight` or `h.*.c_fc.weight` against the layer entries: the layer
 * path comes first, the rest is the tensor's name inside the layer. Returns the longest match.
 */
function findTensor(layers: readonly ResolvedLayer[], text: string, position: SourcePosition): TensorReference | undefined {
  const tokens = text.split(".");
  let best: TensorReference | undefined;
  let bestLength = -1;
  layers.forEach((layer, index) => {
    if (layer.segments.length > tokens.length || layer.segments.length <= bestLength) return;
    let instances = 1;
    const matches = layer.segments.every((segment, i) => {
      const token = tokens[i]!;
      if (typeof segment === "string") return token === segment;
      if (typeof segment === "number") return token === String(segment);
      if (token === "*") {
        instances *= segment.to - segment.from + 1;
        return true;
      }
      return /^\d+$/.test(token) && Number(token) >= segment.from && Number(token) <= segment.to;
    });
    if (!matches) return;
    best = { layer: index, tensor: tokens.slice(layer.segments.length).join("."), instances, text, position };
    bestLength = layer.segments.length;
  });
  return best;
}

/** Resolves `tie:` paths to layer entries; tensor names and shapes are checked once layers are counted. */
export function resolveTies(layers: readonly ResolvedLayer[], tie: Record<string, string> | undefined, source: YamlSource): ResolvedTie[] {
  return Object.entries(tie ?? {}).map(([parameterText, ownerText]) => {
    const parameterPosition = source.keyAt(["tie", parameterText]);
    const ownerPosition = source.at(["tie", parameterText]);
    const parameter = findTensor(layers, parameterText, parameterPosition);
    const owner = findTensor(layers, ownerText, ownerPosition);
    if (!parameter) throw new SpecError(parameterPosition, `tie names '${parameterText}', which is no layer of this model`, "write the parameter's full path, e.g. lm_head.weight");
    if (!owner) throw new SpecError(ownerPosition, `tie target '${ownerText}' is no layer of this model`, "write the shared parameter's full path, e.g. wte.weight");
    if (owner.instances !== 1) {
      throw new SpecError(ownerPosition, `tie target '${ownerText}' names ${owner.instances} tensors, not one`, "give the index of one instance in place of *, e.g. h.0.attn.weight");
    }
    if (parameter.instances !== layers[parameter.layer]!.count) {
      const entry = layers[parameter.layer]!;
      throw new SpecError(
        parameterPosition,
        `tie '${parameterText}' names ${parameter.instances} of the ${entry.count} instances of ${entry.path}`,
        "tie every instance with * in place of the index, or split the repeat so the tied instance is its own entry",
      );
    }
    return { parameter, owner };
  });
}
