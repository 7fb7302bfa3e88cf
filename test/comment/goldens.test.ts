import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeGitHub } from "../action/fake-github.js";
import { renderedWidth, renderHtml, tables, visibleText } from "./markdown.js";
import { runScenario, SCENARIOS, type ScenarioRun } from "./scenarios.js";

// The whole comment body of each scenario, as the bundled action posts it, against a golden file.
// Regenerate them all with: npm run goldens (UPDATE_GOLDENS=1 npx vitest run test/comment).
const GOLDENS = new URL("goldens/", import.meta.url).pathname;
const UPDATE = process.env.UPDATE_GOLDENS === "1";

const github = new FakeGitHub();
const runs = new Map<string, ScenarioRun>();

beforeAll(() => github.start());
afterAll(() => github.stop());
afterEach(() => github.reset());

function golden(file: string, actual: string): void {
  const path = join(GOLDENS, file);
  if (UPDATE) {
    mkdirSync(GOLDENS, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(existsSync(path), `${file} is missing: run npm run goldens`).toBe(true);
  expect(actual, `${file} differs: run npm run goldens and review the diff`).toBe(readFileSync(path, "utf8"));
}

/** What a renderer must agree with in every comment and summary. */
function assertRenders(markdown: string): void {
  const text = visibleText(renderHtml(markdown));
  // An entity inside a code span, or one escaped twice, shows literally.
  expect(text).not.toMatch(/&#|&amp;/);
  for (const table of tables(markdown)) {
    const [header, ...body] = table.sourceCells;
    for (const cells of body) expect(cells).toBe(header);
  }
}

describe.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))("the %s comment", (name, scenario) => {
  it("is its golden file byte for byte, and renders as written", async () => {
    const result = await runScenario(scenario, github);
    runs.set(name, result);
    golden(`${name}.md`, result.comment);
    assertRenders(result.comment);
    assertRenders(result.summary);
    const first = tables(result.comment)[0];
    if (first) {
      expect(first.rows[0]!.length).toBeLessThanOrEqual(6);
      expect(Math.max(...first.rows.map(renderedWidth))).toBeLessThan(110);
    }
  });
});

describe("what the goldens show", () => {
  const comment = (name: string) => runs.get(name)!.comment;

  it("fails with each broken limit once, twins folded, in the headline with its figure, limit and this PR's part", () => {
    const lines = comment("fail").split("\n");
    expect(lines.slice(1, 4)).toEqual([
      "### ❌ seg-unet: params and trainable 84.5K over the 41.8K limit (+102.2%) — this PR +46.6K (+122.9%), more than the 10% growth allowed (+3.79K)",
      "- ❌ seg-unet: macs and flops 345M over the 171M limit (+102.0%) — this PR +191M (+123.2%), more than the 10% growth allowed (+15.5M)",
      "- ⚠️ seg-unet: activations grew +1 MiB (+48.9%), more than the 10% growth allowed (+210 KiB)",
    ]);
    // One table row per quantity: params with trainable, MACs with FLOPs.
    expect(lines.filter((line) => line.startsWith("| params and trainable |"))).toHaveLength(1);
    expect(lines).not.toContain("| trainable |");
    // The status column is first, where a 900 px window shows it.
    expect(lines).toContain("|  | Model | Params |");
    expect(lines).toContain("| ❌ | seg-unet | 84.5K (+46.6K, +122.9%) |");
  });

  it("rolls 48 blocks' changes up into a few rows and stays under 80 lines", () => {
    const body = comment("growth-48-blocks");
    expect(body.split("\n").length).toBeLessThan(80);
    expect(body).toContain("| Changed layers (194 entries) | Type | Change | Params | Instances |");
    expect(body.split("\n").filter((line) => line.startsWith("| layers.") || line.startsWith("| emb |") || line.startsWith("| head |"))).toHaveLength(4);
    expect(body).toContain("| layers.&#91;0-47&#93;.mlp.{gate,up,down} | Linear | changed | +45.9K (+12.4%) | 144 |");
  });

  it("shows an invalid spec as invalid at head, with plain positions and no delta, and its budget entry matched", () => {
    const body = comment("invalid-spec");
    expect(body).toContain("| ❌ | tiny | invalid at head |");
    expect(body).toContain("- models/tiny.yaml&#58;10&#58;");
    expect(body).not.toContain("match no spec");
    expect(body).not.toMatch(/−\d/);
  });

  it("puts the budget file's errors first and lists no removed limit for an invalid budget", () => {
    const body = comment("invalid-budget");
    expect(body.split("\n")[1]).toBe("### ❌ the budget file .github/model-budget.yml is invalid (1 error), so no limit was checked");
    expect(body).not.toContain("→ removed");
    expect(body.indexOf("did you mean")).toBeLessThan(body.indexOf("| Model |") === -1 ? Infinity : body.indexOf("| Model |"));
  });

  it("shows 15 layer rows and links the rest to the run's job summary, which lists them all", () => {
    const { comment: body, summary } = runs.get("many-layer-rows")!;
    const rows = (text: string) => text.split("\n").filter((line) => /^\| l\d+ \| Linear \|/.test(line));
    expect(rows(body)).toHaveLength(15);
    // Largest change first: l39 (40 outputs) grew by 4 × 40.
    expect(rows(body)[0]).toBe("| l39 | Linear | changed | +160 (+44.4%) | 1 |");
    expect(body).toContain("\n…and 25 more rows. They are in the [job summary](https://github.com/acme/models/actions/runs/4242) of the workflow run.\n");
    expect(rows(summary)).toHaveLength(40);
    expect(summary).not.toContain("more rows");
  });

  it("charts the parameters by top-level module in the job summary, base against head", () => {
    const { summary } = runs.get("growth-48-blocks")!;
    expect(summary).toContain(
      [
        "```mermaid",
        "xychart-beta",
        '  title "deep-48: Parameters by top-level module (bars: this PR, line: base)"',
        '  x-axis ["emb", "layers", "head"]',
        '  y-axis "parameters (thousands)"',
      ].join("\n"),
    );
    expect(comment("growth-48-blocks")).not.toContain("```mermaid");
  });
});
