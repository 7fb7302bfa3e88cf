import type { NodeChange, PageMetric, PageModel, PageNode } from "../page-types.js";
import { byId, element, fill } from "./dom.js";
import { formatValue, share } from "./format.js";
import type { Figures } from "./model.js";

const LEGEND: [NodeChange | "removed", string][] = [
  ["grown", "grown"],
  ["shrunk", "shrunk"],
  ["new", "new"],
  ["removed", "removed (listed below)"],
  ["unchanged", "unchanged"],
  ["moved", "moved"],
  ["changed", "changed type, same size"],
];

export function showTotals(model: PageModel, checked: boolean): void {
  const table = byId("totals");
  const head = element("tr");
  head.append(element("th", ""), ...(checked ? [element("th", "base", "num"), element("th", "head", "num"), element("th", "Δ", "num")] : [element("th", "total", "num")]));
  const rows = model.totals.map((total) => {
    const row = element("tr");
    row.append(element("th", total.title), ...(checked ? [element("td", total.base ?? "–", "num")] : []), element("td", total.head, "num"));
    if (checked) row.append(element("td", total.delta ?? "–", `num ${total.trend === "up" ? "up" : total.trend === "down" ? "down" : ""}`));
    return row;
  });
  fill(table, head, ...rows);
}

export function showLegend(checked: boolean): void {
  byId("legend-area").hidden = !checked;
  fill(
    byId("legend"),
    ...LEGEND.map(([change, words]) => {
      const item = element("li");
      const swatch = element("span", undefined, "swatch");
      swatch.style.background = `var(--${change})`;
      item.append(swatch, element("span", words));
      return item;
    }),
  );
}

export function showRemoved(model: PageModel): void {
  byId("removed-area").hidden = model.removed.length === 0;
  fill(byId("removed"), ...model.removed.map((layer) => element("li", `${layer.path} (${layer.type}): ${layer.params === "0" ? "no parameters" : `−${layer.params} parameters`}`)));
}

/** Each limit as a bar of how much of it is used, with the headroom left (or the excess) in words. */
export function showBudget(model: PageModel): void {
  byId("budget-area").hidden = model.limits.length === 0;
  const items = model.limits.map((limit) => {
    const item = element("li");
    const used = limit.actual === undefined ? 0 : Math.min(100, (100 * limit.actual) / limit.limit);
    const bar = element("div", undefined, `bar ${limit.status}`);
    bar.setAttribute("role", "meter");
    bar.setAttribute("aria-valuemin", "0");
    bar.setAttribute("aria-valuemax", String(limit.limit));
    bar.setAttribute("aria-valuenow", String(limit.actual ?? 0));
    bar.setAttribute("aria-label", `${limit.label} of ${limit.limitText}`);
    const fillBar = element("span");
    fillBar.style.width = `${used}%`;
    bar.append(fillBar);
    const words = limit.actual === undefined ? "no figure in this report" : `${limit.actualText ?? ""} of ${limit.limitText}: ${limit.headroomText ?? ""}`;
    item.append(element("div", `${limit.label} (${limit.status})`), bar, element("div", words));
    return item;
  });
  fill(byId("budget"), ...items);
}

/** The same data as the map, as rows: every layer under the zoomed module, largest first. */
export function showTable(zoom: PageNode, figures: Map<PageNode, Figures>, metric: PageMetric, checked: boolean): void {
  const leaves: PageNode[] = [];
  const stack = [zoom];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.children) stack.push(...node.children);
    else leaves.push(node);
  }
  leaves.sort((a, b) => figures.get(b)!.value - figures.get(a)!.value);
  const table = element("table");
  const caption = element("caption", `${metric.title} by layer`);
  const head = element("tr");
  for (const title of ["Path", "Type", "Instances", metric.title, "Share", ...(checked ? ["Before", "Change"] : [])]) head.append(element("th", title));
  const rows = leaves.map((leaf) => {
    const figure = figures.get(leaf)!;
    const row = element("tr");
    row.dataset.path = leaf.path;
    row.append(
      element("td", leaf.path),
      element("td", leaf.type ?? ""),
      element("td", String(leaf.count ?? 1), "num"),
      element("td", formatValue(metric, figure.value), "num"),
      element("td", share(figure.value, metric.total), "num"),
    );
    if (checked) row.append(element("td", figure.base === null ? "–" : formatValue(metric, figure.base), "num"), element("td", figure.change ?? ""));
    return row;
  });
  table.append(caption, head, ...rows);
  fill(byId("table-area"), table);
}
