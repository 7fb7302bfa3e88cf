import { closeSync } from "node:fs";
import { posix } from "node:path";
import { FileAccessError, SpecError, type DiagnosticName } from "../diagnostics/index.js";
import { modelFolderOf, openRegularFile, readAt, type OpenOptions } from "../files/index.js";

/**
 * Random access to a file's bytes. Importers read headers through it and step over tensor data by
 * offset, so a checkpoint's size never shows in time or memory.
 */
export interface ByteSource {
  /** The file's name, for messages. */
  readonly name: string;
  readonly size: number;
  /** Exactly `length` bytes from `offset`; callers keep within `size`. */
  read(offset: number, length: number): Uint8Array;
}

/**
 * A window onto a file that reads ahead `chunk` bytes at a time, so that a header of many small
 * fields costs few reads and memory stays one chunk whatever the file's size.
 */
export class ByteWindow {
  private bytes: Uint8Array = new Uint8Array(0);
  private start = 0;

  constructor(
    private readonly source: ByteSource,
    private readonly chunk: number,
  ) {}

  /** `length` bytes at `offset`, which the caller has checked lie inside the file. */
  at(offset: number, length: number): Uint8Array {
    if (offset < this.start || offset + length > this.start + this.bytes.length) {
      this.start = offset;
      this.bytes = this.source.read(offset, Math.min(Math.max(length, this.chunk), this.source.size - offset));
    }
    return this.bytes.subarray(offset - this.start, offset - this.start + length);
  }
}

/**
 * A malformed binary or JSON file, at a byte offset rather than a line. It is a SpecError so the CLI,
 * the action and the budget check report it with every other input error; a binary file has no lines,
 * so the position is its start and the message names the byte.
 */
export class FileFormatError extends SpecError {
  readonly offset: number;

  constructor(kind: DiagnosticName, file: string, offset: number, detail: string, hint?: string) {
    super(kind, { file, line: 1, col: 1 }, `at byte ${offset}: ${detail}`, hint);
    this.name = "FileFormatError";
    this.offset = offset;
    this.message = `${file}: at byte ${offset}: ${detail}${hint ? `\n  ${hint}` : ""}`;
  }
}

/** Throws a FileFormatError of one file; readers take it to report at byte offsets. */
export type Fail = (offset: number, detail: string, hint?: string) => never;

export const failIn =
  (file: string, kind: DiagnosticName): Fail =>
  (offset, detail, hint) => {
    throw new FileFormatError(kind, file, offset, detail, hint);
  };

/** Decodes UTF-8 strictly: a name with invalid bytes means a damaged file, not a name to guess at. */
export function utf8(bytes: Uint8Array, offset: number, fail: Fail, what: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail(offset, `${what} is not valid UTF-8`);
  }
}

/** Opens `file` for the duration of `work`, reading only what `work` asks for; a FIFO, device or directory is refused first. */
export function withFileBytes<T>(file: string, work: (source: ByteSource) => T, options: OpenOptions = {}): T {
  const { fd, size } = openRegularFile(file, options);
  try {
    const read = (offset: number, length: number): Uint8Array => {
      const buffer = Buffer.alloc(length);
      const got = readAt(fd, buffer, offset, length);
      // The file shrank after fstat: report it where the bytes ran out.
      if (got < length) throw new FileFormatError("truncated-file", file, offset + got, `the file ended early, ${size} bytes were expected`, "is it still being written?");
      return buffer;
    };
    return work({ name: file, size, read });
  } finally {
    closeSync(fd);
  }
}

/** A file named by another file: relative, and inside the naming file's directory, as ONNX's checker also demands. */
export function siblingPath(file: string, relative: string, fail: Fail, offset: number, what: string): string {
  const normalized = posix.normalize(relative);
  if (relative === "" || posix.isAbsolute(relative) || normalized === ".." || normalized.startsWith("../")) {
    fail(offset, `${what} '${relative}' is not a relative path inside the model's directory`);
  }
  return posix.join(posix.dirname(file), normalized);
}

/** How to open the files `file` names: where `file` is opened, and only inside its folder, symbolic links followed. */
export function siblingOptions(file: string, options: OpenOptions = {}): OpenOptions {
  return { ...options, within: [...(options.within ?? []), modelFolderOf(file, options)] };
}

/**
 * Opens a file another file names (with siblingOptions), turning a missing or unreadable file into an
 * error at the byte that names it.
 */
export function withNamedFile<T>(path: string, fail: Fail, offset: number, what: string, work: (source: ByteSource) => T, options: OpenOptions = {}): T {
  try {
    return withFileBytes(path, work, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") fail(offset, `${what} ${path} does not exist`);
    if (error instanceof FileAccessError) fail(offset, `${what} ${path} ${error.detail}`, error.hint);
    throw error;
  }
}
