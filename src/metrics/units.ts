export type ByteUnits = "iec" | "si";

const IEC = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
const SI = ["B", "kB", "MB", "GB", "TB", "PB"];

/** 151552 → "148.0 KiB" (IEC, the default) or "151.6 kB" (SI): readable, labelled, never ambiguous. */
export function formatBytes(bytes: number, units: ByteUnits = "iec"): string {
  const base = units === "iec" ? 1024 : 1000;
  const names = units === "iec" ? IEC : SI;
  let value = Math.abs(bytes);
  let index = 0;
  while (value >= base && index < names.length - 1) {
    value /= base;
    index++;
  }
  const sign = bytes < 0 ? "-" : "";
  return index === 0 ? `${sign}${value} B` : `${sign}${value.toFixed(value >= 100 ? 1 : 2)} ${names[index]}`;
}

const COUNT_SUFFIXES = ["", "K", "M", "B", "T", "Q"];
const MINUS = "−";

/** Three significant digits, trailing zeros dropped: 2.97, 40.8, 551, 40. */
function threeDigits(value: number): string {
  return value
    .toPrecision(3)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
}

/** In `step`-sized units with three significant digits, moving up a unit when rounding reaches 1,000 (999,999 → 1M). */
function scaled(value: number, step: number, names: readonly string[], separator: string): string {
  let magnitude = Math.abs(value);
  if (magnitude < step) return `${value < 0 ? MINUS : ""}${magnitude}${names[0] ? `${separator}${names[0]}` : ""}`;
  let index = 0;
  while (magnitude >= step && index < names.length - 1) {
    magnitude /= step;
    index++;
  }
  // Three digits hold at most 999: 1,000 MiB is 0.977 GiB, 999.9K is 1M.
  if (Number(magnitude.toPrecision(3)) >= 1000 && index < names.length - 1) {
    magnitude /= step;
    index++;
  }
  return `${value < 0 ? MINUS : ""}${threeDigits(magnitude)}${separator}${names[index]}`;
}

/**
 * A figure for a reader in a hurry, the PR comment's one number style: three significant digits
 * and a unit. Counts in K/M/B/T (`2.97M`, `40.8B`, `650`), bytes in IEC units (`551 MiB`, `512 B`).
 * Exact integers stay in the comment's folded details and in the JSON report.
 */
export function formatShort(value: number, unit: "count" | "bytes"): string {
  return unit === "bytes" ? scaled(value, 1024, IEC, " ") : scaled(value, 1000, COUNT_SUFFIXES, "");
}

/** A change with its sign: `+7.09M`, `−551 MiB`, `±0`. */
export function formatSignedShort(delta: number, unit: "count" | "bytes"): string {
  return delta === 0 ? "±0" : `${delta > 0 ? "+" : ""}${formatShort(delta, unit)}`;
}

/** A change as a signed share of what it changes: `+35.8%`, `−0.012%`, `new` when there was nothing. */
export function formatSignedPercent(delta: number, base: number): string {
  if (delta === 0) return "±0%";
  if (base === 0) return "new";
  const percent = (100 * delta) / base;
  const magnitude = Math.abs(percent);
  const digits = magnitude >= 0.1 ? magnitude.toFixed(1) : magnitude.toPrecision(2);
  return `${percent > 0 ? "+" : MINUS}${digits}%`;
}

/** Names as a sentence lists them: `params and trainable`, `params, trainable and active-params`. */
export function listed(names: readonly string[]): string {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}`;
}
