import { SpecError, type SourcePosition } from "../diagnostics/index.js";
import { parseQuantity } from "../parse/sizes.js";
import type { DataPath, YamlSource } from "../parse/yaml.js";

/** An accelerator a spec's `serving.accelerators` or a budget file's `accelerators` adds to fits' table. */
export interface ResolvedAccelerator {
  name: string;
  memoryBytes: number;
  /** Where the figure comes from: the entry's `source:`, else the file and line that set it. */
  source: string;
  position: SourcePosition;
}

/**
 * Reads `{NAME: {memory: 48GiB, source: "..."}}` at `path` (the schema has checked its shape): each
 * memory an amount of bytes of at least 1, or an error at it saying how to write one.
 */
export function acceleratorsAt(source: YamlSource, path: DataPath, raw: Record<string, { memory: string | number; source?: string }>): ResolvedAccelerator[] {
  return Object.entries(raw).map(([name, entry]) => {
    const at = source.at([...path, name, "memory"]);
    let quantity: ReturnType<typeof parseQuantity>;
    try {
      quantity = parseQuantity(entry.memory);
    } catch {
      quantity = undefined;
    }
    // A plain integer is bytes.
    const bytes = quantity && (quantity.kind === "bytes" || typeof entry.memory === "number") ? quantity.value : undefined;
    if (bytes === undefined || bytes < 1)
      throw new SpecError(
        "invalid-accelerator",
        at,
        `${name}'s memory must be an amount of bytes of at least 1 such as 48GiB or 80GB, not '${String(entry.memory)}'`,
        "write it as the vendor states it: 48GiB in binary units (as memory chips are sized), 48GB in decimal, or a number of bytes",
      );
    const position = source.keyAt([...path, name]);
    return { name, memoryBytes: bytes, source: entry.source ?? `${position.file}:${position.line}`, position };
  });
}
