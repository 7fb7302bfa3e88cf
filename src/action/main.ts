import { setFlagsFromString } from "node:v8";
import { isAnalysisWorker, serveAnalyses } from "../workers/index.js";
import { runAction } from "./run.js";

if (isAnalysisWorker()) serveAnalyses();
else {
  // The action runs on node24, where a check of a few seconds does best without TurboFan's background
  // compiles, Maglev compiling what is hot (docs/speed.md); the bundle's functions are not compiled yet.
  // The flags are the process's: its worker threads run under them too.
  setFlagsFromString("--no-turbofan");
  // The check's worker threads start from this bundle.
  await runAction(new URL(import.meta.url));
}
