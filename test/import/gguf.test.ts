import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGguf } from "../../src/import/gguf.js";
import { withFileBytes } from "../../src/import/bytes.js";
import { runDist, showsStackTrace } from "../helpers/run-dist.js";
import { failureOf, readsOf, tempDir, writeParts, type Part } from "./files.js";

// GGUF, written byte by byte from its specification (ggml's docs/gguf.md): little-endian "GGUF" magic,
// uint32 version, uint64 tensor and metadata counts, the metadata (string key, uint32 value type,
// value), the tensor infos (name, uint32 rank, uint64 dimensions innermost first, uint32 ggml type,
// uint64 offset into the data), then the data at the next multiple of general.alignment (32).
const u32 = (value: number) => new Uint8Array(new Uint32Array([value]).buffer);
const u64 = (value: number) => new Uint8Array(new BigUint64Array([BigInt(value)]).buffer);
const text = (value: string) => {
  const bytes = new TextEncoder().encode(value);
  return [u64(bytes.length), bytes];
};
const STRING = 8;
const ARRAY = 9;
const UINT32 = 4;

interface Tensor {
  name: string;
  /** ggml's order: the row (innermost) dimension first. */
  dims: number[];
  type: number;
  bytes: number;
}

const pad = (offset: number) => (32 - (offset % 32)) % 32;

/** A GGUF file: a few metadata entries, the tensor infos, and the data as holes, each tensor 32-byte aligned. */
function gguf(tensors: readonly Tensor[], options: { magic?: string; version?: number; dataCut?: number; blocks?: number; sizes?: Record<string, number> } = {}): Part[] {
  const sizes = Object.entries(options.sizes ?? {}).flatMap(([key, value]) => [...text(key), u32(UINT32), u32(value)]);
  const metadata: Part[] = [
    ...text("general.architecture"),
    u32(STRING),
    ...text("llama"),
    ...text("llama.block_count"),
    u32(UINT32),
    u32(options.blocks ?? 1),
    ...text("tokenizer.ggml.tokens"),
    u32(ARRAY),
    u32(STRING),
    u64(3),
    ...text("<s>"),
    ...text("a"),
    ...text("b"),
    ...sizes,
  ];
  let offset = 0;
  const infos: Part[] = [];
  for (const tensor of tensors) {
    infos.push(...text(tensor.name), u32(tensor.dims.length), ...tensor.dims.map(u64), u32(tensor.type), u64(offset));
    offset += tensor.bytes + pad(tensor.bytes);
  }
  const header: Part[] = [
    new TextEncoder().encode(options.magic ?? "GGUF"),
    u32(options.version ?? 3),
    u64(tensors.length),
    u64(3 + Object.keys(options.sizes ?? {}).length),
    ...metadata,
    ...infos,
  ];
  const headerLength = header.reduce<number>((sum, part) => sum + (typeof part === "number" ? part : part.length), 0);
  return [...header, pad(headerLength) + offset - (options.dataCut ?? 0)];
}

// Q4_K: 256 weights in 144 bytes; Q8_0: 32 in 34; F32: 4 bytes each; Q6_K: 256 in 210.
const TENSORS: Tensor[] = [
  { name: "token_embd.weight", dims: [256, 100], type: 12, bytes: 100 * 144 },
  { name: "blk.0.attn_q.weight", dims: [256, 256], type: 8, bytes: ((256 * 256) / 32) * 34 },
  { name: "blk.0.attn_norm.weight", dims: [256], type: 0, bytes: 256 * 4 },
  { name: "output.weight", dims: [256, 100], type: 14, bytes: 100 * 210 },
];

const dir = tempDir();
const write = (name: string, parts: Part[]) => writeParts(join(dir, name), parts);

describe("GGUF headers", () => {
  it("gives each tensor's logical shape and the exact bytes its ggml type stores, reading the header only", () => {
    const file = write("tiny.gguf", gguf(TENSORS));
    const { result, reads } = readsOf(file, readGguf);
    expect(result.version).toBe(3);
    expect(result.metadata.get("general.architecture")).toBe("llama");
    expect(result.metadata.get("llama.block_count")).toBe(1);
    expect(result.metadata.get("tokenizer.ggml.tokens")).toEqual({ array: 3, values: ["<s>", "a", "b"] });
    expect(result.tensors.map(({ name, shape, dtype, ggmlType, storedBytes }) => [name, shape, dtype, ggmlType, storedBytes])).toEqual([
      ["token_embd.weight", [100, 256], "ggml_q4_k", "Q4_K", 14_400],
      ["blk.0.attn_q.weight", [256, 256], "ggml_q8_0", "Q8_0", 69_632],
      ["blk.0.attn_norm.weight", [256], "float32", "F32", 1_024],
      ["output.weight", [100, 256], "ggml_q6_k", "Q6_K", 21_000],
    ]);
    // One window from the start: the whole header in one read.
    expect(reads).toEqual([
      [
        0,
        Math.min(
          1 << 16,
          withFileBytes(file, (source) => source.size),
        ),
      ],
    ]);
  });

  it("refuses a damaged file at the byte where it goes wrong", () => {
    const read = (name: string, parts: Part[]) => failureOf(() => withFileBytes(write(name, parts), readGguf));
    expect(read("magic.gguf", gguf(TENSORS, { magic: "GGML" }))).toBe(
      `${dir}/magic.gguf: at byte 0: the file does not start with GGUF's magic bytes\n  name a .gguf file that llama.cpp wrote`,
    );
    expect(read("version.gguf", gguf(TENSORS, { version: 7 }))).toBe(`${dir}/version.gguf: at byte 4: GGUF version 7; model-budget reads versions 2 and 3`);
    expect(read("cut.gguf", gguf(TENSORS, { dataCut: pad(21_000) + 1 }))).toMatch(
      /: at byte \d+: tensor output\.weight's 21000 bytes at data offset 85056 run past the end of the file \(\d+ bytes\)\n {2}is the file truncated\?$/,
    );
    expect(read("rows.gguf", gguf([{ name: "w", dims: [100, 2], type: 12, bytes: 288 }]))).toMatch(
      /: at byte 176: tensor w's rows of 100 elements are not whole Q4_K blocks of 256$/,
    );
    expect(read("type.gguf", gguf([{ name: "w", dims: [4], type: 99, bytes: 16 }]))).toMatch(
      /: at byte 176: tensor w has ggml type 99, which model-budget does not know\n {2}convert it again/,
    );
    expect(read("rank.gguf", gguf([{ name: "w", dims: [1, 1, 1, 1, 1], type: 0, bytes: 4 }]))).toMatch(/: at byte 185: tensor w has 5 dimensions; ggml has at most 4$/);
    // The header is 24 bytes, the metadata 152 (general.architecture 45, llama.block_count 33, the tokens 74): the
    // first tensor info starts at byte 176, its rank after the 9 bytes of its name.
    // A count no file could hold is refused before anything loops over it.
    expect(read("count.gguf", [new TextEncoder().encode("GGUF"), u32(3), u64(2 ** 40), u64(0), 64])).toMatch(
      /: at byte 8: 1099511627776 tensors and 0 metadata entries cannot fit in 88 bytes$/,
    );
  });

  it("import gguf writes a spec of the logical parameters and notes the bytes stored, through dist/cli.js", () => {
    const file = write("tiny-q4.gguf", gguf(TENSORS));
    const run = runDist(["import", "gguf", file, "-o", join(dir, "tiny.yaml")]);
    expect(showsStackTrace(run.stderr)).toBe(false);
    expect(run.status).toBe(0);
    // 100 · 256 + 256 · 256 + 256 + 100 · 256 logical weights.
    expect(run.stdout).toBe(`model-budget: wrote ${dir}/tiny.yaml: 116,992 parameters\n`);
    expect(run.stderr).toBe(
      "model-budget: note: the file stores these logical elements in 106,056 bytes of tensor data: Q4_K 25,600 elements in 14,400 bytes (1 tensors), Q8_0 65,536 elements in 69,632 bytes (1 tensors), F32 256 elements in 1,024 bytes (1 tensors), Q6_K 25,600 elements in 21,000 bytes (1 tensors)\n",
    );
  });
});

/** A two-layer Llama of width 64 (4 heads, 2 key/value heads, MLP 128, vocabulary 100) as llama.cpp names its F16 tensors. */
function tinyLlama(): Tensor[] {
  const f16 = (name: string, dims: number[]) => ({ name, dims, type: 1, bytes: dims.reduce((a, b) => a * b, 1) * 2 });
  const blocks = [0, 1].flatMap((i) => [
    f16(`blk.${i}.attn_q.weight`, [64, 64]),
    f16(`blk.${i}.attn_k.weight`, [64, 32]),
    f16(`blk.${i}.attn_v.weight`, [64, 32]),
    f16(`blk.${i}.attn_output.weight`, [64, 64]),
    f16(`blk.${i}.ffn_gate.weight`, [64, 128]),
    f16(`blk.${i}.ffn_up.weight`, [64, 128]),
    f16(`blk.${i}.ffn_down.weight`, [128, 64]),
    { name: `blk.${i}.attn_norm.weight`, dims: [64], type: 0, bytes: 256 },
    { name: `blk.${i}.ffn_norm.weight`, dims: [64], type: 0, bytes: 256 },
  ]);
  return [
    f16("token_embd.weight", [64, 100]),
    { name: "rope_freqs.weight", dims: [8], type: 0, bytes: 32 },
    ...blocks,
    { name: "output_norm.weight", dims: [64], type: 0, bytes: 256 },
    f16("output.weight", [64, 100]),
  ];
}

const config = (intermediate: number) =>
  JSON.stringify(
    {
      model_type: "llama",
      architectures: ["LlamaForCausalLM"],
      hidden_size: 64,
      intermediate_size: intermediate,
      num_attention_heads: 4,
      num_key_value_heads: 2,
      num_hidden_layers: 2,
      vocab_size: 100,
      max_position_embeddings: 256,
    },
    null,
    2,
  );

describe("check --against a .gguf", () => {
  it("matches a Llama's GGUF tensors to transformers' names, so a config.json or spec is checked against them", () => {
    write("tiny-llama.gguf", gguf(tinyLlama()));
    writeFileSync(join(dir, "config.json"), config(128));
    const match = runDist(["check", "config.json", "--against", "tiny-llama.gguf"], { cwd: dir });
    expect(match.status).toBe(0);
    expect(match.stdout).toContain("  ✓ every tensor matches the checkpoint tiny-llama.gguf\n");

    writeFileSync(join(dir, "config.json"), config(192));
    const drift = runDist(["check", "config.json", "--against", "tiny-llama.gguf", "--format", "json"], { cwd: dir });
    expect(drift.status).toBe(3);
    const messages = (JSON.parse(drift.stdout).models[0].checkpoint.diagnostics as { line: number; message: string }[]).map(
      (problem) => `${problem.line}: ${problem.message.replace(/ — .*/, "")}`,
    );
    // At the config's line 7, "intermediate_size", which the MLP's projections were made from.
    expect(messages).toEqual([
      "7: 2 tensors: model.layers.0.mlp.gate_proj.weight, model.layers.1.mlp.gate_proj.weight is [192, 64] in the spec but [128, 64] in tiny-llama.gguf",
      "7: 2 tensors: model.layers.0.mlp.up_proj.weight, model.layers.1.mlp.up_proj.weight is [192, 64] in the spec but [128, 64] in tiny-llama.gguf",
      "7: 2 tensors: model.layers.0.mlp.down_proj.weight, model.layers.1.mlp.down_proj.weight is [64, 192] in the spec but [64, 128] in tiny-llama.gguf",
    ]);
  });
});

describe("import gguf of a llama-family file", () => {
  // llama.cpp's metadata for tinyLlama(): what convert_hf_to_gguf.py writes from its config.json.
  const sizes = (feedForward: number) => ({
    "llama.embedding_length": 64,
    "llama.feed_forward_length": feedForward,
    "llama.attention.head_count": 4,
    "llama.attention.head_count_kv": 2,
    "llama.context_length": 256,
  });

  it("writes the spec of the config.json its architecture metadata describes, when it counts the file's tensors", () => {
    const file = write("meta-llama.gguf", gguf(tinyLlama(), { blocks: 2, sizes: sizes(128) }));
    const run = runDist(["import", "gguf", file, "-o", join(dir, "meta-llama.yaml")]);
    expect(run.status).toBe(0);
    // 100 · 64 embedding + 2 × (2 · 64 · 64 + 2 · 64 · 32 + 3 · 64 · 128 + 2 · 64) + 64 + 100 · 64 head; rope_freqs is no parameter.
    // The 8 buffer elements are the rotary embedding's inv_freq (head_dim / 2), which transformers computes and never saves.
    expect(run.stdout).toBe(`model-budget: wrote ${dir}/meta-llama.yaml: 86,848 parameters, 8 buffer elements\n`);
    expect(run.stderr).toMatch(/^model-budget: note: the file stores these logical elements in \d[\d,]* bytes of tensor data: F16 /);
    const spec = readFileSync(join(dir, "meta-llama.yaml"), "utf8");
    expect(spec).toContain("# LlamaForCausalLM as transformers builds it from");
    expect(spec).toContain("# The vars are the config's keys; they are the GGUF file's llama.* metadata.\n");
    expect(spec).toContain("vars:\n  hidden_size: 64\n  num_attention_heads: 4\n  num_key_value_heads: 2\n");
    expect(spec).toContain("attention(q_proj, k_proj, v_proj, heads=num_attention_heads, kv_heads=num_key_value_heads, causal=True, rope=True)");
    expect(spec).not.toContain("tie:");
    // The spec it wrote counts the same, with shapes: the forward is followed.
    const report = runDist(["report", "meta-llama.yaml", "--format", "json"], { cwd: dir });
    expect(report.status).toBe(0);
    const counted = JSON.parse(report.stdout) as { totals: { params: number }; shapes: { output: number[] } };
    expect(counted.totals.params).toBe(86848);
    expect(counted.shapes.output).toEqual([1, 256, 100]);
  });

  it("keeps GGUF's tensors, and says why, when the metadata's config counts otherwise", () => {
    const file = write("drifted-llama.gguf", gguf(tinyLlama(), { blocks: 2, sizes: sizes(192) }));
    const run = runDist(["import", "gguf", file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("\n  - blk:\n      repeat: 2\n      layers:\n        - attn_q: Linear(64, 64, bias=False, dtype=torch.float16)\n");
    // 2 × 3 · 64 · 64 more in the MLPs: 111,424.
    expect(run.stderr).toContain("model-budget: note: the spec keeps GGUF's tensors: the llama config its metadata describes has 111,424 parameters, its tensors 86,848\n");
  });
});
