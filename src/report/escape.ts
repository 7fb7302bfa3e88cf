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

export function escapeMarkdown(text: string): string {
  return text.replace(/[&<>"|`*_[\]()@#\\~!:]/g, (ch) => ENTITIES[ch]!).replace(/[\r\n\t]+/g, " ");
}
