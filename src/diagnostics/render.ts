import type { Diagnostic } from "./index.js";

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
export function renderDiagnostic(problem: Diagnostic, source?: string): string {
  const head = problem.offset === undefined ? `${problem.file}:${problem.line}:${problem.col}: ${problem.message}` : `${problem.file}: ${problem.message}`;
  const excerpt = problem.offset === undefined && source !== undefined ? excerptLines(problem, source) : [];
  return [`${head} [${problem.code}]`, ...excerpt, ...(problem.hint ? [`  ${problem.hint}`] : [])].join("\n");
}

/** The source line and a caret under the column (a run of carets to the end when it is known on the same line). */
function excerptLines(problem: Diagnostic, source: string): string[] {
  const text = lineOf(source, problem.line);
  if (text === undefined || problem.col < 1 || problem.col > text.length + 1) return [];
  let start = 0;
  if (text.length > MAX_EXCERPT) start = Math.max(0, Math.min(problem.col - 1 - MAX_EXCERPT / 2, text.length - MAX_EXCERPT));
  const shown = text.slice(start, start + MAX_EXCERPT);
  const column = problem.col - 1 - start;
  const width =
    problem.endLine === problem.line && problem.endCol !== undefined && problem.endCol > problem.col ? Math.min(problem.endCol - problem.col, shown.length - column) : 1;
  // Tabs stay tabs under the text, so the caret lines up however the terminal sets its tab stops.
  const pad = shown.slice(0, column).replace(/[^\t]/g, " ");
  const gutter = String(problem.line);
  const blank = " ".repeat(gutter.length);
  return [
    `  ${gutter} | ${start > 0 ? "…" : ""}${shown}${start + MAX_EXCERPT < text.length ? "…" : ""}`,
    `  ${blank} | ${start > 0 ? " " : ""}${pad}${"^".repeat(Math.max(1, width))}`,
  ];
}

function lineOf(source: string, line: number): string | undefined {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = source.indexOf("\n", start);
    if (next < 0) return undefined;
    start = next + 1;
  }
  const end = source.indexOf("\n", start);
  return source.slice(start, end < 0 ? undefined : end).replace(/\r$/, "");
}
