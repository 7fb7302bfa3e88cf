import type { NodeChange, PageNode } from "../page-types.js";

/** A node's figure in the chosen metric, summed over its subtree, at head and at the base. */
export interface Figures {
  value: number;
  /** Null where the base has no figure for it (a new layer, or a metric the base did not report). */
  base: number | null;
  /** Undefined outside a check. */
  change?: NodeChange;
}

/** A leaf's change in the chosen metric: new and moved as the diff says, else by its before → after. */
function leafFigures(node: PageNode, metric: number, checked: boolean): Figures {
  const value = node.values?.[metric] ?? 0;
  const base = node.base?.[metric] ?? null;
  if (!checked) return { value, base };
  if (node.change === "new" || base === null) return { value, base, change: node.change ?? "unchanged" };
  if (value !== base) return { value, base, change: value > base ? "grown" : "shrunk" };
  return { value, base, change: node.change === "moved" || node.change === "changed" ? node.change : "unchanged" };
}

/** A module's change: new when everything in it is, else by its summed before → after. */
function groupChange(value: number, base: number | null, children: Figures[]): NodeChange {
  if (children.every((child) => child.change === "new")) return "new";
  if (base !== null && value !== base) return value > base ? "grown" : "shrunk";
  return children.some((child) => child.change !== "unchanged") ? "changed" : "unchanged";
}

/** Every node's figures in one metric, computed once per model and metric. */
export function figuresOf(root: PageNode, metric: number, checked: boolean): Map<PageNode, Figures> {
  const figures = new Map<PageNode, Figures>();
  const visit = (node: PageNode): Figures => {
    if (!node.children) {
      const own = leafFigures(node, metric, checked);
      figures.set(node, own);
      return own;
    }
    const children = node.children.map(visit);
    const value = children.reduce((sum, child) => sum + child.value, 0);
    const known = children.filter((child) => child.base !== null || child.change === "new");
    const base = checked && known.length === children.length && children.some((child) => child.base !== null) ? children.reduce((sum, child) => sum + (child.base ?? 0), 0) : null;
    const own: Figures = checked ? { value, base, change: groupChange(value, base, children) } : { value, base };
    figures.set(node, own);
    return own;
  };
  visit(root);
  return figures;
}

/** Every node of a model's tree by its path, and each node's parent, for zooming and breadcrumbs. */
export function indexTree(root: PageNode): { byPath: Map<string, PageNode>; parents: Map<PageNode, PageNode> } {
  const byPath = new Map<string, PageNode>();
  const parents = new Map<PageNode, PageNode>();
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    byPath.set(node.path, node);
    for (const child of node.children ?? []) {
      parents.set(child, node);
      stack.push(child);
    }
  }
  return { byPath, parents };
}

/** `h.[0-11]` ×12: a repeat's instance group drawn once, with its count. */
export function displayName(node: PageNode): string {
  return node.count && node.count > 1 ? `${node.name} ×${node.count}` : node.name;
}
