import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeSpec, whatFits } from "../../src/analysis/index.js";
import { acceleratorTable, ACCELERATORS } from "../../src/memory/index.js";
import { runDist } from "../helpers/run-dist.js";
import { failureOf, files } from "../helpers/specs.js";

const SPEC = (accelerators: string) => `model: tiny
input: {tokens: 64}
serving:
  context: 64
${accelerators}layers:
  - embed: Embedding(100, 8)
  - self_attn:
      forward: ["attention(q, k, v, heads=2, causal=True)", o]
      layers:
        - q: Linear(8, 8)
        - k: Linear(8, 8)
        - v: Linear(8, 8)
        - o: Linear(8, 8)
  - lm_head: Linear(8, 100, bias=False)
`;

const OWN = `  accelerators:
    lab-gpu: {memory: 48GiB, source: "the lab's nvidia-smi: 49,152 MiB"}
    H100-80GB: {memory: 85520809984}
`;

const BUDGET = `accelerators:
  lab-gpu: {memory: 24GiB}
  shared-pod: {memory: 1.5TB, source: "8 × 192 GB"}
models: {}
`;

const directory = mkdtempSync(join(tmpdir(), "model-budget-accelerators-"));
writeFileSync(join(directory, "spec.yaml"), SPEC(OWN));
writeFileSync(join(directory, "plain.yaml"), SPEC(""));
writeFileSync(join(directory, "budget.yml"), BUDGET);
writeFileSync(join(directory, "bad.yaml"), SPEC("  accelerators:\n    lab-gpu: {memory: 48G}\n"));
writeFileSync(join(directory, "typo.yaml"), SPEC("  accelerators:\n    lab-gpu: {memry: 48GiB}\n"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const fits = (args: string[]) => {
  const run = runDist(["fits", ...args, "--format", "json"], { cwd: directory, timeoutMs: 30_000 });
  return { ...run, fits: run.status === 0 ? (JSON.parse(run.stdout) as { fits: { gpu: string; memoryBytes: number; source: string; usableBytes: number } }).fits : undefined };
};

describe("accelerators of your own, from the spec's serving: section or a budget file", () => {
  it("fits --gpu names the spec's own accelerator, with its memory and source", () => {
    const run = fits(["spec.yaml", "--gpu", "lab-gpu"]);
    expect(run.stderr).toBe("");
    expect(run.fits).toMatchObject({ gpu: "lab-gpu", memoryBytes: 48 * 2 ** 30, source: "the lab's nvidia-smi: 49,152 MiB", usableBytes: 48 * 2 ** 30 });
  });

  it("a name of the table given again takes the spec's figure, and the source says where it was set", () => {
    expect(fits(["spec.yaml", "--gpu", "H100-80GB"]).fits).toMatchObject({ gpu: "H100-80GB", memoryBytes: 85_520_809_984, source: "spec.yaml:7" });
    expect(fits(["plain.yaml", "--gpu", "H100-80GB"]).fits).toMatchObject({ memoryBytes: 80 * 2 ** 30 });
  });

  it("a budget file's accelerators: count with --budget; the spec's own take precedence", () => {
    expect(fits(["plain.yaml", "--gpu", "shared-pod", "--budget", "budget.yml"]).fits).toMatchObject({ gpu: "shared-pod", memoryBytes: 1_500_000_000_000, source: "8 × 192 GB" });
    expect(fits(["plain.yaml", "--gpu", "lab-gpu", "--budget", "budget.yml"]).fits).toMatchObject({ memoryBytes: 24 * 2 ** 30, source: "budget.yml:2" });
    expect(fits(["spec.yaml", "--gpu", "lab-gpu", "--budget", "budget.yml"]).fits).toMatchObject({ memoryBytes: 48 * 2 ** 30 });
  });

  it("without the entry, the name is unknown, and the message says where to add it", () => {
    const run = fits(["plain.yaml", "--gpu", "lab-gpu"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "not 'lab-gpu' [MB643]\n  or give its memory with --memory 80GiB, or add it to the spec's serving.accelerators or the --budget file's accelerators: {lab-gpu: {memory: 80GiB}}\n",
    );
  });

  it("a memory without a byte unit is an error at it, and the schema refuses an unknown key where it is written", () => {
    const bad = fits(["bad.yaml", "--gpu", "lab-gpu"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("bad.yaml:6:23: lab-gpu's memory must be an amount of bytes of at least 1 such as 48GiB or 80GB, not '48G' [MB645]");
    expect(bad.stderr).toContain("  write it as the vendor states it: 48GiB in binary units (as memory chips are sized), 48GB in decimal, or a number of bytes\n");
    const typo = fits(["typo.yaml", "--gpu", "lab-gpu"]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("typo.yaml:6:15: unknown key 'memry' in serving.accelerators.lab-gpu [MB201]");
  });
});

describe("acceleratorTable", () => {
  it("puts one's own first, replacing a table entry of the same name, and keeps the rest of the table", () => {
    const own = [{ name: "L4-24GB", memoryBytes: 22 * 2 ** 30, source: "mine" }];
    const table = acceleratorTable(own);
    expect(table[0]).toEqual(own[0]);
    expect(table).toHaveLength(ACCELERATORS.length);
    expect(table.filter((accelerator) => accelerator.name === "L4-24GB")).toHaveLength(1);
  });

  it("the analysis carries the spec's accelerators, and whatFits reads one like any other", () => {
    const model = analyzeSpec("spec.yaml", files({ "spec.yaml": SPEC(OWN) }));
    expect(model.accelerators?.map((accelerator) => [accelerator.name, accelerator.memoryBytes])).toEqual([
      ["lab-gpu", 48 * 2 ** 30],
      ["H100-80GB", 85_520_809_984],
    ]);
    const answer = whatFits(model, { accelerator: model.accelerators![0]!, gpus: 1, reserveBytes: 0 });
    expect(answer.gpu).toBe("lab-gpu");
    expect(failureOf(() => analyzeSpec("spec.yaml", files({ "spec.yaml": SPEC("  accelerators:\n    lab-gpu: {memory: 0}\n") })))).toBe(
      "spec.yaml:6:23: lab-gpu's memory must be an amount of bytes of at least 1 such as 48GiB or 80GB, not '0'\n  write it as the vendor states it: 48GiB in binary units (as memory chips are sized), 48GB in decimal, or a number of bytes",
    );
  });
});
