import { SpecError, type SourcePosition } from "../diagnostics/index.js";
import type { Value } from "../parse/values.js";
import { INDEX, type Scope } from "./evaluate.js";
import type { PathSegment, ResolvedLayer, TreeNode } from "./types.js";

/** Instances whose contents are resolved one by one, over the whole model: a bound on the work an index costs. */
export const MAX_INDEXED_INSTANCES = 10_000;

/** The values `index` takes, so that a nested repeat may rebind it and a var of that name may not. */
const indexValues = new WeakSet<Value>();

/** A run of a repeat's instances that resolve alike: one entry, as a repeat without an index is. */
export interface InstanceGroup {
  own: PathSegment[];
  instances: number;
  scope: Scope;
  childName: string;
}

/** True when an entry's text names `index` (not the keyword of `select(1, index=0)`): only then are its instances resolved one by one. */
export function mentionsIndex(body: unknown): boolean {
  return new RegExp(`\\b${INDEX}\\b(?!\\s*=[^=])`).test(JSON.stringify(body));
}

/** The scope of instance `value` of a repeat at `at`; a var or block parameter named index would be silently hidden, so it is an error. */
export function indexScope(scope: Scope, value: number, at: SourcePosition): Scope {
  const defined = scope.get(INDEX);
  if (defined && !indexValues.has(defined)) {
    throw new SpecError(
      "index-redefined",
      at,
      `'${INDEX}' is a variable here, and inside a repeat it is the instance number`,
      `rename the variable (in vars: or the block's params:)`,
    );
  }
  const bound: Value = { kind: "int", value };
  indexValues.add(bound);
  return new Map(scope).set(INDEX, bound);
}

/** What one instance resolved to, but for its own index in paths: equal signatures resolve alike. */
export function signature(layers: readonly ResolvedLayer[], nodes: readonly TreeNode[]): string {
  // Origins name the same places for every instance; they are no part of what an instance resolved to.
  const positional = new Set(["path", "segments", "own", "origins"]);
  return JSON.stringify({ layers, nodes }, (key, value: unknown) => (positional.has(key) ? undefined : value));
}
