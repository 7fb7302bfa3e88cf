#!/usr/bin/env node
// Written by scripts/build.mjs: turns on Node's compile cache (where the runtime has it) before
// compiling the CLI's bundle, so that later runs load it faster. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import module from "node:module";

module.enableCompileCache?.();
await import("./cli-bundle.js");
