import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { JsonReport } from "../../src/analysis/index.js";
import { renderHtmlReport, reportPageData, scriptSafeJson } from "../../src/html/page.js";
import type { PageNode } from "../../src/html/page-types.js";
import { runDist } from "../helpers/run-dist.js";
import { embeddedPageData } from "./page-data.js";

function report(...args: string[]): JsonReport {
  const run = runDist(["report", ...args, "--format", "json"], { timeoutMs: 30_000 });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as JsonReport;
}

function leaves(node: PageNode): PageNode[] {
  return node.children ? node.children.flatMap(leaves) : [node];
}

describe("the HTML report's data", () => {
  it("embeds JSON that cannot close its script element, open a comment or break a line, and reads back unchanged", () => {
    const hostile = { name: "</script><script>alert(1)</script><!-- a & b > c \u2028\u2029" };
    const text = scriptSafeJson(hostile);
    expect(text).toBe('{"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003c!-- a \\u0026 b \\u003e c \\u2028\\u2029"}');
    expect(JSON.parse(text)).toEqual(hostile);
  });

  it("draws GPT-2's tied head at its owner, its blocks once with their count, and what the totals hold beyond the layers", () => {
    const gpt2 = report("examples/gpt2.yaml", "--optimizer", "AdamW", "--batch", "1");
    const page = reportPageData([gpt2]);
    const model = page.models[0]!;
    expect(model.metrics.map((metric) => [metric.key, metric.total])).toEqual([
      ["params", 124_439_808],
      ["weights", 497_759_232],
      ["memory", 3_150_262_464],
      ["macs", 145_824_153_600],
      ["activations", 1_159_225_536],
    ]);
    const children = model.root!.children!;
    expect(children.find((child) => child.path === "wte")!.parameters).toEqual([
      { name: "weight", shape: [50257, 768], numel: 38_597_376, trainable: true, dtype: "float32", sharedBy: ["lm_head.weight"] },
    ]);
    expect(children.find((child) => child.path === "lm_head")!.parameters![0]).toMatchObject({ sharedWith: "wte.weight", numel: 38_597_376 });
    expect(children.find((child) => child.path === "h")!.children!.map((group) => [group.path, group.count])).toEqual([["h.[0-11]", 12]]);
    // Memory's remainder is exactly the step's activations; MACs' exactly attention's products (19,327,352,832).
    const outside = children.find((child) => child.path === "(outside layers)")!;
    expect(outside.values).toEqual([0, 0, 1_159_225_536, 19_327_352_832, 227_082_432]);
    expect(outside.outside).toBe(
      "Training memory: the activations a training step keeps, which the model holds as a whole; MACs: attention's score and weighted-sum products, which no layer entry holds; Activation bytes: figures the model's total holds beyond its layer entries",
    );
  });

  it.each(readdirSync("examples").filter((file) => file.endsWith(".yaml")))(
    "%s: every metric's rectangles add up to the model's total, and the page has one script to run",
    (file) => {
      const json = report(`examples/${file}`, "--optimizer", "AdamW", "--batch", "2");
      const html = renderHtmlReport([json]);
      expect(html.match(/<\/script>/g)).toHaveLength(2);
      const model = embeddedPageData(html).models[0]!;
      model.metrics.forEach((metric, index) => {
        const sum = leaves(model.root!).reduce((total, leaf) => total + (leaf.values?.[index] ?? 0), 0);
        expect([metric.key, sum]).toEqual([metric.key, metric.total]);
      });
    },
  );
});
