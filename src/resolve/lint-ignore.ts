import { DIAGNOSTICS, SpecError, didYouMean, stageOf, type DiagnosticName } from "../diagnostics/index.js";
import type { DataPath, YamlSource } from "../parse/yaml.js";

/** The review hints' names by code and by name: what a `lint: {ignore: [...]}` list may name. */
const HINT_NAMES = Object.entries(DIAGNOSTICS).filter(([, kind]) => stageOf(kind.code) === "10");
const BY_CODE = new Map(HINT_NAMES.map(([name, kind]) => [kind.code, name as DiagnosticName]));
const BY_NAME = new Map(HINT_NAMES.map(([name]) => [name, name as DiagnosticName]));

/**
 * The hints a `lint:` key (at the spec's top or on an entry) turns off, by name, added to those the
 * enclosing modules turn off. The schema has checked its shape: `{ignore: [string...]}`.
 */
export function lintIgnores(source: YamlSource, path: DataPath, raw: unknown, enclosing: readonly DiagnosticName[]): readonly DiagnosticName[] {
  const ignore = (raw as { ignore?: string[] } | undefined)?.ignore;
  if (!ignore?.length) return enclosing;
  const names = ignore.map((item, index) => {
    const name = BY_CODE.get(item.toUpperCase()) ?? BY_NAME.get(item);
    if (name) return name;
    throw new SpecError(
      "unknown-hint-code",
      source.at([...path, "ignore", index]),
      `lint: ignore names no review hint '${item}'`,
      didYouMean(item, [...BY_CODE.keys(), ...BY_NAME.keys()]) ?? `the hints are ${[...BY_CODE].map(([code, name]) => `${code} (${name})`).join(", ")}`,
    );
  });
  return [...new Set([...enclosing, ...names])];
}
