import type { SourcePosition } from "../diagnostics/index.js";
import { INDEXED_MAP_SIZE, scalarOffsets, type DataPath, type YamlSource } from "./yaml-source.js";

/*
 * A reader for the subset of YAML our specs, budgets and configs are written in, ahead of the `yaml`
 * package: that package's lexer, parser, composer and toJS cost about a fifth of a 10,000-layer run and
 * a sixth of a small one, most of it building a Document we only walk for positions. This reader goes
 * once over the text, line by line, and builds the data and a light tree of start offsets together.
 *
 * It must answer exactly as the yaml path does (yaml 2.9.1, core schema, strict) or not at all: on
 * anything outside its subset it declines, and parseYaml runs the yaml package unchanged, so that
 * every error, message and position stays the package's. Declining is always safe; a different
 * answer never is. test/parse/fast-yaml.test.ts compares the two on every file we ship and on a
 * generated corpus around the subset.
 *
 * The subset: block mappings and sequences by indentation (compact `- key: value` items, a sequence at
 * its key's indentation), one-line plain, 'single' and "double" quoted scalars (the escapes yaml
 * knows), [flow] and {flow} collections (across lines too, each line deeper than the block around
 * them), comments, blank lines, CRLF, one leading `---`.
 * Declined: anchors, aliases, tags, block scalars, multi-line scalars, explicit
 * `?` keys, directives, more than one document, tabs and other control characters, empty documents,
 * empty flow entries, null or duplicate keys, nesting past MAX_DEPTH, and a flow plain scalar with an
 * unclosed parenthesis (parseYaml's comma-splits-call error).
 */

/** Thrown inside the reader when the text leaves the subset; caught once at the top (made once: no stack per decline). */
const DECLINE = new Error("outside the fast YAML subset");

/** Deeper than any spec and short of parseYaml's own nesting limit (64), which the yaml path reports. */
const MAX_DEPTH = 60;
/** yaml refuses an implicit key whose `:` is more than 1024 characters after its start. */
const MAX_KEY_LENGTH = 1000;

/**
 * Characters whose meaning this reader does not follow: tabs, control characters, a carriage return
 * not before a line feed, YAML 1.1 line breaks and byte-order marks inside the text.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const FORBIDDEN = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]|\r(?!\n)/;

interface ScalarNode {
  kind: "plain" | "single" | "double";
  start: number;
  value: unknown;
  /** What yaml keeps as the scalar's source: the plain text, or the quoted text unescaped. */
  source: string;
}

interface MapNode {
  kind: "map";
  start: number;
  value: Record<string, unknown>;
  /** Each key as data names it (String of its value), its start, and its value's node. */
  names: string[];
  keyStarts: number[];
  values: FastNode[];
  /** Built on the first lookup in a long mapping. */
  index: Map<string, number> | undefined;
}

interface SeqNode {
  kind: "seq";
  start: number;
  value: unknown[];
  items: FastNode[];
}

type FastNode = ScalarNode | MapNode | SeqNode;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** The core schema's forms (yaml/dist/schema/core): tried in its order, the first match wins. */
const NULL_FORM = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_FORM = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT_FORM = /^0o[0-7]+$/;
const INT_FORM = /^[-+]?[0-9]+$/;
const HEX_FORM = /^0x[0-9a-fA-F]+$/;
const NAN_INF_FORM = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_FORM = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_FORM = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Every null, boolean or number of the core schema starts with one of these. */
const TYPED_START = /^[~nNtTfF0-9+\-.]/;

/** The value yaml's core schema gives a plain scalar. */
function resolvePlain(text: string): unknown {
  if (!TYPED_START.test(text)) return text;
  if (NULL_FORM.test(text)) return null;
  if (BOOL_FORM.test(text)) return text[0] === "t" || text[0] === "T";
  if (OCT_FORM.test(text)) return parseInt(text.substring(2), 8);
  if (INT_FORM.test(text)) return parseInt(text, 10);
  if (HEX_FORM.test(text)) return parseInt(text.substring(2), 16);
  if (NAN_INF_FORM.test(text)) return text.slice(-3).toLowerCase() === "nan" ? NaN : text[0] === "-" ? -Infinity : Infinity;
  if (EXP_FORM.test(text) || FLOAT_FORM.test(text)) return parseFloat(text);
  return text;
}

/** The one-character escapes of a double-quoted scalar, as yaml reads them. */
const ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
};
const HEX_DIGITS = /^[0-9a-fA-F]+$/;
const CODE_LENGTHS: Record<string, number> = { x: 2, u: 4, U: 8 };

function decline(): never {
  throw DECLINE;
}

/** Characters that may not start a plain scalar (they start something else): , [ ] { } # & * ! | > ' " % @ ` ? : */
const NOT_PLAIN_START = new Set(Array.from(",[]{}#&*!|>'\"%@`?:", (character) => character.charCodeAt(0)));

function badPlainStart(code: number): boolean {
  return NOT_PLAIN_START.has(code);
}

/** A flow indicator: , [ ] { } */
function isFlowIndicator(code: number): boolean {
  return code === 44 || code === 91 || code === 93 || code === 123 || code === 125;
}

function scalar(kind: ScalarNode["kind"], start: number, value: unknown, source: string): ScalarNode {
  return { kind, start, value, source };
}

function newMap(start: number): MapNode {
  return { kind: "map", start, value: {}, names: [], keyStarts: [], values: [], index: undefined };
}

/** Adds a pair as yaml's toJS does (an inherited name such as __proto__ becomes an own property). */
function addPair(map: MapNode, name: string, keyStart: number, value: FastNode): void {
  map.names.push(name);
  map.keyStarts.push(keyStart);
  map.values.push(value);
  if (name in map.value) Object.defineProperty(map.value, name, { value: value.value, writable: true, enumerable: true, configurable: true });
  else map.value[name] = value.value;
}

/** The data name of a key; a null key (named "" by toJS but "null" by the position walk) or a repeated one is declined. */
function keyName(map: MapNode, key: ScalarNode): string {
  if (key.value === null) decline();
  // A plain key resolves to a string, number or boolean; toJS names it by String().
  const value = key.value as string | number | boolean;
  const name = String(value);
  if (Object.prototype.hasOwnProperty.call(map.value, name)) decline();
  return name;
}

/**
 * The reader's place in the text: the current content line (blank and comment lines are skipped),
 * its first non-space character and column. A collection that starts mid-line (`- key: value`) moves
 * `content` and `indent` to where it starts, as though its line began there.
 */
class Reader {
  readonly text: string;
  lineStart = 0;
  content = 0;
  /** The current line's column of content; -1 past the last line. */
  indent = -1;
  /** Where the current line's content ends (before its \r\n or \n). */
  lineEnd = 0;
  nextLine = 0;
  depth = 0;
  /** Past the last quoted scalar, flow item or key indicator read. */
  after = 0;
  /** Where scanPlain's scalar ends, trailing spaces left out. */
  plainEnd = 0;

  constructor(text: string) {
    this.text = text;
  }

  /** Moves to the next line with content; a line that starts `---` or `...` ends the document (declined). */
  advance(first = false): void {
    const text = this.text;
    let start = this.nextLine;
    while (start < text.length) {
      let i = start;
      while (text.charCodeAt(i) === SPACE) i++;
      let newline = text.indexOf("\n", i);
      if (newline < 0) newline = text.length;
      const code = text.charCodeAt(i);
      if (i < newline && code !== HASH && code !== 13) {
        const lineEnd = text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        if (i === start && (text.startsWith("---", i) || text.startsWith("...", i))) {
          // Only a bare `---` before the content, which starts the one document.
          if (!first || !text.startsWith("---", i) || text.slice(i + 3, lineEnd).trim() !== "") decline();
          first = false;
          start = newline + 1;
          continue;
        }
        this.lineStart = start;
        this.content = i;
        this.indent = i - start;
        this.lineEnd = lineEnd;
        this.nextLine = newline + 1;
        return;
      }
      start = newline + 1;
    }
    this.indent = -1;
  }

  atEnd(): boolean {
    return this.indent === -1;
  }

  skipSpaces(i: number): number {
    while (i < this.lineEnd && this.text.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** A `-` that starts a sequence item (followed by a space or the line's end). */
  isDash(p: number): boolean {
    return this.text.charCodeAt(p) === DASH && (p + 1 === this.lineEnd || this.text.charCodeAt(p + 1) === SPACE);
  }

  /** Treats p as the start of a line whose column is p's: where a compact collection starts. */
  startHere(p: number): number {
    this.content = p;
    this.indent = p - this.lineStart;
    return this.indent;
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) decline();
  }

  /**
   * Scans a plain scalar in block context from p to the line's end or a ` #` comment; returns the
   * offset of a `: ` (or line-final `:`) indicator that ends it as a key, or -1.
   */
  scanPlain(p: number): number {
    const text = this.text;
    const end = this.lineEnd;
    let last = p;
    for (let i = p; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === SPACE) {
        if (text.charCodeAt(i + 1) === HASH) break;
        continue;
      }
      if (code === COLON && (i + 1 === end || text.charCodeAt(i + 1) === SPACE)) {
        this.plainEnd = last;
        return i;
      }
      last = i + 1;
    }
    this.plainEnd = last;
    return -1;
  }

  /** The key at p when the line holds `key: ...` there (this.after then points past the `:`). */
  keyAt(p: number): ScalarNode | undefined {
    const text = this.text;
    const code = text.charCodeAt(p);
    if (code === 91 || code === 123) return undefined;
    let key: ScalarNode;
    let colon: number;
    if (code === 34 || code === 39) {
      key = this.quoted(p);
      colon = this.skipSpaces(this.after);
      if (text.charCodeAt(colon) !== COLON || (colon + 1 !== this.lineEnd && text.charCodeAt(colon + 1) !== SPACE)) return undefined;
    } else {
      if (badPlainStart(code) || this.isDash(p)) decline();
      colon = this.scanPlain(p);
      if (colon < 0) return undefined;
      const source = text.slice(p, this.plainEnd);
      key = scalar("plain", p, resolvePlain(source), source);
    }
    if (colon - p > MAX_KEY_LENGTH) decline();
    this.after = colon + 1;
    return key;
  }

  /** The node at p: a block collection that starts here (where `collections` allows), or a one-line scalar or a flow collection. */
  nodeAt(p: number, ownerIndent: number, collections: boolean): FastNode {
    if (this.isDash(p)) {
      if (!collections) decline();
      return this.blockSeq(this.startHere(p));
    }
    const key = this.keyAt(p);
    if (key) {
      if (!collections) decline();
      return this.blockMap(this.startHere(p), key);
    }
    const code = this.text.charCodeAt(p);
    if (code === 91 || code === 123) return this.endOfInline(this.flow(p, ownerIndent), this.after, ownerIndent);
    if (code === 34 || code === 39) return this.endOfInline(this.quoted(p), this.after, ownerIndent);
    // keyAt scanned the plain scalar already.
    const source = this.text.slice(p, this.plainEnd);
    return this.endOfInline(scalar("plain", p, resolvePlain(source), source), this.plainEnd, ownerIndent);
  }

  /** After a one-line value: only a comment may follow on its line, and no deeper line (a continuation) after it. */
  endOfInline(node: FastNode, end: number, ownerIndent: number): FastNode {
    const rest = this.skipSpaces(end);
    if (rest < this.lineEnd && (rest === end || this.text.charCodeAt(rest) !== HASH)) decline();
    this.advance();
    if (this.indent > ownerIndent) decline();
    return node;
  }

  /** The value after a `:` or `-` indicator at i - 1: on its line, on the deeper lines below, or empty. */
  valueAfter(i: number, ownerIndent: number, inSeq: boolean): FastNode {
    const p = this.skipSpaces(i);
    if (p < this.lineEnd && this.text.charCodeAt(p) !== HASH) return this.nodeAt(p, ownerIndent, inSeq);
    this.advance();
    if (this.indent > ownerIndent) return this.nodeAt(this.content, ownerIndent, true);
    // A mapping's value may be a sequence at the key's own indentation.
    if (!inSeq && this.indent === ownerIndent && this.isDash(this.content)) return this.blockSeq(ownerIndent);
    // yaml places an empty value after the indicator and the spaces that follow it.
    return scalar("plain", p, null, "");
  }

  blockMap(indent: number, first: ScalarNode): MapNode {
    this.enter();
    const map = newMap(first.start);
    for (let key: ScalarNode | undefined = first; ;) {
      const name = keyName(map, key);
      addPair(map, name, key.start, this.valueAfter(this.after, indent, false));
      if (this.indent < indent) break;
      if (this.indent > indent) decline();
      key = this.keyAt(this.content);
      if (!key) decline();
    }
    this.depth--;
    return map;
  }

  /** Items at `indent`; a line there that is no item ends it for the mapping above to read. */
  blockSeq(indent: number): SeqNode {
    this.enter();
    const seq: SeqNode = { kind: "seq", start: this.content, value: [], items: [] };
    for (;;) {
      const item = this.valueAfter(this.content + 1, indent, true);
      seq.items.push(item);
      seq.value.push(item.value);
      if (this.indent < indent) break;
      if (this.indent > indent) decline();
      if (!this.isDash(this.content)) break;
    }
    this.depth--;
    return seq;
  }

  /** A quoted scalar that closes on its line (this.after then points past the closing quote). */
  quoted(p: number): ScalarNode {
    if (this.text.charCodeAt(p) === 34) return this.doubleQuoted(p);
    const text = this.text;
    let value = "";
    for (let from = p + 1; ;) {
      const close = text.indexOf("'", from);
      if (close < 0 || close >= this.lineEnd) decline();
      value += text.slice(from, close);
      if (text.charCodeAt(close + 1) !== 39) {
        this.after = close + 1;
        return scalar("single", p, value, value);
      }
      // '' is a quote inside single quotes.
      value += "'";
      from = close + 2;
    }
  }

  doubleQuoted(p: number): ScalarNode {
    const text = this.text;
    const end = this.lineEnd;
    let value = "";
    let from = p + 1;
    for (let i = from; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === 34) {
        this.after = i + 1;
        value += text.slice(from, i);
        return scalar("double", p, value, value);
      }
      if (code !== 92) continue;
      value += text.slice(from, i);
      if (i + 1 >= end) decline();
      const escape = text[i + 1]!;
      const simple = ESCAPES[escape];
      if (simple !== undefined) {
        value += simple;
        i += 1;
      } else {
        const length = CODE_LENGTHS[escape] ?? decline();
        const digits = text.slice(i + 2, i + 2 + length);
        if (i + 2 + length > end || !HEX_DIGITS.test(digits)) decline();
        const code = parseInt(digits, 16);
        if (code > 0x10ffff) decline();
        value += String.fromCodePoint(code);
        i += 1 + length;
      }
      from = i + 1;
    }
    return decline();
  }

  /**
   * A flow collection (this.after then points past its closing bracket, perhaps on a later line, which
   * becomes the current line). Its lines must be deeper than the block collection around it.
   */
  flow(p: number, ownerIndent: number): FastNode {
    this.enter();
    const text = this.text;
    const isMap = text.charCodeAt(p) === 123;
    const close = isMap ? 125 : 93;
    const map = isMap ? newMap(p) : undefined;
    const seq: SeqNode = { kind: "seq", start: p, value: [], items: [] };
    let i = this.flowSpace(p + 1, ownerIndent);
    if (text.charCodeAt(i) !== close) {
      for (;;) {
        if (map) this.flowPair(map, i, ownerIndent);
        else {
          const item = this.flowItem(i, ownerIndent);
          seq.items.push(item);
          seq.value.push(item.value);
        }
        i = this.flowSpace(this.after, ownerIndent);
        const code = text.charCodeAt(i);
        if (code === close) break;
        // A comma, then an entry: empty entries and trailing commas are declined (flowItem's plain start).
        if (code !== 44) decline();
        i = this.flowSpace(i + 1, ownerIndent);
      }
    }
    this.after = i + 1;
    this.depth--;
    return map ?? seq;
  }

  /**
   * Skips spaces, comments and line breaks between flow entries. Every further line must be deeper
   * than ownerIndent (yaml's "sufficiently indented"; it allows a closing bracket at the margin, which
   * is declined here); a key, its `:` and its value stay on one line.
   */
  flowSpace(i: number, ownerIndent: number): number {
    const text = this.text;
    for (;;) {
      i = this.skipSpaces(i);
      if (i < this.lineEnd) {
        if (text.charCodeAt(i) !== HASH) return i;
        // A comment needs white space before it.
        const before = text.charCodeAt(i - 1);
        if (before !== SPACE && before !== 10) decline();
      }
      if (this.nextLine > text.length) decline();
      const start = this.nextLine;
      let newline = text.indexOf("\n", start);
      if (newline < 0) newline = text.length;
      this.lineStart = start;
      this.lineEnd = text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      this.nextLine = newline + 1;
      i = this.skipSpaces(start);
      if (i < this.lineEnd && i - start <= ownerIndent) decline();
      if (i === start && (text.startsWith("---", i) || text.startsWith("...", i))) decline();
    }
  }

  flowItem(i: number, ownerIndent: number): FastNode {
    const code = this.text.charCodeAt(i);
    if (code === 91 || code === 123) return this.flow(i, ownerIndent);
    return this.flowScalar(i, false);
  }

  flowScalar(i: number, isKey: boolean): ScalarNode {
    if (i >= this.lineEnd) decline();
    const code = this.text.charCodeAt(i);
    return code === 34 || code === 39 ? this.quoted(i) : this.flowPlain(i, isKey);
  }

  /** `key: value` in a flow mapping; a key with no `: ` and a value, or a collection as key, is declined. */
  flowPair(map: MapNode, i: number, ownerIndent: number): void {
    const key = this.flowScalar(i, true);
    const name = keyName(map, key);
    const colon = this.skipSpaces(this.after);
    if (this.text.charCodeAt(colon) !== COLON || this.text.charCodeAt(colon + 1) !== SPACE) decline();
    const at = this.skipSpaces(colon + 1);
    if (at >= this.lineEnd) decline();
    addPair(map, name, key.start, this.flowItem(at, ownerIndent));
  }

  /**
   * A plain scalar inside [ ] or { }: it ends at a flow indicator, a comment, or `: ` after a key. Any
   * other `:`, and a call whose `(` the item's commas split off (parseYaml reports it), are declined.
   */
  flowPlain(p: number, isKey: boolean): ScalarNode {
    const text = this.text;
    const end = this.lineEnd;
    const first = text.charCodeAt(p);
    const second = p + 1 < end ? text.charCodeAt(p + 1) : SPACE;
    if (badPlainStart(first) || (first === DASH && (second === SPACE || isFlowIndicator(second)))) decline();
    let last = p;
    let opened = 0;
    for (let i = p; i < end; i++) {
      const code = text.charCodeAt(i);
      if (isFlowIndicator(code)) break;
      if (code === COLON) {
        if (isKey && text.charCodeAt(i + 1) === SPACE) break;
        decline();
      }
      // ` #` starts a comment; a `#` right after another character is part of the scalar.
      if (code === HASH && text.charCodeAt(i - 1) === SPACE) break;
      if (code === 40) opened++;
      else if (code === 41) opened--;
      if (code !== SPACE) last = i + 1;
    }
    if (opened > 0) decline();
    const source = text.slice(p, last);
    this.after = last;
    return scalar("plain", p, resolvePlain(source), source);
  }
}

/** The document's root node, or undefined when the text leaves the subset. */
function read(text: string): FastNode | undefined {
  if (FORBIDDEN.test(text)) return undefined;
  const reader = new Reader(text);
  try {
    reader.advance(true);
    // An empty document, or one whose root is indented, is left to yaml.
    if (reader.indent !== 0) return undefined;
    const root = reader.nodeAt(reader.content, -1, true);
    // Anything after the root node (a second document's content) is left to yaml.
    return reader.atEnd() ? root : undefined;
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

/** Where each line starts, as yaml's LineCounter records them. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The line and column of an offset, by LineCounter.linePos's binary search. */
function linePosition(file: string, starts: number[], offset: number): SourcePosition {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  if (starts[low] === offset) return { file, line: low + 1, col: 1 };
  if (low === 0) return { file, line: 0, col: offset };
  return { file, line: low, col: offset - starts[low - 1]! + 1 };
}

function pairIndex(map: MapNode, segment: string | number): number {
  const name = String(segment);
  if (map.names.length < INDEXED_MAP_SIZE) return map.names.indexOf(name);
  if (!map.index) {
    const index = new Map<string, number>();
    map.names.forEach((known, i) => index.set(known, i));
    map.index = index;
  }
  return map.index.get(name) ?? -1;
}

/** Walks as far along the path as the tree goes, as the yaml path's walk does: the deepest node, and its key's start (-1 for an item). */
function walk(root: FastNode, path: DataPath): { node: FastNode | undefined; key: number } {
  let node: FastNode | undefined = root;
  let key = -1;
  for (const segment of path) {
    if (node?.kind === "map") {
      const index = pairIndex(node, segment);
      if (index < 0) break;
      key = node.keyStarts[index]!;
      node = node.values[index];
    } else if (node?.kind === "seq" && typeof segment === "number" && segment < node.items.length) {
      key = -1;
      node = node.items[segment];
    } else {
      break;
    }
  }
  return { node, key };
}

function isScalarNode(node: FastNode | undefined): node is ScalarNode {
  return node !== undefined && node.kind !== "map" && node.kind !== "seq";
}

/**
 * The YamlSource of a text in the fast reader's subset, answering as the yaml path would; undefined
 * when the text leaves the subset, for the yaml path to read.
 */
export function fastYamlSource(text: string, file: string): YamlSource | undefined {
  const root = read(text);
  if (!root) return undefined;
  let starts: number[] | undefined;
  const at = (offset: number) => linePosition(file, (starts ??= lineStartsOf(text)), offset);
  const start = (node: FastNode | undefined) => at(node?.start ?? 0);
  return {
    file,
    text,
    data: root.value,
    at: (path) => start(walk(root, path).node),
    keyAt: (path) => {
      const deepest = walk(root, path);
      return deepest.key >= 0 ? at(deepest.key) : start(deepest.node);
    },
    quotedAt: (path) => {
      const kind = walk(root, path).node?.kind;
      return kind === "single" || kind === "double";
    },
    writtenAt: (path) => {
      const node = walk(root, path).node;
      return isScalarNode(node) ? node.source : undefined;
    },
    offsetsAt: (path) => {
      const node = walk(root, path).node;
      if (!isScalarNode(node) || typeof node.value !== "string") return () => start(node);
      return scalarOffsets(text, node.start, node.kind !== "plain", node.value, at);
    },
  };
}
