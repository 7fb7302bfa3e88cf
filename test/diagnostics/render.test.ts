import { describe, expect, it } from "vitest";
import { diagnostic } from "../../src/diagnostics/index.js";
import { renderDiagnostic } from "../../src/diagnostics/render.js";

const at = (line: number, col: number, end?: { endLine: number; endCol: number }) => ({ file: "spec.yaml", line, col, ...end });

describe("renderDiagnostic", () => {
  it("prints the head with its code, the source line with a caret under the column, then the hint", () => {
    const problem = diagnostic("unknown-layer-type", at(2, 8), "unknown layer type 'Lineer'", "did you mean 'Linear'?");
    expect(renderDiagnostic(problem, "layers:\n  - a: Lineer(4, 4)\n")).toBe(
      "spec.yaml:2:8: unknown layer type 'Lineer' [MB401]\n  2 |   - a: Lineer(4, 4)\n    |        ^\n  did you mean 'Linear'?",
    );
  });

  it("underlines to the end when it is on the same line", () => {
    const problem = diagnostic("unknown-layer-type", at(1, 3, { endLine: 1, endCol: 9 }), "unknown layer type 'Lineer'");
    expect(renderDiagnostic(problem, "- Lineer(4, 4)")).toBe("spec.yaml:1:3: unknown layer type 'Lineer' [MB401]\n  1 | - Lineer(4, 4)\n    |   ^^^^^^");
  });

  it("keeps tabs under the text so the caret lines up, and reads CRLF files", () => {
    const problem = diagnostic("yaml-syntax", at(2, 3), "YAML syntax error: Tabs are not allowed as indentation");
    expect(renderDiagnostic(problem, "a:\r\n\t\tb: 1\r\n")).toBe("spec.yaml:2:3: YAML syntax error: Tabs are not allowed as indentation [MB101]\n  2 | \t\tb: 1\n    | \t\t^");
  });

  it("cuts a long line around the column", () => {
    const line = `${"x".repeat(500)}!${"y".repeat(500)}`;
    const lines = renderDiagnostic(diagnostic("expression-syntax", at(1, 501), "unexpected character '!'"), line).split("\n");
    expect(lines[1]).toBe(`  1 | …${"x".repeat(60)}!${"y".repeat(59)}…`);
    expect(lines[2]).toBe(`    |  ${" ".repeat(60)}^`);
  });

  it("shows no excerpt without the source, past its end, or for a binary file's byte", () => {
    const problem = diagnostic("unknown-layer-type", at(9, 1), "unknown layer type 'X'");
    expect(renderDiagnostic(problem)).toBe("spec.yaml:9:1: unknown layer type 'X' [MB401]");
    expect(renderDiagnostic(problem, "one line\n")).toBe("spec.yaml:9:1: unknown layer type 'X' [MB401]");
    const binary = { ...diagnostic("malformed-safetensors", { file: "m.safetensors", line: 1, col: 1 }, "at byte 9: the JSON is not an object"), offset: 9 };
    expect(renderDiagnostic(binary, "\u0000\u0000")).toBe("m.safetensors: at byte 9: the JSON is not an object [MB810]");
  });

  it("gives a warning's severity from the registry", () => {
    expect(diagnostic("unmatched-budget-entry", at(2, 3), "budget entry 'x' matches no spec")).toEqual({
      code: "MB702",
      name: "unmatched-budget-entry",
      severity: "warning",
      file: "spec.yaml",
      line: 2,
      col: 3,
      message: "budget entry 'x' matches no spec",
    });
  });
});
