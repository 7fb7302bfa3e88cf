// Writes docs/layers.md's table of every layer type, family by family, with its constructor's
// signature as the catalogue binds it (names in Python's order, defaults), so the page lists what
// the code knows and nothing else. test/docs/generated.test.ts fails when the page and the
// catalogue differ. Run: npm run docs (reads the TypeScript sources through Vite; the CLI is not involved).
import { fileURLToPath } from "node:url";
import { writeSections } from "./docs-sections.mjs";

const code = (text) => `\`${text.replace(/\|/g, "\\|")}\``;

/**
 * The markdown table of `families` ({family, layers}): each layer's signature written by
 * `formatSignature`, and its example call from `examples` (type → {call, parameters, buffers}), if any.
 */
export function catalogueTable({ families, formatSignature, examples }) {
  const row = (family, layer) => {
    const example = examples.get(layer.type);
    const cells = [
      family,
      layer.type,
      code(formatSignature(layer)),
      example ? code(example.call) : "",
      example?.parameters ?? "",
      example?.buffers ?? "",
      layer.forward ? "yes" : "no",
    ];
    return `| ${cells.join(" | ")} |`;
  };
  const rows = families.flatMap(({ family, layers }) => layers.map((layer) => row(family, layer)));
  return [
    `${rows.length} layer types. Example: a call measured on PyTorch 1.13, with the parameters and buffers model-budget gives it (the same as PyTorch's); Shapes: whether \`input:\` can be followed through the layer.`,
    "",
    "| Family | Type | Constructor | Example | Parameters | Buffers | Shapes |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { runnerImport } = await import("vite");
  const root = fileURLToPath(new URL("..", import.meta.url));
  const { module } = await runnerImport("/scripts/layer-families.ts", { root, configFile: false, logLevel: "silent" });
  writeSections(`${root}docs/layers.md`, { "layer-catalogue": catalogueTable(module.catalogueDocInputs()) });
}
