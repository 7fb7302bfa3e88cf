/**
 * Characters a terminal acts on instead of showing: C0 controls but newline and tab (ESC starts
 * escape sequences that recolour, retitle or rewrite the screen; CR and backspace overwrite text;
 * NUL), DEL, C1 controls, and the Unicode controls that reorder or hide text (bidi embeddings,
 * overrides and isolates, directional marks, line and paragraph separators).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
/** The same class without the global flag, so that test() keeps no lastIndex between calls. */
const ANY_UNSAFE = new RegExp(UNSAFE.source);

/**
 * Text the CLI prints, with every such character written as its `\uXXXX` escape: visible to the
 * reader, and the same string to a JSON or YAML reader wherever it stands inside a quoted string.
 */
export function forTerminal(text: string): string {
  // A scan that stops at the first hit costs half a replace that finds none (a 20 MB check report: 26 ms against 50).
  if (!ANY_UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
