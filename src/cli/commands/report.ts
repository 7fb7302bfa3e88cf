import { analyzeSpec } from "../../engine.js";
import { REPORT_FORMATS, renderReport, type ReportFormat } from "../../report/index.js";
import { EXIT, forEachFile, invalid, type CliCommand } from "../command.js";

export const reportCommand: CliCommand = {
  name: "report",
  summary: "per-layer parameters, shapes and totals of each spec",
  usage: `Usage: model-budget report SPEC... [--format table|markdown|json] [--explain] [--all]

Counts each spec's parameters exactly as PyTorch's sum(p.numel() for p in model.parameters()).

Options:
  -f, --format FORMAT   table (default), markdown or json
      --explain         show the arithmetic behind every layer's count
      --all             also list layers without parameters (activations, pooling, ...)
`,
  options: {
    format: { type: "string", short: "f", default: "table" },
    explain: { type: "boolean", default: false },
    all: { type: "boolean", default: false },
  },
  run(values, files, env) {
    const format = values.format as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) return invalid(`unknown format '${format}': use ${REPORT_FORMATS.join(", ")}`);
    if (files.length === 0) return invalid("report needs at least one spec file, e.g. model-budget report examples/gpt2.yaml");
    const { results, errors } = forEachFile(files, (file) => analyzeSpec(file, env.readFile));
    // A report on some specs but not others would read as complete: all or nothing.
    if (errors.length) return { exitCode: EXIT.invalid, stdout: "", stderr: `${errors.join("\n")}\n` };
    return { exitCode: EXIT.ok, stdout: renderReport(results, format, { explain: values.explain === true, all: values.all === true }), stderr: "" };
  },
};
