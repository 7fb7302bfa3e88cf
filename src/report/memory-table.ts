import type { AnalyzedModel } from "../analysis/index.js";
import { formatInteger } from "../count/index.js";
import { CATEGORIES, CATEGORY_NAMES, categoryLines, modelMemoryLines, weightsAndState, type Category, type MemoryBreakdown, type MemoryFigures } from "../memory/index.js";
import { isShown, type ReportOptions, type TableModel } from "./layer-table.js";
import { formatBytes, type ByteUnits } from "../metrics/index.js";

const UNITS_NOTE: Record<ByteUnits, string> = { iec: "IEC units, 1 KiB = 1,024 B", si: "SI units, 1 kB = 1,000 B" };

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `training with AdamW in mixed-bf16 on 64 GPUs, ZeRO stage 3`, or `inference in fp32: weights and buffers only`. */
export function memoryHeading(memory: MemoryBreakdown, units: ByteUnits): string {
  const { optimizer, precision, gpus, zero } = memory.recipe;
  const mode = optimizer ? `training with ${optimizer.value.text} in ${precision.value.name}` : `inference in ${precision.value.name}: weights and buffers only`;
  const layout = memory.parallel?.layout;
  const degrees = layout ? ` (tp ${layout.tp}, pp ${layout.pp}, cp ${layout.cp}, dp ${layout.dp}${layout.ep > 1 ? `, ep ${layout.ep}` : ""})` : "";
  const spread = gpus.value > 1 ? ` on ${gpus.value} GPUs${degrees}, ZeRO stage ${zero.value}` : "";
  return `Memory: ${mode}${spread} (${UNITS_NOTE[units]})`;
}

function perGpuHeader(memory: MemoryBreakdown): string {
  const { gpus, zero } = memory.recipe;
  const parallel = memory.parallel;
  if (!parallel) return `Per GPU (${gpus.value} GPUs, ZeRO stage ${zero.value})`;
  const stage = parallel.layout.pp > 1 ? `, stage ${parallel.worst} of ${parallel.layout.pp}` : "";
  return `Per GPU (worst rank${stage}, ZeRO stage ${zero.value})`;
}

/**
 * Bytes by category, exact and in human units, per GPU when sharded. Training adds the reading of
 * weights + optimizer state beside the total: the "× 3" rule of thumb for fp32 Adam.
 */
export function memoryTable(memory: MemoryBreakdown, units: ByteUnits): TableModel {
  const { bytes, perGpu, recipe } = memory;
  const cells = (pick: (figures: MemoryFigures) => number) => {
    const values = [pick(bytes), ...(perGpu ? [pick(perGpu)] : [])];
    return values.flatMap((value) => [formatInteger(value), formatBytes(value, units)]);
  };
  const shown: readonly Category[] = recipe.optimizer ? CATEGORIES.filter((category) => category !== "activations" || bytes.activations > 0) : ["weights", "buffers"];
  const { times } = weightsAndState(bytes);
  const ratio = times === undefined ? "" : ` (${times} × weights)`;
  return {
    headers: ["Memory", "Bytes", "Size", ...(perGpu ? [perGpuHeader(memory), "Size per GPU"] : [])],
    align: ["left", "right", "right", ...(perGpu ? (["right", "right"] as const) : [])],
    rows: shown.flatMap((category) => [
      [capitalized(CATEGORY_NAMES[category]), ...cells((figures) => figures[category])],
      ...(category === "weights" ? adapterRows(memory, units) : []),
    ]),
    footer: [
      ["Total", ...cells((figures) => figures.total)],
      ...(recipe.optimizer ? [[`Weights + optimizer state${ratio}`, ...cells((figures) => weightsAndState(figures).bytes)]] : []),
    ],
  };
}

/** With an adapter, the weights split into the frozen base's and the adapter's (over all GPUs: sharding splits both alike). */
function adapterRows(memory: MemoryBreakdown, units: ByteUnits): string[][] {
  if (memory.adapterWeights === undefined) return [];
  const blank = memory.perGpu ? ["", ""] : [];
  const row = (label: string, value: number) => [label, formatInteger(value), formatBytes(value, units), ...blank];
  return [row("  of which the base", memory.bytes.weights - memory.adapterWeights), row("  of which the adapter", memory.adapterWeights)];
}

/** For --explain: the model's memory arithmetic, then each shown layer's, per instance; nested lines are indented. */
export function memoryFormulaLines(model: AnalyzedModel, memory: MemoryBreakdown, options: ReportOptions): string[] {
  const layerLines = model.layers.flatMap((layer, index) => {
    const { terms, bytes } = memory.layers[index]!;
    const lines = categoryLines(terms, bytes);
    if (!isShown(layer, options) || lines.length === 0) return [];
    const times = layer.count === 1 ? "" : ` per instance (× ${formatInteger(layer.count)} = ${formatInteger(bytes.total * layer.count)} B)`;
    return [`${layer.path}: ${formatInteger(bytes.total)} B${times}`, ...lines.map((line) => `  ${line}`)];
  });
  return [...modelMemoryLines(memory), ...layerLines];
}
