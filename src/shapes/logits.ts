import { SpecError } from "../diagnostics/index.js";
import type { ResolvedModel, TreeNode } from "../resolve/index.js";

/**
 * The layer entry whose output is the model's: a language model's head over the vocabulary, which a
 * serving forward with `logits: last` runs on the last position only, as transformers' generate()
 * does (`logits_to_keep=1`: `lm_head(hidden_states[:, -1:, :])`). Found by following each module's
 * last step down to a leaf; an error at the step that is not a Linear.
 */
export function logitsLayer(model: ResolvedModel): number {
  const node = lastLeaf(model.tree);
  const layer = node.kind === "leaf" ? model.layers[node.layer] : undefined;
  if (!layer || node.kind !== "leaf" || layer.call.type !== "Linear" || model.input?.value.kind !== "tokens") {
    throw new SpecError(
      "logits-last-unsupported",
      node.position,
      `logits: last runs the model's last layer on the last position only, and ${node.kind === "leaf" ? `${node.name} (${layer?.call.type ?? "?"})` : `the step at ${node.name}`} is not a Linear head over a token model's positions`,
      "leave logits at all, or end the model's forward with its head: - lm_head: Linear(d, vocab, bias=False)",
    );
  }
  return node.layer;
}

/** The node the module's last step runs: a leaf, or the module (or op's module) where the path stops being a plain chain. */
function lastLeaf(node: TreeNode): TreeNode {
  if (node.kind === "leaf") return node;
  const { forward, residual, branches } = node.topology;
  if (residual || branches) return node;
  const last = forward ? forward.at(-1) : { kind: "child" as const, name: node.children.at(-1)?.name ?? "" };
  if (!last || last.kind !== "child") return node;
  const child = [...node.children].reverse().find((candidate) => candidate.name === last.name);
  return child ? lastLeaf(child) : node;
}
