import { DimensionError, layerTypes } from "../catalogue/index.js";
import { SpecError, closestName, formatDiagnostic, userErrors, type SourcePosition } from "../diagnostics/index.js";
import { describeCall, type ImportedSpec, type SpecChild, type SpecNode } from "./spec-tree.js";

/** A module as print(model) shows it. */
interface ReprModule {
  type: string;
  /** The whole text of a module printed on one line: `Conv2d(3, 64, kernel_size=(7, 7))`. */
  call?: string;
  children: ReprChild[];
  /** Lines of a multi-line module that name no child: its extra_repr. */
  extra: string[];
  /** Where the type name is. */
  position: SourcePosition;
  /** What the spec should say beside the layer: a Parameter's dtype. */
  comment?: string;
}

interface ReprChild {
  name: string;
  /** ModuleList prints a run of identical children once: `(0-11): 12 x Block(`. */
  count: number;
  module: ReprModule;
}

export interface ImportResult {
  spec: ImportedSpec;
  /** What the spec could not take over from the source, one message per problem, positioned in the source. */
  warnings: string[];
}

const CHILD = /^\((.+?)\): (?:(\d+) x )?/;
const RANGE = /^(\d+)-(\d+)$/;
const TYPE = /^[A-Za-z_][A-Za-z0-9_.]*/;
/** ParameterList and ParameterDict print their tensors: `(0): Parameter containing: [torch.float32 of size 3x4]`. */
const PARAMETER = /^(?:Parameter|Tensor) containing: \[(\S+) of size ([\dx]*)(?: \([^)]*\))?\]$/;
const SINGLE_PARAMETER = /^Parameter(?:List|Dict)\(\s*\((.+?)\): (.*)\)$/;
/** torch 1.x prints a tensor's legacy type name there. */
const LEGACY_TYPES: Readonly<Record<string, string>> = {
  FloatTensor: "float32",
  DoubleTensor: "float64",
  HalfTensor: "float16",
  BFloat16Tensor: "bfloat16",
  LongTensor: "int64",
  IntTensor: "int32",
  ShortTensor: "int16",
  CharTensor: "int8",
  ByteTensor: "uint8",
  BoolTensor: "bool",
};
/** Containers that print as `Sequential()` when empty: modules, not layers. */
const CONTAINERS = new Set(["Sequential", "ModuleList", "ModuleDict", "ParameterList", "ParameterDict"]);
/** What stands in for a leaf the catalogue cannot count: it holds no tensors, and the warning says so. */
const PLACEHOLDER = "Identity()";
const SHOWN_OCCURRENCES = 5;

/** The nesting depth after `text`, counting parentheses outside quotes; fails where it would go below zero. */
function depthAfter(text: string, at: (offset: number) => SourcePosition): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === "(") {
      depth++;
    } else if (ch === ")" && --depth < 0) {
      throw new SpecError(at(i), "')' closes nothing", "the file should hold exactly what print(model) printed");
    }
  }
  return depth;
}

function parameterModule(text: string, position: SourcePosition): ReprModule | undefined {
  const match = PARAMETER.exec(text);
  if (!match) return undefined;
  const typeName = match[1]!.replace(/^torch\.(?:cuda\.)?/, "");
  const dtype = LEGACY_TYPES[typeName] ?? typeName;
  const shape = match[2] ? match[2].split("x").join(", ") : "";
  return { type: "Parameter", call: `Parameter(${shape})`, children: [], extra: [], position, comment: dtype };
}

/** A module's first line: `Type(...)` whole, or `Type(` opening its children. */
function moduleAt(text: string, at: (offset: number) => SourcePosition, open: (module: ReprModule) => void): ReprModule {
  const type = TYPE.exec(text)?.[0];
  if (!type || text[type.length] !== "(") {
    throw new SpecError(at(0), `expected a module such as Linear(...), found '${text}'`, "the file should hold exactly what print(model) printed, nothing before or after");
  }
  const module: ReprModule = { type, children: [], extra: [], position: at(0) };
  // A ParameterList or ParameterDict of one tensor prints it on its own line: `ParameterList(  (0): Parameter containing: [...])`.
  const single = SINGLE_PARAMETER.exec(text);
  const parameter = single && parameterModule(single[2]!, at(text.indexOf(single[2]!)));
  if (single && parameter) return { ...module, children: [{ name: single[1]!, count: 1, module: parameter }] };
  const depth = depthAfter(text, at);
  if (depth === 0 && text.endsWith(")")) module.call = text;
  else if (depth === 1 && text === `${type}(`) open(module);
  else throw new SpecError(at(text.length), depth === 0 ? `unexpected text after '${type}(...)'` : `'${type}(' is not closed on its line`, "a module prints either whole on one line, or as 'Type(' with its children below");
  return module;
}

/** Parses what print(model) printed into its module tree; anything else is an error at file:line:col. */
export function parseTorchRepr(text: string, file: string): ReprModule {
  const open: ReprModule[] = [];
  let root: ReprModule | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const content = raw.trim();
    if (!content) return;
    const column = raw.length - raw.trimStart().length + 1;
    const at = (offset: number): SourcePosition => ({ file, line: index + 1, col: column + offset });
    const parent = open.at(-1);
    if (!parent) {
      if (root) throw new SpecError(at(0), "text after the end of the model", "the file should hold exactly what print(model) printed, nothing before or after");
      root = moduleAt(content, at, (module) => open.push(module));
      return;
    }
    if (content === ")") {
      open.pop();
      return;
    }
    const child = CHILD.exec(content);
    if (!child) {
      parent.extra.push(content);
      return;
    }
    let name = child[1]!;
    let count = 1;
    if (child[2] !== undefined) {
      const range = RANGE.exec(name);
      count = Number(child[2]);
      if (!range || Number(range[2]) - Number(range[1]) + 1 !== count) {
        throw new SpecError(at(1), `'(${name}): ${count} x' does not name ${count} children`, "ModuleList prints a run as (first-last): N x Module(");
      }
      name = range[1]!;
    }
    const rest = content.slice(child[0].length);
    const restAt = (offset: number) => at(child[0].length + offset);
    parent.children.push({ name, count, module: parameterModule(rest, restAt(0)) ?? moduleAt(rest, restAt, (module) => open.push(module)) });
  });
  if (!root) throw new SpecError({ file, line: 1, col: 1 }, "the file holds no model", "save what print(model) prints, e.g. python -c 'print(model)' > model.txt");
  const unclosed = open.at(-1);
  if (unclosed) throw new SpecError(unclosed.position, `'${unclosed.type}(' is never closed`, "the file ends inside this module: is it cut short?");
  return root;
}

interface Occurrence {
  path: string;
  module: ReprModule;
}

/** What the conversion could not count, gathered to report each unknown type once. */
interface Findings {
  unknown: Map<string, Occurrence[]>;
  invalid: string[];
  attention: boolean;
}

const placeholder = (comment: string): SpecNode => ({ kind: "layer", call: PLACEHOLDER, comment: `TODO ${comment}` });

const knownTypes = new Set(layerTypes());

const at = (module: ReprModule) => (offset: number) => ({ ...module.position, col: module.position.col + offset });

/**
 * PyTorch prints a MultiheadAttention as its out_proj alone, hiding embed_dim, num_heads, kdim, vdim and
 * add_bias_kv. out_proj is Linear(embed_dim, embed_dim); num_heads does not change the count, so 1 will do.
 */
function attentionLayer(module: ReprModule, findings: Findings): SpecNode | undefined {
  const [child, ...others] = module.children;
  if (module.type !== "MultiheadAttention" || !child || others.length || child.name !== "out_proj" || child.module.call === undefined) return undefined;
  let projection;
  try {
    projection = describeCall(child.module.call, at(child.module));
  } catch {
    return undefined;
  }
  if (projection.definition.type !== "NonDynamicallyQuantizableLinear" && projection.definition.type !== "Linear") return undefined;
  findings.attention = true;
  const bias = projection.args.bool("bias") ? "" : ", bias=False";
  return { kind: "layer", call: `MultiheadAttention(${projection.args.int("in_features")}, 1${bias})`, comment: "num_heads=1: print(model) hides it, and the count does not depend on it" };
}

function leafNode(module: ReprModule, call: string, path: string, findings: Findings): SpecNode {
  if (CONTAINERS.has(module.type) && call === `${module.type}()`) return { kind: "module", children: [], type: module.type };
  if (!knownTypes.has(module.type)) {
    findings.unknown.set(module.type, [...(findings.unknown.get(module.type) ?? []), { path, module }]);
    return placeholder(`print(model) shows ${call}: see the note at the top`);
  }
  try {
    describeCall(call, at(module));
  } catch (error) {
    const found = userErrors(error);
    // A size below 1 is never a real model's (PyTorch cannot build a negative one): refused, not replaced by a placeholder that counts nothing.
    if (!found || error instanceof DimensionError) throw error;
    findings.invalid.push(...found.map((problem) => formatDiagnostic(problem.position, `${path}: ${problem.detail}; the spec holds ${PLACEHOLDER} in its place`, problem.hint)));
    return placeholder(`print(model) shows ${call}, which does not count: ${found[0]!.detail}`);
  }
  return module.comment ? { kind: "layer", call, comment: module.comment } : { kind: "layer", call };
}

function convert(module: ReprModule, path: string, findings: Findings): SpecNode {
  if (module.call !== undefined) return leafNode(module, module.call, path, findings);
  const attention = attentionLayer(module, findings);
  if (attention) return attention;
  // A module whose extra_repr spans lines and which has no children is a layer printed on several lines.
  if (module.children.length === 0) return leafNode(module, `${module.type}(${module.extra.join(", ")})`, path, findings);
  const children: SpecChild[] = module.children.map((child) => {
    const name = child.count > 1 ? `[${child.name}-${Number(child.name) + child.count - 1}]` : child.name;
    return { name: child.name, count: child.count, node: convert(child.module, path ? `${path}.${name}` : name, findings) };
  });
  return { kind: "module", children, type: module.type };
}

/** Catalogue types the unknown type may be: its suffix (LlamaRMSNorm → RMSNorm), or a near spelling (Conv2D → Conv2d). */
function lookalike(module: ReprModule, call: string): string | undefined {
  const suffix = [...knownTypes].filter((type) => type.length >= 4 && module.type.endsWith(type)).sort((a, b) => b.length - a.length)[0];
  for (const type of [suffix, closestName(module.type, knownTypes)]) {
    if (type === undefined) continue;
    const candidate = type + call.slice(module.type.length);
    try {
      describeCall(candidate, at(module));
      return candidate;
    } catch {
      // Only a look-alike that counts as written is worth suggesting.
    }
  }
  return undefined;
}

function unknownWarning(type: string, occurrences: Occurrence[]): string {
  const first = occurrences[0]!;
  const call = first.module.call ?? `${type}(...)`;
  const shown = occurrences.slice(0, SHOWN_OCCURRENCES).map(({ path, module }) => {
    const { file, line, col } = module.position;
    return `  ${file}:${line}:${col}: ${path}: ${module.call ?? `${type}(...)`}`;
  });
  const more = occurrences.length > SHOWN_OCCURRENCES ? [`  ... and ${occurrences.length - SHOWN_OCCURRENCES} more`] : [];
  const leafName = first.path.split(".").at(-1)!;
  const suggestion = lookalike(first.module, call);
  return [
    `${type} is no layer type model-budget knows (printed ${occurrences.length === 1 ? "once" : `${occurrences.length} times`}); the spec holds ${PLACEHOLDER} in its place, which holds no tensors:`,
    ...shown,
    ...more,
    `  print(model) shows a module's children, never the tensors a module creates itself. If ${type} holds an nn.Parameter`,
    `  (self.weight = nn.Parameter(...), say), write each as a Parameter entry with its name and shape:`,
    `  - ${leafName}: {layers: [{weight: Parameter(SIZE)}]}`,
    `  If it holds none (an activation function, say), ${PLACEHOLDER} is right.`,
    ...(suggestion ? [`  If ${type} is torch.nn's ${suggestion.slice(0, suggestion.indexOf("("))} under another name, write ${suggestion}.`] : []),
  ].join("\n");
}

/** Turns what print(model) printed into a spec whose counts are PyTorch's, with what it could not count listed. */
export function importTorchRepr(text: string, file: string, model: string): ImportResult {
  const root = parseTorchRepr(text, file);
  const findings: Findings = { unknown: new Map(), invalid: [], attention: false };
  const node = convert(root, "", findings);
  const layers: SpecChild[] = node.kind === "module" ? node.children : [{ name: "0", count: 1, node }];
  const notes = [
    `Generated by model-budget import torch-repr from ${file.split("/").at(-1)}, what print(model) printed.`,
    "print(model) shows modules and layers, never the tensors a custom module creates itself (nn.Parameter,",
    "register_buffer) nor which weights are shared: add those as Parameter entries and under tie:.",
    ...(findings.attention
      ? ["print(model) hides MultiheadAttention's num_heads, kdim, vdim and add_bias_kv: num_heads is 1 here, which counts",
         "the same as any other; kdim, vdim and add_bias_kv are PyTorch's defaults. Check them against the model's code."]
      : []),
    ...(findings.unknown.size || findings.invalid.length ? [`Entries marked TODO hold ${PLACEHOLDER} where print(model) shows a layer model-budget cannot count.`] : []),
  ];
  const warnings = [...[...findings.unknown].map(([type, occurrences]) => unknownWarning(type, occurrences)), ...findings.invalid];
  return { spec: { model, notes, layers }, warnings };
}
