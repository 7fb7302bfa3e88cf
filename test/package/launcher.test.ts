import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { scriptBundle } from "../../scripts/cli-launcher.mjs";
import { repositoryRoot, runDist } from "../helpers/run-dist.js";

const version = (JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as { version: string }).version;
const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
const cacheName = `model-budget-compile-cache${uid === undefined ? "" : `-${uid}`}`;

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const temp = mkdtempSync(join(tmpdir(), "model-budget-launcher-"));
  temps.push(temp);
  return temp;
}

/** Runs the CLI with its own temp directory, where the launcher keeps its code cache by default. */
function runWithTemp(args: string[], temp: string, env: Record<string, string> = {}, entry = "dist/cli.js") {
  return runDist(args, { env: { ...process.env, NO_COLOR: "1", NODE_COMPILE_CACHE: "", TMPDIR: temp, ...env } }, entry);
}

/** Node itself on `args` (its options, then a script), with `temp` as its temp directory and neither cache folder nor options set from outside. */
function runNode(args: string[], temp = tempDir()) {
  return spawnSync(process.execPath, args, { cwd: repositoryRoot, encoding: "utf8", env: { ...process.env, TMPDIR: temp, NODE_COMPILE_CACHE: "", NODE_OPTIONS: "" } });
}

const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe("the CLI's launcher (dist/cli.cjs, the bin; dist/cli.js imports it)", () => {
  it("runs the bundle behind it, as the bin and as node dist/cli.js", () => {
    for (const entry of ["dist/cli.js", "dist/cli.cjs"]) {
      const run = runWithTemp(["--version"], tempDir(), {}, entry);
      expect(run.stderr).toBe("");
      expect(run.stdout).toBe(`${version}\n`);
    }
  });

  it("keeps one V8 code cache per command in a folder only the user can write, and runs the same from it", () => {
    const temp = tempDir();
    const first = runWithTemp(["report", "examples/resnet18.yaml"], temp);
    runWithTemp(["--version"], temp);
    const dir = join(temp, cacheName);
    const files = cacheFiles(dir);
    expect(files).toHaveLength(2);
    // runDist gives Node --max-old-space-size, so the name carries that option set's hash.
    expect(files[0]).toMatch(new RegExp(`^[0-9a-f]{16}-${process.version.replace(/\./g, "\\.")}-${process.arch}-[0-9a-f]{8}-other\\.v8$`));
    expect(files[1]).toMatch(/-report\.v8$/);
    if (uid !== undefined) expect(statSync(dir).mode & 0o777).toBe(0o700);
    // The second run compiles from the cache and must print exactly what the first printed.
    const second = runWithTemp(["report", "examples/resnet18.yaml"], temp);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(cacheFiles(dir)).toEqual(files);
  });

  it("writes a cache only from a run that did its command's whole work, and one per set of Node options", () => {
    const temp = tempDir();
    const dir = join(temp, cacheName);
    const cli = join(repositoryRoot, "dist/cli.cjs");
    const run = (args: string[], nodeOptions: string[] = []) => runNode([...nodeOptions, cli, ...args], temp);
    // A report that stops at a missing file, or prints its help, compiles little: its cache would leave every later report compiling the rest.
    expect(run(["report", "no-such-spec.yaml"]).status).toBe(2);
    expect(run(["report", "examples/resnet18.yaml", "--help"]).status).toBe(0);
    expect(cacheFiles(dir)).toEqual([]);
    expect(run(["report", "examples/resnet18.yaml"]).status).toBe(0);
    const [plain] = cacheFiles(dir);
    expect(plain).toMatch(new RegExp(`^[0-9a-f]{16}-${process.version.replace(/\./g, "\\.")}-${process.arch}-report\\.v8$`));
    // V8 rejects a cache made under other flags: a run with --max-old-space-size keeps its own instead of rewriting this one.
    const written = statSync(join(dir, plain!)).mtimeMs;
    expect(run(["report", "examples/resnet18.yaml"], ["--max-old-space-size=300"]).status).toBe(0);
    expect(run(["report", "examples/resnet18.yaml"]).status).toBe(0);
    const files = cacheFiles(dir);
    expect(files).toHaveLength(2);
    expect(files.filter((file) => new RegExp(`-${process.arch}-[0-9a-f]{8}-report\\.v8$`).test(file))).toHaveLength(1);
    expect(statSync(join(dir, plain!)).mtimeMs).toBe(written);
  });

  it("keeps a cache per output format: a JSON report's would leave a table report compiling its renderer on every run", () => {
    const temp = tempDir();
    runWithTemp(["report", "examples/resnet18.yaml", "--format", "json"], temp);
    runWithTemp(["report", "examples/resnet18.yaml", "--format=markdown"], temp);
    runWithTemp(["report", "examples/resnet18.yaml"], temp);
    runWithTemp(["report", "examples/resnet18.yaml", "--format", "../x"], temp);
    expect(cacheFiles(join(temp, cacheName)).map((file) => file.replace(/^.*-/, ""))).toEqual(["json.v8", "markdown.v8", "report.v8"]);
  });

  it("writes a cache V8 rejects again, and removes other builds' caches and half-written files a day old", () => {
    const temp = tempDir();
    const dir = join(temp, cacheName);
    runWithTemp(["lint", "examples/resnet18.yaml"], temp);
    const [file] = cacheFiles(dir);
    writeFileSync(join(dir, file!), "not a code cache");
    writeFileSync(join(dir, "0000000000000000-v0.0.0-x64-report.v8"), "an older build's cache");
    utimesSync(join(dir, "0000000000000000-v0.0.0-x64-report.v8"), new Date("2026-01-01"), new Date("2026-01-01"));
    // Another checkout's build, in use today, is left alone.
    writeFileSync(join(dir, "1111111111111111-v0.0.0-x64-report.v8"), "another build's cache");
    // Left by a run that ended while writing it, and one being written now.
    writeFileSync(join(dir, `${file!}.123-abc.tmp`), "half");
    utimesSync(join(dir, `${file!}.123-abc.tmp`), new Date("2026-01-01"), new Date("2026-01-01"));
    writeFileSync(join(dir, `${file!}.456-def.tmp`), "being written");
    const run = runWithTemp(["lint", "examples/resnet18.yaml"], temp);
    expect(run.status).toBe(0);
    expect(cacheFiles(dir)).toEqual([file, `${file!}.456-def.tmp`, "1111111111111111-v0.0.0-x64-report.v8"].sort());
    expect(readFileSync(join(dir, file!)).length).toBeGreaterThan(10_000);
  });

  it("neither reads nor writes a cache folder others may write, nor any with NODE_DISABLE_COMPILE_CACHE=1", () => {
    const disabled = tempDir();
    expect(runWithTemp(["--version"], disabled, { NODE_DISABLE_COMPILE_CACHE: "1" }).stdout).toBe(`${version}\n`);
    expect(cacheFiles(join(disabled, cacheName))).toEqual([]);
    if (uid === undefined) return;
    const open = tempDir();
    mkdirSync(join(open, cacheName));
    chmodSync(join(open, cacheName), 0o777);
    expect(runWithTemp(["--version"], open).stdout).toBe(`${version}\n`);
    expect(cacheFiles(join(open, cacheName))).toEqual([]);
  });

  it("puts the cache where NODE_COMPILE_CACHE says", () => {
    const temp = tempDir();
    const dir = join(temp, "elsewhere");
    expect(runWithTemp(["--version"], temp, { NODE_COMPILE_CACHE: dir }).stdout).toBe(`${version}\n`);
    // Node 22 and later keep their own compile cache there too, in a folder of their own.
    expect(cacheFiles(dir).filter((file) => file.endsWith(".v8"))).toHaveLength(1);
    expect(cacheFiles(join(temp, cacheName))).toEqual([]);
  });

  it("runs the bundle without TurboFan's compiles, which a run of milliseconds does not pay back", () => {
    // --trace-opt prints every function V8 marks for an optimizing tier; this Node's marks for a hot loop show it does.
    const traced = (args: string[]) => runNode(["--trace-opt", ...args]);
    const hotLoop = traced(["-e", "function next(x) { return x + 1 } let s = 0; for (let i = 0; i < 1e8; i++) s = next(s);"]);
    // A marking, or a loop compiled on stack replacement (Node 24 may skip the marking): "target TURBOFAN".
    expect(hotLoop.stdout).toMatch(/TURBOFAN/);
    const report = traced([join(repositoryRoot, "dist/cli.cjs"), "report", "examples/resnet50.yaml"]);
    expect(report.status).toBe(0);
    expect(report.stdout).toContain("25,557,032");
    expect(report.stdout).not.toMatch(/TURBOFAN/);
  });

  it("sets V8's flags without node:v8 where Node has its binding, so a report on a pipe loads none of Node's streams", () => {
    // process.binding("v8") is gone in Node 24, where the launcher sets the flags through node:v8 and its streams.
    const hasBinding = spawnSync(process.execPath, ["--no-deprecation", "-e", "process.binding('v8')"]).status === 0;
    const preload = join(tempDir(), "modules.cjs");
    // Written with fs.writeSync: process.stderr would load the streams it looks for.
    writeFileSync(preload, `process.on("exit", () => require("node:fs").writeSync(2, "\\n" + JSON.stringify(process.moduleLoadList)));`);
    const run = runNode(["--require", preload, join(repositoryRoot, "dist/cli.cjs"), "report", "examples/resnet50.yaml"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("25,557,032");
    const loaded = JSON.parse(run.stderr.trim().split("\n").at(-1) ?? "[]") as string[];
    expect(loaded).toContain("NativeModule vm");
    expect(loaded.includes("NativeModule v8")).toBe(!hasBinding);
    expect(loaded.includes("NativeModule stream")).toBe(!hasBinding);
    expect(run.stderr).not.toContain("DeprecationWarning");
  });
});

describe("the CLI's bundle as a script (scripts/cli-launcher.mjs)", () => {
  const header = 'import { createRequire as __req } from "module";\n';

  it("is ASCII, so the launcher reads it as latin1, and still prints the report's × and ✓", () => {
    expect(readFileSync(join(repositoryRoot, "dist/cli-bundle.cjs"), "latin1")).toMatch(/^[\t\n\r -~]*$/);
    const run = runDist(["report", "examples/resnet50.yaml"]);
    expect(run.stdout).toContain("FLOPs = 2 × MACs");
  });

  it("escapes every character past ASCII, astral ones as their two halves, and keeps import.meta.url", () => {
    const script = scriptBundle(`${header}const marks = "×✓😀"; const url = import.meta.url;\n`, "example.ts");
    expect(script).toContain('const marks = "\\u00d7\\u2713\\ud83d\\ude00"; const url = __import_meta_url;');
    expect(script).toContain("const __req = () => require;");
  });

  it("refuses what an escape would change, and ES-module syntax it cannot run", () => {
    expect(() => scriptBundle(`${header}const escaped = "\\×";\n`, "a.ts")).toThrow('a.ts: cannot escape the non-ASCII character in "\\\\×"');
    expect(() => scriptBundle(`${header}const raw = String.raw\`×\`;\n`, "b.ts")).toThrow("b.ts: cannot escape");
    expect(() => scriptBundle(`${header}export const x = 1;\n`, "c.ts")).toThrow("c.ts: the bundle has ES-module syntax the launcher cannot run as a script: export const x = 1;");
    expect(() => scriptBundle(`${header}await import("./x.js");\n`, "d.ts")).toThrow("d.ts: the bundle has ES-module syntax");
    expect(() => scriptBundle("const x = 1;\n", "e.ts")).toThrow("e.ts: ncc's bundle no longer starts with the createRequire import the launcher expects");
  });

  it("gives the bundle the wrapper's require for Node's built-in modules, and refuses any other require through createRequire", () => {
    const bundle = scriptBundle(`${header}const fs = __req(import.meta.url)("node:fs");\n`, "f.ts");
    expect(bundle).toContain('__req(__import_meta_url)("node:fs")');
    const local = `${header}const x = __req(import.meta.url)("./x.js");\n`;
    expect(() => scriptBundle(local, "g.ts")).toThrow('g.ts: the bundle requires something other than a built-in module through createRequire: __req(import.meta.url)("./x.js")');
    const passed = `${header}const make = __req;\n`;
    expect(() => scriptBundle(passed, "h.ts")).toThrow("h.ts: the bundle requires something other than a built-in module through createRequire: __req");
  });
});
