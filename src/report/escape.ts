import { forTerminal } from "../diagnostics/terminal.js";

/**
 * Makes text from a spec (layer names, model names, paths: all written by whoever opened the PR)
 * inert in GitHub markdown: no HTML, no table breaks, no links, no @-mentions, no formatting.
 */
const ENTITIES: Record<string, string> = {
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
export const LONGEST_SHOWN = 500;

/** At most `longest` characters, cut at a character (never inside a surrogate pair) and marked with an ellipsis. */
export function ellipsize(text: string, longest = LONGEST_SHOWN): string {
  if (text.length <= longest) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[longest - 2] ?? "") ? longest - 2 : longest - 1;
  return `${text.slice(0, cut)}…`;
}

export function escapeMarkdown(text: string): string {
  return (
    forTerminal(ellipsize(text).replace(/[\r\n\t]+/g, " "))
      .replace(/[&<>"|`*_[\]()@#\\~!:]/g, (ch) => ENTITIES[ch]!)
      // GFM links `www.example.com` on its own; an entity for the dot keeps it text.
      .replace(/(www)\./gi, "$1&#46;")
  );
}
