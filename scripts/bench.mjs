// Benchmark (`npm run bench`): times the bundled CLI, `node dist/cli.cjs report SPEC`, on the example
// specs and on generated large ones, beside `node -e 0` measured in the same run, so the figures read
// as multiples of Node's own start-up on whatever machine runs them. A benchmark, not a test: it
// fails only when the CLI does; whether the target is met is reported, never enforced.
//
//   npm run bench                      15 timed runs per case after 2 warm-ups
//   npm run bench -- --runs 30         more runs for steadier medians
//   npm run bench -- --profile         also CPU-profiles the 10,000-layer case and splits its time by stage
//   npm run bench -- --keep            keeps the generated specs (and profiles) and prints where they are
//   npm run bench -- --startup         only Node, --version and the two start-up cases (quick)
//   npm run bench -- --write-docs      also writes the table into docs/speed.md (a full run only)
//   npm run bench -- --node PATH       times under another Node binary (Node 24, the action's runtime), Node's own start included
//
// The CLI is timed as its bin, dist/cli.cjs (`node dist/cli.js` imports it), with the launcher's code
// cache warm from the warm-up runs, as every run after a user's first finds it; one row times it off.
//
// Each run's CPU time (user + system, all threads) is reported by the child itself at exit, through
// a preloaded one-line script that `node -e 0` gets too, so the two are measured alike.
//
// Targets: the 10,000-layer spec within 150 ms above Node's start-up (issue 16; issue 2 asked 100; wall-clock medians);
// the whole run on resnet50.yaml (count only) and on llama2-7b.yaml with a training recipe within
// 1.3 × node -e 0's CPU time (issue 16, CPU medians); a check of 100 specs at base and head, as the
// action runs it on a monorepo's pull request, rendering its PR comment, within 2 s (issue 16, wall-clock median, git included).
import { spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { benchRows, benchSection, formatBenchTable } from "./bench-table.mjs";
import { bigSpec, repeatSpec } from "./bench-specs.mjs";
import { writeSections } from "./docs-sections.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** The package's bin, the launcher (scripts/cli-launcher.mjs) that `npx model-budget` runs. */
const CLI = join(ROOT, "dist", "cli.cjs");
/** The CLI's code, which the launcher compiles with V8's code cache. */
const BUNDLE = join(ROOT, "dist", "cli-bundle.cjs");
const TARGET_MS = 150;
const STARTUP_TARGET = 1.3;
const BIG_LAYERS = 10_000;
const REPEAT = 1_000_000;
const MONOREPO_SPECS = 100;
const MONOREPO_TARGET_MS = 2000;
/** Timed runs of the monorepo check (each about as long as a hundred reports). */
const MONOREPO_RUNS = 5;

const { values: options } = parseArgs({
  options: {
    runs: { type: "string", default: "15" },
    warmup: { type: "string", default: "2" },
    profile: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    startup: { type: "boolean", default: false },
    "write-docs": { type: "boolean", default: false },
    node: { type: "string", default: process.execPath },
  },
});
/** The Node that runs every timed process, `node -e 0` included. */
const NODE = options.node;
const NODE_VERSION = spawnSync(NODE, ["-p", "process.version"], { encoding: "utf8" }).stdout?.trim();
if (!NODE_VERSION) {
  console.error(`bench: --node ${NODE} does not run as Node`);
  process.exit(2);
}
const RUNS = Number(options.runs);
const WARMUP = Number(options.warmup);
if (!Number.isInteger(RUNS) || RUNS < 1 || !Number.isInteger(WARMUP) || WARMUP < 0) {
  console.error("bench: --runs must be a positive integer and --warmup a non-negative one");
  process.exit(2);
}
if (options["write-docs"] && options.startup) {
  console.error("bench: --write-docs needs the full run (docs/speed.md's table has every case), not --startup");
  process.exit(2);
}

if (!existsSync(CLI)) {
  console.error("bench: dist/cli.cjs does not exist: run `npm run build` first (the benchmark times the bundled CLI).");
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------------------------

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** A run that did not succeed: the figures would mean nothing, so the bench stops with exit status 1. */
class BenchFailure extends Error {}

/**
 * A repository of 100 specs (the examples, over and over) whose last commit edits one of them: what a
 * monorepo's pull request gives the action, which checks every spec at base and at head. Returns the specs.
 */
function monorepo(dir, examples) {
  const git = (...args) => {
    const result = spawnSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid", ...args], { cwd: dir, encoding: "utf8" });
    if (result.status !== 0) throw new BenchFailure(`bench: git ${args.join(" ")} failed in ${dir}\n${result.stderr}`);
  };
  mkdirSync(join(dir, "specs"), { recursive: true });
  const files = Array.from({ length: MONOREPO_SPECS }, (_, i) => `specs/${String(i + 1).padStart(3, "0")}-${examples[i % examples.length]}`);
  files.forEach((file, i) => copyFileSync(join(ROOT, "examples", examples[i % examples.length]), join(dir, file)));
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "base");
  appendFileSync(join(dir, files[0]), "# edited by the pull request\n");
  git("commit", "-q", "-a", "-m", "head");
  return files;
}

/** Preloaded into every child: prints the process's own CPU time (µs) on stderr as it exits. */
const CPU_MARK = "model-budget-bench-cpu-us:";
const CPU_PRELOAD = `process.on("exit", () => { const { user, system } = process.cpuUsage(); require("node:fs").writeSync(2, "\\n${CPU_MARK}" + (user + system) + "\\n"); });\n`;

/** One child process: wall-clock from spawn to exit and its own CPU time, output piped back as a caller would read it. */
function timeRun(args, preload, env = process.env, cwd = ROOT) {
  const start = process.hrtime.bigint();
  const result = spawnSync(NODE, ["--require", preload, ...args], { cwd, env, encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `exit status ${result.status}${result.signal ? `, signal ${result.signal}` : ""}`;
    throw new BenchFailure(`bench: \`node ${args.join(" ")}\` failed (${why})\n${result.stderr ?? ""}`);
  }
  const cpu = new RegExp(`${CPU_MARK}(\\d+)`).exec(result.stderr);
  if (!cpu) throw new BenchFailure(`bench: \`node ${args.join(" ")}\` did not report its CPU time\n${result.stderr}`);
  return { ms, cpuMs: Number(cpu[1]) / 1000, stdout: result.stdout };
}

// ---------------------------------------------------------------------------------------------
// Floors: what a run pays before (or besides) any analysis
// ---------------------------------------------------------------------------------------------

/**
 * The built launcher, dist/cli.cjs, made to stop where the bundle would start running: its flags set,
 * the bundle and the command's code cache read, the cache deserialized. The floor under every start-up row.
 */
function loadOnlyLauncher() {
  const launcher = readFileSync(CLI, "utf8");
  const bundleAt = 'const bundle = join(__dirname, "cli-bundle.cjs");';
  // Nor does it write a cache: one made from a run of nothing would leave every report compiling its code.
  const runLines = /^if \(cacheFile && .*\n^script\.runInThisContext\(\).*$/m;
  if (!launcher.includes(bundleAt) || !runLines.test(launcher)) throw new BenchFailure("bench: dist/cli.cjs no longer has the lines the load-only floor replaces");
  return launcher.replace(bundleAt, `const bundle = ${JSON.stringify(BUNDLE)};`).replace(runLines, "// The bundle is not run: the floor ends here.");
}

/** A spec's JSON report, saved beside it, from a run like the timed ones (so also their code cache's warm-up). */
function reportOf(file, preload) {
  const saved = `${file}.report.json`;
  writeFileSync(saved, timeRun([CLI, "report", file, "--format", "json"], preload).stdout);
  return saved;
}

/** A script that reads the spec, parses its saved JSON report and writes it as the CLI would: no analysis. */
function floorScript(dir, spec, saved) {
  const script = join(dir, "json-floor.cjs");
  writeFileSync(
    script,
    `const { readFileSync, writeSync } = require("node:fs");\n` +
      `readFileSync(${JSON.stringify(spec)}, "utf8");\n` +
      `const report = JSON.parse(readFileSync(${JSON.stringify(saved)}, "utf8"));\n` +
      `writeSync(1, JSON.stringify(report, null, 2) + "\\n");\n`,
  );
  return script;
}

// ---------------------------------------------------------------------------------------------
// --profile: where the 10,000-layer run spends its time
// ---------------------------------------------------------------------------------------------

/**
 * The bundle's functions that start a pipeline stage; a sample belongs to the innermost one on its
 * stack (resolveSpec calls parseYaml, but time under parseYaml is parsing).
 */
const STAGES = new Map([
  ["parseYaml", "YAML parse (yaml package, parseYaml)"],
  ["validateSpec", "schema validation (ajv standalone)"],
  ["resolveSpec", "resolve (vars, blocks, expressions, positions)"],
  ["countModel", "count (catalogue, formulas)"],
  ["renderReport", "render (JSON.stringify / table)"],
]);

/** Which source file of the bundle a line of dist/cli-bundle.cjs came from: ncc marks each concatenated module. */
function bundleModules() {
  const lines = readFileSync(BUNDLE, "utf8").split("\n");
  const marks = [];
  lines.forEach((text, index) => {
    const concatenated = /^;\/\/ CONCATENATED MODULE: (.*)$/.exec(text);
    if (concatenated) marks.push({ line: index, name: concatenated[1].replace(/^\.\//, "") });
    else if (/^\/\*\*\*\/ \d+:$/.test(text) && marks.length === 0) marks.push({ line: index, name: "node_modules (yaml)" });
    else if (text === "/******/ });") marks.push({ line: index, name: "dist/cli.js runtime" });
  });
  return (line) => {
    let name = "dist/cli.js runtime";
    for (const mark of marks) if (mark.line <= line) name = mark.name;
    return name;
  };
}

function profile(file, dir) {
  const PROFILES = 5;
  for (let k = 0; k < PROFILES; k++) {
    const result = spawnSync(NODE, ["--cpu-prof", "--cpu-prof-interval", "100", "--cpu-prof-dir", dir, CLI, "report", file, "--format", "json"], {
      cwd: ROOT,
      maxBuffer: 1 << 30,
    });
    if (result.status !== 0) {
      throw new BenchFailure(`bench: the profiled run failed:\n${result.stderr}`);
    }
  }
  const moduleAt = bundleModules();
  /** stage → function → ms of self time, and source module → ms. */
  const stages = new Map();
  const modules = new Map();
  let total = 0;
  for (const name of readdirSync(dir).filter((entry) => entry.endsWith(".cpuprofile"))) {
    const { nodes, samples, timeDeltas } = JSON.parse(readFileSync(join(dir, name), "utf8"));
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const parent = new Map();
    for (const node of nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const self = new Map();
    samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (timeDeltas[index] ?? 0) / 1000));
    for (const [id, ms] of self) {
      const node = byId.get(id);
      const { functionName, url, lineNumber } = node.callFrame;
      total += ms;
      let stage;
      for (let at = id; at !== undefined && !stage; at = parent.get(at)) stage = STAGES.get(byId.get(at).callFrame.functionName);
      if (!stage) {
        // Outside the stages: the innermost frame from src/ names the work (a newer pipeline step), else load or start-up.
        let inCli = false;
        let srcModule;
        for (let at = id; at !== undefined && !srcModule; at = parent.get(at)) {
          const frame = byId.get(at).callFrame;
          if (!frame.url.endsWith("/dist/cli-bundle.cjs")) continue;
          inCli = true;
          const where = moduleAt(frame.lineNumber);
          if (where.startsWith("src/") && !["src/cli/main.ts", "src/cli/run.ts", "src/analysis/analyze.ts"].includes(where)) srcModule = where;
        }
        if (functionName === "(garbage collector)") stage = "garbage collection";
        else if (functionName === "(idle)") stage = "idle (waiting on I/O)";
        else if (srcModule) stage = `${srcModule.replace(/[^/]+$/, "")} outside the stages above`;
        else if (inCli) stage = "dist/cli.js top level (module evaluation, stdout write)";
        else stage = "node start-up, module loading and compilation, (program)";
      }
      const where = url.endsWith("/dist/cli-bundle.cjs") ? moduleAt(lineNumber) : url ? url.replace(/^.*\/node_modules\//, "") : "(native / V8)";
      const key = `${functionName || "(anonymous)"}  [${where}${url.endsWith("/dist/cli-bundle.cjs") ? `:${lineNumber + 1}` : ""}]`;
      if (!stages.has(stage)) stages.set(stage, new Map());
      stages.get(stage).set(key, (stages.get(stage).get(key) ?? 0) + ms);
      if (url.endsWith("/dist/cli-bundle.cjs")) modules.set(where, (modules.get(where) ?? 0) + ms);
    }
  }
  const sum = (map) => [...map.values()].reduce((a, b) => a + b, 0);
  const descending = (map) => [...map].sort((a, b) => b[1] - a[1]);
  const per = (ms) => `${(ms / PROFILES).toFixed(1).padStart(6)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)}%`;
  console.log(`\nprofile: ${PROFILES} runs of the ${BIG_LAYERS.toLocaleString("en-US")}-layer case under --cpu-prof (100 µs sampling), mean per run; profiling adds overhead.`);
  console.log("\nby stage (a sample counts for the innermost stage on its stack), with its top functions by self time [bundle module:line]:");
  for (const [stage, functions] of [...stages].sort((a, b) => sum(b[1]) - sum(a[1]))) {
    console.log(`  ${per(sum(functions))}  ${stage}`);
    // Functions only for stages worth a look: GC has none, and sub-millisecond ones are noise.
    const shown = stage === "garbage collection" || sum(functions) / PROFILES < 1 ? 0 : 5;
    for (const [key, ms] of descending(functions).slice(0, shown)) console.log(`      ${per(ms)}  ${key}`);
  }
  console.log("\nself time by module of dist/cli.js:");
  for (const [where, ms] of descending(modules).slice(0, 15)) console.log(`  ${per(ms)}  ${where}`);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const temp = mkdtempSync(join(tmpdir(), "model-budget-bench-"));
const started = process.hrtime.bigint();
try {
  const bigFile = join(temp, "big-10k.yaml");
  const repeatFile = join(temp, "repeat-1m.yaml");
  const preload = join(temp, "cpu-usage.cjs");
  writeFileSync(bigFile, bigSpec(BIG_LAYERS));
  writeFileSync(repeatFile, repeatSpec(REPEAT));
  writeFileSync(preload, CPU_PRELOAD);

  // The launcher's code caches of this run only, written by its own first runs (with its preload among Node's
  // options): none left by tests or earlier runs, and removed with the rest.
  process.env.NODE_COMPILE_CACHE = join(temp, "compile-cache");
  const loadOnly = join(temp, "load-only.cjs");
  writeFileSync(loadOnly, loadOnlyLauncher());
  // The code cache the load-only floor reads is the table report's, written by a report's first run.
  timeRun([CLI, "report", "examples/resnet50.yaml"], preload);

  const examples = readdirSync(join(ROOT, "examples"))
    .filter((file) => file.endsWith(".yaml"))
    .sort();
  const report = (file, format = "json") => [CLI, "report", file, "--format", format];
  // The action's output is the PR comment (markdown), a few hundred bytes; JSON is every analysis in full (23 MB here).
  const monorepoArgs = () => [CLI, "check", ...monorepo(join(temp, "monorepo"), examples), "--base", "HEAD~1", "--format", "markdown"];
  // The check as the action runs it (worker threads, one per 1,000 spec lines up to the cores), in one thread, and as JSON.
  const monorepoCases = (args) => [
    { name: `check: ${MONOREPO_SPECS} specs, base and head, 1 edited, PR comment`, args, cwd: join(temp, "monorepo"), runs: MONOREPO_RUNS, monorepo: true },
    { name: "  same, one thread (MODEL_BUDGET_THREADS=1)", args, cwd: join(temp, "monorepo"), runs: MONOREPO_RUNS, env: { ...process.env, MODEL_BUDGET_THREADS: "1" } },
    { name: "  same, --format json", args: [...args.slice(0, -1), "json"], cwd: join(temp, "monorepo"), runs: MONOREPO_RUNS },
  ];
  const lineCount = (file) => readFileSync(file, "utf8").split("\n").length - 1;
  // The two start-up cases as a user types them: the default table, counted only, and with a recipe.
  const startupCases = [
    { name: "start-up: resnet50.yaml, count only", args: [CLI, "report", "examples/resnet50.yaml"], startup: true },
    { name: "start-up: llama2-7b.yaml, AdamW mixed-bf16", args: [CLI, "report", "examples/llama2-7b.yaml", "--optimizer", "AdamW", "--precision", "mixed-bf16"], startup: true },
  ];
  const cases = [
    { name: "node -e 0", args: ["-e", "0"], baseline: true },
    // The bundle's top level and the version: what every command runs.
    { name: "dist/cli.cjs --version", args: [CLI, "--version"] },
    ...startupCases,
    // The launcher's code cache is warm after the warm-ups; this is every run without one (a first run's cost, or NODE_DISABLE_COMPILE_CACHE=1).
    { name: "  same as resnet50, no code cache", args: startupCases[0].args, env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: "1" } },
    // The launcher up to the bundle's first line: its flags, the bundle and the report's code cache read, the cache deserialized.
    { name: "floor: report's code loaded, none run", args: [loadOnly, "report", "examples/resnet50.yaml"], floor: "startup" },
    ...(options.startup
      ? []
      : [
          ...examples.map((file) => ({ name: file, args: report(join("examples", file)), file: join(ROOT, "examples", file) })),
          { name: `generated ${BIG_LAYERS.toLocaleString("en-US")} layers`, args: report(bigFile), file: bigFile, target: true },
          { name: `  same, --format table`, args: report(bigFile, "table"), file: bigFile },
          // What any analysis of the spec pays at least: reading it, building its report's objects (V8's native JSON
          // parser, from the report itself) and writing them as JSON.
          { name: "  floor: its JSON report parsed, written", args: [floorScript(temp, bigFile, reportOf(bigFile, preload))], floor: "big" },
          { name: `generated repeat ${REPEAT.toLocaleString("en-US")} × 100`, args: report(repeatFile), file: repeatFile },
          ...monorepoCases(monorepoArgs()),
        ]),
  ];

  // Rounds of one run per case, rotating the order, so drift in machine load touches all cases alike.
  for (const item of cases) Object.assign(item, { times: [], cpuTimes: [] });
  for (let round = 0; round < WARMUP + RUNS; round++) {
    for (let k = 0; k < cases.length; k++) {
      const item = cases[(round + k) % cases.length];
      if (item.runs !== undefined && round >= WARMUP + item.runs) continue;
      const { ms, cpuMs, stdout } = timeRun(item.args, preload, item.env, item.cwd);
      if (round >= WARMUP) {
        item.times.push(ms);
        item.cpuTimes.push(cpuMs);
      }
      if (round === 0 && item.file) {
        item.lines = lineCount(item.file);
        if (item.args.includes("json")) {
          const parsed = JSON.parse(stdout);
          item.layers = parsed.layers.length;
          item.instances = parsed.layers.reduce((sum, layer) => sum + layer.count, 0);
        } else if (!stdout.includes("Total")) {
          throw new BenchFailure(`bench: the table report of ${item.file} has no Total row`);
        }
      }
    }
  }

  const node = median(cases[0].times);
  const nodeCpu = median(cases[0].cpuTimes);
  for (const item of cases) {
    item.median = median(item.times);
    item.cpu = median(item.cpuTimes);
    item.min = Math.min(...item.times);
    // The table run reads the same spec as a JSON one: take its sizes from there.
    const json = item.file && !item.layers ? cases.find((other) => other.file === item.file && other.layers) : undefined;
    if (json) Object.assign(item, { layers: json.layers, instances: json.instances });
  }

  const cpu = cpus();
  console.log(`model-budget bench: node ${NODE_VERSION}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${process.platform}`);
  console.log(`${RUNS} timed runs per case after ${WARMUP} warm-up${WARMUP === 1 ? "" : "s"}, interleaved; wall-clock per process, output piped.`);
  const srcDir = join(ROOT, "src");
  const newest = (dir) =>
    readdirSync(dir, { withFileTypes: true }).reduce(
      (latest, entry) => Math.max(latest, entry.isDirectory() ? newest(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs),
      0,
    );
  if (existsSync(srcDir) && newest(srcDir) > statSync(CLI).mtimeMs) console.log("note: src/ has changed since dist/cli.js was built: `npm run build` to time the current code.");
  console.log("");

  const rows = benchRows(cases, node, nodeCpu);
  console.log(formatBenchTable(rows));
  console.log("");
  if (options["write-docs"]) {
    const machine = `Measured by \`npm run bench -- --write-docs\` on node ${NODE_VERSION}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${process.platform}: ${RUNS} timed runs per case after ${WARMUP} warm-ups, interleaved.`;
    writeSections(join(ROOT, "docs", "speed.md"), { "bench-table": benchSection(machine, rows) });
    console.log("wrote the table into docs/speed.md");
  }
  console.log("layers: layer entries in the JSON report; instances: the modules they stand for (repeat: included).");

  console.log("median/min ms: wall-clock from spawn to exit; cpu ms: the child's own user + system CPU time, median.");
  // Noise: how far apart node -e 0's own runs are, the yardstick for every ratio above.
  const spread = (values) => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)} ms`;
  console.log(`noise: node -e 0 ranged ${spread(cases[0].times)} wall-clock and ${spread(cases[0].cpuTimes)} CPU over its ${RUNS} runs.`);

  const floor = (kind) => cases.find((item) => item.floor === kind);
  for (const item of cases.filter((each) => each.startup)) {
    const ratio = item.cpu / nodeCpu;
    console.log(
      `target: ${item.name.replace("start-up: ", "")} within ${STARTUP_TARGET}× node -e 0's CPU time: ` +
        `${ratio <= STARTUP_TARGET ? "MET" : "NOT MET"} (${item.cpu.toFixed(1)} ms / ${nodeCpu.toFixed(1)} ms = ${ratio.toFixed(2)}×; ` +
        `loading the report's code alone: ${(floor("startup").cpu / nodeCpu).toFixed(2)}×).`,
    );
  }
  const big = cases.find((item) => item.target);
  if (big) {
    const above = big.median - node;
    console.log(
      `target: ${BIG_LAYERS.toLocaleString("en-US")}-layer spec within ${TARGET_MS} ms above node start-up: ` +
        `${above <= TARGET_MS ? "MET" : "NOT MET"} (median ${big.median.toFixed(1)} ms − node ${node.toFixed(1)} ms = ${above.toFixed(1)} ms, ${(big.median / node).toFixed(2)}× node; ` +
        `its report's JSON alone, parsed and written: +${(floor("big").median - node).toFixed(1)} ms).`,
    );
  }

  const checked = cases.find((item) => item.monorepo);
  if (checked) {
    console.log(
      `target: ${MONOREPO_SPECS}-spec check at base and head within ${MONOREPO_TARGET_MS.toLocaleString("en-US")} ms (${checked.times.length} runs): ` +
        `${checked.median <= MONOREPO_TARGET_MS ? "MET" : "NOT MET"} (median ${checked.median.toFixed(1)} ms, ${checked.cpu.toFixed(1)} ms CPU).`,
    );
  }

  if (options.profile) profile(bigFile, join(temp, "profiles"));
} catch (error) {
  if (!(error instanceof BenchFailure)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  if (options.keep) console.log(`kept the generated specs${options.profile ? " and profiles" : ""} in ${temp}`);
  else rmSync(temp, { recursive: true, force: true });
}
console.log(`(bench took ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s)`);
