import type { CountedTensor } from "./types.js";

/**
 * 124439808 → "124,439,808": the grouping reviewers read at a glance. Done by hand because
 * toLocaleString goes through ICU, which costs more than counting a layer.
 */
export function formatInteger(value: number): string {
  const digits = String(Math.abs(value));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return value < 0 ? `-${grouped}` : grouped;
}

/**
 * The arithmetic behind a layer's count, e.g. `Conv2d(3, 64, 7): 64 × 3 × 7 × 7 + 64 = 9,472`.
 * Tensors of one shape are grouped (`8 × 512 × 512`) so long layers stay readable.
 */
export function layerFormula(callText: string, parameters: readonly CountedTensor[], params: number): string {
  const counted = parameters.filter((tensor) => tensor.sharedWith === undefined);
  const groups = new Map<string, number>();
  for (const tensor of counted) {
    const key = tensor.shape.length ? tensor.shape.join(" × ") : "1";
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const terms = [...groups].map(([shape, times]) => (times === 1 ? shape : `${times} × ${shape}`));
  const shared = parameters.filter((tensor) => tensor.sharedWith !== undefined).map((tensor) => `${tensor.name || "the tensor"} shared with ${tensor.sharedWith}, counted there`);
  const note = shared.length ? ` (${shared.join("; ")})` : "";
  if (terms.length === 0) return `${callText}: no parameters${note}`;
  return `${callText}: ${terms.join(" + ")} = ${formatInteger(params)}${note}`;
}
