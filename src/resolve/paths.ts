import type { PathSegment } from "./types.js";

export function formatSegment(segment: PathSegment): string {
  if (typeof segment !== "object") return String(segment);
  return segment.from === segment.to ? String(segment.from) : `[${segment.from}-${segment.to}]`;
}

export function formatPath(segments: readonly PathSegment[]): string {
  return segments.map(formatSegment).join(".");
}

/** How many module instances a path stands for: the product of its index runs. */
export function instanceCount(segments: readonly PathSegment[]): number {
  return segments.reduce<number>((count, segment) => (typeof segment === "object" ? count * (segment.to - segment.from + 1) : count), 1);
}

/** `layer1.[0-1].conv1` → `layer1.0.conv1`, `layer1.1.conv1`: the module instances a layer entry's path stands for. */
export function instancePaths(path: string): string[] {
  return path.split(".").reduce<string[]>(
    (prefixes, segment) => {
      const range = /^\[(\d+)-(\d+)\]$/.exec(segment);
      const names = range ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => String(Number(range[1]) + i)) : [segment];
      return prefixes.flatMap((prefix) => names.map((name) => (prefix ? `${prefix}.${name}` : name)));
    },
    [""],
  );
}

/** How many of a layer entry's instances `tokens` name, or 0 when the entry's path does not begin them. */
export function instancesNamed(segments: readonly PathSegment[], tokens: readonly string[]): number {
  let instances = 1;
  const matches = segments.every((segment, i) => {
    const token = tokens[i]!;
    // `*` is any one child: every instance of a repeat, or any child of a plain Sequential.
    if (token === "*") {
      if (typeof segment === "object") instances *= segment.to - segment.from + 1;
      return true;
    }
    if (typeof segment === "string") return token === segment;
    if (typeof segment === "number") return token === String(segment);
    return /^\d+$/.test(token) && Number(token) >= segment.from && Number(token) <= segment.to;
  });
  return matches ? instances : 0;
}
