/** What the CLI knows of where its output goes. */
export interface Terminal {
  /** Colour the status marks (✓ ✗ ⚠) with ANSI escapes. */
  colour: boolean;
  /** The width to fit tables to: COLUMNS, else the terminal's; undefined when the output is no terminal (a pipe gets every column). */
  columns?: number;
}

/** A line of progress on standard error, for work that takes a while. */
export interface Progress {
  /** Shows `line`, replacing the previous one, once the work has taken over a second; sooner, nothing. */
  update(line: string): void;
  /** Removes the line, if one was shown. */
  clear(): void;
}

/** Work shorter than this shows no progress: a line that flashes and vanishes is noise. */
const PROGRESS_AFTER_MS = 1000;

/** A stream as the CLI sees one: whether it is a terminal, how wide, and how to write to it. */
export interface OutputStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * Colour and width from the environment, as no-color.org and force-color.org say: FORCE_COLOR (other
 * than 0 or false) colours even a pipe; NO_COLOR (non-empty) or TERM=dumb turns colour off; otherwise
 * only a terminal gets colour. COLUMNS, a positive whole number, overrides the terminal's width.
 */
export function terminalOf(vars: Readonly<Record<string, string | undefined>>, stdout: Pick<OutputStream, "isTTY" | "columns">): Terminal {
  const force = vars.FORCE_COLOR;
  const forced = force !== undefined && force !== "0" && force !== "false";
  const refused = force === "0" || force === "false" || Boolean(vars.NO_COLOR) || vars.TERM === "dumb";
  const colour = forced || (!refused && stdout.isTTY === true);
  const given = /^[1-9]\d{0,4}$/.test(vars.COLUMNS ?? "") ? Number(vars.COLUMNS) : undefined;
  const columns = given ?? (stdout.isTTY && stdout.columns ? stdout.columns : undefined);
  return { colour, ...(columns === undefined ? {} : { columns }) };
}

const COLOURS: Record<string, string> = { "✓": "32", "✗": "31", "⚠": "33" };

/**
 * The status marks coloured: green ✓, red ✗, yellow ⚠. Applied to text already made safe for a
 * terminal (forTerminal), so only these escapes reach it; a mark inside a name is coloured too, harmlessly.
 */
export function coloured(text: string): string {
  return text.replace(/[✓✗⚠]/g, (mark) => `\u001b[${COLOURS[mark]}m${mark}\u001b[39m`);
}

/** A progress line on `stream` when it is a terminal; none otherwise (a log or a pipe keeps clean). */
export function progressOn(stream: OutputStream, now: () => number = Date.now): Progress | undefined {
  if (!stream.isTTY) return undefined;
  const start = now();
  let shown = false;
  return {
    update(line) {
      if (now() - start < PROGRESS_AFTER_MS) return;
      // A pseudo-terminal may report 0 columns.
      const width = (stream.columns || 80) - 1;
      const chars = [...line];
      stream.write(`\r\u001b[2K${chars.length > width ? `${chars.slice(0, width - 1).join("")}…` : line}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write("\r\u001b[2K");
      shown = false;
    },
  };
}
