import { mkdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fakeGitHubSuite } from "./fake-github-suite.js";
import { TempRepository } from "./git-fixture.js";
import { annotationLines, pullRequestPayload, runAction } from "./run-action.js";
import { safetensorsHeader, writeSafetensors } from "../import/files.js";
import { join } from "node:path";
import { METRICS } from "../../src/metrics/index.js";
import { embeddedPageData } from "../html/page-data.js";
import { tiny as spec } from "../comment/scenarios.js";

const budget = (params: string) => `models:\n  tiny:\n    params: ${params}\n    growth: 50%\n`;
// emb 64,000 + blocks × (16,640 + 16,448) + head 650
const total = (blocks: number) => 64000 + blocks * 33088 + 650;

const { github, repositories } = fakeGitHubSuite();

function repository(files: Record<string, string>): { repo: TempRepository; base: string } {
  const repo = new TempRepository();
  repositories.push(repo);
  const base = repo.write(files).commit("base");
  return { repo, base };
}

const inputs = (extra: Record<string, string> = {}) => ({ specs: "models/*.yaml", "github-token": "test-token", ...extra });

async function check(repo: TempRepository, base: string, extra: Record<string, string> = {}) {
  return runAction({ workspace: repo.dir, apiUrl: github.url, inputs: inputs(extra), event: "pull_request", payload: pullRequestPayload(base) });
}

describe("the action, run as the bundled dist/index.js", () => {
  it("creates the comment, then edits it, then leaves an unchanged one alone", async () => {
    const { repo, base } = repository({ "models/tiny.yaml": spec(2), ".github/model-budget.yml": budget("250K") });
    repo.write({ "models/tiny.yaml": spec(3) }).commit("grow");

    const first = await check(repo, base);
    expect(first.exitCode).toBe(0);
    expect(first.outputs.status).toBe("pass");
    expect(first.outputs.params).toBe(String(total(3)));
    expect(github.writes.map((request) => request.method)).toEqual(["POST"]);
    const comment = github.comments[0]!;
    expect(first.outputs["comment-id"]).toBe(String(comment.id));
    expect(comment.body).toBe(first.outputs["comment-body"]);
    expect(comment.body.startsWith("<!-- model-budget:default -->\n### ✅ 1 model within budget · largest change tiny +33.1K params (+25.3%)\n")).toBe(true);
    expect(comment.body).toContain("| ✅ | tiny | 164K (+33.1K, +25.3%) |");
    // Exact integers stay in the folded details.
    expect(comment.body).toContain(`| params | 130,826 | ${total(3).toLocaleString("en-US")} |`);
    expect(comment.body).toContain("| h.&#91;0-2&#93;.{fc,proj} | Linear | × 2 → 3 | +33.1K (+50.0%) | 6 |");
    expect(comment.body).toContain("| params and trainable | 164K | +33.1K (+25.3%) | ✅ 250K (65.6% used) | ✅ 50% (+65.4K) |");
    expect(comment.body).toContain("[workflow run](https://github.com/acme/models/actions/runs/4242)");
    expect(first.summary).toContain("### ✅ 1 model within budget");
    expect(JSON.parse(readFileSync(first.outputs["report-json"]!, "utf8")).result.status).toBe("pass");
    // The treemap page beside the JSON report, with the grown repeat at its head and base sizes; the comment points to the run's artifacts.
    expect(first.outputs["html-report"]).toBe(first.outputs["report-json"]!.replace(/\.json$/, ".html"));
    const page = embeddedPageData(readFileSync(first.outputs["html-report"]!, "utf8"));
    expect(page.mode).toBe("check");
    expect(page.models[0]!.root!.children!.find((child) => child.path === "h")!.children![0]).toMatchObject({ path: "h.[0-2]", count: 3 });
    expect(JSON.stringify(page)).toContain('"path":"h.[0-2].fc","count":3,"values":[49920]');
    expect(comment.body).toContain("[treemap of this change](https://github.com/acme/models/actions/runs/4242#artifacts)");

    repo.write({ "models/tiny.yaml": spec(3, "  - out: Linear(10, 10)\n") }).commit("more");
    const second = await check(repo, base);
    expect(second.exitCode).toBe(0);
    expect(github.writes.map((request) => [request.method, request.path])).toEqual([
      ["POST", "/repos/acme/models/issues/7/comments"],
      ["PATCH", `/repos/acme/models/issues/comments/${comment.id}`],
    ]);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]!.body).toContain("| out | Linear | added | +110 (new) | 1 |");

    const third = await check(repo, base);
    expect(third.exitCode).toBe(0);
    expect(github.writes).toHaveLength(2);
    expect(third.outputs["comment-id"]).toBe(String(comment.id));
  });

  it("finds its comment on a later page of many", async () => {
    const { repo, base } = repository({ "models/tiny.yaml": spec(2), ".github/model-budget.yml": budget("250K") });
    repo.write({ "models/tiny.yaml": spec(3) }).commit("grow");
    for (let i = 0; i < 180; i++) github.seed(`comment ${i}`);
    const ours = github.seed("<!-- model-budget:default -->\nold report", { login: "github-actions[bot]", type: "Bot" });
    for (let i = 0; i < 70; i++) github.seed(`later comment ${i}`);

    const run = await check(repo, base);
    expect(run.exitCode).toBe(0);
    expect(github.requests.filter((request) => request.method === "GET").map((request) => request.path)).toEqual([
      "/repos/acme/models/issues/7/comments?per_page=100",
      "/repos/acme/models/issues/7/comments?per_page=100&page=2",
      "/repos/acme/models/issues/7/comments?per_page=100&page=3",
    ]);
    expect(github.writes.map((request) => [request.method, request.path])).toEqual([["PATCH", `/repos/acme/models/issues/comments/${ours.id}`]]);
  });

  it("warns and passes when the token cannot comment (fork PRs, Dependabot)", async () => {
    const { repo, base } = repository({ "models/tiny.yaml": spec(2), ".github/model-budget.yml": budget("250K") });
    repo.write({ "models/tiny.yaml": spec(3) }).commit("grow");
    github.refuseWrites = 403;
    const run = await check(repo, base);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("::warning::model-budget cannot comment on this pull request (HTTP 403: Resource not accessible by integration");
    expect(run.outputs.status).toBe("pass");
    expect(run.outputs["comment-body"]).toContain("### ✅ 1 model within budget");
    expect(run.summary).toContain("| ✅ | tiny | 164K (+33.1K, +25.3%) |");
  });

  it("fails over budget, annotating the changed repeat: that grew the layers, not the untouched budget line", async () => {
    const { repo, base } = repository({ "models/tiny.yaml": spec(2), ".github/model-budget.yml": budget("150K") });
    repo.write({ "models/tiny.yaml": spec(3) }).commit("grow");
    const run = await check(repo, base);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe("fail");
    expect(run.stdout).not.toContain("over budget");
    expect(annotationLines(run.stdout)).toEqual([
      "::warning title=model-budget%3A layers grew,file=models/tiny.yaml,line=7::2 layer entries grew by 33,088 parameters in all: h.[0-2].fc, h.[0-2].proj",
    ]);
    expect(run.stdout).toContain("::error::model-budget: the check failed (fail-on: exceed)");
    expect(github.comments[0]!.body).toContain("### ❌ tiny: params 164K over the 150K limit (+9.3%) — this PR +33.1K (+25.3%)\n");
    expect(github.comments[0]!.body).toContain("| params and trainable | 164K | +33.1K (+25.3%) | ❌ 150K (+9.3% over) | ✅ 50% (+65.4K) |");
  });

  it("fails on growth beyond the allowance only with fail-on: growth", async () => {
    const { repo, base } = repository({ "models/tiny.yaml": spec(2), ".github/model-budget.yml": "models:\n  tiny:\n    growth: 10%\n" });
    repo.write({ "models/tiny.yaml": spec(3) }).commit("grow");
    const warned = await check(repo, base, { comment: "never" });
    expect(warned.exitCode).toBe(0);
    expect(warned.outputs.status).toBe("warn");
    // The allowance's line is not part of the change: the headline and the summary report it, not an annotation.
    expect(warned.stdout).not.toContain("growth over allowance");
    expect(warned.outputs["comment-body"]).toContain("growth");
    const failed = await check(repo, base, { comment: "never", "fail-on": "growth" });
    expect(failed.exitCode).toBe(1);
    expect(failed.outputs.status).toBe("fail");
    expect(github.requests).toHaveLength(0);
  });

  it("shows a budget raised in the PR prominently", async () => {
    const { repo, base } = repository({ "models/tiny.yaml": spec(2), ".github/model-budget.yml": budget("150K") });
    repo.write({ "models/tiny.yaml": spec(3), ".github/model-budget.yml": budget("200K") }).commit("grow and raise");
    const run = await check(repo, base);
    expect(run.exitCode).toBe(0);
    expect(run.outputs["comment-body"]).toContain(
      "> **This change edits the budget file .github/model-budget.yml** and the edited limits are the ones enforced:\n> - tiny · params: 150K → 200K (line 3)",
    );
    const fromBase = await check(repo, base, { "budget-from": "base" });
    expect(fromBase.exitCode).toBe(1);
    expect(fromBase.outputs["comment-body"]).toContain("(the base branch's limits are enforced)");
  });

  it("reports an invalid spec at its line and fails", async () => {
    const { repo, base } = repository({ "models/tiny.yaml": spec(2) });
    repo.write({ "models/tiny.yaml": spec(2, "  - bad: Linear(d)\n") }).commit("break");
    const run = await check(repo, base);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("::error title=model-budget%3A invalid spec [MB407],file=models/tiny.yaml,line=12,col=10::Linear is missing its required argument 'out_features'");
    expect(run.outputs["comment-body"]).toContain("### ❌ tiny: invalid at head (1 error)\n");
    expect(run.outputs["comment-body"]).toContain("| ❌ | tiny | invalid at head |");
    expect(run.outputs["comment-body"]).toContain("No budget file at .github/model-budget.yml: this is a report only.");
  });

  it("reports new and deleted specs, and a spec invalid at base, without crashing", async () => {
    const { repo, base } = repository({
      "models/tiny.yaml": spec(2),
      "models/old.yaml": "model: old\nlayers:\n  - fc: Linear(2, 2)\n",
      "models/broken.yaml": "layers:\n  - fc: Linear(2)\n",
    });
    repo
      .remove("models/old.yaml")
      .write({ "models/new.yaml": "model: new\nlayers:\n  - fc: Linear(3, 3)\n", "models/broken.yaml": "layers:\n  - fc: Linear(2, 2)\n" })
      .commit("shuffle");
    const run = await check(repo, base);
    expect(run.exitCode).toBe(0);
    const body = run.outputs["comment-body"]!;
    expect(body).toContain("| ✅ | broken | 6 (invalid at base) |");
    expect(body).toContain("Invalid at base, so compared without a diff.");
    expect(body).toContain("| ✅ | new | 12 (new) |");
    expect(body).toContain("\nUnchanged: tiny (131K params).\n");
    expect(body).toContain("| ✅ | old | deleted (was 6) |");
    // A deleted model is not a model that shrank to nothing.
    expect(body).not.toMatch(/−6/);
  });

  it("fetches the base commit itself when the checkout is shallow", async () => {
    const { repo: origin, base } = repository({ "models/tiny.yaml": spec(2), ".github/model-budget.yml": budget("250K") });
    origin.write({ "models/tiny.yaml": spec(3) }).commit("grow");
    const clone = origin.shallowClone();
    repositories.push(clone);
    const run = await check(clone, base, { comment: "never" });
    expect(run.exitCode).toBe(0);
    expect(run.outputs["comment-body"]).toContain(`<sub>Compared with base \`${base.slice(0, 12)}\` · counted by model-budget`);
    expect(run.outputs["comment-body"]).toContain("164K (+33.1K, +25.3%)");
  });

  it("escapes what a PR writes: no HTML, no mentions, no broken tables", async () => {
    const { repo, base } = repository({ "models/tiny.yaml": spec(2) });
    repo.write({ "models/tiny.yaml": `model: "<img src=x onerror=alert(1)> @acme/admins | x"\nlayers:\n  - fc: Linear(2, 2)\n` }).commit("evil");
    const run = await check(repo, base);
    const body = github.comments[0]!.body;
    expect(run.exitCode).toBe(0);
    expect(body).toContain("&lt;img src=x onerror=alert&#40;1&#41;&gt; &#64;acme/admins &#124; x");
    expect(body).not.toMatch(/<img|@acme|\| x/);
  });

  it("publishes a saved report from a workflow_run job, only to the PR whose head ran", async () => {
    const { repo, base } = repository({ "models/tiny.yaml": spec(2), ".github/model-budget.yml": budget("250K") });
    const head = repo.write({ "models/tiny.yaml": spec(3) }).commit("grow");
    github.refuseWrites = 403;
    const computed = await runAction({ workspace: repo.dir, apiUrl: github.url, inputs: inputs(), event: "pull_request", payload: pullRequestPayload(base, head) });
    delete github.refuseWrites;
    github.requests = [];
    const savedPath = computed.outputs["report-json"]!;

    const publishInputs = { mode: "publish", report: savedPath, "github-token": "test-token" };
    const workflowRun = { workflow_run: { head_sha: head, html_url: "https://github.com/acme/models/actions/runs/99" } };
    github.pullHeads.set(7, "f".repeat(40));
    const mismatched = await runAction({ workspace: repo.dir, apiUrl: github.url, inputs: publishInputs, event: "workflow_run", payload: workflowRun });
    expect(mismatched.exitCode).toBe(0);
    expect(mismatched.stdout).toContain(`names PR #7, whose head ${"f".repeat(40)} is not the commit ${head}`);
    expect(github.writes).toHaveLength(0);

    github.pullHeads.set(7, head);
    const published = await runAction({ workspace: repo.dir, apiUrl: github.url, inputs: publishInputs, event: "workflow_run", payload: workflowRun });
    expect(published.exitCode).toBe(0);
    expect(github.writes.map((request) => [request.method, request.path])).toEqual([["POST", "/repos/acme/models/issues/7/comments"]]);
    expect(github.comments[0]!.body).toContain("| ✅ | tiny | 164K (+33.1K, +25.3%) |");
    expect(github.comments[0]!.body).toContain("[workflow run](https://github.com/acme/models/actions/runs/99)");
    expect(published.outputs.params).toBe("163914");
  });

  it("refuses a saved report that is not one", async () => {
    const { repo } = repository({
      "report.json": JSON.stringify({
        format: "model-budget-report/1",
        result: {
          status: "pass",
          failOn: "exceed",
          models: [{ file: "x", head: { kind: "report", report: { model: "m", file: "x", totals: { params: "<b>", trainable: 1 }, layers: [] } }, status: "pass" }],
          budget: { file: "b", state: "missing", from: "head", diagnostics: [], changes: [], unmatched: [] },
        },
      }),
    });
    const run = await runAction({ workspace: repo.dir, apiUrl: github.url, inputs: { mode: "publish", report: "report.json" }, event: "workflow_run", payload: {} });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("::error::model-budget: report.json is not a model-budget report: /result/models/0/head/report/totals/params must be integer");
  });

  it("limits training memory for the recipe in its inputs, and checks the checkpoint the budget names", async () => {
    const { repo, base } = repository({
      "models/tiny.yaml": spec(2),
      ".github/model-budget.yml": "models:\n  tiny:\n    memory: 3MiB\n    against: weights/tiny.safetensors\n",
    });
    repo.write({ "models/tiny.yaml": spec(3) }).commit("grow");
    const tensors = [
      { name: "emb.weight", shape: [1000, 64] },
      ...[0, 1, 2].flatMap((i) => [
        { name: `h.${i}.fc.weight`, shape: [256, 64] },
        { name: `h.${i}.fc.bias`, shape: [256] },
        { name: `h.${i}.proj.weight`, shape: [64, 256] },
        { name: `h.${i}.proj.bias`, shape: [64] },
      ]),
      { name: "head.weight", shape: [10, 64] },
      { name: "head.bias", shape: [10] },
    ];
    const { header, dataLength } = safetensorsHeader(tensors.map((tensor) => ({ ...tensor, dtype: "F32" })));
    mkdirSync(join(repo.dir, "weights"));
    writeSafetensors(join(repo.dir, "weights/tiny.safetensors"), header, dataLength);

    // fp32 with Adam: 4 bytes of weights, 4 of gradients and 8 of state per parameter.
    const run = await check(repo, base, { optimizer: "Adam", comment: "never" });
    expect(run.outputs["memory-bytes"]).toBe(String(16 * total(3)));
    expect(run.exitCode).toBe(0);
    expect(run.outputs["comment-body"]).toContain("✅ Every tensor matches the checkpoint weights/tiny.safetensors.");
    expect(run.outputs["comment-body"]).toContain("| memory | 2.5 MiB | +517 KiB (+25.3%) | ✅ 3 MiB (83.4% used) |  |");
    expect(run.outputs["comment-body"]).toContain("| ✅ | tiny | 164K (+33.1K, +25.3%) | 2.5 MiB (+517 KiB, +25.3%) |");

    const sgd = await check(repo, base, { optimizer: "SGD", comment: "never" });
    expect(sgd.outputs["memory-bytes"]).toBe(String(8 * total(3)));
    expect(sgd.outputs.status).toBe("pass");
  });

  it("stays silent on a PR that changes no spec, and compares a push with its previous commit", async () => {
    const { repo, base } = repository({ "models/tiny.yaml": spec(2), ".github/model-budget.yml": budget("250K") });
    repo.write({ "README.md": "docs only\n" }).commit("docs");
    const quiet = await check(repo, base);
    expect(quiet.exitCode).toBe(0);
    expect(github.writes).toHaveLength(0);
    expect(quiet.outputs["comment-id"]).toBeUndefined();
    expect(quiet.outputs["comment-body"]).toContain("### ✅ 1 model within budget · no parameter count changed\n");
    expect(quiet.outputs["comment-body"]).toContain("✅ Unchanged and within budget: tiny (131K params).");
    github.requests = [];

    const head = repo.write({ "models/tiny.yaml": spec(3) }).commit("grow");
    const push = await runAction({ workspace: repo.dir, apiUrl: github.url, inputs: inputs(), event: "push", payload: { before: base, after: head } });
    expect(push.exitCode).toBe(0);
    expect(push.outputs["comment-body"]).toContain(`<sub>Compared with base \`${base.slice(0, 12)}\` · counted by model-budget`);
    expect(push.outputs["comment-body"]).toContain("| ✅ | tiny | 164K (+33.1K, +25.3%) |");
    expect(github.requests).toHaveLength(0);
  });

  it("annotates a shape mismatch at the offending layer's line, naming both shapes", async () => {
    const mlp = (features: number) => `model: mlp\ninput: [3, 8, 8]\nlayers:\n  - conv: Conv2d(3, 4, 3)\n  - flat: Flatten()\n  - fc: Linear(${features}, 10)\n`;
    const { repo, base } = repository({ "models/mlp.yaml": mlp(144) });
    repo.write({ "models/mlp.yaml": mlp(100) }).commit("break the shapes");
    const run = await check(repo, base, { comment: "never" });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      "::error title=model-budget%3A invalid spec [MB502],file=models/mlp.yaml,line=6,col=16::fc expects 100 input features (Linear(100, 10)), but flat produces [1, 144]",
    );
  });
});

describe("the sticky comment is ours", () => {
  const grown = () => {
    const { repo, base } = repository({ "models/tiny.yaml": spec(2), ".github/model-budget.yml": budget("250K") });
    repo.write({ "models/tiny.yaml": spec(3) }).commit("grow");
    return { repo, base };
  };

  it("ignores our marker pasted into someone else's comment and writes its own", async () => {
    const { repo, base } = grown();
    const copied = github.seed("<!-- model-budget:default -->\nI copied the bot's comment here", { login: "mallory", type: "User" });
    const run = await check(repo, base);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toContain("cannot comment");
    expect(github.writes.map((request) => [request.method, request.path])).toEqual([["POST", "/repos/acme/models/issues/7/comments"]]);
    expect(copied.body).toBe("<!-- model-budget:default -->\nI copied the bot's comment here");
    expect(github.comments[1]!.user.login).toBe("github-actions[bot]");
    expect(github.comments[1]!.body).toBe(run.outputs["comment-body"]);
    const query = github.requests.find((request) => request.path === "/graphql")!;
    expect(query.body!.variables!.ids).toEqual([copied.node_id]);
  });

  it("is refused (403) by the API when it edits someone else's comment, so it never tries", async () => {
    const { repo, base } = grown();
    const foreign = github.seed("<!-- model-budget:default -->\nold", { login: "mallory", type: "User" });
    const refused = await fetch(`${github.url}/repos/acme/models/issues/comments/${foreign.id}`, { method: "PATCH", body: JSON.stringify({ body: "x" }) });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ message: "Must have admin rights to Repository." });
    github.requests = [];
    await check(repo, base);
    expect(github.writes.map((request) => request.method)).toEqual(["POST"]);
  });

  it("edits only the comment of the identity the token acts as (a PAT's user), not the default bot's", async () => {
    const { repo, base } = grown();
    github.viewer = { login: "release-bot-user", type: "User" };
    github.seed("<!-- model-budget:default -->\nfrom another workflow", { login: "github-actions[bot]", type: "Bot" });
    const mine = github.seed("<!-- model-budget:default -->\nmine", { login: "release-bot-user", type: "User" });
    const run = await check(repo, base);
    expect(run.exitCode).toBe(0);
    expect(github.writes.map((request) => [request.method, request.path])).toEqual([["PATCH", `/repos/acme/models/issues/comments/${mine.id}`]]);
    expect(mine.body).toBe(run.outputs["comment-body"]);
  });

  it("replaces a minimized comment of ours with a new one instead of editing it", async () => {
    const { repo, base } = grown();
    const hidden = github.seed("<!-- model-budget:default -->\nold report", { login: "github-actions[bot]", type: "Bot" });
    hidden.minimized = true;
    const run = await check(repo, base);
    expect(run.exitCode).toBe(0);
    expect(github.writes.map((request) => [request.method, request.path])).toEqual([["POST", "/repos/acme/models/issues/7/comments"]]);
    expect(hidden.body).toBe("<!-- model-budget:default -->\nold report");
    expect(run.stdout).toContain(`model-budget: PR comment ${github.comments[1]!.id} created (our earlier comment was hidden, so it is replaced rather than edited)`);
  });

  it("makes no identity query when no comment carries the marker", async () => {
    const { repo, base } = grown();
    github.seed("an unrelated comment");
    await check(repo, base);
    expect(github.requests.map((request) => request.path)).toEqual(["/repos/acme/models/issues/7/comments?per_page=100", "/repos/acme/models/issues/7/comments"]);
  });
});

describe("GitHub's API failing", () => {
  const grown = () => {
    const { repo, base } = repository({ "models/tiny.yaml": spec(2), ".github/model-budget.yml": budget("250K") });
    repo.write({ "models/tiny.yaml": spec(3) }).commit("grow");
    return { repo, base };
  };

  it("retries a transient 500, and comments", async () => {
    const { repo, base } = grown();
    github.failures = [{ method: "GET", status: 500, times: 1, payload: { message: "Server Error" } }];
    const run = await check(repo, base);
    expect(run.exitCode).toBe(0);
    expect(github.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "GET /repos/acme/models/issues/7/comments?per_page=100",
      "GET /repos/acme/models/issues/7/comments?per_page=100",
      "POST /repos/acme/models/issues/7/comments",
    ]);
    expect(github.comments).toHaveLength(1);
  });

  it("does not repeat a comment's creation after a 502 (it may have been created), and only warns", async () => {
    const { repo, base } = grown();
    github.failures = [{ method: "POST", path: "/repos/acme/models/issues/7/comments", status: 502, times: 1, payload: { message: "Bad Gateway" } }];
    const run = await check(repo, base);
    expect(github.writes.map((request) => request.method)).toEqual(["POST"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("::warning::model-budget did not comment: GitHub failed (HTTP 502: Bad Gateway). The report is in the job summary and the outputs.");
  });

  it("retries a secondary-rate-limit 403 after its retry-after, and does not blame a fork token", async () => {
    const { repo, base } = grown();
    const limited = { status: 403, headers: { "retry-after": "0" }, payload: { message: "You have exceeded a secondary rate limit." } };
    github.failures = [{ method: "POST", path: "/repos/acme/models/issues/7/comments", times: 1, ...limited }];
    const retried = await check(repo, base);
    expect(retried.exitCode).toBe(0);
    expect(github.comments).toHaveLength(1);
    expect(github.writes.map((request) => request.method)).toEqual(["POST", "POST"]);

    github.comments = [];
    github.requests = [];
    github.failures = [{ method: "POST", path: "/repos/acme/models/issues/7/comments", times: 10, ...limited }];
    const givenUp = await check(repo, base);
    expect(givenUp.exitCode).toBe(0);
    expect(github.writes).toHaveLength(3);
    expect(givenUp.stdout).toContain(
      "::warning::model-budget did not comment: GitHub's rate limit still refused it after retries (HTTP 403: You have exceeded a secondary rate limit.",
    );
    expect(givenUp.stdout).not.toContain("Fork PRs");
  });

  it("warns and writes nothing when GraphQL cannot say who wrote the marked comments", async () => {
    const { repo, base } = grown();
    github.seed("<!-- model-budget:default -->\nold", { login: "github-actions[bot]", type: "Bot" });
    github.failures = [{ method: "POST", path: "/graphql", status: 200, times: 1, payload: { data: null, errors: [{ message: "Something went wrong" }] } }];
    const run = await check(repo, base);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      "::warning::model-budget did not comment: GitHub did not say who wrote the marked comments (Request failed due to following response errors:%0A - Something went wrong)",
    );
    expect(github.writes).toHaveLength(0);
  });

  it("warns cleanly when the comment list is not a list of comments", async () => {
    const { repo, base } = grown();
    github.failures = [{ method: "GET", path: "/repos/acme/models/issues/7/comments", status: 200, times: 1, payload: ["not a comment", 5] }];
    const run = await check(repo, base);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      "::warning::model-budget did not comment: the list of the pull request's comments holds an entry that is not a comment. The report is in the job summary and the outputs.",
    );
    expect(run.stdout).not.toContain("Cannot use 'in' operator");
    expect(github.writes).toHaveLength(0);
  });
});

describe("the fork recipe with every metric", () => {
  it("publishes its own saved report of every metric and growth limit, word for word as the check rendered it", async () => {
    // Attention over 8 tokens with a serving recipe, so that the KV cache and serving memory grow with the width too.
    const mlp = (hidden: number) =>
      `model: mlp\ninput: {tokens: 8}\nserving: {batch: 1}\nlayers:\n  - embed: Embedding(10, 16)\n  - attn:\n      forward: ["attention(q, k, v, heads=2, causal=True)", o]\n` +
      `      layers:\n        - q: Linear(16, ${hidden})\n        - k: Linear(16, ${hidden})\n        - v: Linear(16, ${hidden})\n        - o: Linear(${hidden}, 16)\n  - out: Linear(16, 4)\n`;
    const limits = METRICS.map((metric) => `    ${metric.name}: ${metric.unit === "bytes" ? "1MiB" : "100K"}`).join("\n");
    const { repo, base } = repository({ "models/mlp.yaml": mlp(32), ".github/model-budget.yml": `models:\n  mlp:\n${limits}\n    growth: 50%\n` });
    const head = repo.write({ "models/mlp.yaml": mlp(40) }).commit("wider");
    github.refuseWrites = 403;
    const checked = await runAction({
      workspace: repo.dir,
      apiUrl: github.url,
      inputs: inputs({ optimizer: "Adam", gpus: "2", zero: "1" }),
      event: "pull_request",
      payload: pullRequestPayload(base, head),
    });
    delete github.refuseWrites;
    expect(checked.outputs.status).toBe("pass");
    const body = checked.outputs["comment-body"]!;
    // Every metric has a row against its limit and its growth allowance; twins that agree share one.
    const rows = ["params, trainable and active-params", "memory", "memory-per-gpu", "macs and flops", "activations", "serving-memory", "kv-cache"];
    expect(rows.flatMap((row) => row.split(/, | and /)).sort()).toEqual(METRICS.map((metric) => metric.name).sort());
    expect(body).toContain("| macs and flops | 26.1K | +5.12K (+24.4%) | ✅ 100K (26.1% used) | ✅ 50% (+10.5K) |");
    for (const row of rows) {
      expect(body).toMatch(
        new RegExp(`\\n\\| ${row} \\| [0-9.]+K?( KiB| B)? \\| \\+[0-9.]+K?( KiB| B)? \\(\\+[0-9.]+%\\) \\| ✅ (1 MiB|100K) \\([0-9.]+% used\\) \\| ✅ 50% \\(\\+`),
      );
    }

    github.pullHeads.set(7, head);
    const workflowRun = { workflow_run: { head_sha: head, html_url: "https://github.com/acme/models/actions/runs/4242" } };
    const published = await runAction({
      workspace: repo.dir,
      apiUrl: github.url,
      inputs: { mode: "publish", report: checked.outputs["report-json"]!, "github-token": "test-token" },
      event: "workflow_run",
      payload: workflowRun,
    });
    expect(published.stdout).not.toContain("::error");
    expect(published.exitCode).toBe(0);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]!.body).toBe(body);
  });
});
