import type { SourcePosition } from "../diagnostics/index.js";

/** A path into the parsed data, as ajv's instancePath and our resolver name it. */
export type DataPath = readonly (string | number)[];

/** A parsed YAML file that keeps its source positions: they are our error messages. */
export interface YamlSource {
  file: string;
  text: string;
  data: unknown;
  /** Position of the value at `path` (or of the nearest enclosing node that exists). */
  at(path: DataPath): SourcePosition;
  /** Position of the mapping key that holds `path`'s last segment. */
  keyAt(path: DataPath): SourcePosition;
  /** True when the value at `path` is a quoted YAML scalar (`'sum'` or `"sum"`). */
  quotedAt(path: DataPath): boolean;
  /** For a string value: maps an offset inside the string to its position in the file. */
  offsetsAt(path: DataPath): (offset: number) => SourcePosition;
  /** The text a scalar at `path` is written as (`~`, `null`, or "" for an empty value). */
  writtenAt(path: DataPath): string | undefined;
}

/** Mappings this long get a key index for positions; shorter ones are searched. */
export const INDEXED_MAP_SIZE = 64;

/**
 * Where an offset inside a scalar's string lies in the file: plain and quoted one-line scalars hold
 * the string verbatim (after the opening quote), so offsets map exactly; for escaped or folded text
 * only the scalar's start is known. Shared by both readers so that their answers agree.
 */
export function scalarOffsets(text: string, begin: number, quoted: boolean, value: string, at: (offset: number) => SourcePosition): (offset: number) => SourcePosition {
  const quote = quoted ? 1 : 0;
  const verbatim = text.startsWith(value, begin + quote);
  return (offset) => at(verbatim ? begin + quote + offset : begin);
}
