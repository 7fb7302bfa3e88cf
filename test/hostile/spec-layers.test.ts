import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { shown } from "../helpers/diagnostic-text.js";
import { runDist, showsStackTrace, type DistRun } from "../helpers/run-dist.js";

/**
 * Hostile layer sizes, ties and frozen lists, through the bundled CLI (`npm run build` first): each is a
 * clean diagnostic at its position with a hint, exit 2, within a few seconds and a bounded heap.
 */
const dir = mkdtempSync(join(tmpdir(), "model-budget-hostile-layers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let written = 0;
function writeSpec(text: string): string {
  const file = join(dir, `spec-${written++}.yaml`);
  writeFileSync(file, text);
  return file;
}

const POSITIVE = "write 1 or more; when an expression gives it, check the vars it uses";
const WHOLE = "write a whole number such as 64; in an expression, // divides to a whole number";
const EXACT = "check the sizes and repeat counts for a typo";

/** The run ended by itself, quickly, with one diagnostic and no stack trace. */
function expectClean(run: DistRun, message: string, code: string, underlined = 1): void {
  expect(run.signal).toBeNull();
  expect(run.ms).toBeLessThan(5000);
  expect(showsStackTrace(run.stderr)).toBe(false);
  expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 2, stdout: "", stderr: `${shown(message, code, undefined, underlined)}\n` });
}

/** A one-layer spec `l: CALL`; its argument positions are columns of line 2. */
const oneLayer = (call: string) => `layers:\n  - l: "${call}"\n`;

describe("hostile layer sizes through dist/cli.js report", () => {
  const cases: [call: string, column: number, detail: string, hint: string, code: string, underlined?: number][] = [
    ["Linear(-5, 10)", 16, "Linear needs a positive 'in_features', got -5", POSITIVE, "MB409"],
    ["Linear(0, 10)", 16, "Linear needs a positive 'in_features', got 0", POSITIVE, "MB409"],
    ["Linear(10, -4096)", 20, "Linear needs a positive 'out_features', got -4096", POSITIVE, "MB409"],
    ["Bilinear(4, 4, -2)", 24, "Bilinear needs a positive 'out_features', got -2", POSITIVE, "MB409"],
    ["Conv2d(3, 8, (3, -1))", 22, "Conv2d needs positive values for 'kernel_size', got (3, -1)", POSITIVE, "MB409"],
    ["Embedding(-5, 3)", 19, "Embedding needs a positive 'num_embeddings', got -5", POSITIVE, "MB409"],
    ["LayerNorm((8, 0))", 19, "LayerNorm needs positive sizes in 'normalized_shape', got (8, 0)", POSITIVE, "MB409"],
    ["Parameter(-3, 2)", 19, "Parameter has a negative size -3 in its shape", "write sizes of 0 or more, e.g. Parameter(1, 1, 768)", "MB409"],
    ["Upsample(size=-3)", 18, "Upsample needs positive values for 'size', got -3", POSITIVE, "MB409"],
    ["Linear(10.5, 3)", 16, "Linear argument 'in_features' must be an integer, got the number 10.5", WHOLE, "MB403"],
    ["Linear(1e400, 3)", 16, "Linear argument 'in_features' must be an integer, got the number Infinity", WHOLE, "MB403"],
    ["Linear('4096', 3)", 16, "Linear argument 'in_features' must be an integer, got the string '4096'", WHOLE, "MB403"],
    ["Linear(True, 3)", 16, "Linear argument 'in_features' must be an integer, got True", WHOLE, "MB403"],
    ["Linear(nan, 3)", 16, "undefined variable 'nan' in argument 'in_features' of Linear", "define it under vars:, or check its spelling", "MB301", 3],
    ["Linear(10, 9007199254740993)", 20, "integer above 2^53 - 1 (9,007,199,254,740,991): it cannot be counted exactly", "check the expression for a runaway product", "MB303"],
  ];
  for (const [call, column, detail, hint, code, underlined] of cases) {
    it(call, () => {
      const file = writeSpec(oneLayer(call));
      expectClean(runDist(["report", file]), `${file}:2:${column}: ${detail}\n  ${hint}`, code, underlined);
    });
  }

  it("a negative size from vars is refused at the argument", () => {
    const file = writeSpec("vars:\n  d: 0 - 4096\nlayers:\n  - big: Linear(d, 4096)\n");
    expectClean(runDist(["report", file]), `${file}:4:17: Linear needs a positive 'in_features', got -4096\n  ${POSITIVE}`, "MB409");
  });

  it("a weight of 2^53 elements or more", () => {
    const file = writeSpec(oneLayer("Linear(1000000000, 1000000000)"));
    expectClean(
      runDist(["report", file]),
      `${file}:2:5: the element count of l.weight [1000000000, 1000000000] exceeds 2^53 - 1 = 9,007,199,254,740,991 and cannot be counted exactly\n  ${EXACT}`,
      "MB303",
    );
  });

  it("a product of sizes and repeats past 2^53", () => {
    const file = writeSpec('layers:\n  - h: {repeat: 100000000, layer: "Linear(100000, 100000)"}\n');
    expectClean(runDist(["report", file]), `${file}:2:5: parameters of h.[0-99999999] exceeds 2^53 - 1 = 9,007,199,254,740,991 and cannot be counted exactly\n  ${EXACT}`, "MB303");
  });
});

describe("hostile ties and frozen lists through dist/cli.js report", () => {
  it("a tensor tied to itself", () => {
    const file = writeSpec("layers:\n  - big: Linear(4096, 4096)\ntie:\n  big.weight: big.weight\n");
    expectClean(
      runDist(["report", file]),
      `${file}:4:3: tie 'big.weight' names the same tensor as its target 'big.weight'\n  tie a tensor to another one it shares storage with, or remove the line`,
      "MB340",
    );
  });

  it("a tie cycle", () => {
    const file = writeSpec("layers:\n  - a: Linear(8, 8)\n  - b: Linear(8, 8)\ntie:\n  a.weight: b.weight\n  b.weight: a.weight\n");
    expectClean(
      runDist(["report", file]),
      `${file}:6:3: tie cycle: a.weight → b.weight → a.weight\n  a tie's key is the copy and its value the tensor that holds the storage: remove one of these ties`,
      "MB341",
    );
  });

  it("a long tie chain that closes on itself ends quickly", () => {
    const count = 2000;
    const layers = Array.from({ length: count }, (_, i) => `  - l${i}: Linear(4, 4)\n`).join("");
    const ties = Array.from({ length: count }, (_, i) => `  l${i}.weight: l${(i + 1) % count}.weight\n`).join("");
    const file = writeSpec(`layers:\n${layers}tie:\n${ties}`);
    const run = runDist(["report", file]);
    expect(run.status).toBe(2);
    expect(run.ms).toBeLessThan(5000);
    expect(showsStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).toBe(
      `${shown(`${file}:${2 * count + 2}:3: tie cycle: l0.weight → l1.weight → l2.weight → … 1994 more … → l1997.weight → l1998.weight → l1999.weight → l0.weight\n  a tie's key is the copy and its value the tensor that holds the storage: remove one of these ties`, "MB341")}\n`,
    );
  });

  it("a frozen name the layer lacks", () => {
    const file = writeSpec('layers:\n  - fc: {layer: "Linear(10, 5)", frozen: [bais]}\n');
    expectClean(runDist(["report", file]), `${file}:2:43: frozen names 'bais', but fc (Linear) has no parameter 'bais'\n  did you mean 'bias'?`, "MB331");
  });

  it("a lazy module", () => {
    const file = writeSpec(oneLayer("LazyLinear(10)"));
    expectClean(
      runDist(["report", file]),
      `${file}:2:9: LazyLinear infers its sizes at its first forward pass, which a spec does not run\n  describe the model after its first forward: write Linear(in_features, out_features, ...) with the sizes it infers then`,
      "MB402",
    );
  });
});

describe("a negative size cannot pass a budget", () => {
  it("check refuses the spec instead of counting −16,777,216 parameters", () => {
    const repo = join(dir, "repo");
    mkdirSync(join(repo, ".github"), { recursive: true });
    writeFileSync(join(repo, ".github/model-budget.yml"), "models:\n  model.yaml:\n    params: 1000\n");
    writeFileSync(join(repo, "model.yaml"), "layers:\n  - big: Linear(-4096, 4096)\n");
    const run = runDist(["check", "model.yaml"], { cwd: repo });
    expect(run.status).toBe(2);
    expect(showsStackTrace(run.stdout + run.stderr)).toBe(false);
    expect(run.stdout).not.toContain("✅");
    expect(run.stdout).toContain("### ❌ model.yaml: invalid (1 error)\n");
    expect(run.stdout).toContain(
      "- model.yaml&#58;2&#58;17&#58; Linear needs a positive 'in&#95;features', got -4096 &#91;MB409&#93; — write 1 or more; when an expression gives it, check the vars it uses\n",
    );
  });

  it("import torch-repr refuses a negative MultiheadAttention", () => {
    const file = join(dir, "model.txt");
    writeFileSync(file, "MultiheadAttention(\n  (out_proj): NonDynamicallyQuantizableLinear(in_features=-8, out_features=-8, bias=True)\n)\n");
    expectClean(runDist(["import", "torch-repr", file]), `${file}:2:47: NonDynamicallyQuantizableLinear needs a positive 'in_features', got -8\n  ${POSITIVE}`, "MB409");
  });
});
