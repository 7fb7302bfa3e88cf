import { LineCounter, isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import { SpecError, type SourcePosition } from "../diagnostics/index.js";

/** A path into the parsed data, as ajv's instancePath and our resolver name it. */
export type DataPath = readonly (string | number)[];

/** A parsed YAML file that keeps its source positions: they are our error messages. */
export interface YamlSource {
  file: string;
  text: string;
  data: unknown;
  /** Position of the value at `path` (or of the nearest enclosing node that exists). */
  at(path: DataPath): SourcePosition;
  /** Position of the mapping key that holds `path`'s last segment. */
  keyAt(path: DataPath): SourcePosition;
  /** True when the value at `path` is a quoted YAML scalar (`'sum'` or `"sum"`). */
  quotedAt(path: DataPath): boolean;
  /** For a string value: maps an offset inside the string to its position in the file. */
  offsetsAt(path: DataPath): (offset: number) => SourcePosition;
}

const MAX_BYTES = 4 * 1024 * 1024;
const MAX_DEPTH = 64;
/** Aliases beyond this are refused by yaml itself, before anything expands them. */
const MAX_ALIASES = 100;

type AnyNode = Node | null | undefined;

function position(file: string, lines: LineCounter, offset: number): SourcePosition {
  const { line, col } = lines.linePos(offset);
  return { file, line, col };
}

function checkDepth(node: AnyNode, depth: number, fail: (node: Node) => never): void {
  if (!node || !isCollection(node)) return;
  if (depth > MAX_DEPTH) fail(node);
  for (const item of node.items as unknown[]) {
    if (isPair(item)) {
      checkDepth(item.key as AnyNode, depth + 1, fail);
      checkDepth(item.value as AnyNode, depth + 1, fail);
    } else {
      checkDepth(item as AnyNode, depth + 1, fail);
    }
  }
}

/** Parses YAML text; syntax errors, alias bombs and absurd nesting become positioned errors. */
export function parseYaml(text: string, file: string): YamlSource {
  const lines = new LineCounter();
  const at = (offset: number) => position(file, lines, offset);
  if (text.length > MAX_BYTES) {
    throw new SpecError({ file, line: 1, col: 1 }, `file is ${text.length} bytes, more than the ${MAX_BYTES} a spec may have`, `split it with include:`);
  }
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const problem = document.errors[0];
  if (problem) {
    const detail = problem.code === "DUPLICATE_KEY" ? "duplicate key in one mapping" : problem.message.replace(/\s+/g, " ").trim();
    throw new SpecError(at(problem.pos[0]), `YAML syntax error: ${detail}`, "fix the YAML syntax here; a YAML linter in your editor shows the same spot");
  }
  checkDepth(document.contents, 1, (node) => {
    throw new SpecError(at(node.range?.[0] ?? 0), `nesting deeper than ${MAX_DEPTH} levels`, `flatten the spec: blocks: and include: keep specs shallow`);
  });
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const firstAlias = text.search(/\*[A-Za-z0-9_-]/);
    throw new SpecError(at(Math.max(firstAlias, 0)), `YAML aliases expand too far (${(error as Error).message})`, `write the repeated part once with repeat: or blocks: instead of aliases`);
  }
  return makeSource(file, text, document, at, data);
}

function makeSource(file: string, text: string, document: Document.Parsed, at: (offset: number) => SourcePosition, data: unknown): YamlSource {
  const resolve = (node: unknown): AnyNode => (isAlias(node) ? (node.resolve(document) as AnyNode) : (node as AnyNode));

  /** Walks as far along the path as the document goes; returns the deepest node and key found. */
  const walk = (path: DataPath): { node: AnyNode; key: AnyNode } => {
    let node = resolve(document.contents);
    let key: AnyNode = null;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
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
    offsetsAt: (path) => {
      const node = walk(path).node;
      const begin = node?.range?.[0] ?? 0;
      if (!isScalar(node) || typeof node.value !== "string") return () => at(begin);
      // Plain and quoted one-line scalars hold the string verbatim (after the opening quote), so
      // offsets map exactly; for escaped or folded text we can only point at the scalar.
      const quote = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE" ? 1 : 0;
      const verbatim = text.startsWith(node.value, begin + quote);
      return (offset) => at(verbatim ? begin + quote + offset : begin);
    },
  };
}
