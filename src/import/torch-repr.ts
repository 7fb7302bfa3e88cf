import { DimensionError, isHuggingFaceType, layerTypes, numel } from "../catalogue/index.js";
import { formatInteger } from "../count/formula.js";
import { SpecError, closestName, diagnostic, userErrors, type Diagnostic, type SourcePosition } from "../diagnostics/index.js";
import type { PositionAt } from "../resolve/evaluate.js";
import { hiddenTensors, libraryLayer, type HiddenTensors } from "./library-classes.js";
import { suggestTies } from "./shared-modules.js";
import { MAX_MODULE_DEPTH, MAX_NAME_LENGTH, describeCall, type ImportedSpec, type SpecChild, type SpecNode } from "./spec-tree.js";

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
  /** What the spec may not count right, each at the first place print(model) shows it. */
  warnings: Diagnostic[];
  /** What the count may lack or hold twice, for the summary line: parameters missing, or doubled by a shared module. */
  caveats?: string[];
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
/** What a ModuleList prints for a slot holding None. */
const NONE = "None";

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
      throw new SpecError("printed-model-syntax", at(i), "')' closes nothing", "the file should hold exactly what print(model) printed");
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
    throw new SpecError(
      "printed-model-syntax",
      at(0),
      `expected a module such as Linear(...), found '${text}'`,
      "the file should hold exactly what print(model) printed, nothing before or after",
    );
  }
  const module: ReprModule = { type, children: [], extra: [], position: at(0) };
  // A ParameterList or ParameterDict of one tensor prints it on its own line: `ParameterList(  (0): Parameter containing: [...])`.
  const single = SINGLE_PARAMETER.exec(text);
  const parameter = single && parameterModule(single[2]!, at(text.indexOf(single[2]!)));
  if (single && parameter) return { ...module, children: [{ name: single[1]!, count: 1, module: parameter }] };
  const depth = depthAfter(text, at);
  if (depth === 0 && text.endsWith(")")) module.call = text;
  else if (depth === 1 && text === `${type}(`) open(module);
  else
    throw new SpecError(
      "printed-model-syntax",
      at(text.length),
      depth === 0 ? `unexpected text after '${type}(...)'` : `'${type}(' is not closed on its line`,
      "a module prints either whole on one line, or as 'Type(' with its children below",
    );
  return module;
}

/** Names a module's children have taken: one child per name, and numbered runs that do not overlap. */
interface TakenNames {
  names: Set<string>;
  runs: [first: number, last: number][];
}

/** The child `name` (or the run of `count` from it) of the module whose names are `taken`, checked to be new and exact. */
function childName(text: string, countText: string | undefined, taken: TakenNames, at: (offset: number) => SourcePosition): { name: string; count: number } {
  if (text.length > MAX_NAME_LENGTH) {
    throw new SpecError(
      "printed-model-names",
      at(1),
      `a child name of ${text.length} characters, more than the ${MAX_NAME_LENGTH} a spec name may have`,
      "the file should hold exactly what print(model) printed",
    );
  }
  const range = RANGE.exec(text);
  const numbers = range ? [range[1]!, range[2]!, countText!] : /^\d+$/.test(text) ? [text] : [];
  if (numbers.some((number) => !Number.isSafeInteger(Number(number)))) {
    throw new SpecError(
      "printed-model-names",
      at(1),
      `'(${text})' numbers a child past 2^53`,
      "no ModuleList holds that many modules: the file should hold exactly what print(model) printed",
    );
  }
  let name = text;
  let count = 1;
  if (countText !== undefined) {
    count = Number(countText);
    if (!range || count < 1 || Number(range[2]) - Number(range[1]) + 1 !== count) {
      throw new SpecError("printed-model-names", at(1), `'(${text}): ${countText} x' does not name ${countText} children`, "ModuleList prints a run as (first-last): N x Module(");
    }
    name = range[1]!;
  }
  const first = Number(name);
  const last = first + count - 1;
  const overlapping = /^\d+$/.test(name) && taken.runs.some(([from, to]) => first <= to && last >= from);
  if (taken.names.has(name) || overlapping || (count > 1 && [...taken.names].some((other) => /^\d+$/.test(other) && Number(other) >= first && Number(other) <= last))) {
    throw new SpecError(
      "printed-model-names",
      at(1),
      `a second child named '${text}' in one module`,
      "a module's children have distinct names: the file should hold exactly what print(model) printed",
    );
  }
  taken.names.add(name);
  if (count > 1) taken.runs.push([first, last]);
  return { name, count };
}

/** Parses what print(model) printed into its module tree; anything else is an error at file:line:col. */
export function parseTorchRepr(text: string, file: string): ReprModule {
  const open: ReprModule[] = [];
  const taken = new Map<ReprModule, TakenNames>();
  let root: ReprModule | undefined;
  const opener = (at: (offset: number) => SourcePosition) => (module: ReprModule) => {
    if (open.length >= MAX_MODULE_DEPTH) {
      throw new SpecError(
        "printed-model-too-large",
        at(0),
        `modules nested more than ${MAX_MODULE_DEPTH} levels deep`,
        "a spec holds at most that many; real models nest a dozen levels at most: is the file what print(model) printed?",
      );
    }
    open.push(module);
  };
  text.split(/\r?\n/).forEach((raw, index) => {
    const content = raw.trim();
    if (!content) return;
    const column = raw.length - raw.trimStart().length + 1;
    const at = (offset: number): SourcePosition => ({ file, line: index + 1, col: column + offset });
    const parent = open.at(-1);
    if (!parent) {
      if (root)
        throw new SpecError("printed-model-syntax", at(0), "text after the end of the model", "the file should hold exactly what print(model) printed, nothing before or after");
      root = moduleAt(content, at, opener(at));
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
    let names = taken.get(parent);
    if (!names) taken.set(parent, (names = { names: new Set(), runs: [] }));
    const { name, count } = childName(child[1]!, child[2], names, at);
    const rest = content.slice(child[0].length);
    const restAt = (offset: number) => at(child[0].length + offset);
    // A ModuleList slot holding None: no module, no tensors.
    const module =
      rest === NONE ? { type: NONE, call: NONE, children: [], extra: [], position: restAt(0) } : (parameterModule(rest, restAt(0)) ?? moduleAt(rest, restAt, opener(at)));
    parent.children.push({ name, count, module });
  });
  if (!root)
    throw new SpecError("printed-model-syntax", { file, line: 1, col: 1 }, "the file holds no model", "save what print(model) prints, e.g. python -c 'print(model)' > model.txt");
  const unclosed = open.at(-1);
  if (unclosed) throw new SpecError("printed-model-syntax", unclosed.position, `'${unclosed.type}(' is never closed`, "the file ends inside this module: is it cut short?");
  return root;
}

interface Occurrence {
  path: string;
  module: ReprModule;
  /** How many modules the path stands for: the product of the runs it is in. */
  instances: number;
}

/** A module holding tensors print(model) does not show, where it is and what it holds. */
interface HiddenOccurrence extends Occurrence {
  hidden: HiddenTensors;
  /** Whether the spec holds Identity() in its place (a leaf), or its children (a container). */
  replaced: boolean;
}

/** What the conversion could not count, gathered to report each unknown type once. */
interface Findings {
  unknown: Map<string, Occurrence[]>;
  hidden: Map<string, HiddenOccurrence[]>;
  invalid: Diagnostic[];
  /** Paths of None slots. */
  empty: string[];
  /** Calls known to count. */
  counted: Set<string>;
  attention: boolean;
}

const placeholder = (comment: string): SpecNode => ({ kind: "layer", call: PLACEHOLDER, comment: `TODO ${comment}` });

const knownTypes = new Set(layerTypes());

/** Catalogue types that print(model) shows without the sizes their call needs: transformers' T5LayerNorm() holds a weight it does not print. */
const PRINTED_WITHOUT_SIZES = new Set(["T5LayerNorm"]);

const at = (module: ReprModule) => (offset: number) => ({ ...module.position, col: module.position.col + offset });

const counts = (call: string) => {
  try {
    describeCall(call, () => ({ file: "", line: 1, col: 1 }));
    return true;
  } catch {
    return false;
  }
};

/** `call` if the catalogue counts it; else the problem is listed, positioned at the module, and Identity() stands in. */
function checkedLayer(module: ReprModule, call: string, path: string, findings: Findings, comment?: string, positionAt: PositionAt = at(module)): SpecNode {
  try {
    // A ModuleList of 100,000 alike layers prints one call 100,000 times: it is described once.
    if (!findings.counted.has(call)) describeCall(call, positionAt);
    findings.counted.add(call);
  } catch (error) {
    const found = userErrors(error);
    // A size below 1 is never a real model's (PyTorch cannot build a negative one): refused, not replaced by a placeholder that counts nothing.
    if (!found || error instanceof DimensionError) throw error;
    const hint = "PyTorch builds no such layer: the file should hold exactly what print(model) printed";
    findings.invalid.push(
      ...found.map((problem) =>
        diagnostic("printed-arguments-invalid", problem.position, `${path}: ${problem.detail}; the spec holds ${PLACEHOLDER} in its place`, problem.hint ?? hint),
      ),
    );
    return placeholder(`print(model) shows ${module.call ?? call}, which does not count: ${found[0]!.detail}`);
  }
  return comment ? { kind: "layer", call, comment } : { kind: "layer", call };
}

/**
 * PyTorch prints a MultiheadAttention as its out_proj alone, hiding embed_dim, num_heads, kdim, vdim and
 * add_bias_kv. out_proj is Linear(embed_dim, embed_dim); num_heads does not change the count, so 1 will do.
 */
function attentionLayer(module: ReprModule, path: string, findings: Findings): SpecNode | undefined {
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
  const call = `MultiheadAttention(${projection.args.int("in_features")}, 1${bias})`;
  // The call is built here, so its problems are the printed out_proj's.
  return checkedLayer(module, call, path, findings, "num_heads=1: print(model) hides it, and the count does not depend on it", () => child.module.position);
}

function recordHidden(module: ReprModule, occurrence: Occurrence, replaced: boolean, findings: Findings): boolean {
  const hidden = hiddenTensors(module);
  if (!hidden) return false;
  findings.hidden.set(module.type, [...(findings.hidden.get(module.type) ?? []), { ...occurrence, hidden, replaced }]);
  return true;
}

function leafNode(module: ReprModule, call: string, occurrence: Occurrence, findings: Findings): SpecNode {
  if (CONTAINERS.has(module.type) && call === `${module.type}()`) return { kind: "module", children: [], type: module.type };
  if (!knownTypes.has(module.type) || (PRINTED_WITHOUT_SIZES.has(module.type) && !counts(call))) {
    const library = libraryLayer(module.type, call, counts);
    if (library) return library;
    if (recordHidden(module, occurrence, true, findings)) return placeholder(`print(model) shows ${call}, whose tensors it does not show: see the note at the top`);
    findings.unknown.set(module.type, [...(findings.unknown.get(module.type) ?? []), occurrence]);
    return placeholder(`print(model) shows ${call}: see the note at the top`);
  }
  return checkedLayer(module, call, occurrence.path, findings, module.comment);
}

function convert(module: ReprModule, path: string, instances: number, findings: Findings): SpecNode {
  const occurrence = { path, module, instances };
  if (module.call !== undefined) return leafNode(module, module.call, occurrence, findings);
  const attention = attentionLayer(module, path, findings);
  if (attention) return attention;
  // A module whose extra_repr spans lines and which has no children is a layer printed on several lines.
  if (module.children.length === 0) return leafNode(module, `${module.type}(${module.extra.join(", ")})`, occurrence, findings);
  recordHidden(module, occurrence, false, findings);
  const children: SpecChild[] = [];
  for (const child of module.children) {
    const name = child.count > 1 ? `[${child.name}-${Number(child.name) + child.count - 1}]` : child.name;
    const childPath = path ? `${path}.${name}` : name;
    const childInstances = instances * child.count;
    // The spec counts runs of runs symbolically, but no further than exact integers go.
    if (!Number.isSafeInteger(childInstances)) {
      throw new SpecError(
        "printed-model-too-large",
        child.module.position,
        `${childPath} stands for more than 2^53 modules, runs inside runs`,
        "no model holds that many: the file should hold exactly what print(model) printed",
      );
    }
    if (child.module.type === NONE) findings.empty.push(childPath);
    else children.push({ name: child.name, count: child.count, node: convert(child.module, childPath, childInstances, findings) });
  }
  return { kind: "module", children, type: module.type };
}

/** Catalogue types the unknown type may be: its suffix (LlamaRMSNorm → RMSNorm), or a near spelling (Conv2D → Conv2d). */
function lookalike(module: ReprModule, call: string): string | undefined {
  const suffix = [...knownTypes].filter((type) => type.length >= 4 && module.type.endsWith(type)).sort((a, b) => b.length - a.length)[0];
  for (const type of [suffix, closestName(module.type, knownTypes)]) {
    if (type === undefined) continue;
    const candidate = type + call.slice(module.type.length);
    if (counts(candidate)) return candidate;
  }
  return undefined;
}

/** `  file:line:col: path: what`, for the first few occurrences, and how many more. */
function occurrenceLines(occurrences: readonly Occurrence[], what: (occurrence: Occurrence) => string): string[] {
  const shown = occurrences.slice(0, SHOWN_OCCURRENCES).map((occurrence) => {
    const { file, line, col } = occurrence.module.position;
    return `  ${file}:${line}:${col}: ${occurrence.path || "the model itself"}: ${what(occurrence)}`;
  });
  return [...shown, ...(occurrences.length > SHOWN_OCCURRENCES ? [`  ... and ${occurrences.length - SHOWN_OCCURRENCES} more`] : [])];
}

/** A count for a message: runs nested in runs can multiply past 2^53, where a number would be rounded. */
const exactly = (count: number) => (Number.isSafeInteger(count) ? formatInteger(count) : "more than 9,007,199,254,740,991");

/** `once`, `3 times`, or `12 times, 62 modules` where runs make one printed line stand for several modules. */
function printedTimes(occurrences: readonly Occurrence[]): string {
  const places = occurrences.length === 1 ? "once" : `${occurrences.length} times`;
  const modules = occurrences.reduce((sum, occurrence) => sum + occurrence.instances, 0);
  return modules === occurrences.length ? places : `${places}, ${exactly(modules)} modules`;
}

function unknownWarning(type: string, occurrences: Occurrence[]): string {
  const first = occurrences[0]!;
  const call = first.module.call ?? `${type}(...)`;
  const leafName = first.path.split(".").at(-1)!;
  const suggestion = lookalike(first.module, call);
  const suggested = suggestion?.slice(0, suggestion.indexOf("("));
  return [
    `${type} is no layer type model-budget knows (printed ${printedTimes(occurrences)}); the spec holds ${PLACEHOLDER} in its place, which holds no tensors:`,
    ...occurrenceLines(occurrences, ({ module }) => module.call ?? `${type}(...)`),
    `  print(model) shows a module's children, never the tensors a module creates itself. If ${type} holds an nn.Parameter`,
    `  (self.weight = nn.Parameter(...), say), write each as a Parameter entry with its name and shape:`,
    `  - ${leafName}: {layers: [{weight: Parameter(SIZE)}]}`,
    `  If it holds none (an activation function, say), ${PLACEHOLDER} is right.`,
    ...(suggestion && suggested ? [`  If ${type} is ${isHuggingFaceType(suggested) ? "transformers'" : "torch.nn's"} ${suggested} under another name, write ${suggestion}.`] : []),
  ].join("\n");
}

const shapeText = (shape: number[] | string) => (typeof shape === "string" ? shape : `[${shape.join(", ")}]`);
const tensorsText = (hidden: HiddenTensors) => hidden.tensors.map((tensor) => `${tensor.name} ${shapeText(tensor.shape)}`).join(", ");
/** The elements the hidden tensors hold in one module, or undefined when print(model) does not tell a size. */
function hiddenElements(hidden: HiddenTensors): number | undefined {
  let sum = 0;
  for (const { shape } of hidden.tensors) {
    if (typeof shape === "string") return undefined;
    sum += numel(shape);
  }
  return sum;
}

function hiddenWarning(type: string, occurrences: HiddenOccurrence[]): string {
  const [first] = occurrences as [HiddenOccurrence, ...HiddenOccurrence[]];
  const entries = first.hidden.tensors.map(({ name, shape }) => `${name}: Parameter(${typeof shape === "string" ? shape.slice(1, -1) : shape.join(", ")})`);
  const leafName = first.path.split(".").at(-1)!;
  const where = first.replaced
    ? `the spec holds ${PLACEHOLDER} in its place; write it as a module of Parameter entries:\n  - ${leafName}: {layers: [${entries.map((entry) => `{${entry}}`).join(", ")}]}`
    : `add them to its layers as Parameter entries, before its children as named_parameters() lists them:\n  - ${entries.join("\n  - ")}`;
  return [
    `${type} holds tensors print(model) does not show (printed ${printedTimes(occurrences)}), which the spec does not count:`,
    ...occurrenceLines(occurrences, (occurrence) => tensorsText((occurrence as HiddenOccurrence).hidden)),
    `  ${where}`,
    ...(first.hidden.note ? [`  (${first.hidden.note}; check the sizes against the model's code or checkpoint)`] : []),
  ].join("\n");
}

/** The summary's words on what the count may lack or hold twice. */
function caveats(findings: Findings, doubled: number): string[] {
  const hidden = [...findings.hidden.values()].flat();
  const known = hidden.reduce((sum, occurrence) => sum + (hiddenElements(occurrence.hidden) ?? 0) * occurrence.instances, 0);
  const unsized = [...new Set(hidden.filter((occurrence) => hiddenElements(occurrence.hidden) === undefined).map((occurrence) => occurrence.module.type))];
  const sized = [...new Set(hidden.filter((occurrence) => hiddenElements(occurrence.hidden) !== undefined).map((occurrence) => occurrence.module.type))];
  const unknown = [...findings.unknown.keys()];
  return [
    ...(known ? [`${exactly(known)} parameters are missing: tensors of ${sized.join(", ")} that print(model) does not show (see the warnings)`] : []),
    ...(unsized.length ? [`parameters print(model) does not size are missing: the tensors of ${unsized.join(", ")} (see the warnings)`] : []),
    ...(unknown.length ? [`parameters may be missing: ${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} counted as holding none (see the warnings)`] : []),
    ...(findings.invalid.length
      ? [
          `parameters may be missing: ${findings.invalid.length === 1 ? "a layer" : `${findings.invalid.length} layers`} whose printed arguments do not count ${findings.invalid.length === 1 ? "is" : "are"} counted as holding none (see the warnings)`,
        ]
      : []),
    ...(doubled
      ? [`up to ${exactly(doubled)} parameters may be counted twice: modules printed at several places may be one shared module (see the suggested tie: at the end of the spec)`]
      : []),
  ];
}

/** Turns what print(model) printed into a spec whose counts are PyTorch's, with what it could not count listed. */
export function importTorchRepr(text: string, file: string, model: string): ImportResult {
  const root = parseTorchRepr(text, file);
  const findings: Findings = { unknown: new Map(), hidden: new Map(), invalid: [], empty: [], counted: new Set(), attention: false };
  const node = convert(root, "", 1, findings);
  const layers: SpecChild[] = node.kind === "module" ? node.children : [{ name: "0", count: 1, node }];
  const suggestedTies = suggestTies(layers);
  const doubled = suggestedTies.reduce((sum, suggestion) => sum + suggestion.ties.reduce((inner, tie) => inner + tie.elements, 0), 0);
  const notes = [
    `Generated by model-budget import torch-repr from ${file.split("/").at(-1)}, what print(model) printed.`,
    "print(model) shows modules and layers, never the tensors a custom module creates itself (nn.Parameter,",
    "register_buffer) nor which weights are shared: add those as Parameter entries and under tie:.",
    ...(findings.attention
      ? [
          "print(model) hides MultiheadAttention's num_heads, kdim, vdim and add_bias_kv: num_heads is 1 here, which counts",
          "the same as any other; kdim, vdim and add_bias_kv are PyTorch's defaults. Check them against the model's code.",
        ]
      : []),
    ...(findings.empty.length ? [`print(model) shows None at ${findings.empty.join(", ")}: an empty slot of a ModuleList, holding no tensors; the spec skips its number.`] : []),
    ...(findings.unknown.size || findings.invalid.length || [...findings.hidden.values()].some((occurrences) => occurrences[0]!.replaced)
      ? [`Entries marked TODO hold ${PLACEHOLDER} where print(model) shows a layer model-budget cannot count.`]
      : []),
  ];
  const warnings = [
    ...[...findings.unknown].map(([type, occurrences]) => diagnostic("unknown-printed-module", occurrences[0]!.module.position, unknownWarning(type, occurrences))),
    ...[...findings.hidden].map(([type, occurrences]) => diagnostic("hidden-tensors", occurrences[0]!.module.position, hiddenWarning(type, occurrences))),
    ...findings.invalid,
  ];
  return { spec: { model, notes, layers, suggestedTies }, warnings, caveats: caveats(findings, doubled) };
}
