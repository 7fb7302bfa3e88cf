// Compiles the HTML report's browser script (src/html/client/, with d3-hierarchy) into one minified
// script that the page inlines, written as a string module to src/html/generated/page-script.js: the
// CLI and the action then carry it in their bundles and read nothing from node_modules at run time.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { build } from "vite";

const ROOT = new URL("..", import.meta.url).pathname;
const OUTPUT = `${ROOT}src/html/generated`;

const result = await build({
  configFile: false,
  root: ROOT,
  logLevel: "warn",
  build: {
    write: false,
    minify: true,
    target: "es2020",
    lib: { entry: `${ROOT}src/html/client/main.ts`, formats: ["iife"], name: "modelBudgetPage", fileName: "page" },
  },
});
const outputs = (Array.isArray(result) ? result : [result]).flatMap((bundle) => bundle.output);
const chunks = outputs.filter((output) => output.type === "chunk");
if (chunks.length !== 1) throw new Error(`the page script compiled to ${chunks.length} chunks, not one`);
const code = chunks[0].code.trim();
// Inline in a <script> element: these would end it or open a comment inside it.
for (const forbidden of ["</script", "<!--"]) {
  if (code.toLowerCase().includes(forbidden)) throw new Error(`the page script contains ${forbidden}, which cannot be inlined`);
}
// d3-hierarchy's own notice (its first line: the address, version and copyright), and its licence.
const d3 = JSON.parse(readFileSync(`${ROOT}node_modules/d3-hierarchy/package.json`, "utf8"));
const notice = readFileSync(`${ROOT}node_modules/d3-hierarchy/dist/d3-hierarchy.min.js`, "utf8")
  .split("\n")[0]
  .replace(/^\/\/\s*/, "");
const banner = `/*! model-budget HTML report; includes d3-hierarchy: ${notice}, ${d3.license} licence */`;
mkdirSync(OUTPUT, { recursive: true });
writeFileSync(
  `${OUTPUT}/page-script.js`,
  `// Written by scripts/compile-page.mjs from src/html/client/: do not edit.\nexport const PAGE_SCRIPT = ${JSON.stringify(`${banner}\n${code}`)};\n`,
);
writeFileSync(
  `${OUTPUT}/page-script.d.ts`,
  `// Written by scripts/compile-page.mjs.\n/** The HTML report's browser script, with d3-hierarchy, minified. */\nexport declare const PAGE_SCRIPT: string;\n`,
);
