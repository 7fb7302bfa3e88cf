import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ESM script without types
import { actionTables } from "../scripts/action-docs.mjs";

const root = new URL("..", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");

describe("README", () => {
  it("opens with the newcomer's two commands", () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(firstBlock.split("\n").filter(Boolean).map((line) => line.replace(/\s+#.*$/, ""))).toEqual(["npm ci && npm start", "npm ci && npm test"]);
  });

  it("shows what npm start really prints", () => {
    const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { scripts: { start: string } };
    const sample = /`npm start` counts[\s\S]*?```\n([\s\S]*?)```/.exec(readme)![1]!;
    const output = execFileSync("sh", ["-c", pkg.scripts.start], { cwd: new URL(".", root).pathname, encoding: "utf8" });
    const outputLines = output.split("\n");
    const sampleLines = sample.split("\n").filter((line) => line !== "…");
    expect(sampleLines.filter((line) => !outputLines.includes(line))).toEqual([]);
  });

  it("documents every input and output of action.yml, as action.yml states them", () => {
    const tables = actionTables(readFileSync(new URL("action.yml", root), "utf8")) as { inputs: string; outputs: string };
    expect(readme).toContain(`<!-- action-inputs:start -->\n${tables.inputs}\n<!-- action-inputs:end -->`);
    expect(readme).toContain(`<!-- action-outputs:start -->\n${tables.outputs}\n<!-- action-outputs:end -->`);
  });
});
