// Writes docs/layers.md's table of every layer type, family by family, with its constructor's
// signature as the catalogue binds it (names in Python's order, defaults), so the page lists what
// the code knows and nothing else. test/docs/generated.test.ts fails when the page and the
// catalogue differ. Run: npm run docs (reads the TypeScript sources through Vite; the CLI is not involved).
import { fileURLToPath } from "node:url";
import { writeSections } from "./docs-sections.mjs";

const code = (text) => `\`${text.replace(/\|/g, "\\|")}\``;

/** The markdown table of `families` ({family, layers}), each layer's signature written by `formatSignature`. */
export function catalogueTable(families, formatSignature) {
  const rows = families.flatMap(({ family, layers }) =>
    layers.map((layer) => `| ${family} | ${layer.type} | ${code(formatSignature(layer))} | ${layer.forward ? "yes" : "no"} |`),
  );
  const count = families.reduce((sum, { layers }) => sum + layers.length, 0);
  return [`${count} layer types. Shapes: whether \`input:\` can be followed through the layer.`, "", "| Family | Type | Constructor | Shapes |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { runnerImport } = await import("vite");
  const root = fileURLToPath(new URL("..", import.meta.url));
  const { module } = await runnerImport("/scripts/layer-families.ts", { root, configFile: false, logLevel: "silent" });
  writeSections(`${root}docs/layers.md`, { "layer-catalogue": catalogueTable(module.LAYER_FAMILIES, module.formatSignature) });
}
