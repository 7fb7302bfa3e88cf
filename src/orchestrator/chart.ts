import type { JsonReport } from "../analysis/index.js";

/**
 * Where the parameters (and the training memory) go, by top-level module, base against head: a
 * mermaid `xychart-beta` chart, which GitHub renders in comments and job summaries. Head is the
 * bars and base the line, since the chart type has no legend; a pie could show only one side.
 */

/** The most modules a chart names; the smaller rest is one `other` bar. */
const MODULES_SHOWN = 10;

/**
 * A name inside a mermaid string: letters, digits and a few path characters kept, anything that
 * could end the string, the line or the code fence (`"`, newlines, backticks) replaced by `_`.
 */
export function mermaidText(text: string, longest = 30): string {
  const safe = text.replace(/[^\p{L}\p{N} _.\-[\]()]/gu, "_");
  return safe.length > longest ? `${safe.slice(0, longest - 1)}…` : safe;
}

type Figure = "params" | "memory";

/** Each top-level module's parameters, or its layers' own training memory, all instances together. */
function byModule(report: JsonReport, figure: Figure): Map<string, number> {
  const totals = new Map<string, number>();
  for (const layer of report.layers) {
    const value = figure === "params" ? layer.params : (layer.memory?.total ?? 0);
    const top = layer.path.split(".")[0]!;
    totals.set(top, (totals.get(top) ?? 0) + value * layer.count);
  }
  return totals;
}

/** The modules to name: the largest at head (or base) in model order; `other` sums the rest when there are too many. */
function shownModules(head: Map<string, number>, base: Map<string, number> | undefined): { modules: string[]; other: boolean } {
  const names = [...new Set([...head.keys(), ...(base?.keys() ?? [])])].filter((name) => (head.get(name) ?? 0) > 0 || (base?.get(name) ?? 0) > 0);
  if (names.length <= MODULES_SHOWN) return { modules: names, other: false };
  const size = (name: string) => Math.max(head.get(name) ?? 0, base?.get(name) ?? 0);
  const largest = new Set([...names].sort((a, b) => size(b) - size(a)).slice(0, MODULES_SHOWN - 1));
  return { modules: names.filter((name) => largest.has(name)), other: true };
}

function series(modules: readonly string[], other: boolean, values: Map<string, number>, scale: number): string {
  const named = modules.map((name) => values.get(name) ?? 0);
  const total = [...values.values()].reduce((sum, value) => sum + value, 0);
  const rest = total - named.reduce((sum, value) => sum + value, 0);
  return `[${[...named, ...(other ? [rest] : [])].map((value) => Number((value / scale).toPrecision(3))).join(", ")}]`;
}

const COUNT_SCALES: [number, string][] = [
  [1e9, "billions"],
  [1e6, "millions"],
  [1e3, "thousands"],
];
const BYTE_SCALES: [number, string][] = [
  [1024 ** 3, "GiB"],
  [1024 ** 2, "MiB"],
  [1024, "KiB"],
];

/** One chart: parameters or memory of the head's (and the base's) top-level modules. */
export function moduleChart(head: JsonReport, base: JsonReport | undefined, figure: Figure): string[] {
  const headValues = byModule(head, figure);
  const baseValues = base && byModule(base, figure);
  const { modules, other } = shownModules(headValues, baseValues);
  const largest = Math.max(...headValues.values(), ...(baseValues?.values() ?? []), 0);
  if (modules.length === 0 || largest === 0) return [];
  const [scale, unit] = (figure === "params" ? COUNT_SCALES : BYTE_SCALES).find(([size]) => largest >= size) ?? [1, figure === "params" ? "parameters" : "bytes"];
  const what = figure === "params" ? "Parameters" : "Training memory of the layers";
  const sides = baseValues ? " (bars: this PR, line: base)" : "";
  return [
    "```mermaid",
    "xychart-beta",
    `  title "${mermaidText(head.model, 40)}: ${what} by top-level module${sides}"`,
    `  x-axis [${[...modules, ...(other ? ["other"] : [])].map((name) => `"${mermaidText(name)}"`).join(", ")}]`,
    `  y-axis "${figure === "params" ? `parameters (${unit})` : unit}"`,
    `  bar ${series(modules, other, headValues, scale)}`,
    ...(baseValues ? [`  line ${series(modules, other, baseValues, scale)}`] : []),
    "```",
  ];
}

/** The parameters chart, and the memory chart when both sides have a training recipe. */
export function moduleCharts(head: JsonReport, base: JsonReport | undefined, withMemory: boolean): string[] {
  const memory = withMemory && head.memory && (!base || base.memory) ? moduleChart(head, base, "memory") : [];
  const params = moduleChart(head, base, "params");
  return [...params, ...(params.length ? [""] : []), ...memory, ...(memory.length ? [""] : [])];
}
