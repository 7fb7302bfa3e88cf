#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4006:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(8016);
const utils = __nccwpck_require__(4059);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 5595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 8265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(5595);
const utils = __nccwpck_require__(4059);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 8016:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(1781);
const parse = __nccwpck_require__(8265);
const utils = __nccwpck_require__(4059);
const constants = __nccwpck_require__(5595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 1781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(4059);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(5595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(5595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
exports.P3 = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
exports.tO = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
exports.YR = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/diagnostics/codes.ts
const kinds = {
    // 1xx: parsing
    "yaml-syntax": {
        code: "MB101",
        severity: "error",
        summary: "the file is not valid YAML",
        example: "layers:\n\t- ReLU()",
        fix: "indent with spaces, and close what you open: the hint names the likely cause",
    },
    "duplicate-key": { code: "MB102", severity: "error", summary: "a key appears twice in one mapping", example: "vars:\n  d: 512\n  d: 768", fix: "keep one of them" },
    "nesting-too-deep": {
        code: "MB103",
        severity: "error",
        summary: "YAML nested deeper than a spec may be",
        example: "layers: [[[[[[[[ ... ]]]]]]]]   # hundreds of levels",
        fix: "flatten the structure: real specs nest a few levels",
    },
    "alias-expansion": {
        code: "MB104",
        severity: "error",
        summary: "YAML aliases expand to more nodes than allowed",
        example: "vars:\n  a: &a [x, x, x, x]\n  b: &b [*a, *a, *a, *a]\n  # ... ten levels more",
        fix: "write the repeated part once with repeat: or blocks: instead of aliases",
    },
    "spec-too-large": {
        code: "MB105",
        severity: "error",
        summary: "the spec file is larger than a spec may be",
        example: "# a 2 MiB spec file",
        fix: "split it into several files with include:",
    },
    "comma-splits-call": {
        code: "MB106",
        severity: "error",
        summary: "YAML flow syntax split a layer call at its commas",
        example: "layers: [Linear(4, 8), ReLU()]",
        fix: 'quote the call: ["Linear(4, 8)", ReLU()]',
    },
    "expression-syntax": {
        code: "MB107",
        severity: "error",
        summary: "an expression or layer call does not parse",
        example: "layers:\n  - Linear(d, 4 *)",
        fix: "complete the expression: Linear(d, 4 * d)",
    },
    // 2xx: the schema
    "unknown-key": {
        code: "MB201",
        severity: "error",
        summary: "a key the spec or budget format does not have",
        example: "layer:\n  - Linear(4, 4)",
        fix: "use the key the hint suggests: layers:",
    },
    "missing-key": { code: "MB202", severity: "error", summary: "a required key is missing", example: "blocks:\n  mlp:\n    params: [d]", fix: "add it: a block needs layers:" },
    "wrong-type": {
        code: "MB203",
        severity: "error",
        summary: "a value of the wrong type",
        example: "layers: Linear(4, 4)",
        fix: "give the type the message names: layers: [Linear(4, 4)]",
    },
    "invalid-value": {
        code: "MB204",
        severity: "error",
        summary: "a value outside what the key allows",
        example: "training:\n  zero: 5",
        fix: "use one of the values the message lists",
    },
    // 3xx: resolving vars, blocks, includes, frozen: and ties
    "undefined-variable": {
        code: "MB301",
        severity: "error",
        summary: "a name no vars: or block parameter defines",
        example: "vars: {d: 512}\nlayers:\n  - Linear(dd, 4)",
        fix: "define it under vars:, or fix the typo: Linear(d, 4)",
    },
    "operand-type": {
        code: "MB302",
        severity: "error",
        summary: "an operator or condition given a value it cannot use",
        example: "vars: {act: None}\nlayers:\n  - Linear(act * 2, 4)",
        fix: "give the variable a number",
    },
    "number-too-large": {
        code: "MB303",
        severity: "error",
        summary: "a number beyond 2^53, which cannot be counted exactly",
        example: "layers:\n  - Linear(2 ** 40, 2 ** 40)",
        fix: "check the sizes and repeat counts for a typo",
    },
    "division-by-zero": {
        code: "MB304",
        severity: "error",
        summary: "an expression divides by zero",
        example: "vars: {heads: 0}\nlayers:\n  - Linear(512 // heads, 4)",
        fix: "give the divisor a non-zero value",
    },
    "not-an-integer": {
        code: "MB305",
        severity: "error",
        summary: "a value that must be an integer is not",
        example: 'vars:\n  n: 5 / 2\nlayers:\n  - {layer: "Linear(4, 4)", repeat: n}',
        fix: "make it a whole number: 5 // 2 divides to one",
    },
    "out-of-range": {
        code: "MB306",
        severity: "error",
        summary: "a number below the least the setting allows",
        example: "input: [-1, 16]\nlayers:\n  - Linear(16, 4)",
        fix: "give a positive size: input: [1, 3, 224, 224]",
    },
    "ambiguous-entry": {
        code: "MB307",
        severity: "error",
        summary: "a layer entry with two kinds (layer:, use:, include:, layers:)",
        example: "layers:\n  - {use: mlp, layers: [ReLU()]}",
        fix: "split it into two entries",
    },
    "too-many-instances": {
        code: "MB308",
        severity: "error",
        summary: "repeats multiply to more than 2^53 instances",
        example: 'layers:\n  - a:\n      repeat: 100000000\n      layers:\n        - b: {layer: "Linear(1, 1)", repeat: 100000000}',
        fix: "check repeat: for a typo",
    },
    "unknown-block": {
        code: "MB310",
        severity: "error",
        summary: "use: names no block",
        example: "blocks: {mlp: {layers: [ReLU()]}}\nlayers:\n  - use: mpl",
        fix: "use a defined block: use: mlp",
    },
    "unknown-block-parameter": {
        code: "MB311",
        severity: "error",
        summary: "with: sets a parameter the block does not have",
        example: 'blocks:\n  mlp: {params: {d: ~}, layers: ["Linear(d, d)"]}\nlayers:\n  - {use: mlp, with: {dim: 4}}',
        fix: "set the block's own parameter: with: {d: 4}",
    },
    "missing-block-parameter": {
        code: "MB312",
        severity: "error",
        summary: "a block parameter without a value",
        example: 'blocks:\n  mlp: {params: {d: ~}, layers: ["Linear(d, d)"]}\nlayers:\n  - use: mlp',
        fix: "give it under with: {d: 4}",
    },
    "with-without-target": {
        code: "MB313",
        severity: "error",
        summary: "with: on an entry that is neither use: nor include:",
        example: 'layers:\n  - {layer: "Linear(4, 4)", with: {d: 4}}',
        fix: "remove with:, or use: a block",
    },
    cycle: {
        code: "MB314",
        severity: "error",
        summary: "a block uses itself, or files include each other",
        example: "blocks:\n  a: {layers: [{use: a}]}\nlayers:\n  - use: a",
        fix: "break the cycle",
    },
    "duplicate-name": {
        code: "MB315",
        severity: "error",
        summary: "two children of one module share a name",
        example: "layers:\n  - fc: Linear(4, 4)\n  - fc: Linear(4, 2)",
        fix: "give each child its own name",
    },
    "include-unreadable": {
        code: "MB316",
        severity: "error",
        summary: "an included file is missing, unreadable or absolute",
        example: "layers:\n  - include: blocks/missing.yaml",
        fix: "give a path relative to the including spec, inside the repository",
    },
    "include-without-layers": {
        code: "MB317",
        severity: "error",
        summary: "a file included as a module, or the spec itself, has no layers:",
        example: "layers:\n  - include: shared-vars.yaml   # a file with vars: but no layers:",
        exampleIn: "spec with include:",
        fix: "include a spec with layers:, or use: one of its blocks",
    },
    "include-too-deep": {
        code: "MB318",
        severity: "error",
        summary: "includes nested deeper than allowed",
        example: "# a.yaml includes b.yaml includes c.yaml ... 33 levels",
        fix: "flatten the include chain",
    },
    "conflicting-definition": {
        code: "MB319",
        severity: "error",
        summary: "a block or variable defined differently by two files",
        example: "# a.yaml and b.yaml both define blocks: {mlp: ...}",
        fix: "rename one of them",
    },
    "include-unknown-variable": {
        code: "MB320",
        severity: "error",
        summary: "with: on an include sets a variable the file does not define",
        example: "layers:\n  - {include: encoder.yaml, with: {depth: 6}}   # encoder.yaml has no vars: depth",
        exampleIn: "spec with include:",
        fix: "set only the included spec's vars",
    },
    "invalid-topology": {
        code: "MB321",
        severity: "error",
        summary: "an unknown merge, or residual: and branches: together",
        example: "layers:\n  - m:\n      residual: add\n      branches: concat\n      layers: [ReLU()]",
        fix: "use one of the merges the hint lists",
    },
    "index-outside-repeat": {
        code: "MB322",
        severity: "error",
        summary: "index, a repeat's instance number, used outside a repeat",
        example: "layers:\n  - Linear(4, 4 + index)",
        fix: "use it in an entry with repeat:, or pass it to a block: with: {first: index == 0}",
    },
    "index-redefined": {
        code: "MB323",
        severity: "error",
        summary: "a variable or block parameter named index inside a repeat that uses the instance number",
        example: 'vars: {index: 3}\nlayers:\n  - {layer: "Linear(4, 4 + index)", repeat: 2}',
        fix: "rename the variable: inside a repeat, index is the instance number",
    },
    "indexed-repeat-too-large": {
        code: "MB324",
        severity: "error",
        summary: "repeats that use index stand for more instances than are resolved one by one",
        example: 'layers:\n  - {layer: "Linear(4, 4 + index)", repeat: 20000}',
        fix: "use index in fewer or smaller repeats",
    },
    "function-arguments": {
        code: "MB325",
        severity: "error",
        summary: "ceil, floor, round, min or max called with arguments it does not take",
        example: "vars:\n  d: max(4)\nlayers:\n  - Linear(d, 4)",
        fix: "give min and max two or more numbers, ceil, floor and round one",
    },
    "variable-without-value": {
        code: "MB326",
        severity: "error",
        summary: "a variable written with nothing after its colon",
        example: "vars:\n  d:\nlayers:\n  - Linear(4, 4)",
        fix: "give it a value (d: 16), or write None for Python's None",
    },
    "frozen-partial-repeat": {
        code: "MB330",
        severity: "error",
        summary: "frozen: names some instances of a repeat",
        example: 'layers:\n  - m:\n      frozen: [h.0.weight]\n      layers:\n        - h: {layer: "Linear(4, 4)", repeat: 4}',
        fix: "freeze every instance with *, or split the repeat",
    },
    "frozen-not-found": {
        code: "MB331",
        severity: "error",
        summary: "frozen: names no tensor below its entry",
        example: "layers:\n  - m:\n      frozen: [fc.wieght]\n      layers:\n        - fc: Linear(4, 4)",
        fix: "write the tensor's path below the entry: 0.weight",
    },
    "tie-to-itself": {
        code: "MB340",
        severity: "error",
        summary: "a tie names the same tensor on both sides",
        example: "layers:\n  - wte: Embedding(10, 4)\ntie:\n  wte.weight: wte.weight",
        fix: "tie a tensor to another one, or remove the line",
    },
    "tie-cycle": {
        code: "MB341",
        severity: "error",
        summary: "ties that lead back to where they start",
        example: "layers:\n  - a: Linear(4, 4)\n  - b: Linear(4, 4)\ntie:\n  a.weight: b.weight\n  b.weight: a.weight",
        fix: "remove one of the ties",
    },
    "tie-not-found": {
        code: "MB342",
        severity: "error",
        summary: "a tie names no layer or tensor of the model",
        example: "layers:\n  - wte: Embedding(10, 4)\n  - lm_head: Linear(4, 10, bias=False)\ntie:\n  lm_head.weight: wtee.weight",
        fix: "write the tensor's full path, e.g. wte.weight",
    },
    "tie-ambiguous": {
        code: "MB343",
        severity: "error",
        summary: "a tie target names several tensors, or a tie names some instances of a repeat",
        example: 'layers:\n  - h: {layer: "Linear(4, 4)", repeat: 2}\n  - head: Linear(4, 4)\ntie:\n  head.weight: h.*.weight',
        fix: "name one instance: h.0.attn.weight",
    },
    "tie-mismatch": {
        code: "MB344",
        severity: "error",
        summary: "tied tensors differ in shape or in being frozen",
        example: "layers:\n  - a: Linear(4, 4)\n  - b: Linear(4, 8)\ntie:\n  b.weight: a.weight",
        fix: "tie tensors of equal shape, both frozen or neither",
    },
    // 4xx: the layer catalogue's arguments
    "unknown-layer-type": {
        code: "MB401",
        severity: "error",
        summary: "a layer type model-budget does not know",
        example: "layers:\n  - Lineer(4, 4)",
        fix: "fix the typo (Linear), or write a custom module's tensors as Parameter(...) entries",
    },
    "lazy-layer": {
        code: "MB402",
        severity: "error",
        summary: "a Lazy layer, whose sizes come from its first forward pass",
        example: "layers:\n  - LazyLinear(4)",
        fix: "write the layer with its input size: Linear(8, 4)",
    },
    "argument-type": {
        code: "MB403",
        severity: "error",
        summary: "an argument of the wrong type",
        example: "layers:\n  - Linear(4, 4, bias=1.5)",
        fix: "give the type the message names: bias=False",
    },
    "too-many-arguments": {
        code: "MB404",
        severity: "error",
        summary: "more positional arguments than the layer takes",
        example: "layers:\n  - ReLU(True, 1)",
        fix: "name the extra argument, or remove it",
    },
    "unknown-argument": {
        code: "MB405",
        severity: "error",
        summary: "a keyword argument the layer does not have",
        example: "layers:\n  - Linear(4, 4, bais=False)",
        fix: "use the argument the hint suggests: bias=False",
    },
    "duplicate-argument": {
        code: "MB406",
        severity: "error",
        summary: "one argument given twice",
        example: "layers:\n  - Linear(4, 4, in_features=4)",
        fix: "give each argument once",
    },
    "missing-argument": {
        code: "MB407",
        severity: "error",
        summary: "a required argument is missing",
        example: "layers:\n  - Linear(4)",
        fix: "give it, as the signature in the hint shows: Linear(4, 8)",
    },
    "invalid-argument": {
        code: "MB408",
        severity: "error",
        summary: "an argument PyTorch would reject",
        example: "layers:\n  - Conv2d(3, 8, 3, groups=2)",
        fix: "give a value the layer accepts: the message says which",
    },
    "invalid-size": {
        code: "MB409",
        severity: "error",
        summary: "a size no tensor can have: below 1, or a negative padding",
        example: "layers:\n  - Linear(0, 4)",
        fix: "give a size of at least 1: Linear(8, 4)",
    },
    // 5xx: shapes
    "shape-unsupported": {
        code: "MB501",
        severity: "error",
        summary: "shape inference does not follow this layer yet",
        example: "input: [4]\nlayers:\n  - p: Parameter(4)\n  - fc: Linear(4, 4)",
        fix: "remove input: to count without shapes, or hold the Parameter in a module whose forward: uses it",
    },
    "shape-mismatch": {
        code: "MB502",
        severity: "error",
        summary: "a layer or op gets a tensor of the wrong shape",
        example: "input: [1, 3, 32, 32]\nlayers:\n  - Conv2d(1, 8, 3)",
        fix: "make the arguments match what reaches the layer: Conv2d(3, 8, 3)",
    },
    "unknown-child": {
        code: "MB503",
        severity: "error",
        summary: "forward: calls a child the module does not have",
        example: "input: [4]\nlayers:\n  - m:\n      forward: [fcc]\n      layers:\n        - fc: Linear(4, 4)",
        fix: "call an existing child: forward: [fc]",
    },
    "shapes-do-not-combine": {
        code: "MB504",
        severity: "error",
        summary: "an add or concat of shapes that do not combine",
        example: "# a residual around a layer that changes the width",
        fix: "make the shapes equal (add) or equal outside dimension 1 (concat)",
    },
    "unknown-op": {
        code: "MB505",
        severity: "error",
        summary: "forward: names an op model-budget does not know",
        example: 'input: [2, 4]\nlayers:\n  - m:\n      forward: [fc, "gelu2()"]\n      layers:\n        - fc: Linear(4, 4)',
        fix: "use one of the ops the hint lists, or a child's bare name",
    },
    "not-a-parameter": {
        code: "MB506",
        severity: "error",
        summary: "an op that takes a module's Parameter names something else",
        example: 'input: [2, 3, 4]\nlayers:\n  - m:\n      forward: ["cat_token(act)"]\n      layers:\n        - act: ReLU()',
        fix: "name a Parameter(...) entry of the module, e.g. cls: Parameter(1, 1, 4)",
    },
    // 6xx: memory and the training recipe
    "unknown-optimizer": {
        code: "MB601",
        severity: "error",
        summary: "an optimizer model-budget does not know",
        example: "training:\n  optimizer: AdamWW()\nlayers:\n  - Linear(4, 4)",
        fix: "use one of the optimizers the hint lists: AdamW()",
    },
    "unknown-precision": {
        code: "MB602",
        severity: "error",
        summary: "an unknown mixed-precision recipe",
        example: "model-budget report spec.yaml --precision fp12",
        exampleIn: "command line",
        fix: "use one of the precisions the hint lists",
    },
    "unknown-checkpointing": {
        code: "MB603",
        severity: "error",
        summary: "an unknown activation-checkpointing setting",
        example: "model-budget report spec.yaml --checkpointing some",
        exampleIn: "command line",
        fix: "use one of the settings the hint lists",
    },
    "unknown-dtype": {
        code: "MB604",
        severity: "error",
        summary: "a dtype model-budget does not know",
        example: 'layers:\n  - {layer: "Linear(4, 4)", dtype: float17}',
        fix: "use a torch dtype name: bfloat16",
    },
    "invalid-recipe-value": {
        code: "MB605",
        severity: "error",
        summary: "a batch, GPU count or ZeRO stage out of range or not a number",
        example: "model-budget report spec.yaml --optimizer AdamW --zero 4",
        exampleIn: "command line",
        fix: "give a value in range: ZeRO stages are 0 to 3",
    },
    "untrainable-dtype": {
        code: "MB606",
        severity: "error",
        summary: "a trainable parameter stored in an integer or quantized dtype",
        example: 'training:\n  optimizer: AdamW()\nlayers:\n  - {layer: "Linear(4, 4)", dtype: int8}',
        fix: "freeze it (frozen: true), or keep it in a floating dtype",
    },
    // 7xx: the budget
    "invalid-limit": {
        code: "MB701",
        severity: "error",
        summary: "a budget limit that is not a number of the metric's unit",
        example: "gpt2:\n  growth: {memory: 1.5M}",
        fix: "write a memory size with a byte unit: 1.5MiB or 1.5MB",
    },
    "unmatched-budget-entry": {
        code: "MB702",
        severity: "warning",
        summary: "a budget entry that matches no spec, so none of its limits is checked",
        example: "models:\n  gtp2:\n    params: 130M",
        exampleIn: "budget file",
        fix: "key the entry by a spec's model: name or its path: gpt2",
    },
    // 8xx: importers and checkpoints
    "printed-model-syntax": {
        code: "MB801",
        severity: "error",
        summary: "a print(model) file that is not what print(model) prints",
        example: "Sequential(\n  (0): Linear(in_features=4, out_features=4, bias=True)",
        exampleIn: "print(model) text",
        fix: "save exactly what print(model) prints",
    },
    "printed-model-names": {
        code: "MB802",
        severity: "error",
        summary: "printed child names that are too long, repeated or numbered impossibly",
        example: "Sequential(\n  (fc): Linear(4, 4)\n  (fc): Linear(4, 4)\n)",
        exampleIn: "print(model) text",
        fix: "save exactly what print(model) prints",
    },
    "printed-model-too-large": {
        code: "MB803",
        severity: "error",
        summary: "a printed model nested or repeated beyond what a spec holds",
        example: "# modules nested 200 levels deep",
        exampleIn: "print(model) text",
        fix: "check that the file is what print(model) printed",
    },
    "unknown-printed-module": {
        code: "MB804",
        severity: "warning",
        summary: "a printed module model-budget cannot count, held as a placeholder",
        example: "MyBlock(\n  (fc): Linear(...)\n)",
        exampleIn: "print(model) text",
        fix: "replace the TODO entries of the spec with the module's layers or Parameter entries",
    },
    "hidden-tensors": {
        code: "MB805",
        severity: "warning",
        summary: "a printed module holds tensors print(model) does not show",
        example: "(pos): PositionalEmbedding()",
        exampleIn: "print(model) text",
        fix: "add the tensors as Parameter(...) entries",
    },
    "printed-arguments-invalid": {
        code: "MB806",
        severity: "warning",
        summary: "a printed layer whose arguments do not count, held as a placeholder",
        example: "(0): Conv2d(3, 8, kernel_size=(3, 3), groups=2)",
        exampleIn: "print(model) text",
        fix: "fix the layer in the generated spec",
    },
    "malformed-safetensors": {
        code: "MB810",
        severity: "error",
        summary: "a .safetensors file or index that does not read as one, at a byte offset",
        example: "# a header whose data_offsets overlap",
        exampleIn: ".safetensors file",
        fix: "save the checkpoint again: the file is damaged, truncated or not safetensors",
    },
    "malformed-onnx": {
        code: "MB811",
        severity: "error",
        summary: "an .onnx file that does not read as one, at a byte offset",
        example: "# an initializer with an unknown data_type",
        exampleIn: ".onnx file",
        fix: "export the model again with torch.onnx.export",
    },
    "truncated-file": {
        code: "MB812",
        severity: "error",
        summary: "a checkpoint that shrank while it was read",
        example: "# a checkpoint still being written",
        exampleIn: "checkpoint file",
        fix: "wait until it is written, then run again",
    },
    "unknown-checkpoint-format": {
        code: "MB813",
        severity: "error",
        summary: "a checkpoint whose format its name does not tell",
        example: "--against model.bin",
        exampleIn: "command line",
        fix: "name a .safetensors file, its index.json, or an .onnx model",
    },
    "checkpoint-not-a-spec": {
        code: "MB814",
        severity: "error",
        summary: "checkpoint tensor names a spec cannot hold",
        example: "# tensors 'a' and 'a.weight' in one checkpoint",
        exampleIn: "checkpoint file",
        fix: "rename one in the model, or write the spec by hand",
    },
    "tensor-shape-differs": {
        code: "MB820",
        severity: "error",
        summary: "a tensor whose shape differs between spec and checkpoint",
        example: "layers:\n  - fc: Linear(4, 8)   # the checkpoint has fc.weight [16, 4]",
        exampleIn: "spec checked --against a checkpoint",
        fix: "resize the layer, or check the checkpoint is this model's",
    },
    "tensor-missing-from-checkpoint": {
        code: "MB821",
        severity: "error",
        summary: "a spec tensor the checkpoint does not hold",
        example: "layers:\n  - head: Linear(4, 8)   # the checkpoint has no head.*",
        exampleIn: "spec checked --against a checkpoint",
        fix: "remove it from the spec, or rename it as the checkpoint names it",
    },
    "tensor-missing-from-spec": {
        code: "MB822",
        severity: "error",
        summary: "a checkpoint tensor the spec does not have",
        example: "# checkpoint holds pos_embed [1, 197, 768]",
        fix: "add a layer or a Parameter entry that holds it",
    },
    "too-many-tensors": {
        code: "MB823",
        severity: "error",
        summary: "a spec with too many tensors to compare with a checkpoint one by one",
        example: 'layers:\n  - {layer: "Linear(1, 1)", repeat: 100000000}   # checked --against a checkpoint',
        exampleIn: "spec checked --against a checkpoint",
        fix: "check the repeat counts",
    },
    // 9xx: files and the command line
    "file-unreadable": {
        code: "MB901",
        severity: "error",
        summary: "a file that does not exist or cannot be read",
        example: "model-budget report missing.yaml",
        exampleIn: "command line",
        fix: "give the path of a regular file you can read",
    },
    "not-a-regular-file": {
        code: "MB902",
        severity: "error",
        summary: "a directory, device, FIFO or link loop where a file is expected",
        example: "model-budget report models/",
        exampleIn: "command line",
        fix: "give the path of a regular file",
    },
    "outside-folder": {
        code: "MB903",
        severity: "error",
        summary: "a path, or a symbolic link, that leads outside the repository or model folder",
        example: "layers:\n  - include: ../../etc/spec.yaml   # a file outside the repository",
        exampleIn: "spec with include:",
        fix: "keep the file, and what its links point to, inside the repository",
    },
    "file-too-large": {
        code: "MB904",
        severity: "error",
        summary: "a file larger than its kind may be",
        example: "model-budget import torch-repr huge.txt",
        exampleIn: "command line",
        fix: "split the spec with include:, or give the right file",
    },
    "file-not-writable": {
        code: "MB905",
        severity: "error",
        summary: "an output file that cannot be written",
        example: "model-budget init spec.yaml --output /",
        exampleIn: "command line",
        fix: "give the path of a file to write, in an existing or new folder",
    },
};
const DIAGNOSTICS = kinds;
/** The stages' titles by hundred, for the docs and for grouping. */
const STAGES = {
    "1": "Parsing: YAML and expressions",
    "2": "The spec and budget formats (schema)",
    "3": "Resolving: vars, blocks, includes, frozen: and ties",
    "4": "Layer arguments (the catalogue)",
    "5": "Shapes",
    "6": "Memory and the training recipe",
    "7": "The budget",
    "8": "Importers and checkpoints",
    "9": "Files and the command line",
};

;// CONCATENATED MODULE: ./src/diagnostics/index.ts


/**
 * Any problem a user can fix in their input. The message says what is wrong, the hint what to do;
 * every stage throws these so the CLI and the action print them the same way.
 */
class SpecError extends Error {
    /** The kind's kebab name, e.g. unknown-layer-type; its code and severity are in DIAGNOSTICS. */
    kind;
    position;
    hint;
    detail;
    constructor(kind, position, detail, hint) {
        super(formatDiagnostic(position, detail, hint));
        this.name = "SpecError";
        this.kind = kind;
        this.position = position;
        this.detail = detail;
        this.hint = hint;
    }
    /** The stable code, e.g. MB401. */
    get code() {
        return DIAGNOSTICS[this.kind].code;
    }
    get severity() {
        return DIAGNOSTICS[this.kind].severity;
    }
}
/**
 * A file that cannot be read as asked: missing rights, not a regular file (a directory, a FIFO,
 * /dev/zero), too large, or outside the folder it must stay in. Its detail is a predicate
 * ("is a directory, not a regular file") so whoever named the file can report it at that spot.
 */
class FileAccessError extends SpecError {
    constructor(kind, file, detail, hint) {
        super(kind, { file, line: 1, col: 1 }, detail, hint);
        this.name = "FileAccessError";
    }
}
/** A position that covers `text` written there on one line: a name, so the CLI underlines all of it. */
function spanning(position, text) {
    return { ...position, endLine: position.line, endCol: position.col + text.length };
}
function formatDiagnostic(position, detail, hint) {
    const head = `${position.file}:${position.line}:${position.col}: ${detail}`;
    return hint ? `${head}\n  ${hint}` : head;
}
/** Levenshtein distance, for "did you mean" suggestions. */
function editDistance(a, b) {
    const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = prev[0];
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = prev[j];
            prev[j] = Math.min(above + 1, prev[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return prev[b.length];
}
/** The candidate closest to `name` (case-insensitive), if it is close enough to be a likely typo. */
function closestName(name, candidates) {
    const lower = name.toLowerCase();
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = editDistance(lower, candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
function didYouMean(name, candidates) {
    const closest = closestName(name, candidates);
    return closest === undefined ? undefined : `did you mean '${closest}'?`;
}
/** Several independent problems found in one pass (all schema violations of a file), reported together. */
class SpecErrors extends Error {
    errors;
    constructor(errors) {
        super(errors.map((error) => error.message).join("\n"));
        this.name = "SpecErrors";
        this.errors = errors;
    }
}
/** The individual errors of a thrown SpecError or SpecErrors, or undefined for anything else (a bug). */
function userErrors(error) {
    if (error instanceof SpecErrors)
        return error.errors;
    if (error instanceof SpecError)
        return [error];
    return undefined;
}
/** A diagnostic that is not thrown (a warning, a note): built at its position like a SpecError. */
function diagnostic(kind, position, message, hint) {
    const { code, severity } = DIAGNOSTICS[kind];
    const { file, line, col, endLine, endCol } = position;
    return { code, name: kind, severity, file, line, col, ...(endLine === undefined ? {} : { endLine, endCol }), message, ...(hint ? { hint } : {}) };
}
/** A thrown error as data. */
function toDiagnostic(problem) {
    const data = diagnostic(problem.kind, problem.position, problem.detail, problem.hint);
    const offset = problem.offset;
    return typeof offset === "number" ? { ...data, offset } : data;
}
/**
 * Errors gathered while a stage goes on past them, so one run reports every independent mistake.
 * The same mistake reached twice (a block used at several places) is kept once.
 */
class DiagnosticCollector {
    errors = [];
    seen = new Set();
    /** Runs `work`; a user error it throws is collected and `undefined` returned, anything else propagates. */
    attempt(work) {
        try {
            return work();
        }
        catch (error) {
            const found = userErrors(error);
            if (!found)
                throw error;
            this.add(...found);
            return undefined;
        }
    }
    add(...errors) {
        for (const error of errors) {
            const key = `${error.kind} ${error.position.file}:${error.position.line}:${error.position.col}`;
            if (this.seen.has(key))
                continue;
            this.seen.add(key);
            this.errors.push(error);
        }
    }
    get failed() {
        return this.errors.length > 0;
    }
    /** Throws what was collected, in file and then source order, as a compiler lists them. */
    throwIfAny() {
        if (this.errors.length === 1)
            throw this.errors[0];
        if (this.errors.length > 1)
            throw new SpecErrors(inSourceOrder(this.errors));
    }
    /** Throws what was collected, when a stage could not go on. */
    fail() {
        this.throwIfAny();
        throw new Error("a stage stopped without an error to report");
    }
}
function inSourceOrder(errors) {
    const files = [...new Set(errors.map((error) => error.position.file))];
    return [...errors].sort((a, b) => files.indexOf(a.position.file) - files.indexOf(b.position.file) || a.position.line - b.position.line || a.position.col - b.position.col);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/parse/yaml.ts


/** The largest spec or budget file, in bytes; the edges refuse a larger file before reading it. */
const YAML_MAX_BYTES = 4 * 1024 * 1024;
const MAX_DEPTH = 64;
/** Aliases beyond this are refused by yaml itself, before anything expands them. */
const MAX_ALIASES = 100;
/** Mappings this long get a key index for positions; shorter ones are searched. */
const INDEXED_MAP_SIZE = 64;
function position(file, lines, offset) {
    const { line, col } = lines.linePos(offset);
    return { file, line, col };
}
function checkDepth(node, depth, fail, duplicate) {
    if (!node || !(0,dist/* isCollection */.P3)(node))
        return;
    if (depth > MAX_DEPTH)
        fail(node);
    // yaml's own uniqueKeys check scans the mapping per key (quadratic: seconds at 20,000 keys): a set per mapping instead.
    const keys = (0,dist/* isMap */.jh)(node) ? new Map() : undefined;
    for (const item of node.items) {
        if ((0,dist/* isPair */.tO)(item)) {
            if (keys && (0,dist/* isScalar */.jn)(item.key)) {
                const first = keys.get(item.key.value);
                if (first)
                    duplicate(item.key, first);
                keys.set(item.key.value, item.key);
            }
            checkDepth(item.key, depth + 1, fail, duplicate);
            checkDepth(item.value, depth + 1, fail, duplicate);
        }
        else {
            checkDepth(item, depth + 1, fail, duplicate);
        }
    }
}
/** The pre-parse scan's limit: past any spec, well short of where the parser's recursion overflows. */
const SCAN_DEPTH = 4 * MAX_DEPTH;
/**
 * Where the text first nests deeper than SCAN_DEPTH, counting flow brackets and the indentation of
 * block lines: the yaml library's parser recurses per level and overflows the stack near a thousand.
 */
function tooDeep(text) {
    const indents = [];
    // Reported: where the estimate first passed MAX_DEPTH, the level the message names.
    let firstPast;
    const past = (depth, offset) => {
        if (depth > MAX_DEPTH)
            firstPast ??= offset;
        return depth > SCAN_DEPTH;
    };
    let flow = 0;
    let quote = "";
    let lineStart = true;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quote) {
            if (ch === quote)
                quote = "";
            else if (ch === "\n")
                lineStart = true;
            continue;
        }
        if (lineStart && flow === 0) {
            let end = i;
            while (text[end] === " " || text[end] === "-" || text[end] === "?")
                end++;
            if (text[end] !== "\n" && text[end] !== "\r" && text[end] !== "#" && end < text.length) {
                // Each "- " and each deeper key opens a level.
                const indent = end - i;
                while (indents.length > 0 && indents[indents.length - 1] >= indent)
                    indents.pop();
                indents.push(indent);
                const dashes = [...text.slice(i, end).matchAll(/-/g)].map((match) => i + match.index);
                for (let item = 0; item < dashes.length; item++)
                    if (past(indents.length + item, dashes[item]))
                        return firstPast;
                if (past(indents.length + dashes.length, end))
                    return firstPast;
            }
        }
        lineStart = ch === "\n";
        if (ch === "#" && (i === 0 || /\s/.test(text[i - 1]))) {
            const newline = text.indexOf("\n", i);
            if (newline < 0)
                break;
            i = newline - 1;
        }
        else if (ch === "'" || ch === '"')
            quote = ch;
        else if (ch === "[" || ch === "{") {
            if (past(++flow + indents.length, i))
                return firstPast;
        }
        else if ((ch === "]" || ch === "}") && flow > 0)
            flow--;
    }
    return undefined;
}
const NESTING_HINT = "flatten the spec: blocks: and include: keep specs shallow";
/** Error codes of the yaml library that mean a line starts at the wrong column. */
const INDENTATION_CODES = new Set(["BAD_INDENT", "BLOCK_AS_IMPLICIT_KEY", "MULTILINE_IMPLICIT_KEY", "TAB_AS_INDENT"]);
/** What to do about a YAML syntax error: the mis-indented line, the unclosed bracket, or the parser's spot. */
function syntaxHint(text, code, message, line, col) {
    const unclosed = /^Flow (sequence|map) in block collection/.exec(message);
    if (unclosed) {
        const [open, close] = unclosed[1] === "sequence" ? ["[", "]"] : ["{", "}"];
        return `a ${open} before line ${line} is not closed: add its ${close}, or indent the lines that continue it`;
    }
    if (INDENTATION_CODES.has(code))
        return indentationHint(text, line, col) ?? "fix the indentation here: YAML nests by indentation";
    return "fix the YAML syntax here; a YAML linter in your editor shows the same spot";
}
function contentLines(text) {
    return text.split("\n").flatMap((raw, index) => {
        const line = raw.replace(/\r$/, "");
        const indent = line.length - line.replace(/^[ \t]+/, "").length;
        const rest = line.slice(indent);
        return rest === "" || rest.startsWith("#") ? [] : [{ number: index + 1, indent, item: rest.startsWith("- ") || rest === "-", text: rest }];
    });
}
/** Names the line that probably starts at the wrong column, and the line it should line up with. */
function indentationHint(text, line, col) {
    const lines = contentLines(text);
    const here = lines.findIndex((candidate) => candidate.number >= line);
    if (here < 0)
        return undefined;
    // An error inside a line (after its first character) is about the line that follows.
    const index = lines[here].number === line && col > lines[here].indent + 1 ? here + 1 : here;
    const wrong = lines[index];
    if (!wrong)
        return undefined;
    if (text.split("\n")[wrong.number - 1].slice(0, wrong.indent).includes("\t"))
        return `line ${wrong.number} is indented with a tab: YAML indents with spaces only`;
    const kind = wrong.item ? "list item" : "key";
    const sibling = lines
        .slice(0, index)
        .reverse()
        .find((candidate) => candidate.item === wrong.item && candidate.indent !== wrong.indent);
    const shown = (entry) => `'${entry.text.length > 30 ? `${entry.text.slice(0, 30)}...` : entry.text}'`;
    if (!sibling)
        return `line ${wrong.number} (${shown(wrong)}) is probably mis-indented`;
    return `line ${wrong.number} (${shown(wrong)}) is probably mis-indented: it starts at column ${wrong.indent + 1}, the ${kind} on line ${sibling.number} (${shown(sibling)}) at column ${sibling.indent + 1}; line them up, or nest it under a key`;
}
/** The text from `start` to the parenthesis that balances the first one, or to the line's end. */
function balancedCall(text, start) {
    let depth = 0;
    for (let i = start; i < text.length && text[i] !== "\n"; i++) {
        if (text[i] === "(")
            depth++;
        else if (text[i] === ")" && --depth === 0)
            return text.slice(start, i + 1);
    }
    return text.slice(start, text.indexOf("\n", start) < 0 ? undefined : text.indexOf("\n", start)).trim();
}
/**
 * An unquoted call inside YAML's { } or [ ] is split at its commas (`{q_proj: Linear(16, 16)}` reads as
 * the keys q_proj and `16)`): say so at the call, before the pieces reach the schema as odd keys.
 */
function checkSplitCalls(document, text, at) {
    // Only a [ or { followed by a ( on its line can hold a split call: most specs skip the walk.
    if (!/[[{][^\n]*\(/.test(text))
        return;
    (0,dist/* visit */.YR)(document, {
        Scalar(_key, node, path) {
            const parent = path[path.length - 1];
            const container = (0,dist/* isPair */.tO)(parent) ? path[path.length - 2] : parent;
            if (node.type !== "PLAIN" || typeof node.value !== "string" || !(0,dist/* isCollection */.P3)(container) || !container.flow)
                return;
            const opened = node.value.split("(").length - node.value.split(")").length;
            if (opened <= 0)
                return;
            const start = node.range?.[0] ?? 0;
            throw new SpecError("comma-splits-call", at(start), `YAML splits this call at its commas: inside { } and [ ] a comma separates items`, `quote it: "${balancedCall(text, start)}"`);
        },
    });
}
/** The line and column of an offset, for errors found before the parser has counted the lines. */
function positionBeforeParsing(file, text, offset) {
    const before = text.slice(0, offset);
    const lineStart = before.lastIndexOf("\n") + 1;
    return { file, line: before.split("\n").length, col: offset - lineStart + 1 };
}
/** Parses YAML text; syntax errors, alias bombs and absurd nesting become positioned errors. */
function parseYaml(withBom, file) {
    // Editors count columns after a byte-order mark, and so do we.
    const text = withBom.replace(/^\uFEFF/, "");
    const lines = new dist/* LineCounter */.HN();
    const at = (offset) => position(file, lines, offset);
    if (text.length > YAML_MAX_BYTES) {
        throw new SpecError("spec-too-large", { file, line: 1, col: 1 }, `file is ${text.length} bytes, more than the ${YAML_MAX_BYTES} a spec may have`, `split it with include:`);
    }
    const deep = tooDeep(text);
    if (deep !== undefined)
        throw new SpecError("nesting-too-deep", positionBeforeParsing(file, text, deep), `nesting deeper than ${MAX_DEPTH} levels`, NESTING_HINT);
    let document;
    try {
        document = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, strict: true });
    }
    catch (error) {
        // The scan above is an estimate: should the parser's recursion still overflow, say what it means.
        if (!(error instanceof RangeError))
            throw error;
        throw new SpecError("nesting-too-deep", { file, line: 1, col: 1 }, `nesting deeper than ${MAX_DEPTH} levels`, NESTING_HINT);
    }
    const problem = document.errors[0];
    if (problem) {
        const position = at(problem.pos[0]);
        if (/call stack/i.test(problem.message))
            throw new SpecError("nesting-too-deep", position, `nesting deeper than ${MAX_DEPTH} levels`, NESTING_HINT);
        throw new SpecError("yaml-syntax", position, `YAML syntax error: ${problem.message.replace(/\s+/g, " ").trim()}`, syntaxHint(text, problem.code, problem.message, position.line, position.col));
    }
    checkDepth(document.contents, 1, (node) => {
        throw new SpecError("nesting-too-deep", at(node.range?.[0] ?? 0), `nesting deeper than ${MAX_DEPTH} levels`, NESTING_HINT);
    }, (key, first) => {
        const earlier = at(first.range?.[0] ?? 0);
        throw new SpecError("duplicate-key", at(key.range?.[0] ?? 0), `YAML syntax error: duplicate key '${String(key.value)}' in one mapping`, `its first definition is on line ${earlier.line}: keep one of them`);
    });
    checkSplitCalls(document, text, at);
    let data;
    try {
        data = document.toJS({ maxAliasCount: MAX_ALIASES });
    }
    catch (error) {
        const firstAlias = text.search(/\*[A-Za-z0-9_-]/);
        throw new SpecError("alias-expansion", at(Math.max(firstAlias, 0)), `YAML aliases expand too far (${error.message})`, `write the repeated part once with repeat: or blocks: instead of aliases`);
    }
    return makeSource(file, text, document, at, data);
}
/**
 * Each alias's anchored node, found in one pass: yaml's own Alias.resolve searches the whole
 * document per call, which made positions under a 2,000-entry alias take seconds.
 */
function aliasTargets(document) {
    const anchors = new Map();
    const targets = new Map();
    (0,dist/* visit */.YR)(document, {
        Node(_key, node) {
            if ((0,dist/* isAlias */.Vj)(node))
                targets.set(node, anchors.get(node.source));
            else if (node.anchor)
                anchors.set(node.anchor, node);
        },
    });
    return targets;
}
// eslint-disable-next-line max-lines-per-function -- main's source positions (endLine/endCol) added to it in the merge; its walkers are each short
function makeSource(file, text, document, at, data) {
    let targets;
    const resolve = (node) => ((0,dist/* isAlias */.Vj)(node) ? (targets ??= aliasTargets(document)).get(node) : node);
    // A long mapping (ten thousand ties, say) is looked up once per key: an index keeps that linear overall.
    const indexes = new WeakMap();
    const pairOf = (map, segment) => {
        const matches = (item) => (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === String(segment);
        if (map.items.length < INDEXED_MAP_SIZE)
            return map.items.find(matches);
        let index = indexes.get(map);
        if (!index) {
            index = new Map();
            for (const item of map.items)
                if ((0,dist/* isScalar */.jn)(item.key) && !index.has(String(item.key.value)))
                    index.set(String(item.key.value), item);
            indexes.set(map, index);
        }
        return index.get(String(segment));
    };
    /** Walks as far along the path as the document goes; returns the deepest node and key found. */
    const walk = (path) => {
        let node = resolve(document.contents);
        let key = null;
        for (const segment of path) {
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = pairOf(node, segment);
                if (!pair)
                    break;
                key = pair.key;
                node = resolve(pair.value) ?? key;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof segment === "number" && segment < node.items.length) {
                key = null;
                node = resolve(node.items[segment]);
            }
            else {
                break;
            }
        }
        return { node, key };
    };
    const start = (node) => at(node?.range?.[0] ?? 0);
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
            return (0,dist/* isScalar */.jn)(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE");
        },
        writtenAt: (path) => {
            const node = walk(path).node;
            return (0,dist/* isScalar */.jn)(node) ? node.source : undefined;
        },
        offsetsAt: (path) => {
            const node = walk(path).node;
            const begin = node?.range?.[0] ?? 0;
            if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== "string")
                return () => at(begin);
            // Plain and quoted one-line scalars hold the string verbatim (after the opening quote), so
            // offsets map exactly; for escaped or folded text we can only point at the scalar.
            const quote = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE" ? 1 : 0;
            const verbatim = text.startsWith(node.value, begin + quote);
            return (offset) => at(verbatim ? begin + quote + offset : begin);
        },
    };
}

;// CONCATENATED MODULE: ./src/files/index.ts
/**
 * The one way the CLI, the action and the importers open a user's file. Everything here happens
 * before a byte is read: the file must be a regular file (a FIFO or /dev/zero would block or never
 * end), it must be no larger than what it is read as may be (files read whole), and, where asked,
 * it must resolve inside given folders after following symbolic links (the repository, a
 * checkpoint's folder), so that a pull request cannot make the tool read, or echo, the runner's files.
 */




const TEXT_KINDS = {
    /** Specs, their includes and budget files: the YAML parser's own limit, checked before reading. */
    yaml: { what: "a spec or budget file", maxBytes: YAML_MAX_BYTES, hint: "split the spec with include:" },
    /**
     * print(model) text: a model printed without folding (61 layers of 256 experts) runs to megabytes and
     * folds into a small spec; text whose modules all differ makes a spec past the YAML limit before this.
     */
    torchRepr: { what: "print(model) text", maxBytes: 8 * 1024 * 1024, hint: "is this the output of print(model)? Print the model once, not in a loop" },
    /** A report the action saved for publish mode: 148 DenseNet-121 and GPT-2 reports make 31.5 MB, published in 1.1 s in a 300 MiB heap. */
    savedReport: { what: "a saved report", maxBytes: 16 * 1024 * 1024, hint: "publish the report-json file a model-budget check run wrote" },
};
const sizeText = (bytes) => bytes.toLocaleString("en-US");
function describeNonFile(stats) {
    if (stats.isDirectory())
        return "is a directory, not a regular file";
    if (stats.isFIFO())
        return "is a named pipe (FIFO), not a regular file";
    if (stats.isCharacterDevice())
        return "is a character device, not a regular file";
    if (stats.isBlockDevice())
        return "is a block device, not a regular file";
    if (stats.isSocket())
        return "is a socket, not a regular file";
    return "is not a regular file";
}
const ERRNO_DETAILS = {
    EACCES: "cannot be read: permission denied",
    EPERM: "cannot be read: permission denied",
    EISDIR: "is a directory, not a regular file",
    ENOTDIR: "does not exist: a part of its path is not a folder",
    ELOOP: "is a loop of symbolic links",
    ENXIO: "is a socket or device, not a regular file",
    ENAMETOOLONG: "has a name too long for the file system",
    EMFILE: "cannot be opened: too many open files",
};
/** File-system failures other than a missing file become user errors; a missing file stays ENOENT, which callers treat as absence. */
function accessError(file, error) {
    const code = error.code;
    if (code === undefined || code === "ENOENT")
        return error;
    return new FileAccessError("file-unreadable", file, ERRNO_DETAILS[code] ?? `cannot be read (${code})`, "give the path of a regular file you can read");
}
function inside(root, real) {
    const path = (0,external_node_path_namespaceObject.relative)(root, real);
    return path === "" || (path !== ".." && !path.startsWith(`..${external_node_path_namespaceObject.sep}`) && !(0,external_node_path_namespaceObject.isAbsolute)(path));
}
function realPath(file, path) {
    try {
        return (0,external_node_fs_namespaceObject.realpathSync)(path);
    }
    catch (error) {
        throw accessError(file, error);
    }
}
/** The real path of `file`, refusing one that leads outside a confinement; `file` is only named, never echoed past its name. */
function confinedPath(file, path, within) {
    if (within.length === 0)
        return path;
    const outside = (confinement) => new FileAccessError("outside-folder", file, `leads outside ${confinement.name}`, `keep it, and what its symbolic links point to, inside ${confinement.name}`);
    const roots = within.map((confinement) => confinement.roots.flatMap((root) => [(0,external_node_path_namespaceObject.resolve)(root), realPath(root, root)]));
    // By its name first, so that whether a file outside exists is not told either.
    within.forEach((confinement, index) => {
        if (!roots[index].some((root) => inside(root, path)))
            throw outside(confinement);
    });
    const real = realPath(file, path);
    for (const [index, confinement] of within.entries()) {
        if (!roots[index].some((root) => inside(root, real))) {
            throw outside(confinement);
        }
    }
    return real;
}
/** An open regular file: its descriptor and size. The caller closes it. */
function openRegularFile(file, options = {}) {
    if (file === "")
        throw new FileAccessError("not-a-regular-file", "''", "is an empty path, not a file", "give the path of a regular file");
    const path = confinedPath(file, (0,external_node_path_namespaceObject.resolve)(options.base ?? ".", file), options.within ?? []);
    let fd;
    try {
        // Non-blocking, so that opening a FIFO with no writer returns at once instead of waiting for one.
        fd = (0,external_node_fs_namespaceObject.openSync)(path, external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0));
    }
    catch (error) {
        throw accessError(file, error);
    }
    const stats = (0,external_node_fs_namespaceObject.fstatSync)(fd);
    if (!stats.isFile()) {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
        throw new FileAccessError("not-a-regular-file", file, describeNonFile(stats), "give the path of a regular file");
    }
    return { fd, size: stats.size };
}
/** Reads exactly `length` bytes at `offset`, or fewer where the file ends first. */
function readAt(fd, buffer, offset, length) {
    let done = 0;
    while (done < length) {
        const got = (0,external_node_fs_namespaceObject.readSync)(fd, buffer, done, length - done, offset + done);
        if (got === 0)
            break;
        done += got;
    }
    return done;
}
/** A whole file as UTF-8 text, refused by its size before reading when it exceeds what `kind` may have. */
function readTextFile(file, kind, options = {}) {
    const { fd, size } = openRegularFile(file, options);
    try {
        const tooLarge = (bytes) => new FileAccessError("file-too-large", file, `is ${bytes} bytes, more than the ${sizeText(kind.maxBytes)} ${kind.what} may have`, kind.hint);
        if (size > kind.maxBytes)
            throw tooLarge(sizeText(size));
        // Read to the end rather than to the size fstat gave: a file may grow meanwhile, and files such as
        // /proc's report a size of 0. One byte past the limit is enough to refuse it.
        const chunks = [];
        let total = 0;
        for (;;) {
            const chunk = Buffer.alloc(Math.min(Math.max(size - total + 1, 64 * 1024), kind.maxBytes + 1 - total));
            const got = readAt(fd, chunk, total, chunk.length);
            chunks.push(chunk.subarray(0, got));
            total += got;
            if (total > kind.maxBytes)
                throw tooLarge("over");
            if (got < chunk.length)
                break;
        }
        return Buffer.concat(chunks, total).toString("utf8");
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
/** The repository that holds `path`: the nearest folder above it with a .git entry, else the file's own folder. */
function repositoryOf(path) {
    const start = (0,external_node_path_namespaceObject.dirname)((0,external_node_path_namespaceObject.resolve)(path));
    for (let folder = start;; folder = (0,external_node_path_namespaceObject.dirname)(folder)) {
        if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(folder, ".git")))
            return { roots: [folder], name: "the repository" };
        if ((0,external_node_path_namespaceObject.dirname)(folder) === folder)
            return { roots: [start], name: "the spec's folder" };
    }
}
/**
 * The confinement of files a checkpoint names (shards, external data): its folder as named, or the
 * folder it really is in, so that Hugging Face's cache, whose snapshot files link into blobs/, still reads.
 */
function modelFolderOf(file, options = {}) {
    const path = (0,external_node_path_namespaceObject.resolve)(options.base ?? ".", file);
    let real = path;
    try {
        real = (0,external_node_fs_namespaceObject.realpathSync)(path);
    }
    catch {
        // Missing: opening it reports that.
    }
    return { roots: [...new Set([(0,external_node_path_namespaceObject.dirname)(path), (0,external_node_path_namespaceObject.dirname)(real)])], name: "the model's folder" };
}
/**
 * Writes `text` to `file`, creating its folder; refuses to write into anything but a regular file
 * (a directory, a FIFO that would wait for a reader, a device) with a FileAccessError. A relative
 * `file` is relative to `base`; messages name it as given.
 */
function writeTextFile(file, text, base = ".") {
    const path = (0,external_node_path_namespaceObject.resolve)(base, file);
    let fd;
    try {
        (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.dirname)(path), { recursive: true });
        fd = (0,external_node_fs_namespaceObject.openSync)(path, external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_CREAT | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0), 0o666);
    }
    catch (error) {
        throw writeError(file, error);
    }
    try {
        const stats = (0,external_node_fs_namespaceObject.fstatSync)(fd);
        if (!stats.isFile())
            throw new FileAccessError("file-not-writable", file, describeNonFile(stats), "give the path of a file to write, in an existing or new folder");
        (0,external_node_fs_namespaceObject.ftruncateSync)(fd, 0);
        (0,external_node_fs_namespaceObject.writeSync)(fd, text);
    }
    catch (error) {
        throw writeError(file, error);
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
function writeError(file, error) {
    if (error instanceof FileAccessError)
        return error;
    const code = error.code;
    if (code === undefined)
        return error;
    const detail = code === "ENOENT" || code === "ENOTDIR" || code === "EEXIST"
        ? "cannot be created: a part of its path is not a folder"
        : code === "ENXIO"
            ? "is a named pipe (FIFO) or device, not a regular file"
            : (ERRNO_DETAILS[code]?.replace("be read", "be written") ?? `cannot be written (${code})`);
    return new FileAccessError("file-not-writable", file, detail, "give the path of a file to write, in an existing or new folder");
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/git/repository.ts




/** Symbolic links followed in a row before a path counts as a loop, as the kernel's own limit does. */
const MAX_LINKS = 40;
/** Git at the edges: the action and `model-budget check --base` read the base side straight from the object store. */
class GitRepository {
    cwd;
    constructor(cwd) {
        this.cwd = cwd;
    }
    git(args, input) {
        return (0,external_node_child_process_namespaceObject.execFileSync)("git", args, { cwd: this.cwd, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024, ...(input === undefined ? {} : { input }) });
    }
    hasCommit(sha) {
        try {
            this.git(["cat-file", "-e", `${sha}^{commit}`]);
            return true;
        }
        catch {
            return false;
        }
    }
    /** Shallow checkouts (actions/checkout's default depth 1) lack the base commit: fetch just that one. */
    ensureCommit(sha) {
        if (this.hasCommit(sha))
            return;
        this.git(["fetch", "--no-tags", "--no-recurse-submodules", "--depth=1", "origin", sha]);
        if (!this.hasCommit(sha))
            throw new Error(`commit ${sha} is not available even after fetching it from origin`);
    }
    /** Files tracked at a commit. */
    filesAt(sha) {
        return this.git(["ls-tree", "-r", "--name-only", "-z", sha]).split("\0").filter(Boolean);
    }
    /** Files in the work tree that git does not ignore, tracked or not. */
    workingFiles() {
        return this.git(["ls-files", "--cached", "--others", "--exclude-standard", "-z"]).split("\0").filter(Boolean);
    }
    /**
     * Reads files as they are at a commit; a missing one throws ENOENT like the file system. Only a
     * regular file no larger than a spec may be is read: a folder or a submodule at that path is
     * refused, and a symbolic link is followed only while it stays inside the repository, as the
     * working tree's reader does.
     */
    readerAt(sha) {
        const read = (file, path, links) => {
            if (external_node_path_namespaceObject.posix.isAbsolute(path) || path === ".." || path.startsWith("../")) {
                throw new FileAccessError("outside-folder", file, "leads outside the repository", "keep it, and what its symbolic links point to, inside the repository");
            }
            let listing;
            try {
                listing = this.git(["--literal-pathspecs", "ls-tree", "--full-tree", "-l", "-z", sha, "--", path]);
            }
            catch {
                // git refuses a path outside the repository.
                listing = "";
            }
            // "<mode> <type> <object> <size>\t<path>\0" per entry; nothing for a path that is not there.
            const entry = listing.split("\0").find((line) => line.endsWith(`\t${path}`));
            if (entry === undefined)
                throw Object.assign(new Error(`ENOENT: ${file} does not exist at ${sha}`), { code: "ENOENT" });
            const [mode, type, , size] = entry.split("\t")[0].split(/\s+/);
            if (type !== "blob")
                throw new FileAccessError("not-a-regular-file", file, `is a ${type === "tree" ? "directory" : type} at ${sha}, not a regular file`, "give the path of a regular file");
            if (mode === "120000") {
                const target = this.git(["show", `${sha}:${path}`]);
                if (links >= MAX_LINKS)
                    throw new FileAccessError("not-a-regular-file", file, "is a loop of symbolic links", "give the path of a regular file");
                return read(file, external_node_path_namespaceObject.posix.isAbsolute(target) ? target : external_node_path_namespaceObject.posix.join(external_node_path_namespaceObject.posix.dirname(path), target), links + 1);
            }
            if (Number(size) > YAML_MAX_BYTES) {
                throw new FileAccessError("file-too-large", file, `is ${Number(size).toLocaleString("en-US")} bytes at ${sha}, more than the ${YAML_MAX_BYTES.toLocaleString("en-US")} a spec or budget file may have`, "split the spec with include:");
            }
            return this.git(["show", `${sha}:${path}`]);
        };
        return (file) => read(file, external_node_path_namespaceObject.posix.normalize(file), 0);
    }
    /** The commit a branch, tag or SHA names. */
    resolveRef(ref) {
        return this.git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).trim();
    }
    /** The commit before `sha`, for push events; undefined for a root commit. */
    parentOf(sha) {
        try {
            return this.git(["rev-parse", "--verify", "--quiet", `${sha}^`]).trim() || undefined;
        }
        catch {
            return undefined;
        }
    }
}

;// CONCATENATED MODULE: ./src/import/bytes.ts




/**
 * A malformed binary or JSON file, at a byte offset rather than a line. It is a SpecError so the CLI,
 * the action and the budget check report it with every other input error; a binary file has no lines,
 * so the position is its start and the message names the byte.
 */
class FileFormatError extends SpecError {
    offset;
    constructor(kind, file, offset, detail, hint) {
        super(kind, { file, line: 1, col: 1 }, `at byte ${offset}: ${detail}`, hint);
        this.name = "FileFormatError";
        this.offset = offset;
        this.message = `${file}: at byte ${offset}: ${detail}${hint ? `\n  ${hint}` : ""}`;
    }
}
const failIn = (file, kind) => (offset, detail, hint) => {
    throw new FileFormatError(kind, file, offset, detail, hint);
};
/** Decodes UTF-8 strictly: a name with invalid bytes means a damaged file, not a name to guess at. */
function utf8(bytes, offset, fail, what) {
    try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    }
    catch {
        return fail(offset, `${what} is not valid UTF-8`);
    }
}
/** Opens `file` for the duration of `work`, reading only what `work` asks for; a FIFO, device or directory is refused first. */
function withFileBytes(file, work, options = {}) {
    const { fd, size } = openRegularFile(file, options);
    try {
        const read = (offset, length) => {
            const buffer = Buffer.alloc(length);
            const got = readAt(fd, buffer, offset, length);
            // The file shrank after fstat: report it where the bytes ran out.
            if (got < length)
                throw new FileFormatError("truncated-file", file, offset + got, `the file ended early, ${size} bytes were expected`, "is it still being written?");
            return buffer;
        };
        return work({ name: file, size, read });
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
/** A file named by another file: relative, and inside the naming file's directory, as ONNX's checker also demands. */
function siblingPath(file, relative, fail, offset, what) {
    const normalized = external_node_path_namespaceObject.posix.normalize(relative);
    if (relative === "" || external_node_path_namespaceObject.posix.isAbsolute(relative) || normalized === ".." || normalized.startsWith("../")) {
        fail(offset, `${what} '${relative}' is not a relative path inside the model's directory`);
    }
    return external_node_path_namespaceObject.posix.join(external_node_path_namespaceObject.posix.dirname(file), normalized);
}
/** How to open the files `file` names: where `file` is opened, and only inside its folder, symbolic links followed. */
function siblingOptions(file, options = {}) {
    return { ...options, within: [...(options.within ?? []), modelFolderOf(file, options)] };
}
/**
 * Opens a file another file names (with siblingOptions), turning a missing or unreadable file into an
 * error at the byte that names it.
 */
function withNamedFile(path, fail, offset, what, work, options = {}) {
    try {
        return withFileBytes(path, work, options);
    }
    catch (error) {
        if (error.code === "ENOENT")
            fail(offset, `${what} ${path} does not exist`);
        if (error instanceof FileAccessError)
            fail(offset, `${what} ${path} ${error.detail}`, error.hint);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/import/protobuf.ts

/**
 * Bytes fetched per read. Small, because the read that finds a field's tag also fetches the start of
 * its payload, and a skipped tensor payload should cost at most this much.
 */
const WINDOW = 4096;
/** Names and keys are short; a longer string is a damaged length. */
const MAX_STRING_BYTES = 1024 * 1024;
const WIRE = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 };
const WIRE_NAMES = ["varint", "64-bit", "length-delimited", "group start", "group end", "32-bit"];
/**
 * The protocol-buffer wire format, read in place: a message's fields are decoded only where the
 * caller asks for them and skipped by moving the position, so a length-delimited payload such as a
 * tensor's raw_data is stepped over, never read. Memory stays one small window whatever the file.
 */
class ProtoReader {
    source;
    fail;
    position = 0;
    window = new Uint8Array(0);
    windowStart = 0;
    constructor(source, fail) {
        this.source = source;
        this.fail = fail;
    }
    byte(end, start) {
        if (this.position >= end)
            this.fail(start, `a varint runs past the end of its ${this.container(end)}`, "the file is truncated, or not in this format");
        let index = this.position - this.windowStart;
        if (index < 0 || index >= this.window.length) {
            this.windowStart = this.position;
            this.window = this.source.read(this.position, Math.min(WINDOW, this.source.size - this.position));
            index = 0;
        }
        this.position++;
        return this.window[index];
    }
    container(end) {
        return end === this.source.size ? "file" : `message, which ends at byte ${end}`;
    }
    varint(end) {
        const start = this.position;
        let value = 0;
        let scale = 1;
        for (let i = 0; i < 10; i++) {
            const byte = this.byte(end, start);
            value += (byte & 0x7f) * scale;
            if (byte < 0x80) {
                if (!Number.isSafeInteger(value))
                    this.fail(start, `a varint reads ${value}, beyond 2^53: a negative or absurd value`);
                return value;
            }
            scale *= 128;
        }
        return this.fail(start, "a varint longer than the 10 bytes protobuf allows");
    }
    /** The next field of the message ending at `end`, or undefined at its end. */
    field(end) {
        if (this.position >= end)
            return undefined;
        const at = this.position;
        const key = this.varint(end);
        const field = { number: Math.floor(key / 8), wire: key % 8, at };
        if (field.number === 0)
            this.fail(at, "a field numbered 0, which protobuf never writes", "the file is damaged, or not in this format");
        return field;
    }
    /** Fails unless `field` has the wire type the schema gives it. */
    expect(field, wire) {
        if (field.wire !== wire) {
            this.fail(field.at, `field ${field.number} is ${WIRE_NAMES[field.wire] ?? `wire type ${field.wire}`}, where the format has ${WIRE_NAMES[wire]}`, "the file is damaged, or not in this format");
        }
    }
    /** A length-delimited payload's extent, checked to lie inside its message; the position moves to its start. */
    span(end) {
        const at = this.position;
        const length = this.varint(end);
        const start = this.position;
        if (length > end - start)
            this.fail(at, `a field of ${length} bytes runs past the end of its ${this.container(end)}`, "the file is truncated, or not in this format");
        return { start, end: start + length };
    }
    string(end) {
        const at = this.position;
        const { start, end: stop } = this.span(end);
        if (stop - start > MAX_STRING_BYTES)
            this.fail(at, `a string of ${stop - start} bytes, more than a name can have`);
        this.position = stop;
        return utf8(this.source.read(start, stop - start), start, this.fail, "a string");
    }
    skip(field, end) {
        const advance = (bytes) => {
            if (bytes > end - this.position)
                this.fail(field.at, `field ${field.number} runs past the end of its ${this.container(end)}`, "the file is truncated");
            this.position += bytes;
        };
        if (field.wire === WIRE.varint)
            this.varint(end);
        else if (field.wire === WIRE.fixed64)
            advance(8);
        else if (field.wire === WIRE.fixed32)
            advance(4);
        else if (field.wire === WIRE.bytes)
            this.position = this.span(end).end;
        else
            this.fail(field.at, `field ${field.number} has wire type ${field.wire}, which this format never uses`, "the file is damaged, or not in this format");
    }
    /** Walks the fields of the message ending at `end`; those `read` does not consume (it returns false) are skipped. */
    message(end, read) {
        for (let field = this.field(end); field; field = this.field(end)) {
            if (!read(field))
                this.skip(field, end);
        }
    }
}

;// CONCATENATED MODULE: ./src/import/tensors.ts
/** PyTorch's limit on a tensor's dimensions: a longer shape is a damaged header, not a tensor. */
const MAX_RANK = 64;
/** Bits per element; sub-byte types are packed, so a tensor's bytes are numel × bits / 8. */
const BITS = {
    bool: 8,
    uint8: 8,
    int8: 8,
    float8_e4m3fn: 8,
    float8_e4m3fnuz: 8,
    float8_e5m2: 8,
    float8_e5m2fnuz: 8,
    float8_e8m0fnu: 8,
    int16: 16,
    uint16: 16,
    float16: 16,
    bfloat16: 16,
    int32: 32,
    uint32: 32,
    float32: 32,
    int64: 64,
    uint64: 64,
    float64: 64,
    complex64: 64,
    complex128: 128,
    int4: 4,
    uint4: 4,
    float4_e2m1fn: 4,
    float6_e2m3fn: 6,
    float6_e3m2fn: 6,
};
/** Types with no `torch.` dtype of that name: a spec can only mention them in a comment. */
const NOT_TORCH = new Set(["float4_e2m1fn", "float6_e2m3fn", "float6_e3m2fn", "string"]);
function isTorchDtype(dtype) {
    return !NOT_TORCH.has(dtype);
}
/** Only floating-point and complex tensors can require gradients, so only they can be parameters. */
function canBeParameter(dtype) {
    return /^(?:b?float|complex)/.test(dtype);
}
/** The bits of one element, or undefined for types without a fixed size (ONNX strings). */
function elementBits(dtype) {
    return BITS[dtype];
}
/** Multiplies sizes exactly, or returns undefined past 2^53. */
function elementCount(shape) {
    let count = 1;
    for (const size of shape) {
        count *= size;
        if (!Number.isSafeInteger(count))
            return undefined;
    }
    return count;
}

;// CONCATENATED MODULE: ./src/import/onnx.ts



/** TensorProto.DataType, as torch names the types. */
const DATA_TYPES = {
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
const TENSOR = { dims: 1, dataType: 2, name: 8, rawData: 9, externalData: 13, dataLocation: 14 };
const ENTRY = { key: 1, value: 2 };
const LOCATION_EXTERNAL = 1;
function readTensorFields(reader, end, at) {
    const fields = { at, dims: [], external: new Map(), location: 0 };
    reader.message(end, (field) => {
        switch (field.number) {
            case TENSOR.dims:
                // Repeated int64: packed by proto3 writers, one varint per field by older ones.
                if (field.wire === WIRE.bytes) {
                    const packed = reader.span(end);
                    while (reader.position < packed.end)
                        fields.dims.push(reader.varint(packed.end));
                }
                else {
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
                    if (inner.number !== ENTRY.key && inner.number !== ENTRY.value)
                        return false;
                    reader.expect(inner, WIRE.bytes);
                    if (inner.number === ENTRY.key)
                        key = reader.string(entry.end);
                    else
                        value = reader.string(entry.end);
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
function externalData(fields, name, fail) {
    const location = fields.external.get("location");
    if (!location)
        fail(fields.at, `initializer '${name}' keeps its data in an external file but names no location`);
    const number = (key) => {
        const text = fields.external.get(key);
        if (text === undefined)
            return undefined;
        if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
            fail(fields.at, `initializer '${name}' has external_data ${key} '${text}', not a byte count`);
        return Number(text);
    };
    return { location: location, offset: number("offset") ?? 0, length: number("length") };
}
/** An initializer's header fields, checked: a name, a known type, and data of the size its dims give. */
function tensorOf(fields, file, externalSize, fail) {
    const name = fields.name;
    if (!name)
        return fail(fields.at, "an initializer without a name", "every initializer of an ONNX graph is named");
    const dtype = fields.dataType === undefined ? undefined : DATA_TYPES[fields.dataType];
    if (dtype === undefined)
        fail(fields.at, `initializer '${name}' has data_type ${fields.dataType ?? "UNDEFINED"}, which is no ONNX tensor type model-budget knows`);
    if (fields.dims.length > MAX_RANK)
        fail(fields.at, `initializer '${name}' has ${fields.dims.length} dimensions, more than the ${MAX_RANK} a tensor can have`);
    const numel = elementCount(fields.dims);
    const bits = elementBits(dtype);
    if (numel === undefined || (bits !== undefined && !Number.isSafeInteger(numel * bits)))
        fail(fields.at, `initializer '${name}' of shape [${fields.dims.join(", ")}] has more elements than can be counted exactly`);
    const bytes = bits === undefined ? undefined : Math.ceil((numel * bits) / 8);
    const described = `initializer '${name}' is ${dtype} [${fields.dims.join(", ")}], ${bytes} bytes`;
    if (fields.location === LOCATION_EXTERNAL) {
        const { location, offset, length } = externalData(fields, name, fail);
        if (bytes !== undefined && length !== undefined && length !== bytes)
            fail(fields.at, `${described}, but its external_data length is ${length}`);
        const size = externalSize(location, fields.at);
        const stop = offset + (length ?? bytes ?? 0);
        if (stop > size)
            fail(fields.at, `${described}, stored in ${location} from byte ${offset} to ${stop}, but that file has ${size} bytes`, "the external data file is truncated, or from another export");
    }
    else if (fields.rawBytes !== undefined && bytes !== undefined && fields.rawBytes !== bytes) {
        fail(fields.at, `${described}, but its raw_data holds ${fields.rawBytes}`);
    }
    return { name, shape: fields.dims, dtype: dtype, file, at: fields.at };
}
/**
 * The initializers of an ONNX model (ModelProto.graph.initializer): names, dims and types from their
 * header fields. raw_data is stepped over, and external data files are only measured, never read.
 */
function readOnnx(source, externalSize) {
    const fail = failIn(source.name, "malformed-onnx");
    const reader = new ProtoReader(source, fail);
    const tensors = [];
    const names = new Set();
    let graphs = 0;
    reader.message(source.size, (field) => {
        if (field.number !== MODEL_GRAPH)
            return false;
        reader.expect(field, WIRE.bytes);
        graphs++;
        const graph = reader.span(source.size);
        reader.message(graph.end, (inner) => {
            if (inner.number === GRAPH_SPARSE_INITIALIZER)
                fail(inner.at, "the graph has a sparse initializer, which model-budget does not read", "export the model with dense weights");
            if (inner.number !== GRAPH_INITIALIZER)
                return false;
            reader.expect(inner, WIRE.bytes);
            const span = reader.span(graph.end);
            const tensor = tensorOf(readTensorFields(reader, span.end, inner.at), source.name, externalSize, fail);
            if (names.has(tensor.name))
                fail(inner.at, `a second initializer named '${tensor.name}'`, "initializer names are unique in a valid ONNX graph");
            names.add(tensor.name);
            tensors.push(tensor);
            return true;
        });
        return true;
    });
    if (graphs === 0)
        fail(0, "no graph: this is not an ONNX model", "model-budget reads the .onnx file torch.onnx.export or onnx.save writes");
    return tensors;
}
/** An .onnx file's initializers; external data files are found beside it, as onnx.load finds them. */
function readOnnxFile(file, options = {}) {
    const fail = failIn(file, "malformed-onnx");
    const dataOptions = siblingOptions(file, options);
    const sizes = new Map();
    const externalSize = (location, at) => {
        const path = siblingPath(file, location, fail, at, "external data location");
        let size = sizes.get(path);
        if (size === undefined)
            sizes.set(path, (size = withNamedFile(path, fail, at, "the external data file", (data) => data.size, dataOptions)));
        return size;
    };
    return withFileBytes(file, (source) => readOnnx(source, externalSize), options);
}

;// CONCATENATED MODULE: ./src/import/safetensors.ts


/** The dtype codes of the safetensors format, as torch names them. */
const DTYPES = {
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
const isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const isSize = (value) => Number.isSafeInteger(value) && value >= 0;
/** UTF-8 bytes of the UTF-16 code unit at `index`: a surrogate pair is 4 bytes, counted at its first unit. */
function utf8Bytes(text, index) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80)
        return 1;
    if (unit < 0x800)
        return 2;
    if (unit >= 0xd800 && unit < 0xdc00)
        return 4;
    return unit >= 0xdc00 && unit < 0xe000 ? 0 : 3;
}
/**
 * The byte offset of every object key's first mention in valid JSON text, found in one pass: a key is a
 * string followed by ':'. A 20,000-tensor header costs one scan, not one search per tensor.
 */
function keyOffsets(text, base) {
    const offsets = new Map();
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
            for (let unit = 0; unit < step; unit++)
                bytes += utf8Bytes(text, index++);
        }
        index++;
        bytes++;
        let next = index;
        while (text[next] === " " || text[next] === "\n" || text[next] === "\r" || text[next] === "\t")
            next++;
        if (text[next] !== ":")
            continue;
        const key = JSON.parse(text.slice(start, index));
        if (!offsets.has(key))
            offsets.set(key, startBytes);
    }
    return offsets;
}
/** A JSON value in a message: short values as they are, anything larger by its kind, never the whole of it. */
function preview(value) {
    if (Array.isArray(value)) {
        const flat = value.length <= 8 && value.every((item) => typeof item !== "object" || item === null);
        return flat ? JSON.stringify(value) : value.length > 8 ? `an array of ${value.length} items` : "a nested array";
    }
    if (typeof value === "object" && value !== null)
        return "an object";
    if (typeof value === "string" && value.length > 60)
        return `${JSON.stringify(value.slice(0, 60))}...`;
    return String(JSON.stringify(value));
}
/** Parses a JSON object; `at(key)` is the byte offset of the key's first mention, for messages. */
function jsonObject(text, base, fail) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        return fail(base, `the JSON does not parse: ${error.message}`);
    }
    if (!isRecord(data))
        return fail(base, "the JSON is not an object");
    const keys = keyOffsets(text, base);
    // A string that is no key (a shard's file name) is found by search: there are few of them.
    const at = (key) => {
        const offset = keys.get(key);
        if (offset !== undefined)
            return offset;
        const index = text.indexOf(JSON.stringify(key));
        return base + (index < 0 ? 0 : Buffer.byteLength(text.slice(0, index)));
    };
    return { data, at };
}
/** One tensor's header entry, checked: a known dtype, a shape, and data_offsets spanning exactly its bytes. */
function safetensors_tensorOf(name, info, file, at, fail) {
    if (!isRecord(info))
        return fail(at, `tensor '${name}' is described by ${preview(info)}, not by an object`);
    const dtype = typeof info.dtype === "string" && Object.hasOwn(DTYPES, info.dtype) ? DTYPES[info.dtype] : undefined;
    if (dtype === undefined) {
        fail(at, `tensor '${name}' has ${info.dtype === undefined ? "no dtype" : `dtype ${preview(info.dtype)}, which is no safetensors dtype`}`, `the dtypes are ${Object.keys(DTYPES).join(", ")}`);
    }
    const { shape, data_offsets: offsets } = info;
    if (!Array.isArray(shape) || !shape.every(isSize))
        fail(at, `tensor '${name}' needs a shape of non-negative integers, got ${preview(shape)}`);
    if (shape.length > MAX_RANK)
        fail(at, `tensor '${name}' has ${shape.length} dimensions, more than the ${MAX_RANK} a tensor can have`);
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isSize) || offsets[0] > offsets[1]) {
        fail(at, `tensor '${name}' needs data_offsets [begin, end] with begin <= end, got ${preview(offsets)}`);
    }
    const [begin, end] = offsets;
    const numel = elementCount(shape);
    const bits = elementBits(dtype);
    if (numel === undefined || !Number.isSafeInteger(numel * bits))
        fail(at, `tensor '${name}' of shape [${shape.join(", ")}] has more elements than can be counted exactly`);
    if ((numel * bits) % 8 !== 0)
        fail(at, `tensor '${name}' holds ${numel} ${dtype} elements of ${bits} bits: not a whole number of bytes`);
    const bytes = (numel * bits) / 8;
    if (end - begin !== bytes) {
        fail(at, `tensor '${name}' is ${String(info.dtype)} [${shape.join(", ")}], ${bytes} bytes, but its data_offsets [${begin}, ${end}] span ${end - begin}`, "the header does not describe this data");
    }
    return { tensor: { name, shape: shape, dtype: dtype, file, at }, span: { name, begin, end } };
}
/**
 * The data must be tiled by the tensors exactly, as the reference implementation demands: an overlap
 * would make two tensors share bytes, a gap or a size mismatch means the header does not match the file.
 */
function checkTiling(spans, dataStart, fileSize, fail) {
    spans.sort((a, b) => a.begin - b.begin || a.end - b.end);
    let covered = 0;
    let previous;
    for (const span of spans) {
        if (span.begin < covered) {
            fail(dataStart + span.begin, `tensor '${span.name}' starts at data offset ${span.begin}, inside '${previous.name}' [${previous.begin}, ${previous.end}]: their bytes overlap`);
        }
        if (span.begin > covered)
            fail(dataStart + covered, `data bytes ${covered} to ${span.begin} belong to no tensor`, "the header does not match the data");
        covered = span.end;
        previous = span;
    }
    const end = dataStart + covered;
    if (end > fileSize)
        fail(fileSize, `the file ends here, but the tensors' data runs to byte ${end}${previous ? ` (the end of '${previous.name}')` : ""}`, "the file is truncated");
    if (end < fileSize)
        fail(end, `${fileSize - end} bytes follow the last tensor's data`, "the header does not describe the whole file");
}
/** The tensors a .safetensors file holds, from its header alone: 8 bytes of length, then that much JSON. */
function readSafetensors(source) {
    const fail = failIn(source.name, "malformed-safetensors");
    if (source.size < 8)
        fail(0, `the file has ${source.size} bytes, fewer than the 8 that give a safetensors header's length`);
    const prefix = source.read(0, 8);
    const length = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true);
    if (length > BigInt(MAX_HEADER_BYTES))
        fail(0, `the header length reads ${length} bytes, more than the ${MAX_HEADER_BYTES} a safetensors header may have`, "this is not a safetensors file, or its first 8 bytes are damaged");
    const headerLength = Number(length);
    if (8 + headerLength > source.size) {
        fail(0, `the header length reads ${headerLength} bytes, but only ${source.size - 8} bytes follow it`, "the file is truncated, or not a safetensors file");
    }
    const text = utf8(source.read(8, headerLength), 8, fail, "the header");
    const { data, at } = jsonObject(text, 8, fail);
    const tensors = [];
    const spans = [];
    for (const [name, info] of Object.entries(data)) {
        if (name === "__metadata__") {
            if (!isRecord(info) || !Object.values(info).every((value) => typeof value === "string"))
                fail(at(name), "__metadata__ must map strings to strings");
            continue;
        }
        const { tensor, span } = safetensors_tensorOf(name, info, source.name, at(name), fail);
        tensors.push(tensor);
        spans.push(span);
    }
    checkTiling(spans, 8 + headerLength, source.size, fail);
    return tensors;
}
/**
 * A sharded checkpoint through its model.safetensors.index.json: each shard's header, checked against
 * the index's weight_map in both directions, so a stale index or a missing shard is reported.
 */
function readSafetensorsIndex(indexFile, options = {}) {
    const fail = failIn(indexFile, "malformed-safetensors");
    const text = withFileBytes(indexFile, (source) => {
        if (source.size > MAX_INDEX_BYTES)
            fail(0, `the index has ${source.size} bytes, more than the ${MAX_INDEX_BYTES} an index of names may have`);
        return utf8(source.read(0, source.size), 0, fail, "the index");
    }, options);
    const shardOptions = siblingOptions(indexFile, options);
    const { data, at } = jsonObject(text, 0, fail);
    const weightMap = data.weight_map;
    if (!isRecord(weightMap) || !Object.values(weightMap).every((value) => typeof value === "string")) {
        fail(at("weight_map"), "the index needs a weight_map from tensor names to shard files", "this is what save_pretrained writes as model.safetensors.index.json");
    }
    const map = weightMap;
    const found = new Map();
    for (const shard of new Set(Object.values(map))) {
        const path = siblingPath(indexFile, shard, fail, at(shard), "shard");
        const tensors = withNamedFile(path, fail, at(shard), "the shard", readSafetensors, shardOptions);
        for (const tensor of tensors) {
            if (map[tensor.name] !== shard) {
                failIn(path, "malformed-safetensors")(8, `the shard holds '${tensor.name}', which ${indexFile} maps to ${map[tensor.name] === undefined ? "no shard" : map[tensor.name]}`, "the index is stale: save the checkpoint again");
            }
            found.set(tensor.name, tensor);
        }
    }
    return Object.entries(map).map(([name, shard]) => found.get(name) ?? fail(at(name), `the index maps '${name}' to ${shard}, which does not hold it`, "the index is stale, or the shard is from another save"));
}

;// CONCATENATED MODULE: ./src/import/checkpoint.ts




/** Reads a safetensors file, or the shards of a sharded one through its index.json. */
function readSafetensorsCheckpoint(file, options = {}) {
    return file.endsWith(".json") ? readSafetensorsIndex(file, options) : withFileBytes(file, readSafetensors, options);
}
/**
 * A checkpoint's tensors by its file name: .safetensors, a sharded checkpoint's .index.json, or .onnx; headers only.
 * `options` confine it (the action: to the repository); the files it names stay in its folder in any case.
 */
function readCheckpoint(file, options = {}) {
    if (file.endsWith(".safetensors") || file.endsWith(".index.json"))
        return { file, format: "safetensors", tensors: readSafetensorsCheckpoint(file, options) };
    if (file.endsWith(".onnx"))
        return { file, format: "onnx", tensors: readOnnxFile(file, options) };
    throw new SpecError("unknown-checkpoint-format", { file, line: 1, col: 1 }, "cannot tell the checkpoint's format from its name", "name a .safetensors file, a sharded checkpoint's model.safetensors.index.json, or an .onnx model");
}

;// CONCATENATED MODULE: ./src/parse/values.ts
function describeValue(value) {
    switch (value.kind) {
        case "int":
            return `the integer ${value.value}`;
        case "float":
            return `the number ${Number.isInteger(value.value) ? value.value.toFixed(1) : value.value}`;
        case "bool":
            return value.value ? "True" : "False";
        case "string":
            return `the string '${value.value}'`;
        case "symbol":
            return `the name '${value.name}'`;
        case "none":
            return "None";
        case "tuple":
            return `a tuple of ${value.items.length}`;
        case "layer":
            return `a ${value.call.type}(...) layer`;
    }
}

;// CONCATENATED MODULE: ./src/validate/generated/budget.js
// Generated by scripts/compile-schemas.mjs from schema/budget.schema.json: do not edit.

const validate = (/* unused pure expression or super */ null && (validate10));
/* harmony default export */ const budget = (validate10);
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/model-budget/model-budget/schema/budget.schema.json","title":"model-budget budget file","description":"Limits for each model, checked on every pull request. Sizes are human: 25.6M, 7B, 24GiB, 80GB.","type":"object","properties":{"format":{"enum":[1],"description":"The budget format this file is written in; 1 when left out. model-budget reads format 1."},"defaults":{"$ref":"#/definitions/limits","description":"Limits that apply to every model unless its own entry sets them."},"models":{"type":"object","description":"One entry per model, keyed by its `model:` name or by its spec file's path.","additionalProperties":{"$ref":"#/definitions/limits"}}},"required":["models"],"additionalProperties":false,"definitions":{"count":{"description":"A parameter count: 124439808, 125M, 1.5B, 25.6M (K, M, B, T are powers of 1000).","type":["integer","string"],"minimum":0,"pattern":"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$"},"bytes":{"description":"A memory size: 24GiB, 80GB, 512MiB, 1.5TB (kB, MB, GB, TB are powers of 1000; KiB, MiB, GiB, TiB of 1024).","type":["integer","string"],"minimum":0,"pattern":"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*([kKMGT]i?B|B)?\\s*$"},"growth":{"description":"How much a quantity may grow over the base branch: 0, 2% (of the base), or an amount (1.5M parameters, 1GiB of memory).","type":["integer","string"],"minimum":0,"pattern":"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"},"limits":{"type":"object","properties":{"params":{"$ref":"#/definitions/count","description":"Most parameters the model may have (PyTorch's parameters(), tied ones once)."},"trainable":{"$ref":"#/definitions/count","description":"Most trainable parameters."},"memory":{"$ref":"#/definitions/bytes","description":"Most training memory in total for the spec's recipe."},"memory-per-gpu":{"$ref":"#/definitions/bytes","description":"Most training memory on one GPU when sharded."},"macs":{"$ref":"#/definitions/count","description":"Most multiply-accumulates per forward pass at the spec's input and batch (needs input:)."},"flops":{"$ref":"#/definitions/count","description":"Most FLOPs per forward pass: 2 × MACs (needs input:)."},"activations":{"$ref":"#/definitions/bytes","description":"Most activation memory of a training step: what autograd keeps for backward (needs input:)."},"growth":{"description":"Allowed growth over the base branch, for every quantity, or per quantity.","oneOf":[{"$ref":"#/definitions/growth"},{"type":"object","properties":{"params":{"$ref":"#/definitions/growth"},"trainable":{"$ref":"#/definitions/growth"},"memory":{"$ref":"#/definitions/growth"},"memory-per-gpu":{"$ref":"#/definitions/growth"},"macs":{"$ref":"#/definitions/growth"},"flops":{"$ref":"#/definitions/growth"},"activations":{"$ref":"#/definitions/growth"}},"additionalProperties":false}]},"modules":{"type":"object","description":"Limits per module path glob, e.g. `encoder.*` (* matches any characters, dots included).","additionalProperties":{"type":"object","properties":{"params":{"$ref":"#/definitions/count"},"trainable":{"$ref":"#/definitions/count"}},"additionalProperties":false}},"against":{"type":"string","minLength":1,"description":"A checkpoint (.safetensors, model.safetensors.index.json, .onnx) whose tensors the spec must match."}},"additionalProperties":false}}};
const schema12 = {"type":"object","properties":{"params":{"$ref":"#/definitions/count","description":"Most parameters the model may have (PyTorch's parameters(), tied ones once)."},"trainable":{"$ref":"#/definitions/count","description":"Most trainable parameters."},"memory":{"$ref":"#/definitions/bytes","description":"Most training memory in total for the spec's recipe."},"memory-per-gpu":{"$ref":"#/definitions/bytes","description":"Most training memory on one GPU when sharded."},"macs":{"$ref":"#/definitions/count","description":"Most multiply-accumulates per forward pass at the spec's input and batch (needs input:)."},"flops":{"$ref":"#/definitions/count","description":"Most FLOPs per forward pass: 2 × MACs (needs input:)."},"activations":{"$ref":"#/definitions/bytes","description":"Most activation memory of a training step: what autograd keeps for backward (needs input:)."},"growth":{"description":"Allowed growth over the base branch, for every quantity, or per quantity.","oneOf":[{"$ref":"#/definitions/growth"},{"type":"object","properties":{"params":{"$ref":"#/definitions/growth"},"trainable":{"$ref":"#/definitions/growth"},"memory":{"$ref":"#/definitions/growth"},"memory-per-gpu":{"$ref":"#/definitions/growth"},"macs":{"$ref":"#/definitions/growth"},"flops":{"$ref":"#/definitions/growth"},"activations":{"$ref":"#/definitions/growth"}},"additionalProperties":false}]},"modules":{"type":"object","description":"Limits per module path glob, e.g. `encoder.*` (* matches any characters, dots included).","additionalProperties":{"type":"object","properties":{"params":{"$ref":"#/definitions/count"},"trainable":{"$ref":"#/definitions/count"}},"additionalProperties":false}},"against":{"type":"string","minLength":1,"description":"A checkpoint (.safetensors, model.safetensors.index.json, .onnx) whose tensors the spec must match."}},"additionalProperties":false};
const schema13 = {"description":"A parameter count: 124439808, 125M, 1.5B, 25.6M (K, M, B, T are powers of 1000).","type":["integer","string"],"minimum":0,"pattern":"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$"};
const schema15 = {"description":"A memory size: 24GiB, 80GB, 512MiB, 1.5TB (kB, MB, GB, TB are powers of 1000; KiB, MiB, GiB, TiB of 1024).","type":["integer","string"],"minimum":0,"pattern":"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*([kKMGT]i?B|B)?\\s*$"};
const schema20 = {"description":"How much a quantity may grow over the base branch: 0, 2% (of the base), or an amount (1.5M parameters, 1GiB of memory).","type":["integer","string"],"minimum":0,"pattern":"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"};
const func2 = Object.prototype.hasOwnProperty;
const pattern0 = new RegExp("^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$", "");
const pattern2 = new RegExp("^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*([kKMGT]i?B|B)?\\s*$", "");
const pattern7 = new RegExp("^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$", "");

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func2.call(schema12.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.params !== undefined){
let data0 = data.params;
if((!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))) && (typeof data0 !== "string")){
const err1 = {instancePath:instancePath+"/params",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: schema13.type},message:"must be integer,string",schema:schema13.type,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
const err2 = {instancePath:instancePath+"/params",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err3 = {instancePath:instancePath+"/params",schemaPath:"#/definitions/count/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$",parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
if(data.trainable !== undefined){
let data1 = data.trainable;
if((!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))) && (typeof data1 !== "string")){
const err4 = {instancePath:instancePath+"/trainable",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: schema13.type},message:"must be integer,string",schema:schema13.type,parentSchema:schema13,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
const err5 = {instancePath:instancePath+"/trainable",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema13,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err6 = {instancePath:instancePath+"/trainable",schemaPath:"#/definitions/count/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$",parentSchema:schema13,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
if(data.memory !== undefined){
let data2 = data.memory;
if((!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))) && (typeof data2 !== "string")){
const err7 = {instancePath:instancePath+"/memory",schemaPath:"#/definitions/bytes/type",keyword:"type",params:{type: schema15.type},message:"must be integer,string",schema:schema15.type,parentSchema:schema15,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
const err8 = {instancePath:instancePath+"/memory",schemaPath:"#/definitions/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema15,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(typeof data2 === "string"){
if(!pattern2.test(data2)){
const err9 = {instancePath:instancePath+"/memory",schemaPath:"#/definitions/bytes/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*([kKMGT]i?B|B)?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*([kKMGT]i?B|B)?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*([kKMGT]i?B|B)?\\s*$",parentSchema:schema15,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data["memory-per-gpu"] !== undefined){
let data3 = data["memory-per-gpu"];
if((!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))) && (typeof data3 !== "string")){
const err10 = {instancePath:instancePath+"/memory-per-gpu",schemaPath:"#/definitions/bytes/type",keyword:"type",params:{type: schema15.type},message:"must be integer,string",schema:schema15.type,parentSchema:schema15,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err11 = {instancePath:instancePath+"/memory-per-gpu",schemaPath:"#/definitions/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema15,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(typeof data3 === "string"){
if(!pattern2.test(data3)){
const err12 = {instancePath:instancePath+"/memory-per-gpu",schemaPath:"#/definitions/bytes/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*([kKMGT]i?B|B)?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*([kKMGT]i?B|B)?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*([kKMGT]i?B|B)?\\s*$",parentSchema:schema15,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.macs !== undefined){
let data4 = data.macs;
if((!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))) && (typeof data4 !== "string")){
const err13 = {instancePath:instancePath+"/macs",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: schema13.type},message:"must be integer,string",schema:schema13.type,parentSchema:schema13,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
const err14 = {instancePath:instancePath+"/macs",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema13,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(typeof data4 === "string"){
if(!pattern0.test(data4)){
const err15 = {instancePath:instancePath+"/macs",schemaPath:"#/definitions/count/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$",parentSchema:schema13,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
if(data.flops !== undefined){
let data5 = data.flops;
if((!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))) && (typeof data5 !== "string")){
const err16 = {instancePath:instancePath+"/flops",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: schema13.type},message:"must be integer,string",schema:schema13.type,parentSchema:schema13,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err17 = {instancePath:instancePath+"/flops",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema13,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(typeof data5 === "string"){
if(!pattern0.test(data5)){
const err18 = {instancePath:instancePath+"/flops",schemaPath:"#/definitions/count/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$",parentSchema:schema13,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
if(data.activations !== undefined){
let data6 = data.activations;
if((!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))) && (typeof data6 !== "string")){
const err19 = {instancePath:instancePath+"/activations",schemaPath:"#/definitions/bytes/type",keyword:"type",params:{type: schema15.type},message:"must be integer,string",schema:schema15.type,parentSchema:schema15,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
const err20 = {instancePath:instancePath+"/activations",schemaPath:"#/definitions/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema15,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(typeof data6 === "string"){
if(!pattern2.test(data6)){
const err21 = {instancePath:instancePath+"/activations",schemaPath:"#/definitions/bytes/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*([kKMGT]i?B|B)?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*([kKMGT]i?B|B)?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*([kKMGT]i?B|B)?\\s*$",parentSchema:schema15,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
if(data.growth !== undefined){
let data7 = data.growth;
const _errs24 = errors;
let valid8 = false;
let passing0 = null;
const _errs25 = errors;
if((!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))) && (typeof data7 !== "string")){
const err22 = {instancePath:instancePath+"/growth",schemaPath:"#/definitions/growth/type",keyword:"type",params:{type: schema20.type},message:"must be integer,string",schema:schema20.type,parentSchema:schema20,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
const err23 = {instancePath:instancePath+"/growth",schemaPath:"#/definitions/growth/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema20,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(typeof data7 === "string"){
if(!pattern7.test(data7)){
const err24 = {instancePath:instancePath+"/growth",schemaPath:"#/definitions/growth/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$",parentSchema:schema20,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
var _valid0 = _errs25 === errors;
if(_valid0){
valid8 = true;
passing0 = 0;
}
const _errs28 = errors;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key1 in data7){
if(!(((((((key1 === "params") || (key1 === "trainable")) || (key1 === "memory")) || (key1 === "memory-per-gpu")) || (key1 === "macs")) || (key1 === "flops")) || (key1 === "activations"))){
const err25 = {instancePath:instancePath+"/growth",schemaPath:"#/properties/growth/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.growth.oneOf[1],data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data7.params !== undefined){
let data8 = data7.params;
if((!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))) && (typeof data8 !== "string")){
const err26 = {instancePath:instancePath+"/growth/params",schemaPath:"#/definitions/growth/type",keyword:"type",params:{type: schema20.type},message:"must be integer,string",schema:schema20.type,parentSchema:schema20,data:data8};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
const err27 = {instancePath:instancePath+"/growth/params",schemaPath:"#/definitions/growth/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema20,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(typeof data8 === "string"){
if(!pattern7.test(data8)){
const err28 = {instancePath:instancePath+"/growth/params",schemaPath:"#/definitions/growth/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$",parentSchema:schema20,data:data8};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
if(data7.trainable !== undefined){
let data9 = data7.trainable;
if((!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))) && (typeof data9 !== "string")){
const err29 = {instancePath:instancePath+"/growth/trainable",schemaPath:"#/definitions/growth/type",keyword:"type",params:{type: schema20.type},message:"must be integer,string",schema:schema20.type,parentSchema:schema20,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 0 || isNaN(data9)){
const err30 = {instancePath:instancePath+"/growth/trainable",schemaPath:"#/definitions/growth/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema20,data:data9};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(typeof data9 === "string"){
if(!pattern7.test(data9)){
const err31 = {instancePath:instancePath+"/growth/trainable",schemaPath:"#/definitions/growth/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$",parentSchema:schema20,data:data9};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
if(data7.memory !== undefined){
let data10 = data7.memory;
if((!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))) && (typeof data10 !== "string")){
const err32 = {instancePath:instancePath+"/growth/memory",schemaPath:"#/definitions/growth/type",keyword:"type",params:{type: schema20.type},message:"must be integer,string",schema:schema20.type,parentSchema:schema20,data:data10};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 0 || isNaN(data10)){
const err33 = {instancePath:instancePath+"/growth/memory",schemaPath:"#/definitions/growth/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema20,data:data10};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(typeof data10 === "string"){
if(!pattern7.test(data10)){
const err34 = {instancePath:instancePath+"/growth/memory",schemaPath:"#/definitions/growth/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$",parentSchema:schema20,data:data10};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
if(data7["memory-per-gpu"] !== undefined){
let data11 = data7["memory-per-gpu"];
if((!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))) && (typeof data11 !== "string")){
const err35 = {instancePath:instancePath+"/growth/memory-per-gpu",schemaPath:"#/definitions/growth/type",keyword:"type",params:{type: schema20.type},message:"must be integer,string",schema:schema20.type,parentSchema:schema20,data:data11};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 < 0 || isNaN(data11)){
const err36 = {instancePath:instancePath+"/growth/memory-per-gpu",schemaPath:"#/definitions/growth/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema20,data:data11};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(typeof data11 === "string"){
if(!pattern7.test(data11)){
const err37 = {instancePath:instancePath+"/growth/memory-per-gpu",schemaPath:"#/definitions/growth/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$",parentSchema:schema20,data:data11};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
if(data7.macs !== undefined){
let data12 = data7.macs;
if((!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))) && (typeof data12 !== "string")){
const err38 = {instancePath:instancePath+"/growth/macs",schemaPath:"#/definitions/growth/type",keyword:"type",params:{type: schema20.type},message:"must be integer,string",schema:schema20.type,parentSchema:schema20,data:data12};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 < 0 || isNaN(data12)){
const err39 = {instancePath:instancePath+"/growth/macs",schemaPath:"#/definitions/growth/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema20,data:data12};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(typeof data12 === "string"){
if(!pattern7.test(data12)){
const err40 = {instancePath:instancePath+"/growth/macs",schemaPath:"#/definitions/growth/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$",parentSchema:schema20,data:data12};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
if(data7.flops !== undefined){
let data13 = data7.flops;
if((!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))) && (typeof data13 !== "string")){
const err41 = {instancePath:instancePath+"/growth/flops",schemaPath:"#/definitions/growth/type",keyword:"type",params:{type: schema20.type},message:"must be integer,string",schema:schema20.type,parentSchema:schema20,data:data13};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 0 || isNaN(data13)){
const err42 = {instancePath:instancePath+"/growth/flops",schemaPath:"#/definitions/growth/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema20,data:data13};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(typeof data13 === "string"){
if(!pattern7.test(data13)){
const err43 = {instancePath:instancePath+"/growth/flops",schemaPath:"#/definitions/growth/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$",parentSchema:schema20,data:data13};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
if(data7.activations !== undefined){
let data14 = data7.activations;
if((!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14)))) && (typeof data14 !== "string")){
const err44 = {instancePath:instancePath+"/growth/activations",schemaPath:"#/definitions/growth/type",keyword:"type",params:{type: schema20.type},message:"must be integer,string",schema:schema20.type,parentSchema:schema20,data:data14};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 < 0 || isNaN(data14)){
const err45 = {instancePath:instancePath+"/growth/activations",schemaPath:"#/definitions/growth/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema20,data:data14};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(typeof data14 === "string"){
if(!pattern7.test(data14)){
const err46 = {instancePath:instancePath+"/growth/activations",schemaPath:"#/definitions/growth/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*(%|[KMBTkmbt]|[kKMGT]i?B|B)?\\s*$",parentSchema:schema20,data:data14};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
}
else {
const err47 = {instancePath:instancePath+"/growth",schemaPath:"#/properties/growth/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.growth.oneOf[1].type,parentSchema:schema12.properties.growth.oneOf[1],data:data7};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
var _valid0 = _errs28 === errors;
if(_valid0 && valid8){
valid8 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid8 = true;
passing0 = 1;
}
}
if(!valid8){
const err48 = {instancePath:instancePath+"/growth",schemaPath:"#/properties/growth/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema12.properties.growth.oneOf,parentSchema:schema12.properties.growth,data:data7};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
else {
errors = _errs24;
if(vErrors !== null){
if(_errs24){
vErrors.length = _errs24;
}
else {
vErrors = null;
}
}
}
}
if(data.modules !== undefined){
let data15 = data.modules;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
for(const key2 in data15){
let data16 = data15[key2];
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
for(const key3 in data16){
if(!((key3 === "params") || (key3 === "trainable"))){
const err49 = {instancePath:instancePath+"/modules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/modules/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.modules.additionalProperties,data:data16};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data16.params !== undefined){
let data17 = data16.params;
if((!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))) && (typeof data17 !== "string")){
const err50 = {instancePath:instancePath+"/modules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/params",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: schema13.type},message:"must be integer,string",schema:schema13.type,parentSchema:schema13,data:data17};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 < 0 || isNaN(data17)){
const err51 = {instancePath:instancePath+"/modules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/params",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema13,data:data17};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(typeof data17 === "string"){
if(!pattern0.test(data17)){
const err52 = {instancePath:instancePath+"/modules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/params",schemaPath:"#/definitions/count/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$",parentSchema:schema13,data:data17};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
if(data16.trainable !== undefined){
let data18 = data16.trainable;
if((!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))) && (typeof data18 !== "string")){
const err53 = {instancePath:instancePath+"/modules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/trainable",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: schema13.type},message:"must be integer,string",schema:schema13.type,parentSchema:schema13,data:data18};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 < 0 || isNaN(data18)){
const err54 = {instancePath:instancePath+"/modules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/trainable",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema13,data:data18};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(typeof data18 === "string"){
if(!pattern0.test(data18)){
const err55 = {instancePath:instancePath+"/modules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/trainable",schemaPath:"#/definitions/count/pattern",keyword:"pattern",params:{pattern: "^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$"},message:"must match pattern \""+"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$"+"\"",schema:"^\\s*[0-9][0-9_]*(\\.[0-9]+)?\\s*[KMBTkmbt]?\\s*$",parentSchema:schema13,data:data18};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
}
else {
const err56 = {instancePath:instancePath+"/modules/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/modules/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.modules.additionalProperties.type,parentSchema:schema12.properties.modules.additionalProperties,data:data16};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
else {
const err57 = {instancePath:instancePath+"/modules",schemaPath:"#/properties/modules/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.modules.type,parentSchema:schema12.properties.modules,data:data15};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data.against !== undefined){
let data19 = data.against;
if(typeof data19 === "string"){
if(data19.length < 1){
const err58 = {instancePath:instancePath+"/against",schemaPath:"#/properties/against/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.against,data:data19};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
else {
const err59 = {instancePath:instancePath+"/against",schemaPath:"#/properties/against/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.against.type,parentSchema:schema12.properties.against,data:data19};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
else {
const err60 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://github.com/model-budget/model-budget/schema/budget.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.models === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "models"},message:"must have required property '"+"models"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "format") || (key0 === "defaults")) || (key0 === "models"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.format !== undefined){
let data0 = data.format;
if(!(data0 === 1)){
const err2 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/enum",keyword:"enum",params:{allowedValues: schema11.properties.format.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.format.enum,parentSchema:schema11.properties.format,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.defaults !== undefined){
if(!(validate11(data.defaults, {instancePath:instancePath+"/defaults",parentData:data,parentDataProperty:"defaults",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data.models !== undefined){
let data2 = data.models;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
if(!(validate11(data2[key1], {instancePath:instancePath+"/models/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data2,parentDataProperty:key1,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err3 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.models.type,parentSchema:schema11.properties.models,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

;// CONCATENATED MODULE: ./src/validate/generated/model-spec.js
// Generated by scripts/compile-schemas.mjs from schema/model-spec.schema.json: do not edit.

const model_spec_validate = (/* unused pure expression or super */ null && (model_spec_validate10));
/* harmony default export */ const model_spec = (model_spec_validate10);
const model_spec_schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/model-budget/model-budget/schema/model-spec.schema.json","title":"model-budget architecture spec","description":"A neural network described layer by layer, counted exactly as PyTorch counts it.","type":"object","properties":{"format":{"enum":[1],"description":"The spec format this file is written in; 1 when left out. model-budget reads format 1."},"model":{"type":"string","minLength":1,"description":"The name shown in reports."},"include":{"description":"Spec files (relative to this one) whose vars and blocks this spec uses.","oneOf":[{"type":"string","minLength":1},{"type":"array","items":{"type":"string","minLength":1}}]},"vars":{"type":"object","description":"Integers usable in any argument; a value may be an expression over earlier vars. None, null or ~ is Python's None.","propertyNames":{"$ref":"#/definitions/identifier"},"additionalProperties":{"type":["integer","number","string","boolean","null"]}},"blocks":{"type":"object","description":"Named groups of layers, used with `use:` and arguments in `with:`.","propertyNames":{"$ref":"#/definitions/identifier"},"additionalProperties":{"$ref":"#/definitions/block"}},"layers":{"$ref":"#/definitions/layerList"},"input":{"description":"The input of one sample, without the batch dimension: a shape such as [3, 224, 224], or {tokens: 2048} for token ids. With it, reports give every layer's output shape, MACs and activation memory.","oneOf":[{"type":"array","minItems":1,"items":{"$ref":"#/definitions/expression"}},{"type":"object","properties":{"tokens":{"$ref":"#/definitions/expression"}},"required":["tokens"],"additionalProperties":false}]},"forward":{"$ref":"#/definitions/topology/properties/forward"},"residual":{"$ref":"#/definitions/topology/properties/residual"},"branches":{"$ref":"#/definitions/topology/properties/branches"},"tie":{"type":"object","description":"Shared parameters: `parameter.path: owner.path`. A shared tensor counts once, as in PyTorch's parameters().","additionalProperties":{"type":"string","minLength":1}},"training":{"type":"object","description":"The recipe the model is trained with, for the memory figures. Each key can be overridden on the command line (--optimizer, --precision, --gpus, --zero, --dtype, --batch, --checkpointing).","properties":{"optimizer":{"type":"string","minLength":1,"description":"A PyTorch or bitsandbytes optimizer class with its constructor arguments, without params: AdamW, \"SGD(momentum=0.9)\", \"Adam(amsgrad=True)\", AdamW8bit. Without one, memory is for inference: weights and buffers only."},"precision":{"enum":["fp32","amp","mixed-fp16","mixed-bf16","bf16","fp16"],"description":"fp32 and amp keep everything in float32; mixed-fp16 and mixed-bf16 train 16-bit weights with float32 master weights and optimizer state; bf16 and fp16 keep everything 16-bit."},"gpus":{"$ref":"#/definitions/expression","description":"GPUs the training is spread over (data parallel, or sharded with zero:)."},"zero":{"enum":[0,1,2,3],"description":"ZeRO stage: 1 shards optimizer state and master weights over the GPUs, 2 also gradients, 3 also weights (FSDP full shard)."},"dtype":{"$ref":"#/definitions/dtype"},"batch":{"$ref":"#/definitions/expression","description":"Samples per training step on one GPU, for activation memory (default 1)."},"checkpointing":{"enum":["none","full","selective"],"description":"Activation checkpointing: full keeps only the inputs of repeated blocks and recomputes the rest; selective recomputes only attention's score, softmax and dropout tensors (Korthikanti et al. 2022)."}},"additionalProperties":false}},"additionalProperties":false,"definitions":{"identifier":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$"},"scalar":{"type":["integer","number","string","boolean"]},"expression":{"description":"An integer, or an expression over vars such as `4 * d`.","type":["integer","string"]},"dtype":{"type":"string","minLength":1,"description":"A storage dtype: float64, float32, bfloat16, float16, float8_e4m3fn, float8_e5m2, int8, uint8, or 4-bit int4, nf4, fp4 with one scale per block (nf4(block_size=64, scale=float32) is the default); torch.bfloat16 works too. On a layer or module it converts every tensor inside, as module.to(dtype) would; integer and 4-bit dtypes quantize only the weight matrices."},"block":{"type":"object","properties":{"params":{"type":"object","description":"The block's arguments with their defaults; ~ (null) marks a required one.","propertyNames":{"$ref":"#/definitions/identifier"},"additionalProperties":{"type":["integer","number","string","boolean","null"]}},"layers":{"$ref":"#/definitions/layerList"},"forward":{"$ref":"#/definitions/topology/properties/forward"},"residual":{"$ref":"#/definitions/topology/properties/residual"},"branches":{"$ref":"#/definitions/topology/properties/branches"}},"required":["layers"],"additionalProperties":false},"layerList":{"type":"array","description":"Layers in order. Each item is a one-key mapping `name: layer`; an item without a name is numbered like nn.Sequential's children.","items":{"$ref":"#/definitions/layerItem"}},"layerItem":{"description":"Layers in order. Each item is a one-key mapping `name: layer`; an item without a name is numbered like nn.Sequential's children.","if":{"type":"string"},"then":{"minLength":1},"else":{"if":{"type":"object","$comment":"A one-key mapping whose value is a mapping is a named child even when the name is a keyword: Hugging Face's encoder.layer and model.layers.","not":{"maxProperties":1,"additionalProperties":{"type":"object"}},"anyOf":[{"required":["type"]},{"required":["layer"]},{"required":["layers"]},{"required":["use"]},{"required":["include"]}]},"then":{"$ref":"#/definitions/layerBody"},"else":{"type":"object","minProperties":1,"maxProperties":1,"propertyNames":{"pattern":"^[A-Za-z0-9_][A-Za-z0-9_-]*$"},"additionalProperties":{"$ref":"#/definitions/namedLayer"}}}},"layerBody":{"type":"object","description":"A layer in mapping form (type: with PyTorch's argument names, or layer: with a call string), a module (layers:), a block use (use:) or an included spec (include:).","properties":{"type":{"type":"string","minLength":1,"description":"A torch.nn class; the other keys are its constructor arguments."},"layer":{"type":"string","minLength":1,"description":"A constructor call such as Linear(d, 4 * d)."},"layers":{"$ref":"#/definitions/layerList"},"use":{"$ref":"#/definitions/identifier"},"include":{"type":"string","minLength":1},"with":{"type":"object","propertyNames":{"$ref":"#/definitions/identifier"},"additionalProperties":{"$ref":"#/definitions/scalar"}},"repeat":{"$ref":"#/definitions/expression"},"if":{"type":["boolean","string"],"description":"A condition over vars; the layer exists only when it holds."},"frozen":{"type":["boolean","array"],"items":{"type":"string","minLength":1},"description":"true: its parameters are non-trainable (requires_grad=False). A list: only the tensors it names are, by name in a layer (bias) or by path in a module (attn.bias, *.bias)."},"dtype":{"$ref":"#/definitions/dtype"},"forward":{"$ref":"#/definitions/topology/properties/forward"},"residual":{"$ref":"#/definitions/topology/properties/residual"},"branches":{"$ref":"#/definitions/topology/properties/branches"}},"if":{"required":["type"]},"else":{"propertyNames":{"enum":["layer","layers","use","include","with","repeat","if","frozen","dtype","forward","residual","branches"]}},"then":{"properties":{"layer":false,"layers":false,"use":false,"include":false,"with":false,"forward":false,"residual":false,"branches":false},"additionalProperties":{"anyOf":[{"$ref":"#/definitions/scalar"},{"type":"null"},{"type":"array","items":{"$ref":"#/definitions/scalar"}}]}}},"namedLayer":{"if":{"type":"string"},"then":{"minLength":1},"else":{"$ref":"#/definitions/layerBody"}},"forwardStep":{"type":"string","minLength":1,"description":"A child by name (conv1, downsample, 0), or a functional op that is not a module: flatten(1), transpose(1, 2), add(pos_embedding), cat_token(class_token), select(1, 0), mean(1), adaptive_avg_pool2d(1), attention(q_proj, k_proj, v_proj, heads=12), gated(gate_proj, up_proj, act_fn)."},"merge":{"enum":["add","concat","multiply"]},"topology":{"type":"object","properties":{"forward":{"type":"array","items":{"$ref":"#/definitions/forwardStep"},"description":"The call order of the module's main path, by child name; a child may be called more than once. Default: registration order."},"residual":{"description":"Merges the main path with the input: add (x + f(x)), concat (DenseNet's cat([x, f(x)], 1)) or multiply (squeeze-excitation's x * f(x)); the mapping form names a shortcut child (ResNet's downsample) and the children called after the merge.","oneOf":[{"$ref":"#/definitions/merge"},{"type":"object","properties":{"merge":{"$ref":"#/definitions/merge"},"shortcut":{"$ref":"#/definitions/forwardStep"},"then":{"type":"array","items":{"$ref":"#/definitions/forwardStep"}},"if":{"type":["boolean","string"],"description":"A condition over vars: the module is residual only when it holds (MobileNetV2's stride == 1 and inp == oup)."}},"additionalProperties":false}]},"branches":{"$ref":"#/definitions/merge","description":"Every child (or forward: step) is a parallel branch on the module's input; their outputs are merged (concat on the channel dimension, or add)."}}}}};
const model_spec_schema12 = {"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$"};
const schema24 = {"description":"An integer, or an expression over vars such as `4 * d`.","type":["integer","string"]};
const schema29 = {"enum":["add","concat","multiply"]};
const schema25 = {"type":"string","minLength":1,"description":"A storage dtype: float64, float32, bfloat16, float16, float8_e4m3fn, float8_e5m2, int8, uint8, or 4-bit int4, nf4, fp4 with one scale per block (nf4(block_size=64, scale=float32) is the default); torch.bfloat16 works too. On a layer or module it converts every tensor inside, as module.to(dtype) would; integer and 4-bit dtypes quantize only the weight matrices."};
const model_spec_func2 = Object.prototype.hasOwnProperty;
const model_spec_pattern0 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "");
const schema14 = {"type":"object","properties":{"params":{"type":"object","description":"The block's arguments with their defaults; ~ (null) marks a required one.","propertyNames":{"$ref":"#/definitions/identifier"},"additionalProperties":{"type":["integer","number","string","boolean","null"]}},"layers":{"$ref":"#/definitions/layerList"},"forward":{"$ref":"#/definitions/topology/properties/forward"},"residual":{"$ref":"#/definitions/topology/properties/residual"},"branches":{"$ref":"#/definitions/topology/properties/branches"}},"required":["layers"],"additionalProperties":false};
const schema16 = {"type":"array","description":"Layers in order. Each item is a one-key mapping `name: layer`; an item without a name is numbered like nn.Sequential's children.","items":{"$ref":"#/definitions/layerItem"}};
const schema17 = {"description":"Layers in order. Each item is a one-key mapping `name: layer`; an item without a name is numbered like nn.Sequential's children.","if":{"type":"string"},"then":{"minLength":1},"else":{"if":{"type":"object","$comment":"A one-key mapping whose value is a mapping is a named child even when the name is a keyword: Hugging Face's encoder.layer and model.layers.","not":{"maxProperties":1,"additionalProperties":{"type":"object"}},"anyOf":[{"required":["type"]},{"required":["layer"]},{"required":["layers"]},{"required":["use"]},{"required":["include"]}]},"then":{"$ref":"#/definitions/layerBody"},"else":{"type":"object","minProperties":1,"maxProperties":1,"propertyNames":{"pattern":"^[A-Za-z0-9_][A-Za-z0-9_-]*$"},"additionalProperties":{"$ref":"#/definitions/namedLayer"}}}};
const schema18 = {"type":"object","description":"A layer in mapping form (type: with PyTorch's argument names, or layer: with a call string), a module (layers:), a block use (use:) or an included spec (include:).","properties":{"type":{"type":"string","minLength":1,"description":"A torch.nn class; the other keys are its constructor arguments."},"layer":{"type":"string","minLength":1,"description":"A constructor call such as Linear(d, 4 * d)."},"layers":{"$ref":"#/definitions/layerList"},"use":{"$ref":"#/definitions/identifier"},"include":{"type":"string","minLength":1},"with":{"type":"object","propertyNames":{"$ref":"#/definitions/identifier"},"additionalProperties":{"$ref":"#/definitions/scalar"}},"repeat":{"$ref":"#/definitions/expression"},"if":{"type":["boolean","string"],"description":"A condition over vars; the layer exists only when it holds."},"frozen":{"type":["boolean","array"],"items":{"type":"string","minLength":1},"description":"true: its parameters are non-trainable (requires_grad=False). A list: only the tensors it names are, by name in a layer (bias) or by path in a module (attn.bias, *.bias)."},"dtype":{"$ref":"#/definitions/dtype"},"forward":{"$ref":"#/definitions/topology/properties/forward"},"residual":{"$ref":"#/definitions/topology/properties/residual"},"branches":{"$ref":"#/definitions/topology/properties/branches"}},"if":{"required":["type"]},"else":{"propertyNames":{"enum":["layer","layers","use","include","with","repeat","if","frozen","dtype","forward","residual","branches"]}},"then":{"properties":{"layer":false,"layers":false,"use":false,"include":false,"with":false,"forward":false,"residual":false,"branches":false},"additionalProperties":{"anyOf":[{"$ref":"#/definitions/scalar"},{"type":"null"},{"type":"array","items":{"$ref":"#/definitions/scalar"}}]}}};
const schema19 = {"type":["integer","number","string","boolean"]};
const wrapper0 = {validate: validate12};
const schema26 = {"type":"array","items":{"$ref":"#/definitions/forwardStep"},"description":"The call order of the module's main path, by child name; a child may be called more than once. Default: registration order."};
const schema27 = {"type":"string","minLength":1,"description":"A child by name (conv1, downsample, 0), or a functional op that is not a module: flatten(1), transpose(1, 2), add(pos_embedding), cat_token(class_token), select(1, 0), mean(1), adaptive_avg_pool2d(1), attention(q_proj, k_proj, v_proj, heads=12), gated(gate_proj, up_proj, act_fn)."};

function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
if(typeof data0 === "string"){
if(data0.length < 1){
const err0 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/forwardStep/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/forwardStep/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.type,parentSchema:schema27,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
else {
const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema26.type,parentSchema:schema26,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
validate15.errors = vErrors;
return errors === 0;
}

const schema28 = {"description":"Merges the main path with the input: add (x + f(x)), concat (DenseNet's cat([x, f(x)], 1)) or multiply (squeeze-excitation's x * f(x)); the mapping form names a shortcut child (ResNet's downsample) and the children called after the merge.","oneOf":[{"$ref":"#/definitions/merge"},{"type":"object","properties":{"merge":{"$ref":"#/definitions/merge"},"shortcut":{"$ref":"#/definitions/forwardStep"},"then":{"type":"array","items":{"$ref":"#/definitions/forwardStep"}},"if":{"type":["boolean","string"],"description":"A condition over vars: the module is residual only when it holds (MobileNetV2's stride == 1 and inp == oup)."}},"additionalProperties":false}]};

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(!(((data === "add") || (data === "concat")) || (data === "multiply"))){
const err0 = {instancePath,schemaPath:"#/definitions/merge/enum",keyword:"enum",params:{allowedValues: schema29.enum},message:"must be equal to one of the allowed values",schema:schema29.enum,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((key0 === "merge") || (key0 === "shortcut")) || (key0 === "then")) || (key0 === "if"))){
const err1 = {instancePath,schemaPath:"#/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema28.oneOf[1],data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.merge !== undefined){
let data0 = data.merge;
if(!(((data0 === "add") || (data0 === "concat")) || (data0 === "multiply"))){
const err2 = {instancePath:instancePath+"/merge",schemaPath:"#/definitions/merge/enum",keyword:"enum",params:{allowedValues: schema29.enum},message:"must be equal to one of the allowed values",schema:schema29.enum,parentSchema:schema29,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.shortcut !== undefined){
let data1 = data.shortcut;
if(typeof data1 === "string"){
if(data1.length < 1){
const err3 = {instancePath:instancePath+"/shortcut",schemaPath:"#/definitions/forwardStep/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/shortcut",schemaPath:"#/definitions/forwardStep/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.type,parentSchema:schema27,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.then !== undefined){
let data2 = data.then;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(data3.length < 1){
const err5 = {instancePath:instancePath+"/then/" + i0,schemaPath:"#/definitions/forwardStep/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/then/" + i0,schemaPath:"#/definitions/forwardStep/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.type,parentSchema:schema27,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/then",schemaPath:"#/oneOf/1/properties/then/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema28.oneOf[1].properties.then.type,parentSchema:schema28.oneOf[1].properties.then,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.if !== undefined){
let data4 = data.if;
if((typeof data4 !== "boolean") && (typeof data4 !== "string")){
const err8 = {instancePath:instancePath+"/if",schemaPath:"#/oneOf/1/properties/if/type",keyword:"type",params:{type: schema28.oneOf[1].properties.if.type},message:"must be boolean,string",schema:schema28.oneOf[1].properties.if.type,parentSchema:schema28.oneOf[1].properties.if,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.oneOf[1].type,parentSchema:schema28.oneOf[1],data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
}
if(!valid0){
const err10 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema28.oneOf,parentSchema:schema28,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate17.errors = vErrors;
return errors === 0;
}


function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs1 = errors;
let valid0 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((((((key0 === "layer") || (key0 === "layers")) || (key0 === "use")) || (key0 === "include")) || (key0 === "with")) || (key0 === "forward")) || (key0 === "residual")) || (key0 === "branches"))){
let data0 = data[key0];
const _errs6 = errors;
let valid2 = false;
const _errs7 = errors;
if(((!((typeof data0 == "number") && (isFinite(data0)))) && (typeof data0 !== "string")) && (typeof data0 !== "boolean")){
const err1 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/scalar/type",keyword:"type",params:{type: schema19.type},message:"must be integer,number,string,boolean",schema:schema19.type,parentSchema:schema19,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid1 = _errs7 === errors;
valid2 = valid2 || _valid1;
if(!valid2){
const _errs10 = errors;
if(data0 !== null){
const err2 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/then/additionalProperties/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null",schema:schema18.then.additionalProperties.anyOf[1].type,parentSchema:schema18.then.additionalProperties.anyOf[1],data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid1 = _errs10 === errors;
valid2 = valid2 || _valid1;
if(!valid2){
const _errs12 = errors;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(((!((typeof data1 == "number") && (isFinite(data1)))) && (typeof data1 !== "string")) && (typeof data1 !== "boolean")){
const err3 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/definitions/scalar/type",keyword:"type",params:{type: schema19.type},message:"must be integer,number,string,boolean",schema:schema19.type,parentSchema:schema19,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/then/additionalProperties/anyOf/2/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema18.then.additionalProperties.anyOf[2].type,parentSchema:schema18.then.additionalProperties.anyOf[2],data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid1 = _errs12 === errors;
valid2 = valid2 || _valid1;
}
}
if(!valid2){
const err5 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/then/additionalProperties/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema18.then.additionalProperties.anyOf,parentSchema:schema18.then.additionalProperties,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
errors = _errs6;
if(vErrors !== null){
if(_errs6){
vErrors.length = _errs6;
}
else {
vErrors = null;
}
}
}
}
}
if(data.layer !== undefined){
const err6 = {instancePath:instancePath+"/layer",schemaPath:"#/then/properties/layer/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema18.then.properties.layer,data:data.layer};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.layers !== undefined){
const err7 = {instancePath:instancePath+"/layers",schemaPath:"#/then/properties/layers/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema18.then.properties.layers,data:data.layers};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data.use !== undefined){
const err8 = {instancePath:instancePath+"/use",schemaPath:"#/then/properties/use/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema18.then.properties.use,data:data.use};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data.include !== undefined){
const err9 = {instancePath:instancePath+"/include",schemaPath:"#/then/properties/include/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema18.then.properties.include,data:data.include};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data.with !== undefined){
const err10 = {instancePath:instancePath+"/with",schemaPath:"#/then/properties/with/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema18.then.properties.with,data:data.with};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.forward !== undefined){
const err11 = {instancePath:instancePath+"/forward",schemaPath:"#/then/properties/forward/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema18.then.properties.forward,data:data.forward};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.residual !== undefined){
const err12 = {instancePath:instancePath+"/residual",schemaPath:"#/then/properties/residual/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema18.then.properties.residual,data:data.residual};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data.branches !== undefined){
const err13 = {instancePath:instancePath+"/branches",schemaPath:"#/then/properties/branches/false schema",keyword:"false schema",params:{},message:"boolean schema is false",schema:false,parentSchema:schema18.then.properties.branches,data:data.branches};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
valid0 = _valid0;
ifClause0 = "then";
}
else {
const _errs17 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key1 in data){
const _errs18 = errors;
if(!((((((((((((key1 === "layer") || (key1 === "layers")) || (key1 === "use")) || (key1 === "include")) || (key1 === "with")) || (key1 === "repeat")) || (key1 === "if")) || (key1 === "frozen")) || (key1 === "dtype")) || (key1 === "forward")) || (key1 === "residual")) || (key1 === "branches"))){
const err14 = {instancePath,schemaPath:"#/else/propertyNames/enum",keyword:"enum",params:{allowedValues: schema18.else.propertyNames.enum},message:"must be equal to one of the allowed values",schema:schema18.else.propertyNames.enum,parentSchema:schema18.else.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var valid8 = _errs18 === errors;
if(!valid8){
const err15 = {instancePath,schemaPath:"#/else/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema18.else.propertyNames,parentSchema:schema18.else,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
var _valid0 = _errs17 === errors;
valid0 = _valid0;
ifClause0 = "else";
}
if(!valid0){
const err16 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema18.if,parentSchema:schema18,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type !== undefined){
let data10 = data.type;
if(typeof data10 === "string"){
if(data10.length < 1){
const err17 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.properties.type,data:data10};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.type.type,parentSchema:schema18.properties.type,data:data10};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.layer !== undefined){
let data11 = data.layer;
if(typeof data11 === "string"){
if(data11.length < 1){
const err19 = {instancePath:instancePath+"/layer",schemaPath:"#/properties/layer/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.properties.layer,data:data11};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/layer",schemaPath:"#/properties/layer/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.layer.type,parentSchema:schema18.properties.layer,data:data11};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.layers !== undefined){
if(!(wrapper0.validate(data.layers, {instancePath:instancePath+"/layers",parentData:data,parentDataProperty:"layers",rootData}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
}
if(data.use !== undefined){
let data13 = data.use;
if(typeof data13 === "string"){
if(!model_spec_pattern0.test(data13)){
const err21 = {instancePath:instancePath+"/use",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:model_spec_schema12,data:data13};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/use",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:model_spec_schema12.type,parentSchema:model_spec_schema12,data:data13};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.include !== undefined){
let data14 = data.include;
if(typeof data14 === "string"){
if(data14.length < 1){
const err23 = {instancePath:instancePath+"/include",schemaPath:"#/properties/include/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.properties.include,data:data14};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/include",schemaPath:"#/properties/include/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.include.type,parentSchema:schema18.properties.include,data:data14};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.with !== undefined){
let data15 = data.with;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
for(const key2 in data15){
const _errs31 = errors;
if(typeof key2 === "string"){
if(!model_spec_pattern0.test(key2)){
const err25 = {instancePath:instancePath+"/with",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:model_spec_schema12,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/with",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:model_spec_schema12.type,parentSchema:model_spec_schema12,data:key2,propertyName:key2};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var valid11 = _errs31 === errors;
if(!valid11){
const err27 = {instancePath:instancePath+"/with",schemaPath:"#/properties/with/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid",schema:schema18.properties.with.propertyNames,parentSchema:schema18.properties.with,data:data15};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
for(const key3 in data15){
let data16 = data15[key3];
if(((!((typeof data16 == "number") && (isFinite(data16)))) && (typeof data16 !== "string")) && (typeof data16 !== "boolean")){
const err28 = {instancePath:instancePath+"/with/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/scalar/type",keyword:"type",params:{type: schema19.type},message:"must be integer,number,string,boolean",schema:schema19.type,parentSchema:schema19,data:data16};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath:instancePath+"/with",schemaPath:"#/properties/with/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema18.properties.with.type,parentSchema:schema18.properties.with,data:data15};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.repeat !== undefined){
let data17 = data.repeat;
if((!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))) && (typeof data17 !== "string")){
const err30 = {instancePath:instancePath+"/repeat",schemaPath:"#/definitions/expression/type",keyword:"type",params:{type: schema24.type},message:"must be integer,string",schema:schema24.type,parentSchema:schema24,data:data17};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.if !== undefined){
let data18 = data.if;
if((typeof data18 !== "boolean") && (typeof data18 !== "string")){
const err31 = {instancePath:instancePath+"/if",schemaPath:"#/properties/if/type",keyword:"type",params:{type: schema18.properties.if.type},message:"must be boolean,string",schema:schema18.properties.if.type,parentSchema:schema18.properties.if,data:data18};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.frozen !== undefined){
let data19 = data.frozen;
if((typeof data19 !== "boolean") && (!(Array.isArray(data19)))){
const err32 = {instancePath:instancePath+"/frozen",schemaPath:"#/properties/frozen/type",keyword:"type",params:{type: schema18.properties.frozen.type},message:"must be boolean,array",schema:schema18.properties.frozen.type,parentSchema:schema18.properties.frozen,data:data19};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(Array.isArray(data19)){
const len1 = data19.length;
for(let i1=0; i1<len1; i1++){
let data20 = data19[i1];
if(typeof data20 === "string"){
if(data20.length < 1){
const err33 = {instancePath:instancePath+"/frozen/" + i1,schemaPath:"#/properties/frozen/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.properties.frozen.items,data:data20};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/frozen/" + i1,schemaPath:"#/properties/frozen/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.frozen.items.type,parentSchema:schema18.properties.frozen.items,data:data20};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
}
if(data.dtype !== undefined){
let data21 = data.dtype;
if(typeof data21 === "string"){
if(data21.length < 1){
const err35 = {instancePath:instancePath+"/dtype",schemaPath:"#/definitions/dtype/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema25,data:data21};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/dtype",schemaPath:"#/definitions/dtype/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.type,parentSchema:schema25,data:data21};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.forward !== undefined){
if(!(validate15(data.forward, {instancePath:instancePath+"/forward",parentData:data,parentDataProperty:"forward",rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
}
if(data.residual !== undefined){
if(!(validate17(data.residual, {instancePath:instancePath+"/residual",parentData:data,parentDataProperty:"residual",rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
}
if(data.branches !== undefined){
let data24 = data.branches;
if(!(((data24 === "add") || (data24 === "concat")) || (data24 === "multiply"))){
const err37 = {instancePath:instancePath+"/branches",schemaPath:"#/definitions/topology/properties/branches/enum",keyword:"enum",params:{allowedValues: schema29.enum},message:"must be equal to one of the allowed values",schema:schema29.enum,parentSchema:schema29,data:data24};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema18.type,parentSchema:schema18,data};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
validate14.errors = vErrors;
return errors === 0;
}

const schema34 = {"if":{"type":"string"},"then":{"minLength":1},"else":{"$ref":"#/definitions/layerBody"}};

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs0 = errors;
let valid0 = true;
const _errs1 = errors;
if(typeof data !== "string"){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs3 = errors;
if(typeof data === "string"){
if(data.length < 1){
const err1 = {instancePath,schemaPath:"#/then/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema34.then,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
valid0 = _valid0;
ifClause0 = "then";
}
else {
const _errs4 = errors;
if(!(validate14(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
errors = vErrors.length;
}
var _valid0 = _errs4 === errors;
valid0 = _valid0;
ifClause0 = "else";
}
if(!valid0){
const err2 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema34.if,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}

const pattern5 = new RegExp("^[A-Za-z0-9_][A-Za-z0-9_-]*$", "");

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs0 = errors;
let valid0 = true;
const _errs1 = errors;
if(typeof data !== "string"){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs3 = errors;
if(typeof data === "string"){
if(data.length < 1){
const err1 = {instancePath,schemaPath:"#/then/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17.then,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
valid0 = _valid0;
ifClause0 = "then";
}
else {
const _errs4 = errors;
const _errs5 = errors;
let valid1 = true;
const _errs6 = errors;
if(!(data && typeof data == "object" && !Array.isArray(data))){
const err2 = {};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
const _errs9 = errors;
const _errs10 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(Object.keys(data).length > 1){
const err3 = {};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
for(const key0 in data){
let data0 = data[key0];
const _errs12 = errors;
if(!(data0 && typeof data0 == "object" && !Array.isArray(data0))){
const err4 = {};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var valid3 = _errs12 === errors;
if(!valid3){
break;
}
}
}
}
var valid2 = _errs10 === errors;
if(valid2){
const err5 = {};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
const _errs14 = errors;
let valid4 = false;
const _errs15 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
const err6 = {};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var _valid2 = _errs15 === errors;
valid4 = valid4 || _valid2;
if(!valid4){
const _errs16 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.layer === undefined) && (missing1 = "layer")){
const err7 = {};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var _valid2 = _errs16 === errors;
valid4 = valid4 || _valid2;
if(!valid4){
const _errs17 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.layers === undefined) && (missing2 = "layers")){
const err8 = {};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
var _valid2 = _errs17 === errors;
valid4 = valid4 || _valid2;
if(!valid4){
const _errs18 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if((data.use === undefined) && (missing3 = "use")){
const err9 = {};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var _valid2 = _errs18 === errors;
valid4 = valid4 || _valid2;
if(!valid4){
const _errs19 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if((data.include === undefined) && (missing4 = "include")){
const err10 = {};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var _valid2 = _errs19 === errors;
valid4 = valid4 || _valid2;
}
}
}
}
if(!valid4){
const err11 = {};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
else {
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
}
}
var _valid1 = _errs6 === errors;
errors = _errs5;
if(vErrors !== null){
if(_errs5){
vErrors.length = _errs5;
}
else {
vErrors = null;
}
}
let ifClause1;
if(_valid1){
const _errs20 = errors;
if(!(validate14(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
errors = vErrors.length;
}
var _valid1 = _errs20 === errors;
valid1 = _valid1;
ifClause1 = "then";
}
else {
const _errs21 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(Object.keys(data).length > 1){
const err12 = {instancePath,schemaPath:"#/else/else/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema17.else.else,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(Object.keys(data).length < 1){
const err13 = {instancePath,schemaPath:"#/else/else/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema17.else.else,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
for(const key1 in data){
const _errs23 = errors;
if(typeof key1 === "string"){
if(!pattern5.test(key1)){
const err14 = {instancePath,schemaPath:"#/else/else/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_][A-Za-z0-9_-]*$"},message:"must match pattern \""+"^[A-Za-z0-9_][A-Za-z0-9_-]*$"+"\"",schema:"^[A-Za-z0-9_][A-Za-z0-9_-]*$",parentSchema:schema17.else.else.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
var valid5 = _errs23 === errors;
if(!valid5){
const err15 = {instancePath,schemaPath:"#/else/else/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema17.else.else.propertyNames,parentSchema:schema17.else.else,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
for(const key2 in data){
if(!(validate20(data[key2], {instancePath:instancePath+"/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data,parentDataProperty:key2,rootData}))){
vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);
errors = vErrors.length;
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/else/else/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema17.else.else.type,parentSchema:schema17.else.else,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
var _valid1 = _errs21 === errors;
valid1 = _valid1;
ifClause1 = "else";
}
if(!valid1){
const err17 = {instancePath,schemaPath:"#/else/if",keyword:"if",params:{failingKeyword: ifClause1},message:"must match \""+ifClause1+"\" schema",schema:schema17.else.if,parentSchema:schema17.else,data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid0 = _errs4 === errors;
valid0 = _valid0;
ifClause0 = "else";
}
if(!valid0){
const err18 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema17.if,parentSchema:schema17,data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
validate13.errors = vErrors;
return errors === 0;
}


function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
if(!(validate13(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
errors = vErrors.length;
}
}
}
else {
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
validate12.errors = vErrors;
return errors === 0;
}


function model_spec_validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.layers === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "layers"},message:"must have required property '"+"layers"+"'",schema:schema14.required,parentSchema:schema14,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "params") || (key0 === "layers")) || (key0 === "forward")) || (key0 === "residual")) || (key0 === "branches"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema14,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.params !== undefined){
let data0 = data.params;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key1 in data0){
const _errs4 = errors;
if(typeof key1 === "string"){
if(!model_spec_pattern0.test(key1)){
const err2 = {instancePath:instancePath+"/params",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:model_spec_schema12,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/params",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:model_spec_schema12.type,parentSchema:model_spec_schema12,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var valid1 = _errs4 === errors;
if(!valid1){
const err4 = {instancePath:instancePath+"/params",schemaPath:"#/properties/params/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema14.properties.params.propertyNames,parentSchema:schema14.properties.params,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
for(const key2 in data0){
let data1 = data0[key2];
if((((!((typeof data1 == "number") && (isFinite(data1)))) && (typeof data1 !== "string")) && (typeof data1 !== "boolean")) && (data1 !== null)){
const err5 = {instancePath:instancePath+"/params/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/params/additionalProperties/type",keyword:"type",params:{type: schema14.properties.params.additionalProperties.type},message:"must be integer,number,string,boolean,null",schema:schema14.properties.params.additionalProperties.type,parentSchema:schema14.properties.params.additionalProperties,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/params",schemaPath:"#/properties/params/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.properties.params.type,parentSchema:schema14.properties.params,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.layers !== undefined){
if(!(validate12(data.layers, {instancePath:instancePath+"/layers",parentData:data,parentDataProperty:"layers",rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
if(data.forward !== undefined){
if(!(validate15(data.forward, {instancePath:instancePath+"/forward",parentData:data,parentDataProperty:"forward",rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
}
if(data.residual !== undefined){
if(!(validate17(data.residual, {instancePath:instancePath+"/residual",parentData:data,parentDataProperty:"residual",rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
}
if(data.branches !== undefined){
let data5 = data.branches;
if(!(((data5 === "add") || (data5 === "concat")) || (data5 === "multiply"))){
const err7 = {instancePath:instancePath+"/branches",schemaPath:"#/definitions/topology/properties/branches/enum",keyword:"enum",params:{allowedValues: schema29.enum},message:"must be equal to one of the allowed values",schema:schema29.enum,parentSchema:schema29,data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.type,parentSchema:schema14,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
model_spec_validate11.errors = vErrors;
return errors === 0;
}


function model_spec_validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://github.com/model-budget/model-budget/schema/model-spec.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(model_spec_func2.call(model_spec_schema11.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:model_spec_schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.format !== undefined){
let data0 = data.format;
if(!(data0 === 1)){
const err1 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/enum",keyword:"enum",params:{allowedValues: model_spec_schema11.properties.format.enum},message:"must be equal to one of the allowed values",schema:model_spec_schema11.properties.format.enum,parentSchema:model_spec_schema11.properties.format,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.model !== undefined){
let data1 = data.model;
if(typeof data1 === "string"){
if(data1.length < 1){
const err2 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:model_spec_schema11.properties.model,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:model_spec_schema11.properties.model.type,parentSchema:model_spec_schema11.properties.model,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.include !== undefined){
let data2 = data.include;
const _errs6 = errors;
let valid1 = false;
let passing0 = null;
const _errs7 = errors;
if(typeof data2 === "string"){
if(data2.length < 1){
const err4 = {instancePath:instancePath+"/include",schemaPath:"#/properties/include/oneOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:model_spec_schema11.properties.include.oneOf[0],data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/include",schemaPath:"#/properties/include/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:model_spec_schema11.properties.include.oneOf[0].type,parentSchema:model_spec_schema11.properties.include.oneOf[0],data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid0 = _errs7 === errors;
if(_valid0){
valid1 = true;
passing0 = 0;
}
const _errs9 = errors;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(data3.length < 1){
const err6 = {instancePath:instancePath+"/include/" + i0,schemaPath:"#/properties/include/oneOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:model_spec_schema11.properties.include.oneOf[1].items,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/include/" + i0,schemaPath:"#/properties/include/oneOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:model_spec_schema11.properties.include.oneOf[1].items.type,parentSchema:model_spec_schema11.properties.include.oneOf[1].items,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/include",schemaPath:"#/properties/include/oneOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:model_spec_schema11.properties.include.oneOf[1].type,parentSchema:model_spec_schema11.properties.include.oneOf[1],data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid0 = _errs9 === errors;
if(_valid0 && valid1){
valid1 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid1 = true;
passing0 = 1;
}
}
if(!valid1){
const err9 = {instancePath:instancePath+"/include",schemaPath:"#/properties/include/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:model_spec_schema11.properties.include.oneOf,parentSchema:model_spec_schema11.properties.include,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
else {
errors = _errs6;
if(vErrors !== null){
if(_errs6){
vErrors.length = _errs6;
}
else {
vErrors = null;
}
}
}
}
if(data.vars !== undefined){
let data4 = data.vars;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key1 in data4){
const _errs15 = errors;
if(typeof key1 === "string"){
if(!model_spec_pattern0.test(key1)){
const err10 = {instancePath:instancePath+"/vars",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:model_spec_schema12,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/vars",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:model_spec_schema12.type,parentSchema:model_spec_schema12,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var valid4 = _errs15 === errors;
if(!valid4){
const err12 = {instancePath:instancePath+"/vars",schemaPath:"#/properties/vars/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:model_spec_schema11.properties.vars.propertyNames,parentSchema:model_spec_schema11.properties.vars,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
for(const key2 in data4){
let data5 = data4[key2];
if((((!((typeof data5 == "number") && (isFinite(data5)))) && (typeof data5 !== "string")) && (typeof data5 !== "boolean")) && (data5 !== null)){
const err13 = {instancePath:instancePath+"/vars/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/vars/additionalProperties/type",keyword:"type",params:{type: model_spec_schema11.properties.vars.additionalProperties.type},message:"must be integer,number,string,boolean,null",schema:model_spec_schema11.properties.vars.additionalProperties.type,parentSchema:model_spec_schema11.properties.vars.additionalProperties,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/vars",schemaPath:"#/properties/vars/type",keyword:"type",params:{type: "object"},message:"must be object",schema:model_spec_schema11.properties.vars.type,parentSchema:model_spec_schema11.properties.vars,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.blocks !== undefined){
let data6 = data.blocks;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key3 in data6){
const _errs23 = errors;
if(typeof key3 === "string"){
if(!model_spec_pattern0.test(key3)){
const err15 = {instancePath:instancePath+"/blocks",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:model_spec_schema12,data:key3,propertyName:key3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/blocks",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:model_spec_schema12.type,parentSchema:model_spec_schema12,data:key3,propertyName:key3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
var valid7 = _errs23 === errors;
if(!valid7){
const err17 = {instancePath:instancePath+"/blocks",schemaPath:"#/properties/blocks/propertyNames",keyword:"propertyNames",params:{propertyName: key3},message:"property name must be valid",schema:model_spec_schema11.properties.blocks.propertyNames,parentSchema:model_spec_schema11.properties.blocks,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
for(const key4 in data6){
if(!(model_spec_validate11(data6[key4], {instancePath:instancePath+"/blocks/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data6,parentDataProperty:key4,rootData}))){
vErrors = vErrors === null ? model_spec_validate11.errors : vErrors.concat(model_spec_validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err18 = {instancePath:instancePath+"/blocks",schemaPath:"#/properties/blocks/type",keyword:"type",params:{type: "object"},message:"must be object",schema:model_spec_schema11.properties.blocks.type,parentSchema:model_spec_schema11.properties.blocks,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.layers !== undefined){
if(!(validate12(data.layers, {instancePath:instancePath+"/layers",parentData:data,parentDataProperty:"layers",rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
if(data.input !== undefined){
let data9 = data.input;
const _errs30 = errors;
let valid10 = false;
let passing1 = null;
const _errs31 = errors;
if(Array.isArray(data9)){
if(data9.length < 1){
const err19 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/oneOf/0/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:model_spec_schema11.properties.input.oneOf[0],data:data9};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
const len1 = data9.length;
for(let i1=0; i1<len1; i1++){
let data10 = data9[i1];
if((!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))) && (typeof data10 !== "string")){
const err20 = {instancePath:instancePath+"/input/" + i1,schemaPath:"#/definitions/expression/type",keyword:"type",params:{type: schema24.type},message:"must be integer,string",schema:schema24.type,parentSchema:schema24,data:data10};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array",schema:model_spec_schema11.properties.input.oneOf[0].type,parentSchema:model_spec_schema11.properties.input.oneOf[0],data:data9};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
var _valid1 = _errs31 === errors;
if(_valid1){
valid10 = true;
passing1 = 0;
}
const _errs36 = errors;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.tokens === undefined){
const err22 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/oneOf/1/required",keyword:"required",params:{missingProperty: "tokens"},message:"must have required property '"+"tokens"+"'",schema:model_spec_schema11.properties.input.oneOf[1].required,parentSchema:model_spec_schema11.properties.input.oneOf[1],data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
for(const key5 in data9){
if(!(key5 === "tokens")){
const err23 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:model_spec_schema11.properties.input.oneOf[1],data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data9.tokens !== undefined){
let data11 = data9.tokens;
if((!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))) && (typeof data11 !== "string")){
const err24 = {instancePath:instancePath+"/input/tokens",schemaPath:"#/definitions/expression/type",keyword:"type",params:{type: schema24.type},message:"must be integer,string",schema:schema24.type,parentSchema:schema24,data:data11};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:model_spec_schema11.properties.input.oneOf[1].type,parentSchema:model_spec_schema11.properties.input.oneOf[1],data:data9};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
var _valid1 = _errs36 === errors;
if(_valid1 && valid10){
valid10 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid10 = true;
passing1 = 1;
}
}
if(!valid10){
const err26 = {instancePath:instancePath+"/input",schemaPath:"#/properties/input/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf",schema:model_spec_schema11.properties.input.oneOf,parentSchema:model_spec_schema11.properties.input,data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
else {
errors = _errs30;
if(vErrors !== null){
if(_errs30){
vErrors.length = _errs30;
}
else {
vErrors = null;
}
}
}
}
if(data.forward !== undefined){
if(!(validate15(data.forward, {instancePath:instancePath+"/forward",parentData:data,parentDataProperty:"forward",rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
}
if(data.residual !== undefined){
if(!(validate17(data.residual, {instancePath:instancePath+"/residual",parentData:data,parentDataProperty:"residual",rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
}
if(data.branches !== undefined){
let data14 = data.branches;
if(!(((data14 === "add") || (data14 === "concat")) || (data14 === "multiply"))){
const err27 = {instancePath:instancePath+"/branches",schemaPath:"#/definitions/topology/properties/branches/enum",keyword:"enum",params:{allowedValues: schema29.enum},message:"must be equal to one of the allowed values",schema:schema29.enum,parentSchema:schema29,data:data14};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.tie !== undefined){
let data15 = data.tie;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
for(const key6 in data15){
let data16 = data15[key6];
if(typeof data16 === "string"){
if(data16.length < 1){
const err28 = {instancePath:instancePath+"/tie/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tie/additionalProperties/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:model_spec_schema11.properties.tie.additionalProperties,data:data16};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/tie/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/tie/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:model_spec_schema11.properties.tie.additionalProperties.type,parentSchema:model_spec_schema11.properties.tie.additionalProperties,data:data16};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/tie",schemaPath:"#/properties/tie/type",keyword:"type",params:{type: "object"},message:"must be object",schema:model_spec_schema11.properties.tie.type,parentSchema:model_spec_schema11.properties.tie,data:data15};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.training !== undefined){
let data17 = data.training;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
for(const key7 in data17){
if(!(((((((key7 === "optimizer") || (key7 === "precision")) || (key7 === "gpus")) || (key7 === "zero")) || (key7 === "dtype")) || (key7 === "batch")) || (key7 === "checkpointing"))){
const err31 = {instancePath:instancePath+"/training",schemaPath:"#/properties/training/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:model_spec_schema11.properties.training,data:data17};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data17.optimizer !== undefined){
let data18 = data17.optimizer;
if(typeof data18 === "string"){
if(data18.length < 1){
const err32 = {instancePath:instancePath+"/training/optimizer",schemaPath:"#/properties/training/properties/optimizer/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:model_spec_schema11.properties.training.properties.optimizer,data:data18};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/training/optimizer",schemaPath:"#/properties/training/properties/optimizer/type",keyword:"type",params:{type: "string"},message:"must be string",schema:model_spec_schema11.properties.training.properties.optimizer.type,parentSchema:model_spec_schema11.properties.training.properties.optimizer,data:data18};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data17.precision !== undefined){
let data19 = data17.precision;
if(!((((((data19 === "fp32") || (data19 === "amp")) || (data19 === "mixed-fp16")) || (data19 === "mixed-bf16")) || (data19 === "bf16")) || (data19 === "fp16"))){
const err34 = {instancePath:instancePath+"/training/precision",schemaPath:"#/properties/training/properties/precision/enum",keyword:"enum",params:{allowedValues: model_spec_schema11.properties.training.properties.precision.enum},message:"must be equal to one of the allowed values",schema:model_spec_schema11.properties.training.properties.precision.enum,parentSchema:model_spec_schema11.properties.training.properties.precision,data:data19};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data17.gpus !== undefined){
let data20 = data17.gpus;
if((!(((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20))) && (isFinite(data20)))) && (typeof data20 !== "string")){
const err35 = {instancePath:instancePath+"/training/gpus",schemaPath:"#/definitions/expression/type",keyword:"type",params:{type: schema24.type},message:"must be integer,string",schema:schema24.type,parentSchema:schema24,data:data20};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data17.zero !== undefined){
let data21 = data17.zero;
if(!((((data21 === 0) || (data21 === 1)) || (data21 === 2)) || (data21 === 3))){
const err36 = {instancePath:instancePath+"/training/zero",schemaPath:"#/properties/training/properties/zero/enum",keyword:"enum",params:{allowedValues: model_spec_schema11.properties.training.properties.zero.enum},message:"must be equal to one of the allowed values",schema:model_spec_schema11.properties.training.properties.zero.enum,parentSchema:model_spec_schema11.properties.training.properties.zero,data:data21};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data17.dtype !== undefined){
let data22 = data17.dtype;
if(typeof data22 === "string"){
if(data22.length < 1){
const err37 = {instancePath:instancePath+"/training/dtype",schemaPath:"#/definitions/dtype/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema25,data:data22};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
else {
const err38 = {instancePath:instancePath+"/training/dtype",schemaPath:"#/definitions/dtype/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.type,parentSchema:schema25,data:data22};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data17.batch !== undefined){
let data23 = data17.batch;
if((!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23)))) && (typeof data23 !== "string")){
const err39 = {instancePath:instancePath+"/training/batch",schemaPath:"#/definitions/expression/type",keyword:"type",params:{type: schema24.type},message:"must be integer,string",schema:schema24.type,parentSchema:schema24,data:data23};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data17.checkpointing !== undefined){
let data24 = data17.checkpointing;
if(!(((data24 === "none") || (data24 === "full")) || (data24 === "selective"))){
const err40 = {instancePath:instancePath+"/training/checkpointing",schemaPath:"#/properties/training/properties/checkpointing/enum",keyword:"enum",params:{allowedValues: model_spec_schema11.properties.training.properties.checkpointing.enum},message:"must be equal to one of the allowed values",schema:model_spec_schema11.properties.training.properties.checkpointing.enum,parentSchema:model_spec_schema11.properties.training.properties.checkpointing,data:data24};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
else {
const err41 = {instancePath:instancePath+"/training",schemaPath:"#/properties/training/type",keyword:"type",params:{type: "object"},message:"must be object",schema:model_spec_schema11.properties.training.type,parentSchema:model_spec_schema11.properties.training,data:data17};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
else {
const err42 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:model_spec_schema11.type,parentSchema:model_spec_schema11,data};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
model_spec_validate10.errors = vErrors;
return errors === 0;
}

;// CONCATENATED MODULE: ./src/validate/schema-errors.ts

/** `/layers/3/c_fc` as the user thinks of it: `layers[3].c_fc`. */
function describePath(path) {
    if (path.length === 0)
        return "the file's top level";
    return path.map((segment, index) => (typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join("");
}
function dataPath(error, data) {
    const path = [];
    let node = data;
    for (const raw of error.instancePath.split("/").slice(1)) {
        const segment = raw.replaceAll("~1", "/").replaceAll("~0", "~");
        const step = Array.isArray(node) ? Number(segment) : segment;
        path.push(step);
        node = node?.[step];
    }
    return path;
}
function typeName(value) {
    if (value === null)
        return "null";
    if (Array.isArray(value))
        return "a list";
    if (typeof value === "object")
        return "a mapping";
    if (typeof value === "string")
        return `the string '${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- lists, mappings and strings returned above: a scalar is left
    return `${typeof value === "number" && Number.isInteger(value) ? "the integer" : `the ${typeof value}`} ${String(value)}`;
}
const TYPE_NAMES = {
    object: "a mapping",
    array: "a list",
    string: "a string",
    integer: "an integer",
    number: "a number",
    boolean: "true or false",
    null: "~",
};
function valueAt(data, path) {
    return path.reduce((node, segment) => node?.[segment], data);
}
/** Hints for the places users most often get wrong, keyed by the parent of the failing path. */
function hintFor(path, keyword) {
    // The file format's version (spec and budget file alike): the one place a newer file meets an older tool.
    if (path.length === 1 && path[0] === "format") {
        return "this model-budget reads format 1 (also when format: is left out); a file in a newer format needs a newer model-budget: CHANGELOG.md says what changed and how to migrate";
    }
    const inLayers = path.some((segment) => segment === "layers");
    if (path.at(-1) === "frozen" || path.at(-2) === "frozen")
        return "write frozen: true for every parameter, or a list of tensor names such as frozen: [bias]";
    if (keyword === "maxProperties" && inLayers)
        return "each entry is a one-key mapping `- name: Layer(...)`; indent a layer's options under its name";
    if (inLayers && (keyword === "type" || keyword === "propertyNames")) {
        return "a layer is a call string `Linear(d, 4 * d)`, or a mapping with one of type:, layer:, layers:, use:, include:";
    }
    return undefined;
}
/** The diagnostic kind of a schema keyword's violation. */
function kindOf(keyword) {
    if (keyword === "additionalProperties")
        return "unknown-key";
    if (keyword === "required")
        return "missing-key";
    if (keyword === "type" || keyword === "oneOf" || keyword === "anyOf")
        return "wrong-type";
    return "invalid-value";
}
const ALTERNATIVES = new Set(["oneOf", "anyOf"]);
/**
 * ajv reports a value that fits no branch of a `oneOf`/`anyOf` once per branch, then once for the
 * keyword. When every branch refused the value's type, one problem remains: the keyword's, with the
 * types the branches take. When some branch took the type and failed deeper, that branch's errors
 * say what is wrong, and the other branches' type errors are noise.
 */
function foldAlternatives(errors) {
    const dropped = new Set();
    const folded = new Map();
    let branchStart = 0;
    errors.forEach((error, index) => {
        if (!ALTERNATIVES.has(error.keyword))
            return;
        const path = error.instancePath;
        const branches = errors.slice(branchStart, index).filter((other) => other.instancePath === path || other.instancePath.startsWith(`${path}/`));
        branchStart = index + 1;
        const typeErrors = branches.filter((other) => other.keyword === "type" && other.instancePath === path);
        for (const other of typeErrors)
            dropped.add(other);
        if (typeErrors.length === branches.length) {
            const types = [...new Set(typeErrors.flatMap((other) => String(other.params.type).split(",")))];
            folded.set(error, { ...error, params: { ...error.params, types } });
        }
        else {
            dropped.add(error);
        }
    });
    return errors.filter((error) => !dropped.has(error)).map((error) => folded.get(error) ?? error);
}
/** A schema's description up to its first sentence's end: the hint for a value that fits none of its forms. */
function firstSentence(description) {
    if (!description)
        return undefined;
    const end = description.search(/\.(\s|$)/);
    return end < 0 ? description : description.slice(0, end + 1);
}
const schemaDescription = (error) => error.parentSchema?.description;
/** What each JSON Schema keyword's failure says, built from the schema (its types, keys, values and descriptions). */
const KEYWORD_MESSAGES = {
    type: ({ error, where, value, hint }) => {
        const expected = String(error.params.type)
            .split(",")
            .map((name) => TYPE_NAMES[name] ?? name);
        return { message: `${where} must be ${expected.join(" or ")}, not ${typeName(value)}`, hint };
    },
    required: ({ error, where, hint }) => ({ message: `${where} is missing '${error.params.missingProperty}'`, hint }),
    additionalProperties: ({ error, source, path, where, hint }) => {
        const name = String(error.params.additionalProperty);
        const allowed = Object.keys(error.parentSchema?.properties ?? {});
        return {
            position: source.keyAt([...path, name]),
            message: `unknown key '${name}' in ${where}`,
            hint: hint ?? didYouMean(name, allowed) ?? `allowed keys: ${allowed.join(", ")}`,
        };
    },
    propertyNames: ({ error, errors, source, path, where }) => {
        const name = String(error.params.propertyName);
        const position = source.keyAt([...path, name]);
        const allowed = errors.find((other) => other.keyword === "enum" && other.instancePath === error.instancePath && other.propertyName === name);
        if (allowed) {
            const keys = allowed.params.allowedValues;
            return { position, message: `unknown key '${name}' in ${where}`, hint: didYouMean(name, keys) ?? `allowed keys: ${keys.join(", ")}` };
        }
        return { position, message: `'${name}' is not a valid name in ${where}`, hint: "names use letters, digits and _ (and must not start with a digit, except layer names)" };
    },
    "false schema": ({ source, path }) => ({
        position: source.keyAt(path),
        message: `'${String(path[path.length - 1])}' cannot be combined with 'type' in ${describePath(path.slice(0, -1))}`,
        hint: "a layer is either type: with its arguments, or one of layer:, layers:, use:, include:",
    }),
    maxProperties: ({ where, value, hint }) => ({ message: `${where} has ${Object.keys(value).length} keys where one is expected`, hint }),
    minProperties: ({ where, hint }) => ({ message: `${where} is empty`, hint }),
    minLength: ({ where, hint }) => ({ message: `${where} must not be empty`, hint }),
    oneOf: (problem) => alternatives(problem),
    anyOf: (problem) => alternatives(problem),
    pattern: ({ error, where, value, hint }) => {
        const description = schemaDescription(error);
        return {
            message: description
                ? `${where} is not ${description.charAt(0).toLowerCase()}${description.slice(1).replace(/\.$/, "")}, but ${typeName(value)}`
                : `${where} does not match the pattern ${error.params.pattern}`,
            hint,
        };
    },
    enum: ({ error, where, value, hint }) => {
        const allowed = error.params.allowedValues.map(String);
        return { message: `${where} must be one of: ${allowed.join(", ")}, not ${typeName(value)}`, hint: typeof value === "string" ? (hint ?? didYouMean(value, allowed)) : hint };
    },
};
/** A value that fits none of a oneOf/anyOf's forms: the types they take (foldAlternatives), the schema's description as the hint. */
function alternatives({ error, where, value, hint }) {
    const types = error.params.types ?? [];
    const message = types.length
        ? `${where} must be ${types.map((name) => TYPE_NAMES[name] ?? name).join(" or ")}, not ${typeName(value)}`
        : `${where} has none of the forms it may take`;
    return { message, hint: hint ?? firstSentence(schemaDescription(error)) };
}
/** Turns ajv's errors into positioned messages, one per distinct problem, in file order. */
function schemaErrors(allErrors, source) {
    const seen = new Set();
    const result = [];
    const errors = foldAlternatives(allErrors);
    for (const error of errors) {
        // `if` only says that a branch failed; the branch's own error says what is wrong.
        // Errors about a property name (propertyName set) are read by the propertyNames case.
        if (error.keyword === "if" || error.propertyName !== undefined)
            continue;
        const path = dataPath(error, source.data);
        const problem = { error, errors, source, path, where: describePath(path), value: valueAt(source.data, path), hint: hintFor(path, error.keyword) };
        const describe = Object.hasOwn(KEYWORD_MESSAGES, error.keyword) ? KEYWORD_MESSAGES[error.keyword] : undefined;
        const { message, hint, position = source.at(path) } = describe ? describe(problem) : { message: `${problem.where} ${error.message ?? "is invalid"}`, hint: problem.hint };
        const key = `${position.line}:${position.col}:${message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        result.push(new SpecError(kindOf(error.keyword), position, message, hint));
    }
    return result.sort((a, b) => a.position.line - b.position.line || a.position.col - b.position.col);
}

;// CONCATENATED MODULE: ./src/validate/index.ts





function validateWith(validate, source) {
    if (validate(source.data))
        return;
    throw new SpecErrors(schemaErrors(validate.errors ?? [], source));
}
/** Checks a parsed spec against schema/model-spec.schema.json; throws every violation, positioned. */
function validateSpec(source) {
    validateWith(model_spec, source);
}
/** Checks a parsed budget file against schema/budget.schema.json; throws every violation, positioned. */
function validateBudget(source) {
    validateWith(budget, source);
}

;// CONCATENATED MODULE: ./src/resolve/functions.ts


/** Python's built-in and math functions that an expression may call, over numbers. */
const FUNCTIONS = ["ceil", "floor", "round", "min", "max"];
function isFunction(name) {
    return FUNCTIONS.includes(name);
}
function number(value, name, at) {
    if (value.kind === "int" || value.kind === "float" || value.kind === "bool")
        return value;
    throw new SpecError("operand-type", at, `${name}() needs numbers, not ${describeValue(value)}`, value.kind === "none" ? "None is no number: give the variable a value" : undefined);
}
function integer(value, name, at) {
    if (!Number.isSafeInteger(value))
        throw new SpecError("number-too-large", at, `${name}() gives ${value}, beyond 2^53: it cannot be counted exactly`, "check the expression for a runaway value");
    return { kind: "int", value };
}
/** Python's round(): to the nearest integer, a tie to the even one (round(2.5) is 2, round(3.5) is 4). */
function roundHalfEven(value) {
    const below = Math.floor(value);
    // Exact for doubles: value and its floor are less than 1 apart.
    const fraction = value - below;
    if (fraction !== 0.5)
        return fraction < 0.5 ? below : below + 1;
    return below % 2 === 0 ? below : below + 1;
}
/**
 * Calls one of FUNCTIONS as Python does: ceil, floor and round of a number give an integer (of an
 * integer, the integer itself); min and max take two or more numbers, or one tuple of them, and
 * give the first smallest or largest as it is (min(1, 2.0) is the integer 1).
 */
function callFunction(name, args, at) {
    if (name === "min" || name === "max") {
        const items = args.length === 1 && args[0].kind === "tuple" ? args[0].items : args;
        if (items.length === 0 || (args.length === 1 && args[0].kind !== "tuple"))
            throw new SpecError("function-arguments", at, `${name}() takes two or more numbers, or one tuple of them`, `e.g. ${name}(a, b)`);
        const numbers = items.map((item) => number(item, name, at));
        return numbers.reduce((best, item) => ((name === "min" ? Number(item.value) < Number(best.value) : Number(item.value) > Number(best.value)) ? item : best));
    }
    if (args.length !== 1)
        throw new SpecError("function-arguments", at, `${name}() takes one number, got ${args.length} arguments`, name === "round" ? "round(x, ndigits) is not supported: round(x) gives an integer" : undefined);
    const value = number(args[0], name, at);
    if (value.kind !== "float")
        return { kind: "int", value: Number(value.value) };
    if (!Number.isFinite(value.value))
        throw new SpecError("number-too-large", at, `${name}() of ${value.value} is no integer`, "check the expression for a runaway value");
    const rounded = name === "ceil" ? Math.ceil(value.value) : name === "floor" ? Math.floor(value.value) : roundHalfEven(value.value);
    // -0 from ceil(-0.5) is Python's 0.
    return integer(rounded === 0 ? 0 : rounded, name, at);
}

;// CONCATENATED MODULE: ./src/resolve/evaluate.ts



/** The name of a repeat's instance number inside its entry: `if: index == 0`, `with: {first: index == 0}`. */
const INDEX = "index";
/** The hint for `index` used where no repeat binds it. */
const INDEX_OUTSIDE_REPEAT = `${INDEX} is the instance number of a repeat: use it in an entry with repeat: or inside one; a block gets it as a parameter, with: {first: ${INDEX} == 0}`;
const LIMIT = Number.MAX_SAFE_INTEGER;
/** What a `/` result needs when an integer was expected: Python's `/` always gives a float. */
const INTEGER_DIVISION_HINT = "`/` gives a float, as in Python: use `//` for integer division";
function exact(value, at) {
    if (!Number.isSafeInteger(value)) {
        throw new SpecError("number-too-large", at, `integer ${value > 0 ? "above" : "below"} ${value > 0 ? "" : "-"}2^53 - 1 (${LIMIT.toLocaleString("en-US")}): it cannot be counted exactly`, `check the expression for a runaway product`);
    }
    return { kind: "int", value };
}
/** A name that is neither a variable in scope nor a keyword argument's bare word: always an error, at the name. */
function undefinedName(name, at, scope) {
    if (name === INDEX)
        return new SpecError("index-outside-repeat", at, `'${INDEX}' is used outside a repeat`, INDEX_OUTSIDE_REPEAT);
    const closest = closestName(name, scope.keys());
    return new SpecError("undefined-variable", spanning(at, name), `undefined variable '${name}'`, closest === undefined ? `define it under vars:, or write '${name}' in quotes for a string` : `did you mean '${closest}'?`);
}
function numeric(value, at, operator) {
    if (value.kind === "int" || value.kind === "float")
        return value.value;
    if (value.kind === "bool")
        return value.value ? 1 : 0;
    throw new SpecError("operand-type", at, `'${operator}' needs numbers, not ${describeValue(value)}`, value.kind === "none" ? "None is no number: give the variable a value" : undefined);
}
function truthy(value, at) {
    if (value.kind === "symbol")
        throw new SpecError("operand-type", at, `a condition needs a value, not the name '${value.name}'`, `compare it with a quoted string, e.g. x == '${value.name}'`);
    if (value.kind === "bool")
        return value.value;
    if (value.kind === "int" || value.kind === "float")
        return value.value !== 0;
    if (value.kind === "none")
        return false;
    if (value.kind === "string")
        return value.value.length > 0;
    if (value.kind === "tuple")
        return value.items.length > 0;
    return true;
}
/** Python's `==`: numbers by value, strings by text, tuples item by item; a bare name is never text. */
function equal(a, b) {
    if ((a.kind === "int" || a.kind === "float" || a.kind === "bool") && (b.kind === "int" || b.kind === "float" || b.kind === "bool"))
        return Number(a.value) === Number(b.value);
    if (a.kind === "tuple" && b.kind === "tuple")
        return a.items.length === b.items.length && a.items.every((item, i) => equal(item, b.items[i]));
    if (a.kind === "string" && b.kind === "string")
        return a.value === b.value;
    if (a.kind === "symbol" && b.kind === "symbol")
        return a.name === b.name;
    return a.kind === "none" && b.kind === "none";
}
function fromDivision(...values) {
    return values.some((value) => value.kind === "float" && value.fromDivision) ? { fromDivision: true } : {};
}
/** Python's `**` over integers, exact or refused; a negative exponent gives a float, as Python's does. */
function power(base, exponent, integers, at) {
    if (!integers || exponent < 0) {
        const result = base ** exponent;
        if (!Number.isFinite(result))
            throw new SpecError("number-too-large", at, `${base} ** ${exponent} overflows`, `check the expression for a runaway power`);
        return { kind: "float", value: result };
    }
    // Square and multiply, checking each step: 10 ** 10 ** 10 stops at the first product past 2^53.
    let result = 1;
    let square = base;
    for (let rest = exponent; rest > 0; rest = Math.floor(rest / 2)) {
        if (rest % 2 === 1)
            result = exact(result * square, at).value;
        if (rest > 1)
            square = exact(square * square, at).value;
    }
    return { kind: "int", value: result };
}
function arithmetic(op, left, right, at) {
    const a = numeric(left, at, op);
    const b = numeric(right, at, op);
    const integers = left.kind !== "float" && right.kind !== "float";
    const float = (value) => ({ kind: "float", value, ...fromDivision(left, right) });
    switch (op) {
        case "+":
            return integers ? exact(a + b, at) : float(a + b);
        case "-":
            return integers ? exact(a - b, at) : float(a - b);
        case "*":
            return integers ? exact(a * b, at) : float(a * b);
        case "**":
            return power(a, b, integers, at);
        case "/":
            if (b === 0)
                throw new SpecError("division-by-zero", at, `division by zero`);
            return { kind: "float", value: a / b, fromDivision: true };
        case "//":
        case "%": {
            if (b === 0)
                throw new SpecError("division-by-zero", at, `division by zero`);
            const quotient = Math.floor(a / b);
            if (op === "//")
                return integers ? exact(quotient, at) : float(quotient);
            return integers ? exact(a - quotient * b, at) : float(a - quotient * b);
        }
        case "<":
            return { kind: "bool", value: a < b };
        case "<=":
            return { kind: "bool", value: a <= b };
        case ">":
            return { kind: "bool", value: a > b };
        default:
            return { kind: "bool", value: a >= b };
    }
}
/**
 * Evaluates a parsed expression over variables. Integer arithmetic is exact or refused. Every name
 * must be a variable in scope, except where `keyword` allows a bare word: the whole value of a call
 * argument, as print(model) writes `mode=sum` or `dtype=torch.bfloat16`; the layer then checks it
 * against the words it knows. A dotted name (`torch.long`, `F.gelu`) can never be a variable, so it
 * stays a name wherever a whole value may be one.
 */
function evaluate(expr, scope, positionAt, text, keyword = false) {
    return evaluateNode(expr, { scope, positionAt, text }, keyword);
}
function evaluateNode(expr, context, keyword = false) {
    const { scope, positionAt } = context;
    switch (expr.kind) {
        case "number":
            return expr.isFloat ? { kind: "float", value: expr.value } : exact(expr.value, positionAt(expr.offset));
        case "string":
            return { kind: "string", value: expr.value };
        case "bool":
            return { kind: "bool", value: expr.value };
        case "none":
            return { kind: "none" };
        case "name": {
            const value = scope.get(expr.name);
            if (value)
                return value;
            if (keyword) {
                const suggestion = expr.name.includes(".") ? undefined : closestName(expr.name, scope.keys());
                return { kind: "symbol", name: expr.name, position: positionAt(expr.offset), ...(suggestion === undefined ? {} : { suggestion }) };
            }
            if (expr.name.includes("."))
                return { kind: "symbol", name: expr.name };
            throw undefinedName(expr.name, positionAt(expr.offset), scope);
        }
        case "tuple":
        case "list":
            return { kind: "tuple", items: expr.items.map((item) => evaluateNode(item, context)) };
        case "unary": {
            const at = positionAt(expr.offset);
            const operand = evaluateNode(expr.operand, context);
            if (expr.op === "not")
                return { kind: "bool", value: !truthy(operand, at) };
            const value = numeric(operand, at, expr.op);
            if (expr.op === "+")
                return operand;
            return operand.kind === "float" ? { ...operand, value: -value } : exact(-value, at);
        }
        case "binary": {
            // A left-associative chain (a 5,000-term sum) is as long as the text allows: walk it with a loop.
            const chain = [];
            let leftmost = expr;
            while (leftmost.kind === "binary" && leftmost.op !== "**") {
                chain.push(leftmost);
                leftmost = leftmost.left;
            }
            let value = leftmost.kind === "binary" ? applyBinary(leftmost, evaluateNode(leftmost.left, context), context) : evaluateNode(leftmost, context);
            for (let index = chain.length - 1; index >= 0; index--)
                value = applyBinary(chain[index], value, context);
            return value;
        }
        case "call":
            if (isFunction(expr.callee))
                return functionCall(expr, context);
            return { kind: "layer", call: evaluateCallNode(expr, context) };
    }
}
function applyBinary(expr, left, context) {
    const at = context.positionAt(expr.offset);
    if (expr.op === "and")
        return truthy(left, at) ? evaluateNode(expr.right, context) : left;
    if (expr.op === "or")
        return truthy(left, at) ? left : evaluateNode(expr.right, context);
    const right = evaluateNode(expr.right, context);
    if (expr.op === "==" || expr.op === "!=") {
        for (const side of [left, right]) {
            if (side.kind === "layer")
                throw new SpecError("operand-type", at, `'${expr.op}' compares values, not ${describeValue(side)}`);
        }
        return { kind: "bool", value: equal(left, right) === (expr.op === "==") };
    }
    return arithmetic(expr.op, left, right, at);
}
/** `ceil(d / 3)`, `max(a, b)`: a function over numbers, with positional arguments only. */
function functionCall(call, context) {
    const at = context.positionAt(call.offset);
    const named = call.args.find((arg) => arg.name !== undefined);
    if (named)
        throw new SpecError("function-arguments", context.positionAt(named.offset), `${call.callee}() takes positional arguments, not ${named.name}=`, `write ${call.callee}(...) with the values alone`);
    return callFunction(call.callee, call.args.map((arg) => evaluateNode(arg.value, context)), at);
}
function evaluateCallNode(call, context) {
    const { positionAt, text } = context;
    return {
        type: call.callee,
        position: positionAt(call.offset),
        text: text.slice(call.offset, call.end),
        args: call.args.map((arg) => ({
            ...(arg.name === undefined ? {} : { name: arg.name }),
            value: evaluateNode(arg.value, context, true),
            position: positionAt(arg.offset),
        })),
    };
}
/** Evaluates a constructor call: each argument's whole value may be a bare keyword such as `mode=sum`. */
function evaluateCall(call, scope, positionAt, text) {
    return evaluateCallNode(call, { scope, positionAt, text });
}
/** True when the value is a condition that holds, for `if:`. */
function isTrue(value, at) {
    return truthy(value, at);
}

;// CONCATENATED MODULE: ./src/resolve/paths.ts
function formatSegment(segment) {
    if (typeof segment !== "object")
        return String(segment);
    return segment.from === segment.to ? String(segment.from) : `[${segment.from}-${segment.to}]`;
}
function formatPath(segments) {
    return segments.map(formatSegment).join(".");
}
/** How many module instances a path stands for: the product of its index runs. */
function instanceCount(segments) {
    return segments.reduce((count, segment) => (typeof segment === "object" ? count * (segment.to - segment.from + 1) : count), 1);
}
/** `layer1.[0-1].conv1` → `layer1.0.conv1`, `layer1.1.conv1`: the module instances a layer entry's path stands for. */
function instancePaths(path) {
    return path.split(".").reduce((prefixes, segment) => {
        const range = /^\[(\d+)-(\d+)\]$/.exec(segment);
        const names = range ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => String(Number(range[1]) + i)) : [segment];
        return prefixes.flatMap((prefix) => names.map((name) => (prefix ? `${prefix}.${name}` : name)));
    }, [""]);
}
/** How many of a layer entry's instances `tokens` name, or 0 when the entry's path does not begin them. */
function instancesNamed(segments, tokens) {
    let instances = 1;
    const matches = segments.every((segment, i) => {
        const token = tokens[i];
        // `*` is any one child: every instance of a repeat, or any child of a plain Sequential.
        if (token === "*") {
            if (typeof segment === "object")
                instances *= segment.to - segment.from + 1;
            return true;
        }
        if (typeof segment === "string")
            return token === segment;
        if (typeof segment === "number")
            return token === String(segment);
        return /^\d+$/.test(token) && Number(token) >= segment.from && Number(token) <= segment.to;
    });
    return matches ? instances : 0;
}

;// CONCATENATED MODULE: ./src/resolve/repeat-index.ts


/** Instances whose contents are resolved one by one, over the whole model: a bound on the work an index costs. */
const MAX_INDEXED_INSTANCES = 10_000;
/** The values `index` takes, so that a nested repeat may rebind it and a var of that name may not. */
const indexValues = new WeakSet();
/** True when an entry's text names `index` (not the keyword of `select(1, index=0)`): only then are its instances resolved one by one. */
function mentionsIndex(body) {
    return new RegExp(`\\b${INDEX}\\b(?!\\s*=[^=])`).test(JSON.stringify(body));
}
/** The scope of instance `value` of a repeat at `at`; a var or block parameter named index would be silently hidden, so it is an error. */
function indexScope(scope, value, at) {
    const defined = scope.get(INDEX);
    if (defined && !indexValues.has(defined)) {
        throw new SpecError("index-redefined", at, `'${INDEX}' is a variable here, and inside a repeat it is the instance number`, `rename the variable (in vars: or the block's params:)`);
    }
    const bound = { kind: "int", value };
    indexValues.add(bound);
    return new Map(scope).set(INDEX, bound);
}
/** What one instance resolved to, but for its own index in paths: equal signatures resolve alike. */
function signature(layers, nodes) {
    const positional = new Set(["path", "segments", "own"]);
    return JSON.stringify({ layers, nodes }, (key, value) => (positional.has(key) ? undefined : value));
}

;// CONCATENATED MODULE: ./src/parse/expression.ts
/**
 * Our own parser for the Python-like text of call strings and expressions, such as
 * `Conv2d(3, 64, kernel_size=(7, 7), bias=False)` or `4 * d // heads`. It builds a tree and
 * nothing more: user text is never evaluated as code.
 */
/** A syntax error at a character offset of the parsed text. */
class ExpressionError extends Error {
    offset;
    hint;
    constructor(offset, message, hint) {
        super(message);
        this.offset = offset;
        this.hint = hint;
        this.name = "ExpressionError";
    }
}
const OPERATORS = ["**", "//", "==", "!=", "<=", ">=", "(", ")", "[", "]", ",", "=", "+", "-", "*", "/", "%", "<", ">"];
// Sticky: matched in place at lastIndex, so tokenizing never copies the rest of the text.
const NUMBER = /(?:\d+(?:_\d+)*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_.]*/y;
const MAX_LENGTH = 10_000;
const expression_MAX_DEPTH = 64;
function tokenize(text) {
    if (text.length > MAX_LENGTH) {
        throw new ExpressionError(0, `expression is ${text.length} characters long, more than the ${MAX_LENGTH} allowed`);
    }
    const tokens = [];
    let i = 0;
    while (i < text.length) {
        const ch = text[i];
        if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
            i++;
            continue;
        }
        NUMBER.lastIndex = i;
        const number = NUMBER.exec(text);
        if (number) {
            tokens.push({ kind: "number", text: number[0], offset: i });
            i += number[0].length;
            continue;
        }
        NAME.lastIndex = i;
        const name = NAME.exec(text);
        if (name) {
            tokens.push({ kind: "name", text: name[0], offset: i });
            i += name[0].length;
            continue;
        }
        if (ch === "'" || ch === '"') {
            const close = text.indexOf(ch, i + 1);
            if (close < 0)
                throw new ExpressionError(i, `unterminated string starting here`, `close it with ${ch}`);
            tokens.push({ kind: "string", text: text.slice(i, close + 1), value: text.slice(i + 1, close), offset: i });
            i = close + 1;
            continue;
        }
        const op = OPERATORS.find((candidate) => text.startsWith(candidate, i));
        if (!op)
            throw new ExpressionError(i, `unexpected character '${ch}'`);
        tokens.push({ kind: "op", text: op, offset: i });
        i += op.length;
    }
    tokens.push({ kind: "end", text: "", offset: text.length });
    return tokens;
}
const COMPARISONS = new Set(["==", "!=", "<", "<=", ">", ">="]);
class Parser {
    tokens;
    index = 0;
    depth = 0;
    constructor(tokens) {
        this.tokens = tokens;
    }
    get current() {
        return this.tokens[this.index];
    }
    next() {
        const token = this.current;
        if (token.kind !== "end")
            this.index++;
        return token;
    }
    isOp(text) {
        return this.current.kind === "op" && this.current.text === text;
    }
    isWord(text) {
        return this.current.kind === "name" && this.current.text === text;
    }
    expect(text, what) {
        if (!this.isOp(text)) {
            // (An unquoted call that YAML split at a comma inside [...] or {...} is reported by parseYaml, at the split.)
            const hint = this.current.kind === "end" ? `add the missing '${text}'` : undefined;
            throw new ExpressionError(this.current.offset, `expected '${text}' ${what}, found ${describe(this.current)}`, hint);
        }
        return this.next();
    }
    finish(result) {
        if (this.current.kind !== "end") {
            throw new ExpressionError(this.current.offset, `unexpected ${describe(this.current)} after the end of the expression`);
        }
        return result;
    }
    expression() {
        return this.nested(this.current.offset, () => this.or());
    }
    /**
     * Every recursive step of the grammar (parentheses, brackets, calls, unary operators, `not`, `**`)
     * goes through here, so the tree is never deeper than MAX_DEPTH and no later walk of it can overflow
     * the stack. Left-associative chains (`1 + 1 + ...`) are built by loops and evaluated by loops.
     */
    nested(offset, parse) {
        if (++this.depth > expression_MAX_DEPTH)
            throw new ExpressionError(offset, `expression nested more than ${expression_MAX_DEPTH} levels deep`, "simplify it: name parts of it under vars:");
        const result = parse();
        this.depth--;
        return result;
    }
    or() {
        let left = this.and();
        while (this.isWord("or")) {
            const offset = this.next().offset;
            left = { kind: "binary", op: "or", left, right: this.and(), offset };
        }
        return left;
    }
    and() {
        let left = this.not();
        while (this.isWord("and")) {
            const offset = this.next().offset;
            left = { kind: "binary", op: "and", left, right: this.not(), offset };
        }
        return left;
    }
    not() {
        if (this.isWord("not")) {
            const offset = this.next().offset;
            return { kind: "unary", op: "not", operand: this.nested(offset, () => this.not()), offset };
        }
        return this.comparison();
    }
    comparison() {
        const left = this.sum();
        if (this.current.kind === "op" && COMPARISONS.has(this.current.text)) {
            const token = this.next();
            return { kind: "binary", op: token.text, left, right: this.sum(), offset: token.offset };
        }
        return left;
    }
    sum() {
        let left = this.product();
        while (this.isOp("+") || this.isOp("-")) {
            const token = this.next();
            left = { kind: "binary", op: token.text, left, right: this.product(), offset: token.offset };
        }
        return left;
    }
    product() {
        let left = this.unary();
        while (this.isOp("*") || this.isOp("//") || this.isOp("/") || this.isOp("%")) {
            const token = this.next();
            left = { kind: "binary", op: token.text, left, right: this.unary(), offset: token.offset };
        }
        return left;
    }
    unary() {
        if (this.isOp("-") || this.isOp("+")) {
            const token = this.next();
            const operand = this.nested(token.offset, () => this.unary());
            return { kind: "unary", op: token.text, operand, offset: token.offset };
        }
        return this.power();
    }
    /** Python's `**`: right-associative, and binding tighter than a unary minus on its left (`-2 ** 2` is -4). */
    power() {
        const base = this.primary();
        if (!this.isOp("**"))
            return base;
        const token = this.next();
        return { kind: "binary", op: "**", left: base, right: this.nested(token.offset, () => this.unary()), offset: token.offset };
    }
    primary() {
        const token = this.current;
        switch (token.kind) {
            case "number": {
                this.next();
                const isFloat = /[.eE]/.test(token.text);
                return { kind: "number", value: Number(token.text.replaceAll("_", "")), isFloat, offset: token.offset };
            }
            case "string":
                this.next();
                return { kind: "string", value: token.value, offset: token.offset };
            case "name": {
                this.next();
                if (token.text === "True" || token.text === "False")
                    return { kind: "bool", value: token.text === "True", offset: token.offset };
                if (token.text === "None")
                    return { kind: "none", offset: token.offset };
                if (this.isOp("("))
                    return this.callAfterName(token);
                return { kind: "name", name: token.text, offset: token.offset };
            }
            case "op":
                if (token.text === "(")
                    return this.parenthesised();
                if (token.text === "[")
                    return this.list();
                break;
            case "end":
                throw new ExpressionError(token.offset, `expression ends where a value was expected`);
        }
        throw new ExpressionError(token.offset, `expected a value, found ${describe(token)}`);
    }
    parenthesised() {
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
            if (this.isOp(")"))
                break;
            items.push(this.expression());
        }
        this.expect(")", "to close the tuple");
        return { kind: "tuple", items, offset: open.offset };
    }
    list() {
        const open = this.next();
        const items = [];
        while (!this.isOp("]")) {
            items.push(this.expression());
            if (!this.isOp(","))
                break;
            this.next();
        }
        this.expect("]", "to close the list");
        return { kind: "list", items, offset: open.offset };
    }
    callAfterName(nameToken) {
        this.expect("(", `after '${nameToken.text}'`);
        const args = [];
        while (!this.isOp(")")) {
            const start = this.current;
            const nextToken = this.tokens[this.index + 1];
            if (start.kind === "name" && nextToken?.kind === "op" && nextToken.text === "=") {
                this.index += 2;
                args.push({ name: start.text, value: this.expression(), offset: start.offset });
            }
            else {
                if (args.some((arg) => arg.name !== undefined)) {
                    throw new ExpressionError(start.offset, `positional argument follows keyword argument`, `write it as name=value, or move it before the keyword arguments`);
                }
                args.push({ value: this.expression(), offset: start.offset });
            }
            if (!this.isOp(","))
                break;
            this.next();
        }
        const close = this.expect(")", `to close the call to ${nameToken.text}`);
        return { kind: "call", callee: nameToken.text, args, offset: nameToken.offset, end: close.offset + 1 };
    }
    call(bareNameAllowed = false) {
        const token = this.current;
        if (token.kind !== "name" || token.text === "True" || token.text === "False" || token.text === "None") {
            throw new ExpressionError(token.offset, `expected a ${bareNameAllowed ? "class name such as AdamW" : "layer type such as Linear(...)"}, found ${describe(token)}`);
        }
        this.next();
        if (bareNameAllowed && this.current.kind === "end")
            return { kind: "call", callee: token.text, args: [], offset: token.offset, end: token.offset + token.text.length };
        if (!this.isOp("(")) {
            throw new ExpressionError(this.current.offset, `expected '(' after '${token.text}'`, `write a constructor call, e.g. ${token.text}(...)`);
        }
        return this.callAfterName(token);
    }
}
function describe(token) {
    if (token.kind === "end")
        return "the end of the text";
    return `'${token.text}'`;
}
/** Parses a whole constructor call such as `Linear(d, 4 * d, bias=False)`. */
function parseCall(text) {
    const parser = new Parser(tokenize(text));
    return parser.finish(parser.call());
}
/** Parses a constructor call, or a bare class name as a call without arguments: `AdamW` is `AdamW()`. */
function parseCallOrName(text) {
    const parser = new Parser(tokenize(text));
    return parser.finish(parser.call(true));
}
/** Parses one expression such as `4 * d`, `(3, 3)` or `stride != 1 or inplanes != planes`. */
function parseExpression(text) {
    const parser = new Parser(tokenize(text));
    return parser.finish(parser.expression());
}

;// CONCATENATED MODULE: ./src/resolve/scope.ts




/** Parses `text`, turning a syntax error into a SpecError at its position. */
function parsedAt(positionAt, text, parse) {
    try {
        return parse(text);
    }
    catch (error) {
        if (!(error instanceof ExpressionError))
            throw error;
        throw new SpecError("expression-syntax", positionAt(error.offset), error.message, error.hint);
    }
}
/** Parses and evaluates the expression string at `path`; `keyword` lets its whole value be a bare word (see evaluate). */
function evaluateText(source, path, text, scope, keyword = false) {
    const positionAt = source.offsetsAt(path);
    const expr = parsedAt(positionAt, text, parseExpression);
    return evaluate(expr, scope, positionAt, text, keyword);
}
/** Parses and evaluates the constructor call string at `path`. */
function evaluateCallText(source, path, text, scope, parse = parseCall) {
    const call = parsedAt(source.offsetsAt(path), text, parse);
    return evaluateCall(call, scope, source.offsetsAt(path), text);
}
const WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A YAML value as a layer argument, variable or condition: numbers, booleans, ~ and lists as they are; strings as ValueMode says. */
function scope_valueOf(source, path, raw, scope, mode = "value") {
    if (raw === null || raw === undefined)
        return { kind: "none" };
    if (typeof raw === "boolean")
        return { kind: "bool", value: raw };
    if (typeof raw === "number") {
        if (!Number.isInteger(raw))
            return { kind: "float", value: raw };
        if (!Number.isSafeInteger(raw))
            throw new SpecError("number-too-large", source.at(path), `integer ${raw} is beyond 2^53 and cannot be counted exactly`);
        return { kind: "int", value: raw };
    }
    if (Array.isArray(raw))
        return { kind: "tuple", items: raw.map((item, index) => scope_valueOf(source, [...path, index], item, scope, mode === "strict" ? "strict" : "value")) };
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- any other YAML value is read as its text, as it always was
    const text = String(raw);
    if (mode !== "strict" && WORD.test(text) && !scope.has(text) && source.quotedAt(path))
        return { kind: "string", value: text };
    return evaluateText(source, path, text, scope, mode === "keyword");
}
/** An integer-valued setting such as `repeat:`, given as an integer or an expression. */
function integerAt(source, path, raw, scope, what) {
    const value = scope_valueOf(source, path, raw, scope, "strict");
    if (value.kind !== "int") {
        const hint = value.kind === "float" && value.fromDivision ? INTEGER_DIVISION_HINT : value.kind === "none" ? "None is no count: give an integer" : undefined;
        throw new SpecError("not-an-integer", source.at(path), `${what} must be an integer, not ${describeValue(value)}`, hint);
    }
    if (value.value < 0)
        throw new SpecError("out-of-range", source.at(path), `${what} must not be negative, got ${value.value}`);
    return value.value;
}
/**
 * A `vars:` value: `None`, `null` and `~` are Python's None; an empty value (`d:` and nothing after
 * it) is refused, since it is more often a value left out than a None meant.
 */
function variableAt(source, path, raw, scope) {
    if (raw === null && !source.writtenAt(path)) {
        const name = String(path.at(-1));
        throw new SpecError("variable-without-value", source.keyAt(path), `variable '${name}' has no value`, `give it one (${name}: 16), or write None for Python's None`);
    }
    return scope_valueOf(source, path, raw, scope);
}

;// CONCATENATED MODULE: ./src/resolve/topology.ts




const MERGES = ["add", "concat", "multiply"];
const TOPOLOGY_KEYS = ["forward", "residual", "branches"];
const CHILD = /^[A-Za-z0-9_]+$/;
function step(source, path, raw, scope) {
    const text = String(raw).trim();
    if (CHILD.test(text))
        return { kind: "child", name: text, position: source.at(path) };
    return { kind: "op", call: evaluateCallText(source, path, text, scope, parseCallOrName) };
}
function steps(source, path, raw, scope) {
    return raw.map((item, index) => step(source, [...path, index], item, scope));
}
function merge(source, path, raw) {
    if (MERGES.includes(raw))
        return raw;
    throw new SpecError("invalid-topology", source.at(path), `unknown merge '${String(raw)}'`, `use one of ${MERGES.join(", ")}`);
}
/** The topology keys of a module body (or of a block definition, or a spec's top level), evaluated in `scope`. */
function topologyOf(source, path, body, scope) {
    const topology = {};
    if (body.forward !== undefined)
        topology.forward = steps(source, [...path, "forward"], body.forward, scope);
    const residual = body.residual;
    if (residual !== undefined) {
        const at = [...path, "residual"];
        if (typeof residual === "string") {
            topology.residual = { merge: merge(source, at, residual), then: [], position: source.at(at) };
        }
        else {
            const spec = residual;
            const applies = spec.if === undefined ||
                isTrue(typeof spec.if === "boolean" ? { kind: "bool", value: spec.if } : scope_valueOf(source, [...at, "if"], spec.if, scope, "strict"), source.at([...at, "if"]));
            if (applies)
                topology.residual = {
                    merge: spec.merge === undefined ? "add" : merge(source, [...at, "merge"], spec.merge),
                    ...(spec.shortcut === undefined ? {} : { shortcut: step(source, [...at, "shortcut"], spec.shortcut, scope) }),
                    then: spec.then === undefined ? [] : steps(source, [...at, "then"], spec.then, scope),
                    position: source.at(at),
                };
        }
    }
    if (body.branches !== undefined)
        topology.branches = { merge: merge(source, [...path, "branches"], body.branches), position: source.at([...path, "branches"]) };
    if (topology.residual && topology.branches) {
        throw new SpecError("invalid-topology", source.keyAt([...path, "branches"]), "a module has residual: or branches:, not both", "wrap the branches in a child module and give the residual to its parent");
    }
    return topology;
}
/** A block's own topology with the keys its `use:` entry sets on top. */
function overlay(base, top) {
    return { ...base, ...top };
}

;// CONCATENATED MODULE: ./src/resolve/layers.ts







/** The keys that make a mapping a layer body rather than a one-key `name: layer` entry. */
const KINDS = ["type", "layer", "layers", "use", "include"];
const OPTIONS = new Set(["repeat", "if", "frozen", "dtype", "with", ...TOPOLOGY_KEYS]);
/** An include's path from the spec's folder; an absolute one is refused rather than read from the machine's root. */
function includedPath(source, included, path) {
    if (external_node_path_namespaceObject.posix.isAbsolute(included) || /^[A-Za-z]:[\\/]/.test(included)) {
        throw new SpecError("include-unreadable", source.at(path), `include: ${included} is an absolute path`, "write the path relative to the including spec, inside the repository");
    }
    return external_node_path_namespaceObject.posix.join(external_node_path_namespaceObject.posix.dirname(source.file), included);
}
function isMapping(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/**
 * A mapping with one of the KINDS keys is a layer body, except a one-key mapping whose value is
 * itself a mapping: no body has that shape, so it is a child named after a keyword, as Hugging
 * Face's `encoder.layer` and `model.layers` are (`- layers: {repeat: 32, layers: [...]}`).
 */
function isBody(value) {
    if (!isMapping(value) || !KINDS.some((kind) => kind in value))
        return false;
    const keys = Object.keys(value);
    return !(keys.length === 1 && isMapping(value[keys[0]]));
}
/** A call string written as a mapping: `{type: Embedding, num_embeddings: 50257, ...}`. */
function mappingCall(source, path, body, scope) {
    const args = [];
    const shown = [];
    for (const [name, raw] of Object.entries(body)) {
        if (name === "type" || OPTIONS.has(name))
            continue;
        args.push({ name, value: scope_valueOf(source, [...path, name], raw, scope, "keyword"), position: source.keyAt([...path, name]) });
        shown.push(`${name}=${Array.isArray(raw) ? `(${raw.join(", ")})` : String(raw)}`);
    }
    const type = String(body.type);
    return { type, args, position: source.at([...path, "type"]), text: `${type}(${shown.join(", ")})` };
}
function layers_kindOf(source, path, body) {
    const kinds = KINDS.filter((kind) => kind in body);
    if (kinds.length !== 1) {
        throw new SpecError("ambiguous-entry", source.keyAt([...path, kinds[1]]), `a layer has one of ${KINDS.join(", ")}; this one has both '${kinds[0]}' and '${kinds[1]}'`, "split it into two entries");
    }
    return kinds[0];
}
function blockScope(source, path, body, block, callerScope) {
    const given = (body.with ?? {});
    for (const name of Object.keys(given)) {
        if (!(name in block.params)) {
            const suggestion = didYouMean(name, Object.keys(block.params));
            const known = Object.keys(block.params);
            throw new SpecError("unknown-block-parameter", source.keyAt([...path, "with", name]), `block '${block.name}' has no parameter '${name}'`, suggestion ?? (known.length ? `its parameters are: ${known.join(", ")}` : "it takes no parameters"));
        }
    }
    const scope = new Map(block.scope);
    for (const [name, fallback] of Object.entries(block.params)) {
        if (name in given) {
            scope.set(name, scope_valueOf(source, [...path, "with", name], given[name], callerScope));
        }
        else if (fallback === null) {
            throw new SpecError("missing-block-parameter", source.at([...path, "use"]), `block '${block.name}' needs a value for '${name}'`, `add it under with:, e.g. with: {${name}: ...}`);
        }
        else {
            scope.set(name, scope_valueOf(block.source, [...block.path, "params", name], fallback, scope));
        }
    }
    return scope;
}
/** The tensors of a layer entry at `segments` that `frozen:` lists name; a path may not name some instances of a run only. */
function frozenTensors(paths, segments) {
    const found = [];
    for (const path of paths) {
        const below = segments.slice(path.depth);
        // As long as the path: a bare Parameter entry's one tensor.
        if (below.length > path.tokens.length)
            continue;
        const instances = instancesNamed(below, path.tokens);
        if (instances === 0)
            continue;
        const all = instanceCount(below);
        if (instances !== all) {
            throw new SpecError("frozen-partial-repeat", path.position, `frozen '${path.text}' names ${instances} of the ${all} instances of ${formatPath(segments)}`, "freeze every instance with * in place of the index, or split the repeat so the frozen instance is its own entry");
        }
        path.matched = true;
        found.push({ name: path.tokens.slice(below.length).join("."), text: path.text, position: path.position, glob: path.tokens.includes("*") });
    }
    return found;
}
/** A module's `frozen:` list once its layers are resolved: each item must have named a layer below it. */
function checkFrozenMatched(paths, segments) {
    const unmatched = paths.find((path) => !path.matched);
    if (!unmatched)
        return;
    throw new SpecError("frozen-not-found", unmatched.position, `frozen names '${unmatched.text}', which is no tensor of a layer in ${formatPath(segments)}`, "write the path below this entry: the children's names, then the tensor's, e.g. attn.bias; * stands for any one child");
}
function checkCycle(expanding, key, position, what) {
    if (expanding.includes(key)) {
        throw new SpecError("cycle", position, `${what} includes itself: ${[...expanding.slice(expanding.indexOf(key)), key].join(" → ")}`, "break the cycle");
    }
}
/** Names and numbers a list's children, refusing a name given twice; unnamed children are numbered like nn.Sequential's. */
function childNumbering() {
    const names = new Map();
    const runs = [];
    let nextIndex = 0;
    const duplicate = (name, position, earlier) => {
        throw new SpecError("duplicate-name", position, `duplicate name '${name}' in one module`, `the first '${name}' is at line ${earlier.line}; give each child its own name`);
    };
    // Unnamed children are numbered like nn.Sequential's, so a child named "2" can collide with one.
    const claimName = (name, position) => {
        const earlier = names.get(name) ?? runs.find((run) => /^\d+$/.test(name) && Number(name) >= run.from && Number(name) <= run.to)?.position;
        if (earlier)
            duplicate(name, position, earlier);
        names.set(name, position);
    };
    const claimRun = (from, to, position) => {
        for (const [name, earlier] of names)
            if (/^\d+$/.test(name) && Number(name) >= from && Number(name) <= to)
                duplicate(name, position, earlier);
        runs.push({ from, to, position });
    };
    return {
        /** The name an entry gets: its own, or the next number. */
        nameOf: (name) => name ?? String(nextIndex),
        /** The entry's own path segments, its name or numbers claimed. */
        claim(name, repeated, repeat, position) {
            if (name !== undefined) {
                claimName(name, position);
                return repeated ? [name, { from: 0, to: repeat - 1 }] : [name];
            }
            claimRun(nextIndex, nextIndex + repeat - 1, position);
            const own = repeat === 1 && !repeated ? [nextIndex] : [{ from: nextIndex, to: nextIndex + repeat - 1 }];
            nextIndex += repeat;
            return own;
        },
    };
}
/**
 * Reads one list item up to its instances; undefined when its `if:` is false or it repeats 0 times.
 * A `group` (a run of a repeat's instances that names index) skips the `if:`, already read for the
 * whole entry, takes its instances, path, scope and name from the group, and claims no name again.
 */
function readEntry(item, itemPath, context, numbering, group) {
    const { source } = context;
    const scope = group?.scope ?? context.scope;
    let name;
    let bodyPath = itemPath;
    let raw = item;
    if (typeof item === "object" && item !== null && !isBody(item)) {
        name = Object.keys(item)[0];
        bodyPath = [...itemPath, name];
        raw = item[name];
    }
    const body = typeof raw === "string" ? { layer: raw } : raw;
    const position = name === undefined ? source.at(itemPath) : source.keyAt(bodyPath);
    const childName = group?.childName ?? numbering.nameOf(name);
    const kind = typeof raw === "string" ? "layer" : layers_kindOf(source, bodyPath, body);
    if (body.if !== undefined && !group) {
        const condition = typeof body.if === "boolean" ? { kind: "bool", value: body.if } : scope_valueOf(source, [...bodyPath, "if"], body.if, scope, "strict");
        if (!isTrue(condition, source.at([...bodyPath, "if"])))
            return undefined;
    }
    const repeated = body.repeat !== undefined;
    const repeat = group?.instances ?? (repeated ? integerAt(source, [...bodyPath, "repeat"], body.repeat, scope, "repeat") : 1);
    if (body.with !== undefined && kind !== "use" && kind !== "include") {
        throw new SpecError("with-without-target", source.keyAt([...bodyPath, "with"]), `with: gives arguments to a block or an included spec, and this entry has neither`, "use: a block, or write the arguments in the call");
    }
    const own = group ? group.own : numbering.claim(name, repeated, repeat, position);
    if (repeat === 0)
        return undefined;
    return { kind, body, raw, bodyPath, position, childName, own, instances: repeat, repeated, scope };
}
/** An entry placed in the model: its path, what it freezes, its dtype settings and its instance count. */
function placeEntry(head, context, multiplier) {
    const { source } = context;
    const { body, bodyPath, scope } = head;
    const segments = [...context.prefix, ...head.own];
    const frozenList = Array.isArray(body.frozen)
        ? body.frozen.map((text, i) => ({ tokens: text.split("."), depth: segments.length, text, position: source.at([...bodyPath, "frozen", i]), matched: false }))
        : [];
    const dtypes = body.dtype === undefined
        ? context.dtypes
        : [...context.dtypes, { value: scope_valueOf(source, [...bodyPath, "dtype"], body.dtype, scope, "keyword"), position: source.at([...bodyPath, "dtype"]) }];
    const count = multiplier * instanceCount(head.own);
    if (!Number.isSafeInteger(count))
        throw new SpecError("too-many-instances", head.position, `${formatPath(segments)} stands for more than 2^53 instances`, "check repeat:");
    return {
        ...head,
        segments,
        frozen: context.frozen || body.frozen === true,
        frozenList,
        frozenPaths: frozenList.length ? [...context.frozenPaths, ...frozenList] : context.frozenPaths,
        dtypes,
        count,
    };
}
/**
 * A repeat whose entry names index, split into runs of instances that resolve alike: each
 * instance is resolved aside (`resolveOne`, into `children`), and neighbours with the same result share one entry.
 */
function instanceGroups(walker, context, children, head, resolveOne) {
    const { own, instances: repeat, childName, position } = head;
    walker.indexedInstances = (walker.indexedInstances ?? 0) + repeat;
    if (walker.indexedInstances > MAX_INDEXED_INSTANCES) {
        throw new SpecError("indexed-repeat-too-large", position, `repeats that use ${INDEX} stand for more than ${MAX_INDEXED_INSTANCES.toLocaleString("en-US")} instances, each resolved on its own`, `use ${INDEX} in fewer or smaller repeats`);
    }
    const run = own.findIndex((segment) => typeof segment === "object");
    const first = own[run].from;
    const groups = [];
    for (let i = 0; i < repeat; i++) {
        const instance = {
            own: own.map((segment, at) => (at === run ? { from: first + i, to: first + i } : segment)),
            instances: 1,
            scope: indexScope(context.scope, i, position),
            childName,
        };
        const [layersBefore, childrenBefore] = [walker.out.length, children.length];
        resolveOne(instance);
        const resolved = signature(walker.out.splice(layersBefore), children.splice(childrenBefore));
        const last = groups.at(-1);
        if (last?.signature === resolved) {
            last.instances++;
            last.own = last.own.map((segment, at) => (at === run ? { from: segment.from, to: first + i } : segment));
        }
        else
            groups.push({ ...instance, signature: resolved });
    }
    return groups;
}
/** A layer: a call string or a `type:` mapping; its entry goes to `walker.out` in model order. */
function resolveLeaf(walker, entry, context) {
    const { source, scope } = context;
    const { body, bodyPath, segments } = entry;
    const call = entry.kind === "type"
        ? mappingCall(source, bodyPath, body, scope)
        : evaluateCallText(source, [...bodyPath, ...(typeof entry.raw === "string" ? [] : ["layer"])], String(body.layer), scope);
    const node = { kind: "leaf", name: entry.childName, own: entry.own, instances: entry.instances, position: entry.position, layer: walker.out.length };
    walker.out.push({
        path: formatPath(segments),
        segments,
        count: entry.count,
        call,
        frozen: entry.frozen,
        frozenTensors: frozenTensors(entry.frozenPaths, segments),
        dtypes: entry.dtypes,
        position: entry.position,
    });
    return node;
}
/**
 * A module whose children are resolved from `layers` in `inner`: its own list, a block's or an included
 * spec's; `topology` (the block's or included spec's) is read after its children, and so is the entry's
 * own forward:/residual:/branches:, which speak of the module's contents: a block's parameters or an
 * included file's vars (`contentScope`), with this use's values, hide the entry's variables of the same name.
 */
function moduleOf(walker, entry, context, child) {
    const failedBefore = walker.errors.errors.length;
    const nodes = resolveList(walker, child.layers, child.path, child.inner, entry.count);
    const topology = child.topology();
    // A frozen: path into a child that failed matched nothing because of that failure: not a second mistake.
    if (walker.errors.errors.length === failedBefore)
        checkFrozenMatched(entry.frozenList, entry.segments);
    const { scope } = context;
    const entryScope = child.contentScope === scope ? scope : new Map([...scope, ...child.contentScope]);
    return {
        kind: "module",
        name: entry.childName,
        own: entry.own,
        instances: entry.instances,
        position: entry.position,
        children: nodes,
        topology: overlay(topology, topologyOf(context.source, entry.bodyPath, entry.body, entryScope)),
    };
}
/** The context an entry's children are resolved in. */
function innerContext(entry, context) {
    return { ...context, frozen: entry.frozen, frozenPaths: entry.frozenPaths, dtypes: entry.dtypes, prefix: entry.segments };
}
/** `layers:`: a module written in place. */
function resolveModule(walker, entry, context) {
    return moduleOf(walker, entry, context, {
        layers: entry.body.layers,
        path: [...entry.bodyPath, "layers"],
        inner: innerContext(entry, context),
        topology: () => ({}),
        contentScope: context.scope,
    });
}
/** `use:`: a block, its parameters bound to this use's `with:`. */
function resolveUse(walker, entry, context) {
    const { source, scope } = context;
    const { body, bodyPath } = entry;
    const blockName = String(body.use);
    const block = context.blocks.get(blockName);
    if (!block) {
        throw new SpecError("unknown-block", source.at([...bodyPath, "use"]), `unknown block '${blockName}'`, didYouMean(blockName, context.blocks.keys()) ?? "define it under blocks:, or include: the file that does");
    }
    checkCycle(context.expanding, `block ${blockName}`, source.at([...bodyPath, "use"]), `block '${blockName}'`);
    const boundScope = blockScope(source, bodyPath, body, block, scope);
    const blockContext = { ...innerContext(entry, context), source: block.source, scope: boundScope, expanding: [...context.expanding, `block ${blockName}`] };
    // The block's residual: {if: stride == 1} speaks of its parameters: evaluated with this use's values.
    return moduleOf(walker, entry, context, {
        layers: block.layers,
        path: [...block.path, "layers"],
        inner: blockContext,
        topology: () => topologyOf(block.source, block.path, block.body, boundScope),
        contentScope: boundScope,
    });
}
/** `include:`: another spec's layers as a module, its vars overridden by `with:`. */
function resolveInclude(walker, entry, context) {
    const { source, scope } = context;
    const { body, bodyPath } = entry;
    const file = includedPath(source, String(body.include), [...bodyPath, "include"]);
    const overrides = new Map();
    for (const [key, value] of Object.entries((body.with ?? {})))
        overrides.set(key, scope_valueOf(source, [...bodyPath, "with", key], value, scope));
    const included = walker.loadInclude(file, source.at([...bodyPath, "include"]), context.expanding, overrides);
    if (!included.data.layers) {
        throw new SpecError("include-without-layers", source.at([...bodyPath, "include"]), `${file} has no layers: to include as a module`, "include: a spec with layers:, or use: one of its blocks");
    }
    const includeContext = {
        ...innerContext(entry, context),
        source: included.source,
        scope: included.scope,
        blocks: included.blocks,
        expanding: [...context.expanding, `file ${file}`],
    };
    return moduleOf(walker, entry, context, {
        layers: included.data.layers,
        path: ["layers"],
        inner: includeContext,
        topology: () => included.topology,
        contentScope: included.scope,
    });
}
const RESOLVERS = {
    type: resolveLeaf,
    layer: resolveLeaf,
    layers: resolveModule,
    use: resolveUse,
    include: resolveInclude,
};
/**
 * Resolves one list of layers, appending leaf entries to `walker.out` in model order; returns the list's children.
 * Each item's errors go to the walker's collector, so the next item still resolves.
 */
function resolveList(walker, items, listPath, context, multiplier) {
    const children = [];
    const numbering = childNumbering();
    /** Resolves one item; `group` is a run of a repeat's instances that names index, resolved as an entry of its own. */
    const resolveItem = (item, index, group) => {
        const head = readEntry(item, [...listPath, index], context, numbering, group);
        if (!head)
            return;
        if (!group && head.repeated && mentionsIndex(head.body)) {
            for (const run of instanceGroups(walker, context, children, head, (one) => resolveItem(item, index, one)))
                resolveItem(item, index, run);
            return;
        }
        const entry = placeEntry(head, context, multiplier);
        // The entry's children and calls are read in its own scope: an index group's, where it is one.
        children.push(RESOLVERS[entry.kind](walker, entry, { ...context, scope: entry.scope }));
    };
    items.forEach((item, index) => walker.errors.attempt(() => resolveItem(item, index)));
    return children;
}

;// CONCATENATED MODULE: ./src/resolve/input.ts


/** The spec's `input:` with its sizes evaluated: `[3, 224, 224]` per sample, or `{tokens: 2048}`. */
function resolveInput(source, input, scope) {
    if (input === undefined)
        return undefined;
    const position = source.at(["input"]);
    const positive = (path, raw, what) => {
        const value = integerAt(source, path, raw, scope, what);
        if (value < 1)
            throw new SpecError("out-of-range", source.at(path), `${what} must be positive, got ${value}`);
        return value;
    };
    if (Array.isArray(input))
        return { value: { kind: "tensor", shape: input.map((size, index) => positive(["input", index], size, "an input size")) }, position };
    return { value: { kind: "tokens", length: positive(["input", "tokens"], input.tokens, "the sequence length") }, position };
}

;// CONCATENATED MODULE: ./src/resolve/ties.ts

const pathNode = () => ({ named: new Map(), runs: [] });
function pathTree(layers) {
    const root = pathNode();
    layers.forEach((layer, index) => {
        let node = root;
        for (const segment of layer.segments) {
            if (typeof segment === "object") {
                let run = node.runs.find((candidate) => candidate.from === segment.from && candidate.to === segment.to);
                if (!run)
                    node.runs.push((run = { ...segment, node: pathNode() }));
                node = run.node;
                continue;
            }
            const key = String(segment);
            if (!node.named.has(key))
                node.named.set(key, pathNode());
            node = node.named.get(key);
        }
        node.layer = index;
    });
    return root;
}
/** Every entry whose path begins `tokens`: `*` is any one child (every instance of a run), a number one instance of a run. */
function matches(node, tokens, depth, instances, found) {
    if (node.layer !== undefined)
        found.push({ layer: node.layer, depth, instances });
    if (depth === tokens.length)
        return;
    const token = tokens[depth];
    if (token === "*") {
        for (const child of node.named.values())
            matches(child, tokens, depth + 1, instances, found);
        for (const run of node.runs)
            matches(run.node, tokens, depth + 1, instances * (run.to - run.from + 1), found);
        return;
    }
    const child = node.named.get(token);
    if (child)
        matches(child, tokens, depth + 1, instances, found);
    if (!/^\d+$/.test(token))
        return;
    for (const run of node.runs)
        if (Number(token) >= run.from && Number(token) <= run.to)
            matches(run.node, tokens, depth + 1, instances, found);
}
/**
 * Matches `h.3.attn.c_proj.weight`, `h.*.c_fc.weight` or `blocks.*.weight` against the layer entries: the layer
 * path comes first, the rest is the tensor's name inside the layer. A path without `*` names its longest match;
 * with `*`, every entry it matches, as `glob` references: an entry that lacks the tensor is passed over then.
 */
function findTensors(tree, text, position) {
    const tokens = text.split(".");
    const glob = tokens.includes("*");
    const found = [];
    matches(tree, tokens, 0, 1, found);
    const chosen = glob ? found.sort((a, b) => a.layer - b.layer) : found.sort((a, b) => b.depth - a.depth).slice(0, 1);
    return chosen.map(({ layer, depth, instances }) => ({ layer, tensor: tokens.slice(depth).join("."), instances, text, position, ...(glob ? { glob } : {}) }));
}
/** The layer entry and tensor name a reference names: `h.*.weight` and `h.3.weight` name the same tensor of entry h. */
const tensorKey = (reference) => `${reference.layer}:${reference.tensor}`;
const SHOWN_LINKS = 6;
/** `a → b → c → a`, or for a long cycle its first and last links around the number left out. */
function cycleText(links) {
    const shown = links.length <= SHOWN_LINKS ? links : [...links.slice(0, SHOWN_LINKS / 2), `… ${links.length - SHOWN_LINKS} more …`, ...links.slice(-SHOWN_LINKS / 2)];
    return [...shown, links[0]].join(" → ");
}
/**
 * Refuses a tie of a tensor to itself, and a tie that closes a cycle (a.weight: b.weight, b.weight: a.weight):
 * every key has one value, so following the values from any key must end at a tensor that is no key.
 * Each tensor is walked once: a walk stops at a tensor an earlier walk finished.
 */
function checkChains(ties) {
    const tieOf = new Map(ties.map((tie) => [tensorKey(tie.parameter), tie]));
    const finished = new Set();
    for (const tie of ties) {
        if (tensorKey(tie.parameter) === tensorKey(tie.owner)) {
            throw new SpecError("tie-to-itself", tie.parameter.position, `tie '${tie.parameter.text}' names the same tensor as its target '${tie.owner.text}'`, "tie a tensor to another one it shares storage with, or remove the line");
        }
    }
    for (const start of ties) {
        const walk = [];
        const onWalk = new Set();
        for (let step = start; step && !finished.has(tensorKey(step.parameter)); step = tieOf.get(tensorKey(step.owner))) {
            const key = tensorKey(step.parameter);
            if (onWalk.has(key)) {
                const cycle = walk.slice(walk.findIndex((earlier) => tensorKey(earlier.parameter) === key));
                const closing = cycle.at(-1);
                throw new SpecError("tie-cycle", closing.parameter.position, `tie cycle: ${cycleText(cycle.map((link) => link.parameter.text))}`, "a tie's key is the copy and its value the tensor that holds the storage: remove one of these ties");
            }
            onWalk.add(key);
            walk.push(step);
        }
        for (const key of onWalk)
            finished.add(key);
    }
}
/** Resolves `tie:` paths to layer entries; tensor names and shapes are checked once layers are counted. */
function resolveTies(layers, tie, source) {
    const tree = pathTree(layers);
    const ties = Object.entries(tie ?? {}).flatMap(([parameterText, ownerText]) => {
        const parameterPosition = source.keyAt(["tie", parameterText]);
        const ownerPosition = source.at(["tie", parameterText]);
        const parameters = findTensors(tree, parameterText, parameterPosition);
        const owners = findTensors(tree, ownerText, ownerPosition);
        if (parameters.length === 0)
            throw new SpecError("tie-not-found", parameterPosition, `tie names '${parameterText}', which is no layer of this model`, "write the parameter's full path, e.g. lm_head.weight");
        if (owners.length === 0)
            throw new SpecError("tie-not-found", ownerPosition, `tie target '${ownerText}' is no layer of this model`, "write the shared parameter's full path, e.g. wte.weight");
        const ownerTensors = owners.reduce((sum, owner) => sum + owner.instances, 0);
        if (ownerTensors !== 1) {
            throw new SpecError("tie-ambiguous", ownerPosition, `tie target '${ownerText}' names ${ownerTensors} tensors, not one`, "give the index of one instance in place of *, e.g. h.0.attn.weight");
        }
        const owner = { ...owners[0], glob: false };
        return parameters.map((parameter) => {
            const entry = layers[parameter.layer];
            if (parameter.instances !== entry.count) {
                throw new SpecError("tie-ambiguous", parameterPosition, `tie '${parameterText}' names ${parameter.instances} of the ${entry.count} instances of ${entry.path}`, "tie every instance with * in place of the index, or split the repeat so the tied instance is its own entry");
            }
            return { parameter, owner };
        });
    });
    checkChains(ties);
    return ties;
}

;// CONCATENATED MODULE: ./src/resolve/training.ts


/** Evaluates the `training:` section with the spec's vars; what the settings mean is the memory stage's business. */
function resolveTraining(source, training, scope) {
    if (training === undefined)
        return undefined;
    const at = (key) => source.at(["training", key]);
    const resolved = {};
    if (training.optimizer !== undefined)
        resolved.optimizer = evaluateCallText(source, ["training", "optimizer"], training.optimizer, scope, parseCallOrName);
    if (training.precision !== undefined)
        resolved.precision = { value: training.precision, position: at("precision") };
    if (training.gpus !== undefined)
        resolved.gpus = { value: integerAt(source, ["training", "gpus"], training.gpus, scope, "gpus"), position: at("gpus") };
    if (training.zero !== undefined)
        resolved.zero = { value: training.zero, position: at("zero") };
    if (training.batch !== undefined)
        resolved.batch = { value: integerAt(source, ["training", "batch"], training.batch, scope, "batch"), position: at("batch") };
    if (training.checkpointing !== undefined)
        resolved.checkpointing = { value: training.checkpointing, position: at("checkpointing") };
    if (training.dtype !== undefined)
        resolved.dtype = { value: scope_valueOf(source, ["training", "dtype"], training.dtype, scope, "keyword"), position: at("dtype") };
    return resolved;
}

;// CONCATENATED MODULE: ./src/resolve/index.ts












const MAX_INCLUDE_DEPTH = 16;
/** Parses and validates each file once, however often it is included. */
function fileLoader(readFile, spec) {
    const cache = new Map();
    return (file, includedAt) => {
        const cached = cache.get(file);
        if (cached)
            return cached;
        let text;
        try {
            text = includedAt ? readFile(file, { spec }) : readFile(file);
        }
        catch (error) {
            if (!includedAt)
                throw error;
            // Only the file's name and what is wrong with it: never its content, which may be anyone's.
            if (error instanceof FileAccessError)
                throw new SpecError("include-unreadable", includedAt, `included file ${file} ${error.detail}`, error.hint);
            const code = error.code;
            if (code === "ENOENT")
                throw new SpecError("include-unreadable", includedAt, `included file ${file} does not exist`, "paths are relative to the including spec");
            throw new SpecError("include-unreadable", includedAt, `cannot read included file ${file}: ${code ?? error.message}`, "paths are relative to the including spec");
        }
        const source = parseYaml(text, file);
        validateSpec(source);
        const loaded = { source, data: source.data };
        cache.set(file, loaded);
        return loaded;
    };
}
/** Equal values, whatever their provenance (a float from `/`, where a bare word was written). */
function sameValue(a, b) {
    const provenance = new Set(["fromDivision", "position", "suggestion"]);
    const text = (value) => JSON.stringify(value, (key, item) => (provenance.has(key) ? undefined : item));
    return text(a) === text(b);
}
function samePosition(a, b) {
    return a.file === b.file && a.line === b.line && a.col === b.col;
}
/**
 * A variable defined twice with different values across a top-level include: the included file's
 * blocks and vars would keep one value while the rest of the model used the other, so it is refused.
 */
function conflictingVariable(name, here, there, value, other) {
    const where = `${there.file}:${there.line}:${there.col}`;
    return new SpecError("conflicting-definition", here, `'${name}' is ${describeValue(value)} here and ${describeValue(other)} in ${where}, whose blocks and vars would keep their own value`, `use one definition: rename this one, or make '${name}' a block parameter (params: {${name}: ...}) and set it with use: ... with: {${name}: ...}, or include the file's layers as a module with {include: ${there.file}, with: {${name}: ...}}`);
}
/** The variables and blocks of the files `loaded` includes, added to its own; two definitions of one variable must agree. */
function addIncluded({ source, data }, expanding, loadInclude, { scope, origins, blocks }) {
    const includes = data.include === undefined ? [] : typeof data.include === "string" ? [data.include] : data.include;
    includes.forEach((included, index) => {
        const path = typeof data.include === "string" ? ["include"] : ["include", index];
        const inner = loadInclude(includedPath(source, included, path), source.at(path), expanding, new Map());
        for (const [name, value] of inner.scope) {
            const here = inner.origins.get(name);
            const earlier = origins.get(name);
            if (earlier && !sameValue(scope.get(name), value) && !samePosition(earlier, here))
                throw conflictingVariable(name, here, earlier, value, scope.get(name));
            scope.set(name, value);
            origins.set(name, here);
        }
        for (const [name, block] of inner.blocks) {
            // One file included along two paths defines its blocks once.
            if (blocks.has(name) && blocks.get(name).source.file !== block.source.file)
                throw new SpecError("conflicting-definition", source.at(path), `block '${name}' is defined by two included files`, "rename one of them");
            blocks.set(name, block);
        }
    });
}
/** A file's variables and blocks, after those of the files it includes. */
function scopeOf(loaded, expanding, overrides, loadInclude) {
    const { source, data } = loaded;
    const scope = new Map();
    /** Where each variable in scope is defined: included blocks keep their file's values, so two definitions must agree. */
    const origins = new Map();
    const blocks = new Map();
    addIncluded(loaded, expanding, loadInclude, { scope, origins, blocks });
    for (const name of overrides.keys()) {
        if (!(name in (data.vars ?? {})))
            throw new SpecError("include-unknown-variable", source.at([]), `with: sets '${name}', which ${source.file} does not define under vars:`, "set only the included spec's vars");
    }
    for (const [name, raw] of Object.entries(data.vars ?? {})) {
        const value = overrides.get(name) ?? variableAt(source, ["vars", name], raw, scope);
        const here = source.keyAt(["vars", name]);
        const included = origins.get(name);
        if (included && !sameValue(scope.get(name), value))
            throw conflictingVariable(name, here, included, value, scope.get(name));
        scope.set(name, value);
        origins.set(name, here);
    }
    for (const [name, block] of Object.entries(data.blocks ?? {})) {
        if (blocks.has(name))
            throw new SpecError("conflicting-definition", source.keyAt(["blocks", name]), `block '${name}' is also defined by an included file`, "rename one of them");
        blocks.set(name, { name, params: block.params ?? {}, layers: block.layers, source, path: ["blocks", name], scope, body: block });
    }
    return { source, data, scope, origins, blocks, topology: topologyOf(source, [], data, scope) };
}
/**
 * Resolves a spec file into flat layer entries with counts, following include:, blocks and repeat.
 * Each layer entry's errors go to `errors`, and the other entries still resolve, so
 * one run shows every independent mistake; given no collector, they are thrown together at the end.
 * Ties, which may name a layer that failed, are resolved only when every entry did.
 */
function resolveSpec(file, readFile, errors) {
    const collector = errors ?? new DiagnosticCollector();
    const load = fileLoader(readFile, file);
    const loadInclude = (included, position, expanding, overrides) => {
        const key = `file ${included}`;
        if (expanding.includes(key)) {
            throw new SpecError("cycle", position, `include cycle: ${[...expanding.slice(expanding.indexOf(key)), key].map((step) => step.replace(/^file /, "")).join(" → ")}`, "remove one of the includes");
        }
        if (expanding.length >= MAX_INCLUDE_DEPTH)
            throw new SpecError("include-too-deep", position, `includes nested more than ${MAX_INCLUDE_DEPTH} deep`, "flatten the include chain");
        return scopeOf(load(included, position), [...expanding, key], overrides, loadInclude);
    };
    const root = scopeOf(load(file), [`file ${file}`], new Map(), loadInclude);
    if (!root.data.layers) {
        throw new SpecError("include-without-layers", { file, line: 1, col: 1 }, "the spec has no layers:", "list the model's layers under layers:, or include this file from a spec that does");
    }
    const walker = { loadInclude, out: [], errors: collector };
    const children = resolveList(walker, root.data.layers, ["layers"], { source: root.source, scope: root.scope, blocks: root.blocks, frozen: false, frozenPaths: [], dtypes: [], prefix: [], expanding: [`file ${file}`] }, 1);
    const input = resolveInput(root.source, root.data.input, root.scope);
    const ties = collector.failed ? [] : resolveTies(walker.out, root.data.tie, root.source);
    const training = resolveTraining(root.source, root.data.training, root.scope);
    if (!errors)
        collector.throwIfAny();
    return {
        model: root.data.model ?? external_node_path_namespaceObject.posix.basename(file).replace(/\.ya?ml$/, ""),
        file,
        layers: walker.out,
        tree: { kind: "module", name: "", own: [], instances: 1, position: { file, line: 1, col: 1 }, children, topology: root.topology },
        ...(input ? { input } : {}),
        ties,
        training,
    };
}

;// CONCATENATED MODULE: ./src/catalogue/arguments.ts



/**
 * A size below what any tensor can have. The importers replace a layer they cannot count with a
 * placeholder and a warning; a size like this one they refuse, as a spec does, since it only ever
 * comes from a typo or a tampered file and a placeholder would count it as nothing.
 */
class DimensionError extends SpecError {
}
/**
 * Arguments bound to a signature and type-checked. Accessors return plain numbers and booleans;
 * `fail` reports a constraint (channels divisible by groups, ...) at the argument's position.
 */
class LayerArguments {
    call;
    values;
    lookup;
    constructor(call, values, lookup) {
        this.call = call;
        this.values = values;
        this.lookup = lookup;
    }
    get type() {
        return this.call.type;
    }
    get callPosition() {
        return this.call.position;
    }
    bound(name) {
        const bound = this.values.get(name);
        if (!bound)
            throw new Error(`${this.call.type} has no argument '${name}' in its signature`);
        return bound;
    }
    has(name) {
        return this.values.has(name);
    }
    position(name) {
        return this.bound(name).position;
    }
    value(name) {
        return this.bound(name).value;
    }
    isNone(name) {
        return this.bound(name).value.kind === "none";
    }
    int(name) {
        const value = this.value(name);
        if (value.kind !== "int")
            this.fail(name, `${this.call.type} needs an integer for '${name}', got ${describeValue(value)}`, WHAT_TO_WRITE.int);
        return value.value;
    }
    optionalInt(name) {
        return this.isNone(name) ? undefined : this.int(name);
    }
    float(name) {
        const value = this.value(name);
        if (value.kind !== "int" && value.kind !== "float")
            this.fail(name, `${this.call.type} needs a number for '${name}', got ${describeValue(value)}`, WHAT_TO_WRITE.float);
        return value.value;
    }
    bool(name) {
        const value = this.value(name);
        if (value.kind !== "bool")
            this.fail(name, `${this.call.type} needs True or False for '${name}', got ${describeValue(value)}`, WHAT_TO_WRITE.bool);
        return value.value;
    }
    string(name) {
        const value = this.value(name);
        if (value.kind === "string")
            return value.value;
        if (value.kind === "symbol")
            return value.name;
        this.fail(name, `${this.call.type} needs a string for '${name}', got ${describeValue(value)}`, WHAT_TO_WRITE.string);
    }
    /** An int or tuple of ints as a list: `7` is `[7]`, `(3, 5)` is `[3, 5]`. */
    ints(name) {
        const value = this.value(name);
        if (value.kind === "int")
            return [value.value];
        if (value.kind === "tuple" && value.items.every((item) => item.kind === "int")) {
            return value.items.map((item) => item.value);
        }
        this.fail(name, `${this.call.type} needs an integer or a tuple of integers for '${name}', got ${describeValue(value)}`, WHAT_TO_WRITE.size);
    }
    /** A per-dimension size such as kernel_size: an int is repeated `dims` times, a tuple must have `dims` items. */
    size(name, dims) {
        const value = this.value(name);
        const items = this.ints(name);
        if (value.kind === "int")
            return Array.from({ length: dims }, () => items[0]);
        if (items.length !== dims) {
            this.fail(name, `${this.call.type} needs ${dims} value${dims === 1 ? "" : "s"} for '${name}', got ${items.length}`, `write a single integer or a tuple of ${dims}`);
        }
        return items;
    }
    /** A nested layer argument, bound to its own definition. */
    layer(name) {
        const value = this.value(name);
        if (value.kind !== "layer")
            this.fail(name, `${this.call.type} needs a layer such as TransformerEncoderLayer(...) for '${name}', got ${describeValue(value)}`, WHAT_TO_WRITE.layer);
        const definition = this.lookup(value.call);
        return { definition, args: bindArguments(definition, value.call, this.lookup) };
    }
    fail(name, message, hint) {
        const value = this.values.get(name)?.value;
        // A bare word the layer does not know may be a misspelt variable rather than a keyword.
        const misspelt = value?.kind === "symbol" && value.suggestion !== undefined ? `if '${value.name}' is a variable: did you mean '${value.suggestion}'?` : undefined;
        const at = value?.kind === "symbol" && value.suggestion !== undefined ? value.position : undefined;
        throw new SpecError("invalid-argument", at ?? this.values.get(name)?.position ?? this.call.position, message, [hint, misspelt].filter(Boolean).join("; ") || undefined);
    }
    /** Refuses a size no tensor can have (below 1, or a negative padding): an error wherever the call comes from. */
    refuseSize(name, message, hint) {
        throw new DimensionError("invalid-size", this.values.get(name)?.position ?? this.call.position, message, hint);
    }
}
function defaultValue(spec) {
    const raw = spec.default;
    if (raw === null || raw === undefined)
        return { kind: "none" };
    if (typeof raw === "boolean")
        return { kind: "bool", value: raw };
    if (typeof raw === "string")
        return { kind: "string", value: raw };
    if (typeof raw === "number")
        return Number.isInteger(raw) && spec.type !== "float" ? { kind: "int", value: raw } : { kind: "float", value: raw };
    return { kind: "tuple", items: raw.map((item) => ({ kind: "int", value: item })) };
}
function accepts(type, value) {
    switch (type) {
        case "any":
            return true;
        case "int":
            return value.kind === "int";
        case "float":
            return value.kind === "int" || value.kind === "float";
        case "bool":
            return value.kind === "bool";
        case "string":
            return value.kind === "string" || value.kind === "symbol";
        case "size":
            return value.kind === "int" || (value.kind === "tuple" && value.items.every((item) => item.kind === "int"));
        case "padding":
            return accepts("size", value) || accepts("string", value);
        case "layer":
            return value.kind === "layer";
    }
}
const EXPECTED = {
    any: "a value",
    int: "an integer",
    float: "a number",
    bool: "True or False",
    string: "a string",
    size: "an integer or a tuple of integers",
    padding: "an integer, a tuple of integers or a string such as 'same'",
    layer: "a layer such as TransformerEncoderLayer(...)",
};
/** What to write instead of a value of the wrong type. */
const WHAT_TO_WRITE = {
    any: "write the value as PyTorch takes it",
    int: "write a whole number such as 64; in an expression, // divides to a whole number",
    float: "write a number such as 0.1",
    bool: "write True or False",
    string: "write a quoted string such as 'same'",
    size: "write an integer such as 3, or a tuple of integers such as (3, 3)",
    padding: "write an integer, a tuple of integers such as (1, 1), or 'same' or 'valid'",
    layer: "write a layer call such as TransformerEncoderLayer(512, 8)",
};
function checkType(call, spec, value, position) {
    if (value.kind === "none" && (spec.optional || spec.default === null))
        return;
    if (accepts(spec.type, value))
        return;
    if (value.kind === "symbol") {
        const hint = value.suggestion === undefined ? `define it under vars:, or check its spelling` : `did you mean '${value.suggestion}'?`;
        throw new SpecError("undefined-variable", value.position ? spanning(value.position, value.name) : position, `undefined variable '${value.name}' in argument '${spec.name}' of ${call.type}`, hint);
    }
    throw new SpecError("argument-type", position, `${call.type} argument '${spec.name}' must be ${EXPECTED[spec.type]}, got ${describeValue(value)}`, typeHint(spec, value) ?? WHAT_TO_WRITE[spec.type]);
}
/** What to write instead, for the wrong types users commonly give. */
function typeHint(spec, value) {
    const number = spec.type === "int" || spec.type === "size";
    const divided = (item) => (item.kind === "float" && item.fromDivision === true) || (item.kind === "tuple" && item.items.some(divided));
    if (number && divided(value))
        return INTEGER_DIVISION_HINT;
    if (value.kind === "none" && number)
        return "None is no size here: give an integer (a variable set to None or ~ passes None)";
    // Parameter(torch.tensor(2.6592)) as a module's code writes it: a spec gives the shape, not the values.
    if (value.kind === "layer" && /^torch\.(tensor|zeros|ones|empty|full|rand|randn)$/.test(value.call.type)) {
        return "a spec gives a tensor's shape, not its values: Parameter(()) is a scalar, Parameter(3, 4) a 3×4 tensor";
    }
    return undefined;
}
// Signatures are constants: what binding needs from one is worked out once, not per layer.
const prepared = new WeakMap();
function prepare(signature) {
    let result = prepared.get(signature);
    if (!result) {
        result = {
            variadic: signature.find((spec) => spec.variadic),
            positional: signature.filter((spec) => !spec.variadic),
            byName: new Map(signature.map((spec) => [spec.name, spec])),
            defaults: new Map(signature.map((spec) => [spec.name, defaultValue(spec)])),
        };
        prepared.set(signature, result);
    }
    return result;
}
/** A keyword argument the signature does not have, underlined whole, with the name likely meant. */
function unknownArgument(signature, call, name, position) {
    const names = signature.filter((candidate) => !candidate.variadic).map((candidate) => candidate.name);
    const suggestion = didYouMean(name, names);
    return new SpecError("unknown-argument", spanning(position, name), `${call.type} has no argument '${name}'`, suggestion ?? (names.length ? `its arguments are: ${names.join(", ")}` : `it takes no keyword arguments`));
}
function bindArguments(definition, call, lookup) {
    const signature = definition.signature;
    const { variadic, positional: positionalSpecs, byName, defaults } = prepare(signature);
    const values = new Map();
    const extra = [];
    let positionalIndex = 0;
    for (const arg of call.args) {
        if (arg.name === undefined) {
            if (variadic) {
                extra.push({ value: arg.value, position: arg.position });
                continue;
            }
            const spec = positionalSpecs[positionalIndex++];
            if (!spec) {
                throw new SpecError("too-many-arguments", arg.position, `${call.type} takes at most ${positionalSpecs.length} positional argument${positionalSpecs.length === 1 ? "" : "s"}, got more`, `name the extra argument, e.g. name=value`);
            }
            values.set(spec.name, { value: arg.value, position: arg.position });
            continue;
        }
        const spec = byName.get(arg.name);
        if (!spec || spec.variadic)
            throw unknownArgument(signature, call, arg.name, arg.position);
        if (values.has(spec.name)) {
            throw new SpecError("duplicate-argument", arg.position, `${call.type} got two values for argument '${spec.name}'`, `give each argument once`);
        }
        values.set(spec.name, { value: arg.value, position: arg.position });
    }
    if (variadic) {
        values.set(variadic.name, { value: { kind: "tuple", items: extra.map((item) => item.value) }, position: extra[0]?.position ?? call.position });
    }
    for (const spec of signature) {
        const bound = values.get(spec.name);
        if (bound) {
            if (spec.variadic) {
                const tuple = bound.value;
                tuple.items.forEach((item, index) => checkType(call, spec, item, extra[index].position));
            }
            else {
                checkType(call, spec, bound.value, bound.position);
            }
            continue;
        }
        if (spec.default === undefined && !spec.optional) {
            throw new SpecError("missing-argument", call.position, `${call.type} is missing its required argument '${spec.name}'`, `signature: ${formatSignature(definition)}`);
        }
        values.set(spec.name, { value: defaults.get(spec.name), position: call.position });
    }
    return new LayerArguments(call, values, lookup);
}
function formatSignature(definition) {
    const parts = definition.signature.map((spec) => {
        if (spec.variadic)
            return `*${spec.name}`;
        if (spec.default === undefined)
            return spec.name;
        const shown = spec.default === null ? "None" : typeof spec.default === "boolean" ? (spec.default ? "True" : "False") : JSON.stringify(spec.default);
        return `${spec.name}=${shown}`;
    });
    return `${definition.type}(${parts.join(", ")})`;
}

;// CONCATENATED MODULE: ./src/catalogue/common.ts
/** One signature entry; a `value` of undefined makes the argument required, `null` defaults it to None. */
function arg(name, type, value) {
    return value === undefined ? { name, type } : { name, type, default: value };
}
const INPLACE = arg("inplace", "bool", false);
/** PyTorch's factory keyword arguments, last in every signature that creates tensors. */
const FACTORY_KWARGS = [arg("device", "any", null), arg("dtype", "any", null)];
/** A size as the user wrote it, `3` or `(3, 0)`, so a message quotes the argument rather than its expansion. */
function written(args, name) {
    const items = args.ints(name);
    if (args.value(name).kind !== "tuple")
        return String(items[0]);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}
/**
 * A count such as channels, features or groups. PyTorch builds zero-element tensors from 0 and fails
 * only at the first forward pass, if at all; in a spec it is always a mistake worth reporting early.
 */
function positive(args, name) {
    const value = args.int(name);
    if (value < 1)
        args.refuseSize(name, `${args.type} needs a positive '${name}', got ${value}`, POSITIVE_HINT);
    return value;
}
/** What to do about a count below 1: it is a typo, or an expression over vars that went wrong. */
const POSITIVE_HINT = "write 1 or more; when an expression gives it, check the vars it uses";
/** Per-dimension sizes with every item at least `minimum`: kernel sizes and strides (1), paddings (0). */
function atLeast(args, name, sizes, minimum) {
    if (sizes.some((size) => size < minimum)) {
        args.refuseSize(name, `${args.type} needs ${minimum === 1 ? "positive" : "non-negative"} values for '${name}', got ${written(args, name)}`, minimum === 1 ? POSITIVE_HINT : "write 0 or more; when an expression gives it, check the vars it uses");
    }
    return sizes;
}
function sizeAtLeast(args, name, dims, minimum) {
    return atLeast(args, name, args.size(name, dims), minimum);
}
function numel(shape) {
    return shape.reduce((product, size) => product * size, 1);
}
function sameShape(a, b) {
    return a.length === b.length && a.every((size, dim) => size === b[dim]);
}
/**
 * The output length of a sliding window, as PyTorch's convolution and pooling compute it. With
 * `ceil` (pooling's ceil_mode) a last window that starts inside the input or its left padding counts.
 */
function windows(length, kernel, stride, padding, dilation, ceil) {
    const span = length + 2 * padding - dilation * (kernel - 1) - 1;
    if (!ceil)
        return Math.floor(span / stride) + 1;
    const out = Math.ceil(span / stride) + 1;
    return (out - 1) * stride >= length + padding ? out - 1 : out;
}
/** A `[batch, channels, *spatial]` input of `dims` spatial dimensions, or a mismatch at `name`. */
function channelsFirst(input, dims, channels, name, what) {
    const { shape } = input;
    if (shape.length !== dims + 2)
        input.mismatch(undefined, `a ${dims + 2}-d input (batch, channels and ${dims} spatial dimension${dims === 1 ? "" : "s"})`);
    if (channels !== undefined && shape[1] !== channels)
        input.mismatch(name, `${channels} ${what}`);
    return shape.slice(2);
}
/** An element-wise layer: same shape, saving its input or its output; in place, the output is the input's storage. */
function elementwise(input, saves, inplace = false) {
    return { output: [...input.shape], saves: saves === "nothing" ? [] : [saves], ...(inplace ? { sharesInput: true } : {}) };
}
/** A Python dimension index (negative counts from the end), checked against the input's rank. */
function dimension(input, dim, name) {
    const rank = input.shape.length;
    if (dim < -rank || dim >= rank)
        input.mismatch(name, `a dimension ${dim}`);
    return dim < 0 ? dim + rank : dim;
}

;// CONCATENATED MODULE: ./src/catalogue/parameter-free.ts

function withoutTensors([type, signature, check, forward]) {
    return {
        type,
        signature,
        tensors(args) {
            check?.(args);
            return { parameters: [], buffers: [] };
        },
        ...(forward ? { forward } : {}),
    };
}
/** One row per dimensionality: `MaxPool1d`, `MaxPool2d`, `MaxPool3d`. */
function perDims(name, dims, row) {
    return dims.map((d) => [`${name}${d}d`, ...row(d)]);
}
const ONE_TO_THREE = [1, 2, 3];
const KERNEL_STRIDE = [arg("kernel_size", "size"), arg("stride", "size", null)];
const PADDING = arg("padding", "size", 0);
const CEIL_MODE = arg("ceil_mode", "bool", false);
const RETURN_INDICES = arg("return_indices", "bool", false);
const RESIZE = [arg("size", "size", null), arg("scale_factor", "any", null)];
const UPSAMPLE_MODES = ["nearest", "linear", "bilinear", "bicubic", "trilinear", "area", "nearest-exact"];
const INTERPOLATING_MODES = ["linear", "bilinear", "bicubic", "trilinear"];
const checkProbability = (args) => {
    const p = args.float("p");
    if (p < 0 || p > 1)
        args.fail("p", `${args.type} p must be between 0 and 1, got ${p}`, `p is the probability of zeroing an element`);
};
/** Pooling windows also take a 1-tuple wherever they take an int. */
function pooled(args, name, dims, minimum) {
    const items = args.ints(name);
    return atLeast(args, name, items.length === 1 ? Array.from({ length: dims }, () => items[0]) : args.size(name, dims), minimum);
}
/** Checks kernel_size, stride (None means the kernel size) and, when asked, padding: max and average pooling keep it within half the kernel. */
function pool(dims, padding) {
    return (args) => {
        const kernel = pooled(args, "kernel_size", dims, 1);
        if (!args.isNone("stride"))
            pooled(args, "stride", dims, 1);
        if (!padding)
            return;
        const pads = pooled(args, "padding", dims, 0);
        if (padding === "halfKernel" && pads.some((pad, d) => pad * 2 > kernel[d])) {
            args.fail("padding", `${args.type} padding=${written(args, "padding")} must be at most half of kernel_size=${written(args, "kernel_size")}`, `use padding <= kernel_size // 2`);
        }
    };
}
const checkDivisor = (args) => {
    if (args.optionalInt("divisor_override") === 0)
        args.fail("divisor_override", `${args.type} divisor_override must not be 0`, `use None to divide by the window size`);
};
/** Numbers from an int, a float or a tuple of them, for the float-valued sizes that `size` does not cover. */
function numbers(args, name) {
    const value = args.value(name);
    const items = value.kind === "tuple" ? value.items : [value];
    if (!items.every((item) => item.kind === "int" || item.kind === "float")) {
        args.fail(name, `${args.type} needs a number or a tuple of numbers for '${name}'`, "write a number such as 0.5, or a tuple such as (0.5, 0.5)");
    }
    return items.map((item) => item.value);
}
const fractional = (dims) => (args) => {
    pooled(args, "kernel_size", dims, 1);
    const hasSize = !args.isNone("output_size");
    const hasRatio = !args.isNone("output_ratio");
    if (hasSize === hasRatio) {
        args.fail("output_ratio", `${args.type} needs exactly one of output_size and output_ratio, got ${hasSize ? "both" : "neither"}`, `give output_size=(height, width) or output_ratio=0.5`);
    }
    if (!hasRatio)
        return;
    const ratios = numbers(args, "output_ratio");
    if (ratios.some((ratio) => ratio <= 0 || ratio >= 1)) {
        args.fail("output_ratio", `${args.type} output_ratio must be between 0 and 1, exclusive`, `it is the output size as a fraction of the input size`);
    }
    if (ratios.length !== 1 && ratios.length !== dims)
        args.fail("output_ratio", `${args.type} needs one output_ratio or ${dims}, got ${ratios.length}`);
};
/** An adaptive pool's output size: an int, or a tuple whose None items keep the input's size. */
const checkOutputSize = (args) => {
    const value = args.value("output_size");
    const items = value.kind === "tuple" ? value.items : [value];
    if (!items.every((item) => item.kind === "none" || (item.kind === "int" && item.value >= 1))) {
        args.fail("output_size", `${args.type} output_size must be a positive integer, or a tuple of positive integers and None`, "write the output's size per spatial dimension, e.g. 1 or (7, 7); None keeps the input's size");
    }
};
/** A target size, when given instead of a scale factor, has every item at least 1. */
const checkSize = (args) => {
    if (!args.isNone("size"))
        atLeast(args, "size", args.ints("size"), 1);
};
const checkUpsample = (args) => {
    checkSize(args);
    const mode = args.string("mode");
    if (!UPSAMPLE_MODES.includes(mode))
        args.fail("mode", `${args.type} mode '${mode}' is unknown`, `use one of ${UPSAMPLE_MODES.map((name) => `'${name}'`).join(", ")}`);
    if (!args.isNone("align_corners") && !INTERPOLATING_MODES.includes(mode)) {
        args.fail("align_corners", `${args.type} align_corners applies only to the interpolating modes ${INTERPOLATING_MODES.join(", ")}, not '${mode}'`, `remove align_corners, or use one of those modes`);
    }
};
/** print(model) shows these classes' fixed mode, so the keyword must bind, but only to that mode. */
function upsampling(type, mode) {
    const check = (args) => {
        checkSize(args);
        const given = args.string("mode");
        if (given !== mode)
            args.fail("mode", `${type} always uses mode '${mode}', got '${given}'`, `use Upsample(mode='${given}') instead`);
    };
    return [type, [...RESIZE, arg("mode", "string", mode)], check, upsample];
}
const checkFactor = (name) => (args) => void positive(args, name);
/** Each spatial dimension's number of windows, or a mismatch when the input is smaller than a window. */
function slide(args, input, dims, padding, dilation) {
    const spatial = channelsFirst(input, dims, undefined, undefined, "");
    const kernel = pooled(args, "kernel_size", dims, 1);
    const stride = args.isNone("stride") ? kernel : pooled(args, "stride", dims, 1);
    const out = spatial.map((length, d) => windows(length, kernel[d], stride[d], padding[d], dilation[d], args.bool("ceil_mode")));
    if (out.some((length) => length < 1))
        input.mismatch("kernel_size", `an input of at least its kernel size ${written(args, "kernel_size")}`);
    return out;
}
/** Max pooling keeps its input and the int64 index of each maximum for backward; average pooling only its input. */
function pooling(dims, indices) {
    return (args, input) => {
        const padding = pooled(args, "padding", dims, 0);
        const dilation = indices ? pooled(args, "dilation", dims, 1) : padding.map(() => 1);
        return windowed(input, slide(args, input, dims, padding, dilation), indices);
    };
}
/**
 * LPPool is `(avg_pool(x^p) * window size)^(1/p)` with a sign and a ReLU on the way, in PyTorch's
 * Python: autograd keeps its input, x^p, four tensors of the output's size and the window size as
 * an int64 scalar (measured).
 */
const lpPooling = (dims) => (args, input) => {
    const none = Array.from({ length: dims }, () => 0);
    const output = [
        ...input.shape.slice(0, 2),
        ...slide(args, input, dims, none, none.map(() => 1)),
    ];
    const kept = { elements: numel(input.shape) + 4 * numel(output), dtype: "activation" };
    return { output, saves: ["input", kept, { elements: 1, dtype: "int64" }] };
};
/**
 * MaxUnpool is called on one tensor: the indices are assumed to be those of a max pool with the same
 * kernel, stride and padding that produced it, so the output has that pool's input size, and
 * backward keeps the indices (int64, one per input element).
 */
const unpooling = (dims) => (args, input) => {
    const spatial = channelsFirst(input, dims, undefined, undefined, "");
    const kernel = pooled(args, "kernel_size", dims, 1);
    const stride = args.isNone("stride") ? kernel : pooled(args, "stride", dims, 1);
    const padding = pooled(args, "padding", dims, 0);
    const out = spatial.map((length, d) => (length - 1) * stride[d] - 2 * padding[d] + kernel[d]);
    if (out.some((length) => length < 1))
        input.mismatch("padding", "an output of at least one element");
    return { output: [...input.shape.slice(0, 2), ...out], saves: [{ elements: numel(input.shape), dtype: "int64" }] };
};
/** output_size, or the input's size times output_ratio rounded down; every window must fit in the input. */
const fractionalPooling = (dims) => (args, input) => {
    const spatial = channelsFirst(input, dims, undefined, undefined, "");
    const kernel = pooled(args, "kernel_size", dims, 1);
    const ratios = args.isNone("output_ratio") ? undefined : numbers(args, "output_ratio");
    const out = ratios ? spatial.map((length, d) => Math.floor(length * ratios[ratios.length === 1 ? 0 : d])) : pooled(args, "output_size", dims, 1);
    if (out.some((length, d) => length < 1 || length + kernel[d] - 1 > spatial[d])) {
        input.mismatch(ratios ? "output_ratio" : "output_size", `an input of at least output size + kernel_size - 1 in each dimension`);
    }
    return windowed(input, out, true);
};
function windowed(input, spatial, indices) {
    const output = [...input.shape.slice(0, 2), ...spatial];
    return { output, saves: ["input", ...(indices ? [{ elements: numel(output), dtype: "int64" }] : [])] };
}
/** Adaptive pooling: output_size per dimension, None keeping the input's. */
const adaptive = (dims, indices) => (args, input) => {
    const spatial = channelsFirst(input, dims, undefined, undefined, "");
    const value = args.value("output_size");
    const items = value.kind === "tuple" ? value.items : spatial.map(() => value);
    if (items.length !== dims)
        input.mismatch("output_size", `${dims} output sizes`);
    return windowed(input, items.map((item, d) => (item.kind === "int" ? item.value : spatial[d])), indices);
};
/**
 * Dropout keeps a one-byte mask per element, as CUDA's fused kernel does (PyTorch 1.13's CPU kernel
 * keeps a mask in the input's dtype instead). The others are not fused, and keep their noise in the
 * input's dtype (measured): AlphaDropout one per element, the feature dropouts one per sample and
 * channel (Dropout1d/2d/3d, FeatureAlphaDropout zero whole channels). p=0 is the identity.
 */
const dropout = (args, input) => {
    if (args.float("p") === 0)
        return elementwise(input, "nothing", true);
    const [batch, channels] = input.shape;
    const noise = args.type === "Dropout"
        ? { elements: numel(input.shape), dtype: "bool" }
        : { elements: args.type === "AlphaDropout" ? numel(input.shape) : batch * channels, dtype: "activation" };
    if (args.type !== "Dropout" && args.type !== "AlphaDropout" && input.shape.length < 2)
        input.mismatch(undefined, "an input of at least 2 dimensions (batch, channels, ...)");
    return { output: [...input.shape], saves: [noise] };
};
const flatten = (args, input) => {
    const rank = input.shape.length;
    const start = dimension(input, args.int("start_dim"), "start_dim");
    const end = dimension(input, args.int("end_dim"), "end_dim");
    if (end < start)
        input.mismatch("end_dim", `end_dim after start_dim`);
    return { output: [...input.shape.slice(0, start), numel(input.shape.slice(start, end + 1)), ...input.shape.slice(end + 1, rank)], sharesInput: true };
};
const unflatten = (args, input) => {
    const dim = dimension(input, args.int("dim"), "dim");
    const sizes = args.ints("unflattened_size");
    const known = numel(sizes.filter((size) => size !== -1));
    const filled = sizes.map((size) => (size === -1 ? input.shape[dim] / known : size));
    if (numel(filled) !== input.shape[dim] || !filled.every(Number.isInteger))
        input.mismatch("unflattened_size", `a dimension ${dim} of ${numel(sizes)} elements`);
    return { output: [...input.shape.slice(0, dim), ...filled, ...input.shape.slice(dim + 1)], sharesInput: true };
};
/** A size or scale factor per spatial dimension: an int or float, or a tuple of them. */
function scaled(args, spatial) {
    const value = args.value("scale_factor");
    const items = value.kind === "tuple" ? value.items : spatial.map(() => value);
    return items.map((item, d) => Math.floor(spatial[d] * (item.kind === "int" || item.kind === "float" ? item.value : NaN)));
}
const upsample = (args, input) => {
    const spatial = channelsFirst(input, input.shape.length - 2, undefined, undefined, "");
    const output = args.isNone("size") ? scaled(args, spatial) : args.size("size", spatial.length);
    if (output.some((length) => !(length >= 1)))
        input.mismatch("scale_factor", "a size or scale factor that gives a non-empty output");
    return { output: [...input.shape.slice(0, 2), ...output], saves: [] };
};
/** PixelShuffle(r) moves r² channels into an r-times larger image; PixelUnshuffle undoes it. */
const shuffle = (up) => (args, input) => {
    const name = up ? "upscale_factor" : "downscale_factor";
    const factor = args.int(name);
    const [height, width] = channelsFirst(input, 2, undefined, undefined, "");
    const [batch, channels] = input.shape;
    if (up && channels % (factor * factor) !== 0)
        input.mismatch(name, `channels divisible by ${factor * factor}`);
    if (!up && (height % factor !== 0 || width % factor !== 0))
        input.mismatch(name, `height and width divisible by ${factor}`);
    const output = up ? [batch, channels / factor ** 2, height * factor, width * factor] : [batch, channels * factor ** 2, height / factor, width / factor];
    return { output, saves: [] };
};
/** Unfold's blocks per image: sliding windows over height and width, as a convolution's. */
function blocks(args, input, spatial) {
    const [kernel, dilation, padding, stride] = ["kernel_size", "dilation", "padding", "stride"].map((name) => args.size(name, 2));
    const count = numel(spatial.map((length, d) => windows(length, kernel[d], stride[d], padding[d], dilation[d], false)));
    if (!(count >= 1))
        input.mismatch("kernel_size", `an input of at least its kernel size ${written(args, "kernel_size")}`);
    return count;
}
/** im2col's backward needs only the sizes, yet autograd keeps Unfold's input (measured); Fold's backward keeps nothing. */
const unfold = (args, input) => {
    const spatial = channelsFirst(input, 2, undefined, undefined, "");
    const [batch, channels] = input.shape;
    return { output: [batch, channels * numel(args.size("kernel_size", 2)), blocks(args, input, spatial)], saves: ["input"] };
};
const fold = (args, input) => {
    if (input.shape.length !== 3)
        input.mismatch(undefined, "a 3-d input (batch, channels × kernel elements, blocks)");
    const [batch, columns, count] = input.shape;
    const window = numel(args.size("kernel_size", 2));
    if (columns % window !== 0)
        input.mismatch("kernel_size", `a dimension 1 divisible by the ${window} kernel elements`);
    const spatial = args.size("output_size", 2);
    const expected = blocks(args, input, spatial);
    if (count !== expected)
        input.mismatch("output_size", `${expected} blocks, the sliding windows over output_size ${written(args, "output_size")}`);
    return { output: [batch, columns / window, ...spatial], saves: [] };
};
/**
 * CosineSimilarity and PairwiseDistance take two tensors; a spec reaches them with one, so they are
 * called on it twice, `cos(x, x)`. CosineSimilarity divides each operand by its own norm: autograd
 * keeps x, both norms and both quotients (measured).
 */
const cosine = (args, input) => {
    const dim = dimension(input, args.int("dim"), "dim");
    const output = input.shape.filter((_, d) => d !== dim);
    return { output, saves: ["input", { elements: 2 * numel(input.shape) + 2 * numel(output), dtype: "activation" }] };
};
/** `norm(x1 - x2 + eps, p, -1)`: autograd keeps the difference and the norm. */
const pairwise = (args, input) => {
    const output = [...input.shape.slice(0, -1), ...(args.bool("keepdim") ? [1] : [])];
    return { output, saves: [{ elements: numel(input.shape) + numel(output), dtype: "activation" }] };
};
/** Padding layers add their sides to the last dimensions, pairs from the last dimension backwards; reflection and replication keep their input. */
const padded = (dims, savesInput) => (args, input) => {
    const sides = args.size("padding", 2 * dims);
    const output = [...input.shape];
    for (let d = 0; d < dims; d++)
        output[output.length - 1 - d] += sides[2 * d] + sides[2 * d + 1];
    return { output, saves: savesInput ? ["input"] : [] };
};
/** Fold's and Unfold's windows: sizes, dilations and strides of at least 1, paddings of at least 0, over height and width. */
const checkWindows = (args) => {
    if (args.has("output_size"))
        sizeAtLeast(args, "output_size", 2, 1);
    for (const name of ["kernel_size", "dilation", "stride"])
        sizeAtLeast(args, name, 2, 1);
    sizeAtLeast(args, "padding", 2, 0);
};
/** Unflatten's sizes are positive, but for one -1 that takes what is left. */
const checkUnflatten = (args) => {
    const sizes = args.ints("unflattened_size");
    if (sizes.some((size) => size < 1 && size !== -1) || sizes.filter((size) => size === -1).length > 1) {
        args.refuseSize("unflattened_size", `Unflatten needs positive sizes in 'unflattened_size', and at most one -1, got ${written(args, "unflattened_size")}`, POSITIVE_HINT);
    }
};
/** Two sides per dimension, as the documentation gives it. */
const padSides = (dims) => (args) => void args.size("padding", 2 * dims);
const ROWS = [
    ["Identity", [{ name: "args", type: "any", variadic: true }], undefined, (_, input) => elementwise(input, "nothing", true)],
    ["Flatten", [arg("start_dim", "int", 1), arg("end_dim", "int", -1)], undefined, flatten],
    ["Unflatten", [arg("dim", "any"), arg("unflattened_size", "size")], checkUnflatten, unflatten],
    ...["Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout", "FeatureAlphaDropout"].map((type) => [
        type,
        [arg("p", "float", 0.5), INPLACE],
        checkProbability,
        dropout,
    ]),
    ...perDims("MaxPool", ONE_TO_THREE, (d) => [[...KERNEL_STRIDE, PADDING, arg("dilation", "size", 1), RETURN_INDICES, CEIL_MODE], pool(d, "halfKernel"), pooling(d, true)]),
    ...perDims("AvgPool", ONE_TO_THREE, (d) => [
        [...KERNEL_STRIDE, PADDING, CEIL_MODE, arg("count_include_pad", "bool", true), ...(d > 1 ? [arg("divisor_override", "int", null)] : [])],
        (args) => {
            pool(d, "halfKernel")(args);
            if (d > 1)
                checkDivisor(args);
        },
        pooling(d, false),
    ]),
    // LPPool3d is PyTorch >= 2.2.
    ...perDims("LPPool", ONE_TO_THREE, (d) => [[arg("norm_type", "float"), ...KERNEL_STRIDE, CEIL_MODE], pool(d), lpPooling(d)]),
    ...perDims("MaxUnpool", ONE_TO_THREE, (d) => [[...KERNEL_STRIDE, PADDING], pool(d, "nonNegative"), unpooling(d)]),
    ...perDims("FractionalMaxPool", [2, 3], (d) => [
        [arg("kernel_size", "size"), arg("output_size", "size", null), arg("output_ratio", "any", null), RETURN_INDICES, arg("_random_samples", "any", null)],
        fractional(d),
        fractionalPooling(d),
    ]),
    ...perDims("AdaptiveAvgPool", ONE_TO_THREE, (d) => [[arg("output_size", "any")], checkOutputSize, adaptive(d, false)]),
    ...perDims("AdaptiveMaxPool", ONE_TO_THREE, (d) => [[arg("output_size", "any"), RETURN_INDICES], checkOutputSize, adaptive(d, true)]),
    ["Upsample", [...RESIZE, arg("mode", "string", "nearest"), arg("align_corners", "bool", null), arg("recompute_scale_factor", "bool", null)], checkUpsample, upsample],
    upsampling("UpsamplingNearest2d", "nearest"),
    upsampling("UpsamplingBilinear2d", "bilinear"),
    ["PixelShuffle", [arg("upscale_factor", "int")], checkFactor("upscale_factor"), shuffle(true)],
    ["PixelUnshuffle", [arg("downscale_factor", "int")], checkFactor("downscale_factor"), shuffle(false)],
    ["ChannelShuffle", [arg("groups", "int")], checkFactor("groups"), (_, input) => elementwise(input, "nothing")],
    ["Fold", [arg("output_size", "size"), arg("kernel_size", "size"), arg("dilation", "size", 1), PADDING, arg("stride", "size", 1)], checkWindows, fold],
    ["Unfold", [arg("kernel_size", "size"), arg("dilation", "size", 1), PADDING, arg("stride", "size", 1)], checkWindows, unfold],
    // ZeroPad1d/3d and CircularPad are PyTorch >= 2.1.
    ...["ZeroPad", "ReflectionPad", "ReplicationPad", "CircularPad"].flatMap((name) => perDims(name, ONE_TO_THREE, (d) => [[arg("padding", "size")], padSides(d), padded(d, name === "ReflectionPad" || name === "ReplicationPad")])),
    ...perDims("ConstantPad", ONE_TO_THREE, (d) => [[arg("padding", "size"), arg("value", "float")], padSides(d), padded(d, false)]),
    ["CosineSimilarity", [arg("dim", "int", 1), arg("eps", "float", 1e-8)], undefined, cosine],
    ["PairwiseDistance", [arg("p", "float", 2.0), arg("eps", "float", 1e-6), arg("keepdim", "bool", false)], undefined, pairwise],
];
const parameterFreeLayers = ROWS.map(withoutTensors);

;// CONCATENATED MODULE: ./src/catalogue/activation.ts


/** Their backward needs only their result, which autograd keeps instead of the input (derivatives.yaml's `result`). */
const SAVE_OUTPUT = new Set(["ReLU", "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "Softmin", "Softmax2d"]);
/**
 * Measured with PyTorch 1.13: in place, these keep a tensor of their own (a copy of the input) as if they were not in
 * place; ELU, CELU, SELU and LeakyReLU keep their result like ReLU.
 */
const OWN_STORAGE = new Set(["ReLU6", "Hardtanh", "SiLU", "Mish", "Hardsigmoid", "Hardswish"]);
/**
 * Measured with PyTorch 1.13: these keep their input and one more tensor of its size: Softsign is Python's
 * `x / (1 + |x|)` and keeps the divisor, LogSigmoid its kernel's buffer, RReLU in training its random slopes.
 */
const INPUT_AND_ONE_MORE = new Set(["Softsign", "LogSigmoid", "RReLU"]);
/** In place, an activation overwrites its input and keeps the result: one storage with its producer's. */
const activation = (args, input) => {
    if (INPUT_AND_ONE_MORE.has(args.type))
        return { output: [...input.shape], saves: ["input", { elements: numel(input.shape), dtype: "activation" }] };
    const inplace = args.has("inplace") && args.bool("inplace") && !OWN_STORAGE.has(args.type);
    return elementwise(input, inplace || SAVE_OUTPUT.has(args.type) ? "output" : "input", inplace);
};
const glu = (args, input) => {
    const dim = dimension(input, args.int("dim"), "dim");
    if (input.shape[dim] % 2 !== 0)
        input.mismatch("dim", `an even size in dimension ${dim}`);
    return { output: input.shape.map((size, d) => (d === dim ? size / 2 : size)), saves: ["input"] };
};
const rows = (types, signature) => types.map((type) => [type, signature]);
/** Hardtanh and RReLU need their upper bound above the lower one (or equal, unless `strict`). */
function ordered(args, low, high, strict) {
    const [lowValue, highValue] = [args.float(low), args.float(high)];
    if (strict ? highValue <= lowValue : highValue < lowValue) {
        args.fail(high, `${args.type} needs ${high} ${strict ? "greater than" : "at least"} ${low}, got ${low}=${lowValue} and ${high}=${highValue}`);
    }
}
const checkApproximate = (args) => {
    const approximate = args.string("approximate");
    if (approximate !== "none" && approximate !== "tanh")
        args.fail("approximate", `GELU approximate must be 'none' or 'tanh', got '${approximate}'`);
};
const activation_ROWS = [
    ...rows(["ReLU", "ReLU6", "SELU", "SiLU", "Mish", "Hardsigmoid", "Hardswish"], [INPLACE]),
    ...rows(["Sigmoid", "Tanh", "Softsign", "LogSigmoid", "Tanhshrink", "Softmax2d"], []),
    ...rows(["Softmax", "LogSoftmax", "Softmin"], [arg("dim", "int", null)]),
    ...rows(["Hardshrink", "Softshrink"], [arg("lambd", "float", 0.5)]),
    ...rows(["ELU", "CELU"], [arg("alpha", "float", 1.0), INPLACE]),
    ["LeakyReLU", [arg("negative_slope", "float", 0.01), INPLACE]],
    ["GELU", [arg("approximate", "string", "none")], checkApproximate],
    // min_value and max_value are deprecated spellings that override min_val and max_val.
    [
        "Hardtanh",
        [arg("min_val", "float", -1.0), arg("max_val", "float", 1.0), INPLACE, arg("min_value", "float", null), arg("max_value", "float", null)],
        (args) => ordered(args, args.isNone("min_value") ? "min_val" : "min_value", args.isNone("max_value") ? "max_val" : "max_value", true),
    ],
    ["Softplus", [arg("beta", "float", 1.0), arg("threshold", "float", 20.0)]],
    ["Threshold", [arg("threshold", "float"), arg("value", "float"), INPLACE]],
    ["GLU", [arg("dim", "int", -1)]],
    ["RReLU", [arg("lower", "float", 1 / 8), arg("upper", "float", 1 / 3), INPLACE], (args) => ordered(args, "lower", "upper", false)],
];
const activationLayers = [
    ...activation_ROWS.map(([type, signature, check]) => [type, signature, check, type === "GLU" ? glu : activation]).map(withoutTensors),
    {
        type: "PReLU",
        signature: [arg("num_parameters", "int", 1), arg("init", "float", 0.25), ...FACTORY_KWARGS],
        tensors: (args) => ({ parameters: [{ name: "weight", shape: [positive(args, "num_parameters")] }], buffers: [] }),
        forward: activation,
    },
];

;// CONCATENATED MODULE: ./src/catalogue/attention.ts

/** `embed_dim` (or the caller's name for it), checked to split evenly across the heads. */
function headedEmbedding(args, embedName, headsName) {
    const embedDim = positive(args, embedName);
    const heads = positive(args, headsName);
    if (embedDim % heads !== 0) {
        const lower = embedDim - (embedDim % heads);
        const multiples = lower > 0 ? `${lower} or ${lower + heads}` : `${heads}`;
        args.fail(headsName, `${args.type} needs '${embedName}' divisible by '${headsName}', got ${embedName}=${embedDim} with ${headsName}=${heads}`, `each head takes ${embedName} / ${headsName} features: make ${embedName} a multiple of ${heads} (such as ${multiples}), or ${headsName} a divisor of ${embedDim}`);
    }
    return embedDim;
}
/** A dropout rate, refused outside [0, 1] as torch.nn.functional.dropout refuses it. */
function checkDropout(args, name) {
    const rate = args.float(name);
    if (rate < 0 || rate > 1)
        args.fail(name, `${args.type} needs '${name}' between 0 and 1, got ${rate}`, `it is the probability of zeroing an element`);
}
/**
 * Parameters in MultiheadAttention's registration order: the input projections (one packed matrix when
 * keys and values have embed_dim features, three otherwise), their bias, then bias_k and bias_v, which
 * are registered after out_proj but, being the module's own parameters, are listed before it.
 */
function attentionTensors({ embedDim, kdim, vdim, bias, addBiasKv }) {
    const projections = kdim === embedDim && vdim === embedDim
        ? [{ name: "in_proj_weight", shape: [3 * embedDim, embedDim] }]
        : [
            { name: "q_proj_weight", shape: [embedDim, embedDim] },
            { name: "k_proj_weight", shape: [embedDim, kdim] },
            { name: "v_proj_weight", shape: [embedDim, vdim] },
        ];
    return [
        ...projections,
        ...(bias ? [{ name: "in_proj_bias", shape: [3 * embedDim] }] : []),
        ...(addBiasKv
            ? [
                { name: "bias_k", shape: [1, 1, embedDim] },
                { name: "bias_v", shape: [1, 1, embedDim] },
            ]
            : []),
        { name: "out_proj.weight", shape: [embedDim, embedDim] },
        ...(bias ? [{ name: "out_proj.bias", shape: [embedDim] }] : []),
    ];
}
/**
 * softmax(Q·Kᵀ/√d)·V over `heads` heads: the two products' MACs (fvcore counts both), and what
 * autograd keeps of the scores: the softmax output, and with dropout its mask and output.
 * The attention(...) op and MultiheadAttention both report through this.
 */
function scaledDotProduct(batch, heads, queries, keys, headDim, dropout) {
    const scores = batch * heads * queries * keys;
    const kept = [{ elements: scores, dtype: "activation", attention: true }];
    if (dropout)
        kept.push({ elements: scores, dtype: "bool", attention: true }, { elements: scores, dtype: "activation", attention: true });
    return { macs: 2 * scores * headDim, saves: kept };
}
/**
 * MACs and kept tensors of a call, but for its inputs (the caller knows whether key and value are
 * the query or another tensor): the in-projections' products Q, K and V (PyTorch 1.13 copies each
 * to a contiguous tensor, and keeps the scaled Q rather than Q), the scores, and out_proj's input.
 */
function attend({ batch, queries, keys, embedDim, heads, kdim, vdim, dropout, extraKeys, }) {
    const [q, k] = [batch * queries, batch * (keys + extraKeys)];
    const products = scaledDotProduct(batch, heads, queries, keys + extraKeys, embedDim / heads, dropout > 0);
    const projections = (2 * q * embedDim + batch * keys * (kdim + vdim)) * embedDim;
    return {
        macs: projections + products.macs,
        attentionMacs: products.macs,
        saves: [...[q, k, k, q].map((rows) => ({ elements: rows * embedDim, dtype: "activation" })), ...products.saves],
    };
}
const multiheadAttention = {
    type: "MultiheadAttention",
    signature: [
        { name: "embed_dim", type: "int" },
        { name: "num_heads", type: "int" },
        { name: "dropout", type: "float", default: 0 },
        { name: "bias", type: "bool", default: true },
        { name: "add_bias_kv", type: "bool", default: false },
        { name: "add_zero_attn", type: "bool", default: false },
        { name: "kdim", type: "int", default: null },
        { name: "vdim", type: "int", default: null },
        { name: "batch_first", type: "bool", default: false },
        ...FACTORY_KWARGS,
    ],
    tensors(args) {
        const embedDim = headedEmbedding(args, "embed_dim", "num_heads");
        checkDropout(args, "dropout");
        const featuresOf = (name) => (args.isNone(name) ? embedDim : positive(args, name));
        const parameters = attentionTensors({
            embedDim,
            kdim: featuresOf("kdim"),
            vdim: featuresOf("vdim"),
            bias: args.bool("bias"),
            addBiasKv: args.bool("add_bias_kv"),
        });
        return { parameters, buffers: [] };
    },
    /**
     * `mha(x, x, x)` when kdim and vdim are embed_dim (self-attention). Otherwise key and value are
     * other tensors, one of kdim and one of vdim features at the query's positions, which the call
     * keeps for their projections' backward. Of the (output, weights) pair, the output.
     */
    forward(args, input) {
        const embedDim = args.int("embed_dim");
        if (input.shape.length !== 3 || input.shape[2] !== embedDim)
            input.mismatch("embed_dim", `a 3-d input of ${embedDim} features`);
        const batchFirst = args.bool("batch_first");
        const [batch, queries] = batchFirst ? [input.shape[0], input.shape[1]] : [input.shape[1], input.shape[0]];
        const features = (name) => (args.isNone(name) ? embedDim : args.int(name));
        const [kdim, vdim] = [features("kdim"), features("vdim")];
        const call = attend({
            batch,
            queries,
            keys: queries,
            embedDim,
            heads: args.int("num_heads"),
            kdim,
            vdim,
            dropout: args.float("dropout"),
            extraKeys: Number(args.bool("add_bias_kv")) + Number(args.bool("add_zero_attn")),
        });
        const others = kdim === embedDim && vdim === embedDim ? [] : [kdim, vdim].map((width) => ({ elements: batch * queries * width, dtype: "activation" }));
        return { output: [...input.shape], ...call, saves: ["input", ...others, ...call.saves] };
    },
};
const attentionLayers = [multiheadAttention];

;// CONCATENATED MODULE: ./src/catalogue/convolution.ts

const PADDING_MODES = ["zeros", "reflect", "replicate", "circular"];
const GROUPS_AND_BIAS = [arg("groups", "int", 1), arg("bias", "bool", true)];
const DILATION = arg("dilation", "size", 1);
/** ConvTranspose moves `dilation` behind `bias` and adds `output_padding`, so positional calls bind differently. */
function convolution_signature(transposed) {
    return [
        arg("in_channels", "int"),
        arg("out_channels", "int"),
        arg("kernel_size", "size"),
        arg("stride", "size", 1),
        ...(transposed ? [arg("padding", "size", 0), arg("output_padding", "size", 0), ...GROUPS_AND_BIAS, DILATION] : [arg("padding", "padding", 0), DILATION, ...GROUPS_AND_BIAS]),
        arg("padding_mode", "string", "zeros"),
        ...FACTORY_KWARGS,
    ];
}
function checkPadding(args, dims, stride) {
    const kind = args.value("padding").kind;
    if (kind !== "string" && kind !== "symbol") {
        sizeAtLeast(args, "padding", dims, 0);
        return;
    }
    const padding = args.string("padding");
    if (padding !== "same" && padding !== "valid") {
        args.fail("padding", `${args.type} padding must be 'same', 'valid' or sizes, got '${padding}'`, `write padding='same', padding='valid', an integer or a tuple of ${dims}`);
    }
    if (padding === "same" && stride.some((step) => step !== 1)) {
        args.fail("padding", `${args.type} padding='same' needs stride 1, got stride=${written(args, "stride")}`, `PyTorch has no 'same' padding for strided convolutions: write the padding as numbers`);
    }
}
/** PyTorch accepts these at construction and fails at the first forward pass; a spec should fail now. */
function checkOutputPadding(args, dims, stride, dilation) {
    const outputPadding = sizeAtLeast(args, "output_padding", dims, 0);
    if (outputPadding.some((extra, d) => extra >= stride[d] && extra >= dilation[d])) {
        args.fail("output_padding", `${args.type} output_padding=${written(args, "output_padding")} must be smaller than stride=${written(args, "stride")} or dilation=${written(args, "dilation")} in every dimension`, `lower output_padding, or raise stride`);
    }
}
/**
 * What a convolution keeps of its input (PyTorch 1.13, measured). With padding_mode other than 'zeros' it
 * pads first, by F.pad, and keeps the padded copy; 'reflect' and 'replicate' padding keep the input too.
 * padding='same' with an odd total padding (an even kernel) pads the extra element on the right first,
 * and keeps that copy only. Otherwise, the input.
 */
function paddedInput(args, spatial, spans, same, padding, planes) {
    const totals = same ? spans : padding.map((pad) => 2 * pad);
    const mode = args.string("padding_mode");
    if (mode !== "zeros") {
        const copy = { elements: planes * numel(spatial.map((length, d) => length + totals[d])), dtype: "activation" };
        return mode === "circular" ? [copy] : ["input", copy];
    }
    if (same && totals.some((total) => total % 2 === 1))
        return [{ elements: planes * numel(spatial.map((length, d) => length + (totals[d] % 2))), dtype: "activation" }];
    return ["input"];
}
// eslint-disable-next-line max-lines-per-function -- a layer definition: its signature, tensors() and forward() are each short; this is only their container
function convolution(dims, transposed) {
    return {
        type: `${transposed ? "ConvTranspose" : "Conv"}${dims}d`,
        signature: convolution_signature(transposed),
        tensors(args) {
            const inChannels = positive(args, "in_channels");
            const outChannels = positive(args, "out_channels");
            const groups = positive(args, "groups");
            for (const [name, channels] of [
                ["in_channels", inChannels],
                ["out_channels", outChannels],
            ]) {
                if (channels % groups !== 0) {
                    args.fail("groups", `${args.type} ${name}=${channels} is not divisible by groups=${groups}`, `use a groups value that divides both in_channels and out_channels`);
                }
            }
            const kernel = sizeAtLeast(args, "kernel_size", dims, 1);
            const stride = sizeAtLeast(args, "stride", dims, 1);
            const dilation = sizeAtLeast(args, "dilation", dims, 1);
            const paddingMode = args.string("padding_mode");
            if (transposed) {
                sizeAtLeast(args, "padding", dims, 0);
                checkOutputPadding(args, dims, stride, dilation);
                if (paddingMode !== "zeros")
                    args.fail("padding_mode", `${args.type} supports only padding_mode='zeros', got '${paddingMode}'`);
            }
            else {
                checkPadding(args, dims, stride);
                if (!PADDING_MODES.includes(paddingMode)) {
                    args.fail("padding_mode", `${args.type} padding_mode must be one of ${PADDING_MODES.map((mode) => `'${mode}'`).join(", ")}, got '${paddingMode}'`);
                }
            }
            const weight = transposed ? [inChannels, outChannels / groups, ...kernel] : [outChannels, inChannels / groups, ...kernel];
            return {
                parameters: [{ name: "weight", shape: weight }, ...(args.bool("bias") ? [{ name: "bias", shape: [outChannels] }] : [])],
                buffers: [],
            };
        },
        forward(args, input) {
            const inChannels = args.int("in_channels");
            const outChannels = args.int("out_channels");
            const spatial = channelsFirst(input, dims, inChannels, "in_channels", "input channels");
            const [kernel, stride, dilation] = ["kernel_size", "stride", "dilation"].map((name) => args.size(name, dims));
            const paddingKind = args.value("padding").kind;
            const same = (paddingKind === "string" || paddingKind === "symbol") && args.string("padding") === "same";
            const padding = paddingKind === "string" || paddingKind === "symbol" ? kernel.map(() => 0) : args.size("padding", dims);
            const outputPadding = transposed ? args.size("output_padding", dims) : [];
            const out = spatial.map((length, d) => transposed
                ? (length - 1) * stride[d] - 2 * padding[d] + dilation[d] * (kernel[d] - 1) + outputPadding[d] + 1
                : same
                    ? length
                    : windows(length, kernel[d], stride[d], padding[d], dilation[d], false));
            if (out.some((length) => length < 1))
                input.mismatch("kernel_size", `an input of at least its kernel size ${written(args, "kernel_size")}`);
            const batch = input.shape[0];
            // fvcore: one MAC per weight use; a transposed convolution uses each weight once per input position.
            const weightUses = transposed ? batch * numel(spatial) : batch * numel(out);
            const weightsPerUse = (transposed ? inChannels * (outChannels / args.int("groups")) : outChannels * (inChannels / args.int("groups"))) * numel(kernel);
            const saves = transposed
                ? ["input"]
                : paddedInput(args, spatial, kernel.map((size, d) => dilation[d] * (size - 1)), same, padding, batch * inChannels);
            return { output: [batch, outChannels, ...out], macs: weightUses * weightsPerUse, saves };
        },
    };
}
const convolutionLayers = [false, true].flatMap((transposed) => [1, 2, 3].map((dims) => convolution(dims, transposed)));

;// CONCATENATED MODULE: ./src/catalogue/embedding.ts

const MODES = ["sum", "mean", "max"];
const SIZES = [arg("num_embeddings", "int"), arg("embedding_dim", "int")];
const PADDING_IDX = arg("padding_idx", "int", null);
const NORMS = [arg("max_norm", "float", null), arg("norm_type", "float", 2.0), arg("scale_grad_by_freq", "bool", false)];
const SPARSE = arg("sparse", "bool", false);
// A tensor to copy in; its shape must equal (num_embeddings, embedding_dim), so it never changes the count.
const WEIGHT = arg("_weight", "any", null);
/** The weight table, after the checks both classes make: padding_idx may count from the end, as a Python index. */
function table(args) {
    const rows = positive(args, "num_embeddings");
    const padding = args.optionalInt("padding_idx");
    if (padding !== undefined && (padding >= rows || padding < -rows)) {
        args.fail("padding_idx", `${args.type} padding_idx=${padding} is outside its ${rows} embeddings`, `use an index from ${-rows} to ${rows - 1}, or None`);
    }
    return [rows, positive(args, "embedding_dim")];
}
const embeddingLayers = [
    {
        type: "Embedding",
        // `_freeze` is PyTorch >= 2.0: the weight is created with requires_grad=False.
        signature: [...SIZES, PADDING_IDX, ...NORMS, SPARSE, WEIGHT, arg("_freeze", "bool", false), ...FACTORY_KWARGS],
        tensors: (args) => ({ parameters: [{ name: "weight", shape: table(args), trainable: !args.bool("_freeze") }], buffers: [] }),
        // The backward pass scatters into the rows the indices name: the indices are what is kept.
        forward: (args, input) => ({ output: [...input.shape, args.int("embedding_dim")], saves: ["input"] }),
    },
    {
        type: "EmbeddingBag",
        signature: [...SIZES, ...NORMS, arg("mode", "string", "mean"), SPARSE, WEIGHT, arg("include_last_offset", "bool", false), PADDING_IDX, ...FACTORY_KWARGS],
        tensors(args) {
            const shape = table(args);
            const mode = args.string("mode");
            if (!MODES.includes(mode))
                args.fail("mode", `EmbeddingBag mode must be 'sum', 'mean' or 'max', got '${mode}'`);
            return { parameters: [{ name: "weight", shape }], buffers: [] };
        },
        /**
         * Without offsets, each row of a 2-d input of ids is one bag. Backward keeps the ids and int64
         * bookkeeping: the offsets and bag sizes (one per bag), each id's bag (and one more; not needed
         * by 'sum' without padding_idx), and the arg-max per bag and feature ('max') or one per bag (measured).
         */
        forward(args, input) {
            if (input.shape.length !== 2)
                input.mismatch(undefined, "a 2-d input of ids (batch, bag), one bag per row");
            if (args.bool("include_last_offset"))
                input.mismatch("include_last_offset", "offsets, which a spec cannot give");
            const [bags, ids] = input.shape;
            const dim = args.int("embedding_dim");
            const mode = args.string("mode");
            const idBags = mode === "sum" && args.isNone("padding_idx") ? 0 : bags * ids + 1;
            const argMax = mode === "max" ? bags * dim : bags;
            return { output: [bags, dim], saves: ["input", { elements: 2 * bags + idBags + argMax, dtype: "int64" }] };
        },
    },
];

;// CONCATENATED MODULE: ./src/catalogue/linear.ts

const linear = {
    type: "Linear",
    signature: [
        { name: "in_features", type: "int" },
        { name: "out_features", type: "int" },
        { name: "bias", type: "bool", default: true },
        { name: "device", type: "any", default: null },
        { name: "dtype", type: "any", default: null },
    ],
    tensors(args) {
        const inFeatures = positive(args, "in_features");
        const outFeatures = positive(args, "out_features");
        return {
            parameters: [{ name: "weight", shape: [outFeatures, inFeatures] }, ...(args.bool("bias") ? [{ name: "bias", shape: [outFeatures] }] : [])],
            buffers: [],
        };
    },
    forward(args, input) {
        const inFeatures = args.int("in_features");
        const outFeatures = args.int("out_features");
        if (input.shape.at(-1) !== inFeatures)
            input.mismatch("in_features", `${inFeatures} input features`);
        const rows = numel(input.shape.slice(0, -1));
        return { output: [...input.shape.slice(0, -1), outFeatures], macs: rows * inFeatures * outFeatures, saves: ["input"] };
    },
};
const bilinear = {
    type: "Bilinear",
    signature: [
        { name: "in1_features", type: "int" },
        { name: "in2_features", type: "int" },
        { name: "out_features", type: "int" },
        { name: "bias", type: "bool", default: true },
        { name: "device", type: "any", default: null },
        { name: "dtype", type: "any", default: null },
    ],
    tensors(args) {
        const [in1, in2, outFeatures] = ["in1_features", "in2_features", "out_features"].map((name) => positive(args, name));
        return {
            parameters: [{ name: "weight", shape: [outFeatures, in1, in2] }, ...(args.bool("bias") ? [{ name: "bias", shape: [outFeatures] }] : [])],
            buffers: [],
        };
    },
    /**
     * A spec reaches Bilinear with one tensor, so it is called as `bilinear(x, x)`, which needs
     * in1_features == in2_features. _trilinear keeps the input (once: both operands are its storage).
     */
    forward(args, input) {
        const in1 = args.int("in1_features");
        const in2 = args.int("in2_features");
        const outFeatures = args.int("out_features");
        if (in1 !== in2)
            input.mismatch("in2_features", `one input as both operands, bilinear(x, x), so in1_features (${in1}) == in2_features (${in2})`);
        if (input.shape.at(-1) !== in1)
            input.mismatch("in1_features", `${in1} input features`);
        const rows = numel(input.shape.slice(0, -1));
        return { output: [...input.shape.slice(0, -1), outFeatures], macs: rows * in1 * in2 * outFeatures, saves: ["input"] };
    },
};
const linearLayers = [
    linear,
    // MultiheadAttention's out_proj prints under this name in print(model).
    { ...linear, type: "NonDynamicallyQuantizableLinear" },
    bilinear,
];

;// CONCATENATED MODULE: ./src/catalogue/normalization.ts

/** Normalizations keep their input and float32 statistics of `statistics` elements (mean and inverse deviation, and the like). */
function normalized(input, statistics) {
    return { output: [...input.shape], saves: ["input", { elements: statistics, dtype: "float32" }] };
}
const EPS = arg("eps", "float", 1e-5);
const affine = (shape, withWeight, withBias = withWeight) => [
    ...(withWeight ? [{ name: "weight", shape }] : []),
    ...(withBias ? [{ name: "bias", shape }] : []),
];
/** BatchNorm, InstanceNorm and SyncBatchNorm share torch's _NormBase and differ only in defaults. */
function runningStatistics(type, defaults, dims, extra = []) {
    return {
        type,
        signature: [
            arg("num_features", "int"),
            EPS,
            // None selects a cumulative moving average.
            { name: "momentum", type: "float", default: 0.1, optional: true },
            arg("affine", "bool", defaults),
            arg("track_running_stats", "bool", defaults),
            ...extra,
            ...FACTORY_KWARGS,
        ],
        tensors(args) {
            const features = [positive(args, "num_features")];
            return {
                parameters: affine(features, args.bool("affine")),
                buffers: args.bool("track_running_stats")
                    ? [
                        { name: "running_mean", shape: features },
                        { name: "running_var", shape: features },
                        { name: "num_batches_tracked", shape: [], fixedDtype: "int64" },
                    ]
                    : [],
            };
        },
        forward(args, input) {
            const features = args.int("num_features");
            // BatchNorm1d takes (batch, features) or (batch, features, length); SyncBatchNorm any rank from 2.
            const spatial = dims === undefined || (dims === 1 && input.shape.length === 2) ? input.shape.length - 2 : dims;
            channelsFirst(input, Math.max(spatial, 0), features, "num_features", "features");
            // Batch statistics per feature: the saved mean and inverse deviation, and the running pair beside them when
            // it is tracked. InstanceNorm is batch_norm over batch × features channels, with its weight and running
            // pair repeated per sample (measured).
            const tracked = args.bool("track_running_stats") ? 2 : 0;
            const perFeature = type.startsWith("InstanceNorm") ? (2 + Number(args.bool("affine")) + tracked) * input.shape[0] * features : (2 + tracked) * features;
            return normalized(input, perFeature);
        },
    };
}
function normalizedShape(args) {
    const shape = args.ints("normalized_shape");
    if (shape.some((size) => size < 1))
        args.refuseSize("normalized_shape", `${args.type} needs positive sizes in 'normalized_shape', got ${written(args, "normalized_shape")}`, POSITIVE_HINT);
    return shape;
}
/** LayerNorm and RMSNorm normalize the trailing dimensions, which must equal normalized_shape. */
function trailing(args, input, statistics) {
    const shape = args.ints("normalized_shape");
    if (input.shape.length < shape.length || input.shape.slice(-shape.length).join() !== shape.join()) {
        input.mismatch("normalized_shape", `trailing dimensions [${shape.join(", ")}]`);
    }
    return normalized(input, (statistics * numel(input.shape)) / numel(shape));
}
const NORMALIZED_SHAPE = arg("normalized_shape", "size");
const ELEMENTWISE_AFFINE = arg("elementwise_affine", "bool", true);
/**
 * LocalResponseNorm is Python over the squares: autograd keeps its input, the squares padded by
 * size - 1 channels (average pooling's input), `k + alpha × average` and its power (the divisor),
 * and alpha as a float64 scalar, which no rule counts (8 bytes; measured).
 */
const localResponseNorm = {
    type: "LocalResponseNorm",
    signature: [arg("size", "int"), arg("alpha", "float", 1e-4), arg("beta", "float", 0.75), arg("k", "float", 1)],
    tensors(args) {
        positive(args, "size");
        return { parameters: [], buffers: [] };
    },
    forward(args, input) {
        if (input.shape.length < 3)
            input.mismatch(undefined, "an input of at least 3 dimensions (batch, channels, ...)");
        const [batch, channels] = input.shape;
        const padded = batch * (channels + args.int("size") - 1) * numel(input.shape.slice(2));
        return { output: [...input.shape], saves: ["input", { elements: padded + 2 * numel(input.shape), dtype: "activation" }] };
    },
};
/**
 * The legacy autograd Function saves its input and output, and keeps the divisor, a tensor of the
 * input's shape, on its context, where saved_tensors_hooks do not see it but memory does.
 */
const crossMapLRN2d = {
    ...localResponseNorm,
    type: "CrossMapLRN2d",
    forward(_, input) {
        channelsFirst(input, 2, undefined, undefined, "");
        return { output: [...input.shape], saves: ["input", "output", { elements: numel(input.shape), dtype: "activation" }] };
    },
};
/**
 * torchvision's FrozenBatchNorm2d (detection backbones): BatchNorm2d in eval with its statistics and affine
 * pair as four buffers, no parameters. Its forward is `x * scale + shift`, scale and shift worked out of
 * the buffers per channel, so backward keeps only the scale (measured).
 */
const frozenBatchNorm = {
    type: "FrozenBatchNorm2d",
    signature: [arg("num_features", "int"), EPS],
    tensors(args) {
        const features = [positive(args, "num_features")];
        return { parameters: [], buffers: ["weight", "bias", "running_mean", "running_var"].map((name) => ({ name, shape: features })) };
    },
    forward(args, input) {
        const features = args.int("num_features");
        channelsFirst(input, 2, features, "num_features", "features");
        return { output: [...input.shape], saves: [{ elements: features, dtype: "activation" }] };
    },
};
const normalizationLayers = [
    ...[1, 2, 3].flatMap((dims) => [runningStatistics(`BatchNorm${dims}d`, true, dims), runningStatistics(`InstanceNorm${dims}d`, false, dims)]),
    runningStatistics("SyncBatchNorm", true, undefined, [arg("process_group", "any", null)]),
    {
        type: "LayerNorm",
        // `bias` is PyTorch >= 2.1.
        signature: [NORMALIZED_SHAPE, EPS, ELEMENTWISE_AFFINE, arg("bias", "bool", true), ...FACTORY_KWARGS],
        tensors(args) {
            const elementwise = args.bool("elementwise_affine");
            return { parameters: affine(normalizedShape(args), elementwise, elementwise && args.bool("bias")), buffers: [] };
        },
        forward: (args, input) => trailing(args, input, 2),
    },
    {
        // PyTorch >= 2.4; eps=None means the dtype's machine epsilon.
        type: "RMSNorm",
        signature: [NORMALIZED_SHAPE, arg("eps", "float", null), ELEMENTWISE_AFFINE, ...FACTORY_KWARGS],
        tensors: (args) => ({ parameters: affine(normalizedShape(args), args.bool("elementwise_affine"), false), buffers: [] }),
        forward: (args, input) => trailing(args, input, 1),
    },
    {
        type: "GroupNorm",
        signature: [arg("num_groups", "int"), arg("num_channels", "int"), EPS, arg("affine", "bool", true), ...FACTORY_KWARGS],
        tensors(args) {
            const groups = positive(args, "num_groups");
            const channels = positive(args, "num_channels");
            if (channels % groups !== 0) {
                args.fail("num_groups", `GroupNorm num_channels=${channels} is not divisible by num_groups=${groups}`, `use a num_groups that divides ${channels}`);
            }
            return { parameters: affine([channels], args.bool("affine")), buffers: [] };
        },
        forward(args, input) {
            channelsFirst(input, input.shape.length - 2, args.int("num_channels"), "num_channels", "channels");
            return normalized(input, 2 * input.shape[0] * args.int("num_groups"));
        },
    },
    localResponseNorm,
    crossMapLRN2d,
    frozenBatchNorm,
];

;// CONCATENATED MODULE: ./src/catalogue/parameter.ts
/** `Parameter(1, 1, 768)` and `Parameter((1, 1, 768))` mean the same shape, as torch.zeros takes both. */
function shapeOf(args) {
    const items = args.value("shape").items;
    const shape = items.flatMap((item) => (item.kind === "tuple" ? item.items : [item])).map((item) => item.value);
    const negative = shape.findIndex((size) => size < 0);
    if (negative >= 0)
        args.refuseSize("shape", `${args.type} has a negative size ${shape[negative]} in its shape`, "write sizes of 0 or more, e.g. Parameter(1, 1, 768)");
    return shape;
}
/** Bare tensors held by a module, named by their spec entry: `cls_token: Parameter(1, 1, d)`. */
const parameterLayers = [
    {
        type: "Parameter",
        signature: [
            { name: "shape", type: "size", variadic: true },
            { name: "requires_grad", type: "bool", default: true },
            { name: "dtype", type: "any", default: null },
        ],
        tensors: (args) => ({ parameters: [{ name: "", shape: shapeOf(args), trainable: args.bool("requires_grad") }], buffers: [] }),
    },
    {
        // register_buffer(name, tensor): counted with named_buffers(), never with parameters().
        type: "Buffer",
        signature: [
            { name: "shape", type: "size", variadic: true },
            { name: "persistent", type: "bool", default: true },
            { name: "dtype", type: "any", default: null },
        ],
        tensors: (args) => ({ parameters: [], buffers: [{ name: "", shape: shapeOf(args) }] }),
    },
];

;// CONCATENATED MODULE: ./src/catalogue/recurrent.ts



const recurrent_SIZES = [
    { name: "input_size", type: "int" },
    { name: "hidden_size", type: "int" },
];
const NUM_LAYERS = { name: "num_layers", type: "int", default: 1 };
const NONLINEARITY = { name: "nonlinearity", type: "string", default: "tanh" };
const BIAS = { name: "bias", type: "bool", default: true };
const STACK_OPTIONS = [
    { name: "batch_first", type: "bool", default: false },
    { name: "dropout", type: "float", default: 0 },
    { name: "bidirectional", type: "bool", default: false },
];
const NONLINEARITIES = ["tanh", "relu"];
function checkNonlinearity(args) {
    const nonlinearity = args.string("nonlinearity");
    if (NONLINEARITIES.includes(nonlinearity))
        return;
    args.fail("nonlinearity", `${args.type} nonlinearity must be 'tanh' or 'relu', got '${nonlinearity}'`, didYouMean(nonlinearity, NONLINEARITIES));
}
/** One cell's input-hidden and hidden-hidden weights, all gates stacked in `rows`. */
function gateTensors(rows, inputSize, stateSize, bias, suffix) {
    return [
        { name: `weight_ih${suffix}`, shape: [rows, inputSize] },
        { name: `weight_hh${suffix}`, shape: [rows, stateSize] },
        ...(bias
            ? [
                { name: `bias_ih${suffix}`, shape: [rows] },
                { name: `bias_hh${suffix}`, shape: [rows] },
            ]
            : []),
    ];
}
const activations = (elements) => ({ elements, dtype: "activation" });
/**
 * RNN, LSTM and GRU: `num_layers` stacked cells per direction, registered layer by layer, forward before reverse.
 * `kept` is what autograd keeps per step, in hidden_size units per sample, as PyTorch 1.13's CPU kernels keep it
 * (measured): the previous state and the gates' workspace, 7 for LSTM and GRU; RNN keeps each state once (1),
 * and the last one besides.
 */
function stacked(type, gates, kept, signature) {
    const projects = signature.some((spec) => spec.name === "proj_size");
    return {
        type,
        signature,
        tensors(args) {
            if (signature.includes(NONLINEARITY))
                checkNonlinearity(args);
            checkDropout(args, "dropout");
            const inputSize = positive(args, "input_size");
            const hiddenSize = positive(args, "hidden_size");
            const numLayers = positive(args, "num_layers");
            const projSize = projects ? args.int("proj_size") : 0;
            if (projSize < 0)
                args.refuseSize("proj_size", `${args.type} needs a non-negative 'proj_size', got ${projSize}`, `0 means no projection`);
            if (projSize >= hiddenSize) {
                args.fail("proj_size", `${args.type} needs 'proj_size' smaller than 'hidden_size', got proj_size=${projSize} with hidden_size=${hiddenSize}`, `proj_size is the size of the projected hidden state; 0 means no projection`);
            }
            const bias = args.bool("bias");
            const directions = args.bool("bidirectional") ? ["", "_reverse"] : [""];
            // With a projection, the state carried between steps and layers is the projected one.
            const stateSize = projSize > 0 ? projSize : hiddenSize;
            const parameters = [];
            for (let layer = 0; layer < numLayers; layer++) {
                const layerInput = layer === 0 ? inputSize : stateSize * directions.length;
                for (const direction of directions) {
                    const suffix = `_l${layer}${direction}`;
                    parameters.push(...gateTensors(gates * hiddenSize, layerInput, stateSize, bias, suffix));
                    if (projSize > 0)
                        parameters.push({ name: `weight_hr${suffix}`, shape: [projSize, hiddenSize] });
                }
            }
            return { parameters, buffers: [] };
        },
        forward(args, input) {
            const inputSize = args.int("input_size");
            if (input.shape.length !== 3 || input.shape[2] !== inputSize)
                input.mismatch("input_size", `a 3-d input of ${inputSize} features`);
            const [batch, steps] = args.bool("batch_first") ? [input.shape[0], input.shape[1]] : [input.shape[1], input.shape[0]];
            const hiddenSize = args.int("hidden_size");
            const projSize = projects ? args.int("proj_size") : 0;
            const stateSize = projSize > 0 ? projSize : hiddenSize;
            const directions = args.bool("bidirectional") ? 2 : 1;
            let macs = 0;
            const saves = ["input"];
            for (let layer = 0; layer < args.int("num_layers"); layer++) {
                const layerInput = layer === 0 ? inputSize : directions * stateSize;
                // A deeper layer runs on the stacked outputs of the one before. Batch first, both directions keep a
                // time-major copy of the input (measured: not a unidirectional layer, not a deeper one).
                if (layer > 0)
                    saves.push(activations(batch * steps * layerInput));
                if (layer === 0 && directions === 2 && args.bool("batch_first"))
                    saves.push(activations(batch * steps * layerInput));
                const perStep = gates * hiddenSize * (layerInput + stateSize) + projSize * hiddenSize;
                macs += directions * batch * steps * perStep;
                // With a projection, each step also keeps its projected state (measured).
                saves.push(...Array.from({ length: directions }, () => activations(batch * hiddenSize * (steps * kept + (gates === 1 ? 1 : 0)) + batch * steps * projSize)));
            }
            // The last layer's state at every step, both directions side by side.
            const output = [...input.shape.slice(0, 2), directions * stateSize];
            return { output, macs, saves };
        },
    };
}
/** A cell's one step: its input, the state it starts from (zeros unless given), and per sample `kept` × hidden_size (PyTorch 1.13, CPU, measured). */
function cell(type, gates, kept, signature) {
    return {
        type,
        signature,
        tensors(args) {
            if (signature.includes(NONLINEARITY))
                checkNonlinearity(args);
            const inputSize = positive(args, "input_size");
            const hiddenSize = positive(args, "hidden_size");
            return { parameters: gateTensors(gates * hiddenSize, inputSize, hiddenSize, args.bool("bias"), ""), buffers: [] };
        },
        forward(args, input) {
            const inputSize = args.int("input_size");
            const hiddenSize = args.int("hidden_size");
            if (input.shape.length !== 2 || input.shape[1] !== inputSize)
                input.mismatch("input_size", `a 2-d input of ${inputSize} features`);
            const batch = input.shape[0];
            // LSTMCell returns (h, c): the output is h.
            return { output: [batch, hiddenSize], macs: batch * gates * hiddenSize * (inputSize + hiddenSize), saves: ["input", activations(batch * hiddenSize * kept)] };
        },
    };
}
// The documented positional order, which PyTorch 2.x follows: RNN takes nonlinearity fourth (1.13 took it as bias).
const recurrentLayers = [
    stacked("RNN", 1, 1, [...recurrent_SIZES, NUM_LAYERS, NONLINEARITY, BIAS, ...STACK_OPTIONS, ...FACTORY_KWARGS]),
    stacked("LSTM", 4, 7, [...recurrent_SIZES, NUM_LAYERS, BIAS, ...STACK_OPTIONS, { name: "proj_size", type: "int", default: 0 }, ...FACTORY_KWARGS]),
    stacked("GRU", 3, 7, [...recurrent_SIZES, NUM_LAYERS, BIAS, ...STACK_OPTIONS, ...FACTORY_KWARGS]),
    cell("RNNCell", 1, 2, [...recurrent_SIZES, BIAS, NONLINEARITY, ...FACTORY_KWARGS]),
    cell("LSTMCell", 4, 6, [...recurrent_SIZES, BIAS, ...FACTORY_KWARGS]),
    cell("GRUCell", 3, 7, [...recurrent_SIZES, BIAS, ...FACTORY_KWARGS]),
];

;// CONCATENATED MODULE: ./src/catalogue/transformer.ts



const NONE = { parameters: [], buffers: [] };
/** A submodule's tensors as its parent lists them: `norm.weight`, `layers.0.linear1.bias`. */
function within(prefix, tensors) {
    const rename = (tensor) => ({ ...tensor, name: tensor.name ? `${prefix}.${tensor.name}` : prefix });
    return { parameters: tensors.parameters.map(rename), buffers: tensors.buffers.map(rename) };
}
/** Submodules in registration order, which is the order named_parameters() walks them. */
function concat(parts) {
    return { parameters: parts.flatMap((part) => part.parameters), buffers: parts.flatMap((part) => part.buffers) };
}
/** A Linear or LayerNorm: `weight`, then `bias` sized by the weight's first dimension. */
function transformer_affine(weight, bias) {
    return { parameters: [{ name: "weight", shape: weight }, ...(bias ? [{ name: "bias", shape: [weight[0]] }] : [])], buffers: [] };
}
/** A layer given as an argument, or nothing for None. */
function nested(args, name) {
    if (args.isNone(name))
        return NONE;
    const { definition, args: bound } = args.layer(name);
    return definition.tensors(bound);
}
/**
 * A string must be 'relu' or 'gelu', as PyTorch resolves it; a bare name is a function such as F.gelu and
 * holds no tensors; a module such as PReLU() becomes the layer's `activation` submodule, tensors included.
 */
function activationTensors(args) {
    const value = args.value("activation");
    if (value.kind === "symbol") {
        // A bare function name (relu, F.silu) holds no tensors; one that spells almost a variable in scope is likely that variable.
        if (value.suggestion !== undefined)
            args.fail("activation", `undefined variable '${value.name}' in argument 'activation' of ${args.type}`, "for a function, write F." + value.name);
        return NONE;
    }
    if (value.kind === "layer")
        return within("activation", nested(args, "activation"));
    if (value.kind !== "string") {
        args.fail("activation", `${args.type} activation must be 'relu', 'gelu', a function such as F.gelu or a module such as GELU(), got ${describeValue(value)}`);
    }
    if (value.value !== "relu" && value.value !== "gelu") {
        args.fail("activation", `${args.type} activation must be 'relu' or 'gelu', got '${value.value}'`, `for another activation, pass the function itself, e.g. activation=F.silu`);
    }
    return NONE;
}
function layerShape(args) {
    const dModel = headedEmbedding(args, "d_model", "nhead");
    const feedforward = positive(args, "dim_feedforward");
    checkDropout(args, "dropout");
    return { dModel, feedforward, bias: args.bool("bias"), activation: activationTensors(args) };
}
/** An encoder layer has self_attn and two norms; a decoder layer adds multihead_attn and norm3. */
function layerTensors({ dModel, feedforward, bias, activation }, attentions, norms) {
    const attention = {
        parameters: attentionTensors({ embedDim: dModel, kdim: dModel, vdim: dModel, bias, addBiasKv: false }),
        buffers: [],
    };
    return concat([
        ...attentions.map((name) => within(name, attention)),
        within("linear1", transformer_affine([feedforward, dModel], bias)),
        within("linear2", transformer_affine([dModel, feedforward], bias)),
        ...Array.from({ length: norms }, (_, index) => within(`norm${index + 1}`, transformer_affine([dModel], bias))),
        activation,
    ]);
}
const encoderLayer = (shape) => layerTensors(shape, ["self_attn"], 2);
const decoderLayer = (shape) => layerTensors(shape, ["self_attn", "multihead_attn"], 3);
/** TransformerEncoder and TransformerDecoder: deep copies of one layer, then the optional final norm. */
function stack(layer, count, norm) {
    return concat([...Array.from({ length: count }, (_, index) => within(`layers.${index}`, layer)), within("norm", norm)]);
}
function layerCount(args, name) {
    const count = args.int(name);
    if (count < 0)
        args.refuseSize(name, `${args.type} needs a non-negative '${name}', got ${count}`, "write the number of layers in the stack, 0 or more");
    return count;
}
const transformer_activations = (elements) => ({ elements, dtype: "activation" });
/** A dropout's mask, one byte per element as in the Dropout rule; p=0 is the identity and keeps nothing. */
const masks = (p, elements) => (p > 0 ? [{ elements, dtype: "bool" }] : []);
/** A LayerNorm's float32 mean and inverse deviation per row, as the LayerNorm rule keeps them beside its input. */
const statistics = (rows) => ({ elements: 2 * rows, dtype: "float32" });
/** `[batch, sequence, d_model]`, or sequence first without batch_first: the batch and sequence sizes. */
function tokens(args, input) {
    const dModel = args.int("d_model");
    if (input.shape.length !== 3 || input.shape[2] !== dModel)
        input.mismatch("d_model", `a 3-d input of ${dModel} features`);
    const [first, second] = input.shape;
    return args.bool("batch_first") ? { batch: first, sequence: second } : { batch: second, sequence: first };
}
/**
 * What the activation keeps of linear1's output, by the activation's own rule for a module; 'relu' and
 * 'gelu' (or F.relu and F.gelu) keep what ReLU and GELU keep: the result, and the input.
 */
function activationRule(args, input) {
    const value = args.value("activation");
    if (value.kind === "layer") {
        const { definition, args: bound } = args.layer("activation");
        if (definition.forward)
            return definition.forward(bound, input);
    }
    const name = value.kind === "string" ? value.value : value.kind === "symbol" ? value.name.split(".").at(-1) : undefined;
    if (name === "relu" || name === "gelu")
        return { output: [...input.shape], saves: [name === "relu" ? "output" : "input"] };
    return args.fail("activation", `shape inference follows ${args.type} with activation 'relu', 'gelu', F.relu, F.gelu or a module it follows, got ${describeValue(value)}`);
}
/**
 * One encoder or decoder layer, as the eager path computes it in training (the fast path is for
 * inference only). Whether the norm comes first or last, each sublayer keeps its input, one
 * d_model-wide tensor of its own (the residual sum a post-norm normalizes, or a pre-norm's output)
 * with the norm's statistics, and its block's tensors. A decoder's memory is another tensor of the
 * target's shape: `keepsMemory` is false for the layers of a stack after the first, which share it.
 * With batch_first, MultiheadAttention transposes its inputs and its projections keep contiguous
 * copies: of a post-norm layer's input, and of the memory in every decoder layer.
 */
function encoderDecoderLayer(args, input, decoder, keepsMemory) {
    const { batch, sequence } = tokens(args, input);
    const [dModel, feedforward, p] = [args.int("d_model"), args.int("dim_feedforward"), args.float("dropout")];
    const rows = batch * sequence;
    const call = attend({ batch, queries: sequence, keys: sequence, embedDim: dModel, heads: args.int("nhead"), kdim: dModel, vdim: dModel, dropout: p, extraKeys: 0 });
    const attention = [...call.saves, ...masks(p, rows * dModel)];
    const hidden = rows * feedforward;
    const activation = activationRule(args, { ...input, shape: [batch, sequence, feedforward] });
    // linear1's output, and the activation's output when it is another storage; linear2 keeps the latter, or dropout's output.
    const storage = (saved) => (activation.sharesInput ? "input" : saved);
    const activationSaves = activation.saves ?? [];
    const kept = new Set(activationSaves.flatMap((saved) => (typeof saved === "string" ? [storage(saved)] : [])));
    if (p === 0)
        kept.add(storage("output"));
    const feedForward = [
        ...[...kept].map(() => transformer_activations(hidden)),
        ...activationSaves.filter((saved) => typeof saved === "object"),
        ...masks(p, hidden),
        ...(p > 0 ? [transformer_activations(hidden)] : []),
        ...masks(p, rows * dModel),
    ];
    const batchFirst = args.bool("batch_first");
    const memory = keepsMemory || batchFirst ? [transformer_activations(rows * dModel)] : [];
    const blocks = decoder ? [attention, [...memory, ...attention], feedForward] : [attention, feedForward];
    const layerInput = batchFirst && !args.bool("norm_first") ? transformer_activations(rows * dModel) : "input";
    const saves = blocks.flatMap((block, index) => [index === 0 ? layerInput : transformer_activations(rows * dModel), transformer_activations(rows * dModel), statistics(rows), ...block]);
    const projections = 2 * rows * dModel * feedforward;
    const attentions = decoder ? 2 : 1;
    return { macs: attentions * call.macs + projections, attentionMacs: attentions * call.attentionMacs, saves };
}
/** A layer of a stack after the first: its input is the previous layer's output, which no earlier tensor kept. */
const followingInput = (elements) => (saved) => saved === "input" ? transformer_activations(elements) : saved;
/**
 * `num_layers` copies of a layer, then the final norm: its own rule for a stack's `norm`, a
 * LayerNorm(d_model) for Transformer's.
 */
function stackFigures(layer, count, input, decoder, norm) {
    const elements = numel(input.shape);
    const layers = Array.from({ length: count }, (_, index) => {
        const figures = encoderDecoderLayer(layer, input, decoder, index === 0);
        return index === 0 ? figures : { ...figures, saves: figures.saves.map(followingInput(elements)) };
    });
    const normed = norm?.(input);
    const last = (normed?.saves ?? []).map(count > 0 ? followingInput(elements) : (saved) => saved);
    return {
        macs: layers.reduce((sum, figures) => sum + figures.macs, normed?.macs ?? 0),
        attentionMacs: layers.reduce((sum, figures) => sum + figures.attentionMacs, 0),
        saves: [...layers.flatMap((figures) => figures.saves), ...last],
    };
}
/** A nested layer of the type shape inference follows there; PyTorch would take any module. */
function nestedOf(args, name, type) {
    const { definition, args: bound } = args.layer(name);
    if (definition.type !== type)
        args.fail(name, `shape inference follows ${args.type} with a ${type}(...) as ${name}, got ${definition.type}`, "remove input: from the spec to count without shapes");
    return bound;
}
function stackOf(args, input) {
    const decoder = args.type === "TransformerDecoder";
    const layer = decoder ? nestedOf(args, "decoder_layer", "TransformerDecoderLayer") : nestedOf(args, "encoder_layer", "TransformerEncoderLayer");
    const norm = args.isNone("norm") ? undefined : args.layer("norm");
    const normRule = norm && ((at) => norm.definition.forward?.(norm.args, at) ?? args.fail("norm", `shape inference does not follow ${norm.definition.type} yet`));
    return stackFigures(layer, layerCount(args, "num_layers"), input, decoder, normRule);
}
const stackForward = (args, input) => ({ output: [...input.shape], ...stackOf(args, input) });
const LAYER_OPTIONS = [
    { name: "layer_norm_eps", type: "float", default: 1e-5 },
    { name: "batch_first", type: "bool", default: false },
    { name: "norm_first", type: "bool", default: false },
    // PyTorch 2.1+: False drops the biases of every Linear, LayerNorm and attention projection.
    { name: "bias", type: "bool", default: true },
    ...FACTORY_KWARGS,
];
const LAYER_SIGNATURE = [
    { name: "d_model", type: "int" },
    { name: "nhead", type: "int" },
    { name: "dim_feedforward", type: "int", default: 2048 },
    { name: "dropout", type: "float", default: 0.1 },
    { name: "activation", type: "any", default: "relu" },
    ...LAYER_OPTIONS,
];
const transformerLayers = [
    {
        type: "TransformerEncoderLayer",
        signature: LAYER_SIGNATURE,
        tensors: (args) => encoderLayer(layerShape(args)),
        forward: (args, input) => ({ output: [...input.shape], ...encoderDecoderLayer(args, input, false, true) }),
    },
    {
        type: "TransformerDecoderLayer",
        signature: LAYER_SIGNATURE,
        tensors: (args) => decoderLayer(layerShape(args)),
        /** `layer(x, memory)`, memory another tensor of x's shape, as an encoder's output would be. */
        forward: (args, input) => ({ output: [...input.shape], ...encoderDecoderLayer(args, input, true, true) }),
    },
    {
        type: "TransformerEncoder",
        signature: [
            { name: "encoder_layer", type: "layer" },
            { name: "num_layers", type: "int" },
            { name: "norm", type: "layer", default: null },
            { name: "enable_nested_tensor", type: "bool", default: true },
            { name: "mask_check", type: "bool", default: true },
        ],
        tensors: (args) => stack(nested(args, "encoder_layer"), layerCount(args, "num_layers"), nested(args, "norm")),
        forward: stackForward,
    },
    {
        type: "TransformerDecoder",
        signature: [
            { name: "decoder_layer", type: "layer" },
            { name: "num_layers", type: "int" },
            { name: "norm", type: "layer", default: null },
        ],
        tensors: (args) => stack(nested(args, "decoder_layer"), layerCount(args, "num_layers"), nested(args, "norm")),
        forward: stackForward,
    },
    {
        type: "Transformer",
        signature: [
            { name: "d_model", type: "int", default: 512 },
            { name: "nhead", type: "int", default: 8 },
            { name: "num_encoder_layers", type: "int", default: 6 },
            { name: "num_decoder_layers", type: "int", default: 6 },
            { name: "dim_feedforward", type: "int", default: 2048 },
            { name: "dropout", type: "float", default: 0.1 },
            { name: "activation", type: "any", default: "relu" },
            { name: "custom_encoder", type: "layer", default: null },
            { name: "custom_decoder", type: "layer", default: null },
            ...LAYER_OPTIONS,
        ],
        tensors(args) {
            const shape = layerShape(args);
            // Transformer always ends each stack with a LayerNorm(d_model), biased unless bias=False.
            const finalNorm = transformer_affine([shape.dModel], shape.bias);
            const encoder = args.isNone("custom_encoder") ? stack(encoderLayer(shape), layerCount(args, "num_encoder_layers"), finalNorm) : nested(args, "custom_encoder");
            const decoder = args.isNone("custom_decoder") ? stack(decoderLayer(shape), layerCount(args, "num_decoder_layers"), finalNorm) : nested(args, "custom_decoder");
            return concat([within("encoder", encoder), within("decoder", decoder)]);
        },
        /**
         * `transformer(x, x)`: one input is both source and target. The decoder's memory is the encoder's
         * output, which no encoder tensor keeps; the target is the source's storage, kept once (but for
         * batch_first's copies). Without custom stacks, Transformer's own arguments are its layers'.
         */
        forward(args, input) {
            const { batch, sequence } = tokens(args, input);
            const layerNorm = () => ({ output: [...input.shape], saves: ["input", statistics(batch * sequence)] });
            const half = (custom, layers, decoder) => args.isNone(custom)
                ? stackFigures(args, layerCount(args, layers), input, decoder, layerNorm)
                : stackOf(nestedOf(args, custom, decoder ? "TransformerDecoder" : "TransformerEncoder"), input);
            const [encoder, decoder] = [half("custom_encoder", "num_encoder_layers", false), half("custom_decoder", "num_decoder_layers", true)];
            return {
                output: [...input.shape],
                macs: encoder.macs + decoder.macs,
                attentionMacs: encoder.attentionMacs + decoder.attentionMacs,
                saves: [...encoder.saves, ...decoder.saves],
            };
        },
    },
];

;// CONCATENATED MODULE: ./src/catalogue/index.ts















const FAMILIES = [
    linearLayers,
    convolutionLayers,
    normalizationLayers,
    embeddingLayers,
    activationLayers,
    parameterFreeLayers,
    parameterLayers,
    recurrentLayers,
    attentionLayers,
    transformerLayers,
];
const BY_TYPE = new Map(FAMILIES.flat().map((definition) => [definition.type, definition]));
/** `nn.Linear` and `torch.nn.Linear` name the same class as `Linear`. */
function className(type) {
    return type.replace(/^(?:torch\.)?nn\./, "");
}
function layerTypes() {
    return [...BY_TYPE.keys()];
}
/** Lazy modules and uninitialized tensors take their sizes from the first forward pass, which a spec cannot run. */
function lazyHint(type) {
    if (/^Uninitialized(?:Parameter|Buffer)$/.test(type)) {
        return `describe the model after its first forward: write ${type.slice("Uninitialized".length)}(shape) with the shape it gets then`;
    }
    const eager = /^Lazy(\w+)$/.exec(type)?.[1];
    const definition = eager === undefined ? undefined : BY_TYPE.get(eager);
    if (!definition)
        return undefined;
    const required = definition.signature.filter((spec) => spec.default === undefined && !spec.optional).map((spec) => spec.name);
    return `describe the model after its first forward: write ${definition.type}(${[...required, "..."].join(", ")}) with the sizes it infers then`;
}
function findLayer(call) {
    const definition = BY_TYPE.get(className(call.type));
    if (definition)
        return definition;
    const lazy = lazyHint(className(call.type));
    if (lazy)
        throw new SpecError("lazy-layer", call.position, `${call.type} infers its sizes at its first forward pass, which a spec does not run`, lazy);
    const suggestion = didYouMean(className(call.type), BY_TYPE.keys());
    throw new SpecError("unknown-layer-type", spanning(call.position, call.type), `unknown layer type '${call.type}'`, suggestion ?? `model-budget knows torch.nn's layers; a custom module's own tensors can be written as Parameter(...) entries`);
}
/** Binds a call to its catalogue entry and lists its tensors as PyTorch would. */
function describeLayer(call) {
    const definition = findLayer(call);
    const args = bindArguments(definition, call, findLayer);
    return { definition, args, ...definition.tensors(args) };
}

;// CONCATENATED MODULE: ./src/import/spec-tree.ts




/**
 * Modules nested deeper than this are refused by the importers: each level is three levels of the spec's
 * YAML, whose parser allows 64, and real models nest a dozen at most.
 */
const MAX_MODULE_DEPTH = 20;
/** The longest module or tensor name the importers take: YAML reads a key of at most 1024 characters. */
const MAX_NAME_LENGTH = 1000;
/** The schema's $id, which editors with the YAML language server resolve. */
const SCHEMA_URL = "https://github.com/model-budget/model-budget/schema/model-spec.schema.json";
/** Keys that make a one-key mapping a layer body: a child of that name needs the long form. */
const BODY_KEYS = new Set(["type", "layer", "layers", "use", "include"]);
const SPEC_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
const spec_tree_INDEX = /^(?:0|[1-9]\d*)$/;
/** Words YAML reads as something other than a string, in either YAML version an editor may assume. */
const YAML_WORDS = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;
/** Describes a call string as the counting engine will once it is in a spec; `positionAt` maps its offsets to its source. */
function describeCall(text, positionAt) {
    let parsed;
    try {
        parsed = parseCall(text);
    }
    catch (error) {
        if (error instanceof ExpressionError)
            throw new SpecError("expression-syntax", positionAt(error.offset), error.message, error.hint);
        throw error;
    }
    return describeLayer(evaluateCall(parsed, new Map(), positionAt, text));
}
/** A child named by its place: nn.Sequential's and nn.ModuleList's 0, 1, 2. */
const isIndex = (name) => spec_tree_INDEX.test(name);
/** Merges consecutive numbered children that are alike into one run, as `repeat:` writes them. */
function spec_tree_fold(children) {
    const folded = [];
    let lastKey = "";
    for (const child of children) {
        const node = child.node.kind === "module" ? { ...child.node, children: spec_tree_fold(child.node.children) } : child.node;
        const key = JSON.stringify(node);
        const last = folded.at(-1);
        if (last && isIndex(last.name) && isIndex(child.name) && Number(child.name) === Number(last.name) + last.count && key === lastKey) {
            last.count += child.count;
            continue;
        }
        folded.push({ ...child, node });
        lastKey = key;
    }
    return folded;
}
/**
 * A YAML scalar: plain when YAML reads it back unchanged, else a JSON string, which YAML reads as one.
 * Control and bidi characters are quoted too, so that escaping them for a terminal keeps their meaning.
 */
function scalar(text) {
    // eslint-disable-next-line no-control-regex
    const plain = !/\s#|:\s|:$|[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/.test(text);
    return /^[A-Za-z_]/.test(text) && plain && !YAML_WORDS.test(text) ? text : JSON.stringify(text);
}
function key(name) {
    return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) && !YAML_WORDS.test(name) ? name : JSON.stringify(name);
}
const commentOf = (...parts) => {
    const comment = parts.filter(Boolean).join("; ");
    return comment ? `  # ${comment.replace(/\s+/g, " ")}` : "";
};
const indent = (lines, by) => lines.map((line) => `${" ".repeat(by)}${line}`);
/** A child's spec name: names a spec key cannot hold are rewritten, with the original in a comment. */
function names(children) {
    const used = new Set(children.map((child) => child.name));
    return children.map((child) => {
        if (SPEC_NAME.test(child.name))
            return { name: child.name };
        const base = child.name.replace(/[^A-Za-z0-9_-]/g, "_").replace(/^-/, "_") || "_";
        let name = base;
        for (let suffix = 2; used.has(name); suffix++)
            name = `${base}_${suffix}`;
        used.add(name);
        return { name, note: `'${child.name}' in the source; a spec name holds only letters, digits, _ and -` };
    });
}
/** The mapping of an entry: `repeat:` when it stands for several, then its call or its children. */
function body(count, node, note) {
    const repeat = count > 1 ? [`repeat: ${count}`] : [];
    if (node.kind === "layer")
        return [...repeat, `layer: ${scalar(node.call)}${commentOf(note, node.comment)}`];
    const items = renderList(node.children);
    return [...repeat, `${items.length ? "layers:" : "layers: []"}${commentOf(note, node.type)}`, ...indent(items, 2)];
}
/** One item of a layers list; `name` is undefined for a child numbered by its place, as in nn.Sequential. */
function item(name, count, node, note) {
    if (name !== undefined && count === 1 && node.kind === "module") {
        // A ModuleList of N alike children is `name: {repeat: N, ...}`: the paths are name.[0-N-1], as PyTorch's.
        const [run, ...others] = node.children;
        if (run && others.length === 0 && run.name === "0" && run.count > 1)
            return item(name, run.count, run.node, note);
    }
    if (count === 1 && node.kind === "layer" && (name === undefined || !BODY_KEYS.has(name))) {
        return [`- ${name === undefined ? "" : `${key(name)}: `}${scalar(node.call)}${commentOf(note, node.comment)}`];
    }
    if (name === undefined) {
        const [first, ...rest] = body(count, node, note);
        return [`- ${first}`, ...indent(rest, 2)];
    }
    return [`- ${key(name)}:`, ...indent(body(count, node, note), 4)];
}
function renderList(children) {
    const folded = spec_tree_fold(children);
    const named = names(folded);
    let next = 0;
    return folded.flatMap((child, index) => {
        const { name, note } = named[index];
        if (isIndex(child.name) && Number(child.name) === next) {
            next += child.count;
            return item(undefined, child.count, child.node, note);
        }
        // Numbered children after a gap keep their numbers as names, one entry each.
        if (child.count > 1)
            return Array.from({ length: child.count }, (_, offset) => item(String(Number(child.name) + offset), 1, child.node)).flat();
        return item(name, 1, child.node, note);
    });
}
/**
 * The suggested ties as a commented-out tie: block: deleting the leading `# ` of its lines gives a
 * working tie:, each tie under a comment with its reason; lines that do not hold can stay commented.
 */
function suggestedTieBlock(suggestions) {
    if (!suggestions.length)
        return [];
    const lines = [
        "tie:",
        ...suggestions.flatMap(({ reason, ties }) => [`  # ${reason.replace(/\s+/g, " ")}`, ...ties.map(({ tensor, owner }) => `  ${scalar(tensor)}: ${scalar(owner)}`)]),
    ];
    return [
        "# Suggested ties: print(model) prints a shared module at every place it is used, so the spec counts it at each.",
        "# Where the model shares it, uncomment the tie: line and the ties that hold, and it counts once, as parameters() does.",
        ...lines.map((line) => `# ${line}`),
    ];
}
/** The spec's YAML text. */
function renderSpec(spec) {
    const items = renderList(spec.layers);
    return [
        `# yaml-language-server: $schema=${SCHEMA_URL}`,
        ...spec.notes.flatMap((note) => note.split(/\r\n?|\n/)).map((line) => `# ${line}`),
        `model: ${scalar(spec.model)}`,
        items.length ? "layers:" : "layers: []",
        ...indent(items, 2),
        ...suggestedTieBlock(spec.suggestedTies ?? []),
        "",
    ].join("\n");
}

;// CONCATENATED MODULE: ./src/import/cross-check.ts




/** Past this many tensors, a spec is not compared name by name: no checkpoint holds that many. */
const MAX_TENSORS = 1_000_000;
const SHOWN_NAMES = 5;
const joined = (path, tensor) => (tensor ? `${path}.${tensor}` : path);
const shown = (shape) => `[${shape.join(", ")}]`;
/** `the 12 tensors h.0.x, h.1.x, ...` or the one name: how many instances a message is about. */
function which(names) {
    if (names.length === 1)
        return names[0];
    const listed = names.slice(0, SHOWN_NAMES).join(", ");
    return `${names.length} tensors: ${listed}${names.length > SHOWN_NAMES ? ", ..." : ""}`;
}
function specTensors(count) {
    return count.layers.flatMap((layer) => [
        ...layer.parameters.map((tensor) => ({ layer, name: tensor.name, shape: tensor.shape, buffer: false, sharedWith: tensor.sharedWith })),
        ...layer.buffers.map((tensor) => ({ layer, name: tensor.name, shape: tensor.shape, buffer: true, sharedWith: undefined })),
    ]);
}
/** The name among `candidates` of the same shape that `name` was likely renamed to or from. */
function renamed(name, shape, candidates) {
    return closestName(name, [...candidates].filter((candidate) => sameShape(candidate.shape, shape)).map((candidate) => candidate.name));
}
/**
 * Matched: each spec tensor's instances looked up in the checkpoint by name. Resized ones are errors; absent
 * ones are missing, unless a buffer (non-persistent ones are never saved) or a tie that is satisfied.
 */
function matchTensors(tensors, instances, present) {
    const matched = new Set();
    // A tie is satisfied by any one of its tensors: savers such as safetensors' keep one name of a shared storage.
    const tiesPresent = new Set();
    tensors.forEach((tensor, index) => {
        if (tensor.sharedWith !== undefined && instances[index].some((name) => present.has(name)))
            tiesPresent.add(tensor.sharedWith);
    });
    const errors = [];
    const missing = [];
    tensors.forEach((tensor, index) => {
        const absent = [];
        const resized = new Map();
        for (const name of instances[index]) {
            const found = present.get(name);
            if (!found) {
                absent.push(name);
                continue;
            }
            matched.add(name);
            if (!sameShape(found.shape, tensor.shape))
                resized.set(shown(found.shape), [...(resized.get(shown(found.shape)) ?? []), name]);
        }
        for (const [shape, names] of resized) {
            errors.push(new SpecError("tensor-shape-differs", tensor.layer.position, `${which(names)} is ${shown(tensor.shape)} in the spec but ${shape} in ${present.get(names[0]).file}`, "resize the layer in the spec, or check that the checkpoint is this model's"));
        }
        // A shared tensor is its owner's concern; an owner is fine when a tensor sharing it was saved in its place.
        const unsaved = absent.filter((name) => !tiesPresent.has(name));
        if (unsaved.length && !tensor.buffer && tensor.sharedWith === undefined)
            missing.push({ tensor, names: unsaved });
    });
    return { errors, missing, matched };
}
/** Missing: spec tensors the checkpoint lacks, at their layers' lines, with an extra of that shape as the likely new name. */
function missingErrors(missing, extras, where) {
    return missing.map(({ tensor, names }) => {
        const rename = renamed(names[0], tensor.shape, extras);
        const all = names.length === tensor.layer.count && names.length > 1 ? `${joined(tensor.layer.path, tensor.name)} (${names.length} tensors)` : which(names);
        return new SpecError("tensor-missing-from-checkpoint", tensor.layer.position, `${all} ${shown(tensor.shape)} is in the spec but not in ${where}`, rename ? `${where} has '${rename}' of that shape: was it renamed?` : "remove it from the spec, or check that the checkpoint is this model's");
    });
}
/** The spec line nearest a checkpoint name: the layer whose module path is the longest prefix of it, else the spec's top. */
function nearestLayer(tensors, instances, top) {
    const near = new Map();
    tensors.forEach((tensor, index) => {
        for (const name of instances[index]) {
            const segments = name.split(".");
            for (let length = 1; length < segments.length; length++) {
                const prefix = segments.slice(0, length).join(".");
                if (!near.has(prefix))
                    near.set(prefix, tensor.layer.position);
            }
        }
    });
    return (name) => {
        const segments = name.split(".");
        for (let length = segments.length - 1; length > 0; length--) {
            const position = near.get(segments.slice(0, length).join("."));
            if (position)
                return position;
        }
        return top;
    };
}
/** Extra: checkpoint tensors the spec lacks, numbered runs (h.0.x … h.11.x) of one shape reported together. */
function extraErrors(extras, missing, nearest) {
    const missingNames = missing.flatMap(({ tensor, names }) => names.map((name) => ({ name, shape: tensor.shape })));
    const groups = new Map();
    for (const extra of extras) {
        const pattern = `${extra.name
            .split(".")
            .map((segment) => (isIndex(segment) ? "*" : segment))
            .join(".")} ${shown(extra.shape)}`;
        groups.set(pattern, [...(groups.get(pattern) ?? []), extra]);
    }
    return [...groups.values()].map((group) => {
        const [first] = group;
        const rename = renamed(first.name, first.shape, missingNames);
        return new SpecError("tensor-missing-from-spec", nearest(first.name), `${first.file} holds ${which(group.map((tensor) => tensor.name))} ${shown(first.shape)}, which the spec does not have`, rename ? `the spec has '${rename}' of that shape: was it renamed?` : "add it to the spec: a layer that holds it, or a Parameter entry");
    });
}
/**
 * Compares a spec's tensors with a checkpoint's by name and shape. Missing and resized tensors are reported at
 * the spec lines of their layers, extra ones at the layer nearest their name; instances of a repeated entry
 * and numbered runs of extras are reported together. Buffers may be absent (non-persistent ones are never
 * saved), and a tie is satisfied when the checkpoint holds any one of its tensors, as savers keep one copy.
 */
function crossCheck(count, checkpoint) {
    const top = { file: count.file, line: 1, col: 1 };
    const tensors = specTensors(count);
    const expanded = tensors.reduce((sum, tensor) => sum + tensor.layer.count, 0);
    if (expanded > MAX_TENSORS) {
        return [new SpecError("too-many-tensors", top, `the spec stands for ${expanded} tensors, too many to compare with a checkpoint one by one`, "check the repeat counts")];
    }
    const files = [...new Set(checkpoint.map((tensor) => tensor.file))];
    const where = files.length === 1 ? files[0] : "the checkpoint";
    const present = new Map(checkpoint.map((tensor) => [tensor.name, tensor]));
    const instances = tensors.map((tensor) => instancePaths(tensor.layer.path).map((path) => joined(path, tensor.name)));
    const { errors, missing, matched } = matchTensors(tensors, instances, present);
    const extras = checkpoint.filter((tensor) => !matched.has(tensor.name));
    const all = [...errors, ...missingErrors(missing, extras, where), ...extraErrors(extras, missing, nearestLayer(tensors, instances, top))];
    return all.sort((a, b) => a.position.line - b.position.line || a.position.col - b.position.col);
}

;// CONCATENATED MODULE: ./src/import/from-checkpoint.ts





/** Floating-point tensors that are buffers all the same: BatchNorm's statistics outside a recognised BatchNorm. */
const BUFFER_NAMES = new Set(["running_mean", "running_var"]);
/** Names under which a 2-D table without bias is an Embedding rather than a Linear(bias=False): the counts agree either way. */
const EMBEDDING_NAME = /emb|wte|wpe|tok|vocab|word|position|shared/i;
const moduleNode = () => ({ tensors: new Map(), children: new Map() });
function tree(checkpoint) {
    const root = moduleNode();
    const clash = (name) => new SpecError("checkpoint-not-a-spec", { file: checkpoint.file, line: 1, col: 1 }, `'${name}' is both a tensor and a module holding other tensors`, "a spec cannot give one name to both: rename one in the model");
    for (const tensor of checkpoint.tensors) {
        const path = tensor.name.split(".");
        if (path.length > MAX_MODULE_DEPTH + 1) {
            throw new FileFormatError("checkpoint-not-a-spec", tensor.file, tensor.at ?? 0, `tensor '${tensor.name.length > 80 ? `${tensor.name.slice(0, 80)}...` : tensor.name}' is nested ${path.length - 1} modules deep, more than the ${MAX_MODULE_DEPTH} a spec holds`, "real models nest a dozen modules at most: is this a damaged or generated checkpoint?");
        }
        const long = path.find((segment) => segment.length > MAX_NAME_LENGTH);
        if (long !== undefined) {
            throw new FileFormatError("checkpoint-not-a-spec", tensor.file, tensor.at ?? 0, `tensor '${tensor.name.slice(0, 80)}...' has a name part of ${long.length} characters, more than the ${MAX_NAME_LENGTH} a spec name may have`, "is this a damaged or generated checkpoint?");
        }
        const leaf = path.pop();
        const node = path.reduce((parent, segment, index) => {
            if (parent.tensors.has(segment))
                throw clash(path.slice(0, index + 1).join("."));
            let child = parent.children.get(segment);
            if (!child)
                parent.children.set(segment, (child = moduleNode()));
            return child;
        }, root);
        if (node.children.has(leaf))
            throw clash(tensor.name);
        node.tensors.set(leaf, tensor);
    }
    return root;
}
/** Children in the order first seen, except that numbered ones (h.2, h.10) take their numeric order among themselves. */
function from_checkpoint_ordered(children) {
    const entries = [...children];
    const numbered = entries.filter(([name]) => isIndex(name)).sort(([a], [b]) => Number(a) - Number(b));
    let next = 0;
    return entries.map((entry) => (isIndex(entry[0]) ? numbered[next++] : entry));
}
/** Every tensor below `node`, named relative to it: what a layer there must hold. */
function from_checkpoint_flatten(node, prefix = "") {
    const all = new Map();
    for (const [name, tensor] of node.tensors)
        all.set(prefix + name, tensor);
    for (const [name, child] of node.children)
        for (const [inner, tensor] of from_checkpoint_flatten(child, `${prefix}${name}.`))
            all.set(inner, tensor);
    return all;
}
/** `dtype=torch.X` when the tensors agree on a type torch has; a layer has one dtype for all its tensors. */
function dtypeArgument(tensors) {
    const dtypes = new Set([...tensors.values()].map((tensor) => tensor.dtype));
    const [dtype] = dtypes;
    return dtypes.size === 1 && isTorchDtype(dtype) ? `, dtype=torch.${dtype}` : "";
}
/** Calls whose tensors these might be, likeliest first, from names and shapes; each is checked before it is used. */
function candidates(name, tensors, convDims) {
    const shape = (key) => tensors.get(key)?.shape;
    const noBias = tensors.has("bias") ? "" : ", bias=False";
    const attentionOut = shape("out_proj.weight");
    if (attentionOut) {
        const [embed] = attentionOut;
        const separate = shape("k_proj_weight") && shape("v_proj_weight") ? `, kdim=${shape("k_proj_weight")[1]}, vdim=${shape("v_proj_weight")[1]}` : "";
        return [`MultiheadAttention(${embed}, 1${tensors.has("in_proj_bias") ? "" : ", bias=False"}${tensors.has("bias_k") ? ", add_bias_kv=True" : ""}${separate})`];
    }
    if (shape("running_mean")) {
        const [features] = shape("running_mean");
        return [`BatchNorm${convDims}d(${features}${tensors.has("weight") ? "" : ", affine=False"})`];
    }
    const weight = shape("weight");
    if (!weight)
        return [];
    if (weight.length === 1)
        return [tensors.has("bias") ? `LayerNorm(${weight[0]})` : `RMSNorm(${weight[0]})`];
    if (weight.length === 2) {
        const [rows, columns] = weight;
        const embedding = `Embedding(${rows}, ${columns})`;
        const linear = `Linear(${columns}, ${rows}${noBias})`;
        return EMBEDDING_NAME.test(name) && !tensors.has("bias") ? [embedding, linear] : [linear];
    }
    if (weight.length <= 5) {
        // groups=1: a depthwise Conv2d(1, C, 3) holds exactly what Conv2d(C, C, 3, groups=C) holds.
        const [out, inner, ...kernel] = weight;
        return [`Conv${weight.length - 2}d(${inner}, ${out}, kernel_size=(${kernel.join(", ")})${noBias})`];
    }
    return [];
}
/** The first candidate whose tensors, as the catalogue lists them, are exactly these: names and shapes. */
function recognise(name, node, convDims, file) {
    const tensors = from_checkpoint_flatten(node);
    const extraModules = [...node.children.keys()].filter((child) => child !== "out_proj");
    if (extraModules.length)
        return undefined;
    for (const candidate of candidates(name, tensors, convDims)) {
        const call = candidate.replace(/\)$/, `${dtypeArgument(tensors)})`);
        let described;
        try {
            described = describeCall(call, () => ({ file, line: 1, col: 1 }));
        }
        catch {
            continue;
        }
        const listed = [...described.parameters, ...described.buffers];
        if (listed.length === tensors.size && listed.every((tensor) => tensors.has(tensor.name) && sameShape(tensors.get(tensor.name).shape, tensor.shape))) {
            // Heads split in_proj_weight's rows, not its size: a checkpoint cannot tell them.
            return call.startsWith("MultiheadAttention")
                ? { kind: "layer", call, comment: "num_heads=1: the checkpoint does not tell it, and the count does not depend on it" }
                : { kind: "layer", call };
        }
    }
    return undefined;
}
function tensorEntry(name, tensor) {
    const kind = canBeParameter(tensor.dtype) && !BUFFER_NAMES.has(name) ? "Parameter" : "Buffer";
    return { kind: "layer", call: `${kind}(${tensor.shape.join(", ")})`, comment: tensor.dtype };
}
/** A module's entries: its own tensors first, as named_parameters() lists them, then its children. */
function entries(node, convDims, file) {
    const own = [...node.tensors].map(([name, tensor]) => ({ name, count: 1, node: tensorEntry(name, tensor) }));
    const children = from_checkpoint_ordered(node.children).map(([name, child]) => ({
        name,
        count: 1,
        node: recognise(name, child, convDims, file) ?? { kind: "module", children: entries(child, convDims, file) },
    }));
    return [...own, ...children];
}
/** BatchNorm's dimensions do not show in its tensors; the convolutions beside it tell them, 1 without any. */
function convolutionDims(checkpoint) {
    const ranks = new Map();
    for (const tensor of checkpoint.tensors) {
        if (tensor.name.endsWith("weight") && tensor.shape.length >= 3 && tensor.shape.length <= 5)
            ranks.set(tensor.shape.length, (ranks.get(tensor.shape.length) ?? 0) + 1);
    }
    const [rank] = [...ranks].sort((a, b) => b[1] - a[1])[0] ?? [3];
    return rank - 2;
}
/** Turns a checkpoint's tensors into a spec: modules from the dotted names, layers recognised from names and shapes. */
function importCheckpoint(checkpoint, model) {
    // The root is never a layer: its own tensors are Parameter entries, so their names stay the checkpoint's.
    const layers = entries(tree(checkpoint), convolutionDims(checkpoint), checkpoint.file);
    const notes = [
        `Generated by model-budget import ${checkpoint.format} from ${checkpoint.file.split("/").at(-1)}: the tensors its header lists,`,
        "grouped into modules by their dotted names. Layers are recognised from names and shapes; what shapes leave open",
        "is chosen to count the same: Conv groups=1, BatchNorm's dimensions, RMSNorm for a lone 1-D weight, Embedding or",
        "Linear(bias=False) for a 2-D one, MultiheadAttention's num_heads=1. Other tensors are Parameter entries, except",
        "integer and bool ones and running statistics, which are Buffer entries. A tied weight is stored once: its second",
        "module is missing here; add it and a tie: to match the model's structure.",
    ];
    return { model, notes, layers };
}

;// CONCATENATED MODULE: ./src/count/formula.ts
/**
 * 124439808 → "124,439,808": the grouping reviewers read at a glance. Done by hand because
 * toLocaleString goes through ICU, which costs more than counting a layer.
 */
function formatInteger(value) {
    const digits = String(Math.abs(value));
    let grouped = digits.slice(0, digits.length % 3 || 3);
    for (let i = grouped.length; i < digits.length; i += 3)
        grouped += `,${digits.slice(i, i + 3)}`;
    return value < 0 ? `-${grouped}` : grouped;
}
/**
 * The arithmetic behind a layer's count, e.g. `Conv2d(3, 64, 7): 64 × 3 × 7 × 7 + 64 = 9,472`.
 * Tensors of one shape are grouped (`8 × 512 × 512`) so long layers stay readable.
 */
function layerFormula(callText, parameters, params) {
    const counted = parameters.filter((tensor) => tensor.sharedWith === undefined);
    const groups = new Map();
    for (const tensor of counted) {
        const key = tensor.shape.length ? tensor.shape.join(" × ") : "1";
        groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    const terms = [...groups].map(([shape, times]) => (times === 1 ? shape : `${times} × ${shape}`));
    const shared = parameters.filter((tensor) => tensor.sharedWith !== undefined).map((tensor) => `${tensor.name || "the tensor"} shared with ${tensor.sharedWith}, counted there`);
    const note = shared.length ? ` (${shared.join("; ")})` : "";
    if (terms.length === 0)
        return `${callText}: no parameters${note}`;
    return `${callText}: ${terms.join(" + ")} = ${formatInteger(params)}${note}`;
}

;// CONCATENATED MODULE: ./src/import/library-classes.ts
/** transformers' activation modules that hold no tensors, with the torch.nn call computing the same function where there is one. */
const ACTIVATIONS = {
    SiLUActivation: "SiLU()",
    GELUActivation: "GELU()",
    NewGELUActivation: "GELU(approximate='tanh')",
    FastGELUActivation: "GELU(approximate='tanh')",
    PytorchGELUTanh: "GELU(approximate='tanh')",
    GELUTanh: "GELU(approximate='tanh')",
    MishActivation: "Mish()",
    LinearActivation: "Identity()",
    QuickGELUActivation: "Identity()",
    ClippedGELUActivation: "Identity()",
    AccurateGELUActivation: "Identity()",
    LaplaceActivation: "Identity()",
    ReLUSquaredActivation: "Identity()",
};
const library_classes_NUMBER = String.raw `\d+`;
/** transformers' Conv1D (GPT-2, GPT, CTRL): `Conv1D(nf=3840, nx=1280)`, a Linear(nx, nf) whose weight is stored [nx, nf]. */
const CONV1D = new RegExp(`^Conv1D\\(nf=(${library_classes_NUMBER}), nx=(${library_classes_NUMBER})\\)$`);
/** A rotary embedding holds no parameters, only its inv_freq buffers, registered non-persistent. */
const ROTARY = /RotaryEmbedding$/;
/**
 * A catalogue-countable stand-in for a library class, with a comment naming the class; undefined
 * when the class is unknown or its printed arguments do not fit. `counts(call)` says whether a call counts.
 */
function libraryLayer(type, call, counts) {
    const activation = ACTIVATIONS[type];
    if (activation && call === `${type}()`)
        return { kind: "layer", call: activation, comment: `${type}: no tensors` };
    if (ROTARY.test(type) && call === `${type}()`) {
        return { kind: "layer", call: "Identity()", comment: `${type}: no parameters; its inv_freq buffers are non-persistent (never saved) and not counted here` };
    }
    const conv1d = CONV1D.exec(call);
    if (conv1d) {
        const [, nf, nx] = conv1d;
        return {
            kind: "module",
            type: `${call}: transformers' Linear(${nx}, ${nf}) with its weight stored transposed`,
            children: [
                { name: "weight", count: 1, node: { kind: "layer", call: `Parameter(${nx}, ${nf})` } },
                { name: "bias", count: 1, node: { kind: "layer", call: `Parameter(${nf})` } },
            ],
        };
    }
    // LlamaRMSNorm((4096,), eps=1e-05), Qwen2RMSNorm, MistralRMSNorm, Phi3RMSNorm, GemmaRMSNorm: one weight of the printed shape.
    if (type.endsWith("RMSNorm") && type !== "RMSNorm") {
        const rms = `RMSNorm${call.slice(type.length)}`;
        if (counts(rms))
            return { kind: "layer", call: rms, comment: type };
    }
    return undefined;
}
/** The first argument of a printed call, as an integer: Linear's in_features, Conv's in_channels. */
function argument(call, name, position) {
    if (call === undefined)
        return undefined;
    const keyword = new RegExp(`\\b${name}=(\\d+)`).exec(call);
    if (keyword)
        return Number(keyword[1]);
    const positional = call
        .slice(call.indexOf("(") + 1, -1)
        .split(",")[position]?.trim();
    return positional && /^\d+$/.test(positional) ? Number(positional) : undefined;
}
const child = (module, name) => module.children.find((entry) => entry.name === name)?.module;
const hasParameterizedChild = (module) => module.children.some(({ module: inner }) => (inner.call !== undefined ? !/^(?:\w*Activation|\w*Dropout|Identity|ReLU|SiLU|GELU|Tanh|Sigmoid)\(/.test(inner.call) : true));
/** Mamba's mixer: A_log [intermediate, state] and D [intermediate], sized from its conv1d, x_proj and dt_proj. */
function mambaMixer(module) {
    const intermediate = argument(child(module, "conv1d")?.call, "in_channels", 0) ?? argument(child(module, "dt_proj")?.call, "out_features", 1);
    const projected = argument(child(module, "x_proj")?.call, "out_features", 1);
    const rank = argument(child(module, "dt_proj")?.call, "in_features", 0);
    const state = projected !== undefined && rank !== undefined && (projected - rank) % 2 === 0 ? (projected - rank) / 2 : undefined;
    return {
        tensors: [
            { name: "A_log", shape: intermediate !== undefined && state !== undefined ? [intermediate, state] : "[intermediate_size, state_size]" },
            { name: "D", shape: intermediate !== undefined ? [intermediate] : "[intermediate_size]" },
        ],
    };
}
/** A module's hidden tensors by its class, as the libraries define them; undefined for a class not known to hold any. */
function hiddenTensors(module) {
    const { type } = module;
    if (type === "MambaMixer")
        return mambaMixer(module);
    if (type === "Mamba2Mixer")
        return {
            tensors: [
                { name: "A_log", shape: "[num_heads]" },
                { name: "D", shape: "[num_heads]" },
                { name: "dt_bias", shape: "[num_heads]" },
            ],
        };
    if (type.endsWith("CLIPVisionEmbeddings")) {
        const width = argument(child(module, "patch_embedding")?.call, "out_channels", 1);
        return { tensors: [{ name: "class_embedding", shape: width !== undefined ? [width] : "[hidden_size]" }], note: "its position_ids buffer is non-persistent" };
    }
    if (type === "VisionTransformer" && child(module, "conv_proj") && child(module, "encoder")) {
        const width = argument(child(module, "conv_proj")?.call, "out_channels", 1);
        return { tensors: [{ name: "class_token", shape: width !== undefined ? [1, 1, width] : "[1, 1, hidden_dim]" }] };
    }
    // torchvision's ViT Encoder: its sequence length is (image_size / patch_size)² + 1, which print(model) does not show.
    if (type === "Encoder" && child(module, "layers") && child(module, "ln") && child(module, "dropout")) {
        return { tensors: [{ name: "pos_embedding", shape: "[1, seq_length, hidden_dim]" }], note: "seq_length is (image_size // patch_size)² + 1" };
    }
    // transformers 5 fuses a mixture of experts into three tensors of one module, whose children (act_fn) hold none.
    if (type.endsWith("Experts") && !hasParameterizedChild(module)) {
        return {
            tensors: [
                { name: "gate_up_proj", shape: "[num_experts, 2 × intermediate_size, hidden_size]" },
                { name: "down_proj", shape: "[num_experts, hidden_size, intermediate_size]" },
            ],
            note: "the names and layout vary by model",
        };
    }
    if (type.endsWith("TopKRouter") || type.endsWith("TopkRouter"))
        return { tensors: [{ name: "weight", shape: "[num_experts, hidden_size]" }], note: "some routers also hold an e_score_correction_bias buffer" };
    // T5LayerNorm(), and norms of older transformers that print no shape.
    if (/(?:LayerNorm|RMSNorm)$/.test(type) && module.call === `${type}()`)
        return { tensors: [{ name: "weight", shape: "[hidden_size]" }] };
    return undefined;
}

;// CONCATENATED MODULE: ./src/import/shared-modules.ts
/**
 * print(model) prints a module at every place it is reachable from, so a module object used in several
 * places (a tied embedding, a reused layer) is imported once per place and counted as often. What the
 * text cannot tell, these rules suggest: places where one shared module is the usual design.
 */


const shared_modules_SPEC_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
const nowhere = () => ({ file: "", line: 1, col: 1 });
/** A call's type and parameters, each distinct call described once: a long ModuleList repeats one call. */
function describer() {
    const known = new Map();
    return (call) => {
        if (known.has(call))
            return known.get(call);
        let described;
        try {
            const layer = describeCall(call, nowhere);
            described = { type: layer.definition.type, parameters: layer.parameters };
        }
        catch {
            described = undefined;
        }
        known.set(call, described);
        return described;
    };
}
/** Every layer outside repeats, by path, and the numbered containers, whose children a reused module may repeat. */
function placedLayers(children, prefix, layers, containers, describe) {
    const numbered = [];
    const allNumbered = children.length > 1 && children.every((child) => isIndex(child.name));
    for (const child of children) {
        // A name the spec rewrites, or a run, has no single spec path to tie.
        if (child.count !== 1 || !shared_modules_SPEC_NAME.test(child.name))
            continue;
        const path = prefix ? `${prefix}.${child.name}` : child.name;
        if (child.node.kind === "module") {
            placedLayers(child.node.children, path, layers, containers, describe);
            continue;
        }
        const described = describe(child.node.call);
        if (!described || described.type === "Parameter" || described.type === "Buffer")
            continue;
        const layer = { path, call: child.node.call, ...described };
        layers.push(layer);
        if (allNumbered)
            numbered.push(layer);
    }
    if (numbered.length)
        containers.push({ layers: numbered, present: new Set(children.map((child) => Number(child.name))) });
}
const pairs = (layer, owner) => layer.parameters.map((tensor) => ({ tensor: `${layer.path}.${tensor.name}`, owner: `${owner.path}.${tensor.name}`, elements: numel(tensor.shape) }));
/**
 * A vocabulary's embedding: many rows, more than its width. Small tables (T5's relative attention bias,
 * BERT's token types) are printed alike in several places without being shared.
 */
const MIN_VOCABULARY = 1000;
function isVocabulary(layer) {
    const [rows, width] = layer.parameters[0]?.shape ?? [];
    return layer.type === "Embedding" && rows !== undefined && width !== undefined && rows >= MIN_VOCABULARY && rows > width;
}
/** Vocabulary embeddings printed alike in several places: T5's shared, encoder.embed_tokens and decoder.embed_tokens. */
function sharedEmbeddings(layers) {
    const byCall = new Map();
    for (const layer of layers.filter(isVocabulary))
        byCall.set(layer.call, [...(byCall.get(layer.call) ?? []), layer]);
    return [...byCall.values()]
        .filter((group) => group.length > 1)
        .map(([owner, ...others]) => ({
        reason: `${[owner, ...others].map((layer) => layer.path).join(", ")} print alike, ${owner.call}: usually one embedding shared (as T5's shared and embed_tokens are)`,
        ties: others.flatMap((layer) => pairs(layer, owner)),
    }));
}
/**
 * An output projection whose weight has a vocabulary embedding's shape [vocabulary, width]: usually the input
 * embedding reused (tie_word_embeddings=True). Its bias, if any, is its own.
 */
function tiedHeads(layers) {
    const embeddings = layers.filter(isVocabulary);
    return layers.flatMap((layer) => {
        const weight = layer.parameters.find((tensor) => tensor.name === "weight");
        if (layer.type !== "Linear" || !weight)
            return [];
        const embedding = embeddings.find((candidate) => candidate.parameters[0].shape.join() === weight.shape.join());
        if (!embedding)
            return [];
        return [
            {
                reason: `${layer.path}'s weight [${weight.shape.join(", ")}] has the shape of ${embedding.path}'s: often the same tensor (tie_word_embeddings=True)`,
                ties: [{ tensor: `${layer.path}.weight`, owner: `${embedding.path}.weight`, elements: numel(weight.shape) }],
            },
        ];
    });
}
/**
 * One layer printed alike at several places of a Sequential or ModuleList, other modules between them, and
 * no other layer with tensors there: what a module object reused at each place prints (torchinfo's ReuseLinear).
 */
function reusedModules(containers) {
    return containers.flatMap(({ layers, present }) => {
        const [owner, ...others] = layers.filter((layer) => layer.parameters.length > 0);
        const index = (layer) => Number(layer.path.split(".").at(-1));
        if (!owner || !others.length || others.some((layer) => layer.call !== owner.call))
            return [];
        // A module sits between each two: an empty slot (None) or a gap in the numbers is no module.
        const between = (from, to) => [...present].some((number) => number > from && number < to);
        const apart = [owner, ...others].every((layer, at, all) => at === 0 || between(index(all[at - 1]), index(layer)));
        if (!apart)
            return [];
        return [
            {
                reason: `${[owner, ...others].map((layer) => layer.path).join(", ")} print alike, ${owner.call}, with other modules between them: if one module object is used at each place, print(model) prints it at each`,
                ties: others.flatMap((layer) => pairs(layer, owner)),
            },
        ];
    });
}
/** Ties worth checking in a model imported from print(model), each with its reason and the parameters it would remove. */
function suggestTies(children) {
    const layers = [];
    const containers = [];
    placedLayers(children, "", layers, containers, describer());
    const suggestions = [...sharedEmbeddings(layers), ...tiedHeads(layers), ...reusedModules(containers)];
    // A tensor tied once only: the first suggestion that names it wins.
    const tied = new Set();
    return suggestions
        .map((suggestion) => {
        const ties = suggestion.ties.filter(({ tensor }) => !tied.has(tensor));
        ties.forEach(({ tensor }) => tied.add(tensor));
        return { ...suggestion, ties };
    })
        .filter((suggestion) => suggestion.ties.length > 0);
}

;// CONCATENATED MODULE: ./src/import/torch-repr.ts






const torch_repr_CHILD = /^\((.+?)\): (?:(\d+) x )?/;
const RANGE = /^(\d+)-(\d+)$/;
const TYPE = /^[A-Za-z_][A-Za-z0-9_.]*/;
/** ParameterList and ParameterDict print their tensors: `(0): Parameter containing: [torch.float32 of size 3x4]`. */
const PARAMETER = /^(?:Parameter|Tensor) containing: \[(\S+) of size ([\dx]*)(?: \([^)]*\))?\]$/;
const SINGLE_PARAMETER = /^Parameter(?:List|Dict)\(\s*\((.+?)\): (.*)\)$/;
/** torch 1.x prints a tensor's legacy type name there. */
const LEGACY_TYPES = {
    FloatTensor: "float32",
    DoubleTensor: "float64",
    HalfTensor: "float16",
    BFloat16Tensor: "bfloat16",
    LongTensor: "int64",
    IntTensor: "int32",
    ShortTensor: "int16",
    CharTensor: "int8",
    ByteTensor: "uint8",
    BoolTensor: "bool",
};
/** Containers that print as `Sequential()` when empty: modules, not layers. */
const CONTAINERS = new Set(["Sequential", "ModuleList", "ModuleDict", "ParameterList", "ParameterDict"]);
/** What stands in for a leaf the catalogue cannot count: it holds no tensors, and the warning says so. */
const PLACEHOLDER = "Identity()";
const SHOWN_OCCURRENCES = 5;
/** What a ModuleList prints for a slot holding None. */
const torch_repr_NONE = "None";
/** The nesting depth after `text`, counting parentheses outside quotes; fails where it would go below zero. */
function depthAfter(text, at) {
    let depth = 0;
    let quote;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quote) {
            if (ch === quote)
                quote = undefined;
        }
        else if (ch === "'" || ch === '"') {
            quote = ch;
        }
        else if (ch === "(") {
            depth++;
        }
        else if (ch === ")" && --depth < 0) {
            throw new SpecError("printed-model-syntax", at(i), "')' closes nothing", "the file should hold exactly what print(model) printed");
        }
    }
    return depth;
}
function parameterModule(text, position) {
    const match = PARAMETER.exec(text);
    if (!match)
        return undefined;
    const typeName = match[1].replace(/^torch\.(?:cuda\.)?/, "");
    const dtype = LEGACY_TYPES[typeName] ?? typeName;
    const shape = match[2] ? match[2].split("x").join(", ") : "";
    return { type: "Parameter", call: `Parameter(${shape})`, children: [], extra: [], position, comment: dtype };
}
/** A module's first line: `Type(...)` whole, or `Type(` opening its children. */
function moduleAt(text, at, open) {
    const type = TYPE.exec(text)?.[0];
    if (!type || text[type.length] !== "(") {
        throw new SpecError("printed-model-syntax", at(0), `expected a module such as Linear(...), found '${text}'`, "the file should hold exactly what print(model) printed, nothing before or after");
    }
    const module = { type, children: [], extra: [], position: at(0) };
    // A ParameterList or ParameterDict of one tensor prints it on its own line: `ParameterList(  (0): Parameter containing: [...])`.
    const single = SINGLE_PARAMETER.exec(text);
    const parameter = single && parameterModule(single[2], at(text.indexOf(single[2])));
    if (single && parameter)
        return { ...module, children: [{ name: single[1], count: 1, module: parameter }] };
    const depth = depthAfter(text, at);
    if (depth === 0 && text.endsWith(")"))
        module.call = text;
    else if (depth === 1 && text === `${type}(`)
        open(module);
    else
        throw new SpecError("printed-model-syntax", at(text.length), depth === 0 ? `unexpected text after '${type}(...)'` : `'${type}(' is not closed on its line`, "a module prints either whole on one line, or as 'Type(' with its children below");
    return module;
}
/** The child `name` (or the run of `count` from it) of the module whose names are `taken`, checked to be new and exact. */
function childName(text, countText, taken, at) {
    if (text.length > MAX_NAME_LENGTH) {
        throw new SpecError("printed-model-names", at(1), `a child name of ${text.length} characters, more than the ${MAX_NAME_LENGTH} a spec name may have`, "the file should hold exactly what print(model) printed");
    }
    const range = RANGE.exec(text);
    const numbers = range ? [range[1], range[2], countText] : /^\d+$/.test(text) ? [text] : [];
    if (numbers.some((number) => !Number.isSafeInteger(Number(number)))) {
        throw new SpecError("printed-model-names", at(1), `'(${text})' numbers a child past 2^53`, "no ModuleList holds that many modules: the file should hold exactly what print(model) printed");
    }
    let name = text;
    let count = 1;
    if (countText !== undefined) {
        count = Number(countText);
        if (!range || count < 1 || Number(range[2]) - Number(range[1]) + 1 !== count) {
            throw new SpecError("printed-model-names", at(1), `'(${text}): ${countText} x' does not name ${countText} children`, "ModuleList prints a run as (first-last): N x Module(");
        }
        name = range[1];
    }
    const first = Number(name);
    const last = first + count - 1;
    const overlapping = /^\d+$/.test(name) && taken.runs.some(([from, to]) => first <= to && last >= from);
    if (taken.names.has(name) || overlapping || (count > 1 && [...taken.names].some((other) => /^\d+$/.test(other) && Number(other) >= first && Number(other) <= last))) {
        throw new SpecError("printed-model-names", at(1), `a second child named '${text}' in one module`, "a module's children have distinct names: the file should hold exactly what print(model) printed");
    }
    taken.names.add(name);
    if (count > 1)
        taken.runs.push([first, last]);
    return { name, count };
}
/** Parses what print(model) printed into its module tree; anything else is an error at file:line:col. */
function parseTorchRepr(text, file) {
    const open = [];
    const taken = new Map();
    let root;
    const opener = (at) => (module) => {
        if (open.length >= MAX_MODULE_DEPTH) {
            throw new SpecError("printed-model-too-large", at(0), `modules nested more than ${MAX_MODULE_DEPTH} levels deep`, "a spec holds at most that many; real models nest a dozen levels at most: is the file what print(model) printed?");
        }
        open.push(module);
    };
    text.split(/\r?\n/).forEach((raw, index) => {
        const content = raw.trim();
        if (!content)
            return;
        const column = raw.length - raw.trimStart().length + 1;
        const at = (offset) => ({ file, line: index + 1, col: column + offset });
        const parent = open.at(-1);
        if (!parent) {
            if (root)
                throw new SpecError("printed-model-syntax", at(0), "text after the end of the model", "the file should hold exactly what print(model) printed, nothing before or after");
            root = moduleAt(content, at, opener(at));
            return;
        }
        if (content === ")") {
            open.pop();
            return;
        }
        const child = torch_repr_CHILD.exec(content);
        if (!child) {
            parent.extra.push(content);
            return;
        }
        let names = taken.get(parent);
        if (!names)
            taken.set(parent, (names = { names: new Set(), runs: [] }));
        const { name, count } = childName(child[1], child[2], names, at);
        const rest = content.slice(child[0].length);
        const restAt = (offset) => at(child[0].length + offset);
        // A ModuleList slot holding None: no module, no tensors.
        const module = rest === torch_repr_NONE ? { type: torch_repr_NONE, call: torch_repr_NONE, children: [], extra: [], position: restAt(0) } : (parameterModule(rest, restAt(0)) ?? moduleAt(rest, restAt, opener(at)));
        parent.children.push({ name, count, module });
    });
    if (!root)
        throw new SpecError("printed-model-syntax", { file, line: 1, col: 1 }, "the file holds no model", "save what print(model) prints, e.g. python -c 'print(model)' > model.txt");
    const unclosed = open.at(-1);
    if (unclosed)
        throw new SpecError("printed-model-syntax", unclosed.position, `'${unclosed.type}(' is never closed`, "the file ends inside this module: is it cut short?");
    return root;
}
const placeholder = (comment) => ({ kind: "layer", call: PLACEHOLDER, comment: `TODO ${comment}` });
const knownTypes = new Set(layerTypes());
const at = (module) => (offset) => ({ ...module.position, col: module.position.col + offset });
const counts = (call) => {
    try {
        describeCall(call, () => ({ file: "", line: 1, col: 1 }));
        return true;
    }
    catch {
        return false;
    }
};
/** `call` if the catalogue counts it; else the problem is listed, positioned at the module, and Identity() stands in. */
function checkedLayer(module, call, path, findings, comment, positionAt = at(module)) {
    try {
        // A ModuleList of 100,000 alike layers prints one call 100,000 times: it is described once.
        if (!findings.counted.has(call))
            describeCall(call, positionAt);
        findings.counted.add(call);
    }
    catch (error) {
        const found = userErrors(error);
        // A size below 1 is never a real model's (PyTorch cannot build a negative one): refused, not replaced by a placeholder that counts nothing.
        if (!found || error instanceof DimensionError)
            throw error;
        const hint = "PyTorch builds no such layer: the file should hold exactly what print(model) printed";
        findings.invalid.push(...found.map((problem) => diagnostic("printed-arguments-invalid", problem.position, `${path}: ${problem.detail}; the spec holds ${PLACEHOLDER} in its place`, problem.hint ?? hint)));
        return placeholder(`print(model) shows ${module.call ?? call}, which does not count: ${found[0].detail}`);
    }
    return comment ? { kind: "layer", call, comment } : { kind: "layer", call };
}
/**
 * PyTorch prints a MultiheadAttention as its out_proj alone, hiding embed_dim, num_heads, kdim, vdim and
 * add_bias_kv. out_proj is Linear(embed_dim, embed_dim); num_heads does not change the count, so 1 will do.
 */
function attentionLayer(module, path, findings) {
    const [child, ...others] = module.children;
    if (module.type !== "MultiheadAttention" || !child || others.length || child.name !== "out_proj" || child.module.call === undefined)
        return undefined;
    let projection;
    try {
        projection = describeCall(child.module.call, at(child.module));
    }
    catch {
        return undefined;
    }
    if (projection.definition.type !== "NonDynamicallyQuantizableLinear" && projection.definition.type !== "Linear")
        return undefined;
    findings.attention = true;
    const bias = projection.args.bool("bias") ? "" : ", bias=False";
    const call = `MultiheadAttention(${projection.args.int("in_features")}, 1${bias})`;
    // The call is built here, so its problems are the printed out_proj's.
    return checkedLayer(module, call, path, findings, "num_heads=1: print(model) hides it, and the count does not depend on it", () => child.module.position);
}
function recordHidden(module, occurrence, replaced, findings) {
    const hidden = hiddenTensors(module);
    if (!hidden)
        return false;
    findings.hidden.set(module.type, [...(findings.hidden.get(module.type) ?? []), { ...occurrence, hidden, replaced }]);
    return true;
}
function leafNode(module, call, occurrence, findings) {
    if (CONTAINERS.has(module.type) && call === `${module.type}()`)
        return { kind: "module", children: [], type: module.type };
    if (!knownTypes.has(module.type)) {
        const library = libraryLayer(module.type, call, counts);
        if (library)
            return library;
        if (recordHidden(module, occurrence, true, findings))
            return placeholder(`print(model) shows ${call}, whose tensors it does not show: see the note at the top`);
        findings.unknown.set(module.type, [...(findings.unknown.get(module.type) ?? []), occurrence]);
        return placeholder(`print(model) shows ${call}: see the note at the top`);
    }
    return checkedLayer(module, call, occurrence.path, findings, module.comment);
}
function convert(module, path, instances, findings) {
    const occurrence = { path, module, instances };
    if (module.call !== undefined)
        return leafNode(module, module.call, occurrence, findings);
    const attention = attentionLayer(module, path, findings);
    if (attention)
        return attention;
    // A module whose extra_repr spans lines and which has no children is a layer printed on several lines.
    if (module.children.length === 0)
        return leafNode(module, `${module.type}(${module.extra.join(", ")})`, occurrence, findings);
    recordHidden(module, occurrence, false, findings);
    const children = [];
    for (const child of module.children) {
        const name = child.count > 1 ? `[${child.name}-${Number(child.name) + child.count - 1}]` : child.name;
        const childPath = path ? `${path}.${name}` : name;
        const childInstances = instances * child.count;
        // The spec counts runs of runs symbolically, but no further than exact integers go.
        if (!Number.isSafeInteger(childInstances)) {
            throw new SpecError("printed-model-too-large", child.module.position, `${childPath} stands for more than 2^53 modules, runs inside runs`, "no model holds that many: the file should hold exactly what print(model) printed");
        }
        if (child.module.type === torch_repr_NONE)
            findings.empty.push(childPath);
        else
            children.push({ name: child.name, count: child.count, node: convert(child.module, childPath, childInstances, findings) });
    }
    return { kind: "module", children, type: module.type };
}
/** Catalogue types the unknown type may be: its suffix (LlamaRMSNorm → RMSNorm), or a near spelling (Conv2D → Conv2d). */
function lookalike(module, call) {
    const suffix = [...knownTypes].filter((type) => type.length >= 4 && module.type.endsWith(type)).sort((a, b) => b.length - a.length)[0];
    for (const type of [suffix, closestName(module.type, knownTypes)]) {
        if (type === undefined)
            continue;
        const candidate = type + call.slice(module.type.length);
        if (counts(candidate))
            return candidate;
    }
    return undefined;
}
/** `  file:line:col: path: what`, for the first few occurrences, and how many more. */
function occurrenceLines(occurrences, what) {
    const shown = occurrences.slice(0, SHOWN_OCCURRENCES).map((occurrence) => {
        const { file, line, col } = occurrence.module.position;
        return `  ${file}:${line}:${col}: ${occurrence.path || "the model itself"}: ${what(occurrence)}`;
    });
    return [...shown, ...(occurrences.length > SHOWN_OCCURRENCES ? [`  ... and ${occurrences.length - SHOWN_OCCURRENCES} more`] : [])];
}
/** A count for a message: runs nested in runs can multiply past 2^53, where a number would be rounded. */
const exactly = (count) => (Number.isSafeInteger(count) ? formatInteger(count) : "more than 9,007,199,254,740,991");
/** `once`, `3 times`, or `12 times, 62 modules` where runs make one printed line stand for several modules. */
function printedTimes(occurrences) {
    const places = occurrences.length === 1 ? "once" : `${occurrences.length} times`;
    const modules = occurrences.reduce((sum, occurrence) => sum + occurrence.instances, 0);
    return modules === occurrences.length ? places : `${places}, ${exactly(modules)} modules`;
}
function unknownWarning(type, occurrences) {
    const first = occurrences[0];
    const call = first.module.call ?? `${type}(...)`;
    const leafName = first.path.split(".").at(-1);
    const suggestion = lookalike(first.module, call);
    return [
        `${type} is no layer type model-budget knows (printed ${printedTimes(occurrences)}); the spec holds ${PLACEHOLDER} in its place, which holds no tensors:`,
        ...occurrenceLines(occurrences, ({ module }) => module.call ?? `${type}(...)`),
        `  print(model) shows a module's children, never the tensors a module creates itself. If ${type} holds an nn.Parameter`,
        `  (self.weight = nn.Parameter(...), say), write each as a Parameter entry with its name and shape:`,
        `  - ${leafName}: {layers: [{weight: Parameter(SIZE)}]}`,
        `  If it holds none (an activation function, say), ${PLACEHOLDER} is right.`,
        ...(suggestion ? [`  If ${type} is torch.nn's ${suggestion.slice(0, suggestion.indexOf("("))} under another name, write ${suggestion}.`] : []),
    ].join("\n");
}
const shapeText = (shape) => (typeof shape === "string" ? shape : `[${shape.join(", ")}]`);
const tensorsText = (hidden) => hidden.tensors.map((tensor) => `${tensor.name} ${shapeText(tensor.shape)}`).join(", ");
/** The elements the hidden tensors hold in one module, or undefined when print(model) does not tell a size. */
function hiddenElements(hidden) {
    let sum = 0;
    for (const { shape } of hidden.tensors) {
        if (typeof shape === "string")
            return undefined;
        sum += numel(shape);
    }
    return sum;
}
function hiddenWarning(type, occurrences) {
    const [first] = occurrences;
    const entries = first.hidden.tensors.map(({ name, shape }) => `${name}: Parameter(${typeof shape === "string" ? shape.slice(1, -1) : shape.join(", ")})`);
    const leafName = first.path.split(".").at(-1);
    const where = first.replaced
        ? `the spec holds ${PLACEHOLDER} in its place; write it as a module of Parameter entries:\n  - ${leafName}: {layers: [${entries.map((entry) => `{${entry}}`).join(", ")}]}`
        : `add them to its layers as Parameter entries, before its children as named_parameters() lists them:\n  - ${entries.join("\n  - ")}`;
    return [
        `${type} holds tensors print(model) does not show (printed ${printedTimes(occurrences)}), which the spec does not count:`,
        ...occurrenceLines(occurrences, (occurrence) => tensorsText(occurrence.hidden)),
        `  ${where}`,
        ...(first.hidden.note ? [`  (${first.hidden.note}; check the sizes against the model's code or checkpoint)`] : []),
    ].join("\n");
}
/** The summary's words on what the count may lack or hold twice. */
function caveats(findings, doubled) {
    const hidden = [...findings.hidden.values()].flat();
    const known = hidden.reduce((sum, occurrence) => sum + (hiddenElements(occurrence.hidden) ?? 0) * occurrence.instances, 0);
    const unsized = [...new Set(hidden.filter((occurrence) => hiddenElements(occurrence.hidden) === undefined).map((occurrence) => occurrence.module.type))];
    const sized = [...new Set(hidden.filter((occurrence) => hiddenElements(occurrence.hidden) !== undefined).map((occurrence) => occurrence.module.type))];
    const unknown = [...findings.unknown.keys()];
    return [
        ...(known ? [`${exactly(known)} parameters are missing: tensors of ${sized.join(", ")} that print(model) does not show (see the warnings)`] : []),
        ...(unsized.length ? [`parameters print(model) does not size are missing: the tensors of ${unsized.join(", ")} (see the warnings)`] : []),
        ...(unknown.length ? [`parameters may be missing: ${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} counted as holding none (see the warnings)`] : []),
        ...(findings.invalid.length
            ? [
                `parameters may be missing: ${findings.invalid.length === 1 ? "a layer" : `${findings.invalid.length} layers`} whose printed arguments do not count ${findings.invalid.length === 1 ? "is" : "are"} counted as holding none (see the warnings)`,
            ]
            : []),
        ...(doubled
            ? [`up to ${exactly(doubled)} parameters may be counted twice: modules printed at several places may be one shared module (see the suggested tie: at the end of the spec)`]
            : []),
    ];
}
/** Turns what print(model) printed into a spec whose counts are PyTorch's, with what it could not count listed. */
function importTorchRepr(text, file, model) {
    const root = parseTorchRepr(text, file);
    const findings = { unknown: new Map(), hidden: new Map(), invalid: [], empty: [], counted: new Set(), attention: false };
    const node = convert(root, "", 1, findings);
    const layers = node.kind === "module" ? node.children : [{ name: "0", count: 1, node }];
    const suggestedTies = suggestTies(layers);
    const doubled = suggestedTies.reduce((sum, suggestion) => sum + suggestion.ties.reduce((inner, tie) => inner + tie.elements, 0), 0);
    const notes = [
        `Generated by model-budget import torch-repr from ${file.split("/").at(-1)}, what print(model) printed.`,
        "print(model) shows modules and layers, never the tensors a custom module creates itself (nn.Parameter,",
        "register_buffer) nor which weights are shared: add those as Parameter entries and under tie:.",
        ...(findings.attention
            ? [
                "print(model) hides MultiheadAttention's num_heads, kdim, vdim and add_bias_kv: num_heads is 1 here, which counts",
                "the same as any other; kdim, vdim and add_bias_kv are PyTorch's defaults. Check them against the model's code.",
            ]
            : []),
        ...(findings.empty.length ? [`print(model) shows None at ${findings.empty.join(", ")}: an empty slot of a ModuleList, holding no tensors; the spec skips its number.`] : []),
        ...(findings.unknown.size || findings.invalid.length || [...findings.hidden.values()].some((occurrences) => occurrences[0].replaced)
            ? [`Entries marked TODO hold ${PLACEHOLDER} where print(model) shows a layer model-budget cannot count.`]
            : []),
    ];
    const warnings = [
        ...[...findings.unknown].map(([type, occurrences]) => diagnostic("unknown-printed-module", occurrences[0].module.position, unknownWarning(type, occurrences))),
        ...[...findings.hidden].map(([type, occurrences]) => diagnostic("hidden-tensors", occurrences[0].module.position, hiddenWarning(type, occurrences))),
        ...findings.invalid,
    ];
    return { spec: { model, notes, layers, suggestedTies }, warnings, caveats: caveats(findings, doubled) };
}

;// CONCATENATED MODULE: ./src/import/index.ts










;// CONCATENATED MODULE: ./src/cli/environment.ts





/**
 * The CLI's real edge, rooted at `cwd`: every file goes through the one opener in src/files/ (regular
 * files only, size limits, and the confinements below), git runs in `cwd`.
 */
function nodeEnvironment(cwd) {
    const here = { base: cwd };
    return {
        cwd,
        // An include stays inside the repository of the spec that includes it; the files named on the command line are the user's choice.
        readFile: (file, include) => readTextFile(file, TEXT_KINDS.yaml, include ? { ...here, within: [repositoryOf((0,external_node_path_namespaceObject.resolve)(cwd, include.spec))] } : here),
        readModelText: (file) => readTextFile(file, TEXT_KINDS.torchRepr, here),
        writeFile: (file, text) => writeTextFile(file, text, cwd),
        listFiles: (directory) => filesUnder(cwd, directory),
        readCheckpoint: (file, request = {}) => openCheckpoint(file, request, here),
        git: () => new GitRepository(cwd),
    };
}
/** A checkpoint named by a file (a budget's against:) stays inside that file's repository; one the user named is their choice. */
function openCheckpoint(file, { format, namedBy }, here) {
    const options = namedBy === undefined ? here : { ...here, within: [repositoryOf((0,external_node_path_namespaceObject.resolve)(here.base, namedBy))] };
    if (format === "onnx")
        return readOnnxFile(file, options);
    if (format === "safetensors")
        return readSafetensorsCheckpoint(file, options);
    return readCheckpoint(file, options).tensors;
}
/** Every regular file under `directory`, relative to `cwd`; dependencies and VCS data are skipped, symlinks not followed. */
function filesUnder(cwd, directory) {
    const files = [];
    const pending = [directory];
    while (pending.length) {
        const current = pending.pop();
        let entries;
        try {
            entries = (0,external_node_fs_namespaceObject.readdirSync)((0,external_node_path_namespaceObject.join)(cwd, current), { withFileTypes: true });
        }
        catch {
            continue;
        }
        for (const entry of entries) {
            const path = current ? (0,external_node_path_namespaceObject.join)(current, entry.name) : entry.name;
            if (entry.isDirectory() && entry.name !== "node_modules" && entry.name !== ".git")
                pending.push(path);
            else if (entry.isFile())
                files.push(path);
        }
    }
    return files;
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(4006);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/files/glob.ts

/**
 * Spec file globs as workflow authors write them, with picomatch's rules (Bash's): `*` and `?`
 * stay within one directory, `**` spans any number of them (`models/**\/*.yaml`), `{a,b}` and
 * `[ab]` work as in a shell. Dot files match too: a spec may live under `.github/`.
 */
function fileGlob(pattern) {
    return picomatch_default()(pattern, { dot: true });
}
function isGlob(pattern) {
    return picomatch_default().scan(pattern).isGlob;
}
/** The directory a glob's matches all lie under (`models` for `models/**\/*.yaml`), `` for the root. */
function globBase(pattern) {
    return picomatch_default().scan(pattern).base;
}
/** The files among `available` that the patterns name, in pattern order; literal paths are kept as given. */
function expandSpecs(patterns, available) {
    const result = new Set();
    for (const pattern of patterns) {
        const normalized = pattern.replace(/^\.\//, "");
        // A file whose name only looks like a glob (`gpt(2).yaml`) is itself.
        if (!isGlob(normalized) || available.includes(normalized)) {
            if (available.includes(normalized))
                result.add(normalized);
            continue;
        }
        const matches = fileGlob(normalized);
        for (const file of [...available].sort())
            if (matches(file))
                result.add(file);
    }
    return [...result];
}

;// CONCATENATED MODULE: ./src/diagnostics/render.ts
/** The widest source excerpt shown under a diagnostic; a longer line is cut around the column. */
const MAX_EXCERPT = 120;
/**
 * A diagnostic as the CLI prints it, like `tsc --pretty` without colour:
 *
 *     spec.yaml:12:15: unknown layer type 'Lineer' [MB401]
 *        12 |   - Lineer(4, 4)
 *           |     ^^^^^^
 *       did you mean 'Linear'?
 *
 * The first line keeps the `file:line:col: message` form editors and CI log parsers link, the code
 * in brackets at its end; a caller printing a warning says so before it. `source` is the file's text, when it could be read; a binary file's
 * diagnostic names its byte instead and shows no excerpt.
 */
function renderDiagnostic(problem, source) {
    const head = problem.offset === undefined ? `${problem.file}:${problem.line}:${problem.col}: ${problem.message}` : `${problem.file}: ${problem.message}`;
    const excerpt = problem.offset === undefined && source !== undefined ? excerptLines(problem, source) : [];
    return [`${head} [${problem.code}]`, ...excerpt, ...(problem.hint ? [`  ${problem.hint}`] : [])].join("\n");
}
/** The source line and a caret under the column (a run of carets to the end when it is known on the same line). */
function excerptLines(problem, source) {
    const text = lineOf(source, problem.line);
    if (text === undefined || problem.col < 1 || problem.col > text.length + 1)
        return [];
    let start = 0;
    if (text.length > MAX_EXCERPT)
        start = Math.max(0, Math.min(problem.col - 1 - MAX_EXCERPT / 2, text.length - MAX_EXCERPT));
    const shown = text.slice(start, start + MAX_EXCERPT);
    const column = problem.col - 1 - start;
    const width = problem.endLine === problem.line && problem.endCol !== undefined && problem.endCol > problem.col ? Math.min(problem.endCol - problem.col, shown.length - column) : 1;
    // Tabs stay tabs under the text, so the caret lines up however the terminal sets its tab stops.
    const pad = shown.slice(0, column).replace(/[^\t]/g, " ");
    const gutter = String(problem.line);
    const blank = " ".repeat(gutter.length);
    return [
        `  ${gutter} | ${start > 0 ? "…" : ""}${shown}${start + MAX_EXCERPT < text.length ? "…" : ""}`,
        `  ${blank} | ${start > 0 ? " " : ""}${pad}${"^".repeat(Math.max(1, width))}`,
    ];
}
function lineOf(source, line) {
    let start = 0;
    for (let n = 1; n < line; n++) {
        const next = source.indexOf("\n", start);
        if (next < 0)
            return undefined;
        start = next + 1;
    }
    const end = source.indexOf("\n", start);
    return source.slice(start, end < 0 ? undefined : end).replace(/\r$/, "");
}

;// CONCATENATED MODULE: ./src/diagnostics/choice.ts

/**
 * An enumerated option's value, checked the one way for the action's inputs (`input 'fail-on'`) and the
 * CLI's flags (`--fail-on`): the same message, with the likely value meant on a line of its own.
 */
function choiceOf(option, value, allowed) {
    if (allowed.includes(value))
        return { value: value };
    const hint = didYouMean(value, allowed);
    return { problem: `${option} must be one of ${allowed.join(", ")}, not '${value}'${hint === undefined ? "" : `\n  ${hint}`}` };
}

;// CONCATENATED MODULE: ./src/cli/command.ts



/** Exit codes: 0 success, 1 an internal error (a bug: please report it), 2 invalid input, 3 a budget check failed. */
const EXIT = { ok: 0, internal: 1, invalid: 2, failed: 3 };
/** A string flag with enumerated values, checked as the action checks its inputs. */
function choiceFlag(values, name, allowed) {
    return choiceOf(`--${name}`, String(values[name]), allowed);
}
function invalid(message) {
    return { exitCode: EXIT.invalid, stdout: "", stderr: `model-budget: ${message}\n` };
}
/**
 * Runs `work` for each file, gathering every user error instead of stopping at the first; a
 * missing file is a user error too. Anything else is a bug and propagates.
 */
function forEachFile(files, work, read) {
    const results = [];
    const errors = [];
    const diagnostics = [];
    for (const file of files) {
        try {
            results.push(work(file));
        }
        catch (error) {
            const found = userErrors(error);
            const code = error.code;
            if (found) {
                diagnostics.push(...found.map(toDiagnostic));
                errors.push(showDiagnostics(found, read));
            }
            else if (code === "ENOENT" || code === "EISDIR") {
                const problem = diagnostic(code === "ENOENT" ? "file-unreadable" : "not-a-regular-file", { file, line: 1, col: 1 }, code === "ENOENT" ? "no such file" : "is a directory, not a file");
                diagnostics.push(problem);
                errors.push(renderDiagnostic(problem));
            }
            else
                throw error;
        }
    }
    return { results, errors, diagnostics };
}
/**
 * User errors as the CLI prints them: each with its code, the source line and a caret under the
 * column, read through `read` (the file is shown only when it reads again: a binary or vanished one is not).
 */
function showDiagnostics(problems, read) {
    const sources = new Map();
    const sourceOf = (file) => {
        if (!read)
            return undefined;
        if (!sources.has(file)) {
            try {
                sources.set(file, read(file));
            }
            catch {
                sources.set(file, undefined);
            }
        }
        return sources.get(file);
    };
    return problems
        .map((problem) => {
        const data = toDiagnostic(problem);
        return renderDiagnostic(data, data.offset === undefined ? sourceOf(data.file) : undefined);
    })
        .join("\n");
}
/** Writes a command's output file; undefined when written, else the invalid-usage result that says why not. */
function writeOutput(env, file, text) {
    try {
        env.writeFile?.(file, text);
        return undefined;
    }
    catch (error) {
        if (!(error instanceof FileAccessError))
            throw error;
        return invalid(`cannot write ${file}: it ${error.detail}${error.hint ? `\n  ${error.hint}` : ""}`);
    }
}

;// CONCATENATED MODULE: ./src/diagnostics/terminal.ts
/**
 * Characters a terminal acts on instead of showing: C0 controls but newline and tab (ESC starts
 * escape sequences that recolour, retitle or rewrite the screen; CR and backspace overwrite text;
 * NUL), DEL, C1 controls, and the Unicode controls that reorder or hide text (bidi embeddings,
 * overrides and isolates, directional marks, line and paragraph separators).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
/**
 * Text the CLI prints, with every such character written as its `\uXXXX` escape: visible to the
 * reader, and the same string to a JSON or YAML reader wherever it stands inside a quoted string.
 */
function forTerminal(text) {
    return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

;// CONCATENATED MODULE: ./src/count/index.ts




/** Exact integer arithmetic or a clear refusal: counts (and byte counts) past 2^53 would silently round. */
function checked(value, position, what) {
    if (!Number.isSafeInteger(value)) {
        throw new SpecError("number-too-large", position, `${what} exceeds 2^53 - 1 = ${formatInteger(Number.MAX_SAFE_INTEGER)} and cannot be counted exactly`, "check the sizes and repeat counts for a typo");
    }
    return value;
}
function numelOf(shape, position, what) {
    return shape.reduce((product, size) => checked(product * size, position, `the element count of ${what} [${shape.join(", ")}]`), 1);
}
const tensorPath = (layer, name) => (name ? `${layer.path}.${name}` : layer.path);
function counted(layer, tensor) {
    const numel = numelOf(tensor.shape, layer.position, tensorPath(layer, tensor.name));
    return { name: tensor.name, shape: tensor.shape, numel, ...(tensor.fixedDtype ? { fixedDtype: tensor.fixedDtype } : {}) };
}
/** The `dtype=` a call gives its tensors, when its signature has one and it is not None. */
function callDtype(described) {
    if (!described.definition.signature.some((spec) => spec.name === "dtype") || described.args.isNone("dtype"))
        return undefined;
    return { value: described.args.value("dtype"), position: described.args.position("dtype") };
}
/** A `frozen:` list's name that is no parameter of the layer: the error, with the names there are. */
function missingFrozen(layer, described, item) {
    const names = described.parameters.map((tensor) => tensor.name).filter(Boolean);
    if (item.name === "") {
        return new SpecError("frozen-not-found", item.position, `frozen names '${item.text}', which is the layer ${layer.path} (${described.definition.type}), not one of its tensors`, `freeze the layer with frozen: true, or name its tensors: ${names.join(", ")}`);
    }
    return new SpecError("frozen-not-found", item.position, `frozen names '${item.text}', but ${layer.path} (${described.definition.type}) has no parameter '${item.name}'`, didYouMean(item.name, names) ?? (names.length ? `its parameters are: ${names.join(", ")}` : "it has no parameters"));
}
/** The names of a layer's parameters that its `frozen:` lists freeze; a name through `*` that it lacks is passed over and noted in `globsFound`. */
function frozenNames(layer, described, globsFound) {
    const names = new Set();
    for (const item of layer.frozenTensors) {
        const present = described.parameters.some((tensor) => tensor.name === item.name);
        if (item.glob)
            globsFound.set(item.position, (globsFound.get(item.position) ?? false) || present);
        else if (!present)
            throw missingFrozen(layer, described, item);
        if (present)
            names.add(item.name);
    }
    return names;
}
function countLayer(layer, globsFound) {
    const described = describeLayer(layer.call);
    const frozen = frozenNames(layer, described, globsFound);
    const parameters = described.parameters.map((tensor) => ({ ...counted(layer, tensor), trainable: !layer.frozen && tensor.trainable !== false && !frozen.has(tensor.name) }));
    const buffers = described.buffers.map((tensor) => counted(layer, tensor));
    const ownDtype = callDtype(described);
    return {
        path: layer.path,
        type: described.definition.type,
        count: layer.count,
        params: 0,
        trainable: 0,
        bufferElements: buffers.reduce((sum, tensor) => sum + tensor.numel, 0),
        parameters,
        buffers,
        formula: "",
        dtypes: layer.dtypes,
        ...(ownDtype ? { callDtype: ownDtype } : {}),
        position: layer.position,
    };
}
function count_tensorOf(layers, reference) {
    const layer = layers[reference.layer];
    const tensor = layer.parameters.find((candidate) => candidate.name === reference.tensor);
    if (tensor)
        return tensor;
    const names = layer.parameters.map((candidate) => candidate.name).filter(Boolean);
    throw new SpecError("tie-not-found", reference.position, `${layer.path} (${layer.type}) has no parameter '${reference.tensor}'`, didYouMean(reference.tensor, names) ??
        (names.length ? `its parameters are: ${names.join(", ")}` : layer.parameters.length ? `write the path ${layer.path} alone for its tensor` : "it has no parameters"));
}
const earlier = (a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1];
/**
 * Ties chain: `a.weight: c.weight` and `b.weight: c.weight` make one storage of three tensors, as the
 * assignments do in PyTorch. Each group of tensors joined by ties counts once, at the first in the
 * model's order, as parameters() does; every other member is shared with that first one.
 */
function tieGroups(layers, ties) {
    const members = new Map();
    const parent = new Map();
    const root = (member) => {
        let top = member;
        while (parent.get(top) !== top)
            top = parent.get(top);
        parent.set(member, top);
        return top;
    };
    const memberOf = (reference) => {
        const tensor = count_tensorOf(layers, reference);
        let member = members.get(tensor);
        if (!member) {
            member = { reference, tensor, order: [reference.layer, layers[reference.layer].parameters.indexOf(tensor)] };
            members.set(tensor, member);
            parent.set(member, member);
        }
        return member;
    };
    for (const tie of ties) {
        const [parameter, owner] = [memberOf(tie.parameter), memberOf(tie.owner)];
        if (!sameShape(parameter.tensor.shape, owner.tensor.shape)) {
            throw new SpecError("tie-mismatch", tie.parameter.position, `cannot tie ${tie.parameter.text} [${parameter.tensor.shape.join(", ")}] to ${tie.owner.text} [${owner.tensor.shape.join(", ")}]: shapes differ`, "tied tensors share storage, so their shapes must be equal");
        }
        if (parameter.tensor.trainable !== owner.tensor.trainable) {
            throw new SpecError("tie-mismatch", tie.parameter.position, `cannot tie ${tie.parameter.text} to ${tie.owner.text}: one is frozen and the other is not`, "a shared tensor is either trainable or not: freeze both or neither");
        }
        parent.set(root(parameter), root(owner));
    }
    const groups = new Map();
    for (const member of members.values()) {
        const group = groups.get(root(member));
        if (group)
            group.push(member);
        else
            groups.set(root(member), [member]);
    }
    return [...groups.values()].map((group) => group.sort(earlier));
}
/** Ties through a `*`, without the entries it matched that lack the tensor; an error when none has it. */
function globbed(layers, ties) {
    const has = (reference) => layers[reference.layer].parameters.some((tensor) => tensor.name === reference.tensor);
    const kept = ties.filter((tie) => !tie.parameter.glob || has(tie.parameter));
    const found = new Set(kept.map((tie) => tie.parameter.text));
    for (const tie of ties)
        if (!found.has(tie.parameter.text))
            count_tensorOf(layers, tie.parameter);
    return kept;
}
/**
 * Marks every member of a group but the first as shared with it. The first holds the storage, so it must be one
 * tensor (not a run of instances); each later one stands for every instance of its entry, all of them shared.
 */
function applyTies(layers, ties) {
    for (const [first, ...later] of tieGroups(layers, globbed(layers, ties))) {
        if (first.reference.instances !== 1) {
            const entry = layers[first.reference.layer];
            throw new SpecError("tie-ambiguous", first.reference.position, `${first.reference.text} comes first in the model of the tensors tied to it, and stands for the ${entry.count} instances of ${entry.path}`, "PyTorch counts a shared tensor once, at its first place: tie a tensor that comes before the repeat, or split the repeat so its first instance is its own entry");
        }
        for (const member of later) {
            const entry = layers[member.reference.layer];
            if (member.reference.instances !== entry.count) {
                throw new SpecError("tie-ambiguous", member.reference.position, `${member.reference.text} is one of the ${entry.count} instances of ${entry.path}, and ${first.reference.text} before it holds the storage`, "split the repeat so the tied instance is its own entry");
            }
            member.tensor.sharedWith = first.reference.text;
        }
    }
}
/** A `frozen:` path through `*` must name a tensor of at least one layer it reaches. */
function checkFrozenGlobs(model, globsFound) {
    for (const [position, found] of globsFound) {
        if (found)
            continue;
        const layer = model.layers.find((candidate) => candidate.frozenTensors.some((item) => item.position === position));
        const item = layer.frozenTensors.find((candidate) => candidate.position === position);
        throw missingFrozen(layer, describeLayer(layer.call), item);
    }
}
/** Counts every layer entry with the catalogue and totals them exactly as PyTorch's parameters() would. */
function countModel(model, errors = new DiagnosticCollector()) {
    const globsFound = new Map();
    // Each layer is counted even when one before it fails, so one run shows every layer's mistake; what
    // spans layers (frozen globs, ties) depends on them all and is checked only when all counted.
    const counted = model.layers.map((layer) => errors.attempt(() => countLayer(layer, globsFound)));
    errors.throwIfAny();
    const layers = counted;
    checkFrozenGlobs(model, globsFound);
    applyTies(layers, model.ties);
    const totals = { params: 0, trainable: 0, nonTrainable: 0, buffers: 0 };
    model.layers.forEach((resolved, index) => {
        const layer = layers[index];
        const counted = layer.parameters.filter((tensor) => tensor.sharedWith === undefined);
        layer.params = checked(counted.reduce((sum, tensor) => sum + tensor.numel, 0), layer.position, `${layer.path} parameters`);
        layer.trainable = counted.filter((tensor) => tensor.trainable).reduce((sum, tensor) => sum + tensor.numel, 0);
        layer.formula = layerFormula(resolved.call.text, layer.parameters, layer.params);
        const at = (value, what) => checked(value * layer.count, layer.position, `${what} of ${layer.path}`);
        totals.params = checked(totals.params + at(layer.params, "parameters"), layer.position, "the model's parameter count");
        totals.trainable += at(layer.trainable, "trainable parameters");
        totals.buffers = checked(totals.buffers + at(layer.bufferElements, "buffer elements"), layer.position, "the model's buffer count");
    });
    totals.nonTrainable = totals.params - totals.trainable;
    return { model: model.model, file: model.file, totals, layers };
}

;// CONCATENATED MODULE: ./src/metrics/registry.ts
const DEFINITIONS = [
    {
        name: "params",
        unit: "count",
        title: "Params",
        read: (report) => report.totals.params,
        limit: "Most parameters the model may have (PyTorch's parameters(), tied ones once).",
        growth: true,
        sharedGrowthAmount: true,
        column: "always",
        output: { name: "params", description: "Parameters of all checked models together." },
    },
    {
        name: "trainable",
        unit: "count",
        title: "Trainable",
        read: (report) => report.totals.trainable,
        limit: "Most trainable parameters.",
        growth: true,
        sharedGrowthAmount: true,
        column: "always",
        output: { name: "trainable-params", description: "Trainable parameters of all checked models together." },
    },
    {
        name: "memory",
        unit: "bytes",
        title: "Training memory",
        read: (report) => report.memory?.total,
        limit: "Most training memory in total for the spec's recipe.",
        growth: true,
        sharedGrowthAmount: true,
        column: "when-reported",
        output: { name: "memory-bytes", description: "Training memory of all checked models together, in bytes." },
    },
    {
        name: "memory-per-gpu",
        unit: "bytes",
        title: "Training memory per GPU",
        read: (report) => report.memory?.perGpu?.total,
        limit: "Most training memory on one GPU when sharded.",
        growth: true,
        sharedGrowthAmount: true,
    },
    {
        name: "macs",
        unit: "count",
        title: "MACs",
        read: (report) => report.shapes?.macs,
        limit: "Most multiply-accumulates per forward pass at the spec's input and batch (needs input:).",
        growth: true,
        sharedGrowthAmount: false,
        column: "when-reported",
    },
    {
        name: "flops",
        unit: "count",
        title: "FLOPs",
        read: (report) => report.shapes?.flops,
        limit: "Most FLOPs per forward pass: 2 × MACs (needs input:).",
        growth: true,
        sharedGrowthAmount: false,
    },
    {
        name: "activations",
        unit: "bytes",
        title: "Activations",
        read: (report) => report.shapes?.activations,
        limit: "Most activation memory of a training step: what autograd keeps for backward (needs input:).",
        growth: true,
        sharedGrowthAmount: true,
        column: "when-reported",
    },
];
/** The registry, in the order reports, budgets and the comment list the metrics. */
const METRICS = DEFINITIONS;
const METRIC_NAMES = METRICS.map((metric) => metric.name);
const BY_NAME = new Map(METRICS.map((metric) => [metric.name, metric]));
function metricNamed(name) {
    return BY_NAME.get(name);
}
/** The metrics a budget can limit, and those it can allow a growth, in registry order. */
const LIMITED_METRICS = METRICS.filter((metric) => metric.limit !== undefined).map((metric) => metric.name);
const GROWTH_METRICS = METRICS.filter((metric) => metric.growth).map((metric) => metric.name);

;// CONCATENATED MODULE: ./src/metrics/units.ts
const IEC = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
const SI = ["B", "kB", "MB", "GB", "TB", "PB"];
/** 151552 → "148.0 KiB" (IEC, the default) or "151.6 kB" (SI): readable, labelled, never ambiguous. */
function formatBytes(bytes, units = "iec") {
    const base = units === "iec" ? 1024 : 1000;
    const names = units === "iec" ? IEC : SI;
    let value = Math.abs(bytes);
    let index = 0;
    while (value >= base && index < names.length - 1) {
        value /= base;
        index++;
    }
    const sign = bytes < 0 ? "-" : "";
    return index === 0 ? `${sign}${value} B` : `${sign}${value.toFixed(value >= 100 ? 1 : 2)} ${names[index]}`;
}

;// CONCATENATED MODULE: ./src/metrics/index.ts





/** The figures a budget and a diff look at, from a JSON report (ours, or one saved by an earlier job), in registry order. */
function quantitiesOf(report) {
    const quantities = {};
    for (const metric of METRICS) {
        const value = metric.read(report);
        if (value !== undefined)
            quantities[metric.name] = value;
    }
    return quantities;
}
/** A figure for people, by its unit: `124,439,808` or `1.23 GiB`. */
function formatMetric(metric, value) {
    return metricNamed(metric).unit === "bytes" ? formatBytes(value) : formatInteger(value);
}

;// CONCATENATED MODULE: ./src/budget/module-glob.ts
/**
 * A budget's module glob (`encoder.*`) against layer paths (`encoder.layer.[0-11].attention`):
 * `*` is any run of characters, dots and brackets included; every other character is itself.
 * Matched in O(path × glob) without backtracking: each `*`-free piece is taken at its leftmost
 * place, which is all a star-only glob needs. A regular expression (picomatch's too) backtracks
 * exponentially on `*a*a*a*a*a*a*a*a*a*a*b` against a long path of a's.
 */
function moduleGlob(glob) {
    const pieces = glob.split("*");
    const first = pieces[0];
    const last = pieces.at(-1);
    if (pieces.length === 1)
        return (path) => path === glob;
    const middle = pieces.slice(1, -1).filter((piece) => piece !== "");
    return (path) => {
        if (path.length < first.length + last.length || !path.startsWith(first) || !path.endsWith(last))
            return false;
        let from = first.length;
        const end = path.length - last.length;
        for (const piece of middle) {
            const at = path.indexOf(piece, from);
            if (at < 0 || at + piece.length > end)
                return false;
            from = at + piece.length;
        }
        return true;
    };
}

;// CONCATENATED MODULE: ./src/budget/evaluate.ts


const FAIL_ON = ["exceed", "growth", "never"];
const SEVERITY = { pass: 0, warn: 1, fail: 2 };
function worst(statuses) {
    let result = "pass";
    for (const status of statuses)
        if (SEVERITY[status] > SEVERITY[result])
            result = status;
    return result;
}
/**
 * A model's entry, keyed by spec path or model name, with the defaults filled in. An entry keyed
 * by the name the spec at this path had at base still applies when the change renames the model:
 * renaming `model:` must not escape the limit.
 */
function budgetFor(budget, report, baseModel) {
    const own = budget.models.find((entry) => entry.key === report.file) ??
        budget.models.find((entry) => entry.key === report.model) ??
        (baseModel === undefined ? undefined : budget.models.find((entry) => entry.key === baseModel));
    const defaults = budget.defaults;
    if (!own)
        return undefined;
    if (!defaults)
        return own;
    return {
        ...own,
        limits: { ...defaults.limits, ...own.limits },
        growth: { ...defaults.growth, ...own.growth },
        modules: [...defaults.modules, ...own.modules],
    };
}
/** `encoder.*` selects every layer entry whose path starts with `encoder.`: `*` matches any characters. */
function moduleTotals(report, glob) {
    const matches = moduleGlob(glob);
    const selected = report.layers.filter((layer) => matches(layer.path));
    return {
        params: selected.reduce((sum, layer) => sum + layer.params * layer.count, 0),
        trainable: selected.reduce((sum, layer) => sum + layer.trainable * layer.count, 0),
    };
}
/** Holds one model's report to its budget entry and, when there is a base, its allowed growth. */
function evaluateBudget(entry, head, base, failOn) {
    const exceeded = failOn === "never" ? "warn" : "fail";
    const overgrown = failOn === "growth" ? "fail" : "warn";
    const figures = quantitiesOf(head);
    const limitRow = (label, metric, limit, actual) => ({
        label,
        metric,
        limit,
        ...(actual === undefined ? {} : { actual }),
        status: actual === undefined ? "warn" : actual > limit.value ? exceeded : "pass",
    });
    const limits = LIMITED_METRICS.flatMap((metric) => {
        const limit = entry.limits[metric];
        return limit ? [limitRow(metric, metric, limit, figures[metric])] : [];
    });
    for (const module of entry.modules) {
        const totals = moduleTotals(head, module.glob);
        if (module.params)
            limits.push(limitRow(`${module.glob} params`, "params", module.params, totals.params));
        if (module.trainable)
            limits.push(limitRow(`${module.glob} trainable`, "trainable", module.trainable, totals.trainable));
    }
    const growth = [];
    if (base) {
        const before = quantitiesOf(base);
        for (const metric of GROWTH_METRICS) {
            const allowance = entry.growth[metric];
            const baseValue = before[metric];
            const headValue = figures[metric];
            if (!allowance || baseValue === undefined || headValue === undefined)
                continue;
            const allowed = allowance.percent === undefined ? allowance.amount : Math.floor((baseValue * allowance.percent) / 100);
            growth.push({ metric, allowance, base: baseValue, head: headValue, allowed, status: headValue - baseValue > allowed ? overgrown : "pass" });
        }
    }
    return { entry, limits, growth, status: worst([...limits, ...growth].map((row) => row.status)) };
}

;// CONCATENATED MODULE: ./src/memory/dtypes.ts



const PLAIN = [
    { names: ["float64", "double", "fp64"], bits: 64, floating: true },
    { names: ["float32", "float", "fp32"], bits: 32, floating: true },
    { names: ["bfloat16", "bf16"], bits: 16, floating: true },
    { names: ["float16", "half", "fp16"], bits: 16, floating: true },
    { names: ["float8_e4m3fn", "float8_e4m3"], bits: 8, floating: true },
    { names: ["float8_e5m2"], bits: 8, floating: true },
    { names: ["float8_e4m3fnuz"], bits: 8, floating: true },
    { names: ["float8_e5m2fnuz"], bits: 8, floating: true },
    { names: ["int64", "long"], bits: 64, floating: false },
    { names: ["int32", "int"], bits: 32, floating: false },
    { names: ["int16", "short"], bits: 16, floating: false },
    { names: ["int8"], bits: 8, floating: false },
    { names: ["uint8"], bits: 8, floating: false },
    { names: ["bool"], bits: 8, floating: false },
];
/**
 * 4-bit formats pack two elements per byte and keep one scale per block. The defaults are
 * bitsandbytes' Linear4bit: blocks of 64 with a float32 absmax each (0.5 bits per element more).
 */
const BLOCK_FORMATS = ["int4", "nf4", "fp4"];
const BLOCK_SIGNATURE = [
    { name: "block_size", type: "int", default: 64 },
    { name: "scale", type: "string", default: "float32" },
];
const dtypes_BY_NAME = new Map(PLAIN.flatMap((entry) => entry.names.map((name) => [name, { name: entry.names[0], bits: entry.bits, floating: entry.floating }])));
/** A dtype of the table by its torch name, for this stage's own tables; user input goes through parseDtype. */
function dtypeNamed(name) {
    const dtype = dtypes_BY_NAME.get(name);
    if (!dtype)
        throw new Error(`no dtype named ${name}`);
    return dtype;
}
const FLOAT32 = dtypeNamed("float32");
const UINT8 = dtypeNamed("uint8");
function dtypeNames() {
    return [...dtypes_BY_NAME.keys(), ...BLOCK_FORMATS];
}
/** `torch.bfloat16` and `bfloat16` name the same dtype. */
function bareName(name) {
    return name.replace(/^torch\./, "");
}
/**
 * The dtype a setting names: `bfloat16`, `torch.float16`, `'int8'`, or a 4-bit format with its
 * block options, `nf4(block_size=128, scale=float16)`.
 */
function parseDtype(setting) {
    const { value, position } = setting;
    const written = value.kind === "symbol" ? value.name : value.kind === "string" ? value.value : value.kind === "layer" ? value.call.type : undefined;
    if (written === undefined)
        throw new SpecError("unknown-dtype", position, `a dtype is a name such as bfloat16, not ${describeValue(value)}`);
    const name = bareName(written);
    const plain = dtypes_BY_NAME.get(name);
    if (!BLOCK_FORMATS.includes(name) && !plain) {
        // Two float8 formats exist; a bare float8 would otherwise be "corrected" to float64 or fp4.
        const hint = /^(?:float|fp)8$/.test(name) ? "float8 is float8_e4m3fn or float8_e5m2" : (didYouMean(name, dtypeNames()) ?? `the dtypes are: ${dtypeNames().join(", ")}`);
        throw new SpecError("unknown-dtype", value.kind === "layer" ? value.call.position : position, `unknown dtype '${written}'`, hint);
    }
    if (plain) {
        if (value.kind === "layer")
            bindArguments({ type: name, signature: [] }, value.call, findLayer);
        return plain;
    }
    const call = value.kind === "layer" ? value.call : { type: name, args: [], position, text: name };
    const args = bindArguments({ type: name, signature: BLOCK_SIGNATURE }, call, findLayer);
    const size = args.int("block_size");
    if (size < 1)
        args.fail("block_size", `${name} needs a positive block_size, got ${size}`);
    const scale = parseDtype({ value: args.value("scale"), position: args.position("scale") });
    if (!scale.floating)
        args.fail("scale", `${name} scales are floating-point numbers, not ${scale.name}`, "use float32 (bitsandbytes), float16 or bfloat16");
    return { name, bits: 4, floating: false, block: { size, scale } };
}
/** The dtype as a setting would write it: `bfloat16`, `nf4(block_size=64, scale=float32)`. */
function describeDtype(dtype) {
    return dtype.block ? `${dtype.name}(block_size=${dtype.block.size}, scale=${dtype.block.scale.name})` : dtype.name;
}

;// CONCATENATED MODULE: ./src/memory/optimizers.ts




const like = (tensor, ...names) => names.map((name) => ({ name, elements: tensor.numel, dtype: tensor.dtype }));
const when = (condition, states) => (condition ? states : []);
const flag = (args, name) => !args.isNone(name) && args.bool(name);
/**
 * torch.optim keeps each tensor's `step` counter (and NAdam's `mu_product`) as a CPU scalar,
 * except with capturable=True or fused=True, when they are float32 scalars on the device.
 */
function deviceScalars(args, names, ...switches) {
    return when(switches.some((name) => flag(args, name)), names.map((name) => ({ name, elements: 1, dtype: FLOAT32 })));
}
const product = (sizes) => sizes.reduce((total, size) => total * size, 1);
/**
 * Adafactor's second moment: for a tensor of two or more dimensions, a row and a column factor
 * over the last two (`prod(shape[:-2]) × (rows + cols)` elements); a full one for vectors.
 */
function factoredSecondMoment(tensor, dtype, names) {
    const { shape } = tensor;
    if (shape.length < 2)
        return [{ name: names.full, elements: tensor.numel, dtype }];
    const batch = product(shape.slice(0, -2));
    return [
        { name: names.row, elements: batch * shape[shape.length - 2], dtype },
        { name: names.col, elements: batch * shape[shape.length - 1], dtype },
    ];
}
/**
 * bitsandbytes' 8-bit optimizers: each state is one uint8 per element plus one float32 absmax per
 * 256-element block (or a max and a new max per tensor without block_wise). Tensors with fewer
 * than min_8bit_size elements keep float32 state. The 256-entry quantization maps are shared.
 */
function bitsandbytesState(args, tensor, states) {
    const eightBit = tensor.numel >= args.int("min_8bit_size");
    const blockWise = args.bool("block_wise");
    const perState = (index) => {
        if (!eightBit)
            return [{ name: `state${index}`, elements: tensor.numel, dtype: FLOAT32 }];
        const scales = blockWise
            ? [{ name: `absmax${index}`, elements: Math.ceil(tensor.numel / 256), dtype: FLOAT32 }]
            : [`max${index}`, `new_max${index}`].map((name) => ({ name, elements: 1, dtype: FLOAT32 }));
        return [{ name: `state${index}`, elements: tensor.numel, dtype: UINT8 }, ...scales];
    };
    const clipping = when(args.int("percentile_clipping") < 100, [{ name: "gnorm_vec", elements: 100, dtype: FLOAT32 }]);
    return [...perState(1), ...(states === 2 ? perState(2) : []), ...clipping];
}
const FOREACH = arg("foreach", "bool", null);
const MAXIMIZE = arg("maximize", "bool", false);
const CAPTURABLE = arg("capturable", "bool", false);
const DIFFERENTIABLE = arg("differentiable", "bool", false);
const FUSED = arg("fused", "bool", null);
const DECOUPLED = arg("decoupled_weight_decay", "bool", false);
const lr = (value) => arg("lr", "float", value);
const betas = (beta1, beta2) => arg("betas", "any", [beta1, beta2]);
const eps = (value) => arg("eps", "float", value);
const weightDecay = (value) => arg("weight_decay", "float", value);
/** Adam's and AdamW's first and second moments, and the running maximum of the second with amsgrad. */
const adamState = (args, tensor) => [
    ...like(tensor, "exp_avg", "exp_avg_sq", ...(args.bool("amsgrad") ? ["max_exp_avg_sq"] : [])),
    ...deviceScalars(args, ["step"], "capturable", "fused"),
];
/** The `Adam`-style signature of torch.optim: lr, betas, eps, weight_decay, then class-specific options. */
const adamLike = (rate, decay, ...rest) => [lr(rate), betas(0.9, 0.999), eps(1e-8), weightDecay(decay), ...rest];
const torchOptimizers = [
    {
        type: "SGD",
        module: "torch.optim",
        signature: [lr(1e-3), arg("momentum", "float", 0), arg("dampening", "float", 0), weightDecay(0), arg("nesterov", "bool", false), MAXIMIZE, FOREACH, DIFFERENTIABLE, FUSED],
        state: (args, tensor) => when(args.float("momentum") !== 0, like(tensor, "momentum_buffer")),
    },
    {
        type: "Adam",
        module: "torch.optim",
        signature: adamLike(1e-3, 0, arg("amsgrad", "bool", false), FOREACH, MAXIMIZE, CAPTURABLE, DIFFERENTIABLE, FUSED, DECOUPLED),
        state: adamState,
    },
    {
        type: "AdamW",
        module: "torch.optim",
        signature: adamLike(1e-3, 1e-2, arg("amsgrad", "bool", false), MAXIMIZE, FOREACH, CAPTURABLE, DIFFERENTIABLE, FUSED),
        state: adamState,
    },
    {
        type: "Adagrad",
        module: "torch.optim",
        signature: [lr(1e-2), arg("lr_decay", "float", 0), weightDecay(0), arg("initial_accumulator_value", "float", 0), eps(1e-10), FOREACH, MAXIMIZE, DIFFERENTIABLE, FUSED],
        state: (args, tensor) => [...like(tensor, "sum"), ...deviceScalars(args, ["step"], "fused")],
    },
    {
        type: "RMSprop",
        module: "torch.optim",
        signature: [
            lr(1e-2),
            arg("alpha", "float", 0.99),
            eps(1e-8),
            weightDecay(0),
            arg("momentum", "float", 0),
            arg("centered", "bool", false),
            CAPTURABLE,
            FOREACH,
            MAXIMIZE,
            DIFFERENTIABLE,
        ],
        state: (args, tensor) => [
            ...like(tensor, "square_avg"),
            ...when(args.float("momentum") > 0, like(tensor, "momentum_buffer")),
            ...when(args.bool("centered"), like(tensor, "grad_avg")),
            ...deviceScalars(args, ["step"], "capturable"),
        ],
    },
    {
        type: "Adadelta",
        module: "torch.optim",
        signature: [lr(1.0), arg("rho", "float", 0.9), eps(1e-6), weightDecay(0), FOREACH, CAPTURABLE, MAXIMIZE, DIFFERENTIABLE],
        state: (args, tensor) => [...like(tensor, "square_avg", "acc_delta"), ...deviceScalars(args, ["step"], "capturable")],
    },
    {
        type: "Adamax",
        module: "torch.optim",
        signature: adamLike(2e-3, 0, FOREACH, MAXIMIZE, DIFFERENTIABLE, CAPTURABLE),
        state: (args, tensor) => [...like(tensor, "exp_avg", "exp_inf"), ...deviceScalars(args, ["step"], "capturable")],
    },
    {
        type: "NAdam",
        module: "torch.optim",
        signature: adamLike(2e-3, 0, arg("momentum_decay", "float", 4e-3), DECOUPLED, FOREACH, MAXIMIZE, CAPTURABLE, DIFFERENTIABLE),
        state: (args, tensor) => [...like(tensor, "exp_avg", "exp_avg_sq"), ...deviceScalars(args, ["step", "mu_product"], "capturable")],
    },
    {
        type: "RAdam",
        module: "torch.optim",
        signature: adamLike(1e-3, 0, DECOUPLED, FOREACH, MAXIMIZE, CAPTURABLE, DIFFERENTIABLE),
        state: (args, tensor) => [...like(tensor, "exp_avg", "exp_avg_sq"), ...deviceScalars(args, ["step"], "capturable")],
    },
    {
        // The default eps is (None, 1e-3), which a signature default cannot spell; it never changes memory.
        type: "Adafactor",
        module: "torch.optim",
        signature: [lr(1e-2), arg("beta2_decay", "float", -0.8), arg("eps", "any", null), arg("d", "float", 1.0), weightDecay(0), FOREACH, MAXIMIZE],
        state: (_args, tensor) => factoredSecondMoment(tensor, tensor.dtype, { row: "row_var", col: "col_var", full: "variance" }),
    },
];
const otherOptimizers = [
    {
        // Hugging Face's Adafactor: a first moment only with beta1, and state in float32 for 16-bit tensors (it upcasts their gradients).
        type: "transformers.Adafactor",
        module: "transformers",
        signature: [
            lr(null),
            arg("eps", "any", [1e-30, 1e-3]),
            arg("clip_threshold", "float", 1.0),
            arg("decay_rate", "float", -0.8),
            arg("beta1", "float", null),
            weightDecay(0),
            arg("scale_parameter", "bool", true),
            arg("relative_step", "bool", true),
            arg("warmup_init", "bool", false),
        ],
        state(args, tensor) {
            const dtype = tensor.dtype.bits === 16 ? FLOAT32 : tensor.dtype;
            const firstMoment = args.isNone("beta1") ? [] : [{ name: "exp_avg", elements: tensor.numel, dtype }];
            return [...firstMoment, ...factoredSecondMoment(tensor, dtype, { row: "exp_avg_sq_row", col: "exp_avg_sq_col", full: "exp_avg_sq" })];
        },
    },
    {
        type: "Lion",
        module: "lion_pytorch",
        signature: [lr(1e-4), betas(0.9, 0.99), weightDecay(0), arg("use_triton", "bool", false), DECOUPLED],
        state: (_args, tensor) => like(tensor, "exp_avg"),
    },
];
const BITSANDBYTES_OPTIONS = [arg("args", "any", null), arg("min_8bit_size", "int", 4096), arg("percentile_clipping", "int", 100), arg("block_wise", "bool", true)];
const IS_PAGED = arg("is_paged", "bool", false);
/** Adam8bit and AdamW8bit accept amsgrad and optim_bits and ignore them: they always keep two 8-bit states. */
const bitsandbytesAdam = (type, decay) => ({
    type,
    module: "bitsandbytes.optim",
    signature: adamLike(1e-3, decay, arg("amsgrad", "bool", false), arg("optim_bits", "int", 32), ...BITSANDBYTES_OPTIONS, IS_PAGED),
    state: (args, tensor) => bitsandbytesState(args, tensor, 2),
});
const bitsandbytesOptimizers = [
    bitsandbytesAdam("Adam8bit", 0),
    bitsandbytesAdam("AdamW8bit", 1e-2),
    {
        type: "Lion8bit",
        module: "bitsandbytes.optim",
        signature: [lr(1e-4), betas(0.9, 0.99), weightDecay(0), ...BITSANDBYTES_OPTIONS, IS_PAGED],
        state: (args, tensor) => bitsandbytesState(args, tensor, 1),
    },
    {
        type: "SGD8bit",
        module: "bitsandbytes.optim",
        signature: [arg("lr", "float"), arg("momentum", "float", 0), arg("dampening", "float", 0), weightDecay(0), arg("nesterov", "bool", false), ...BITSANDBYTES_OPTIONS],
        state: (args, tensor) => bitsandbytesState(args, tensor, 1),
        check(args) {
            if (args.float("momentum") === 0)
                args.fail("momentum", "SGD8bit without momentum is not supported by bitsandbytes", "set momentum, e.g. SGD8bit(lr=0.1, momentum=0.9), or use torch's SGD");
        },
    },
];
const OPTIMIZERS = [...torchOptimizers, ...otherOptimizers, ...bitsandbytesOptimizers];
const optimizers_BY_TYPE = new Map(OPTIMIZERS.map((definition) => [definition.type, definition]));
/** `torch.optim.AdamW`, `bnb.optim.AdamW8bit` and `transformers.optimization.Adafactor` name classes of the table. */
function optimizers_className(type) {
    return type.replace(/^(?:torch\.optim|bitsandbytes\.optim|bnb\.optim|lion_pytorch)\./, "").replace(/^transformers\.optimization\./, "transformers.");
}
/** `torch.optim.AdamW`, `bitsandbytes.optim.AdamW8bit`, `transformers.Adafactor`: where to import the class from. */
function qualifiedName(definition) {
    return definition.type.startsWith(`${definition.module}.`) ? definition.type : `${definition.module}.${definition.type}`;
}
/** Binds an optimizer call to its class, checking its arguments as the constructor would. */
function bindOptimizer(call) {
    const definition = optimizers_BY_TYPE.get(optimizers_className(call.type));
    if (!definition) {
        throw new SpecError("unknown-optimizer", call.position, `unknown optimizer '${call.type}'`, didYouMean(optimizers_className(call.type), optimizers_BY_TYPE.keys()) ?? `the optimizers are: ${[...optimizers_BY_TYPE.keys()].join(", ")}`);
    }
    const args = bindArguments(definition, call, findLayer);
    definition.check?.(args);
    return { definition, args, text: call.text };
}
/** The state the optimizer allocates for one trainable tensor. */
function optimizerState(optimizer, tensor) {
    return optimizer.definition.state(optimizer.args, tensor);
}

;// CONCATENATED MODULE: ./src/memory/types.ts
/** Where the bytes go, in the order reports list them. */
const CATEGORIES = ["weights", "buffers", "gradients", "optimizerState", "masterWeights", "activations"];
const CATEGORY_NAMES = {
    weights: "weights",
    buffers: "buffers",
    gradients: "gradients",
    optimizerState: "optimizer state",
    masterWeights: "master weights",
    activations: "activations",
};
function figuresOf(bytes) {
    const byCategory = Object.fromEntries(CATEGORIES.map((category) => [category, bytes(category)]));
    return { ...byCategory, total: CATEGORIES.reduce((sum, category) => sum + byCategory[category], 0) };
}

;// CONCATENATED MODULE: ./src/memory/sharding.ts


/**
 * The lowest ZeRO stage that shards each category over the GPUs (Rajbhandari et al., 2020):
 * stage 1 the optimizer state, which for mixed precision includes the float32 master weights,
 * stage 2 also the gradients, stage 3 also the weights (FSDP's full shard). Buffers are replicated;
 * activations are each GPU's own, as `batch` is the batch of one GPU.
 */
const SHARDED_FROM = { optimizerState: 1, masterWeights: 1, gradients: 2, weights: 3, buffers: Infinity, activations: Infinity };
function isSharded(category, stage) {
    return stage >= SHARDED_FROM[category];
}
/**
 * What one GPU holds. A sharded category is split evenly and rounded up to a whole byte per
 * model: each GPU holds at most ⌈bytes / gpus⌉. Real implementations also pad each flattened
 * group to a multiple of the GPU count, a few elements more per group.
 */
function perGpu(bytes, gpus, stage) {
    return figuresOf((category) => (isSharded(category, stage) ? Math.ceil(bytes[category] / gpus) : bytes[category]));
}
function gpuCount(value, position) {
    if (value < 1)
        throw new SpecError("invalid-recipe-value", position, `training needs at least 1 GPU, got ${value}`);
    return value;
}
function zeroStage(value, position) {
    if (value !== 0 && value !== 1 && value !== 2 && value !== 3)
        throw new SpecError("invalid-recipe-value", position, `the ZeRO stage is 0, 1, 2 or 3, not ${value}`, "3 is FSDP's full shard");
    return value;
}

;// CONCATENATED MODULE: ./src/memory/breakdown.ts






/**
 * A tensor's dtype. A catalogue-fixed dtype (num_batches_tracked: int64) or an integer `dtype=`
 * in the call is final, as module.to(dtype) leaves integer tensors alone. Otherwise the innermost
 * `dtype:` key that applies wins, then the call's `dtype=`, then the model-wide default (--dtype or
 * training.dtype), then the precision's weight dtype. Floating dtypes apply to every tensor;
 * integer and 4-bit ones quantize weight matrices only (parameters of two or more dimensions), as
 * bitsandbytes' Linear8bitLt and Linear4bit leave biases and norms in the floating dtype.
 */
function chooseDtype(tensor, isParameter, layer, recipe) {
    if (tensor.fixedDtype)
        return { dtype: dtypeNamed(tensor.fixedDtype) };
    const { call } = layer;
    if (call && !call.dtype.floating)
        return call;
    const applies = (dtype) => dtype.floating || (isParameter && tensor.shape.length >= 2);
    const key = [...layer.keys].reverse().find((setting) => applies(setting.dtype));
    if (key)
        return key;
    if (call)
        return call;
    const fallback = recipe.dtype?.value;
    return { dtype: fallback && applies(fallback) ? fallback : recipe.precision.value.weights };
}
/** The bytes of `elements` values of `dtype` in one tensor: 4-bit values pack two to a byte, and add their block scales. */
function storage(dtype, elements, what) {
    const values = { what, dtype: dtype.name, bits: dtype.bits, elements, bytes: Math.ceil((elements * dtype.bits) / 8) };
    if (!dtype.block)
        return [values];
    const { size, scale } = dtype.block;
    const blocks = Math.ceil(elements / size);
    return [values, { what: `${dtype.name} scales`, dtype: scale.name, bits: scale.bits, elements: blocks, bytes: (blocks * scale.bits) / 8 }];
}
function emptyTerms() {
    return { weights: [], buffers: [], gradients: [], optimizerState: [], masterWeights: [], activations: [] };
}
/** Adds terms into a sum, `times` over, merging those of the same elements and dtype. */
function addTerms(into, terms, times = 1) {
    for (const term of terms) {
        const same = into.find((candidate) => candidate.what === term.what && candidate.dtype === term.dtype);
        if (same) {
            same.elements += term.elements * times;
            same.bytes += term.bytes * times;
        }
        else {
            into.push({ ...term, elements: term.elements * times, bytes: term.bytes * times });
        }
    }
}
function figures(terms, position, what) {
    const result = figuresOf((category) => checked(terms[category].reduce((sum, term) => sum + term.bytes, 0), position, `the ${CATEGORY_NAMES[category]} bytes of ${what}`));
    checked(result.total, position, `the memory of ${what}`);
    return result;
}
function layerMemory(layer, recipe, dtypes) {
    const terms = emptyTerms();
    const { optimizer } = recipe;
    const parameterDtypes = layer.parameters.map((tensor) => {
        const chosen = chooseDtype(tensor, true, dtypes, recipe);
        const { dtype } = chosen;
        if (tensor.sharedWith !== undefined)
            return dtype;
        addTerms(terms.weights, storage(dtype, tensor.numel, "params"));
        if (!optimizer || !tensor.trainable)
            return dtype;
        if (!dtype.floating) {
            throw new SpecError("untrainable-dtype", chosen.position ?? layer.position, `${tensor.name ? `${layer.path}.${tensor.name}` : layer.path} is stored as ${dtype.name}, and only floating-point parameters can be trained`, "freeze it with frozen: true (QLoRA trains adapters over a frozen quantized base), or keep it in a floating dtype");
        }
        addTerms(terms.gradients, storage(dtype, tensor.numel, "params"));
        const master = recipe.precision.value.masterWeights && dtype.bits < FLOAT32.bits;
        if (master)
            addTerms(terms.masterWeights, storage(FLOAT32, tensor.numel, "params"));
        for (const state of optimizerState(optimizer.value, { shape: tensor.shape, numel: tensor.numel, dtype: master ? FLOAT32 : dtype })) {
            addTerms(terms.optimizerState, storage(state.dtype, state.elements, `${state.name} elements`));
        }
        return dtype;
    });
    const bufferDtypes = layer.buffers.map((tensor) => {
        const { dtype } = chooseDtype(tensor, false, dtypes, recipe);
        addTerms(terms.buffers, storage(dtype, tensor.numel, "elements"));
        return dtype;
    });
    return { terms, bytes: figures(terms, layer.position, layer.path), parameterDtypes, bufferDtypes };
}
/**
 * Bytes of weights, buffers, gradients, optimizer state and master weights, per layer and for the
 * model, as `recipe` trains it; with `activations` (from shape inference) and an optimizer, the
 * model's total also holds what autograd keeps for backward.
 */
function computeMemory(count, recipe, activations) {
    // A module's dtype: key is one setting shared by all its layers: parsed (and reported) once.
    const parsed = new Map();
    const parse = (setting) => {
        let chosen = parsed.get(setting);
        if (!chosen)
            parsed.set(setting, (chosen = { dtype: parseDtype(setting), position: setting.position }));
        return chosen;
    };
    const terms = emptyTerms();
    const layers = count.layers.map((layer) => {
        const memory = layerMemory(layer, recipe, { keys: layer.dtypes.map(parse), ...(layer.callDtype ? { call: parse(layer.callDtype) } : {}) });
        for (const category of CATEGORIES)
            addTerms(terms[category], memory.terms[category], layer.count);
        return memory;
    });
    if (activations !== undefined && recipe.optimizer) {
        terms.activations.push({ what: "saved bytes", dtype: recipe.precision.value.activations.name, bits: 8, elements: activations, bytes: activations });
    }
    const bytes = figures(terms, { file: count.file, line: 1, col: 1 }, count.model);
    const gpus = recipe.gpus.value;
    return { recipe, bytes, terms, ...(gpus > 1 ? { perGpu: perGpu(bytes, gpus, recipe.zero.value) } : {}), layers };
}

;// CONCATENATED MODULE: ./src/memory/explain.ts





/*
 * The arithmetic behind the memory figures, as lines of text; a line's leading spaces nest it
 * under the line before. Every figure is an exact byte count.
 */
const bytes = (value) => `${formatInteger(value)} B`;
/** `9,472 params × 4 B (float32)`. */
function termText(term) {
    return `${formatInteger(term.elements)} ${term.what} × ${term.bits / 8} B (${term.dtype})`;
}
/** How each setting of the recipe was made: in the spec, by a flag, or by default. */
function recipeLines(recipe) {
    const { optimizer, precision, dtype, gpus, zero } = recipe;
    const lines = [
        optimizer ? `optimizer: ${optimizer.value.text}, ${qualifiedName(optimizer.value.definition)} (${optimizer.from})` : "optimizer: none, so inference: weights and buffers only",
        `precision: ${precision.value.name}, ${precision.value.summary} (${precision.from})`,
    ];
    if (dtype)
        lines.push(`weights created without a dtype: ${describeDtype(dtype.value)} (${dtype.from})`);
    if (gpus.value > 1 || zero.value > 0)
        lines.push(`${gpus.value} GPU${gpus.value === 1 ? "" : "s"} (${gpus.from}), ZeRO stage ${zero.value} (${zero.from})`);
    return lines;
}
/** `weights: 9,472 params × 4 B (float32) = 37,888 B`, for each category that holds anything. */
function categoryLines(terms, figures) {
    return CATEGORIES.filter((category) => terms[category].length > 0).map((category) => `${CATEGORY_NAMES[category]}: ${terms[category].map(termText).join(" + ")} = ${bytes(figures[category])}`);
}
/**
 * The rule-of-thumb reading: weights and optimizer state together, and how many times the weights
 * that is (3 for fp32 Adam, gradients aside); no ratio without weights. Trailing zeros dropped.
 */
function weightsAndState(figures) {
    const sum = figures.weights + figures.optimizerState;
    return figures.weights === 0 ? { bytes: sum } : { bytes: sum, times: Number((sum / figures.weights).toFixed(2)) };
}
function weightsAndStateLine(figures) {
    const reading = weightsAndState(figures);
    const times = reading.times === undefined ? "" : `, ${reading.times} × the weights`;
    return `weights + optimizer state: ${formatInteger(figures.weights)} + ${formatInteger(figures.optimizerState)} = ${bytes(reading.bytes)}${times}`;
}
/** Each category on one GPU: ⌈bytes / GPUs⌉ for the sharded ones, everything for the replicated. */
function perGpuLines(memory, perGpu) {
    const { gpus, zero } = memory.recipe;
    const lines = CATEGORIES.filter((category) => memory.bytes[category] > 0).map((category) => isSharded(category, zero.value)
        ? `  ${CATEGORY_NAMES[category]}: ⌈${formatInteger(memory.bytes[category])} B / ${gpus.value}⌉ = ${bytes(perGpu[category])}`
        : `  ${CATEGORY_NAMES[category]}: ${bytes(perGpu[category])}, replicated`);
    return [`per GPU, ZeRO stage ${zero.value} over ${gpus.value} GPUs (sharded bytes rounded up):`, ...lines, `  total: ${bytes(perGpu.total)}`];
}
/** The model's figures: how the recipe was set, each category, the total, and per GPU. */
function modelMemoryLines(memory) {
    const parts = CATEGORIES.filter((category) => memory.bytes[category] > 0).map((category) => formatInteger(memory.bytes[category]));
    return [
        ...recipeLines(memory.recipe),
        ...categoryLines(memory.terms, memory.bytes),
        `total: ${parts.length > 1 ? `${parts.join(" + ")} = ` : ""}${bytes(memory.bytes.total)}`,
        ...(memory.recipe.optimizer ? [weightsAndStateLine(memory.bytes)] : []),
        ...(memory.perGpu ? perGpuLines(memory, memory.perGpu) : []),
    ];
}

;// CONCATENATED MODULE: ./src/memory/precision.ts


const PRECISIONS = [
    { name: "fp32", weights: dtypeNamed("float32"), activations: dtypeNamed("float32"), masterWeights: false, summary: "float32 weights, gradients and optimizer state" },
    // Autocast's 16-bit copies of weights live only during the forward and backward passes, like activations.
    { name: "amp", weights: dtypeNamed("float32"), activations: dtypeNamed("float16"), masterWeights: false, summary: "autocast: float32 weights, gradients and optimizer state" },
    {
        name: "mixed-fp16",
        weights: dtypeNamed("float16"),
        activations: dtypeNamed("float16"),
        masterWeights: true,
        summary: "float16 weights and gradients, float32 master weights and optimizer state",
    },
    {
        name: "mixed-bf16",
        weights: dtypeNamed("bfloat16"),
        activations: dtypeNamed("bfloat16"),
        masterWeights: true,
        summary: "bfloat16 weights and gradients, float32 master weights and optimizer state",
    },
    { name: "bf16", weights: dtypeNamed("bfloat16"), activations: dtypeNamed("bfloat16"), masterWeights: false, summary: "bfloat16 weights, gradients and optimizer state" },
    { name: "fp16", weights: dtypeNamed("float16"), activations: dtypeNamed("float16"), masterWeights: false, summary: "float16 weights, gradients and optimizer state" },
];
const FP32 = PRECISIONS[0];
function findPrecision(name, position) {
    const precision = PRECISIONS.find((candidate) => candidate.name === name);
    if (precision)
        return precision;
    const names = PRECISIONS.map((candidate) => candidate.name);
    throw new SpecError("unknown-precision", position, `unknown precision '${name}'`, didYouMean(name, names) ?? `the precisions are: ${names.join(", ")}`);
}

;// CONCATENATED MODULE: ./src/shapes/types.ts
const CHECKPOINTING = ["none", "full", "selective"];

;// CONCATENATED MODULE: ./src/memory/recipe.ts









const TRAINING_OPTIONS = ["optimizer", "precision", "gpus", "zero", "dtype", "batch", "checkpointing"];
const where = (position) => `${position.file}:${position.line}:${position.col}`;
function settingsFromSpec(training) {
    const settings = {};
    if (!training)
        return settings;
    const { optimizer, precision, gpus, zero, dtype, batch, checkpointing } = training;
    if (optimizer)
        settings.optimizer = { value: bindOptimizer(optimizer), from: where(optimizer.position) };
    if (precision)
        settings.precision = { value: findPrecision(precision.value, precision.position), from: where(precision.position) };
    if (gpus)
        settings.gpus = { value: gpuCount(gpus.value, gpus.position), from: where(gpus.position) };
    if (zero)
        settings.zero = { value: zeroStage(zero.value, zero.position), from: where(zero.position) };
    if (dtype)
        settings.dtype = { value: parseDtype(dtype), from: where(dtype.position) };
    if (batch)
        settings.batch = { value: batchSize(batch.value, batch.position), from: where(batch.position) };
    if (checkpointing)
        settings.checkpointing = { value: checkpointingMode(checkpointing.value, checkpointing.position), from: where(checkpointing.position) };
    return settings;
}
function checkpointingMode(text, position) {
    if (CHECKPOINTING.includes(text))
        return text;
    throw new SpecError("unknown-checkpointing", position, `unknown checkpointing '${text}'`, didYouMean(text, CHECKPOINTING) ?? `use one of ${CHECKPOINTING.join(", ")}`);
}
function batchSize(value, position) {
    if (value < 1)
        throw new SpecError("invalid-recipe-value", position, `the batch is at least 1, got ${value}`);
    return value;
}
function wholeNumber(text, position, what) {
    const digits = text.trim();
    if (!/^\d+$/.test(digits))
        throw new SpecError("invalid-recipe-value", position, `${what} is a whole number, not '${text}'`, "write it in digits, e.g. 8");
    const value = Number(digits);
    // Past 2^53 a number is no longer exact: 99999999999999999999 would silently be 100000000000000000000.
    if (!Number.isSafeInteger(value))
        throw new SpecError("number-too-large", position, `${what} ${digits.length > 30 ? `${digits.slice(0, 30)}…` : digits} is beyond 2^53 and cannot be used exactly`, "give the real count, e.g. 8");
    return value;
}
/**
 * Settings given as text, such as command-line flags or action inputs. Errors are SpecErrors
 * whose file is the option's label (`--optimizer`), for the caller to print as it prints flags.
 */
function settingsFromOptions(values, label) {
    const settings = {};
    for (const option of TRAINING_OPTIONS) {
        const text = values[option];
        if (text === undefined)
            continue;
        const from = label(option);
        const positionAt = (offset) => ({ file: from, line: 1, col: offset + 1 });
        const position = positionAt(0);
        switch (option) {
            case "optimizer":
                settings.optimizer = { value: bindOptimizer(evaluateCall(parsedAt(positionAt, text, parseCallOrName), new Map(), positionAt, text)), from };
                break;
            case "precision":
                settings.precision = { value: findPrecision(text, position), from };
                break;
            case "gpus":
                settings.gpus = { value: gpuCount(wholeNumber(text, position, "the GPU count"), position), from };
                break;
            case "zero":
                settings.zero = { value: zeroStage(wholeNumber(text, position, "the ZeRO stage"), position), from };
                break;
            case "dtype":
                settings.dtype = { value: parseDtype({ value: evaluate(parsedAt(positionAt, text, parseExpression), new Map(), positionAt, text, true), position }), from };
                break;
            case "batch":
                settings.batch = { value: batchSize(wholeNumber(text, position, "the batch"), position), from };
                break;
            case "checkpointing":
                settings.checkpointing = { value: checkpointingMode(text, position), from };
                break;
        }
    }
    return settings;
}
/** Whether any setting is made: memory is reported only for a recipe someone asked for. */
function setsTraining(settings) {
    return TRAINING_OPTIONS.some((option) => settings[option] !== undefined);
}
/** The spec's settings with the overrides on top, and defaults for the rest: fp32 inference on one GPU. */
function trainingRecipe(spec, overrides) {
    return {
        optimizer: overrides.optimizer ?? spec.optimizer,
        dtype: overrides.dtype ?? spec.dtype,
        precision: overrides.precision ?? spec.precision ?? { value: FP32, from: "default" },
        gpus: overrides.gpus ?? spec.gpus ?? { value: 1, from: "default" },
        zero: overrides.zero ?? spec.zero ?? { value: 0, from: "default" },
        batch: overrides.batch ?? spec.batch ?? { value: 1, from: "default" },
        checkpointing: overrides.checkpointing ?? spec.checkpointing ?? { value: "none", from: "default" },
    };
}

;// CONCATENATED MODULE: ./src/memory/index.ts
/**
 * Training and inference memory, exact to the byte: the bytes of weights, buffers, gradients,
 * optimizer state and master weights of a counted model under a training recipe (optimizer,
 * precision, dtypes, ZeRO sharding), with the arithmetic behind each figure.
 */









;// CONCATENATED MODULE: ./src/shapes/ops.ts



/** torch.nn.functional calls that are their module's forward: `adaptive_avg_pool2d(1)` is `AdaptiveAvgPool2d(1)(x)`. */
const FUNCTIONAL = {
    adaptive_avg_pool1d: "AdaptiveAvgPool1d",
    adaptive_avg_pool2d: "AdaptiveAvgPool2d",
    adaptive_max_pool2d: "AdaptiveMaxPool2d",
    avg_pool2d: "AvgPool2d",
    max_pool2d: "MaxPool2d",
    dropout: "Dropout",
    relu: "ReLU",
    relu6: "ReLU6",
    gelu: "GELU",
    silu: "SiLU",
    sigmoid: "Sigmoid",
    hardswish: "Hardswish",
    hardsigmoid: "Hardsigmoid",
    softmax: "Softmax",
    log_softmax: "LogSoftmax",
    tanh: "Tanh",
};
/** True for the name of a functional op, which forward: calls as `gelu()`; a bare name is a child. */
function isOpName(name) {
    return name in FUNCTIONAL || name in OPS;
}
const ops_shapeText = (shape) => `[${shape.join(", ")}]`;
/** NumPy broadcasting, or undefined when the shapes do not broadcast. */
function broadcast(a, b) {
    const rank = Math.max(a.length, b.length);
    const out = [];
    for (let d = 0; d < rank; d++) {
        const x = a[a.length - rank + d] ?? 1;
        const y = b[b.length - rank + d] ?? 1;
        if (x !== y && x !== 1 && y !== 1)
            return undefined;
        out.push(Math.max(x, y));
    }
    return out;
}
/**
 * Merges two paths: `add` and `multiply` broadcast, `concat` joins channels (dimension 1). Only a
 * product keeps tensors for backward: each factor, for the other's gradient.
 */
function ops_merge(evaluator, how, left, right, position, segments) {
    const path = formatPath(segments) || "the model";
    const fail = () => {
        throw new SpecError("shapes-do-not-combine", position, `${path} cannot ${how} ${left.producer} ${ops_shapeText(left.shape)} and ${right.producer} ${ops_shapeText(right.shape)}`, how === "concat" ? "concat joins dimension 1: every other dimension must be equal" : "the shapes must be equal or broadcast");
    };
    let shape;
    if (how === "concat") {
        const rest = (tensor) => [tensor.shape[0], ...tensor.shape.slice(2)].join();
        if (left.shape.length !== right.shape.length || rest(left) !== rest(right))
            fail();
        shape = left.shape.map((size, d) => (d === 1 ? size + right.shape[1] : size));
    }
    else {
        shape = broadcast(left.shape, right.shape) ?? fail();
    }
    const output = evaluator.fresh(shape, `${path} (${how})`);
    const bytes = how === "multiply" ? evaluator.keep(["input"], left, output).bytes + evaluator.keep(["input"], right, output).bytes : 0;
    evaluator.record({ type: how, segments, output: shape, macs: 0, attentionMacs: 0, savedBytes: bytes, attentionBytes: 0 });
    return output;
}
const ops_arg = (name, type, value) => value === undefined ? { name, type } : { name, type, default: value };
const CHILDREN = [{ name: "children", type: "string", variadic: true }];
/** The ops that are not modules, with their arguments as Python names them. */
const OPS = {
    flatten: {
        signature: [ops_arg("start_dim", "int", 0), ops_arg("end_dim", "int", -1)],
        run: ({ x, dim, view, fail }) => {
            const [start, end] = [dim("start_dim"), dim("end_dim")];
            if (end < start)
                fail(`end_dim after start_dim`);
            return view([...x.shape.slice(0, start), numel(x.shape.slice(start, end + 1)), ...x.shape.slice(end + 1)]);
        },
    },
    transpose: {
        signature: [ops_arg("dim0", "int"), ops_arg("dim1", "int")],
        run: ({ x, dim, view }) => {
            const [a, b] = [dim("dim0"), dim("dim1")];
            return view(x.shape.map((size, d) => (d === a ? x.shape[b] : d === b ? x.shape[a] : size)));
        },
    },
    select: {
        signature: [ops_arg("dim", "int"), ops_arg("index", "int")],
        run: ({ x, args, dim, view, fail }) => {
            const d = dim("dim");
            const index = args.int("index");
            if (index >= x.shape[d] || index < -x.shape[d])
                fail(`an index ${index} within dimension ${d}`);
            return view(x.shape.filter((_, position) => position !== d));
        },
    },
    mean: {
        signature: [ops_arg("dim", "int")],
        run: ({ x, dim, created }) => {
            const d = dim("dim");
            return created(x.shape.filter((_, position) => position !== d));
        },
    },
    add: {
        signature: [ops_arg("parameter", "string")],
        run: ({ evaluator, x, args, segments, child, parameterShape, created, fail }) => {
            const node = child("parameter");
            // A module such as GPT-2's wpe is a learned position embedding: called on the positions 0 … S-1.
            const isTensor = node.kind === "leaf" && !evaluator.describe(node.layer).definition.forward;
            const added = isTensor ? parameterShape("parameter") : evaluator.runNode(node, evaluator.fresh([1, x.shape[1]], "the positions", 8), segments).shape;
            return created(broadcast(x.shape, added) ?? fail(`a shape that broadcasts with ${args.string("parameter")} ${ops_shapeText(added)}`));
        },
    },
    cat_token: {
        signature: [ops_arg("parameter", "string")],
        run: ({ x, rank, args, parameterShape, created, fail }) => {
            const token = parameterShape("parameter");
            if (rank !== 3 || token.length !== 3 || token[2] !== x.shape[2])
                fail(`(batch, sequence, ${token.at(-1)}) to prepend ${args.string("parameter")} ${ops_shapeText(token)} to`);
            return created([x.shape[0], x.shape[1] + token[1], x.shape[2]]);
        },
    },
    residual: {
        signature: CHILDREN,
        run: ({ evaluator, module, call, x, segments, producer }) => {
            const y = call.args.reduce((tensor, item) => evaluator.runNode(evaluator.childAt(module, item.value.kind === "symbol" ? item.value.name : item.value.kind === "string" ? item.value.value : "", item.position), tensor, segments), x);
            return { ...ops_merge(evaluator, "add", y, x, call.position, segments), producer };
        },
    },
    attention: {
        signature: [
            ops_arg("q", "string"),
            ops_arg("k", "string", null),
            ops_arg("v", "string", null),
            ops_arg("heads", "int"),
            ops_arg("kv_heads", "int", null),
            ops_arg("causal", "bool", false),
            ops_arg("dropout", "float", 0),
        ],
        run: (op) => attention(op.evaluator, op.args, op.x, op.segments, op),
    },
    gated: {
        signature: [ops_arg("gate", "string"), ops_arg("up", "string"), ops_arg("act", "string")],
        run: ({ evaluator, call, x, segments, producer, child }) => {
            const gate = evaluator.runNode(child("gate"), x, segments);
            const up = evaluator.runNode(child("up"), x, segments);
            const activated = evaluator.runNode(child("act"), gate, segments);
            const product = ops_merge(evaluator, "multiply", activated, up, call.position, segments);
            return { ...product, producer };
        },
    },
};
/** Everything an op's run needs, its arguments bound to its signature. */
function opContext(evaluator, module, call, x, segments, fail) {
    const name = call.type;
    const producer = `${x.producer} → ${call.text}`;
    const args = bindArguments({ type: name, signature: OPS[name].signature }, call, findLayer);
    const rank = x.shape.length;
    const dim = (argument) => {
        const value = args.int(argument);
        if (value < -rank || value >= rank)
            fail(`a dimension ${value} (of ${rank})`);
        return value < 0 ? value + rank : value;
    };
    const child = (argument) => evaluator.childAt(module, args.string(argument), args.position(argument));
    const parameterShape = (argument) => {
        const node = child(argument);
        const tensor = node.kind === "leaf" ? evaluator.describe(node.layer).parameters[0] : undefined;
        if (!tensor)
            throw new SpecError("not-a-parameter", args.position(argument), `${args.string(argument)} is not a Parameter(...) entry`, `${name}() takes a tensor the module holds, such as class_token: Parameter(1, 1, d)`);
        return tensor.shape;
    };
    const created = (shape, saves = [], macs = 0, extra = { macs: 0, bytes: 0 }) => {
        const output = evaluator.fresh(shape, producer);
        const kept = evaluator.keep(saves, x, output);
        evaluator.record({
            type: name,
            segments: [...segments, call.text],
            output: shape,
            macs,
            attentionMacs: extra.macs,
            savedBytes: kept.bytes + extra.bytes,
            attentionBytes: kept.attention,
        });
        return output;
    };
    const view = (shape) => ({ ...x, shape, producer });
    return { evaluator, module, call, args, x, segments, producer, rank, dim, view, child, parameterShape, created, fail };
}
/** A functional op of a module's forward: `flatten(1)`, `attention(q_proj, k_proj, v_proj, heads=12)`, `adaptive_avg_pool2d(1)`. */
function runOp(evaluator, module, call, x, segments) {
    const name = call.type;
    const fail = (expects) => {
        throw new SpecError("shape-mismatch", call.position, `${call.text} expects ${expects}, but ${x.producer} produces ${ops_shapeText(x.shape)}`, "fix the op's arguments or the layer before it");
    };
    const moduleType = FUNCTIONAL[name];
    if (moduleType) {
        const definition = findLayer({ ...call, type: moduleType });
        const args = bindArguments(definition, call, findLayer);
        definition.tensors(args);
        const result = definition.forward(args, { shape: x.shape, mismatch: (_, expects) => fail(expects) });
        return evaluator.applied(result, x, `${x.producer} → ${call.text}`, { type: name, segments: [...segments, call.text] });
    }
    const op = Object.hasOwn(OPS, name) ? OPS[name] : undefined;
    if (!op) {
        throw new SpecError("unknown-op", call.position, `unknown op '${name}' in forward:`, `the ops are ${[...Object.keys(OPS), ...Object.keys(FUNCTIONAL)].join(", ")}; a child module is called by its bare name`);
    }
    return op.run(opContext(evaluator, module, call, x, segments, fail));
}
/**
 * Scaled dot-product attention over projections the module holds, as Hugging Face's eager
 * attention computes it: softmax(Q·Kᵀ/√d)·V per head, with grouped key/value heads expanded to
 * every query head. Each matmul keeps both its factors; the softmax keeps its output, a dropout
 * its mask and output: Korthikanti et al.'s 5·a·s²·b bytes in 16-bit.
 */
function attention(evaluator, args, x, segments, { fail, child, created }) {
    const packed = args.isNone("k") && args.isNone("v");
    const projected = (packed ? ["q"] : ["q", "k", "v"]).map((name) => evaluator.runNode(child(name), x, segments));
    // One projection to 3 × the width (GPT-2's c_attn) splits into views of one storage.
    const [q, k, v] = (packed ? [0, 1, 2].map(() => ({ ...projected[0], shape: projected[0].shape.map((size, d, shape) => (d === shape.length - 1 ? size / 3 : size)) })) : projected);
    const heads = args.int("heads");
    const kvHeads = args.optionalInt("kv_heads") ?? heads;
    if (q.shape.length !== 3)
        fail(`(batch, sequence, features) from ${q.producer}, which gives ${ops_shapeText(q.shape)}`);
    const [batch, sequence, width] = q.shape;
    const headDim = width / heads;
    if (!Number.isInteger(headDim) || heads % kvHeads !== 0)
        args.fail("heads", `attention needs ${q.producer}'s ${width} features split evenly over heads=${heads}, and heads a multiple of kv_heads=${kvHeads}`);
    for (const tensor of [k, v]) {
        if (!sameShape(tensor.shape, [batch, sequence, kvHeads * headDim])) {
            args.fail("kv_heads", `attention needs ${tensor.producer} to give [${batch}, ${sequence}, ${kvHeads * headDim}] (kv_heads × head size), but it gives ${ops_shapeText(tensor.shape)}`);
        }
    }
    const products = scaledDotProduct(batch, heads, sequence, sequence, headDim, args.float("dropout") > 0);
    const keep = (tensor) => evaluator.keep(kvHeads === heads || tensor === q ? ["input"] : [{ elements: batch * sequence * width, dtype: "activation" }], tensor, tensor).bytes;
    const factors = keep(q) + keep(k) + keep(v);
    return created([batch, sequence, width], products.saves, products.macs, { macs: products.macs, bytes: factors });
}

;// CONCATENATED MODULE: ./src/shapes/index.ts
/**
 * Shape inference over the spec's module tree: every layer's output shape by PyTorch's rules,
 * MACs, and the bytes autograd keeps for backward in a training step, with checkpointing.
 */






const FIXED_BYTES = { float32: 4, int64: 8, bool: 1 };
class Inference {
    model;
    options;
    nextStorage = 0;
    kept = new Set();
    described = new Map();
    calls = [];
    blocks = [];
    bytes = 0;
    attentionBytes = 0;
    repeatDepth = 0;
    constructor(model, options) {
        this.model = model;
        this.options = options;
    }
    fresh(shape, producer, elementBytes = this.options.activationBytes) {
        return { shape, storage: this.nextStorage++, storageBytes: numel(shape) * elementBytes, elementBytes, producer };
    }
    /** What keeping the tensor for backward costs: its whole storage, as PyTorch keeps a saved view's base alive. */
    bytesOf(tensor) {
        return tensor.storageBytes;
    }
    /** Keeps `saves` for backward; returns the bytes this adds, a storage already kept adding none. */
    keep(saves, input, output) {
        let bytes = 0;
        let attention = 0;
        for (const saved of saves) {
            if (typeof saved === "object") {
                const added = saved.elements * (saved.dtype === "activation" ? this.options.activationBytes : FIXED_BYTES[saved.dtype]);
                bytes += added;
                if (saved.attention)
                    attention += added;
                continue;
            }
            const tensor = saved === "input" ? input : output;
            if (this.kept.has(tensor.storage))
                continue;
            this.kept.add(tensor.storage);
            bytes += this.bytesOf(tensor);
        }
        this.bytes += bytes;
        this.attentionBytes += attention;
        return { bytes, attention };
    }
    record(call) {
        this.calls.push({ ...call, instances: 1 });
    }
    describe(index) {
        let described = this.described.get(index);
        if (!described)
            this.described.set(index, (described = describeLayer(this.model.layers[index].call)));
        return described;
    }
    /** Runs every instance of a child, one after another; see docs/shapes.md, "Symbolic repeat". */
    runNode(node, x, prefix) {
        const run = node.own.findIndex((segment) => typeof segment === "object");
        if (run < 0)
            return this.runInstance(node, x, [...prefix, ...node.own]);
        const { from, to } = node.own[run];
        const at = (index) => [...prefix, ...node.own.map((segment, position) => (position === run ? index : segment))];
        const outermost = node.kind === "module" && this.repeatDepth === 0;
        let y = x;
        for (let i = 0; i < node.instances; i++) {
            const [callsBefore, bytesBefore, attentionBefore] = [this.calls.length, this.bytes, this.attentionBytes];
            const input = y;
            if (node.kind === "module")
                this.repeatDepth++;
            y = this.runInstance(node, input, at(from + i));
            if (node.kind === "module")
                this.repeatDepth--;
            const bytes = this.bytes - bytesBefore;
            if (outermost)
                this.blocks.push({ bytes, inputBytes: this.bytesOf(input), instances: 1 });
            const remaining = node.instances - 1 - i;
            // From the second instance on, an instance that keeps its shape is the steady state: the rest repeat its figures.
            if (remaining > 0 && i >= 1 && sameShape(input.shape, y.shape)) {
                const depth = prefix.length + run;
                for (const call of this.calls.slice(callsBefore)) {
                    const segments = call.segments.map((segment, position) => (position === depth ? { from: from + i + 1, to } : segment));
                    const times = (value) => checked(value * remaining, node.position, "a figure of the repeated instances");
                    this.calls.push({
                        ...call,
                        segments,
                        instances: call.instances * remaining,
                        macs: times(call.macs),
                        attentionMacs: times(call.attentionMacs),
                        savedBytes: times(call.savedBytes),
                        attentionBytes: times(call.attentionBytes),
                    });
                }
                this.bytes += bytes * remaining;
                this.attentionBytes += (this.attentionBytes - attentionBefore) * remaining;
                if (outermost)
                    this.blocks.push({ bytes, inputBytes: this.bytesOf(y), instances: remaining });
                return y;
            }
        }
        return y;
    }
    runInstance(node, x, segments) {
        return node.kind === "leaf" ? this.callLeaf(node, x, segments) : this.runModule(node, x, segments);
    }
    callLeaf(node, x, segments) {
        const layer = this.model.layers[node.layer];
        const { definition, args } = this.describe(node.layer);
        const path = formatPath(segments);
        if (!definition.forward) {
            throw new SpecError("shape-unsupported", layer.position, `shape inference does not follow ${definition.type} yet`, "remove input: from the spec to count without shapes, or replace the layer with ones it follows");
        }
        const input = {
            shape: x.shape,
            mismatch: (name, expects) => {
                throw new SpecError("shape-mismatch", name ? args.position(name) : layer.position, `${path} expects ${expects} (${layer.call.text}), but ${x.producer} produces [${x.shape.join(", ")}]`, "make the layer's arguments match what reaches it, or fix the layer before it");
            },
        };
        return this.applied(definition.forward(args, input), x, path, { layer: node.layer, type: definition.type, segments });
    }
    /** The output of a layer's forward rule on `x`, with what it keeps and its record. */
    applied(result, x, producer, call) {
        const output = result.sharesInput ? { ...x, shape: result.output, producer } : this.fresh(result.output, producer);
        const kept = this.keep(result.saves ?? [], x, output);
        this.record({ ...call, output: result.output, macs: result.macs ?? 0, attentionMacs: result.attentionMacs ?? 0, savedBytes: kept.bytes, attentionBytes: kept.attention });
        return output;
    }
    runModule(node, x, segments) {
        const { forward, residual, branches } = node.topology;
        const aside = new Set([residual?.shortcut, ...(residual?.then ?? [])].flatMap((step) => (step?.kind === "child" ? [step.name] : [])));
        // A repeat split by its index is several children of one name: one step runs them all.
        const steps = forward ??
            node.children
                .filter((child, i) => !aside.has(child.name) && node.children[i - 1]?.name !== child.name)
                .map((child) => ({ kind: "child", name: child.name, position: child.position }));
        if (branches) {
            const outputs = steps.map((step) => this.runStep(node, step, x, segments));
            return outputs.reduce((left, right) => ops_merge(this, branches.merge, left, right, node.position, segments));
        }
        let y = steps.reduce((tensor, step) => this.runStep(node, step, tensor, segments), x);
        if (residual) {
            const shortcut = residual.shortcut && (residual.shortcut.kind === "op" || this.child(node, residual.shortcut.name)) ? this.runStep(node, residual.shortcut, x, segments) : x;
            y = ops_merge(this, residual.merge, y, shortcut, residual.position, segments);
            y = residual.then.reduce((tensor, step) => this.runStep(node, step, tensor, segments), y);
        }
        return y;
    }
    child(module, name) {
        return module.children.find((child) => child.name === name);
    }
    /** A child the step names, or an error at the step naming the children there are. */
    childAt(module, name, position) {
        const child = this.child(module, name);
        if (child)
            return child;
        const names = module.children.map((candidate) => candidate.name);
        const opHint = isOpName(name) ? `write ${name}() for the function, or add a child named ${name}` : undefined;
        throw new SpecError("unknown-child", position, `no child '${name}' in this module`, didYouMean(name, names) ?? opHint ?? `its children are: ${names.join(", ") || "none"}`);
    }
    runStep(module, step, x, segments) {
        if (step.kind === "child") {
            this.childAt(module, step.name, step.position);
            return module.children.filter((child) => child.name === step.name).reduce((tensor, child) => this.runNode(child, tensor, segments), x);
        }
        return runOp(this, module, step.call, x, segments);
    }
}
function checkpointed(inference, checkpointing) {
    if (checkpointing === "selective")
        return inference.bytes - inference.attentionBytes;
    if (checkpointing === "none" || inference.blocks.length === 0)
        return inference.bytes;
    // Full: each block keeps only its input; backward recomputes one block at a time.
    const inside = inference.blocks.reduce((sum, block) => sum + block.bytes * block.instances, 0);
    const inputs = inference.blocks.reduce((sum, block) => sum + block.inputBytes * block.instances, 0);
    return inference.bytes - inside + inputs + Math.max(...inference.blocks.map((block) => block.bytes));
}
/** Follows the spec's input through its layers; undefined when the spec has no `input:`. */
function inferShapes(model, options) {
    if (!model.input)
        return undefined;
    const inference = new Inference(model, options);
    const given = model.input.value;
    const input = given.kind === "tensor" ? [options.batch, ...given.shape] : [options.batch, given.length];
    // Token ids are int64.
    const x = inference.fresh(input, "the input", given.kind === "tokens" ? 8 : options.activationBytes);
    const output = inference.runNode(model.tree, x, []);
    const layers = model.layers.map(() => undefined);
    let macs = 0;
    let attentionMacs = 0;
    for (const call of inference.calls) {
        macs = checked(macs + call.macs, model.input.position, "the model's MACs");
        attentionMacs += call.attentionMacs;
        if (call.layer === undefined)
            continue;
        const layer = (layers[call.layer] ??= { outputShape: call.output, macs: 0, attentionMacs: 0, activationBytes: 0 });
        Object.assign(layer, {
            outputShape: call.output,
            macs: layer.macs + call.macs,
            attentionMacs: layer.attentionMacs + call.attentionMacs,
            activationBytes: layer.activationBytes + call.savedBytes,
        });
    }
    const activations = checkpointed(inference, options.checkpointing);
    return {
        batch: options.batch,
        checkpointing: options.checkpointing,
        input,
        output: output.shape,
        layers,
        totals: { macs, attentionMacs, flops: checked(2 * macs, model.input.position, "the model's FLOPs"), activations, activationsStored: inference.bytes },
        calls: inference.calls,
    };
}

;// CONCATENATED MODULE: ./src/analysis/analyze.ts





/**
 * The whole pure pipeline for one spec file: parse, validate, resolve, count, shapes (when the spec
 * has an `input:`), and memory, which is part of the result when the spec's `training:` or
 * `overrides` (command-line flags) set a recipe.
 */
function analyzeSpec(file, readFile, overrides = {}) {
    // Resolving and counting go on past a layer's error; shapes and memory follow the whole model, so they wait.
    const errors = new DiagnosticCollector();
    const resolved = errors.attempt(() => resolveSpec(file, readFile, errors)) ?? errors.fail();
    const count = countModel(resolved, errors);
    const spec = settingsFromSpec(resolved.training);
    const recipe = trainingRecipe(spec, overrides);
    const shapes = inferShapes(resolved, { batch: recipe.batch.value, checkpointing: recipe.checkpointing.value, activationBytes: recipe.precision.value.activations.bits / 8 });
    // Computed without a recipe too, so that a mistyped dtype: is an error in every run.
    const memory = computeMemory(count, recipe, shapes?.totals.activations);
    const analyzed = shapes ? { ...count, shapes } : count;
    return setsTraining(spec) || setsTraining(overrides) ? { ...analyzed, memory } : analyzed;
}

;// CONCATENATED MODULE: ./src/analysis/json-report.ts

/** Bumped only when a field is removed, renamed or changes meaning; new fields keep it. */
const JSON_REPORT_FORMAT_VERSION = 1;
function shapesJson(shapes) {
    const { macs, attentionMacs, flops, activations } = shapes.totals;
    return { input: shapes.input, output: shapes.output, batch: shapes.batch, checkpointing: shapes.checkpointing, macs, attentionMacs, flops, activations };
}
/** The recipe and the model's bytes by category, and per GPU when the training is spread over several. */
function memoryJson(memory) {
    const { optimizer, precision, dtype, gpus, zero } = memory.recipe;
    return {
        recipe: { optimizer: optimizer?.value.text ?? null, precision: precision.value.name, dtype: dtype ? describeDtype(dtype.value) : null, gpus: gpus.value, zero: zero.value },
        ...memory.bytes,
        ...(memory.perGpu ? { perGpu: memory.perGpu } : {}),
    };
}
/** One analysed spec as the JSON contract. */
function toJsonReport(model) {
    const { memory } = model;
    return {
        // The report's own format, for programs that read it: docs/versions.md.
        formatVersion: JSON_REPORT_FORMAT_VERSION,
        model: model.model,
        file: model.file,
        totals: model.totals,
        ...(memory ? { memory: memoryJson(memory) } : {}),
        ...(model.shapes ? { shapes: shapesJson(model.shapes) } : {}),
        layers: model.layers.map((layer, index) => {
            const layerMemory = memory?.layers[index];
            const layerShapes = model.shapes?.layers[index];
            const dtypeOf = (dtypes, tensor) => (layerMemory ? { dtype: describeDtype(layerMemory[dtypes][tensor]) } : {});
            return {
                path: layer.path,
                type: layer.type,
                count: layer.count,
                params: layer.params,
                trainable: layer.trainable,
                line: layer.position.line,
                column: layer.position.col,
                formula: layer.formula,
                ...(layerMemory ? { memory: layerMemory.bytes } : {}),
                // Over all the entry's instances and calls, unlike the per-instance params.
                ...(layerShapes ? { outputShape: layerShapes.outputShape, macs: layerShapes.macs, activationBytes: layerShapes.activationBytes } : {}),
                parameters: layer.parameters.map((tensor, tensorIndex) => ({
                    name: tensor.name,
                    shape: tensor.shape,
                    numel: tensor.numel,
                    trainable: tensor.trainable,
                    ...(tensor.sharedWith === undefined ? {} : { sharedWith: tensor.sharedWith }),
                    ...dtypeOf("parameterDtypes", tensorIndex),
                })),
                buffers: layer.buffers.map((tensor, tensorIndex) => ({ name: tensor.name, shape: tensor.shape, numel: tensor.numel, ...dtypeOf("bufferDtypes", tensorIndex) })),
            };
        }),
    };
}

;// CONCATENATED MODULE: ./src/analysis/index.ts
/**
 * One spec's whole result, below everything that consumes it: the pure pipeline (analyzeSpec), its
 * in-memory result (AnalyzedModel) and the stable JSON contract every later stage reads (JsonReport).
 */



;// CONCATENATED MODULE: ./src/budget/sizes.ts
/**
 * Human sizes in budget files, read exactly: `25.6M` is 25,600,000, never 25,599,999.99.
 * Decimal digits are kept as integers (BigInt) until the unit is applied, then floored.
 */
const COUNT_UNITS = { "": 1n, K: 1000n, M: 1000n ** 2n, B: 1000n ** 3n, T: 1000n ** 4n };
const BYTE_UNITS = {
    B: 1n,
    KB: 1000n,
    MB: 1000n ** 2n,
    GB: 1000n ** 3n,
    TB: 1000n ** 4n,
    KIB: 1024n,
    MIB: 1024n ** 2n,
    GIB: 1024n ** 3n,
    TIB: 1024n ** 4n,
};
const sizes_NUMBER = /^\s*([0-9][0-9_]*)(?:\.([0-9]+))?\s*(%|[A-Za-z]*)\s*$/;
function sizes_scaled(whole, fraction, unit) {
    const digits = BigInt(`${whole.replaceAll("_", "")}${fraction}`);
    const value = (digits * unit) / 10n ** BigInt(fraction.length);
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
        throw new RangeError(`beyond 2^53`);
    return Number(value);
}
/** Reads `124439808`, `125M`, `24GiB`, `80GB`, `2%`; undefined when the text is none of these. */
function parseQuantity(raw) {
    if (typeof raw === "number")
        return Number.isSafeInteger(raw) && raw >= 0 ? { kind: "count", value: raw } : undefined;
    const match = sizes_NUMBER.exec(raw);
    if (!match)
        return undefined;
    const [, whole = "", fraction = "", unit = ""] = match;
    if (unit === "%")
        return { kind: "percent", value: Number(`${whole.replaceAll("_", "")}.${fraction || "0"}`) };
    const upper = unit.toUpperCase();
    const count = COUNT_UNITS[upper];
    if (count !== undefined)
        return { kind: "count", value: sizes_scaled(whole, fraction, count) };
    const bytes = BYTE_UNITS[upper];
    if (bytes !== undefined)
        return { kind: "bytes", value: sizes_scaled(whole, fraction, bytes) };
    return undefined;
}

;// CONCATENATED MODULE: ./src/budget/budget-file.ts





function budget_file_describe(metric) {
    return metricNamed(metric).unit === "bytes" ? "a memory size such as 24GiB or 80GB" : "a count such as 125M or 7B";
}
/** A quantity as written at `path`; past 2^53 it is an error there, never a float's guess. */
function quantityAt(source, path, raw, what) {
    try {
        return parseQuantity(raw);
    }
    catch {
        throw new SpecError("invalid-limit", source.at(path), `${what} ${String(raw)} is beyond 2^53 and cannot be compared exactly`, "write the limit you mean with a unit, e.g. 7B or 80GiB");
    }
}
function limitAt(source, path, raw, metric) {
    const position = source.at(path);
    const quantity = quantityAt(source, path, raw, `${metric} limit`);
    const wanted = metricNamed(metric).unit;
    // A plain integer is a count of parameters, or of bytes for memory.
    const value = quantity?.kind === wanted || (typeof raw === "number" && quantity) ? quantity.value : undefined;
    if (value === undefined)
        throw new SpecError("invalid-limit", position, `${metric} limit must be ${budget_file_describe(metric)}, not '${String(raw)}'`);
    return { value, text: String(raw), position };
}
function growthAt(source, path, raw, metric) {
    const position = source.at(path);
    const quantity = quantityAt(source, path, raw, `${metric} growth`);
    if (quantity?.kind === "percent")
        return { percent: quantity.value, text: String(raw), position };
    return { amount: limitAt(source, path, raw, metric).value, text: String(raw), position };
}
/** One model's limits; each limit's error goes to `errors` and the next limit is still read. */
function modelBudget(source, path, key, raw, errors) {
    const limits = {};
    const growth = {};
    for (const metric of LIMITED_METRICS) {
        if (raw[metric] !== undefined)
            errors.attempt(() => (limits[metric] = limitAt(source, [...path, metric], raw[metric], metric)));
    }
    if (typeof raw.growth === "object" && raw.growth !== null) {
        for (const [metric, allowance] of Object.entries(raw.growth))
            errors.attempt(() => (growth[metric] = growthAt(source, [...path, "growth", metric], allowance, metric)));
    }
    else if (raw.growth !== undefined) {
        // One allowance for everything: a share or 0 limits every quantity, an amount only those of its kind.
        const quantity = errors.attempt(() => quantityAt(source, [...path, "growth"], raw.growth, "growth"));
        for (const metric of GROWTH_METRICS) {
            // A count is of parameters: MACs and FLOPs take a share, 0, or their own entry under growth:.
            const definition = metricNamed(metric);
            const ofItsKind = definition.sharedGrowthAmount && definition.unit === (quantity?.kind === "bytes" ? "bytes" : "count");
            const applies = quantity?.kind === "percent" || quantity?.value === 0 || ofItsKind;
            if (applies)
                errors.attempt(() => (growth[metric] = growthAt(source, [...path, "growth"], raw.growth, metric)));
        }
    }
    const modules = Object.entries((raw.modules ?? {})).flatMap(([glob, moduleRaw]) => errors.attempt(() => [
        {
            glob,
            position: source.keyAt([...path, "modules", glob]),
            ...(moduleRaw.params === undefined ? {} : { params: limitAt(source, [...path, "modules", glob, "params"], moduleRaw.params, "params") }),
            ...(moduleRaw.trainable === undefined ? {} : { trainable: limitAt(source, [...path, "modules", glob, "trainable"], moduleRaw.trainable, "trainable") }),
        },
    ]) ?? []);
    return {
        key,
        position: source.keyAt(path),
        limits,
        growth,
        modules,
        ...(typeof raw.against === "string" ? { against: { path: raw.against, position: source.at([...path, "against"]) } } : {}),
    };
}
/** Reads and validates a budget file; every problem is a positioned error, all of them reported together. */
function parseBudget(text, file) {
    const source = parseYaml(text, file);
    validateBudget(source);
    const data = source.data;
    const errors = new DiagnosticCollector();
    const budget = {
        file,
        ...(data.defaults ? { defaults: modelBudget(source, ["defaults"], "defaults", data.defaults, errors) } : {}),
        models: Object.entries(data.models).map(([key, raw]) => modelBudget(source, ["models", key], key, raw, errors)),
    };
    errors.throwIfAny();
    return budget;
}

;// CONCATENATED MODULE: ./src/diff/index.ts
function layerStates(report) {
    return report.layers.map((layer) => ({
        path: layer.path,
        type: layer.type,
        count: layer.count,
        params: layer.params * layer.count,
        formula: layer.formula,
        line: layer.line,
    }));
}
/** A repeat that grows from 12 to 24 instances is the same entry changed, not one removed and one added. */
function identity(path) {
    return path.replace(/\[\d+-\d+\]/g, "[*]");
}
/** What a layer is apart from where it sits: a moved layer keeps this. */
function content(layer) {
    return `${layer.type}\u0000${layer.count}\u0000${layer.params}\u0000${layer.formula.slice(layer.formula.indexOf(":"))}`;
}
/**
 * Per-layer differences between two reports of one model: added, removed, changed (parameters or
 * type), and moved (removed in one place, added with identical content in another). Head order.
 */
function diffLayers(base, head) {
    const before = new Map(layerStates(base).map((layer) => [identity(layer.path), layer]));
    const changes = [];
    const unchanged = [];
    const added = [];
    for (const after of layerStates(head)) {
        const key = identity(after.path);
        const previous = before.get(key);
        if (!previous) {
            added.push(after);
            continue;
        }
        before.delete(key);
        // More instances of a parameter-free layer (a dropout in a longer repeat) change nothing a reviewer budgets.
        const same = previous.params === after.params && previous.type === after.type && (previous.count === after.count || after.params === 0);
        if (same)
            unchanged.push(after);
        else
            changes.push({ kind: "changed", before: previous, after, delta: after.params - previous.params });
    }
    const removed = [...before.values()];
    for (const after of added) {
        const index = removed.findIndex((candidate) => content(candidate) === content(after));
        if (index >= 0 && after.params > 0)
            changes.push({ kind: "moved", before: removed.splice(index, 1)[0], after });
        else
            changes.push({ kind: "added", after });
    }
    changes.push(...removed.map((layer) => ({ kind: "removed", before: layer })));
    return { changes, unchanged };
}
/** The parameters a change adds (negative when it removes them). */
function changeDelta(change) {
    switch (change.kind) {
        case "added":
            return change.after.params;
        case "removed":
            return -change.before.params;
        case "changed":
            return change.delta;
        case "moved":
            return 0;
    }
}

;// CONCATENATED MODULE: ./src/orchestrator/index.ts







function isMissing(error) {
    return error.code === "ENOENT";
}
/** Runs a pipeline step, turning user errors into diagnostics and missing files into absence. */
function attempt(work) {
    try {
        return { value: work() };
    }
    catch (error) {
        if (isMissing(error))
            return { absent: true };
        const found = userErrors(error);
        if (!found)
            throw error;
        return { diagnostics: found.map(toDiagnostic) };
    }
}
function analyze(file, side, overrides) {
    const outcome = attempt(() => analyzeSpec(file, side.read, overrides));
    if ("value" in outcome)
        return { state: { kind: "report", report: toJsonReport(outcome.value) }, model: outcome.value };
    if ("absent" in outcome)
        return { state: { kind: "absent" } };
    return { state: { kind: "invalid", diagnostics: outcome.diagnostics } };
}
/** Compares the spec's tensors with a checkpoint's: a missing, extra, renamed or resized tensor is an error at its spec line. */
function crossCheckWith(model, file, read) {
    const outcome = attempt(() => crossCheck(model, read(file)));
    if ("value" in outcome)
        return { file, diagnostics: outcome.value.map(toDiagnostic) };
    if ("absent" in outcome)
        return {
            file,
            diagnostics: [diagnostic("file-unreadable", { file, line: 1, col: 1 }, `checkpoint ${file} does not exist`, "fix the path in against:, relative to the repository root")],
        };
    return { file, diagnostics: outcome.diagnostics };
}
function readBudget(side, file) {
    if (!side)
        return { diagnostics: [], missing: true };
    const outcome = attempt(() => parseBudget(side.read(file), file));
    if ("value" in outcome)
        return { budget: outcome.value, diagnostics: [], missing: false };
    if ("absent" in outcome)
        return { diagnostics: [], missing: true };
    return { diagnostics: outcome.diagnostics, missing: false };
}
function settings(entry) {
    const result = new Map();
    for (const metric of METRIC_NAMES) {
        const limit = entry.limits[metric];
        if (limit)
            result.set(metric, { text: limit.text, line: limit.position.line });
        const growth = entry.growth[metric];
        if (growth)
            result.set(`growth ${metric}`, { text: growth.text, line: growth.position.line });
    }
    for (const module of entry.modules) {
        if (module.params)
            result.set(`${module.glob} params`, { text: module.params.text, line: module.params.position.line });
        if (module.trainable)
            result.set(`${module.glob} trainable`, { text: module.trainable.text, line: module.trainable.position.line });
    }
    return result;
}
/** Every limit the change adds, removes or edits: old limit → new limit, with its line in the head file. */
function budgetChanges(base, head) {
    const entries = (budget) => new Map([...(budget?.defaults ? [budget.defaults] : []), ...(budget?.models ?? [])].map((entry) => [entry.key, settings(entry)]));
    const before = entries(base);
    const after = entries(head);
    const changes = [];
    for (const key of new Set([...after.keys(), ...before.keys()])) {
        const old = before.get(key) ?? new Map();
        const now = after.get(key) ?? new Map();
        for (const setting of new Set([...now.keys(), ...old.keys()])) {
            const was = old.get(setting);
            const is = now.get(setting);
            if (was?.text === is?.text)
                continue;
            changes.push({ key, setting, ...(was ? { before: was.text } : {}), ...(is ? { after: is.text, line: is.line } : {}) });
        }
    }
    return changes;
}
/** Budget entries no spec matched (a typo, a renamed or deleted model), each with the likeliest key it meant. */
function unmatchedEntries(budget, models) {
    const matched = new Set(models.flatMap((model) => (model.budget ? [model.budget.entry.key] : [])));
    const names = models.flatMap((model) => [model.file, ...[model.head, model.base].flatMap((side) => (side?.kind === "report" ? [side.report.model] : []))]);
    return (budget?.models ?? [])
        .filter((entry) => !matched.has(entry.key))
        .map((entry) => {
        const suggestion = closestName(entry.key, new Set(names));
        return { key: entry.key, line: entry.position.line, col: entry.position.col, ...(suggestion === undefined ? {} : { suggestion }) };
    });
}
/** The whole check: every spec at head (and base), the diff, the budget, and one status. */
function runCheck(request) {
    const headBudget = readBudget(request.head, request.budgetFile);
    const baseBudget = readBudget(request.base, request.budgetFile);
    const enforced = request.budgetFrom === "base" && request.base ? baseBudget : headBudget;
    const files = [...new Set([...request.head.specs, ...(request.base?.specs ?? [])])];
    const models = files.map((file) => {
        const overrides = request.overrides ?? {};
        const absent = { state: { kind: "absent" } };
        const analysis = request.head.specs.includes(file) ? analyze(file, request.head, overrides) : absent;
        const head = analysis.state;
        const base = request.base ? (request.base.specs.includes(file) ? analyze(file, request.base, overrides) : absent).state : undefined;
        const result = { file, head, ...(base ? { base } : {}), status: head.kind === "invalid" ? "fail" : "pass" };
        if (head.kind !== "report")
            return result;
        const baseReport = base?.kind === "report" ? base.report : undefined;
        if (baseReport)
            result.diff = diffLayers(baseReport, head.report);
        const entry = enforced.budget && budgetFor(enforced.budget, head.report, baseReport?.model);
        if (entry) {
            result.budget = evaluateBudget(entry, head.report, baseReport, request.failOn);
            if (baseReport && entry.key === baseReport.model && entry.key !== head.report.model && entry.key !== file)
                result.budget.renamedFrom = baseReport.model;
            result.status = result.budget.status;
        }
        const against = request.against ?? entry?.against?.path;
        if (against && request.readCheckpoint && analysis.model) {
            result.checkpoint = crossCheckWith(analysis.model, against, request.readCheckpoint);
            if (result.checkpoint.diagnostics.length)
                result.status = "fail";
        }
        return result;
    });
    const budget = {
        file: request.budgetFile,
        state: enforced.missing ? "missing" : enforced.budget ? "ok" : "invalid",
        from: request.budgetFrom === "base" && request.base ? "base" : "head",
        diagnostics: enforced.diagnostics,
        changes: request.base ? budgetChanges(baseBudget.budget, headBudget.budget) : [],
        unmatched: unmatchedEntries(enforced.budget, models),
    };
    const statuses = [...models.map((model) => model.status), budget.state === "invalid" ? "fail" : "pass", budget.unmatched.length ? "warn" : "pass"];
    return {
        status: worst(statuses),
        failOn: request.failOn,
        ...(request.base ? { baseRef: request.base.ref } : {}),
        models,
        budget,
    };
}
/** A budget entry that matched no spec, as a warning at its key with what to do. */
function unmatchedWarning(budgetFile, entry) {
    return diagnostic("unmatched-budget-entry", { file: budgetFile, line: entry.line, col: entry.col ?? 1 }, `budget entry '${entry.key}' matches no spec, so none of its limits is checked`, `${entry.suggestion === undefined ? "" : `did you mean '${entry.suggestion}'? `}Key each entry by a spec's model: name or its path.`);
}

;// CONCATENATED MODULE: ./src/report/escape.ts

/**
 * Makes text from a spec (layer names, model names, paths: all written by whoever opened the PR)
 * inert in GitHub markdown: no HTML, no table breaks, no links, no @-mentions, no formatting.
 */
const ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "|": "&#124;",
    "`": "&#96;",
    "*": "&#42;",
    _: "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "(": "&#40;",
    ")": "&#41;",
    "@": "&#64;",
    "#": "&#35;",
    "\\": "&#92;",
    "~": "&#126;",
    "!": "&#33;",
    ":": "&#58;",
};
/** The most characters of one name, path or message a comment shows; the rest is elided. */
const LONGEST_SHOWN = 500;
/** At most `longest` characters, cut at a character (never inside a surrogate pair) and marked with an ellipsis. */
function ellipsize(text, longest = LONGEST_SHOWN) {
    if (text.length <= longest)
        return text;
    const cut = /[\uD800-\uDBFF]/.test(text[longest - 2] ?? "") ? longest - 2 : longest - 1;
    return `${text.slice(0, cut)}…`;
}
function escapeMarkdown(text) {
    return (forTerminal(ellipsize(text).replace(/[\r\n\t]+/g, " "))
        .replace(/[&<>"|`*_[\]()@#\\~!:]/g, (ch) => ENTITIES[ch])
        // GFM links `www.example.com` on its own; an entity for the dot keeps it text.
        .replace(/(www)\./gi, "$1&#46;"));
}

;// CONCATENATED MODULE: ./src/report/layer-table.ts


const SHAPES_SHOWN = 3;
function shapes(layer) {
    const listed = layer.parameters.map((tensor) => `${tensor.name || "tensor"} [${tensor.shape.join(", ")}]${tensor.sharedWith ? " (shared)" : ""}`);
    if (listed.length <= SHAPES_SHOWN)
        return listed.join(", ");
    return `${listed.slice(0, SHAPES_SHOWN).join(", ")} +${listed.length - SHAPES_SHOWN} more`;
}
function percent(part, whole) {
    if (whole === 0)
        return "–";
    const share = (100 * part) / whole;
    return share > 0 && share < 0.05 ? "<0.1%" : `${share.toFixed(1)}%`;
}
/** Whether a layer has anything to count; layers that don't are folded unless asked for. */
function holdsTensors(layer) {
    return layer.parameters.length > 0 || layer.buffers.length > 0;
}
function isShown(layer, options) {
    return options.all || holdsTensors(layer);
}
/**
 * Per-layer rows (path, type, shapes, instances, params, share) and the totals under them; with an
 * input, each entry's output shape, MACs and activation bytes (all instances together); with a
 * training recipe, a Memory column of each entry's bytes over all its instances.
 */
function layerTable(model, options) {
    const total = model.totals.params;
    const size = (bytes) => formatBytes(bytes, options.units);
    const memoryColumn = (cell) => (model.memory ? [cell(model.memory)] : []);
    const shapeColumns = (cells) => (model.shapes ? cells(model.shapes) : []);
    const blank = shapeColumns(() => ["", "", ""]);
    const rows = model.layers.flatMap((layer, index) => {
        if (!isShown(layer, options))
            return [];
        const params = layer.params * layer.count;
        const memory = memoryColumn((breakdown) => size(breakdown.layers[index].bytes.total * layer.count));
        const called = shapeColumns((shapes) => {
            const figures = shapes.layers[index];
            return figures ? [`[${figures.outputShape.join(", ")}]`, formatInteger(figures.macs), size(figures.activationBytes)] : ["not called", "", ""];
        });
        return [[layer.path, layer.type, shapes(layer), layer.count === 1 ? "" : String(layer.count), formatInteger(params), percent(params, total), ...called, ...memory]];
    });
    return {
        headers: ["Layer", "Type", "Parameter shapes", "×", "Params", "Share", ...shapeColumns(() => ["Output shape", "MACs", "Activations"]), ...memoryColumn(() => "Memory")],
        align: ["left", "left", "left", "right", "right", "right", ...shapeColumns(() => ["left", "right", "right"]), ...memoryColumn(() => "right")],
        rows,
        footer: [
            [
                "Total",
                "",
                "",
                "",
                formatInteger(total),
                percent(total, total),
                ...shapeColumns((shapes) => [`[${shapes.output.join(", ")}]`, formatInteger(shapes.totals.macs), size(shapes.totals.activationsStored)]),
                ...memoryColumn((breakdown) => size(breakdown.bytes.total)),
            ],
            ["Trainable", "", "", "", formatInteger(model.totals.trainable), percent(model.totals.trainable, total), ...blank, ...memoryColumn(() => "")],
            ["Non-trainable", "", "", "", formatInteger(model.totals.nonTrainable), percent(model.totals.nonTrainable, total), ...blank, ...memoryColumn(() => "")],
            ["Buffers (elements)", "", "", "", formatInteger(model.totals.buffers), "", ...blank, ...memoryColumn(() => "")],
        ],
    };
}
/**
 * The forward pass in a few lines: input and output shapes, MACs and FLOPs with their convention,
 * and the activations of a training step with the checkpointing that applies.
 */
function shapeLines(shapes, units) {
    const { macs, attentionMacs, flops, activations, activationsStored } = shapes.totals;
    const attention = attentionMacs ? ` (${formatInteger(attentionMacs)} in attention's Q·Kᵀ and scores·V, the rest in projections and layers)` : "";
    const checkpointing = shapes.checkpointing === "none" ? "" : ` with ${shapes.checkpointing} checkpointing (${formatBytes(activationsStored, units)} without)`;
    return [
        `Forward pass: input [${shapes.input.join(", ")}] → output [${shapes.output.join(", ")}] at batch ${shapes.batch}`,
        `MACs: ${formatInteger(macs)}${attention}; FLOPs = 2 × MACs = ${formatInteger(flops)} (fvcore's convention: one MAC per weight use in convolutions, linear layers and attention products)`,
        `Activations kept for backward: ${formatBytes(activations, units)}${checkpointing}`,
    ];
}
/** A line saying how many parameter-free layers the table folds, or undefined when none are. */
function foldedNote(count, options) {
    const folded = options.all ? 0 : count.layers.filter((layer) => !holdsTensors(layer)).length;
    return folded ? `${folded} parameter-free layer entr${folded === 1 ? "y" : "ies"} not shown (--all lists them)` : undefined;
}
/** `path: formula` lines for --explain, with the instance count when an entry repeats, and its MACs when it has any. */
function formulaLines(model, options) {
    return model.layers.flatMap((layer, index) => {
        if (!isShown(layer, options))
            return [];
        const times = layer.count === 1 ? "" : ` (× ${formatInteger(layer.count)} = ${formatInteger(layer.params * layer.count)})`;
        const figures = model.shapes?.layers[index];
        const macs = figures?.macs ? `; MACs ${formatInteger(figures.macs)} → [${figures.outputShape.join(", ")}]` : "";
        return [`${layer.path}: ${layer.formula}${times}${macs}`];
    });
}

;// CONCATENATED MODULE: ./src/report/memory-table.ts




const UNITS_NOTE = { iec: "IEC units, 1 KiB = 1,024 B", si: "SI units, 1 kB = 1,000 B" };
const capitalized = (text) => text.charAt(0).toUpperCase() + text.slice(1);
/** `training with AdamW in mixed-bf16 on 64 GPUs, ZeRO stage 3`, or `inference in fp32: weights and buffers only`. */
function memoryHeading(memory, units) {
    const { optimizer, precision, gpus, zero } = memory.recipe;
    const mode = optimizer ? `training with ${optimizer.value.text} in ${precision.value.name}` : `inference in ${precision.value.name}: weights and buffers only`;
    const spread = gpus.value > 1 ? ` on ${gpus.value} GPUs, ZeRO stage ${zero.value}` : "";
    return `Memory: ${mode}${spread} (${UNITS_NOTE[units]})`;
}
/**
 * Bytes by category, exact and in human units, per GPU when sharded. Training adds the reading of
 * weights + optimizer state beside the total: the "× 3" rule of thumb for fp32 Adam.
 */
function memoryTable(memory, units) {
    const { bytes, perGpu, recipe } = memory;
    const cells = (pick) => {
        const values = [pick(bytes), ...(perGpu ? [pick(perGpu)] : [])];
        return values.flatMap((value) => [formatInteger(value), formatBytes(value, units)]);
    };
    const shown = recipe.optimizer ? CATEGORIES.filter((category) => category !== "activations" || bytes.activations > 0) : ["weights", "buffers"];
    const { times } = weightsAndState(bytes);
    const ratio = times === undefined ? "" : ` (${times} × weights)`;
    return {
        headers: ["Memory", "Bytes", "Size", ...(perGpu ? [`Per GPU (${recipe.gpus.value} GPUs, ZeRO stage ${recipe.zero.value})`, "Size per GPU"] : [])],
        align: ["left", "right", "right", ...(perGpu ? ["right", "right"] : [])],
        rows: shown.map((category) => [capitalized(CATEGORY_NAMES[category]), ...cells((figures) => figures[category])]),
        footer: [
            ["Total", ...cells((figures) => figures.total)],
            ...(recipe.optimizer ? [[`Weights + optimizer state${ratio}`, ...cells((figures) => weightsAndState(figures).bytes)]] : []),
        ],
    };
}
/** For --explain: the model's memory arithmetic, then each shown layer's, per instance; nested lines are indented. */
function memoryFormulaLines(model, memory, options) {
    const layerLines = model.layers.flatMap((layer, index) => {
        const { terms, bytes } = memory.layers[index];
        const lines = categoryLines(terms, bytes);
        if (!isShown(layer, options) || lines.length === 0)
            return [];
        const times = layer.count === 1 ? "" : ` per instance (× ${formatInteger(layer.count)} = ${formatInteger(bytes.total * layer.count)} B)`;
        return [`${layer.path}: ${formatInteger(bytes.total)} B${times}`, ...lines.map((line) => `  ${line}`)];
    });
    return [...modelMemoryLines(memory), ...layerLines];
}

;// CONCATENATED MODULE: ./src/report/markdown.ts



function renderMarkdownTable(table) {
    const row = (cells, bold = false) => `| ${cells.map((cell, index) => (bold && index === 0 ? `**${escapeMarkdown(cell)}**` : escapeMarkdown(cell))).join(" | ")} |`;
    const rule = `|${table.align.map((align) => (align === "right" ? " ---: " : " --- ")).join("|")}|`;
    return [row(table.headers), rule, ...table.rows.map((cells) => row(cells)), ...table.footer.map((cells) => row(cells, true))].join("\n");
}
/** Lines as a list in a collapsed section; a line's leading spaces nest it under the line before. */
function details(summary, lines) {
    const items = lines.map((line) => {
        const indent = /^ */.exec(line)[0];
        return `${indent}- ${escapeMarkdown(line.slice(indent.length))}`;
    });
    return ["", `<details><summary>${summary}</summary>`, "", ...items, "", "</details>"];
}
/** The report as GitHub-flavoured markdown; every name from the spec is escaped. */
function formatMarkdown(model, options) {
    const { memory } = model;
    const units = options.units ?? "iec";
    const parts = [`### ${escapeMarkdown(model.model)}`, "", `Spec: ${escapeMarkdown(model.file)}`, "", renderMarkdownTable(layerTable(model, options))];
    const note = foldedNote(model, options);
    if (note)
        parts.push("", `<sub>${escapeMarkdown(note)}</sub>`);
    if (model.shapes)
        parts.push("", ...shapeLines(model.shapes, units).map((line) => `${escapeMarkdown(line)}  `));
    if (memory)
        parts.push("", escapeMarkdown(memoryHeading(memory, units)), "", renderMarkdownTable(memoryTable(memory, units)));
    if (options.explain)
        parts.push(...details("Formulas", formulaLines(model, options)));
    if (options.explain && memory)
        parts.push(...details("Memory formulas", memoryFormulaLines(model, memory, options)));
    return `${parts.join("\n")}\n`;
}

;// CONCATENATED MODULE: ./src/report/text.ts


function renderText(table) {
    const all = [table.headers, ...table.rows, ...table.footer];
    const widths = table.headers.map((_, column) => Math.max(...all.map((row) => [...row[column]].length)));
    const line = (row) => row
        .map((cell, column) => (table.align[column] === "right" ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
        .join("  ")
        .trimEnd();
    const rule = widths.map((width) => "─".repeat(width)).join("  ");
    return [line(table.headers), rule, ...table.rows.map(line), rule, ...table.footer.map(line)].join("\n");
}
/**
 * The terminal report: a heading, the layer table with totals, the memory of the training recipe
 * when there is one and, with explain, each formula.
 */
function formatText(model, options) {
    const { memory } = model;
    const units = options.units ?? "iec";
    const parts = [`${model.model} (${model.file})`, "", renderText(layerTable(model, options))];
    const note = foldedNote(model, options);
    if (note)
        parts.push(note);
    if (model.shapes)
        parts.push("", ...shapeLines(model.shapes, units));
    if (memory)
        parts.push("", memoryHeading(memory, units), renderText(memoryTable(memory, units)));
    if (options.explain)
        parts.push("", "Formulas:", ...formulaLines(model, options).map((line) => `  ${line}`));
    if (options.explain && memory)
        parts.push("", "Memory formulas:", ...memoryFormulaLines(model, memory, options).map((line) => `  ${line}`));
    return `${parts.join("\n")}\n`;
}

;// CONCATENATED MODULE: ./src/report/index.ts






const REPORT_FORMATS = ["table", "markdown", "json"];
/** Renders one or more counted specs; JSON gives one object, or an array for several specs. */
function renderReport(models, format, options) {
    if (format === "json") {
        const reports = models.map(toJsonReport);
        return `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`;
    }
    const render = format === "markdown" ? formatMarkdown : formatText;
    return models.map((model) => render(model, options)).join("\n");
}

;// CONCATENATED MODULE: ./src/orchestrator/pull-request.ts




/** GitHub refuses comment bodies over 65,536 characters. */
const COMMENT_LIMIT = 65_536;
function commentMarker(key) {
    return `<!-- model-budget:${key.replace(/-->/g, "")} -->`;
}
const ICON = { pass: "✅", warn: "⚠️", fail: "❌" };
const CHANGES_SHOWN = 50;
function signed(value, format) {
    return value > 0 ? `+${format(value)}` : value < 0 ? `−${format(-value)}` : "±0";
}
function share(delta, base) {
    if (delta === 0)
        return "";
    if (base === 0)
        return " (new)";
    const percent = (100 * delta) / base;
    return ` (${percent > 0 ? "+" : percent < 0 ? "−" : "±"}${Math.abs(percent).toFixed(Math.abs(percent) < 0.1 && percent !== 0 ? 3 : 1)}%)`;
}
function quantityCells(metric, head, base, isNew) {
    const after = head?.[metric];
    const before = base?.[metric];
    const format = (value) => formatMetric(metric, value);
    if (after === undefined)
        return ["–", before === undefined ? "" : signed(-before, format)];
    if (before === undefined)
        return [format(after), isNew ? "new" : ""];
    return [format(after), `${signed(after - before, format)}${share(after - before, before)}`];
}
function modelName(model) {
    if (model.head.kind === "report")
        return model.head.report.model;
    if (model.base?.kind === "report")
        return model.base.report.model;
    return model.file;
}
function sideNote(model) {
    if (model.head.kind === "absent")
        return "deleted in this change";
    if (model.head.kind === "invalid")
        return `invalid spec (${model.head.diagnostics.length} error${model.head.diagnostics.length === 1 ? "" : "s"})`;
    if (!model.base)
        return "";
    if (model.base.kind === "absent")
        return "new in this change";
    if (model.base.kind === "invalid")
        return "invalid at base: compared without a diff";
    return "";
}
/** The registry's columns: those always shown, and the rest when some model reports them. */
function columnsOf(result) {
    const reported = (metric) => result.models.some((model) => model.head.kind === "report" && metric.read(model.head.report) !== undefined);
    return METRICS.filter((metric) => metric.column === "always" || (metric.column === "when-reported" && reported(metric)));
}
function totalsTable(result) {
    const columns = columnsOf(result);
    const header = ["Model", ...columns.flatMap((metric) => [metric.title, "Δ"]), "Status"];
    const rows = result.models.map((model) => {
        const head = model.head.kind === "report" ? quantitiesOf(model.head.report) : undefined;
        const base = model.base?.kind === "report" ? quantitiesOf(model.base.report) : undefined;
        const isNew = model.base?.kind === "absent";
        const note = sideNote(model);
        return [`${escapeMarkdown(modelName(model))}${note ? ` <sub>${escapeMarkdown(note)}</sub>` : ""}`, ...columns.flatMap((metric) => quantityCells(metric.name, head, base, isNew)), ICON[model.status]];
    });
    return [
        `| ${header.join(" | ")} |`,
        `|${header.map((_, i) => (i === 0 || i === header.length - 1 ? " --- " : " ---: ")).join("|")}|`,
        ...rows.map((row) => `| ${row.join(" | ")} |`),
    ];
}
function changeRow(change) {
    const delta = changeDelta(change);
    const layer = change.kind === "removed" ? change.before : change.after;
    const before = change.kind === "added" ? "–" : formatInteger(change.before.params);
    const after = change.kind === "removed" ? "–" : formatInteger(change.after.params);
    const what = change.kind === "moved"
        ? `moved from ${escapeMarkdown(change.before.path)}`
        : change.kind === "changed" && change.before.count !== change.after.count
            ? `× ${change.before.count} → ${change.after.count}`
            : change.kind;
    const base = change.kind === "added" ? 0 : change.before.params;
    return `| ${escapeMarkdown(layer.path)} | ${escapeMarkdown(layer.type)} | ${what} | ${before} | ${after} | ${signed(delta, formatInteger)}${share(delta, base)} |`;
}
function pull_request_layerTable(rows) {
    return ["| Layer | Type | Change | Before | After | Δ |", "| --- | --- | --- | ---: | ---: | ---: |", ...rows];
}
function limitRow(row) {
    const actual = row.actual === undefined ? "not computed" : formatMetric(row.metric, row.actual);
    const headroom = row.actual === undefined ? "–" : `${signed(row.limit.value - row.actual, (value) => formatMetric(row.metric, value))}${share(row.limit.value - row.actual, row.limit.value)}`;
    return `| ${escapeMarkdown(row.label)} | ${escapeMarkdown(row.limit.text)} | ${actual} | ${headroom} | ${ICON[row.status]} |`;
}
function growthRow(row) {
    return `| growth of ${row.metric} | ${escapeMarkdown(row.allowance.text)} (${formatMetric(row.metric, row.allowed)}) | ${signed(row.head - row.base, (value) => formatMetric(row.metric, value))} | ${signed(row.allowed - (row.head - row.base), (value) => formatMetric(row.metric, value))} | ${ICON[row.status]} |`;
}
function diagnosticLines(diagnostics) {
    return diagnostics.map((problem) => `- \`${escapeMarkdown(`${problem.file}:${problem.line}:${problem.col}`)}\` ${escapeMarkdown(problem.message)}${problem.hint ? ` — ${escapeMarkdown(problem.hint)}` : ""}`);
}
function modelSection(model, context) {
    const essential = [`#### ${ICON[model.status]} ${escapeMarkdown(modelName(model))} — ${escapeMarkdown(model.file)}`, ""];
    const optional = [];
    if (model.head.kind === "invalid")
        essential.push(...diagnosticLines(model.head.diagnostics), "");
    if (model.checkpoint) {
        const { file, diagnostics } = model.checkpoint;
        essential.push(diagnostics.length ? `**The spec and the checkpoint ${escapeMarkdown(file)} differ:**` : `✅ Every tensor matches the checkpoint ${escapeMarkdown(file)}.`, ...diagnosticLines(diagnostics), "");
    }
    if (model.budget) {
        essential.push("| Budget | Limit | Actual | Headroom | |", "| --- | ---: | ---: | ---: | --- |", ...model.budget.limits.map(limitRow), ...model.budget.growth.map(growthRow), "");
        if (model.budget.renamedFrom !== undefined) {
            essential.push(`This change renames the model from ${escapeMarkdown(model.budget.renamedFrom)} to ${escapeMarkdown(modelName(model))}: its budget entry ${escapeMarkdown(model.budget.renamedFrom)} still applies, matched by the spec's path.`, "");
        }
    }
    const diff = model.diff;
    if (diff && diff.changes.length) {
        const sorted = [...diff.changes].sort((a, b) => Math.abs(changeDelta(b)) - Math.abs(changeDelta(a)));
        const shown = sorted.slice(0, context.changesShown ?? CHANGES_SHOWN).map(changeRow);
        const more = sorted.length - shown.length;
        essential.push(`**${diff.changes.length} changed layer entr${diff.changes.length === 1 ? "y" : "ies"}**`, "", ...pull_request_layerTable(shown), ...(more ? [``, `…and ${more} more. ${context.fullReportHint}`] : []), "");
        const formulas = sorted.flatMap((change) => (change.kind === "removed" ? [] : [`- ${escapeMarkdown(change.after.path)}: ${escapeMarkdown(change.after.formula)}`]));
        if (formulas.length)
            optional.push(["<details><summary>Formulas of changed layers</summary>", "", ...formulas, "", "</details>", ""]);
    }
    else if (diff) {
        essential.push("No layer changed.", "");
    }
    const unchanged = diff ? diff.unchanged : model.head.kind === "report" ? layerStates(model.head.report) : [];
    const withParams = unchanged.filter((layer) => layer.params > 0);
    if (withParams.length) {
        optional.push([
            `<details><summary>${diff ? "Unchanged layers" : "Layers"} (${withParams.length})</summary>`,
            "",
            "| Layer | Type | × | Params |",
            "| --- | --- | ---: | ---: |",
            ...withParams.map((layer) => `| ${escapeMarkdown(layer.path)} | ${escapeMarkdown(layer.type)} | ${layer.count === 1 ? "" : layer.count} | ${formatInteger(layer.params)} |`),
            "",
            "</details>",
            "",
        ]);
    }
    return { essential, optional };
}
function headline(result) {
    const failing = result.models.filter((model) => model.status === "fail").length + (result.budget.state === "invalid" ? 1 : 0);
    const warning = result.models.filter((model) => model.status === "warn").length;
    if (result.status === "fail")
        return `### ❌ model-budget: ${failing} check${failing === 1 ? "" : "s"} failed`;
    if (result.status === "warn")
        return `### ⚠️ model-budget: ${warning || 1} warning${warning > 1 ? "s" : ""}`;
    return result.budget.state === "ok" ? "### ✅ model-budget: every budget holds" : "### ✅ model-budget: report";
}
function budgetNotes(result) {
    const budget = result.budget;
    const notes = [];
    if (budget.changes.length) {
        notes.push(`> [!WARNING]`, `> **This change edits the budget file ${escapeMarkdown(budget.file)}**${budget.from === "head" ? " and the edited limits are the ones enforced" : " (the base branch's limits are enforced)"}:`, ...budget.changes.map((change) => `> - ${escapeMarkdown(change.key)} · ${escapeMarkdown(change.setting)}: ${change.before === undefined ? "none" : escapeMarkdown(change.before)} → ${change.after === undefined ? "removed" : escapeMarkdown(change.after)}${change.line ? ` (line ${change.line})` : ""}`), "");
    }
    if (budget.state === "missing") {
        notes.push(`No budget file at ${escapeMarkdown(budget.file)}: this is a report only. Create one with \`model-budget init SPEC... --headroom 10%\` and commit it to enforce limits.`, "");
    }
    if (budget.state === "invalid")
        notes.push(`**The budget file is invalid**, so no limit could be checked:`, ...diagnosticLines(budget.diagnostics), "");
    if (budget.unmatched.length) {
        const described = budget.unmatched.map((entry) => `${escapeMarkdown(entry.key)} (line ${entry.line}${entry.suggestion === undefined ? "" : `; did you mean ${escapeMarkdown(entry.suggestion)}?`})`);
        notes.push(`Budget entries that match no spec: ${described.join(", ")}. Key each entry by a spec's \`model:\` name or its path.`, "");
    }
    return notes;
}
/**
 * The sticky PR comment: status line, totals with deltas, per-model budget rows and changed layers,
 * unchanged layers folded. Cut to GitHub's limit by dropping folded detail first.
 */
function renderPullRequestComment(result, context) {
    const compared = result.baseRef ? `Compared with base \`${escapeMarkdown(result.baseRef.slice(0, 12))}\`.` : "No base commit to compare with.";
    const head = [commentMarker(context.key), headline(result), "", compared, "", ...totalsTable(result), "", ...budgetNotes(result)];
    const sections = result.models.map((model) => modelSection(model, context));
    const footer = ["---", `<sub>Counted by model-budget exactly as PyTorch's \`parameters()\`${context.runUrl ? ` · [workflow run](${context.runUrl})` : ""}</sub>`];
    const limit = context.limit ?? COMMENT_LIMIT;
    const assemble = (dropped) => {
        const body = sections.flatMap((section) => [...section.essential, ...section.optional.slice(0, Math.max(0, section.optional.length - dropped)).flat()]);
        return [...head, ...body, ...footer].join("\n");
    };
    const bytes = context.measure === "bytes";
    const size = (text) => (bytes ? Buffer.byteLength(text, "utf8") : text.length);
    for (let dropped = 0; dropped <= 2; dropped++) {
        const text = assemble(dropped);
        if (size(text) <= limit)
            return text;
    }
    // A blank line before the footer's rule: right under a paragraph, `---` would make the notice a heading.
    const tail = `\n\n**The report is too long for a comment and was cut here.** ${context.fullReportHint}\n\n${footer.join("\n")}`;
    const room = limit - size(tail);
    const text = assemble(2);
    // Cut at the last whole line that fits; a character split by the byte cut goes with its line.
    const kept = bytes ? Buffer.from(text, "utf8").subarray(0, room).toString("utf8") : text.slice(0, room);
    return kept.replace(/\n[^\n]*$/, "") + tail;
}

;// CONCATENATED MODULE: ./src/cli/training-flags.ts




/** The flags that set or override a spec's `training:` section. */
const TRAINING_FLAGS = Object.fromEntries(TRAINING_OPTIONS.map((option) => [option, { type: "string" }]));
const TRAINING_FLAGS_USAGE = `Training memory (each flag overrides the spec's training: section; any of them, or the section, adds memory):
      --optimizer CALL  optimizer class with its arguments: AdamW, "SGD(momentum=0.9)", AdamW8bit;
                        without one, memory is for inference: weights and buffers only
      --precision NAME  ${PRECISIONS.map((precision) => precision.name).join(", ")} (fp32 by default)
      --gpus N          GPUs the training is spread over
      --zero STAGE      ZeRO stage over the GPUs: 0 to 3 (3 is FSDP's full shard)
      --dtype DTYPE     dtype of weights that have none of their own: bfloat16, float8_e4m3fn, nf4, ...
      --batch N         samples per step on one GPU, for the activations of a spec with input: (1 by default)
      --checkpointing MODE
                        ${CHECKPOINTING.join(", ")}: full keeps only the inputs of repeated blocks,
                        selective recomputes attention's scores (Korthikanti et al. 2022)
`;
/** The training settings the flags give, or the invalid-usage result that names the bad flag. */
function trainingFlags(values) {
    const given = Object.fromEntries(TRAINING_OPTIONS.flatMap((option) => (typeof values[option] === "string" ? [[option, values[option]]] : [])));
    try {
        return { settings: settingsFromOptions(given, (option) => `--${option}`) };
    }
    catch (error) {
        if (!(error instanceof SpecError))
            throw error;
        return { error: invalid(`${error.position.file}: ${error.detail} [${error.code}]${error.hint ? `\n  ${error.hint}` : ""}`) };
    }
}

;// CONCATENATED MODULE: ./src/cli/commands/check.ts






const BUDGET_SIDES = ["head", "base"];
const CHECK_FORMATS = ["markdown", "json"];
const checkCommand = {
    name: "check",
    takesSpecs: true,
    summary: "the whole PR check locally: budget, diff against a git ref, the PR comment",
    usage: `Usage: model-budget check SPEC... [--budget FILE] [--base REF] [--fail-on exceed|growth|never] [--format markdown|json]

Runs what the GitHub Action runs and prints the report it would post as the PR comment.

Options:
      --budget FILE       the budget file (default .github/model-budget.yml; a missing one only reports)
      --base REF          compare with the specs at this git branch, tag or commit (default: no diff)
      --budget-from SIDE  head (default) or base: whose budget file is enforced
      --fail-on WHAT      exceed (default), growth, or never
      --against FILE      check the spec's tensors against a checkpoint (.safetensors, its index.json, .onnx)
  -f, --format FORMAT     markdown (default, the PR comment) or json (the full result)


${TRAINING_FLAGS_USAGE}
Exit status: 0 pass or warn, 2 invalid input, 3 a budget failed.
`,
    options: {
        budget: { type: "string", default: ".github/model-budget.yml" },
        base: { type: "string" },
        "budget-from": { type: "string", default: "head" },
        "fail-on": { type: "string", default: "exceed" },
        format: { type: "string", short: "f", default: "markdown" },
        against: { type: "string" },
        ...TRAINING_FLAGS,
    },
    run(values, specs, env) {
        const failOn = choiceFlag(values, "fail-on", FAIL_ON);
        if ("problem" in failOn)
            return invalid(failOn.problem);
        const budgetFrom = choiceFlag(values, "budget-from", BUDGET_SIDES);
        if ("problem" in budgetFrom)
            return invalid(budgetFrom.problem);
        const format = choiceFlag(values, "format", CHECK_FORMATS);
        if ("problem" in format)
            return invalid(format.problem);
        if (specs.length === 0)
            return invalid("check needs at least one spec file, e.g. model-budget check models/*.yaml");
        const training = trainingFlags(values);
        if ("error" in training)
            return training.error;
        if (typeof values.against === "string" && specs.length !== 1)
            return invalid("--against compares one spec with one checkpoint: give exactly one spec");
        const request = {
            head: { specs, read: env.readFile },
            budgetFile: String(values.budget),
            budgetFrom: budgetFrom.value,
            failOn: failOn.value,
            overrides: training.settings,
            // A checkpoint the budget names stays inside the budget's repository; one named by --against is the user's choice.
            ...(env.readCheckpoint ? { readCheckpoint: (file) => env.readCheckpoint(file, file === values.against ? {} : { namedBy: String(values.budget) }) } : {}),
            ...(typeof values.against === "string" ? { against: values.against } : {}),
        };
        if (typeof values.base === "string") {
            if (!env.git)
                return invalid("--base needs a git repository, and there is none here");
            const git = env.git();
            let sha;
            try {
                sha = git.resolveRef(values.base);
            }
            catch {
                return invalid(`--base ${values.base} names no commit in this git repository`);
            }
            const atBase = git.filesAt(sha);
            request.base = { ref: sha, specs: specs.filter((file) => atBase.includes(file.replace(/^\.\//, ""))), read: git.readerAt(sha) };
        }
        const result = runCheck(request);
        const stdout = format.value === "json"
            ? `${JSON.stringify(result, null, 2)}\n`
            : `${renderPullRequestComment(result, { key: "local", fullReportHint: "Run with --format json for everything." })}\n`;
        const invalidInput = result.budget.state === "invalid" || result.models.some((model) => model.head.kind === "invalid");
        const exitCode = result.status !== "fail" ? EXIT.ok : invalidInput ? EXIT.invalid : EXIT.failed;
        const warnings = result.budget.unmatched.map((entry) => {
            const warning = unmatchedWarning(result.budget.file, entry);
            return `model-budget: warning: ${renderDiagnostic(warning, sourceOf(env.readFile, warning.file))}\n`;
        });
        return { exitCode, stdout, stderr: warnings.join("") };
    },
};
/** A file's text for a diagnostic's excerpt, or undefined when it does not read. */
function sourceOf(read, file) {
    try {
        return read(file);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/cli/commands/import.ts









const fromCheckpoint = (format) => (file, model, env) => {
    if (!env.readCheckpoint)
        throw new Error("this CLI environment cannot open checkpoints");
    const tensors = env.readCheckpoint(file, { format });
    return { spec: importCheckpoint({ file, format, tensors }, model), warnings: [], tensors };
};
const IMPORTERS = {
    "torch-repr": (file, model, env) => importTorchRepr((env.readModelText ?? env.readFile)(file), file, model),
    safetensors: fromCheckpoint("safetensors"),
    onnx: fromCheckpoint("onnx"),
};
const USAGE = `Usage: model-budget import torch-repr|safetensors|onnx FILE [-o SPEC] [--model NAME]

Writes a spec whose counts equal its source's:
  torch-repr FILE    the text print(model) printed; runs of alike children become repeat:
  safetensors FILE   a .safetensors checkpoint, or a sharded one's model.safetensors.index.json
  onnx FILE          an ONNX model's initializers, external data files included
Checkpoints are read header only, never their tensor data: a 15 GB checkpoint takes milliseconds.

Options:
  -o, --output SPEC  write the spec to SPEC (default: standard output)
      --model NAME   the spec's model name (default: from FILE's name)
`;
/** `resnet50.txt` → resnet50; Hugging Face's `Llama-2-7b/model.safetensors.index.json` → Llama-2-7b, not "model". */
function import_modelName(file, cwd) {
    const stem = external_node_path_namespaceObject.posix.basename(file).replace(/(?:\.safetensors)?(?:\.index)?\.(?:json|safetensors|onnx|txt)$/, "");
    const folder = external_node_path_namespaceObject.posix.basename(external_node_path_namespaceObject.posix.dirname(external_node_path_namespaceObject.posix.resolve(cwd, file)));
    return stem === "model" && folder ? folder : stem;
}
/** A checkpoint's own totals, to prove the spec reproduces them. */
function checkpointTotals(tensors) {
    // Every reader has checked each tensor's element count to be exact.
    return { elements: tensors.reduce((sum, tensor) => sum + elementCount(tensor.shape), 0), tensors: tensors.length };
}
function specTotals(count) {
    const tensors = count.layers.reduce((sum, layer) => sum + layer.count * (layer.parameters.filter((tensor) => tensor.sharedWith === undefined).length + layer.buffers.length), 0);
    return { elements: count.totals.params + count.totals.buffers, tensors };
}
function summary(specFile, count) {
    const { params, buffers } = count.totals;
    return `${specFile}: ${formatInteger(params)} parameters${buffers ? `, ${formatInteger(buffers)} buffer elements` : ""}`;
}
const importCommand = {
    name: "import",
    summary: "write a spec from print(model) text, a safetensors checkpoint or an ONNX model",
    usage: USAGE,
    options: {
        output: { type: "string", short: "o" },
        model: { type: "string" },
    },
    run(values, positionals, env) {
        const [format, file, ...others] = positionals;
        if (format === undefined || file === undefined || others.length)
            return invalid(`import takes a format and one file, e.g. model-budget import torch-repr model.txt\n\n${USAGE}`);
        const known = choiceOf("the import format", format, Object.keys(IMPORTERS));
        if ("problem" in known)
            return invalid(known.problem);
        const importer = IMPORTERS[known.value];
        const model = typeof values.model === "string" ? values.model : import_modelName(file, env.cwd);
        const output = typeof values.output === "string" ? values.output : undefined;
        const { results, errors } = forEachFile([file], (path) => importer(path, model, env), env.readModelText ?? env.readFile);
        const imported = results[0];
        if (!imported)
            return { exitCode: EXIT.invalid, stdout: "", stderr: `${errors.join("\n")}\n` };
        const text = renderSpec(imported.spec);
        const specFile = output ?? `${model}.yaml`;
        const bytes = Buffer.byteLength(text);
        if (bytes > YAML_MAX_BYTES) {
            const size = (value) => value.toLocaleString("en-US");
            const detail = `the spec made from it would be ${size(bytes)} bytes, more than the ${size(YAML_MAX_BYTES)} a spec may have`;
            return {
                exitCode: EXIT.invalid,
                stdout: "",
                stderr: `${renderDiagnostic(diagnostic("spec-too-large", { file, line: 1, col: 1 }, detail, "its modules differ too much to fold into repeat:; write the spec by hand with blocks: and repeat:"))}\n`,
            };
        }
        const bug = (detail) => ({
            exitCode: EXIT.internal,
            stdout: "",
            stderr: `model-budget: the spec made from ${file} ${detail}: this is a bug, please report it\n`,
        });
        let count;
        try {
            count = analyzeSpec(specFile, (path) => (path === specFile ? text : env.readFile(path)));
        }
        catch (error) {
            const found = userErrors(error);
            if (!found)
                throw error;
            return bug(`does not count:\n${found.map((problem) => problem.message).join("\n")}`);
        }
        if (imported.tensors) {
            const [expected, got] = [checkpointTotals(imported.tensors), specTotals(count)];
            if (expected.elements !== got.elements || expected.tensors !== got.tensors) {
                return bug(`counts ${got.tensors} tensors of ${got.elements} elements, where the checkpoint has ${expected.tensors} of ${expected.elements}`);
            }
        }
        const warnings = imported.warnings.map((warning) => `model-budget: warning: ${warningText(warning)}\n`).join("");
        // What the count may lack or hold twice belongs beside the count, wherever the count is printed.
        const caveats = (imported.caveats ?? []).map((caveat) => `model-budget: note: ${caveat}\n`).join("");
        if (output === undefined)
            return { exitCode: EXIT.ok, stdout: text, stderr: `${warnings}model-budget: ${summary(specFile, count)}\n${caveats}` };
        if (!env.writeFile)
            return invalid(`cannot write ${output} here`);
        const failed = writeOutput(env, output, text);
        if (failed)
            return failed;
        return { exitCode: EXIT.ok, stdout: `model-budget: wrote ${summary(output, count)}\n`, stderr: `${warnings}${caveats}` };
    },
};
/**
 * An importer's warning: a layer whose printed arguments do not count as any diagnostic, one about a
 * module type as its own text (it lists each place the type is printed), the code after its first line.
 */
function warningText(warning) {
    if (warning.name === "printed-arguments-invalid")
        return renderDiagnostic(warning);
    return warning.message.replace(/\n|$/, (end) => ` [${warning.code}]${end}`);
}

;// CONCATENATED MODULE: ./src/budget/init.ts

const init_COUNT_UNITS = [
    [1e12, "T"],
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "K"],
];
const init_BYTE_UNITS = [
    [1024 ** 4, "TiB"],
    [1024 ** 3, "GiB"],
    [1024 ** 2, "MiB"],
    [1024, "KiB"],
];
/**
 * A limit for a budget file: rounded *up* to three significant digits of its unit, so the
 * written text, read back exactly, is never below the value (`25,557,032` → `25.6M`).
 */
function roundedLimit(value, bytes) {
    // Nothing to round: a frozen model's trainable count, a parameter-free model's params. The limit keeps them so.
    if (value === 0)
        return "0";
    // Under 1 KiB a plain integer, which a budget reads as bytes for a memory metric (it has no "B" unit).
    const [scale, unit] = (bytes ? init_BYTE_UNITS : init_COUNT_UNITS).find(([size]) => value >= size) ?? [1, ""];
    const decimals = Math.max(0, 2 - Math.floor(Math.log10(value / scale)));
    const factor = 10n ** BigInt(decimals);
    // In integers: the smallest number of 1/factor units that reaches the value, never a float's guess.
    const units = (BigInt(value) * factor + BigInt(scale) - 1n) / BigInt(scale);
    const fixed = (Number(units) / Number(factor)).toFixed(decimals);
    const text = decimals > 0 ? fixed.replace(/\.?0+$/, "") : fixed;
    return `${text}${unit}`;
}
/** `value × (1 + percent/100)`, rounded up, in integers: 900,000 + 10% is 990,000, not 990,001. */
function withHeadroom(value, percent) {
    const millionths = BigInt(Math.round(percent * 1e6));
    const scale = 100000000n;
    return Number((BigInt(value) * (scale + millionths) + scale - 1n) / scale);
}
/** A budget file with each model's current figures plus `headroom` percent, rounded up. */
function initialBudget(entries, headroom, growth) {
    const lines = [
        "# yaml-language-server: $schema=https://raw.githubusercontent.com/model-budget/model-budget/main/schema/budget.schema.json",
        `# Written by model-budget init with ${headroom}% headroom over the current figures. Raising a`,
        "# limit is a reviewed change: the PR comment shows old → new for every edited limit.",
        "models:",
    ];
    for (const { key, quantities } of entries) {
        lines.push(`  ${JSON.stringify(key)}:`);
        for (const metric of LIMITED_METRICS) {
            const value = quantities[metric];
            if (value === undefined)
                continue;
            lines.push(`    ${metric}: ${roundedLimit(withHeadroom(value, headroom), metricNamed(metric).unit === "bytes")}`);
        }
        lines.push(`    growth: ${growth}`);
    }
    return `${lines.join("\n")}\n`;
}

;// CONCATENATED MODULE: ./src/cli/commands/init.ts







/** Headroom past this share is no budget at all (and soon past 2^53). */
const MAX_HEADROOM = 1000;
const initCommand = {
    name: "init",
    takesSpecs: true,
    summary: "write a budget file from the current specs, with headroom",
    usage: `Usage: model-budget init SPEC... [--headroom 10%] [--growth 2%] [--output .github/model-budget.yml] [--force]

Writes a budget file whose limits are each spec's current figures plus the headroom, rounded up.

Options:
      --headroom PERCENT  room above today's figures (default 10%)
      --growth AMOUNT     allowed growth per PR over the base branch (default 5%; 0, 2%, 1.5M)
  -o, --output FILE       where to write it (default .github/model-budget.yml)
      --force             overwrite an existing file

${TRAINING_FLAGS_USAGE.replace("adds memory", "adds memory limits")}`,
    options: {
        headroom: { type: "string", default: "10%" },
        growth: { type: "string", default: "5%" },
        output: { type: "string", short: "o", default: ".github/model-budget.yml" },
        force: { type: "boolean", default: false },
        ...TRAINING_FLAGS,
    },
    run(values, specs, env) {
        const headroomText = String(values.headroom).endsWith("%") ? String(values.headroom) : `${String(values.headroom)}%`;
        const headroom = quantityFlag(headroomText);
        if (headroom === "too large" || (headroom?.kind === "percent" && headroom.value > MAX_HEADROOM)) {
            return invalid(`--headroom must be at most ${MAX_HEADROOM}%, not '${String(values.headroom)}'`);
        }
        if (headroom?.kind !== "percent")
            return invalid(`--headroom must be a percentage such as 10%, not '${String(values.headroom)}'`);
        const growth = quantityFlag(String(values.growth));
        if (growth === "too large")
            return invalid(`--growth ${String(values.growth)} is beyond 2^53 and cannot be compared exactly`);
        if (!growth)
            return invalid(`--growth must be 0, a percentage such as 2%, or an amount such as 1.5M, not '${String(values.growth)}'`);
        if (specs.length === 0)
            return invalid("init needs the spec files to budget, e.g. model-budget init models/*.yaml");
        const output = String(values.output);
        if (!values.force) {
            try {
                env.readFile(output);
                return invalid(`${output} exists already: pass --force to overwrite it`);
            }
            catch (error) {
                // Absent, as it should be; something that is no file cannot be written either.
                if (error instanceof FileAccessError && error.detail.endsWith("not a regular file"))
                    return invalid(`cannot write ${output}: it ${error.detail}`);
                if (error instanceof FileAccessError)
                    return invalid(`${output} exists already: pass --force to overwrite it`);
            }
        }
        const training = trainingFlags(values);
        if ("error" in training)
            return training.error;
        const { results, errors } = forEachFile(specs, (file) => ({ key: file, quantities: quantitiesOf(toJsonReport(analyzeSpec(file, env.readFile, training.settings))) }), env.readFile);
        if (errors.length)
            return { exitCode: EXIT.invalid, stdout: "", stderr: `${errors.join("\n")}\n` };
        const text = initialBudget(results, headroom.value, String(values.growth));
        if (!env.writeFile)
            return { exitCode: EXIT.ok, stdout: text, stderr: "" };
        const failed = writeOutput(env, output, text);
        if (failed)
            return failed;
        return { exitCode: EXIT.ok, stdout: `model-budget: wrote ${output} for ${results.length} spec${results.length === 1 ? "" : "s"}\n`, stderr: "" };
    },
};
/** A size or share from a flag; "too large" past 2^53, which parseQuantity reports by throwing. */
function quantityFlag(text) {
    try {
        return parseQuantity(text);
    }
    catch (error) {
        if (error instanceof RangeError)
            return "too large";
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/cli/commands/report.ts




const UNITS = ["iec", "si"];
const reportCommand = {
    name: "report",
    takesSpecs: true,
    summary: "per-layer parameters, shapes and totals of each spec, and training memory",
    usage: `Usage: model-budget report SPEC... [--format table|markdown|json] [--explain] [--all] [--optimizer CALL] [--precision NAME] [--gpus N] [--zero STAGE] [--dtype DTYPE] [--units iec|si]

Counts each spec's parameters exactly as PyTorch's sum(p.numel() for p in model.parameters()),
and with a training recipe the bytes of weights, buffers, gradients, optimizer state and master weights.

Options:
  -f, --format FORMAT   table (default), markdown or json
      --explain         show the arithmetic behind every layer's count and every byte
      --all             also list layers without parameters (activations, pooling, ...)
      --units UNITS     memory sizes in iec (KiB, MiB, GiB; the default) or si (kB, MB, GB) units

${TRAINING_FLAGS_USAGE}`,
    options: {
        format: { type: "string", short: "f", default: "table" },
        explain: { type: "boolean", default: false },
        all: { type: "boolean", default: false },
        units: { type: "string", default: "iec" },
        ...TRAINING_FLAGS,
    },
    run(values, files, env) {
        const format = choiceFlag(values, "format", REPORT_FORMATS);
        if ("problem" in format)
            return invalid(format.problem);
        const units = choiceFlag(values, "units", UNITS);
        if ("problem" in units)
            return invalid(units.problem);
        const training = trainingFlags(values);
        if ("error" in training)
            return training.error;
        if (files.length === 0)
            return invalid("report needs at least one spec file, e.g. model-budget report examples/gpt2.yaml");
        const { results, errors, diagnostics } = forEachFile(files, (file) => analyzeSpec(file, env.readFile, training.settings), env.readFile);
        // A report on some specs but not others would read as complete: all or nothing.
        if (errors.length)
            return { exitCode: EXIT.invalid, stdout: format.value === "json" ? `${JSON.stringify({ diagnostics }, null, 2)}\n` : "", stderr: `${errors.join("\n")}\n` };
        return { exitCode: EXIT.ok, stdout: renderReport(results, format.value, { explain: values.explain === true, all: values.all === true, units: units.value }), stderr: "" };
    },
};

;// CONCATENATED MODULE: ./src/cli/run.ts










const COMMANDS = [reportCommand, checkCommand, initCommand, importCommand];
const VERSION = "0.1.0";
const run_USAGE = `Usage: model-budget COMMAND [options]

Keeps neural-network size under control: PyTorch-exact parameter counts from a YAML spec.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`).join("\n")}

Run model-budget COMMAND --help for a command's options.
Exit status: 0 success, 2 invalid input (the message names file:line:col), 3 a budget check failed, 1 internal error.
`;
/** The CLI as a function of its arguments and file access, so tests run it without a process. */
function runCli(argv, env) {
    const result = runCommand(argv, env);
    // Names come from arguments, files and file names: what they hold must not drive the terminal.
    return { ...result, stdout: forTerminal(result.stdout), stderr: forTerminal(result.stderr) };
}
function runCommand(argv, env) {
    const [name, ...rest] = argv;
    if (name === undefined)
        return invalid(`no command given\n\n${run_USAGE}`);
    if (name === "--help" || name === "-h" || name === "help")
        return { exitCode: EXIT.ok, stdout: run_USAGE, stderr: "" };
    if (name === "--version" || name === "-v")
        return { exitCode: EXIT.ok, stdout: `${VERSION}\n`, stderr: "" };
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (!command)
        return invalid(`unknown command '${name}'\n\n${run_USAGE}`);
    const options = { ...command.options, help: { type: "boolean", short: "h", default: false } };
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({ args: rest, allowPositionals: true, options });
    }
    catch (error) {
        return invalid(flagProblem(error, command.name, Object.keys(options)));
    }
    if (parsed.values.help)
        return { exitCode: EXIT.ok, stdout: command.usage, stderr: "" };
    let positionals = parsed.positionals;
    if (command.takesSpecs && env.listFiles) {
        const expanded = expandSpecArguments(positionals, env.listFiles);
        if ("error" in expanded)
            return invalid(expanded.error);
        positionals = expanded.files;
    }
    return guarded(() => command.run(parsed.values, positionals, env), env);
}
/** Node's parser's complaint about a flag, said as ours: the flag, the likely one meant, where the options are. */
function flagProblem(error, commandName, optionNames) {
    const seeHelp = `run model-budget ${commandName} --help for its options`;
    // Node names the flag as '--nope', or as '-f, --format <value>' for a missing value.
    const flag = /'(?:-\w, )?(-[^' ]+)/.exec(error.message)?.[1];
    if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && flag) {
        const closest = closestName(flag.replace(/^-+/, "").replace(/=.*$/, ""), optionNames);
        return `unknown option '${flag}' for ${commandName}${closest === undefined ? "" : `: did you mean --${closest}?`}\n  ${seeHelp}`;
    }
    if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag) {
        return `option '${flag}' needs a value\n  ${seeHelp}`;
    }
    return `${error.message}\n  ${seeHelp}`;
}
/**
 * Quoted globs (`'models/*.yaml'`, as in the action's specs input) expanded with the same matcher
 * the action uses, over the files under the glob's base directory; paths without a glob stay as given.
 */
function expandSpecArguments(patterns, listFiles) {
    const files = [];
    for (const pattern of patterns) {
        if (!isGlob(pattern)) {
            files.push(pattern);
            continue;
        }
        const listed = listFiles(globBase(pattern.replace(/^\.\//, "")));
        const found = expandSpecs([pattern], listed);
        if (found.length === 0)
            return { error: `no spec file matches '${pattern}'` };
        files.push(...found.filter((file) => !files.includes(file)));
    }
    return { files };
}
/** A command's result, or a clean message for what it threw: a user or file-system error exits 2, anything else is a bug. */
function guarded(run, env) {
    try {
        return run();
    }
    catch (error) {
        const found = userErrors(error);
        if (found)
            return { exitCode: EXIT.invalid, stdout: "", stderr: `${showDiagnostics(found, env.readFile)}\n` };
        const { code, message } = error;
        if (typeof code === "string" && /^E[A-Z]+$/.test(code))
            return invalid(message);
        return { exitCode: EXIT.internal, stdout: "", stderr: `model-budget: internal error: ${String(message ?? error)}: this is a bug, please report it\n` };
    }
}

;// CONCATENATED MODULE: ./src/cli/main.ts


const result = runCli(process.argv.slice(2), nodeEnvironment(process.cwd()));
if (result.stdout)
    process.stdout.write(result.stdout);
if (result.stderr)
    process.stderr.write(result.stderr);
process.exitCode = result.exitCode;

