import type { OpenOptions } from "../files/index.js";
import { ByteWindow, failIn, utf8, withFileBytes, type ByteSource, type Fail } from "./bytes.js";
import { elementCount, type CheckpointTensor } from "./tensors.js";

/**
 * ggml's tensor types: [name, elements per block, bytes per block], by type number. The figures are
 * gguf-py's GGML_QUANT_SIZES (llama.cpp, gguf-py/gguf/constants.py), which mirror ggml's
 * type_traits: Q4_0 keeps 32 weights in one fp16 scale and 16 bytes of 4-bit quants (18 bytes),
 * the k-quants 256 weights per super-block (Q4_K: 2 + 2 + 128 + 12 = 144 bytes). Numbers 4, 5
 * (Q4_2, Q4_3) and 31-33 are retired.
 */
const GGML_TYPES: Readonly<Record<number, readonly [string, number, number]>> = {
  0: ["F32", 1, 4],
  1: ["F16", 1, 2],
  2: ["Q4_0", 32, 18],
  3: ["Q4_1", 32, 20],
  6: ["Q5_0", 32, 22],
  7: ["Q5_1", 32, 24],
  8: ["Q8_0", 32, 34],
  9: ["Q8_1", 32, 40],
  10: ["Q2_K", 256, 84],
  11: ["Q3_K", 256, 110],
  12: ["Q4_K", 256, 144],
  13: ["Q5_K", 256, 176],
  14: ["Q6_K", 256, 210],
  15: ["Q8_K", 256, 292],
  16: ["IQ2_XXS", 256, 66],
  17: ["IQ2_XS", 256, 74],
  18: ["IQ3_XXS", 256, 98],
  19: ["IQ1_S", 256, 50],
  20: ["IQ4_NL", 32, 18],
  21: ["IQ3_S", 256, 110],
  22: ["IQ2_S", 256, 82],
  23: ["IQ4_XS", 256, 136],
  24: ["I8", 1, 1],
  25: ["I16", 1, 2],
  26: ["I32", 1, 4],
  27: ["I64", 1, 8],
  28: ["F64", 1, 8],
  29: ["IQ1_M", 256, 56],
  30: ["BF16", 1, 2],
  34: ["TQ1_0", 256, 54],
  35: ["TQ2_0", 256, 66],
};

/** The plain types as torch names them; a block-quantized type keeps ggml's name, prefixed (ggml_q4_k). */
const TORCH_NAMES: Readonly<Record<string, string>> = {
  F32: "float32",
  F16: "float16",
  BF16: "bfloat16",
  F64: "float64",
  I8: "int8",
  I16: "int16",
  I32: "int32",
  I64: "int64",
};

/** A GGUF tensor: its logical shape (PyTorch's order), its ggml type and the bytes it is stored in. */
export interface GgufTensor extends CheckpointTensor {
  ggmlType: string;
  storedBytes: number;
}

/** A metadata value: scalars and strings as read; arrays by length, with their values when short and not nested. */
export type GgufValue = number | bigint | boolean | string | { array: number; values?: (number | bigint | boolean | string)[] };

export interface GgufHeader {
  version: number;
  metadata: Map<string, GgufValue>;
  tensors: GgufTensor[];
}

const MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32
const GGML_MAX_DIMS = 4;
const DEFAULT_ALIGNMENT = 32;
/** Bytes read at a time: a header of many small fields costs few reads, and at most one window reaches past it. */
const WINDOW = 1 << 16;
const KEPT_ARRAY_VALUES = 64;
/** Bytes per value of the scalar value types 0-12 (8 is a string, 9 an array: at least 8 bytes each). */
const VALUE_BYTES = [1, 1, 2, 2, 4, 4, 4, 1, 8, 12, 8, 8, 8];

/** Reads forward through a file in windows, so that a header of many small fields costs few reads. */
class Cursor {
  offset = 0;
  private readonly window: ByteWindow;

  constructor(
    private readonly source: ByteSource,
    readonly fail: Fail,
  ) {
    this.window = new ByteWindow(source, WINDOW);
  }

  /** Exactly `length` bytes at the cursor, or an error saying what ran past the end. */
  take(length: number, what: string): Uint8Array {
    if (length > this.source.size - this.offset) this.fail(this.offset, `${what} (${length} bytes) runs past the end of the file (${this.source.size} bytes)`);
    const bytes = this.window.at(this.offset, length);
    this.offset += length;
    return bytes;
  }

  view(length: number, what: string): DataView {
    const bytes = this.take(length, what);
    return new DataView(bytes.buffer, bytes.byteOffset, length);
  }

  u32(what: string): number {
    return this.view(4, what).getUint32(0, true);
  }

  /** A uint64 that must fit a safe integer: every GGUF count and length does, in a real file. */
  u64(what: string): number {
    const at = this.offset;
    const value = this.view(8, what).getBigUint64(0, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) this.fail(at, `${what} ${value} is larger than any file`);
    return Number(value);
  }

  remaining(): number {
    return this.source.size - this.offset;
  }

  string(what: string): string {
    const at = this.offset;
    const length = this.u64(`the length of ${what}`);
    return utf8(this.take(length, what), at, this.fail, what);
  }
}

function scalar(cursor: Cursor, type: number, what: string): number | bigint | boolean | string {
  const view = (length: number) => cursor.view(length, what);
  switch (type) {
    case 0:
      return view(1).getUint8(0);
    case 1:
      return view(1).getInt8(0);
    case 2:
      return view(2).getUint16(0, true);
    case 3:
      return view(2).getInt16(0, true);
    case 4:
      return view(4).getUint32(0, true);
    case 5:
      return view(4).getInt32(0, true);
    case 6:
      return view(4).getFloat32(0, true);
    case 7:
      return view(1).getUint8(0) !== 0;
    case 8:
      return cursor.string(what);
    case 10:
      return view(8).getBigUint64(0, true);
    case 11:
      return view(8).getBigInt64(0, true);
    case 12:
      return view(8).getFloat64(0, true);
    default:
      return cursor.fail(cursor.offset - 4, `${what} has value type ${type}, which GGUF does not define`, "is this a GGUF file of a newer version?");
  }
}

function value(cursor: Cursor, type: number, what: string, depth: number): GgufValue {
  if (type !== 9) return scalar(cursor, type, what);
  const itemType = cursor.u32(`the item type of ${what}`);
  const at = cursor.offset;
  const length = cursor.u64(`the length of ${what}`);
  const itemBytes = VALUE_BYTES[itemType];
  if (itemBytes === undefined) return cursor.fail(at - 4, `${what} holds items of value type ${itemType}, which GGUF does not define`);
  // Each item needs at least its bytes: a count the file cannot hold is refused before any loop.
  if (length * itemBytes > cursor.remaining()) cursor.fail(at, `${what} claims ${length} items, more than the ${cursor.remaining()} bytes left can hold`);
  if (itemType === 9 && depth >= 2) cursor.fail(at, `${what} nests arrays deeper than GGUF files do`);
  const values: (number | bigint | boolean | string)[] = [];
  for (let index = 0; index < length; index++) {
    const item = value(cursor, itemType, `item ${index} of ${what}`, depth + 1);
    if (index < KEPT_ARRAY_VALUES && typeof item !== "object") values.push(item);
  }
  return length <= KEPT_ARRAY_VALUES && itemType !== 9 ? { array: length, values } : { array: length };
}

function readMetadata(cursor: Cursor, count: number): Map<string, GgufValue> {
  const metadata = new Map<string, GgufValue>();
  for (let index = 0; index < count; index++) {
    const at = cursor.offset;
    const key = cursor.string(`metadata key ${index}`);
    if (metadata.has(key)) cursor.fail(at, `metadata key '${key.slice(0, 80)}' appears twice`);
    metadata.set(key, value(cursor, cursor.u32(`the value type of '${key.slice(0, 80)}'`), `'${key.slice(0, 80)}'`, 0));
  }
  return metadata;
}

interface TensorInfo {
  name: string;
  dims: number[];
  type: number;
  offset: number;
  at: number;
}

function readTensorInfo(cursor: Cursor, index: number): TensorInfo {
  const at = cursor.offset;
  const name = cursor.string(`the name of tensor ${index}`);
  const rank = cursor.u32(`the rank of ${name}`);
  if (rank > GGML_MAX_DIMS) cursor.fail(cursor.offset - 4, `tensor ${name} has ${rank} dimensions; ggml has at most ${GGML_MAX_DIMS}`);
  const dims = Array.from({ length: rank }, (_, dim) => cursor.u64(`dimension ${dim} of ${name}`));
  return { name, dims, type: cursor.u32(`the type of ${name}`), offset: cursor.u64(`the data offset of ${name}`), at };
}

/** The tensor's logical shape and stored bytes, each checked against its type's blocks and the file's size. */
function tensorOf(info: TensorInfo, dataStart: number, source: ByteSource, fail: Fail): GgufTensor {
  const type = GGML_TYPES[info.type];
  if (!type) return fail(info.at, `tensor ${info.name} has ggml type ${info.type}, which model-budget does not know`, "convert it again with a current llama.cpp");
  const [name, blockElements, blockBytes] = type;
  const elements = elementCount(info.dims);
  if (elements === undefined) return fail(info.at, `tensor ${info.name}'s shape [${info.dims.join(", ")}] has more than 2^53 elements`);
  // ggml quantizes each row (the first dimension) in whole blocks.
  if ((info.dims[0] ?? 1) % blockElements !== 0) fail(info.at, `tensor ${info.name}'s rows of ${info.dims[0]} elements are not whole ${name} blocks of ${blockElements}`);
  const storedBytes = (elements / blockElements) * blockBytes;
  if (dataStart + info.offset + storedBytes > source.size)
    fail(info.at, `tensor ${info.name}'s ${storedBytes} bytes at data offset ${info.offset} run past the end of the file (${source.size} bytes)`, "is the file truncated?");
  const dtype = TORCH_NAMES[name] ?? `ggml_${name.toLowerCase()}`;
  return { name: info.name, shape: [...info.dims].reverse(), dtype, ggmlType: name, storedBytes, file: source.name, at: info.at };
}

/** Reads a GGUF file's header: magic, version, metadata and tensor infos; never the tensor data. */
export function readGguf(source: ByteSource): GgufHeader {
  const fail = failIn(source.name, "malformed-gguf");
  const cursor = new Cursor(source, fail);
  if (source.size < 24 || cursor.u32("the magic") !== MAGIC) fail(0, "the file does not start with GGUF's magic bytes", "name a .gguf file that llama.cpp wrote");
  const version = cursor.u32("the version");
  if (version < 2 || version > 3) fail(4, `GGUF version ${version}; model-budget reads versions 2 and 3`);
  const tensorCount = cursor.u64("the tensor count");
  const metadataCount = cursor.u64("the metadata count");
  // A tensor info is at least 24 bytes, a metadata entry 12: counts the file cannot hold are refused first.
  if (tensorCount * 24 + metadataCount * 12 > cursor.remaining()) fail(8, `${tensorCount} tensors and ${metadataCount} metadata entries cannot fit in ${source.size} bytes`);
  const metadata = readMetadata(cursor, metadataCount);
  const infos = Array.from({ length: tensorCount }, (_, index) => readTensorInfo(cursor, index));
  const alignment = metadata.get("general.alignment") ?? DEFAULT_ALIGNMENT;
  if (typeof alignment !== "number" || alignment <= 0 || alignment % 8 !== 0)
    return fail(24, `general.alignment is ${typeof alignment === "object" ? "an array" : String(alignment)}, not a positive multiple of 8`);
  const dataStart = Math.ceil(cursor.offset / alignment) * alignment;
  const seen = new Set<string>();
  const tensors = infos.map((info) => {
    if (seen.has(info.name)) fail(info.at, `tensor ${info.name} appears twice`);
    seen.add(info.name);
    if (info.offset % alignment !== 0) fail(info.at, `tensor ${info.name}'s data offset ${info.offset} is not a multiple of the alignment ${alignment}`);
    return tensorOf(info, dataStart, source, fail);
  });
  return { version, metadata, tensors };
}

/** A .gguf file's tensors, header only. */
export function readGgufFile(file: string, options: OpenOptions = {}): GgufTensor[] {
  return withFileBytes(file, readGguf, options).tensors;
}

/** llama.cpp's names of a Llama-like block's tensors, and transformers' (convert_hf_to_gguf.py's mapping, reversed). */
const BLOCK_NAMES: Readonly<Record<string, string>> = {
  attn_q: "self_attn.q_proj",
  attn_k: "self_attn.k_proj",
  attn_v: "self_attn.v_proj",
  attn_output: "self_attn.o_proj",
  attn_q_norm: "self_attn.q_norm",
  attn_k_norm: "self_attn.k_norm",
  ffn_gate: "mlp.gate_proj",
  ffn_up: "mlp.up_proj",
  ffn_down: "mlp.down_proj",
  attn_norm: "input_layernorm",
  ffn_norm: "post_attention_layernorm",
};
const TOP_NAMES: Readonly<Record<string, string>> = { token_embd: "model.embed_tokens", output_norm: "model.norm", output: "lm_head" };
/** Architectures whose GGUF tensors are Llama's, one to one (llama.cpp writes Mistral as llama). */
const LLAMA_LIKE = new Set(["llama", "qwen2", "qwen3"]);

/** A GGUF tensor's transformers name, or undefined when the table does not know it. */
function transformersName(name: string): string | undefined {
  const block = /^blk\.(\d+)\.(\w+)\.(weight|bias)$/.exec(name);
  if (block) return BLOCK_NAMES[block[2]!] && `model.layers.${block[1]}.${BLOCK_NAMES[block[2]!]}.${block[3]}`;
  const top = /^(\w+)\.(weight|bias)$/.exec(name);
  return top && TOP_NAMES[top[1]!] ? `${TOP_NAMES[top[1]!]}.${top[2]}` : undefined;
}

/**
 * The tensors a checkpoint of this model holds, named as transformers names them, for `check --against`:
 * for a Llama-like architecture whose every tensor the table maps (llama.cpp's rope_freqs, rope scaling
 * factors it adds for Llama 3.1, is left out: transformers computes them); otherwise GGUF's own names.
 */
export function checkpointTensors(header: GgufHeader): GgufTensor[] {
  const architecture = header.metadata.get("general.architecture");
  if (typeof architecture !== "string" || !LLAMA_LIKE.has(architecture)) return header.tensors;
  const kept = header.tensors.filter((tensor) => tensor.name !== "rope_freqs.weight");
  const renamed = kept.map((tensor) => ({ tensor, name: transformersName(tensor.name) }));
  if (renamed.some(({ name }) => name === undefined)) return header.tensors;
  return renamed.map(({ tensor, name }) => ({ ...tensor, name: name! }));
}
