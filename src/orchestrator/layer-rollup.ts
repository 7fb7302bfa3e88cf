import { changeDelta, type LayerChange } from "../diff/index.js";

/**
 * Changed layers rolled up for a reader: instances of one repeat that changed alike become one
 * row with an index range (`layers.[37-47].mlp.gate`), and siblings under one parent that changed
 * alike become one row with a brace list (`layers.[37-47].mlp.{gate,up,down}`). 144 changed
 * entries of a 48-block model are then a handful of rows, every parameter still counted.
 */
export interface RolledChange {
  /** `layers.[37-47].mlp.{gate,up,down}`: plain text, escaped by whoever renders it. */
  path: string;
  /** The layer types of the row, each once. */
  types: string[];
  /** `changed`, `added`, `removed`, `× 12 → 13`, `moved from …`. */
  change: string;
  /** Parameters before (0 for added layers) and their change. */
  before: number;
  delta: number;
  /** Layer instances the row stands for. */
  instances: number;
  /** The layer entries it rolls up. */
  entries: number;
}

interface Leaf {
  segments: string[];
  row: RolledChange;
}

const INDEX = /^(\d+|\[\d+-\d+\])$/;

function changeWord(change: LayerChange): string {
  if (change.kind === "moved") return `moved from ${change.before.path}`;
  if (change.kind === "changed" && change.before.count !== change.after.count) return `× ${change.before.count} → ${change.after.count}`;
  return change.kind;
}

function leafOf(change: LayerChange): Leaf {
  const layer = change.kind === "removed" ? change.before : change.after;
  return {
    segments: layer.path.split("."),
    row: {
      path: layer.path,
      types: [layer.type],
      change: changeWord(change),
      before: change.kind === "added" ? 0 : change.before.params,
      delta: changeDelta(change),
      instances: layer.count,
      entries: 1,
    },
  };
}

/** `[0-3]` and `7` as the numbers they stand for. */
function indices(segment: string): number[] {
  const range = /^\[(\d+)-(\d+)\]$/.exec(segment);
  if (!range) return [Number(segment)];
  const numbers: number[] = [];
  for (let index = Number(range[1]); index <= Number(range[2]); index++) numbers.push(index);
  return numbers;
}

/** Sorted indices as `[0-3,7,9-11]`, or the bare number when there is one. */
export function indexRange(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  if (sorted.length === 1) return String(sorted[0]);
  const runs: string[] = [];
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end++;
    runs.push(end === start ? String(sorted[start]) : `${sorted[start]}-${sorted[end]}`);
    start = end + 1;
  }
  return `[${runs.join(",")}]`;
}

function merged(rows: readonly RolledChange[], path: string): RolledChange {
  return {
    path,
    types: [...new Set(rows.flatMap((row) => row.types))],
    change: rows[0]!.change,
    before: rows.reduce((sum, row) => sum + row.before, 0),
    delta: rows.reduce((sum, row) => sum + row.delta, 0),
    instances: rows.reduce((sum, row) => sum + row.instances, 0),
    entries: rows.reduce((sum, row) => sum + row.entries, 0),
  };
}

/** Groups leaves by a key, keeping first-seen order; a leaf whose key is undefined stays alone. */
function groupBy(leaves: readonly Leaf[], key: (leaf: Leaf) => string | undefined): Leaf[][] {
  const groups = new Map<string, Leaf[]>();
  const order: (string | Leaf[])[] = [];
  for (const leaf of leaves) {
    const name = key(leaf);
    if (name === undefined) {
      order.push([leaf]);
      continue;
    }
    if (!groups.has(name)) {
      groups.set(name, []);
      order.push(name);
    }
    groups.get(name)!.push(leaf);
  }
  return order.map((entry) => (typeof entry === "string" ? groups.get(entry)! : entry));
}

/** Instances of one repeat that changed alike: the last index segment of their path merged into a range. */
function mergeInstances(leaves: readonly Leaf[]): Leaf[] {
  const last = (leaf: Leaf) => leaf.segments.reduce((found, segment, index) => (INDEX.test(segment) ? index : found), -1);
  const groups = groupBy(leaves, (leaf) => {
    const at = last(leaf);
    if (at < 0 || leaf.row.change.startsWith("moved")) return undefined;
    return [leaf.segments.map((segment, index) => (index === at ? "#" : segment)).join("."), leaf.row.change, leaf.row.types.join(",")].join("\u0000");
  });
  return groups.map((group) => {
    if (group.length === 1) return group[0]!;
    const at = last(group[0]!);
    const segments = group[0]!.segments.map((segment, index) => (index === at ? indexRange(group.flatMap((leaf) => indices(leaf.segments[index]!))) : segment));
    return {
      segments,
      row: merged(
        group.map((leaf) => leaf.row),
        segments.join("."),
      ),
    };
  });
}

/** Siblings under one parent that changed the same way: one row, their names in braces. */
function mergeSiblings(leaves: readonly Leaf[]): Leaf[] {
  const groups = groupBy(leaves, (leaf) =>
    leaf.segments.length < 2 || leaf.row.change.startsWith("moved") ? undefined : [leaf.segments.slice(0, -1).join("."), leaf.row.change].join("\u0000"),
  );
  return groups.map((group) => {
    if (group.length === 1) return group[0]!;
    const parent = group[0]!.segments.slice(0, -1);
    const segments = [...parent, `{${group.map((leaf) => leaf.segments.at(-1)).join(",")}}`];
    return {
      segments,
      row: merged(
        group.map((leaf) => leaf.row),
        segments.join("."),
      ),
    };
  });
}

/**
 * The changes rolled up, ordered by module path with the largest subtrees first: at the first
 * level where two rows' paths part, the subtree whose parameters changed more comes first; rows
 * of equal subtrees keep the model's order.
 */
export function rollUpChanges(changes: readonly LayerChange[]): RolledChange[] {
  const leaves = mergeSiblings(mergeInstances(changes.map(leafOf)));
  const prefix = (leaf: Leaf, depth: number) => leaf.segments.slice(0, depth + 1).join(".");
  const subtree = new Map<string, number>();
  for (const leaf of leaves) {
    for (let depth = 0; depth < leaf.segments.length; depth++) subtree.set(prefix(leaf, depth), (subtree.get(prefix(leaf, depth)) ?? 0) + Math.abs(leaf.row.delta));
  }
  const position = new Map(leaves.map((leaf, index) => [leaf, index]));
  const firstAt = new Map<string, number>();
  for (const leaf of leaves)
    for (let depth = 0; depth < leaf.segments.length; depth++) if (!firstAt.has(prefix(leaf, depth))) firstAt.set(prefix(leaf, depth), position.get(leaf)!);
  const compare = (a: Leaf, b: Leaf): number => {
    for (let depth = 0; depth < Math.max(a.segments.length, b.segments.length); depth++) {
      const [left, right] = [prefix(a, depth), prefix(b, depth)];
      if (left === right) continue;
      return (subtree.get(right) ?? 0) - (subtree.get(left) ?? 0) || firstAt.get(left)! - firstAt.get(right)!;
    }
    return position.get(a)! - position.get(b)!;
  };
  return [...leaves].sort(compare).map((leaf) => leaf.row);
}
