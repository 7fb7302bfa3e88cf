import { DIAGNOSTICS, type DiagnosticName, type Severity } from "./codes.js";

export { DIAGNOSTICS, STAGES, stageOf, type DiagnosticKind, type DiagnosticName, type Severity } from "./codes.js";

/** Where something is in a spec file: 1-based line and column, as editors show them. */
export interface SourcePosition {
  file: string;
  line: number;
  col: number;
  /** Where the offending text ends (exclusive), when it is known and on the same or a later line. */
  endLine?: number;
  endCol?: number;
}

/**
 * Any problem a user can fix in their input. The message says what is wrong, the hint what to do;
 * every stage throws these so the CLI and the action print them the same way.
 */
export class SpecError extends Error {
  /** The kind's kebab name, e.g. unknown-layer-type; its code and severity are in DIAGNOSTICS. */
  readonly kind: DiagnosticName;
  readonly position: SourcePosition;
  readonly hint: string | undefined;
  readonly detail: string;

  constructor(kind: DiagnosticName, position: SourcePosition, detail: string, hint?: string) {
    super(formatDiagnostic(position, detail, hint));
    this.name = "SpecError";
    this.kind = kind;
    this.position = position;
    this.detail = detail;
    this.hint = hint;
  }

  /** The stable code, e.g. MB401. */
  get code(): string {
    return DIAGNOSTICS[this.kind].code;
  }

  get severity(): Severity {
    return DIAGNOSTICS[this.kind].severity;
  }
}

/**
 * A file that cannot be read as asked: missing rights, not a regular file (a directory, a FIFO,
 * /dev/zero), too large, or outside the folder it must stay in. Its detail is a predicate
 * ("is a directory, not a regular file") so whoever named the file can report it at that spot.
 */
export class FileAccessError extends SpecError {
  constructor(kind: DiagnosticName, file: string, detail: string, hint?: string) {
    super(kind, { file, line: 1, col: 1 }, detail, hint);
    this.name = "FileAccessError";
  }
}

/** A position that covers `text` written there on one line: a name, so the CLI underlines all of it. */
export function spanning(position: SourcePosition, text: string): SourcePosition {
  return { ...position, endLine: position.line, endCol: position.col + text.length };
}

export function formatDiagnostic(position: SourcePosition, detail: string, hint?: string): string {
  const head = `${position.file}:${position.line}:${position.col}: ${detail}`;
  return hint ? `${head}\n  ${hint}` : head;
}

/** Levenshtein distance, for "did you mean" suggestions. */
function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/** The candidate closest to `name` (case-insensitive), if it is close enough to be a likely typo. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const closest = closestName(name, candidates);
  return closest === undefined ? undefined : `did you mean '${closest}'?`;
}

/** Several independent problems found in one pass (all schema violations of a file), reported together. */
export class SpecErrors extends Error {
  readonly errors: SpecError[];

  constructor(errors: SpecError[]) {
    super(errors.map((error) => error.message).join("\n"));
    this.name = "SpecErrors";
    this.errors = errors;
  }
}

/** The individual errors of a thrown SpecError or SpecErrors, or undefined for anything else (a bug). */
export function userErrors(error: unknown): SpecError[] | undefined {
  if (error instanceof SpecErrors) return error.errors;
  if (error instanceof SpecError) return [error];
  return undefined;
}

/**
 * A diagnostic as plain data: what `--format json` prints, saved reports keep, and annotations show.
 * `offset` is the byte of a binary file (safetensors, ONNX) where the problem is; its line and column are then 1.
 */
export interface Diagnostic {
  code: string;
  name: DiagnosticName;
  severity: Severity;
  file: string;
  line: number;
  col: number;
  endLine?: number;
  endCol?: number;
  offset?: number;
  message: string;
  hint?: string;
}

/** A diagnostic that is not thrown (a warning, a note): built at its position like a SpecError. */
export function diagnostic(kind: DiagnosticName, position: SourcePosition, message: string, hint?: string): Diagnostic {
  const { code, severity } = DIAGNOSTICS[kind];
  const { file, line, col, endLine, endCol } = position;
  return { code, name: kind, severity, file, line, col, ...(endLine === undefined ? {} : { endLine, endCol }), message, ...(hint ? { hint } : {}) };
}

/** A thrown error as data. */
export function toDiagnostic(problem: SpecError): Diagnostic {
  const data = diagnostic(problem.kind, problem.position, problem.detail, problem.hint);
  const offset = (problem as SpecError & { offset?: unknown }).offset;
  return typeof offset === "number" ? { ...data, offset } : data;
}

/**
 * Errors gathered while a stage goes on past them, so one run reports every independent mistake.
 * The same mistake reached twice (a block used at several places) is kept once.
 */
export class DiagnosticCollector {
  readonly errors: SpecError[] = [];
  private readonly seen = new Set<string>();

  /** Runs `work`; a user error it throws is collected and `undefined` returned, anything else propagates. */
  attempt<T>(work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      const found = userErrors(error);
      if (!found) throw error;
      this.add(...found);
      return undefined;
    }
  }

  add(...errors: SpecError[]): void {
    for (const error of errors) {
      const key = `${error.kind} ${error.position.file}:${error.position.line}:${error.position.col}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.errors.push(error);
    }
  }

  get failed(): boolean {
    return this.errors.length > 0;
  }

  /** Throws what was collected, in file and then source order, as a compiler lists them. */
  throwIfAny(): void {
    if (this.errors.length === 1) throw this.errors[0]!;
    if (this.errors.length > 1) throw new SpecErrors(inSourceOrder(this.errors));
  }

  /** Throws what was collected, when a stage could not go on. */
  fail(): never {
    this.throwIfAny();
    throw new Error("a stage stopped without an error to report");
  }
}

function inSourceOrder(errors: readonly SpecError[]): SpecError[] {
  const files = [...new Set(errors.map((error) => error.position.file))];
  return [...errors].sort((a, b) => files.indexOf(a.position.file) - files.indexOf(b.position.file) || a.position.line - b.position.line || a.position.col - b.position.col);
}
