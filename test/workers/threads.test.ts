import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fakeGitHubSuite } from "../action/fake-github-suite.js";
import { TempRepository } from "../action/git-fixture.js";
import { annotationLines, pullRequestPayload, runAction } from "../action/run-action.js";
import { repositoryRoot, runDist } from "../helpers/run-dist.js";

const example = (name: string) => readFileSync(join(repositoryRoot, "examples", name), "utf8");

const SHARED = "vars:\n  width: 64\nblocks:\n  mlp:\n    layers:\n      - fc: Linear(width, 4 * width)\n      - proj: Linear(4 * width, width)\n";
const USES_SHARED = (blocks: number) => `model: shared-user\ninclude: shared.yaml\nlayers:\n  - blocks: {use: mlp, repeat: ${blocks}}\n`;

const { github, repositories } = fakeGitHubSuite();
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A pull request over specs of every kind the threads must hand back as the check's own thread would:
 * reports, a spec that reads an include (through the edge's reader, with the including spec named), one
 * changed since base (analysed at base through git), one added, an invalid one, one whose
 * include is missing and one whose include leads outside the repository (a FileAccessError, re-positioned
 * at the include).
 */
function pullRequest(): TempRepository {
  const repo = new TempRepository();
  repositories.push(repo);
  repo
    .write({
      "models/resnet18.yaml": example("resnet18.yaml"),
      "models/gpt2.yaml": example("gpt2.yaml"),
      "models/vgg16.yaml": example("vgg16.yaml"),
      "models/unet.yaml": example("unet.yaml"),
      "models/shared.yaml": SHARED,
      "models/user.yaml": USES_SHARED(2),
      ".github/model-budget.yml": "models:\n  shared-user:\n    params: 200K\n",
    })
    .commit("base");
  repo.write({
    "models/user.yaml": USES_SHARED(3),
    "models/added.yaml": example("mamba-130m.yaml"),
    "models/invalid.yaml": "model: broken\nlayers:\n  - fc: Linear(4, )\n",
    "models/missing-include.yaml": "model: lost\ninclude: nowhere.yaml\nlayers:\n  - fc: Linear(4, 4)\n",
    "models/outside.yaml": "model: escapes\ninclude: ../../outside.yaml\nlayers:\n  - fc: Linear(4, 4)\n",
  });
  return repo;
}

/** The check as a pull request runs it, with `threads` worker threads (1: none) and its own temp folder for the launcher's caches. */
function check(repo: TempRepository, threads: string) {
  const temp = mkdtempSync(join(tmpdir(), "model-budget-threads-"));
  temps.push(temp);
  const env = { ...process.env, NO_COLOR: "1", TMPDIR: temp, NODE_COMPILE_CACHE: "", MODEL_BUDGET_THREADS: threads };
  const run = runDist(["check", "models/*.yaml", "--base", "HEAD", "--format", "json"], { cwd: repo.dir, env, timeoutMs: 60_000 });
  const caches = join(temp, `model-budget-compile-cache${typeof process.getuid === "function" ? `-${process.getuid()}` : ""}`);
  return { ...run, caches: existsSync(caches) ? readdirSync(caches) : [] };
}

describe("a check's specs analysed by worker threads (MODEL_BUDGET_THREADS)", () => {
  it("gives the same result, byte for byte, as analysing them in one thread", () => {
    const repo = pullRequest();
    const alone = check(repo, "1");
    const threaded = check(repo, "3");
    expect(alone.stderr).toBe("");
    expect(alone.status).toBe(2);
    // The threads ran: each wrote the launcher's code cache for their command, `worker`.
    expect(alone.caches.some((file) => file.endsWith("-worker.v8"))).toBe(false);
    expect(threaded.caches.some((file) => file.endsWith("-worker.v8"))).toBe(true);
    expect(threaded.status).toBe(alone.status);
    expect(threaded.stderr).toBe(alone.stderr);
    expect(threaded.stdout).toBe(alone.stdout);

    const models = (
      JSON.parse(threaded.stdout) as {
        models: { file: string; head: { kind: string; diagnostics?: { code: string; message: string; line: number }[] }; base?: { kind: string } }[];
      }
    ).models;
    const byFile = new Map(models.map((model) => [model.file, model]));
    expect([...byFile.keys()].sort()).toEqual(
      ["added", "gpt2", "invalid", "missing-include", "outside", "resnet18", "shared", "unet", "user", "vgg16"].map((name) => `models/${name}.yaml`),
    );
    expect(byFile.get("models/user.yaml")).toMatchObject({
      head: { kind: "report" },
      base: { kind: "report" },
      diff: {
        changes: [
          { kind: "changed", delta: 16_640 },
          { kind: "changed", delta: 16_448 },
        ],
      },
    });
    expect(byFile.get("models/added.yaml")).toMatchObject({ head: { kind: "report" }, base: { kind: "absent" } });
    expect(byFile.get("models/invalid.yaml")!.head.kind).toBe("invalid");
    expect(byFile.get("models/missing-include.yaml")!.head.diagnostics![0]).toMatchObject({ line: 2 });
    expect(byFile.get("models/outside.yaml")!.head.diagnostics![0]!.message).toContain("outside");
    expect(byFile.get("models/outside.yaml")!.head.diagnostics![0]).toMatchObject({ line: 2 });
  });

  it("refuses a setting that is not a whole number from 1 to 64, before analysing anything", () => {
    const repo = pullRequest();
    for (const setting of ["two", "0", "65", "1.5"]) {
      const run = check(repo, setting);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(`model-budget: MODEL_BUDGET_THREADS is '${setting}': set it to a whole number from 1 to 64 (1 analyses every spec in one thread), or unset it\n`);
    }
  });
});

describe("the action's worker threads", () => {
  it("post the same comment, outputs and annotations (at the changed lines, from each layer's origins) as one thread", async () => {
    const repo = pullRequest();
    const base = repo.write({ "models/removed.yaml": example("alexnet.yaml") }).commit("base with one more");
    repo.write({ "models/removed.yaml": null, "models/user.yaml": USES_SHARED(4), "models/shared.yaml": SHARED.replace("width: 64", "width: 80") }).commit("head");
    const run = async (threads: string) => {
      const action = await runAction({
        workspace: repo.dir,
        apiUrl: github.url,
        inputs: { specs: "models/*.yaml", "github-token": "test-token" },
        event: "pull_request",
        payload: pullRequestPayload(base),
        env: { MODEL_BUDGET_THREADS: threads },
      });
      const body = github.comments.at(-1)!.body;
      return { ...action, body, annotations: annotationLines(action.stdout) };
    };
    const alone = await run("1");
    const threaded = await run("3");
    expect(alone.exitCode).toBe(1);
    expect(threaded.exitCode).toBe(alone.exitCode);
    expect(threaded.body).toBe(alone.body);
    expect(threaded.annotations).toEqual(alone.annotations);
    // Every output but the paths of the saved report and page, which name each run's own temp folder.
    const outputs = (run: { outputs: Record<string, string> }) => Object.entries(run.outputs).filter(([name]) => !["report-json", "html-report"].includes(name));
    expect(outputs(threaded)).toEqual(outputs(alone));
    expect(alone.outputs.status).toBe("fail");
    // The growth is annotated at the lines that caused it: the repeat in user.yaml and the shared var.
    expect(alone.annotations).toContain(
      "::warning title=model-budget%3A layers grew,file=models/shared.yaml,line=2::2 layer entries grew by 107,136 parameters in all: blocks.[0-3].fc, blocks.[0-3].proj",
    );
    expect(alone.body).toContain("removed");
  });
});
