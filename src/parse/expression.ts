/**
 * Our own parser for the Python-like text of call strings and expressions, such as
 * `Conv2d(3, 64, kernel_size=(7, 7), bias=False)` or `4 * d // heads`. It builds a tree and
 * nothing more: user text is never evaluated as code.
 */

export type Expr =
  | { kind: "number"; value: number; isFloat: boolean; offset: number }
  | { kind: "string"; value: string; offset: number }
  | { kind: "bool"; value: boolean; offset: number }
  | { kind: "none"; offset: number }
  | { kind: "name"; name: string; offset: number }
  | { kind: "tuple"; items: Expr[]; offset: number }
  | { kind: "list"; items: Expr[]; offset: number }
  | { kind: "unary"; op: "-" | "+" | "not"; operand: Expr; offset: number }
  | { kind: "binary"; op: BinaryOperator; left: Expr; right: Expr; offset: number }
  | CallExpr;

export type BinaryOperator = "+" | "-" | "*" | "//" | "/" | "%" | "**" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "and" | "or";

export interface CallExpr {
  kind: "call";
  callee: string;
  args: CallArgument[];
  offset: number;
  /** Offset just past the closing parenthesis. */
  end: number;
}

export interface CallArgument {
  /** Keyword name, absent for a positional argument. */
  name?: string;
  value: Expr;
  /** Offset of the argument's first character (its keyword when it has one). */
  offset: number;
}

/** A syntax error at a character offset of the parsed text. */
export class ExpressionError extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "ExpressionError";
  }
}

type TokenKind = "number" | "string" | "name" | "op" | "end";
interface Token {
  kind: TokenKind;
  text: string;
  offset: number;
  value?: string;
}

const OPERATORS = ["**", "//", "==", "!=", "<=", ">=", "(", ")", "[", "]", ",", "=", "+", "-", "*", "/", "%", "<", ">"];
// Sticky: matched in place at lastIndex, so tokenizing never copies the rest of the text.
const NUMBER = /(?:\d+(?:_\d+)*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_.]*/y;
const MAX_LENGTH = 10_000;
const MAX_DEPTH = 64;

const isDigit = (code: number) => code >= 48 && code <= 57;
const isNameStart = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** The end of the token `pattern` (sticky) matches at `start`, or -1; `test` rather than `exec`, so no match array is made. */
function matchEnd(pattern: RegExp, text: string, start: number): number {
  pattern.lastIndex = start;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

/**
 * The tokens of `text`. The first character says which kind a token can be (a number starts with a
 * digit or a dot, a name with a letter or _), so each position tries one pattern, not every one.
 */
function tokenize(text: string): Token[] {
  if (text.length > MAX_LENGTH) {
    throw new ExpressionError(0, `expression is ${text.length} characters long, more than the ${MAX_LENGTH} allowed`);
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      i++;
      continue;
    }
    const numberEnd = isDigit(code) || ch === "." ? matchEnd(NUMBER, text, i) : -1;
    if (numberEnd > 0) {
      tokens.push({ kind: "number", text: text.slice(i, numberEnd), offset: i });
      i = numberEnd;
      continue;
    }
    if (isNameStart(code)) {
      const end = matchEnd(NAME, text, i);
      tokens.push({ kind: "name", text: text.slice(i, end), offset: i });
      i = end;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) throw new ExpressionError(i, `unterminated string starting here`, `close it with ${ch}`);
      tokens.push({ kind: "string", text: text.slice(i, close + 1), value: text.slice(i + 1, close), offset: i });
      i = close + 1;
      continue;
    }
    const op = operatorAt(text, i);
    if (!op) throw new ExpressionError(i, `unexpected character '${ch}'`);
    tokens.push({ kind: "op", text: op, offset: i });
    i += op.length;
  }
  tokens.push({ kind: "end", text: "", offset: text.length });
  return tokens;
}

/** The operator at `i`, the two-character ones first. */
function operatorAt(text: string, i: number): string | undefined {
  for (const candidate of OPERATORS) if (text.startsWith(candidate, i)) return candidate;
  return undefined;
}

const COMPARISONS = new Set(["==", "!=", "<", "<=", ">", ">="]);

class Parser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private get current(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    const token = this.current;
    if (token.kind !== "end") this.index++;
    return token;
  }

  private isOp(text: string): boolean {
    return this.current.kind === "op" && this.current.text === text;
  }

  private isWord(text: string): boolean {
    return this.current.kind === "name" && this.current.text === text;
  }

  private expect(text: string, what: string): Token {
    if (!this.isOp(text)) {
      // (An unquoted call that YAML split at a comma inside [...] or {...} is reported by parseYaml, at the split.)
      const hint = this.current.kind === "end" ? `add the missing '${text}'` : undefined;
      throw new ExpressionError(this.current.offset, `expected '${text}' ${what}, found ${describe(this.current)}`, hint);
    }
    return this.next();
  }

  finish<T>(result: T): T {
    if (this.current.kind !== "end") {
      throw new ExpressionError(this.current.offset, `unexpected ${describe(this.current)} after the end of the expression`);
    }
    return result;
  }

  expression(): Expr {
    return this.nested(this.current.offset, () => this.or());
  }

  /**
   * Every recursive step of the grammar (parentheses, brackets, calls, unary operators, `not`, `**`)
   * goes through here, so the tree is never deeper than MAX_DEPTH and no later walk of it can overflow
   * the stack. Left-associative chains (`1 + 1 + ...`) are built by loops and evaluated by loops.
   */
  private nested<T>(offset: number, parse: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new ExpressionError(offset, `expression nested more than ${MAX_DEPTH} levels deep`, "simplify it: name parts of it under vars:");
    const result = parse();
    this.depth--;
    return result;
  }

  private or(): Expr {
    let left = this.and();
    while (this.isWord("or")) {
      const offset = this.next().offset;
      left = { kind: "binary", op: "or", left, right: this.and(), offset };
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isWord("and")) {
      const offset = this.next().offset;
      left = { kind: "binary", op: "and", left, right: this.not(), offset };
    }
    return left;
  }

  private not(): Expr {
    if (this.isWord("not")) {
      const offset = this.next().offset;
      return { kind: "unary", op: "not", operand: this.nested(offset, () => this.not()), offset };
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.sum();
    if (this.current.kind === "op" && COMPARISONS.has(this.current.text)) {
      const token = this.next();
      return { kind: "binary", op: token.text as BinaryOperator, left, right: this.sum(), offset: token.offset };
    }
    return left;
  }

  private sum(): Expr {
    let left = this.product();
    while (this.isOp("+") || this.isOp("-")) {
      const token = this.next();
      left = { kind: "binary", op: token.text as BinaryOperator, left, right: this.product(), offset: token.offset };
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    while (this.isOp("*") || this.isOp("//") || this.isOp("/") || this.isOp("%")) {
      const token = this.next();
      left = { kind: "binary", op: token.text as BinaryOperator, left, right: this.unary(), offset: token.offset };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOp("-") || this.isOp("+")) {
      const token = this.next();
      const operand = this.nested(token.offset, () => this.unary());
      return { kind: "unary", op: token.text as "-" | "+", operand, offset: token.offset };
    }
    return this.power();
  }

  /** Python's `**`: right-associative, and binding tighter than a unary minus on its left (`-2 ** 2` is -4). */
  private power(): Expr {
    const base = this.primary();
    if (!this.isOp("**")) return base;
    const token = this.next();
    return { kind: "binary", op: "**", left: base, right: this.nested(token.offset, () => this.unary()), offset: token.offset };
  }

  private primary(): Expr {
    const token = this.current;
    switch (token.kind) {
      case "number": {
        this.next();
        const isFloat = /[.eE]/.test(token.text);
        return { kind: "number", value: Number(token.text.replaceAll("_", "")), isFloat, offset: token.offset };
      }
      case "string":
        this.next();
        return { kind: "string", value: token.value!, offset: token.offset };
      case "name": {
        this.next();
        if (token.text === "True" || token.text === "False") return { kind: "bool", value: token.text === "True", offset: token.offset };
        if (token.text === "None") return { kind: "none", offset: token.offset };
        if (this.isOp("(")) return this.callAfterName(token);
        return { kind: "name", name: token.text, offset: token.offset };
      }
      case "op":
        if (token.text === "(") return this.parenthesised();
        if (token.text === "[") return this.list();
        break;
      case "end":
        throw new ExpressionError(token.offset, `expression ends where a value was expected`);
    }
    throw new ExpressionError(token.offset, `expected a value, found ${describe(token)}`);
  }

  private parenthesised(): Expr {
    const open = this.next();
    if (this.isOp(")")) {
      this.next();
      return { kind: "tuple", items: [], offset: open.offset };
    }
    const first = this.expression();
    if (this.isOp(")")) {
      this.next();
      return first;
    }
    const items = [first];
    while (this.isOp(",")) {
      this.next();
      if (this.isOp(")")) break;
      items.push(this.expression());
    }
    this.expect(")", "to close the tuple");
    return { kind: "tuple", items, offset: open.offset };
  }

  private list(): Expr {
    const open = this.next();
    const items: Expr[] = [];
    while (!this.isOp("]")) {
      items.push(this.expression());
      if (!this.isOp(",")) break;
      this.next();
    }
    this.expect("]", "to close the list");
    return { kind: "list", items, offset: open.offset };
  }

  callAfterName(nameToken: Token): CallExpr {
    this.expect("(", `after '${nameToken.text}'`);
    const args: CallArgument[] = [];
    while (!this.isOp(")")) {
      const start = this.current;
      const nextToken = this.tokens[this.index + 1];
      if (start.kind === "name" && nextToken?.kind === "op" && nextToken.text === "=") {
        this.index += 2;
        args.push({ name: start.text, value: this.expression(), offset: start.offset });
      } else {
        if (args.some((arg) => arg.name !== undefined)) {
          throw new ExpressionError(start.offset, `positional argument follows keyword argument`, `write it as name=value, or move it before the keyword arguments`);
        }
        args.push({ value: this.expression(), offset: start.offset });
      }
      if (!this.isOp(",")) break;
      this.next();
    }
    const close = this.expect(")", `to close the call to ${nameToken.text}`);
    return { kind: "call", callee: nameToken.text, args, offset: nameToken.offset, end: close.offset + 1 };
  }

  call(bareNameAllowed = false): CallExpr {
    const token = this.current;
    // A forward step may call a numbered child with operands, as T5Block calls self.layer[1](x, memory): `1(x, memory)`.
    const next = this.tokens[this.index + 1];
    if (bareNameAllowed && token.kind === "number" && /^\d+$/.test(token.text) && next?.kind === "op" && next.text === "(") {
      this.next();
      return this.callAfterName(token);
    }
    if (token.kind !== "name" || token.text === "True" || token.text === "False" || token.text === "None") {
      throw new ExpressionError(token.offset, `expected a ${bareNameAllowed ? "class name such as AdamW" : "layer type such as Linear(...)"}, found ${describe(token)}`);
    }
    this.next();
    if (bareNameAllowed && this.current.kind === "end") return { kind: "call", callee: token.text, args: [], offset: token.offset, end: token.offset + token.text.length };
    if (!this.isOp("(")) {
      throw new ExpressionError(this.current.offset, `expected '(' after '${token.text}'`, `write a constructor call, e.g. ${token.text}(...)`);
    }
    return this.callAfterName(token);
  }
}

function describe(token: Token): string {
  if (token.kind === "end") return "the end of the text";
  return `'${token.text}'`;
}

/**
 * Trees already parsed, by text: a block used many times, or a spec's many `Linear(d, d)`, parse once.
 * The trees are never changed after parsing (evaluation reads them), so one may serve every use.
 * Text that fails to parse is not kept: it throws each time. Bounded by the characters kept, for a
 * process that reads many specs (the action): when full, it starts again empty.
 */
interface ParsedTrees<T> {
  trees: Map<string, T>;
  characters: number;
}
const parsedCalls: ParsedTrees<CallExpr> = { trees: new Map(), characters: 0 };
const parsedExpressions: ParsedTrees<Expr> = { trees: new Map(), characters: 0 };
const MAX_PARSED_CHARACTERS = 1 << 18;

function remembered<T>(cache: ParsedTrees<T>, text: string, parse: (text: string) => T): T {
  let tree = cache.trees.get(text);
  if (tree === undefined) {
    tree = parse(text);
    if (cache.characters + text.length > MAX_PARSED_CHARACTERS) {
      cache.trees.clear();
      cache.characters = 0;
    }
    cache.trees.set(text, tree);
    cache.characters += text.length;
  }
  return tree;
}

/** Parses a whole constructor call such as `Linear(d, 4 * d, bias=False)`. */
export function parseCall(text: string): CallExpr {
  return remembered(parsedCalls, text, (callText) => {
    const parser = new Parser(tokenize(callText));
    return parser.finish(parser.call());
  });
}

/** Parses a constructor call, or a bare class name as a call without arguments: `AdamW` is `AdamW()`. */
export function parseCallOrName(text: string): CallExpr {
  const parser = new Parser(tokenize(text));
  return parser.finish(parser.call(true));
}

/** Parses one expression such as `4 * d`, `(3, 3)` or `stride != 1 or inplanes != planes`. */
export function parseExpression(text: string): Expr {
  return remembered(parsedExpressions, text, (expressionText) => {
    const parser = new Parser(tokenize(expressionText));
    return parser.finish(parser.expression());
  });
}
