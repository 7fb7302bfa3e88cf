// Generated sections of README.md and docs/*.md live between <!-- NAME:start --> and <!-- NAME:end -->
// markers; the scripts that write them (npm run docs, npm run bench -- --write-docs) share these helpers,
// and test/docs/generated.test.ts reads the sections back to compare them with what the scripts make.
import { readFileSync, writeFileSync } from "node:fs";

const markers = (name) => new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)\\n?<!-- ${name}:end -->`);

/** The text between a section's markers, or an error naming the file that lacks them. */
export function readSection(text, name, file) {
  const match = markers(name).exec(text);
  if (!match) throw new Error(`${file} has no <!-- ${name}:start --> ... <!-- ${name}:end --> section`);
  return match[1];
}

export function replaceSection(text, name, content, file = "README.md") {
  readSection(text, name, file);
  return text.replace(markers(name), () => `<!-- ${name}:start -->\n${content}\n<!-- ${name}:end -->`);
}

/** Rewrites sections of one file in place: `sections` maps a section's name to its new content. */
export function writeSections(file, sections) {
  let text = readFileSync(file, "utf8");
  for (const [name, content] of Object.entries(sections)) text = replaceSection(text, name, content, file);
  writeFileSync(file, text);
}
