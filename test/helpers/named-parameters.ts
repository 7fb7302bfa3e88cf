import type { ModelCount } from "../../src/count/index.js";
import { instancePaths } from "../../src/resolve/index.js";

interface ModuleNode {
  tensors: { name: string; shape: number[] }[];
  children: Map<string, ModuleNode>;
}

const moduleNode = (): ModuleNode => ({ tensors: [], children: new Map() });

/**
 * named_parameters() of the counted model: layer entries expanded to module instances, in a tree whose
 * children keep the order they first appear in (registration order); each module lists its own tensors,
 * then its children's, as PyTorch does. A tensor shared with an earlier one is left out, as PyTorch does.
 */
export function namedParameters(model: ModelCount): { name: string; shape: number[] }[] {
  const tree = moduleNode();
  const nodeAt = (path: string[]) =>
    path.reduce((node, name) => {
      let child = node.children.get(name);
      if (!child) node.children.set(name, (child = moduleNode()));
      return child;
    }, tree);
  for (const layer of model.layers) {
    for (const path of instancePaths(layer.path).map((instance) => instance.split("."))) {
      const node = nodeAt(path);
      for (const tensor of layer.parameters.filter((candidate) => candidate.sharedWith === undefined)) {
        if (tensor.name === "") nodeAt(path.slice(0, -1)).tensors.push({ name: path.at(-1)!, shape: tensor.shape });
        else node.tensors.push({ name: tensor.name, shape: tensor.shape });
      }
    }
  }
  const walk = (node: ModuleNode, prefix: string): { name: string; shape: number[] }[] => [
    ...node.tensors.map((tensor) => ({ name: prefix + tensor.name, shape: tensor.shape })),
    ...[...node.children].flatMap(([name, child]) => walk(child, `${prefix}${name}.`)),
  ];
  return walk(tree, "");
}
