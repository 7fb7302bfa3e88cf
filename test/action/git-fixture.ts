import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const IDENTITY = ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"];

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", [...IDENTITY, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** A real git repository in a temporary directory. */
export class TempRepository {
  readonly dir: string;

  constructor(dir?: string) {
    this.dir = dir ?? mkdtempSync(join(tmpdir(), "model-budget-repo-"));
    if (!dir) git(this.dir, "init", "-q");
  }

  write(files: Record<string, string>): this {
    for (const [file, text] of Object.entries(files)) {
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
    git(this.dir, "add", "-A");
    git(this.dir, "commit", "-q", "--allow-empty", "-m", message);
    return git(this.dir, "rev-parse", "HEAD");
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
