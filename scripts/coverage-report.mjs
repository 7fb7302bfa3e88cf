// Prints what `npm run coverage` measured: line and branch coverage per folder of src/, and per file
// for the edges that mostly run inside the action (src/action, src/git), from coverage/coverage-summary.json.
import { readFileSync } from "node:fs";
import { relative } from "node:path";

const DETAILED = ["src/action/", "src/git/"];
const summary = JSON.parse(readFileSync("coverage/coverage-summary.json", "utf8"));
const folders = new Map();
const detailed = [];
for (const [file, metrics] of Object.entries(summary)) {
  if (file === "total") continue;
  const path = relative(process.cwd(), file);
  const folder = path.split("/").slice(0, 2).join("/");
  const sum = folders.get(folder) ?? { lines: { covered: 0, total: 0 }, branches: { covered: 0, total: 0 } };
  for (const kind of ["lines", "branches"]) {
    sum[kind].covered += metrics[kind].covered;
    sum[kind].total += metrics[kind].total;
  }
  folders.set(folder, sum);
  if (DETAILED.some((prefix) => path.startsWith(prefix))) detailed.push([path, metrics]);
}

const percent = ({ covered, total }) => (total ? `${((100 * covered) / total).toFixed(1)}%` : "-").padStart(7);
const row = (name, metrics) => `${name.padEnd(36)} ${percent(metrics.lines)} ${percent(metrics.branches)}`;
console.log(`\n${"coverage (in-process tests)".padEnd(36)} ${"lines".padStart(7)} ${"branches".padStart(7)}`);
for (const [folder, metrics] of [...folders].sort()) console.log(row(folder, metrics));
console.log(row("all of src/", summary.total));
console.log(`\n${"src/action and src/git, per file".padEnd(36)} ${"lines".padStart(7)} ${"branches".padStart(7)}`);
for (const [path, metrics] of detailed.sort()) console.log(row(path, metrics));
