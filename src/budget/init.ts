import { LIMITED_METRICS, metricNamed, type Metric, type Quantities } from "../metrics/index.js";

const COUNT_UNITS: [number, string][] = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "K"],
];
const BYTE_UNITS: [number, string][] = [
  [1024 ** 4, "TiB"],
  [1024 ** 3, "GiB"],
  [1024 ** 2, "MiB"],
  [1024, "KiB"],
];

/**
 * A limit for a budget file: rounded *up* to three significant digits of its unit, so the
 * written text, read back exactly, is never below the value (`25,557,032` → `25.6M`).
 */
export function roundedLimit(value: number, bytes: boolean): string {
  // Nothing to round: a frozen model's trainable count, a parameter-free model's params. The limit keeps them so.
  if (value === 0) return "0";
  // Under 1 KiB a plain integer, which a budget reads as bytes for a memory metric (it has no "B" unit).
  const [scale, unit] = (bytes ? BYTE_UNITS : COUNT_UNITS).find(([size]) => value >= size) ?? [1, ""];
  const decimals = Math.max(0, 2 - Math.floor(Math.log10(value / scale)));
  const factor = 10n ** BigInt(decimals);
  // In integers: the smallest number of 1/factor units that reaches the value, never a float's guess.
  const units = (BigInt(value) * factor + BigInt(scale) - 1n) / BigInt(scale);
  const fixed = (Number(units) / Number(factor)).toFixed(decimals);
  const text = decimals > 0 ? fixed.replace(/\.?0+$/, "") : fixed;
  return `${text}${unit}`;
}

/** `value × (1 + percent/100)`, rounded up, in integers: 900,000 + 10% is 990,000, not 990,001. */
function withHeadroom(value: number, percent: number): number {
  const millionths = BigInt(Math.round(percent * 1e6));
  const scale = 100_000_000n;
  return Number((BigInt(value) * (scale + millionths) + scale - 1n) / scale);
}

/**
 * Whether a limit on `metric` would only restate its twin's (trainable when nothing is frozen,
 * FLOPs beside MACs): one edit would then break two limits. A check still folds the two if a budget has both.
 */
function restatesTwin(metric: Metric, quantities: Quantities): boolean {
  const twin = metricNamed(metric).twin;
  const partner = twin && quantities[twin.of];
  return twin !== undefined && partner !== undefined && quantities[metric] === partner * twin.factor;
}

export interface InitEntry {
  key: string;
  quantities: Quantities;
}

/** A budget file with each model's current figures plus `headroom` percent, rounded up. */
export function initialBudget(entries: readonly InitEntry[], headroom: number, growth: string): string {
  const lines = [
    "# yaml-language-server: $schema=https://raw.githubusercontent.com/model-budget/model-budget/main/schema/budget.schema.json",
    `# Written by model-budget init with ${headroom}% headroom over the current figures. Raising a`,
    "# limit is a reviewed change: the PR comment shows old → new for every edited limit.",
    "models:",
  ];
  for (const { key, quantities } of entries) {
    lines.push(`  ${JSON.stringify(key)}:`);
    for (const metric of LIMITED_METRICS) {
      const value = quantities[metric];
      if (value === undefined || restatesTwin(metric, quantities)) continue;
      lines.push(`    ${metric}: ${roundedLimit(withHeadroom(value, headroom), metricNamed(metric).unit === "bytes")}`);
    }
    lines.push(`    growth: ${growth}`);
  }
  return `${lines.join("\n")}\n`;
}
