import { parseCallOrName } from "../parse/expression.js";
import type { YamlSource } from "../parse/yaml.js";
import type { Scope } from "./evaluate.js";
import { evaluateCallText, integerAt } from "./scope.js";
import type { SpecData } from "./spec-data.js";
import type { PatternEntry, ResolvedAdapter } from "./types.js";

type PatternMap = Record<string, unknown> | undefined;

/** A `rank_pattern:` or `alpha_pattern:` mapping: each module-name pattern with its integer. */
function patterns(source: YamlSource, path: (string | number)[], raw: PatternMap, scope: Scope, what: string): PatternEntry[] {
  return Object.entries(raw ?? {}).map(([pattern, value]) => ({
    pattern,
    value: integerAt(source, [...path, pattern], value, scope, `${what} of '${pattern}'`),
    position: source.keyAt([...path, pattern]),
  }));
}

/**
 * Evaluates the spec's `adapters:` section (the schema allows one adapter) with the spec's vars:
 * the config call, and the rank and alpha patterns that only YAML can write (the call syntax has
 * no dicts). What the config means is the count stage's business.
 */
export function resolveAdapters(source: YamlSource, adapters: SpecData["adapters"], scope: Scope): ResolvedAdapter | undefined {
  const [entry] = Object.entries(adapters ?? {});
  if (!entry) return undefined;
  const [name, raw] = entry;
  const long = typeof raw === "object";
  const callPath = long ? ["adapters", name, "config"] : ["adapters", name];
  const text = long ? raw.config : raw;
  return {
    name,
    config: evaluateCallText(source, callPath, text, scope, parseCallOrName),
    patterns: {
      rank: long ? patterns(source, ["adapters", name, "rank_pattern"], raw.rank_pattern, scope, "rank_pattern") : [],
      alpha: long ? patterns(source, ["adapters", name, "alpha_pattern"], raw.alpha_pattern, scope, "alpha_pattern") : [],
    },
  };
}
