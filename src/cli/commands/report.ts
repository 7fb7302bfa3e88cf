import { analyzeSpec } from "../../analysis/index.js";
import { REPORT_FORMATS, renderReport, type ByteUnits } from "../../report/index.js";
import { choiceFlag, EXIT, forEachFile, invalid, type CliCommand } from "../command.js";
import { SERVING_FLAGS, SERVING_FLAGS_USAGE, servingFlags } from "../serving-flags.js";
import { TRAINING_FLAGS, TRAINING_FLAGS_USAGE, trainingFlags } from "../training-flags.js";

const UNITS: readonly ByteUnits[] = ["iec", "si"];

export const reportCommand: CliCommand = {
  name: "report",
  takesSpecs: true,
  summary: "per-layer parameters, shapes and totals of each spec, and training memory",
  usage: `Usage: model-budget report SPEC... [--format table|markdown|json] [--explain] [--all] [--optimizer CALL] [--precision NAME] [--gpus N] [--zero STAGE] [--dtype DTYPE] [--units iec|si]
       [--serve] [--context N] [--batch N] [--kv-dtype DTYPE] [--attention eager|sdpa] [--kv-window full|cap]

Counts each spec's parameters exactly as PyTorch's sum(p.numel() for p in model.parameters()),
and with a training recipe the bytes of weights, buffers, gradients, optimizer state and master weights.

Options:
  -f, --format FORMAT   table (default), markdown or json
      --explain         show the arithmetic behind every layer's count and every byte
      --all             also list layers without parameters (activations, pooling, ...)
      --units UNITS     memory sizes in iec (KiB, MiB, GiB; the default) or si (kB, MB, GB) units

${TRAINING_FLAGS_USAGE}
${SERVING_FLAGS_USAGE}`,
  options: {
    format: { type: "string", short: "f", default: "table" },
    explain: { type: "boolean", default: false },
    all: { type: "boolean", default: false },
    units: { type: "string", default: "iec" },
    ...TRAINING_FLAGS,
    ...SERVING_FLAGS,
  },
  run(values, files, env) {
    const format = choiceFlag(values, "format", REPORT_FORMATS);
    if ("problem" in format) return invalid(format.problem);
    const units = choiceFlag(values, "units", UNITS);
    if ("problem" in units) return invalid(units.problem);
    const training = trainingFlags(values);
    if ("error" in training) return training.error;
    const overrides = servingFlags(values, training.settings);
    if ("error" in overrides) return overrides.error;
    if (files.length === 0) return invalid("report needs at least one spec file, e.g. model-budget report examples/gpt2.yaml");
    const { results, errors, diagnostics } = forEachFile(files, (file) => analyzeSpec(file, env.readFile, overrides.overrides), env.readFile);
    // A report on some specs but not others would read as complete: all or nothing.
    if (errors.length) return { exitCode: EXIT.invalid, stdout: format.value === "json" ? `${JSON.stringify({ diagnostics }, null, 2)}\n` : "", stderr: `${errors.join("\n")}\n` };
    return { exitCode: EXIT.ok, stdout: renderReport(results, format.value, { explain: values.explain === true, all: values.all === true, units: units.value }), stderr: "" };
  },
};
