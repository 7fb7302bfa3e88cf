import { describe, expect, it } from "vitest";
import { settingsFromOptions } from "../../src/memory/index.js";
import { analyzeSpec, toJsonReport } from "../../src/analysis/index.js";
import { DIAGNOSTICS, userErrors } from "../../src/diagnostics/index.js";
import { files, messagesOf } from "../helpers/specs.js";

const analyze = (text: string) => analyzeSpec("config.json", files({ "config.json": text }));
const problems = (text: string) => messagesOf(() => analyze(text));

/** A two-layer Llama-2-7B-sized config; `extra` adds keys, `edit` changes the text. */
const llama = (extra = "", edit: (text: string) => string = (text) => text) =>
  edit(`{
  "model_type": "llama",
  "architectures": ["LlamaForCausalLM"],
  "hidden_size": 4096,
  "intermediate_size": 11008,
  "num_attention_heads": 32,
  "num_hidden_layers": 2,
  "vocab_size": 32000,
  "max_position_embeddings": 4096${extra}
}
`);

const SUPPORTED =
  "Supported: bert, deepseek_v2, deepseek_v3, falcon, gemma, gemma2, gpt2, gpt_neox, llama, mistral, mixtral, mt5, olmo, olmo2, phi3, qwen2, qwen2_moe, qwen3, roberta, starcoder2, t5; or describe the model in a YAML spec (docs/spec.md); model-budget import safetensors FILE writes one from its checkpoint";

describe("config.json diagnostics, at the key's line and column", () => {
  it("an unknown model_type names the supported families and how to write a spec instead", () => {
    expect(problems(`{\n  "architectures": ["MambaForCausalLM"],\n  "model_type": "mamba"\n}\n`)).toEqual([
      `config.json:3:17: model_type "mamba" is not a family model-budget translates\n  ${SUPPORTED}`,
    ]);
    expect(problems(`{\n  "architectures": ["LlamaForCausalLM"],\n  "model_type": "lama"\n}\n`)).toEqual([
      `config.json:3:17: model_type "lama" is not a family model-budget translates\n  did you mean "llama"? ${SUPPORTED}`,
    ]);
  });

  it("a missing size or class is an error naming the key", () => {
    expect(problems(llama("", (text) => text.replace('  "hidden_size": 4096,\n', "")))).toEqual([
      'config.json:1:1: this llama config has no "hidden_size" (the model width), which the model\'s size depends on\n  add "hidden_size" as the model\'s published config.json has it',
    ]);
    expect(problems(llama("", (text) => text.replace('  "architectures": ["LlamaForCausalLM"],\n', "")))).toEqual([
      'config.json:1:1: this llama config has no "architectures" (the class to count, such as ["LlamaForCausalLM"]), which the model\'s size depends on\n  add "architectures" as the model\'s published config.json has it',
    ]);
  });

  it("sizes that do not fit together, at the key to change", () => {
    expect(problems(llama("", (text) => text.replace('4096,\n  "inter', '4000,\n  "inter').replace('"num_attention_heads": 32', '"num_attention_heads": 48')))).toEqual([
      'config.json:4:18: "hidden_size" (4000) is not divisible by "num_attention_heads" (48), as the attention\'s heads need\n  make "hidden_size" a multiple of 48, or set "num_attention_heads" to one of its divisors',
    ]);
    expect(problems(llama(',\n  "num_key_value_heads": 5'))).toEqual([
      'config.json:10:26: "num_attention_heads" (32) is not divisible by "num_key_value_heads" (5), as the attention\'s heads need\n  make "num_attention_heads" a multiple of 5, or set "num_key_value_heads" to one of its divisors',
    ]);
    // head_dim given: Gemma-7B's 16 heads of 256 over a width of 3072 are fine.
    expect(
      analyze(llama(',\n  "head_dim": 256', (text) => text.replace('4096,\n  "inter', '3072,\n  "inter').replace('"num_attention_heads": 32', '"num_attention_heads": 16'))).totals
        .params,
    ).toBeGreaterThan(0);
  });

  it("a value of the wrong kind, an unsupported class or setting", () => {
    expect(problems(llama("", (text) => text.replace('"num_hidden_layers": 2', '"num_hidden_layers": "2"')))).toEqual([
      'config.json:7:24: "num_hidden_layers" is "2", not a positive whole number\n  write the number of decoder layers as a JSON integer',
    ]);
    expect(problems(llama("", (text) => text.replace('"LlamaForCausalLM"', '"LlamaForQuestionAnswering"')))).toEqual([
      'config.json:3:21: LlamaForQuestionAnswering is not a class model-budget builds for model_type "llama"\n  Supported: LlamaForCausalLM, LlamaModel, LlamaForSequenceClassification; or describe the model in a YAML spec (docs/spec.md); model-budget import safetensors FILE writes one from its checkpoint',
    ]);
    expect(problems(llama(',\n  "hidden_act": "my_act"'))).toEqual([
      'config.json:10:17: "hidden_act": "my_act" is not supported for llama (its activation decides the forward pass)\n  supported: "silu", "swish", "relu", "gelu", "gelu_new", "gelu_fast", "gelu_pytorch_tanh", "tanh"; or write the model as a spec (model-budget import hf-config writes one to start from)',
    ]);
  });

  it("every layer's position is the config key it was made from", () => {
    const positions = Object.fromEntries(analyze(llama()).layers.map((layer) => [layer.path, `${layer.position.line}:${layer.position.col}`]));
    expect(positions["model.layers.[0-1].self_attn.q_proj"]).toBe("6:3");
    expect(positions["model.layers.[0-1].mlp.gate_proj"]).toBe("5:3");
    expect(positions["model.embed_tokens"]).toBe("8:3");
    expect(positions["lm_head"]).toBe("8:3");
  });

  it("a family whose forward is not followed counts exactly and warns at model_type, with no shapes", () => {
    // Qwen3 normalizes q and k per head, which the attention op does not express.
    const qwen3 = llama("", (text) => text.replace('"llama"', '"qwen3"').replace("LlamaForCausalLM", "Qwen3ForCausalLM"));
    const result = analyze(qwen3);
    expect(result.shapes).toBeUndefined();
    expect(result.warnings?.map((warning) => [warning.code, `${warning.file}:${warning.line}:${warning.col}`])).toEqual([["MB835", "config.json:2:3"]]);
    expect(analyze(llama()).warnings).toBeUndefined();
  });

  it("Mixtral's experts are routed with the moe op: shapes follow num_experts_per_tok of them per token", () => {
    const mixtral = (topK: string) => llama(`,\n  "num_local_experts": 4${topK}`, (text) => text.replace('"llama"', '"mixtral"').replace("LlamaForCausalLM", "MixtralForCausalLM"));
    const two = analyze(mixtral(""));
    const one = analyze(mixtral(',\n  "num_experts_per_tok": 1'));
    expect(two.warnings).toBeUndefined();
    expect(two.totals.params).toBe(one.totals.params);
    // One expert fewer per token: its three projections' MACs once per token and layer.
    const expert = two.layers.filter((layer) => /experts/.test(layer.path)).reduce((sum, layer) => sum + layer.params * layer.count, 0) / 4;
    const tokens = two.shapes!.input[1]!;
    expect(two.shapes!.totals.macs - one.shapes!.totals.macs).toBe((expert / 2) * tokens * 2);
    expect(problems(mixtral(',\n  "num_experts_per_tok": 5'))).toEqual([
      'config.json:11:26: "num_experts_per_tok" is more than the 4 experts\n  route each token to at most num_local_experts experts',
    ]);
  });

  it("docs/diagnostics.md's config.json examples that are whole configs get their code", () => {
    const runnable = Object.values(DIAGNOSTICS).filter((kind) => kind.exampleIn === "config.json" && !kind.example.includes("..."));
    expect(runnable.map((kind) => kind.code)).toEqual(["MB830", "MB831"]);
    for (const kind of runnable) {
      let codes: string[] = [];
      try {
        analyze(kind.example);
      } catch (error) {
        codes = (userErrors(error) ?? []).map((problem) => problem.code);
      }
      expect(codes).toEqual([kind.code]);
    }
  });
});

describe("a quantized model's config.json", () => {
  const quantized = (settings: string) => llama(`,\n  "quantization_config": ${settings}`);
  const warningsOf = (result: ReturnType<typeof analyze>) =>
    result.warnings?.map((warning) => `${warning.code} ${warning.file}:${warning.line}:${warning.col}: ${warning.message}\n  ${warning.hint}`);

  it("counts the logical parameters and stores the decoder layers' weight matrices in GPTQ's 4-bit groups", () => {
    const text = quantized('{"quant_method": "gptq", "bits": 4, "group_size": 128}');
    expect(analyze(text).totals.params).toBe(analyze(llama()).totals.params);
    expect(warningsOf(analyze(text))).toEqual([
      "MB838 config.json:10:3: quantization_config (gptq, 4 bits) is applied as int4(block_size=128, scale=float16) to the decoder layers' weight matrices; GPTQ's zero points (4 bits per group and output) and g_idx (4 bytes per input feature) are not counted\n  the counts are the logical parameters; embeddings, norms, biases and lm_head keep the recipe's floating dtype",
    ]);
    const report = toJsonReport(
      analyzeSpec(
        "config.json",
        files({ "config.json": text }),
        settingsFromOptions({ precision: "bf16" }, (option) => `--${option}`),
      ),
    );
    // Half a byte per weight of a decoder layer's matrix and a float16 scale per 128 of them; everything else in bfloat16.
    const expected = report.layers.reduce((sum, layer) => {
      const quantizedLayer = layer.path.startsWith("model.layers.");
      const bytes = layer.parameters.reduce(
        (total, tensor) => total + (quantizedLayer && tensor.shape.length === 2 ? tensor.numel / 2 + (tensor.numel / 128) * 2 : tensor.numel * 2),
        0,
      );
      return sum + bytes * layer.count;
    }, 0);
    expect(report.memory!.weights).toBe(expected);
    expect(report.layers.find((layer) => layer.path === "model.layers.[0-1].self_attn.q_proj")!.parameters[0]!.dtype).toBe("int4(block_size=128, scale=float16)");
    expect(report.layers.find((layer) => layer.path === "lm_head")!.parameters[0]!.dtype).toBe("bfloat16");
  });

  it("takes bitsandbytes' 4-bit format and double quantization, and says why it does not apply what it cannot", () => {
    const nf4 = quantized('{"quant_method": "bitsandbytes", "load_in_4bit": true, "bnb_4bit_quant_type": "nf4", "bnb_4bit_use_double_quant": true}');
    expect(warningsOf(analyze(nf4))![0]).toMatch(/^MB838 config\.json:10:3: quantization_config \(bitsandbytes, 4 bits\) is applied as nf4\(double_quant=True\) to /);
    const kept = quantized('{"quant_method": "bitsandbytes", "load_in_4bit": true, "modules_to_not_convert": ["lm_head", "mlp.gate_proj"]}');
    expect(warningsOf(analyze(kept))![0]).toMatch(
      /^MB836 config\.json:10:3: quantization_config \(bitsandbytes, 4 bits\) is not applied \(its modules_to_not_convert names modules inside the layers, which model-budget does not keep apart yet\)/,
    );
    expect(warningsOf(analyze(quantized('{"quant_method": "gptq", "bits": 3, "group_size": 128}')))![0]).toMatch(
      /^MB836 .* is not applied \(model-budget applies bitsandbytes' 4- and 8-bit formats and 4-bit GPTQ or AWQ with a group_size only\)/,
    );
  });
});
