import { fstatSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { readTextFile, repositoryOf, TEXT_KINDS, writeTextFile, type OpenOptions } from "../files/index.js";
import { GitRepository } from "../git/repository.js";
import { readCheckpoint, readGguf, readGgufFile, readOnnxFile, readSafetensorsCheckpoint, withFileBytes } from "../import/index.js";
import { analyzeInWorkers, THREADS_VARIABLE } from "../workers/index.js";
import type { CheckpointRequest, CliEnvironment } from "./command.js";
import { progressOn, terminalOf } from "./terminal.js";

/**
 * The CLI's real edge, rooted at `cwd`: every file goes through the one opener in src/files/ (regular
 * files only, size limits, and the confinements below), git runs in `cwd`.
 */
export function nodeEnvironment(cwd: string, workerEntry?: string): CliEnvironment {
  const here: OpenOptions = { base: cwd };
  const progress = progressOn(terminalStream(2) ?? NO_TERMINAL);
  return {
    cwd,
    // An include stays inside the repository of the spec that includes it; the files named on the command line are the user's choice.
    readFile: (file, include) => readTextFile(file, TEXT_KINDS.yaml, include ? { ...here, within: [repositoryOf(resolve(cwd, include.spec))] } : here),
    readModelText: (file) => readTextFile(file, TEXT_KINDS.torchRepr, here),
    writeFile: (file, text) => writeTextFile(file, text, cwd),
    listFiles: (directory) => filesUnder(cwd, directory),
    readCheckpoint: (file, request = {}) => openCheckpoint(file, request, here),
    readGgufHeader: (file) => withFileBytes(file, readGguf, here),
    git: () => new GitRepository(cwd),
    terminal: terminalOf(process.env, terminalStream(1) ?? NO_TERMINAL),
    ...(progress ? { progress } : {}),
    ...(workerEntry ? { analyzeInWorkers: (request) => analyzeInWorkers(request, workerEntry, process.env[THREADS_VARIABLE]) } : {}),
  };
}

/** Where a pipe or a file goes: no terminal, so no colour, width or progress line. */
const NO_TERMINAL = { isTTY: false, write: () => undefined };

/**
 * process.stdout or process.stderr where the descriptor may be a terminal (a character device).
 * A pipe or a file is none, and is left alone: creating its stream object loads Node's stream and
 * socket modules, about 2 ms of CPU in a run that writes its output with one writeSync (main.ts).
 */
function terminalStream(fd: 1 | 2): NodeJS.WriteStream | undefined {
  let character = true;
  try {
    character = fstatSync(fd).isCharacterDevice();
  } catch {
    // An unusual descriptor: ask the stream, as before.
  }
  if (!character) return undefined;
  return fd === 1 ? process.stdout : process.stderr;
}

/** A checkpoint named by a file (a budget's against:) stays inside that file's repository; one the user named is their choice. */
function openCheckpoint(file: string, { format, namedBy }: CheckpointRequest, here: OpenOptions): ReturnType<NonNullable<CliEnvironment["readCheckpoint"]>> {
  const options: OpenOptions = namedBy === undefined ? here : { ...here, within: [repositoryOf(resolve(here.base!, namedBy))] };
  if (format === "onnx") return readOnnxFile(file, options);
  if (format === "safetensors") return readSafetensorsCheckpoint(file, options);
  if (format === "gguf") return readGgufFile(file, options);
  return readCheckpoint(file, options).tensors;
}

/** Every regular file under `directory`, relative to `cwd`; dependencies and VCS data are skipped, symlinks not followed. */
function filesUnder(cwd: string, directory: string): string[] {
  const files: string[] = [];
  const pending = [directory];
  while (pending.length) {
    const current = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(join(cwd, current), { withFileTypes: true });
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
