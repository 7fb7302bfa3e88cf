/**
 * Hostile print(model) text, safetensors headers and ONNX files, through the bundled dist/cli.js as a
 * user runs `model-budget import`: each case ends in seconds within a bounded heap, with a clean
 * diagnostic at its line:col (text) or byte offset (binary files), or with the right result; never a
 * stack trace or "this is a bug".
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withoutExcerpts } from "../helpers/diagnostic-text.js";
import { runDist, showsStackTrace, type DistRun } from "../helpers/run-dist.js";
import { onnxModel, pb, tempDir, tensorProto, varint, writeParts, writeSafetensors, type Part } from "../import/files.js";

const dir = tempDir();

/** Runs `model-budget import FORMAT FILE` and checks what every case must: in time, in memory, no stack trace. */
function imported(format: string, name: string, limitMs = 5_000): DistRun {
  const run = runDist(["import", format, name], { cwd: dir, timeoutMs: 20_000, heapMiB: 300 });
  expect(run.signal, `import ${format} ${name} was killed: it hung or ran out of memory`).toBeNull();
  expect(run.ms).toBeLessThan(limitMs);
  expect(showsStackTrace(run.stdout + run.stderr), run.stderr).toBe(false);
  return run;
}

/** Exit 2, nothing on standard output, and exactly this diagnostic (or a matcher where an offset depends on the encoder). */
const refused = (run: DistRun, stderr: unknown) =>
  expect({ status: run.status, stdout: run.stdout, stderr: withoutExcerpts(run.stderr) }).toEqual({ status: 2, stdout: "", stderr });

function text(name: string, content: string): string {
  writeFileSync(join(dir, name), content);
  return name;
}

/** print(model) of modules nested `depth` deep, a Linear at the bottom. */
function nested(depth: number): string {
  const lines = Array.from({ length: depth }, (_, level) => `${"  ".repeat(level)}${level === 0 ? "Net(" : "(m): Block("}`);
  lines.push(`${"  ".repeat(depth)}(fc): Linear(in_features=2, out_features=2, bias=True)`);
  for (let level = depth - 1; level >= 0; level--) lines.push(`${"  ".repeat(level)})`);
  return `${lines.join("\n")}\n`;
}

describe("hostile print(model) text", () => {
  it("refuses two children of one name at the second, where it used to call the spec a bug", () => {
    refused(
      imported("torch-repr", text("dup.txt", "Net(\n  (fc): Linear(2, 2)\n  (fc): Linear(2, 3)\n)\n")),
      "dup.txt:3:4: a second child named 'fc' in one module [MB802]\n  a module's children have distinct names: the file should hold exactly what print(model) printed\n",
    );
    refused(
      imported("torch-repr", text("dup-run.txt", "Net(\n  (h): ModuleList(\n    (0-3): 4 x Linear(2, 2)\n    (2): Linear(2, 2)\n  )\n)\n")),
      "dup-run.txt:4:6: a second child named '2' in one module [MB802]\n  a module's children have distinct names: the file should hold exactly what print(model) printed\n",
    );
  });

  it("refuses a child name longer than a spec name may be", () => {
    refused(
      imported("torch-repr", text("name.txt", `Net(\n  (${"x".repeat(10_000)}): Linear(2, 2)\n)\n`)),
      "name.txt:2:4: a child name of 10000 characters, more than the 1000 a spec name may have [MB802]\n  the file should hold exactly what print(model) printed\n",
    );
  });

  it("refuses child numbers past 2^53, in a run or alone", () => {
    const hint = "  no ModuleList holds that many modules: the file should hold exactly what print(model) printed\n";
    refused(
      imported("torch-repr", text("range.txt", "Net(\n  (h): ModuleList(\n    (0-9007199254740993): 9007199254740994 x Linear(2, 2)\n  )\n)\n")),
      `range.txt:3:6: '(0-9007199254740993)' numbers a child past 2^53 [MB802]\n${hint}`,
    );
    refused(
      imported("torch-repr", text("index.txt", "Net(\n  (h): ModuleList(\n    (99999999999999999999): Linear(2, 2)\n  )\n)\n")),
      `index.txt:3:6: '(99999999999999999999)' numbers a child past 2^53 [MB802]\n${hint}`,
    );
    const runs =
      "Net(\n  (a): ModuleList(\n    (0-999999999): 1000000000 x Block(\n      (b): ModuleList(\n        (0-999999999): 1000000000 x Linear(2, 2)\n      )\n    )\n  )\n)\n";
    refused(
      imported("torch-repr", text("runs.txt", runs)),
      "runs.txt:5:37: a.[0-999999999].b.[0-999999999] stands for more than 2^53 modules, runs inside runs [MB803]\n  no model holds that many: the file should hold exactly what print(model) printed\n",
    );
    refused(
      imported("torch-repr", text("zero.txt", "Net(\n  (h): ModuleList(\n    (0--1): 0 x Linear(2, 2)\n  )\n)\n")),
      "zero.txt:3:6: '(0--1): 0 x' does not name 0 children [MB802]\n  ModuleList prints a run as (first-last): N x Module(\n",
    );
  });

  it("refuses a MultiheadAttention of negative size at its out_proj, where it used to call the spec a bug", () => {
    const run = imported(
      "torch-repr",
      text("mha.txt", "Net(\n  (attn): MultiheadAttention(\n    (out_proj): NonDynamicallyQuantizableLinear(in_features=-8, out_features=-8, bias=True)\n  )\n)\n"),
    );
    refused(
      run,
      "mha.txt:3:49: NonDynamicallyQuantizableLinear needs a positive 'in_features', got -8 [MB409]\n  write 1 or more; when an expression gives it, check the vars it uses\n",
    );
  });

  it("refuses nesting past what a spec holds, at the line that goes too deep (2,000 levels; 3,000 overflowed the stack before and is now past the size limit)", () => {
    const message = (file: string) =>
      `${file}:21:41: modules nested more than 20 levels deep [MB803]\n  a spec holds at most that many; real models nest a dozen levels at most: is the file what print(model) printed?\n`;
    refused(imported("torch-repr", text("deep.txt", nested(2_000))), message("deep.txt"));
    refused(imported("torch-repr", text("deep21.txt", nested(21))), message("deep21.txt"));
    // The deepest that is taken counts through the spec it writes.
    expect(imported("torch-repr", text("deep20.txt", nested(20)))).toMatchObject({ status: 0, stderr: "model-budget: deep20.yaml: 6 parameters\n" });
  });

  it("imports a ModuleList's None slot as an empty slot", () => {
    const run = imported("torch-repr", text("none.txt", "Net(\n  (h): ModuleList(\n    (0): Linear(2, 2)\n    (1): None\n    (2): Linear(2, 2)\n  )\n)\n"));
    expect(run).toMatchObject({ status: 0, stderr: "model-budget: none.yaml: 12 parameters\n" });
    expect(run.stdout).toContain("# print(model) shows None at h.1: an empty slot of a ModuleList, holding no tensors; the spec skips its number.\n");
  });

  const list = (child: (index: number) => string) =>
    `Net(\n  (h): ModuleList(\n${Array.from({ length: 100_000 }, (_, index) => `    (${index}): ${child(index)}`).join("\n")}\n  )\n)\n`;

  it("takes a 100,000-child ModuleList of alike layers as one run, each distinct call described once", () => {
    const alike = imported(
      "torch-repr",
      text(
        "alike.txt",
        list(() => "Linear(in_features=2, out_features=2, bias=True)"),
      ),
      15_000,
    );
    expect(alike).toMatchObject({ status: 0, stderr: "model-budget: alike.yaml: 600,000 parameters\n" });
  });

  it("refuses 100,000 children that do not fold into runs: the spec would be too large to read back", () => {
    refused(
      imported(
        "torch-repr",
        text(
          "wide.txt",
          list((index) => `Linear(in_features=${(index % 7) + 1}, out_features=2, bias=True)`),
        ),
        15_000,
      ),
      "wide.txt:1:1: the spec made from it would be 5,900,451 bytes, more than the 4,194,304 a spec may have [MB105]\n  its modules differ too much to fold into repeat:; write the spec by hand with blocks: and repeat:\n",
    );
  });

  it("reports a 1 MB line of parentheses at its end, and takes a 100,000-character argument", () => {
    refused(
      imported("torch-repr", text("parens.txt", `Net(\n  (fc): Linear${"(".repeat(1_000_000)}\n)\n`)),
      `parens.txt:2:1000015: 'Linear(' is not closed on its line [MB801]\n  a module prints either whole on one line, or as 'Type(' with its children below\n`,
    );
    const run = imported("torch-repr", text("long.txt", `Net(\n  (fc): Linear(in_features=${"9".repeat(100_000)}, out_features=2)\n)\n`));
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^model-budget: warning: long\.txt:2:\d+: fc: /);
  });
});

// safetensors: 8 bytes of header length, the JSON header, then the data.
const tensor = (dtype: string, shape: unknown, offsets: unknown) => ({ dtype, shape, data_offsets: offsets });

function safetensors(name: string, header: unknown, dataLength: number, declaredLength?: number): string {
  writeSafetensors(join(dir, name), header, dataLength, declaredLength);
  return name;
}

/** A header whose JSON is written as given, for what JSON.stringify would not write. */
function rawSafetensors(name: string, json: string, dataLength: number): string {
  const bytes = new TextEncoder().encode(json);
  const length = new Uint8Array(8);
  new DataView(length.buffer).setBigUint64(0, BigInt(bytes.length), true);
  writeParts(join(dir, name), [length, bytes, dataLength]);
  return name;
}

describe("hostile safetensors headers", () => {
  it("reads a 20,000-tensor header in linear time (13 s before: each name's byte offset was searched from the start)", () => {
    const header = Object.fromEntries(Array.from({ length: 20_000 }, (_, index) => [`layers.${index}.weight`, tensor("F32", [2], [8 * index, 8 * index + 8])]));
    const run = imported("safetensors", safetensors("many.safetensors", header, 8 * 20_000), 8_000);
    expect(run).toMatchObject({ status: 0, stderr: "model-budget: many.yaml: 40,000 parameters\n" });
  });

  it("refuses a header length of 2^63, offsets past the end, overlaps, unknown dtypes and huge shapes at their byte", () => {
    refused(
      imported("safetensors", safetensors("length.safetensors", { a: tensor("F32", [1], [0, 4]) }, 4, 2 ** 63)),
      "length.safetensors: at byte 0: the header length reads 9223372036854775808 bytes, more than the 100000000 a safetensors header may have [MB810]\n  this is not a safetensors file, or its first 8 bytes are damaged\n",
    );
    refused(
      imported("safetensors", safetensors("past.safetensors", { a: tensor("F32", [1000], [0, 4000]) }, 4)),
      "past.safetensors: at byte 76: the file ends here, but the tensors' data runs to byte 4072 (the end of 'a') [MB810]\n  the file is truncated\n",
    );
    refused(
      imported("safetensors", safetensors("overlap.safetensors", { a: tensor("F32", [2], [0, 8]), b: tensor("F32", [2], [4, 12]) }, 12)),
      "overlap.safetensors: at byte 124: tensor 'b' starts at data offset 4, inside 'a' [0, 8]: their bytes overlap [MB810]\n",
    );
    const dtypes = "  the dtypes are BOOL, U8, I8, F8_E5M2, F8_E4M3, F8_E8M0, I16, U16, F16, BF16, I32, U32, F32, F64, I64, U64, C64, F4, F6_E2M3, F6_E3M2\n";
    refused(
      imported("safetensors", safetensors("dtype.safetensors", { a: tensor("F128", [1], [0, 16]) }, 16)),
      `dtype.safetensors: at byte 9: tensor 'a' has dtype "F128", which is no safetensors dtype [MB810]\n${dtypes}`,
    );
    refused(
      imported("safetensors", safetensors("proto.safetensors", { a: tensor("constructor", [1], [0, 4]) }, 4)),
      `proto.safetensors: at byte 9: tensor 'a' has dtype "constructor", which is no safetensors dtype [MB810]\n${dtypes}`,
    );
    refused(
      imported("safetensors", safetensors("nodtype.safetensors", { a: { shape: [1], data_offsets: [0, 4] } }, 4)),
      `nodtype.safetensors: at byte 9: tensor 'a' has no dtype [MB810]\n${dtypes}`,
    );
    refused(
      imported("safetensors", safetensors("huge.safetensors", { a: tensor("F32", [2 ** 40, 2 ** 40], [0, 4]) }, 4)),
      "huge.safetensors: at byte 9: tensor 'a' of shape [1099511627776, 1099511627776] has more elements than can be counted exactly [MB810]\n",
    );
    refused(
      imported(
        "safetensors",
        safetensors(
          "rank.safetensors",
          {
            a: tensor(
              "F32",
              Array.from({ length: 100 }, () => 1),
              [0, 4],
            ),
          },
          4,
        ),
      ),
      "rank.safetensors: at byte 9: tensor 'a' has 100 dimensions, more than the 64 a tensor can have [MB810]\n",
    );
    refused(
      imported("safetensors", safetensors("float.safetensors", { a: tensor("F32", [1.5], [0, 4]) }, 4)),
      "float.safetensors: at byte 9: tensor 'a' needs a shape of non-negative integers, got [1.5] [MB810]\n",
    );
    refused(
      imported("safetensors", safetensors("offsets.safetensors", { a: tensor("F32", [1], [4, 2 ** 64]) }, 4)),
      "offsets.safetensors: at byte 9: tensor 'a' needs data_offsets [begin, end] with begin <= end, got [4,18446744073709552000] [MB810]\n",
    );
  });

  it("refuses 100,000-deep JSON in a header without a stack overflow, describing the value rather than printing it", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    refused(
      imported("safetensors", rawSafetensors("deep-shape.safetensors", `{"a":{"dtype":"F32","shape":${deep},"data_offsets":[0,4]}}`, 4)),
      "deep-shape.safetensors: at byte 9: tensor 'a' needs a shape of non-negative integers, got a nested array [MB810]\n",
    );
    refused(
      imported("safetensors", rawSafetensors("deep-info.safetensors", `{"a":${deep}}`, 4)),
      "deep-info.safetensors: at byte 9: tensor 'a' is described by a nested array, not by an object [MB810]\n",
    );
    refused(imported("safetensors", rawSafetensors("deep-root.safetensors", deep, 0)), "deep-root.safetensors: at byte 8: the JSON is not an object [MB810]\n");
  });

  it("refuses a 5,000-level dotted tensor name at its byte, where the import overflowed the stack", () => {
    const name = `${Array.from({ length: 5_000 }, () => "a").join(".")}.weight`;
    refused(
      imported("safetensors", safetensors("dotted.safetensors", { "x.weight": tensor("F32", [1], [0, 4]), [name]: tensor("F32", [1], [4, 8]) }, 8)),
      `dotted.safetensors: at byte 69: tensor '${name.slice(0, 80)}...' is nested 5000 modules deep, more than the 20 a spec holds [MB814]\n  real models nest a dozen modules at most: is this a damaged or generated checkpoint?\n`,
    );
  });

  it("refuses a tensor name part longer than a spec name may be, where the spec it wrote did not parse", () => {
    refused(
      imported("safetensors", safetensors("long.safetensors", { [`h.${"x".repeat(10_000)}`]: tensor("F32", [2], [0, 8]) }, 8)),
      `long.safetensors: at byte 9: tensor 'h.${"x".repeat(78)}...' has a name part of 10000 characters, more than the 1000 a spec name may have [MB814]\n  is this a damaged or generated checkpoint?\n`,
    );
  });

  it("gives byte offsets in headers with multi-byte names", () => {
    refused(
      imported("safetensors", safetensors("utf8.safetensors", { "größe.weight": tensor("F32", [1], [0, 4]), "später.weight": tensor("F99", [1], [4, 8]) }, 8)),
      // 8 bytes of length, then {"größe.weight":{...}, in 67 bytes: ö and ß are two bytes each.
      `utf8.safetensors: at byte 75: tensor 'später.weight' has dtype "F99", which is no safetensors dtype [MB810]\n  the dtypes are BOOL, U8, I8, F8_E5M2, F8_E4M3, F8_E8M0, I16, U16, F16, BF16, I32, U32, F32, F64, I64, U64, C64, F4, F6_E2M3, F6_E3M2\n`,
    );
  });
});

/** An ONNX file of the given parts. */
function onnx(name: string, parts: readonly Part[]): string {
  writeParts(join(dir, name), parts);
  return name;
}

/** `depth` length-delimited fields numbered `field`, each the whole payload of the one before: built outside in, in linear time. */
function nestedFields(field: number, depth: number, innermost: Uint8Array): Part[] {
  const tag = varint(field * 8 + 2);
  const lengths: number[] = [];
  let length = innermost.length;
  for (let level = 0; level < depth; level++) {
    lengths.push(length);
    length += tag.length + varint(length).length;
  }
  return [...lengths.reverse().flatMap((inner) => [tag, varint(inner)]), innermost];
}

describe("hostile ONNX files", () => {
  it("refuses truncated varints, over-long varints and lengths past the file at their byte", () => {
    refused(
      imported("onnx", onnx("varint.onnx", [Uint8Array.from([0x08, 0x80])])),
      "varint.onnx: at byte 1: a varint runs past the end of its file [MB811]\n  the file is truncated, or not in this format\n",
    );
    refused(
      imported("onnx", onnx("long.onnx", [Uint8Array.from([0x08, ...Array.from({ length: 11 }, () => 0xff)])])),
      "long.onnx: at byte 1: a varint longer than the 10 bytes protobuf allows [MB811]\n",
    );
    refused(
      imported("onnx", onnx("past.onnx", [varint(7 * 8 + 2), varint(1_000_000), Uint8Array.from([1, 2, 3])])),
      "past.onnx: at byte 1: a field of 1000000 bytes runs past the end of its file [MB811]\n  the file is truncated, or not in this format\n",
    );
    refused(
      imported("onnx", onnx("raw.onnx", [...pb.bytes(7, [...pb.bytes(5, [...pb.packed(1, [4]), ...pb.varint(2, 1), ...pb.string(8, "w"), varint(9 * 8 + 2), varint(2 ** 40)])])])),
      "raw.onnx: at byte 13: a field of 1099511627776 bytes runs past the end of its file [MB811]\n  the file is truncated, or not in this format\n",
    );
  });

  it("refuses dims past 2^53 (a negative int64) and more dims than a tensor has", () => {
    const minusOne = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    refused(
      imported("onnx", onnx("negative.onnx", onnxModel([[varint(1 * 8), minusOne, ...pb.varint(2, 1), ...pb.string(8, "w")]]))),
      expect.stringMatching(/^negative\.onnx: at byte \d+: a varint reads 18446744073709552000, beyond 2\^53: a negative or absurd value \[MB811\]\n$/),
    );
    refused(
      imported("onnx", onnx("rank.onnx", onnxModel([tensorProto({ name: "w", dims: Array.from({ length: 65 }, () => 1) })]))),
      expect.stringMatching(/^rank\.onnx: at byte \d+: initializer 'w' has 65 dimensions, more than the 64 a tensor can have \[MB811\]\n$/),
    );
  });

  it("steps over 100,000-deep nesting in the graph's nodes and takes the initializers", () => {
    const deepNode = nestedFields(1, 100_000, new Uint8Array(0));
    const graph = [...pb.bytes(1, deepNode), ...pb.bytes(5, tensorProto({ name: "w", dims: [3, 2] }))];
    const run = imported("onnx", onnx("deep.onnx", [...pb.varint(1, 8), ...pb.bytes(7, graph)]));
    expect(run).toMatchObject({ status: 0, stderr: "model-budget: deep.yaml: 6 parameters\n" });
    // A message nested inside its own field runs past its end at the first level that does not fit.
    refused(
      imported("onnx", onnx("lying.onnx", [varint(7 * 8 + 2), varint(50), ...nestedFields(1, 10, new Uint8Array(0))])),
      "lying.onnx: at byte 1: a field of 50 bytes runs past the end of its file [MB811]\n  the file is truncated, or not in this format\n",
    );
  });
});
