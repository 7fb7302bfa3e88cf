import { posix } from "node:path";
import { analyzeSpec } from "../../analysis/index.js";
import { formatInteger, type ModelCount } from "../../count/index.js";
import { diagnostic, userErrors, type Diagnostic } from "../../diagnostics/index.js";
import { renderDiagnostic } from "../../diagnostics/render.js";
import { choiceOf } from "../../diagnostics/choice.js";
import { YAML_MAX_BYTES } from "../../parse/yaml.js";
import {
  elementBits,
  elementCount,
  ggufConfigText,
  ggufParameters,
  isQuantized,
  importCheckpoint,
  importHfConfig,
  importTorchRepr,
  renderSpec,
  type CheckpointFormat,
  type CheckpointTensor,
  type GgufTensor,
  type ImportResult,
} from "../../import/index.js";
import { helpText } from "../flags.js";
import { EXIT, forEachFile, invalid, writeOutput, type CliCommand, type CliEnvironment, type CliResult } from "../command.js";

interface Imported extends Omit<ImportResult, "spec"> {
  /** The spec as a tree to render, or (from a config.json) as written YAML. */
  spec: ImportResult["spec"] | { text: string };
  /** The checkpoint's tensors, whose totals the spec must reproduce; absent for print(model) text. */
  tensors?: CheckpointTensor[];
  /** The totals the spec must reproduce: a config.json's own count; a GGUF file's parameters (its buffers are not saved). */
  totals?: { params: number; buffers?: number };
}

type Importer = (file: string, model: string, env: CliEnvironment) => Imported;

const fromCheckpoint =
  (format: CheckpointFormat): Importer =>
  (file, model, env) => {
    if (!env.readCheckpoint) throw new Error("this CLI environment cannot open checkpoints");
    const tensors = env.readCheckpoint(file, { format });
    const stored = format === "gguf" ? [storedBytesNote(tensors as GgufTensor[])] : tensors.some(isQuantized) ? [quantizedNote(tensors)] : [];
    return { spec: importCheckpoint({ file, format, tensors }, model), warnings: [], tensors, caveats: stored };
  };

/** A GGUF file's logical parameters are the spec's; its bytes, by ggml type, are what it stores them in. */
function storedBytesNote(tensors: readonly GgufTensor[]): string {
  const byType = new Map<string, { tensors: number; elements: number; bytes: number }>();
  for (const tensor of tensors) {
    const sum = byType.get(tensor.ggmlType) ?? { tensors: 0, elements: 0, bytes: 0 };
    byType.set(tensor.ggmlType, { tensors: sum.tensors + 1, elements: sum.elements + elementCount(tensor.shape)!, bytes: sum.bytes + tensor.storedBytes });
  }
  return storedNote(byType);
}

/** A quantized checkpoint's logical parameters are the spec's; its bytes, by packing, are what it stores them in (zeros, scales, g_idx included). */
function quantizedNote(tensors: readonly CheckpointTensor[]): string {
  const byType = new Map<string, { tensors: number; elements: number; bytes: number }>();
  for (const tensor of tensors) {
    const type = isQuantized(tensor) ? tensor.storedAs : tensor.dtype;
    const bytes = isQuantized(tensor) ? tensor.storedBytes : (elementCount(tensor.shape)! * elementBits(tensor.dtype)!) / 8;
    const sum = byType.get(type) ?? { tensors: 0, elements: 0, bytes: 0 };
    byType.set(type, { tensors: sum.tensors + 1, elements: sum.elements + elementCount(tensor.shape)!, bytes: sum.bytes + bytes });
  }
  return storedNote(byType);
}

function storedNote(byType: ReadonlyMap<string, { tensors: number; elements: number; bytes: number }>): string {
  const total = [...byType.values()].reduce((sum, type) => sum + type.bytes, 0);
  const types = [...byType].map(([type, sum]) => `${type} ${formatInteger(sum.elements)} elements in ${formatInteger(sum.bytes)} bytes (${sum.tensors} tensors)`);
  return `the file stores these logical elements in ${formatInteger(total)} bytes of tensor data: ${types.join(", ")}`;
}

/** A config.json's spec, with the config's own count for the check below and the warning when its forward is not followed. */
const fromHfConfig: Importer = (file, model, env) => {
  const { text, notFollowed } = importHfConfig(env.readFile(file), file, model);
  const { totals } = analyzeSpec(file, env.readFile);
  const caveats = notFollowed ? [`no shapes: ${notFollowed}; the spec holds the exact parameters, add input: and forward: to follow it`] : [];
  return { spec: { text }, warnings: [], caveats, totals: { params: totals.params, buffers: totals.buffers } };
};

/**
 * A llama-family GGUF file as the config.json its architecture metadata stands for (vars, forward, attention),
 * when that config counts exactly the file's logical parameters; otherwise, or for another architecture, its tensors.
 */
const fromGguf: Importer = (file, model, env) => {
  const tensorSpec = fromCheckpoint("gguf")(file, model, env);
  const header = env.readGgufHeader?.(file);
  const config = header && ggufConfigText(header);
  if (!header || config === undefined) return tensorSpec;
  // ggufConfigText found it a string.
  const architecture = header.metadata.get("general.architecture") as string;
  const kept = (why: string): Imported => ({ ...tensorSpec, caveats: [...(tensorSpec.caveats ?? []), `the spec keeps GGUF's tensors: ${why}`] });
  let text: string;
  let params: number;
  try {
    text = importHfConfig(config, file, model, `they are the GGUF file's ${architecture}.* metadata`).text;
    params = analyzeSpec(`${model}.yaml`, (path) => (path === `${model}.yaml` ? text : env.readFile(path))).totals.params;
  } catch (error) {
    const found = userErrors(error);
    if (!found) throw error;
    return kept(`its ${architecture} metadata is no config transformers builds (${found[0]!.message.split("\n")[0]})`);
  }
  const stored = ggufParameters(header);
  if (params !== stored) return kept(`the ${architecture} config its metadata describes has ${formatInteger(params)} parameters, its tensors ${formatInteger(stored)}`);
  return { spec: { text }, warnings: [], caveats: tensorSpec.caveats ?? [], totals: { params: stored } };
};

const IMPORTERS: Readonly<Record<string, Importer>> = {
  "torch-repr": (file, model, env) => importTorchRepr((env.readModelText ?? env.readFile)(file), file, model),
  safetensors: fromCheckpoint("safetensors"),
  onnx: fromCheckpoint("onnx"),
  gguf: fromGguf,
  "hf-config": fromHfConfig,
};

/** `resnet50.txt` → resnet50; Hugging Face's `Llama-2-7b/model.safetensors.index.json` or `Llama-2-7b/config.json` → Llama-2-7b, not "model". */
function modelName(file: string, cwd: string): string {
  const stem = posix.basename(file).replace(/(?:\.safetensors)?(?:\.index)?\.(?:json|safetensors|onnx|gguf|txt)$/, "");
  const folder = posix.basename(posix.dirname(posix.resolve(cwd, file)));
  return (stem === "model" || stem === "config") && folder ? folder : stem;
}

/** A checkpoint's own totals, to prove the spec reproduces them. */
function checkpointTotals(tensors: readonly CheckpointTensor[]): { elements: number; tensors: number } {
  // Every reader has checked each tensor's element count to be exact.
  return { elements: tensors.reduce((sum, tensor) => sum + elementCount(tensor.shape)!, 0), tensors: tensors.length };
}

function specTotals(count: ModelCount): { elements: number; tensors: number } {
  const tensors = count.layers.reduce((sum, layer) => sum + layer.count * (layer.parameters.filter((tensor) => tensor.sharedWith === undefined).length + layer.buffers.length), 0);
  return { elements: count.totals.params + count.totals.buffers, tensors };
}

function summary(specFile: string, count: ModelCount): string {
  const { params, buffers } = count.totals;
  return `${specFile}: ${formatInteger(params)} parameters${buffers ? `, ${formatInteger(buffers)} buffer elements` : ""}`;
}

export const importCommand: CliCommand = {
  name: "import",
  summary: "write a spec from print(model) text, a Hugging Face config.json, a safetensors checkpoint or an ONNX model",
  arguments: "torch-repr|safetensors|onnx|gguf|hf-config FILE",
  description: `Writes a spec whose counts equal its source's:
  torch-repr FILE: the text print(model) printed; runs of alike children become repeat:
  safetensors FILE: a .safetensors checkpoint, or a sharded one's model.safetensors.index.json
  onnx FILE: an ONNX model's initializers, external data files included
  gguf FILE: a llama.cpp .gguf file's tensor infos: logical shapes, and the bytes each ggml type stores;
    a llama, qwen2 or qwen3 file as the config.json its metadata describes, when that counts its tensors exactly
  hf-config FILE: a Hugging Face config.json: the class its architectures names, as transformers builds it
Checkpoints are read header only, never their tensor data: a 15 GB checkpoint takes milliseconds.`,
  flags: [
    { name: "output", short: "o", type: "string", value: "SPEC", description: "write the spec to SPEC", unset: "standard output" },
    { name: "model", type: "string", value: "NAME", description: "the spec's model name", unset: "from FILE's name" },
  ],
  examples: [
    { command: "python -c 'import torchvision; print(torchvision.models.resnet50())' > resnet50.txt", does: "print a model first, then:" },
    { command: "model-budget import torch-repr resnet50.txt -o models/resnet50.yaml", does: "a spec from what print(model) printed" },
    { command: "model-budget import hf-config Llama-3-8B/config.json -o models/llama3.yaml", does: "a spec from a Hugging Face config, to edit by hand" },
  ],
  run(values, positionals, env): CliResult {
    const [format, file, ...others] = positionals;
    if (format === undefined || file === undefined || others.length)
      return invalid(`import takes a format and one file, e.g. model-budget import torch-repr model.txt\n\n${helpText(importCommand)}`);
    const known = choiceOf("the import format", format, Object.keys(IMPORTERS));
    if ("problem" in known) return invalid(known.problem);
    const importer = IMPORTERS[known.value]!;
    const model = typeof values.model === "string" ? values.model : modelName(file, env.cwd);
    const output = typeof values.output === "string" ? values.output : undefined;
    const { results, errors } = forEachFile([file], (path) => importer(path, model, env), env.readModelText ?? env.readFile);
    const imported = results[0];
    if (!imported) return { exitCode: EXIT.invalid, stdout: "", stderr: `${errors.join("\n")}\n` };

    const text = "text" in imported.spec ? imported.spec.text : renderSpec(imported.spec);
    const specFile = output ?? `${model}.yaml`;
    const bytes = Buffer.byteLength(text);
    if (bytes > YAML_MAX_BYTES) {
      const size = (value: number) => value.toLocaleString("en-US");
      const detail = `the spec made from it would be ${size(bytes)} bytes, more than the ${size(YAML_MAX_BYTES)} a spec may have`;
      return {
        exitCode: EXIT.invalid,
        stdout: "",
        stderr: `${renderDiagnostic(diagnostic("spec-too-large", { file, line: 1, col: 1 }, detail, "its modules differ too much to fold into repeat:; write the spec by hand with blocks: and repeat:"))}\n`,
      };
    }
    const bug = (detail: string): CliResult => ({
      exitCode: EXIT.internal,
      stdout: "",
      stderr: `model-budget: the spec made from ${file} ${detail}: this is a bug, please report it\n`,
    });
    let count: ModelCount;
    try {
      count = analyzeSpec(specFile, (path) => (path === specFile ? text : env.readFile(path)));
    } catch (error) {
      const found = userErrors(error);
      if (!found) throw error;
      return bug(`does not count:\n${found.map((problem) => problem.message).join("\n")}`);
    }
    if (imported.tensors) {
      const [expected, got] = [checkpointTotals(imported.tensors), specTotals(count)];
      if (expected.elements !== got.elements || expected.tensors !== got.tensors) {
        return bug(`counts ${got.tensors} tensors of ${got.elements} elements, where the checkpoint has ${expected.tensors} of ${expected.elements}`);
      }
    }
    if (imported.totals && (imported.totals.params !== count.totals.params || (imported.totals.buffers ?? count.totals.buffers) !== count.totals.buffers)) {
      return bug(
        `counts ${count.totals.params} parameters and ${count.totals.buffers} buffer elements, where the config has ${imported.totals.params} and ${imported.totals.buffers ?? "any"}`,
      );
    }
    const warnings = imported.warnings.map((warning) => `model-budget: warning: ${warningText(warning)}\n`).join("");
    // What the count may lack or hold twice belongs beside the count, wherever the count is printed.
    const caveats = (imported.caveats ?? []).map((caveat) => `model-budget: note: ${caveat}\n`).join("");
    if (output === undefined) return { exitCode: EXIT.ok, stdout: text, stderr: `${warnings}model-budget: ${summary(specFile, count)}\n${caveats}` };
    if (!env.writeFile) return invalid(`cannot write ${output} here`);
    const failed = writeOutput(env, output, text);
    if (failed) return failed;
    return { exitCode: EXIT.ok, stdout: `model-budget: wrote ${summary(output, count)}\n`, stderr: `${warnings}${caveats}` };
  },
};

/**
 * An importer's warning: a layer whose printed arguments do not count as any diagnostic, one about a
 * module type as its own text (it lists each place the type is printed), the code after its first line.
 */
function warningText(warning: Diagnostic): string {
  if (warning.name === "printed-arguments-invalid") return renderDiagnostic(warning);
  return warning.message.replace(/\n|$/, (end) => ` [${warning.code}]${end}`);
}
