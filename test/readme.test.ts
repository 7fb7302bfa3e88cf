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

  it("documents every input and output of action.yml, as action.yml states them", () => {
    const tables = actionTables(readFileSync(new URL("action.yml", root), "utf8")) as { inputs: string; outputs: string };
    expect(readme).toContain(`<!-- action-inputs:start -->\n${tables.inputs}\n<!-- action-inputs:end -->`);
    expect(readme).toContain(`<!-- action-outputs:start -->\n${tables.outputs}\n<!-- action-outputs:end -->`);
  });
});
