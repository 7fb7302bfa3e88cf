import type { AnalyzedModel } from "../analysis/index.js";
import { formatInteger, type LayerCount, type ModelCount } from "../count/index.js";
import type { MemoryBreakdown } from "../memory/index.js";
import type { ShapeReport } from "../shapes/index.js";
import { formatBytes, type ByteUnits } from "../metrics/index.js";
import { formatPath } from "../resolve/index.js";

export type Align = "left" | "right";

/** A table before rendering: the terminal and markdown renderers draw the same rows. */
export interface TableModel {
  headers: string[];
  align: Align[];
  rows: string[][];
  /** Rows drawn under a rule, such as totals. */
  footer: string[][];
  /** Per column, how long a narrow terminal keeps it: the lowest goes first; a column without one is always kept. */
  priority?: (number | undefined)[];
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
  /** Module paths deeper than this many steps are summed into their ancestor's row (torchinfo's depth). */
  depth?: number;
  /** The terminal's width: the text table drops its least needed columns to fit. */
  columns?: number;
}

/** Whether a layer has anything to count; layers that don't are folded unless asked for. */
export function holdsTensors(layer: LayerCount): boolean {
  return layer.parameters.length > 0 || layer.buffers.length > 0;
}

export function isShown(layer: LayerCount, options: ReportOptions): boolean {
  return options.all || holdsTensors(layer);
}

/** What one row of the layer table shows, over all the instances it stands for. */
interface RowFigures {
  path: string;
  type: string;
  shapes: string;
  count: number | undefined;
  params: number;
  /** Output shape, MACs and activation bytes; absent for an entry never called. */
  called?: { outputShape: string; macs: number; activations: number };
  memory?: number;
}

function layerFigures(model: AnalyzedModel, layer: LayerCount, index: number): RowFigures {
  const figures = model.shapes?.layers[index];
  const memory = model.memory?.layers[index];
  return {
    path: layer.path,
    type: layer.type,
    shapes: shapes(layer),
    count: layer.count,
    params: layer.params * layer.count,
    ...(figures ? { called: { outputShape: `[${figures.outputShape.join(", ")}]`, macs: figures.macs, activations: figures.activationBytes } } : {}),
    ...(memory ? { memory: memory.bytes.total * layer.count } : {}),
  };
}

/**
 * The rows, one per layer entry, or with `depth` one per module at that depth holding the exact sums of
 * every entry below it (parameter-free ones too: their MACs and activations count). Entries no deeper stay as they are.
 */
function tableRows(model: AnalyzedModel, options: ReportOptions): RowFigures[] {
  const { depth } = options;
  const shown = model.layers.flatMap((layer, index) => (depth !== undefined || isShown(layer, options) ? [{ layer, index }] : []));
  if (depth === undefined) return shown.map(({ layer, index }) => layerFigures(model, layer, index));
  const groups = new Map<string, { layers: LayerCount[]; rows: RowFigures[] }>();
  for (const { layer, index } of shown) {
    const key = layer.segments.length > depth ? formatPath(layer.segments.slice(0, depth)) : layer.path;
    const group = groups.get(key) ?? { layers: [], rows: [] };
    group.layers.push(layer);
    group.rows.push(layerFigures(model, layer, index));
    groups.set(key, group);
  }
  return [...groups].flatMap(([path, { layers, rows }]) => {
    if (!options.all && !layers.some(holdsTensors)) return [];
    if (rows.length === 1 && rows[0]!.path === path) return rows;
    const sum = (pick: (row: RowFigures) => number | undefined) => rows.reduce((total, row) => total + (pick(row) ?? 0), 0);
    const called = rows.some((row) => row.called);
    return [
      {
        path,
        type: `${formatInteger(rows.length)} entries`,
        shapes: "",
        count: undefined,
        params: sum((row) => row.params),
        ...(called ? { called: { outputShape: "", macs: sum((row) => row.called?.macs), activations: sum((row) => row.called?.activations) } } : {}),
        ...(model.memory ? { memory: sum((row) => row.memory) } : {}),
      },
    ];
  });
}

/** Which columns a narrow terminal drops first: parameter shapes, then output shapes, activations, MACs... Layer and Params stay. */
const PRIORITY: Record<string, number | undefined> = {
  "Parameter shapes": 1,
  "Output shape": 2,
  Activations: 3,
  MACs: 4,
  Type: 5,
  Share: 6,
  Memory: 7,
  "×": 8,
};

/** Entry types that are tensors (`Parameter(...)`, `Buffer(...)`), not modules. */
const TENSOR_ENTRIES = new Set(["Parameter", "Buffer"]);

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
  const rows = tableRows(model, options).map((row) => {
    // A Parameter or buffer entry is a tensor that forward: uses, never a module it calls.
    const uncalled = TENSOR_ENTRIES.has(row.type) ? "a tensor" : "not called";
    const called = shapeColumns(() => (row.called ? [row.called.outputShape, formatInteger(row.called.macs), size(row.called.activations)] : [uncalled, "", ""]));
    const count = row.count === undefined || row.count === 1 ? "" : String(row.count);
    return [row.path, row.type, row.shapes, count, formatInteger(row.params), percent(row.params, total), ...called, ...memoryColumn(() => size(row.memory ?? 0))];
  });
  const headers = ["Layer", "Type", "Parameter shapes", "×", "Params", "Share", ...shapeColumns(() => ["Output shape", "MACs", "Activations"]), ...memoryColumn(() => "Memory")];
  return {
    headers,
    align: ["left", "left", "left", "right", "right", "right", ...shapeColumns((): Align[] => ["left", "right", "right"]), ...memoryColumn((): Align => "right")],
    rows,
    priority: headers.map((header) => PRIORITY[header]),
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
    `Forward pass: ${
      shapes.inputs
        ? `inputs ${Object.entries(shapes.inputs)
            .map(([name, shape]) => `${name} [${shape.join(", ")}]`)
            .join(", ")}`
        : `input [${shapes.input.join(", ")}]`
    } → output [${shapes.output.join(", ")}] at batch ${shapes.batch}`,
    `MACs: ${formatInteger(macs)}${attention}; FLOPs = 2 × MACs = ${formatInteger(flops)} (fvcore's convention: one MAC per weight use in convolutions, linear layers and attention products)`,
    `Activations kept for backward: ${formatBytes(activations, units)}${checkpointing}${shapes.attention ? `, with ${shapes.attention.join(", ")} attention` : ""}`,
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
