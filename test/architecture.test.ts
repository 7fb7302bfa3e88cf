import { describe, expect, it } from "vitest";
import { cycles, folderGraph, folderOf, importGraph } from "../scripts/import-graph.mjs";

type Graph = Map<string, string[]>;

/**
 * The folders of src/, from the bottom up, as the pipeline reads top-down: a folder imports only
 * folders on rows below its own, and folders sharing a row do not import each other. A new folder
 * gets a row here before it can hold code.
 */
const LAYERS: readonly (readonly string[])[] = [
  // Utilities anyone may import: ambient declarations for untyped packages, and the positioned
  // errors (SpecError) every stage throws. They import nothing of ours.
  ["types", "diagnostics"],
  ["parse"],
  // Hugging Face config.json files translated into the spec data a YAML spec parses to, positioned at their keys.
  ["hf-config"],
  // `files` is the one file opener (size caps, symlinks confined to the workspace): a utility for
  // every stage above parse, whose YAML size cap it applies.
  ["validate", "files"],
  ["resolve"],
  ["catalogue"],
  ["count"],
  ["shapes"],
  ["memory"],
  // Review hints: rules over the resolved model, its count, dtypes and shapes, each with what its fix saves.
  ["hints"],
  // One spec's whole result: analyzeSpec, AnalyzedModel and the JSON report contract (JsonReport).
  ["analysis"],
  // The metric registry: every quantity a budget, a diff, the comment and the outputs know, read from a JsonReport.
  ["metrics"],
  // What reads the result (a diff of two reports, a budget's verdict) and the importers beside the pipeline.
  ["diff", "budget", "import"],
  // Human and JSON renderings of one analysis.
  ["report"],
  // The `check`: head and base analysed, diffed, held to the budget and the checkpoint; its PR comment.
  ["orchestrator"],
  // The HTML report: one analysis or one check drawn as a treemap page (its browser script in client/).
  ["html"],
  // Commits and their files, for the edges.
  ["git"],
  // Worker threads that analyse a check's specs for the edges, reading files through them.
  ["workers"],
  // The edges: the command line and the GitHub Action.
  ["cli", "action"],
];

const rowOf = new Map(LAYERS.flatMap((row, index) => row.map((folder) => [folder, index] as const)));
const graph: Graph = importGraph();
const folders: Map<string, Map<string, string[]>> = folderGraph(graph);

describe("the import graph of src/", () => {
  it("finds cycles, so that its silence below means something", () => {
    const sample: Graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a", "e"]],
      ["e", ["d"]],
      ["f", []],
    ]);
    expect(cycles(sample)).toEqual([
      ["a", "b", "c"],
      ["d", "e"],
    ]);
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("reads type-only imports, re-exports and dynamic imports as imports", () => {
    // catalogue/index.ts re-exports catalogue/arguments.ts; report/index.ts imports types only from analysis/.
    expect(graph.get("src/catalogue/index.ts")).toContain("src/catalogue/arguments.ts");
    expect(graph.get("src/report/index.ts")).toContain("src/analysis/index.ts");
  });

  it("places every folder of src/ on a row of the layer order, and holds no file outside them", () => {
    // A file directly in src/ is a folder of its own (`src/engine.ts`), so it has no row.
    const present = new Set([...graph.keys()].map((file) => folderOf(file)));
    expect([...present].filter((folder) => !rowOf.has(folder))).toEqual([]);
    expect([...rowOf.keys()].filter((folder) => !present.has(folder))).toEqual([]);
  });

  it("has no import from a folder to one on its own row or above it", () => {
    const upward = [...folders].flatMap(([from, edges]) =>
      [...edges].filter(([to]) => (rowOf.get(to) ?? Infinity) >= (rowOf.get(from) ?? -Infinity)).flatMap(([, imports]) => imports),
    );
    expect(upward).toEqual([]);
  });

  it("has no cycle between folders", () => {
    expect(cycles(new Map([...folders].map(([folder, edges]) => [folder, [...edges.keys()]])))).toEqual([]);
  });

  it("has no cycle between files, type-only imports included", () => {
    expect(cycles(graph)).toEqual([]);
  });
});
