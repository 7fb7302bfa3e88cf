/**
 * Human sizes in budget files, read exactly: `25.6M` is 25,600,000, never 25,599,999.99.
 * Decimal digits are kept as integers (BigInt) until the unit is applied, then floored.
 */

const COUNT_UNITS: Record<string, bigint> = { "": 1n, K: 1000n, M: 1000n ** 2n, B: 1000n ** 3n, T: 1000n ** 4n };
const BYTE_UNITS: Record<string, bigint> = {
  B: 1n,
  KB: 1000n,
  MB: 1000n ** 2n,
  GB: 1000n ** 3n,
  TB: 1000n ** 4n,
  KIB: 1024n,
  MIB: 1024n ** 2n,
  GIB: 1024n ** 3n,
  TIB: 1024n ** 4n,
};

export type Quantity = { kind: "count"; value: number } | { kind: "bytes"; value: number } | { kind: "percent"; value: number };

const NUMBER = /^\s*([0-9][0-9_]*)(?:\.([0-9]+))?\s*(%|[A-Za-z]*)\s*$/;

function scaled(whole: string, fraction: string, unit: bigint): number {
  const digits = BigInt(`${whole.replaceAll("_", "")}${fraction}`);
  const value = (digits * unit) / 10n ** BigInt(fraction.length);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`beyond 2^53`);
  return Number(value);
}

/** Reads `124439808`, `125M`, `24GiB`, `80GB`, `2%`; undefined when the text is none of these. */
export function parseQuantity(raw: string | number): Quantity | undefined {
  if (typeof raw === "number") return Number.isSafeInteger(raw) && raw >= 0 ? { kind: "count", value: raw } : undefined;
  const match = NUMBER.exec(raw);
  if (!match) return undefined;
  const [, whole = "", fraction = "", unit = ""] = match;
  if (unit === "%") return { kind: "percent", value: Number(`${whole.replaceAll("_", "")}.${fraction || "0"}`) };
  const upper = unit.toUpperCase();
  const count = COUNT_UNITS[upper];
  if (count !== undefined) return { kind: "count", value: scaled(whole, fraction, count) };
  const bytes = BYTE_UNITS[upper];
  if (bytes !== undefined) return { kind: "bytes", value: scaled(whole, fraction, bytes) };
  return undefined;
}
