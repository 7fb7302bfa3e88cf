// The benchmark's table (scripts/bench.mjs) as text: made from the measured cases, and read back
// from docs/speed.md, where `npm run bench -- --write-docs` puts it. Timings differ on every run, so
// test/docs/generated.test.ts cannot compare them with a fresh run; it checks instead that the
// committed table is this formatter's output (read back and written again, byte for byte), with
// these headers, a row for every example spec, and the exact spec lines, layers and instances.

export const BENCH_HEADERS = ["case", "spec lines", "layers", "instances", "median ms", "min ms", "ms above node", "× node", "cpu ms", "cpu × node"];

const int = (value) => (value === undefined ? "" : value.toLocaleString("en-US"));

/** One row of cells per case; `node` and `nodeCpu` are `node -e 0`'s medians, the yardstick. */
export function benchRows(cases, node, nodeCpu) {
  return cases.map((item) => [
    item.name,
    int(item.lines),
    int(item.layers),
    int(item.instances),
    item.median.toFixed(1),
    item.min.toFixed(1),
    item.baseline ? "" : (item.median - node >= 0 ? "+" : "") + (item.median - node).toFixed(1),
    `${(item.median / node).toFixed(2)}×`,
    item.cpu.toFixed(1),
    `${(item.cpu / nodeCpu).toFixed(2)}×`,
  ]);
}

/** The table's lines: the first column left-aligned, the others right-aligned, a rule under the headers. */
export function formatBenchTable(rows) {
  const widths = BENCH_HEADERS.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  return [line(BENCH_HEADERS), widths.map((width) => "─".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

/** The cells of a table `formatBenchTable` wrote, cut at the columns its rule marks. */
export function parseBenchTable(text) {
  const [header, rule, ...lines] = text.split("\n");
  const columns = [...rule.matchAll(/─+/g)].map((match) => [match.index, match.index + match[0].length]);
  const cells = (line) => columns.map(([start, end], column) => (column === 0 ? line.slice(start, end).trimEnd() : line.slice(start, end).trim()));
  return { headers: cells(header), rows: lines.map(cells) };
}

/** The docs section: where and how the figures were measured, then the table as a code block. */
export function benchSection(machine, rows) {
  return [machine, "", "```", formatBenchTable(rows), "```"].join("\n");
}
