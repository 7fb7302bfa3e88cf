import { analyzeSides, layerOrigins, type Analysis } from "../orchestrator/index.js";
import { rethrown, ROLE, WORKER_ARGUMENT, workerThreads, type Answer, type Question, type Report, type Side, type ThrownError, type WorkerSetup } from "./protocol.js";

/** True in a worker thread started by `analyzeInWorkers`: its entry point serves analyses instead of running. */
export function isAnalysisWorker(): boolean {
  if (process.argv[2] !== WORKER_ARGUMENT) return false;
  const { isMainThread } = workerThreads();
  return !isMainThread && (workerThreads().workerData as Partial<WorkerSetup> | null)?.role === ROLE;
}

/** What goes back to the check: plain data, the model left here, its layers' origins only where the check reads them. */
function sendable(analysis: Analysis, origins: boolean): Analysis {
  return { state: analysis.state, ...(origins && analysis.model ? { origins: layerOrigins(analysis.model) } : {}) };
}

/** A worker thread's work: asks for a spec, analyses it at head and base, sends the result back, until none is left. */
export function serveAnalyses(): void {
  const { receiveMessageOnPort } = workerThreads();
  const setup = workerThreads().workerData as WorkerSetup;
  const post = (message: Question | Report) => {
    setup.port.postMessage(message);
    Atomics.add(setup.signal, 0, 1);
    Atomics.notify(setup.signal, 0);
  };
  const ask = (question: Question): Answer => {
    post(question);
    Atomics.wait(setup.answered, 0, 0);
    Atomics.store(setup.answered, 0, 0);
    return receiveMessageOnPort(setup.port)!.message as Answer;
  };
  const reader = (side: Side) => (path: string, include?: { spec: string }) => {
    const answer = ask({ kind: "read", side, path, ...(include ? { include: { spec: include.spec } } : {}) }) as { text: string } | { error: ThrownError };
    if ("error" in answer) throw rethrown(answer.error);
    return answer.text;
  };
  const request = {
    head: { specs: setup.head.specs, read: reader("head") },
    ...(setup.base ? { base: { ...setup.base, read: reader("base"), unchanged: (path: string) => (ask({ kind: "unchanged", path }) as { value: boolean }).value } } : {}),
    overrides: setup.overrides,
    ...(setup.progress ? { onStep: (text: string) => post({ kind: "step", text }) } : {}),
  };
  const nextFile = () => (ask({ kind: "next" }) as { file: string | null }).file;
  try {
    for (let file = nextFile(); file !== null; file = nextFile()) {
      const sides = analyzeSides(file, request);
      post({ kind: "done", file, sides: { head: sendable(sides.head, setup.origins), ...(sides.base ? { base: sendable(sides.base, setup.origins) } : {}) } });
    }
  } catch (error) {
    // The check analyses this spec again itself, and says what went wrong as it would without threads.
    post({ kind: "failed", message: String((error as Error).message ?? error) });
  }
  setup.port.close();
}
