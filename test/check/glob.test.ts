import { describe, expect, it } from "vitest";
import { expandSpecs, fileGlob } from "../../src/check/glob.js";

describe("spec globs", () => {
  it("matches within one directory with *, across directories with **", () => {
    expect(fileGlob("models/*.yaml").test("models/a.yaml")).toBe(true);
    expect(fileGlob("models/*.yaml").test("models/sub/a.yaml")).toBe(false);
    expect(fileGlob("models/**/*.yaml").test("models/a.yaml")).toBe(true);
    expect(fileGlob("models/**/*.yaml").test("models/x/y/a.yaml")).toBe(true);
    expect(fileGlob("**/model.yml").test("a/b/model.yml")).toBe(true);
    expect(fileGlob("m?.yaml").test("m1.yaml")).toBe(true);
    expect(fileGlob("a.yaml").test("aXyaml")).toBe(false);
  });

  it("expands patterns in order, without duplicates, keeping literal paths that exist", () => {
    const files = ["models/b.yaml", "models/a.yaml", "models/lib/blocks.yaml", "README.md", "other.yaml"];
    expect(expandSpecs(["./other.yaml", "models/*.yaml", "models/a.yaml", "missing.yaml"], files)).toEqual(["other.yaml", "models/a.yaml", "models/b.yaml"]);
  });
});
