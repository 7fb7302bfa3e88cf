import { failIn, siblingOptions, siblingPath, withFileBytes, withNamedFile, type ByteSource } from "./bytes.js";
import type { OpenOptions } from "../files/index.js";
import { ProtoReader, WIRE, type Field } from "./protobuf.js";
import { MAX_RANK, elementBits, elementCount, type CheckpointTensor } from "./tensors.js";

/** TensorProto.DataType, as torch names the types. */
const DATA_TYPES: Readonly<Record<number, string>> = {
  1: "float32",
  2: "uint8",
  3: "int8",
  4: "uint16",
  5: "int16",
  6: "int32",
  7: "int64",
  8: "string",
  9: "bool",
  10: "float16",
  11: "float64",
  12: "uint32",
  13: "uint64",
  14: "complex64",
  15: "complex128",
  16: "bfloat16",
  17: "float8_e4m3fn",
  18: "float8_e4m3fnuz",
  19: "float8_e5m2",
  20: "float8_e5m2fnuz",
  21: "uint4",
  22: "int4",
  23: "float4_e2m1fn",
  24: "float8_e8m0fnu",
};

/** The field numbers of onnx.proto this reader needs; every other field is skipped. */
const MODEL_GRAPH = 7;
const GRAPH_INITIALIZER = 5;
const GRAPH_SPARSE_INITIALIZER = 15;
const TENSOR = { dims: 1, dataType: 2, name: 8, rawData: 9, externalData: 13, dataLocation: 14 } as const;
const ENTRY = { key: 1, value: 2 } as const;
const LOCATION_EXTERNAL = 1;

/** Where an external tensor's bytes are, as its external_data entries say. */
interface ExternalData {
  location: string;
  offset: number;
  length: number | undefined;
}

/** The size of the external data file `location` names; `at` is the byte that names it, for errors. */
export type ExternalSize = (location: string, at: number) => number;

interface TensorFields {
  at: number;
  name?: string;
  dims: number[];
  dataType?: number;
  rawBytes?: number;
  external: Map<string, string>;
  location: number;
}

function readTensorFields(reader: ProtoReader, end: number, at: number): TensorFields {
  const fields: TensorFields = { at, dims: [], external: new Map(), location: 0 };
  reader.message(end, (field: Field) => {
    switch (field.number) {
      case TENSOR.dims:
        // Repeated int64: packed by proto3 writers, one varint per field by older ones.
        if (field.wire === WIRE.bytes) {
          const packed = reader.span(end);
          while (reader.position < packed.end) fields.dims.push(reader.varint(packed.end));
        } else {
          reader.expect(field, WIRE.varint);
          fields.dims.push(reader.varint(end));
        }
        return true;
      case TENSOR.dataType:
        reader.expect(field, WIRE.varint);
        fields.dataType = reader.varint(end);
        return true;
      case TENSOR.name:
        reader.expect(field, WIRE.bytes);
        fields.name = reader.string(end);
        return true;
      case TENSOR.rawData: {
        reader.expect(field, WIRE.bytes);
        // The tensor's bytes: only their length is needed, and the position steps past them.
        const payload = reader.span(end);
        fields.rawBytes = payload.end - payload.start;
        reader.position = payload.end;
        return true;
      }
      case TENSOR.externalData: {
        reader.expect(field, WIRE.bytes);
        const entry = reader.span(end);
        let key = "";
        let value = "";
        reader.message(entry.end, (inner) => {
          if (inner.number !== ENTRY.key && inner.number !== ENTRY.value) return false;
          reader.expect(inner, WIRE.bytes);
          if (inner.number === ENTRY.key) key = reader.string(entry.end);
          else value = reader.string(entry.end);
          return true;
        });
        fields.external.set(key, value);
        return true;
      }
      case TENSOR.dataLocation:
        reader.expect(field, WIRE.varint);
        fields.location = reader.varint(end);
        return true;
      default:
        return false;
    }
  });
  return fields;
}

function externalData(fields: TensorFields, name: string, fail: ProtoReader["fail"]): ExternalData {
  const location = fields.external.get("location");
  if (!location) fail(fields.at, `initializer '${name}' keeps its data in an external file but names no location`);
  const number = (key: string) => {
    const text = fields.external.get(key);
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) fail(fields.at, `initializer '${name}' has external_data ${key} '${text}', not a byte count`);
    return Number(text);
  };
  return { location: location, offset: number("offset") ?? 0, length: number("length") };
}

/** An initializer's header fields, checked: a name, a known type, and data of the size its dims give. */
function tensorOf(fields: TensorFields, file: string, externalSize: ExternalSize, fail: ProtoReader["fail"]): CheckpointTensor {
  const name = fields.name;
  if (!name) return fail(fields.at, "an initializer without a name", "every initializer of an ONNX graph is named");
  const dtype = fields.dataType === undefined ? undefined : DATA_TYPES[fields.dataType];
  if (dtype === undefined) fail(fields.at, `initializer '${name}' has data_type ${fields.dataType ?? "UNDEFINED"}, which is no ONNX tensor type model-budget knows`);
  if (fields.dims.length > MAX_RANK) fail(fields.at, `initializer '${name}' has ${fields.dims.length} dimensions, more than the ${MAX_RANK} a tensor can have`);
  const numel = elementCount(fields.dims);
  const bits = elementBits(dtype);
  if (numel === undefined || (bits !== undefined && !Number.isSafeInteger(numel * bits)))
    fail(fields.at, `initializer '${name}' of shape [${fields.dims.join(", ")}] has more elements than can be counted exactly`);
  const bytes = bits === undefined ? undefined : Math.ceil((numel * bits) / 8);
  const described = `initializer '${name}' is ${dtype} [${fields.dims.join(", ")}], ${bytes} bytes`;
  if (fields.location === LOCATION_EXTERNAL) {
    const { location, offset, length } = externalData(fields, name, fail);
    if (bytes !== undefined && length !== undefined && length !== bytes) fail(fields.at, `${described}, but its external_data length is ${length}`);
    const size = externalSize(location, fields.at);
    const stop = offset + (length ?? bytes ?? 0);
    if (stop > size)
      fail(
        fields.at,
        `${described}, stored in ${location} from byte ${offset} to ${stop}, but that file has ${size} bytes`,
        "the external data file is truncated, or from another export",
      );
  } else if (fields.rawBytes !== undefined && bytes !== undefined && fields.rawBytes !== bytes) {
    fail(fields.at, `${described}, but its raw_data holds ${fields.rawBytes}`);
  }
  return { name, shape: fields.dims, dtype: dtype, file, at: fields.at };
}

/**
 * The initializers of an ONNX model (ModelProto.graph.initializer): names, dims and types from their
 * header fields. raw_data is stepped over, and external data files are only measured, never read.
 */
export function readOnnx(source: ByteSource, externalSize: ExternalSize): CheckpointTensor[] {
  const fail = failIn(source.name, "malformed-onnx");
  const reader = new ProtoReader(source, fail);
  const tensors: CheckpointTensor[] = [];
  const names = new Set<string>();
  let graphs = 0;
  reader.message(source.size, (field) => {
    if (field.number !== MODEL_GRAPH) return false;
    reader.expect(field, WIRE.bytes);
    graphs++;
    const graph = reader.span(source.size);
    reader.message(graph.end, (inner) => {
      if (inner.number === GRAPH_SPARSE_INITIALIZER) fail(inner.at, "the graph has a sparse initializer, which model-budget does not read", "export the model with dense weights");
      if (inner.number !== GRAPH_INITIALIZER) return false;
      reader.expect(inner, WIRE.bytes);
      const span = reader.span(graph.end);
      const tensor = tensorOf(readTensorFields(reader, span.end, inner.at), source.name, externalSize, fail);
      if (names.has(tensor.name)) fail(inner.at, `a second initializer named '${tensor.name}'`, "initializer names are unique in a valid ONNX graph");
      names.add(tensor.name);
      tensors.push(tensor);
      return true;
    });
    return true;
  });
  if (graphs === 0) fail(0, "no graph: this is not an ONNX model", "model-budget reads the .onnx file torch.onnx.export or onnx.save writes");
  return tensors;
}

/** An .onnx file's initializers; external data files are found beside it, as onnx.load finds them. */
export function readOnnxFile(file: string, options: OpenOptions = {}): CheckpointTensor[] {
  const fail = failIn(file, "malformed-onnx");
  const dataOptions = siblingOptions(file, options);
  const sizes = new Map<string, number>();
  const externalSize: ExternalSize = (location, at) => {
    const path = siblingPath(file, location, fail, at, "external data location");
    let size = sizes.get(path);
    if (size === undefined) sizes.set(path, (size = withNamedFile(path, fail, at, "the external data file", (data) => data.size, dataOptions)));
    return size;
  };
  return withFileBytes(file, (source) => readOnnx(source, externalSize), options);
}
