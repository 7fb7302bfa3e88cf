import { analyzeSpec, whatFits, type JsonFits } from "../../analysis/index.js";
import { parseQuantity } from "../../budget/sizes.js";
import { formatInteger } from "../../count/index.js";
import { choiceOf } from "../../diagnostics/choice.js";
import { DIAGNOSTICS } from "../../diagnostics/index.js";
import { parseBudget } from "../../budget/budget-file.js";
import { ACCELERATORS, acceleratorTable, type Accelerator } from "../../memory/index.js";
import type { ReadFile } from "../../resolve/index.js";
import { formatBytes } from "../../metrics/index.js";
import { choiceFlag, EXIT, forEachFile, invalid, type CliCommand, type CliResult, type OptionValues } from "../command.js";
import { servingFlagList, servingFlags } from "../serving-flags.js";
import { trainingFlagList, trainingFlags } from "../training-flags.js";

const FITS_FORMATS = ["table", "json"] as const;

const ACCELERATOR_LINES = ACCELERATORS.map(
  (accelerator) => `  ${accelerator.name.padEnd(22)} ${formatInteger(accelerator.memoryBytes).padStart(19)} B  ${accelerator.source}`,
).join("\n");

export const fitsCommand: CliCommand = {
  name: "fits",
  takesSpecs: true,
  summary: "what fits on an accelerator: the longest context, the largest batch, the fewest GPUs to train",
  arguments: "SPEC...",
  description: `Answers the inverse questions of serving memory (docs/serving.md), each exact at the memory boundary: the longest context that fits at batch 1, the largest batch at the context, and with a training recipe (training: or --optimizer) the fewest GPUs of this kind at each ZeRO stage.`,
  flags: [
    { name: "gpu", type: "string", value: "NAME", description: "the accelerator, from the table below", unset: "none: give --gpu or --memory" },
    { name: "memory", type: "string", value: "BYTES", description: "its memory instead of the table's (80GiB, 85899345920): an accelerator of your own", unset: "the table's" },
    {
      name: "budget",
      type: "string",
      value: "FILE",
      description: "a budget file whose accelerators: section --gpu may name, beside the spec's serving.accelerators and the table",
      unset: "none",
    },
    {
      name: "gpus",
      type: "string",
      value: "N",
      description: "GPUs whose memory serving may use together (pooled, as tensor parallelism splits weights and KV heads)",
      unset: "1",
    },
    { name: "reserve", type: "string", default: "0", value: "AMOUNT", description: "memory set aside on each GPU for the driver, CUDA context and fragmentation: 10% or 2GiB" },
    { name: "format", short: "f", type: "string", default: "table", value: "FORMAT", description: "table or json" },
    ...servingFlagList(),
    // --gpus is this command's: the accelerators, not the training recipe's.
    ...trainingFlagList().filter((flag) => flag.name !== "gpus"),
  ],
  notes: `Accelerators (memory as the vendor states it, in binary units):\n${ACCELERATOR_LINES}\nA spec's serving.accelerators and a budget file's accelerators (--budget) add their own, or give a name of the table another figure: {my-gpu: {memory: 48GiB, source: "..."}}.`,
  examples: [
    { command: "model-budget fits examples/llama3-8b.yaml --gpu H100-80GB", does: "the longest context and the largest batch that fit on one H100" },
    { command: "model-budget fits examples/llama3-8b.yaml --gpu A100-40GB --reserve 10% --context 8192", does: "the largest batch at 8,192 tokens with a tenth held back" },
    { command: "model-budget fits examples/llama2-7b.yaml --gpu H100-80GB --optimizer AdamW --precision mixed-bf16", does: "also the fewest GPUs to train it at each ZeRO stage" },
  ],
  run(values, files, env) {
    const format = choiceFlag(values, "format", FITS_FORMATS);
    if ("problem" in format) return invalid(format.problem);
    if (typeof values.gpu !== "string") return invalid(`fits needs --gpu: one of ${ACCELERATORS.map((accelerator) => accelerator.name).join(", ")}`);
    const budget = budgetAccelerators(values, env.readFile);
    if ("error" in budget) return budget.error;
    // --gpus counts this command's accelerators, not the training recipe's.
    const training = trainingFlags({ ...values, gpus: undefined });
    if ("error" in training) return training.error;
    // --context is the serving recipe's context, which the largest batch is for.
    const overrides = servingFlags(values, training.settings, true);
    if ("error" in overrides) return overrides.error;
    if (files.length === 0) return invalid("fits needs a spec file, e.g. model-budget fits examples/llama3-8b.yaml --gpu H100-80GB");
    const { results: models, errors } = forEachFile(files, (file) => ({ file, model: analyzeSpec(file, env.readFile, overrides.overrides) }), env.readFile);
    if (errors.length) return { exitCode: EXIT.invalid, stdout: "", stderr: `${errors.join("\n")}\n` };
    const results: { file: string; fits: JsonFits }[] = [];
    for (const { file, model } of models) {
      // The spec's own accelerators, then the budget file's, then the table's.
      const accelerator = acceleratorOf(values, acceleratorTable([...(model.accelerators ?? []), ...budget.value]));
      if ("problem" in accelerator) return invalid(accelerator.problem);
      const amounts = gpusAndReserve(values, accelerator.value);
      if ("problem" in amounts) return invalid(amounts.problem);
      results.push({ file, fits: whatFits(model, { accelerator: accelerator.value, ...amounts.value }) });
    }
    if (format.value === "json") return ok(`${JSON.stringify(results.length === 1 ? { fits: results[0]!.fits } : results, null, 2)}\n`);
    return ok(results.map((result) => fitsText(result.file, result.fits)).join("\n"));
  },
};

/** The accelerators of --budget FILE's accelerators: section; none without the flag. */
function budgetAccelerators(values: OptionValues, read: ReadFile): { value: Accelerator[] } | { error: CliResult } {
  if (typeof values.budget !== "string") return { value: [] };
  const file = values.budget;
  const { results, errors } = forEachFile([file], () => parseBudget(read(file), file), read);
  if (errors.length) return { error: { exitCode: EXIT.invalid, stdout: "", stderr: `${errors.join("\n")}\n` } };
  return { value: results[0]!.accelerators ?? [] };
}

function ok(stdout: string): CliResult {
  return { exitCode: EXIT.ok, stdout, stderr: "" };
}

/** The accelerator --gpu names in `table`, with --memory in place of its figure. */
function acceleratorOf(values: OptionValues, table: readonly Accelerator[]): { value: Accelerator } | { problem: string } {
  const asked = String(values.gpu);
  const names = table.map((accelerator) => accelerator.name);
  const memory = typeof values.memory === "string" ? parseQuantity(values.memory) : undefined;
  if (typeof values.memory === "string") {
    if (!memory || memory.kind === "percent" || memory.value < 1) return { problem: `--memory is an amount of bytes such as 80GiB, not '${values.memory}'` };
    return { value: { name: asked, memoryBytes: memory.value, source: "--memory" } };
  }
  // A name without its memory suffix (L4, RTX-4090) names the one accelerator it begins, case aside.
  const begun = names.filter((name) => name.toLowerCase().startsWith(`${asked.toLowerCase()}-`));
  const chosen = names.includes(asked) ? { value: asked } : begun.length === 1 ? { value: begun[0]! } : choiceOf("--gpu", asked, names);
  if ("problem" in chosen)
    return {
      problem: `${chosen.problem} [${DIAGNOSTICS["unknown-accelerator"].code}]\n  or give its memory with --memory 80GiB, or add it to the spec's serving.accelerators or the --budget file's accelerators: {${asked}: {memory: 80GiB}}`,
    };
  return { value: table.find((accelerator) => accelerator.name === chosen.value)! };
}

function gpusAndReserve(values: OptionValues, accelerator: Accelerator): { value: { gpus: number; reserveBytes: number } } | { problem: string } {
  const gpusText = typeof values.gpus === "string" ? values.gpus : "1";
  if (!/^\d+$/.test(gpusText) || Number(gpusText) < 1 || !Number.isSafeInteger(Number(gpusText))) return { problem: `--gpus is a whole number of at least 1, not '${gpusText}'` };
  const reserve = parseQuantity(String(values.reserve));
  if (!reserve) return { problem: `--reserve is a share (10%) or an amount of bytes (2GiB), not '${String(values.reserve)}'` };
  const reserveBytes = reserve.kind === "percent" ? Math.ceil((accelerator.memoryBytes * reserve.value) / 100) : reserve.value;
  if (reserveBytes >= accelerator.memoryBytes)
    return { problem: `--reserve ${String(values.reserve)} leaves nothing of ${accelerator.name}'s ${formatInteger(accelerator.memoryBytes)} B` };
  return { value: { gpus: Number(gpusText), reserveBytes } };
}

/** Memory is not the only limit on the context: positions past the trained context were never trained. */
function trainedNote(fits: JsonFits): string {
  if (fits.trainedContext === null) return "";
  return fits.maxContext !== null && fits.maxContext > fits.trainedContext
    ? ` (beyond the trained context of ${formatInteger(fits.trainedContext)} tokens: memory is not the limit there)`
    : ` (trained context ${formatInteger(fits.trainedContext)} tokens)`;
}

function fitsText(file: string, fits: JsonFits): string {
  const bytes = (value: number) => `${formatInteger(value)} B (${formatBytes(value, "iec")})`;
  const count = (value: number | null, unit: string) => (value === null ? "none fits" : `${formatInteger(value)} ${unit}`);
  const gpus = (value: number | null) => (value === null ? "—" : formatInteger(value));
  const { zero0, zero1, zero2, zero3 } = fits.minGpus;
  return [
    `${file} on ${fits.gpus === 1 ? "" : `${fits.gpus} × `}${fits.gpu}: ${bytes(fits.memoryBytes)} each (${fits.source}), ${bytes(fits.reserveBytes)} reserved`,
    `  usable: ${bytes(fits.usableBytes)}; weights ${bytes(fits.weights)}, buffers ${bytes(fits.buffers)}, KV cache ${formatInteger(fits.kvCachePerToken)} B per token${fits.crossKvCache === 0 ? "" : ` and ${formatInteger(fits.crossKvCache)} B of cross-attention per sequence`}${fits.statePerSequence > 0 ? `, state ${formatInteger(fits.statePerSequence)} B per sequence` : ""}`,
    ...(fits.maxContext === null && fits.context === null ? [] : [`  longest context at batch 1: ${count(fits.maxContext, "tokens")}${trainedNote(fits)}`]),
    `  largest batch${fits.context === null ? "" : ` at ${formatInteger(fits.context)} tokens`}: ${count(fits.maxBatch, fits.context === null ? "samples" : "sequences")}`,
    `  fewest GPUs to train (ZeRO 0 / 1 / 2 / 3): ${[zero0, zero1, zero2, zero3].map(gpus).join(" / ")}${zero1 === null && zero3 === null ? " (needs a training recipe with an optimizer, or more memory)" : ""}`,
    "",
  ].join("\n");
}
