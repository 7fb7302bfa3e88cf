import { failIn, siblingOptions, siblingPath, utf8, withFileBytes, withNamedFile, type ByteSource, type Fail } from "./bytes.js";
import type { OpenOptions } from "../files/index.js";
import { MAX_RANK, elementBits, elementCount, type CheckpointTensor } from "./tensors.js";

/** The dtype codes of the safetensors format, as torch names them. */
const DTYPES: Readonly<Record<string, string>> = {
  BOOL: "bool",
  U8: "uint8",
  I8: "int8",
  F8_E5M2: "float8_e5m2",
  F8_E4M3: "float8_e4m3fn",
  F8_E8M0: "float8_e8m0fnu",
  I16: "int16",
  U16: "uint16",
  F16: "float16",
  BF16: "bfloat16",
  I32: "int32",
  U32: "uint32",
  F32: "float32",
  F64: "float64",
  I64: "int64",
  U64: "uint64",
  C64: "complex64",
  F4: "float4_e2m1fn",
  F6_E2M3: "float6_e2m3fn",
  F6_E3M2: "float6_e3m2fn",
};

/** The reference implementation's bound: past it, the length is garbage, not a header. */
const MAX_HEADER_BYTES = 100_000_000;
/** An index lists names and shard files: even a 400-shard model's is well under a megabyte. */
const MAX_INDEX_BYTES = 64 * 1024 * 1024;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isSize = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** UTF-8 bytes of the UTF-16 code unit at `index`: a surrogate pair is 4 bytes, counted at its first unit. */
function utf8Bytes(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  if (unit < 0x80) return 1;
  if (unit < 0x800) return 2;
  if (unit >= 0xd800 && unit < 0xdc00) return 4;
  return unit >= 0xdc00 && unit < 0xe000 ? 0 : 3;
}

/**
 * The byte offset of every object key's first mention in valid JSON text, found in one pass: a key is a
 * string followed by ':'. A 20,000-tensor header costs one scan, not one search per tensor.
 */
function keyOffsets(text: string, base: number): Map<string, number> {
  const offsets = new Map<string, number>();
  let bytes = base;
  let index = 0;
  while (index < text.length) {
    if (text[index] !== '"') {
      bytes += utf8Bytes(text, index++);
      continue;
    }
    const start = index;
    const startBytes = bytes;
    index++;
    bytes++;
    // Escapes are ASCII: a backslash and the character it escapes (\u's hex digits follow as plain characters).
    while (index < text.length && text[index] !== '"') {
      const step = text[index] === "\\" ? 2 : 1;
      for (let unit = 0; unit < step; unit++) bytes += utf8Bytes(text, index++);
    }
    index++;
    bytes++;
    let next = index;
    while (text[next] === " " || text[next] === "\n" || text[next] === "\r" || text[next] === "\t") next++;
    if (text[next] !== ":") continue;
    const key = JSON.parse(text.slice(start, index)) as string;
    if (!offsets.has(key)) offsets.set(key, startBytes);
  }
  return offsets;
}

/** A JSON value in a message: short values as they are, anything larger by its kind, never the whole of it. */
function preview(value: unknown): string {
  if (Array.isArray(value)) {
    const flat = value.length <= 8 && value.every((item) => typeof item !== "object" || item === null);
    return flat ? JSON.stringify(value) : value.length > 8 ? `an array of ${value.length} items` : "a nested array";
  }
  if (typeof value === "object" && value !== null) return "an object";
  if (typeof value === "string" && value.length > 60) return `${JSON.stringify(value.slice(0, 60))}...`;
  return String(JSON.stringify(value));
}

/** Parses a JSON object; `at(key)` is the byte offset of the key's first mention, for messages. */
function jsonObject(text: string, base: number, fail: Fail): { data: Record<string, unknown>; at: (key: string) => number } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(base, `the JSON does not parse: ${(error as Error).message}`);
  }
  if (!isRecord(data)) return fail(base, "the JSON is not an object");
  const keys = keyOffsets(text, base);
  // A string that is no key (a shard's file name) is found by search: there are few of them.
  const at = (key: string) => {
    const offset = keys.get(key);
    if (offset !== undefined) return offset;
    const index = text.indexOf(JSON.stringify(key));
    return base + (index < 0 ? 0 : Buffer.byteLength(text.slice(0, index)));
  };
  return { data, at };
}

interface Span {
  name: string;
  begin: number;
  end: number;
}

/** One tensor's header entry, checked: a known dtype, a shape, and data_offsets spanning exactly its bytes. */
function tensorOf(name: string, info: unknown, file: string, at: number, fail: Fail): { tensor: CheckpointTensor; span: Span } {
  if (!isRecord(info)) return fail(at, `tensor '${name}' is described by ${preview(info)}, not by an object`);
  const dtype = typeof info.dtype === "string" && Object.hasOwn(DTYPES, info.dtype) ? DTYPES[info.dtype] : undefined;
  if (dtype === undefined) {
    fail(
      at,
      `tensor '${name}' has ${info.dtype === undefined ? "no dtype" : `dtype ${preview(info.dtype)}, which is no safetensors dtype`}`,
      `the dtypes are ${Object.keys(DTYPES).join(", ")}`,
    );
  }
  const { shape, data_offsets: offsets } = info;
  if (!Array.isArray(shape) || !shape.every(isSize)) fail(at, `tensor '${name}' needs a shape of non-negative integers, got ${preview(shape)}`);
  if (shape.length > MAX_RANK) fail(at, `tensor '${name}' has ${shape.length} dimensions, more than the ${MAX_RANK} a tensor can have`);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isSize) || offsets[0]! > offsets[1]!) {
    fail(at, `tensor '${name}' needs data_offsets [begin, end] with begin <= end, got ${preview(offsets)}`);
  }
  const [begin, end] = offsets as [number, number];
  const numel = elementCount(shape);
  const bits = elementBits(dtype)!;
  if (numel === undefined || !Number.isSafeInteger(numel * bits)) fail(at, `tensor '${name}' of shape [${shape.join(", ")}] has more elements than can be counted exactly`);
  if ((numel * bits) % 8 !== 0) fail(at, `tensor '${name}' holds ${numel} ${dtype} elements of ${bits} bits: not a whole number of bytes`);
  const bytes = (numel * bits) / 8;
  if (end - begin !== bytes) {
    fail(
      at,
      `tensor '${name}' is ${String(info.dtype)} [${shape.join(", ")}], ${bytes} bytes, but its data_offsets [${begin}, ${end}] span ${end - begin}`,
      "the header does not describe this data",
    );
  }
  return { tensor: { name, shape: shape, dtype: dtype, file, at }, span: { name, begin, end } };
}

/**
 * The data must be tiled by the tensors exactly, as the reference implementation demands: an overlap
 * would make two tensors share bytes, a gap or a size mismatch means the header does not match the file.
 */
function checkTiling(spans: Span[], dataStart: number, fileSize: number, fail: Fail): void {
  spans.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  let previous: Span | undefined;
  for (const span of spans) {
    if (span.begin < covered) {
      fail(
        dataStart + span.begin,
        `tensor '${span.name}' starts at data offset ${span.begin}, inside '${previous!.name}' [${previous!.begin}, ${previous!.end}]: their bytes overlap`,
      );
    }
    if (span.begin > covered) fail(dataStart + covered, `data bytes ${covered} to ${span.begin} belong to no tensor`, "the header does not match the data");
    covered = span.end;
    previous = span;
  }
  const end = dataStart + covered;
  if (end > fileSize) fail(fileSize, `the file ends here, but the tensors' data runs to byte ${end}${previous ? ` (the end of '${previous.name}')` : ""}`, "the file is truncated");
  if (end < fileSize) fail(end, `${fileSize - end} bytes follow the last tensor's data`, "the header does not describe the whole file");
}

/** bitsandbytes' quant_state: a few hundred bytes of JSON stored as a uint8 tensor, the one tensor whose data is read. */
const MAX_QUANT_STATE_BYTES = 4096;
const isQuantState = (tensor: CheckpointTensor, span: Span) =>
  /\.quant_state\.bitsandbytes__\w+$/.test(tensor.name) && tensor.dtype === "uint8" && span.end - span.begin <= MAX_QUANT_STATE_BYTES;

/** The tensors a .safetensors file holds, from its header alone: 8 bytes of length, then that much JSON. */
export function readSafetensors(source: ByteSource): CheckpointTensor[] {
  const fail = failIn(source.name, "malformed-safetensors");
  if (source.size < 8) fail(0, `the file has ${source.size} bytes, fewer than the 8 that give a safetensors header's length`);
  const prefix = source.read(0, 8);
  const length = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true);
  if (length > BigInt(MAX_HEADER_BYTES))
    fail(
      0,
      `the header length reads ${length} bytes, more than the ${MAX_HEADER_BYTES} a safetensors header may have`,
      "this is not a safetensors file, or its first 8 bytes are damaged",
    );
  const headerLength = Number(length);
  if (8 + headerLength > source.size) {
    fail(0, `the header length reads ${headerLength} bytes, but only ${source.size - 8} bytes follow it`, "the file is truncated, or not a safetensors file");
  }
  const text = utf8(source.read(8, headerLength), 8, fail, "the header");
  const { data, at } = jsonObject(text, 8, fail);
  const tensors: CheckpointTensor[] = [];
  const spans: Span[] = [];
  const states: { tensor: CheckpointTensor; span: Span }[] = [];
  for (const [name, info] of Object.entries(data)) {
    if (name === "__metadata__") {
      if (!isRecord(info) || !Object.values(info).every((value) => typeof value === "string")) fail(at(name), "__metadata__ must map strings to strings");
      continue;
    }
    const { tensor, span } = tensorOf(name, info, source.name, at(name), fail);
    tensors.push(tensor);
    spans.push(span);
    if (isQuantState(tensor, span)) states.push({ tensor, span });
  }
  checkTiling(spans, 8 + headerLength, source.size, fail);
  const dataStart = 8 + headerLength;
  for (const { tensor, span } of states) tensor.text = utf8(source.read(dataStart + span.begin, span.end - span.begin), dataStart + span.begin, fail, `'${tensor.name}'`);
  return tensors;
}

/**
 * A sharded checkpoint through its model.safetensors.index.json: each shard's header, checked against
 * the index's weight_map in both directions, so a stale index or a missing shard is reported.
 */
export function readSafetensorsIndex(indexFile: string, options: OpenOptions = {}): CheckpointTensor[] {
  const fail = failIn(indexFile, "malformed-safetensors");
  const text = withFileBytes(
    indexFile,
    (source) => {
      if (source.size > MAX_INDEX_BYTES) fail(0, `the index has ${source.size} bytes, more than the ${MAX_INDEX_BYTES} an index of names may have`);
      return utf8(source.read(0, source.size), 0, fail, "the index");
    },
    options,
  );
  const shardOptions = siblingOptions(indexFile, options);
  const { data, at } = jsonObject(text, 0, fail);
  const weightMap = data.weight_map;
  if (!isRecord(weightMap) || !Object.values(weightMap).every((value) => typeof value === "string")) {
    fail(at("weight_map"), "the index needs a weight_map from tensor names to shard files", "this is what save_pretrained writes as model.safetensors.index.json");
  }
  const map = weightMap as Record<string, string>;
  const found = new Map<string, CheckpointTensor>();
  for (const shard of new Set(Object.values(map))) {
    const path = siblingPath(indexFile, shard, fail, at(shard), "shard");
    const tensors = withNamedFile(path, fail, at(shard), "the shard", readSafetensors, shardOptions);
    for (const tensor of tensors) {
      if (map[tensor.name] !== shard) {
        failIn(path, "malformed-safetensors")(
          8,
          `the shard holds '${tensor.name}', which ${indexFile} maps to ${map[tensor.name] === undefined ? "no shard" : map[tensor.name]}`,
          "the index is stale: save the checkpoint again",
        );
      }
      found.set(tensor.name, tensor);
    }
  }
  return Object.entries(map).map(
    ([name, shard]) => found.get(name) ?? fail(at(name), `the index maps '${name}' to ${shard}, which does not hold it`, "the index is stale, or the shard is from another save"),
  );
}
