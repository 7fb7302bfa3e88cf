import { formatInteger } from "../count/index.js";
import { describeDtype, type ServingBreakdown } from "../memory/index.js";
import { formatBytes, type ByteUnits } from "../metrics/index.js";
import type { TableModel } from "./layer-table.js";

/** `Serving: 1 sequence of 8,192 tokens, bfloat16 weights, bfloat16 KV cache, sdpa attention`. */
export function servingHeading(serving: ServingBreakdown): string {
  const { context, batch, dtype, kvDtype, attention, kvWindow, logits } = serving.recipe;
  const sequences = `${formatInteger(batch.value)} ${batch.value === 1 ? "sequence" : "sequences"}`;
  const shape = context ? `${sequences} of ${formatInteger(context.value)} tokens` : `a batch of ${formatInteger(batch.value)}`;
  const windows = serving.caches.some((group) => group.window !== undefined) ? `, sliding windows ${kvWindow.value === "cap" ? "capped" : "kept in full"}` : "";
  const last = logits.value === "last" ? ", logits at the last position" : "";
  return `Serving: ${shape}, ${describeDtype(dtype.value)} weights, ${describeDtype(kvDtype.value)} KV cache, ${attention.value} attention${windows}${last}`;
}

/** The serving figures, exact and in human units, and the prefill peak's parts under it. */
export function servingTable(serving: ServingBreakdown, units: ByteUnits): TableModel {
  const { bytes, prefill } = serving;
  const row = (label: string, value: number) => [label, formatInteger(value), formatBytes(value, units)];
  const perToken = bytes.kvCachePerToken === 0 ? "KV cache" : `KV cache (${formatInteger(bytes.kvCachePerToken)} B per token)`;
  return {
    headers: ["Serving memory", "Bytes", "Size"],
    align: ["left", "right", "right"],
    rows: [
      row("Weights", bytes.weights),
      row("Buffers", bytes.buffers),
      row(perToken, bytes.kvCache),
      ...crossParts(serving).map((part) => row(`  ${part.what}`, part.bytes)),
      ...(bytes.statePerSequence > 0 ? [row(`State-space state (${formatInteger(bytes.statePerSequence)} B per sequence)`, bytes.state)] : []),
      row(`Prefill peak${prefill.at ? ` (at ${prefill.at})` : ""}`, bytes.prefillPeak),
      ...prefill.parts.map((part) => row(`  ${part.what}`, part.bytes)),
      ...(bytes.overhead > 0 ? [row("Overhead allowance", bytes.overhead)] : []),
    ],
    footer: [row("Total", bytes.total)],
  };
}

/** The cross-attention part of the KV cache: kept once per sequence over the encoder's positions, not per token. */
function crossParts(serving: ServingBreakdown): { what: string; bytes: number }[] {
  const batch = serving.recipe.batch.value;
  return serving.caches.flatMap(({ tokens, instances, bytesPerToken }) =>
    tokens === undefined
      ? []
      : [
          {
            what: `cross-attention: ${formatInteger(instances)} ${instances === 1 ? "layer" : "layers"} × ${formatInteger(tokens)} encoder positions`,
            bytes: batch * instances * bytesPerToken * tokens,
          },
        ],
  );
}
