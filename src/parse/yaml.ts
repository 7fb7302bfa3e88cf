import { LineCounter, isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Alias, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import { SpecError, type SourcePosition } from "../diagnostics/index.js";
import { fastYamlSource } from "./fast-yaml.js";
import { INDEXED_MAP_SIZE, scalarOffsets, type DataPath, type YamlSource } from "./yaml-source.js";

export type { DataPath, YamlSource } from "./yaml-source.js";

/** The largest spec or budget file, in bytes; the edges refuse a larger file before reading it. */
export const YAML_MAX_BYTES = 4 * 1024 * 1024;
const MAX_DEPTH = 64;
/** Aliases beyond this are refused by yaml itself, before anything expands them. */
const MAX_ALIASES = 100;

type AnyNode = Node | null | undefined;

function position(file: string, lines: LineCounter, offset: number): SourcePosition {
  const { line, col } = lines.linePos(offset);
  return { file, line, col };
}

function checkDepth(node: AnyNode, depth: number, fail: (node: Node) => never, duplicate: (key: Node, first: Node) => never): void {
  if (!node || !isCollection(node)) return;
  if (depth > MAX_DEPTH) fail(node);
  // yaml's own uniqueKeys check scans the mapping per key (quadratic: seconds at 20,000 keys): a set per mapping instead.
  const keys = isMap(node) ? new Map<unknown, Node>() : undefined;
  for (const item of node.items as unknown[]) {
    if (isPair(item)) {
      if (keys && isScalar(item.key)) {
        const first = keys.get(item.key.value);
        if (first) duplicate(item.key, first);
        keys.set(item.key.value, item.key);
      }
      checkDepth(item.key as AnyNode, depth + 1, fail, duplicate);
      checkDepth(item.value as AnyNode, depth + 1, fail, duplicate);
    } else {
      checkDepth(item as AnyNode, depth + 1, fail, duplicate);
    }
  }
}

/** The pre-parse scan's limit: past any spec, well short of where the parser's recursion overflows. */
const SCAN_DEPTH = 4 * MAX_DEPTH;

/**
 * Where the text first nests deeper than SCAN_DEPTH, counting flow brackets and the indentation of
 * block lines: the yaml library's parser recurses per level and overflows the stack near a thousand.
 */
function tooDeep(text: string): number | undefined {
  const indents: number[] = [];
  // Reported: where the estimate first passed MAX_DEPTH, the level the message names.
  let firstPast: number | undefined;
  const past = (depth: number, offset: number): boolean => {
    if (depth > MAX_DEPTH) firstPast ??= offset;
    return depth > SCAN_DEPTH;
  };
  let flow = 0;
  let quote = "";
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = "";
      else if (ch === "\n") lineStart = true;
      continue;
    }
    if (lineStart && flow === 0) {
      let end = i;
      while (text[end] === " " || text[end] === "-" || text[end] === "?") end++;
      if (text[end] !== "\n" && text[end] !== "\r" && text[end] !== "#" && end < text.length) {
        // Each "- " and each deeper key opens a level.
        const indent = end - i;
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        // Counted in place: a slice and a regex match per line were a tenth of parsing a large spec.
        let dashes = 0;
        for (let at = i; at < end; at++) if (text.charCodeAt(at) === 45 /* - */ && past(indents.length + dashes++, at)) return firstPast;
        if (past(indents.length + dashes, end)) return firstPast;
      }
    }
    lineStart = ch === "\n";
    if (ch === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const newline = text.indexOf("\n", i);
      if (newline < 0) break;
      i = newline - 1;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "[" || ch === "{") {
      if (past(++flow + indents.length, i)) return firstPast;
    } else if ((ch === "]" || ch === "}") && flow > 0) flow--;
  }
  return undefined;
}

const NESTING_HINT = "flatten the spec: blocks: and include: keep specs shallow";

/** Error codes of the yaml library that mean a line starts at the wrong column. */
const INDENTATION_CODES = new Set(["BAD_INDENT", "BLOCK_AS_IMPLICIT_KEY", "MULTILINE_IMPLICIT_KEY", "TAB_AS_INDENT"]);

/** What to do about a YAML syntax error: the mis-indented line, the unclosed bracket, or the parser's spot. */
function syntaxHint(text: string, code: string, message: string, line: number, col: number): string {
  const unclosed = /^Flow (sequence|map) in block collection/.exec(message);
  if (unclosed) {
    const [open, close] = unclosed[1] === "sequence" ? ["[", "]"] : ["{", "}"];
    return `a ${open} before line ${line} is not closed: add its ${close}, or indent the lines that continue it`;
  }
  if (INDENTATION_CODES.has(code)) return indentationHint(text, line, col) ?? "fix the indentation here: YAML nests by indentation";
  return "fix the YAML syntax here; a YAML linter in your editor shows the same spot";
}

interface Line {
  number: number;
  indent: number;
  item: boolean;
  text: string;
}

function contentLines(text: string): Line[] {
  return text.split("\n").flatMap((raw, index) => {
    const line = raw.replace(/\r$/, "");
    const indent = line.length - line.replace(/^[ \t]+/, "").length;
    const rest = line.slice(indent);
    return rest === "" || rest.startsWith("#") ? [] : [{ number: index + 1, indent, item: rest.startsWith("- ") || rest === "-", text: rest }];
  });
}

/** Names the line that probably starts at the wrong column, and the line it should line up with. */
function indentationHint(text: string, line: number, col: number): string | undefined {
  const lines = contentLines(text);
  const here = lines.findIndex((candidate) => candidate.number >= line);
  if (here < 0) return undefined;
  // An error inside a line (after its first character) is about the line that follows.
  const index = lines[here]!.number === line && col > lines[here]!.indent + 1 ? here + 1 : here;
  const wrong = lines[index];
  if (!wrong) return undefined;
  if (text.split("\n")[wrong.number - 1]!.slice(0, wrong.indent).includes("\t")) return `line ${wrong.number} is indented with a tab: YAML indents with spaces only`;
  const kind = wrong.item ? "list item" : "key";
  const sibling = lines
    .slice(0, index)
    .reverse()
    .find((candidate) => candidate.item === wrong.item && candidate.indent !== wrong.indent);
  const shown = (entry: Line) => `'${entry.text.length > 30 ? `${entry.text.slice(0, 30)}...` : entry.text}'`;
  if (!sibling) return `line ${wrong.number} (${shown(wrong)}) is probably mis-indented`;
  return `line ${wrong.number} (${shown(wrong)}) is probably mis-indented: it starts at column ${wrong.indent + 1}, the ${kind} on line ${sibling.number} (${shown(sibling)}) at column ${sibling.indent + 1}; line them up, or nest it under a key`;
}

/** The text from `start` to the parenthesis that balances the first one, or to the line's end. */
function balancedCall(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length && text[i] !== "\n"; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(start, i + 1);
  }
  return text.slice(start, text.indexOf("\n", start) < 0 ? undefined : text.indexOf("\n", start)).trim();
}

/**
 * An unquoted call inside YAML's { } or [ ] is split at its commas (`{q_proj: Linear(16, 16)}` reads as
 * the keys q_proj and `16)`): say so at the call, before the pieces reach the schema as odd keys.
 */
function checkSplitCalls(document: Document.Parsed, text: string, at: (offset: number) => SourcePosition): void {
  // Only a [ or { followed by a ( on its line can hold a split call: most specs skip the walk.
  if (!/[[{][^\n]*\(/.test(text)) return;
  visit(document, {
    Scalar(_key, node, path) {
      const parent = path[path.length - 1];
      const container = isPair(parent) ? path[path.length - 2] : parent;
      if (node.type !== "PLAIN" || typeof node.value !== "string" || !isCollection(container) || !container.flow) return;
      const opened = node.value.split("(").length - node.value.split(")").length;
      if (opened <= 0) return;
      const start = node.range?.[0] ?? 0;
      throw new SpecError(
        "comma-splits-call",
        at(start),
        `YAML splits this call at its commas: inside { } and [ ] a comma separates items`,
        `quote it: "${balancedCall(text, start)}"`,
      );
    },
  });
}

/** The line and column of an offset, for errors found before the parser has counted the lines. */
function positionBeforeParsing(file: string, text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { file, line: before.split("\n").length, col: offset - lineStart + 1 };
}

/** The text without its byte-order mark, once its size and nesting are within bounds. */
function checkedText(withBom: string, file: string): string {
  // Editors count columns after a byte-order mark, and so do we.
  const text = withBom.replace(/^\uFEFF/, "");
  if (text.length > YAML_MAX_BYTES) {
    throw new SpecError("spec-too-large", { file, line: 1, col: 1 }, `file is ${text.length} bytes, more than the ${YAML_MAX_BYTES} a spec may have`, `split it with include:`);
  }
  const deep = tooDeep(text);
  if (deep !== undefined) throw new SpecError("nesting-too-deep", positionBeforeParsing(file, text, deep), `nesting deeper than ${MAX_DEPTH} levels`, NESTING_HINT);
  return text;
}

/**
 * Parses YAML text; syntax errors, alias bombs and absurd nesting become positioned errors. The fast
 * reader (fast-yaml.ts) reads the plain subset our files are written in; whatever it declines, the
 * yaml package reads, with its errors and positions.
 */
export function parseYaml(withBom: string, file: string): YamlSource {
  const text = checkedText(withBom, file);
  return fastYamlSource(text, file) ?? parseWithPackage(text, file);
}

/** parseYaml through the yaml package alone: what the fast reader must equal (test/parse/fast-yaml.test.ts). */
export function parseYamlWithPackage(withBom: string, file: string): YamlSource {
  return parseWithPackage(checkedText(withBom, file), file);
}

function parseWithPackage(text: string, file: string): YamlSource {
  const lines = new LineCounter();
  const at = (offset: number) => position(file, lines, offset);
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, strict: true });
  } catch (error) {
    // The scan above is an estimate: should the parser's recursion still overflow, say what it means.
    if (!(error instanceof RangeError)) throw error;
    throw new SpecError("nesting-too-deep", { file, line: 1, col: 1 }, `nesting deeper than ${MAX_DEPTH} levels`, NESTING_HINT);
  }
  const problem = document.errors[0];
  if (problem) {
    const position = at(problem.pos[0]);
    if (/call stack/i.test(problem.message)) throw new SpecError("nesting-too-deep", position, `nesting deeper than ${MAX_DEPTH} levels`, NESTING_HINT);
    throw new SpecError(
      "yaml-syntax",
      position,
      `YAML syntax error: ${problem.message.replace(/\s+/g, " ").trim()}`,
      syntaxHint(text, problem.code, problem.message, position.line, position.col),
    );
  }
  checkDepth(
    document.contents,
    1,
    (node) => {
      throw new SpecError("nesting-too-deep", at(node.range?.[0] ?? 0), `nesting deeper than ${MAX_DEPTH} levels`, NESTING_HINT);
    },
    (key, first) => {
      const earlier = at(first.range?.[0] ?? 0);
      throw new SpecError(
        "duplicate-key",
        at(key.range?.[0] ?? 0),
        `YAML syntax error: duplicate key '${String((key as { value?: unknown }).value)}' in one mapping`,
        `its first definition is on line ${earlier.line}: keep one of them`,
      );
    },
  );
  checkSplitCalls(document, text, at);
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const firstAlias = text.search(/\*[A-Za-z0-9_-]/);
    throw new SpecError(
      "alias-expansion",
      at(Math.max(firstAlias, 0)),
      `YAML aliases expand too far (${(error as Error).message})`,
      `write the repeated part once with repeat: or blocks: instead of aliases`,
    );
  }
  return makeSource(file, text, document, at, data);
}

/**
 * Each alias's anchored node, found in one pass: yaml's own Alias.resolve searches the whole
 * document per call, which made positions under a 2,000-entry alias take seconds.
 */
function aliasTargets(document: Document.Parsed): Map<Alias, AnyNode> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, AnyNode>();
  visit(document, {
    Node(_key, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

function makeSource(file: string, text: string, document: Document.Parsed, at: (offset: number) => SourcePosition, data: unknown): YamlSource {
  let targets: Map<Alias, AnyNode> | undefined;
  const resolve = (node: unknown): AnyNode => (isAlias(node) ? (targets ??= aliasTargets(document)).get(node) : (node as AnyNode));

  // A long mapping (ten thousand ties, say) is looked up once per key: an index keeps that linear overall.
  const indexes = new WeakMap<object, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, segment: string | number): Pair | undefined => {
    const matches = (item: Pair) => isScalar(item.key) && String(item.key.value) === String(segment);
    if (map.items.length < INDEXED_MAP_SIZE) return map.items.find(matches);
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) if (isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
      indexes.set(map, index);
    }
    return index.get(String(segment));
  };

  /** Walks as far along the path as the document goes; returns the deepest node and key found. */
  const walk = (path: DataPath): { node: AnyNode; key: AnyNode } => {
    let node = resolve(document.contents);
    let key: AnyNode = null;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = pairOf(node, segment);
        if (!pair) break;
        key = pair.key as AnyNode;
        node = resolve(pair.value) ?? key;
      } else if (isSeq(node) && typeof segment === "number" && segment < node.items.length) {
        key = null;
        node = resolve(node.items[segment]);
      } else {
        break;
      }
    }
    return { node, key };
  };
  const start = (node: AnyNode) => at(node?.range?.[0] ?? 0);

  return {
    file,
    text,
    data,
    at: (path) => start(walk(path).node),
    keyAt: (path) => {
      const deepest = walk(path);
      return start(deepest.key ?? deepest.node);
    },
    quotedAt: (path) => {
      const node = walk(path).node;
      return isScalar(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE");
    },
    writtenAt: (path) => {
      const node = walk(path).node;
      return isScalar(node) ? node.source : undefined;
    },
    offsetsAt: (path) => {
      const node = walk(path).node;
      const begin = node?.range?.[0] ?? 0;
      if (!isScalar(node) || typeof node.value !== "string") return () => at(begin);
      return scalarOffsets(text, begin, node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE", node.value, at);
    },
  };
}
