import { describe, expect, it } from "vitest";
import { fakeGitHubSuite } from "../action/fake-github-suite.js";
import { TempRepository } from "../action/git-fixture.js";
import { pullRequestPayload, runAction } from "../action/run-action.js";

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

const { github, repositories } = fakeGitHubSuite();

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
      payload: pullRequestPayload(base),
    });
    expect(total(2)).toBe(86848);
    expect(run.outputs.status).toBe("fail");
    expect(run.outputs.params).toBe(String(total(3)));
    // The edited key is the changed line that grew the layers; the budget line is not annotated, as this PR did not touch it.
    expect(run.stdout).toContain(
      "::warning title=model-budget%3A layers grew,file=models/llama/config.json,line=8::9 layer entries grew by 36,992 parameters in all: model.layers.[0-2].self_attn.q_proj, model.layers.[0-2].self_attn.k_proj, model.layers.[0-2].self_attn.v_proj and 6 more",
    );
    expect(run.stdout).not.toContain("file=.github/model-budget.yml");
    const body = github.comments[0]!.body;
    expect(body).toContain("### ❌ llama: params 124K over the 100K limit (+23.8%) — this PR +37K (+42.6%)\n");
    expect(body).toContain("#### ❌ llama · models/llama/config.json\n");
    expect(body).toContain("| params | 86,848 | 123,840 |\n");
    // The per-layer diff: every decoder layer's module now has 3 instances.
    expect(body).toContain("| model.layers.&#91;0-2&#93;.mlp.{gate&#95;proj,up&#95;proj,down&#95;proj} | Linear | × 2 → 3 | +24.6K (+50.0%) | 9 |\n");
  });
});
