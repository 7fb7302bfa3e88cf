import { parseArgs } from "node:util";
import { userErrors } from "../diagnostics/index.js";
import { analyzeSpec } from "../engine.js";
import { REPORT_FORMATS, renderReport, type ReportFormat, type ReportOptions } from "../report/index.js";
import type { ReadFile } from "../resolve/index.js";

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CliEnvironment {
  readFile: ReadFile;
}

/** Exit codes: 0 success, 1 an internal error (a bug: please report it), 2 invalid input. */
export const EXIT = { ok: 0, internal: 1, invalid: 2 } as const;

export const USAGE = `Usage: model-budget report SPEC... [--format table|markdown|json] [--explain] [--all]

Counts a model's parameters from its YAML architecture spec, exactly as PyTorch's
sum(p.numel() for p in model.parameters()) would.

Commands:
  report SPEC...        per-layer parameters, shapes and totals of each spec

Options:
  -f, --format FORMAT   table (default), markdown or json
      --explain         show the arithmetic behind every layer's count
      --all             also list layers without parameters (activations, pooling, ...)
  -h, --help            show this help
  -v, --version         show the version

Exit status: 0 success, 2 invalid input (the message names file:line:col), 1 internal error.
`;

const VERSION = "0.1.0";

function invalid(message: string): CliResult {
  return { exitCode: EXIT.invalid, stdout: "", stderr: `model-budget: ${message}\n` };
}

function report(files: string[], format: ReportFormat, options: ReportOptions, env: CliEnvironment): CliResult {
  const counts = [];
  const errors: string[] = [];
  for (const file of files) {
    try {
      counts.push(analyzeSpec(file, env.readFile));
    } catch (error) {
      const found = userErrors(error);
      if (found) errors.push(...found.map((problem) => problem.message));
      else if ((error as NodeJS.ErrnoException).code === "ENOENT") errors.push(`${file}: no such file`);
      else if ((error as NodeJS.ErrnoException).code === "EISDIR") errors.push(`${file}: is a directory, not a spec file`);
      else throw error;
    }
  }
  // A report on some specs but not others would read as complete: all or nothing.
  if (errors.length) return { exitCode: EXIT.invalid, stdout: "", stderr: `${errors.join("\n")}\n` };
  return { exitCode: EXIT.ok, stdout: renderReport(counts, format, options), stderr: "" };
}

/** The CLI as a function of its arguments and file access, so tests run it without a process. */
export function runCli(argv: readonly string[], env: CliEnvironment): CliResult {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f", default: "table" },
        explain: { type: "boolean", default: false },
        all: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (error) {
    return invalid(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { exitCode: EXIT.ok, stdout: USAGE, stderr: "" };
  if (values.version) return { exitCode: EXIT.ok, stdout: `${VERSION}\n`, stderr: "" };
  const [command, ...files] = positionals;
  if (command === undefined) return invalid(`no command given\n\n${USAGE}`);
  if (command !== "report") return invalid(`unknown command '${command}'\n\n${USAGE}`);
  if (!REPORT_FORMATS.includes(values.format as ReportFormat)) {
    return invalid(`unknown format '${values.format}': use ${REPORT_FORMATS.join(", ")}`);
  }
  if (files.length === 0) return invalid(`report needs at least one spec file, e.g. model-budget report examples/gpt2.yaml`);
  return report(files, values.format as ReportFormat, { explain: values.explain, all: values.all }, env);
}
