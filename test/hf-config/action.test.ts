import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeGitHub } from "../action/fake-github.js";
import { TempRepository } from "../action/git-fixture.js";
import { runAction } from "../action/run-action.js";

/** A small Llama: width 64, 4 heads of 16 with 2 key/value heads, MLP 128, vocabulary 100, untied head. */
const config = (layers: number) => `{
  "architectures": ["LlamaForCausalLM"],
  "model_type": "llama",
  "hidden_size": 64,
  "intermediate_size": 128,
  "num_attention_heads": 4,
  "num_key_value_heads": 2,
  "num_hidden_layers": ${layers},
  "vocab_size": 100,
  "max_position_embeddings": 256,
  "tie_word_embeddings": false
}
`;
// Per layer: q 64·64 + k 64·32 + v 64·32 + o 64·64 = 12,288; MLP 3 · 64 · 128 = 24,576; two norms 128: 36,992.
// Embedding 6,400 + final norm 64 + lm_head 6,400 = 12,864.
const total = (layers: number) => 12864 + layers * 36992;
const budget = `models:\n  "models/llama/config.json":\n    params: 100K\n`;

const github = new FakeGitHub();
const repositories: TempRepository[] = [];
beforeAll(() => github.start());
afterAll(() => github.stop());
afterEach(() => {
  github.reset();
  for (const repository of repositories.splice(0)) repository.cleanup();
});

describe("the action on a pull request that edits a config.json", () => {
  it("diffs the layers, holds the budget keyed by the config's path, and annotates the edited key's line", async () => {
    const repo = new TempRepository();
    repositories.push(repo);
    const base = repo.write({ "models/llama/config.json": config(2), ".github/model-budget.yml": budget }).commit("base");
    repo.write({ "models/llama/config.json": config(3) }).commit("one more layer");
    const run = await runAction({
      workspace: repo.dir,
      apiUrl: github.url,
      inputs: { specs: "models/**/config.json", "github-token": "test-token" },
      event: "pull_request",
      payload: { pull_request: { number: 7, base: { sha: base }, head: { sha: "0".repeat(40) } } },
    });
    expect(total(2)).toBe(86848);
    expect(run.outputs.status).toBe("fail");
    expect(run.outputs.params).toBe(String(total(3)));
    expect(run.stdout).toContain(
      `::error title=model-budget%3A over budget,file=.github/model-budget.yml,line=3,col=13::params 123,840 exceeds the budget of 100K in models/llama/config.json`,
    );
    expect(run.stdout).toContain(
      "::warning title=model-budget%3A config edited,file=models/llama/config.json,line=8,col=3::num_hidden_layers: 2 → 3; with the change's other edits, parameters +36,992",
    );
    const body = github.comments[0]!.body;
    expect(body).toContain("models/llama/config.json");
    expect(body).toContain("| params | 100K | 123,840 | −23,840 (−23.8%) | ❌ |");
    // The per-layer diff: every decoder layer's module now has 3 instances.
    expect(body).toMatch(/model\.layers\.&#91;0-2&#93;\.mlp\.gate&#95;proj/);
  });
});
