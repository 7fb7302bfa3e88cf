// The action's pure parts run in this process, so that npm run coverage measures them: inputs parsing
// and the sticky comment's upsert against the fake GitHub on 127.0.0.1. The end-to-end runs of the
// bundled dist/index.js (action.test.ts) cover the same code as the runner sees it, but out of process.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readInputs } from "../../src/action/inputs.js";
import { upsertComment } from "../../src/action/comment.js";
import type { Octokit } from "../../src/action/octokit.js";
import { FakeGitHub } from "./fake-github.js";

/** Runs `work` with the given action inputs (INPUT_* variables, as the runner sets them), restoring the environment after. */
function withInputs<T>(inputs: Record<string, string>, work: () => T): T {
  const saved = { ...process.env };
  for (const name of Object.keys(process.env)) if (name.startsWith("INPUT_")) delete process.env[name];
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  try {
    return work();
  } finally {
    process.env = saved;
  }
}

/** What core.debug printed while `work` ran: the ::debug:: lines the runner shows with step debug logging. */
function debugLines(work: () => unknown): string[] {
  const printed: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    work();
  } finally {
    spy.mockRestore();
  }
  return printed
    .join("")
    .split("\n")
    .filter((line) => line.startsWith("::debug::"));
}

describe("action inputs", () => {
  it("fills in the documented defaults", () => {
    expect(withInputs({ specs: "models/*.yaml\n# a comment\n\n  more.yaml  " }, readInputs)).toEqual({
      mode: "check",
      specs: ["models/*.yaml", "more.yaml"],
      budget: ".github/model-budget.yml",
      budgetFrom: "head",
      token: "",
      comment: "changed",
      commentKey: "default",
      failOn: "exceed",
      report: "",
      chart: "false",
      training: {},
    });
  });

  it("refuses a value outside a choice with the CLI's message and its likely meaning", () => {
    expect(() => withInputs({ specs: "a.yaml", "fail-on": "grwoth" }, readInputs)).toThrow(
      "input 'fail-on' must be one of exceed, growth, never, not 'grwoth'\n  did you mean 'growth'?",
    );
    expect(() => withInputs({ specs: "a.yaml", comment: "sometimes" }, readInputs)).toThrow(/^input 'comment' must be one of always, changed, failure, never, not 'sometimes'$/);
    expect(() => withInputs({ mode: "publsh" }, readInputs)).toThrow("input 'mode' must be one of check, publish, not 'publsh'\n  did you mean 'publish'?");
  });

  it("names the input in a training setting's error, and wants specs in check mode", () => {
    expect(() => withInputs({ specs: "a.yaml", precision: "fp33" }, readInputs)).toThrow("input 'precision': unknown precision 'fp33' [MB602]\n  did you mean 'fp32'?");
    expect(() => withInputs({}, readInputs)).toThrow("input 'specs' names no spec file: give one path or glob per line, e.g. models/*.yaml");
  });

  it("logs each resolved input with core.debug, and never the token", () => {
    const lines = withInputs({ specs: "a.yaml", "github-token": "ghs_secret", gpus: "8" }, () => debugLines(readInputs));
    expect(lines).toEqual([
      '::debug::input mode: "check"',
      '::debug::input specs: ["a.yaml"]',
      '::debug::input budget: ".github/model-budget.yml"',
      '::debug::input budgetFrom: "head"',
      '::debug::input comment: "changed"',
      '::debug::input commentKey: "default"',
      '::debug::input failOn: "exceed"',
      '::debug::input report: ""',
      '::debug::input chart: "false"',
      "::debug::input github-token: given",
      expect.stringMatching(/^::debug::input training overrides: \{.*"gpus".*\}$/),
    ]);
    expect(lines.join("\n")).not.toContain("ghs_secret");
  });
});

describe("the sticky comment, upserted in process", () => {
  const github = new FakeGitHub();
  const target = { owner: "o", repo: "r", issueNumber: 7 };
  const marker = "<!-- model-budget:default -->";
  let apiUrl: string | undefined;
  let githubClient: (token: string) => Octokit;

  beforeAll(async () => {
    await github.start();
    apiUrl = process.env.GITHUB_API_URL;
    process.env.GITHUB_API_URL = github.url;
    // @actions/github reads the API's address when it is first loaded: load it only now.
    ({ githubClient } = await import("../../src/action/octokit.js"));
  });
  afterAll(async () => {
    if (apiUrl === undefined) delete process.env.GITHUB_API_URL;
    else process.env.GITHUB_API_URL = apiUrl;
    await github.stop();
  });
  afterEach(() => {
    github.comments = [];
    github.requests = [];
    github.refuseWrites = undefined;
  });

  it("creates the comment once, then edits it, then leaves an unchanged one alone", async () => {
    const octokit = githubClient("token");
    const created = await upsertComment(octokit, target, marker, `${marker}\nfirst`, false);
    expect(created).toEqual({ kind: "created", id: 1000 });
    expect(await upsertComment(octokit, target, marker, `${marker}\nsecond`, false)).toEqual({ kind: "updated", id: 1000 });
    expect(await upsertComment(octokit, target, marker, `${marker}\nsecond`, false)).toEqual({ kind: "unchanged", id: 1000 });
    expect(github.comments.map((comment) => comment.body)).toEqual([`${marker}\nsecond`]);
  });

  it("ignores the marker in someone else's comment, and creates nothing when only updating", async () => {
    const pasted = github.seed(`${marker}\npasted`);
    const octokit = githubClient("token");
    expect(await upsertComment(octokit, target, marker, `${marker}\nnews`, true)).toEqual({ kind: "skipped", reason: "nothing to report and no earlier comment to update" });
    expect(await upsertComment(octokit, target, marker, `${marker}\nnews`, false)).toEqual({ kind: "created", id: pasted.id + 1 });
    expect(github.comments.map((comment) => comment.body)).toEqual([`${marker}\npasted`, `${marker}\nnews`]);
  });

  it("reports a read-only token's 403 as forbidden instead of failing the check", async () => {
    github.refuseWrites = 403;
    const outcome = await upsertComment(githubClient("token"), target, marker, `${marker}\nbody`, false);
    expect(outcome).toMatchObject({ kind: "forbidden", status: 403, message: expect.stringContaining("Resource not accessible by integration") });
  });
});
