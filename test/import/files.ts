/**
 * Writes checkpoint files byte by byte from the formats' published definitions, so the readers are
 * tested on real files without the libraries that usually write them. Tensor data is left as holes
 * (sparse zeros): a multi-gigabyte checkpoint costs nothing to make.
 */
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { withFileBytes, type ByteSource } from "../../src/import/bytes.js";

/** A fresh directory, removed when the calling test file or suite is done. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "model-budget-import-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export { failureOf } from "../helpers/specs.js";

/** Bytes, or a run of that many zero bytes left as a hole. */
export type Part = Uint8Array | number;

export const partsLength = (parts: readonly Part[]) => parts.reduce<number>((sum, part) => sum + (typeof part === "number" ? part : part.length), 0);

/** Writes the parts in order, skipping over holes, and sizes the file to their total. */
export function writeParts(path: string, parts: readonly Part[]): string {
  const fd = openSync(path, "w");
  let offset = 0;
  for (const part of parts) {
    if (typeof part !== "number") writeSync(fd, part, 0, part.length, offset);
    offset += typeof part === "number" ? part : part.length;
  }
  ftruncateSync(fd, offset);
  closeSync(fd);
  return path;
}

/** Every read a reader makes, to prove it reads headers only. */
export function readsOf<T>(path: string, work: (source: ByteSource) => T): { result: T; reads: [offset: number, length: number][] } {
  const reads: [number, number][] = [];
  const result = withFileBytes(path, (source) =>
    work({
      name: source.name,
      size: source.size,
      read: (offset, length) => {
        reads.push([offset, length]);
        return source.read(offset, length);
      },
    }),
  );
  return { result, reads };
}

// safetensors: an 8-byte little-endian header length, the JSON header, then the tensors' bytes.

export const SAFETENSORS_BYTES: Readonly<Record<string, number>> = { F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I8: 1, U8: 1, BOOL: 1, F8_E4M3: 1 };

export interface TensorEntry {
  name: string;
  dtype: string;
  shape: number[];
}

/** A header whose data_offsets lay the tensors out back to back, in the order given; and the data's length. */
export function safetensorsHeader(tensors: readonly TensorEntry[], metadata?: Record<string, string>): { header: Record<string, unknown>; dataLength: number } {
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  let offset = 0;
  for (const { name, dtype, shape } of tensors) {
    const bytes = shape.reduce((product, size) => product * size, 1) * SAFETENSORS_BYTES[dtype]!;
    header[name] = { dtype, shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  return { header, dataLength: offset };
}

/** Writes a safetensors file; `declaredLength` overrides the header length the file claims. */
export function writeSafetensors(path: string, header: unknown, dataLength: number, declaredLength?: number): string {
  // The reference writer pads the header with spaces to a multiple of 8 bytes.
  let json = JSON.stringify(header);
  json += " ".repeat((8 - (json.length % 8)) % 8);
  const text = new TextEncoder().encode(json);
  const length = new Uint8Array(8);
  new DataView(length.buffer).setBigUint64(0, BigInt(declaredLength ?? text.length), true);
  return writeParts(path, [length, text, dataLength]);
}

// Protocol buffers, as onnx.proto's messages are encoded: a varint key (field number × 8 + wire type), then the value.

export function varint(value: number): Uint8Array {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Uint8Array.from(bytes);
}

export const pb = {
  varint: (field: number, value: number): Part[] => [varint(field * 8), varint(value)],
  bytes: (field: number, parts: readonly Part[]): Part[] => [varint(field * 8 + 2), varint(partsLength(parts)), ...parts],
  string: (field: number, text: string): Part[] => pb.bytes(field, [new TextEncoder().encode(text)]),
  packed: (field: number, values: readonly number[]): Part[] => pb.bytes(field, values.map(varint)),
};

export interface OnnxTensor {
  name: string;
  dims: number[];
  /** TensorProto.DataType: 1 FLOAT, 7 INT64, 10 FLOAT16, 16 BFLOAT16. */
  dataType?: number;
  /** raw_data's length; by default what dims and type give. */
  rawBytes?: number;
  /** external_data entries; the tensor then has data_location EXTERNAL and no raw_data. */
  external?: Record<string, string>;
}

const ONNX_BYTES: Readonly<Record<number, number>> = { 1: 4, 7: 8, 10: 2, 16: 2 };

export const onnxBytes = ({ dims, dataType = 1 }: OnnxTensor) => dims.reduce((product, size) => product * size, 1) * ONNX_BYTES[dataType]!;

/** TensorProto: dims = 1 (packed), data_type = 2, name = 8, raw_data = 9, external_data = 13, data_location = 14. */
export function tensorProto(tensor: OnnxTensor): Part[] {
  const data = tensor.external
    ? [...Object.entries(tensor.external).flatMap(([key, value]) => pb.bytes(13, [...pb.string(1, key), ...pb.string(2, value)])), ...pb.varint(14, 1)]
    : pb.bytes(9, [tensor.rawBytes ?? onnxBytes(tensor)]);
  return [...pb.packed(1, tensor.dims), ...pb.varint(2, tensor.dataType ?? 1), ...pb.string(8, tensor.name), ...data];
}

/**
 * ModelProto with ir_version = 1, producer_name = 2, opset_import = 8 and graph = 7; the graph has a node
 * = 1 (whose attribute holds a tensor the reader must not take for an initializer), name = 2 and initializer = 5.
 */
export function onnxModel(initializers: readonly Part[][]): Part[] {
  const attribute = [...pb.string(1, "value"), ...pb.bytes(5, tensorProto({ name: "constant", dims: [2] })), ...pb.varint(20, 4)];
  const node = [...pb.string(1, "x"), ...pb.string(2, "y"), ...pb.string(4, "Constant"), ...pb.bytes(5, attribute)];
  const graph = [...pb.bytes(1, node), ...pb.string(2, "main_graph"), ...initializers.flatMap((tensor) => pb.bytes(5, tensor))];
  return [...pb.varint(1, 8), ...pb.string(2, "model-budget tests"), ...pb.bytes(7, graph), ...pb.bytes(8, [...pb.string(1, ""), ...pb.varint(2, 17)])];
}
