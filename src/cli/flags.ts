import type { ParseArgsConfig } from "node:util";

/**
 * One flag of a command, the one definition both its parser and its help come from: a flag the
 * help does not list, or a default it misstates, cannot exist.
 */
export interface Flag {
  name: string;
  short?: string;
  type: "string" | "boolean";
  /** The parser's default, which the help shows. */
  default?: string;
  /** The value's name in the help: FILE, N, PERCENT. */
  value?: string;
  /** What the flag does, wrapped in the help. */
  description: string;
  /** What holds when the flag is absent and the parser has no default: `the spec's training:, else 1`. */
  unset?: string;
  /** A heading this flag and those after it are listed under, until the next heading. */
  group?: string;
}

export interface Example {
  command: string;
  /** What it does, one line. */
  does: string;
}

/** What a command's help says, besides its flags. */
export interface CommandHelp {
  name: string;
  /** The usage line after the command's name: `SPEC...`. */
  arguments: string;
  /** What the command does: a paragraph under the usage line; line breaks are kept. */
  description: string;
  flags: readonly Flag[];
  /** Text after the flags, such as the exit statuses. */
  notes?: string;
  /** Two or three, shown last. */
  examples: readonly Example[];
}

/** The flag every command has. */
export const HELP_FLAG: Flag = { name: "help", short: "h", type: "boolean", description: "show this help" };

/** The flags as node:util's parseArgs takes them. */
export function parserOptions(flags: readonly Flag[]): NonNullable<ParseArgsConfig["options"]> {
  return Object.fromEntries(
    flags.map((flag) => [flag.name, { type: flag.type, ...(flag.short ? { short: flag.short } : {}), ...(flag.default === undefined ? {} : { default: flag.default }) }]),
  );
}

const HELP_WIDTH = 80;
/** Flag names longer than this put their description on the next line. */
const NAME_COLUMN = 24;

/** Words filled into lines of at most `width` characters, each indented by `indent`; a line's own leading spaces indent all its lines. */
export function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    const own = indent + /^ */.exec(paragraph)![0];
    let line = "";
    for (const word of paragraph.trimStart().split(" ")) {
      if (line && own.length + line.length + 1 + word.length > width) {
        lines.push(own + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(own + line);
  }
  return lines;
}

function flagLines(flag: Flag): string[] {
  const name = `${flag.short ? `-${flag.short}, ` : "    "}--${flag.name}${flag.value ? ` ${flag.value}` : ""}`;
  const shown = flag.default !== undefined ? flag.default : flag.unset;
  const text = `${flag.description}${shown === undefined ? "" : ` (default: ${shown})`}`;
  const indent = " ".repeat(2 + NAME_COLUMN + 2);
  const [first, ...rest] = wrap(text, HELP_WIDTH, indent);
  const head = `  ${name}`;
  if (name.length > NAME_COLUMN) return [head, first!, ...rest];
  return [`${head.padEnd(indent.length)}${first!.trimStart()}`, ...rest];
}

/** `model-budget COMMAND --help`: usage, description, every flag with its default, notes, examples. */
export function helpText(command: CommandHelp): string {
  const parts = [`Usage: model-budget ${command.name} ${command.arguments} [options]`, "", ...wrap(command.description, HELP_WIDTH, ""), "", "Options:"];
  // --help closes the command's own flags, before any group such as the training recipe's.
  const grouped = command.flags.findIndex((flag) => flag.group !== undefined);
  const listed = grouped < 0 ? [...command.flags, HELP_FLAG] : [...command.flags.slice(0, grouped), HELP_FLAG, ...command.flags.slice(grouped)];
  for (const flag of listed) {
    if (flag.group) parts.push("", ...wrap(`${flag.group}:`, HELP_WIDTH, ""));
    parts.push(...flagLines(flag));
  }
  if (command.notes) parts.push("", ...wrap(command.notes, HELP_WIDTH, ""));
  parts.push("", "Examples:");
  for (const example of command.examples) parts.push(`  ${example.command}`, ...wrap(example.does, HELP_WIDTH, "      "));
  return `${parts.join("\n")}\n`;
}
