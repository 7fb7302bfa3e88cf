import type { JsonReport } from "../analysis/index.js";

export interface LayerState {
  path: string;
  type: string;
  count: number;
  /** All instances together: `count × per-instance params`. */
  params: number;
  formula: string;
  line: number;
}

export type LayerChange =
  | { kind: "added"; after: LayerState }
  | { kind: "removed"; before: LayerState }
  | { kind: "changed"; before: LayerState; after: LayerState; delta: number }
  | { kind: "moved"; before: LayerState; after: LayerState };

export interface ModelDiff {
  changes: LayerChange[];
  unchanged: LayerState[];
}

export function layerStates(report: JsonReport): LayerState[] {
  return report.layers.map((layer) => ({
    path: layer.path,
    type: layer.type,
    count: layer.count,
    params: layer.params * layer.count,
    formula: layer.formula,
    line: layer.line,
  }));
}

/** A repeat that grows from 12 to 24 instances is the same entry changed, not one removed and one added. */
export function layerIdentity(path: string): string {
  return path.replace(/\[\d+-\d+\]/g, "[*]");
}

/** What a layer is apart from where it sits: a moved layer keeps this. */
function content(layer: LayerState): string {
  return `${layer.type}\u0000${layer.count}\u0000${layer.params}\u0000${layer.formula.slice(layer.formula.indexOf(":"))}`;
}

/**
 * Each head entry's base entry: the one at the same path, else the first left over of the same
 * identity (a repeat that grew). Several runs of an index repeat share an identity
 * (`features.[5-6]`, `features.[8-10]`), so paths are matched before identities.
 */
function baseEntries(base: readonly LayerState[], head: readonly LayerState[]): (LayerState | undefined)[] {
  const byPath = new Map(base.map((layer) => [layer.path, layer]));
  const paired = head.map((after) => byPath.get(after.path));
  const used = new Set(paired);
  const leftOver = new Map<string, LayerState[]>();
  for (const layer of base) {
    if (used.has(layer)) continue;
    const identity = layerIdentity(layer.path);
    const runs = leftOver.get(identity);
    if (runs) runs.push(layer);
    else leftOver.set(identity, [layer]);
  }
  return head.map((after, i) => paired[i] ?? leftOver.get(layerIdentity(after.path))?.shift());
}

/**
 * Per-layer differences between two reports of one model: added, removed, changed (parameters or
 * type), and moved (removed in one place, added with identical content in another). Head order.
 */
export function diffLayers(base: JsonReport, head: JsonReport): ModelDiff {
  const baseLayers = layerStates(base);
  const headLayers = layerStates(head);
  const previousOf = baseEntries(baseLayers, headLayers);
  const matched = new Set(previousOf);
  const changes: LayerChange[] = [];
  const unchanged: LayerState[] = [];
  const added: LayerState[] = [];
  headLayers.forEach((after, i) => {
    const previous = previousOf[i];
    if (!previous) {
      added.push(after);
      return;
    }
    // More instances of a parameter-free layer (a dropout in a longer repeat) change nothing a reviewer budgets.
    const same = previous.params === after.params && previous.type === after.type && (previous.count === after.count || after.params === 0);
    if (same) unchanged.push(after);
    else changes.push({ kind: "changed", before: previous, after, delta: after.params - previous.params });
  });
  const removed = baseLayers.filter((layer) => !matched.has(layer));
  for (const after of added) {
    const index = removed.findIndex((candidate) => content(candidate) === content(after));
    if (index >= 0 && after.params > 0) changes.push({ kind: "moved", before: removed.splice(index, 1)[0]!, after });
    else changes.push({ kind: "added", after });
  }
  changes.push(...removed.map((layer): LayerChange => ({ kind: "removed", before: layer })));
  return { changes, unchanged };
}

/** The parameters a change adds (negative when it removes them). */
export function changeDelta(change: LayerChange): number {
  switch (change.kind) {
    case "added":
      return change.after.params;
    case "removed":
      return -change.before.params;
    case "changed":
      return change.delta;
    case "moved":
      return 0;
  }
}
