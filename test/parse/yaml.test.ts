import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/parse/yaml.js";
import { failureOf } from "../helpers/specs.js";

const failure = (text: string) => failureOf(() => parseYaml(text, "spec.yaml"));

describe("YAML with positions", () => {
  it("maps data paths to the line and column of values and keys", () => {
    const source = parseYaml('model: x\nlayers:\n  - fc: Linear(4, 4)\n  - {b: "Conv2d(1, 2, 3)"}\n', "spec.yaml");
    expect(source.at(["layers", 0, "fc"])).toEqual({ file: "spec.yaml", line: 3, col: 9 });
    expect(source.keyAt(["layers", 0, "fc"])).toEqual({ file: "spec.yaml", line: 3, col: 5 });
    expect(source.offsetsAt(["layers", 0, "fc"])(7)).toEqual({ file: "spec.yaml", line: 3, col: 16 });
    // inside double quotes the offset counts from after the quote
    expect(source.offsetsAt(["layers", 1, "b"])(7)).toEqual({ file: "spec.yaml", line: 4, col: 17 });
    // a missing path points at the nearest node that exists
    expect(source.at(["layers", 7])).toEqual({ file: "spec.yaml", line: 3, col: 3 });
  });

  it("follows aliases to their anchors", () => {
    const source = parseYaml("base: &b Linear(1, 2)\nlayers:\n  - a: *b\n", "spec.yaml");
    expect(source.data).toEqual({ base: "Linear(1, 2)", layers: [{ a: "Linear(1, 2)" }] });
    expect(source.at(["layers", 0, "a"])).toEqual({ file: "spec.yaml", line: 1, col: 10 });
  });

  it("finds a duplicate key among 200,000 in linear time", () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `  v${i}: ${i}`);
    keys.push("  v7: 8");
    const started = performance.now();
    expect(failure(`vars:\n${keys.join("\n")}\n`)).toBe(
      "spec.yaml:200002:3: YAML syntax error: duplicate key 'v7' in one mapping\n  its first definition is on line 9: keep one of them",
    );
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("reports syntax errors at their position", () => {
    expect(failure("model: x\nlayers:\n  - a: [1,\n")).toBe(
      "spec.yaml:4:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]\n  a [ before line 4 is not closed: add its ], or indent the lines that continue it",
    );
    expect(failure("model: x\nmodel: y\n")).toBe("spec.yaml:2:1: YAML syntax error: duplicate key 'model' in one mapping\n  its first definition is on line 1: keep one of them");
  });

  it("refuses alias bombs without expanding them", () => {
    const levels = ["a: &a [1,1,1,1,1,1,1,1,1,1]"];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${"abcdefghi"[i]}: &${"abcdefghi"[i]} [${Array(10)
          .fill(`*${"abcdefghi"[i - 1]}`)
          .join(",")}]`,
      );
    const started = performance.now();
    expect(failure(levels.join("\n"))).toBe(
      "spec.yaml:2:8: YAML aliases expand too far (Excessive alias count indicates a resource exhaustion attack)\n  write the repeated part once with repeat: or blocks: instead of aliases",
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses deep nesting", () => {
    expect(failure(`${"[".repeat(70)}${"]".repeat(70)}`)).toBe("spec.yaml:1:65: nesting deeper than 64 levels\n  flatten the spec: blocks: and include: keep specs shallow");
  });
});

describe("YAML indentation errors name the line that is probably mis-indented", () => {
  it("a key, a list item under a key, a nested mapping and a tab", () => {
    expect(failure("model: x\nlayers:\n  - a: Linear(4, 4)\n vars:\n  d: 1\n")).toBe(
      "spec.yaml:4:1: YAML syntax error: All mapping items must start at the same column\n  line 4 ('vars:') is probably mis-indented: it starts at column 2, the key on line 2 ('layers:') at column 1; line them up, or nest it under a key",
    );
    expect(failure("layers:\n  - a:\n      layers:\n        - b: Linear(1, 1)\n     - c: Linear(1, 1)\n")).toBe(
      "spec.yaml:5:1: YAML syntax error: A block sequence may not be used as an implicit map key\n  line 5 ('- c: Linear(1, 1)') is probably mis-indented: it starts at column 6, the list item on line 4 ('- b: Linear(1, 1)') at column 9; line them up, or nest it under a key",
    );
    expect(failure("vars:\n  d: 1\n   e: 2\n")).toBe(
      "spec.yaml:2:6: YAML syntax error: Nested mappings are not allowed in compact mappings\n  line 3 ('e: 2') is probably mis-indented: it starts at column 4, the key on line 2 ('d: 1') at column 3; line them up, or nest it under a key",
    );
    expect(failure("vars:\n\td: 1\n")).toBe(
      "spec.yaml:2:1: YAML syntax error: Tabs are not allowed as indentation\n  line 2 is indented with a tab: YAML indents with spaces only",
    );
  });

  it("an unclosed bracket, and columns after a byte-order mark", () => {
    expect(failure("model: [\nlayers:\n  - a: Linear(2, 2)\n")).toBe(
      "spec.yaml:2:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]\n  a [ before line 2 is not closed: add its ], or indent the lines that continue it",
    );
    expect(parseYaml("\uFEFFvars: {d: zz}\n", "spec.yaml").at(["vars", "d"])).toEqual({ file: "spec.yaml", line: 1, col: 11 });
  });
});
