// GitRepository in this process, against real temporary repositories, so that npm run coverage
// measures it; the action's end-to-end tests use it too, but inside the dist/ subprocess.
import { readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GitRepository } from "../../src/git/repository.js";
import { runCheck } from "../../src/orchestrator/index.js";
import { TempRepository } from "../action/git-fixture.js";

const repositories: TempRepository[] = [];
const fresh = () => {
  const repo = new TempRepository();
  repositories.push(repo);
  return repo;
};
afterEach(() => {
  for (const repo of repositories.splice(0)) repo.cleanup();
});

const failure = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error as Error & { code?: string; detail?: string };
  }
  throw new Error("expected an error");
};

describe("GitRepository", () => {
  it("names commits, their parents, files and the work tree", () => {
    const repo = fresh();
    const first = repo.write({ "models/a.yaml": "model: a\n" }).commit("first");
    const second = repo.write({ "models/b.yaml": "model: b\n", "notes.txt": "x" }).commit("second");
    repo.write({ "untracked.yaml": "model: u\n" });
    const git = new GitRepository(repo.dir);
    expect(git.resolveRef("HEAD")).toBe(second);
    expect(git.resolveRef("main~1")).toBe(first);
    expect(git.parentOf(second)).toBe(first);
    expect(git.parentOf(first)).toBeUndefined();
    expect(git.hasCommit(first)).toBe(true);
    expect(git.hasCommit("0".repeat(40))).toBe(false);
    expect(git.filesAt(first)).toEqual(["models/a.yaml"]);
    expect(git.filesAt(second)).toEqual(["models/a.yaml", "models/b.yaml", "notes.txt"]);
    expect(git.workingFiles().sort()).toEqual(["models/a.yaml", "models/b.yaml", "notes.txt", "untracked.yaml"]);
    expect(() => git.resolveRef("no-such-branch")).toThrow();
  });

  it("reads files as they were at a commit, refusing what is no regular file inside the repository", () => {
    const repo = fresh();
    repo.write({ "models/a.yaml": "model: a\n" });
    symlinkSync("a.yaml", join(repo.dir, "models/link.yaml"));
    symlinkSync("../../outside.yaml", join(repo.dir, "models/out.yaml"));
    const sha = repo.commit("base");
    repo.write({ "models/a.yaml": "model: changed\n" });
    const read = new GitRepository(repo.dir).readerAt(sha);
    expect(read("models/a.yaml")).toBe("model: a\n");
    expect(read("models/link.yaml")).toBe("model: a\n");
    expect(failure(() => read("models/none.yaml")).code).toBe("ENOENT");
    expect(failure(() => read("models")).detail).toBe(`is a directory at ${sha}, not a regular file`);
    expect(failure(() => read("models/out.yaml")).detail).toBe("leads outside the repository");
  });

  it("fetches a commit a shallow clone lacks from its origin", () => {
    const origin = fresh();
    const base = origin.write({ "a.yaml": "model: a\n" }).commit("base");
    origin.write({ "a.yaml": "model: b\n" }).commit("head");
    const clone = origin.shallowClone();
    repositories.push(clone);
    const git = new GitRepository(clone.dir);
    expect(git.hasCommit(base)).toBe(false);
    git.ensureCommit(base);
    expect(git.readerAt(base)("a.yaml")).toBe("model: a\n");
    expect(() => git.ensureCommit("1".repeat(40))).toThrow();
  });

  it("reads the lines a change added or edited at head, by file, from git diff's hunks", () => {
    const repo = fresh();
    const base = repo
      .write({ "models/a.yaml": "one\ntwo\nthree\nfour\nfive\n", "gone.yaml": "x\n", "old name.yaml": "a\nb\nc\nd\ne\nf\n", "tab\tname.yaml": "t\n" })
      .commit("base");
    repo
      .write({ "models/a.yaml": "one\nTWO\nthree\n++ plus\nfive\nsix\n", "new.yaml": "n1\nn2\n", "new name.yaml": "a\nb\nC\nd\ne\nf\n", "tab\tname.yaml": "T\n" })
      .remove("gone.yaml")
      .remove("old name.yaml")
      .commit("head");
    // The work tree is what the check reads at head: an uncommitted edit counts too.
    repo.write({ "new.yaml": "n1\nn2\nn3\n" });
    const changed = new GitRepository(repo.dir).changedLines(base);
    expect(Object.fromEntries([...changed].map(([file, lines]) => [file, [...lines]]))).toEqual({
      "models/a.yaml": [2, 4, 6],
      "new name.yaml": [3],
      "new.yaml": [1, 2, 3],
      "tab\tname.yaml": [1],
    });
  });
});

describe("GitRepository.unchangedSince and a check over many specs", () => {
  it("counts a file unchanged only if it is a regular file tracked at the commit and git diff does not list it", () => {
    const repo = fresh();
    repo.write({ "a.yaml": "a\n", "b.yaml": "b\n", "c.yaml": "c\n", "d.yaml": "d\n", "models/e.yaml": "e\n" });
    symlinkSync("a.yaml", join(repo.dir, "link.yaml"));
    const base = repo.commit("base");
    // Edited and committed, edited in the work tree only, removed, a new file, and one left alone.
    repo.write({ "b.yaml": "B\n" }).commit("head");
    repo.write({ "c.yaml": "C\n", "new.yaml": "n\n" }).remove("d.yaml");
    const unchanged = new GitRepository(repo.dir).unchangedSince(base);
    expect(["a.yaml", "./a.yaml", "models/e.yaml", "b.yaml", "c.yaml", "d.yaml", "new.yaml", "link.yaml", "missing.yaml"].filter(unchanged)).toEqual([
      "a.yaml",
      "./a.yaml",
      "models/e.yaml",
    ]);
  });

  it("analyses a spec at base only when a file it reads changed, and reports the same as analysing both sides", () => {
    const repo = fresh();
    const spec = (width: number) => `include: [shared.yaml]\nlayers:\n  - fc: Linear(d, ${width})\n`;
    repo.write({ "shared.yaml": "vars: {d: 8}\n", "a.yaml": spec(4), "b.yaml": spec(4), "c.yaml": "layers: [Linear(2, 2)]\n" });
    const base = repo.commit("base");
    repo.write({ "b.yaml": spec(6) }).commit("head");
    const git = new GitRepository(repo.dir);
    const readAtBase = git.readerAt(base);
    const readFromBase: string[] = [];
    const head = { specs: ["a.yaml", "b.yaml", "c.yaml"], read: (file: string) => readFileSync(join(repo.dir, file), "utf8") };
    const side = { ref: base, specs: head.specs, read: (file: string) => (readFromBase.push(file), readAtBase(file)) };
    const request = { head, budgetFile: ".github/model-budget.yml", budgetFrom: "head" as const, failOn: "exceed" as const };
    const reused = runCheck({ ...request, base: { ...side, unchanged: git.unchangedSince(base) } });
    // The budget file (absent on both sides), then b.yaml and what it includes: a.yaml and c.yaml read the same at base.
    expect(readFromBase).toEqual([".github/model-budget.yml", "b.yaml", "shared.yaml"]);
    expect(reused.models.map((model) => [model.file, model.diff?.changes.length ?? 0])).toEqual([
      ["a.yaml", 0],
      ["b.yaml", 1],
      ["c.yaml", 0],
    ]);
    expect(reused).toEqual(runCheck({ ...request, base: side }));
  });
});
