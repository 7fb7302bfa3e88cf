import { formatInteger, type LayerCount, type ModelCount } from "../count/index.js";

export type Align = "left" | "right";

/** A table before rendering: the terminal and markdown renderers draw the same rows. */
export interface TableModel {
  headers: string[];
  align: Align[];
  rows: string[][];
  /** Rows drawn under a rule, such as totals. */
  footer: string[][];
}

const SHAPES_SHOWN = 3;

function shapes(layer: LayerCount): string {
  const listed = layer.parameters.map((tensor) => `${tensor.name || "tensor"} [${tensor.shape.join(", ")}]${tensor.sharedWith ? " (shared)" : ""}`);
  if (listed.length <= SHAPES_SHOWN) return listed.join(", ");
  return `${listed.slice(0, SHAPES_SHOWN).join(", ")} +${listed.length - SHAPES_SHOWN} more`;
}

export function percent(part: number, whole: number): string {
  if (whole === 0) return "–";
  const share = (100 * part) / whole;
  return share > 0 && share < 0.05 ? "<0.1%" : `${share.toFixed(1)}%`;
}

export interface ReportOptions {
  /** Show the arithmetic behind every layer's count. */
  explain: boolean;
  /** Also list layers without parameters or buffers (activations, pooling, dropout, ...). */
  all: boolean;
}

/** Whether a layer has anything to count; layers that don't are folded unless asked for. */
export function holdsTensors(layer: LayerCount): boolean {
  return layer.parameters.length > 0 || layer.buffers.length > 0;
}

/** Per-layer rows (path, type, shapes, instances, params, share) and the totals under them. */
export function layerTable(count: ModelCount, options: ReportOptions): TableModel {
  const total = count.totals.params;
  const shown = options.all ? count.layers : count.layers.filter(holdsTensors);
  return {
    headers: ["Layer", "Type", "Parameter shapes", "×", "Params", "Share"],
    align: ["left", "left", "left", "right", "right", "right"],
    rows: shown.map((layer) => {
      const params = layer.params * layer.count;
      return [layer.path, layer.type, shapes(layer), layer.count === 1 ? "" : String(layer.count), formatInteger(params), percent(params, total)];
    }),
    footer: [
      ["Total", "", "", "", formatInteger(total), percent(total, total)],
      ["Trainable", "", "", "", formatInteger(count.totals.trainable), percent(count.totals.trainable, total)],
      ["Non-trainable", "", "", "", formatInteger(count.totals.nonTrainable), percent(count.totals.nonTrainable, total)],
      ["Buffers (elements)", "", "", "", formatInteger(count.totals.buffers), ""],
    ],
  };
}

/** A line saying how many parameter-free layers the table folds, or undefined when none are. */
export function foldedNote(count: ModelCount, options: ReportOptions): string | undefined {
  const folded = options.all ? 0 : count.layers.filter((layer) => !holdsTensors(layer)).length;
  return folded ? `${folded} parameter-free layer entr${folded === 1 ? "y" : "ies"} not shown (--all lists them)` : undefined;
}

/** `path: formula` lines for --explain, with the instance count when an entry repeats. */
export function formulaLines(count: ModelCount, options: ReportOptions): string[] {
  return (options.all ? count.layers : count.layers.filter(holdsTensors)).map((layer) => {
    const times = layer.count === 1 ? "" : ` (× ${formatInteger(layer.count)} = ${formatInteger(layer.params * layer.count)})`;
    return `${layer.path}: ${layer.formula}${times}`;
  });
}
