import { availableParallelism } from "node:os";
import type { Worker, MessagePort } from "node:worker_threads";
import { checkedFiles, type BaseSide, type CheckRequest, type CheckSide, type SpecAnalyses } from "../orchestrator/index.js";
import { ROLE, thrown, WORKER_ARGUMENT, workerThreads, type Answer, type Question, type Report, type WorkerSetup } from "./protocol.js";

/**
 * A check's specs analysed by worker threads, one spec at a time each, while this thread answers their
 * reads: every file still goes through the edge's own reader (its confinement, git at base) and the
 * results are the same plain data, so the check says the same as when it analyses them itself.
 *
 * This thread stays synchronous (the CLI's commands are): it waits on a shared counter the workers
 * bump with each message and reads their ports with receiveMessageOnPort; a worker waiting for an
 * answer sleeps on its own flag the same way.
 */

/**
 * Spec lines (at head) per thread: a thread costs about 50 ms of CPU to start (its own Node and code),
 * and a spec about a third of a millisecond per line to analyse once the code is warm, so a thread
 * pays only with a few hundred milliseconds of work. Twelve GPT-2 specs (500 lines) ran slower with two.
 */
const LINES_PER_THREAD = 1000;
const MAX_THREADS = 8;
/**
 * A worker silent this long (no question, no progress, no result) has died or hangs: the threads are
 * given up and what they left is analysed in this thread, as it would be without them.
 */
const SILENCE_MS = 30_000;

/** The environment variable that sets how many worker threads a check uses: 1 turns them off. */
export const THREADS_VARIABLE = "MODEL_BUDGET_THREADS";

/**
 * How many threads a check uses: `setting` (THREADS_VARIABLE's value) when given, at most one per spec,
 * else one per LINES_PER_THREAD lines of its specs, up to the machine's available parallelism and
 * MAX_THREADS. A setting that is not a whole number from 1 to 64 throws an EINVAL error, which the edges
 * report as bad input.
 */
function threadsFor(files: readonly string[], setting: string | undefined, lines: () => number): number {
  if (setting === undefined || setting === "") return Math.min(availableParallelism(), MAX_THREADS, Math.floor(lines() / LINES_PER_THREAD));
  const threads = /^\d{1,2}$/.test(setting.trim()) ? Number(setting) : NaN;
  if (!(threads >= 1 && threads <= 64)) {
    throw Object.assign(new Error(`${THREADS_VARIABLE} is '${setting}': set it to a whole number from 1 to 64 (1 analyses every spec in one thread), or unset it`), {
      code: "EINVAL",
    });
  }
  return Math.min(threads, files.length);
}

/**
 * The lines of the specs at head, a measure of the check's work; each text read is kept in `texts`, for
 * the thread that analyses the spec. A spec that cannot be read counts none (its analysis says why).
 */
function linesAtHead(request: CheckRequest, files: readonly string[], texts: Map<string, string>): number {
  let lines = 0;
  for (const file of files) {
    try {
      if (!request.head.specs.includes(file)) continue;
      const text = request.head.read(file);
      texts.set(file, text);
      lines += text.split("\n").length;
    } catch {
      // Read again by its analysis, which reports why it cannot be.
    }
  }
  return lines;
}

/**
 * Analyses the check's specs in worker threads started from `entry` (a script that calls
 * `serveAnalyses` when `isAnalysisWorker()`), as many as `threadsFor` says; undefined when that is one.
 * The threads only speed the check up: a spec one of them could not finish (it failed, died or hung)
 * is left out of the map, and the check analyses it itself.
 */
export function analyzeInWorkers(request: CheckRequest, entry: string | URL, setting: string | undefined): Map<string, SpecAnalyses> | undefined {
  const files = checkedFiles(request);
  // Specs read to size the check: a thread's first read of one is answered from here, not read twice.
  const texts = new Map<string, string>();
  const count = threadsFor(files, setting, () => linesAtHead(request, files, texts));
  if (count < 2) return undefined;
  const receive = workerThreads().receiveMessageOnPort;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from({ length: count }, () => startWorker(request, entry, signal));
  const results = new Map<string, SpecAnalyses>();
  let next = 0;
  const answer = (worker: StartedWorker, question: Question): Answer => {
    if (question.kind === "next") {
      const file = next < files.length ? files[next++]! : null;
      worker.finished = file === null;
      return { file };
    }
    if (question.kind === "unchanged") return { value: request.base?.unchanged?.(question.path) ?? false };
    const read = question.side === "head" && !question.include ? texts.get(question.path) : undefined;
    if (read !== undefined) {
      texts.delete(question.path);
      return { text: read };
    }
    const side: CheckSide | undefined = question.side === "head" ? request.head : request.base;
    try {
      return { text: side!.read(question.path, question.include) };
    } catch (error) {
      return { error: thrown(error) };
    }
  };
  /** Handles what the workers said; false once one failed. */
  const hear = (): boolean => {
    for (const worker of workers) {
      for (let message = receive(worker.port); message; message = receive(worker.port)) {
        const said = message.message as Question | Report;
        if (said.kind === "failed") return false;
        if (said.kind === "step") request.onStep?.(said.text);
        else if (said.kind === "done") results.set(said.file, said.sides);
        else {
          worker.port.postMessage(answer(worker, said));
          Atomics.store(worker.answered, 0, 1);
          Atomics.notify(worker.answered, 0);
        }
      }
    }
    return true;
  };
  try {
    for (;;) {
      // Read before hearing: a message posted after it has moved the counter, so the wait returns at once.
      const seen = Atomics.load(signal, 0);
      if (!hear() || workers.every((worker) => worker.finished) || Atomics.wait(signal, 0, seen, SILENCE_MS) === "timed-out") break;
    }
  } finally {
    for (const worker of workers) {
      worker.port.close();
      // One that failed or hangs; the others end on their own (and a launcher's code cache is written as they do).
      if (!worker.finished) void worker.thread.terminate();
    }
  }
  return results;
}

interface StartedWorker {
  thread: Worker;
  port: MessagePort;
  answered: Int32Array;
  /** Told there is nothing left: it returns. */
  finished: boolean;
}

function startWorker(request: CheckRequest, entry: string | URL, signal: Int32Array): StartedWorker {
  const { MessageChannel, Worker } = workerThreads();
  const { port1, port2 } = new MessageChannel();
  const answered = new Int32Array(new SharedArrayBuffer(4));
  const base: BaseSide | undefined = request.base;
  const setup: WorkerSetup = {
    role: ROLE,
    port: port2,
    signal,
    answered,
    head: { specs: request.head.specs },
    ...(base ? { base: { ref: base.ref, specs: base.specs } } : {}),
    overrides: request.overrides ?? {},
    origins: request.changedLines !== undefined,
    progress: request.onStep !== undefined,
  };
  // The CLI's launcher keeps a code cache per command: the workers' is `worker`'s.
  const thread = new Worker(entry, { workerData: setup, transferList: [port2], argv: [WORKER_ARGUMENT] });
  thread.unref();
  return { thread, port: port1, answered, finished: false };
}
