import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIAGNOSTICS, STAGES, stageOf } from "../../src/diagnostics/index.js";
import { diagnosticsMarkdown } from "../../scripts/diagnostics-docs.mjs";
import { repositoryRoot } from "../helpers/run-dist.js";

/** Every TypeScript file under src/, but the generated validators, with its text. */
function sources(dir = join(repositoryRoot, "src")): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(path);
    return entry.name.endsWith(".ts") ? [{ file: path.slice(repositoryRoot.length), text: readFileSync(path, "utf8") }] : [];
  });
}

/** Where an error is made: a user error's constructor, or a byte reader's failIn(file, kind). */
const SITE = /\bnew (SpecError|FileAccessError|FileFormatError|DimensionError)\(\s*|\bfailIn\([^,()]+,\s*/g;

describe("the registry of diagnostic codes", () => {
  const kinds = Object.entries(DIAGNOSTICS);

  it("gives each kind a unique code MBsxx in a documented stage, and a kebab name", () => {
    const codes = kinds.map(([, kind]) => kind.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [name, kind] of kinds) {
      expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(kind.code).toMatch(/^MB([1-9]|10)\d\d$/);
      expect(STAGES[stageOf(kind.code)]).toBeDefined();
      expect(kind.summary.length).toBeGreaterThan(10);
      expect(kind.example.length).toBeGreaterThan(0);
      expect(kind.fix.length).toBeGreaterThan(5);
    }
  });

  it("names a registered kind at every site in src/ that makes a user error", () => {
    const sites: string[] = [];
    const unnamed: string[] = [];
    for (const { file, text } of sources()) {
      for (const match of text.matchAll(SITE)) {
        const after = text.slice(match.index + match[0].length);
        const line = text.slice(0, match.index).split("\n").length;
        // The classes' own definitions pass their kind through; schema errors take theirs from the keyword (kindOf, typed).
        if (/^kind\b/.test(after) || /^kindOf\(error\.keyword\)/.test(after)) continue;
        const name = /^"([^"]+)"/.exec(after)?.[1];
        if (name !== undefined && name in DIAGNOSTICS) sites.push(name);
        else unnamed.push(`${file}:${line}`);
      }
    }
    expect(unnamed).toEqual([]);
    expect(sites.length).toBeGreaterThan(120);
  });

  it("has no kind that no code uses", () => {
    const text = sources()
      .filter(({ file }) => !file.endsWith("diagnostics/codes.ts"))
      .map(({ text }) => text)
      .join("\n");
    const unused = kinds.map(([name]) => name).filter((name) => !text.includes(`"${name}"`));
    expect(unused).toEqual([]);
  });

  it("is what docs/diagnostics.md lists (npm run docs:diagnostics writes it)", () => {
    expect(readFileSync(join(repositoryRoot, "docs/diagnostics.md"), "utf8")).toBe(diagnosticsMarkdown(DIAGNOSTICS, STAGES));
  });
});
