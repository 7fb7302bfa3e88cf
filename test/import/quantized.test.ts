import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDist } from "../helpers/run-dist.js";
import { safetensorsHeader, tempDir, writeParts, type TensorEntry } from "./files.js";

/**
 * Quantized checkpoints written byte by byte as GPTQ, AWQ and bitsandbytes lay them out, around one
 * Linear(256, 128) q_proj in 4 bits with groups of 128 (8 bits for bitsandbytes' int8), beside an fp16
 * embedding and norm that are stored as they are.
 */
const dir = tempDir();
const Q = "model.layers.0.self_attn.q_proj";
const PLAIN: TensorEntry[] = [
  { name: "model.embed_tokens.weight", dtype: "F16", shape: [1000, 256] },
  { name: "model.norm.weight", dtype: "F16", shape: [256] },
];

/** A safetensors file of these tensors; `data` gives the bytes of the last tensors (bitsandbytes' quant_state), the rest are holes. */
function write(name: string, tensors: TensorEntry[], data: Uint8Array[] = []): { path: string; header: string } {
  const { header, dataLength } = safetensorsHeader(tensors);
  let json = JSON.stringify(header);
  json += " ".repeat((8 - (json.length % 8)) % 8);
  const text = new TextEncoder().encode(json);
  const length = new Uint8Array(8);
  new DataView(length.buffer).setBigUint64(0, BigInt(text.length), true);
  const written = data.reduce((sum, bytes) => sum + bytes.length, 0);
  writeParts(join(dir, name), [length, text, dataLength - written, ...data]);
  return { path: name, header: json };
}

const GPTQ: TensorEntry[] = [
  ...PLAIN,
  { name: `${Q}.qweight`, dtype: "I32", shape: [32, 128] }, // 256 inputs × 4 bits / 32 rows: 16,384 bytes
  { name: `${Q}.qzeros`, dtype: "I32", shape: [2, 16] }, // 128 bytes
  { name: `${Q}.scales`, dtype: "F16", shape: [2, 128] }, // 512 bytes
  { name: `${Q}.g_idx`, dtype: "I32", shape: [256] }, // 1,024 bytes
  { name: `${Q}.bias`, dtype: "F16", shape: [128] },
];

const AWQ: TensorEntry[] = [
  ...PLAIN,
  { name: `${Q}.qweight`, dtype: "I32", shape: [256, 16] }, // 128 outputs × 4 bits / 32 columns: 16,384 bytes
  { name: `${Q}.qzeros`, dtype: "I32", shape: [2, 16] },
  { name: `${Q}.scales`, dtype: "F16", shape: [2, 128] },
];

// bitsandbytes' QuantState.as_dict(packed=True), with json.dumps' separators.
const NF4_STATE = new TextEncoder().encode(
  '{"quant_type": "nf4", "blocksize": 64, "dtype": "float16", "shape": [128, 256], "nested_blocksize": 256, "nested_dtype": "float32", "nested_offset": 0.0291}',
);
const NF4: TensorEntry[] = [
  ...PLAIN,
  { name: `${Q}.weight`, dtype: "U8", shape: [16384, 1] }, // 32,768 4-bit values
  { name: `${Q}.weight.absmax`, dtype: "U8", shape: [512] }, // one per 64 values, itself quantized (double quant)
  { name: `${Q}.weight.quant_map`, dtype: "F32", shape: [16] },
  { name: `${Q}.weight.nested_absmax`, dtype: "F32", shape: [2] },
  { name: `${Q}.weight.nested_quant_map`, dtype: "F32", shape: [256] },
  { name: `${Q}.weight.quant_state.bitsandbytes__nf4`, dtype: "U8", shape: [NF4_STATE.length] },
];

const INT8: TensorEntry[] = [
  ...PLAIN,
  { name: `${Q}.weight`, dtype: "I8", shape: [128, 256] },
  { name: `${Q}.SCB`, dtype: "F32", shape: [128] },
  { name: `${Q}.weight_format`, dtype: "U8", shape: [] },
  { name: `${Q}.bias`, dtype: "F16", shape: [128] },
];

// The fp16 embedding (512,000 bytes) and norm (512 bytes) are stored as they are.
const PLAIN_NOTE = "float16 256,256 elements in 512,512 bytes (2 tensors)";

describe("import safetensors of a quantized checkpoint", () => {
  it("counts GPTQ's packed int4 weight as its logical [out, in], its qzeros, scales and g_idx as the layer's storage", () => {
    write("gptq.safetensors", GPTQ);
    const result = runDist(["import", "safetensors", "gptq.safetensors"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`q_proj: Linear(256, 128)`);
    // 256,000 + 256 + 128 × 256 + 128; the weight in 16,384 + 128 + 512 + 1,024 bytes.
    expect(result.stderr).toBe(
      `model-budget: gptq.yaml: 289,152 parameters\nmodel-budget: note: the file stores these logical elements in 530,816 bytes of tensor data: float16 256,384 elements in 512,768 bytes (3 tensors), gptq int4 (2 scale groups) 32,768 elements in 18,048 bytes (1 tensors)\n`,
    );
  });

  it("tells AWQ's packing (qweight [in, out × bits / 32], no g_idx) from GPTQ's by its shapes", () => {
    write("awq.safetensors", AWQ);
    const result = runDist(["import", "safetensors", "awq.safetensors"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`q_proj: Linear(256, 128, bias=False)`);
    expect(result.stderr).toBe(
      `model-budget: awq.yaml: 289,024 parameters\nmodel-budget: note: the file stores these logical elements in 529,536 bytes of tensor data: ${PLAIN_NOTE}, awq int4 (2 scale groups) 32,768 elements in 17,024 bytes (1 tensors)\n`,
    );
  });

  it("reads a bitsandbytes 4-bit weight's logical shape from its quant_state, its absmax and quant maps as storage", () => {
    write("nf4.safetensors", NF4, [NF4_STATE]);
    const result = runDist(["import", "safetensors", "nf4.safetensors"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`q_proj: Linear(256, 128, bias=False)`);
    // 16,384 packed bytes + 512 + 64 + 8 + 1,024 + the quant_state's JSON.
    const stored = 16384 + 512 + 64 + 8 + 1024 + NF4_STATE.length;
    expect(result.stderr).toBe(
      `model-budget: nf4.yaml: 289,024 parameters\nmodel-budget: note: the file stores these logical elements in ${(512512 + stored).toLocaleString("en-US")} bytes of tensor data: ${PLAIN_NOTE}, bitsandbytes nf4 32,768 elements in ${stored.toLocaleString("en-US")} bytes (1 tensors)\n`,
    );
  });

  it("counts a bitsandbytes 8-bit weight as itself, its SCB and weight_format as storage", () => {
    write("int8.safetensors", INT8);
    const result = runDist(["import", "safetensors", "int8.safetensors"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      `model-budget: int8.yaml: 289,152 parameters\nmodel-budget: note: the file stores these logical elements in 546,049 bytes of tensor data: float16 256,384 elements in 512,768 bytes (3 tensors), bitsandbytes int8 32,768 elements in 33,281 bytes (1 tensors)\n`,
    );
  });

  it("refuses a qweight whose shape disagrees with its scales, at the qweight's byte in the header", () => {
    const broken = GPTQ.map((tensor) => (tensor.name.endsWith(".scales") ? { ...tensor, shape: [2, 64] } : tensor));
    const { path, header } = write("broken.safetensors", broken);
    const result = runDist(["import", "safetensors", path], { cwd: dir });
    expect(result.status).toBe(2);
    const offset = 8 + Buffer.byteLength(header.slice(0, header.indexOf(`"${Q}.qweight"`)));
    expect(result.stderr).toContain(
      `broken.safetensors: at byte ${offset}: '${Q}.qweight' [32, 128]: its columns agree with neither GPTQ's out (64, from scales [2, 64]) nor AWQ's out × 8 / 32 [MB837]`,
    );
  });

  it("refuses a bitsandbytes 4-bit weight whose packed bytes do not hold the quant_state's shape", () => {
    const short = NF4.map((tensor) => (tensor.name === `${Q}.weight` ? { ...tensor, shape: [8192, 1] } : tensor));
    const { path, header } = write("short-nf4.safetensors", short, [NF4_STATE]);
    const result = runDist(["import", "safetensors", path], { cwd: dir });
    expect(result.status).toBe(2);
    const offset = 8 + Buffer.byteLength(header.slice(0, header.indexOf(`"${Q}.weight"`)));
    expect(result.stderr).toContain(
      `short-nf4.safetensors: at byte ${offset}: '${Q}.weight' [8192, 1] holds 8192 bytes, but nf4 values of shape [128, 256] pack into 16384 [MB837]`,
    );
  });
});

describe("check --against a quantized checkpoint", () => {
  it("matches a spec's float Linear to the logical weight, and reports a resized one", () => {
    write("gptq-check.safetensors", GPTQ);
    // The spec import writes from it, with float Linears; then one edited to drift.
    expect(runDist(["import", "safetensors", "gptq-check.safetensors", "-o", "q.yaml"], { cwd: dir }).status).toBe(0);
    const spec = readFileSync(join(dir, "q.yaml"), "utf8");
    expect(spec).toContain("Linear(256, 128)");
    const match = runDist(["check", "q.yaml", "--against", "gptq-check.safetensors"], { cwd: dir });
    expect(match.stdout).toContain("  ✓ every tensor matches the checkpoint gptq-check.safetensors\n");
    expect(match.status).toBe(0);
    writeFileSync(join(dir, "q.yaml"), spec.replace("Linear(256, 128)", "Linear(256, 64)"));
    const drift = runDist(["check", "q.yaml", "--against", "gptq-check.safetensors"], { cwd: dir });
    expect(drift.status).toBe(3);
    expect(drift.stdout).toContain(`${Q}.weight is [64, 256] in the spec but [128, 256] in gptq-check.safetensors`);
  });
});
