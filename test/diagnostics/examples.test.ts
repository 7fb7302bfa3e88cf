import { describe, expect, it } from "vitest";
import { DIAGNOSTICS, userErrors } from "../../src/diagnostics/index.js";
import { parseBudget } from "../../src/budget/budget-file.js";
import { analyzeSpec } from "../../src/analysis/index.js";
import { files } from "../helpers/specs.js";

/** The codes an input gets: a spec's (its errors, else its review hints), or a budget file's for the budget's kinds. */
function codesOf(text: string, budget: boolean): string[] {
  try {
    if (budget) parseBudget(`models:\n${text.replace(/^/gm, "  ")}\n`, "budget.yml");
    // A warning's or a hint's example gets it beside a report: the analysis goes on.
    else {
      const analyzed = analyzeSpec("spec.yaml", files({ "spec.yaml": text }));
      return [...(analyzed.warnings ?? []).map((warning) => warning.code), ...(analyzed.hints ?? []).map((hint) => hint.code)];
    }
  } catch (error) {
    const found = userErrors(error);
    if (!found) throw error;
    return found.map((problem) => problem.code);
  }
  return [];
}

/** Examples written as a spec (not a comment standing for a file too large or too deep to show) are run. */
const runnable = Object.entries(DIAGNOSTICS).filter(([, kind]) => kind.exampleIn === undefined && !kind.example.startsWith("#") && !/\n#|# /.test(kind.example));

describe("docs/diagnostics.md's examples", () => {
  for (const [name, kind] of runnable) {
    it(`${kind.code} ${name}: its example gets it`, () => {
      expect(codesOf(kind.example, kind.code.startsWith("MB7"))).toContain(kind.code);
    });
  }
});
