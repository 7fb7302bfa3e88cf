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
