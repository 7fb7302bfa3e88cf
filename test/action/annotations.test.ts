// Annotations land only on lines the pull request changed: GitHub shows them beside the diff there
// and nowhere else. The bundled dist/index.js against a real git repository and the fake API.
import { describe, expect, it } from "vitest";
import { fakeGitHubSuite } from "./fake-github-suite.js";
import { TempRepository } from "./git-fixture.js";
import { annotationLines, pullRequestPayload, runAction } from "./run-action.js";

const spec = ({ width = 256, hidden = "4 * d" } = {}) => `model: net
vars:
  d: 64
  hidden: ${hidden}
blocks:
  mlp:
    params: {width: 256}
    layers:
      - up: Linear(d, width)
      - down: Linear(width, d)
layers:
  - a: {use: mlp, with: {width: 128}}
  - b:
      use: mlp
      with:
        width: ${width}
  - c: Linear(hidden, d)
`;
const budget = (params: string) => `models:\n  net:\n    params: ${params}\n    growth: 10%\n`;

const { github, repositories } = fakeGitHubSuite();

async function annotations(before: Record<string, string>, after: Record<string, string>): Promise<{ lines: string[]; status: string | undefined }> {
  const repo = new TempRepository();
  repositories.push(repo);
  const base = repo.write(before).commit("base");
  repo.write(after).commit("head");
  const run = await runAction({
    workspace: repo.dir,
    apiUrl: github.url,
    inputs: { specs: "models/*.yaml", comment: "never" },
    event: "pull_request",
    payload: pullRequestPayload(base),
  });
  return { lines: annotationLines(run.stdout), status: run.outputs.status };
}

describe("annotations on the lines a pull request changed", () => {
  it("puts a block's growth at the with: argument that changed, a var's at the var, a limit at its edited line, each once", async () => {
    // base: a 16,576 + b 33,088 + c 16,448 = 66,112; head: b 66,112 (width 512) + c 32,832 (hidden 512): 115,520.
    const { lines, status } = await annotations(
      { "models/net.yaml": spec(), ".github/model-budget.yml": budget("80K") },
      { "models/net.yaml": spec({ width: 512, hidden: "8 * d" }), ".github/model-budget.yml": budget("100K") },
    );
    expect(status).toBe("fail");
    // Not at the block's layers (lines 9 and 10), which the change did not touch; the growth limit (line 4) fails unedited: no annotation.
    expect(lines).toEqual([
      "::error title=model-budget%3A over budget,file=.github/model-budget.yml,line=3,col=13::params 115,520 exceeds the budget of 100K in models/net.yaml",
      "::warning title=model-budget%3A layers grew,file=models/net.yaml,line=16::2 layer entries grew by 33,024 parameters in all: b.up, b.down",
      "::warning title=model-budget%3A layer grew,file=models/net.yaml,line=4::c grew by 16,384 parameters: Linear(hidden, d): 64 × 512 + 64 = 32,832",
    ]);
  });

  it("puts a change to a shared block's own layer at that layer's line, once for every use it grew", async () => {
    const { lines } = await annotations({ "models/net.yaml": spec() }, { "models/net.yaml": spec().replace("- up: Linear(d, width)", "- up: Linear(d, width + 1)") });
    expect(lines).toEqual(["::warning title=model-budget%3A layers grew,file=models/net.yaml,line=9::2 layer entries grew by 130 parameters in all: a.up, b.up"]);
  });

  it("finds the changed line in an included file, and in a repeat that names index", async () => {
    const blocks = (width: string) => `blocks:\n  ffn:\n    params: {d: 8}\n    layers:\n      - fc: Linear(d, ${width})\n`;
    const main = (last: string) =>
      `model: inc\ninclude: lib/blocks.yaml\nlayers:\n  - a: {use: ffn, with: {d: 4}}\n  - r:\n      repeat: 3\n      layers:\n        - x: Linear(4, ${last})\n`;
    const { lines } = await annotations(
      { "models/inc.yaml": main("4"), "models/lib/blocks.yaml": blocks("16") },
      { "models/inc.yaml": main("4 + index // 2 * 2"), "models/lib/blocks.yaml": blocks("17") },
    );
    // a.fc: Linear(4, 16) → Linear(4, 17), +5 at the included file's line 5; r.2.x splits off the repeat, added with 30, at line 8.
    expect(lines).toEqual([
      "::warning title=model-budget%3A layer grew,file=models/inc.yaml,line=8::r.2.x grew by 30 parameters: Linear(4, 4 + index // 2 * 2): 6 × 4 + 6 = 30",
      "::warning title=model-budget%3A layer grew,file=models/lib/blocks.yaml,line=5::a.fc grew by 5 parameters: Linear(d, 17): 17 × 4 + 17 = 85",
    ]);
  });

  it("annotates nothing when no changed line made anything grow, and an invalid spec wherever its error is", async () => {
    const unrelated = await annotations({ "models/net.yaml": spec(), "README.md": "x\n" }, { "README.md": "y\n" });
    expect(unrelated.lines).toEqual([]);
    // The edit is on line 3; the errors it causes sit on lines it did not touch, which the user must see to fix.
    const broken = await annotations({ "models/net.yaml": spec() }, { "models/net.yaml": spec().replace("d: 64", "d: 64.5") });
    expect(broken.status).toBe("fail");
    const hint = "%0Awrite a whole number such as 64; in an expression, // divides to a whole number";
    expect(broken.lines).toEqual([
      `::error title=model-budget%3A invalid spec [MB403],file=models/net.yaml,line=9,col=20::Linear argument 'in_features' must be an integer, got the number 64.5${hint}`,
      `::error title=model-budget%3A invalid spec [MB403],file=models/net.yaml,line=10,col=29::Linear argument 'out_features' must be an integer, got the number 64.5${hint}`,
      `::error title=model-budget%3A invalid spec [MB403],file=models/net.yaml,line=17,col=15::Linear argument 'in_features' must be an integer, got the number 258.0${hint}`,
    ]);
  });
});
