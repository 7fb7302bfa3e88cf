#!/usr/bin/env node
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { visibleControls } from "../report/escape.js";
import { runCli } from "./run.js";

const result = runCli(process.argv.slice(2), {
  readFile: (file) => readFileSync(file, "utf8"),
  writeFile: (file, text) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  },
});
// Names from a spec never reach the terminal raw: an ESC or a bidi override shows as its \uXXXX escape.
if (result.stdout) process.stdout.write(visibleControls(result.stdout));
if (result.stderr) process.stderr.write(visibleControls(result.stderr));
process.exitCode = result.exitCode;
