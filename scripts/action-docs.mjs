// Writes the README's tables of the action's inputs and outputs from action.yml, so the two
// cannot drift apart (test/readme.test.ts fails when they do). Run: npm run docs
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { writeSections } from "./docs-sections.mjs";

export { replaceSection } from "./docs-sections.mjs";

const cell = (text) =>
  String(text ?? "")
    .replace(/\|/g, "\\|")
    .replace(/\s*\n\s*/g, " ")
    .trim();

/**
 * The inputs that override every spec's training:, serving: or adapters: section: the README lists
 * them in one row and docs/action-inputs.md describes each, so that the README's first screens stay
 * about adopting the action.
 */
const RECIPE_INPUTS = [
  "optimizer",
  "precision",
  "gpus",
  "zero",
  "dtype",
  "batch",
  "checkpointing",
  "main-grads",
  "tp",
  "pp",
  "ep",
  "cp",
  "adapter",
  "context",
  "kv-dtype",
  "serve-dtype",
];

export function actionTables(actionYml) {
  const action = parse(actionYml);
  const defaultCell = (input) => (input.required === true ? "required" : input.default === undefined ? "" : `\`${cell(input.default)}\``);
  const row = ([name, input]) => `| \`${name}\` | ${cell(input.description)} | ${defaultCell(input)} |`;
  const all = Object.entries(action.inputs);
  const recipe = all.filter(([name]) => RECIPE_INPUTS.includes(name));
  const recipeRow = `| ${recipe.map(([name]) => `\`${name}\``).join(", ")} | The training and serving recipe, each overriding every spec's \`training:\`, \`serving:\` or \`adapters:\` section: [each input](docs/action-inputs.md). | |`;
  const outputs = Object.entries(action.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`);
  const header = ["| Input | What it does | Default |", "| --- | --- | --- |"];
  return {
    inputs: [...header, ...all.filter(([name]) => !RECIPE_INPUTS.includes(name)).map(row), recipeRow].join("\n"),
    allInputs: [...header, ...all.map(row)].join("\n"),
    outputs: ["| Output | What it holds |", "| --- | --- |", ...outputs].join("\n"),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tables = actionTables(readFileSync("action.yml", "utf8"));
  writeSections("README.md", { "action-inputs": tables.inputs, "action-outputs": tables.outputs });
  writeSections("docs/action-inputs.md", { "action-all-inputs": tables.allInputs });
}
