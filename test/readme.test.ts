import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git } from "./action/git-fixture.js";
import { actionTables } from "../scripts/action-docs.mjs";

const root = new URL("..", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");

describe("README", () => {
  it("stays short enough to read: at most 350 lines, the reference in docs/", () => {
    expect(readme.split("\n").length - 1).toBeLessThanOrEqual(350);
  });

  it("opens with the newcomer's two commands", () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(
      firstBlock
        .split("\n")
        .filter(Boolean)
        .map((line) => line.replace(/\s+#.*$/, "")),
    ).toEqual(["npm ci && npm start", "npm ci && npm test"]);
  });

  it("shows what npm start really prints", () => {
    const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { scripts: { start: string } };
    const sample = /`npm start` counts[\s\S]*?```\n([\s\S]*?)```/.exec(readme)![1]!;
    const output = execFileSync("sh", ["-c", pkg.scripts.start], { cwd: new URL(".", root).pathname, encoding: "utf8" });
    const outputLines = output.split("\n");
    const sampleLines = sample.split("\n").filter((line) => line !== "…");
    expect(sampleLines.filter((line) => !outputLines.includes(line))).toEqual([]);
  });

  it("runs the CLI section's commands as written, in a checkout with nothing installed", () => {
    const commands = /## CLI\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1]!.split("\n").filter(Boolean);
    expect(commands.every((command) => command.startsWith("node dist/cli.js "))).toBe(true);
    // A checkout's files that the commands read, in a git repository of their own (check --base HEAD).
    const checkout = mkdtempSync(join(tmpdir(), "model-budget-readme-"));
    try {
      for (const path of ["package.json", "dist", "examples", ".github/model-budget.yml"]) {
        mkdirSync(join(checkout, path, ".."), { recursive: true });
        cpSync(new URL(path, root), join(checkout, path), { recursive: true });
      }
      git(checkout, "init", "-q");
      git(checkout, "add", "-A");
      git(checkout, "commit", "-q", "-m", "checkout");
      const outputs = commands.map((command) => execFileSync("sh", ["-c", command], { cwd: checkout, encoding: "utf8" }));
      const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { version: string };
      expect(outputs[0]).toBe(`${pkg.version}\n`);
      expect(outputs.slice(1).every((output) => output.length > 0)).toBe(true);
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
  });

  it("has no command block, here or in docs/, that runs the unpublished npm package", () => {
    const docs = readdirSync(new URL("docs", root)).filter((file) => file.endsWith(".md"));
    const pages = [readme, ...docs.map((file) => readFileSync(new URL(`docs/${file}`, root), "utf8"))];
    const blocks = pages.flatMap((page) => [...page.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!));
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.filter((block) => /\bnpx model-budget\b/.test(block))).toEqual([]);
  });

  it("documents every input and output of action.yml, as action.yml states them", () => {
    const tables = actionTables(readFileSync(new URL("action.yml", root), "utf8"));
    expect(readme).toContain(`<!-- action-inputs:start -->\n${tables.inputs}\n<!-- action-inputs:end -->`);
    expect(readme).toContain(`<!-- action-outputs:start -->\n${tables.outputs}\n<!-- action-outputs:end -->`);
    const inputsPage = readFileSync(new URL("docs/action-inputs.md", root), "utf8");
    expect(inputsPage).toContain(`<!-- action-all-inputs:start -->\n${tables.allInputs}\n<!-- action-all-inputs:end -->`);
  });
});
