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

export function actionTables(actionYml) {
  const action = parse(actionYml);
  const defaultCell = (input) => (input.required === true ? "required" : input.default === undefined ? "" : `\`${cell(input.default)}\``);
  const inputs = Object.entries(action.inputs).map(([name, input]) => `| \`${name}\` | ${cell(input.description)} | ${defaultCell(input)} |`);
  const outputs = Object.entries(action.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`);
  return {
    inputs: ["| Input | What it does | Default |", "| --- | --- | --- |", ...inputs].join("\n"),
    outputs: ["| Output | What it holds |", "| --- | --- |", ...outputs].join("\n"),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tables = actionTables(readFileSync("action.yml", "utf8"));
  writeSections("README.md", { "action-inputs": tables.inputs, "action-outputs": tables.outputs });
}
