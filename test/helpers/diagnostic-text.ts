import { readFileSync } from "node:fs";

/**
 * What the CLI prints for a diagnostic written as `file:line:col: message\n  hint`: the code after the
 * first line, then the source line and a caret under the column (read from `source`, or from the
 * file the head names; `width` carets under a name), then the hint. For lines short and tab-free, as the tests write them.
 */
export function shown(message: string, code: string, source?: string, width = 1): string {
  const [head, ...rest] = message.split("\n");
  const position = /^(.*?):(\d+):(\d+): /.exec(head!);
  const lines = [`${head} [${code}]`];
  if (position) {
    const [, file, line, col] = position;
    const text = (source ?? readFileSync(file!, "utf8")).split("\n")[Number(line) - 1];
    if (text !== undefined) lines.push(`  ${line} | ${text}`, `  ${" ".repeat(line!.length)} | ${" ".repeat(Number(col) - 1)}${"^".repeat(width)}`);
  }
  return [...lines, ...rest].join("\n");
}

/**
 * CLI output without the source excerpts under its diagnostics, for tests of what is reported
 * (message, position, code, hint) on inputs whose lines are too long to write out.
 */
export function withoutExcerpts(output: string): string {
  return output.replace(/^ {2}\d+ \| .*\n {2} +\| .*\n/gm, "");
}
