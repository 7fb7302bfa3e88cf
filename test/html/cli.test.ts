import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TempRepository } from "../action/git-fixture.js";
import { runDist, showsStackTrace } from "../helpers/run-dist.js";
import { embeddedPageData } from "./page-data.js";

const dir = mkdtempSync(join(tmpdir(), "model-budget-html-"));
const repo = new TempRepository();
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  repo.cleanup();
});

describe("report --format html and check --html, run as the bundled CLI", () => {
  it("report --format html -o writes one self-contained page per run, with every spec in it", () => {
    const file = join(dir, "two.html");
    const run = runDist(["report", "examples/resnet18.yaml", "examples/gpt2.yaml", "--format", "html", "-o", file]);
    expect(run).toMatchObject({ status: 0, stderr: "", stdout: `model-budget: wrote ${file} (resnet18, gpt2-small)\n` });
    const html = readFileSync(file, "utf8");
    // Nothing it would fetch: no external script, style sheet, image or font.
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/https?:\/\/(?!d3js\.org\/d3-hierarchy\/)/);
    const data = embeddedPageData(html);
    expect(data.models.map((model) => [model.name, model.totals[0]])).toEqual([
      ["resnet18", { title: "Params", head: "11,689,512" }],
      ["gpt2-small", { title: "Params", head: "124,439,808" }],
    ]);
  });

  it("says where it could not write, and that html needs no -o to print", () => {
    // A directory where the page should go.
    const run = runDist(["report", "examples/resnet18.yaml", "--format", "html", "-o", dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^model-budget: cannot write ${dir}: it `));
    expect(showsStackTrace(run.stderr)).toBe(false);
    const printed = runDist(["report", "examples/resnet18.yaml", "--format", "html"]);
    expect(printed.status).toBe(0);
    expect(printed.stdout.startsWith("<!doctype html>")).toBe(true);
    expect(runDist(["report", "examples/resnet18.yaml", "--format", "htm"]).stderr).toBe(
      "model-budget: --format must be one of table, markdown, json, html, not 'htm'\n  did you mean 'html'?\n",
    );
  });

  it("check --html writes the page of head against base beside the comment it prints", () => {
    const spec = (width: number) => `model: tiny\nlayers:\n  - fc: Linear(8, ${width})\n  - out: Linear(${width}, 2)\n`;
    repo.write({ "tiny.yaml": spec(16) }).commit("base");
    repo.write({ "tiny.yaml": spec(32) });
    const run = runDist(["check", "tiny.yaml", "--base", "HEAD", "--html", "check.html"], { cwd: repo.dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("model-budget: wrote check.html\n");
    expect(run.stdout).toContain("model-budget");
    const model = embeddedPageData(readFileSync(join(repo.dir, "check.html"), "utf8")).models[0]!;
    expect(model.root!.children!.map((leaf) => [leaf.path, leaf.change, leaf.base, leaf.values])).toEqual([
      ["fc", "grown", [144], [288]],
      ["out", "grown", [34], [66]],
    ]);
    expect(model.totals[0]).toEqual({ title: "Params", head: "354", base: "178", delta: "+176", trend: "up" });
  });

  it("check --html says why a spec has no map: its error at head, or that the change deletes it (all its layers removed)", () => {
    repo.write({ "gone.yaml": "model: gone\nlayers:\n  - fc: Linear(4, 2)\n", "bad.yaml": "model: bad\nlayers:\n  - fc: Linear(4, 2)\n" }).commit("two more");
    repo.remove("gone.yaml").write({ "bad.yaml": "model: bad\nlayers:\n  - fc: Linaer(4, 2)\n" });
    const run = runDist(["check", "bad.yaml", "gone.yaml", "--base", "HEAD", "--html", "notes.html"], { cwd: repo.dir });
    expect(run.status).toBe(2);
    const [bad, gone] = embeddedPageData(readFileSync(join(repo.dir, "notes.html"), "utf8")).models;
    expect(bad).toMatchObject({ name: "bad", status: "fail", notes: ["head: bad.yaml:3:9: unknown layer type 'Linaer' [MB401]"], removed: [] });
    // The head has no figures: the base's are shown as the base's, never as the head's.
    expect(bad!.totals[0]).toEqual({ title: "Params", head: "–", base: "10" });
    expect(bad!.root).toBeUndefined();
    expect(gone).toMatchObject({
      name: "gone",
      notes: ["This change deletes the spec."],
      removed: [{ path: "fc", type: "Linear", params: "10", formula: expect.stringContaining("= 10") }],
    });
  });
});
