import { rmSync } from "node:fs";
import type { FakeGitHub } from "../action/fake-github.js";
import { TempRepository } from "../action/git-fixture.js";
import { pullRequestPayload, runAction, type ActionRun } from "../action/run-action.js";

/**
 * The pull requests the golden comments come from: each a real git repository with a base and a
 * head commit, checked by the bundled action (dist/index.js) against the fake GitHub API. Commits
 * have fixed authors and dates, so the base hash the comment shows is the same on every run.
 */

const GIT_ENV = {
  GIT_AUTHOR_NAME: "model-budget",
  GIT_AUTHOR_EMAIL: "goldens@model-budget.invalid",
  GIT_AUTHOR_DATE: "2025-01-01T00:00:00Z",
  GIT_COMMITTER_NAME: "model-budget",
  GIT_COMMITTER_EMAIL: "goldens@model-budget.invalid",
  GIT_COMMITTER_DATE: "2025-01-01T00:00:00Z",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

type Files = Record<string, string | null>;

export const tiny = (blocks: number, extra = "") => `model: tiny
vars:
  d: 64
layers:
  - emb: Embedding(1000, d)
  - h:
      repeat: ${blocks}
      layers:
        - fc: Linear(d, 4 * d)
        - proj: Linear(4 * d, d)
  - head: Linear(d, 10)
${extra}`;

const unet = (channels: number) => `model: seg-unet
input: [3, 64, 64]
vars:
  c: ${channels}
layers:
  - enc1: Conv2d(3, c, 3, padding=1)
  - act1: ReLU()
  - enc2: Conv2d(c, 2 * c, 3, padding=1)
  - act2: ReLU()
  - dec: Conv2d(2 * c, c, 3, padding=1)
  - head: Conv2d(c, 2, 1)
`;

/**
 * 48 blocks of one block: a norm and an MLP whose width `w` is an expression of the block's index, so
 * that each block is its own layer entries.
 */
export const deepBlocks = (model: string, width: number, w: string) => `model: ${model}
vars:
  d: ${width}
blocks:
  block:
    params: {w: 16}
    layers:
      - norm: LayerNorm(d)
      - mlp:
          layers:
            - gate: Linear(d, w)
            - up: Linear(d, w)
            - down: Linear(w, d)
layers:
  - emb: Embedding(1000, d)
  - layers:
      repeat: 48
      use: block
      with: {w: ${w}}
  - head: Linear(d, 10)
`;

const deep = (width: number) => deepBlocks("deep-48", width, "16 + index");

/** 40 top-level layers of different widths: no two roll up together, so the comment shows 15 rows and links the rest. */
const wide = (width: number) => `model: wide-40
vars:
  d: ${width}
layers:
${Array.from({ length: 40 }, (_, index) => `  - l${index}: Linear(d, ${index + 1})`).join("\n")}
`;

const tinyBudget = (params: string) => `models:\n  tiny:\n    params: ${params}\n    growth: 50%\n`;

export interface Scenario {
  name: string;
  base: Files;
  head: Files;
  inputs?: Record<string, string>;
  /** Checked, then published from a workflow_run job: the golden is the published comment. */
  publish?: boolean;
}

export const SCENARIOS: Scenario[] = [
  { name: "pass", base: { "models/tiny.yaml": tiny(2), ".github/model-budget.yml": tinyBudget("250K") }, head: { "models/tiny.yaml": tiny(3) } },
  {
    name: "fail",
    // The budget as init wrote it before twins were folded: params and trainable, macs and flops.
    base: {
      "models/unet.yaml": unet(32),
      ".github/model-budget.yml": "models:\n  seg-unet:\n    params: 41.8K\n    trainable: 41.8K\n    macs: 171M\n    flops: 341M\n    growth: 10%\n",
    },
    head: { "models/unet.yaml": unet(48) },
  },
  {
    name: "growth-48-blocks",
    base: { "models/deep.yaml": deep(64), ".github/model-budget.yml": "models:\n  deep-48:\n    params: 1M\n    growth: 5%\n" },
    head: { "models/deep.yaml": deep(72) },
  },
  {
    name: "invalid-spec",
    base: { "models/tiny.yaml": tiny(2), ".github/model-budget.yml": tinyBudget("250K") },
    head: { "models/tiny.yaml": tiny(2).replace("Linear(4 * d, d)", "Linear(4 * d, dd)") },
  },
  {
    name: "invalid-budget",
    base: { "models/tiny.yaml": tiny(2), ".github/model-budget.yml": tinyBudget("250K") },
    head: { ".github/model-budget.yml": "models:\n  tiny:\n    params: 250K\n    memroy: 3GiB\n    growth: 50%\n" },
  },
  {
    name: "budget-raised",
    base: { "models/tiny.yaml": tiny(2), ".github/model-budget.yml": tinyBudget("150K") },
    head: { "models/tiny.yaml": tiny(3), ".github/model-budget.yml": tinyBudget("250K") },
  },
  {
    name: "chart-input",
    base: { "models/tiny.yaml": tiny(2), ".github/model-budget.yml": tinyBudget("250K") },
    head: { "models/tiny.yaml": tiny(3) },
    inputs: { chart: "true" },
  },
  { name: "many-layer-rows", base: { "models/wide.yaml": wide(8) }, head: { "models/wide.yaml": wide(12) } },
  { name: "no-budget-file", base: { "models/tiny.yaml": tiny(2) }, head: { "models/tiny.yaml": tiny(3) } },
  {
    name: "publish",
    base: { "models/tiny.yaml": tiny(2), ".github/model-budget.yml": tinyBudget("150K") },
    head: { "models/tiny.yaml": tiny(3) },
    publish: true,
  },
];

export interface ScenarioRun {
  /** The comment GitHub received. */
  comment: string;
  /** The job summary of the run that wrote the comment. */
  summary: string;
  run: ActionRun;
}

/** The scenario's repository: the base commit, then the pull request's head commit on top. */
function repository(scenario: Scenario): { dir: string; base: string; head: string } {
  const repo = new TempRepository(undefined, GIT_ENV);
  const base = repo.write(scenario.base).commit("base");
  return { dir: repo.dir, base, head: repo.write(scenario.head).commit("pull request") };
}

/** Runs the scenario through the bundled action against the fake API, and returns what GitHub got. */
export async function runScenario(scenario: Scenario, github: FakeGitHub): Promise<ScenarioRun> {
  const { dir, base, head } = repository(scenario);
  try {
    const payload = pullRequestPayload(base, head);
    const inputs = { specs: "models/*.yaml", "github-token": "test-token", ...scenario.inputs };
    if (scenario.publish) github.refuseWrites = 403;
    let run = await runAction({ workspace: dir, apiUrl: github.url, inputs, event: "pull_request", payload });
    if (scenario.publish) {
      delete github.refuseWrites;
      github.pullHeads.set(7, head);
      const workflowRun = { workflow_run: { head_sha: head, html_url: "https://github.com/acme/models/actions/runs/99" } };
      const publishInputs = { mode: "publish", report: run.outputs["report-json"]!, "github-token": "test-token" };
      run = await runAction({ workspace: dir, apiUrl: github.url, inputs: publishInputs, event: "workflow_run", payload: workflowRun });
    }
    const comment = github.comments.at(-1)?.body;
    if (comment === undefined) throw new Error(`scenario ${scenario.name} wrote no comment:\n${run.stdout}\n${run.stderr}`);
    return { comment, summary: run.summary, run };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
