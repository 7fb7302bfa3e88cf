import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withoutExcerpts } from "../helpers/diagnostic-text.js";
import { runDist, showsStackTrace, type DistRun } from "../helpers/run-dist.js";

/**
 * Hostile expressions and YAML through the bundled CLI: each case ends within a few seconds and a
 * bounded heap, with the correct result or a clean diagnostic at its position, never a stack trace.
 * Needs `npm run build` first: it runs dist/cli.js.
 */
const folder = mkdtempSync(join(tmpdir(), "model-budget-hostile-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function report(name: string, text: string | Buffer): DistRun {
  writeFileSync(join(folder, name), text);
  const run = runDist(["report", name], { cwd: folder });
  expect(run.ms).toBeLessThan(5000);
  expect(run.signal).toBeNull();
  expect(showsStackTrace(run.stdout + run.stderr)).toBe(false);
  return run;
}

/** The diagnostic a rejected spec gets: exit 2, the message on stderr, nothing on stdout. */
function rejected(name: string, text: string | Buffer): string {
  const run = report(name, text);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  return withoutExcerpts(run.stderr);
}

/** The parameter total of an accepted spec, as the text report prints it. */
function total(name: string, text: string | Buffer): string {
  const run = report(name, text);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return /^Total\s+([\d,]+)/m.exec(run.stdout)?.[1] ?? run.stdout;
}

describe("expression bombs", () => {
  it("a 4,999-term sum in a var is evaluated, not a stack overflow", () => {
    expect(total("sum.yaml", `vars:\n  x: ${Array(4999).fill("1").join("+")}\nlayers:\n  - a: Linear(x, 1)\n`)).toBe("5,000");
  });

  it("10 ** 10 ** 10 and results at 2^53 are refused at the operator", () => {
    const runaway = "  check the expression for a runaway product\n";
    expect(rejected("power.yaml", "vars:\n  x: 10 ** 10 ** 10\nlayers:\n  - a: Linear(1, 1)\n")).toBe(
      `power.yaml:2:9: integer above 2^53 - 1 (9,007,199,254,740,991): it cannot be counted exactly [MB303]\n${runaway}`,
    );
    expect(rejected("p53.yaml", "vars:\n  x: 2 ** 53\nlayers:\n  - a: Linear(x, 1)\n")).toBe(
      `p53.yaml:2:8: integer above 2^53 - 1 (9,007,199,254,740,991): it cannot be counted exactly [MB303]\n${runaway}`,
    );
    expect(rejected("product.yaml", "vars:\n  x: 4096 * 4096 * 4096 * 4096 * 4096\nlayers:\n  - a: Linear(1, 1)\n")).toBe(
      `product.yaml:2:32: integer above 2^53 - 1 (9,007,199,254,740,991): it cannot be counted exactly [MB303]\n${runaway}`,
    );
  });

  it("deep parentheses, unary minus and not are refused at the level past the limit", () => {
    const hint = "  simplify it: name parts of it under vars:\n";
    expect(rejected("parens.yaml", `vars:\n  x: "${"(".repeat(2000)}1${")".repeat(2000)}"\nlayers:\n  - a: Linear(1, 1)\n`)).toBe(
      `parens.yaml:2:71: expression nested more than 64 levels deep [MB107]\n${hint}`,
    );
    expect(rejected("minus.yaml", `vars:\n  x: "${"-".repeat(3000)}1"\nlayers:\n  - a: Linear(1, 1)\n`)).toBe(
      `minus.yaml:2:70: expression nested more than 64 levels deep [MB107]\n${hint}`,
    );
    expect(rejected("not.yaml", `vars:\n  x: "${"not ".repeat(2400)}1"\nlayers:\n  - a: Linear(1, 1)\n`)).toBe(
      `not.yaml:2:259: expression nested more than 64 levels deep [MB107]\n${hint}`,
    );
    expect(rejected("powers.yaml", `vars:\n  x: "${"1 ** ".repeat(1500)}1"\nlayers:\n  - a: Linear(1, 1)\n`)).toBe(
      `powers.yaml:2:324: expression nested more than 64 levels deep [MB107]\n${hint}`,
    );
  });

  it("repeat: 10**12 is counted exactly and fast, with shapes too", () => {
    expect(total("repeat.yaml", 'layers:\n  - h: {repeat: 10**12, layers: ["Linear(1, 1)"]}\n')).toBe("2,000,000,000,000");
    expect(total("repeat-input.yaml", 'input: [1]\nlayers:\n  - h: {repeat: 10**12, layers: ["Linear(1, 1)"]}\n')).toBe("2,000,000,000,000");
    expect(rejected("repeat-big.yaml", 'layers:\n  - h: {repeat: 10**16, layers: ["Linear(1, 1)"]}\n')).toBe(
      "repeat-big.yaml:2:19: integer above 2^53 - 1 (9,007,199,254,740,991): it cannot be counted exactly [MB303]\n  check the expression for a runaway product\n",
    );
  });

  it("conditions that do not parse or exceed the limit are errors, never true", () => {
    expect(rejected("if.yaml", 'vars:\n  stride: 2\nlayers:\n  - a: {layer: "Linear(1, 1)", if: "stride != 1)"}\n')).toBe(
      "if.yaml:4:48: unexpected ')' after the end of the expression [MB107]\n",
    );
    expect(rejected("if-long.yaml", `layers:\n  - a: {layer: "Linear(1, 1)", if: "${"1 + ".repeat(2600)}1 == 1"}\n`)).toBe(
      "if-long.yaml:2:37: expression is 10406 characters long, more than the 10000 allowed [MB107]\n",
    );
  });
});

describe("call strings", () => {
  it("unbalanced quotes and parentheses", () => {
    expect(rejected("quote.yaml", 'layers:\n  - a: "Linear(2, \'x)"\n')).toBe("quote.yaml:2:19: unterminated string starting here [MB107]\n  close it with '\n");
    expect(rejected("paren.yaml", 'layers:\n  - a: "Linear(2, 2"\n')).toBe(
      "paren.yaml:2:20: expected ')' to close the call to Linear, found the end of the text [MB107]\n  add the missing ')'\n",
    );
    expect(rejected("close.yaml", 'layers:\n  - a: "Linear(2, 2))"\n')).toBe("close.yaml:2:21: unexpected ')' after the end of the expression [MB107]\n");
  });

  it("a 10,000-character argument", () => {
    expect(rejected("long.yaml", `layers:\n  - a: "Linear(2, ${"1".repeat(10000)})"\n`)).toBe(
      "long.yaml:2:9: expression is 10011 characters long, more than the 10000 allowed [MB107]\n",
    );
    expect(rejected("long-int.yaml", `layers:\n  - a: "Linear(2, ${"9".repeat(9000)})"\n`)).toBe(
      "long-int.yaml:2:19: integer above 2^53 - 1 (9,007,199,254,740,991): it cannot be counted exactly [MB303]\n  check the expression for a runaway product\n",
    );
  });
});

describe("hostile YAML", () => {
  it("a 2,000-entry list behind an alias resolves in a moment", () => {
    const items = Array.from({ length: 2000 }, (_, i) => `      - l${i}: Linear(1, 1)\n`).join("");
    expect(total("alias.yaml", `blocks:\n  b:\n    layers: &L\n${items}layers:\n  - x: {layers: *L}\n`)).toBe("4,000");
  });

  it("alias bombs and merge keys", () => {
    const levels = ["a: &a [1,1,1,1,1,1,1,1,1,1]"];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${"abcdefghi"[i]}: &${"abcdefghi"[i]} [${Array(10)
          .fill(`*${"abcdefghi"[i - 1]}`)
          .join(",")}]`,
      );
    expect(rejected("bomb.yaml", `${levels.join("\n")}\n`)).toBe(
      "bomb.yaml:2:8: YAML aliases expand too far (Excessive alias count indicates a resource exhaustion attack) [MB104]\n  write the repeated part once with repeat: or blocks: instead of aliases\n",
    );
    expect(rejected("merge.yaml", "vars:\n  <<: {d: 1}\nlayers:\n  - x: Linear(1, 1)\n")).toBe(
      "merge.yaml:2:3: '<<' is not a valid name in vars [MB204]\n  names use letters, digits and _ (and must not start with a digit, except layer names)\n" +
        "merge.yaml:2:7: vars.<< must be an integer or a number or a string or true or false or ~, not a mapping [MB203]\n",
    );
  });

  it("nesting 1,000 and 10,000 deep, in flow and block style", () => {
    const hint = "  flatten the spec: blocks: and include: keep specs shallow\n";
    expect(rejected("flow1k.yaml", `layers: ${"[".repeat(1000)}${"]".repeat(1000)}\n`)).toBe(`flow1k.yaml:1:72: nesting deeper than 64 levels [MB103]\n${hint}`);
    expect(rejected("flow10k.yaml", `layers: ${"{a: ".repeat(10000)}1${"}".repeat(10000)}\n`)).toBe(`flow10k.yaml:1:261: nesting deeper than 64 levels [MB103]\n${hint}`);
    const block = Array.from({ length: 1000 }, (_, i) => `${"  ".repeat(i)}k${i}:\n`).join("");
    expect(rejected("block1k.yaml", block)).toBe(`block1k.yaml:65:129: nesting deeper than 64 levels [MB103]\n${hint}`);
    expect(rejected("seq.yaml", `layers:\n  ${"- ".repeat(10000)}x\n`)).toBe(`seq.yaml:2:129: nesting deeper than 64 levels [MB103]\n${hint}`);
  });

  it("a byte-order mark, CRLF line ends and a tab inside a value read as they should", () => {
    expect(total("bom.yaml", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("layers:\n  - a: Linear(2, 2)\n")]))).toBe("6");
    expect(total("crlf.yaml", "vars:\r\n  d: 2\r\nlayers:\r\n  - a: Linear(d, 2)\r\n")).toBe("6");
    expect(total("tab-value.yaml", "layers:\n  - a: Linear(2,\t2)\n")).toBe("6");
  });

  it("tab indentation and duplicate keys are positioned errors", () => {
    expect(rejected("tab.yaml", "vars:\n\td: 1\nlayers:\n  - a: Linear(1, 1)\n")).toBe(
      "tab.yaml:2:1: YAML syntax error: Tabs are not allowed as indentation [MB101]\n  line 2 is indented with a tab: YAML indents with spaces only\n",
    );
    expect(rejected("dup.yaml", "layers:\n  - a: Linear(2, 2)\nlayers:\n  - a: Linear(2, 2)\n")).toBe(
      "dup.yaml:3:1: YAML syntax error: duplicate key 'layers' in one mapping [MB102]\n  its first definition is on line 1: keep one of them\n",
    );
  });
});

describe("the repeat index", () => {
  it("nested repeats that use it stop at 10,000 instances resolved one by one, at the repeat", () => {
    const nested = "layers:\n  - repeat: 1000000\n    layers:\n      - repeat: 1000000\n        layer: 'Linear(8, 8 + index)'\n";
    expect(rejected("index-bomb.yaml", nested)).toBe(
      "index-bomb.yaml:2:5: repeats that use index stand for more than 10,000 instances, each resolved on its own [MB324]\n  use index in fewer or smaller repeats\n",
    );
  });

  it("a repeat of a million without it stays symbolic, select's index= keyword included", () => {
    expect(total("no-index.yaml", "layers:\n  - repeat: 1000000\n    layers:\n      - {repeat: 1000000, layer: 'Linear(2, 2)'}\n")).toBe("6,000,000,000,000");
    const keyword = "layers:\n  - repeat: 1000000\n    forward: ['select(1, index=0)']\n    layers:\n      - {layer: 'Linear(2, 2)'}\n";
    expect(total("index-keyword.yaml", keyword)).toBe("6,000,000");
  });
});
