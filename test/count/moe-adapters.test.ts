import { describe, expect, it } from "vitest";
import { analyzeSpec } from "../../src/analysis/index.js";
import { toJsonReport } from "../../src/analysis/index.js";
import { settingsFromOptions, type TrainingSettings } from "../../src/memory/index.js";
import { namedParameters } from "../helpers/named-parameters.js";
import { count, failureOf, files, readRepoFile } from "../helpers/specs.js";
import { userErrors } from "../../src/diagnostics/index.js";

interface TorchCase {
  total: number;
  trainable: number;
  parameters: [string, number[]][];
  parametersOmitted?: number;
}

/** test/fixtures/pytorch/moe-adapters.py: the modules built by PyTorch on the meta device, PEFT's LoRA layers on them. */
const TORCH = (JSON.parse(readRepoFile("test/fixtures/pytorch/moe-adapters.json")) as { cases: Record<string, TorchCase> }).cases;

const analyzed = (text: string) => analyzeSpec("spec.yaml", files({ "spec.yaml": text }));
const adapterFlag = (text: string): TrainingSettings => settingsFromOptions({ adapter: text }, () => "--adapter");
const example = (name: string, overrides: TrainingSettings = {}) => analyzeSpec(`examples/${name}.yaml`, readRepoFile, overrides);

/** named_parameters() of the spec against PyTorch's: all of them, or the first and last 300 the fixture keeps. */
function expectNamedParameters(model: ReturnType<typeof example>, torch: TorchCase): void {
  const ours = namedParameters(model).map(({ name, shape }) => [name, shape]);
  const kept = torch.parametersOmitted === undefined ? ours : [...ours.slice(0, 300), ...ours.slice(-300)];
  expect(ours.length).toBe(torch.parameters.length + (torch.parametersOmitted ?? 0));
  expect(kept).toEqual(torch.parameters);
}

/** The diagnostics a spec (or a flag) gets, as `file:line:col: message [code]` and the hint. */
function problemsOf(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    const found = userErrors(error);
    if (!found) throw error;
    return found.map((problem) => `${problem.position.file}:${problem.position.line}:${problem.position.col}: ${problem.detail} [${problem.code}] — ${problem.hint}`);
  }
  throw new Error("the input was accepted");
}

describe("mixture of experts", () => {
  it("counts Mixtral-8x7B's total and active parameters, with PyTorch's names", () => {
    const model = example("mixtral-8x7b");
    expect(model.totals.params).toBe(46_702_792_704);
    expect(TORCH["mixtral-8x7b"]!.total).toBe(46_702_792_704);
    expect(model.conventions).toEqual({
      activeParams: 12_879_925_248,
      // Without embed_tokens (32,000 × 4,096); the untied lm_head stays in.
      nonEmbeddingParams: 46_702_792_704 - 131_072_000,
      activeNonEmbeddingParams: 12_879_925_248 - 131_072_000,
    });
    expectNamedParameters(model, TORCH["mixtral-8x7b"]!);
  });

  it("runs each token through top_k experts: Mixtral's MACs are its active parameters' (norms aside) plus attention", () => {
    const { shapes: report, conventions } = example("mixtral-8x7b");
    const shapes = report!.totals;
    const tokens = 4096;
    const norms = 32 * 2 * 4096 + 4096;
    // Causal attention as the eager kernel computes it: Q·Kᵀ and scores·V over the whole square, 32 layers.
    const attention = 32 * 2 * tokens * tokens * 4096;
    expect(shapes.attentionMacs).toBe(attention);
    expect(shapes.macs).toBe((conventions.activeNonEmbeddingParams - norms) * tokens + attention);
    expect(report!.output).toEqual([1, 4096, 32000]);
  });

  it("counts DeepSeek-V2-Lite: 64 routed experts (top 6) and 2 shared, the first layer dense, MLA's projections", () => {
    const model = example("deepseek-v2-lite");
    expect(model.totals.params).toBe(15_706_484_224);
    expect(TORCH["deepseek-v2-lite"]!.total).toBe(15_706_484_224);
    // Published as "2.4B activated": the count without the input embedding (102,400 × 2,048).
    expect(model.conventions).toEqual({ activeParams: 2_661_150_208, nonEmbeddingParams: 15_496_769_024, activeNonEmbeddingParams: 2_451_435_008 });
    // Its forward routes tokens with moe and runs MLA (test/serving/kv-cache.test.ts checks the MACs).
    expect(model.shapes?.input).toEqual([1, 4096]);
    expectNamedParameters(model, TORCH["deepseek-v2-lite"]!);
  });

  it("puts the three conventions in the JSON totals, equal to params for a dense model", () => {
    expect(toJsonReport(example("deepseek-v2-lite")).totals).toEqual({
      params: 15_706_484_224,
      trainable: 15_706_484_224,
      nonTrainable: 0,
      buffers: 0,
      activeParams: 2_661_150_208,
      nonEmbeddingParams: 15_496_769_024,
      activeNonEmbeddingParams: 2_451_435_008,
    });
    const dense = toJsonReport(count("layers:\n  - wte: Embedding(10, 4)\n  - fc: Linear(4, 4)\n")).totals;
    expect(dense).toMatchObject({ params: 60, activeParams: 60, nonEmbeddingParams: 20, activeNonEmbeddingParams: 20 });
  });

  const MOE = (forward: string, extra = "") => `input: [6, 8]
layers:
  - moe:
      forward: [${forward}]
      layers:
        - gate: Linear(8, 4, bias=False)
        - experts:
            repeat: 4
            top_k: 2${extra}
            layers:
              - fc: Linear(8, 8, bias=False)
        - shared: Linear(8, 8, bias=False)
`;

  it("computes expected MACs under uniform routing: tokens × top_k expert rows, the router and shared experts on every token", () => {
    const model = analyzed(MOE('"moe(gate, experts, shared=shared)"'));
    // router 6 × 8 × 4, experts 6 × 2 rows × 64, shared 6 × 64
    expect(model.shapes!.totals.macs).toBe(6 * 32 + 12 * 64 + 6 * 64);
    expect(model.shapes!.output).toEqual([1, 6, 8]);
    expect(model.conventions.activeParams).toBe(32 + 2 * 64 + 64);
    expect(model.shapes!.layers[1]).toMatchObject({ outputShape: [12, 8], macs: 12 * 64 });
  });

  it("scales the shared expert by sigmoid(shared_gate(x)), as Qwen2-MoE does", () => {
    const spec = MOE('"moe(gate, experts, shared=shared, shared_gate=shared_gate)"').replace(
      "        - shared: Linear(8, 8, bias=False)\n",
      "        - shared: Linear(8, 8, bias=False)\n        - shared_gate: Linear(8, 1, bias=False)\n",
    );
    const model = analyzed(spec);
    expect(model.shapes!.totals.macs).toBe(6 * 32 + 12 * 64 + 6 * 64 + 6 * 8);
    expect(model.conventions.activeParams).toBe(32 + 2 * 64 + 64 + 8);
  });

  it("pads every expert to its capacity with a capacity factor", () => {
    const model = analyzed(MOE('"moe(gate, experts, shared=shared, capacity_factor=1.5)"'));
    // capacity ⌈1.5 × 6 × 2 / 4⌉ = 5 tokens for each of 4 experts: 20 rows.
    expect(model.shapes!.layers[1]).toMatchObject({ outputShape: [20, 8], macs: 20 * 64 });
  });

  it("refuses to run routed experts one after another, as forward: [experts] would", () => {
    expect(problemsOf(() => count(MOE("gate, experts")))).toEqual([
      'spec.yaml:7:11: moe.experts.[0-3] are 4 routed experts (top_k: 2), and this forward would run them one after another [MB520] — route the tokens with the moe op in the parent\'s forward: "moe(gate, experts)", with shared= for shared experts',
    ]);
    // Without a forward: at all, the children would run in order: the same error.
    expect(failureOf(() => count(MOE("gate, experts").replace(/ {6}forward: .*\n/, "")))).toContain("would run them one after another");
  });

  it("says what is wrong with top_k: and with moe()'s router", () => {
    expect(problemsOf(() => count(MOE('"moe(gate, experts)"', "").replace("top_k: 2", "top_k: 5")))).toEqual([
      "spec.yaml:9:20: top_k is 5, but each token goes to 1 … 4 of the 4 experts [MB360] — give top_k between 1 and repeat:",
    ]);
    expect(problemsOf(() => count("layers:\n  - e: {layer: 'Linear(4, 4)', top_k: 1}\n"))).toEqual([
      "spec.yaml:2:32: top_k: makes a repeat routed experts, and this entry has no repeat: [MB360] — give the number of experts with repeat: N",
    ]);
    expect(problemsOf(() => count(MOE('"moe(gate, experts)"').replace("Linear(8, 4, bias=False)", "Linear(8, 3, bias=False)")))).toEqual([
      "spec.yaml:4:22: moe() needs gate to score each token for the 4 experts, [1, 6, 4], but it gives [1, 6, 3] [MB521] — give the router 4 outputs, e.g. Linear(d, 4, bias=False)",
    ]);
  });
});

describe("adapters", () => {
  it("reproduces PEFT's print_trainable_parameters() for LoRA r=8 on Llama-2-7B's q_proj and v_proj", () => {
    const model = example("llama2-7b", adapterFlag("LoraConfig(r=8, lora_alpha=32, target_modules=['q_proj', 'v_proj'], lora_dropout=0.05, task_type='CAUSAL_LM')"));
    expect(model.totals).toMatchObject({ params: 6_742_609_920, trainable: 4_194_304 });
    expect(TORCH["llama2-7b lora r=8 q_proj,v_proj"]).toMatchObject({ total: 6_742_609_920, trainable: 4_194_304 });
    expectNamedParameters(model, TORCH["llama2-7b lora r=8 q_proj,v_proj"]!);
    const qProj = model.layers.find((layer) => layer.path === "model.layers.[0-31].self_attn.q_proj")!;
    expect(qProj.parameters.map((tensor) => [tensor.name, tensor.shape, tensor.trainable])).toEqual([
      ["weight", [4096, 4096], false],
      ["lora_A.default.weight", [8, 4096], true],
      ["lora_B.default.weight", [4096, 8], true],
    ]);
  });

  it("adds DoRA's magnitude vector per output feature", () => {
    const model = example("llama2-7b", adapterFlag("LoraConfig(r=8, target_modules=['q_proj', 'v_proj'], use_dora=True)"));
    expect(model.totals).toMatchObject({ params: 6_742_872_064, trainable: 4_456_448 });
    expectNamedParameters(model, TORCH["llama2-7b dora r=8 q_proj,v_proj"]!);
  });

  it("reproduces PEFT's quick tour on mt0-large (mT5-large, untied lm_head) and its IA³ guide", () => {
    const base = example("mt0-large");
    expect(base.totals.params).toBe(1_229_581_312);
    expectNamedParameters(base, TORCH["mt0-large"]!);
    const lora = example("mt0-large", adapterFlag("LoraConfig(task_type='SEQ_2_SEQ_LM', inference_mode=False, r=8, lora_alpha=32, lora_dropout=0.1, target_modules=['q', 'v'])"));
    expect(lora.totals).toMatchObject({ params: 1_231_940_608, trainable: 2_359_296 });
    expectNamedParameters(lora, TORCH["mt0-large lora r=8 q,v"]!);
    // PEFT's IA³ guide: "trainable params: 282,624 || all params: 1,229,863,936".
    const ia3 = example("mt0-large", adapterFlag("IA3Config(task_type='SEQ_2_SEQ_LM', target_modules=['k', 'v', 'wo'], feedforward_modules=['wo'])"));
    expect(ia3.totals).toMatchObject({ params: 1_229_863_936, trainable: 282_624 });
  });

  const TINY = `model: tiny
layers:
  - wte: Embedding(10, 4)
  - h:
      repeat: 2
      layers:
        - q_proj: Linear(4, 4)
        - v_proj: Linear(4, 4)
        - mlp: Linear(4, 4)
  - lm_head: Linear(4, 10, bias=False)
tie:
  lm_head.weight: wte.weight
`;
  const tiny = (adapter: string, spec = TINY) => analyzeSpec("spec.yaml", files({ "spec.yaml": spec }), adapterFlag(adapter));

  it("trains the biases bias= names: none, all, lora_only", () => {
    // LoRA r=2 on q_proj: 2 × (2 × 4 + 4 × 2) = 32 per instance set; each Linear(4, 4) has a bias of 4.
    expect(tiny("LoraConfig(r=2, target_modules=['q_proj'])").totals).toMatchObject({ params: 40 + 6 * 20 + 32, trainable: 32 });
    expect(tiny("LoraConfig(r=2, target_modules=['q_proj'], bias='lora_only')").totals.trainable).toBe(32 + 2 * 4);
    expect(tiny("LoraConfig(r=2, target_modules=['q_proj'], bias='all')").totals.trainable).toBe(32 + 6 * 4);
    expect(problemsOf(() => tiny("LoraConfig(target_modules=['q_proj'], bias='lora')"))).toEqual([
      "--adapter:1:39: bias must be one of none, all, lora_only, not 'lora' [MB361] — write bias='none', 'all' or 'lora_only'",
    ]);
  });

  it("copies modules_to_save beside the frozen original, and warns that a tied head is untied", () => {
    const model = tiny("LoraConfig(r=2, target_modules=['q_proj'], modules_to_save=['lm_head'])");
    expect(model.totals).toMatchObject({ params: 40 + 6 * 20 + 32 + 40, trainable: 32 + 40 });
    expect(model.layers.at(-1)!.parameters.map((tensor) => [tensor.name, tensor.trainable, tensor.sharedWith])).toEqual([
      ["weight", false, "wte.weight"],
      ["modules_to_save.default.weight", true, undefined],
    ]);
    expect(model.warnings).toEqual([
      expect.objectContaining({
        code: "MB364",
        severity: "warning",
        file: "--adapter",
        line: 1,
        col: 44,
        message: "modules_to_save copies lm_head.weight, tied to wte.weight, into a trainable tensor of its own: the copy is not tied",
        hint: "its 40 elements count again, and training updates the copy alone",
      }),
    ]);
  });

  it("matches target_modules as PEFT does: a suffix after a dot, or a regex over the whole name", () => {
    expect(tiny("LoraConfig(r=2, target_modules=['q_proj', 'mlp'])").totals.trainable).toBe(2 * 32);
    expect(tiny("LoraConfig(r=2, target_modules='h\\.\\d\\.(q|v)_proj')").totals.trainable).toBe(2 * 32);
    // 'proj' is no dot-separated end of h.0.q_proj, as in PEFT.
    expect(failureOf(() => tiny("LoraConfig(r=2, target_modules=['proj'])"))).toContain("target_modules ['proj'] matches no module of the model");
    expect(failureOf(() => tiny("LoraConfig(r=2, target_modules=['wte', 'q_proj'], use_dora=True)"))).toContain("use_dora on the Embedding wte is not supported yet");
  });

  it("applies rank_pattern from the spec's adapters: section, by a module-name regex", () => {
    const spec = `${TINY}adapters:
  default:
    config: "LoraConfig(r=2, target_modules=['q_proj', 'v_proj'])"
    rank_pattern: {v_proj: 4}
`;
    // q_proj r=2: 16 per instance; v_proj r=4: 32 per instance.
    expect(count(spec).totals.trainable).toBe(2 * 16 + 2 * 32);
    expect(failureOf(() => count(spec.replace("v_proj: 4", "'h\\.1\\.v_proj': 4")))).toContain("rank_pattern 'h\\.1\\.v_proj' matches 1 of the 2 instances of h.[0-1].v_proj");
  });

  it("says which target matched nothing, and refuses a regex that splits a repeat", () => {
    expect(problemsOf(() => tiny("LoraConfig(target_modules=['q_prj'])"))).toEqual([
      "--adapter:1:12: target_modules ['q_prj'] matches no module of the model [MB362] — PEFT matches a name against the end of each module's path, after a dot: q_proj matches model.layers.0.self_attn.q_proj",
    ]);
    expect(problemsOf(() => tiny("LoraConfig(target_modules='h.0.q_proj')"))).toEqual([
      "--adapter:1:12: target_modules matches 1 of the 2 instances of h.[0-1].q_proj [MB363] — split the repeat so the adapted instances are an entry of their own, or match every instance",
    ]);
    const huge = TINY.replace("repeat: 2", "repeat: 2000000");
    expect(problemsOf(() => tiny("LoraConfig(target_modules='h\\..*\\.q_proj')", huge))).toEqual([
      "--adapter:1:12: target_modules would be tried on more than 1,000,000 module instances, one by one [MB361] — use a list of names without indices (matched once per entry), or split the repeats",
    ]);
    // A list of names is matched once per entry, whatever the repeat.
    expect(tiny("LoraConfig(r=2, target_modules=['q_proj'])", huge).totals.trainable).toBe(2_000_000 * 16);
    expect(problemsOf(() => tiny("LoraConfg(r=8)"))).toEqual(["--adapter:1:1: unknown adapter config 'LoraConfg' [MB361] — did you mean 'LoraConfig'?"]);
    expect(problemsOf(() => tiny("LoraConfig(r=8, target_module=['q_proj'])"))).toEqual([
      "--adapter:1:17: LoraConfig has no argument 'target_module' [MB405] — did you mean 'target_modules'?",
    ]);
  });
});
