import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeEnvironment } from "../../src/cli/environment.js";
import { runCli } from "../../src/cli/run.js";
import { repositoryRoot, runDist, showsStackTrace } from "../helpers/run-dist.js";

// main.ts writes the output with fs.writeSync, not through process.stdout (docs/speed.md says why).
describe("the CLI's output", () => {
  it("reaches a pipe whole, far past a pipe's buffer", () => {
    const run = runDist(["report", "examples/densenet121.yaml", "--format", "json"]);
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(200_000);
    const report = JSON.parse(run.stdout) as { layers: unknown[] };
    expect(report.layers).toHaveLength(366);
  });

  it("writes long output in 64 KiB pieces that never split a character, byte for byte what the CLI made", () => {
    // Every formula holds a ×, two bytes in UTF-8, so the piece boundaries fall all over them.
    const args = ["report", "examples/densenet121.yaml", "--format", "json"];
    const made = runCli(args, nodeEnvironment(repositoryRoot));
    const run = spawnSync(process.execPath, [join(repositoryRoot, "dist/cli.js"), ...args], { cwd: repositoryRoot, maxBuffer: 1 << 26 });
    expect(run.status).toBe(0);
    expect(made.stdout.length).toBeGreaterThan(4 * 65_536);
    expect(made.stdout.split("×").length).toBeGreaterThan(300);
    expect(run.stdout.equals(Buffer.from(made.stdout, "utf8"))).toBe(true);
  });

  it("ends once its output is written, leaving V8's idle-time work (a scavenge put off till then) undone", () => {
    // --trace-gc names each collection's cause; "task" is one V8 ran from the event loop, after the run's own work.
    const run = spawnSync(process.execPath, ["--trace-gc", join(repositoryRoot, "dist/cli.cjs"), "--version"], { cwd: repositoryRoot, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n").filter((line) => !line.startsWith("["))).toEqual(["0.1.0", ""]);
    expect(run.stdout).not.toMatch(/\btask;/);
    const failed = spawnSync(process.execPath, [join(repositoryRoot, "dist/cli.cjs"), "report", "no-such-spec.yaml"], { cwd: repositoryRoot, encoding: "utf8" });
    expect(failed.status).toBe(2);
    expect(failed.stderr).toBe("no-such-spec.yaml:1:1: no such file [MB901]\n");
  });

  it("still writes standard error when standard output would block, and ends once the queued rest is out", () => {
    // A non-blocking pipe answers EAGAIN; Node gives a child blocking ones, so a preload makes the first write say it.
    const preload = join(mkdtempSync(join(tmpdir(), "model-budget-eagain-")), "eagain.cjs");
    writeFileSync(
      preload,
      'const fs = require("node:fs"); const write = fs.writeSync; let blocked = false;\n' +
        'fs.writeSync = (fd, ...rest) => { if (fd === 1 && !blocked) { blocked = true; throw Object.assign(new Error("EAGAIN"), { code: "EAGAIN" }); } return write(fd, ...rest); };\n',
    );
    const args = [join(repositoryRoot, "dist/cli.cjs"), "report", "examples/densenet121.yaml", "no-such-spec.yaml", "--format", "json"];
    const plain = spawnSync(process.execPath, args, { cwd: repositoryRoot, encoding: "utf8" });
    const blocked = spawnSync(process.execPath, ["--require", preload, ...args], { cwd: repositoryRoot, encoding: "utf8" });
    rmSync(dirname(preload), { recursive: true, force: true });
    expect(plain.stdout.length).toBeGreaterThan(100);
    expect(blocked.status).toBe(2);
    expect(blocked.stdout).toBe(plain.stdout);
    expect(blocked.stderr).toBe("no-such-spec.yaml:1:1: no such file [MB901]\n");
  });

  it("ends quietly when the reader goes away early (| head)", () => {
    const cli = join(repositoryRoot, "dist/cli.js");
    const shell = spawnSync("sh", ["-c", `"${process.execPath}" "${cli}" report examples/densenet121.yaml --format json | head -c 20`], {
      cwd: repositoryRoot,
      encoding: "utf8",
    });
    expect(shell.stdout.startsWith('{\n  "formatVersion"')).toBe(true);
    // Node's own unhandled EPIPE would print its stack here.
    expect(showsStackTrace(shell.stderr)).toBe(false);
    expect(shell.stderr).toBe("");
  });
});
