// The CLI for people: help generated from each command's flags, did-you-mean, quoted globs as the
// action expands them, check for a terminal, report fitted to its width and rolled up by depth,
// colour as NO_COLOR and FORCE_COLOR say, and a progress line on a terminal only.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { nodeEnvironment } from "../../src/cli/environment.js";
import { HELP_FLAG, parserOptions } from "../../src/cli/flags.js";
import { runCli } from "../../src/cli/run.js";
import { checkCommand } from "../../src/cli/commands/check.js";
import { importCommand } from "../../src/cli/commands/import.js";
import { initCommand } from "../../src/cli/commands/init.js";
import { reportCommand } from "../../src/cli/commands/report.js";
import { coloured, progressOn, terminalOf } from "../../src/cli/terminal.js";
import { expandSpecs } from "../../src/files/glob.js";
import { GitRepository } from "../../src/git/repository.js";
import { TempRepository } from "../action/git-fixture.js";
import { repositoryRoot, runDist } from "../helpers/run-dist.js";

const COMMANDS = [reportCommand, checkCommand, initCommand, importCommand];
const repositories: TempRepository[] = [];
afterAll(() => {
  for (const repository of repositories) repository.cleanup();
});
function repository(files: Record<string, string>): TempRepository {
  const repo = new TempRepository().write(files);
  repositories.push(repo);
  return repo;
}
const tiny = (name: string, width = 4) => `model: ${name}\nlayers:\n  - fc: Linear(4, ${width})\n`;

describe("help", () => {
  const env = nodeEnvironment(repositoryRoot);

  it("lists every flag the parser takes, with its default, and ends with examples that parse", () => {
    for (const command of COMMANDS) {
      const help = runCli([command.name, "--help"], env).stdout;
      expect(help.startsWith(`Usage: model-budget ${command.name} ${command.arguments} [options]\n`)).toBe(true);
      for (const flag of [...command.flags, HELP_FLAG]) {
        expect(help).toContain(`${flag.short ? `-${flag.short}, ` : "    "}--${flag.name}${flag.value ? ` ${flag.value}` : ""} `);
        const shown = flag.default ?? flag.unset;
        if (shown !== undefined) expect(help.replace(/\s+/g, " ")).toContain(`(default: ${shown})`);
      }
      const examples = help.slice(help.indexOf("\nExamples:\n"));
      expect(command.examples.length).toBeGreaterThanOrEqual(2);
      expect(command.examples.length).toBeLessThanOrEqual(3);
      for (const example of command.examples.filter((candidate) => candidate.command.startsWith("model-budget "))) {
        expect(examples).toContain(`\n  ${example.command}\n`);
        // Every flag an example uses is one the command takes.
        const args = example.command
          .replace(/ > .*$/, "")
          .split(" ")
          .slice(2)
          .map((arg) => arg.replace(/^'|'$/g, ""));
        expect(() => parseArgs({ args, options: parserOptions([...command.flags, HELP_FLAG]), allowPositionals: true, strict: true })).not.toThrow();
      }
    }
  });

  it("states the defaults the parser really uses", () => {
    const init = runCli(["init", "--help"], env).stdout;
    expect(init).toContain(
      "      --growth AMOUNT       allowed growth per PR over the base branch: 0, a\n                            share such as 2%, or an amount such as 1.5M\n                            (default: 5%)\n",
    );
    const check = runCli(["check", "--help"], env).stdout;
    expect(check).toContain("      --budget-from SIDE    head or base: whose budget file is enforced\n                            (default: head)\n");
    expect(check).toContain("      --against FILE ");
    const report = runCli(["report", "--help"], env).stdout;
    expect(report).toContain("      --batch N ");
    expect(report).toContain("      --checkpointing MODE  none, full, selective");
    expect(runCli(["help", "report"], env).stdout).toBe(report);
  });
});

describe("did you mean", () => {
  const env = nodeEnvironment(repositoryRoot);

  it("names the command meant, or says the commands", () => {
    expect(runCli(["repotr", "a.yaml"], env)).toEqual({
      exitCode: 2,
      stdout: "",
      stderr: "model-budget: unknown command 'repotr': did you mean report?\n  the commands are report, check, fits, lint, init, import; run model-budget --help for more\n",
    });
    expect(runCli(["frobnicate"], env).stderr).toBe(
      "model-budget: unknown command 'frobnicate'\n  the commands are report, check, fits, lint, init, import; run model-budget --help for more\n",
    );
    expect(runCli(["--format", "json"], env).stderr).toBe(
      "model-budget: '--format' is an option: give the command first, e.g. model-budget report SPEC --format\n  the commands are report, check, fits, lint, init, import; run model-budget --help for more\n",
    );
  });

  it("names the flag meant, new flags included", () => {
    expect(runCli(["report", "a.yaml", "--dpeth", "2"], env).stderr).toBe(
      "model-budget: unknown option '--dpeth' for report: did you mean --depth?\n  run model-budget report --help for its options\n",
    );
    expect(runCli(["check", "a.yaml", "--agaisnt", "x"], env).stderr).toBe(
      "model-budget: unknown option '--agaisnt' for check: did you mean --against?\n  run model-budget check --help for its options\n",
    );
  });
});

describe("quoted globs", () => {
  it("expand to the files the action's expansion gives, by the same rules", () => {
    const repo = repository({
      "models/a.yaml": tiny("a"),
      "models/b.yaml": tiny("b"),
      "models/sub/c.yaml": tiny("c"),
      "models/gpt(2).yaml": tiny("gpt2"),
      ".github/models/d.yaml": tiny("d"),
      "node_modules/pkg/e.yaml": tiny("e"),
    });
    repo.commit("specs");
    const tracked = new GitRepository(repo.dir).workingFiles();
    const patterns = [
      ["models/*.yaml"],
      ["models/**/*.yaml"],
      ["models/{b,a}.yaml"],
      ["models/[ab].yaml"],
      [".github/**/*.yaml"],
      ["models/gpt(2).yaml"],
      ["./models/b.yaml", "models/*.yaml"],
    ];
    for (const given of patterns) {
      const run = runCli(["check", ...given, "--format", "json", "--budget", "none.yml"], nodeEnvironment(repo.dir));
      const files = (JSON.parse(run.stdout) as { models: { file: string }[] }).models.map((model) => model.file);
      expect(files).toEqual(expandSpecs(given, tracked));
    }
    expect(runCli(["report", "models/*.yml"], nodeEnvironment(repo.dir)).stderr).toBe("model-budget: no spec file matches 'models/*.yml'\n");
  });
});

describe("check for a terminal", () => {
  it("prints a headline, a table and what fails, not markdown; --format markdown prints the comment", () => {
    const repo = repository({ "models/a.yaml": tiny("a"), "models/b.yaml": tiny("b"), ".github/model-budget.yml": "models:\n  a:\n    params: 25\n    growth: 10%\n" });
    repo.commit("base");
    repo.write({ "models/a.yaml": tiny("a", 8) });
    const run = runCli(["check", "models/a.yaml", "models/b.yaml", "--base", "HEAD"], nodeEnvironment(repo.dir));
    expect(run.exitCode).toBe(3);
    expect(run.stdout.replace(/compared with [0-9a-f]{12}/, "compared with SHA")).toBe(
      [
        "✗ model-budget check: fail · 2 specs, 1 failing · compared with SHA",
        "",
        "Model  Params  Status",
        "─────  ──────  ──────",
        "a      40 +20  ✗ fail",
        "b          20  ✓ pass",
        "",
        "✗ a (models/a.yaml)",
        "  ✗ params 40 over the 25 limit by 15 (+60.0%)",
        "  ⚠ params and trainable grew +20 (+100.0%), allowed 10% (2)",
        "  1 layer entry changed:",
        "    Layer  Type    Change   Params",
        "    ─────  ──────  ───────  ──────",
        "    fc     Linear  changed     +20",
        "",
      ].join("\n"),
    );
    const markdown = runCli(["check", "models/a.yaml", "--base", "HEAD", "--format", "markdown"], nodeEnvironment(repo.dir));
    expect(markdown.stdout.startsWith("<!-- model-budget:local -->\n")).toBe(true);
  });
});

describe("report", () => {
  const spec = `model: net
blocks:
  mlp:
    layers:
      - up: Linear(8, 32)
      - act: ReLU()
      - down: Linear(32, 8)
layers:
  - emb: Embedding(100, 8)
  - blocks:
      repeat: 3
      layers:
        - norm: LayerNorm(8)
        - mlp: {use: mlp}
  - head: Linear(8, 100)
`;
  // emb 800; per block: norm 16 + up 288 + down 264 = 568, × 3 = 1,704; head 900; total 3,404.
  const repo = repository({ "net.yaml": spec });

  it("rolls deeper paths up into their ancestor's row with --depth, exactly", () => {
    const rows = (depth: string) =>
      runCli(["report", "net.yaml", "--depth", depth], nodeEnvironment(repo.dir))
        .stdout.split("\n")
        .filter((line) => /^(emb|blocks|head|Total)/.test(line))
        .map((line) => line.replace(/\s+/g, " "));
    expect(rows("1")).toEqual([
      "emb Embedding weight [100, 8] 800 23.5%",
      "blocks 4 entries 1,704 50.1%",
      "head Linear weight [100, 8], bias [100] 900 26.4%",
      "Total 3,404 100.0%",
    ]);
    expect(rows("3")).toEqual([
      "emb Embedding weight [100, 8] 800 23.5%",
      "blocks.[0-2].norm LayerNorm weight [8], bias [8] 3 48 1.4%",
      "blocks.[0-2].mlp 3 entries 1,656 48.6%",
      "head Linear weight [100, 8], bias [100] 900 26.4%",
      "Total 3,404 100.0%",
    ]);
    expect(rows("4")).toEqual([
      "emb Embedding weight [100, 8] 800 23.5%",
      "blocks.[0-2].norm LayerNorm weight [8], bias [8] 3 48 1.4%",
      "blocks.[0-2].mlp.up Linear weight [32, 8], bias [32] 3 864 25.4%",
      "blocks.[0-2].mlp.down Linear weight [8, 32], bias [8] 3 792 23.3%",
      "head Linear weight [100, 8], bias [100] 900 26.4%",
      "Total 3,404 100.0%",
    ]);
    expect(runCli(["report", "net.yaml", "--depth", "0"], nodeEnvironment(repo.dir)).stderr).toBe(
      "model-budget: --depth must be a whole number of module steps from 1, such as 2, not '0'\n",
    );
  });

  it("fits the terminal's width, COLUMNS first, naming the columns it leaves out; a pipe gets them all", () => {
    const narrow = runDist(["report", "net.yaml"], { cwd: repo.dir, env: { ...process.env, COLUMNS: "50", NO_COLOR: "1" } });
    const table = narrow.stdout.split("\n").slice(2, narrow.stdout.split("\n").indexOf("Buffers (elements)                      0") + 1);
    expect(Math.max(...table.map((line) => [...line].length))).toBeLessThanOrEqual(50);
    expect(narrow.stdout).toContain("(to fit 50 columns, left out: Parameter shapes, Type; COLUMNS=300 shows them)");
    const piped = runDist(["report", "net.yaml"], { cwd: repo.dir });
    expect(piped.stdout).toContain("Parameter shapes");
    expect(piped.stdout).not.toContain("left out");
  });
});

describe("colour", () => {
  it("follows FORCE_COLOR, NO_COLOR, TERM=dumb and whether the output is a terminal", () => {
    const tty = { isTTY: true, columns: 120 };
    expect(terminalOf({}, tty)).toEqual({ colour: true, columns: 120 });
    expect(terminalOf({}, {})).toEqual({ colour: false });
    expect(terminalOf({ NO_COLOR: "1" }, tty).colour).toBe(false);
    expect(terminalOf({ NO_COLOR: "" }, tty).colour).toBe(true);
    expect(terminalOf({ TERM: "dumb" }, tty).colour).toBe(false);
    expect(terminalOf({ FORCE_COLOR: "1" }, {}).colour).toBe(true);
    expect(terminalOf({ FORCE_COLOR: "1", NO_COLOR: "1" }, {}).colour).toBe(true);
    expect(terminalOf({ FORCE_COLOR: "0" }, tty).colour).toBe(false);
    expect(terminalOf({ COLUMNS: "90" }, {})).toEqual({ colour: false, columns: 90 });
    expect(terminalOf({ COLUMNS: "wide" }, tty).columns).toBe(120);
    expect(coloured("✓ a ✗ b ⚠ c")).toBe("\u001b[32m✓\u001b[39m a \u001b[31m✗\u001b[39m b \u001b[33m⚠\u001b[39m c");
  });

  it("colours the marks of the table output only, through the bundled CLI", () => {
    const repo = repository({ "models/a.yaml": tiny("a") });
    const env = (vars: Record<string, string>) => ({ ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...vars });
    const forced = runDist(["check", "models/a.yaml"], { cwd: repo.dir, env: env({ FORCE_COLOR: "1" }) });
    expect(forced.stdout).toContain("a          20  \u001b[32m✓\u001b[39m pass\n");
    // Not a terminal, nothing forced: plain.
    expect(runDist(["check", "models/a.yaml"], { cwd: repo.dir, env: env({}) }).stdout).not.toContain("\u001b");
    expect(runDist(["check", "models/a.yaml", "--format", "json"], { cwd: repo.dir, env: env({ FORCE_COLOR: "1" }) }).stdout).not.toContain("\u001b");
  });
});

describe("progress", () => {
  it("shows a line only after a second of work, and clears it", () => {
    let now = 0;
    const written: string[] = [];
    const progress = progressOn({ isTTY: true, columns: 30, write: (text) => written.push(text) }, () => now)!;
    progress.update("model-budget: a.yaml: resolving");
    expect(written).toEqual([]);
    now = 1500;
    progress.update("model-budget: big.yaml: resolving: 1,000 layer entries");
    progress.clear();
    expect(written).toEqual(["\r\u001b[2Kmodel-budget: big.yaml: reso…", "\r\u001b[2K"]);
    expect(progressOn({ isTTY: false, write: () => true })).toBeUndefined();
  });

  it("writes to a terminal's stderr during a long report, and nothing to a pipe", () => {
    const dir = mkdtempSync(join(tmpdir(), "model-budget-progress-"));
    try {
      // A report of 100,000 entries takes over a second (2 s on Node 20 and 24 here; 40,000 came under one
      // once the YAML reader and resolve got faster); --depth 1 keeps the output short.
      writeFileSync(
        join(dir, "big.yaml"),
        `model: big\nlayers:\n  - stack:\n      layers:\n${Array.from({ length: 100_000 }, (_, i) => `        - l${i}: Linear(4, 4)\n`).join("")}`,
      );
      const args = ["report", "big.yaml", "--depth", "1"];
      const piped = runDist(args, { cwd: dir, timeoutMs: 120_000, heapMiB: 2000 });
      expect(piped.status).toBe(0);
      expect(piped.stdout).toMatch(/\nstack +100,000 entries +2,000,000 +100\.0%\n/);
      expect(piped.stderr).toBe("");
      if (spawnSync("script", ["--version"]).status !== 0) return;
      // script(1) gives the CLI a pseudo-terminal; what it writes there (stdout and stderr) comes back here.
      const command = [process.execPath, "--max-old-space-size=2000", join(repositoryRoot, "dist/cli.js"), ...args].join(" ");
      const tty = spawnSync("script", ["-qec", `${command} > /dev/null`, "/dev/null"], { cwd: dir, encoding: "utf8", timeout: 120_000, env: { ...process.env, NO_COLOR: "1" } });
      expect(tty.status).toBe(0);
      // The first line shows once a second has passed, at whichever stage (and thousand) the report has reached by then.
      expect(tty.stdout.replaceAll("\u001b", "ESC")).toMatch(
        /^\rESC\[2Kmodel-budget: big\.yaml: (resolving: [\d,]+,000 layer entries|counting 100,000 layer entries|shapes and memory)\rESC\[2K/,
      );
      // Cleared at the end: the last thing written.
      expect(tty.stdout.endsWith("\r\u001b[2K")).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
