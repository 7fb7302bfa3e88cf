/**
 * The one way the CLI, the action and the importers open a user's file. Everything here happens
 * before a byte is read: the file must be a regular file (a FIFO or /dev/zero would block or never
 * end), it must be no larger than what it is read as may be (files read whole), and, where asked,
 * it must resolve inside given folders after following symbolic links (the repository, a
 * checkpoint's folder), so that a pull request cannot make the tool read, or echo, the runner's files.
 */
import { closeSync, constants, existsSync, fstatSync, ftruncateSync, mkdirSync, openSync, readSync, realpathSync, writeSync, type Stats } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { FileAccessError } from "../diagnostics/index.js";
import { YAML_MAX_BYTES } from "../parse/yaml.js";

/** What a file read whole is read as: its size limit and what to do when a file passes it. */
export interface TextKind {
  /** "a spec", for "more than the 4,194,304 bytes a spec may have". */
  what: string;
  maxBytes: number;
  hint: string;
}

export const TEXT_KINDS = {
  /** Specs, their includes and budget files: the YAML parser's own limit, checked before reading. */
  yaml: { what: "a spec or budget file", maxBytes: YAML_MAX_BYTES, hint: "split the spec with include:" },
  /**
   * print(model) text: a model printed without folding (61 layers of 256 experts) runs to megabytes and
   * folds into a small spec; text whose modules all differ makes a spec past the YAML limit before this.
   */
  torchRepr: { what: "print(model) text", maxBytes: 8 * 1024 * 1024, hint: "is this the output of print(model)? Print the model once, not in a loop" },
  /** A report the action saved for publish mode: 148 DenseNet-121 and GPT-2 reports make 31.5 MB, published in 1.1 s in a 300 MiB heap. */
  savedReport: { what: "a saved report", maxBytes: 16 * 1024 * 1024, hint: "publish the report-json file a model-budget check run wrote" },
} as const satisfies Record<string, TextKind>;

/** A folder a file must resolve inside; any of `roots` will do (a checkpoint's folder as named, or as it really is). */
export interface Confinement {
  roots: readonly string[];
  /** "the repository", "the model's folder": for messages. */
  name: string;
}

export interface OpenOptions {
  /** Every confinement must hold for the file's real path. */
  within?: readonly Confinement[];
  /** The folder a relative path is relative to; the working folder by default. */
  base?: string;
}

const sizeText = (bytes: number) => bytes.toLocaleString("en-US");

function describeNonFile(stats: Stats): string {
  if (stats.isDirectory()) return "is a directory, not a regular file";
  if (stats.isFIFO()) return "is a named pipe (FIFO), not a regular file";
  if (stats.isCharacterDevice()) return "is a character device, not a regular file";
  if (stats.isBlockDevice()) return "is a block device, not a regular file";
  if (stats.isSocket()) return "is a socket, not a regular file";
  return "is not a regular file";
}

const ERRNO_DETAILS: Readonly<Record<string, string>> = {
  EACCES: "cannot be read: permission denied",
  EPERM: "cannot be read: permission denied",
  EISDIR: "is a directory, not a regular file",
  ENOTDIR: "does not exist: a part of its path is not a folder",
  ELOOP: "is a loop of symbolic links",
  ENXIO: "is a socket or device, not a regular file",
  ENAMETOOLONG: "has a name too long for the file system",
  EMFILE: "cannot be opened: too many open files",
};

/** File-system failures other than a missing file become user errors; a missing file stays ENOENT, which callers treat as absence. */
function accessError(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined || code === "ENOENT") return error;
  return new FileAccessError("file-unreadable", file, ERRNO_DETAILS[code] ?? `cannot be read (${code})`, "give the path of a regular file you can read");
}

function inside(root: string, real: string): boolean {
  const path = relative(root, real);
  return path === "" || (path !== ".." && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}

function realPath(file: string, path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    throw accessError(file, error);
  }
}

/** The real path of `file`, refusing one that leads outside a confinement; `file` is only named, never echoed past its name. */
function confinedPath(file: string, path: string, within: readonly Confinement[]): string {
  if (within.length === 0) return path;
  const outside = (confinement: Confinement) =>
    new FileAccessError("outside-folder", file, `leads outside ${confinement.name}`, `keep it, and what its symbolic links point to, inside ${confinement.name}`);
  const roots = within.map((confinement) => confinement.roots.flatMap((root) => [resolve(root), realPath(root, root)]));
  // By its name first, so that whether a file outside exists is not told either.
  within.forEach((confinement, index) => {
    if (!roots[index]!.some((root) => inside(root, path))) throw outside(confinement);
  });
  const real = realPath(file, path);
  for (const [index, confinement] of within.entries()) {
    if (!roots[index]!.some((root) => inside(root, real))) {
      throw outside(confinement);
    }
  }
  return real;
}

/** An open regular file: its descriptor and size. The caller closes it. */
export function openRegularFile(file: string, options: OpenOptions = {}): { fd: number; size: number } {
  if (file === "") throw new FileAccessError("not-a-regular-file", "''", "is an empty path, not a file", "give the path of a regular file");
  const path = confinedPath(file, resolve(options.base ?? ".", file), options.within ?? []);
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO with no writer returns at once instead of waiting for one.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw accessError(file, error);
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw new FileAccessError("not-a-regular-file", file, describeNonFile(stats), "give the path of a regular file");
  }
  return { fd, size: stats.size };
}

/** Reads exactly `length` bytes at `offset`, or fewer where the file ends first. */
export function readAt(fd: number, buffer: Uint8Array, offset: number, length: number): number {
  let done = 0;
  while (done < length) {
    const got = readSync(fd, buffer, done, length - done, offset + done);
    if (got === 0) break;
    done += got;
  }
  return done;
}

/** A whole file as UTF-8 text, refused by its size before reading when it exceeds what `kind` may have. */
export function readTextFile(file: string, kind: TextKind, options: OpenOptions = {}): string {
  const { fd, size } = openRegularFile(file, options);
  try {
    const tooLarge = (bytes: string) => new FileAccessError("file-too-large", file, `is ${bytes} bytes, more than the ${sizeText(kind.maxBytes)} ${kind.what} may have`, kind.hint);
    if (size > kind.maxBytes) throw tooLarge(sizeText(size));
    // Read to the end rather than to the size fstat gave: a file may grow meanwhile, and files such as
    // /proc's report a size of 0. One byte past the limit is enough to refuse it.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(Math.max(size - total + 1, 64 * 1024), kind.maxBytes + 1 - total));
      const got = readAt(fd, chunk, total, chunk.length);
      chunks.push(chunk.subarray(0, got));
      total += got;
      if (total > kind.maxBytes) throw tooLarge("over");
      if (got < chunk.length) break;
    }
    return Buffer.concat(chunks, total).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/** The repository that holds `path`: the nearest folder above it with a .git entry, else the file's own folder. */
export function repositoryOf(path: string): Confinement {
  const start = dirname(resolve(path));
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, ".git"))) return { roots: [folder], name: "the repository" };
    if (dirname(folder) === folder) return { roots: [start], name: "the spec's folder" };
  }
}

/**
 * The confinement of files a checkpoint names (shards, external data): its folder as named, or the
 * folder it really is in, so that Hugging Face's cache, whose snapshot files link into blobs/, still reads.
 */
export function modelFolderOf(file: string, options: OpenOptions = {}): Confinement {
  const path = resolve(options.base ?? ".", file);
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    // Missing: opening it reports that.
  }
  return { roots: [...new Set([dirname(path), dirname(real)])], name: "the model's folder" };
}

/**
 * Writes `text` to `file`, creating its folder; refuses to write into anything but a regular file
 * (a directory, a FIFO that would wait for a reader, a device) with a FileAccessError. A relative
 * `file` is relative to `base`; messages name it as given.
 */
export function writeTextFile(file: string, text: string, base = "."): void {
  const path = resolve(base, file);
  let fd: number;
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | (constants.O_NONBLOCK ?? 0), 0o666);
  } catch (error) {
    throw writeError(file, error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new FileAccessError("file-not-writable", file, describeNonFile(stats), "give the path of a file to write, in an existing or new folder");
    ftruncateSync(fd, 0);
    writeSync(fd, text);
  } catch (error) {
    throw writeError(file, error);
  } finally {
    closeSync(fd);
  }
}

function writeError(file: string, error: unknown): unknown {
  if (error instanceof FileAccessError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return error;
  const detail =
    code === "ENOENT" || code === "ENOTDIR" || code === "EEXIST"
      ? "cannot be created: a part of its path is not a folder"
      : code === "ENXIO"
        ? "is a named pipe (FIFO) or device, not a regular file"
        : (ERRNO_DETAILS[code]?.replace("be read", "be written") ?? `cannot be written (${code})`);
  return new FileAccessError("file-not-writable", file, detail, "give the path of a file to write, in an existing or new folder");
}
