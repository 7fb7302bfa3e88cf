import type { SourcePosition } from "../diagnostics/index.js";
import type { Value } from "../parse/values.js";

/**
 * The places in the spec files that shaped a layer entry, innermost first: its call, the variables
 * and block parameters it read, then its entry and each enclosing entry (`repeat:`, `if:`, `use:`,
 * `include:`) with what those read. One node per entry, shared by everything inside it: positions, never copies.
 * The action annotates a grown layer at the first of these that the pull request changed.
 */
export interface Origins {
  positions: readonly SourcePosition[];
  outer?: Origins;
}

/** Where each variable's or block parameter's value was written, with the places of the values it was computed from. */
const valueOrigins = new WeakMap<Value, readonly SourcePosition[]>();

/** The values read by name while the innermost `trackReads` runs. */
let reading: Value[] | undefined;

/** Called by the evaluator for each name it looks up in a scope. */
export function noteRead(value: Value): void {
  reading?.push(value);
}

/** Runs `work`, and the places that shaped every variable it read (reads inside nested tracking count here too). */
export function trackReads<T>(work: () => T): { result: T; positions: SourcePosition[] } {
  const outer = reading;
  const read: Value[] = [];
  reading = read;
  let result: T;
  try {
    result = work();
  } finally {
    reading = outer;
    outer?.push(...read);
  }
  const positions = new Set<SourcePosition>();
  for (const value of read) for (const position of valueOrigins.get(value) ?? []) positions.add(position);
  return { result, positions: [...positions] };
}

/** A variable's value written at `at`, computed from `read`; a value shared by two names (`b: a`) keeps both places. */
export function defineValue(value: Value, at: SourcePosition, read: readonly SourcePosition[]): void {
  const earlier = valueOrigins.get(value) ?? [];
  valueOrigins.set(value, [...new Set([...earlier, at, ...read])]);
}

/** The value computed by `work` at `at`, its origin recorded. */
export function defined(at: SourcePosition, work: () => Value): Value {
  const { result, positions } = trackReads(work);
  defineValue(result, at, positions);
  return result;
}

/** The first place in the chain, innermost first, that `changed` holds. */
export function firstChanged(origins: Origins | undefined, changed: ReadonlyMap<string, ReadonlySet<number>>): SourcePosition | undefined {
  for (let node = origins; node; node = node.outer) {
    for (const position of node.positions) if (changed.get(position.file)?.has(position.line)) return position;
  }
  return undefined;
}
