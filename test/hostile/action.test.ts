import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeGitHubSuite } from "../action/fake-github-suite.js";
import { TempRepository } from "../action/git-fixture.js";
import { pullRequestPayload, runAction } from "../action/run-action.js";
import { runDist, showsStackTrace } from "../helpers/run-dist.js";

/**
 * Hostile input to the action, run as the bundled dist/index.js: saved reports tampered with by a
 * fork's workflow, names written to break the comment, budget files written to stall the check.
 */

const { github, repositories } = fakeGitHubSuite();
const HEAP_MIB = 300;

function repository(files: Record<string, string>): { repo: TempRepository; base: string } {
  const repo = new TempRepository();
  repositories.push(repo);
  return { repo, base: repo.write(files).commit("base") };
}

const token = { "github-token": "test-token" };

/** A pull_request run whose comment the fake API refuses: what a fork's check saves. */
async function check(repo: TempRepository, base: string, head: string, extra: Record<string, string> = {}) {
  github.refuseWrites = 403;
  const run = await runAction({
    workspace: repo.dir,
    apiUrl: github.url,
    inputs: { specs: "models/*.yaml", ...token, ...extra },
    event: "pull_request",
    payload: pullRequestPayload(base, head),
    heapMiB: HEAP_MIB,
  });
  delete github.refuseWrites;
  github.requests = [];
  return run;
}

/** Publishes a saved report from a workflow_run job whose head is `head`. */
async function publish(repo: TempRepository, report: unknown, head: string) {
  writeFileSync(join(repo.dir, "saved.json"), typeof report === "string" ? report : JSON.stringify(report));
  return runAction({
    workspace: repo.dir,
    apiUrl: github.url,
    inputs: { mode: "publish", report: "saved.json", ...token },
    event: "workflow_run",
    payload: { workflow_run: { head_sha: head, html_url: "https://github.com/acme/models/actions/runs/99" } },
    heapMiB: HEAP_MIB,
  });
}

const tiny = (hidden: number) => `model: tiny\ninput: [8]\nlayers:\n  - fc: Linear(8, ${hidden})\n  - out: Linear(${hidden}, 2)\n`;

type Saved = {
  pullRequest?: number;
  result: { models: { head: { report: Record<string, unknown> & { totals: Record<string, unknown>; shapes: Record<string, unknown>; layers: Record<string, unknown>[] } } }[] };
};

describe("a tampered saved report (mode: publish)", () => {
  let saved: Saved;
  let repo: TempRepository;
  let head: string;

  beforeAll(async () => {
    const made = repository({ "models/tiny.yaml": tiny(4) });
    repo = made.repo;
    head = repo.write({ "models/tiny.yaml": tiny(6) }).commit("wider");
    const run = await check(repo, made.base, head);
    saved = JSON.parse(readFileSync(run.outputs["report-json"]!, "utf8")) as Saved;
    // The repository must outlive the per-test cleanup.
    repositories.splice(repositories.indexOf(repo), 1);
  });
  afterAll(() => repo.cleanup());

  const tampered = (change: (copy: Saved) => void): Saved => {
    const copy = structuredClone(saved);
    change(copy);
    return copy;
  };

  const refused = async (report: unknown, message: string) => {
    github.pullHeads.set(7, head);
    const run = await publish(repo, report, head);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`::error::model-budget: saved.json${message}`);
    expect(showsStackTrace(run.stdout + run.stderr)).toBe(false);
    expect(github.writes).toHaveLength(0);
    return run;
  };

  it("refuses MACs written as a string", async () => {
    await refused(
      tampered((copy) => (copy.result.models[0]!.head.report.shapes.macs = "<b>lots</b>")),
      " is not a model-budget report: /result/models/0/head/report/shapes/macs must be integer",
    );
  });

  it("refuses a count beyond 2^53, and a negative one", async () => {
    await refused(
      tampered((copy) => (copy.result.models[0]!.head.report.totals.params = 1e308)),
      " is not a model-budget report: /result/models/0/head/report/totals/params must be <= 9007199254740991",
    );
    await refused(
      tampered((copy) => (copy.result.models[0]!.head.report.totals.params = -5)),
      " is not a model-budget report: /result/models/0/head/report/totals/params must be >= 0",
    );
    await refused(
      tampered((copy) => (copy.result.models[0]!.head.report.layers[0]!.params = 2.5)),
      " is not a model-budget report: /result/models/0/head/report/layers/0/params must be integer",
    );
  });

  it("refuses an oversized field", async () => {
    await refused(
      tampered((copy) => (copy.result.models[0]!.head.report.model = "x".repeat(10_001))),
      " is not a model-budget report: /result/models/0/head/report/model must NOT have more than 10000 characters",
    );
  });

  it("refuses 300,000 models by size before parsing, fast and in bounded memory", async () => {
    const models = Array.from({ length: 300_000 }, (_, i) => ({ file: `m${i}`, head: { kind: "absent" }, status: "pass" }));
    const report = JSON.stringify(tampered((copy) => ((copy.result as { models: unknown[] }).models = models)));
    const bytes = Buffer.byteLength(report).toLocaleString("en-US");
    const run = await refused(report, `:1:1: is ${bytes} bytes, more than the 16,777,216 a saved report may have%0A  publish the report-json file a model-budget check run wrote`);
    expect(run.ms).toBeLessThan(3000);
  });

  it("refuses 2,000 models under the size limit by count, before validating each", async () => {
    const models = Array.from({ length: 2000 }, () => ({ file: "m", head: { kind: "absent" }, status: "pass" }));
    const run = await refused(
      tampered((copy) => ((copy.result as { models: unknown[] }).models = models)),
      " is not a model-budget report: /result/models must NOT have more than 1000 items",
    );
    expect(run.ms).toBeLessThan(3000);
  });

  it("does not comment on another PR than the one whose head ran", async () => {
    github.pullHeads.set(7, head);
    github.pullHeads.set(8, "e".repeat(40));
    const run = await publish(
      repo,
      tampered((copy) => (copy.pullRequest = 8)),
      head,
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      `::warning::model-budget: the saved report names PR #8, whose head ${"e".repeat(40)} is not the commit ${head} of the run that saved it; not commenting.`,
    );
    expect(github.writes).toHaveLength(0);
  });

  it("does not comment when the PR's head is another commit than the one that ran", async () => {
    github.pullHeads.set(7, "d".repeat(40));
    const run = await publish(repo, saved, head);
    expect(run.stdout).toContain(`names PR #7, whose head ${"d".repeat(40)} is not the commit ${head}`);
    expect(github.writes).toHaveLength(0);
  });

  it("renders markdown, HTML, links and mentions in every text field inert", async () => {
    const evil = "<img src=x onerror=alert(1)> [click](https://evil.example) www.evil.example @acme/admins | `code` **bold** \u202Eevil\u001b[31m";
    const report = tampered((copy) => {
      const model = copy.result.models[0]! as unknown as Record<string, unknown> & { head: { report: Saved["result"]["models"][0]["head"]["report"] } };
      model.file = evil;
      model.head.report.model = evil;
      for (const layer of model.head.report.layers) Object.assign(layer, { path: evil, type: evil, formula: evil });
      const diff = (model as unknown as { diff: { changes: { before?: Record<string, unknown>; after?: Record<string, unknown> }[] } }).diff;
      for (const change of diff.changes) for (const side of [change.before, change.after]) if (side) Object.assign(side, { path: evil, type: evil, formula: evil });
      Object.assign((copy.result as unknown as { budget: Record<string, unknown> }).budget, { file: evil, unmatched: [{ key: evil, line: 3 }] });
    });
    github.pullHeads.set(7, head);
    const run = await publish(repo, report, head);
    expect(run.exitCode).toBe(0);
    const body = github.comments[0]!.body;
    const inert =
      "&lt;img src=x onerror=alert&#40;1&#41;&gt; &#91;click&#93;&#40;https&#58;//evil.example&#41; www&#46;evil.example &#64;acme/admins &#124; &#96;code&#96; &#42;&#42;bold&#42;&#42; &#92;u202eevil&#92;u001b&#91;31m";
    expect(body).toContain(`| ${inert} | 68 (+22, +47.8%) |`);
    // The job summary's chart names the model in mermaid's own syntax: nothing that could end its string or the fence.
    expect(run.summary).toMatch(/\n {2}title "[\p{L}\p{N} _.\-[\]()…]*: Parameters by top-level module/u);
    expect(run.summary).not.toMatch(/<img|\u202E/);
    expect(body).toContain(`Budget entries that match no spec: ${inert} (line 3).`);
    // The only link is our own, to the workflow run.
    expect(body).not.toMatch(/<img|\]\((?!https:\/\/github\.com\/acme\/models\/actions\/runs\/99(#artifacts)?\))|@acme|www\.evil|\u202E/);
    expect(body.includes("\u001b")).toBe(false);
  });
});

describe("names written to break the comment", () => {
  it("keeps a 70,000-character model name's row, elided, and the report whole", async () => {
    const { repo, base } = repository({ "models/tiny.yaml": tiny(4) });
    const name = `${"n".repeat(70_000)}`;
    const head = repo.write({ "models/tiny.yaml": tiny(6).replace("model: tiny", `model: ${name}`) }).commit("long name");
    const run = await check(repo, base, head);
    const body = run.outputs["comment-body"]!;
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain(`| ✅ | ${"n".repeat(499)}… | 68 (+22, +47.8%) |`);
    expect(body).not.toContain("was cut here");
    expect(
      body.endsWith(
        " · counted by model-budget exactly as PyTorch's `parameters()` · [workflow run](https://github.com/acme/models/actions/runs/4242) · [treemap of this change](https://github.com/acme/models/actions/runs/4242#artifacts) (its artifacts, when the workflow uploads html-report)</sub>",
      ),
    ).toBe(true);
  });
});

describe("budget files written to escape or stall the check", () => {
  it("keeps the base limit when the PR renames model:, with budget-from: base, and says so", async () => {
    const { repo, base } = repository({ "models/tiny.yaml": tiny(4), ".github/model-budget.yml": "models:\n  tiny:\n    params: 50\n" });
    const head = repo.write({ "models/tiny.yaml": tiny(6).replace("model: tiny", "model: tiny-renamed") }).commit("rename and grow");
    delete github.refuseWrites;
    const run = await runAction({
      workspace: repo.dir,
      apiUrl: github.url,
      inputs: { specs: "models/*.yaml", ...token, "budget-from": "base" },
      event: "pull_request",
      payload: pullRequestPayload(base, head),
      heapMiB: HEAP_MIB,
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe("fail");
    const body = github.comments[0]!.body;
    expect(body).toContain("| params | 68 | +22 (+47.8%) | ❌ 50 (+36.0% over) |  |");
    expect(body).toContain("This change renames the model from tiny to tiny-renamed: its budget entry tiny still applies, matched by the spec's path.");
    expect(body).not.toContain("match no spec");
  });

  it("names the spec a mistyped budget key probably meant, in the comment and as an annotation", async () => {
    const { repo, base } = repository({ "models/tiny.yaml": tiny(4), ".github/model-budget.yml": "models:\n  tnyi:\n    params: 50\n" });
    const head = repo.write({ "models/tiny.yaml": tiny(6) }).commit("grow");
    const run = await runAction({
      workspace: repo.dir,
      apiUrl: github.url,
      inputs: { specs: "models/*.yaml", ...token },
      event: "pull_request",
      payload: pullRequestPayload(base, head),
      heapMiB: HEAP_MIB,
    });
    expect(run.outputs.status).toBe("warn");
    expect(github.comments[0]!.body).toContain("Budget entries that match no spec: tnyi (line 2; did you mean tiny?). Key each entry by a spec's `model:` name or its path.");
    expect(run.stdout).toContain(
      "::warning title=model-budget%3A budget entry matches no spec [MB702],file=.github/model-budget.yml,line=2,col=3::budget entry 'tnyi' matches no spec, so none of its limits is checked%0Adid you mean 'tiny'? Key each entry by a spec's model: name or its path.",
    );
  });

  it("keeps control characters of a budget key out of the log's annotations", async () => {
    const { repo, base } = repository({ "models/tiny.yaml": tiny(4), ".github/model-budget.yml": 'models:\n  "ti\\e[2Jny\\u202E":\n    params: 50\n' });
    const run = await runAction({
      workspace: repo.dir,
      apiUrl: github.url,
      inputs: { specs: "models/*.yaml", comment: "never" },
      event: "pull_request",
      payload: pullRequestPayload(base),
      heapMiB: HEAP_MIB,
    });
    expect(run.stdout).toContain("::budget entry 'ti\\u001b[2Jny\\u202e' matches no spec, so none of its limits is checked");
    expect([...run.stdout].filter((ch) => ch === "\u001b" || ch === "\u202E")).toEqual([]);
  });

  it("matches a backtracking-bomb module glob in linear time", async () => {
    const name = "a".repeat(60);
    const spec = `model: bomb\nlayers:\n  - ${name}: Linear(2, 2)\n`;
    const { repo, base } = repository({
      "models/bomb.yaml": spec,
      ".github/model-budget.yml": `models:\n  bomb:\n    modules:\n      "*a*a*a*a*a*a*a*a*a*a*b":\n        params: 1\n      "*a*a*a*a*a*a*a*a*a*a":\n        params: 5\n`,
    });
    const run = await runAction({
      workspace: repo.dir,
      apiUrl: github.url,
      inputs: { specs: "models/*.yaml", ...token, comment: "never" },
      event: "pull_request",
      payload: pullRequestPayload(base),
      heapMiB: HEAP_MIB,
    });
    expect(run.ms).toBeLessThan(5000);
    expect(run.outputs["comment-body"]).toContain("| &#42;a&#42;a&#42;a&#42;a&#42;a&#42;a&#42;a&#42;a&#42;a&#42;a&#42;b params | 0 |  | ✅ 1 (0.0% used) |  |");
    expect(run.outputs["comment-body"]).toContain("| &#42;a&#42;a&#42;a&#42;a&#42;a&#42;a&#42;a&#42;a&#42;a&#42;a params | 6 |  | ❌ 5 (+20.0% over) |  |");
  });
});

describe("action inputs", () => {
  it("refuses a GPU count beyond 2^53", async () => {
    const { repo, base } = repository({ "models/tiny.yaml": tiny(4) });
    const run = await runAction({
      workspace: repo.dir,
      apiUrl: github.url,
      inputs: { specs: "models/*.yaml", gpus: "99999999999999999999" },
      event: "pull_request",
      payload: pullRequestPayload(base),
      heapMiB: HEAP_MIB,
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      "::error::model-budget: input 'gpus': the GPU count 99999999999999999999 is beyond 2^53 and cannot be used exactly [MB303]%0A  give the real count, e.g. 8",
    );
  });
});

describe("the CLI", () => {
  const cli = (args: string[], cwd: string) => runDist(args, { cwd, timeoutMs: 10_000 });

  it("shows ESC, NUL and bidi characters in names as escapes, never raw", () => {
    const { repo } = repository({ "m.yaml": 'model: "evil\\e[2J\\0\\u202Ename"\nlayers:\n  - fc: Linear(2, 2)\n' });
    const run = cli(["report", "m.yaml"], repo.dir);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith("evil\\u001b[2J\\u0000\\u202ename (m.yaml)\n")).toBe(true);
    expect([...run.stdout].filter((ch) => (ch < " " && ch !== "\n") || ch === "\u202E")).toEqual([]);
    const json = cli(["report", "m.yaml", "--format", "json"], repo.dir);
    expect((JSON.parse(json.stdout) as { model: string }).model).toBe("evil\u001b[2J\u0000\u202Ename");
  });

  it("expands a quoted glob like the action, and says when it matches nothing", () => {
    const { repo } = repository({ "models/a.yaml": tiny(4).replace("tiny", "a"), "models/sub/b.yaml": tiny(4).replace("tiny", "b"), "models/c.txt": "" });
    const run = cli(["check", "models/**/*.yaml", "--format", "json", "--budget", "none.yml"], repo.dir);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { models: { file: string }[] }).models.map((model) => model.file)).toEqual(["models/a.yaml", "models/sub/b.yaml"]);
    const none = cli(["report", "specs/*.yaml"], repo.dir);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe("model-budget: no spec file matches 'specs/*.yaml'\n");
  });

  it("warns on stderr about a budget key that matches no spec, with did-you-mean", () => {
    const { repo } = repository({ "models/tiny.yaml": tiny(4), "budget.yml": "models:\n  models/tiny.yml:\n    params: 50\n" });
    const run = cli(["check", "models/tiny.yaml", "--budget", "budget.yml"], repo.dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      "model-budget: warning: budget.yml:2:3: budget entry 'models/tiny.yml' matches no spec, so none of its limits is checked [MB702]\n  2 |   models/tiny.yml:\n    |   ^\n  did you mean 'models/tiny.yaml'? Key each entry by a spec's model: name or its path.\n",
    );
  });

  it("refuses budget growth and init flags beyond 2^53 with a positioned error, not a stack trace", () => {
    const { repo } = repository({ "models/tiny.yaml": tiny(4), "budget.yml": "models:\n  tiny:\n    growth: 99999999999B\n" });
    const check = cli(["check", "models/tiny.yaml", "--budget", "budget.yml", "--format", "json"], repo.dir);
    expect(check.status).toBe(2);
    expect((JSON.parse(check.stdout) as { budget: { diagnostics: unknown[] } }).budget.diagnostics).toEqual([
      {
        code: "MB701",
        name: "invalid-limit",
        severity: "error",
        file: "budget.yml",
        line: 3,
        col: 13,
        message: "growth 99999999999B is beyond 2^53 and cannot be compared exactly",
        hint: "write the limit you mean with a unit, e.g. 7B or 80GiB",
      },
    ]);
    const growth = cli(["init", "models/tiny.yaml", "--growth", "99999999999999999999", "-o", "b.yml"], repo.dir);
    expect(growth.stderr).toBe("model-budget: --growth 99999999999999999999 is beyond 2^53 and cannot be compared exactly\n");
    const headroom = cli(["init", "models/tiny.yaml", "--headroom", "99999999999999999999%", "-o", "b.yml"], repo.dir);
    expect(headroom.stderr).toBe("model-budget: --headroom must be at most 1000%, not '99999999999999999999%'\n");
    expect([growth.status, headroom.status]).toEqual([2, 2]);
    expect(showsStackTrace(check.stderr + growth.stderr + headroom.stderr)).toBe(false);
  });

  it("says which flag was meant, and refuses numbers beyond 2^53", () => {
    const { repo } = repository({ "models/tiny.yaml": tiny(4) });
    const typo = cli(["check", "models/tiny.yaml", "--fromat", "json"], repo.dir);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toBe("model-budget: unknown option '--fromat' for check: did you mean --format?\n  run model-budget check --help for its options\n");
    const gpus = cli(["report", "models/tiny.yaml", "--optimizer", "Adam", "--gpus", "99999999999999999999"], repo.dir);
    expect(gpus.status).toBe(2);
    expect(gpus.stderr).toBe("model-budget: --gpus: the GPU count 99999999999999999999 is beyond 2^53 and cannot be used exactly [MB303]\n  give the real count, e.g. 8\n");
    expect(showsStackTrace(typo.stderr + gpus.stderr)).toBe(false);
  });
});
