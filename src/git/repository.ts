import { createRequire } from "node:module";
import { posix } from "node:path";
import { FileAccessError } from "../diagnostics/index.js";
import { YAML_MAX_BYTES } from "../parse/yaml.js";
import type { ReadFile } from "../resolve/index.js";

/** Symbolic links followed in a row before a path counts as a loop, as the kernel's own limit does. */
const MAX_LINKS = 40;

/**
 * node:child_process, loaded by the first git call: it brings Node's socket and stream modules, about
 * 2 ms of CPU that every CLI run not touching git would otherwise pay at start-up.
 */
let childProcess: typeof import("node:child_process") | undefined;

/** Git at the edges: the action and `model-budget check --base` read the base side straight from the object store. */
export class GitRepository {
  constructor(private readonly cwd: string) {}

  private git(args: string[], input?: string): string {
    childProcess ??= createRequire(import.meta.url)("node:child_process") as typeof import("node:child_process");
    return childProcess.execFileSync("git", args, {
      cwd: this.cwd,
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
      ...(input === undefined ? {} : { input }),
    });
  }

  hasCommit(sha: string): boolean {
    try {
      this.git(["cat-file", "-e", `${sha}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  }

  /** Shallow checkouts (actions/checkout's default depth 1) lack the base commit: fetch just that one. */
  ensureCommit(sha: string): void {
    if (this.hasCommit(sha)) return;
    this.git(["fetch", "--no-tags", "--no-recurse-submodules", "--depth=1", "origin", sha]);
    if (!this.hasCommit(sha)) throw new Error(`commit ${sha} is not available even after fetching it from origin`);
  }

  /** Files tracked at a commit. */
  filesAt(sha: string): string[] {
    return this.git(["ls-tree", "-r", "--name-only", "-z", sha]).split("\0").filter(Boolean);
  }

  /** Files in the work tree that git does not ignore, tracked or not. */
  workingFiles(): string[] {
    return this.git(["ls-files", "--cached", "--others", "--exclude-standard", "-z"]).split("\0").filter(Boolean);
  }

  /**
   * Reads files as they are at a commit; a missing one throws ENOENT like the file system. Only a
   * regular file no larger than a spec may be is read: a folder or a submodule at that path is
   * refused, and a symbolic link is followed only while it stays inside the repository, as the
   * working tree's reader does.
   */
  readerAt(sha: string): ReadFile {
    const read = (file: string, path: string, links: number): string => {
      if (posix.isAbsolute(path) || path === ".." || path.startsWith("../")) {
        throw new FileAccessError("outside-folder", file, "leads outside the repository", "keep it, and what its symbolic links point to, inside the repository");
      }
      let listing: string;
      try {
        listing = this.git(["--literal-pathspecs", "ls-tree", "--full-tree", "-l", "-z", sha, "--", path]);
      } catch {
        // git refuses a path outside the repository.
        listing = "";
      }
      // "<mode> <type> <object> <size>\t<path>\0" per entry; nothing for a path that is not there.
      const entry = listing.split("\0").find((line) => line.endsWith(`\t${path}`));
      if (entry === undefined) throw Object.assign(new Error(`ENOENT: ${file} does not exist at ${sha}`), { code: "ENOENT" });
      const [mode, type, , size] = entry.split("\t")[0]!.split(/\s+/);
      if (type !== "blob")
        throw new FileAccessError("not-a-regular-file", file, `is a ${type === "tree" ? "directory" : type} at ${sha}, not a regular file`, "give the path of a regular file");
      if (mode === "120000") {
        const target = this.git(["show", `${sha}:${path}`]);
        if (links >= MAX_LINKS) throw new FileAccessError("not-a-regular-file", file, "is a loop of symbolic links", "give the path of a regular file");
        return read(file, posix.isAbsolute(target) ? target : posix.join(posix.dirname(path), target), links + 1);
      }
      if (Number(size) > YAML_MAX_BYTES) {
        throw new FileAccessError(
          "file-too-large",
          file,
          `is ${Number(size).toLocaleString("en-US")} bytes at ${sha}, more than the ${YAML_MAX_BYTES.toLocaleString("en-US")} a spec or budget file may have`,
          "split the spec with include:",
        );
      }
      return this.git(["show", `${sha}:${path}`]);
    };
    return (file) => read(file, posix.normalize(file), 0);
  }

  /**
   * Which files read the same at `sha` as in the work tree: regular files tracked at `sha` that
   * `git diff sha` does not list (so also tracked now, and not edited). A symbolic link never counts,
   * for what it points to may have changed. Repository-relative paths, as `readerAt` takes them.
   */
  unchangedSince(sha: string): (file: string) => boolean {
    const regular = new Set(
      this.git(["ls-tree", "-r", "--full-tree", "-z", sha])
        .split("\0")
        .filter((entry) => /^100(644|755) blob /.test(entry))
        .map((entry) => entry.slice(entry.indexOf("\t") + 1)),
    );
    const changed = new Set(this.git(["-c", "core.quotePath=false", "diff", "--name-only", "--no-renames", "-z", sha, "--"]).split("\0").filter(Boolean));
    return (file) => {
      const path = posix.normalize(file);
      return regular.has(path) && !changed.has(path);
    };
  }

  /**
   * The lines of each file that differ from `sha` in the work tree (what the check reads at head):
   * the `+` side of `git diff`'s hunks, by repository-relative path. Deleted lines have no place to
   * point at and are left out; a renamed file counts only its edited lines.
   */
  changedLines(sha: string): Map<string, Set<number>> {
    const diff = this.git(["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--find-renames", "--unified=0", sha, "--"]);
    const changed = new Map<string, Set<number>>();
    let lines: Set<number> | undefined;
    // An added line "++ x" reads "+++ x": the target's name is read only in a file's header, before its first hunk.
    let header = false;
    for (const line of diff.split("\n")) {
      if (line.startsWith("diff --git ")) header = true;
      else if (line.startsWith("@@")) header = false;
      if (header && line.startsWith("+++ ")) {
        // git ends a name holding a space with a tab, so that patch can tell where it ends.
        const target = line.slice(4).replace(/\t$/, "");
        lines = target === "/dev/null" ? undefined : new Set();
        if (lines) changed.set(unquotedPath(target).replace(/^b\//, ""), lines);
        continue;
      }
      const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (hunk && lines) {
        const [start, length] = [Number(hunk[1]), hunk[2] === undefined ? 1 : Number(hunk[2])];
        for (let number = start; number < start + length; number++) lines.add(number);
      }
    }
    return changed;
  }

  /** The commit a branch, tag or SHA names. */
  resolveRef(ref: string): string {
    return this.git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).trim();
  }

  /** The commit before `sha`, for push events; undefined for a root commit. */
  parentOf(sha: string): string | undefined {
    try {
      return this.git(["rev-parse", "--verify", "--quiet", `${sha}^`]).trim() || undefined;
    } catch {
      return undefined;
    }
  }
}

/** A path as git's diff writes it: as is, or in C-style quotes when it holds a quote, a backslash or a control character. */
function unquotedPath(text: string): string {
  if (!text.startsWith('"')) return text;
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, t: 9, '"': 34, "\\": 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
  const chars = [...text.slice(1, -1)];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char !== "\\") {
      bytes.push(...Buffer.from(char));
      continue;
    }
    const octal = /^[0-7]{3}/.exec(chars.slice(i + 1, i + 4).join(""))?.[0];
    if (octal) {
      bytes.push(parseInt(octal, 8));
      i += 3;
    } else bytes.push(escapes[chars[++i]!] ?? 0);
  }
  return Buffer.from(bytes).toString("utf8");
}
