import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueDocInputs, LAYER_FAMILIES, layerTypes } from "../../scripts/layer-families.js";
import { runDist, repositoryRoot } from "../helpers/run-dist.js";
import { readSection } from "../../scripts/docs-sections.mjs";
import { catalogueTable } from "../../scripts/catalogue-docs.mjs";
import { sampleComment } from "../../scripts/comment-docs.mjs";
import { BENCH_HEADERS, formatBenchTable, parseBenchTable } from "../../scripts/bench-table.mjs";

// The docs' generated sections are what their scripts make from today's code (npm run docs; the
// benchmark's with npm run bench -- --write-docs). Each test's failure says which script to rerun.
const read = (file: string): string => readFileSync(join(repositoryRoot, file), "utf8");
const section = (file: string, name: string): string => readSection(read(file), name, file) as string;

describe("docs/layers.md", () => {
  it("files every type of the catalogue under one family, once", () => {
    const filed = LAYER_FAMILIES.flatMap(({ layers }) => layers.map((layer) => layer.type));
    expect([...filed].sort()).toEqual([...layerTypes()].sort());
    expect(new Set(filed).size).toBe(filed.length);
  });

  it("lists every layer type with its signature, as scripts/catalogue-docs.mjs writes it (npm run docs)", () => {
    const table = section("docs/layers.md", "layer-catalogue");
    expect(table).toBe(catalogueTable(catalogueDocInputs()));
    expect(table).toContain("| Linear | Linear | `Linear(in_features, out_features, bias=True, device=None, dtype=None)` | `Linear(8, 5)` | weight [5, 8], bias [5] |  | yes |");
    expect(table).toContain("| `BatchNorm1d(6)` | weight [6], bias [6] | running_mean [6], running_var [6], num_batches_tracked [] | yes |");
    expect(table.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| Family") && !line.startsWith("| ---"))).toHaveLength(layerTypes().length);
  });
});

describe("the README's sample PR comment", () => {
  it("is what the current renderer prints for the GPT-2 pull request, as scripts/comment-docs.mjs writes it (npm run docs)", () => {
    const sample = section("README.md", "sample-comment");
    expect(sample).toBe(sampleComment());
    // The pull request's figures, as the comment states them: 13 blocks of GPT-2 small exceed params: 130M.
    expect(sample).toContain("> ### ❌ gpt2-small: params 132M over the 130M limit (+1.2%) — this PR +7.09M (+5.7%), more than the 2% growth allowed (+2.49M)\n");
    expect(sample).toContain("> | params and trainable | 132M | +7.09M (+5.7%) | ❌ 130M (+1.2% over) | ⚠️ 2% (+2.49M) |");
    expect(sample).toContain("> | params | 124,439,808 | 131,527,680 |");
  });
});

describe("docs/speed.md's benchmark table", () => {
  const text = section("docs/speed.md", "bench-table");
  const table = /```\n([\s\S]*?)\n```/.exec(text)![1]!;
  const { headers, rows } = parseBenchTable(table) as { headers: string[]; rows: string[][] };

  it("is the output of bench.mjs's formatter, read back and written again byte for byte", () => {
    expect(headers).toEqual(BENCH_HEADERS);
    expect(formatBenchTable(rows)).toBe(table);
    expect(text).toMatch(/^Measured by `npm run bench -- --write-docs` on node v\d+\.\d+\.\d+, \d+ × .+: \d+ timed runs per case after \d+ warm-ups, interleaved\.\n/);
  });

  it("has node -e 0 as its yardstick and a row for every example spec (rerun npm run bench -- --write-docs after adding one)", () => {
    expect(rows[0]![0]).toBe("node -e 0");
    expect(rows[0]![7]).toBe("1.00×");
    const examples = readdirSync(join(repositoryRoot, "examples")).filter((file) => file.endsWith(".yaml"));
    expect(
      rows
        .map((row) => row[0])
        .filter((name) => name!.endsWith(".yaml"))
        .sort(),
    ).toEqual(examples.sort());
  });

  it("states each example's spec lines, layer entries and instances exactly, as the CLI reports them today", () => {
    for (const row of rows.filter((cells) => cells[0]!.endsWith(".yaml"))) {
      const file = join("examples", row[0]!);
      const run = runDist(["report", file, "--format", "json"]);
      expect(run.status).toBe(0);
      const report = JSON.parse(run.stdout) as { layers: { count: number }[] };
      const instances = report.layers.reduce((sum, layer) => sum + layer.count, 0);
      const lines = read(file).split("\n").length - 1;
      expect(row.slice(1, 4), file).toEqual([lines, report.layers.length, instances].map((value) => value.toLocaleString("en-US")));
    }
  });

  it("gives every timing as a number, and each difference and ratio from its median and node -e 0's", () => {
    // The cells are rounded (medians to 0.1 ms, ratios to 0.01), so the arithmetic holds to that rounding.
    const node = Number(rows[0]![4]);
    for (const row of rows) {
      expect(
        row.filter((_, column) => [4, 5, 8].includes(column)).every((cell) => /^\d+\.\d$/.test(cell)),
        row[0],
      ).toBe(true);
      // A ratio carries its own rounding (0.005) and the two medians' (0.05 ms each, relative to their size).
      const ratio = Number(row[4]) / node;
      const tolerance = 0.005 + ratio * (0.05 / Number(row[4]) + 0.05 / node) + 1e-9;
      expect(Math.abs(Number(row[7]!.replace("×", "")) - ratio), row[0]).toBeLessThanOrEqual(tolerance);
      if (row !== rows[0]) expect(Math.abs(Number(row[6]) - (Number(row[4]) - node)), row[0]).toBeLessThanOrEqual(0.11);
    }
  });
});
