import { FileAccessError, diagnostic, toDiagnostic, userErrors, type Diagnostic, type SpecError } from "../diagnostics/index.js";
import { renderDiagnostic } from "../diagnostics/render.js";
import { choiceOf } from "../diagnostics/choice.js";
import type { GitRepository } from "../git/repository.js";
import type { CheckRequest, SpecAnalyses } from "../orchestrator/index.js";
import type { CheckpointFormat, CheckpointTensor, GgufHeader } from "../import/index.js";
import type { OnStep, ReadFile } from "../resolve/index.js";
import { forTerminal } from "../diagnostics/terminal.js";
import type { Progress, Terminal } from "./terminal.js";
import type { CommandHelp } from "./flags.js";

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Standard output is for people (not markdown or JSON): on a colour terminal its status marks are coloured. */
  forPeople?: boolean;
}

/** Which checkpoint to open, and what confines it. */
export interface CheckpointRequest {
  /** The reader to use; by the file's name where absent (.safetensors, .index.json, .onnx). */
  format?: CheckpointFormat;
  /** The file that names the checkpoint: it then stays inside that file's repository. Absent for one the user named. */
  namedBy?: string;
}

/** What a command may touch: the CLI's edge to the file system and git, replaceable in tests. */
export interface CliEnvironment {
  /** The working directory, which relative paths are relative to. */
  cwd: string;
  /** Specs, their includes and budget files. */
  readFile: ReadFile;
  /** print(model) text, which may be larger than a spec; readFile where absent. */
  readModelText?: (file: string) => string;
  /** Throws a user error (FileAccessError) when the file cannot be written. */
  writeFile?: (file: string, text: string) => void;
  /** Every file under a directory (`` for the current one), as relative paths with `/`: for expanding quoted globs. */
  listFiles?: (directory: string) => string[];
  /** A checkpoint's tensors, headers only; its shards and external data stay in its folder. */
  readCheckpoint?: (file: string, request?: CheckpointRequest) => CheckpointTensor[];
  /** A .gguf file's header, metadata included, for import gguf's spec from its architecture metadata. */
  readGgufHeader?: (file: string) => GgufHeader;
  /** The git repository of the working directory, for check --base. */
  git?: () => GitRepository;
  /** Where standard output goes: colour and width; absent, plain text with every column (a pipe, a test). */
  terminal?: Terminal;
  /** A progress line on standard error; absent where that is no terminal. */
  progress?: Progress;
  /** A check's specs analysed by worker threads; absent, or undefined for a check too small for them, and the check analyses them itself. */
  analyzeInWorkers?: (request: CheckRequest) => ReadonlyMap<string, SpecAnalyses> | undefined;
}

/** Tells the progress line what the work on `what` is doing; undefined without one. */
export function progressStep(env: CliEnvironment, what: string): OnStep | undefined {
  const progress = env.progress;
  // File names are anyone's: made safe for the terminal like all output.
  return progress ? (step) => progress.update(forTerminal(`model-budget: ${what}: ${step}`)) : undefined;
}

/** Exit codes: 0 success, 1 an internal error (a bug: please report it), 2 invalid input, 3 a budget check failed. */
export const EXIT = { ok: 0, internal: 1, invalid: 2, failed: 3 } as const;

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** A command: its help and its parser both come from `flags` (see flags.ts). */
export interface CliCommand extends CommandHelp {
  /** One line for the command list. */
  summary: string;
  /** Its positional arguments are spec files, where a quoted glob is expanded as the action expands its specs input. */
  takesSpecs?: boolean;
  run(values: OptionValues, positionals: string[], env: CliEnvironment): CliResult;
}

/** A string flag with enumerated values, checked as the action checks its inputs. */
export function choiceFlag<T extends string>(values: OptionValues, name: string, allowed: readonly T[]): { value: T } | { problem: string } {
  return choiceOf(`--${name}`, String(values[name]), allowed);
}

export function invalid(message: string): CliResult {
  return { exitCode: EXIT.invalid, stdout: "", stderr: `model-budget: ${message}\n` };
}

/**
 * Runs `work` for each file, gathering every user error instead of stopping at the first; a
 * missing file is a user error too. Anything else is a bug and propagates.
 */
export function forEachFile<T>(files: readonly string[], work: (file: string) => T, read?: ReadFile): { results: T[]; errors: string[]; diagnostics: Diagnostic[] } {
  const results: T[] = [];
  const errors: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    try {
      results.push(work(file));
    } catch (error) {
      const found = userErrors(error);
      const code = (error as NodeJS.ErrnoException).code;
      if (found) {
        diagnostics.push(...found.map(toDiagnostic));
        errors.push(showDiagnostics(found, read));
      } else if (code === "ENOENT" || code === "EISDIR") {
        const problem = diagnostic(
          code === "ENOENT" ? "file-unreadable" : "not-a-regular-file",
          { file, line: 1, col: 1 },
          code === "ENOENT" ? "no such file" : "is a directory, not a file",
        );
        diagnostics.push(problem);
        errors.push(renderDiagnostic(problem));
      } else throw error;
    }
  }
  return { results, errors, diagnostics };
}

/**
 * User errors as the CLI prints them: each with its code, the source line and a caret under the
 * column, read through `read` (the file is shown only when it reads again: a binary or vanished one is not).
 */
export function showDiagnostics(problems: readonly SpecError[], read?: ReadFile): string {
  const sourceOf = read ? sourceReader(read) : () => undefined;
  return problems
    .map((problem) => {
      const data = toDiagnostic(problem);
      return renderDiagnostic(data, data.offset === undefined ? sourceOf(data.file) : undefined);
    })
    .join("\n");
}

/** Files' texts for diagnostics' excerpts, each read once; undefined for one that does not read. */
export function sourceReader(read: ReadFile): (file: string) => string | undefined {
  const sources = new Map<string, string | undefined>();
  return (file) => {
    if (!sources.has(file)) sources.set(file, sourceOf(read, file));
    return sources.get(file);
  };
}

/** Writes a command's output file; undefined when written, else the invalid-usage result that says why not. */
export function writeOutput(env: CliEnvironment, file: string, text: string): CliResult | undefined {
  try {
    env.writeFile?.(file, text);
    return undefined;
  } catch (error) {
    if (!(error instanceof FileAccessError)) throw error;
    return invalid(`cannot write ${file}: it ${error.detail}${error.hint ? `\n  ${error.hint}` : ""}`);
  }
}

/** A file's text for a diagnostic's excerpt, or undefined when it does not read. */
export function sourceOf(read: (file: string) => string, file: string): string | undefined {
  try {
    return read(file);
  } catch {
    return undefined;
  }
}
