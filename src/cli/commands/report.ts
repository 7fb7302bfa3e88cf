import { analyzeSpec, toJsonReport, type AnalyzedModel } from "../../analysis/index.js";
import { renderHtmlReport } from "../../html/page.js";
import { REPORT_FORMATS, renderReport, type ByteUnits } from "../../report/index.js";
import { renderDiagnostic } from "../../diagnostics/render.js";
import { choiceFlag, EXIT, forEachFile, invalid, progressStep, sourceOf, writeOutput, type CliCommand, type CliEnvironment, type CliResult } from "../command.js";
import { trainingFlagList, trainingFlags } from "../training-flags.js";
import { servingFlagList, servingFlags } from "../serving-flags.js";

const UNITS: readonly ByteUnits[] = ["iec", "si"];
/** The report's formats, and the HTML treemap page (src/html), which only this command and check draw. */
const FORMATS = [...REPORT_FORMATS, "html"] as const;

export const reportCommand: CliCommand = {
  name: "report",
  takesSpecs: true,
  summary: "per-layer parameters, shapes and totals of each spec, and training memory",
  arguments: "SPEC...",
  description:
    "Counts each spec's parameters exactly as PyTorch's sum(p.numel() for p in model.parameters()), and with a training recipe the bytes of weights, buffers, gradients, optimizer state and master weights.",
  flags: [
    {
      name: "format",
      short: "f",
      type: "string",
      default: "table",
      value: "FORMAT",
      description: "table (for a terminal), markdown, json, or html (an interactive treemap page: docs/html-report.md)",
    },
    { name: "output", short: "o", type: "string", value: "FILE", description: "write the report to FILE instead of standard output", unset: "standard output" },
    { name: "explain", type: "boolean", description: "show the arithmetic behind every layer's count and every byte" },
    { name: "all", type: "boolean", description: "also list layers without parameters (activations, pooling, ...)" },
    { name: "units", type: "string", default: "iec", value: "UNITS", description: "memory sizes in iec (KiB, MiB, GiB) or si (kB, MB, GB) units" },
    {
      name: "depth",
      type: "string",
      value: "N",
      description: "one row per module N steps deep (torchinfo's depth): deeper layer entries are summed into it, exactly; JSON keeps every entry",
      unset: "every layer entry",
    },
    ...trainingFlagList(),
    ...servingFlagList(),
  ],
  examples: [
    { command: "model-budget report examples/gpt2.yaml", does: "the layer table with totals, fitted to the terminal's width" },
    {
      command: "model-budget report 'models/**/*.yaml' --optimizer AdamW --precision mixed-bf16",
      does: "every spec under models/, with the memory of training it with AdamW in mixed precision",
    },
    { command: "model-budget report examples/gpt2.yaml --format json > gpt2.json", does: "the full report as JSON, for scripts" },
  ],
  run(values, files, env) {
    const format = choiceFlag(values, "format", FORMATS);
    if ("problem" in format) return invalid(format.problem);
    const units = choiceFlag(values, "units", UNITS);
    if ("problem" in units) return invalid(units.problem);
    const training = trainingFlags(values);
    if ("error" in training) return training.error;
    const depth = values.depth === undefined ? undefined : /^[1-9]\d{0,3}$/.test(String(values.depth)) ? Number(values.depth) : "invalid";
    if (depth === "invalid") return invalid(`--depth must be a whole number of module steps from 1, such as 2, not '${String(values.depth)}'`);
    const overrides = servingFlags(values, training.settings);
    if ("error" in overrides) return overrides.error;
    if (files.length === 0) return invalid("report needs at least one spec file, e.g. model-budget report examples/gpt2.yaml");
    const count = (file: string) => (files.length === 1 ? file : `${file} (${files.indexOf(file) + 1}/${files.length})`);
    const { results, errors, diagnostics } = forEachFile(files, (file) => analyzeSpec(file, env.readFile, overrides.overrides, progressStep(env, count(file))), env.readFile);
    // A report on some specs but not others would read as complete: all or nothing.
    if (errors.length) return { exitCode: EXIT.invalid, stdout: format.value === "json" ? `${JSON.stringify({ diagnostics }, null, 2)}\n` : "", stderr: `${errors.join("\n")}\n` };
    const options = {
      explain: values.explain === true,
      all: values.all === true,
      units: units.value,
      ...(depth === undefined ? {} : { depth }),
      ...(format.value === "table" && env.terminal?.columns ? { columns: env.terminal.columns } : {}),
    };
    // The count's warnings (an adapter's untied head) and the layout's (a layer the default plan cannot place) go to stderr; JSON also holds them.
    const warnings = results
      .flatMap((model) => [...(model.warnings ?? []), ...(model.memory?.parallel?.warnings ?? [])])
      .map((warning) => `model-budget: warning: ${renderDiagnostic(warning, sourceOf(env.readFile, warning.file))}\n`);
    const text = format.value === "html" ? renderHtmlReport(results.map(toJsonReport)) : renderReport(results, format.value, options);
    if (typeof values.output === "string") return written(env, values.output, text, results);
    return { exitCode: EXIT.ok, stdout: text, stderr: warnings.join(""), forPeople: format.value === "table" };
  },
};

/** The report saved to a file: a line saying where, or why it could not be written. */
function written(env: CliEnvironment, file: string, text: string, models: readonly AnalyzedModel[]): CliResult {
  if (!env.writeFile) return invalid(`cannot write ${file} here`);
  const failed = writeOutput(env, file, text);
  if (failed) return failed;
  return { exitCode: EXIT.ok, stdout: `model-budget: wrote ${file} (${models.map((model) => model.model).join(", ")})\n`, stderr: "" };
}
