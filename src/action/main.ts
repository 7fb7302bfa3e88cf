import { setFlagsFromString } from "node:v8";
import { runAction } from "./run.js";

// The action runs on node24, where a check of a few seconds does best without TurboFan's background
// compiles, Maglev compiling what is hot (docs/speed.md); the bundle's functions are not compiled yet.
setFlagsFromString("--no-turbofan");
await runAction();
