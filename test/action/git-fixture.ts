import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const IDENTITY = ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"];

export function git(cwd: string, ...args: string[]): string {
  return gitWith({}, cwd, ...args);
}

/** git with extra environment variables: GIT_AUTHOR_DATE and the like for commits whose hashes never change. */
function gitWith(env: Record<string, string>, cwd: string, ...args: string[]): string {
  return execFileSync("git", [...IDENTITY, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } }).trim();
}

/** A real git repository in a temporary directory. */
export class TempRepository {
  readonly dir: string;

  /** `env` goes to every git command: a fixed identity and dates give the same commit hashes on every run. */
  constructor(
    dir?: string,
    private readonly env: Record<string, string> = {},
  ) {
    this.dir = dir ?? mkdtempSync(join(tmpdir(), "model-budget-repo-"));
    if (!dir) this.git("init", "-q");
  }

  private git(...args: string[]): string {
    return gitWith(this.env, this.dir, ...args);
  }

  /** Writes each file; null removes it. */
  write(files: Record<string, string | null>): this {
    for (const [file, text] of Object.entries(files)) {
      if (text === null) {
        this.remove(file);
        continue;
      }
      mkdirSync(dirname(join(this.dir, file)), { recursive: true });
      writeFileSync(join(this.dir, file), text);
    }
    return this;
  }

  remove(file: string): this {
    rmSync(join(this.dir, file));
    return this;
  }

  commit(message: string): string {
    this.git("add", "-A");
    this.git("commit", "-q", "--allow-empty", "-m", message);
    return this.git("rev-parse", "HEAD");
  }

  /** A shallow clone (depth 1), as actions/checkout makes, with this repository as its origin. */
  shallowClone(): TempRepository {
    const target = mkdtempSync(join(tmpdir(), "model-budget-clone-"));
    git(target, "clone", "-q", "--depth=1", `file://${this.dir}`, ".");
    return new TempRepository(target);
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
