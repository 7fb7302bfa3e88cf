import { initialBudget } from "../../budget/init.js";
import { parseQuantity, type Quantity } from "../../budget/sizes.js";
import { analyzeSpec, toJsonReport } from "../../analysis/index.js";
import { quantitiesOf } from "../../metrics/index.js";
import { FileAccessError } from "../../diagnostics/index.js";
import { EXIT, forEachFile, invalid, progressStep, writeOutput, type CliCommand } from "../command.js";
import { trainingFlagList, trainingFlags } from "../training-flags.js";

/** Headroom past this share is no budget at all (and soon past 2^53). */
const MAX_HEADROOM = 1000;

export const initCommand: CliCommand = {
  name: "init",
  takesSpecs: true,
  summary: "write a budget file from the current specs, with headroom",
  arguments: "SPEC...",
  description: "Writes a budget file whose limits are each spec's current figures plus the headroom, rounded up.",
  flags: [
    { name: "headroom", type: "string", default: "10%", value: "PERCENT", description: "room above today's figures" },
    { name: "growth", type: "string", default: "5%", value: "AMOUNT", description: "allowed growth per PR over the base branch: 0, a share such as 2%, or an amount such as 1.5M" },
    { name: "output", short: "o", type: "string", default: ".github/model-budget.yml", value: "FILE", description: "where to write it" },
    { name: "force", type: "boolean", description: "overwrite an existing file" },
    ...trainingFlagList("Training memory (each flag overrides the spec's training: section; any of them, or the section, adds memory limits)"),
  ],
  examples: [
    { command: "model-budget init 'models/*.yaml'", does: "a budget with 10% headroom for every spec under models/" },
    {
      command: "model-budget init models/gpt2.yaml --headroom 20% --growth 1M --optimizer AdamW",
      does: "with training-memory limits for AdamW, and at most 1M more parameters per PR",
    },
  ],
  run(values, specs, env) {
    const headroomText = String(values.headroom).endsWith("%") ? String(values.headroom) : `${String(values.headroom)}%`;
    const headroom = quantityFlag(headroomText);
    if (headroom === "too large" || (headroom?.kind === "percent" && headroom.value > MAX_HEADROOM)) {
      return invalid(`--headroom must be at most ${MAX_HEADROOM}%, not '${String(values.headroom)}'`);
    }
    if (headroom?.kind !== "percent") return invalid(`--headroom must be a percentage such as 10%, not '${String(values.headroom)}'`);
    const growth = quantityFlag(String(values.growth));
    if (growth === "too large") return invalid(`--growth ${String(values.growth)} is beyond 2^53 and cannot be compared exactly`);
    if (!growth) return invalid(`--growth must be 0, a percentage such as 2%, or an amount such as 1.5M, not '${String(values.growth)}'`);
    if (specs.length === 0) return invalid("init needs the spec files to budget, e.g. model-budget init models/*.yaml");
    const output = String(values.output);
    if (!values.force) {
      try {
        env.readFile(output);
        return invalid(`${output} exists already: pass --force to overwrite it`);
      } catch (error) {
        // Absent, as it should be; something that is no file cannot be written either.
        if (error instanceof FileAccessError && error.detail.endsWith("not a regular file")) return invalid(`cannot write ${output}: it ${error.detail}`);
        if (error instanceof FileAccessError) return invalid(`${output} exists already: pass --force to overwrite it`);
      }
    }
    const training = trainingFlags(values);
    if ("error" in training) return training.error;
    const { results, errors } = forEachFile(
      specs,
      (file) => ({ key: file, quantities: quantitiesOf(toJsonReport(analyzeSpec(file, env.readFile, training.settings, progressStep(env, file)))) }),
      env.readFile,
    );
    if (errors.length) return { exitCode: EXIT.invalid, stdout: "", stderr: `${errors.join("\n")}\n` };
    const text = initialBudget(results, headroom.value, String(values.growth));
    if (!env.writeFile) return { exitCode: EXIT.ok, stdout: text, stderr: "" };
    const failed = writeOutput(env, output, text);
    if (failed) return failed;
    return { exitCode: EXIT.ok, stdout: `model-budget: wrote ${output} for ${results.length} spec${results.length === 1 ? "" : "s"}\n`, stderr: "" };
  },
};

/** A size or share from a flag; "too large" past 2^53, which parseQuantity reports by throwing. */
function quantityFlag(text: string): Quantity | undefined | "too large" {
  try {
    return parseQuantity(text);
  } catch (error) {
    if (error instanceof RangeError) return "too large";
    throw error;
  }
}
