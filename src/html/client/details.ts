import type { PageMetric, PageModel, PageNode, PageTensor } from "../page-types.js";
import { element, fill } from "./dom.js";
import { formatInteger, formatValue, share, signed } from "./format.js";
import type { Figures } from "./model.js";

const CHANGE_WORDS: Record<string, string> = {
  grown: "grown",
  shrunk: "shrunk",
  new: "new in this change",
  unchanged: "unchanged",
  moved: "moved",
  changed: "changed type, same size",
  removed: "removed",
};

function tensorLine(tensor: PageTensor): string {
  const parts = [`${tensor.name} [${tensor.shape.join(", ")}] = ${formatInteger(tensor.numel)}`];
  if (tensor.dtype) parts.push(tensor.dtype);
  if (tensor.trainable === false) parts.push("frozen");
  if (tensor.sharedWith) parts.push(`tied to ${tensor.sharedWith}, counted there`);
  if (tensor.sharedBy) parts.push(`shared with ${tensor.sharedBy.join(", ")} (counted here once)`);
  return parts.join(" · ");
}

/** The rows of a node's details, as term → description pairs. */
export function detailRows(model: PageModel, node: PageNode, metric: PageMetric, figures: Figures, isModule: boolean): [string, string][] {
  const rows: [string, string][] = [["Path", node.path === "" ? "(whole model)" : node.path]];
  rows.push(["Type", node.type ?? (isModule ? "module" : "")]);
  if (node.count && node.count > 1) rows.push(["Instances", `×${node.count} (one instance group)`]);
  rows.push([metric.title, `${formatValue(metric, figures.value)} (${share(figures.value, metric.total)} of ${model.name})`]);
  if (node.params !== undefined && node.count && node.count > 1) rows.push(["Per instance", `${formatInteger(node.params)} parameters`]);
  if (node.parameters?.length) rows.push(["Tensors", node.parameters.map(tensorLine).join("\n")]);
  if (node.buffers?.length) rows.push(["Buffers", node.buffers.map(tensorLine).join("\n")]);
  if (node.formula) rows.push(["Formula", node.formula]);
  if (node.outside) rows.push(["Outside layers", node.outside]);
  if (figures.change) {
    const before = figures.base === null ? "–" : formatValue(metric, figures.base);
    const delta = figures.base === null ? "" : ` (${signed(metric, figures.value - figures.base)})`;
    rows.push(["Before → after", `${before} → ${formatValue(metric, figures.value)}${delta}`]);
    rows.push(["Change", CHANGE_WORDS[figures.change] ?? figures.change]);
  }
  if (node.from) rows.push(["Moved from", node.from]);
  return rows.filter(([, text]) => text !== "");
}

export function showDetails(target: HTMLElement, rows: readonly [string, string][]): void {
  const list = element("dl");
  for (const [term, description] of rows) {
    const dd = element("dd", description);
    dd.style.whiteSpace = "pre-line";
    list.append(element("dt", term), dd);
  }
  fill(target, element("h2", "Details"), list);
}
