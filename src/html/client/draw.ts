import { hierarchy, treemap, treemapSquarify, type HierarchyRectangularNode } from "d3-hierarchy";
import type { PageMetric, PageNode } from "../page-types.js";
import { element } from "./dom.js";
import { formatValue, share, shortValue } from "./format.js";
import { displayName, type Figures } from "./model.js";

/** Height of a module's title strip, in pixels. */
const HEADER = 16;

export interface Drawn {
  node: PageNode;
  isModule: boolean;
}

/** The squarified layout of one subtree (the zoomed-in module) in the chosen metric, largest first. */
function layout(zoom: PageNode, figures: Map<PageNode, Figures>, width: number, height: number): HierarchyRectangularNode<PageNode> {
  const root = hierarchy(zoom, (node) => node.children)
    .sum((node) => (node.children ? 0 : (figures.get(node)?.value ?? 0)))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  return treemap<PageNode>()
    .size([width, height])
    .tile(treemapSquarify)
    .paddingOuter(2)
    .paddingInner(1)
    .paddingTop((node) => (node.depth === 0 ? 2 : HEADER))(root);
}

function label(node: PageNode, figure: Figures, metric: PageMetric): string {
  return `${node.path === "" ? "(whole model)" : node.path}, ${node.type ?? "module"}: ${formatValue(metric, figure.value)} ${metric.title.toLowerCase()}, ${share(figure.value, metric.total)}${figure.change ? `, ${figure.change}` : ""}`;
}

/** A light colour of its own for each layer type, the same on every page. */
function typeColour(type: string): string {
  let hash = 0;
  for (let index = 0; index < type.length; index++) hash = (hash * 31 + type.charCodeAt(index)) >>> 0;
  return `hsl(${hash % 360}, 60%, 80%)`;
}

function rectangle(cell: HierarchyRectangularNode<PageNode>, figure: Figures, metric: PageMetric, index: number): HTMLElement {
  const node = cell.data;
  const isModule = node.children !== undefined;
  const shared = node.parameters?.some((tensor) => tensor.sharedBy) === true;
  const box = element("div", undefined, `node ${isModule ? "group" : "leaf"}${figure.change ? ` c-${figure.change}` : ""}${shared ? " shared" : ""}`);
  const width = Math.max(0, cell.x1 - cell.x0);
  const height = Math.max(0, cell.y1 - cell.y0);
  box.style.cssText = `left:${cell.x0}px;top:${cell.y0}px;width:${width}px;height:${height}px`;
  box.setAttribute("role", "treeitem");
  box.setAttribute("aria-level", String(cell.depth));
  box.setAttribute("aria-label", label(node, figure, metric));
  // Tab walks the current view's top level, not thousands of layers: Enter zooms in, and the table view lists everything.
  box.tabIndex = cell.depth === 1 ? 0 : -1;
  box.dataset.path = node.path;
  box.dataset.index = String(index);
  // Outside a check, layers are tinted by their type, so that the convolutions or the attention stand out.
  if (!isModule && !figure.change) box.style.backgroundColor = typeColour(node.type ?? "");
  if (width > 36 && height > 13) {
    box.append(element("span", `${displayName(node)}${shared ? " (shared)" : ""} ${shortValue(metric, figure.value)}`, "label"));
  }
  return box;
}

/**
 * Draws every module and layer under `zoom` that has a size in this metric: one element each, with
 * role, label and data-path, in one fragment. Returns what each element stands for, by its data-index.
 */
export function drawMap(container: HTMLElement, zoom: PageNode, figures: Map<PageNode, Figures>, metric: PageMetric): Drawn[] {
  const cells = layout(zoom, figures, container.clientWidth, container.clientHeight).descendants();
  const drawn: Drawn[] = [];
  const fragment = document.createDocumentFragment();
  for (const cell of cells) {
    if (cell.depth === 0 || !cell.value) continue;
    const figure = figures.get(cell.data)!;
    fragment.append(rectangle(cell, figure, metric, drawn.length));
    drawn.push({ node: cell.data, isModule: cell.data.children !== undefined });
  }
  container.replaceChildren(fragment);
  return drawn;
}
