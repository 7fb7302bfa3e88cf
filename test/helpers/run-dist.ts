import { spawnSync } from "node:child_process";
import { join } from "node:path";

/** The repository root, where the bundled `dist/` lives. */
export const repositoryRoot = new URL("../..", import.meta.url).pathname;

export interface DistRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds the subprocess ran. */
  ms: number;
}

export interface DistRunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** Killed past this many milliseconds (the run then has signal SIGTERM and status null). */
  timeoutMs?: number;
  /** V8 heap limit in MiB: a run that needs more dies instead of eating the machine. */
  heapMiB?: number;
}

/**
 * Runs a bundled entry point (`dist/cli.js` by default) as a user would, with time and memory bounds:
 * the hostile-input corpus asserts that every case ends within them, with a clean diagnostic.
 */
export function runDist(args: readonly string[], options: DistRunOptions = {}, entry = "dist/cli.js"): DistRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, [`--max-old-space-size=${options.heapMiB ?? 300}`, join(repositoryRoot, entry), ...args], {
    cwd: options.cwd ?? repositoryRoot,
    // Plain output, whatever the shell running the tests sets: a test that wants colour or a width sets them.
    env: options.env ?? { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, COLUMNS: undefined },
    input: options.input,
    encoding: "utf8",
    timeout: options.timeoutMs ?? 10_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}

/** True when the output shows an uncaught JavaScript error rather than a diagnostic. */
export function showsStackTrace(output: string): boolean {
  return /\n\s+at .+[(:]\d+:\d+\)?/.test(output) || /\b(RangeError|TypeError|ReferenceError|SyntaxError): /.test(output) || /this is a bug/i.test(output);
}
