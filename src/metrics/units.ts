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
