import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ACTION = new URL("../../dist/index.js", import.meta.url).pathname;

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Wall-clock milliseconds the action ran. */
  ms: number;
}

/** `name<<DELIMITER\nvalue\nDELIMITER` blocks, as @actions/core writes $GITHUB_OUTPUT. */
function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = existsSync(file) ? readFileSync(file, "utf8").split("\n") : [];
  for (let i = 0; i < lines.length; i++) {
    const head = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!head) continue;
    const end = lines.indexOf(head[2]!, i + 1);
    outputs[head[1]!] = lines.slice(i + 1, end).join("\n");
    i = end;
  }
  return outputs;
}

/** A pull_request event's payload: pull request 7 from `head` (a made-up SHA unless given) onto `base`. */
export const pullRequestPayload = (base: string, head = "0".repeat(40)) => ({ pull_request: { number: 7, base: { sha: base }, head: { sha: head } } });

/** The workflow commands that annotate a line: ::warning and ::error. */
export const annotationLines = (stdout: string): string[] => stdout.split("\n").filter((line) => /^::(warning|error) /.test(line));

export interface ActionOptions {
  workspace: string;
  apiUrl: string;
  inputs: Record<string, string>;
  event: string;
  payload: object;
  heapMiB?: number;
  /** More environment variables, such as MODEL_BUDGET_THREADS. */
  env?: Record<string, string>;
}

/** The runner's side of a run: an event payload file, the files for outputs and the job summary, and the environment naming them. */
export function runnerFiles(options: ActionOptions): { env: NodeJS.ProcessEnv; outputFile: string; summaryFile: string } {
  const temp = mkdtempSync(join(tmpdir(), "model-budget-runner-"));
  const eventPath = join(temp, "event.json");
  writeFileSync(eventPath, JSON.stringify(options.payload));
  const outputFile = join(temp, "output");
  const summaryFile = join(temp, "summary.md");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: "acme/models",
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "4242",
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: temp,
    ...Object.fromEntries(Object.entries(options.inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...options.env,
  };
  return { env, outputFile, summaryFile };
}

export { readOutputs };

/**
 * Runs the bundled action as the runner does: a node process with INPUT_* variables, an event
 * payload file, and the files for outputs and the job summary. Async, so a server in this
 * process can answer it.
 */
export async function runAction(options: ActionOptions): Promise<ActionRun> {
  const { env, outputFile, summaryFile } = runnerFiles(options);
  const started = performance.now();
  const heap = options.heapMiB ? [`--max-old-space-size=${options.heapMiB}`] : [];
  const child = spawn(process.execPath, [...heap, ACTION], { cwd: options.workspace, env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { exitCode, stdout, stderr, outputs: readOutputs(outputFile), summary: readFileSync(summaryFile, "utf8"), ms: performance.now() - started };
}
