import type { AnalyzedModel } from "../analysis/index.js";
import { formatInteger, type LayerCount, type ModelCount } from "../count/index.js";
import type { MemoryBreakdown } from "../memory/index.js";
import type { ShapeReport } from "../shapes/index.js";
import { formatBytes, type ByteUnits } from "../metrics/index.js";

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
  /** How memory sizes are written: IEC (KiB, MiB, GiB; the default) or SI (kB, MB, GB). */
  units?: ByteUnits;
}

/** Whether a layer has anything to count; layers that don't are folded unless asked for. */
export function holdsTensors(layer: LayerCount): boolean {
  return layer.parameters.length > 0 || layer.buffers.length > 0;
}

export function isShown(layer: LayerCount, options: ReportOptions): boolean {
  return options.all || holdsTensors(layer);
}

/**
 * Per-layer rows (path, type, shapes, instances, params, share) and the totals under them; with an
 * input, each entry's output shape, MACs and activation bytes (all instances together); with a
 * training recipe, a Memory column of each entry's bytes over all its instances.
 */
export function layerTable(model: AnalyzedModel, options: ReportOptions): TableModel {
  const total = model.totals.params;
  const size = (bytes: number) => formatBytes(bytes, options.units);
  const memoryColumn = <T>(cell: (memory: MemoryBreakdown) => T): T[] => (model.memory ? [cell(model.memory)] : []);
  const shapeColumns = <T>(cells: (shapes: ShapeReport) => T[]): T[] => (model.shapes ? cells(model.shapes) : []);
  const blank = shapeColumns(() => ["", "", ""]);
  const rows = model.layers.flatMap((layer, index) => {
    if (!isShown(layer, options)) return [];
    const params = layer.params * layer.count;
    const memory = memoryColumn((breakdown) => size(breakdown.layers[index]!.bytes.total * layer.count));
    const called = shapeColumns((shapes) => {
      const figures = shapes.layers[index];
      return figures ? [`[${figures.outputShape.join(", ")}]`, formatInteger(figures.macs), size(figures.activationBytes)] : ["not called", "", ""];
    });
    return [[layer.path, layer.type, shapes(layer), layer.count === 1 ? "" : String(layer.count), formatInteger(params), percent(params, total), ...called, ...memory]];
  });
  return {
    headers: ["Layer", "Type", "Parameter shapes", "×", "Params", "Share", ...shapeColumns(() => ["Output shape", "MACs", "Activations"]), ...memoryColumn(() => "Memory")],
    align: ["left", "left", "left", "right", "right", "right", ...shapeColumns((): Align[] => ["left", "right", "right"]), ...memoryColumn((): Align => "right")],
    rows,
    footer: [
      [
        "Total",
        "",
        "",
        "",
        formatInteger(total),
        percent(total, total),
        ...shapeColumns((shapes) => [`[${shapes.output.join(", ")}]`, formatInteger(shapes.totals.macs), size(shapes.totals.activationsStored)]),
        ...memoryColumn((breakdown) => size(breakdown.bytes.total)),
      ],
      ["Trainable", "", "", "", formatInteger(model.totals.trainable), percent(model.totals.trainable, total), ...blank, ...memoryColumn(() => "")],
      ["Non-trainable", "", "", "", formatInteger(model.totals.nonTrainable), percent(model.totals.nonTrainable, total), ...blank, ...memoryColumn(() => "")],
      ["Buffers (elements)", "", "", "", formatInteger(model.totals.buffers), "", ...blank, ...memoryColumn(() => "")],
    ],
  };
}

/**
 * The forward pass in a few lines: input and output shapes, MACs and FLOPs with their convention,
 * and the activations of a training step with the checkpointing that applies.
 */
export function shapeLines(shapes: ShapeReport, units?: ByteUnits): string[] {
  const { macs, attentionMacs, flops, activations, activationsStored } = shapes.totals;
  const attention = attentionMacs ? ` (${formatInteger(attentionMacs)} in attention's Q·Kᵀ and scores·V, the rest in projections and layers)` : "";
  const checkpointing = shapes.checkpointing === "none" ? "" : ` with ${shapes.checkpointing} checkpointing (${formatBytes(activationsStored, units)} without)`;
  return [
    `Forward pass: input [${shapes.input.join(", ")}] → output [${shapes.output.join(", ")}] at batch ${shapes.batch}`,
    `MACs: ${formatInteger(macs)}${attention}; FLOPs = 2 × MACs = ${formatInteger(flops)} (fvcore's convention: one MAC per weight use in convolutions, linear layers and attention products)`,
    `Activations kept for backward: ${formatBytes(activations, units)}${checkpointing}`,
  ];
}

/** A line saying how many parameter-free layers the table folds, or undefined when none are. */
export function foldedNote(count: ModelCount, options: ReportOptions): string | undefined {
  const folded = options.all ? 0 : count.layers.filter((layer) => !holdsTensors(layer)).length;
  return folded ? `${folded} parameter-free layer entr${folded === 1 ? "y" : "ies"} not shown (--all lists them)` : undefined;
}

/** `path: formula` lines for --explain, with the instance count when an entry repeats, and its MACs when it has any. */
export function formulaLines(model: AnalyzedModel, options: ReportOptions): string[] {
  return model.layers.flatMap((layer, index) => {
    if (!isShown(layer, options)) return [];
    const times = layer.count === 1 ? "" : ` (× ${formatInteger(layer.count)} = ${formatInteger(layer.params * layer.count)})`;
    const figures = model.shapes?.layers[index];
    const macs = figures?.macs ? `; MACs ${formatInteger(figures.macs)} → [${figures.outputShape.join(", ")}]` : "";
    return [`${layer.path}: ${layer.formula}${times}${macs}`];
  });
}
