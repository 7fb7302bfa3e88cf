import { analyzeSpec, hintJson, type AnalyzedModel } from "../../analysis/index.js";
import type { Diagnostic } from "../../diagnostics/index.js";
import { renderDiagnostic } from "../../diagnostics/render.js";
import type { ReadFile } from "../../resolve/index.js";
import { hintFixLine, hintsSummary } from "../../report/index.js";
import { choiceFlag, EXIT, forEachFile, invalid, sourceReader, type CliCommand } from "../command.js";
import { trainingFlagList, trainingFlags } from "../training-flags.js";

const LINT_FORMATS = ["table", "json"] as const;

/** A spec's hints as the CLI prints diagnostics: `file:line:col: message [MB1001]`, the source line, the fix and its saving. */
function hintsText(model: AnalyzedModel, read: ReadFile): string {
  const hints = model.hints ?? [];
  const sourceOf = sourceReader(read);
  const blocks = hints.map((hint) => {
    const { file, line, col } = hint.position;
    const shown: Diagnostic = {
      code: hint.code,
      name: hint.name,
      severity: hint.severity,
      file,
      line,
      col,
      message: `${hint.severity}: ${hint.message}`,
      hint: hintFixLine(hintJson(hint, model)),
    };
    return renderDiagnostic(shown, sourceOf(file));
  });
  return [...blocks, `${model.model} (${model.file}): ${hints.length ? hintsSummary(hints.map((hint) => hintJson(hint, model))) : "no hints"}`].join("\n\n");
}

export const lintCommand: CliCommand = {
  name: "lint",
  takesSpecs: true,
  summary: "review hints: what could be cheaper or is likely a mistake, with what each fix saves",
  arguments: "SPEC...",
  description: `Points out what a reviewer would: a bias a normalization cancels, 16-bit dimensions that miss tensor cores, an untied embedding and head, odd attention head sizes, layers the forward never calls, a lone frozen layer, layers that do nothing. Each hint has a code (MB10xx), a position, the fix and the parameters and bytes it saves; docs/lint.md lists them. A spec's lint: {ignore: [CODE...]} (at its top or on an entry) turns hints off.`,
  flags: [
    { name: "format", short: "f", type: "string", default: "table", value: "FORMAT", description: "table or json: one {model, file, hints} object per spec, an array for several" },
    { name: "strict", type: "boolean", description: "exit with status 3 when any spec has a hint (0 otherwise, with hints or not)" },
    ...trainingFlagList(),
  ],
  examples: [
    { command: "model-budget lint examples/lint/sloppy.yaml", does: "every hint of a deliberately sloppy spec, with what each fix saves" },
    { command: "model-budget lint 'models/*.yaml' --precision mixed-bf16", does: "with the 16-bit alignment hints of mixed-precision training" },
    { command: "model-budget lint models/unet.yaml --format json --strict", does: "the hints as JSON, exit status 3 when there is any" },
  ],
  run(values, files, env) {
    const format = choiceFlag(values, "format", LINT_FORMATS);
    if ("problem" in format) return invalid(format.problem);
    const training = trainingFlags(values);
    if ("error" in training) return training.error;
    if (files.length === 0) return invalid("lint needs at least one spec file, e.g. model-budget lint examples/lint/sloppy.yaml");
    const { results, errors, diagnostics } = forEachFile(files, (file) => analyzeSpec(file, env.readFile, training.settings), env.readFile);
    if (errors.length) return { exitCode: EXIT.invalid, stdout: format.value === "json" ? `${JSON.stringify({ diagnostics }, null, 2)}\n` : "", stderr: `${errors.join("\n")}\n` };
    const found = results.some((model) => (model.hints ?? []).length > 0);
    const exitCode = values.strict === true && found ? EXIT.failed : EXIT.ok;
    if (format.value === "json") {
      const objects = results.map((model) => ({ model: model.model, file: model.file, hints: (model.hints ?? []).map((hint) => hintJson(hint, model)) }));
      return { exitCode, stdout: `${JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2)}\n`, stderr: "" };
    }
    return { exitCode, stdout: `${results.map((model) => hintsText(model, env.readFile)).join("\n\n")}\n`, stderr: "" };
  },
};
