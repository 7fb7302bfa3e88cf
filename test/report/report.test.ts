import { describe, expect, it } from "vitest";
import { analyzeSpec, toJsonReport } from "../../src/analysis/index.js";
import { escapeMarkdown, formatMarkdown, formatText, renderReport } from "../../src/report/index.js";
import { count, files } from "../helpers/specs.js";

const SPEC = `model: tiny
vars:
  d: 8
layers:
  - emb: Embedding(100, d)
  - h:
      repeat: 2
      layers:
        - norm: LayerNorm(d)
        - act: GELU()
        - fc: Linear(d, 4 * d)
  - bn: BatchNorm1d(d)
  - head: Linear(d, 100, bias=False)
tie:
  head.weight: emb.weight
`;

describe("JSON report", () => {
  it("follows the documented contract: per-instance figures with a count", () => {
    const report = toJsonReport(count(SPEC));
    expect(report.model).toBe("tiny");
    expect(report.file).toBe("spec.yaml");
    // The embedding's 800 are left out of the non-embedding counts; the tied head is that same tensor.
    expect(report.totals).toEqual({
      params: 800 + 2 * (16 + 288) + 16,
      trainable: 1424,
      nonTrainable: 0,
      buffers: 17,
      activeParams: 1424,
      nonEmbeddingParams: 1424 - 800,
      activeNonEmbeddingParams: 1424 - 800,
    });
    expect(report.layers[3]).toEqual({
      path: "h.[0-1].fc",
      type: "Linear",
      count: 2,
      params: 288,
      trainable: 288,
      line: 11,
      column: 11,
      formula: "Linear(d, 4 * d): 32 × 8 + 32 = 288",
      parameters: [
        { name: "weight", shape: [32, 8], numel: 256, trainable: true },
        { name: "bias", shape: [32], numel: 32, trainable: true },
      ],
      buffers: [],
    });
    expect(report.layers[4]!.buffers).toEqual([
      { name: "running_mean", shape: [8], numel: 8 },
      { name: "running_var", shape: [8], numel: 8 },
      { name: "num_batches_tracked", shape: [], numel: 1 },
    ]);
    expect(report.layers[5]!.parameters).toEqual([{ name: "weight", shape: [100, 8], numel: 800, trainable: true, sharedWith: "emb.weight" }]);
  });

  it("is one object for one spec and an array for several", () => {
    const one = count(SPEC);
    expect(JSON.parse(renderReport([one], "json", { explain: false, all: false }))).toEqual(toJsonReport(one));
    expect(JSON.parse(renderReport([one, one], "json", { explain: false, all: false }))).toHaveLength(2);
  });
});

describe("terminal table", () => {
  it("shows layers with tensors, totals and, with --explain, every formula", () => {
    expect(formatText(count(SPEC), { explain: true, all: false })).toBe(`tiny (spec.yaml)

Layer               Type         Parameter shapes           ×  Params   Share
──────────────────  ───────────  ─────────────────────────  ─  ──────  ──────
emb                 Embedding    weight [100, 8]                  800   56.2%
h.[0-1].norm        LayerNorm    weight [8], bias [8]       2      32    2.2%
h.[0-1].fc          Linear       weight [32, 8], bias [32]  2     576   40.4%
bn                  BatchNorm1d  weight [8], bias [8]              16    1.1%
head                Linear       weight [100, 8] (shared)           0    0.0%
──────────────────  ───────────  ─────────────────────────  ─  ──────  ──────
Total                                                           1,424  100.0%
Trainable                                                       1,424  100.0%
Non-trainable                                                       0    0.0%
Buffers (elements)                                                 17
1 parameter-free layer entry not shown (--all lists them)

Formulas:
  emb: Embedding(100, d): 100 × 8 = 800
  h.[0-1].norm: LayerNorm(d): 2 × 8 = 16 (× 2 = 32)
  h.[0-1].fc: Linear(d, 4 * d): 32 × 8 + 32 = 288 (× 2 = 576)
  bn: BatchNorm1d(d): 2 × 8 = 16
  head: Linear(d, 100, bias=False): no parameters (weight shared with emb.weight, counted there)
`);
  });

  it("says a Parameter entry is a tensor, and a layer forward: never calls is not called", () => {
    const spec = `input: [4]\nforward: ["add(fc(x), bias)"]\nlayers:\n  - fc: Linear(4, 4)\n  - bias: Parameter(4)\n  - unused: Linear(4, 4)\n`;
    const rows = formatText(analyzeSpec("spec.yaml", files({ "spec.yaml": spec })), { explain: false, all: false }).split("\n");
    expect(rows.filter((row) => /^(fc|bias|unused) /.test(row)).map((row) => row.replace(/ {2,}/g, " | "))).toEqual([
      "fc | Linear | weight [4, 4], bias [4] | 20 | 45.5% | [1, 4] | 16 | 16 B",
      "bias | Parameter | tensor [4] | 4 | 9.1% | a tensor",
      "unused | Linear | weight [4, 4], bias [4] | 20 | 45.5% | not called",
    ]);
  });

  it("lists parameter-free layers with --all", () => {
    const text = formatText(count(SPEC), { explain: false, all: true });
    expect(text).toContain("\nh.[0-1].act         GELU");
    expect(text).not.toContain("not shown");
  });
});

describe("markdown", () => {
  it("renders a GitHub table with totals in bold", () => {
    expect(formatMarkdown(count("model: m\nlayers:\n  - fc: Linear(2, 3)\n"), { explain: false, all: false })).toBe(`### m

Spec: spec.yaml

| Layer | Type | Parameter shapes | × | Params | Share |
| --- | --- | --- | ---: | ---: | ---: |
| fc | Linear | weight &#91;3, 2&#93;, bias &#91;3&#93; |  | 9 | 100.0% |
| **Total** |  |  |  | 9 | 100.0% |
| **Trainable** |  |  |  | 9 | 100.0% |
| **Non-trainable** |  |  |  | 0 | 0.0% |
| **Buffers &#40;elements&#41;** |  |  |  | 0 |  |
`);
  });

  it("escapes names from the spec: no HTML, no table breaks, no mentions, no links", () => {
    expect(escapeMarkdown("<img src=x onerror=alert(1)>|@octocat [x](http://e.vil) `code` **b**\nnext")).toBe(
      "&lt;img src=x onerror=alert&#40;1&#41;&gt;&#124;&#64;octocat &#91;x&#93;&#40;http&#58;//e.vil&#41; &#96;code&#96; &#42;&#42;b&#42;&#42; next",
    );
    const markdown = formatMarkdown(count('model: "x|y <b>@team</b>"\nlayers:\n  - fc: Linear(2, 3)\n'), { explain: true, all: false });
    expect(markdown).toContain("### x&#124;y &lt;b&gt;&#64;team&lt;/b&gt;\n");
    expect(markdown).not.toMatch(/<b>|@team|x\|y/);
  });
});

describe("the PR comment", () => {
  it("cuts a body over GitHub's 65,536 characters, keeping the status and pointing to the summary", async () => {
    const { renderPullRequestComment, COMMENT_LIMIT } = await import("../../src/orchestrator/pull-request.js");
    const { runCheck } = await import("../../src/orchestrator/index.js");
    const { files } = await import("../helpers/specs.js");
    const wide = (width: number) => `model: wide\nlayers:\n${Array.from({ length: 3000 }, (_, i) => `  - layer_with_a_long_name_${i}: Linear(${width}, ${width})\n`).join("")}`;
    const result = runCheck({
      head: { specs: ["wide.yaml"], read: files({ "wide.yaml": wide(9) }) },
      base: { ref: "a".repeat(40), specs: ["wide.yaml"], read: files({ "wide.yaml": wide(8) }) },
      budgetFile: "none.yml",
      budgetFrom: "head",
      failOn: "exceed",
    });
    const comment = renderPullRequestComment(result, { key: "default", fullReportHint: "The job summary has all of it." });
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(comment.startsWith("<!-- model-budget:default -->\n### ✅ 1 model reported, no budget file · largest change wide +54K params (+25.0%)\n")).toBe(true);
    expect(comment).toContain("| ✅ | wide | 270K (+54K, +25.0%) |");
    expect(comment).toContain("| Changed layers (3000 entries) | Type | Change | Params | Instances |");
    // 15 rows in the comment, the rest where the hint says.
    expect(comment).toContain("| layer&#95;with&#95;a&#95;long&#95;name&#95;14 | Linear | changed | +18 (+25.0%) | 1 |\n\n…and 2985 more rows. The job summary has all of it.");
    // Listing every change, as the job summary does, needs the cut.
    const everything = renderPullRequestComment(result, { key: "default", fullReportHint: "The job summary has all of it.", changesShown: Infinity });
    expect(everything.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(everything).toContain("**The report is too long for a comment and was cut here.** The job summary has all of it.");
    expect(everything.endsWith("exactly as PyTorch's `parameters()`</sub>")).toBe(true);
  });
});
