import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseBudget } from "../../src/budget/budget-file.js";
import { userErrors } from "../../src/diagnostics/index.js";
import { analyzeSpec } from "../../src/analysis/index.js";
import { runDist, showsStackTrace } from "../helpers/run-dist.js";
import { files } from "../helpers/specs.js";

/** Every user error a spec gets, as `line:col code message`. */
function problems(text: string, others: Record<string, string> = {}): string[] {
  try {
    analyzeSpec("spec.yaml", files({ "spec.yaml": text, ...others }));
  } catch (error) {
    const found = userErrors(error);
    if (!found) throw error;
    return found.map(
      (problem) => `${problem.position.file === "spec.yaml" ? "" : `${problem.position.file}:`}${problem.position.line}:${problem.position.col} ${problem.code} ${problem.detail}`,
    );
  }
  throw new Error("the spec was accepted");
}

const dir = mkdtempSync(join(tmpdir(), "model-budget-collect-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const THREE_MISTAKES = ["vars:", "  d: 64", "layers:", "  - a: Lineer(d, d)", "  - b: Linear(d, d, bais=False)", "  - c: Linear(dd, 4)", "  - d: ReLU()", ""].join("\n");

describe("one run reports every independent mistake", () => {
  it("a spec with three independent mistakes shows all three, each with code, position, source line, the name underlined and hint", () => {
    writeFileSync(join(dir, "three.yaml"), THREE_MISTAKES);
    const run = runDist(["report", "three.yaml"], { cwd: dir });
    expect(showsStackTrace(run.stderr)).toBe(false);
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 2, stdout: "" });
    expect(run.stderr).toBe(
      [
        "three.yaml:4:8: unknown layer type 'Lineer' [MB401]",
        "  4 |   - a: Lineer(d, d)",
        "    |        ^^^^^^",
        "  did you mean 'Linear'?",
        "three.yaml:5:21: Linear has no argument 'bais' [MB405]",
        "  5 |   - b: Linear(d, d, bais=False)",
        "    |                     ^^^^",
        "  did you mean 'bias'?",
        "three.yaml:6:15: undefined variable 'dd' in argument 'in_features' of Linear [MB301]",
        "  6 |   - c: Linear(dd, 4)",
        "    |               ^^",
        "  did you mean 'd'?",
        "",
      ].join("\n"),
    );
  });

  it("report --format json gives them as objects on stdout", () => {
    writeFileSync(join(dir, "three.yaml"), THREE_MISTAKES);
    const run = runDist(["report", "three.yaml", "--format", "json"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      diagnostics: [
        {
          code: "MB401",
          name: "unknown-layer-type",
          severity: "error",
          file: "three.yaml",
          line: 4,
          col: 8,
          endLine: 4,
          endCol: 14,
          message: "unknown layer type 'Lineer'",
          hint: "did you mean 'Linear'?",
        },
        {
          code: "MB405",
          name: "unknown-argument",
          severity: "error",
          file: "three.yaml",
          line: 5,
          col: 21,
          endLine: 5,
          endCol: 25,
          message: "Linear has no argument 'bais'",
          hint: "did you mean 'bias'?",
        },
        {
          code: "MB301",
          name: "undefined-variable",
          severity: "error",
          file: "three.yaml",
          line: 6,
          col: 15,
          endLine: 6,
          endCol: 17,
          message: "undefined variable 'dd' in argument 'in_features' of Linear",
          hint: "did you mean 'd'?",
        },
      ],
    });
  });

  it("collects a resolve error (an unknown block) with count errors, in source order", () => {
    expect(problems("layers:\n  - a: Linear(4)\n  - use: mpl\n  - c: Conv2d(3, 8)\n")).toEqual([
      "2:8 MB407 Linear is missing its required argument 'out_features'",
      "3:10 MB310 unknown block 'mpl'",
      "4:8 MB407 Conv2d is missing its required argument 'kernel_size'",
    ]);
  });

  it("collects mistakes inside nested modules and included files", () => {
    const included = "layers:\n  - x: Lineer(4, 4)\n";
    expect(
      problems("layers:\n  - m:\n      layers:\n        - a: Linear(4, 4, bais=True)\n        - b: ReLU()\n  - inc: {include: part.yaml}\n  - z: Linear(4)\n", {
        "part.yaml": included,
      }),
    ).toEqual(["4:27 MB405 Linear has no argument 'bais'", "7:8 MB407 Linear is missing its required argument 'out_features'", "part.yaml:2:8 MB401 unknown layer type 'Lineer'"]);
  });

  it("reports a mistake in a block once, however many times the block is used", () => {
    expect(problems("blocks:\n  mlp:\n    layers:\n      - fc: Lineer(4, 4)\nlayers:\n  - use: mlp\n  - use: mlp\n  - {use: mlp, repeat: 3}\n")).toEqual([
      "4:13 MB401 unknown layer type 'Lineer'",
    ]);
  });
});

describe("dependent errors are suppressed, not cascaded", () => {
  it("a tie to a layer that failed is not a second error", () => {
    expect(problems("layers:\n  - wte: Embeding(10, 4)\n  - head: Linear(4, 10, bias=False)\ntie:\n  head.weight: wte.weight\n")).toEqual([
      "2:10 MB401 unknown layer type 'Embeding'",
    ]);
  });

  it("shapes after a layer that failed are not checked", () => {
    expect(problems("input: [1, 8]\nlayers:\n  - a: Linearr(8, 16)\n  - b: Linear(99, 4)\n")).toEqual(["3:8 MB401 unknown layer type 'Linearr'"]);
  });

  it("a frozen: path into a child that failed is not reported as matching nothing", () => {
    expect(problems("layers:\n  - m:\n      layers:\n        - fc: Lineer(4, 4)\n      frozen: [fc.weight]\n")).toEqual(["4:15 MB401 unknown layer type 'Lineer'"]);
  });
});

describe("a budget file's mistakes are reported together", () => {
  it("two bad growth allowances in one model and a bad limit in another are three errors at their values", () => {
    const text = "models:\n  a:\n    growth: {memory: 1.5M, activations: 3M}\n  b:\n    params: 99999999999999999999\n";
    try {
      parseBudget(text, "budget.yml");
      throw new Error("the budget was accepted");
    } catch (error) {
      expect(userErrors(error)?.map((problem) => `${problem.position.line}:${problem.position.col} ${problem.code} ${problem.detail}`)).toEqual([
        "3:22 MB701 memory limit must be a memory size such as 24GiB or 80GB, not '1.5M'",
        "3:41 MB701 activations limit must be a memory size such as 24GiB or 80GB, not '3M'",
        "5:13 MB701 params limit must be a count such as 125M or 7B, not '100000000000000000000'",
      ]);
    }
  });
});
