#!/usr/bin/env node
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { readTextFile, repositoryOf, TEXT_KINDS, writeTextFile } from "../files/index.js";
import { runCli } from "./run.js";

const result = runCli(process.argv.slice(2), {
  // An include stays inside the repository of the spec that includes it; the files named on the command line are the user's choice.
  readFile: (file, include) => readTextFile(file, TEXT_KINDS.yaml, include ? { within: [repositoryOf(include.spec)] } : {}),
  readModelText: (file) => readTextFile(file, TEXT_KINDS.torchRepr),
  writeFile: writeTextFile,
  listFiles: filesUnder,
});
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.exitCode;

/** Every regular file under `directory`, relative to the current directory; dependencies and VCS data are skipped, symlinks not followed. */
function filesUnder(directory: string): string[] {
  const files: string[] = [];
  const pending = [directory];
  while (pending.length) {
    const current = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(current || ".", { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = current ? join(current, entry.name) : entry.name;
      if (entry.isDirectory() && entry.name !== "node_modules" && entry.name !== ".git") pending.push(path);
      else if (entry.isFile()) files.push(path);
    }
  }
  return files;
}
