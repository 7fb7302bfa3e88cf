import { createRequire } from "node:module";
import type { MessagePort } from "node:worker_threads";
import { FileAccessError, SpecError } from "../diagnostics/index.js";
import type { AnalysisOverrides } from "../analysis/index.js";
import type { SpecAnalyses } from "../orchestrator/index.js";

// What the check's thread and its worker threads say to each other (pool.ts, serve.ts).

/** What a worker thread is told; `role` tells an entry point that it runs as one. */
export interface WorkerSetup {
  role: typeof ROLE;
  port: MessagePort;
  /** Bumped by the worker after each message it posts. */
  signal: Int32Array;
  /** Set by this thread after each answer it posts. */
  answered: Int32Array;
  head: { specs: readonly string[] };
  base?: { ref: string; specs: readonly string[] };
  overrides: AnalysisOverrides;
  /** Whether the check wants each layer's origins (it was given the changed lines). */
  origins: boolean;
  progress: boolean;
}

export type Side = "head" | "base";

export type Question = { kind: "read"; side: Side; path: string; include?: { spec: string } } | { kind: "unchanged"; path: string } | { kind: "next" };
export type Report = { kind: "step"; text: string } | { kind: "done"; file: string; sides: SpecAnalyses } | { kind: "failed"; message: string };
export type Answer = { text: string } | { error: ThrownError } | { value: boolean } | { file: string | null };

/** An error thrown by a reader, as data: user errors keep their kind and position, file-system ones their code. */
export type ThrownError = { spec: { name: string; kind: SpecError["kind"]; position: SpecError["position"]; detail: string; hint?: string } } | { message: string; code?: string };

export const ROLE = "model-budget-analysis";
/**
 * A worker thread's command-line argument, which its entry point's process.argv shows: only a run with
 * it loads node:worker_threads (about 1.3 ms) to see whether it is one, so that no other run pays for it.
 */
export const WORKER_ARGUMENT = "worker";

let workerThreadsModule: typeof import("node:worker_threads") | undefined;
export const workerThreads = () => (workerThreadsModule ??= createRequire(import.meta.url)("node:worker_threads") as typeof import("node:worker_threads"));

/** A reader's error as data, to send to the worker that asked. */
export function thrown(error: unknown): ThrownError {
  if (error instanceof SpecError) {
    const { name, kind, position, detail, hint } = error;
    return { spec: { name, kind, position, detail, ...(hint === undefined ? {} : { hint }) } };
  }
  const { message, code } = error as NodeJS.ErrnoException;
  return { message: String(message ?? error), ...(typeof code === "string" ? { code } : {}) };
}

/** The error a reader threw in the other thread, thrown again in this one. */
export function rethrown(error: ThrownError): Error {
  if ("message" in error) return Object.assign(new Error(error.message), error.code === undefined ? {} : { code: error.code });
  const { name, kind, position, detail, hint } = error.spec;
  // A FileAccessError is re-positioned by whoever named the file (an include:), so it stays one.
  return name === "FileAccessError" ? new FileAccessError(kind, position.file, detail, hint) : new SpecError(kind, position, detail, hint);
}
