import { describeLayer, type DescribedLayer } from "../catalogue/index.js";
import { SpecError } from "../diagnostics/index.js";
import { ExpressionError, parseCall } from "../parse/expression.js";
import { evaluateCall, type PositionAt } from "../resolve/evaluate.js";

/** What an importer builds: PyTorch's module tree, before runs are folded and YAML is written. */
export type SpecNode =
  | { kind: "layer"; call: string; comment?: string }
  /** `type` is the module's class where the source names it (BasicBlock), shown as a comment. */
  | { kind: "module"; children: SpecChild[]; type?: string };

export interface SpecChild {
  /** The attribute name; a run of numbered children has its first index. */
  name: string;
  /** How many consecutive numbered children, all alike, the entry stands for: `(0-11): 12 x Block` in print(model). */
  count: number;
  node: SpecNode;
}

/** One tensor that may be another's: `tensor: owner` under the spec's tie:. */
export interface Tie {
  tensor: string;
  owner: string;
  /** The tensor's elements, which the tie would stop counting twice. */
  elements: number;
}

/** Ties the source suggests but cannot prove, written commented out with their reason. */
export interface TieSuggestion {
  reason: string;
  ties: Tie[];
}

export interface ImportedSpec {
  model: string;
  /** The spec's opening comment: how it was made and what its source cannot show. */
  notes: string[];
  layers: SpecChild[];
  suggestedTies?: TieSuggestion[];
}

/**
 * Modules nested deeper than this are refused by the importers: each level is three levels of the spec's
 * YAML, whose parser allows 64, and real models nest a dozen at most.
 */
export const MAX_MODULE_DEPTH = 20;

/** The longest module or tensor name the importers take: YAML reads a key of at most 1024 characters. */
export const MAX_NAME_LENGTH = 1000;

/** The schema's $id, which editors with the YAML language server resolve. */
export const SCHEMA_URL = "https://github.com/model-budget/model-budget/schema/model-spec.schema.json";

/** Keys that make a one-key mapping a layer body: a child of that name needs the long form. */
const BODY_KEYS = new Set(["type", "layer", "layers", "use", "include"]);
const SPEC_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
const INDEX = /^(?:0|[1-9]\d*)$/;
/** Words YAML reads as something other than a string, in either YAML version an editor may assume. */
const YAML_WORDS = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

/** Describes a call string as the counting engine will once it is in a spec; `positionAt` maps its offsets to its source. */
export function describeCall(text: string, positionAt: PositionAt): DescribedLayer {
  let parsed;
  try {
    parsed = parseCall(text);
  } catch (error) {
    if (error instanceof ExpressionError) throw new SpecError("expression-syntax", positionAt(error.offset), error.message, error.hint);
    throw error;
  }
  return describeLayer(evaluateCall(parsed, new Map(), positionAt, text));
}

/** A child named by its place: nn.Sequential's and nn.ModuleList's 0, 1, 2. */
export const isIndex = (name: string) => INDEX.test(name);

/** Merges consecutive numbered children that are alike into one run, as `repeat:` writes them. */
function fold(children: readonly SpecChild[]): SpecChild[] {
  const folded: SpecChild[] = [];
  let lastKey = "";
  for (const child of children) {
    const node = child.node.kind === "module" ? { ...child.node, children: fold(child.node.children) } : child.node;
    const key = JSON.stringify(node);
    const last = folded.at(-1);
    if (last && isIndex(last.name) && isIndex(child.name) && Number(child.name) === Number(last.name) + last.count && key === lastKey) {
      last.count += child.count;
      continue;
    }
    folded.push({ ...child, node });
    lastKey = key;
  }
  return folded;
}

/**
 * A YAML scalar: plain when YAML reads it back unchanged, else a JSON string, which YAML reads as one.
 * Control and bidi characters are quoted too, so that escaping them for a terminal keeps their meaning.
 */
function scalar(text: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = !/\s#|:\s|:$|[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/.test(text);
  return /^[A-Za-z_]/.test(text) && plain && !YAML_WORDS.test(text) ? text : JSON.stringify(text);
}

function key(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) && !YAML_WORDS.test(name) ? name : JSON.stringify(name);
}

const commentOf = (...parts: (string | undefined)[]) => {
  const comment = parts.filter(Boolean).join("; ");
  return comment ? `  # ${comment.replace(/\s+/g, " ")}` : "";
};
const indent = (lines: readonly string[], by: number) => lines.map((line) => `${" ".repeat(by)}${line}`);

/** A child's spec name: names a spec key cannot hold are rewritten, with the original in a comment. */
function names(children: readonly SpecChild[]): { name: string; note?: string }[] {
  const used = new Set(children.map((child) => child.name));
  return children.map((child) => {
    if (SPEC_NAME.test(child.name)) return { name: child.name };
    const base = child.name.replace(/[^A-Za-z0-9_-]/g, "_").replace(/^-/, "_") || "_";
    let name = base;
    for (let suffix = 2; used.has(name); suffix++) name = `${base}_${suffix}`;
    used.add(name);
    return { name, note: `'${child.name}' in the source; a spec name holds only letters, digits, _ and -` };
  });
}

/** The mapping of an entry: `repeat:` when it stands for several, then its call or its children. */
function body(count: number, node: SpecNode, note?: string): string[] {
  const repeat = count > 1 ? [`repeat: ${count}`] : [];
  if (node.kind === "layer") return [...repeat, `layer: ${scalar(node.call)}${commentOf(note, node.comment)}`];
  const items = renderList(node.children);
  return [...repeat, `${items.length ? "layers:" : "layers: []"}${commentOf(note, node.type)}`, ...indent(items, 2)];
}

/** One item of a layers list; `name` is undefined for a child numbered by its place, as in nn.Sequential. */
function item(name: string | undefined, count: number, node: SpecNode, note?: string): string[] {
  if (name !== undefined && count === 1 && node.kind === "module") {
    // A ModuleList of N alike children is `name: {repeat: N, ...}`: the paths are name.[0-N-1], as PyTorch's.
    const [run, ...others] = node.children;
    if (run && others.length === 0 && run.name === "0" && run.count > 1) return item(name, run.count, run.node, note);
  }
  if (count === 1 && node.kind === "layer" && (name === undefined || !BODY_KEYS.has(name))) {
    return [`- ${name === undefined ? "" : `${key(name)}: `}${scalar(node.call)}${commentOf(note, node.comment)}`];
  }
  if (name === undefined) {
    const [first, ...rest] = body(count, node, note);
    return [`- ${first}`, ...indent(rest, 2)];
  }
  return [`- ${key(name)}:`, ...indent(body(count, node, note), 4)];
}

function renderList(children: readonly SpecChild[]): string[] {
  const folded = fold(children);
  const named = names(folded);
  let next = 0;
  return folded.flatMap((child, index) => {
    const { name, note } = named[index]!;
    if (isIndex(child.name) && Number(child.name) === next) {
      next += child.count;
      return item(undefined, child.count, child.node, note);
    }
    // Numbered children after a gap keep their numbers as names, one entry each.
    if (child.count > 1) return Array.from({ length: child.count }, (_, offset) => item(String(Number(child.name) + offset), 1, child.node)).flat();
    return item(name, 1, child.node, note);
  });
}

/**
 * The suggested ties as a commented-out tie: block: deleting the leading `# ` of its lines gives a
 * working tie:, each tie under a comment with its reason; lines that do not hold can stay commented.
 */
function suggestedTieBlock(suggestions: readonly TieSuggestion[]): string[] {
  if (!suggestions.length) return [];
  const lines = [
    "tie:",
    ...suggestions.flatMap(({ reason, ties }) => [`  # ${reason.replace(/\s+/g, " ")}`, ...ties.map(({ tensor, owner }) => `  ${scalar(tensor)}: ${scalar(owner)}`)]),
  ];
  return [
    "# Suggested ties: print(model) prints a shared module at every place it is used, so the spec counts it at each.",
    "# Where the model shares it, uncomment the tie: line and the ties that hold, and it counts once, as parameters() does.",
    ...lines.map((line) => `# ${line}`),
  ];
}

/** The spec's YAML text. */
export function renderSpec(spec: ImportedSpec): string {
  const items = renderList(spec.layers);
  return [
    `# yaml-language-server: $schema=${SCHEMA_URL}`,
    ...spec.notes.flatMap((note) => note.split(/\r\n?|\n/)).map((line) => `# ${line}`),
    `model: ${scalar(spec.model)}`,
    items.length ? "layers:" : "layers: []",
    ...indent(items, 2),
    ...suggestedTieBlock(spec.suggestedTies ?? []),
    "",
  ].join("\n");
}
