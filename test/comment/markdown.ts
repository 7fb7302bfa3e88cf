import MarkdownIt, { type Token } from "markdown-it";

/**
 * The comment as a CommonMark/GFM renderer reads it (markdown-it, with HTML allowed as GitHub
 * allows <details> and <sub>): its HTML, its visible text, and its tables cell by cell.
 */
const md = new MarkdownIt({ html: true, linkify: true });

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** HTML to the text a reader sees: tags dropped, entities decoded once. */
export function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity: string, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return NAMED[name.toLowerCase()] ?? entity;
  });
}

export function renderHtml(markdown: string): string {
  return md.render(markdown);
}

export interface RenderedTable {
  /** Cells of the header row as the source writes them, then each body row's. */
  sourceCells: number[];
  /** Each row's cells as visible text. */
  rows: string[][];
}

/** A source table row's cells: split at pipes (the comment escapes a pipe in a name as an entity). */
function sourceCellCount(line: string): number {
  return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").length;
}

/** Every table of the document, in order. */
export function tables(markdown: string): RenderedTable[] {
  const lines = markdown.split("\n");
  const tokens: Token[] = md.parse(markdown, {});
  const found: RenderedTable[] = [];
  let table: RenderedTable | undefined;
  let row: string[] | undefined;
  for (const token of tokens) {
    if (token.type === "table_open") table = { sourceCells: [], rows: [] };
    if (token.type === "table_close" && table) {
      found.push(table);
      table = undefined;
    }
    if (token.type === "tr_open" && table) {
      row = [];
      table.sourceCells.push(sourceCellCount(lines[token.map![0]]!));
    }
    if (token.type === "tr_close" && table && row) {
      table.rows.push(row);
      row = undefined;
    }
    if (token.type === "inline" && row && table) row.push(visibleText(md.renderInline(token.content)));
  }
  return found;
}

/** A table row as a reader sees it at a fixed-width glance: cells with their separators. */
export function renderedWidth(row: readonly string[]): number {
  return [...row.join(" | ")].length + 4;
}
