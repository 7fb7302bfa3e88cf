import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bigSpec } from "../../scripts/bench-specs.mjs";
import { SpecError } from "../../src/diagnostics/index.js";
import { fastYamlSource } from "../../src/parse/fast-yaml.js";
import { parseYaml, parseYamlWithPackage, type DataPath, type YamlSource } from "../../src/parse/yaml.js";

/*
 * The fast reader (src/parse/fast-yaml.ts) must answer exactly as the yaml package does, or decline.
 * Every text here goes through parseYaml (the fast reader first) and parseYamlWithPackage (the yaml
 * package alone): both throw the same error, or both give the same data (key order, number types,
 * -0 and NaN included) and the same answer to every position query on every path of the data and on
 * paths past it.
 */

const ROOT = new URL("../../", import.meta.url).pathname;

function filesUnder(folder: string, endings: readonly string[]): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => endings.some((ending) => file.endsWith(ending)))
    .map((file) => join(folder, file))
    .sort();
}

type Outcome = { source: YamlSource } | { error: string };

function outcome(read: () => YamlSource): Outcome {
  try {
    return { source: read() };
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return { error: `${error.kind} ${JSON.stringify(error.position)} ${error.message}` };
  }
}

/** Where two data values first differ (own keys in order, property flags, Object.is on numbers), or undefined. */
function dataDifference(a: unknown, b: unknown, where = "data"): string | undefined {
  if (typeof a !== typeof b) return `${where}: ${typeof a} vs ${typeof b}`;
  if (typeof a === "number") return Object.is(a, b) ? undefined : `${where}: ${a} vs ${String(b)}`;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b ? undefined : `${where}: ${String(a)} vs ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${where}: prototypes differ`;
  const keys = Reflect.ownKeys(a);
  const otherKeys = Reflect.ownKeys(b);
  if (keys.join("\u0000") !== otherKeys.join("\u0000")) return `${where}: keys ${String(keys)} vs ${String(otherKeys)}`;
  for (const key of keys) {
    const mine = Object.getOwnPropertyDescriptor(a, key)!;
    const theirs = Object.getOwnPropertyDescriptor(b, key)!;
    if (mine.enumerable !== theirs.enumerable || mine.writable !== theirs.writable || mine.configurable !== theirs.configurable) return `${where}.${String(key)}: flags differ`;
    const inner = dataDifference(mine.value, theirs.value, `${where}.${String(key)}`);
    if (inner) return inner;
  }
  return undefined;
}

/** Every path in the data, and paths that go past it (missing keys, items past the end, odd segments). */
function pathsOf(data: unknown, path: DataPath = [], into: DataPath[] = []): DataPath[] {
  into.push(path, [...path, "no such key"], [...path, 99999]);
  if (Array.isArray(data)) {
    into.push([...path, -1], [...path, 0.5], [...path, "0"], [...path, data.length]);
    data.forEach((item, index) => pathsOf(item, [...path, index], into));
  } else if (data !== null && typeof data === "object") {
    for (const [key, value] of Object.entries(data)) {
      if (key !== "" && !Number.isNaN(Number(key))) into.push([...path, Number(key)]);
      pathsOf(value, [...path, key], into);
    }
  }
  return into;
}

/** What a source answers for one path, every query together. */
function answers(source: YamlSource, path: DataPath): unknown {
  const written = source.writtenAt(path);
  const offsets = source.offsetsAt(path);
  return {
    at: source.at(path),
    keyAt: source.keyAt(path),
    quoted: source.quotedAt(path),
    written,
    offsets: [0, 1, 3, (written?.length ?? 1) - 1, written?.length ?? 0].map((offset) => offsets(offset)),
  };
}

/** The first way parseYaml and the yaml package differ on a text, or undefined. */
function difference(text: string, file = "t.yaml"): string | undefined {
  const viaPackage = outcome(() => parseYamlWithPackage(text, file));
  const shipped = outcome(() => parseYaml(text, file));
  if ("error" in viaPackage || "error" in shipped) {
    const [theirs, mine] = [viaPackage, shipped].map((result) => ("error" in result ? result.error : "accepted"));
    return theirs === mine ? undefined : `yaml: ${theirs}\nparseYaml: ${mine}`;
  }
  const [mine, theirs] = [shipped.source, viaPackage.source];
  if (mine.file !== theirs.file || mine.text !== theirs.text) return "file or text differ";
  const data = dataDifference(mine.data, theirs.data);
  if (data) return data;
  for (const path of pathsOf(theirs.data)) {
    const [a, b] = [answers(mine, path), answers(theirs, path)];
    if (JSON.stringify(a) !== JSON.stringify(b)) return `at ${JSON.stringify(path)}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  return undefined;
}

/** Whether the fast reader reads the text itself (rather than leaving it to the yaml package). */
const fastReads = (text: string) => fastYamlSource(text.replace(/^\uFEFF/, ""), "t.yaml") !== undefined;

/** Runs the comparison over texts; returns the differences (none expected) and how many the fast reader read. */
function compareAll(texts: readonly string[]): { differences: string[]; read: number } {
  const differences: string[] = [];
  let read = 0;
  for (const text of texts) {
    const found = difference(text);
    if (found) differences.push(`${JSON.stringify(text)}\n${found}`);
    if (fastReads(text)) read++;
  }
  return { differences, read };
}

// ------------------------------------------------------------------------------------------------
// Texts written by hand: the forms the brief names, in and just outside the subset.
// ------------------------------------------------------------------------------------------------

const PLAIN_FORMS = [
  "1_000",
  "0o17",
  "0o8",
  "0x1F",
  "0x",
  "0xg",
  "+1",
  "-1",
  "-0",
  "+0",
  "007",
  ".5",
  "+.5",
  "-.5",
  "1.",
  "1.50",
  "1e3",
  "1E3",
  "1e",
  "e3",
  "-1e-05",
  "1.5e+3",
  ".5e1",
  "1.e2",
  ".inf",
  "-.Inf",
  "+.INF",
  ".NaN",
  ".nan",
  ".NAN",
  "-.nan",
  "inf",
  "NaN",
  "~",
  "null",
  "Null",
  "NULL",
  "nULL",
  "true",
  "True",
  "TRUE",
  "tRUE",
  "false",
  "False",
  "FALSE",
  "yes",
  "no",
  "on",
  "1:2",
  "a:b",
  "a#b",
  "a #b",
  "x[0]",
  "a, b]",
  "a}",
  "foo bar",
  "-x",
  "--x",
  "-",
  "-.",
  ".",
  "..",
  "Conv2d(3, 64)",
  "Linear(in_features=8 * 16, out_features=4)",
  "9007199254740993",
  "123456789012345678901234567890",
  "0.1",
  "1e400",
  "-1e400",
  "0x7FFFFFFFFFFFFFFF",
  "é",
  "日本",
  "a\u00a0b",
  "%x",
  "@x",
  "`x`",
  "?x",
  ":x",
  "!x",
  "&x",
  "*x",
  "|",
  ">",
  "'q'",
  '"q"',
  "'it''s'",
  '"a\\tb"',
  '"\\x41\\u00e9\\U0001F600"',
  '"\\q"',
  '"\\x4"',
  '"\\"quoted\\""',
  "''",
  '""',
  "'a' b",
  '"a"#c',
  '"a" #c',
  "{}",
  "[]",
  "[1, 2]",
  "[1, [2, [3]]]",
  "{a: 1, b: [x, y]}",
  "{a: 1,}",
  "[1,]",
  "[,]",
  "[a, , b]",
  "{a}",
  "{a: }",
  "[a: 1]",
  '{"a":1}',
  "{a:1}",
  "[Conv2d(3, 64)]",
  "[f(1]",
  "{x: g(1), y: h(2, 3)}",
  "{q: Linear(16, 16)}",
  "[a#b]",
  "[a #b]",
  "[-1, -x]",
  "[- x]",
  "{ a : 1 }",
  "[ 1 , 2 ]",
  "[~, null, true, 0x10]",
  "{? a: 1}",
  "[!!str 1]",
  "[&a 1]",
];

const hand = [
  // (A flow collection as a key makes yaml warn that it stringifies it: those are left out.)
  ...PLAIN_FORMS.flatMap((form) => [
    `key: ${form}\n`,
    `- ${form}\n`,
    `a:\n  - ${form}\n  - x: ${form}\n    y: 1\n`,
    `${form}\n`,
    `k: ${form} # c\n`,
    ...(/^[[{]/.test(form) ? [] : [`${form}: 1\n`]),
  ]),
  "",
  "\n",
  "# only a comment\n",
  "---\n",
  "---\na: 1\n",
  "--- a: 1\n",
  "a: 1\n---\nb: 2\n",
  "a: 1\n...\n",
  "%YAML 1.2\n---\na: 1\n",
  "\uFEFFa: 1\n",
  "a: 1\r\nb:\r\n  - x\r\n  - y: 2\r\n",
  "a: 1\rb: 2\n",
  "a:\tb\n",
  "a:\n\t- x\n",
  "a: 1   \nb: 2  # c  \n",
  "key:\n",
  "key:",
  "key:   \n",
  "key:  # c\n  # d\nother: 1\n",
  "- \n-\n- x\n-   # c\n",
  "a:\n- x\n- y\nb: 1\n",
  "- a:\n  - x\n  b: 1\n",
  "- - a\n  - b\n- c\n",
  "- - - a\n",
  "-   a: 1\n    b: 2\n",
  "- a: 1\n   b: 2\n",
  "- a: 1\n b: 2\n",
  "a:\n    b: 1\n  c: 2\n",
  "a:\n  b: 1\n# c\n  d: 2\n",
  "a: 1\n  # c\nb: 2\n",
  "a:\n  x\n",
  "a:\n  x\n  y\n",
  "a: x\n  y\n",
  "- x\n  y\n",
  "a: b: c\n",
  "a: - b\n",
  "a: -\n",
  "- a: b: c\n",
  "a: 1\na: 2\n",
  "1: a\n'1': b\n",
  "1: a\n1.0: b\n",
  "~: 1\n",
  "null: 1\n",
  ": 1\n",
  "true: 1\nTrue: 2\n",
  "0x10: a\n16: b\n",
  "__proto__: 1\nconstructor: 2\n",
  "'a b': 1\n\"c\\td\": 2\n",
  "'a' : 1\n",
  '"a":1\n',
  "a:1\n",
  "a :1\n",
  "a : 1\n",
  "? a\n: 1\n",
  "a: &x 1\nb: *x\n",
  "a: !!str 1\n",
  "a: |\n  x\n",
  "a: >-\n  x\n",
  "a: 'multi\n  line'\n",
  'a: "multi\n  line"\n',
  "a: [1,\n  2]\n",
  "a: {b: 1,\n  c: 2}\n",
  `${"k".repeat(1100)}: 1\n`,
  `${"k".repeat(900)}: 1\n`,
  `a: ${"[".repeat(63)}${"]".repeat(63)}\n`,
  `${"[".repeat(70)}${"]".repeat(70)}`,
  "  a: 1\n  b: 2\n",
  " - x\n",
  "a:\n  - b:\n      c: [1, {d: e}]\n",
  'model: x\nlayers:\n  - fc: Linear(4, 4)\n  - {b: "Conv2d(1, 2, 3)"}\n',
  "x: 'a''b''''c'\n",
  'x: "a\\\\"\n',
  'x: "\\/\\ \\_\\N\\L\\P\\0\\a\\b\\e\\f\\v\\r\\n"\n',
  'x: "\\U0011FFFF"\n',
  'x: "\\uD800"\n',
  "a: 'x'#c\n",
  "a: [x]#c\n",
  "a: [x] #c\n",
  "a: [x] y\n",
  "[a]: 1\n",
  "{a: 1}: 2\n",
  "- [a]: 1\n",
  "a:\n  - 1\n  -\n    - 2\n",
  "a:\n -\n  b: 1\n",
  "a: 1 #c\n#d\n  #e\nb: 2\n",
  "a:#b\n",
  "a: b #c: d\n",
  "a: b:c\n",
  "a: 'b': c\n",
  // Flow collections across lines: yaml wants each line deeper than the block collection around them.
  ...["f: [a,\nb]\n", "f: [a,\n b]\n", "- x: [a,\n  b]\n", "  - x: [a,\n  b]\n", "s:\n  - x: [a,\n    b]\n", "s:\n  - x: [a,\n     b]\n", "s:\n  - [a,\n  b]\n"],
  ...["s:\n  - [a,\n   b]\n", "s:\n  k: [a,\n  b]\n", "s:\n  k: [a,\n   b]\n", "f: [a, # c\n  b]\n", "f: [a,\n  # c\n  b]\n", "f: [a,\n# c\n  b]\n", "f: [a\n  , b]\n"],
  ...["f: [a,\n\n  b]\n", "f: [a\n  b]\n", "f: {a: 1,\n  b: 2}\n", "f: {a:\n  1}\n", "f: {a\n  : 1}\n", "f: [a,\n  b\n  ]\n", "f: [a,\n  b\n]\n", "f: [a,\n  b]  # c\ng: 1\n"],
  ...["f: [a,\n  b] x\n", "- [a,\n b]\n", "- [a,\nb]\n", "[a,\nb]\n", "f: [a,#c\n b]\n", "f: [a,\n---\n b]\n", "f: [\n  a,\n  b\n]\n", "f: {\n  a: 1\n}\n", "- - [a,\n  b]\n"],
  ...["- - [a,\n   b]\n", "a:\n  b:\n    - x: {p: [1,\n       2]}\n", "- x: 1\n  y: [a,\n  b]\n", "k: [a, [b,\n c], d]\n", "k:\n  [a,\n b]\n", "-   x: [a,\n    b]\n"],
  ...["a:\n# c\n  b: 1\n", "a:\n  # c\n- x\n", "[a,\n# c\n b]\n", "{a: 1,\n\n b: 2}\n", "k: http://x:\n", "k: http://x\n", "[http://x]\n", "[a] [b]\n", "k: a\\\n"],
  ...["a :b\n", "a : b\n", "a:  b\n", "k: a :b\n", "- a :b\n", "- a:b\n", "k: x  # two spaces\n", '["a"#c]\n', '["a" #c\n]\n', "k: - \n", "k: 'a'  \n"],
  ...['f: [a, "b\nc"]\n', "f: [a,\r\n  b]\r\n", "f: [a,\n  b,\n  ]\n", "f: [a,\n  b\n", "f: [a,\n  b]\n  c: 1\n", "f: [a,\n  b]\n---\n"],
];

describe("the fast YAML reader against the yaml package", () => {
  it("answers alike, or declines, on the forms written by hand", () => {
    const { differences, read } = compareAll(hand);
    expect(differences).toEqual([]);
    // Most of these are inside the subset: the comparison is not vacuous.
    expect(read).toBeGreaterThan(hand.length / 3);
  });

  it("reads, alike, every example and fixture we ship", () => {
    // Hugging Face config.json files are read by parseYaml too.
    const files = [...filesUnder("examples", [".yaml", ".yml"]), ...filesUnder("test/fixtures", [".yaml", ".yml"]), ...filesUnder("test/fixtures/hf-config", [".json"])];
    expect(files.length).toBeGreaterThan(40);
    const texts = files.map((file) => readFileSync(join(ROOT, file), "utf8"));
    expect(compareAll(texts).differences).toEqual([]);
    // The speed-up is real: the fast reader declines none of the examples.
    const examples = files.filter((file) => file.startsWith("examples/") && !file.includes("lint"));
    expect(examples.filter((file) => !fastReads(readFileSync(join(ROOT, file), "utf8")))).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
// A generated corpus: random documents in the subset's styles, a third of them then damaged.
// ------------------------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so that a failure reproduces. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEY_FORMS = [
  "a",
  "b",
  "layers",
  "conv1",
  "x y",
  "1",
  "2",
  "0x1F",
  "true",
  "-k",
  "k#1",
  "k[0]",
  "'q k'",
  "'it''s'",
  '"d\\tk"',
  '"e"',
  "__proto__",
  "constructor",
  "~",
  "Null",
  "1.0",
  "+1",
  "a:b",
  "é",
];
const SCALAR_FORMS = PLAIN_FORMS.filter((form) => !/^[[{]/.test(form));
/** What specs mostly hold, so that most documents stay inside the subset and get compared. */
const COMMON_SCALARS = [
  "1",
  "0",
  "-1",
  "+1",
  "1.5",
  "1.",
  ".5",
  "1e-05",
  "-0",
  "0x1F",
  "0o17",
  ".inf",
  "-.Inf",
  ".NaN",
  "~",
  "null",
  "true",
  "False",
  "Linear(4, 4)",
  "Conv2d(3, 64, kernel_size=(3, 3))",
  "relu",
  "a:b",
  "a#b",
  "foo bar",
  "'sum'",
  "'it''s'",
  '"flatten(1)"',
  '"a\\tb\\u00e9"',
  "x[0]",
  "d // heads",
];
const COMMON_KEYS = ["a", "b", "c", "d", "layers", "conv1", "x y", "1", "true", "-k", "k#1", "'q k'", '"e"', "0x1F"];
const FLOW_SCALARS = ["1", "-1", "0x1F", "a", "b c", "~", "null", "TRUE", ".inf", "1e3", "'x, y'", '"z]"', "Conv2d(3, 64)", "a#b", "''", "g(h(1))", "x #c\n  ", "1", "a", "b"];
/** Flow items outside the subset: a split call, a `:` in a plain scalar, a lone dash. */
const ODD_FLOW_SCALARS = ["f(1", "a:b", "-", "&a x", "*a", "!t x", "? k"];

interface Generator {
  rand: () => number;
  lines: string[];
}

const pick = <T>(g: Generator, list: readonly T[]): T => list[Math.floor(g.rand() * list.length)]!;
const scalarForm = (g: Generator) => pick(g, g.rand() < 0.06 ? SCALAR_FORMS : COMMON_SCALARS);
const keyForm = (g: Generator) => pick(g, g.rand() < 0.04 ? KEY_FORMS : COMMON_KEYS);

function comment(g: Generator): string {
  const r = g.rand();
  return r < 0.8 ? "" : r < 0.9 ? " # note: a, [b]" : r < 0.95 ? "   #" : "  ";
}

function flowText(g: Generator, depth: number): string {
  const count = Math.floor(g.rand() * 4);
  const isMap = g.rand() < 0.4;
  const items = Array.from({ length: count }, () => {
    const value = depth < 3 && g.rand() < 0.25 ? flowText(g, depth + 1) : pick(g, g.rand() < 0.05 ? ODD_FLOW_SCALARS : FLOW_SCALARS);
    return isMap ? `${pick(g, KEY_FORMS.slice(0, 12))}: ${value}` : value;
  });
  const separator = g.rand() < 0.8 ? ", " : g.rand() < 0.5 ? "," : ` ,\n${" ".repeat(Math.floor(g.rand() * 8))}`;
  return isMap ? `{${items.join(separator)}}` : `[${items.join(separator)}]`;
}

/** The value after `head` (a `key:` or `-` with its indentation), whose owner sits at column `indent`. */
function value(g: Generator, head: string, indent: number, depth: number): void {
  const r = g.rand();
  const step = 1 + Math.floor(g.rand() * 4);
  const dash = head.endsWith("-");
  if (depth > 3 || r < 0.4) g.lines.push(`${head} ${g.rand() < 0.2 ? flowText(g, 0) : scalarForm(g)}${comment(g)}`);
  else if (r < 0.47) g.lines.push(`${head}${comment(g)}`);
  else if (r < 0.75) {
    if (dash && g.rand() < 0.6) mapping(g, head.length + 1, depth + 1, `${head}${" ".repeat(1 + Math.floor(g.rand() * 2))}`);
    else {
      g.lines.push(`${head}${comment(g)}`);
      mapping(g, indent + step, depth + 1);
    }
  } else if (dash && g.rand() < 0.3) sequence(g, head.length + 1, depth + 1, `${head} `);
  else {
    g.lines.push(`${head}${comment(g)}`);
    sequence(g, !dash && g.rand() < 0.4 ? indent : indent + step, depth + 1);
  }
}

function filler(g: Generator): void {
  const r = g.rand();
  if (r < 0.08) g.lines.push("");
  else if (r < 0.14) g.lines.push(`${" ".repeat(Math.floor(g.rand() * 6))}# a comment: - [x]`);
}

function mapping(g: Generator, indent: number, depth: number, firstHead?: string): void {
  const count = 1 + Math.floor(g.rand() * 4);
  for (let i = 0; i < count; i++) {
    if (i > 0) filler(g);
    const head = i === 0 && firstHead !== undefined ? firstHead : " ".repeat(indent);
    value(g, `${head}${keyForm(g)}${g.rand() < 0.05 ? " " : ""}:`, indent, depth);
  }
}

function sequence(g: Generator, indent: number, depth: number, firstHead?: string): void {
  const count = 1 + Math.floor(g.rand() * 4);
  for (let i = 0; i < count; i++) {
    if (i > 0) filler(g);
    value(g, `${i === 0 && firstHead !== undefined ? firstHead.trimEnd() : " ".repeat(indent)}-`, indent, depth);
  }
}

const DAMAGE = [" ", "  ", "#", ":", "-", "[", "]", "{", "}", ",", "'", '"', "&a ", "*a", "!", "|", ">", "?", "%", "@", "\\", "\t", "\r", "---", "..."];

/** One edit that may take the text out of the subset (or out of YAML). */
function damage(g: Generator): void {
  const lines = g.lines;
  if (lines.length === 0) return;
  const at = Math.floor(g.rand() * lines.length);
  const line = lines[at]!;
  const column = Math.floor(g.rand() * (line.length + 1));
  const r = g.rand();
  if (r < 0.35) lines[at] = line.slice(0, column) + pick(g, DAMAGE) + line.slice(column);
  else if (r < 0.5) lines[at] = line.slice(0, column) + line.slice(column + 1);
  else if (r < 0.6) lines[at] = line.startsWith(" ") && g.rand() < 0.5 ? line.slice(1) : ` ${line}`;
  else if (r < 0.7) lines.splice(at, 0, line);
  else if (r < 0.8) lines.splice(at + 1, 0, `${" ".repeat(Math.floor(g.rand() * 8))}${pick(g, SCALAR_FORMS)}`);
  else if (r < 0.9) lines[at] = `${line} ${pick(g, SCALAR_FORMS)}`;
  else lines.splice(at, 1);
}

function generated(seed: number): string {
  const g: Generator = { rand: seeded(seed), lines: [] };
  if (g.rand() < 0.1) g.lines.push("---");
  const root = g.rand();
  if (root < 0.6) mapping(g, 0, 0);
  else if (root < 0.9) sequence(g, 0, 0);
  else g.lines.push(g.rand() < 0.5 ? flowText(g, 0) : pick(g, SCALAR_FORMS));
  if (g.rand() < 0.3) for (let edits = 1 + Math.floor(g.rand() * 2); edits > 0; edits--) damage(g);
  let text = `${g.lines.join("\n")}${g.rand() < 0.9 ? "\n" : ""}`;
  if (g.rand() < 0.1) text = text.replaceAll("\n", "\r\n");
  if (g.rand() < 0.05) text = `\uFEFF${text}`;
  return text;
}

describe("the fast YAML reader on a generated corpus", () => {
  it("answers as the yaml package does on 4,000 random documents, or declines", () => {
    const texts = Array.from({ length: 4000 }, (_, seed) => generated(seed));
    const { differences, read } = compareAll(texts);
    expect(differences.slice(0, 3)).toEqual([]);
    // A quarter and more stay inside the subset (the rest hold a form it declines, or were damaged out
    // of it, or out of YAML): over a thousand documents whose answers are compared.
    expect(read).toBeGreaterThan(1000);
  });
});

// ------------------------------------------------------------------------------------------------
// Spec and budget texts written inside the test suite, and the benchmark's large spec.
// ------------------------------------------------------------------------------------------------

/** String literals of the test suite that read as YAML documents (a `key:` and a line break). */
function embeddedTexts(): string[] {
  const found = new Set<string>();
  for (const file of filesUnder("test", [".ts"])) {
    const source = readFileSync(join(ROOT, file), "utf8");
    for (const [literal] of source.matchAll(/"(?:[^"\\\n]|\\.)*"/g)) {
      try {
        found.add(JSON.parse(literal) as string);
      } catch {
        // A JavaScript escape JSON does not know (\'): not a spec worth the trouble.
      }
    }
    // Template literals without substitutions, their simple escapes undone.
    for (const [, body] of source.matchAll(/`((?:[^`\\$]|\\[nt`\\"'])*)`/g)) {
      found.add(body!.replace(/\\(.)/g, (_, escaped: string) => (escaped === "n" ? "\n" : escaped === "t" ? "\t" : escaped)));
    }
  }
  return [...found].filter((text) => text.includes("\n") && /^[ -]*[\w"'.-]+:( |$)/m.test(text));
}

describe("the fast YAML reader on the test suite's specs and the bench's", () => {
  it("answers alike, or declines, on every spec text the tests write", () => {
    const texts = embeddedTexts();
    expect(texts.length).toBeGreaterThan(500);
    const { differences, read } = compareAll(texts);
    expect(differences.slice(0, 3)).toEqual([]);
    expect(read).toBeGreaterThan(texts.length / 2);
  });

  it("reads the bench's spec itself, alike at every path, and the 10,000-layer one alike in data", () => {
    // The bench's own generator: eight stages of 50 layers, then its 10,000 layers (bigSpec checks the count).
    expect(fastYamlSource(bigSpec(400), "small.yaml")).toBeDefined();
    expect(difference(bigSpec(400))).toBeUndefined();
    const big = bigSpec(10_000);
    const fast = fastYamlSource(big, "big.yaml");
    expect(fast).toBeDefined();
    expect(dataDifference(fast!.data, parseYamlWithPackage(big, "big.yaml").data)).toBeUndefined();
  });
});
