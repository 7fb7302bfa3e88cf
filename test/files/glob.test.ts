import { describe, expect, it } from "vitest";
import { moduleGlob } from "../../src/budget/module-glob.js";
import { expandSpecs, fileGlob } from "../../src/files/glob.js";

describe("spec globs", () => {
  it("matches within one directory with *, across directories with **", () => {
    expect(fileGlob("models/*.yaml")("models/a.yaml")).toBe(true);
    expect(fileGlob("models/*.yaml")("models/sub/a.yaml")).toBe(false);
    expect(fileGlob("models/**/*.yaml")("models/a.yaml")).toBe(true);
    expect(fileGlob("models/**/*.yaml")("models/x/y/a.yaml")).toBe(true);
    expect(fileGlob("**/model.yml")("a/b/model.yml")).toBe(true);
    expect(fileGlob("m?.yaml")("m1.yaml")).toBe(true);
    expect(fileGlob("a.yaml")("aXyaml")).toBe(false);
  });

  it("expands patterns in order, without duplicates, keeping literal paths that exist", () => {
    const files = ["models/b.yaml", "models/a.yaml", "models/lib/blocks.yaml", "README.md", "other.yaml"];
    expect(expandSpecs(["./other.yaml", "models/*.yaml", "models/a.yaml", "missing.yaml"], files)).toEqual(["other.yaml", "models/a.yaml", "models/b.yaml"]);
  });

  it("follows a shell's rules for braces, classes and dot directories (picomatch)", () => {
    expect(fileGlob("models/{gpt,bert}.yaml")("models/bert.yaml")).toBe(true);
    expect(fileGlob("models/[ab].yaml")("models/b.yaml")).toBe(true);
    expect(fileGlob(".github/models/*.yaml")(".github/models/x.yaml")).toBe(true);
    expect(expandSpecs(["models/gpt(2).yaml", "models/{a,b}.yaml"], ["models/gpt(2).yaml", "models/a.yaml", "models/{a,b}.yaml"])).toEqual([
      "models/gpt(2).yaml",
      "models/{a,b}.yaml",
    ]);
  });
});

describe("module globs", () => {
  it("matches * over any characters and everything else literally", () => {
    expect(moduleGlob("encoder.*")("encoder.layer.[0-11].attention")).toBe(true);
    expect(moduleGlob("*.attn.*")("h.[0-11].attn.c_attn")).toBe(true);
    expect(moduleGlob("*.attn.*")("h.[0-11].mlp.attn")).toBe(false);
    expect(moduleGlob("h.[0-11].*")("h.[0-11].mlp")).toBe(true);
    expect(moduleGlob("h.[0-11].*")("h.1.mlp")).toBe(false);
    expect(moduleGlob("a*a")("a")).toBe(false);
    expect(moduleGlob("a*a")("aa")).toBe(true);
    expect(moduleGlob("head")("head")).toBe(true);
    expect(moduleGlob("head")("heads")).toBe(false);
    expect(moduleGlob("*")("")).toBe(true);
    expect(moduleGlob("x**y")("xzzy")).toBe(true);
  });

  it("matches in linear time where a backtracking regex takes minutes", () => {
    const started = performance.now();
    expect(moduleGlob("*a*a*a*a*a*a*a*a*a*a*b")("a".repeat(60))).toBe(false);
    expect(moduleGlob("*a*a*a*a*a*a*a*a*a*a*b")("a".repeat(100_000))).toBe(false);
    expect(moduleGlob("*a*a*a*a*a*a*a*a*a*a*b")(`${"a".repeat(60)}b`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
