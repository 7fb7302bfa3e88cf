import { formatInteger } from "../count/index.js";
import type { TreeNode } from "../resolve/index.js";
import { callsByName, formatPath, leavesOf, makeHint, modulesOf, ownedSaving } from "./model.js";
import type { Hint, HintContext } from "./types.js";

/** Layer entries named on either side of a `tie:`: an uncalled layer whose tensor another shares still serves it. */
function tiedLayers(context: HintContext): Set<number> {
  return new Set(context.resolved.ties.flatMap((tie) => [tie.owner.layer, tie.parameter.layer]));
}

/**
 * Children of a module with `forward:` or `residual:` that no step calls, by name or as an op's
 * argument: their parameters are counted, allocated and saved in the checkpoint, and never used.
 * A module without `forward:` calls its children in order, so only a forward can leave one out.
 */
export function deadWeights(context: HintContext): Hint[] {
  const tied = tiedLayers(context);
  return modulesOf(context.resolved.tree).flatMap(({ node, segments }) => {
    if (!node.topology.forward) return [];
    const calls = callsByName(node);
    return node.children.flatMap((child: TreeNode): Hint[] => {
      if (calls.has(child.name)) return [];
      const layers = leavesOf(child);
      const servesTie = layers.some((layer) => tied.has(layer));
      const saving = layers
        .map((layer) => ownedSaving(context, layer))
        .reduce((sum, one) => ({ params: sum.params + one.params, bytes: sum.bytes + one.bytes }), { params: 0, bytes: 0 });
      if (saving.params === 0 || servesTie) return [];
      const path = formatPath([...segments, ...child.own]);
      const where = segments.length ? formatPath(segments) : "the model";
      return [
        makeHint(
          "dead-weights",
          { path, position: child.position, layers },
          `${path} holds ${formatInteger(saving.params)} parameters that ${where}'s forward: never calls`,
          saving,
        ),
      ];
    });
  });
}
