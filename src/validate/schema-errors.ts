import type { ErrorObject } from "ajv";
import { SpecError, didYouMean, type DiagnosticName, type SourcePosition } from "../diagnostics/index.js";
import type { DataPath, YamlSource } from "../parse/yaml.js";

/** `/layers/3/c_fc` as the user thinks of it: `layers[3].c_fc`. */
export function describePath(path: DataPath): string {
  if (path.length === 0) return "the file's top level";
  return path.map((segment, index) => (typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join("");
}

function dataPath(error: ErrorObject, data: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of error.instancePath.split("/").slice(1)) {
    const segment = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    const step = Array.isArray(node) ? Number(segment) : segment;
    path.push(step);
    node = (node as Record<string | number, unknown> | undefined)?.[step];
  }
  return path;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the string '${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- lists, mappings and strings returned above: a scalar is left
  return `${typeof value === "number" && Number.isInteger(value) ? "the integer" : `the ${typeof value}`} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "true or false",
  null: "~",
};

function valueAt(data: unknown, path: DataPath): unknown {
  return path.reduce<unknown>((node, segment) => (node as Record<string | number, unknown> | undefined)?.[segment], data);
}

/** Hints for the places users most often get wrong, keyed by the parent of the failing path. */
function hintFor(path: DataPath, keyword: string): string | undefined {
  // The file format's version (spec and budget file alike): the one place a newer file meets an older tool.
  if (path.length === 1 && path[0] === "format") {
    return "this model-budget reads format 1 (also when format: is left out); a file in a newer format needs a newer model-budget: CHANGELOG.md says what changed and how to migrate";
  }
  const inLayers = path.some((segment) => segment === "layers");
  if (path.at(-1) === "frozen" || path.at(-2) === "frozen") return "write frozen: true for every parameter, or a list of tensor names such as frozen: [bias]";
  if (keyword === "maxProperties" && inLayers) return "each entry is a one-key mapping `- name: Layer(...)`; indent a layer's options under its name";
  if (inLayers && (keyword === "type" || keyword === "propertyNames")) {
    return "a layer is a call string `Linear(d, 4 * d)`, or a mapping with one of type:, layer:, layers:, use:, include:";
  }
  return undefined;
}

/** The diagnostic kind of a schema keyword's violation. */
function kindOf(keyword: string): DiagnosticName {
  if (keyword === "additionalProperties") return "unknown-key";
  if (keyword === "required") return "missing-key";
  if (keyword === "type" || keyword === "oneOf" || keyword === "anyOf") return "wrong-type";
  return "invalid-value";
}

const ALTERNATIVES = new Set(["oneOf", "anyOf"]);

/**
 * ajv reports a value that fits no branch of a `oneOf`/`anyOf` once per branch, then once for the
 * keyword. When every branch refused the value's type, one problem remains: the keyword's, with the
 * types the branches take. When some branch took the type and failed deeper, that branch's errors
 * say what is wrong, and the other branches' type errors are noise.
 */
function foldAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  const folded = new Map<ErrorObject, ErrorObject>();
  // An inner oneOf's errors come before the outer one's, and are its branch's alone.
  const claimed = new Set<ErrorObject>();
  errors.forEach((error, index) => {
    if (!ALTERNATIVES.has(error.keyword)) return;
    const path = error.instancePath;
    const branches = errors.slice(0, index).filter((other) => !claimed.has(other) && (other.instancePath === path || other.instancePath.startsWith(`${path}/`)));
    for (const other of branches) claimed.add(other);
    const typeErrors = branches.filter((other) => other.keyword === "type" && other.instancePath === path);
    for (const other of typeErrors) dropped.add(other);
    if (typeErrors.length === branches.length) {
      const types = [...new Set(typeErrors.flatMap((other) => String(other.params.type).split(",")))];
      folded.set(error, { ...error, params: { ...error.params, types } });
    } else {
      dropped.add(error);
      for (const other of otherForms(error, branches, typeErrors)) dropped.add(other);
    }
  });
  return errors.filter((error) => !dropped.has(error)).map((error) => folded.get(error) ?? error);
}

/**
 * Where several forms of the value's type fail (`{tokens: N}`, `{ids: [...]}`, `{shape: [...]}`), the
 * errors of every form but the one the value is closest to: the form whose required keys it has, then
 * the one with the fewest errors. Telling `{shape: [3], extra: 1}` it lacks `tokens` would mislead.
 */
function otherForms(alternatives: ErrorObject, branches: readonly ErrorObject[], typeErrors: readonly ErrorObject[]): ErrorObject[] {
  const forms = new Map<string, ErrorObject[]>();
  for (const other of branches) {
    if (typeErrors.includes(other)) continue;
    const form = other.schemaPath.slice(alternatives.schemaPath.length + 1).split("/")[0]!;
    forms.set(form, [...(forms.get(form) ?? []), other]);
  }
  if (forms.size < 2) return [];
  const distance = (errors: readonly ErrorObject[]) => (errors.some((other) => other.keyword === "required") ? 1000 : 0) + errors.length;
  const closest = [...forms.values()].reduce((best, errors) => (distance(errors) < distance(best) ? errors : best));
  return [...forms.values()].filter((errors) => errors !== closest).flat();
}

/** A schema's description up to its first sentence's end: the hint for a value that fits none of its forms. */
function firstSentence(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const end = description.search(/\.(\s|$)/);
  return end < 0 ? description : description.slice(0, end + 1);
}

/** One ajv error, located: what a keyword's message is made from. */
interface Problem {
  error: ErrorObject;
  /** All errors of the file, folded: propertyNames reads the enum error beside it. */
  errors: readonly ErrorObject[];
  source: YamlSource;
  path: DataPath;
  /** The path as the user thinks of it. */
  where: string;
  value: unknown;
  /** The hint for the place (hintFor), which a keyword may keep, default or replace. */
  hint: string | undefined;
}

/** A keyword's message; `position` where it is not the value's (a key's), `hint` the final one. */
interface Described {
  message: string;
  hint: string | undefined;
  position?: SourcePosition;
}

const schemaDescription = (error: ErrorObject) => (error.parentSchema as { description?: string } | undefined)?.description;

/** What each JSON Schema keyword's failure says, built from the schema (its types, keys, values and descriptions). */
const KEYWORD_MESSAGES: Readonly<Record<string, (problem: Problem) => Described>> = {
  type: ({ error, where, value, hint }) => {
    const expected = String(error.params.type)
      .split(",")
      .map((name) => TYPE_NAMES[name] ?? name);
    return { message: `${where} must be ${expected.join(" or ")}, not ${typeName(value)}`, hint };
  },
  required: ({ error, where, hint }) => ({ message: `${where} is missing '${error.params.missingProperty}'`, hint }),
  additionalProperties: ({ error, source, path, where, hint }) => {
    const name = String(error.params.additionalProperty);
    const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    return {
      position: source.keyAt([...path, name]),
      message: `unknown key '${name}' in ${where}`,
      hint: hint ?? didYouMean(name, allowed) ?? `allowed keys: ${allowed.join(", ")}`,
    };
  },
  propertyNames: ({ error, errors, source, path, where }) => {
    const name = String(error.params.propertyName);
    const position = source.keyAt([...path, name]);
    const allowed = errors.find((other) => other.keyword === "enum" && other.instancePath === error.instancePath && other.propertyName === name);
    if (allowed) {
      const keys = allowed.params.allowedValues as string[];
      return { position, message: `unknown key '${name}' in ${where}`, hint: didYouMean(name, keys) ?? `allowed keys: ${keys.join(", ")}` };
    }
    return { position, message: `'${name}' is not a valid name in ${where}`, hint: "names use letters, digits and _ (and must not start with a digit, except layer names)" };
  },
  "false schema": ({ source, path }) => ({
    position: source.keyAt(path),
    message: `'${String(path[path.length - 1])}' cannot be combined with 'type' in ${describePath(path.slice(0, -1))}`,
    hint: "a layer is either type: with its arguments, or one of layer:, layers:, use:, include:",
  }),
  maxProperties: ({ where, value, hint }) => ({ message: `${where} has ${Object.keys(value as object).length} keys where one is expected`, hint }),
  minProperties: ({ where, hint }) => ({ message: `${where} is empty`, hint }),
  minLength: ({ where, hint }) => ({ message: `${where} must not be empty`, hint }),
  oneOf: (problem) => alternatives(problem),
  anyOf: (problem) => alternatives(problem),
  pattern: ({ error, where, value, hint }) => {
    const description = schemaDescription(error);
    return {
      message: description
        ? `${where} is not ${description.charAt(0).toLowerCase()}${description.slice(1).replace(/\.$/, "")}, but ${typeName(value)}`
        : `${where} does not match the pattern ${error.params.pattern}`,
      hint,
    };
  },
  enum: ({ error, where, value, hint }) => {
    const allowed = (error.params.allowedValues as unknown[]).map(String);
    return { message: `${where} must be one of: ${allowed.join(", ")}, not ${typeName(value)}`, hint: typeof value === "string" ? (hint ?? didYouMean(value, allowed)) : hint };
  },
};

/** A value that fits none of a oneOf/anyOf's forms: the types they take (foldAlternatives), the schema's description as the hint. */
function alternatives({ error, where, value, hint }: Problem): Described {
  const types = (error.params.types as string[] | undefined) ?? [];
  const message = types.length
    ? `${where} must be ${types.map((name) => TYPE_NAMES[name] ?? name).join(" or ")}, not ${typeName(value)}`
    : `${where} has none of the forms it may take`;
  return { message, hint: hint ?? firstSentence(schemaDescription(error)) };
}

/** Turns ajv's errors into positioned messages, one per distinct problem, in file order. */
export function schemaErrors(allErrors: readonly ErrorObject[], source: YamlSource): SpecError[] {
  const seen = new Set<string>();
  const result: SpecError[] = [];
  const errors = foldAlternatives(allErrors);
  for (const error of errors) {
    // `if` only says that a branch failed; the branch's own error says what is wrong.
    // Errors about a property name (propertyName set) are read by the propertyNames case.
    if (error.keyword === "if" || error.propertyName !== undefined) continue;
    const path = dataPath(error, source.data);
    const problem: Problem = { error, errors, source, path, where: describePath(path), value: valueAt(source.data, path), hint: hintFor(path, error.keyword) };
    const describe = Object.hasOwn(KEYWORD_MESSAGES, error.keyword) ? KEYWORD_MESSAGES[error.keyword]! : undefined;
    const { message, hint, position = source.at(path) } = describe ? describe(problem) : { message: `${problem.where} ${error.message ?? "is invalid"}`, hint: problem.hint };
    const key = `${position.line}:${position.col}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(new SpecError(kindOf(error.keyword), position, message, hint));
  }
  return result.sort((a, b) => a.position.line - b.position.line || a.position.col - b.position.col);
}
