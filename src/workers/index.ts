// Worker threads that analyse a check's specs for the edges (the CLI's check and the action).
export { analyzeInWorkers, THREADS_VARIABLE } from "./pool.js";
export { isAnalysisWorker, serveAnalyses } from "./serve.js";
