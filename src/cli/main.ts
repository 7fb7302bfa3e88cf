#!/usr/bin/env node
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { visibleControls } from "../report/escape.js";
import { runCli } from "./run.js";

const result = runCli(process.argv.slice(2), {
  readFile: (file) => readFileSync(file, "utf8"),
  writeFile: (file, text) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  },
  listFiles: filesUnder,
});
// Names from a spec never reach the terminal raw: an ESC or a bidi override shows as its \uXXXX escape.
if (result.stdout) process.stdout.write(visibleControls(result.stdout));
if (result.stderr) process.stderr.write(visibleControls(result.stderr));
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
