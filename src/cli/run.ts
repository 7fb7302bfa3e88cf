import { parseArgs } from "node:util";
import { closestName, userErrors } from "../diagnostics/index.js";
import { expandSpecs, globBase, isGlob } from "../files/glob.js";
import { EXIT, invalid, showDiagnostics, type CliCommand, type CliEnvironment, type CliResult } from "./command.js";
import { forTerminal } from "../diagnostics/terminal.js";
import { coloured } from "./terminal.js";
import { checkCommand } from "./commands/check.js";
import { HELP_FLAG, helpText, parserOptions } from "./flags.js";
import { fitsCommand } from "./commands/fits.js";
import { importCommand } from "./commands/import.js";
import { initCommand } from "./commands/init.js";
import { lintCommand } from "./commands/lint.js";
import { reportCommand } from "./commands/report.js";

export { EXIT, type CliEnvironment, type CliResult } from "./command.js";

const COMMANDS: readonly CliCommand[] = [reportCommand, checkCommand, fitsCommand, lintCommand, initCommand, importCommand];

const VERSION = "0.1.0";

export const USAGE = `Usage: model-budget COMMAND [options]

Keeps neural-network size under control: PyTorch-exact parameter counts from a YAML spec.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`).join("\n")}

Run model-budget COMMAND --help (or model-budget help COMMAND) for a command's options and examples;
model-budget --version prints the version.
Exit status: 0 success, 2 invalid input (the message names file:line:col), 3 a budget check failed, 1 internal error.
`;

/** The CLI as a function of its arguments and file access, so tests run it without a process. */
export function runCli(argv: readonly string[], env: CliEnvironment): CliResult {
  let result: CliResult;
  try {
    result = runCommand(argv, env);
  } finally {
    env.progress?.clear();
  }
  // Names come from arguments, files and file names: what they hold must not drive the terminal.
  const stdout = forTerminal(result.stdout);
  const { forPeople, ...plain } = result;
  return { ...plain, stdout: forPeople && env.terminal?.colour ? coloured(stdout) : stdout, stderr: forTerminal(result.stderr) };
}

function runCommand(argv: readonly string[], env: CliEnvironment): CliResult {
  const [name, ...rest] = argv;
  if (name === undefined) return invalid(`no command given\n\n${USAGE}`);
  if (name === "--help" || name === "-h" || name === "help") {
    // `model-budget help report` is `model-budget report --help`.
    const about = name === "help" && rest[0] !== undefined ? COMMANDS.find((candidate) => candidate.name === rest[0]) : undefined;
    return { exitCode: EXIT.ok, stdout: about ? helpText(about) : USAGE, stderr: "" };
  }
  if (name === "--version" || name === "-v") return { exitCode: EXIT.ok, stdout: `${VERSION}\n`, stderr: "" };
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) return invalid(unknownCommand(name));
  const options = parserOptions([...command.flags, HELP_FLAG]);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options });
  } catch (error) {
    return invalid(flagProblem(error as Error & { code?: string }, command.name, Object.keys(options)));
  }
  if (parsed.values.help) return { exitCode: EXIT.ok, stdout: helpText(command), stderr: "" };
  let positionals = parsed.positionals;
  if (command.takesSpecs && env.listFiles) {
    const expanded = expandSpecArguments(positionals, env.listFiles);
    if ("error" in expanded) return invalid(expanded.error);
    positionals = expanded.files;
  }
  return guarded(() => command.run(parsed.values, positionals, env), env);
}

/** An unknown command, with the likely one meant; a flag given first (`--format`) is said to be one. */
function unknownCommand(name: string): string {
  const names = COMMANDS.map((command) => command.name);
  const closest = name.startsWith("-") ? undefined : closestName(name, names);
  const problem = name.startsWith("-") ? `'${name}' is an option: give the command first, e.g. model-budget report SPEC ${name}` : `unknown command '${name}'`;
  return `${problem}${closest === undefined ? "" : `: did you mean ${closest}?`}\n  the commands are ${names.join(", ")}; run model-budget --help for more`;
}

/** Node's parser's complaint about a flag, said as ours: the flag, the likely one meant, where the options are. */
function flagProblem(error: Error & { code?: string }, commandName: string, optionNames: readonly string[]): string {
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
function expandSpecArguments(patterns: readonly string[], listFiles: (directory: string) => string[]): { files: string[] } | { error: string } {
  const files: string[] = [];
  for (const pattern of patterns) {
    // As the action reads its specs input: `./models/a.yaml` is models/a.yaml, and each file is checked once.
    const path = pattern.replace(/^\.\//, "");
    if (!isGlob(path)) {
      if (!files.includes(path)) files.push(path);
      continue;
    }
    const listed = listFiles(globBase(path));
    const found = expandSpecs([pattern], listed);
    if (found.length === 0) return { error: `no spec file matches '${pattern}'` };
    files.push(...found.filter((file) => !files.includes(file)));
  }
  return { files };
}

/** A command's result, or a clean message for what it threw: a user or file-system error exits 2, anything else is a bug. */
function guarded(run: () => CliResult, env: CliEnvironment): CliResult {
  try {
    return run();
  } catch (error) {
    const found = userErrors(error);
    if (found) return { exitCode: EXIT.invalid, stdout: "", stderr: `${showDiagnostics(found, env.readFile)}\n` };
    const { code, message } = error as NodeJS.ErrnoException;
    if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return invalid(message);
    return { exitCode: EXIT.internal, stdout: "", stderr: `model-budget: internal error: ${String(message ?? error)}: this is a bug, please report it\n` };
  }
}
