// Writes the README's tables of the action's inputs and outputs from action.yml, so the two
// cannot drift apart (test/readme.test.ts fails when they do). Run: npm run docs
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const cell = (text) => String(text ?? "").replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ").trim();

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

export function replaceSection(readme, name, content) {
  const pattern = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!pattern.test(readme)) throw new Error(`README.md has no <!-- ${name}:start --> ... <!-- ${name}:end --> section`);
  return readme.replace(pattern, (_, start, end) => `${start}\n${content}\n${end}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tables = actionTables(readFileSync("action.yml", "utf8"));
  let readme = readFileSync("README.md", "utf8");
  readme = replaceSection(readme, "action-inputs", tables.inputs);
  readme = replaceSection(readme, "action-outputs", tables.outputs);
  writeFileSync("README.md", readme);
}
