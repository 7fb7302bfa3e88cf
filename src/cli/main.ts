#!/usr/bin/env node
import { readTextFile, repositoryOf, TEXT_KINDS, writeTextFile } from "../files/index.js";
import { runCli } from "./run.js";

const result = runCli(process.argv.slice(2), {
  // An include stays inside the repository of the spec that includes it; the files named on the command line are the user's choice.
  readFile: (file, include) => readTextFile(file, TEXT_KINDS.yaml, include ? { within: [repositoryOf(include.spec)] } : {}),
  readModelText: (file) => readTextFile(file, TEXT_KINDS.torchRepr),
  writeFile: writeTextFile,
});
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
