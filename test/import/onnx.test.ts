import { readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCheckpoint } from "../../src/import/checkpoint.js";
import { readOnnx, readOnnxFile } from "../../src/import/onnx.js";
import { failureOf, onnxBytes, onnxModel, partsLength, pb, readsOf, tempDir, tensorProto, varint, writeParts, type OnnxTensor, type Part } from "./files.js";

const fixtures = new URL("fixtures/", import.meta.url);
const facts = JSON.parse(readFileSync(new URL("custom.json", fixtures), "utf8")) as { onnx: Record<string, { name: string; dims: number[] }[]> };
const dir = tempDir();
let serial = 0;

const write = (parts: readonly Part[], name = `m${serial++}.onnx`) => writeParts(join(dir, name), parts);
const model = (tensors: OnnxTensor[], name?: string) => write(onnxModel(tensors.map(tensorProto)), name);

const failure = (path: string) => failureOf(() => readOnnxFile(path));

describe("ONNX initializers", () => {
  it("reads the initializers torch.onnx.export wrote, as onnx.load lists them", () => {
    for (const [file, expected] of Object.entries(facts.onnx)) {
      const tensors = readOnnxFile(new URL(file, fixtures).pathname);
      expect(tensors.map(({ name, shape }) => ({ name, dims: shape }))).toEqual(expected.map(({ name, dims }) => ({ name, dims })));
      expect(new Set(tensors.map((tensor) => tensor.dtype))).toEqual(new Set(["float32"]));
    }
  });

  it("reads a model whose tensors onnx.save put in an external data file", () => {
    const tensors = readCheckpoint(new URL("net-external.onnx", fixtures).pathname).tensors;
    expect(tensors.map(({ name, shape }) => ({ name, dims: shape }))).toEqual(facts.onnx["net.onnx"]!.map(({ name, dims }) => ({ name, dims })));
  });

  it("skips the graph's nodes, constants included, and takes dims packed or not", () => {
    const unpacked = [...pb.varint(1, 3), ...pb.varint(1, 5), ...pb.varint(2, 7), ...pb.string(8, "ids"), ...pb.bytes(9, [120])];
    const tensors = readOnnxFile(write(onnxModel([tensorProto({ name: "w", dims: [4, 8], dataType: 16 }), unpacked])));
    expect(tensors.map(({ name, shape, dtype }) => ({ name, shape, dtype }))).toEqual([
      { name: "w", shape: [4, 8], dtype: "bfloat16" },
      { name: "ids", shape: [3, 5], dtype: "int64" },
    ]);
  });

  it("steps over raw_data by seeking: a 2 GB model reads a few kilobytes", () => {
    const tensors = Array.from({ length: 16 }, (_, i) => ({ name: `layers.${i}.weight`, dims: [8192, 16384], dataType: 10 }));
    const path = model(tensors, "large.onnx");
    const started = performance.now();
    const { result, reads } = readsOf(path, (source) => readOnnx(source, () => 0));
    expect(result).toHaveLength(16);
    const read = reads.reduce((sum, [, length]) => sum + length, 0);
    expect(read).toBeLessThan(17 * 4096);
    expect(reads.length).toBeLessThan(40);
    expect(partsLength(onnxModel(tensors.map(tensorProto)))).toBeGreaterThan(2 ** 31);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses a truncated file at the byte where the cut-off field starts", () => {
    const path = model([{ name: "w", dims: [64, 64] }]);
    truncateSync(path, 100);
    expect(failure(path)).toMatch(/m\d+\.onnx: at byte \d+: a field of \d+ bytes runs past the end of its file\n {2}the file is truncated, or not in this format$/);
  });

  it("refuses raw_data that disagrees with dims and type, duplicate names, nameless and untyped initializers", () => {
    expect(failure(model([{ name: "w", dims: [4, 8], rawBytes: 64 }]))).toMatch(/at byte \d+: initializer 'w' is float32 \[4, 8\], 128 bytes, but its raw_data holds 64$/);
    expect(
      failure(
        model([
          { name: "w", dims: [2] },
          { name: "w", dims: [3] },
        ]),
      ),
    ).toMatch(/a second initializer named 'w'/);
    expect(failure(write(onnxModel([[...pb.packed(1, [2]), ...pb.varint(2, 1)]])))).toMatch(/an initializer without a name/);
    expect(failure(write(onnxModel([[...pb.packed(1, [2]), ...pb.string(8, "w")]])))).toMatch(
      /initializer 'w' has data_type UNDEFINED, which is no ONNX tensor type model-budget knows/,
    );
    expect(failure(write(onnxModel([[...pb.packed(1, [2]), ...pb.varint(2, 99), ...pb.string(8, "w")]])))).toMatch(/data_type 99/);
  });

  it("refuses what is not protobuf or not a model", () => {
    const notModel = join(dir, "text.onnx");
    writeFileSync(notModel, "hello, world");
    expect(failure(notModel)).toMatch(/text\.onnx: at byte \d+: /);
    expect(failure(write(pb.string(2, "no graph")))).toMatch(/at byte 0: no graph: this is not an ONNX model/);
    expect(failure(write([...pb.varint(7, 3)]))).toMatch(/at byte 0: field 7 is varint, where the format has length-delimited/);
    expect(failure(write([varint(7 * 8 + 2), Uint8Array.from(Array(11).fill(0xff))]))).toMatch(/at byte 1: a varint longer than the 10 bytes protobuf allows/);
    expect(failure(write([varint(3 * 8 + 3)]))).toMatch(/field 3 has wire type 3, which this format never uses/);
    expect(failure(write(onnxModel([[...pb.packed(1, [2]), ...pb.varint(2, 1), ...pb.string(8, "w"), ...pb.bytes(9, [8]), ...pb.varint(1, 2 ** 53)]])))).toMatch(
      /a varint reads 9007199254740992, beyond 2\^53: a negative or absurd value/,
    );
    expect(failure(write(onnxModel([]).concat(pb.bytes(7, pb.bytes(15, [])))))).toMatch(/a sparse initializer, which model-budget does not read/);
  });

  it("checks external data against the file it names, which is measured and never read", () => {
    const bytes = onnxBytes({ name: "w", dims: [256, 256] });
    writeParts(join(dir, "weights.bin"), [bytes * 2]);
    const external = (entries: Record<string, string>) => model([{ name: "w", dims: [256, 256], external: entries }]);
    expect(readOnnxFile(external({ location: "weights.bin", offset: String(bytes), length: String(bytes) }))).toHaveLength(1);
    expect(failure(external({ location: "weights.bin", offset: String(bytes + 4), length: String(bytes) }))).toMatch(
      /initializer 'w' is float32 \[256, 256\], 262144 bytes, stored in weights\.bin from byte 262148 to 524292, but that file has 524288 bytes/,
    );
    expect(failure(external({ location: "weights.bin", length: "12" }))).toMatch(/262144 bytes, but its external_data length is 12$/);
    expect(failure(external({ location: "missing.bin" }))).toMatch(/the external data file .*missing\.bin does not exist/);
    expect(failure(external({ location: "/etc/passwd" }))).toMatch(/external data location '\/etc\/passwd' is not a relative path inside the model's directory/);
    expect(failure(external({ location: "../weights.bin" }))).toMatch(/external data location '\.\.\/weights\.bin' is not a relative path/);
    expect(failure(external({ offset: "0" }))).toMatch(/initializer 'w' keeps its data in an external file but names no location/);
    expect(failure(external({ location: "weights.bin", offset: "-1" }))).toMatch(/initializer 'w' has external_data offset '-1', not a byte count/);
  });
});
