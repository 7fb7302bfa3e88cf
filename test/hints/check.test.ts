import { describe, expect, it } from "vitest";
import { runCheck, type CheckResult } from "../../src/orchestrator/index.js";
import { hintsSection } from "../../src/orchestrator/hints-section.js";
import { renderPullRequestComment } from "../../src/orchestrator/pull-request.js";
import { parseSavedReport } from "../../src/action/saved-report-schema.js";
import { files } from "../helpers/specs.js";

const BASE = "model: net\nlayers:\n  - conv: Conv2d(3, 64, 7, bias=False)\n  - bn: BatchNorm2d(64)\n  - drop: Dropout(0.0)\n";
/** The pull request adds a conv whose bias the following BatchNorm cancels; the old Dropout(0.0) stays. */
const HEAD =
  "model: net\nlayers:\n  - conv: Conv2d(3, 64, 7, bias=False)\n  - bn: BatchNorm2d(64)\n  - drop: Dropout(0.0)\n  - conv2: Conv2d(64, 32, 3)\n  - bn2: BatchNorm2d(32)\n";

function check(head: string, base: string | undefined, budget?: string): CheckResult {
  const budgetFiles: Record<string, string> = budget === undefined ? {} : { "budget.yml": budget };
  return runCheck({
    head: { specs: ["net.yaml"], read: files({ "net.yaml": head, ...budgetFiles }) },
    ...(base === undefined ? {} : { base: { ref: "a".repeat(40), specs: ["net.yaml"], read: files({ "net.yaml": base, ...budgetFiles }) } }),
    budgetFile: "budget.yml",
    budgetFrom: "head",
    failOn: "exceed",
  });
}

const comment = (result: CheckResult) => renderPullRequestComment(result, { key: "default", fullReportHint: "" });

describe("the pull-request comment's hints", () => {
  it("lists only the hints on layers the pull request added or changed, folded", () => {
    const result = check(HEAD, BASE);
    expect(result.models[0]!.hints?.map((hint) => `${hint.code} ${hint.path}`)).toEqual(["MB1001 conv2"]);
    expect(comment(result)).toContain(
      [
        "<details><summary>💡 1 hint on the layers this change touches</summary>",
        "",
        "- **MB1001** line 6, `conv2`: conv2's bias of 32 parameters is cancelled by bn2 &#40;BatchNorm2d&#41;, which subtracts each channel's mean. Fix: write bias=False on the layer&#58; the norm's own shift &#40;beta&#41; does its work (saves 32 parameters (128 B)).",
        "",
        "</details>",
      ].join("\n"),
    );
  });

  it("gives a pull request that touches nothing no hints, nor a run without a base", () => {
    expect(check(HEAD, HEAD).models[0]!.hints).toBeUndefined();
    expect(comment(check(HEAD, HEAD))).not.toContain("💡");
    expect(check(HEAD, undefined).models[0]!.hints).toBeUndefined();
  });

  it("counts every layer of a spec new in the pull request as added", () => {
    const result = runCheck({
      head: { specs: ["net.yaml"], read: files({ "net.yaml": HEAD }) },
      base: { ref: "a".repeat(40), specs: [], read: files({}) },
      budgetFile: "budget.yml",
      budgetFrom: "head",
      failOn: "exceed",
    });
    expect(result.models[0]!.hints?.map((hint) => `${hint.code} ${hint.path}`)).toEqual(["MB1007 drop", "MB1001 conv2"]);
  });

  it("shows a hint when the pull request changes either layer it is about: adding the norm after an old biased conv", () => {
    const before = "model: net\nlayers:\n  - conv: Conv2d(3, 64, 7)\n";
    expect(check(`${before}  - bn: BatchNorm2d(64)\n`, before).models[0]!.hints?.map((hint) => hint.path)).toEqual(["conv"]);
  });

  it("leaves out what the model's budget entry ignores", () => {
    const budget = "models:\n  net:\n    params: 1M\n    lint:\n      ignore: [bias-before-norm]\n";
    const result = check(HEAD, BASE, budget);
    expect(result.budget.state).toBe("ok");
    expect(result.models[0]!.hints).toBeUndefined();
  });

  it("keeps the hints in a saved report that validates, and renders them escaped", () => {
    const result = check(HEAD, BASE);
    const saved = parseSavedReport(JSON.stringify({ format: "model-budget-report/1", result }), "report.json");
    expect(saved.result.models[0]!.hints).toEqual(result.models[0]!.hints);
    const hostile = { ...result.models[0]!.hints![0]!, path: "<img src=x>", message: "[link](http://evil)" };
    const lines = hintsSection([hostile]).join("\n");
    expect(lines).not.toContain("<img");
    expect(lines).not.toContain("[link](");
  });

  it("counts the hints past twenty", () => {
    const hint = check(HEAD, BASE).models[0]!.hints![0]!;
    const lines = hintsSection(Array.from({ length: 23 }, () => hint));
    expect(lines[0]).toBe("<details><summary>💡 23 hints on the layers this change touches</summary>");
    expect(lines.filter((line) => line.startsWith("- **MB1001**"))).toHaveLength(20);
    expect(lines).toContain("- …and 3 more: `model-budget lint` lists them all.");
  });
});
