import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withFileBytes } from "../../src/import/bytes.js";
import { readCheckpoint } from "../../src/import/checkpoint.js";
import { readSafetensors, readSafetensorsIndex } from "../../src/import/safetensors.js";
import { failureOf, readsOf, safetensorsHeader, tempDir, writeSafetensors, type TensorEntry } from "./files.js";

const dir = tempDir();
let serial = 0;

/** Writes a well-formed file of these tensors, laid out back to back. */
function file(tensors: TensorEntry[], name = `t${serial++}.safetensors`): string {
  const { header, dataLength } = safetensorsHeader(tensors, { format: "pt" });
  return writeSafetensors(join(dir, name), header, dataLength);
}

/** The message a malformed file gets. */
const failure = (path: string, read: (file: string) => unknown = (file) => withFileBytes(file, readSafetensors)) => failureOf(() => read(path));

const GPT2_BLOCK: TensorEntry[] = [
  { name: "h.0.ln_1.weight", dtype: "F32", shape: [768] },
  { name: "h.0.attn.c_attn.weight", dtype: "F32", shape: [768, 2304] },
  { name: "h.0.attn.bias", dtype: "BOOL", shape: [1, 1, 1024, 1024] },
];

describe("safetensors headers", () => {
  it("reads names, shapes and dtypes, in header order", () => {
    const tensors = withFileBytes(file([...GPT2_BLOCK, { name: "step", dtype: "I64", shape: [] }, { name: "half", dtype: "BF16", shape: [3, 0] }]), readSafetensors);
    expect(tensors.map(({ name, shape, dtype }) => ({ name, shape, dtype }))).toEqual([
      { name: "h.0.ln_1.weight", shape: [768], dtype: "float32" },
      { name: "h.0.attn.c_attn.weight", shape: [768, 2304], dtype: "float32" },
      { name: "h.0.attn.bias", shape: [1, 1, 1024, 1024], dtype: "bool" },
      { name: "step", shape: [], dtype: "int64" },
      { name: "half", shape: [3, 0], dtype: "bfloat16" },
    ]);
  });

  it("reads only the length and the header: a 15 GB checkpoint in two reads", () => {
    // 15 GB of bf16 weights as a hole in a sparse file; only the header is ever written or read.
    const tensors = Array.from({ length: 30 }, (_, i) => ({ name: `model.layers.${i}.mlp.weight`, dtype: "BF16", shape: [16384, 16384] }));
    const path = file(tensors, "large.safetensors");
    const started = performance.now();
    const { result, reads } = readsOf(path, readSafetensors);
    expect(result).toHaveLength(30);
    expect(reads).toHaveLength(2);
    expect(reads[0]).toEqual([0, 8]);
    expect(reads[1]![0] + reads[1]![1]).toBeLessThan(8 * 1024);
    expect(withFileBytes(path, (source) => source.size)).toBeGreaterThan(15e9);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses a header length beyond the file or the format's bound", () => {
    const { header, dataLength } = safetensorsHeader(GPT2_BLOCK);
    const tooLong = writeSafetensors(join(dir, "too-long.safetensors"), header, 0, 1_000_000);
    expect(failure(tooLong)).toBe(
      `${tooLong}: at byte 0: the header length reads 1000000 bytes, but only ${JSON.stringify(header).length + ((8 - (JSON.stringify(header).length % 8)) % 8)} bytes follow it\n  the file is truncated, or not a safetensors file`,
    );
    const absurd = writeSafetensors(join(dir, "absurd.safetensors"), header, dataLength, 2 ** 40);
    expect(failure(absurd)).toMatch(/at byte 0: the header length reads 1099511627776 bytes, more than the 100000000 a safetensors header may have/);
    const tiny = join(dir, "tiny.safetensors");
    writeFileSync(tiny, "abc");
    expect(failure(tiny)).toBe(`${tiny}: at byte 0: the file has 3 bytes, fewer than the 8 that give a safetensors header's length`);
  });

  it("refuses a truncated file, naming the tensor whose data is cut off", () => {
    const { header, dataLength } = safetensorsHeader(GPT2_BLOCK);
    const path = writeSafetensors(join(dir, "truncated.safetensors"), header, dataLength - 1);
    expect(failure(path)).toMatch(/at byte \d+: the file ends here, but the tensors' data runs to byte \d+ \(the end of 'h\.0\.attn\.bias'\)\n {2}the file is truncated$/);
  });

  it("refuses overlapping offsets, gaps, trailing bytes and a span that disagrees with shape × dtype", () => {
    const overlap = safetensorsHeader(GPT2_BLOCK);
    (overlap.header["h.0.attn.bias"] as { data_offsets: number[] }).data_offsets = [3072, 3072 + 1024 * 1024];
    const overlapping = writeSafetensors(join(dir, "overlap.safetensors"), overlap.header, 3072 + 1024 * 1024);
    expect(failure(overlapping)).toMatch(
      /overlap\.safetensors: at byte 3336: tensor 'h\.0\.attn\.c_attn\.weight' starts at data offset 3072, inside 'h\.0\.attn\.bias' \[3072, 1051648\]: their bytes overlap$/,
    );

    const gap = safetensorsHeader(GPT2_BLOCK.slice(0, 1));
    (gap.header["h.0.ln_1.weight"] as { data_offsets: number[] }).data_offsets = [8, 3080];
    expect(failure(writeSafetensors(join(dir, "gap.safetensors"), gap.header, 3080))).toMatch(/data bytes 0 to 8 belong to no tensor/);

    const trailing = safetensorsHeader(GPT2_BLOCK.slice(0, 1));
    expect(failure(writeSafetensors(join(dir, "trailing.safetensors"), trailing.header, trailing.dataLength + 5))).toMatch(/5 bytes follow the last tensor's data/);

    const wrong = safetensorsHeader([{ name: "w", dtype: "F16", shape: [10] }]);
    (wrong.header.w as { dtype: string }).dtype = "F32";
    expect(failure(writeSafetensors(join(dir, "span.safetensors"), wrong.header, wrong.dataLength))).toMatch(
      /at byte 9: tensor 'w' is F32 \[10\], 40 bytes, but its data_offsets \[0, 20\] span 20\n {2}the header does not describe this data/,
    );
  });

  it("refuses header fields of the wrong kind, at the byte of the tensor's entry", () => {
    const cases: [unknown, RegExp][] = [
      [{ w: { dtype: "F128", shape: [1], data_offsets: [0, 16] } }, /at byte 9: tensor 'w' has dtype "F128", which is no safetensors dtype\n {2}the dtypes are BOOL, U8, I8/],
      [{ w: { dtype: "F32", shape: [-1], data_offsets: [0, 4] } }, /tensor 'w' needs a shape of non-negative integers, got \[-1\]/],
      [{ w: { dtype: "F32", shape: [1], data_offsets: [4, 0] } }, /tensor 'w' needs data_offsets \[begin, end\] with begin <= end, got \[4,0\]/],
      [{ w: [1, 2] }, /tensor 'w' is described by \[1,2\], not by an object/],
      [{ __metadata__: { step: 3 } }, /at byte 9: __metadata__ must map strings to strings/],
      [[1, 2], /at byte 8: the JSON is not an object/],
      [{ w: { dtype: "F32", shape: [2 ** 30, 2 ** 30, 2 ** 30], data_offsets: [0, 0] } }, /has more elements than can be counted exactly/],
    ];
    cases.forEach(([header, message], index) => expect(failure(writeSafetensors(join(dir, `field${index}.safetensors`), header, 0))).toMatch(message));
    const broken = join(dir, "broken-json.safetensors");
    const text = new TextEncoder().encode('{"w": {');
    writeFileSync(broken, Buffer.concat([Buffer.from([text.length, 0, 0, 0, 0, 0, 0, 0]), text]));
    expect(failure(broken)).toMatch(/at byte 8: the JSON does not parse: /);
  });
});

describe("sharded safetensors", () => {
  const shardDir = tempDir();
  const shard = (name: string, tensors: TensorEntry[]) => {
    const { header, dataLength } = safetensorsHeader(tensors);
    writeSafetensors(join(shardDir, name), header, dataLength);
  };
  const index = (name: string, weightMap: Record<string, string>) => {
    const path = join(shardDir, name);
    writeFileSync(path, JSON.stringify({ metadata: { total_size: 0 }, weight_map: weightMap }, null, 2));
    return path;
  };
  shard("model-00001-of-00002.safetensors", [{ name: "embed.weight", dtype: "BF16", shape: [32000, 4096] }]);
  shard("model-00002-of-00002.safetensors", [
    { name: "norm.weight", dtype: "BF16", shape: [4096] },
    { name: "lm_head.weight", dtype: "BF16", shape: [32000, 4096] },
  ]);
  const weightMap = {
    "embed.weight": "model-00001-of-00002.safetensors",
    "lm_head.weight": "model-00002-of-00002.safetensors",
    "norm.weight": "model-00002-of-00002.safetensors",
  };

  it("reads every shard's header through model.safetensors.index.json, in the index's order", () => {
    const checkpoint = readCheckpoint(index("model.safetensors.index.json", weightMap));
    expect(checkpoint.format).toBe("safetensors");
    expect(checkpoint.tensors.map((tensor) => [tensor.name, tensor.file.split("/").at(-1)])).toEqual([
      ["embed.weight", "model-00001-of-00002.safetensors"],
      ["lm_head.weight", "model-00002-of-00002.safetensors"],
      ["norm.weight", "model-00002-of-00002.safetensors"],
    ]);
  });

  it("refuses an index that disagrees with its shards, a missing shard, or a shard outside the directory", () => {
    const stale = index("stale.index.json", { ...weightMap, "extra.weight": "model-00001-of-00002.safetensors" });
    expect(failure(stale, readSafetensorsIndex)).toMatch(
      /stale\.index\.json: at byte \d+: the index maps 'extra\.weight' to model-00001-of-00002\.safetensors, which does not hold it/,
    );
    const partial = index("partial.index.json", { "embed.weight": "model-00001-of-00002.safetensors", "norm.weight": "model-00002-of-00002.safetensors" });
    expect(failure(partial, readSafetensorsIndex)).toMatch(
      /model-00002-of-00002\.safetensors: at byte 8: the shard holds 'lm_head\.weight', which .*partial\.index\.json maps to no shard/,
    );
    const missing = index("missing.index.json", { "embed.weight": "model-00009.safetensors" });
    expect(failure(missing, readSafetensorsIndex)).toMatch(/missing\.index\.json: at byte \d+: the shard .*model-00009\.safetensors does not exist/);
    const outside = index("outside.index.json", { "embed.weight": "../model.safetensors" });
    expect(failure(outside, readSafetensorsIndex)).toMatch(/shard '\.\.\/model\.safetensors' is not a relative path inside the model's directory/);
    const noMap = index("no-map.index.json", {});
    writeFileSync(noMap, "{}");
    expect(failure(noMap, readSafetensorsIndex)).toMatch(/at byte 0: the index needs a weight_map from tensor names to shard files/);
  });

  it("tells checkpoint formats by file name", () => {
    expect(failure(join(shardDir, "model.bin"), readCheckpoint)).toMatch(/model\.bin:1:1: cannot tell the checkpoint's format from its name/);
  });
});
